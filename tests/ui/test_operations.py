"""One way to change things from the UI: operations on the task runner announce
what they changed once on the change hub; reads of the store leave the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hcc_desktop.core.changes import Changes
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.ui.catalog.operations import import_catalog_job
from hcc_desktop.ui.common.changes import change_hub, notify_dossiers_changed
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.dialog import DossierDialog
from hcc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import AcceptDossier, show_active


class Heard:
    """What the change hub said, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []
        hub = change_hub()
        self._connections = [
            hub.changed.connect(self.changed),
            hub.dossiers_changed.connect(self.dossiers),
            hub.settings_changed.connect(self.settings),
        ]

    def changed(self, changes: Changes) -> None:
        self.events.append(("changed", changes))

    def dossiers(self, ids: list[str]) -> None:
        self.events.append(("dossiers", ids))

    def settings(self) -> None:
        self.events.append(("settings", None))

    def close(self) -> None:
        from PySide6.QtCore import QObject

        while self._connections:
            QObject.disconnect(self._connections.pop())


@pytest.fixture
def heard() -> Iterator[Heard]:
    h = Heard()
    yield h
    h.close()


class _Stored(str):
    """A service's result that says what it changed (as a stored Dossier does)."""

    @property
    def changes(self) -> Changes:
        return Changes.of_dossiers("d-1") | Changes(settings=True)


def _operation(value: str) -> _Stored:
    return _Stored(value)


class Receiver:
    def __init__(self, heard: Heard) -> None:
        self.heard = heard
        self.value: object = None

    def done(self, value: object) -> None:
        self.value = value
        self.heard.events.append(("done", value))


def test_an_operation_announces_its_changes_once_then_delivers(
    qtbot: QtBot, runner: TaskRunner, heard: Heard
) -> None:
    receiver = Receiver(heard)
    runner.run_change(_operation, "stored", on_done=receiver.done)
    qtbot.waitUntil(lambda: receiver.value == "stored")
    assert heard.events == [
        ("changed", Changes(dossiers=("d-1",), settings=True)),
        ("dossiers", ["d-1"]),
        ("settings", None),
        ("done", "stored"),
    ]


def test_the_older_signals_reach_the_changes_listeners_once(heard: Heard) -> None:
    change_hub().settings_changed.emit()
    notify_dossiers_changed(["x"])
    assert heard.events == [
        ("changed", Changes(settings=True)),
        ("settings", None),
        ("changed", Changes(dossiers=("x",))),
        ("dossiers", ["x"]),
    ]


def test_search_runs_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    accept_dossier(full_name="Đặng Thị Hồng Đào")
    window = MainWindow(services, runner)
    show_active(qtbot, window)
    threads: list[threading.Thread] = []
    original = services.dossiers.search

    def recording(raw: str, **kwargs: object) -> list[DossierSummary]:
        threads.append(threading.current_thread())
        return original(raw)

    monkeypatch.setattr(services.dossiers, "search", recording)
    window.search.setText("hong dao")
    window.refresh()
    qtbot.waitUntil(lambda: window.header_label.text() == "Search results (1)")
    assert threads
    assert threading.main_thread() not in threads


def test_catalog_import_reads_the_procedure_names_off_the_gui_thread(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "catalog.json"
    services.catalog.export_file(path)
    outcome = import_catalog_job(services, path, False)
    report = outcome.report
    assert set(outcome.names) == {*report.added, *report.updated, *report.deactivated}
    assert all(outcome.names[code] for code in report.updated)


def test_todays_list_is_read_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    accept_dossier(full_name="Đặng Thị Hồng Đào")
    threads: list[threading.Thread] = []
    original = services.dossiers.received_on

    def recording(day: date) -> list[DossierSummary]:
        threads.append(threading.current_thread())
        return original(day)

    monkeypatch.setattr(services.dossiers, "received_on", recording)
    window = MainWindow(services, runner)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.header_label.text() == "Dossiers received today (1)")
    assert window.model.rowCount() == 1
    assert threads
    assert threading.main_thread() not in threads


def test_dossier_window_reads_the_dossier_and_timeline_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dossier = accept_dossier(full_name="Đặng Thị Hồng Đào")
    threads: list[tuple[str, threading.Thread]] = []
    get, timeline = services.dossiers.get, services.dossiers.timeline

    def recording_get(key: str) -> object:
        threads.append(("get", threading.current_thread()))
        return get(key)

    def recording_timeline(dossier_id: str) -> object:
        threads.append(("timeline", threading.current_thread()))
        return timeline(dossier_id)

    monkeypatch.setattr(services.dossiers, "get", recording_get)
    monkeypatch.setattr(services.dossiers, "timeline", recording_timeline)
    window = DossierDialog(services, runner, dossier.id)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: not window.loading)
    assert window.dossier() is not None
    assert {name for name, _thread in threads} == {"get", "timeline"}
    assert threading.main_thread() not in [thread for _name, thread in threads]
    # A change re-reads on the runner too.
    threads.clear()
    notify_dossiers_changed([dossier.id])
    assert window.loading
    qtbot.waitUntil(lambda: not window.loading)
    assert threads
    assert threading.main_thread() not in [thread for _name, thread in threads]


