"""The main window, its table model, the task runner, the error dialogs and start-up."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPersistentModelIndex, Qt, QThread
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import Dossier, DossierStatus
from hcc_desktop.core.errors import ConflictError, NotFound
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.ui.common.errors import UnexpectedErrorDialog, show_error
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.table_models import Column, DossierTableModel
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, INIT
from tests.ui.conftest import show_active

# Fixtures (services, runner, accept_dossier) come from tests/ui/conftest.py.
AcceptDossier = Callable[..., Dossier]
OFFICER = "Trần Thị Bình"

ROOT = Path(__file__).resolve().parents[2]

# Valid CCCDs: Bình Định (052), digit 0 = man born in the 1900s, 1 = woman born in the 1900s.
AN = {"full_name": "Nguyễn Văn An", "id_number": "052090001234", "date_of_birth": "15/03/1990"}
DAO = {
    "full_name": "Đặng Thị Hồng Đào",
    "id_number": "052185004321",
    "date_of_birth": "02/09/1985",
    "gender": "Nữ",
    "phone": "0356789012",
}


@pytest.fixture
def window(qtbot: QtBot, services: Services, runner: TaskRunner) -> Iterator[MainWindow]:
    w = MainWindow(services, runner)
    show_active(qtbot, w)
    settle(qtbot, w)
    yield w
    for dialog in w.open_dialogs():
        dialog.close()


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait for the reads on the task runner (today's list, the counts) to arrive."""
    qtbot.waitUntil(lambda: not window.runner.is_busy())


def previews(window: MainWindow) -> list[PdfPreviewDialog]:
    return [d for d in window.open_dialogs() if isinstance(d, PdfPreviewDialog)]


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard (or a Vietnamese IME) does, one character at a time;
    QTest.keyClicks only knows ASCII."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def shown_names(window: MainWindow) -> list[str]:
    return [d.full_name for d in window.model.rows()]


# -- today's list and search ------------------------------------------------------------


