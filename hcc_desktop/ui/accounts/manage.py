"""The administrator's accounts page, and "change my password" for every officer.

Small and direct: each button is one service call on the GUI thread (one Argon2id hash,
about a tenth of a second); the services check the role again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.errors import FieldError, HccError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo
from hcc_desktop.ui.accounts.roles import role_name
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    make_error_label,
    set_field_error,
    show_error,
)
from hcc_desktop.ui.common.messages import field_message


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _boxed(field: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.addWidget(field)
    v.addWidget(error)
    return box


class PasswordDialog(QDialog):
    """A new password, typed twice; for one's own also the current one."""

    def __init__(
        self, services: Services, user_name: str, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._user = user_name
        self._own = own
        self.setWindowTitle(
            self.tr("Change my password")
            if own
            else self.tr("Reset the password of {user}").format(user=user_name)
        )
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self.old = _password_field()
        self.old_error = make_error_label()
        self.new = _password_field()
        self.new_error = make_error_label()
        self.confirm = _password_field()
        self.confirm_error = make_error_label()
        form = QFormLayout()
        if own:
            form.addRow(self.tr("&Current password:"), _boxed(self.old, self.old_error))
        form.addRow(self.tr("&New password:"), _boxed(self.new, self.new_error))
        form.addRow(self.tr("&Repeat it:"), _boxed(self.confirm, self.confirm_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> None:
        fields = {
            "old_password": (self.old, self.old_error),
            "new_password": (self.new, self.new_error),
            "confirm": (self.confirm, self.confirm_error),
        }
        for widget, label in fields.values():
            set_field_error(widget, label, None)
        if self.new.text() != self.confirm.text():
            err = FieldError("confirm", "password_mismatch")
            set_field_error(self.confirm, self.confirm_error, field_message(err))
            return
        try:
            self._services.accounts.set_password(
                user_name=self._user,
                new_password=self.new.text(),
                old_password=self.old.text() if self._own else None,
            )
        except ValidationError as exc:
            for err in exc.errors:
                widget, label = fields.get(err.field, fields["new_password"])
                set_field_error(widget, label, field_message(err))
            self.adjustSize()
            return
        except HccError as exc:
            show_error(self, exc)
            return
        self.accept()


class AddAccountDialog(QDialog):
    """A new officer: user name, full name, role, first password."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle(self.tr("New officer account"))
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self.user = QLineEdit()
        self.user_error = make_error_label()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.password = _password_field()
        self.password_error = make_error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), _boxed(self.user, self.user_error))
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&First password:"), _boxed(self.password, self.password_error))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def save(self) -> None:
        fields = {
            "user_name": (self.user, self.user_error),
            "password": (self.password, self.password_error),
        }
        for widget, label in fields.values():
            set_field_error(widget, label, None)
        try:
            self._services.accounts.add(
                user_name=self.user.text(),
                password=self.password.text(),
                role=str(self.role.currentData()),
                full_name=self.full_name.text(),
            )
        except ValidationError as exc:
            for err in exc.errors:
                widget, label = fields.get(err.field, fields["user_name"])
                set_field_error(widget, label, field_message(err))
            self.adjustSize()
            return
        except HccError as exc:
            if exc.code == "user_exists":
                set_field_error(self.user, self.user_error, _message(exc))
                return
            show_error(self, exc)
            return
        self.accept()


def _message(exc: HccError) -> str:
    from hcc_desktop.ui.common.messages import error_message

    return error_message(exc)


class AccountsDialog(QDialog):
    """The unit's accounts (administrators): add, reset a password, lock, unlock."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[AccountInfo] = []
        self.setWindowTitle(self.tr("Officer accounts"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        close = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.lock_button.clicked.connect(lambda: self._change(self._services.accounts.lock))
        self.unlock_button.clicked.connect(lambda: self._change(self._services.accounts.unlock))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.lock_button, self.unlock_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(720, 380)
        self.reload()

    def reload(self) -> None:
        self._rows = self._services.accounts.list()
        self.table.setRowCount(len(self._rows))
        for i, a in enumerate(self._rows):
            if a.disabled:
                state = self.tr("Locked by an administrator")
            elif a.locked_until is not None:
                state = self.tr("Locked until {time}").format(
                    time=a.locked_until.strftime("%d/%m/%Y %H:%M")
                )
            else:
                state = self.tr("Active")
            for j, value in enumerate((a.user_name, a.full_name, role_name(a.role), state)):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def selected(self) -> AccountInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def select(self, user_name: str) -> None:
        for i, a in enumerate(self._rows):
            if a.user_name == user_name:
                self.table.selectRow(i)

    def add(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._services, self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def reset(self) -> PasswordDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = PasswordDialog(self._services, account.user_name, own=False, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def _change(self, call: object) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            call(account.user_name)  # type: ignore[operator]
        except HccError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.select(account.user_name)
