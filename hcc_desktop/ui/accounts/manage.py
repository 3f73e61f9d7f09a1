"""The administrator's accounts page, and "change my password" for every officer.

Small and direct: each button is one service call on the GUI thread (one Argon2id hash,
about a tenth of a second); the services check the role again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.errors import HccError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.accounts.roles import role_name
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message


class PasswordDialog(AccountFormDialog):
    """A new password, typed twice; for one's own also the current one."""

    def __init__(
        self, services: Services, user_name: str, *, own: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            services,
            self.tr("Change my password")
            if own
            else self.tr("Reset the password of {user}").format(user=user_name),
            parent,
        )
        self._user = user_name
        self._own = own
        self.old = password_field()
        self.new = password_field()
        self.confirm = password_field()
        if own:
            self.old_error = self.add_checked(
                "old_password", self.tr("&Current password:"), self.old
            )
        self.new_error = self.add_checked("new_password", self.tr("&New password:"), self.new)
        self.confirm_error = self.add_checked("confirm", self.tr("&Repeat it:"), self.confirm)
        self.finish(self.tr("Save"), self.tr("Cancel"), self.save, min_width=420)

    def save(self) -> None:
        self.clear_errors()
        if not self.repeated(self.new, self.confirm):
            return
        try:
            self._services.accounts.set_password(
                user_name=self._user,
                new_password=self.new.text(),
                old_password=self.old.text() if self._own else None,
            )
        except ValidationError as exc:
            self.show_refused(exc, "new_password")
            return
        except HccError as exc:
            show_error(self, exc)
            return
        self.accept()


class AddAccountDialog(AccountFormDialog):
    """A new officer: user name, full name, role, first password."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("New officer account"), parent)
        self.user = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.password = password_field()
        self.user_error = self.add_checked("user_name", self.tr("&User name:"), self.user)
        self.add_row(self.tr("&Full name:"), self.full_name)
        self.add_row(self.tr("&Role:"), self.role)
        self.password_error = self.add_checked(
            "password", self.tr("&First password:"), self.password
        )
        self.finish(self.tr("Add"), self.tr("Cancel"), self.save, min_width=440)

    def save(self) -> None:
        self.clear_errors()
        try:
            self._services.accounts.add(
                user_name=self.user.text(),
                password=self.password.text(),
                role=str(self.role.currentData()),
                full_name=self.full_name.text(),
            )
        except ValidationError as exc:
            self.show_refused(exc, "user_name")
            return
        except HccError as exc:
            if exc.code == "user_exists":
                self.set_error("user_name", error_message(exc))
                return
            show_error(self, exc)
            return
        self.accept()


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
