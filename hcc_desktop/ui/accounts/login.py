"""The login at start-up, and the first administrator of a store without accounts.

Both run before the main window is built (``ui/app.py``), after the first window has
painted and the store is open. One Argon2id check takes about a tenth of a second: it
runs on the GUI thread, with the buttons disabled, rather than through the task runner,
so that nothing else can touch the store before someone is logged in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.accounts import Officer
from hcc_desktop.core.errors import AuthError, ConflictError, FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    make_error_label,
    set_field_error,
    show_error,
)
from hcc_desktop.ui.common.messages import error_message, field_message


def _boxed(field: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.addWidget(field)
    v.addWidget(error)
    return box


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    """User name and password; the error under the field it concerns (the password for
    a wrong pair, never saying which of the two was wrong)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.officer: Officer | None = None
        self.setWindowTitle(self.tr("Log in – HCC Desktop"))
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. nguyen.an"))
        self.user_error = make_error_label()
        self.password = _password_field()
        self.password_error = make_error_label()
        form = QFormLayout()
        user_label = QLabel(self.tr("&User name:"))
        user_label.setBuddy(self.user)
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, _boxed(self.user, self.user_error))
        form.addRow(password_label, _boxed(self.password, self.password_error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.log_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.user.setFocus()

    def log_in(self) -> None:
        set_field_error(self.user, self.user_error, None)
        set_field_error(self.password, self.password_error, None)
        if not self.user.text().strip():
            set_field_error(
                self.user, self.user_error, field_message(FieldError("user", "user_name_required"))
            )
            self.user.setFocus()
            return
        self.buttons.setEnabled(False)
        try:
            self.officer = self._services.accounts.authenticate(
                self.user.text(), self.password.text()
            )
        except AuthError as exc:
            self.password.clear()
            if exc.code == "no_accounts":
                show_error(self, exc)
                return
            set_field_error(self.password, self.password_error, error_message(exc))
            # The lockout sentence wraps over several lines: let the dialog grow for it.
            self.adjustSize()
            self.password.setFocus()
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()


class FirstAdminDialog(QDialog):
    """A store without accounts (new, or from before accounts): its first administrator."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.officer: Officer | None = None
        self.setWindowTitle(self.tr("Create the first administrator"))
        self.setStyleSheet(FIELD_ERROR_STYLE)
        intro = QLabel(
            self.tr(
                "Every officer now logs in. This database has no account yet: create the "
                "administrator's account; the administrator then adds the other officers."
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. nguyen.an"))
        self.user_error = make_error_label()
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Trần Thị Bình"))
        self.password = _password_field()
        self.password_error = make_error_label()
        self.confirm = _password_field()
        self.confirm_error = make_error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), _boxed(self.user, self.user_error))
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Password:"), _boxed(self.password, self.password_error))
        form.addRow(self.tr("&Repeat the password:"), _boxed(self.confirm, self.confirm_error))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.user.setFocus()

    def create(self) -> None:
        fields = {
            "user_name": (self.user, self.user_error),
            "password": (self.password, self.password_error),
            "confirm": (self.confirm, self.confirm_error),
        }
        for widget, label in fields.values():
            set_field_error(widget, label, None)
        if self.password.text() != self.confirm.text():
            err = FieldError("confirm", "password_mismatch")
            set_field_error(self.confirm, self.confirm_error, field_message(err))
            self.confirm.setFocus()
            return
        try:
            info = self._services.accounts.create_first_admin(
                user_name=self.user.text(),
                password=self.password.text(),
                full_name=self.full_name.text(),
            )
        except ValidationError as exc:
            for err in exc.errors:
                widget, label = fields.get(err.field, fields["password"])
                set_field_error(widget, label, field_message(err))
            self.adjustSize()
            return
        except ConflictError as exc:
            show_error(self, exc)
            return
        self.officer = info.officer
        self.accept()
