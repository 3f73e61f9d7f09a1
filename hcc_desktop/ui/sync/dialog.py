"""The sync screen: where the sync stands, "sync now" with its progress, the
conflicts to settle, what the server refused, registering the device, the
USB data bundle and the sync settings.

Every call that touches the store (status, conflicts, resolving, registering,
exporting, saving settings) runs on the task runner; the sync itself is the
controller's (hcc_desktop/ui/sync/controller.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.domain import Channel, DossierStatus
from hcc_desktop.core.errors import FieldError, HccError, SyncError, ValidationError
from hcc_desktop.core.text import format_money
from hcc_desktop.services.settings import AppSettings, SettingsService
from hcc_desktop.services.sync.service import (
    RegistrationResult,
    RejectedItem,
    SyncConflict,
    SyncResult,
    SyncService,
)
from hcc_desktop.ui.common.changes import change_hub, notify_dossiers_changed
from hcc_desktop.ui.common.dialog_parts import boxed
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    make_error_label,
    set_field_error,
    show_error,
)
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP, error_message, field_message
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import Progress, channel_name, progress_name, status_name
from hcc_desktop.ui.sync.controller import STAGE_CONNECT, SyncController, reason_text
from hcc_desktop.ui.sync.controller import sync_error_text as controller_error_text
from hcc_desktop.ui.sync.status import failure_code, format_moment, is_offline

log = logging.getLogger(__name__)

BUNDLE_SUFFIX = ".hccbundle"

# -- how dossier fields are shown in a conflict -------------------------------------------

FIELD_NAMES: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("SyncFields", "Dossier code"),
    "unit_code": QT_TRANSLATE_NOOP("SyncFields", "Unit"),
    "device_id": QT_TRANSLATE_NOOP("SyncFields", "Receiving device"),
    "procedure_code": QT_TRANSLATE_NOOP("SyncFields", "Procedure code"),
    "procedure_name": QT_TRANSLATE_NOOP("SyncFields", "Procedure"),
    "procedure_field": QT_TRANSLATE_NOOP("SyncFields", "Field"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "channel": QT_TRANSLATE_NOOP("SyncFields", "Channel"),
    "received_at": QT_TRANSLATE_NOOP("SyncFields", "Received at"),
    "clock_start_at": QT_TRANSLATE_NOOP("SyncFields", "Processing time starts"),
    "due_at": QT_TRANSLATE_NOOP("SyncFields", "Appointment"),
    "processing_days": QT_TRANSLATE_NOOP("SyncFields", "Processing time (working days)"),
    "owner_name": QT_TRANSLATE_NOOP("SyncFields", "Applicant"),
    "owner_id_type": QT_TRANSLATE_NOOP("SyncFields", "Type of identity paper"),
    "owner_id_number": QT_TRANSLATE_NOOP("SyncFields", "ID number"),
    "owner_dob": QT_TRANSLATE_NOOP("SyncFields", "Date of birth"),
    "owner_gender": QT_TRANSLATE_NOOP("SyncFields", "Gender"),
    "owner_id_issued_on": QT_TRANSLATE_NOOP("SyncFields", "Date of issue"),
    "owner_phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "owner_address": QT_TRANSLATE_NOOP("SyncFields", "Address"),
    "owner_email": QT_TRANSLATE_NOOP("SyncFields", "E-mail"),
    "submitter_json": QT_TRANSLATE_NOOP("SyncFields", "Submitter"),
    "sets_count": QT_TRANSLATE_NOOP("SyncFields", "Number of sets"),
    "fee_amount": QT_TRANSLATE_NOOP("SyncFields", "Fees and charges"),
    "fee_method": QT_TRANSLATE_NOOP("SyncFields", "Payment method"),
    "result_delivery": QT_TRANSLATE_NOOP("SyncFields", "Where the result is collected"),
    "received_by": QT_TRANSLATE_NOOP("SyncFields", "Receiving officer"),
    "book_no": QT_TRANSLATE_NOOP("SyncFields", "Book number"),
    "order_no": QT_TRANSLATE_NOOP("SyncFields", "Order number in the book"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "original_due_at": QT_TRANSLATE_NOOP("SyncFields", "Original appointment"),
    "holder": QT_TRANSLATE_NOOP("SyncFields", "Held by"),
    "supplement_count": QT_TRANSLATE_NOOP("SyncFields", "Supplement requests"),
    "waiting_since": QT_TRANSLATE_NOOP("SyncFields", "Waiting for papers since"),
    "resume_status": QT_TRANSLATE_NOOP("SyncFields", "Status after the wait"),
    "ended_at": QT_TRANSLATE_NOOP("SyncFields", "Processing ended at"),
    "timeliness": QT_TRANSLATE_NOOP("SyncFields", "On-time result"),
    "proposed_due_at": QT_TRANSLATE_NOOP("SyncFields", "Proposed new appointment"),
    "returned_at": QT_TRANSLATE_NOOP("SyncFields", "Result returned at"),
    "components": QT_TRANSLATE_NOOP("SyncFields", "Dossier papers"),
}

VALUE_NAMES: dict[tuple[str, str], str] = {
    ("owner_gender", "male"): QT_TRANSLATE_NOOP("SyncFields", "Male"),
    ("owner_gender", "female"): QT_TRANSLATE_NOOP("SyncFields", "Female"),
    ("owner_id_type", "cccd"): QT_TRANSLATE_NOOP("SyncFields", "Citizen identity card (CCCD)"),
    ("owner_id_type", "cmnd"): QT_TRANSLATE_NOOP("SyncFields", "Identity card (CMND)"),
    ("owner_id_type", "passport"): QT_TRANSLATE_NOOP("SyncFields", "Passport"),
    ("fee_method", "cash"): QT_TRANSLATE_NOOP("SyncFields", "Cash"),
    ("fee_method", "transfer"): QT_TRANSLATE_NOOP("SyncFields", "Bank transfer"),
    ("fee_method", "exempt"): QT_TRANSLATE_NOOP("SyncFields", "Exempt"),
    ("result_delivery", "counter"): QT_TRANSLATE_NOOP("SyncFields", "At the Center"),
    ("result_delivery", "postal"): QT_TRANSLATE_NOOP("SyncFields", "By post"),
    ("form", "original"): QT_TRANSLATE_NOOP("SyncFields", "original"),
    ("form", "certified"): QT_TRANSLATE_NOOP("SyncFields", "certified copy"),
    ("form", "copy"): QT_TRANSLATE_NOOP("SyncFields", "photocopy"),
}

KIND_NAMES: dict[str, str] = {
    "dossier": QT_TRANSLATE_NOOP("SyncFields", "Dossier"),
    "event": QT_TRANSLATE_NOOP("SyncFields", "Dossier step"),
    "rating": QT_TRANSLATE_NOOP("SyncFields", "Satisfaction rating"),
}

_DATE_FIELDS = {"owner_dob", "owner_id_issued_on"}
_STATUS_FIELDS = {"status", "resume_status"}


def _tf(text: str) -> str:
    return QCoreApplication.translate("SyncFields", text)


def field_name(field: str) -> str:
    """A dossier field's name for the officer (unknown ones as they are)."""
    return _tf(FIELD_NAMES[field]) if field in FIELD_NAMES else field


