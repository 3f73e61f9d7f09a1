"""The dossier window's scans panel reads what is attached on the task runner,
not on the GUI thread, and shows it once read."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from hcc_desktop.services import Services
from hcc_desktop.ui.attachments.panel import AttachmentsPanel
from hcc_desktop.ui.common.tasks import TaskRunner
from tests.scan_pages import write_pages
from tests.ui.conftest import AcceptDossier

PAPER = "1.001193-02"


def test_the_scans_are_read_on_the_task_runner(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
) -> None:
    d = accept_dossier()
    services.attachments.attach(dossier=d.code, component=PAPER, sources=write_pages(tmp_path, 2))
    panel = AttachmentsPanel(services, runner, lambda: 0)
    qtbot.addWidget(panel)
    panel.set_dossier(services.dossiers.get(d.code))
    # Asked, not read yet: nothing to view until the scans arrive.
    assert panel.loading
    assert not panel.view_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.summary.text() == panel.tr("Scans: {files} file(s), {pages} page(s).").format(
        files=1, pages=2
    )
    assert panel.view_button.isEnabled()


def test_a_dossier_without_scans_says_so_once_read(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    d = accept_dossier()
    panel = AttachmentsPanel(services, runner, lambda: 0)
    qtbot.addWidget(panel)
    panel.set_dossier(services.dossiers.get(d.code))
    qtbot.waitUntil(lambda: not panel.loading, timeout=10_000)
    assert panel.summary.text() == panel.tr("No scan attached yet.")
    assert not panel.view_button.isEnabled()
