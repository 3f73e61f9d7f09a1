"""Issue 9, item 13: the main lists at 1366×768, and Enter in editable combo boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.common.table_models import Column
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
COPY_CERTIFICATION = "2.000815"


@pytest.fixture
def window(qtbot: QtBot, services: Services, runner: TaskRunner) -> Iterator[MainWindow]:
    w = MainWindow(services, runner)
    show_active(qtbot, w)
    yield w
    for dialog in w.open_dialogs():
        dialog.close()


def test_main_list_shows_short_names_without_horizontal_scrolling_at_1366x768(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(procedure_code=COPY_CERTIFICATION)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    table = window.table
    index = window.model.index(0, Column.PROCEDURE)
    text = window.model.data(index)
    assert text == "Chứng thực bản sao"
    assert "cơ quan, tổ chức" in window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())
    assert table.horizontalScrollBar().maximum() == 0
    # The procedure column has the room its short names need.
    needed = table.fontMetrics().horizontalAdvance("Cấp GCN quyền sử dụng đất lần đầu")
    assert table.columnWidth(Column.PROCEDURE) >= needed


def test_enter_in_an_editable_combo_box_submits_the_dialog(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    from hcc_desktop.ui.dossier.transition import TransitionDialog

    dossier = accept_dossier()
    dialog = TransitionDialog(services, runner, dossier.id, Action.HANDOVER)
    show_active(qtbot, dialog)
    assert isinstance(dialog.receiver, QComboBox)
    assert dialog.receiver.isEditable()
    dialog.receiver.setFocus()
    dialog.receiver.setEditText("Lê Văn Cường")
    assert dialog.department is not None
    dialog.department.setEditText("Tư pháp - Hộ tịch")
    with qtbot.waitSignal(dialog.transition_done, timeout=10_000):
        qtbot.keyClick(dialog.receiver.lineEdit(), Qt.Key.Key_Return)
    assert services.dossiers.get(dossier.id).holder.startswith("Lê Văn Cường")


def test_a_typed_missing_paper_asks_for_its_form(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    from hcc_desktop.core.domain import DocForm, MissingComponent
    from hcc_desktop.ui.dossier.transition import TransitionDialog

    dossier = accept_dossier()
    dialog = TransitionDialog(services, runner, dossier.id, Action.REQUEST_SUPPLEMENT)
    show_active(qtbot, dialog)
    assert dialog.other_paper is not None
    assert dialog.other_form is not None
    # Photocopy unless the officer says otherwise.
    assert dialog.other_form.currentData() == DocForm.COPY.value
    dialog.other_paper.setText("Sổ hộ khẩu cũ")
    dialog.add_other_paper()
    dialog.other_paper.setText("Trích lục ly hôn")
    dialog.other_form.setCurrentIndex(dialog.other_form.findData(DocForm.CERTIFIED.value))
    dialog.add_other_paper()
    assert dialog.missing()[-2:] == (
        MissingComponent("Sổ hộ khẩu cũ", copies=1),
        MissingComponent("Trích lục ly hôn", certified=1),
    )


def test_apology_dialog_records_the_signer_of_the_late_body(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from hcc_desktop.ui.dossier.apology import ApologyDialog

    services.settings.save(
        replace(services.settings.load(), signer_title="GIÁM ĐỐC", signer_name="Phạm Minh Quang")
    )
    dossier = accept_dossier()
    dialog = ApologyDialog(services, runner, dossier.id)
    show_active(qtbot, dialog)
    # The center's director by default (read with the calendar, on the task runner).
    qtbot.waitUntil(lambda: not dialog.loading_calendar)
    assert dialog.signer_title.text() == "GIÁM ĐỐC"
    assert dialog.signer_name.text() == "Phạm Minh Quang"
    dialog.set_reason("Chờ ý kiến của Phòng Kinh tế")
    dialog.set_new_due(dossier.due_at + timedelta(days=3))
    dialog.signer_title.setText("TRƯỞNG PHÒNG KINH TẾ")
    dialog.signer_name.setText("Võ Văn Long")
    with qtbot.waitSignal(dialog.apology_issued, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    event = services.dossiers.timeline(dossier.id)[-1]
    assert event.data["signer_title"] == "TRƯỞNG PHÒNG KINH TẾ"
    assert event.data["signer_name"] == "Võ Văn Long"
    preview = dialog.last_preview()
    if preview is not None:
        preview.close()


def test_settings_explain_the_header_and_refuse_two_equal_lines(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    from PySide6.QtWidgets import QLabel

    from hcc_desktop.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog(services, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)  # the settings are read on the runner
    hints = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("UBND PHƯỜNG HOÀI NHƠN BẮC" in h and "two must differ" in h for h in hints)
    saved = services.settings.load()
    dialog.unit_name.setText("UBND phường Hoài Nhơn Bắc")
    dialog.parent_body.setText("UBND PHƯỜNG HOÀI NHƠN BẮC")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_text("parent_body") != "")
    assert dialog.error_text("parent_body").startswith(
        "The parent body is the same as the unit name"
    )
    assert services.settings.load() == saved
