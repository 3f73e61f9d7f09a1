"""The dossier window: everything about one dossier after intake.

A header (code, applicant, procedure, appointments, status, holder, on-time
badge), the papers received, the whole timeline, and the actions the
dossier's status allows, each opening its own small dialog; the forms that
apply (Mẫu 01–06) from the Print menu; the satisfaction screen once the
result is ready. Writes and PDFs go through the task runner; the window
reloads whenever the dossier changes (ui.changes).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import (
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.accounts import Permission
from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import (
    Action,
    Dossier,
    DossierEvent,
    DossierStatus,
    ReceivedComponent,
    Timeliness,
)
from hcc_desktop.core.errors import HccError
from hcc_desktop.core.lifecycle import CLOCK_RUNNING
from hcc_desktop.services import Services
from hcc_desktop.ui.attachments.panel import AttachmentsPanel
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.dialog_parts import pdf_preview
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP, error_message
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import (
    OVERDUE_COLOR,
    channel_name,
    format_datetime,
    late_days_text,
    status_name,
)
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.operations import DossierView, read_dossier
from hcc_desktop.ui.dossier.timeline import (
    DOC_FORMS,
    TimelineColumn,
    TimelineModel,
    timeliness_name,
    translate_timeline,
)
from hcc_desktop.ui.dossier.transition import ACTION_LABELS, TransitionDialog, action_label

log = logging.getLogger(__name__)

MAX_COMPONENT_ROWS = 4

# The forms of Circular 03/2025 a dossier can print: number -> (service method, title).
FORMS: dict[str, tuple[str, str]] = {
    "01": ("receipt_pdf", QT_TRANSLATE_NOOP("DossierDialog", "Form 0&1 – Receipt and appointment")),
    "02": (
        "supplement_request_pdf",
        QT_TRANSLATE_NOOP("DossierDialog", "Form 0&2 – Request to complete the dossier"),
    ),
    "03": ("refusal_pdf", QT_TRANSLATE_NOOP("DossierDialog", "Form 0&3 – Refusal of the dossier")),
    "04": (
        "apology_pdf",
        QT_TRANSLATE_NOOP("DossierDialog", "Form 0&4 – Print the apology letter again"),
    ),
    "05": (
        "stop_notice_pdf",
        QT_TRANSLATE_NOOP("DossierDialog", "Form 0&5 – Notice of stopping the processing"),
    ),
    "06": (
        "control_slip_pdf",
        QT_TRANSLATE_NOOP("DossierDialog", "Form 0&6 – Process control slip"),
    ),
}


def _render_form(services: Services, dossier_id: str, number: str) -> tuple[str, bytes]:
    """Worker side: form ``number`` of the dossier as PDF bytes."""
    function, _title = FORMS[number]
    return number, getattr(services.printing, function)(dossier_id)


def open_action_dialog(
    services: Services,
    runner: TaskRunner,
    key: str | Dossier,
    action: Action | str,
    parent: QWidget | None = None,
    *,
    events: Sequence[DossierEvent] | None = None,
) -> QDialog:
    """The dialog for one action (TransitionDialog, or ReturnDialog for a
    return), created but not shown: for worklists that act on a dossier.
    ``key`` may be the dossier itself (with its ``events``), already read."""
    if Action(action) is Action.RETURN:
        from hcc_desktop.ui.dossier.return_dialog import ReturnDialog

        return ReturnDialog(services, runner, key, parent, events=events)
    return TransitionDialog(services, runner, key, action, parent, events=events)


_BADGE_STYLES = {
    "good": "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;",
    "late": f"background: #fdecea; color: {OVERDUE_COLOR}; border: 1px solid #f5c2c0;",
    "open": "background: #e3f2fd; color: #0d47a1; border: 1px solid #90caf9;",
}


class DossierDialog(QDialog):
    """One dossier: header, papers, timeline, actions, forms, rating."""

    dossier_changed = Signal(str)  # dossier id, after every change made from here

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
        self._key = key
        self._dossier: Dossier | None = None
        self._events: list[DossierEvent] = []
        self._dialogs: list[QDialog] = []
        self._printing = False
        self._apology_ok = False
        self._pending_reads = 0
        self._read_generation = 0
        self.setWindowTitle(self.tr("Dossier {key}").format(key=key))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        change_hub().changed.connect(self._on_changed)
        self.reload()
        fit_to_screen(self, QSize(1280, 740))

    # == building ====================================================================

    def _value(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _build(self) -> None:
        self.code_label = QLabel()
        font = self.code_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setToolTip(self.tr("Select to copy the code"))
        self.status_label = QLabel()
        status_font = self.status_label.font()
        status_font.setPointSizeF(status_font.pointSizeF() * 1.15)
        status_font.setBold(True)
        self.status_label.setFont(status_font)
        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.code_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        top.addSpacing(8)
        top.addWidget(self.badge)

        self.fields: dict[str, QLabel] = {}
        left = QFormLayout()
        right = QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setVerticalSpacing(3)
        for form, name, text in (
            (left, "applicant", self.tr("Applicant")),
            (left, "id_number", self.tr("ID number")),
            (left, "phone", self.tr("Phone")),
            (left, "address", self.tr("Address")),
            (left, "submitter", self.tr("Submitted by")),
            (right, "procedure", self.tr("Procedure")),
            (right, "channel", self.tr("Channel")),
            (right, "received", self.tr("Received")),
            (right, "due", self.tr("Appointment")),
            (right, "original_due", self.tr("Original appointment")),
            (right, "proposed_due", self.tr("New appointment (Form 04)")),
            (right, "holder", self.tr("Held by")),
            (right, "returned", self.tr("Result returned")),
            (left, "paid_online", self.tr("Paid online")),
            (left, "e_result", self.tr("Electronic result")),
        ):
            label = self._value()
            self.fields[name] = label
            form.addRow(text, label)
        self._forms = {"left": left, "right": right}
        bold = self.fields["applicant"].font()
        bold.setBold(True)
        self.fields["applicant"].setFont(bold)
        self.fields["due"].setFont(bold)

        header = QGridLayout()
        header.addLayout(top, 0, 0, 1, 2)
        header.addLayout(left, 1, 0)
        header.addLayout(right, 1, 1)
        header.setColumnStretch(0, 1)
        header.setColumnStretch(1, 1)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.hide()

        self.components = QListWidget()
        self.components.setAlternatingRowColors(True)
        self.components.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        components_box = QGroupBox(self.tr("Papers received"))
        cb = QVBoxLayout(components_box)
        cb.setContentsMargins(6, 4, 6, 6)
        cb.addWidget(self.components)
        self.attachments = AttachmentsPanel(
            self._services, self._runner, self.components.currentRow
        )
        self.attachments.attached.connect(lambda _info: self.reload())
        cb.addWidget(self.attachments)

        self.timeline_model = TimelineModel(self)
        self.timeline = QTableView()
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        h = self.timeline.horizontalHeader()
        h.setHighlightSections(False)
        metrics = self.timeline.fontMetrics()
        pad = 2 * metrics.horizontalAdvance("M")
        for column, sample in (
            (TimelineColumn.TIME, "31/12/2026 16:59"),
            (TimelineColumn.ACTION, "Yêu cầu bổ sung hồ sơ"),
            (TimelineColumn.ACTOR, "Nguyễn Thị Phương"),
            (TimelineColumn.STATUS, "Yêu cầu bổ sung giấy tờ → Đang xử"),
        ):
            self.timeline.setColumnWidth(column, metrics.horizontalAdvance(sample) + pad)
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(TimelineColumn.DETAILS, QHeaderView.ResizeMode.Stretch)
        self.timeline.verticalHeader().setMinimumSectionSize(metrics.height() + 10)
        # Wrapped details need the row heights again whenever a column's width
        # changes; once the header has settled (a stretched column moves last).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        h.sectionResized.connect(self._fit_timer.start)
        timeline_box = QGroupBox(self.tr("Processing history"))
        tb = QVBoxLayout(timeline_box)
        tb.setContentsMargins(6, 4, 6, 6)
        tb.addWidget(self.timeline)

        left_column = QVBoxLayout()
        left_column.addWidget(components_box)
        left_column.addWidget(timeline_box, 1)

        self._build_actions()

        body = QHBoxLayout()
        body.addLayout(left_column, 1)
        body.addWidget(self.actions_box)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.load_error = QLabel()
        self.load_error.setStyleSheet("color: #b3261e;")
        self.load_error.setWordWrap(True)
        self.load_error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.load_error)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(line)
        layout.addLayout(body, 1)

        QShortcut(QKeySequence.StandardKey.Refresh, self).activated.connect(self.reload)

    def _build_actions(self) -> None:
        self.actions_box = QGroupBox(self.tr("Actions"))
        self.actions_box.setMinimumWidth(250)
        v = QVBoxLayout(self.actions_box)
        v.setSpacing(4)
        self.action_buttons: dict[Action, QPushButton] = {}
        # Buttons keep the dialog default "auto-default": Enter presses the
        # focused one; with the focus elsewhere Enter does nothing.
        for action in ACTION_LABELS:
            button = QPushButton(action_label(action))
            button.setStyleSheet("text-align: left; padding: 5px 10px;")
            button.clicked.connect(self._on_action_clicked)
            button.setProperty("action", action.value)
            self.action_buttons[action] = button
            v.addWidget(button)
        self.no_action_label = QLabel(self.tr("No further action: the dossier is closed."))
        self.no_action_label.setWordWrap(True)
        self.no_action_label.setStyleSheet("color: #5f6368;")
        v.addWidget(self.no_action_label)
        v.addSpacing(10)

        self.apology_button = QPushButton(self.tr("&Apology and new appointment (Form 04)…"))
        self.apology_button.setStyleSheet("text-align: left; padding: 5px 10px;")
        self.apology_button.clicked.connect(self.open_apology)
        v.addWidget(self.apology_button)

        self.rating_button = QPushButton(self.tr("Satisfaction ra&ting…"))
        self.rating_button.setStyleSheet("text-align: left; padding: 5px 10px;")
        self.rating_button.clicked.connect(self.open_rating)
        v.addWidget(self.rating_button)

        self.print_menu = QMenu(self)
        self.form_actions: dict[str, QAction] = {}
        for number, (_function, title) in FORMS.items():
            act = QAction(self.tr(title), self)
            act.setData(number)
            act.triggered.connect(self._on_form_triggered)
            self.form_actions[number] = act
        self.new_apology_action = QAction(self.tr("Form 04 – Apology and new &appointment…"), self)
        self.new_apology_action.triggered.connect(self.open_apology)
        for number in ("01", "02", "03"):
            self.print_menu.addAction(self.form_actions[number])
        self.print_menu.addAction(self.new_apology_action)
        for number in ("04", "05", "06"):
            self.print_menu.addAction(self.form_actions[number])
        self.print_button = QPushButton(self.tr("&Print forms"))
        self.print_button.setStyleSheet("text-align: left; padding: 5px 10px;")
        self.print_button.setMenu(self.print_menu)
        v.addWidget(self.print_button)

        # The citizen's data on request (issue 12 item 4): leader and administrator.
        self.citizen_export_button = QPushButton(self.tr("Export citi&zen's data…"))
        self.citizen_export_button.setStyleSheet("text-align: left; padding: 5px 10px;")
        self.citizen_export_button.clicked.connect(self.open_citizen_export)
        self.citizen_export_button.setVisible(self._services.session.can(Permission.ACCESS_LOG))
        v.addWidget(self.citizen_export_button)

        v.addStretch(1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        v.addWidget(self.close_button)

    # == loading =====================================================================

    def dossier(self) -> Dossier | None:
        return self._dossier

    def dossier_id(self) -> str:
        return self._dossier.id if self._dossier is not None else ""

    @property
    def loading(self) -> bool:
        """True while the dossier is being read on the task runner."""
        return self._pending_reads > 0

    def reload(self) -> None:
        """Read the dossier and its timeline again (on the task runner) and
        redraw everything when they arrive."""
        key = self._dossier.id if self._dossier is not None else self._key
        self._read_generation += 1
        self._pending_reads += 1
        if self._pending_reads == 1:
            self.setCursor(Qt.CursorShape.BusyCursor)  # the brief "loading" state
        self._runner.run(
            read_dossier,
            self._services,
            key,
            self._read_generation,
            # The window's first read is its opening (access log); a reload after a
            # change shows the same window to the same officer.
            self._dossier is None,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _read_finished(self) -> None:
        self._pending_reads -= 1
        if self._pending_reads == 0:
            self.unsetCursor()

    def _load_failed(self, exc: BaseException) -> None:
        self._read_finished()
        if not isinstance(exc, HccError):
            raise exc
        self.load_error.setText(error_message(exc))
        self.load_error.show()
        for button in self.action_buttons.values():
            button.hide()
        self.print_button.setEnabled(False)
        self.rating_button.hide()
        self.apology_button.hide()

    def _loaded(self, view: DossierView) -> None:
        self._read_finished()
        if view.generation != self._read_generation:
            return  # a newer read is on its way
        dossier, events = view.dossier, view.events
        self.load_error.hide()
        self._dossier = dossier
        self._events = events
        self._show_header(view)
        self._show_components(dossier)
        self.attachments.set_dossier(dossier)
        self.timeline_model.set_events(events)
        self._fit_rows()
        if events:
            self.timeline.scrollToBottom()
        self._show_actions(dossier, events)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches_dossiers:
            return
        if self._dossier is None or changes.all_dossiers or self._dossier.id in changes.dossiers:
            self.reload()

    def _row_visible(self, name: str, visible: bool) -> None:
        label = self.fields[name]
        for form in self._forms.values():
            row, _role = form.getWidgetPosition(label)
            if row >= 0:
                form.setRowVisible(row, visible)

    def _show_header(self, view: DossierView) -> None:
        d = view.dossier
        self.setWindowTitle(
            self.tr("Dossier {code} – {name}").format(code=d.code, name=d.owner.full_name)
        )
        self.code_label.setText(d.code)
        self.status_label.setText(status_name(d.status))
        self.status_label.setToolTip(
            self.tr("National status code: {code}").format(code=int(d.status))
        )
        verdict = view.verdict
        self.badge.setText(timeliness_name(verdict))
        if d.ended_at is None and verdict is None:
            style = _BADGE_STYLES["open"]
        elif verdict is Timeliness.LATE:
            style = _BADGE_STYLES["late"]
        else:
            style = _BADGE_STYLES["good"]
        self.badge.setStyleSheet(f"QLabel {{ {style} border-radius: 10px; padding: 3px 12px; }}")
        self.badge.setProperty("timeliness", verdict.value if verdict else "open")

        f = self.fields
        f["applicant"].setText(d.owner.full_name)
        f["id_number"].setText(d.owner.id_number)
        f["phone"].setText(d.owner.phone or "—")
        f["address"].setText(d.owner.address or "—")
        if d.submitter is not None:
            f["submitter"].setText(
                " · ".join(
                    x
                    for x in (d.submitter.full_name, d.submitter.id_number, d.submitter.phone)
                    if x
                )
            )
        self._row_visible("submitter", d.submitter is not None)
        f["procedure"].setText(f"{d.procedure_code} – {d.procedure_name}")
        f["paid_online"].setText(self._flag_text(d.paid_online))
        f["e_result"].setText(self._flag_text(d.e_result))
        f["channel"].setText(channel_name(d.channel))
        f["received"].setText(
            self.tr("{time} by {officer}").format(
                time=format_datetime(d.received_at), officer=d.received_by or "—"
            )
        )
        due = view.due
        due_text = format_datetime(due)
        if d.status is DossierStatus.SUPPLEMENT_REQUESTED and d.waiting_since is not None:
            due_text += " " + self.tr(
                "(clock stopped since {time}, waiting for the citizen)"
            ).format(time=format_datetime(d.waiting_since))
        f["due"].setText(due_text)
        f["due"].setStyleSheet(f"color: {OVERDUE_COLOR};" if verdict is Timeliness.LATE else "")
        moved = d.original_due_at is not None and d.original_due_at != due
        if moved and d.original_due_at is not None:
            f["original_due"].setText(
                self.tr("{time} (moved by the supplement waiting time)").format(
                    time=format_datetime(d.original_due_at)
                )
            )
        self._row_visible("original_due", moved)
        if d.proposed_due_at is not None:
            f["proposed_due"].setText(format_datetime(d.proposed_due_at))
        self._row_visible("proposed_due", d.proposed_due_at is not None)
        f["holder"].setText(d.holder or d.received_by or "—")
        if d.returned_at is not None:
            f["returned"].setText(format_datetime(d.returned_at))
        self._row_visible("returned", d.returned_at is not None)
        self._show_banner(view)

    def _apology_applies(self, view: DossierView) -> bool:
        d, verdict, due = view.dossier, view.verdict, view.due
        if d.ended_at is not None or d.status not in CLOCK_RUNNING:
            return False
        if d.proposed_due_at is not None:
            # Apology once: one is on record with a new appointment.
            return False
        if verdict is Timeliness.LATE:
            return True
        return due.date() <= view.next_working_day

    def _show_banner(self, view: DossierView) -> None:
        d, verdict, due = view.dossier, view.verdict, view.due
        self._apology_ok = self._apology_applies(view)
        if self._show_new_appointment(d):
            return
        if not self._apology_ok:
            self.banner.hide()
            return
        if verdict is Timeliness.LATE:
            days = view.working_days_late
            text = self.tr(
                "This dossier is <b>overdue</b> (appointment {due}, {late}). Send the citizen "
                "an apology with a new appointment (Form 04)."
            ).replace("{late}", late_days_text(days))
            style = "background: #fdecea; color: #7f1d1d; border: 1px solid #f5c2c0;"
        else:
            text = self.tr(
                "The appointment is near ({due}). If the result will be late, send the "
                "citizen an apology with a new appointment (Form 04) before it."
            )
            style = "background: #fff8e1; color: #6d4c00; border: 1px solid #ffe082;"
        self.banner.setText(text.format(due=format_datetime(due)))
        self.banner.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 6px 8px; }}")
        self.banner.show()

    def _show_new_appointment(self, d: Dossier) -> bool:
        """After an apology: the new appointment and whether it is at risk, no second
        apology. False when there is nothing of the kind to show."""
        proposed = d.proposed_due_at
        if proposed is None or d.ended_at is not None or d.status not in CLOCK_RUNNING:
            return False
        today = local_now().date()
        if today > proposed.date():
            text = self.tr(
                "An apology was sent; the <b>new appointment {due} has passed</b>. Return the "
                "result as soon as possible."
            )
            style = "background: #fdecea; color: #7f1d1d; border: 1px solid #f5c2c0;"
        elif today == proposed.date():
            text = self.tr("An apology was sent; the <b>new appointment is today</b> ({due}).")
            style = "background: #fff8e1; color: #6d4c00; border: 1px solid #ffe082;"
        else:
            text = self.tr("An apology was sent; new appointment {due}.")
            style = "background: #e8f0fe; color: #1a3a6b; border: 1px solid #c6d8f7;"
        self.banner.setText(text.format(due=format_datetime(proposed)))
        self.banner.setProperty("at_risk", today >= proposed.date())
        self.banner.setStyleSheet(f"QLabel {{ {style} border-radius: 3px; padding: 6px 8px; }}")
        self.banner.show()
        return True

    def _flag_text(self, value: bool | None) -> str:
        """Yes / No, or "not recorded" for dossiers from before the flag existed."""
        if value is None:
            return self.tr("not recorded")
        return self.tr("Yes") if value else self.tr("No")

    def _component_text(self, index: int, c: ReceivedComponent) -> str:
        text = f"{index}. {c.name} — {c.count} {translate_timeline(DOC_FORMS[c.form])}"
        if c.reused_digital:
            text += " " + self.tr("(digitised copy reused)")
        if c.digitised is None:
            text += " " + self.tr("(scan not recorded)")
        elif c.digitised:
            text += " " + self.tr("(scanned)")
        return text

    def _show_components(self, d: Dossier) -> None:
        self.components.clear()
        for i, c in enumerate(d.components, 1):
            self.components.addItem(self._component_text(i, c))
            self.components.item(i - 1).setToolTip(c.name)
        if not d.components:
            self.components.addItem(self.tr("(no paper recorded)"))
        # As tall as its lines, up to four; a long checklist scrolls.
        rows = min(max(self.components.count(), 1), MAX_COMPONENT_ROWS)
        row_height = self.components.sizeHintForRow(0) if self.components.count() else 18
        frame = 2 * self.components.frameWidth()
        self.components.setFixedHeight(rows * row_height + frame + 2)

    def _fit_rows(self, *_args: object) -> None:
        # A little air around wrapped lines; never below one comfortable line.
        least = self.timeline.verticalHeader().minimumSectionSize()
        for row in range(self.timeline_model.rowCount()):
            self.timeline.setRowHeight(row, max(least, self.timeline.sizeHintForRow(row) + 8))

    def _show_actions(self, d: Dossier, events: list[DossierEvent]) -> None:
        allowed = set(self._services.lifecycle.allowed_actions(d))
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)
            button.setEnabled(True)
        self.no_action_label.setVisible(not allowed)
        kinds = {e.kind for e in events}
        self.form_actions["01"].setVisible(True)
        self.form_actions["02"].setVisible("supplement_requested" in kinds)
        self.form_actions["03"].setVisible("refused" in kinds)
        self.form_actions["04"].setVisible("apology_issued" in kinds)
        self.form_actions["05"].setVisible("stopped" in kinds)
        self.form_actions["06"].setVisible(True)
        # The apology is the leader's (core/permissions): the service refuses it anyway.
        may_apologise = self._services.session.can(Permission.APOLOGIES)
        self.new_apology_action.setVisible(self._apology_ok and may_apologise)
        self.apology_button.setVisible(self._apology_ok and may_apologise)
        self.print_button.setEnabled(not self._printing)
        self.rating_button.setVisible(d.status in (DossierStatus.PROCESSED, DossierStatus.RETURNED))

    # == accessors for callers and tests =============================================

    def visible_actions(self) -> list[Action]:
        return [a for a, b in self.action_buttons.items() if not b.isHidden()]

    def printable_forms(self) -> list[str]:
        return [n for n, a in self.form_actions.items() if a.isVisible()]

    def apology_offered(self) -> bool:
        return self._apology_ok

    def open_dialogs(self) -> list[QDialog]:
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)]
        return list(self._dialogs)

    # == actions =====================================================================

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._dialogs = [*self.open_dialogs(), dialog]
        dialog.open()
        return dialog

    def _on_action_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.open_action(Action(str(button.property("action"))))

    def open_action(self, action: Action) -> QDialog | None:
        """Open the dialog of ``action`` for this dossier."""
        if self._dossier is None:
            return None
        try:
            # The dossier and its timeline were read on the task runner: handed over.
            dialog = open_action_dialog(
                self._services, self._runner, self._dossier, action, self, events=self._events
            )
        except HccError as exc:
            show_error(self, exc)
            return None
        if isinstance(dialog, TransitionDialog):
            dialog.transition_done.connect(self._changed_here)
        else:
            dialog.returned.connect(self._changed_here)
            dialog.rated.connect(self._changed_here)
        return self._open(dialog)

    def open_apology(self) -> QDialog | None:
        if self._dossier is None:
            return None
        from hcc_desktop.ui.dossier.apology import ApologyDialog

        dialog = ApologyDialog(
            self._services, self._runner, self._dossier, self, events=self._events
        )
        dialog.apology_issued.connect(self._changed_here)
        return self._open(dialog)

    def open_citizen_export(self) -> QDialog | None:
        """The access-log page on the applicant's identity number, where the export is
        chosen (the service checks the role again)."""
        if self._dossier is None:
            return None
        from hcc_desktop.ui.access.page import AccessLogDialog

        dialog = AccessLogDialog(
            self._services, self._runner, self, id_number=self._dossier.owner.id_number
        )
        self._open(dialog)
        dialog.choose_export()
        return dialog

    def open_rating(self) -> QDialog | None:
        if self._dossier is None:
            return None
        from hcc_desktop.ui.dossier.rating import RatingDialog

        dialog = RatingDialog(
            self._services, self._runner, self._dossier, self, events=self._events
        )
        dialog.rated.connect(self._changed_here)
        return self._open(dialog)

    def _changed_here(self, *_args: object) -> None:
        """A dialog opened from here stored a change (and told the change hub)."""
        self.reload()
        if self._dossier is not None:
            self.dossier_changed.emit(self._dossier.id)

    # == forms =======================================================================

    def _on_form_triggered(self) -> None:
        act = self.sender()
        if isinstance(act, QAction):
            self.print_form(str(act.data()))

    def print_form(self, number: str) -> None:
        """Render form ``number`` (01–06) on the task runner, then preview it."""
        if self._dossier is None or self._printing or number not in FORMS:
            return
        self._printing = True
        self.print_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self._runner.run(
            _render_form,
            self._services,
            self._dossier.id,
            number,
            on_done=self._on_form_ready,
            on_error=self._on_form_failed,
        )

    def _form_done(self) -> None:
        self._printing = False
        self.print_button.setEnabled(True)
        self.unsetCursor()

    def _on_form_ready(self, result: tuple[str, bytes]) -> None:
        self._form_done()
        number, pdf = result
        _function, title = FORMS[number]
        code = self._dossier.code if self._dossier is not None else ""
        preview = pdf_preview(
            self,
            self._services,
            pdf,
            title=f"{self.tr(title).replace('&', '')} – {code}",
            file_name=f"Mau{number}-{code}",
            copies=2 if number == "03" else 1,
        )
        self._open(preview)

    def _on_form_failed(self, exc: BaseException) -> None:
        self._form_done()
        show_error(self, exc)

    def last_preview(self) -> PdfPreviewDialog | None:
        previews = [d for d in self.open_dialogs() if isinstance(d, PdfPreviewDialog)]
        return previews[-1] if previews else None

    # == Qt ===========================================================================

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = next(iter(b for b in self.action_buttons.values() if not b.isHidden()), None)
        (first or self.timeline).setFocus(Qt.FocusReason.OtherFocusReason)
