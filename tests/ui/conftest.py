"""Shared fixtures of the UI tests: offscreen Qt, a fresh database per test
(real clock, so that "today" is today), isolated QSettings, and a helper that
accepts real dossiers."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

# Must be set before the QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.identity import PersonInput
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft
from hcc_desktop.ui.common.i18n import install_translators, remove_translators
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner

OFFICER = "Trần Thị Bình"
BIRTH_REGISTRATION = "1.001193"


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
def services(tmp_path: Path) -> Iterator[Services]:
    """A fresh database with the seed catalog and an officer on duty."""
    svc = open_services(tmp_path / "t.db")
    svc.settings.save(replace(svc.settings.load(), officer_name=OFFICER))
    yield svc
    # Work queued by a window on the shared runner must not outlive its database.
    assert shared_runner().wait_idle(10_000)
    svc.close()


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


def birth_draft(
    *,
    full_name: str = "Nguyễn Văn An",
    id_number: str = "052090001234",
    date_of_birth: str = "15/03/1990",
    gender: str = "Nam",
    phone: str = "0912345678",
    received_at: datetime | None = None,
    procedure_code: str = BIRTH_REGISTRATION,
    services: Services | None = None,
) -> IntakeDraft:
    """A valid intake with every required paper of the procedure ticked."""
    components: tuple[ComponentInput, ...] = ()
    if services is not None:
        procedure = services.catalog.get(procedure_code)
        components = tuple(ComponentInput(c.id) for c in procedure.components if c.required)
    return IntakeDraft(
        procedure_code=procedure_code,
        owner=PersonInput(
            full_name=full_name,
            id_number=id_number,
            date_of_birth=date_of_birth,
            gender=gender,
            phone=phone,
            address="Số 12, đường Quang Trung, khu phố 1, phường Hoài Nhơn Bắc",
        ),
        components=components,
        received_at=received_at,
    )


AcceptDossier = Callable[..., Dossier]


@pytest.fixture
def accept_dossier(services: Services) -> AcceptDossier:
    """``accept_dossier(full_name=…, id_number=…, …)`` stores a real dossier
    through the intake service (birth registration, required papers ticked)."""

    def accept(**kwargs: object) -> Dossier:
        return services.intake.accept(birth_draft(services=services, **kwargs))  # type: ignore[arg-type]

    return accept


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show a top-level widget and wait until it has the keyboard, as at the counter."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
