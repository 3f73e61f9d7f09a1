"""Report data in the UI: the checklist's "Scanned" column, "not recorded" for
old dossiers, and the complaints register dialog."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Action, ComplaintChannel
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.complaints.dialog import ComplaintsDialog
from hcc_desktop.ui.dossier.dialog import DossierDialog
from hcc_desktop.ui.dossier.transition import TransitionDialog
from hcc_desktop.ui.intake.checklist import COL_SCANNED, ChecklistModel
from tests.ui.conftest import AcceptDossier, show_active

WAIT = 10_000


def test_checklist_scanned_column_feeds_digitised(qtbot: QtBot, services: Services) -> None:
    model = ChecklistModel()
    model.set_procedure(services.catalog.get("1.001193"))
    ModelTester(qtbot).check(model)
    assert model.columnCount() == 6
    assert model.headerData(COL_SCANNED, Qt.Orientation.Horizontal) == "Scanned"
    model.toggle_scanned(0)  # scanning a paper means it was received
    assert model.row(0).ticked
    model.set_ticked(1, True)
    inputs = model.component_inputs()
    assert [(c.component_id, c.digitised) for c in inputs] == [
        ("1.001193-01", True),
        ("1.001193-02", False),
    ]
    model.set_all_scanned(True)
    assert all(c.digitised for c in model.component_inputs())
    model.set_ticked(0, False)  # no longer received: no longer scanned
    assert not model.row(0).scanned


def test_dossier_window_says_not_recorded_for_old_dossiers(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    fresh = accept_dossier()
    old = accept_dossier(full_name="Lê Văn Ba", id_number="052090004321")
    # As a dossier from before migration 0006 reads.
    with services.db.write() as s:
        s.execute(text("UPDATE dossiers SET paid_online = NULL, e_result = NULL WHERE id = :i"),
                  {"i": old.id})  # fmt: skip
        s.execute(text("UPDATE dossier_components SET digitised = NULL WHERE dossier_id = :i"),
                  {"i": old.id})  # fmt: skip
    for dossier, expected in ((fresh, "No"), (old, "not recorded")):
        dialog = DossierDialog(services, runner, dossier.code)
        show_active(qtbot, dialog)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.loading)
        assert dialog.fields["paid_online"].text() == expected
        assert dialog.fields["e_result"].text() == expected
        if dossier is old:
            assert "(scan not recorded)" in dialog.components.item(0).text()
        dialog.close()


def test_complaints_dialog_lists_adds_and_resolves(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    services.complaints.add(
        content="Chờ lâu ở quầy",
        channel=ComplaintChannel.HOTLINE,
        received_at=local_now() - timedelta(days=30),
        officer="Nguyễn Văn Tư",
    )
    dialog = ComplaintsDialog(services, runner)
    show_active(qtbot, dialog)
    ModelTester(qtbot).check(dialog.model)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    assert dialog.model.overdue(dialog.model.item(0))  # 30 days open: past 10 working days

    dialog.content.setPlainText("Hồ sơ trả chậm, không được báo trước")
    dialog.dossier.setText(dossier.code)
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=WAIT)
    newest = dialog.model.item(0)
    assert newest.dossier_code == dossier.code
    assert newest.channel is ComplaintChannel.COUNTER

    dialog.table.selectRow(1)
    assert dialog.resolve_button.isEnabled()
    dialog.resolve(dialog.model.item(1).id, "Đã giải thích, xin lỗi công dân")
    qtbot.waitUntil(lambda: dialog.model.item(1).resolved_at is not None, timeout=WAIT)
    dialog.open_only.setChecked(True)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    assert services.complaints.list(open_only=True)[0].dossier_code == dossier.code

    dialog.content.setPlainText("")  # no content: the service's message is shown
    dialog.add_button.click()
    qtbot.waitUntil(lambda: dialog.status.text() != "" and "listed" not in dialog.status.text(),
                    timeout=WAIT)  # fmt: skip
    assert dialog.model.rowCount() == 1
    dialog.close()


def test_finish_and_payment_dialogs_record_e_result_and_paid_online(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    services.lifecycle.transition(
        dossier.id, Action.REQUEST_PAYMENT, details=TransitionInput(amount=8000)
    )
    pay = TransitionDialog(services, runner, dossier.id, Action.PAYMENT_RECEIVED)
    show_active(qtbot, pay)
    assert pay.flag is not None
    assert not pay.flag.isChecked()
    pay.flag.setChecked(True)
    with qtbot.waitSignal(pay.transition_done, timeout=WAIT):
        qtbot.mouseClick(pay.ok_button, Qt.MouseButton.LeftButton)
    assert services.dossiers.get(dossier.id).paid_online is True

    finish = TransitionDialog(services, runner, dossier.id, Action.FINISH)
    show_active(qtbot, finish)
    assert finish.flag is not None
    assert finish.flag.text() == "The result is issued electronically"
    finish.flag.setChecked(True)
    with qtbot.waitSignal(finish.transition_done, timeout=WAIT):
        qtbot.mouseClick(finish.ok_button, Qt.MouseButton.LeftButton)
    assert services.dossiers.get(dossier.id).e_result is True
