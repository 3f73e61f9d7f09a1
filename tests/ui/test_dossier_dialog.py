"""The dossier window and the dialogs of its actions: transitions, return,
apology and forms, on a real database through the real task runner."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Action, Collector, Dossier, DossierStatus
from hcc_desktop.core.errors import FieldError
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.messages import field_message
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.apology import ApologyDialog
from hcc_desktop.ui.dossier.dialog import DossierDialog, TimelineModel, open_action_dialog
from hcc_desktop.ui.dossier.rating import RatingDialog
from hcc_desktop.ui.dossier.return_dialog import ReturnDialog
from hcc_desktop.ui.dossier.transition import TransitionDialog
from hcc_desktop.ui.worklists.book import BookDialog
from tests.conftest import OFFICER
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
WAIT = 10_000


def pdf_text(data: bytes) -> str:
    """The PDF's text, NFC, on one line (table cells wrap names)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture
def open_dossier(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> Callable[[str], DossierDialog]:
    opened: list[DossierDialog] = []

    def open_it(key: str) -> DossierDialog:
        dialog = DossierDialog(services, runner, key)
        show_active(qtbot, dialog)
        qtbot.waitUntil(lambda: not dialog.loading)
        opened.append(dialog)
        return dialog

    yield open_it  # type: ignore[misc]
    for dialog in opened:
        for child in dialog.open_dialogs():
            child.close()


def transition_dialog(
    qtbot: QtBot, dossier_dialog: DossierDialog, action: Action
) -> TransitionDialog:
    button = dossier_dialog.action_buttons[action]
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [d for d in dossier_dialog.open_dialogs() if isinstance(d, TransitionDialog)]
    assert dialogs, "the action's dialog opened"
    qtbot.waitExposed(dialogs[-1])
    qtbot.waitUntil(dialogs[-1].isActiveWindow)
    return dialogs[-1]


# -- the window ---------------------------------------------------------------------------


def test_shows_the_header_the_timeline_and_only_the_allowed_actions(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(
        dossier.code,
        Action.HANDOVER,
        details=TransitionInput(receiver="Lê Văn Cường", department="Phòng Văn hóa - Xã hội"),
    )
    dialog = open_dossier(dossier.code)

    assert dialog.code_label.text() == dossier.code
    assert dialog.status_label.text() == "Being processed"
    assert "4" in dialog.status_label.toolTip()
    assert dialog.fields["applicant"].text() == "Nguyễn Văn An"
    assert dialog.fields["holder"].text() == "Lê Văn Cường"
    assert dialog.badge.text() == "Within the deadline"
    model = dialog.timeline_model
    assert model.rowCount() == 2
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert texts[0][1] == "Received"
    assert texts[1][1] == "Handed over for processing"
    assert texts[1][2] == OFFICER
    assert texts[1][3] == "Received → Being processed"
    assert "Trần Thị Bình → Lê Văn Cường" in texts[1][4]
    assert "Phòng Văn hóa - Xã hội" in texts[1][4]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", texts[0][0])

    allowed = list(services.lifecycle.allowed_actions(services.dossiers.get(dossier.id)))
    assert dialog.visible_actions() == allowed
    assert Action.RETURN not in allowed
    assert not dialog.action_buttons[Action.RETURN].isVisible()
    assert not dialog.action_buttons[Action.SUPPLEMENT_RECEIVED].isVisible()
    assert not dialog.rating_button.isVisible()
    assert dialog.printable_forms() == ["01", "06"]
    assert dialog.components.count() == len(dossier.components)


def test_timeline_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(
        dossier.id, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy chứng sinh"
    )
    services.lifecycle.transition(dossier.id, Action.SUPPLEMENT_RECEIVED)
    model = TimelineModel()
    model.set_events(services.dossiers.timeline(dossier.id))
    assert model.rowCount() == 3
    qtmodeltester.check(model)


def test_a_closed_dossier_offers_no_action_but_the_rating_and_its_forms(
    services: Services, accept_dossier: AcceptDossier, open_dossier: Callable[[str], DossierDialog]
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(dossier.id, Action.FINISH)
    services.lifecycle.return_result(
        dossier.id, collector=Collector("Nguyễn Văn An", "052090001234")
    )
    dialog = open_dossier(dossier.id)
    assert dialog.visible_actions() == []
    assert dialog.no_action_label.isVisible()
    assert dialog.rating_button.isVisible()
    assert dialog.fields["returned"].isVisible()
    assert dialog.badge.property("timeliness") in ("early", "on_time")


# -- transitions ------------------------------------------------------------------------------


def test_a_handover_changes_the_status_and_the_timeline(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    window = open_dossier(dossier.id)
    dialog = transition_dialog(qtbot, window, Action.HANDOVER)
    assert dialog.receiver is not None
    assert dialog.department is not None
    qtbot.waitUntil(dialog.receiver.hasFocus)
    dialog.receiver.setCurrentText("Lê Văn Cường")
    dialog.department.setCurrentText("Phòng Kinh tế, Hạ tầng và Đô thị")
    with (
        qtbot.waitSignal(window.dossier_changed, timeout=WAIT) as changed,
        qtbot.waitSignal(change_hub().dossiers_changed, timeout=WAIT) as hub,
    ):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args == [dossier.id]
    assert hub.args == [[dossier.id]]
    stored = services.dossiers.get(dossier.id)
    assert stored.status is DossierStatus.PROCESSING
    assert stored.holder == "Lê Văn Cường"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not window.loading)  # the window re-reads on the runner
    assert window.status_label.text() == "Being processed"
    assert window.timeline_model.rowCount() == 2
    last = window.timeline_model.events()[-1]
    assert last.kind == "handed_over"
    assert last.data["department"] == "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert Action.HANDOVER in window.visible_actions()  # on to another department
    assert Action.RETURN not in window.visible_actions()

    # The receiver and department are offered again next time.
    again = TransitionDialog(services, TaskRunner(), dossier.id, Action.HANDOVER)
    qtbot.addWidget(again)
    assert again.receiver is not None
    assert again.department is not None
    assert again.receiver.itemText(0) == "Lê Văn Cường"
    assert again.department.itemText(0) == "Phòng Kinh tế, Hạ tầng và Đô thị"


def test_a_transition_refused_after_a_change_elsewhere_shows_its_message(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    window = open_dossier(dossier.id)
    assert Action.FINISH in window.visible_actions()
    # Another officer (or device) refuses the dossier behind this window's back.
    services.lifecycle.transition(dossier.id, Action.REFUSE, reason="Hồ sơ không thuộc thẩm quyền")
    assert window.action_buttons[Action.FINISH].isVisible()  # still stale

    dialog = transition_dialog(qtbot, window, Action.FINISH)
    dialog.set_reason("Đã có kết quả")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.general_message()), timeout=WAIT)

    message = dialog.general_message()
    assert dossier.code in message
    assert "Not accepted" in message
    assert dialog.isVisible()  # nothing typed is lost
    assert dialog.text.toPlainText() == "Đã có kết quả"
    assert dialog.stored_dossier() is None
    assert services.dossiers.get(dossier.id).status is DossierStatus.NOT_ACCEPTED
    # The window under it now shows the real state (read again on the task runner:
    # waited for, not raced).
    qtbot.waitUntil(lambda: window.status_label.text() == "Not accepted", timeout=WAIT)
    assert window.visible_actions() == []
    assert "03" in window.printable_forms()


def test_a_missing_reason_is_shown_at_its_field(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
) -> None:
    dossier = accept_dossier()
    dialog = TransitionDialog(services, runner, dossier.code, Action.REFUSE)
    show_active(qtbot, dialog)
    assert dialog.text.hasFocus()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message("reason")), timeout=WAIT)
    assert dialog.message("reason") == field_message(FieldError("reason", "required"))
    assert dialog.text.property("error") is True
    assert dialog.text.hasFocus()
    assert services.dossiers.get(dossier.id).status is DossierStatus.RECEIVED
    # Typing clears the error.
    dialog.text.insertPlainText("Không thuộc thẩm quyền giải quyết")
    assert dialog.message("reason") == ""
    assert dialog.text.property("error") is False


