"""Scan one paper of a dossier: pages from files, from a folder the scanner
writes into (new files are picked up while the dialog is open), or from a
camera with a live picture and one key per page. "Attach" makes one PDF of the
pages (services/attachments) and marks the paper digitised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QFileSystemWatcher, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import HccError
from hcc_desktop.services.attachments import AttachmentInfo, AttachmentService, PageSource
from hcc_desktop.ui.attachments.camera import FrameSource
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.tasks import TaskRunner

SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".pdf"}
# A file the scanner is still writing grows; it is taken once its size holds.
SETTLE_MS = 400
THUMB = QSize(96, 128)
CAPTURE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_F5)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class ScanDialog(QDialog):
    """Pages for one paper, then one PDF attached to it."""

    def __init__(
        self,
        attachments: AttachmentService,
        runner: TaskRunner,
        *,
        dossier: str,
        component: str,
        component_name: str,
        camera_factory: Callable[[QWidget], FrameSource | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attachments = attachments
        self._runner = runner
        self._dossier = dossier
        self._component = component
        self._camera_factory = camera_factory
        self._camera: FrameSource | None = None
        self._pages: list[PageSource] = []
        self._folder: Path | None = None
        self._seen: set[str] = set()
        self._settling: dict[str, int] = {}
        self.result_info: AttachmentInfo | None = None
        self.setWindowTitle(self.tr("Scan: {name}").format(name=component_name))

        self.pages = QListWidget()
        self.pages.setViewMode(QListWidget.ViewMode.IconMode)
        self.pages.setIconSize(THUMB)
        self.pages.setMovement(QListWidget.Movement.Static)
        self.pages.setMinimumWidth(360)

        self.add_files_button = QPushButton(self.tr("Add &files…"))
        self.watch_button = QPushButton(self.tr("&Watch scanner folder…"))
        self.camera_button = QPushButton(self.tr("&Camera"))
        self.camera_button.setCheckable(True)
        self.remove_button = QPushButton(self.tr("&Remove page"))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Automatic (black and white for text)"), "auto")
        self.mode.addItem(self.tr("Black and white"), "bitonal")
        self.mode.addItem(self.tr("Grayscale"), "gray")
        buttons_row = QHBoxLayout()
        for w in (self.add_files_button, self.watch_button, self.camera_button, self.remove_button):
            buttons_row.addWidget(w)
        buttons_row.addStretch(1)

        self.preview = QLabel()
        self.preview.setMinimumSize(320, 240)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.hide()
        self.camera_hint = QLabel(self.tr("Press Space for each page"))
        self.camera_hint.hide()

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.attach_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.attach_button.setText(self.tr("&Attach"))
        self.buttons.accepted.connect(self._attach)
        self.buttons.rejected.connect(self.reject)

        middle = QHBoxLayout()
        middle.addWidget(self.pages, 2)
        camera_box = QVBoxLayout()
        camera_box.addWidget(self.preview)
        camera_box.addWidget(self.camera_hint)
        middle.addLayout(camera_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons_row)
        layout.addLayout(middle)
        mode_row = QHBoxLayout()
        mode_row.addWidget(QLabel(self.tr("Pages stored as:")))
        mode_row.addWidget(self.mode, 1)
        layout.addLayout(mode_row)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._folder_changed)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self._take_settled)

        self.add_files_button.clicked.connect(self._choose_files)
        self.watch_button.clicked.connect(self._choose_folder)
        self.camera_button.toggled.connect(self._toggle_camera)
        self.remove_button.clicked.connect(self._remove_selected)
        for key in CAPTURE_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(self.capture_page)
        self._refresh()

    # -- pages ----------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self._pages)

    def add_page(self, source: PageSource, thumbnail: QImage | None = None) -> None:
        self._pages.append(source)
        image = thumbnail if thumbnail is not None else QImage.fromData(source.data)
        icon = QIcon()
        if not image.isNull():
            icon = QIcon(QPixmap.fromImage(image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
        item = QListWidgetItem(icon, self.tr("Page {n}").format(n=len(self._pages)))
        if source.name.lower().endswith(".pdf"):
            item.setText(source.name)
        self.pages.addItem(item)
        self._refresh()

    def add_files(self, paths: list[Path]) -> None:
        self.error.hide()
        for path in paths:
            try:
                self.add_page(PageSource.from_path(path))
            except HccError as exc:
                self._show_error(exc)

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Scanned pages"),
            "",
            self.tr("Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf)"),
        )
        self.add_files([Path(n) for n in names])

    def _remove_selected(self) -> None:
        row = self.pages.currentRow()
        if 0 <= row < len(self._pages):
            del self._pages[row]
            self.pages.takeItem(row)
            for i in range(self.pages.count()):
                item = self.pages.item(i)
                if not self._pages[i].name.lower().endswith(".pdf"):
                    item.setText(self.tr("Page {n}").format(n=i + 1))
            self._refresh()

    def _refresh(self) -> None:
        n = len(self._pages)
        self.attach_button.setEnabled(n > 0)
        self.remove_button.setEnabled(n > 0)
        text = self.tr("Pages ready: {n}").format(n=n)
        if self._folder is not None:
            text += " · " + self.tr("watching {folder}").format(folder=str(self._folder))
        self.status.setText(text)

    # -- the scanner's folder -------------------------------------------------------------

    def watch_folder(self, folder: Path) -> None:
        """Take every image or PDF that appears in ``folder`` from now on
        (the files already there are left alone)."""
        if self._folder is not None:
            self.watcher.removePath(str(self._folder))
        self._folder = Path(folder)
        self._seen = {p.name for p in self._folder.iterdir()}
        self.watcher.addPath(str(self._folder))
        self._refresh()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder the scanner writes into"))
        if folder:
            self.watch_folder(Path(folder))

    def _folder_changed(self, _path: str) -> None:
        if self._folder is None:
            return
        for p in sorted(self._folder.iterdir()):
            if p.name in self._seen or p.suffix.lower() not in SUFFIXES or not p.is_file():
                continue
            self._settling[p.name] = -1
        if self._settling:
            self._settle_timer.start()

    def _take_settled(self) -> None:
        if self._folder is None:
            return
        waiting = False
        for name in sorted(self._settling):
            path = self._folder / name
            try:
                size = path.stat().st_size
            except OSError:
                del self._settling[name]
                continue
            if size > 0 and size == self._settling[name]:
                del self._settling[name]
                self._seen.add(name)
                self.add_files([path])
            else:
                self._settling[name] = size
                waiting = True
        if waiting:
            self._settle_timer.start()

    # -- the camera -----------------------------------------------------------------------

    def _toggle_camera(self, on: bool) -> None:
        if on:
            self.start_camera()
        else:
            self.stop_camera()

    def start_camera(self) -> bool:
        if self._camera is None:
            factory = self._camera_factory
            if factory is None:
                from hcc_desktop.ui.attachments.camera import default_camera

                factory = default_camera
            self._camera = factory(self)
            if self._camera is None:
                self.camera_button.setChecked(False)
                self.error.setText(self.tr("No camera was found on this computer."))
                self.error.show()
                return False
            self._camera.frame_changed.connect(self._show_frame)
            self._camera.captured.connect(self._on_captured)
            self._camera.failed.connect(self._on_camera_failed)
        self._camera.start()
        self.preview.show()
        self.camera_hint.show()
        if not self.camera_button.isChecked():
            self.camera_button.setChecked(True)
        return True

    def stop_camera(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self.preview.hide()
        self.camera_hint.hide()

    def capture_page(self) -> None:
        """The capture key: one page from the camera."""
        if self._camera is not None and self.preview.isVisible():
            self._camera.capture()

    def _show_frame(self, image: QImage) -> None:
        self.preview.setPixmap(
            QPixmap.fromImage(image.scaled(self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio))
        )

    def _on_captured(self, image: QImage) -> None:
        n = len(self._pages) + 1
        self.add_page(PageSource(f"camera-{n:02d}.png", _png(image)), image)

    def _on_camera_failed(self, _reason: str) -> None:
        self.error.setText(self.tr("The camera gave no picture; check it and try again."))
        self.error.show()

    # -- attaching ------------------------------------------------------------------------

    def _attach(self) -> None:
        if not self._pages:
            return
        self.attach_button.setEnabled(False)
        self.error.hide()
        self._runner.run(
            self._attachments.attach,
            dossier=self._dossier,
            component=self._component,
            sources=list(self._pages),
            mode=str(self.mode.currentData()),
            on_done=self._attached,
            on_error=self._failed,
        )

    def _attached(self, info: object) -> None:
        assert isinstance(info, AttachmentInfo)
        self.result_info = info
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.attach_button.setEnabled(bool(self._pages))
        if isinstance(exc, HccError):
            self._show_error(exc)
        else:
            raise exc

    def _show_error(self, exc: HccError) -> None:
        self.error.setText(error_message(exc))
        self.error.show()

    def done(self, result: int) -> None:
        self.stop_camera()
        super().done(result)