def test_shows_the_dossiers_received_today(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    first = accept_dossier(**AN)
    second = accept_dossier(**DAO)
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    settle(qtbot, w)

    assert w.model.rowCount() == 2
    assert {d.code for d in w.model.rows()} == {first.code, second.code}
    assert w.header_label.text() == "Dossiers received today (2)"
    assert w.stack.currentWidget() is w.table
    row = w.model.row_of(first.id)
    code = w.model.index(row, Column.CODE).data()
    assert code == first.code
    assert w.model.index(row, Column.STATUS).data() == "Received"
    assert w.model.index(row, Column.OFFICER).data() == OFFICER
    assert w.model.index(row, Column.RECEIVED).data() == first.received_at.strftime(
        "%d/%m/%Y %H:%M"
    )


def test_empty_day_says_how_to_start(window: MainWindow) -> None:
    assert window.model.rowCount() == 0
    assert window.stack.currentWidget() is window.empty_label
    assert "F2" in window.empty_label.text()
    assert not window.reprint_action.isEnabled()


@pytest.mark.parametrize(
    "typed",
    ["Hồng Đào", "hong dao", "ĐẶNG THỊ HỒNG", "052185", "0356 789", "+84356789012"],
)
def test_search_with_or_without_diacritics_updates_the_table(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier, typed: str
) -> None:
    accept_dossier(**AN)
    accept_dossier(**DAO)
    window.refresh()
    settle(qtbot, window)
    assert window.model.rowCount() == 2

    type_text(window.search, typed)
    qtbot.waitUntil(lambda: shown_names(window) == ["Đặng Thị Hồng Đào"])
    assert window.header_label.text() == "Search results (1)"

    # Emptying the box brings today's list back.
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    assert window.header_label.text() == "Dossiers received today (2)"


def test_search_without_match_says_so(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(**AN)
    window.refresh()
    settle(qtbot, window)
    type_text(window.search, "Hoàng Xuân Vinh")
    qtbot.waitUntil(lambda: window.header_label.text() == "Search results (0)")
    assert window.stack.currentWidget() is window.empty_label
    assert "Hoàng Xuân Vinh" in window.empty_label.text()


def test_search_is_debounced_not_run_per_keystroke(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    accept_dossier(**DAO)
    calls: list[str] = []
    original = window.services.dossiers.search

    def counting(raw: str, **kwargs: object) -> list[DossierSummary]:
        calls.append(raw)
        return original(raw)

    monkeypatch.setattr(window.services.dossiers, "search", counting)
    qtbot.keyClicks(window.search, "dang thi hong")
    qtbot.waitUntil(lambda: window.header_label.text() == "Search results (1)")
    # Typed faster than the debounce interval: one search for the whole word group.
    assert calls[-1] == "dang thi hong"
    assert len(calls) < len("dang thi hong")


def test_keyboard_moves_between_search_and_list(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(**AN)
    window.refresh()
    settle(qtbot, window)
    assert window.search.hasFocus()
    # Down arrow from the search box goes to the list, first row selected.
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert window.selected_dossier() is not None
    # Ctrl+F comes back to the search box.
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    # Escape empties it.
    window.search.setText("abc")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_status_bar_and_title_show_unit_device_and_officer(
    window: MainWindow, services: Services
) -> None:
    settings = services.settings.load()
    assert window.windowTitle() == f"HCC Desktop – {settings.unit_name}"
    assert settings.unit_name in window.unit_label.text()
    assert settings.unit_code in window.unit_label.text()
    assert settings.device_name in window.device_label.text()
    assert str(settings.device_slot) in window.device_label.text()
    assert OFFICER in window.officer_label.text()
    assert str(services.db.path) in window.unit_label.toolTip()


# -- actions ----------------------------------------------------------------------------


def test_reprint_opens_the_receipt_preview(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier(**AN)
    window.refresh()
    settle(qtbot, window)
    assert window.select_dossier(dossier.id)
    assert window.reprint_action.isEnabled()
    assert window.reprint_action.shortcut().toString() == "Ctrl+P"

    window.reprint_action.trigger()
    qtbot.waitUntil(lambda: len(previews(window)) == 1, timeout=20_000)
    preview = previews(window)[0]
    assert preview.page_count() >= 1
    assert dossier.code in preview.windowTitle()
    assert preview.suggested_file_name == f"{dossier.code}.pdf"
    assert preview.pdf_bytes().startswith(b"%PDF")


def test_enter_on_a_row_opens_the_dossier(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    dossier_dialog = pytest.importorskip("hcc_desktop.ui.dossier.dialog")
    accept_dossier(**AN)
    window.refresh()
    settle(qtbot, window)
    window.table.setFocus()
    window.table.selectRow(0)
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened = [d for d in window.open_dialogs() if isinstance(d, dossier_dialog.DossierDialog)]
    assert len(opened) == 1
    # Ctrl+P still reprints the receipt of the selected row.
    opened[0].close()
    qtbot.keyClick(window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(previews(window)) == 1, timeout=20_000)


def test_reprint_of_a_vanished_dossier_shows_the_error(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    accept_dossier(**AN)
    window.refresh()
    settle(qtbot, window)
    window.table.selectRow(0)

    def missing(key: str) -> None:
        raise NotFound("dossier_not_found", key=key)

    monkeypatch.setattr(window.services.dossiers, "get", missing)
    window.reprint_selected()
    qtbot.waitUntil(
        lambda: any(
            isinstance(d, QMessageBox) for d in QApplication.topLevelWidgets() if d.isVisible()
        )
    )
    box = next(
        d for d in QApplication.topLevelWidgets() if isinstance(d, QMessageBox) and d.isVisible()
    )
    assert "was not found" in box.text()
    box.close()


def test_intake_action_opens_the_intake_dialog_and_refreshes_on_accept(
    qtbot: QtBot, window: MainWindow, services: Services, accept_dossier: AcceptDossier
) -> None:
    intake = pytest.importorskip("hcc_desktop.ui.intake.dialog")
    assert [s.toString() for s in window.intake_action.shortcuts()] == ["F2", "Ctrl+N"]
    window.intake_action.trigger()
    dialogs = [d for d in window.open_dialogs() if isinstance(d, intake.IntakeDialog)]
    assert len(dialogs) == 1
    # F2 again brings the same dialog forward instead of opening a second one.
    window.intake_action.trigger()
    assert len([d for d in window.open_dialogs() if isinstance(d, intake.IntakeDialog)]) == 1

    dossier = accept_dossier(**DAO)
    window.search.setText("something typed before")
    dialogs[0].dossier_accepted.emit(dossier)
    assert window.search.text() == ""
    settle(qtbot, window)
    assert window.model.row_of(dossier.id) >= 0
    selected = window.selected_dossier()
    assert selected is not None
    assert selected.id == dossier.id


def test_status_bar_shows_the_logged_in_officer_and_role(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    assert "Trần Thị Bình" in w.officer_label.text()
    assert "Administrator" in w.officer_label.text()
    assert w.settings_action.isVisible()


def test_settings_saved_from_the_window_update_the_title(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    dialog = window.open_settings()
    qtbot.waitUntil(lambda: not dialog.loading)  # the settings are read on the runner
    dialog.unit_name.setText("Trung tâm Phục vụ hành chính công phường Bồng Sơn")
    with qtbot.waitSignal(dialog.settings_saved, timeout=10_000):
        dialog.ok_button.click()
    assert window.windowTitle() == "HCC Desktop – Trung tâm Phục vụ hành chính công phường Bồng Sơn"
    assert "Bồng Sơn" in window.unit_label.text()


def test_catalog_export_then_import_reports_the_changes(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    exported = tmp_path / "catalog.json"
    window.export_catalog_file(exported)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=10_000)
    data = json.loads(exported.read_text("utf-8"))
    count = len(data["procedures"])
    assert window.last_message is not None
    assert f"{count} procedures" in window.last_message.text()

    # Drop one procedure and rename another, then replace the whole catalog.
    dropped = data["procedures"].pop()["code"]
    data["procedures"][0]["name"] += " (sửa đổi)"
    changed = data["procedures"][0]["code"]
    exported.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    window.import_catalog_file(exported, replace_all=True)
    qtbot.waitUntil(lambda: window.last_import_report is not None, timeout=10_000)

    report = window.last_import_report
    assert report is not None
    assert report.deactivated == (dropped,)
    assert list(report.updated) == [changed]
    box = window.last_message
    assert box is not None
    assert "Updated: 1" in box.text()
    assert "No longer used: 1" in box.text()
    assert dropped in box.detailedText()
    assert not services.catalog.get(dropped).active


def test_rejected_catalog_file_is_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hcc-catalog", "version": 1, "procedures": []}', "utf-8")
    window.import_catalog_file(bad)

    def rejection() -> QMessageBox | None:
        return next(
            (
                d
                for d in QApplication.topLevelWidgets()
                if isinstance(d, QMessageBox) and d.isVisible()
            ),
            None,
        )

    qtbot.waitUntil(lambda: rejection() is not None, timeout=10_000)
    box = rejection()
    assert box is not None
    assert "nothing was imported" in box.text()
    assert "procedures" in box.text()
    box.close()
    assert window.last_import_report is None


def test_about_names_the_database(window: MainWindow, services: Services) -> None:
    box = window.show_about()
    assert str(services.db.path) in box.text()
    box.close()


def test_about_shows_the_one_version_number(window: MainWindow) -> None:
    with (Path(__file__).resolve().parents[2] / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    box = window.show_about()
    assert f"HCC Desktop {version}" in box.text()
    box.close()


def test_geometry_is_remembered(qtbot: QtBot, services: Services, runner: TaskRunner) -> None:
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    w.show()
    # Above the minimum width of the count bar and the filter row, within the
    # offscreen screen (800×600).
    w.resize(720, 520)
    w.table.setColumnWidth(Column.OWNER, 333)
    w.close()
    again = MainWindow(services, runner)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (720, 520)
    assert again.table.columnWidth(Column.OWNER) == 333


# -- the table model ----------------------------------------------------------------------


def test_dossier_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(**AN)
    accept_dossier(**DAO)
    model = DossierTableModel()
    model.set_rows(services.dossiers.received_on(local_today()))
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.OWNER, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_model_sorts_and_keeps_persistent_indexes(
    services: Services, accept_dossier: AcceptDossier
) -> None:
    a = accept_dossier(**AN)
    accept_dossier(**DAO)
    model = DossierTableModel()
    model.set_rows(services.dossiers.received_on(local_today()))
    keep = QPersistentModelIndex(model.index(model.row_of(a.id), Column.CODE))
    # By given name, the way Vietnamese lists are ordered: "An" before "Đào".
    model.sort(Column.OWNER, Qt.SortOrder.AscendingOrder)
    assert [d.full_name for d in model.rows()] == ["Nguyễn Văn An", "Đặng Thị Hồng Đào"]
    model.sort(Column.OWNER, Qt.SortOrder.DescendingOrder)
    assert [d.full_name for d in model.rows()] == ["Đặng Thị Hồng Đào", "Nguyễn Văn An"]
    assert keep.row() == model.row_of(a.id) == 1
    assert keep.data() == a.code
    # New rows keep the chosen order.
    model.set_rows(list(reversed(model.rows())))
    assert [d.full_name for d in model.rows()] == ["Đặng Thị Hồng Đào", "Nguyễn Văn An"]


def test_model_shows_status_names_and_marks_overdue(
    services: Services, accept_dossier: AcceptDossier
) -> None:
    d = accept_dossier(**AN)
    summary = services.dossiers.search(d.code)[0]
    model = DossierTableModel()
    model.set_rows([replace(summary, status=DossierStatus.SUPPLEMENT_REQUESTED)], now=d.due_at)
    assert model.index(0, Column.STATUS).data() == "Additional papers requested"
    assert model.index(0, Column.DUE).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_rows([summary], now=d.due_at.replace(year=d.due_at.year + 1))
    assert model.index(0, Column.DUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, Column.DUE).data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    model.set_rows(
        [replace(summary, status=DossierStatus.RETURNED)],
        now=d.due_at.replace(year=d.due_at.year + 1),
    )
    assert model.index(0, Column.DUE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_model_fills_hundreds_of_rows_from_memory(
    services: Services, accept_dossier: AcceptDossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = accept_dossier(**AN)
    summary = services.dossiers.search(d.code)[0]
    rows = [replace(summary, id=f"id-{i}", code=f"{summary.code[:-4]}{i:04d}") for i in range(250)]
    model = DossierTableModel()
    model.set_rows(rows)

    # Painting never reaches the store: every cell comes from the rows given.
    def no_db(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the model read the database")

    monkeypatch.setattr(services.db, "read", no_db)
    cells = [
        model.index(r, c).data()
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    assert len(cells) == 250 * len(Column)
    assert model.index(249, Column.CODE).data().endswith("0249")


# -- the task runner ------------------------------------------------------------------------


Progress = Callable[[int, int], None]


def gui_thread() -> QThread:
    app = QCoreApplication.instance()
    assert app is not None
    return app.thread()


class Receiver:
    """Records what a task delivered and on which thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.errors: list[BaseException] = []
        self.threads: list[QThread] = []

    def done(self, result: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(result)

    def failed(self, exc: BaseException) -> None:
        self.threads.append(QThread.currentThread())
        self.errors.append(exc)


def test_runner_delivers_results_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()
    worker_threads: list[int] = []

    def work(a: int, *, b: int) -> int:
        worker_threads.append(threading.get_ident())
        return a + b

    runner.run(work, 2, b=3, on_done=receiver.done, on_error=receiver.failed)
    qtbot.waitUntil(lambda: receiver.results == [5])
    assert receiver.threads == [gui_thread()]
    assert len(worker_threads) == 1
    assert worker_threads[0] != threading.get_ident()
    assert not runner.is_busy()


def test_runner_delivers_exceptions_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()

    def fails() -> None:
        raise ConflictError("duplicate_code", detail="x")

    runner.run(fails, on_done=receiver.done, on_error=receiver.failed)
    qtbot.waitUntil(lambda: len(receiver.errors) == 1)
    assert isinstance(receiver.errors[0], ConflictError)
    assert receiver.results == []
    assert receiver.threads == [gui_thread()]


def test_runner_has_one_serial_lane(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()
    order: list[int] = []
    first_running = threading.Event()
    release = threading.Event()

    def first() -> int:
        first_running.set()
        # The second task must not start while this one runs.
        assert release.wait(10)
        order.append(1)
        return 1

    def second() -> int:
        order.append(2)
        return 2

    runner.run(first, on_done=receiver.done)
    runner.run(second, on_done=receiver.done)
    assert first_running.wait(10)
    assert order == []
    assert runner.pending_count == 2
    release.set()
    qtbot.waitUntil(lambda: receiver.results == [1, 2])
    assert order == [1, 2]


def test_runner_wait_idle_delivers_everything(runner: TaskRunner) -> None:
    receiver = Receiver()
    for i in range(5):
        runner.run(lambda i=i: i * i, on_done=receiver.done)
    assert runner.wait_idle(10_000)
    assert receiver.results == [0, 1, 4, 9, 16]


def test_runner_skips_callbacks_of_deleted_widgets(qtbot: QtBot, runner: TaskRunner) -> None:
    box = QMessageBox()
    release = threading.Event()
    runner.run(lambda: str(release.wait(10)), on_done=box.setText)
    shiboken6.delete(box)
    release.set()
    assert runner.wait_idle(10_000)  # no crash delivering to the deleted box


def test_runner_without_error_callback_shows_the_error(qtbot: QtBot, runner: TaskRunner) -> None:
    def fails() -> None:
        raise RuntimeError("disk on fire")

    runner.run(fails)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, UnexpectedErrorDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )
    )
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, UnexpectedErrorDialog))
    assert "disk on fire" in dialog.details_text()
    dialog.close()


def test_progress_and_cancel(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()
    reached: list[tuple[int, int]] = []
    started = threading.Event()

    def long_work(total: int, *, progress: Progress, cancel: threading.Event) -> int:
        done = 0
        started.set()
        while done < total and not cancel.is_set():
            done += 1
            progress(done, total)
            reached.append((done, total))
            if done == 3:
                # Wait (bounded) for the officer to press Cancel.
                cancel.wait(10)
        return done

    handle = runner.run_with_progress(
        long_work, 1000, label="Working…", on_done=receiver.done, on_error=receiver.failed
    )
    assert started.wait(10)
    qtbot.waitUntil(lambda: len(reached) >= 3)
    handle.cancel()
    qtbot.waitUntil(lambda: receiver.results != [])
    assert handle.cancelled
    assert handle.finished
    assert receiver.results == [3]
    assert receiver.errors == []


def test_progress_dialog_follows_the_work(qtbot: QtBot, runner: TaskRunner) -> None:
    receiver = Receiver()
    step = threading.Event()
    seen = threading.Event()

    def work(*, progress: Progress, cancel: threading.Event) -> str:
        progress(5, 10)
        seen.set()
        assert step.wait(10)
        progress(10, 10)
        return "ok"

    handle = runner.run_with_progress(work, label="Sync…", on_done=receiver.done)
    carrier = next(iter(runner._pending))
    dialog = carrier.progress_dialog
    assert dialog is not None
    assert seen.wait(10)
    qtbot.waitUntil(lambda: dialog.value() == 5 and dialog.maximum() == 10)
    # The dialog's Cancel button cancels the task.
    button = dialog.findChild(QPushButton)
    assert button is not None
    button.click()
    assert handle.cancelled
    step.set()
    qtbot.waitUntil(lambda: receiver.results == ["ok"])
    assert carrier.progress_dialog is None


# -- errors -----------------------------------------------------------------------------------


def test_typed_error_shows_its_translated_message(qtbot: QtBot) -> None:
    box = show_error(None, ConflictError("duplicate_code", detail="UNIQUE failed"))
    assert isinstance(box, QMessageBox)
    assert "device number" in box.text()
    box.close()


def test_unexpected_error_offers_copy_details(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise KeyError("boom")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR):
            dialog = show_error(None, exc)
    assert isinstance(dialog, UnexpectedErrorDialog)
    assert "KeyError" in caplog.text
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible()
    dialog.copy_details()
    clipboard = QGuiApplication.clipboard().text()
    assert "Traceback" in clipboard
    assert "KeyError: 'boom'" in clipboard
    dialog.close()


# -- start-up ---------------------------------------------------------------------------------


def test_excepthook_logs_and_shows(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    from hcc_desktop.ui.app import excepthook

    try:
        raise ZeroDivisionError("never lost")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.CRITICAL):
            excepthook(type(exc), exc, exc.__traceback__)
    assert "never lost" in caplog.text
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnexpectedErrorDialog)]
    assert any("never lost" in d.details_text() for d in dialogs)
    for d in dialogs:
        d.close()


def test_program_starts_and_reports_its_start_time(tmp_path: Path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HCC_DESKTOP_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        # The program logs in as the first administrator made by ``init`` (issue 12).
        "HCC_USER": ADMIN_USER,
        "HCC_PASSWORD": ADMIN_PASSWORD,
    }
    db = tmp_path / "hcc.db"
    made = subprocess.run(
        [sys.executable, "-m", "hcc_desktop", "--db", str(db), *INIT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert made.returncode == 0, made.stderr
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(db),
            "--lang",
            "vi",
            "--quit-after-show",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    figures = dict(line.split() for line in done.stdout.strip().splitlines())
    assert 0 < int(figures["shown"]) <= int(figures["lists"])
    assert db.exists()
    log_file = tmp_path / "home" / "logs" / "hcc-desktop.log"
    assert "main window shown after" in log_file.read_text("utf-8")
    # Window state lives in the same folder, not in the user's profile.
    state = list((tmp_path / "home" / "qsettings").rglob("*.ini"))
    assert state, "window state should be saved under HCC_DESKTOP_HOME"
    assert "geometry" in state[0].read_text("utf-8")
    assert not (tmp_path / ".config").exists()


def test_unopenable_database_ends_start_up_with_a_message(tmp_path: Path) -> None:
    """Start-up on a file that is no database: one message naming it, exit code 1.

    Run in a child process: a whole application run (its event loop ended by
    ``exit(1)``) leaves Qt's global state in a shape later tests of this process
    should not inherit."""
    bad = tmp_path / "broken.db"
    bad.write_bytes(b"this is not a SQLite database, just bytes" * 100)
    script = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QMessageBox\n"
        "shown = []\n"
        "QMessageBox.exec = lambda box: shown.append(box.text()) or 0\n"
        "from hcc_desktop.ui import app\n"
        "code = app.run(['--db', sys.argv[1], '--lang', 'en'])\n"
        "print(json.dumps({'code': code, 'shown': shown}))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HCC_DESKTOP_HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, "-c", script, str(bad)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["code"] == 1
    shown = outcome["shown"]
    assert len(shown) == 1
    assert str(bad) in shown[0]
