"""What the small dialogs share (hcc_desktop/ui/common/dialog_parts.py): messages
next to the fields at fault, and a change refused because the dossier changed
meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.dialog_parts import FieldErrors, error_box
from hcc_desktop.ui.common.messages import field_label, field_message
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.return_dialog import ReturnDialog
from hcc_desktop.ui.dossier.transition import TransitionDialog
from hcc_desktop.ui.worklists.panel import ReloadGate
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
WAIT = 10_000


def test_field_errors_go_under_their_fields_and_focus_the_first_in_tab_order(
    qtbot: QtBot,
) -> None:
    form = QWidget()
    layout = QVBoxLayout(form)
    first, second = QLineEdit("Nguyễn"), QLineEdit("0912")
    general = error_box()
    errors = FieldErrors(general)
    layout.addWidget(first)
    layout.addWidget(errors.add("applicant.full_name", first))
    layout.addWidget(second)
    layout.addWidget(errors.add("applicant.phone", second))
    layout.addWidget(errors.add("criteria", group=True))
    layout.addWidget(general)
    show_active(qtbot, form)

    # The core lists the phone first; the focus still goes to the first field.
    exc = ValidationError(
        [
            FieldError("applicant.phone", "required"),
            FieldError("applicant.full_name", "required"),
            FieldError("criteria.time", "unknown"),
            FieldError("fee_amount", "required"),
        ]
    )
    errors.show(exc, [first, second])

    assert errors.message("applicant.phone") == field_message(exc.errors[0])
    assert errors.message("applicant.full_name") == field_message(exc.errors[1])
    assert first.property("error") is True
    assert second.property("error") is True
    qtbot.waitUntil(first.hasFocus, timeout=WAIT)
    assert first.selectedText() == "Nguyễn"
    # A group names each message after its own field.
    assert errors.message("criteria") == (
        f"{field_label('criteria.time')}: {field_message(exc.errors[2])}"
    )
    # No field claims the fee: it goes to the general box.
    assert errors.general_message() == (
        f"{field_label('fee_amount')}: {field_message(exc.errors[3])}"
    )

    errors.clear("applicant.phone")
    assert errors.message("applicant.phone") == ""
    assert second.property("error") is False
    assert errors.message("applicant.full_name") != ""

    errors.clear_all()
    assert not any(errors.message(n) for n in ("applicant.full_name", "criteria"))
    assert first.property("error") is False
    assert errors.general_message() == ""


def test_reload_gate_merges_requests_made_while_a_load_runs() -> None:
    gate = ReloadGate()
    assert gate.start()
    assert not gate.start()
    assert not gate.start()
    gate.finish()
    assert gate.pending  # one more load, not two
    assert gate.start()
    assert not gate.pending
    gate.finish()
    assert not gate.pending
    assert not gate.loading


def test_a_transition_refused_because_the_dossier_changed_keeps_the_form(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    dialog = TransitionDialog(services, runner, dossier.code, Action.HANDOVER)
    show_active(qtbot, dialog)
    assert dialog.receiver is not None
    dialog.receiver.setCurrentText("Lê Văn Cường")
    # Meanwhile, another officer refuses the dossier.
    services.lifecycle.transition(dossier.code, Action.REFUSE, reason="Thiếu giấy tờ")
    heard: list[list[str]] = []
    change_hub().dossiers_changed.connect(heard.append)

    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.general_message()), timeout=WAIT)

    message = dialog.general_message()
    assert "no longer possible" in message
    assert "Hand over for processing" in message
    assert "Not accepted" in message
    runner.wait_idle()  # the dossier is read again on the task runner
    assert dialog.status_line.text() == "Current status: Not accepted"
    assert [dossier.id] in heard
    assert dialog.pages.currentWidget() is not dialog.done_page
    assert dialog.receiver.currentText() == "Lê Văn Cường"
    assert not dialog.is_busy()
    assert dialog.ok_button.isEnabled()
    assert dialog.stored_dossier() is None


def test_a_return_refused_names_the_action_and_the_status(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()  # received, not processed yet
    dialog = ReturnDialog(services, runner, dossier.code)
    show_active(qtbot, dialog)

    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.general_message()), timeout=WAIT)

    message = dialog.general_message()
    assert "“Return the result” is no longer possible" in message
    assert "Received" in message
    assert not dialog.is_busy()
    assert dialog.full_name.text() == dossier.owner.full_name
