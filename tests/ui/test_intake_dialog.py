"""The intake dialog driven like an officer drives it: from the keyboard."""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pypdf import PdfReader
from PySide6.QtCore import QDateTime, QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Procedure
from hcc_desktop.core.errors import FieldError, QrParseError
from hcc_desktop.core.identity import MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH, parse_cccd_qr
from hcc_desktop.services import Services
from hcc_desktop.ui.common.i18n import install_translators, remove_translators
from hcc_desktop.ui.common.messages import error_message, field_message
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.intake.checklist import COL_COUNT, ChecklistModel
from hcc_desktop.ui.intake.dialog import IntakeDialog
from tests.ui.conftest import show_active

BIRTH = "1.001193"
# A valid CCCD: Hồ Chí Minh (079), male born in the 2000s (2), 2003 (03).
CCCD = "079203001234"
QR_ASCII = f"{CCCD}|123456789|Nguyen Van An|15032003|Nam|12 Le Loi, phuong Sai Gon|01022021"
QR_VIETNAMESE = (
    f"{CCCD}|123456789|Nguyễn Văn An|15032003|Nam|"
    "12 Lê Lợi, phường Sài Gòn, Thành phố Hồ Chí Minh|01022021"
)

Key = Qt.Key
Mod = Qt.KeyboardModifier


# -- fixtures -------------------------------------------------------------------------


# The services and runner fixtures come from tests/ui/conftest.py.


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, runner: TaskRunner) -> Iterator[IntakeDialog]:
    d = IntakeDialog(services, runner)
    show_active(qtbot, d)
    qtbot.waitUntil(lambda: not d.loading_catalog)  # the finder's catalog: read on the runner
    yield d
    d.reset_form()  # closing a dialog with typed data would ask first


