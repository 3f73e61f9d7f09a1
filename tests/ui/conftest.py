"""Shared fixtures of the UI tests: offscreen Qt, a fresh database per test
(the services on the wall clock, so that "today" is today), isolated QSettings, and a helper that
accepts real dossiers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Must be set before the QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
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
