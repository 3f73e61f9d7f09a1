"""Showing errors: typed core errors as a translated message, anything else
as an "unexpected error" dialog whose details can be copied for support."""

from __future__ import annotations

import logging
import traceback

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import CatalogError, HccError
from hcc_desktop.core.paths import log_dir
from hcc_desktop.ui.common.messages import error_message

log = logging.getLogger(__name__)

# Dialogs opened without a parent must stay referenced until Qt deletes them
# (WA_DeleteOnClose); deleted ones are pruned on the next call. A slot that
# captured the dialog would crash PySide when the dialog is destroyed.
_open_dialogs: list[QDialog] = []


def _keep_until_closed(dialog: QDialog) -> None:
    _open_dialogs[:] = [d for d in _open_dialogs if shiboken6.isValid(d)]
    _open_dialogs.append(dialog)


# Widgets at fault get the dynamic property ``error`` and this style.
FIELD_ERROR_STYLE = """
QLineEdit[error="true"], QSpinBox[error="true"], QDateEdit[error="true"],
QTimeEdit[error="true"], QComboBox[error="true"], QPlainTextEdit[error="true"],
QTableWidget[error="true"], QTableView[error="true"], QListWidget[error="true"] {
    border: 1px solid #c62828;
}
QLabel[role="field-error"] { color: #c62828; }
"""


def make_error_label(parent: QWidget | None = None) -> QLabel:
    """A small red label shown under a field when it is at fault."""
    label = QLabel(parent)
    label.setProperty("role", "field-error")
    label.setWordWrap(True)
    label.hide()
    return label


def set_field_error(widget: QWidget | None, label: QLabel | None, message: str | None) -> None:
    """Mark (``message``) or clear (None) the error state of one field."""
    if widget is not None:
        widget.setProperty("error", bool(message))
        # A dynamic property only restyles after a re-polish.
        widget.style().unpolish(widget)
        widget.style().polish(widget)
    if label is not None:
        label.setText(message or "")
        label.setVisible(bool(message))


def details_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class UnexpectedErrorDialog(QDialog):
    """An error nobody planned for: say it was logged, offer the details."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self._details = details_text(exc)

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        text = QLabel(
            self.tr(
                "Something went wrong that the program did not expect. Your data already "
                "saved are safe; the last action may not have been completed.\n\n"
                "The error was written to the log file in {folder}. If it happens again, "
                "send the details to the technical support team."
            ).format(folder=str(log_dir()))
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(text, 1)

        self.details = QPlainTextEdit(self._details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(200)
        self.details.hide()

        buttons = QDialogButtonBox()
        self.details_button = QPushButton(self.tr("Show &details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setDefault(True)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        close.setFocus()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.details_button.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()

    def details_text(self) -> str:
        return self._details

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self._details)
        self.copy_button.setText(self.tr("Copied"))


def _title_for(exc: HccError) -> str:
    if isinstance(exc, CatalogError):
        return QApplication.translate("Errors", "Catalog not imported")
    return QApplication.translate("Errors", "Cannot continue")


def show_error(parent: QWidget | None, exc: BaseException, *, log_it: bool = True) -> QDialog:
    """Tell the officer about ``exc`` without blocking the caller.

    A typed error of the core becomes its translated message; anything else is
    logged with its traceback and shown with a "Copy details" button. Returns
    the dialog (already open, window-modal) so that callers and tests can
    follow it.
    """
    dialog: QDialog
    if isinstance(exc, HccError):
        if log_it:
            log.info("shown to the officer: %s", exc.describe())
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_title_for(exc))
        box.setText(error_message(exc))
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.button(QMessageBox.StandardButton.Ok).setText(QApplication.translate("Errors", "OK"))
        dialog = box
    else:
        if log_it:
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        dialog = UnexpectedErrorDialog(exc, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep_until_closed(dialog)
    dialog.open()
    return dialog
