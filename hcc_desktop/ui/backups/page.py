"""The settings dialog's "Backups" page: the schedule (on/off, folder, how many to keep),
the last backup's time and "Back up now"."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.services.backups import BackupInfo, default_backup_dir
from hcc_desktop.services.settings import MAX_BACKUPS_KEPT, AppSettings
from hcc_desktop.ui.common.errors import make_error_label
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)


class BackupsPage(QWidget):
    """Edits the backup settings (saved with the dialog's OK) and takes a backup now
    (on the task runner, into the folder as typed, before OK)."""

    backup_finished = Signal(object)  # BackupInfo
    backup_failed = Signal(str)  # the message shown

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.enabled = QCheckBox(
            self.tr("Back up every day (when the program starts, then hourly)")
        )
        form.addRow(self.enabled)

        self.folder = QLineEdit()
        self.folder.setPlaceholderText(str(default_backup_dir()))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.folder, 1)
        h.addWidget(self.choose_button)
        form.addRow(self.tr("&Folder:"), row)
        hint = QLabel(
            self.tr(
                "A USB stick or another disk keeps the data safe if this computer fails; "
                "empty: a folder beside the database."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)

        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_BACKUPS_KEPT)
        self.keep.setSuffix(self.tr(" backups"))
        self.keep.setMinimumWidth(140)
        self.keep_error = make_error_label()
        keep_box = QWidget()
        k = QHBoxLayout(keep_box)
        k.setContentsMargins(0, 0, 0, 0)
        k.addWidget(self.keep)
        k.addWidget(self.keep_error, 1)
        k.addStretch(1)
        form.addRow(self.tr("&Keep the newest:"), keep_box)

        self.last_label = QLabel()
        self.last_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Last backup:"), self.last_label)

        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        button_row = QWidget()
        b = QHBoxLayout(button_row)
        b.setContentsMargins(0, 0, 0, 0)
        b.addWidget(self.backup_button)
        b.addStretch(1)
        form.addRow("", button_row)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()
        form.addRow("", self.result_label)

    # -- settings --------------------------------------------------------------

    def load(self, settings: AppSettings, last: tuple[datetime, str] | None) -> None:
        """Show ``settings`` and the ``last`` backup (when and where), both read
        by the settings dialog on the task runner."""
        self.enabled.setChecked(settings.backup_enabled)
        self.folder.setText(settings.backup_folder)
        self.keep.setValue(settings.backup_keep)
        self._show_last(last[0].strftime("%d/%m/%Y %H:%M") if last else "", last[1] if last else "")

    def apply(self, settings: AppSettings) -> AppSettings:
        """``settings`` with this page's values."""
        return replace(
            settings,
            backup_enabled=self.enabled.isChecked(),
            backup_folder=self.folder.text().strip(),
            backup_keep=self.keep.value(),
        )

    def target_folder(self) -> Path:
        text = self.folder.text().strip()
        return Path(text) if text else default_backup_dir()

    def _show_last(self, when: str, where: str) -> None:
        if not when:
            self.last_label.setText(self.tr("none yet"))
            self.last_label.setToolTip("")
        else:
            # The file's name (its folder in the tooltip): a USB path can be very long.
            self.last_label.setText(
                self.tr("{time} – {file}").format(time=when, file=Path(where).name)
            )
            self.last_label.setToolTip(where)

    # -- actions ---------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), str(self.target_folder())
        )
        if folder:
            self.folder.setText(folder)

    def back_up_now(self) -> None:
        folder = self.target_folder()
        if not self.folder.text().strip():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.backup_button.setEnabled(False)
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Backing up…"))
        self.result_label.show()
        self._runner.run(
            self._services.backups.backup,
            folder,
            on_done=self._backed_up,
            on_error=self._backup_failed,
        )

    def _backed_up(self, info: BackupInfo) -> None:
        self.backup_button.setEnabled(True)
        self._show_last(info.created_at.strftime("%d/%m/%Y %H:%M"), str(info.path))
        self.result_label.setText(
            self.tr("Backup written: {file} ({dossiers} dossiers).").format(
                file=info.name, dossiers=info.dossiers
            )
        )
        self.backup_finished.emit(info)

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        if isinstance(exc, HccError):
            message = error_message(exc)
        else:
            log.error("backup failed", exc_info=exc)
            message = self.tr("The backup could not be made: {reason}").format(reason=str(exc))
        self.result_label.setStyleSheet("color: #c62828;")
        self.result_label.setText(message)
        self.backup_failed.emit(message)
