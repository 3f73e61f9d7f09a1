"""The idle lock: after a configurable time without input (setting ``idle_lock_minutes``,
5 by default, 0 never) the app hides every window's content and asks the logged-in
officer's password again.

Nothing is closed or rebuilt: each visible window gets an opaque cover over its content
and the unlock dialog is modal over them, so unlocking returns to exactly where the
officer was — a half-typed intake included. Citizens' data are not left on an unattended
screen. The password's check and the setting's read run on the task runner.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hcc_desktop.core.accounts import Officer
from hcc_desktop.core.errors import AuthError
from hcc_desktop.services import Services
from hcc_desktop.ui.accounts import operations
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner

# Input that counts as the officer being there.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class _Cover(QWidget):
    """An opaque sheet over a window's content while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAutoFillBackground(True)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()


class UnlockDialog(AccountFormDialog):
    """The logged-in officer's password, to carry on where they were."""

    def __init__(
        self,
        services: Services,
        officer: Officer,
        parent: QWidget | None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(services, self.tr("Locked – HCC Desktop"), parent, runner=runner)
        self._officer = officer
        self._unlocked = False
        intro = QLabel(
            self.tr(
                "The program was locked after a time without use. {name}, type your password."
            ).format(name=officer.display_name)
        )
        intro.setWordWrap(True)
        self.password = password_field()
        self.add_row(self.tr("User name:"), QLabel(officer.user_name))
        self.password_error = self.add_checked("password", self.tr("&Password:"), self.password)
        self.buttons = self.finish(self.tr("Unlock"), None, self.unlock, min_width=420, intro=intro)
        self.password.setFocus()

    def unlock(self) -> None:
        self.submit(
            operations.authenticate,
            self._officer.user_name,
            self.password.text(),
            done=self._checked_ok,
            refused=self._checked_wrong,
        )

    def _checked_ok(self, _officer: Officer) -> None:
        self._unlocked = True
        self.accept()

    def _checked_wrong(self, exc: BaseException) -> None:
        self.password.clear()
        if not isinstance(exc, AuthError):
            show_error(self, exc)
            return
        self.set_error("password", error_message(exc))
        self.adjustSize()
        self.password.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()
            return
        super().closeEvent(event)


class IdleLock(QObject):
    """Watches the application's input; locks after the idle time of the settings."""

    locked = Signal()
    unlocked = Signal()
    setting_read = Signal(int)  # the idle time in minutes, read from the settings

    def __init__(
        self, services: Services, window: QWidget, *, runner: TaskRunner | None = None
    ) -> None:
        super().__init__(window)
        self._services = services
        self._window = window
        self._runner = runner or shared_runner()
        self._minutes = 0
        self._covers: list[_Cover] = []
        self.dialog: UnlockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        # The setting is read on the task runner: again whenever the settings change.
        change_hub().changed.connect(self._settings_changed)
        self.read_setting()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def read_setting(self) -> None:
        """Read the idle time of the settings (on the task runner), then arm."""
        self._runner.run(operations.idle_lock_minutes, self._services, on_done=self._set_minutes)

    def _settings_changed(self, changes: object) -> None:
        if getattr(changes, "settings", False):
            self.read_setting()

    def _set_minutes(self, minutes: int) -> None:
        self._minutes = minutes
        if not self.is_locked:
            self.arm()
        self.setting_read.emit(minutes)

    def arm(self) -> None:
        """(Re)start the countdown from the setting last read (0: never lock)."""
        if self._minutes <= 0:
            self._timer.stop()
            return
        self._timer.start(self._minutes * 60_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.is_locked and self._timer.isActive():
            self._timer.start()  # same interval, from now
        return False

    def lock(self) -> None:
        officer = self._services.session.officer
        if self.is_locked or officer is None:
            return
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, UnlockDialog):
                self._covers.append(_Cover(widget))
        self.dialog = UnlockDialog(self._services, officer, self._window, runner=self._runner)
        self.dialog.setModal(True)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.open()
        self.locked.emit()

    def _unlocked(self) -> None:
        for cover in self._covers:
            cover.hide()
            cover.deleteLater()
        self._covers.clear()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.arm()
        self.unlocked.emit()
