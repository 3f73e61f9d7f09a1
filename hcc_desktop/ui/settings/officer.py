"""The officer on duty: asked at start when none is set, and from the menu."""

from __future__ import annotations

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

from hcc_desktop.core.errors import ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    make_error_label,
    set_field_error,
    show_error,
)
from hcc_desktop.ui.common.messages import field_message
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.settings.operations import save_officer


class OfficerDialog(QDialog):
    """Asks for the officer on duty: every intake records the receiving officer."""

    officer_saved = Signal(object)  # AppSettings

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.setWindowTitle(self.tr("Officer on duty"))
        self.setStyleSheet(FIELD_ERROR_STYLE)
        current = services.settings.load()
        intro = QLabel(
            self.tr(
                "Enter the name of the officer receiving dossiers on this computer. It is "
                "recorded with every dossier and printed on the receipt."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(current.officer_name)
        self.name.setPlaceholderText(self.tr("e.g. Trần Thị Bình"))
        self.name_error = make_error_label()
        self.phone = QLineEdit(current.officer_phone)
        name_box = QWidget()
        v = QVBoxLayout(name_box)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(self.name)
        v.addWidget(self.name_error)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Full name:"))
        name_label.setBuddy(self.name)
        phone_label = QLabel(self.tr("&Phone (optional):"))
        phone_label.setBuddy(self.phone)
        form.addRow(name_label, name_box)
        form.addRow(phone_label, self.phone)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.name.setFocus()

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            set_field_error(self.name, self.name_error, self.tr("Enter the officer's name"))
            self.name.setFocus()
            return
        set_field_error(self.name, self.name_error, None)
        self.buttons.setEnabled(False)
        self._runner.run_change(
            save_officer,
            self._services,
            name,
            self.phone.text().strip(),
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, settings: AppSettings) -> None:
        self.buttons.setEnabled(True)
        self.officer_saved.emit(settings)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.for_field("officer_name"):
            err = exc.for_field("officer_name")
            assert err is not None
            set_field_error(self.name, self.name_error, field_message(err))
        else:
            show_error(self, exc)