def _moment(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return parsed.strftime("%d/%m/%Y %H:%M")


def _components(value: Any) -> str:
    if not isinstance(value, list):
        return str(value)
    parts = []
    for c in value:
        if not isinstance(c, Mapping):
            continue
        form = str(c.get("form", ""))
        form_text = _tf(VALUE_NAMES[("form", form)]) if ("form", form) in VALUE_NAMES else form
        parts.append(f"{c.get('name', '')} ({form_text} ×{c.get('count', 1)})")
    return "; ".join(parts) if parts else QCoreApplication.translate("SyncFields", "(none)")


def format_value(field: str, value: Any) -> str:
    """A wire value of a dossier field as the officer reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncFields", "(empty)")
    try:
        if field in _STATUS_FIELDS:
            return status_name(DossierStatus(int(value)))
        if field == "channel":
            return channel_name(Channel(value))
        if field == "timeliness":
            return progress_name(Progress(value))
    except ValueError:
        return str(value)
    if field == "components":
        return _components(value)
    if field == "fee_amount" and isinstance(value, int):
        return format_money(value)
    if field == "submitter_json" and isinstance(value, str):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, Mapping):
            return str(data.get("full_name") or value)
        return value
    if (field, str(value)) in VALUE_NAMES:
        return _tf(VALUE_NAMES[(field, str(value))])
    if isinstance(value, str):
        if field in _DATE_FIELDS:
            try:
                return date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return value
        if field.endswith("_at") or field == "waiting_since":
            return _moment(value)
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncFields", "Yes")
        return QCoreApplication.translate("SyncFields", "No")
    return str(value)


def kind_name(kind: str) -> str:
    return _tf(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


# -- jobs (run on the task runner) ---------------------------------------------------------


def load_review(sync: SyncService) -> tuple[list[SyncConflict], list[RejectedItem]]:
    return sync.conflicts(), sync.rejected_items()


def register_job(sync: SyncService, url: str, code: str, name: str) -> RegistrationResult:
    return sync.register(url, code, device_name=name)


def resolve_job(sync: SyncService, conflict_id: str, keep: str) -> tuple[str, str]:
    dossier = sync.resolve_conflict(conflict_id, keep=keep)
    return dossier.id, keep


def export_job(sync: SyncService, path: Path) -> tuple[Path, int]:
    return path, sync.export_bundle(path)


def save_sync_settings(settings: SettingsService, interval: int, warn_days: int) -> AppSettings:
    current = settings.load()
    return settings.save(replace(current, sync_interval_minutes=interval, sync_warn_days=warn_days))


def _check_url(text: str) -> FieldError | None:
    if not text:
        return FieldError("server_url", "required")
    url = QUrl(text, QUrl.ParsingMode.StrictMode)
    if (
        not text.startswith(("http://", "https://"))
        or not url.isValid()
        or not url.host()
        or " " in text
    ):
        return FieldError("server_url", "url_format")
    return None


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


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
        self.conflicts: list[SyncConflict] = []
        self.rejected: list[RejectedItem] = []
        self.last_message: QMessageBox | None = None
        self._loading_review = False
        self._resolving_code = ""
        self.setWindowTitle(self.tr("Synchronisation with the server"))
        self.setStyleSheet(FIELD_ERROR_STYLE)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_status_tab(), "")
        self.tabs.addTab(self._build_conflicts_tab(), "")
        self.tabs.addTab(self._build_rejected_tab(), "")
        self.tabs.addTab(self._build_register_tab(), self.tr("Re&gistration"))
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

        for signal, slot in (
            (controller.status_changed, self.update_status),
            (controller.connectivity_changed, self.update_status),
            (controller.sync_started, self._sync_started),
            (controller.sync_progress, self._sync_progress),
            (controller.sync_finished, self._sync_finished),
            (controller.sync_failed, self._sync_failed),
        ):
            signal.connect(slot)

        self._update_tab_titles()
        self.update_status()
        if controller.is_syncing():
            self._sync_started(controller.is_background())
            if controller.stage is not None:
                self._sync_progress(*controller.stage)
        controller.refresh_status()
        self.load_review()
        fit_to_screen(self, QSize(900, 600))
        self._open_first_tab()

    # -- building ------------------------------------------------------------------------

    def _build_status_tab(self) -> QWidget:
        page = QWidget()
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

        bundle_box = QGroupBox(self.tr("No network?"))
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
        bundle_layout = QVBoxLayout(bundle_box)
        bundle_layout.addWidget(bundle_text)
        bundle_layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        bundle_layout.addStretch(1)

        settings = self.controller.settings.load()
        settings_box = QGroupBox(self.tr("Sync settings"))
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
        grid = QFormLayout(settings_box)
        grid.addRow(interval_label, boxed(self.interval_spin, self.interval_error, spacing=2))
        grid.addRow(warn_label, boxed(self.warn_spin, self.warn_error, spacing=2))
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_settings_button)
        save_row.addWidget(self.settings_saved_label, 1)
        grid.addRow(save_row)

        lower = QHBoxLayout()
        lower.addWidget(bundle_box, 3)
        lower.addWidget(settings_box, 2)

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(sync_box)
        layout.addLayout(lower)
        layout.addStretch(1)
        return page

    def _build_conflicts_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "These dossiers were changed both on this device and on another one since "
                "they were last synchronised. Compare the two versions and choose the one to "
                "keep for each dossier."
            )
        )
        intro.setWordWrap(True)
        self.conflict_table = _table(
            [self.tr("Dossier code"), self.tr("Found at"), self.tr("What differs")]
        )
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.setMaximumHeight(170)
        self.conflict_table.itemSelectionChanged.connect(self._conflict_selected)

        self.difference_title = QLabel()
        self.difference_table = _table(
            [self.tr("Information"), self.tr("On this device"), self.tr("On the server")]
        )
        header = self.difference_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.keep_local_button = QPushButton(self.tr("&Keep this device's version"))
        self.keep_local_button.setToolTip(
            self.tr("This device's version is sent to the server at the next sync")
        )
        self.keep_local_button.clicked.connect(self.keep_local)
        self.take_server_button = QPushButton(self.tr("Take the se&rver's version"))
        self.take_server_button.setToolTip(
            self.tr("The server's version replaces the dossier on this device")
        )
        self.take_server_button.clicked.connect(self.take_server)
        self.conflict_message = QLabel()
        self.conflict_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.take_server_button)
        buttons.addWidget(self.conflict_message, 1)

        self.no_conflict_label = QLabel(self.tr("There is no conflict to resolve."))
        self.no_conflict_label.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.no_conflict_label)
        layout.addWidget(self.conflict_table)
        layout.addWidget(self.difference_title)
        layout.addWidget(self.difference_table, 1)
        layout.addLayout(buttons)
        return page

    def _build_rejected_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "The server refused these records. They are still kept on this device; "
                "tell the administrator of the sync server."
            )
        )
        intro.setWordWrap(True)
        self.rejected_table = _table(
            [self.tr("Time"), self.tr("Dossier code"), self.tr("Record"), self.tr("Reason")]
        )
        header = self.rejected_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.rejected_table, 1)
        return page

    def _build_register_tab(self) -> QWidget:
        page = QWidget()
        self.register_intro = QLabel()
        self.register_intro.setWordWrap(True)
        settings = self.controller.settings.load()
        self.url_edit = QLineEdit(settings.server_url)
        self.url_edit.setPlaceholderText(self.tr("e.g. https://dongbo.example.gov.vn"))
        self.url_error = make_error_label()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("e.g. B6QY-PR2H-ZMCH-K7JW"))
        self.code_error = make_error_label()
        self.name_edit = QLineEdit(settings.device_name)
        self.name_edit.setPlaceholderText(self.tr("e.g. Counter 1, Saturday laptop"))
        self.name_error = make_error_label()
        url_label = QLabel(self.tr("Server &address:"))
        url_label.setBuddy(self.url_edit)
        code_label = QLabel(self.tr("Enrolment &code:"))
        code_label.setBuddy(self.code_edit)
        name_label = QLabel(self.tr("&Device name:"))
        name_label.setBuddy(self.name_edit)
        form = QFormLayout()
        form.addRow(url_label, boxed(self.url_edit, self.url_error, spacing=2))
        form.addRow(code_label, boxed(self.code_edit, self.code_error, spacing=2))
        form.addRow(name_label, boxed(self.name_edit, self.name_error, spacing=2))
        self.register_button = QPushButton(self.tr("Register wit&h the server"))
        self.register_button.clicked.connect(self.register_device)
        self.register_error = make_error_label()
        self.register_result = QLabel()
        self.register_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addStretch(1)
        hint = QLabel(
            self.tr(
                "The administrator makes a one-time enrolment code on the server (valid for "
                "7 days). The server gives this device its device number, so that dossier "
                "codes never collide with another device of the unit."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(page)
        layout.addWidget(self.register_intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.register_error)
        layout.addWidget(self.register_result)
        layout.addWidget(hint)
        layout.addStretch(1)
        for edit in (self.url_edit, self.code_edit, self.name_edit):
            edit.returnPressed.connect(self.register_device)
        return page

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
            self.TAB_CONFLICTS, self.tr("Con&flicts ({count})").format(count=len(self.conflicts))
        )
        self.tabs.setTabText(
            self.TAB_REJECTED, self.tr("Re&jected ({count})").format(count=len(self.rejected))
        )

    # -- status --------------------------------------------------------------------------

    def update_status(self, *_args: object) -> None:
        controller = self.controller
        status = controller.status
        settings = controller.settings.load()
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
        self.export_button.setEnabled(registered)
        self.register_intro.setText(
            self.tr(
                "This device is registered with {url} in unit {unit} as device number "
                "{slot}. Register again only with a new code from the administrator (for "
                "example after the device was revoked)."
            ).format(url=settings.server_url, unit=settings.unit_code, slot=settings.device_slot)
            if registered
            else self.tr(
                "Register this device with the unit's sync server to send its dossiers to "
                "the other devices of the unit and receive theirs. Ask the administrator for "
                "the server address and a one-time enrolment code."
            )
        )

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
        self.tabs.setCurrentIndex(self.TAB_STATUS)
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
        self.update_status()
        if self.tabs.currentIndex() == self.TAB_STATUS and self.sync_button.isEnabled():
            self.sync_button.setFocus()
        self.load_review()

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
        selected = self.selected_conflict()
        self.conflicts = conflicts
        self.rejected = list(reversed(rejected))  # newest first
        self._fill_conflicts(selected.id if selected else None)
        self._fill_rejected()
        self._update_tab_titles()
        self.conflicts_loaded.emit(len(conflicts))

    def _review_failed(self, exc: BaseException) -> None:
        self._loading_review = False
        show_error(self, exc)

    def _fill_conflicts(self, keep_selected: str | None) -> None:
        table = self.conflict_table
        table.setRowCount(len(self.conflicts))
        now = self.controller.clock()
        select = 0
        for row, conflict in enumerate(self.conflicts):
            fields = ", ".join(field_name(f) for f in conflict.fields)
            table.setItem(row, 0, _item(conflict.code))
            table.setItem(row, 1, _item(format_moment(conflict.detected_at, now)))
            table.setItem(row, 2, _item(fields))
            if conflict.id == keep_selected:
                select = row
        has = bool(self.conflicts)
        self.no_conflict_label.setVisible(not has)
        for widget in (
            self.conflict_table,
            self.difference_table,
            self.difference_title,
            self.keep_local_button,
            self.take_server_button,
        ):
            widget.setVisible(has)
        if has:
            table.selectRow(select)
        self._conflict_selected()

    def selected_conflict(self) -> SyncConflict | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _conflict_selected(self) -> None:
        conflict = self.selected_conflict()
        table = self.difference_table
        if conflict is None:
            table.setRowCount(0)
            self.difference_title.clear()
            self.keep_local_button.setEnabled(False)
            self.take_server_button.setEnabled(False)
            return
        self.difference_title.setText(
            self.tr("Dossier {code}: what differs").format(code=conflict.code)
        )
        table.setRowCount(len(conflict.differences))
        for row, diff in enumerate(conflict.differences):
            table.setItem(row, 0, _item(field_name(diff.field)))
            table.setItem(row, 1, _item(format_value(diff.field, diff.local)))
            table.setItem(row, 2, _item(format_value(diff.field, diff.server)))
        table.resizeRowsToContents()
        self.keep_local_button.setEnabled(True)
        self.take_server_button.setEnabled(True)

    def keep_local(self) -> None:
        self._resolve("local")

    def take_server(self) -> None:
        self._resolve("server")

    def _resolve(self, keep: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        self.keep_local_button.setEnabled(False)
        self.take_server_button.setEnabled(False)
        self.conflict_message.clear()
        self._resolving_code = conflict.code
        self.runner.run(
            resolve_job,
            self.sync,
            conflict.id,
            keep,
            on_done=self._resolved,
            on_error=self._resolve_failed,
        )

    def _resolved(self, outcome: tuple[str, str]) -> None:
        dossier_id, keep = outcome
        code = self._resolving_code
        if keep == "local":
            text = self.tr(
                "Dossier {code}: this device's version is kept and goes to the server at the "
                "next sync."
            )
        else:
            text = self.tr("Dossier {code}: the server's version replaced this device's.")
        self.conflict_message.setText(text.format(code=code))
        self.conflict_resolved.emit(dossier_id, keep)
        notify_dossiers_changed([dossier_id])
        self.controller.refresh_status()
        self.load_review()

    def _resolve_failed(self, exc: BaseException) -> None:
        self._conflict_selected()
        if isinstance(exc, HccError):
            self.conflict_message.setText(error_message(exc))
            self.conflict_message.setStyleSheet("color: #c62828;")
            self.load_review()
        else:
            show_error(self, exc)

    def _fill_rejected(self) -> None:
        table = self.rejected_table
        table.setRowCount(len(self.rejected))
        for row, entry in enumerate(self.rejected):
            try:
                at = datetime.fromisoformat(entry.at).strftime("%d/%m/%Y %H:%M")
            except ValueError:
                at = entry.at
            table.setItem(row, 0, _item(at))
            table.setItem(row, 1, _item(entry.code or "—"))
            table.setItem(row, 2, _item(kind_name(entry.kind)))
            reason = reason_text(entry.reason)
            reason = reason[:1].upper() + reason[1:]
            table.setItem(row, 3, _item(reason, f"{reason}\n{entry.detail}".strip()))
        table.resizeRowsToContents()

    # -- registration -------------------------------------------------------------------

    def _clear_register_errors(self) -> None:
        for widget, label in (
            (self.url_edit, self.url_error),
            (self.code_edit, self.code_error),
            (self.name_edit, self.name_error),
            (None, self.register_error),
        ):
            set_field_error(widget, label, None)

    def register_device(self) -> None:
        self._clear_register_errors()
        self.register_result.clear()
        url = self.url_edit.text().strip().rstrip("/")
        code = self.code_edit.text().strip()
        name = self.name_edit.text().strip()
        problems = [e for e in (_check_url(url),) if e is not None]
        if not code:
            problems.append(FieldError("code", "required"))
        if not name:
            problems.append(FieldError("device_name", "required"))
        if problems:
            self._show_register_errors(problems)
            return
        self.register_button.setEnabled(False)
        self.register_result.setText(self.tr("Registering with the server…"))
        self.runner.run(
            register_job,
            self.sync,
            url,
            code,
            name,
            on_done=self._registered,
            on_error=self._register_failed,
        )

    def _show_register_errors(self, errors: list[FieldError]) -> None:
        widgets = {
            "server_url": (self.url_edit, self.url_error),
            "code": (self.code_edit, self.code_error),
            "device_name": (self.name_edit, self.name_error),
        }
        first: QWidget | None = None
        for err in errors:
            widget, label = widgets.get(err.field, (None, self.register_error))
            set_field_error(widget, label, field_message(err))
            if first is None and widget is not None:
                first = widget
        if first is not None:
            first.setFocus()

    def _register_failed(self, exc: BaseException) -> None:
        self.register_button.setEnabled(True)
        self.register_result.clear()
        if isinstance(exc, ValidationError):
            self._show_register_errors(list(exc.errors))
            return
        if not isinstance(exc, SyncError):
            show_error(self, exc)
            return
        code = exc.code
        if code.startswith("enrolment_code_"):
            set_field_error(self.code_edit, self.code_error, error_message(exc))
            self.code_edit.setFocus()
            self.code_edit.selectAll()
        elif code == "server_unreachable":
            set_field_error(
                self.url_edit,
                self.url_error,
                self.tr(
                    "The server cannot be reached at this address: check the address and "
                    "the network connection."
                ),
            )
            self.url_edit.setFocus()
        elif code in ("tls_error", "server_error", "server_rejected"):
            set_field_error(self.url_edit, self.url_error, controller_error_text(exc))
            self.url_edit.setFocus()
        else:
            set_field_error(None, self.register_error, controller_error_text(exc))
        self.update_status()

    def _registered(self, result: RegistrationResult) -> None:
        self.register_button.setEnabled(True)
        self.code_edit.clear()
        self.register_result.setText(
            self.tr(
                "This device is registered in unit {unit} as device number {slot}. "
                "The first sync starts now."
            ).format(unit=result.unit_code, slot=result.device_slot)
        )
        self.register_result.setStyleSheet("color: #2e7d32; font-weight: bold;")
        self.registered.emit(result)
        change_hub().settings_changed.emit()  # unit, slot and server changed
        self.controller.device_registered()
        self.update_status()
        self.tabs.setCurrentIndex(self.TAB_STATUS)

    # -- bundle -----------------------------------------------------------------------

    def export_bundle(self) -> None:
        settings = self.controller.settings.load()
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

    # -- settings -----------------------------------------------------------------------

    def save_settings(self) -> None:
        set_field_error(self.interval_spin, self.interval_error, None)
        set_field_error(self.warn_spin, self.warn_error, None)
        self.settings_saved_label.clear()
        self.save_settings_button.setEnabled(False)
        self.runner.run(
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
        self.controller.apply_settings()
        change_hub().settings_changed.emit()

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


__all__ = [
    "BUNDLE_SUFFIX",
    "FIELD_NAMES",
    "SyncDialog",
    "field_name",
    "format_value",
]
