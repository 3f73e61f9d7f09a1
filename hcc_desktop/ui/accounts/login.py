"""The login at start-up, and the first administrator of a store without accounts.

Both run before the main window is built (``ui/app.py``), after the first window has
painted and the store is open. One Argon2id check takes about a tenth of a second: it
runs on the GUI thread, with the buttons disabled, rather than through the task runner,
so that nothing else can touch the store before someone is logged in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from hcc_desktop.core.accounts import Officer
from hcc_desktop.core.errors import AuthError, ConflictError, FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message, field_message


class LoginDialog(AccountFormDialog):
    """User name and password; the error under the field it concerns (the password for
    a wrong pair, never saying which of the two was wrong)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Log in – HCC Desktop"), parent)
        self.officer: Officer | None = None
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. nguyen.an"))
        self.password = password_field()
        self.user_error = self.add_checked("user", self.tr("&User name:"), self.user)
        self.password_error = self.add_checked("password", self.tr("&Password:"), self.password)
        self.buttons = self.finish(self.tr("Log in"), self.tr("Quit"), self.log_in, min_width=420)
        self.user.setFocus()

    def log_in(self) -> None:
        self.clear_errors()
        if not self.user.text().strip():
            self.set_error("user", field_message(FieldError("user", "user_name_required")))
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
            self.set_error("password", error_message(exc))
            # The lockout sentence wraps over several lines: let the dialog grow for it.
            self.adjustSize()
            self.password.setFocus()
            return
        finally:
            self.buttons.setEnabled(True)
        self.accept()


class FirstAdminDialog(AccountFormDialog):
    """A store without accounts (new, or from before accounts): its first administrator."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Create the first administrator"), parent)
        self.officer: Officer | None = None
        intro = QLabel(
            self.tr(
                "Every officer now logs in. This database has no account yet: create the "
                "administrator's account; the administrator then adds the other officers."
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("e.g. nguyen.an"))
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Trần Thị Bình"))
        self.password = password_field()
        self.confirm = password_field()
        self.user_error = self.add_checked("user_name", self.tr("&User name:"), self.user)
        self.add_row(self.tr("&Full name:"), self.full_name)
        self.password_error = self.add_checked("password", self.tr("&Password:"), self.password)
        self.confirm_error = self.add_checked(
            "confirm", self.tr("&Repeat the password:"), self.confirm
        )
        self.buttons = self.finish(
            self.tr("Create"), self.tr("Quit"), self.create, min_width=480, intro=intro
        )
        self.user.setFocus()

    def create(self) -> None:
        self.clear_errors()
        if not self.repeated(self.password, self.confirm):
            return
        try:
            info = self._services.accounts.create_first_admin(
                user_name=self.user.text(),
                password=self.password.text(),
                full_name=self.full_name.text(),
            )
        except ValidationError as exc:
            self.show_refused(exc, "password")
            return
        except ConflictError as exc:
            show_error(self, exc)
            return
        self.officer = info.officer
        self.accept()
