"""The sync screen's USB bundle box: the pending changes written to a file for the server."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.operations import export_job

BUNDLE_SUFFIX = ".hccbundle"


class BundleBox(QGroupBox):
    """ "No network?": export the outbox as a data bundle for the administrator."""

    bundle_exported = Signal(object, int)  # Path, number of changes

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sync = controller.sync
        self.runner = controller.runner
        self.last_message: QMessageBox | None = None
        self.setTitle(self.tr("No network?"))
        bundle_text = QLabel(
            self.tr(
                "Write the changes waiting to be sent to a file, copy it to a USB stick and "
                "give it to the administrator of the sync server, who imports it. The changes "
                "stay on this device until an online sync confirms them."
            )
        )
        bundle_text.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export data bundle (&USB)…"))
        self.export_button.clicked.connect(self.export_bundle)
        bundle_layout = QVBoxLayout(self)
        bundle_layout.addWidget(bundle_text)
        bundle_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        bundle_layout.addStretch(1)

    def export_bundle(self) -> None:
        settings = self.controller.current_settings
        now = self.controller.clock()
        suggested = (
            f"hcc-{settings.unit_code}-may{settings.device_slot}-{now:%Y%m%d-%H%M}{BUNDLE_SUFFIX}"
        )
        folder = str(QSettings().value("paths/bundle_dir", "") or "")
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export data bundle"),
            str(Path(folder) / suggested) if folder else suggested,
            self.tr("HCC data bundles (*{suffix})").format(suffix=BUNDLE_SUFFIX),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != BUNDLE_SUFFIX:
            target = target.with_name(target.name + BUNDLE_SUFFIX)
        QSettings().setValue("paths/bundle_dir", str(target.parent))
        self.export_bundle_to(target)

    def export_bundle_to(self, path: Path) -> None:
        self.export_button.setEnabled(False)
        self.runner.run(
            export_job, self.sync, Path(path), on_done=self._exported, on_error=self._export_failed
        )

    def _exported(self, outcome: tuple[Path, int]) -> QMessageBox:
        path, count = outcome
        self.export_button.setEnabled(True)
        self.bundle_exported.emit(path, count)
        if count:
            text = self.tr("{count} changes were written to the file\n{path}").format(
                count=count, path=str(path)
            )
            info = self.tr(
                "Copy this file to a USB stick and give it to the administrator of the sync "
                "server, who imports it. Keep the file until this device has synchronised "
                "online again: the changes stay on this device until then, and importing the "
                "same file twice does no harm."
            )
        else:
            text = self.tr(
                "No change was waiting to be sent: the file\n{path}\nholds nothing new."
            ).format(path=str(path))
            info = self.tr("There is nothing to take to the server.")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Data bundle exported"))
        box.setText(text)
        box.setInformativeText(info)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("OK"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_message = box
        box.open()
        self.controller.refresh_status()
        return box

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, exc)
        self.controller.refresh_status()
