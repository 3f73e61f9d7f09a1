"""The sync screen: the shell that assembles its tabs.

One module per job: ``status_tab`` (where the sync stands, "sync now" with its
progress) with ``bundle_box`` (the USB data bundle) and ``settings_box`` (the
sync settings), ``conflicts_tab`` (conflicts to settle), ``rejected_tab`` (what
the server refused) and ``register_tab`` (registering the device); ``fields``
shows dossier fields, ``operations`` holds the service calls run on the task
runner. Every call that touches the store runs on the runner; the sync itself
is the controller's (hcc_desktop/ui/sync/controller.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.services.sync.service import RejectedItem, SyncConflict
from hcc_desktop.ui.common.errors import FIELD_ERROR_STYLE, show_error
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.sync.bundle_box import BUNDLE_SUFFIX
from hcc_desktop.ui.sync.conflicts_tab import SyncConflictsTab
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.fields import FIELD_NAMES, field_name, format_value
from hcc_desktop.ui.sync.operations import load_review
from hcc_desktop.ui.sync.register_tab import SyncRegisterTab
from hcc_desktop.ui.sync.rejected_tab import SyncRejectedTab
from hcc_desktop.ui.sync.status_tab import SyncStatusTab

# The widgets of the tabs the dialog shows as its own (tests and callers reach them here).
_STATUS_WIDGETS = (
    "server_value", "unit_value", "device_value", "last_sync_value", "pending_value",
    "conflicts_value", "connection_value", "error_value", "sync_button", "cancel_button",
    "progress", "stage_label", "result_label",
)  # fmt: skip
_BUNDLE_WIDGETS = ("export_button", "export_bundle", "export_bundle_to")
_SETTINGS_WIDGETS = (
    "interval_spin", "interval_error", "warn_spin", "warn_error", "save_settings_button",
    "settings_saved_label", "save_settings",
)  # fmt: skip
_CONFLICT_WIDGETS = (
    "conflict_table", "difference_title", "difference_table", "keep_local_button",
    "take_server_button", "conflict_message", "no_conflict_label", "keep_local", "take_server",
    "selected_conflict",
)  # fmt: skip
_REJECTED_WIDGETS = ("rejected_table",)
_REGISTER_WIDGETS = (
    "register_intro", "url_edit", "url_error", "code_edit", "code_error", "name_edit",
    "name_error", "register_button", "register_error", "register_result", "register_device",
)  # fmt: skip


class SyncDialog(QDialog):
    """Everything about this device's sync with the central server."""

    TAB_STATUS, TAB_CONFLICTS, TAB_REJECTED, TAB_REGISTER = range(4)

    registered = Signal(object)  # RegistrationResult
    conflicts_loaded = Signal(int)  # open conflicts listed
    conflict_resolved = Signal(str, str)  # dossier id, "local" | "server"
    bundle_exported = Signal(object, int)  # Path, number of changes
    sync_settings_saved = Signal(object)  # AppSettings

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sync = controller.sync
        self.runner = controller.runner
        self._loading_review = False
        self.setWindowTitle(self.tr("Synchronisation with the server"))
        self.setStyleSheet(FIELD_ERROR_STYLE)

        self.status_tab = SyncStatusTab(controller)
        self.bundle_box = self.status_tab.bundle_box
        self.settings_box = self.status_tab.settings_box
        self.conflicts_tab = SyncConflictsTab(controller)
        self.rejected_tab = SyncRejectedTab()
        self.register_tab = SyncRegisterTab(controller)
        for part, names in (
            (self.status_tab, _STATUS_WIDGETS),
            (self.bundle_box, _BUNDLE_WIDGETS),
            (self.settings_box, _SETTINGS_WIDGETS),
            (self.conflicts_tab, _CONFLICT_WIDGETS),
            (self.rejected_tab, _REJECTED_WIDGETS),
            (self.register_tab, _REGISTER_WIDGETS),
        ):
            for name in names:
                setattr(self, name, getattr(part, name))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.status_tab, "")
        self.tabs.addTab(self.conflicts_tab, "")
        self.tabs.addTab(self.rejected_tab, "")
        self.tabs.addTab(self.register_tab, self.tr("Re&gistration"))
        self.tabs.currentChanged.connect(self._tab_changed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        # F9 here too: the same key as in the main window.
        QShortcut(QKeySequence("F9"), self).activated.connect(self.sync_now)

        # The parts' signals, passed on as the dialog's own.
        self.register_tab.registered.connect(self.registered)
        self.conflicts_tab.conflict_resolved.connect(self.conflict_resolved)
        self.bundle_box.bundle_exported.connect(self.bundle_exported)
        self.settings_box.sync_settings_saved.connect(self.sync_settings_saved)
        self.status_tab.sync_ended.connect(self._sync_ended)
        self.conflicts_tab.reload_requested.connect(self.load_review)
        self.register_tab.status_outdated.connect(self.update_status)
        self.register_tab.registration_done.connect(self._registration_done)
        controller.status_changed.connect(self.update_status)
        controller.connectivity_changed.connect(self.update_status)

        self._update_tab_titles()
        self.update_status()
        self.status_tab.show_sync_under_way()
        controller.refresh_status()
        self.load_review()
        fit_to_screen(self, QSize(900, 600))
        self._open_first_tab()

    @property
    def last_message(self) -> QMessageBox | None:
        """The last message box the dialog opened (the bundle's report)."""
        return self.bundle_box.last_message

    @property
    def conflicts(self) -> list[SyncConflict]:
        return self.conflicts_tab.conflicts

    # -- tabs ----------------------------------------------------------------------------

    def _open_first_tab(self) -> None:
        status = self.controller.status
        if not self.controller.is_registered():
            self.tabs.setCurrentIndex(self.TAB_REGISTER)
        elif status is not None and status.open_conflicts:
            self.tabs.setCurrentIndex(self.TAB_CONFLICTS)
        else:
            self.tabs.setCurrentIndex(self.TAB_STATUS)
        self._tab_changed(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        self.sync_button.setDefault(index == self.TAB_STATUS)
        self.register_button.setDefault(index == self.TAB_REGISTER)
        focus = {
            self.TAB_STATUS: self.sync_button,
            self.TAB_CONFLICTS: self.conflict_table,
            self.TAB_REJECTED: self.rejected_table,
            self.TAB_REGISTER: self.url_edit if not self.url_edit.text() else self.code_edit,
        }.get(index)
        if focus is not None and focus.isEnabled():
            focus.setFocus(Qt.FocusReason.TabFocusReason)

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(self.TAB_STATUS, self.tr("S&tatus"))
        self.tabs.setTabText(
            self.TAB_CONFLICTS,
            self.tr("Con&flicts ({count})").format(count=len(self.conflicts_tab.conflicts)),
        )
        self.tabs.setTabText(
            self.TAB_REJECTED,
            self.tr("Re&jected ({count})").format(count=len(self.rejected_tab.rejected)),
        )

    # -- status and syncing ----------------------------------------------------------------

    def update_status(self, *_args: object) -> None:
        self.status_tab.update_status()
        self.register_tab.update_intro(
            self.controller.current_settings, self.controller.is_registered()
        )

    def sync_now(self) -> None:
        if self.controller.is_syncing():
            return
        self.tabs.setCurrentIndex(self.TAB_STATUS)
        self.status_tab.sync_now()

    def cancel_sync(self) -> None:
        self.status_tab.cancel_sync()

    def _sync_ended(self) -> None:
        self.update_status()
        self.load_review()

    def _registration_done(self) -> None:
        self.update_status()
        self.tabs.setCurrentIndex(self.TAB_STATUS)

    # -- conflicts and rejected items -----------------------------------------------------

    def load_review(self) -> None:
        if self._loading_review:
            return
        self._loading_review = True
        self.runner.run(
            load_review, self.sync, on_done=self._review_loaded, on_error=self._review_failed
        )

    def _review_loaded(self, review: tuple[list[SyncConflict], list[RejectedItem]]) -> None:
        self._loading_review = False
        conflicts, rejected = review
        self.conflicts_tab.set_conflicts(conflicts)
        self.rejected_tab.set_rejected(rejected)
        self._update_tab_titles()
        self.conflicts_loaded.emit(len(conflicts))

    def _review_failed(self, exc: BaseException) -> None:
        self._loading_review = False
        show_error(self, exc)


__all__ = [
    "BUNDLE_SUFFIX",
    "FIELD_NAMES",
    "SyncDialog",
    "field_name",
    "format_value",
]
