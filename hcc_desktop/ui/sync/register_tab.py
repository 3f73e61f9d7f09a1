"""The sync screen's registration tab: enrolling this device with the unit's sync server."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import FieldError, SyncError, ValidationError
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.services.sync.service import RegistrationResult
from hcc_desktop.ui.common.dialog_parts import boxed
from hcc_desktop.ui.common.errors import make_error_label, set_field_error, show_error
from hcc_desktop.ui.common.messages import error_message, field_message
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.controller import sync_error_text as controller_error_text
from hcc_desktop.ui.sync.operations import register_job


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


class SyncRegisterTab(QWidget):
    """Server address, one-time enrolment code and device name; "register"."""

    registered = Signal(object)  # RegistrationResult
    registration_done = Signal()  # after the device took its new registration
    status_outdated = Signal()  # a refused registration may have changed the last error

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sync = controller.sync
        self.runner = controller.runner
        self.register_intro = QLabel()
        self.register_intro.setWordWrap(True)
        settings = self.controller.current_settings
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.register_intro)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.register_error)
        layout.addWidget(self.register_result)
        layout.addWidget(hint)
        layout.addStretch(1)
        for edit in (self.url_edit, self.code_edit, self.name_edit):
            edit.returnPressed.connect(self.register_device)

    def update_intro(self, settings: AppSettings, registered: bool) -> None:
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
        self.runner.run_change(
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
        self.status_outdated.emit()

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
        self.controller.device_registered()
        self.registration_done.emit()
