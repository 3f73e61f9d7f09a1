"""Apology and new appointment for a late dossier (Mẫu 04).

The officer gives the reason for the delay and proposes a new appointment
(by default the current appointment moved by two working days); the apology
is recorded through the task runner, then the letter opens in print preview.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import HccError
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.services import Services
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.dialog_parts import DossierChangeDialog
from hcc_desktop.ui.common.table_models import format_datetime

log = logging.getLogger(__name__)

DEFAULT_EXTENSION_DAYS = 2


def _render_apology(services: Services, dossier_id: str) -> bytes:
    """Worker side: Mẫu 04 from the last recorded apology."""
    return services.printing.apology_pdf(dossier_id)


def read_apology_calendar(
    services: Services, dossier: Dossier
) -> tuple[WorkCalendar, datetime, datetime, tuple[str, str]]:
    """Runs on the task runner: the working calendar, the default new
    appointment (the effective one moved by two working days, from today if
    it is already past, at the same time of day), the effective one, and the
    default signer (title, name) of the settings."""
    calendar = services.settings.calendar()
    due = services.lifecycle.effective_due(dossier)
    base = max(due.date(), local_now().date())
    day: date = calendar.add_working_days(base, DEFAULT_EXTENSION_DAYS)
    settings = services.settings.load()
    signer = (settings.signer_title, settings.signer_name)
    return calendar, datetime.combine(day, due.time()), due, signer


class ApologyDialog(DossierChangeDialog):
    """Record an apology with a new appointment for dossier ``key``; print Mẫu 04."""

    apology_issued = Signal(object)  # the Dossier with its proposed_due_at

    # == building ====================================================================

    def default_new_due(self) -> datetime:
        """The effective appointment moved by two working days (from today if it
        is already past), at the same time of day; the appointment itself until
        the calendar has been read on the task runner."""
        return self._default_due

    def _build(self) -> None:
        d = self._dossier
        self.setWindowTitle(
            self.tr("Apology and new appointment – dossier {code}").format(code=d.code)
        )
        heading = parts.heading_label(self.tr("Apology letter and new appointment (Form 04)"))
        hint = parts.hint_label(
            self.tr(
                "The letter apologises to the citizen for the delay and proposes a new "
                "appointment. The on-time count keeps the original appointment."
            )
        )

        # The stored appointment until the effective one arrives with the calendar
        # (they differ only while the clock is stopped for a supplement).
        self.current_due = QLabel()
        self._show_current_due(d.due_at)

        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("E.g. the dossier needs verification with another authority")
        )
        line = self.fontMetrics().lineSpacing()
        self.reason.setMinimumHeight(line * 3 + 12)
        self.reason.setMaximumHeight(line * 5 + 12)
        self.reason_message = self.errors.add("reason", self.reason)

        # The calendar is read on the task runner: until it arrives the fields
        # show the appointment itself and are disabled (the "loading" state).
        default = self._dossier.due_at
        self._default_due = default
        self._calendar: WorkCalendar | None = None
        self.new_date = QDateEdit(QDate(default.date()))
        self.new_date.setDisplayFormat("dd/MM/yyyy")
        self.new_date.setCalendarPopup(True)
        self.new_date.setMinimumDate(QDate(local_now().date()))
        self.new_time = QTimeEdit(QTime(default.hour, default.minute))
        self.new_time.setDisplayFormat("HH:mm")
        self.new_due_message = self.errors.add("new_due_at", self.new_date, self.new_time)
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
        form.addRow(reason_label, parts.boxed(self.reason, self.reason_message))
        date_label = QLabel(self.tr("New appointment &date"))
        date_label.setBuddy(self.new_date)
        form.addRow(date_label, parts.boxed(new_due, self.new_due_message))
        # Mẫu 04 is signed by the head of the body that caused the delay;
        # the center's director (Settings) unless another body is named.
        # The settings' signer arrives with the calendar (read on the task runner).
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(self.tr("e.g. TRƯỞNG PHÒNG KINH TẾ"))
        self.signer_name = QLineEdit()
        signer_title_label = QLabel(self.tr("&Signer's title"))
        signer_title_label.setBuddy(self.signer_title)
        form.addRow(
            signer_title_label,
            parts.boxed(
                self.signer_title,
                parts.hint_label(
                    self.tr(
                        "The head of the body that caused the delay signs the letter. "
                        "By default the center's director from Settings."
                    )
                ),
            ),
        )
        signer_name_label = QLabel(self.tr("Signer's &name"))
        signer_name_label.setBuddy(self.signer_name)
        form.addRow(signer_name_label, self.signer_name)
        form.addRow(
            self.tr("Officer"), self._officer_field(self.tr("(not set: enter it in Settings)"))
        )
        self.actor_message = self.errors.labels["actor"]

        self.ok_button = parts.dialog_button(
            self.tr("Record and &print (Form 04)"),
            self.tr("Record the apology and open the letter (Ctrl+Enter)"),
            primary=True,
        )
        self.cancel_button = parts.dialog_button(
            self.tr("Cancel"), self.tr("Close without saving (Esc)")
        )
        form_page = parts.page(
            heading,
            parts.summary_label(d),
            hint,
            form,
            self.general,
            buttons=parts.button_row(self.ok_button, self.cancel_button),
        )

        self.done_message = parts.done_label()
        self.print_again_button = QPushButton(self.tr("&Print Form 04 again"))
        self.close_button = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"))
        done_page = parts.page(
            self.done_message, buttons=parts.button_row(self.print_again_button, self.close_button)
        )
        self._stack_pages(form_page, done_page)
        self._busy_widgets = [self.ok_button, self.cancel_button, self.print_again_button]

        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.print_again_button.clicked.connect(self.print_letter)
        self.close_button.clicked.connect(self.accept)
        parts.add_submit_keys(self, self.submit)
        self.reason.textChanged.connect(lambda: self.errors.clear("reason"))
        self.new_date.dateChanged.connect(self._on_new_due_changed)
        self.new_time.timeChanged.connect(self._on_new_due_changed)
        self._chain = [
            self.reason,
            self.new_date,
            self.new_time,
            self.signer_title,
            self.signer_name,
            self.ok_button,
            self.cancel_button,
        ]
        parts.set_tab_chain(self._chain)
        self._provisional = self.new_due()  # what the fields show until the calendar arrives
        self.new_date.setEnabled(False)
        self.new_time.setEnabled(False)
        self._runner.run(
            read_apology_calendar,
            self._services,
            self._dossier,
            on_done=self._calendar_loaded,
            on_error=self._calendar_failed,
        )

    @property
    def loading_calendar(self) -> bool:
        """True while the working calendar is being read on the task runner."""
        return self._calendar is None and not self.new_date.isEnabled()

    def _calendar_failed(self, exc: BaseException) -> None:
        self.new_date.setEnabled(True)
        self.new_time.setEnabled(True)
        if not isinstance(exc, HccError):
            raise exc
        log.warning("no working calendar: %r", exc)

    def _show_current_due(self, due: datetime) -> None:
        d = self._dossier
        text = f"<b>{format_datetime(due)}</b>"
        if d.original_due_at is not None and d.original_due_at != due:
            text += " " + self.tr("(originally {due})").format(
                due=format_datetime(d.original_due_at)
            )
        self.current_due.setText(text)

    def _calendar_loaded(
        self, outcome: tuple[WorkCalendar, datetime, datetime, tuple[str, str]]
    ) -> None:
        self._calendar, default, due, (signer_title, signer_name) = outcome
        # Unless typed meanwhile.
        if not self.signer_title.text():
            self.signer_title.setText(signer_title)
        if not self.signer_name.text():
            self.signer_name.setText(signer_name)
        self._default_due = default
        self._show_current_due(due)
        if self.new_due() == self._provisional:  # not changed by hand meanwhile
            self.new_date.setDate(QDate(default.date()))
            self.new_time.setTime(QTime(default.hour, default.minute))
        self.new_date.setEnabled(True)
        self.new_time.setEnabled(True)
        self._on_new_due_changed()

    def _on_new_due_changed(self, *_args: object) -> None:
        self.errors.clear("new_due_at")
        day = self.new_due().date()
        if self._calendar is None:
            return  # told once the calendar arrives
        reason = self._calendar.day_off_reason(day)
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

    def reason_error(self) -> str:
        return self.errors.message("reason")

    def new_due_error(self) -> str:
        return self.errors.message("new_due_at")

    # == saving ======================================================================

    def submit(self) -> None:
        if not self._ready_to_store():
            return
        self.clear_errors()
        self._store(
            self._services.lifecycle.issue_apology,
            self._dossier.id,
            new_due_at=self.new_due(),
            reason=self.reason.toPlainText(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
        )

    def _stored(self, dossier: Dossier) -> None:
        self._result = dossier
        self.apology_issued.emit(dossier)
        due = dossier.proposed_due_at or self.new_due()
        self.done_message.setText(
            self.tr(
                "✔ The apology for dossier <b>{code}</b> was recorded. "
                "New appointment: <b>{due}</b>."
            ).format(code=parts.esc(dossier.code), due=format_datetime(due))
        )
        self._show_done(self.print_again_button)
        self.print_letter()

    # == the letter ==================================================================

    def print_letter(self) -> None:
        if self._result is None:
            return
        self._print(
            _render_apology,
            self._services,
            self._dossier.id,
            title=self.tr("Apology letter (Form 04) – {code}").format(code=self._dossier.code),
            file_name=f"Mau04-{self._dossier.code}",
        )

    def _after_preview(self) -> None:
        self.print_again_button.setFocus(Qt.FocusReason.OtherFocusReason)
