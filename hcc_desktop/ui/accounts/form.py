"""What the accounts' small dialogs share (login, first administrator, unlock, new
account, password): fields with their error under them, renamed OK/Cancel buttons,
a refused form shown field by field, and their one service call on the task runner
(the buttons disabled while it runs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.ui.common.dialog_parts import boxed
from hcc_desktop.ui.common.errors import FIELD_ERROR_STYLE, make_error_label, set_field_error
from hcc_desktop.ui.common.messages import field_message
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner


def password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class AccountFormDialog(QDialog):
    """A form whose fields carry their errors by the core's field names."""

    # The service call of the form came back (done or refused): its outcome is shown.
    answered = Signal()

    def __init__(
        self,
        services: Services,
        title: str,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner or shared_runner()
        self.buttons: QDialogButtonBox | None = None
        self._waiting: tuple[
            Callable[[Any], object] | None, Callable[[BaseException], object] | None
        ] = (None, None)
        self.setWindowTitle(title)
        self.setStyleSheet(FIELD_ERROR_STYLE)
        self.form = QFormLayout()
        # The core's field name -> (the field, its error label), in form order.
        self._checked: dict[str, tuple[QWidget, QLabel]] = {}

    def add_checked(self, name: str, label: str, field: QWidget) -> QLabel:
        """A row whose field may be refused (``name``: the core's field name);
        returns the error label under it."""
        error = make_error_label()
        self._checked[name] = (field, error)
        self.add_row(label, boxed(field, error, spacing=-1), buddy=field)
        return error

    def add_row(self, label: str, field: QWidget, *, buddy: QWidget | None = None) -> None:
        """A row; its label's mnemonic focuses ``buddy`` (default: ``field``)."""
        text = QLabel(label)
        text.setBuddy(buddy or field)
        self.form.addRow(text, field)

    def finish(
        self,
        ok: str,
        cancel: str | None,
        accepted: Callable[[], object],
        *,
        min_width: int,
        intro: QWidget | None = None,
    ) -> QDialogButtonBox:
        """Lay out ``intro``, the form and the buttons (no Cancel when ``cancel`` is None)."""
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel if cancel else standard.Ok)
        buttons.button(standard.Ok).setText(ok)
        buttons.accepted.connect(accepted)
        if cancel:
            buttons.button(standard.Cancel).setText(cancel)
            buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)
        self.buttons = buttons
        return buttons

    @property
    def busy(self) -> bool:
        """A service call of the form is running (its buttons are disabled)."""
        return self.buttons is not None and not self.buttons.isEnabled()

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], object],
        refused: Callable[[BaseException], object],
        change: bool = False,
        **kwargs: Any,
    ) -> None:
        """Run ``fn(services, *args, **kwargs)`` on the task runner, the buttons disabled
        (a second click does nothing); then ``done(result)`` or ``refused(exc)`` on the
        GUI thread. ``change``: an operation whose result says what it changed."""
        if self.busy:
            return
        if self.buttons is not None:
            self.buttons.setEnabled(False)
        # Kept only while the call runs (no lasting cycle through this dialog).
        self._waiting = (done, refused)
        run = self._runner.run_change if change else self._runner.run
        run(
            fn,
            self._services,
            *args,
            on_done=self._call_done,
            on_error=self._call_refused,
            **kwargs,
        )

    def reject(self) -> None:
        """Escape or Cancel while the call runs does nothing: its answer is awaited."""
        if self.busy:
            return
        super().reject()

    def _call_done(self, result: object) -> None:
        done, _refused = self._answer()
        try:
            if done is not None:
                done(result)
        finally:
            self.answered.emit()

    def _call_refused(self, exc: BaseException) -> None:
        _done, refused = self._answer()
        try:
            if refused is not None:
                refused(exc)
        finally:
            self.answered.emit()

    def _answer(
        self,
    ) -> tuple[Callable[[Any], object] | None, Callable[[BaseException], object] | None]:
        if self.buttons is not None:
            self.buttons.setEnabled(True)
        waiting, self._waiting = self._waiting, (None, None)
        return waiting

    def clear_errors(self) -> None:
        for field, error in self._checked.values():
            set_field_error(field, error, None)

    def set_error(self, name: str, message: str | None) -> None:
        field, error = self._checked[name]
        set_field_error(field, error, message)

    def show_refused(self, exc: ValidationError, fallback: str) -> None:
        """Each error under its field (``fallback`` for a field the form lacks)."""
        for err in exc.errors:
            field, error = self._checked.get(err.field, self._checked[fallback])
            set_field_error(field, error, field_message(err))
        # A long message wraps over several lines: let the dialog grow for it.
        self.adjustSize()

    def repeated(self, first: QLineEdit, again: QLineEdit, name: str = "confirm") -> bool:
        """The password typed twice alike; else the mismatch is said under ``again``."""
        if first.text() == again.text():
            return True
        self.set_error(name, field_message(FieldError(name, "password_mismatch")))
        again.setFocus()
        return False