def test_a_time_before_the_previous_step_is_refused_at_the_time_field(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(
        dossier.id, Action.HANDOVER, details=TransitionInput(receiver="Lê Văn Cường")
    )
    dialog = TransitionDialog(services, runner, dossier.id, Action.FINISH)
    show_active(qtbot, dialog)
    assert dialog.time_field.hint.isVisible()
    dialog.time_field.set_value(datetime.combine(local_now().date(), time(0, 0)))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message("at")), timeout=WAIT)
    assert dialog.message("at").startswith("Cannot be earlier than the previous step")
    assert re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", dialog.message("at"))
    assert dialog.time_field.edit.hasFocus()
    assert services.dossiers.get(dossier.id).status is DossierStatus.PROCESSING
    # Back to "now": accepted.
    dialog.time_field.use_now()
    with qtbot.waitSignal(dialog.transition_done, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert services.dossiers.get(dossier.id).status is DossierStatus.PROCESSED


def test_a_supplement_request_lists_the_papers_and_offers_form_02(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    window = open_dossier(dossier.id)
    dialog = transition_dialog(qtbot, window, Action.REQUEST_SUPPLEMENT)
    assert dialog.missing_list is not None
    assert dialog.other_paper is not None
    qtbot.waitUntil(lambda: not dialog.loading_checklist)  # read on the task runner
    offered = [dialog.missing_list.item(i).text() for i in range(dialog.missing_list.count())]
    received = {c.name for c in dossier.components}
    assert offered
    assert not any(text.split(" (")[0] in received for text in offered)
    dialog.other_paper.setText("Bản sao giấy đăng ký kết hôn của cha mẹ")
    qtbot.keyClick(dialog.other_paper, Qt.Key.Key_Return)
    assert dialog.missing_list.count() == len(offered) + 1
    assert dialog.isVisible()  # Enter added the paper, it did not submit
    dialog.set_reason("Cần bổ sung giấy tờ chứng minh quan hệ cha mẹ")
    with qtbot.waitSignal(dialog.transition_done, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    stored = services.dossiers.get(dossier.id)
    assert stored.status is DossierStatus.SUPPLEMENT_REQUESTED
    assert stored.waiting_since is not None
    event = services.dossiers.timeline(dossier.id)[-1]
    assert event.kind == "supplement_requested"
    assert [m["name"] for m in event.data["missing"]] == ["Bản sao giấy đăng ký kết hôn của cha mẹ"]
    qtbot.waitUntil(lambda: not window.loading)  # the window re-reads on the runner
    assert Action.SUPPLEMENT_RECEIVED in window.visible_actions()
    assert "02" in window.printable_forms()
    assert "clock stopped" in window.fields["due"].text()

    # The dialog now offers Mẫu 02.
    assert dialog.pages.currentWidget() is dialog.done_page
    assert dialog.print_button.hasFocus()
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_preview() is not None, timeout=WAIT)
    preview = dialog.last_preview()
    assert preview is not None
    assert preview.page_count() >= 1
    assert "Bản sao giấy đăng ký kết hôn của cha mẹ" in pdf_text(preview.pdf_bytes())
    preview.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


def test_supplement_received_moves_the_appointment_and_shows_both(
    services: Services, accept_dossier: AcceptDossier, open_dossier: Callable[[str], DossierDialog]
) -> None:
    calendar = services.settings.calendar()
    start = local_now().date()
    for _ in range(2):  # two working days back: at least one working day waited
        start -= timedelta(days=1)
        while not calendar.is_working_day(start):
            start -= timedelta(days=1)
    received = datetime.combine(start, time(8, 0))
    dossier = accept_dossier(received_at=received)
    services.lifecycle.transition(
        dossier.id, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy tờ", at=received.replace(hour=9)
    )
    services.lifecycle.transition(dossier.id, Action.SUPPLEMENT_RECEIVED)
    stored = services.dossiers.get(dossier.id)
    assert stored.due_at != stored.original_due_at  # waited at least one working day
    dialog = open_dossier(dossier.id)
    assert dialog.fields["original_due"].isVisible()
    assert stored.original_due_at is not None
    assert stored.original_due_at.strftime("%d/%m/%Y %H:%M") in dialog.fields["original_due"].text()
    assert stored.due_at.strftime("%d/%m/%Y %H:%M") in dialog.fields["due"].text()
    details = dialog.timeline_model.index(2, 4).data()
    assert "working day" in details


# -- return and rating ------------------------------------------------------------------------


def test_return_dialog_checks_the_collector_then_offers_the_rating(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(dossier.id, Action.FINISH)
    window = open_dossier(dossier.id)
    assert window.visible_actions() == [Action.RETURN]
    qtbot.mouseClick(window.action_buttons[Action.RETURN], Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.open_dialogs() if isinstance(d, ReturnDialog))
    qtbot.waitExposed(dialog)
    # Prefilled with the applicant.
    assert dialog.full_name.text() == "Nguyễn Văn An"
    assert dialog.id_number.text() == "052090001234"
    assert dialog.attorney_note.property("authorised") is False

    dialog.set_authorised(True)
    assert dialog.attorney_note.property("authorised") is True
    assert "power of attorney" in dialog.attorney_note.text()
    assert dialog.full_name.text() == ""
    dialog.full_name.setText("Phạm Thị Hoa")
    dialog.id_number.setText("05218500432")  # 11 digits
    dialog.phone.setText("0356789012")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.message("collector.id_number")), timeout=WAIT)
    assert "12 digits" in dialog.message("collector.id_number")
    assert dialog.id_number.property("error") is True
    assert dialog.id_number.hasFocus()
    assert services.dossiers.get(dossier.id).status is DossierStatus.PROCESSED

    dialog.id_number.setText("052185004321")
    dialog.method.setCurrentIndex(dialog.method.findData("postal"))
    with qtbot.waitSignal(window.dossier_changed, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = services.dossiers.get(dossier.id)
    assert stored.status is DossierStatus.RETURNED
    event = services.dossiers.timeline(dossier.id)[-1]
    assert event.data["collector"] == {
        "authorised": True,
        "full_name": "Phạm Thị Hoa",
        "id_number": "052185004321",
        "phone": "0356789012",
    }
    assert event.data["method"] == "postal"
    qtbot.waitUntil(lambda: not window.loading)  # the window re-reads on the runner
    assert window.status_label.text() == "Result returned"

    assert dialog.pages.currentWidget() is dialog.done_page
    rating = dialog.open_rating()
    assert isinstance(rating, RatingDialog)
    qtbot.waitExposed(rating)
    rating.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


def test_open_action_dialog_gives_the_return_dialog_for_a_return(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    dialog = open_action_dialog(services, runner, dossier.code, Action.RETURN)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ReturnDialog)
    other = open_action_dialog(services, runner, dossier.code, "stop")
    qtbot.addWidget(other)
    assert isinstance(other, TransitionDialog)
    assert other.action() is Action.STOP


# -- forms and apology ------------------------------------------------------------------------


def test_print_menu_previews_the_forms_that_apply(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(dossier.id, Action.STOP, reason="Công dân không bổ sung hồ sơ")
    window = open_dossier(dossier.id)
    assert window.printable_forms() == ["01", "05", "06"]
    window.form_actions["05"].trigger()
    qtbot.waitUntil(lambda: window.last_preview() is not None, timeout=WAIT)
    preview = window.last_preview()
    assert preview is not None
    assert "Công dân không bổ sung hồ sơ" in pdf_text(preview.pdf_bytes())
    assert preview.suggested_file_name == f"Mau05-{dossier.code}.pdf"
    preview.close()
    window.print_form("06")
    qtbot.waitUntil(
        lambda: window.last_preview() is not None and window.last_preview() is not preview,
        timeout=WAIT,
    )


def test_an_overdue_dossier_offers_the_apology_which_prints_form_04(
    qtbot: QtBot,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    calendar = services.settings.calendar()
    day = local_now().date() - timedelta(days=1)
    for _ in range(3):
        day -= timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
    dossier = accept_dossier(received_at=datetime.combine(day, time(9, 0)))
    window = open_dossier(dossier.id)
    assert window.badge.text() == "Overdue"
    assert window.apology_offered()
    assert window.apology_button.isVisible()
    assert window.banner.isVisible()
    # Lateness in working days, never calendar days.
    late = calendar.working_days_late(dossier.due_at, local_now())
    assert f"{late} working days late" in window.banner.text()

    qtbot.mouseClick(window.apology_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.open_dialogs() if isinstance(d, ApologyDialog))
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.loading_calendar)  # read on the task runner
    expected = dialog.default_new_due()
    assert expected.date() == calendar.add_working_days(local_now().date(), 2)
    assert dialog.new_due() == expected

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason
    qtbot.waitUntil(lambda: bool(dialog.reason_error()), timeout=WAIT)
    assert dialog.reason_error() == field_message(FieldError("reason", "required"))

    dialog.set_reason("Hồ sơ cần xác minh thông tin tại nơi cư trú trước đây")
    with qtbot.waitSignal(window.dossier_changed, timeout=WAIT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_preview() is not None, timeout=WAIT)
    preview = dialog.last_preview()
    assert preview is not None
    assert preview.page_count() >= 1
    stored = services.dossiers.get(dossier.id)
    assert stored.proposed_due_at == expected
    assert window.fields["proposed_due"].isVisible()
    assert expected.strftime("%d/%m/%Y %H:%M") in window.fields["proposed_due"].text()
    assert "04" in window.printable_forms()
    assert window.timeline_model.events()[-1].kind == "apology_issued"
    # Apology once: the banner now shows the new appointment, no second apology.
    assert not window.apology_offered()
    assert window.banner.isVisible()
    assert "An apology was sent" in window.banner.text()
    assert expected.strftime("%d/%m/%Y %H:%M") in window.banner.text()


def test_an_apology_not_after_the_appointment_is_refused_at_the_date(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    dialog = ApologyDialog(services, runner, dossier.id)
    show_active(qtbot, dialog)
    dialog.set_reason("Chậm do mất điện")
    dialog.set_new_due(dossier.due_at)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.new_due_error()), timeout=WAIT)
    assert dialog.new_due_error() == field_message(FieldError("new_due_at", "not_after_due"))
    assert dialog.new_date.property("error") is True
    assert services.dossiers.get(dossier.id).proposed_due_at is None


# -- in Vietnamese ----------------------------------------------------------------------------


def test_dossier_window_speaks_vietnamese_with_unique_mnemonics(
    qtbot: QtBot,
    vietnamese: None,
    services: Services,
    accept_dossier: AcceptDossier,
    open_dossier: Callable[[str], DossierDialog],
) -> None:
    dossier = accept_dossier()
    window = open_dossier(dossier.id)
    labels = {a: b.text() for a, b in window.action_buttons.items()}
    assert labels[Action.HANDOVER] == "&Giao xử lý"
    assert labels[Action.REQUEST_SUPPLEMENT] == "Yêu cầu &bổ sung"
    assert labels[Action.SUPPLEMENT_RECEIVED] == "Đã &nhận bổ sung"
    assert labels[Action.REQUEST_PAYMENT] == "Yêu cầu nộp nghĩa vụ &tài chính"
    assert labels[Action.PAYMENT_RECEIVED] == "Đã nộ&p nghĩa vụ tài chính"
    assert labels[Action.REFUSE] == "Từ &chối"
    assert labels[Action.WITHDRAW] == "Công dân &rút hồ sơ"
    assert labels[Action.STOP] == "&Dừng xử lý"
    assert labels[Action.FINISH] == "Đã xử lý &xong"
    assert labels[Action.RETURN] == "Trả &kết quả"
    assert window.status_label.text() == "Được tiếp nhận"
    assert window.badge.text() == "Đang trong hạn"
    assert window.timeline_model.index(0, 1).data() == "Tiếp nhận hồ sơ"
    buttons = [*window.findChildren(QPushButton)]
    keys = [
        m.group(1).lower()
        for b in buttons
        if (m := re.search(r"&([^&])", b.text().replace("&&", "")))
    ]
    assert len(keys) == len(set(keys)), keys
    assert len(keys) >= 12


def _mnemonics(widget: QWidget) -> list[str]:
    keys = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or not isinstance(child, QLabel | QAbstractButton):
            continue
        if isinstance(child, QLabel) and child.buddy() is None:
            continue
        m = re.search(r"&([^&])", child.text().replace("&&", ""))
        if m:
            keys.append(m.group(1).lower())
    return keys


@pytest.mark.parametrize("action", [a for a in Action if a is not Action.RETURN])
def test_every_dialog_has_unique_vietnamese_mnemonics(
    qtbot: QtBot,
    vietnamese: None,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    action: Action,
) -> None:
    dossier = accept_dossier()
    dialogs: list[QWidget] = [TransitionDialog(services, runner, dossier.id, action)]
    if action is Action.HANDOVER:  # once is enough for the others
        dialogs += [
            ReturnDialog(services, runner, dossier.id),
            ApologyDialog(services, runner, dossier.id),
            BookDialog(services, runner),
            RatingDialog(services, runner, dossier.id),
        ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        keys = _mnemonics(dialog)
        assert keys, type(dialog).__name__
        assert len(keys) == len(set(keys)), (type(dialog).__name__, keys)


def test_keyboard_enter_on_the_focused_action_opens_its_dialog(
    qtbot: QtBot, accept_dossier: AcceptDossier, open_dossier: Callable[[str], DossierDialog]
) -> None:
    dossier = accept_dossier()
    window = open_dossier(dossier.id)
    qtbot.waitUntil(window.action_buttons[Action.HANDOVER].hasFocus)
    qtbot.keyClick(window.action_buttons[Action.HANDOVER], Qt.Key.Key_Tab)
    assert window.action_buttons[Action.REQUEST_SUPPLEMENT].hasFocus()
    qtbot.keyClick(window.action_buttons[Action.REQUEST_SUPPLEMENT], Qt.Key.Key_Return)
    (dialog,) = [d for d in window.open_dialogs() if isinstance(d, TransitionDialog)]
    assert dialog.action() is Action.REQUEST_SUPPLEMENT
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_action_dialog_gets_the_dossier_the_window_read(
    qtbot: QtBot,
    open_dossier: Callable[[str], DossierDialog],
    accept_dossier: AcceptDossier,
) -> None:
    # The window read the dossier and its timeline on the task runner; the action's
    # dialog takes them over instead of reading the store again on the GUI thread.
    d = accept_dossier()
    window = open_dossier(d.code)
    dialog = transition_dialog(qtbot, window, Action.HANDOVER)
    assert dialog.dossier() is window.dossier()
    received = max(e.at for e in window.timeline_model.events())
    assert dialog._last_event_time() == received
