"""The history check of the main window (issue 12 item 3): run off the GUI thread
after the store opens, a persistent banner naming the first broken dossier."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from hcc_desktop.core.errors import SyncError
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from tests import keyed
from tests.ui.conftest import AcceptDossier


def test_a_whole_history_shows_no_banner(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(full_name="Nguyễn Văn An")
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.audit_controller.checked, timeout=10_000):
        pass
    assert w.audit_controller.findings == []
    assert w.audit_banner.isHidden()


def test_a_row_edited_in_the_database_is_named_at_start_up(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(full_name="Nguyễn Văn An")
    edited = accept_dossier(full_name="Trần Thị Bình")
    with keyed.connect(services.db.path) as con:
        con.execute(
            "UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", (edited.id,)
        )
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.audit_banner.isVisible(), timeout=10_000)
    assert edited.code in w.audit_banner.label.text()
    assert "edited after it was written" in w.audit_banner.label.text()
    dialog = w.audit_banner.show_details()
    qtbot.addWidget(dialog)
    (text,) = dialog.findChildren(QPlainTextEdit)
    assert text.toPlainText().splitlines()[2].startswith(f"{edited.code}: ")
    w.grab().save("/tmp/chain2_audit_banner.png")


def test_a_sync_refused_for_a_broken_chain_checks_again(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.audit_controller.checked, timeout=10_000):
        pass
    assert w.audit_banner.isHidden()
    d = accept_dossier(full_name="Nguyễn Văn An")
    with keyed.connect(services.db.path) as con:
        con.execute("UPDATE dossiers SET owner_name = 'Kẻ Giả' WHERE id = ?", (d.id,))
    with qtbot.waitSignal(w.audit_controller.checked, timeout=10_000):
        w.sync_controller.sync_failed.emit(SyncError("chain_broken", code=d.code))
    assert not w.audit_banner.isHidden()
    assert d.code in w.audit_banner.label.text()


def test_the_history_check_starts_once_the_first_lists_are_loaded(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    """It reads the whole store (minutes at 100,000 dossiers): not beside the first lists
    (issue 14)."""
    accept_dossier(full_name="Nguyễn Văn An")
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    # Built: the lists are queued on the task runner, the history check is not.
    assert w.read_runner.pending_count == 0
    assert w.audit_controller.findings is None
    with qtbot.waitSignal(w.worklists.loaded, timeout=10_000):
        pass
    with qtbot.waitSignal(w.audit_controller.checked, timeout=10_000):
        pass
    assert w.audit_controller.findings == []


def test_without_the_history_check_the_lists_load_alone(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    """--quit-after-show quits at the lists: the check would only hold the exit up."""
    accept_dossier(full_name="Nguyễn Văn An")
    w = MainWindow(services, runner, check_history=False)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.worklists.loaded, timeout=10_000):
        pass
    w._start_history_check()  # the fallback timer's call: still nothing
    assert w.read_runner.pending_count == 0
    assert w.audit_controller.findings is None
