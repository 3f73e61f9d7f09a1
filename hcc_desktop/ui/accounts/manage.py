"""The administrator's accounts page, and "change my password" for every officer.

Each button is one operation on the task runner (``operations``: one Argon2id hash,
about a tenth of a second), the page's buttons disabled while it runs; the services
check the role again. The page reloads from the change hub when an account changed.
Below the accounts, the names that clashed between the unit's devices (sync keeps
them apart, never merges two people): what clashed, on which device, what to do.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.changes import Changes
from hcc_desktop.core.errors import HccError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo
from hcc_desktop.services.sync.results import AccountClash
from hcc_desktop.ui.accounts import operations
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.accounts.roles import role_name
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner


class PasswordDialog(AccountFormDialog):
    """A new password, typed twice; for one's own also the current one."""

    def __init__(
        self,
        services: Services,
        user_name: str,
        *,
        own: bool,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(
            services,
            self.tr("Change my password")
            if own
            else self.tr("Reset the password of {user}").format(user=user_name),
            parent,
            runner=runner,
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
        self.submit(
            operations.set_password,
            user_name=self._user,
            new_password=self.new.text(),
            old_password=self.old.text() if self._own else None,
            done=lambda _info: self.accept(),
            refused=self._refused,
            change=True,
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_refused(exc, "new_password")
            return
        show_error(self, exc)


class AddAccountDialog(AccountFormDialog):
    """A new officer: user name, full name, role, first password."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(services, self.tr("New officer account"), parent, runner=runner)
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
        self.added: AccountInfo | None = None

    def save(self) -> None:
        self.clear_errors()
        self.submit(
            operations.add_account,
            user_name=self.user.text(),
            password=self.password.text(),
            role=str(self.role.currentData()),
            full_name=self.full_name.text(),
            done=self._added,
            refused=self._refused,
            change=True,
        )

    def _added(self, info: AccountInfo) -> None:
        self.added = info
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_refused(exc, "user_name")
        elif isinstance(exc, HccError) and exc.code == "user_exists":
            self.set_error("user_name", error_message(exc))
        else:
            show_error(self, exc)


class RoleDialog(AccountFormDialog):
    """Another role for an officer; the last administrator who can log in keeps theirs
    (the service refuses it: ``last_admin``, said under the field)."""

    def __init__(
        self,
        services: Services,
        account: AccountInfo,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(
            services,
            self.tr("Role of {user}").format(user=account.user_name),
            parent,
            runner=runner,
        )
        self._user = account.user_name
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(self.role.findData(account.role.value))
        intro = QLabel(
            self.tr(
                "{name} gets the new role at the next login, on every device of the unit "
                "after their next sync."
            ).format(name=account.full_name or account.user_name)
        )
        intro.setWordWrap(True)
        self.role_error = self.add_checked("role", self.tr("&Role:"), self.role)
        self.finish(self.tr("Save"), self.tr("Cancel"), self.save, min_width=420, intro=intro)

    def save(self) -> None:
        self.clear_errors()
        self.submit(
            operations.set_role,
            self._user,
            Role(str(self.role.currentData())),
            done=lambda _info: self.accept(),
            refused=self._refused,
            change=True,
        )

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_refused(exc, "role")
        elif isinstance(exc, HccError) and exc.code == "last_admin":
            self.set_error("role", error_message(exc))
            self.adjustSize()
        else:
            show_error(self, exc)


def _when(at: str) -> str:
    try:
        return datetime.fromisoformat(at).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return at


class ClashesBox(QGroupBox):
    """Accounts that did not travel between the unit's devices: one name, two people."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("User names taken by two people on the unit's devices"), parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("What happened"), self.tr("Made on"), self.tr("When")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # What happened is a sentence: it takes the width left and wraps; the name,
        # the device and the time stay whole.
        header = self.table.horizontalHeader()
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((fit, stretch, fit, fit)):
            header.setSectionResizeMode(column, mode)
        self.advice = QLabel(
            self.tr(
                "Two people cannot share a user name: the accounts are kept apart, never "
                "merged. Give one of the two officers another user name (add a new account "
                "for them here, then lock the old one), and tell them which name to use."
            )
        )
        self.advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.advice)

    def show_clashes(
        self, clashes: tuple[AccountClash, ...], accounts: tuple[AccountInfo, ...], device_id: str
    ) -> None:
        names = {a.user_name: a for a in accounts}
        self.table.setRowCount(len(clashes))
        # Newest first: the one the administrator is looking for.
        for i, c in enumerate(reversed(clashes)):
            local = names.get(c.user_name)
            values = (
                c.user_name,
                self._what(c, local),
                self._device(c.device_id, device_id),
                _when(c.at),
            )
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if j != 1 or not c.detail else f"{value}\n({c.detail})")
                self.table.setItem(i, j, item)
        self.setVisible(bool(clashes))
        self.table.resizeRowsToContents()

    def _what(self, clash: AccountClash, local: AccountInfo | None) -> str:
        here = local.full_name or local.user_name if local is not None else ""
        if clash.reason == "user_name_taken":
            return self.tr(
                "Refused by the server: another officer of the unit already has this user "
                "name. The account of {name} works on this device only."
            ).format(name=here or clash.user_name)
        if clash.reason == "user_name_taken_here":
            return self.tr(
                "Another device's account under this name was not taken: {name} has it "
                "on this device. That officer cannot log in here."
            ).format(name=here or clash.user_name)
        return self.tr("Not shared with the unit: {reason}").format(
            reason=clash.detail or clash.reason
        )

    def _device(self, clash_device: str, this_device: str) -> str:
        if not clash_device:
            return "—"
        if clash_device == this_device:
            return self.tr("This device")
        return self.tr("Another device ({id})").format(id=clash_device[:8])


class AccountsDialog(QDialog):
    """The unit's accounts (administrators): add, reset a password, change the role,
    lock, unlock; and the user names that clashed between the unit's devices."""

    # The page's data arrived and is shown (after each reload).
    loaded = Signal()

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner or shared_runner()
        self._rows: list[AccountInfo] = []
        self._me = ""
        self._running = False
        self._select_after = ""
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
        self.role_button = QPushButton(self.tr("Change r&ole…"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        close = QPushButton(self.tr("Close"))
        self.add_button.clicked.connect(self.add)
        self.reset_button.clicked.connect(self.reset)
        self.role_button.clicked.connect(self.change_role)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        close.clicked.connect(self.accept)
        self._account_buttons = (
            self.reset_button,
            self.role_button,
            self.lock_button,
            self.unlock_button,
        )
        row = QHBoxLayout()
        for b in (self.add_button, *self._account_buttons):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        self.clashes = ClashesBox(self)
        self.clashes.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(row)
        layout.addWidget(self.clashes, 1)
        self.resize(820, 420)
        self.table.itemSelectionChanged.connect(self._enable)
        change_hub().changed.connect(self._data_changed)
        self._enable()
        self.reload()

    # -- reading -------------------------------------------------------------

    def reload(self) -> None:
        """Read the accounts and the clashes on the task runner."""
        self._runner.run(
            operations.read_accounts_page,
            self._services,
            on_done=self._show,
            on_error=self._read_failed,
        )

    def _data_changed(self, changes: Changes) -> None:
        if changes.accounts:
            self._select_after = self._select_after or changes.accounts[0]
            self.reload()

    def _read_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _show(self, data: operations.AccountsPageData) -> None:
        keep = self._select_after or (a.user_name if (a := self.selected()) else "")
        self._select_after = ""
        self._rows = list(data.accounts)
        self._me = data.me
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
            name = a.user_name + (self.tr(" (you)") if a.user_name == data.me else "")
            for j, value in enumerate((name, a.full_name, role_name(a.role), state)):
                self.table.setItem(i, j, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.clashes.show_clashes(data.clashes, data.accounts, data.device_id)
        if keep:
            self.select(keep)
        self._enable()
        self.loaded.emit()

    def selected(self) -> AccountInfo | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def select(self, user_name: str) -> None:
        for i, a in enumerate(self._rows):
            if a.user_name == user_name:
                self.table.selectRow(i)

    def _enable(self) -> None:
        """Buttons for the selected account; none while an operation runs. One's own
        role is changed by another administrator (the session keeps the role it
        logged in with), and the last administrator who can log in keeps the role."""
        account = self.selected()
        self.add_button.setEnabled(not self._running)
        for b in self._account_buttons:
            b.setEnabled(account is not None and not self._running)
        if account is None:
            return
        self.lock_button.setEnabled(self.lock_button.isEnabled() and not account.disabled)
        self.unlock_button.setEnabled(
            self.unlock_button.isEnabled()
            and (account.disabled or account.locked_until is not None)
        )
        own = account.user_name == self._me
        last_admin = (
            account.role is Role.ADMIN
            and not account.disabled
            and (sum(1 for a in self._rows if a.role is Role.ADMIN and not a.disabled) <= 1)
        )
        self.role_button.setEnabled(self.role_button.isEnabled() and not own and not last_admin)
        if own:
            tip = self.tr("Another administrator changes your role.")
        elif last_admin:
            tip = self.tr(
                "The last administrator who can log in keeps the role: make another "
                "administrator first."
            )
        else:
            tip = ""
        self.role_button.setToolTip(tip)

    # -- changes -------------------------------------------------------------

    def add(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._services, self, runner=self._runner)
        dialog.open()
        return dialog

    def reset(self) -> PasswordDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = PasswordDialog(
            self._services, account.user_name, own=False, parent=self, runner=self._runner
        )
        dialog.open()
        return dialog

    def change_role(self) -> RoleDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = RoleDialog(self._services, account, self, runner=self._runner)
        dialog.open()
        return dialog

    def lock(self) -> None:
        self._change(operations.lock_account)

    def unlock(self) -> None:
        self._change(operations.unlock_account)

    def _change(self, operation: object) -> None:
        account = self.selected()
        if account is None or self._running:
            return
        self._running = True
        self._select_after = account.user_name
        self._enable()
        self._runner.run_change(
            operation,  # type: ignore[arg-type]
            self._services,
            account.user_name,
            on_done=self._changed,
            on_error=self._change_refused,
        )

    def _changed(self, _info: AccountInfo) -> None:
        self._running = False
        self._enable()

    def _change_refused(self, exc: BaseException) -> None:
        self._running = False
        self._select_after = ""
        self._enable()
        show_error(self, exc)
