"""Settings: unit, device and officer, office hours and days off, printing, language."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from datetime import date, time, timedelta

from PySide6.QtCore import QDate, QSize, Qt, QTime, Signal
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import CalendarOverride, OfficeHours, PaperSize
from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.worktime import STATUS_CONFIRMED, STATUS_TO_CONFIRM, WorkCalendar
from hcc_desktop.services import Services
from hcc_desktop.services.settings import MAX_DEVICE_SLOT, AppSettings
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.backups.page import BackupsPage
from hcc_desktop.ui.common.errors import (
    FIELD_ERROR_STYLE,
    make_error_label,
    set_field_error,
    show_error,
)
from hcc_desktop.ui.common.messages import field_message
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner
from hcc_desktop.ui.settings.operations import SettingsPageData, read_settings_page, store_settings

log = logging.getLogger(__name__)

_KINDS = ("off", "work")


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class SettingsDialog(QDialog):
    """Edits AppSettings and the calendar overrides; OK saves through the
    settings service and closes only when the save succeeded."""

    settings_saved = Signal(object)  # AppSettings

    TAB_UNIT, TAB_DEVICE, TAB_HOURS, TAB_PRINT, TAB_LANGUAGE, TAB_BACKUPS = range(6)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner or shared_runner()
        # Filled when the settings arrive from the task runner (_loaded); until then
        # the tabs and OK are disabled, so nothing typed is overwritten or saved.
        self._current = AppSettings()
        self._calendar: WorkCalendar | None = None
        self._loading = True
        self.setWindowTitle(self.tr("Settings"))
        self.setStyleSheet(FIELD_ERROR_STYLE)
        # field name -> (widget, error label, tab)
        self._fields: dict[str, tuple[QWidget, QLabel, int]] = {}

        self.tabs = QTabWidget()
        self.tabs.addTab(self._unit_tab(), self.tr("&Unit"))
        self.tabs.addTab(self._device_tab(), self.tr("&Device && officer"))
        self.tabs.addTab(self._hours_tab(), self.tr("&Office hours && days off"))
        self.tabs.addTab(self._print_tab(), self.tr("P&rinting"))
        self.tabs.addTab(self._language_tab(), self.tr("&Language"))
        self.backups_page = BackupsPage(services, self._runner)
        self._fields["backup_keep"] = (
            self.backups_page.keep,
            self.backups_page.keep_error,
            self.TAB_BACKUPS,
        )
        self.tabs.addTab(self.backups_page, self.tr("&Backups"))

        self.general_error = make_error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(860, 640))
        self.tabs.setEnabled(False)
        self.ok_button.setEnabled(False)
        self._runner.run(read_settings_page, services, on_done=self._loaded)

    @property
    def loading(self) -> bool:
        """True until the settings have been read on the task runner."""
        return self._loading

    def _loaded(self, data: SettingsPageData) -> None:
        self._current = data.settings
        self._calendar = data.calendar
        self._load(data)
        self._loading = False
        self.tabs.setEnabled(True)
        self.ok_button.setEnabled(True)
        self.unit_name.setFocus()

    # -- building --------------------------------------------------------------

    def _boxed(self, widget: QWidget, hint: str = "", error: QLabel | None = None) -> QWidget:
        """``widget`` with, under it, its error label (hidden) and a grey hint."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        v.addWidget(widget)
        if error is not None:
            v.addWidget(error)
        if hint:
            v.addWidget(self._hint(hint))
        return box

    def _with_error(self, name: str, widget: QWidget, tab: int, hint: str = "") -> QWidget:
        """Like ``_boxed``, and registers the field as ``name`` for error display."""
        label = make_error_label()
        self._fields[name] = (widget, label, tab)
        return self._boxed(widget, hint, label)

    @staticmethod
    def _hint(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #5f6368;")
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _form(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(10)
        return page, form

    def _add_row(self, form: QFormLayout, label: str, field: QWidget, buddy: QWidget) -> None:
        caption = QLabel(label)
        caption.setBuddy(buddy)
        # Line up the caption with the first line of the field, not the hint under it.
        caption.setMinimumHeight(buddy.sizeHint().height())
        form.addRow(caption, field)

    def _unit_tab(self) -> QWidget:
        page, form = self._form()
        t = self.TAB_UNIT
        self.unit_name = QLineEdit()
        self.unit_code = QLineEdit()
        self.unit_code.setPlaceholderText("000.17.22.H56")
        self.parent_body = QLineEdit()
        self.parent_body.setPlaceholderText(self.tr("e.g. UBND PHƯỜNG HOÀI NHƠN BẮC"))
        self.place_name = QLineEdit()
        self.unit_phone = QLineEdit()
        self.lookup_url = QLineEdit()
        self.lookup_url.setPlaceholderText("https://dichvucong.example.gov.vn/tra-cuu?ma={code}")
        self._add_row(
            form,
            self.tr("Unit &name:"),
            self._with_error("unit_name", self.unit_name, t),
            self.unit_name,
        )
        self._add_row(
            form,
            self.tr("Unit identifier &code:"),
            self._with_error(
                "unit_code",
                self.unit_code,
                t,
                self.tr(
                    "The code of the unit in the national list of electronic identifiers; "
                    "it begins every dossier code."
                ),
            ),
            self.unit_code,
        )
        self._add_row(
            form,
            self.tr("&Parent body:"),
            self._with_error(
                "parent_body",
                self.parent_body,
                t,
                self.tr(
                    "The top-left block of every slip has two lines: first the parent body, "
                    "then the unit name (the center) in bold, underlined. For example: "
                    "“UBND PHƯỜNG HOÀI NHƠN BẮC” over “TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG "
                    "PHƯỜNG HOÀI NHƠN BẮC”. The two must differ; leave this empty to print "
                    "the unit name alone."
                ),
            ),
            self.parent_body,
        )
        self._add_row(
            form,
            self.tr("Place na&me:"),
            self._boxed(
                self.place_name,
                self.tr("Used in the line “<place>, ngày … tháng … năm …” of the slips."),
            ),
            self.place_name,
        )
        self._add_row(form, self.tr("Unit p&hone:"), self.unit_phone, self.unit_phone)
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText("GIÁM ĐỐC")
        self.signer_name = QLineEdit()
        self._add_row(
            form,
            self.tr("Signer's &title:"),
            self._boxed(
                self.signer_title,
                self.tr("Who signs letters for the unit (apology Mẫu 04, stop notice Mẫu 05)."),
            ),
            self.signer_title,
        )
        self._add_row(form, self.tr("Signer's na&me:"), self.signer_name, self.signer_name)
        self._add_row(
            form,
            self.tr("Public loo&kup address:"),
            self._with_error(
                "public_lookup_url",
                self.lookup_url,
                t,
                self.tr(
                    "Web address where citizens look up their dossier; {code} is replaced by "
                    "the dossier code. It is printed as a QR code on the receipt. Leave it "
                    "empty to print the dossier code only."
                ),
            ),
            self.lookup_url,
        )
        return page

    def _device_tab(self) -> QWidget:
        page, form = self._form()
        t = self.TAB_DEVICE
        self.device_name = QLineEdit()
        self.device_name.setPlaceholderText(self.tr("e.g. Counter 1"))
        self.device_slot = QSpinBox()
        self.device_slot.setRange(0, MAX_DEVICE_SLOT)
        self.device_slot.setMaximumWidth(90)
        # Read-only: the officer recorded on events is the one logged in (issue 12).
        self.officer_name = QLineEdit()
        self.officer_name.setReadOnly(True)
        self.officer_phone = QLineEdit()
        self._add_row(form, self.tr("Device &name:"), self.device_name, self.device_name)
        self._add_row(
            form,
            self.tr("Device num&ber:"),
            self._with_error(
                "device_slot",
                self.device_slot,
                t,
                self.tr(
                    "Every device of the unit that receives dossiers (counter PCs, the laptop "
                    "of the Saturday session…) needs its own number from 0 to 9. The number "
                    "decides the dossier codes the device gives out: number 0 gives …-0001, "
                    "…-0002, number 1 gives …-1001, …-1002. Two devices with the same number "
                    "would give the same codes."
                ),
            ),
            self.device_slot,
        )
        self._add_row(
            form,
            self.tr("Logged in as:"),
            self._with_error(
                "officer_name",
                self.officer_name,
                t,
                self.tr(
                    "Recorded on every dossier and step: log in as another officer to change it."
                ),
            ),
            self.officer_name,
        )
        self._add_row(
            form,
            self.tr("Officer &phone:"),
            self._boxed(
                self.officer_phone,
                self.tr("Printed on the request to complete a dossier (Mẫu 02)."),
            ),
            self.officer_phone,
        )
        return page

    def _time_edit(self) -> QTimeEdit:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        edit.setMaximumWidth(90)
        return edit

    def _hours_tab(self) -> QWidget:
        page = QWidget()
        t = self.TAB_HOURS
        hours_box = QGroupBox(self.tr("Office hours"))
        grid = QGridLayout(hours_box)
        self.morning_start = self._time_edit()
        self.morning_end = self._time_edit()
        self.afternoon_start = self._time_edit()
        self.afternoon_end = self._time_edit()
        self.cutoff = self._time_edit()
        self.due_soon_days = QSpinBox()
        self.due_soon_days.setRange(0, 30)
        self.due_soon_days.setMaximumWidth(90)
        morning = QLabel(self.tr("&Morning:"))
        morning.setBuddy(self.morning_start)
        afternoon = QLabel(self.tr("&Afternoon:"))
        afternoon.setBuddy(self.afternoon_start)
        grid.addWidget(morning, 0, 0)
        grid.addWidget(self.morning_start, 0, 1)
        grid.addWidget(QLabel(self.tr("to")), 0, 2)
        grid.addWidget(self.morning_end, 0, 3)
        grid.addWidget(afternoon, 0, 5)
        grid.addWidget(self.afternoon_start, 0, 6)
        grid.addWidget(QLabel(self.tr("to")), 0, 7)
        grid.addWidget(self.afternoon_end, 0, 8)
        grid.setColumnMinimumWidth(4, 24)
        grid.setColumnStretch(9, 1)
        self.hours_error = make_error_label()
        grid.addWidget(self.hours_error, 1, 0, 1, 10)
        self._fields["office_hours"] = (self.morning_start, self.hours_error, t)
        cutoff = QLabel(self.tr("Same-day &cutoff:"))
        cutoff.setBuddy(self.cutoff)
        grid.addWidget(cutoff, 2, 0)
        grid.addWidget(self.cutoff, 2, 1)
        grid.addWidget(
            self._hint(
                self.tr(
                    "Procedures settled within the day (0 days) received after this time "
                    "are returned on the next working day."
                )
            ),
            2,
            2,
            1,
            8,
        )
        soon = QLabel(self.tr("Due-soon &warning:"))
        soon.setBuddy(self.due_soon_days)
        self.due_soon_days.setSuffix(self.tr(" working day(s)"))
        self.due_soon_days.setMaximumWidth(160)
        grid.addWidget(soon, 3, 0)
        grid.addWidget(self._with_error("due_soon_days", self.due_soon_days, t), 3, 1, 1, 4)
        self.reminder_interval = QSpinBox()
        self.reminder_interval.setRange(1, 120)
        self.reminder_interval.setSuffix(self.tr(" minute(s)"))
        self.reminder_interval.setMaximumWidth(160)
        remind = QLabel(self.tr("Check deadlines every:"))
        remind.setBuddy(self.reminder_interval)
        grid.addWidget(remind, 3, 5, 1, 2)
        grid.addWidget(
            self._with_error("reminder_interval_minutes", self.reminder_interval, t), 3, 7, 1, 3
        )

        # Extra days off and make-up working days (editable).
        overrides_box = QGroupBox(self.tr("Extra days off and make-up working days"))
        ov = QVBoxLayout(overrides_box)
        self.overrides_table = QTableWidget(0, 5)
        self.overrides_table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Note"),
                self.tr("Status"),
                self.tr("Source"),
            ]
        )
        self.overrides_table.verticalHeader().setVisible(False)
        self.overrides_table.verticalHeader().setDefaultSectionSize(
            QDateEdit().sizeHint().height() + 2
        )
        self.overrides_table.setWordWrap(False)
        self.overrides_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.overrides_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.overrides_error = make_error_label()
        self._fields["overrides"] = (self.overrides_table, self.overrides_error, t)
        self.add_override_button = QPushButton(self.tr("Add da&y"))
        self.add_override_button.clicked.connect(self.add_override)
        self.remove_override_button = QPushButton(self.tr("Remo&ve day"))
        self.remove_override_button.clicked.connect(self.remove_override)
        self.confirm_override_button = QPushButton(self.tr("Con&firm day"))
        self.confirm_override_button.setToolTip(
            self.tr("Mark the selected days as confirmed by a document (enter it under Source)")
        )
        self.confirm_override_button.clicked.connect(self.confirm_override)
        row = QHBoxLayout()
        row.addWidget(self.add_override_button)
        row.addWidget(self.remove_override_button)
        row.addWidget(self.confirm_override_button)
        row.addStretch(1)
        ov.addWidget(
            self._hint(
                self.tr(
                    "Days the Government announces on top of the law: swapped days off "
                    "(“Day off”) and the Saturdays worked instead (“Make-up day”). A day "
                    "“To confirm” is applied, and appointments over it say so, until you "
                    "confirm it (citing the document) or remove it."
                )
            )
        )
        ov.addWidget(self.overrides_table, 1)
        ov.addWidget(self.overrides_error)
        ov.addLayout(row)

        # Statutory holidays of a year (read-only).
        holidays_box = QGroupBox(self.tr("Public holidays by law"))
        hv = QVBoxLayout(holidays_box)
        self.holiday_year = QSpinBox()
        self.holiday_year.setRange(2000, 2100)
        self.holiday_year.setValue(local_today().year)
        self.holiday_year.valueChanged.connect(self._show_holidays)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("Y&ear:"))
        year_label.setBuddy(self.holiday_year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.holiday_year)
        year_row.addStretch(1)
        self.holidays_table = QTableWidget(0, 2)
        self.holidays_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Holiday")])
        self.holidays_table.verticalHeader().setVisible(False)
        self.holidays_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.holidays_table.setWordWrap(False)
        self.holidays_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.holidays_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.holidays_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        hheader = self.holidays_table.horizontalHeader()
        hheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hv.addLayout(year_row)
        hv.addWidget(self.holidays_table, 1)
        hv.addWidget(
            self._hint(
                self.tr(
                    "Computed from the Labour Code, lunar dates included; shown for "
                    "reference. Saturdays and Sundays are days off unless listed as make-up days."
                )
            )
        )

        bottom = QHBoxLayout()
        bottom.addWidget(overrides_box, 3)
        bottom.addWidget(holidays_box, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(hours_box)
        layout.addLayout(bottom, 1)
        return page

    def _print_tab(self) -> QWidget:
        page, form = self._form()
        self.printer = QComboBox()
        self.printer.setMinimumWidth(320)
        self.printer.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.paper = QComboBox()
        self.paper.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), PaperSize.A4.value)
        self.paper.addItem(self.tr("A5 (148 × 210 mm)"), PaperSize.A5.value)
        self.book_no = QLineEdit()
        self.book_no.setPlaceholderText(f"01/{local_today().year}")
        self.book_no.setMaximumWidth(160)
        self._add_row(form, self.tr("&Printer:"), self.printer, self.printer)
        self._add_row(form, self.tr("Paper &size:"), self.paper, self.paper)
        self._add_row(
            form,
            self.tr("&Book number:"),
            self._boxed(
                self.book_no,
                self.tr(
                    "“Quyển số” of the dossier tracking book printed on the receipt. Leave it "
                    "empty to use one book a year (01/<year>)."
                ),
            ),
            self.book_no,
        )
        return page

    def _language_tab(self) -> QWidget:
        page, form = self._form()
        self.language = QComboBox()
        self.language.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self._add_row(
            form,
            self.tr("Interface lan&guage:"),
            self._with_error(
                "language",
                self.language,
                self.TAB_LANGUAGE,
                self.tr("A new language applies the next time the program starts."),
            ),
            self.language,
        )
        return page

    # -- loading ---------------------------------------------------------------

    def _load(self, data: SettingsPageData) -> None:
        s = data.settings
        self.backups_page.load(s, data.last_backup)
        self.unit_name.setText(s.unit_name)
        self.unit_code.setText(s.unit_code)
        self.parent_body.setText(s.parent_body)
        self.place_name.setText(s.place_name)
        self.unit_phone.setText(s.unit_phone)
        self.signer_title.setText(s.signer_title)
        self.signer_name.setText(s.signer_name)
        self.lookup_url.setText(s.public_lookup_url)
        self.device_name.setText(s.device_name)
        self.device_slot.setValue(s.device_slot)
        self.officer_name.setText(logged_in_name(self._services))
        self.officer_phone.setText(s.officer_phone)

        intervals = list(s.office_hours.intervals)
        default = OfficeHours().intervals
        while len(intervals) < 2:
            intervals.append(default[len(intervals)])
        (m1, m2), (a1, a2) = intervals[0], intervals[-1]
        self.morning_start.setTime(_qtime(m1))
        self.morning_end.setTime(_qtime(m2))
        self.afternoon_start.setTime(_qtime(a1))
        self.afternoon_end.setTime(_qtime(a2))
        self.cutoff.setTime(_qtime(s.office_hours.same_day_cutoff))
        self.due_soon_days.setValue(s.due_soon_days)
        self.reminder_interval.setValue(s.reminder_interval_minutes)

        self.overrides_table.setRowCount(0)
        for o in data.overrides:
            self._append_override(o)
        self._show_holidays()

        self.printer.addItem(self.tr("(default printer)"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        if s.printer_name and self.printer.findData(s.printer_name) < 0:
            self.printer.addItem(
                self.tr("{name} (not found)").format(name=s.printer_name), s.printer_name
            )
        self.printer.setCurrentIndex(max(0, self.printer.findData(s.printer_name)))
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.paper_size.value)))
        self.book_no.setText(s.book_no)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))

    def _append_override(self, o: CalendarOverride) -> int:
        row = self.overrides_table.rowCount()
        self.overrides_table.insertRow(row)
        day = QDateEdit(QDate(o.day.year, o.day.month, o.day.day))
        day.setDisplayFormat("dd/MM/yyyy")
        day.setCalendarPopup(True)
        day.setFrame(False)
        kind = QComboBox()
        kind.addItem(self.tr("Day off"), "off")
        kind.addItem(self.tr("Make-up day"), "work")
        kind.setCurrentIndex(max(0, kind.findData(o.kind)))
        kind.setFrame(False)
        status = QComboBox()
        status.addItem(self.tr("Confirmed"), STATUS_CONFIRMED)
        status.addItem(self.tr("To confirm"), STATUS_TO_CONFIRM)
        status.setCurrentIndex(max(0, status.findData(o.status)))
        status.setFrame(False)
        self.overrides_table.setCellWidget(row, 0, day)
        self.overrides_table.setCellWidget(row, 1, kind)
        self.overrides_table.setCellWidget(row, 3, status)
        note = QTableWidgetItem(o.note)
        note.setToolTip(o.note)
        self.overrides_table.setItem(row, 2, note)
        source = QTableWidgetItem(o.source)
        source.setToolTip(o.source)
        self.overrides_table.setItem(row, 4, source)
        return row

    def override_status(self, row: int) -> str:
        status = self.overrides_table.cellWidget(row, 3)
        assert isinstance(status, QComboBox)
        return str(status.currentData())

    def confirm_override(self) -> None:
        """The selected "to confirm" days become confirmed (saved with OK)."""
        rows = {i.row() for i in self.overrides_table.selectedIndexes()}
        if not rows and self.overrides_table.currentRow() >= 0:
            rows = {self.overrides_table.currentRow()}
        for row in rows:
            status = self.overrides_table.cellWidget(row, 3)
            if isinstance(status, QComboBox):
                status.setCurrentIndex(max(0, status.findData(STATUS_CONFIRMED)))

    def _show_holidays(self) -> None:
        year = self.holiday_year.value()
        calendar = self._calendar
        if calendar is None:
            return  # shown once the calendar arrives
        first = date(year, 1, 1)
        days = [first + timedelta(days=i) for i in range((date(year, 12, 31) - first).days + 1)]
        reasons = {d: calendar.day_off_reason(d) for d in days}
        # A plain weekend day gives the weekday's own name as the reason; the
        # most common reason of each weekend weekday is that name.
        weekend_names = {
            wd: Counter(r for d, r in reasons.items() if d.weekday() == wd).most_common(1)[0][0]
            for wd in (5, 6)
        }
        overridden = {o.day for o in calendar.overrides}
        rows = [
            (d, r)
            for d, r in reasons.items()
            if r and d not in overridden and r != weekend_names.get(d.weekday())
        ]
        weekdays = [
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
            self.tr("Fri"), self.tr("Sat"), self.tr("Sun"),
        ]  # fmt: skip
        self.holidays_table.setRowCount(len(rows))
        for i, (d, reason) in enumerate(rows):
            self.holidays_table.setItem(
                i, 0, QTableWidgetItem(f"{weekdays[d.weekday()]} {d:%d/%m/%Y}")
            )
            item = QTableWidgetItem(reason)
            item.setToolTip(reason)
            self.holidays_table.setItem(i, 1, item)

    # -- editing the overrides -------------------------------------------------

    def add_override(self) -> None:
        existing = [o.day for o in self.overrides()]
        day = max([local_today(), *existing]) + timedelta(days=1) if existing else local_today()
        row = self._append_override(CalendarOverride(day=day, kind="off"))
        self.overrides_table.setCurrentCell(row, 0)
        widget = self.overrides_table.cellWidget(row, 0)
        if widget is not None:
            widget.setFocus()

    def remove_override(self) -> None:
        rows = sorted({i.row() for i in self.overrides_table.selectedIndexes()}, reverse=True)
        if not rows and self.overrides_table.currentRow() >= 0:
            rows = [self.overrides_table.currentRow()]
        for row in rows:
            self.overrides_table.removeRow(row)

    def overrides(self) -> list[CalendarOverride]:
        result = []
        for row in range(self.overrides_table.rowCount()):
            day = self.overrides_table.cellWidget(row, 0)
            kind = self.overrides_table.cellWidget(row, 1)
            note = self.overrides_table.item(row, 2)
            source = self.overrides_table.item(row, 4)
            assert isinstance(day, QDateEdit)
            assert isinstance(kind, QComboBox)
            picked = day.date()
            result.append(
                CalendarOverride(
                    day=date(picked.year(), picked.month(), picked.day()),
                    kind=str(kind.currentData()),
                    note=note.text() if note is not None else "",
                    status=self.override_status(row),
                    source=source.text() if source is not None else "",
                )
            )
        return result

    # -- saving ----------------------------------------------------------------

    def collected(self) -> AppSettings:
        """The settings as edited (not validated)."""
        hours = OfficeHours(
            intervals=(
                (_pytime(self.morning_start.time()), _pytime(self.morning_end.time())),
                (_pytime(self.afternoon_start.time()), _pytime(self.afternoon_end.time())),
            ),
            same_day_cutoff=_pytime(self.cutoff.time()),
        )
        current = self.backups_page.apply(self._current)
        return replace(
            current,
            unit_name=self.unit_name.text(),
            unit_code=self.unit_code.text(),
            parent_body=self.parent_body.text(),
            place_name=self.place_name.text(),
            unit_phone=self.unit_phone.text(),
            public_lookup_url=self.lookup_url.text(),
            device_name=self.device_name.text(),
            device_slot=self.device_slot.value(),
            officer_phone=self.officer_phone.text(),
            office_hours=hours,
            due_soon_days=self.due_soon_days.value(),
            reminder_interval_minutes=self.reminder_interval.value(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
            printer_name=str(self.printer.currentData() or ""),
            paper_size=PaperSize(self.paper.currentData()),
            book_no=self.book_no.text(),
            language=str(self.language.currentData()),
        )

    def save(self) -> None:
        """OK: validate and store on the task runner; close only on success."""
        if self._loading:
            return  # the fields still show defaults, not the stored settings
        self.clear_errors()
        self._set_busy(True)
        self._runner.run_change(
            store_settings,
            self._services,
            self.collected(),
            self.overrides(),
            on_done=self._saved,
            on_error=self._save_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.tabs.setEnabled(not busy)

    def _saved(self, settings: AppSettings) -> None:
        self._set_busy(False)
        self._current = settings
        log.info(
            "settings saved (unit %s, device slot %s)", settings.unit_code, settings.device_slot
        )
        self.settings_saved.emit(settings)
        self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
        else:
            show_error(self, exc)

    # -- errors ----------------------------------------------------------------

    def clear_errors(self) -> None:
        for widget, label, _tab in self._fields.values():
            set_field_error(widget, label, None)
        set_field_error(None, self.general_error, None)

    def error_text(self, field: str) -> str:
        """The error shown for ``field`` ("" if none); for tests and callers."""
        entry = self._fields.get(field)
        return entry[1].text() if entry and not entry[1].isHidden() else ""

    def show_errors(self, errors: tuple[FieldError, ...] | list[FieldError]) -> None:
        """Show each message next to its field and focus the first one."""
        first: tuple[QWidget, int] | None = None
        grouped: dict[str, list[str]] = {}
        for err in errors:
            name = err.field
            if name.startswith("overrides["):
                index = int(name[len("overrides[") : name.index("]")])
                text = self.tr("Line {number}: {message}").format(
                    number=index + 1, message=field_message(err)
                )
                name = "overrides"
            else:
                text = field_message(err)
            grouped.setdefault(name if name in self._fields else "", []).append(text)
        for name, texts in grouped.items():
            if not name:
                set_field_error(None, self.general_error, "\n".join(texts))
                continue
            widget, label, tab = self._fields[name]
            set_field_error(widget, label, "\n".join(texts))
            if first is None:
                first = (widget, tab)
        if first is not None:
            self.tabs.setCurrentIndex(first[1])
            first[0].setFocus()
