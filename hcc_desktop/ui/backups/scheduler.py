"""The daily backup: checked at start-up and then every hour, taken on the task runner's
database lane (never on the GUI thread). A missing folder (the USB stick unplugged) is a
quiet warning in the status bar, never a dialog: the counter keeps working."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.services.backups import BackupInfo
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    backup_taken = Signal(object)  # BackupInfo
    backup_warning = Signal(str)  # a sentence for the status bar
    backup_ok = Signal()  # checked: today's backup is there (or backups are off)

    def __init__(self, services: Services, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._running = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> None:
        """Take today's backup if it is not there yet (one check at a time)."""
        if self._running:
            return
        self._running = True
        self._runner.run(
            self._services.backups.run_scheduled, on_done=self._done, on_error=self._failed
        )

    def _done(self, info: BackupInfo | None) -> None:
        self._running = False
        if info is not None:
            log.info("scheduled backup written (%s dossiers)", info.dossiers)
            self.backup_taken.emit(info)
        self.backup_ok.emit()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if isinstance(exc, HccError):
            log.warning("scheduled backup not taken: %s", exc.describe())
            self.backup_warning.emit(error_message(exc))
        else:
            log.error("scheduled backup failed", exc_info=exc)
            self.backup_warning.emit(
                self.tr("The scheduled backup failed: {reason}").format(reason=str(exc))
            )
