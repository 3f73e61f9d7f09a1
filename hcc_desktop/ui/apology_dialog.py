"""Apology and new appointment for a late dossier (Mẫu 04).

The officer gives the reason for the delay and proposes a new appointment
(by default the current appointment moved by two working days); the apology
is recorded through the task runner, then the letter opens in print preview.
"""

from __future__ import annotations

import itertools
import logging
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.clock import local_now
from hcc_desktop.domain import Dossier
from hcc_desktop.errors import ConflictError, HccError, TransitionError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.ui.changes import notify_dossiers_changed
from hcc_desktop.ui.errors import show_error
from hcc_desktop.ui.intake_fields import MessageLabel, set_error_state
from hcc_desktop.ui.messages import error_message, field_label, field_message
from hcc_desktop.ui.pdf_preview import PdfPreviewDialog
from hcc_desktop.ui.screen import fit_to_screen
from hcc_desktop.ui.table_models import format_datetime
from hcc_desktop.ui.tasks import TaskRunner
from hcc_desktop.ui.transition_dialog import (
    DIALOG_STYLESHEET,
    boxed,
    done_label,
    error_box,
    esc,
    readable_params,
    show_page,
    summary_label,
)

log = logging.getLogger(__name__)

DEFAULT_EXTENSION_DAYS = 2


def _render_apology(services: Services, dossier_id: str) -> bytes:
    """Worker side: Mẫu 04 from the last recorded apology."""
    return services.printing.apology_pdf(dossier_id)


