"""The sync screen's settings box: how often to sync and when to warn."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hcc_desktop.core.errors import ValidationError
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.common.dialog_parts import boxed
from hcc_desktop.ui.common.errors import make_error_label, set_field_error, show_error
from hcc_desktop.ui.common.messages import field_message
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.operations import save_sync_settings


class SyncSettingsBox(QGroupBox):
    """The automatic sync interval and the days without sync before a warning."""

    sync_settings_saved = Signal(object)  # AppSettings

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.runner = controller.runner
        settings = controller.current_settings
        self.setTitle(self.tr("Sync settings"))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 1440)
        self.interval_spin.setSuffix(self.tr(" minutes"))
        self.interval_spin.setValue(settings.sync_interval_minutes)
        self.interval_error = make_error_label()
        self.warn_spin = QSpinBox()
        self.warn_spin.setRange(1, 60)
        self.warn_spin.setSuffix(self.tr(" days without sync"))
        self.warn_spin.setValue(settings.sync_warn_days)
        self.warn_error = make_error_label()
        self.save_settings_button = QPushButton(self.tr("Sa&ve sync settings"))
        self.save_settings_button.clicked.connect(self.save_settings)
        self.settings_saved_label = QLabel()
        interval_label = QLabel(self.tr("Sync automatically &every:"))
        interval_label.setBuddy(self.interval_spin)
        warn_label = QLabel(self.tr("&Warn after:"))
        warn_label.setBuddy(self.warn_spin)
        grid = QFormLayout(self)
        grid.addRow(interval_label, boxed(self.interval_spin, self.interval_error, spacing=2))
        grid.addRow(warn_label, boxed(self.warn_spin, self.warn_error, spacing=2))
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_settings_button)
        save_row.addWidget(self.settings_saved_label, 1)
        grid.addRow(save_row)

    def save_settings(self) -> None:
        set_field_error(self.interval_spin, self.interval_error, None)
        set_field_error(self.warn_spin, self.warn_error, None)
        self.settings_saved_label.clear()
        self.save_settings_button.setEnabled(False)
        self.runner.run_change(
            save_sync_settings,
            self.controller.settings,
            self.interval_spin.value(),
            self.warn_spin.value(),
            on_done=self._settings_saved,
            on_error=self._settings_failed,
        )

    def _settings_saved(self, settings: AppSettings) -> None:
        self.save_settings_button.setEnabled(True)
        self.settings_saved_label.setText(self.tr("Saved."))
        self.sync_settings_saved.emit(settings)
        self.controller.apply_settings(settings)

    def _settings_failed(self, exc: BaseException) -> None:
        self.save_settings_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            fields = {
                "sync_interval_minutes": (self.interval_spin, self.interval_error),
                "sync_warn_days": (self.warn_spin, self.warn_error),
            }
            shown = False
            for err in exc.errors:
                if err.field in fields:
                    set_field_error(*fields[err.field], field_message(err))
                    shown = True
            if shown:
                return
        show_error(self, exc)