def test_supplement_request_reads_the_checklist_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hcc_desktop.core.domain import Action
    from hcc_desktop.ui.dossier.transition import TransitionDialog

    dossier = accept_dossier(full_name="Đặng Thị Hồng Đào")
    threads: list[threading.Thread] = []
    original = services.catalog.get

    def recording(code: str) -> object:
        threads.append(threading.current_thread())
        return original(code)

    monkeypatch.setattr(services.catalog, "get", recording)
    dialog = TransitionDialog(services, runner, dossier.id, Action.REQUEST_SUPPLEMENT)
    show_active(qtbot, dialog)
    assert dialog.missing_list is not None
    qtbot.waitUntil(lambda: not dialog.loading_checklist)
    assert dialog.missing_list.count() > 0
    assert threads
    assert threading.main_thread() not in threads


def test_apology_dialog_reads_the_calendar_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hcc_desktop.ui.dossier.apology import ApologyDialog

    dossier = accept_dossier(full_name="Đặng Thị Hồng Đào")
    threads: list[threading.Thread] = []
    original = services.settings.calendar

    def recording() -> object:
        threads.append(threading.current_thread())
        return original()

    monkeypatch.setattr(services.settings, "calendar", recording)
    dialog = ApologyDialog(services, runner, dossier.id)
    show_active(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.loading_calendar)
    assert dialog.new_date.isEnabled()
    dialog.new_date.setDate(dialog.new_date.date().addDays(1))  # the note needs no store read
    assert threads
    assert threading.main_thread() not in threads


def test_intake_reads_a_chosen_procedure_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from hcc_desktop.ui.intake.dialog import IntakeDialog

    threads: list[threading.Thread] = []
    original = services.catalog.get

    def recording(code: str) -> object:
        threads.append(threading.current_thread())
        return original(code)

    monkeypatch.setattr(services.catalog, "get", recording)
    dialog = IntakeDialog(services, runner)
    show_active(qtbot, dialog)
    dialog.choose_procedure("2.000884")
    assert dialog.loading_procedure
    qtbot.waitUntil(lambda: not dialog.loading_procedure)
    assert dialog.fee.value() == 10_000
    # The choice's own read ran on the runner (the appointment preview that
    # follows it, intake.preview_due, still reads the catalog on the GUI thread).
    assert threads
    assert threads[0] is not threading.main_thread()


def test_saving_the_due_soon_horizon_announces_a_settings_change(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    from hcc_desktop.ui.worklists.panel import save_due_soon_days

    days = services.settings.load().due_soon_days + 1
    with qtbot.waitSignal(change_hub().changed, timeout=10_000) as changed:
        runner.run_change(save_due_soon_days, services, days)
    assert changed.args[0].settings
    assert services.settings.load().due_soon_days == days


def test_snoozing_a_reminder_announces_the_dossier(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    from datetime import timedelta

    from hcc_desktop.core.clock import local_now
    from hcc_desktop.ui.worklists.reminders import snooze_job

    dossier = accept_dossier(full_name="Đặng Thị Hồng Đào")
    with qtbot.waitSignal(change_hub().dossiers_changed, timeout=10_000) as changed:
        runner.run_change(snooze_job, services, dossier.id, local_now() + timedelta(hours=2))
    assert changed.args == [[dossier.id]]


def test_a_screen_using_the_store_on_the_gui_thread_is_caught(
    qtbot: QtBot, services: Services, gui_store_uses: list[str]
) -> None:
    """The guard of tests/ui/conftest.py: a read run by the event loop (as a click
    would) from UI code is named; the same read on the task runner is not."""
    import functools

    from PySide6.QtCore import QTimer

    from hcc_desktop.ui.settings.operations import read_settings_page

    runner = TaskRunner()
    done: list[object] = []
    runner.run(read_settings_page, services, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert gui_store_uses == []
    # Called by Qt itself (no test frame between), as a slot is.
    QTimer.singleShot(0, functools.partial(read_settings_page, services))
    qtbot.waitUntil(lambda: bool(gui_store_uses))
    assert any(where.startswith("settings/operations.py:") for where in gui_store_uses)
    gui_store_uses.clear()  # seen: the test passes
    assert runner.wait_idle(10_000)


def test_the_runner_lets_go_of_a_delivered_callback_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """A window with no parent waits on a task, then nobody holds it: it goes on the
    GUI thread at once, not later with the task's job on the worker thread (where
    shiboken's deletion of a widget crashed the accounts' login tests)."""
    import weakref

    from PySide6.QtWidgets import QDialog

    class Waiting(QDialog):
        answered = False

        def done(self, _value: object) -> None:
            self.answered = True

    window = Waiting()
    gone = weakref.ref(window)
    runner.run(_operation, "read", on_done=window.done)
    # What the job holds on the worker thread until the pool frees it, maybe after
    # the outcome was delivered: here, held for sure.
    (carrier,) = runner._pending
    qtbot.waitUntil(lambda: gone().answered)  # type: ignore[union-attr]
    del window
    assert gone() is None
    del carrier


def test_the_runner_lets_go_of_a_tasks_function_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    """The task's function, bound to a window with no parent: the job drops its own
    reference before it reports, the carrier drops its own on delivery (GUI thread), so
    the window goes there at once once nobody else holds it (an abort in Qt, "pure
    virtual method called", when the last reference went with the job on the worker)."""
    import weakref

    from PySide6.QtWidgets import QDialog

    class Working(QDialog):
        answered = False

        def work(self) -> int:
            return 1

        def done(self, _value: object) -> None:
            self.answered = True

    window = Working()
    gone = weakref.ref(window)
    runner.run(window.work, on_done=window.done)
    (carrier,) = runner._pending
    qtbot.waitUntil(lambda: gone().answered)  # type: ignore[union-attr]
    assert carrier.work is None  # let go of on delivery, on the GUI thread
    del window
    assert gone() is None
    del carrier
