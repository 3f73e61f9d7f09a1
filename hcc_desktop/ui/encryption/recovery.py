"""The recovery key of the store, shown ONCE when its key is made (first run, or the
first start after a plain store was encrypted). The administrator must confirm they
have written it down: the dialog cannot be dismissed otherwise."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key of the database"))
        self.setModal(True)
        # No close button: the only way out is the confirmation.
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The data of this computer are encrypted. Their key is kept in this "
                "computer's keyring. If the keyring is lost (a new user profile, the data "
                "moved to another computer), the data can only be opened with this recovery "
                "key. It is shown only this once: write it down and keep it locked away."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key_field = QLineEdit(recovery_key)
        self.key_field.setReadOnly(True)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(font.pointSize() + 2)
        self.key_field.setFont(font)
        self.key_field.setMinimumWidth(
            self.key_field.fontMetrics().horizontalAdvance(recovery_key) + 24
        )
        layout.addWidget(self.key_field)
        how = QLabel(
            self.tr(
                "To open the data with it, start the program with the environment variable "
                "HCC_RECOVERY_KEY set to this key."
            )
        )
        how.setWordWrap(True)
        layout.addWidget(how)
        self.confirm = QCheckBox(self.tr("I have written down the recovery key and keep it safe"))
        layout.addWidget(self.confirm)
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Continue"))
        self.ok_button.setEnabled(False)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.confirm.toggled.connect(self.ok_button.setEnabled)

    def reject(self) -> None:
        # Escape or the window manager's close: only a confirmed key lets it go.
        if self.confirm.isChecked():
            super().reject()

    def accept(self) -> None:
        if self.confirm.isChecked():
            super().accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm.isChecked():
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.confirm.isChecked():
            event.ignore()
            return
        super().keyPressEvent(event)