# -- keyboard helpers -------------------------------------------------------------------


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type into the focused widget, one key event per character.

    QTest only types ASCII (it aborts on anything else), so Vietnamese letters
    are sent as key events carrying the text, as a keyboard layout or a
    scanner in Unicode mode delivers them.
    """
    run = ""
    for ch in text:
        if ch.isascii():
            run += ch
            continue
        if run:
            qtbot.keyClicks(focused(), run)
            run = ""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(focused(), QKeyEvent(kind, 0, Mod.NoModifier, ch))
    if run:
        qtbot.keyClicks(focused(), run)


def choose_with_keyboard(qtbot: QtBot, dialog: IntakeDialog, words: str, code: str) -> None:
    assert focused() is dialog.finder.edit
    qtbot.keyClicks(focused(), words)
    assert dialog.finder.is_popup_visible()
    codes = dialog.finder.popup_codes()
    assert code in codes
    for _ in range(codes.index(code) + 1):
        press(qtbot, Key.Key_Down)
    assert dialog.finder.current_popup_code() == code
    press(qtbot, Key.Key_Return)
    assert chosen(dialog).code == code


def chosen(dialog: IntakeDialog) -> Procedure:
    procedure = dialog.procedure()
    assert procedure is not None
    return procedure


def open_preview(qtbot: QtBot, dialog: IntakeDialog) -> PdfPreviewDialog:
    qtbot.waitUntil(lambda: dialog.last_preview() is not None, timeout=10_000)
    preview = dialog.last_preview()
    assert preview is not None
    return preview


def tick_required_with_keyboard(qtbot: QtBot, dialog: IntakeDialog) -> None:
    model = dialog.checklist_model
    assert focused() is dialog.checklist
    for row in range(model.rowCount()):
        assert dialog.checklist.current_row() == row
        if model.is_required(row):
            press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Down)


def fill_applicant(dialog: IntakeDialog, *, phone: str = "0912345678") -> None:
    a = dialog.applicant
    a.full_name.setText("Nguyễn Văn An")
    a.id_number.setText(CCCD)
    a.date_of_birth.setText("15/03/2003")
    a.gender.setCurrentIndex(a.gender.findData("male"))
    a.phone.setText(phone)
    a.address.setText("12 Lê Lợi, phường Sài Gòn")


def pdf_text(data: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


# -- tests -------------------------------------------------------------------------------


def test_checklist_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services
) -> None:
    model = ChecklistModel()
    model.set_procedure(services.catalog.get(BIRTH))
    model.toggle_tick(0)
    model.add_extra("Sổ hộ khẩu cũ", model.row(0).form, 2)
    qtmodeltester.check(model, force_py=True)


def test_whole_intake_with_the_keyboard_only(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    choose_with_keyboard(qtbot, dialog, "khai sinh", BIRTH)
    assert "Đăng ký khai sinh" in dialog.procedure_info.text()
    assert focused() is dialog.checklist

    tick_required_with_keyboard(qtbot, dialog)
    model = dialog.checklist_model
    assert [r.ticked for r in model.rows()] == [
        model.is_required(i) for i in range(model.rowCount())
    ]
    assert not dialog.guidance_button.isEnabled()  # nothing required is missing

    press(qtbot, Key.Key_Tab)
    assert focused() is dialog.add_paper_button
    press(qtbot, Key.Key_Tab)
    assert focused() is dialog.applicant.full_name
    type_text(qtbot, "Nguyễn Văn An")
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), CCCD)
    press(qtbot, Key.Key_Return)  # Enter goes to the next field, it never accepts
    assert focused() is dialog.applicant.date_of_birth
    qtbot.keyClicks(focused(), "15032003")
    press(qtbot, Key.Key_Tab)
    assert focused() is dialog.applicant.gender
    # The CCCD's 4th digit (2: male, born in the 2000s) already chose the gender.
    assert dialog.applicant.gender.currentData() == "male"
    press(qtbot, Key.Key_Tab)
    assert focused() is dialog.applicant.phone
    qtbot.keyClicks(focused(), "0912 345 678")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "12 Lê Lợi, phường Sài Gòn")
    assert services.dossiers.count() == 0

    with qtbot.waitSignal(dialog.dossier_accepted, timeout=10_000) as accepted:
        press(qtbot, Key.Key_Return, Mod.ControlModifier)
    dossier = accepted.args[0]

    found = services.dossiers.search(CCCD)
    assert [s.code for s in found] == [dossier.code]
    stored = services.dossiers.get(dossier.code)
    assert stored.owner.full_name == "Nguyễn Văn An"
    assert stored.owner.phone == "0912345678"
    assert stored.owner.date_of_birth is not None
    assert stored.owner.date_of_birth.strftime("%d/%m/%Y") == "15/03/2003"
    assert stored.received_by == "Trần Thị Bình"
    assert {c.component_id for c in stored.components} == {
        s.id for s in services.catalog.get(BIRTH).components if s.required
    }

    preview = open_preview(qtbot, dialog)
    # The receipt holds its two liên (one to keep, one for the applicant): print it once.
    assert preview.page_count() == 2
    assert preview.copies == 1
    assert dossier.code in preview.windowTitle()
    preview.reject()

    # Ready for the next citizen, with the last dossier in the banner.
    assert dossier.code in dialog.banner_text()
    assert dialog.procedure() is None
    assert dialog.applicant.full_name.text() == ""
    assert not dialog.is_dirty()
    assert dialog.focusWidget() is dialog.finder.edit


@pytest.mark.parametrize("field", ["full_name", "phone"])
def test_cccd_qr_typed_into_a_field_fills_the_applicant(
    qtbot: QtBot, dialog: IntakeDialog, field: str
) -> None:
    a = dialog.applicant
    a.phone.setText("0987654321")
    target = a.widget_for(field)
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    if field == "full_name":
        qtbot.keyClicks(target, QR_ASCII)
        name, address = "Nguyen Van An", "12 Le Loi, phuong Sai Gon"
    else:
        type_text(qtbot, QR_VIETNAMESE)
        name, address = "Nguyễn Văn An", "12 Lê Lợi, phường Sài Gòn, Thành phố Hồ Chí Minh"
    press(qtbot, Key.Key_Return)  # the scanner's Enter ends the code

    assert a.full_name.text() == name
    assert a.id_number.text() == CCCD
    assert a.date_of_birth.text() == "15/03/2003"
    assert a.gender.currentData() == "male"
    assert a.address.text() == address
    assert a.phone.text() == "0987654321"  # not on the card: what was typed stays
    assert a.status.text()  # "CCCD QR code read"
    assert focused() is a.phone
    assert not dialog.is_busy()  # the scanner's Enter did not accept the dossier
    assert a.person_input().id_issued_on == date(2021, 2, 1)


def test_truncated_qr_shows_its_error_next_to_the_field(qtbot: QtBot, dialog: IntakeDialog) -> None:
    a = dialog.applicant
    a.full_name.setFocus()
    qtbot.waitUntil(a.full_name.hasFocus)
    qtbot.keyClicks(a.full_name, f"{CCCD}|123456789|Nguyen Van An|150320")
    press(qtbot, Key.Key_Return)

    assert a.full_name.text() == ""  # the digits of the code were taken back out
    assert a.id_number.text() == ""
    message = a.message("full_name")
    assert message
    assert message == error_message(_qr_error(f"{CCCD}|123456789|Nguyen Van An|150320"))
    assert a.full_name.property("error") is True


def test_submitter_qr_fills_the_submitter(qtbot: QtBot, dialog: IntakeDialog) -> None:
    dialog.submitter_check.setChecked(True)
    s = dialog.submitter
    s.address.setFocus()
    qtbot.waitUntil(s.address.hasFocus)
    qtbot.keyClicks(s.address, QR_ASCII)
    press(qtbot, Key.Key_Return)
    assert s.full_name.text() == "Nguyen Van An"
    assert s.id_number.text() == CCCD
    assert dialog.applicant.is_blank()
    assert focused() is s.phone


def test_missing_required_paper_blocks_and_offers_form_02(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    model = dialog.checklist_model
    model.toggle_tick(0)  # the declaration only: the birth certificate is missing
    fill_applicant(dialog)
    missing = services.catalog.get(BIRTH).components[1]
    assert dialog.guidance_button.isEnabled()

    dialog.accept_button.setFocus()
    press(qtbot, Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.checklist_message.text() != "", timeout=10_000)

    assert services.dossiers.count() == 0
    assert model.missing_rows() == [1]
    assert missing.name in dialog.checklist_message.text()
    assert dialog.guidance_button.isEnabled()
    assert focused() is dialog.guidance_button
    assert dialog.applicant.full_name.text() == "Nguyễn Văn An"  # nothing typed is lost

    press(qtbot, Key.Key_Space)
    preview = open_preview(qtbot, dialog)
    assert preview.page_count() >= 1
    assert preview.copies == 1
    text = pdf_text(preview.pdf_bytes())
    assert " ".join(missing.name.split()) in text
    assert "Nguyễn Văn An" in text
    preview.reject()
    assert services.dossiers.count() == 0


def test_bad_phone_is_shown_next_to_the_phone_field(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    for row in range(dialog.checklist_model.rowCount()):
        if dialog.checklist_model.is_required(row):
            dialog.checklist_model.toggle_tick(row)
    fill_applicant(dialog, phone="0123 45")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: dialog.applicant.message("phone") != "", timeout=10_000)

    expected = field_message(FieldError("applicant.phone", "phone_format"))
    assert dialog.applicant.message("phone") == expected
    assert dialog.applicant.phone.property("error") is True
    assert dialog.applicant.message("full_name") == ""
    assert focused() is dialog.applicant.phone
    assert services.dossiers.count() == 0
    assert dialog.applicant.phone.text() == "0123 45"
    assert dialog.procedure() is not None

    # Corrected, the same form goes through.
    dialog.applicant.phone.setText("0912345678")
    with qtbot.waitSignal(dialog.dossier_accepted, timeout=10_000):
        dialog.accept_button.click()
    assert services.dossiers.count() == 1
    open_preview(qtbot, dialog).reject()


def test_submitter_makes_the_power_of_attorney_required(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    model = dialog.checklist_model
    poa = next(i for i, r in enumerate(model.rows()) if r.spec and "ủy quyền" in r.name)
    for row in range(model.rowCount()):
        if model.is_required(row):
            model.toggle_tick(row)
    assert not model.is_required(poa)
    assert not dialog.guidance_button.isEnabled()

    dialog.submitter_check.setFocus()
    qtbot.waitUntil(dialog.submitter_check.hasFocus)
    press(qtbot, Key.Key_Space)
    assert dialog.submitter_check.isChecked()
    assert dialog.submitter_box.isVisible()
    assert model.is_required(poa)
    assert model.data(model.index(poa, 1), Qt.ItemDataRole.UserRole) is True  # the red *
    assert dialog.guidance_button.isEnabled()

    fill_applicant(dialog)
    s = dialog.submitter
    s.full_name.setText("Trần Văn Bình")
    s.id_number.setText("052080001234")
    s.date_of_birth.setText("01/01/1980")
    s.phone.setText("0987654321")
    s.address.setText("5 Trần Phú, Quy Nhơn")
    dialog.accept_button.click()
    qtbot.waitUntil(lambda: model.missing_rows() != [], timeout=10_000)
    assert model.missing_rows() == [poa]
    assert services.dossiers.count() == 0

    # With the power of attorney ticked, the dossier is accepted with its submitter.
    dialog.checklist.setFocus()
    dialog.checklist.setCurrentIndex(model.index(poa, 1))
    press(qtbot, Key.Key_Space)
    assert model.missing_rows() == []
    with qtbot.waitSignal(dialog.dossier_accepted, timeout=10_000) as accepted:
        dialog.accept_button.click()
    assert accepted.args[0].submitter is not None
    assert accepted.args[0].submitter.full_name == "Trần Văn Bình"
    open_preview(qtbot, dialog).reject()


def test_checklist_keys_change_form_count_and_extra_papers(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    choose_with_keyboard(qtbot, dialog, "1.0011", BIRTH)
    model = dialog.checklist_model
    press(qtbot, Key.Key_Space)
    qtbot.keyClicks(focused(), "2++-")
    row = model.row(0)
    assert row.ticked
    assert row.form.value == "certified"
    assert row.count == 2
    press(qtbot, Key.Key_Down)
    qtbot.keyClicks(focused(), "s")  # the birth certificate may be a digitised copy
    assert model.row(1).reused
    assert model.row(1).ticked

    press(qtbot, Key.Key_Insert)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QWidget))
    extra = QApplication.activeModalWidget()
    assert extra is not None
    assert extra is not dialog
    qtbot.waitUntil(lambda: extra.isAncestorOf(focused()))
    type_text(qtbot, "Sổ hộ khẩu cũ")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: model.rowCount() == len(chosen(dialog).components) + 1)
    added = model.row(model.rowCount() - 1)
    assert (added.name, added.ticked, added.spec) == ("Sổ hộ khẩu cũ", True, None)
    inputs = model.component_inputs()
    assert inputs[-1].component_id is None
    assert inputs[-1].name == "Sổ hộ khẩu cũ"
    assert dialog.focusWidget() is dialog.checklist
    # Offscreen there is no window manager to give the focus back to the dialog.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.checklist)
    press(qtbot, Key.Key_Delete)
    assert model.rowCount() == len(chosen(dialog).components)

    # F2 opens the cell editor; what is typed there counts even if Enter was not pressed.
    press(qtbot, Key.Key_Home, Mod.ControlModifier)
    press(qtbot, Key.Key_Down)
    for _ in range(COL_COUNT):
        press(qtbot, Key.Key_Right)
    assert dialog.checklist.currentIndex().row() == 1
    assert dialog.checklist.currentIndex().column() == COL_COUNT
    press(qtbot, Key.Key_F2)
    qtbot.keyClicks(focused(), "4")
    assert dialog.build_draft().components[1].count == 4


def test_alternative_time_limit_changes_the_appointment(dialog: IntakeDialog) -> None:
    dialog.choose_procedure("1.000894")  # marriage: same day, 5 days when verification is needed
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert dialog.alt_check.isVisible()
    same_day = dialog.due_label.text()
    dialog.alt_check.setChecked(True)
    dialog._runner.wait_idle()  # the appointment is worked out on the task runner
    assert dialog.due_label.text() != same_day
    assert dialog.build_draft().use_alt_processing
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert not dialog.alt_check.isVisible()
    assert not dialog.build_draft().use_alt_processing


def test_received_time_can_be_set_for_a_dossier_received_earlier(
    dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert dialog.build_draft().received_at is None  # "now", taken by the core
    earlier = (local_now() - timedelta(days=3)).replace(hour=9, minute=30, second=0, microsecond=0)
    dialog.received_at.setDateTime(QDateTime(earlier))
    assert dialog.build_draft().received_at == earlier
    due = services.intake.preview_due(procedure_code=BIRTH, received_at=earlier)
    dialog._runner.wait_idle()  # the appointment is worked out on the task runner
    assert dialog.due_text(due) in dialog.due_label.text()

    dialog.now_button.click()
    assert dialog.build_draft().received_at is None


def test_appointment_label_says_when_it_counts_on_an_unconfirmed_day(
    dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    # Mon 23/11/2026 15:01, same-day: due Wed 25/11 because 24/11 is off (to confirm).
    dialog.received_at.setDateTime(QDateTime(datetime(2026, 11, 23, 15, 1)))
    dialog._runner.wait_idle()  # the appointment is worked out on the task runner
    assert "25/11/2026" in dialog.due_label.text()
    assert "Counts on 24/11/2026 (Ngày Văn hóa Việt Nam), not confirmed yet" in (
        dialog.due_label.text()
    )
    dialog.received_at.setDateTime(QDateTime(datetime(2026, 11, 25, 9, 0)))
    dialog._runner.wait_idle()  # the appointment is worked out on the task runner
    assert "not confirmed" not in dialog.due_label.text()
    services.settings.confirm_calendar_day(date(2026, 11, 24))
    dialog.received_at.setDateTime(QDateTime(datetime(2026, 11, 23, 15, 1)))
    dialog._runner.wait_idle()  # the appointment is worked out on the task runner
    assert "not confirmed" not in dialog.due_label.text()


def test_the_appointment_is_worked_out_on_the_task_runner(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    dialog.choose_procedure(BIRTH)
    qtbot.waitUntil(lambda: not dialog.loading_procedure)
    received = datetime(2026, 11, 23, 15, 1)
    dialog.received_at.setDateTime(QDateTime(received))
    # Asked, not answered on the GUI thread: the label shows the answer once it arrives.
    assert dialog.loading_due
    qtbot.waitUntil(lambda: not dialog.loading_due)
    due = services.intake.preview_due(procedure_code=BIRTH, received_at=received)
    assert dialog.due_text(due) in dialog.due_label.text()


def test_fee_defaults_to_the_procedure_and_can_be_waived(dialog: IntakeDialog) -> None:
    dialog.choose_procedure("2.000884")  # signature certification: 10.000 đ
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert dialog.fee.value() == 10_000
    assert dialog.fee.text() == "10.000 đ"
    draft = dialog.build_draft()
    assert (draft.fee_amount, draft.fee_method) == (10_000, "cash")
    dialog.fee_method.setCurrentIndex(dialog.fee_method.findData("exempt"))
    draft = dialog.build_draft()
    assert (draft.fee_amount, draft.fee_method) == (0, "exempt")
    assert not dialog.fee.isEnabled()

    dialog.choose_procedure(BIRTH)  # free: no payment method recorded

    dialog._runner.wait_idle()  # the catalog is read on the task runner
    draft = dialog.build_draft()
    assert (draft.fee_amount, draft.fee_method) == (0, None)


def _mnemonic_clashes(dialog: IntakeDialog) -> tuple[int, dict[str, list[str]]]:
    keys: dict[str, list[str]] = {}
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    for text in (t.replace("&&", "") for t in texts):
        if "&" in text:
            keys.setdefault(text[text.index("&") + 1].lower(), []).append(text)
    return len(keys), {k: v for k, v in keys.items() if len(v) > 1}


def test_mnemonics_are_unique(dialog: IntakeDialog) -> None:
    """Alt+letter must reach one field only, in English (the source texts)."""
    count, clashes = _mnemonic_clashes(dialog)
    assert count >= 15
    assert clashes == {}


def test_mnemonics_are_unique_in_vietnamese(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    install_translators("vi")
    try:
        d = IntakeDialog(services, runner)
        qtbot.addWidget(d)
        assert d.accept_button.text() != "&Accept dossier"  # really translated
        count, clashes = _mnemonic_clashes(d)
        assert count >= 15
        assert clashes == {}
    finally:
        remove_translators()


def test_escape_on_an_empty_form_closes_without_asking(qtbot: QtBot, dialog: IntakeDialog) -> None:
    assert not dialog.is_dirty()
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        press(qtbot, Key.Key_Escape)
    assert dialog.confirm_box() is None
    assert not dialog.isVisible()


def test_enter_on_cancel_closes_and_never_accepts(
    qtbot: QtBot, dialog: IntakeDialog, services: Services
) -> None:
    dialog.cancel_button.setFocus()
    qtbot.waitUntil(dialog.cancel_button.hasFocus)
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        press(qtbot, Key.Key_Return)
    assert services.dossiers.count() == 0
    assert not dialog.is_busy()


def test_escape_after_typing_asks_before_discarding(qtbot: QtBot, dialog: IntakeDialog) -> None:
    qtbot.keyClicks(dialog.finder.edit, "khai sinh")
    press(qtbot, Key.Key_Escape)  # first Escape only closes the list of matches
    assert not dialog.finder.is_popup_visible()
    assert dialog.confirm_box() is None
    dialog.applicant.full_name.setFocus()
    qtbot.waitUntil(dialog.applicant.full_name.hasFocus)
    qtbot.keyClicks(focused(), "An")
    press(qtbot, Key.Key_Escape)
    box = dialog.confirm_box()
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    box.button(box.StandardButton.No).click()
    assert dialog.isVisible()
    assert dialog.applicant.full_name.text() == "An"

    press(qtbot, Key.Key_Escape)
    box = dialog.confirm_box()
    assert box is not None
    with qtbot.waitSignal(dialog.rejected, timeout=5_000):
        box.button(box.StandardButton.Yes).click()
    assert not dialog.isVisible()


def _qr_error(raw: str) -> QrParseError:
    with pytest.raises(QrParseError) as info:
        parse_cccd_qr(raw)
    return info.value


def test_copy_certification_fee_follows_pages_and_copies(
    qtbot: QtBot, dialog: IntakeDialog
) -> None:
    dialog.choose_procedure("2.000815")
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert dialog.fee_quantities.isVisible()
    assert dialog.fee.value() == 2_000
    dialog.fee_pages.setValue(5)
    dialog.fee_copies.setValue(2)
    assert dialog.fee.value() == 14_000  # (2 × 2.000 + 3 × 1.000) × 2
    draft = dialog.build_draft()
    assert (draft.fee_amount, draft.fee_pages, draft.fee_copies) == (14_000, 5, 2)
    dialog.choose_procedure("2.000884")  # a flat fee: no counts to type
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    assert not dialog.fee_quantities.isVisible()
    assert dialog.fee.value() == 10_000


def test_typing_a_cccd_fills_the_gender_when_none_is_chosen(dialog: IntakeDialog) -> None:
    a = dialog.applicant
    a.id_number.setFocus()
    QTest.keyClicks(a.id_number, "052185004321")  # 4th digit 1: female, born in the 1900s
    assert a.gender.currentData() == "female"
    a.id_number.clear()
    QTest.keyClicks(a.id_number, "079203001234")
    assert a.gender.currentData() == "female"  # chosen already: never overwritten
    a.gender.setCurrentIndex(0)
    a.id_number.clear()
    QTest.keyClicks(a.id_number, "07920300123")  # 11 digits: nothing yet
    assert a.gender.currentData() == ""
    QTest.keyClicks(a.id_number, "4")
    assert a.gender.currentData() == "male"


def test_a_pasted_300_character_name_is_refused_at_the_field(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner
) -> None:
    dialog = IntakeDialog(services, runner)
    qtbot.addWidget(dialog)
    a = dialog.applicant
    assert a.full_name.maxLength() == MAX_NAME_LENGTH
    assert a.address.maxLength() == MAX_ADDRESS_LENGTH
    QGuiApplication.clipboard().setText("Nguyễn Văn An " * 22)
    a.full_name.setFocus()
    QTest.keySequence(a.full_name, QKeySequence.StandardKey.Paste)
    assert a.full_name.text() == ""  # refused whole, not cut
    assert a.message("full_name") == f"Họ tên quá dài (tối đa {MAX_NAME_LENGTH} ký tự)"
    # A name that fits is pasted as usual.
    QGuiApplication.clipboard().setText("Nguyễn Văn An")
    QTest.keySequence(a.full_name, QKeySequence.StandardKey.Paste)
    assert a.full_name.text() == "Nguyễn Văn An"
    # The field's right-click menu pastes through the same check.
    a.full_name.clear()
    QGuiApplication.clipboard().setText("Nguyễn Văn An " * 22)
    _paste_from_context_menu(a.full_name)
    assert a.full_name.text() == ""
    assert a.message("full_name") == f"Họ tên quá dài (tối đa {MAX_NAME_LENGTH} ký tự)"
    QGuiApplication.clipboard().setText("Trần Thị Bình")
    _paste_from_context_menu(a.full_name)
    assert a.full_name.text() == "Trần Thị Bình"


def _paste_from_context_menu(field: QLineEdit) -> None:
    """Open the field's context menu as a right click does and choose Paste."""

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        paste = next(x for x in menu.actions() if x.objectName() == "edit-paste")
        menu.close()
        paste.trigger()

    QTimer.singleShot(0, choose)
    at = QPoint(5, 5)
    QApplication.sendEvent(
        field, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, field.mapToGlobal(at))
    )
