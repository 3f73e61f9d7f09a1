"""The sync screen's status tab: where the sync stands and "sync now" with its progress.

The tab also holds the USB bundle box (bundle_box.py) and the sync settings box
(settings_box.py); the sync itself is the controller's (controller.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import HccError
from hcc_desktop.services.sync.service import SyncResult
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.sync.bundle_box import BundleBox
from hcc_desktop.ui.sync.controller import STAGE_CONNECT, SyncController
from hcc_desktop.ui.sync.controller import sync_error_text as controller_error_text
from hcc_desktop.ui.sync.settings_box import SyncSettingsBox
from hcc_desktop.ui.sync.status import failure_code, is_offline


class SyncStatusTab(QWidget):
    """Server, unit, last sync, pending changes, connection, "sync now"."""

    sync_ended = Signal()  # a sync finished, failed or was stopped

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.server_value = QLabel()
        self.unit_value = QLabel()
        self.device_value = QLabel()
        self.last_sync_value = QLabel()
        self.pending_value = QLabel()
        self.conflicts_value = QLabel()
        self.connection_value = QLabel()
        self.error_value = QLabel()
        self.error_value.setWordWrap(True)
        for label in (
            self.server_value,
            self.unit_value,
            self.device_value,
            self.last_sync_value,
            self.pending_value,
            self.conflicts_value,
            self.connection_value,
            self.error_value,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Server:"), self.server_value)
        form.addRow(self.tr("Unit:"), self.unit_value)
        form.addRow(self.tr("This device:"), self.device_value)
        form.addRow(self.tr("Last sync:"), self.last_sync_value)
        form.addRow(self.tr("Changes waiting to be sent:"), self.pending_value)
        form.addRow(self.tr("Conflicts to resolve:"), self.conflicts_value)
        form.addRow(self.tr("Connection to the server:"), self.connection_value)
        form.addRow(self.tr("Last error:"), self.error_value)

        self.sync_button = QPushButton(self.tr("Sync &now"))
        self.sync_button.setToolTip(
            self.tr("Send this device's changes and receive the others' (F9)")
        )
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("&Stop syncing"))
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.stage_label = QLabel()
        self.stage_label.setWordWrap(True)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button)
        sync_row.addWidget(self.progress, 1)
        sync_row.addWidget(self.cancel_button)
        sync_row.addStretch(0)
        sync_box = QGroupBox(self.tr("Synchronise"))
        sync_layout = QVBoxLayout(sync_box)
        sync_layout.addLayout(sync_row)
        sync_layout.addWidget(self.stage_label)
        sync_layout.addWidget(self.result_label)

        self.bundle_box = BundleBox(controller)
        self.settings_box = SyncSettingsBox(controller)
        lower = QHBoxLayout()
        lower.addWidget(self.bundle_box, 3)
        lower.addWidget(self.settings_box, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(sync_box)
        layout.addLayout(lower)
        layout.addStretch(1)

        for signal, slot in (
            (controller.sync_started, self._sync_started),
            (controller.sync_progress, self._sync_progress),
            (controller.sync_finished, self._sync_finished),
            (controller.sync_failed, self._sync_failed),
        ):
            signal.connect(slot)

    def show_sync_under_way(self) -> None:
        """Show a sync the controller started before this tab existed."""
        controller = self.controller
        if controller.is_syncing():
            self._sync_started(controller.is_background())
            if controller.stage is not None:
                self._sync_progress(*controller.stage)

    # -- status --------------------------------------------------------------------------

    def update_status(self) -> None:
        controller = self.controller
        status = controller.status
        settings = controller.current_settings
        registered = controller.is_registered()
        self.server_value.setText(
            settings.server_url if registered else self.tr("Not registered with a server")
        )
        self.unit_value.setText(f"{settings.unit_code} – {settings.unit_name}")
        self.device_value.setText(
            self.tr("{name} (device number {slot})").format(
                name=settings.device_name, slot=settings.device_slot
            )
        )
        if status is None:
            for label in (self.last_sync_value, self.pending_value, self.conflicts_value):
                label.setText("…")
        else:
            if status.last_sync_at is not None:
                text = status.last_sync_at.strftime("%H:%M %d/%m/%Y")
                if status.days_since_sync:
                    text += " " + self.tr("({days} days ago)").format(days=status.days_since_sync)
                self.last_sync_value.setText(text)
            else:
                self.last_sync_value.setText(self.tr("Never"))
            warn = "color: #c62828; font-weight: bold;"
            self.last_sync_value.setStyleSheet(warn if status.warn else "")
            self.pending_value.setText(str(status.pending))
            self.conflicts_value.setText(str(status.open_conflicts))
            self.conflicts_value.setStyleSheet(warn if status.open_conflicts else "")
        if not registered:
            self.connection_value.setText(self.tr("Not registered"))
            self.connection_value.setStyleSheet("")
        elif is_offline(controller):
            self.connection_value.setText(self.tr("Unreachable"))
            self.connection_value.setStyleSheet("color: #e65100; font-weight: bold;")
        elif controller.online:
            self.connection_value.setText(self.tr("Connected"))
            self.connection_value.setStyleSheet("color: #2e7d32;")
        else:
            self.connection_value.setText(self.tr("Not checked yet"))
            self.connection_value.setStyleSheet("")
        self.error_value.setText(self._error_text())
        self.error_value.setStyleSheet("color: #c62828;" if failure_code(controller) else "")
        syncing = controller.is_syncing()
        self.sync_button.setEnabled(registered and not syncing)
        self.bundle_box.export_button.setEnabled(registered)

    def _error_text(self) -> str:
        controller = self.controller
        status = controller.status
        if controller.last_failure is not None:
            at = controller.last_failure_at
            text = controller_error_text(controller.last_failure)
        elif status is not None and status.last_failure is not None:
            at = status.last_error_at
            text = controller_error_text(status.last_failure)
        else:
            return self.tr("None")
        if at is not None:
            return f"{at:%H:%M %d/%m/%Y}: {text}"
        return text

    # -- syncing --------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller.is_syncing():
            return
        self.result_label.clear()
        if not self.controller.sync_now():
            self.update_status()

    def cancel_sync(self) -> None:
        self.controller.cancel()
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(
            self.tr("Stopping… the step under way is finished first, nothing is lost.")
        )

    def _sync_started(self, _background: bool) -> None:
        self.result_label.clear()
        self.result_label.setStyleSheet("")
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setFocus()

    def _sync_progress(self, stage: str, done: int, total: int) -> None:
        if self.controller.is_cancelling():
            return
        if stage == STAGE_CONNECT:
            if done:
                text = self.tr("Connected to the server; the sync is starting…")
            else:
                text = self.tr("Checking the connection to the server…")
            self.progress.setRange(0, 0)
            total = 0
        elif stage == "push":
            text = self.tr("Sending changes to the server: {done} of {total}").format(
                done=done, total=total
            )
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(min(done, total))
        elif stage == "upload":
            text = self.tr("Sending scanned files: {done} of {total} MB").format(
                done=done // 1_000_000, total=max(1, total // 1_000_000)
            )
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // max(total, 1)))
            done, total = done // 1_000_000, max(1, total // 1_000_000)
        else:
            text = self.tr("Receiving changes from the server: {done} received").format(done=done)
            if total > 0:
                self.progress.setRange(0, total)
                self.progress.setValue(min(done, total))
            else:
                self.progress.setRange(0, 0)
        self.progress.setFormat(f"{done}/{total}" if total > 0 else "")
        self.stage_label.setText(text)

    def _sync_ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.stage_label.clear()
        # The dialog refreshes every tab (this one included) and the review lists.
        self.sync_ended.emit()
        # isVisibleTo: the tab is the current one, whether the dialog is shown or not.
        if self.isVisibleTo(self.window()) and self.sync_button.isEnabled():
            self.sync_button.setFocus()

    def _sync_finished(self, result: SyncResult) -> None:
        self._sync_ended()
        if result.cancelled:
            self.result_label.setText(
                self.tr(
                    "Sync stopped. What was already sent or received is kept; the rest "
                    "goes at the next sync."
                )
            )
            self.result_label.setStyleSheet("color: #e65100;")
            return
        lines = [
            self.tr("Sync finished at {time}: {pushed} changes sent, {pulled} received.").format(
                time=self.controller.clock().strftime("%H:%M"),
                pushed=result.pushed,
                pulled=result.pulled,
            )
        ]
        if result.conflicts:
            lines.append(
                self.tr(
                    "{count} dossiers were changed on another device as well: see the "
                    "Conflicts tab."
                ).format(count=result.conflicts)
            )
        if result.rejected:
            lines.append(
                self.tr("{count} records were refused by the server: see the Rejected tab.").format(
                    count=result.rejected
                )
            )
        self.result_label.setText("\n".join(lines))
        self.result_label.setStyleSheet(
            "color: #c62828;" if result.conflicts or result.rejected else "color: #2e7d32;"
        )

    def _sync_failed(self, exc: BaseException) -> None:
        self._sync_ended()
        self.result_label.setText(controller_error_text(exc))
        self.result_label.setStyleSheet("color: #c62828; font-weight: bold;")
        if not isinstance(exc, HccError) and not self.controller.is_background():
            show_error(self, exc, log_it=False)
