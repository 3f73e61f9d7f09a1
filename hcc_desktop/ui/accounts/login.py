"""The login at start-up, and the first administrator of a store without accounts.

Both run before the main window is built (``ui/app.py``), after the first window has
painted and the store is open. The Argon2id check (about a tenth of a second) runs on
the task runner (``operations``), the buttons disabled meanwhile; nothing else of the
store is queued there before someone is logged in (only the main window's import).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from hcc_desktop.core.accounts import Officer
from hcc_desktop.core.errors import AuthError, FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo
from hcc_desktop.ui.accounts import operations
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message, field_message
from hcc_desktop.ui.common.tasks import TaskRunner


class LoginDialog(AccountFormDialog):
    """User name and password; the error under the field it concerns (the password for
    a wrong pair, never saying which of the two was wrong)."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(services, self.tr("Log in – HCC Desktop"), parent, runner=runner)
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
        self.submit(
            operations.authenticate,
            self.user.text(),
            self.password.text(),
            done=self._logged_in,
            refused=self._refused_login,
        )

    def _logged_in(self, officer: Officer) -> None:
        self.officer = officer
        self.accept()

    def _refused_login(self, exc: BaseException) -> None:
        self.password.clear()
        if not isinstance(exc, AuthError) or exc.code == "no_accounts":
            show_error(self, exc)
            return
        self.set_error("password", error_message(exc))
        # The lockout sentence wraps over several lines: let the dialog grow for it.
        self.adjustSize()
        self.password.setFocus()


class FirstAdminDialog(AccountFormDialog):
    """A store without accounts (new, or from before accounts): its first administrator."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(services, self.tr("Create the first administrator"), parent, runner=runner)
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
        self.submit(
            operations.create_first_admin,
            user_name=self.user.text(),
            password=self.password.text(),
            full_name=self.full_name.text(),
            done=self._created,
            refused=self._refused_create,
        )

    def _created(self, info: AccountInfo) -> None:
        self.officer = info.officer
        self.accept()

    def _refused_create(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_refused(exc, "password")
            return
        show_error(self, exc)
