"""The scan dialog: pages from files, from a scanner's folder while it is open,
and from a camera (a fake video source feeding QVideoFrames), then one PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from hcc_desktop.services import Services
from hcc_desktop.ui.attachments.scan_dialog import ScanDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from tests.scan_pages import text_page, write_pages
from tests.ui.conftest import AcceptDossier, show_active

pytest.importorskip("PySide6.QtMultimedia", exc_type=ImportError)

from hcc_desktop.ui.attachments.camera import FrameSource, VideoFrameFeed

PAPER = "1.001193-02"


def _dialog(services: Services, runner: TaskRunner, code: str, **kwargs: object) -> ScanDialog:
    return ScanDialog(
        services.attachments,
        runner,
        dossier=code,
        component=PAPER,
        component_name="Giấy chứng sinh",
        **kwargs,  # type: ignore[arg-type]
    )


def _digitised(services: Services, code: str) -> list[tuple[str, int]]:
    return [(a.component_id, a.pages) for a in services.attachments.of_dossier(code)]


def test_files_become_one_pdf_attached_to_the_paper(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
) -> None:
    d = accept_dossier()
    dialog = _dialog(services, runner, d.code)
    qtbot.addWidget(dialog)
    assert not dialog.attach_button.isEnabled()
    dialog.add_files(write_pages(tmp_path, 2))
    assert dialog.page_count() == 2
    assert dialog.attach_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.attach_button.click()
    assert dialog.result_info is not None
    assert dialog.result_info.pages == 2
    assert _digitised(services, d.code) == [(PAPER, 2)]


def test_new_files_in_the_scanner_folder_are_picked_up_while_open(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
) -> None:
    d = accept_dossier()
    folder = tmp_path / "scanner"
    write_pages(folder, 1)  # already there: not this paper's
    dialog = _dialog(services, runner, d.code)
    qtbot.addWidget(dialog)
    dialog.watch_folder(folder)
    (folder / "scan-0001.png").write_bytes(text_page())
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=10_000)
    (folder / "notes.txt").write_text("not a page")
    (folder / "scan-0002.png").write_bytes(text_page())
    qtbot.waitUntil(lambda: dialog.page_count() == 2, timeout=10_000)
    assert "scanner" in dialog.status.text()


def test_a_corrupt_file_from_the_folder_is_refused_with_a_message(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
    vietnamese: None,
) -> None:
    d = accept_dossier()
    bad = tmp_path / "hong.jpg"
    bad.write_bytes(text_page(200, "JPEG")[:2000])
    dialog = _dialog(services, runner, d.code)
    qtbot.addWidget(dialog)
    dialog.add_files([bad])
    with qtbot.waitSignal(dialog.finished, timeout=20_000, raising=False) as blocker:
        dialog.attach_button.click()
        qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=20_000)
    assert not blocker.signal_triggered
    assert "hong.jpg không phải ảnh hoặc PDF đọc được" in dialog.error.text()
    assert services.attachments.of_dossier(d.code) == []


def test_camera_pages_one_key_each(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
) -> None:
    pytest.importorskip("PySide6.QtMultimedia", exc_type=ImportError)
    from hcc_desktop.ui.attachments.camera import VideoFrameFeed

    d = accept_dossier()
    feeds: list[VideoFrameFeed] = []

    def fake_camera(parent: object) -> FrameSource:
        feeds.append(VideoFrameFeed())
        return feeds[-1]

    dialog = _dialog(services, runner, d.code, camera_factory=fake_camera)
    show_active(qtbot, dialog)
    dialog.camera_button.click()
    assert dialog.preview.isVisible()
    assert feeds
    page = QImage.fromData(text_page(150))
    feeds[0].push(page)
    qtbot.waitUntil(lambda: not dialog.preview.pixmap().isNull(), timeout=5_000)
    qtbot.keyClick(dialog, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.page_count() == 1, timeout=5_000)
    feeds[0].push(page.copy())
    qtbot.keyClick(dialog, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: dialog.page_count() == 2, timeout=5_000)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.attach_button.click()
    info = dialog.result_info
    assert info is not None
    data = services.attachments.read(info.sha256)
    assert len(PdfReader(io.BytesIO(data)).pages) == 2


def test_no_camera_says_so(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    d = accept_dossier()
    dialog = _dialog(services, runner, d.code, camera_factory=lambda _p: None)
    qtbot.addWidget(dialog)
    dialog.camera_button.click()
    assert not dialog.camera_button.isChecked()
    assert dialog.error.text()


def test_the_dossier_window_scans_the_selected_paper_and_views_it(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
) -> None:
    from hcc_desktop.ui.dossier.dialog import DossierDialog

    d = accept_dossier()
    window = DossierDialog(services, runner, d.code)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: not window.loading)
    panel = window.attachments
    assert not panel.view_button.isEnabled()
    window.components.setCurrentRow(1)
    scan = panel.scan_selected()
    assert scan is not None
    scan.add_files(write_pages(tmp_path, 3))
    with qtbot.waitSignal(panel.attached, timeout=20_000):
        scan.attach_button.click()
    qtbot.waitUntil(lambda: "3" in panel.summary.text(), timeout=10_000)
    assert _digitised(services, d.code) == [(PAPER, 3)]
    qtbot.waitUntil(lambda: not panel.loading)  # the panel reads its scans on the runner
    assert panel.view_button.isEnabled()
    preview = panel.view_selected()
    assert preview is not None
    preview.close()
    # The result as a file marks the dossier's electronic result.
    with qtbot.waitSignal(panel.attached, timeout=20_000):
        panel.attach_result(write_pages(tmp_path / "kq", 1))
    assert services.dossiers.get(d.code).e_result is True
    window.close()
