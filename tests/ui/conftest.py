"""Shared fixtures of the UI tests: offscreen Qt, a fresh database per test
(the services on the wall clock, so that "today" is today), isolated QSettings, and a helper that
accepts real dossiers."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Must be set before the QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
from hcc_desktop.services.settings import AppSettings, SettingsService
from hcc_desktop.ui.common.i18n import install_translators, remove_translators
from hcc_desktop.ui.common.tasks import TaskRunner
from tests.conftest import FakeClock, birth_draft


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """QSettings of a test go to its temporary folder, never the user's.

    (The data and log folder is isolated by tests/conftest.py.)
    """
    QCoreApplication.setOrganizationName("HCC-tests")
    QCoreApplication.setApplicationName("HCC Desktop tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )


@pytest.fixture
def services_clock() -> FakeClock:
    """UI tests run the services on the wall clock, so that "today" is today."""
    return FakeClock(None)


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    assert r.wait_idle(10_000)


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    """The Vietnamese translation installed for the duration of a test."""
    install_translators("vi", qapp)
    yield
    remove_translators(qapp)


# The applicant of the UI tests' dossiers, received "now" (the services' clock).
UI_DRAFT: dict[str, object] = {
    "id_number": "052090001234",
    "date_of_birth": "15/03/1990",
    "gender": "Nam",
    "address": "Số 12, đường Quang Trung, khu phố 1, phường Hoài Nhơn Bắc",
    "received_at": None,
}


AcceptDossier = Callable[..., Dossier]


@pytest.fixture
def accept_dossier(services: Services) -> AcceptDossier:
    """``accept_dossier(full_name=…, id_number=…, …)`` stores a real dossier
    through the intake service (birth registration, required papers ticked)."""

    def accept(**kwargs: object) -> Dossier:
        return services.intake.accept(birth_draft(services=services, **(UI_DRAFT | kwargs)))

    return accept


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show a top-level widget and wait until it has the keyboard, as at the counter."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


# -- no store reads on the GUI thread ------------------------------------------------

_UI_PACKAGE = str(Path(__file__).resolve().parents[2] / "hcc_desktop" / "ui")
_TESTS = str(Path(__file__).resolve().parents[1])


def _gui_store_use() -> str | None:
    """Where a screen is using the store on the calling (GUI) thread, as "file:line"
    of the innermost frame of ``hcc_desktop/ui``; None when no screen is on the stack.

    Two uses are a test's own and pass: a test calling an ``operations`` function
    (what the task runner runs) directly, and a test building a dossier action
    dialog from a key instead of the dossier (screens hand the dossier over).
    """
    frame = sys._getframe(2)
    ui_frames = []
    while frame is not None:
        if frame.f_code.co_filename.startswith(_UI_PACKAGE):
            ui_frames.append(frame)
        frame = frame.f_back
    if not ui_frames:
        return None
    inner, outer = ui_frames[0], ui_frames[-1]
    called_by_test = outer.f_back is not None and outer.f_back.f_code.co_filename.startswith(_TESTS)
    inner_file = inner.f_code.co_filename[len(_UI_PACKAGE) + 1 :]
    if called_by_test and outer.f_code.co_filename.endswith("operations.py"):
        return None
    if (
        called_by_test
        and inner_file == "common/dialog_parts.py"
        and inner.f_code.co_name in ("__init__", "_last_event_time")
    ):
        return None
    return f"{inner_file}:{inner.f_lineno}"


@pytest.fixture(autouse=True)
def gui_store_uses() -> Iterator[list[str]]:
    """Fails a test in which a screen touched the store on the GUI thread.

    A statement run on the main thread with a frame of ``hcc_desktop/ui`` on its
    stack is a screen reading or writing the store where it freezes the window:
    that work belongs on the task runner. So is a screen's ``settings.load()`` on the
    GUI thread, even when the settings are cached and no statement runs. The test's
    own set-up (services called directly) has no such frame and passes. No screen
    is exempt (the accounts screens, last, moved their work to the runner). Yields
    the places found so far (a test of this guard reads and clears them). With
    ``HCC_GUI_STORE_LOG=FILE`` the places are written to FILE instead of failing, to
    survey a whole run.
    """
    offenders: list[str] = []

    def before_execute(*_args: object, **_kwargs: object) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        where = _gui_store_use()
        if where is not None:
            offenders.append(where)

    # The settings are cached after their first read, so a screen reading them on the
    # GUI thread runs no statement most of the time: caught at the call instead.
    load = SettingsService.load

    def load_checked(self: SettingsService) -> AppSettings:
        if threading.current_thread() is threading.main_thread():
            where = _gui_store_use()
            if where is not None:
                offenders.append(where)
        return load(self)

    event.listen(Engine, "before_cursor_execute", before_execute)
    SettingsService.load = load_checked  # type: ignore[method-assign]
    try:
        yield offenders
    finally:
        SettingsService.load = load  # type: ignore[method-assign]
        event.remove(Engine, "before_cursor_execute", before_execute)
    if os.environ.get("HCC_GUI_STORE_LOG"):
        with open(os.environ["HCC_GUI_STORE_LOG"], "a", encoding="utf-8") as log:
            for where in dict.fromkeys(offenders):
                log.write(f"{os.environ.get('PYTEST_CURRENT_TEST', '?')}\t{where}\n")
    else:
        assert not offenders, f"the store was used on the GUI thread at {sorted(set(offenders))}"