class ApologyDialog(QDialog):
    """Record an apology with a new appointment for dossier ``key``; print Mẫu 04."""

    apology_issued = Signal(object)  # the Dossier with its proposed_due_at

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        key: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._dossier = services.dossiers.get(key)
        self._busy = False
        self._result: Dossier | None = None
        self._preview: PdfPreviewDialog | None = None
        self.setWindowTitle(
            self.tr("Apology and new appointment – dossier {code}").format(code=self._dossier.code)
        )
        self.setStyleSheet(DIALOG_STYLESHEET)
        self._build()
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(620, 0)))

    # == building ====================================================================

    def default_new_due(self) -> datetime:
        """The effective appointment moved by two working days (from today if it
        is already past), at the same time of day."""
        due = self._services.lifecycle.effective_due(self._dossier)
        base = max(due.date(), local_now().date())
        day: date = self._services.settings.calendar().add_working_days(
            base, DEFAULT_EXTENSION_DAYS
        )
        return datetime.combine(day, due.time())

    def _build(self) -> None:
        d = self._dossier
        heading = QLabel(self.tr("Apology letter and new appointment (Form 04)"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(
            self.tr(
                "The letter apologises to the citizen for the delay and proposes a new "
                "appointment. The on-time count keeps the original appointment."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")

        due = self._services.lifecycle.effective_due(d)
        self.current_due = QLabel(f"<b>{format_datetime(due)}</b>")
        if d.original_due_at is not None and d.original_due_at != due:
            self.current_due.setText(
                self.current_due.text()
                + " "
                + self.tr("(originally {due})").format(due=format_datetime(d.original_due_at))
            )

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("E.g. the dossier needs verification with another authority")
        )
        line = self.fontMetrics().lineSpacing()
        self.reason.setMinimumHeight(line * 3 + 12)
        self.reason.setMaximumHeight(line * 5 + 12)
        self.reason_message = MessageLabel()

        default = self.default_new_due()
        self.new_date = QDateEdit(QDate(default.date()))
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_date.setCalendarPopup(True)
        self.new_date.setMinimumDate(QDate(local_now().date()))
        self.new_time = QTimeEdit(QTime(default.hour, default.minute))
        self.new_time.setDisplayFormat("HH:mm")
        self.new_due_message = MessageLabel()
        self.day_note = QLabel()
        self.day_note.setStyleSheet("color: #5f6368;")
        new_due = QWidget()
        nd = QHBoxLayout(new_due)
        nd.setContentsMargins(0, 0, 0, 0)
        nd.addWidget(self.new_date, 2)
        time_label = QLabel(self.tr("at &time"))
        time_label.setBuddy(self.new_time)
        nd.addWidget(time_label)
        nd.addWidget(self.new_time, 1)
        nd.addWidget(self.day_note, 3)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Current appointment"), self.current_due)
        reason_label = QLabel(self.tr("&Reason for the delay") + " *")
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, boxed(self.reason, self.reason_message))
        date_label = QLabel(self.tr("New appointment &date"))
        date_label.setBuddy(self.new_date)
        form.addRow(date_label, boxed(new_due, self.new_due_message))
        officer = self._services.settings.load().officer_name
        self.actor_message = MessageLabel()
        form.addRow(
            self.tr("Officer"),
            boxed(
                QLabel(officer or self.tr("(not set: enter it in Settings)")), self.actor_message
            ),
        )

        self.general = error_box()
        self.ok_button = QPushButton(self.tr("Record and &print (Form 04)"))
        self.ok_button.setDefault(True)
        self.ok_button.setToolTip(self.tr("Record the apology and open the letter (Ctrl+Enter)"))
        bold = self.ok_button.font()
        bold.setBold(True)
        self.ok_button.setFont(bold)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip(self.tr("Close without saving (Esc)"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(self.cancel_button)

        form_page = QWidget()
        f = QVBoxLayout(form_page)
        f.setContentsMargins(0, 0, 0, 0)
        f.addWidget(heading)
        f.addWidget(summary_label(d))
        f.addWidget(hint)
        f.addLayout(form)
        f.addWidget(self.general)
        f.addStretch(1)
        f.addLayout(buttons)

        done_page = QWidget()
        self.done_message = done_label()
        self.print_again_button = QPushButton(self.tr("&Print Form 04 again"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        db = QHBoxLayout()
        db.addStretch(1)
        db.addWidget(self.print_again_button)
        db.addWidget(self.close_button)
        dv = QVBoxLayout(done_page)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.done_message)
        dv.addStretch(1)
        dv.addLayout(db)
        self.done_page = done_page

        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(done_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.print_again_button.clicked.connect(self.print_letter)
        self.close_button.clicked.connect(self.accept)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self.reason.textChanged.connect(self._clear_reason)
        self.new_date.dateChanged.connect(self._on_new_due_changed)
        self.new_time.timeChanged.connect(self._on_new_due_changed)
        chain: list[QWidget] = [
            self.reason,
            self.new_date,
            self.new_time,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._on_new_due_changed()

    def _clear_reason(self) -> None:
        if self.reason_message.isVisible():
            self.reason_message.clear_message()
            set_error_state(self.reason, False)

    def _on_new_due_changed(self, *_args: object) -> None:
        self.new_due_message.clear_message()
        set_error_state(self.new_date, False)
        set_error_state(self.new_time, False)
        day = self.new_due().date()
        reason = self._services.settings.calendar().day_off_reason(day)
        self.day_note.setText(
            self.tr("Not a working day: {reason}").format(reason=reason) if reason else ""
        )
        self.day_note.setStyleSheet("color: #b26a00;" if reason else "color: #5f6368;")

    # == accessors ===================================================================

    def new_due(self) -> datetime:
        day = self.new_date.date().toPython()
        moment = self.new_time.time().toPython()
        assert isinstance(day, date)
        assert isinstance(moment, time)
        return datetime.combine(day, moment.replace(second=0, microsecond=0))

    def set_new_due(self, moment: datetime) -> None:
        self.new_date.setDate(QDate(moment.date()))
        self.new_time.setTime(QTime(moment.hour, moment.minute))

    def set_reason(self, text: str) -> None:
        self.reason.setPlainText(text)

    def stored_dossier(self) -> Dossier | None:
        return self._result

    def last_preview(self) -> PdfPreviewDialog | None:
        return self._preview

    def general_message(self) -> str:
        return self.general.text() if self.general.isVisible() else ""

    def is_busy(self) -> bool:
        return self._busy

    # == saving ======================================================================

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.print_again_button.setEnabled(not busy)

    def submit(self) -> None:
        if self._busy or self.pages.currentWidget() is self.done_page:
            return
        self.general.hide()
        self._set_busy(True)
        self._runner.run(
            self._services.lifecycle.issue_apology,
            self._dossier.id,
            new_due_at=self.new_due(),
            reason=self.reason.toPlainText(),
            on_done=self._on_done,
            on_error=self._on_failed,
        )

    def _on_done(self, dossier: Dossier) -> None:
        self._set_busy(False)
        self._result = dossier
        notify_dossiers_changed([dossier.id])
        self.apology_issued.emit(dossier)
        due = dossier.proposed_due_at or self.new_due()
        self.done_message.setText(
            self.tr(
                "✔ The apology for dossier <b>{code}</b> was recorded. "
                "New appointment: <b>{due}</b>."
            ).format(code=esc(dossier.code), due=format_datetime(due))
        )
        show_page(self, self.pages, self.done_page)
        self.print_again_button.setDefault(True)
        self.print_letter()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            first: QWidget | None = None
            general: list[str] = []
            for err in exc.errors:
                text = field_message(readable_params(err))
                if err.field == "reason":
                    self.reason_message.show_error(text)
                    set_error_state(self.reason, True)
                    first = first or self.reason
                elif err.field == "new_due_at":
                    self.new_due_message.show_error(text)
                    set_error_state(self.new_date, True)
                    set_error_state(self.new_time, True)
                    first = first or self.new_date
                elif err.field == "actor":
                    self.actor_message.show_error(text)
                else:
                    general.append(f"{field_label(err.field)}: {text}")
            if general:
                self.general.setText("\n".join(general))
                self.general.show()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(exc, TransitionError | ConflictError):
            self.general.setText(error_message(exc))
            self.general.show()
            notify_dossiers_changed([self._dossier.id])
        elif isinstance(exc, HccError):
            self.general.setText(error_message(exc))
            self.general.show()
        else:
            show_error(self, exc)

    def reason_error(self) -> str:
        return self.reason_message.text() if self.reason_message.isVisible() else ""

    def new_due_error(self) -> str:
        return self.new_due_message.text() if self.new_due_message.isVisible() else ""

    # == the letter ==================================================================

    def print_letter(self) -> None:
        if self._result is None:
            return
        self._set_busy(True)
        self._runner.run(
            _render_apology,
            self._services,
            self._dossier.id,
            on_done=self._on_letter_ready,
            on_error=self._on_print_failed,
        )

    def _on_letter_ready(self, pdf: bytes) -> None:
        self._set_busy(False)
        preview = PdfPreviewDialog(
            pdf,
            title=self.tr("Apology letter (Form 04) – {code}").format(code=self._dossier.code),
            copies=1,
            printer_name=self._services.settings.load().printer_name,
            file_name=f"Mau04-{self._dossier.code}",
            parent=self,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(self._after_preview)
        self._preview = preview
        preview.open()

    def _after_preview(self, _result: int) -> None:
        self._preview = None
        self.print_again_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_print_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    # == Qt ===========================================================================

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pages.currentIndex() == 0:
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self._busy:
            return
        if self.pages.currentWidget() is self.done_page:
            self.accept()
            return
        super().reject()
