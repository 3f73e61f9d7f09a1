"""Small building blocks of the intake dialog: the red message under a field,
the red border of a faulty field, and Enter moving to the next field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QWidget

ERROR_COLOR = "#c62828"
OK_COLOR = "#2e7d32"

# Applied to the dialog: only widgets whose "error" property is true change look.
ERROR_STYLESHEET = f"""
QLineEdit[error="true"], QComboBox[error="true"], QAbstractSpinBox[error="true"],
QTableView[error="true"] {{
    border: 1px solid {ERROR_COLOR};
    border-radius: 2px;
}}
QCheckBox[error="true"] {{ color: {ERROR_COLOR}; }}
"""


def set_error_state(widget: QWidget, on: bool) -> None:
    """Toggle the red border of ``widget`` (a dynamic property read by the stylesheet)."""
    if bool(widget.property("error")) == on:
        return
    widget.setProperty("error", on)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class MessageLabel(QLabel):
    """A one-line, word-wrapped message under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
        self.setFont(font)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOR)

    def show_ok(self, text: str) -> None:
        self._show(text, OK_COLOR)

    def _show(self, text: str, color: str) -> None:
        self.setStyleSheet(f"color: {color};")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class EnterMovesFocus(QObject):
    """Plain Enter in a form field goes to the next field instead of pressing
    the dialog's default button: a scanner or a habit of pressing Enter must
    never accept a half-typed dossier (Ctrl+Enter does)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                mods == Qt.KeyboardModifier.NoModifier
            ):
                watched.focusNextPrevChild(True)
                return True
        return False
