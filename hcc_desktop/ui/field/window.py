"""Công tác lưu động: the field work window.

Three tabs: Saturday sessions (plan the rota, open one on its day, close it
with its summary previewed and a sync started), home visits (the register of
residents served at home, requests, plans, records; the worklist of visits
due) and the QR boards of the quarters. Every service call runs on the task
runner; the lists reload after each change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import HccError
from hcc_desktop.core.field import (
    DEFAULT_SESSION_END,
    DEFAULT_SESSION_START,
    FieldSession,
    HomeReason,
    HomeResident,
    HomeVisit,
    SessionFigures,
    SessionStatus,
    SessionSummary,
    VisitStatus,
)
from hcc_desktop.services import Services
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.field.models import SessionsModel, VisitsModel
from hcc_desktop.ui.field.operations import FieldSetup, read_field_setup, write_board

ERROR = QColor("#b3261e")


def _table(model: SessionsModel | VisitsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _pytime(edit: QTimeEdit) -> time:
    t = edit.time()
    return time(t.hour(), t.minute())


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def _next_saturday(today: date) -> date:
    return date.fromordinal(today.toordinal() + (5 - today.weekday()) % 7)


class FieldWorkWindow(QDialog):
    """Sessions, home visits and QR boards of the unit."""

    session_closed = Signal(object)  # SessionSummary
    board_saved = Signal(str)

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        request_sync: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._request_sync = request_sync
        self.preview: PdfPreviewDialog | None = None
        self._previewed: SessionSummary
        self._pending_resident = ""
        self._pending_session = ""
        self._pending_visit = ""
        # This computer's id and printer: read with the QR settings on the task runner.
        self._device_id = ""
        self._printer_name = ""
        self.setWindowTitle(self.tr("Field work"))
        self.resize(1040, 720)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_sessions(), self.tr("&Saturday sessions"))
        self.tabs.addTab(self._build_visits(), self.tr("&Home visits"))
        self.tabs.addTab(self._build_board(), self.tr("&QR boards"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        # First on the serial lane: the sessions that follow need this computer's id.
        self._runner.run(
            read_field_setup, services, on_done=self._setup_read, on_error=self._failed
        )
        self.reload_sessions()
        self.reload_visits()
        self.reload_residents()

    # -- sessions -----------------------------------------------------------------------

    def _build_sessions(self) -> QWidget:
        page = QWidget()
        self.sessions_model = SessionsModel(self)
        self.sessions_table = _table(self.sessions_model)
        self.open_button = QPushButton(self.tr("&Open the session"))
        self.open_button.setToolTip(
            self.tr("On the session's day: dossiers received on this computer belong to it")
        )
        self.close_session_button = QPushButton(self.tr("C&lose and print the summary"))
        self.summary_button = QPushButton(self.tr("Summary…"))
        self.cancel_session_button = QPushButton(self.tr("Cancel the session"))
        self.current_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.current_label, 1)
        for b in (
            self.open_button,
            self.close_session_button,
            self.summary_button,
            self.cancel_session_button,
        ):
            row.addWidget(b)

        today = local_now().date()
        self.quarter = QLineEdit()
        self.quarter.setPlaceholderText(self.tr("e.g. Khu phố 3"))
        self.session_day = _date_edit(_next_saturday(today))
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("e.g. the quarter's culture house"))
        self.start = QTimeEdit(QTime(DEFAULT_SESSION_START.hour, DEFAULT_SESSION_START.minute))
        self.end = QTimeEdit(QTime(DEFAULT_SESSION_END.hour, DEFAULT_SESSION_END.minute))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.officers = QLineEdit(logged_in_name(self._services))
        self.officers.setPlaceholderText(self.tr("names separated by commas"))
        self.plan_button = QPushButton(self.tr("&Add to the rota"))
        hours = QHBoxLayout()
        hours.addWidget(self.start)
        hours.addWidget(QLabel("–"))
        hours.addWidget(self.end)
        hours.addStretch(1)
        box = QGroupBox(self.tr("Plan a session"))
        form = QFormLayout(box)
        form.addRow(self.tr("Quarter"), self.quarter)
        form.addRow(self.tr("Day"), self.session_day)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Hours"), hours)
        form.addRow(self.tr("Officers"), self.officers)
        form.addRow("", self.plan_button)

        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.sessions_table, 1)
        layout.addWidget(self.figures_label)
        layout.addWidget(box)
        self.plan_button.clicked.connect(self.plan_session)
        self.open_button.clicked.connect(self.open_selected)
        self.close_session_button.clicked.connect(self.close_selected)
        self.summary_button.clicked.connect(self.show_selected_summary)
        self.cancel_session_button.clicked.connect(self.cancel_selected)
        self.sessions_table.selectionModel().selectionChanged.connect(self._session_selection)
        self._session_selection()
        return page

    def reload_sessions(self) -> None:
        self._runner.run(
            self._services.field.sessions.list, on_done=self._sessions_loaded, on_error=self._failed
        )
        year = local_now().year
        self._runner.run(
            self._services.field.sessions.figures,
            date_from=date(year, 1, 1),
            date_to=date(year, 12, 31),
            on_done=self._figures_loaded,
            on_error=self._failed,
        )

    def _figures_loaded(self, figures: tuple[list[SessionFigures], list[SessionFigures]]) -> None:
        _per_session, per_quarter = figures
        lines = [
            self.tr(
                "{quarter}: {sessions} sessions, {dossiers} dossiers, {returns} results returned"
            ).format(quarter=f.label, sessions=f.sessions, dossiers=f.dossiers, returns=f.returns)
            for f in per_quarter
        ]
        self.figures_label.setText(
            self.tr("This year by quarter — {lines}").format(lines="; ".join(lines))
            if lines
            else self.tr("No session held this year yet")
        )

    def _sessions_loaded(self, items: list[FieldSession]) -> None:
        selected = self.selected_session()
        self.sessions_model.set_items(items)
        keep = self._pending_session or (selected.id if selected else "")
        self._pending_session = ""
        if keep:
            self.select_session(keep)
        current = next(
            (
                x
                for x in items
                if x.status is SessionStatus.OPEN and x.opened_device_id == self._device_id
            ),
            None,
        )
        self.current_label.setText(
            self.tr("Open on this computer: {quarter}, {day} ({count} dossiers)").format(
                quarter=current.quarter,
                day=current.day.strftime("%d/%m/%Y"),
                count=current.dossier_count,
            )
            if current
            else self.tr("No session is open on this computer")
        )
        self._session_selection()

    def select_session(self, session_id: str) -> None:
        for row in range(self.sessions_model.rowCount()):
            if self.sessions_model.item(row).id == session_id:
                self.sessions_table.selectRow(row)
                return

    def selected_session(self) -> FieldSession | None:
        rows = self.sessions_table.selectionModel().selectedRows()
        return self.sessions_model.item(rows[0].row()) if rows else None

    def _session_selection(self, *_args: object) -> None:
        x = self.selected_session()
        status = x.status if x else None
        self.open_button.setEnabled(status is SessionStatus.PLANNED)
        self.close_session_button.setEnabled(status is SessionStatus.OPEN)
        self.summary_button.setEnabled(status in (SessionStatus.OPEN, SessionStatus.CLOSED))
        self.cancel_session_button.setEnabled(status is SessionStatus.PLANNED)

    def plan_session(self) -> None:
        self._runner.run(
            self._services.field.sessions.plan,
            quarter=self.quarter.text(),
            day=_pydate(self.session_day),
            place=self.place.text(),
            start=_pytime(self.start),
            end=_pytime(self.end),
            officers=[n for n in self.officers.text().split(",") if n.strip()],
            on_done=self._session_changed,
            on_error=self._failed,
        )

    def _session_changed(self, x: FieldSession) -> None:
        self._ok(self.tr("Session of {quarter} on {day}: {status}").format(
            quarter=x.quarter, day=x.day.strftime("%d/%m/%Y"), status=self._status_text(x)
        ))  # fmt: skip
        self._pending_session = x.id
        self.reload_sessions()

    def _status_text(self, x: FieldSession) -> str:
        from hcc_desktop.ui.field.models import session_status_label

        return session_status_label(x.status)

    def open_selected(self) -> None:
        x = self.selected_session()
        if x is not None:
            self._runner.run(
                self._services.field.sessions.open,
                x.id,
                on_done=self._session_changed,
                on_error=self._failed,
            )

    def cancel_selected(self) -> None:
        x = self.selected_session()
        if x is not None:
            self._runner.run(
                self._services.field.sessions.cancel,
                x.id,
                on_done=self._session_changed,
                on_error=self._failed,
            )

    def close_selected(self) -> None:
        x = self.selected_session()
        if x is not None:
            self._runner.run(
                self._services.field.sessions.close,
                x.id,
                on_done=self._closed,
                on_error=self._failed,
            )

    def _closed(self, summary: SessionSummary) -> None:
        self._ok(self.tr("Session closed: {count} dossiers received").format(
            count=summary.dossiers
        ))  # fmt: skip
        self.reload_sessions()
        self._preview_summary(summary)
        # The office sees the session's dossiers the same day.
        if self._request_sync is not None:
            self._request_sync()
        self.session_closed.emit(summary)

    def show_selected_summary(self) -> None:
        x = self.selected_session()
        if x is not None:
            self._runner.run(
                self._services.field.sessions.summary,
                x.id,
                on_done=self._preview_summary,
                on_error=self._failed,
            )

    def _preview_summary(self, summary: SessionSummary) -> None:
        self._previewed = summary
        self._runner.run(
            self._services.field.summary_pdf,
            summary,
            on_done=self._show_pdf,
            on_error=self._failed,
        )

    def _show_pdf(self, pdf: bytes) -> None:
        ses = self._previewed.session
        dialog = PdfPreviewDialog(
            pdf,
            title=self.tr("Saturday session summary"),
            copies=1,
            printer_name=self._printer_name,
            file_name=f"buoi-thu-bay-{ses.day:%Y%m%d}",
            parent=self,
        )
        self.preview = dialog
        dialog.show()

    # -- home visits --------------------------------------------------------------------

    def _build_visits(self) -> QWidget:
        page = QWidget()
        self.due_only = QCheckBox(self.tr("Only visits due (to plan, or planned within 7 days)"))
        self.due_only.setChecked(True)
        self.visits_model = VisitsModel(self)
        self.visits_table = _table(self.visits_model)

        today = local_now().date()
        self.resident_name = QLineEdit()
        self.reason_boxes: dict[HomeReason, QCheckBox] = {
            HomeReason.AGE: QCheckBox(self.tr("Elderly")),
            HomeReason.DISABILITY: QCheckBox(self.tr("Disability")),
            HomeReason.ALONE: QCheckBox(self.tr("Living alone")),
            HomeReason.ILLNESS: QCheckBox(self.tr("Ill, cannot travel")),
            HomeReason.OTHER: QCheckBox(self.tr("Other")),
        }
        reasons = QHBoxLayout()
        for box in self.reason_boxes.values():
            reasons.addWidget(box)
        self.resident_quarter = QLineEdit()
        self.resident_address = QLineEdit()
        self.resident_phone = QLineEdit()
        self.consent_on = _date_edit(today)
        self.consent_given = QCheckBox(self.tr("Consent recorded on"))
        consent = QHBoxLayout()
        consent.addWidget(self.consent_given)
        consent.addWidget(self.consent_on)
        consent.addStretch(1)
        self.add_resident_button = QPushButton(self.tr("Add to the register"))
        register = QGroupBox(self.tr("Register a resident served at home"))
        rform = QFormLayout(register)
        rform.addRow(self.tr("Full name"), self.resident_name)
        rform.addRow(self.tr("Why at home"), reasons)
        rform.addRow(self.tr("Quarter"), self.resident_quarter)
        rform.addRow(self.tr("Address"), self.resident_address)
        rform.addRow(self.tr("Phone"), self.resident_phone)
        rform.addRow("", consent)
        rform.addRow("", self.add_resident_button)

        self.resident_combo = QComboBox()
        self.purpose = QLineEdit()
        self.purpose.setPlaceholderText(self.tr("e.g. certify copies, register a death"))
        self.requested_by = QLineEdit()
        self.requested_by.setPlaceholderText(self.tr("the resident, a relative, the quarter head…"))
        self.request_button = QPushButton(self.tr("Record the request"))
        request = QGroupBox(self.tr("Visit request"))
        qform = QFormLayout(request)
        qform.addRow(self.tr("Resident"), self.resident_combo)
        qform.addRow(self.tr("For"), self.purpose)
        qform.addRow(self.tr("Asked by"), self.requested_by)
        qform.addRow("", self.request_button)

        self.visit_day = _date_edit(today)
        self.visit_officer = QLineEdit(logged_in_name(self._services))
        self.plan_visit_button = QPushButton(self.tr("Plan the selected visit"))
        self.outcome = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(self.tr(" min"))
        self.dossiers_received = QSpinBox()
        self.results_delivered = QSpinBox()
        self.ratings_taken = QSpinBox()
        self.record_button = QPushButton(self.tr("Record the selected visit as done"))
        act = QGroupBox(self.tr("Plan and record"))
        grid = QGridLayout(act)
        grid.addWidget(QLabel(self.tr("Visit day")), 0, 0)
        grid.addWidget(self.visit_day, 0, 1)
        grid.addWidget(QLabel(self.tr("Officer")), 0, 2)
        grid.addWidget(self.visit_officer, 0, 3)
        grid.addWidget(self.plan_visit_button, 0, 4)
        grid.addWidget(QLabel(self.tr("Outcome")), 1, 0)
        grid.addWidget(self.outcome, 1, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Time spent")), 2, 0)
        grid.addWidget(self.minutes, 2, 1)
        grid.addWidget(QLabel(self.tr("Dossiers received")), 2, 2)
        grid.addWidget(self.dossiers_received, 2, 3)
        grid.addWidget(QLabel(self.tr("Results delivered")), 3, 0)
        grid.addWidget(self.results_delivered, 3, 1)
        grid.addWidget(QLabel(self.tr("Ratings taken")), 3, 2)
        grid.addWidget(self.ratings_taken, 3, 3)
        grid.addWidget(self.record_button, 3, 4)

        forms = QHBoxLayout()
        forms.addWidget(register, 3)
        forms.addWidget(request, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.due_only)
        layout.addWidget(self.visits_table, 1)
        layout.addWidget(act)
        layout.addLayout(forms)

        self.due_only.toggled.connect(self.reload_visits)
        self.add_resident_button.clicked.connect(self.add_resident)
        self.request_button.clicked.connect(self.request_visit)
        self.plan_visit_button.clicked.connect(self.plan_visit)
        self.record_button.clicked.connect(self.record_visit)
        self.visits_table.selectionModel().selectionChanged.connect(self._visit_selection)
        self._visit_selection()
        return page

    def reload_visits(self) -> None:
        visits = self._services.field.visits
        if self.due_only.isChecked():
            self._runner.run(visits.due, on_done=self._visits_loaded, on_error=self._failed)
        else:
            self._runner.run(visits.visits, on_done=self._visits_loaded, on_error=self._failed)

    def _visits_loaded(self, items: list[HomeVisit] | tuple[HomeVisit, ...]) -> None:
        selected = self.selected_visit()
        self.visits_model.set_items(list(items))
        keep = self._pending_visit or (selected.id if selected else "")
        self._pending_visit = ""
        if keep:
            self.select_visit(keep)
        self._visit_selection()

    def reload_residents(self) -> None:
        self._runner.run(
            self._services.field.visits.residents,
            on_done=self._residents_loaded,
            on_error=self._failed,
        )

    def _residents_loaded(self, items: list[HomeResident]) -> None:
        current = self._pending_resident or self.resident_combo.currentData()
        self._pending_resident = ""
        self.resident_combo.clear()
        for r in items:
            self.resident_combo.addItem(f"{r.full_name} · {r.quarter} · {r.address}", r.id)
        index = self.resident_combo.findData(current)
        if index >= 0:
            self.resident_combo.setCurrentIndex(index)

    def select_visit(self, visit_id: str) -> None:
        for row in range(self.visits_model.rowCount()):
            if self.visits_model.item(row).id == visit_id:
                self.visits_table.selectRow(row)
                return

    def selected_visit(self) -> HomeVisit | None:
        rows = self.visits_table.selectionModel().selectedRows()
        return self.visits_model.item(rows[0].row()) if rows else None

    def _visit_selection(self, *_args: object) -> None:
        v = self.selected_visit()
        status = v.status if v else None
        self.plan_visit_button.setEnabled(status in (VisitStatus.REQUESTED, VisitStatus.PLANNED))
        self.record_button.setEnabled(status is VisitStatus.PLANNED)

    def add_resident(self) -> None:
        self._runner.run(
            self._services.field.visits.add_resident,
            full_name=self.resident_name.text(),
            reasons=[k.value for k, box in self.reason_boxes.items() if box.isChecked()],
            quarter=self.resident_quarter.text(),
            address=self.resident_address.text(),
            phone=self.resident_phone.text(),
            consent_on=_pydate(self.consent_on) if self.consent_given.isChecked() else None,
            on_done=self._resident_added,
            on_error=self._failed,
        )

    def _resident_added(self, r: HomeResident) -> None:
        self._ok(self.tr("{name} is on the home-service register").format(name=r.full_name))
        for edit in (
            self.resident_name,
            self.resident_quarter,
            self.resident_address,
            self.resident_phone,
        ):
            edit.clear()
        for box in self.reason_boxes.values():
            box.setChecked(False)
        self.consent_given.setChecked(False)
        # The new resident is the one a request is most likely about.
        self._pending_resident = r.id
        self.reload_residents()

    def request_visit(self) -> None:
        self._runner.run(
            self._services.field.visits.request,
            resident_id=str(self.resident_combo.currentData() or ""),
            purpose=self.purpose.text(),
            requested_by=self.requested_by.text(),
            on_done=self._visit_changed,
            on_error=self._failed,
        )

    def plan_visit(self) -> None:
        v = self.selected_visit()
        if v is not None:
            self._runner.run(
                self._services.field.visits.plan,
                v.id,
                day=_pydate(self.visit_day),
                officer=self.visit_officer.text(),
                on_done=self._visit_changed,
                on_error=self._failed,
            )

    def record_visit(self) -> None:
        v = self.selected_visit()
        if v is not None:
            self._runner.run(
                self._services.field.visits.record,
                v.id,
                outcome=self.outcome.text(),
                minutes_spent=self.minutes.value(),
                dossiers_received=self.dossiers_received.value(),
                results_delivered=self.results_delivered.value(),
                ratings_taken=self.ratings_taken.value(),
                on_done=self._visit_changed,
                on_error=self._failed,
            )

    def _visit_changed(self, v: HomeVisit) -> None:
        from hcc_desktop.ui.field.models import visit_status_label

        self._ok(self.tr("Visit to {name}: {status}").format(
            name=v.resident_name, status=visit_status_label(v.status)
        ))  # fmt: skip
        if v.status is VisitStatus.REQUESTED:
            self.purpose.clear()
            self.requested_by.clear()
        if v.status is VisitStatus.DONE:
            self.outcome.clear()
            self.minutes.setValue(0)
            for spin in (self.dossiers_received, self.results_delivered, self.ratings_taken):
                spin.setValue(0)
        self._pending_visit = v.id
        self.reload_visits()

    # -- QR boards ----------------------------------------------------------------------

    def _build_board(self) -> QWidget:
        page = QWidget()
        self.board_quarter = QLineEdit()
        self.board_quarter.setPlaceholderText(self.tr("e.g. Khu phố 3"))
        self.board_count = QSpinBox()
        self.board_count.setRange(1, 9)
        self.board_count.setValue(6)
        self.url_template = QLineEdit()
        # Disabled until the saved address arrives from the task runner (_setup_read).
        self.url_template.setEnabled(False)
        self.url_template.setToolTip(self.tr("{code} is replaced by the procedure's code"))
        self.save_template_button = QPushButton(self.tr("Save the address"))
        self.export_board_button = QPushButton(self.tr("&Export the board (PDF)…"))
        template = QHBoxLayout()
        template.addWidget(self.url_template, 1)
        template.addWidget(self.save_template_button)
        note = QLabel(
            self.tr(
                "An A4 poster for the quarter: the ward's name, QR codes to the information "
                "pages of the most used procedures, the quarter's next Saturday sessions and "
                "the center's phone number."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Quarter"), self.board_quarter)
        form.addRow(self.tr("Procedures"), self.board_count)
        form.addRow(self.tr("Procedure page address"), template)
        layout = QVBoxLayout(page)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.export_board_button)
        layout.addStretch(1)
        self.save_template_button.setEnabled(False)
        self.save_template_button.clicked.connect(self.save_template)
        self.export_board_button.clicked.connect(self.ask_board_path)
        return page

    def _setup_read(self, setup: FieldSetup) -> None:
        self._device_id = setup.device_id
        self._printer_name = setup.printer_name
        self.url_template.setText(setup.url_template)
        self.url_template.setEnabled(True)
        self.save_template_button.setEnabled(True)

    def save_template(self) -> None:
        self._runner.run(
            self._services.field.qr.save_qr_settings,
            template=self.url_template.text(),
            on_done=self._template_saved,
            on_error=self._failed,
        )

    def _template_saved(self, _settings: object) -> None:
        self._ok(self.tr("Saved"))

    def ask_board_path(self) -> None:
        name = "bang-qr-" + "-".join(self.board_quarter.text().split()).lower() + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the QR board"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_board(path)

    def export_board(self, path: str) -> None:
        self._runner.run(
            write_board,
            self._services,
            path,
            self.board_quarter.text(),
            self.board_count.value(),
            on_done=self._board_written,
            on_error=self._failed,
        )

    def _board_written(self, path: str) -> None:
        self._ok(self.tr("QR board written to {path}").format(path=path))
        self.board_saved.emit(path)

    # -- messages -----------------------------------------------------------------------

    def _ok(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        text = error_message(exc) if isinstance(exc, HccError) else str(exc)
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR.name()};")
