"""The window's sync carries the scans too: another device of the unit gets the
same bytes; the progress shows the upload stage."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hcc_desktop.services import Services
from hcc_desktop.services.attachments.transfer import AttachmentSync
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.dialog import DossierDialog
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.dialog import SyncDialog
from tests.integration.conftest import ServerProcess, new_unit_code
from tests.scan_pages import write_pages
from tests.ui.conftest import AcceptDossier
from tests.ui.test_sync_ui import (  # noqa: F401 (fixtures)
    controller,
    dialog,
    other_device,
    register,
    server,
    sync_from_dialog,
)


def test_a_sync_from_the_window_sends_the_scans(
    qtbot: QtBot,
    tmp_path: Path,
    server: ServerProcess,  # noqa: F811
    services: Services,
    controller: SyncController,  # noqa: F811
    dialog: SyncDialog,  # noqa: F811
    accept_dossier: AcceptDossier,
    runner: TaskRunner,
) -> None:
    unit = new_unit_code()
    register(qtbot, dialog, server, unit)
    d = accept_dossier()
    info = services.attachments.attach(
        dossier=d.code, component="1.001193-02", sources=write_pages(tmp_path / "p", 2)
    )
    stages: list[str] = []
    controller.sync_progress.connect(lambda stage, _d, _t: stages.append(stage))
    result = sync_from_dialog(qtbot, dialog)
    assert not result.cancelled
    assert "upload" in stages
    assert services.attachments.pending_uploads() == []

    # Device B syncs (records and the attachments' records), then opens the
    # dossier: the window fetches the file it lacks.
    other, other_sync = other_device(tmp_path, "may-b", server, unit)
    try:
        other_sync.sync()
        assert AttachmentSync(other.attachments, other_sync).pull() == 1
        assert not other.attachments.files.has(info.sha256)
        window = DossierDialog(other, runner, d.code)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: other.attachments.files.has(info.sha256), timeout=20_000)
        assert other.attachments.read(info.sha256) == services.attachments.read(info.sha256)
        qtbot.waitUntil(lambda: window.attachments.view_button.isEnabled(), timeout=10_000)
        window.close()
        assert runner.wait_idle(10_000)
    finally:
        other.close()
