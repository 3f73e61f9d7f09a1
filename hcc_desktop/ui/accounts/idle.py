"""The idle lock: after a configurable time without input (setting ``idle_lock_minutes``,
5 by default, 0 never) the app hides every window's content and asks the logged-in
officer's password again.

Nothing is closed or rebuilt: each visible window gets an opaque cover over its content
and the unlock dialog is modal over them, so unlocking returns to exactly where the
officer was — a half-typed intake included. Citizens' data are not left on an unattended
screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from hcc_desktop.core.accounts import Officer
from hcc_desktop.core.errors import AuthError
from hcc_desktop.services import Services
from hcc_desktop.ui.accounts.form import AccountFormDialog, password_field
from hcc_desktop.ui.common.messages import error_message

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

    def __init__(self, services: Services, officer: Officer, parent: QWidget | None) -> None:
        super().__init__(services, self.tr("Locked – HCC Desktop"), parent)
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
        try:
            self._services.accounts.authenticate(self._officer.user_name, self.password.text())
        except AuthError as exc:
            self.password.clear()
            self.set_error("password", error_message(exc))
            self.adjustSize()
            return
        self._unlocked = True
        self.accept()

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

    def __init__(self, services: Services, window: QWidget) -> None:
        super().__init__(window)
        self._services = services
        self._window = window
        self._covers: list[_Cover] = []
        self.dialog: UnlockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.arm()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def arm(self) -> None:
        """(Re)start the countdown from the current setting (0: never lock)."""
        minutes = self._services.settings.load().idle_lock_minutes
        if minutes <= 0:
            self._timer.stop()
            return
        self._timer.start(minutes * 60_000)

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
        self.dialog = UnlockDialog(self._services, officer, self._window)
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
