"""One lifecycle action on one dossier: hand over, request a supplement, refuse …

The dialog shows only the fields the action needs, stores the action through
the task runner, and shows the core's refusals next to the field at fault (or,
for a refused transition, in the dialog, keeping everything typed). After a
request for a supplement, a refusal or a stop it offers the matching form
(Mẫu 02, 03, 05). The action time field and the refusal message serve the
return dialog too; what all the small dialogs share is in ``dialog_parts``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, time

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import (
    Action,
    DocForm,
    Dossier,
    DossierEvent,
    DossierStatus,
    MissingComponent,
    Procedure,
)
from hcc_desktop.core.errors import HccError, TransitionError
from hcc_desktop.core.lifecycle import RULES
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.dialog_parts import DossierChangeDialog
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP, error_message
from hcc_desktop.ui.common.table_models import format_datetime, status_name
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.operations import preview_effective_due, read_current, read_procedure
from hcc_desktop.ui.intake.fields import EnterMovesFocus, MessageLabel, set_error_state

log = logging.getLogger(__name__)

ACTIONS_CONTEXT = "DossierActions"
NOW_REFRESH_MS = 30_000
MAX_AMOUNT = 999_999_999
MAX_RECENT = 15
RECENT_RECEIVERS = "lifecycle/recent_receivers"
RECENT_DEPARTMENTS = "lifecycle/recent_departments"
# Specialist departments of a ward People's Committee since the July 2025
# reform; offered after the recently typed ones.
DEFAULT_DEPARTMENTS = (
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế, Hạ tầng và Đô thị",
    "Phòng Văn hóa - Xã hội",
)

# Button texts (with mnemonics, unique within the dossier window).
ACTION_LABELS: dict[Action, str] = {
    Action.HANDOVER: QT_TRANSLATE_NOOP("DossierActions", "&Hand over for processing"),
    Action.REQUEST_SUPPLEMENT: QT_TRANSLATE_NOOP("DossierActions", "Request s&upplement"),
    Action.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP("DossierActions", "Suppl&ement received"),
    Action.REQUEST_PAYMENT: QT_TRANSLATE_NOOP("DossierActions", "Request financial &obligation"),
    Action.PAYMENT_RECEIVED: QT_TRANSLATE_NOOP("DossierActions", "Financial obligation pa&id"),
    Action.REFUSE: QT_TRANSLATE_NOOP("DossierActions", "Re&fuse"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("DossierActions", "Citizen &withdraws the dossier"),
    Action.STOP: QT_TRANSLATE_NOOP("DossierActions", "&Stop processing"),
    Action.FINISH: QT_TRANSLATE_NOOP("DossierActions", "Processing fi&nished"),
    Action.RETURN: QT_TRANSLATE_NOOP("DossierActions", "&Return the result"),
}

# What each action means, shown under the dialog's title.
ACTION_HINTS: dict[Action, str] = {
    Action.HANDOVER: QT_TRANSLATE_NOOP(
        "DossierActions", "Hand the dossier to the officer or department that processes it."
    ),
    Action.REQUEST_SUPPLEMENT: QT_TRANSLATE_NOOP(
        "DossierActions",
        "The citizen must complete the dossier. The deadline clock stops until the papers "
        "are received.",
    ),
    Action.SUPPLEMENT_RECEIVED: QT_TRANSLATE_NOOP(
        "DossierActions",
        "The citizen brought the missing papers. The waiting time is added to the appointment.",
    ),
    Action.REQUEST_PAYMENT: QT_TRANSLATE_NOOP(
        "DossierActions", "The citizen must pay a fee, charge or tax before the result."
    ),
    Action.PAYMENT_RECEIVED: QT_TRANSLATE_NOOP(
        "DossierActions", "The citizen has paid; processing continues."
    ),
    Action.REFUSE: QT_TRANSLATE_NOOP(
        "DossierActions",
        "The dossier is not accepted for processing. Form 03 tells the citizen why.",
    ),
    Action.WITHDRAW: QT_TRANSLATE_NOOP(
        "DossierActions", "The citizen asked to take the dossier back; processing ends."
    ),
    Action.STOP: QT_TRANSLATE_NOOP(
        "DossierActions",
        "Processing is stopped for good. Form 05 notifies the citizen.",
    ),
    Action.FINISH: QT_TRANSLATE_NOOP(
        "DossierActions",
        "The department has finished and handed the result back to the one-stop counter.",
    ),
    Action.RETURN: QT_TRANSLATE_NOOP("DossierActions", "Hand the result to the citizen."),
}

# Forms offered after an action: (form number, print function name, title).
FOLLOW_UP_FORMS: dict[Action, tuple[str, str, str]] = {
    Action.REQUEST_SUPPLEMENT: (
        "02",
        "supplement_request_pdf",
        QT_TRANSLATE_NOOP("DossierActions", "Request to complete the dossier (Form 02)"),
    ),
    Action.REFUSE: (
        "03",
        "refusal_pdf",
        QT_TRANSLATE_NOOP("DossierActions", "Refusal of the dossier (Form 03)"),
    ),
    Action.STOP: (
        "05",
        "stop_notice_pdf",
        QT_TRANSLATE_NOOP("DossierActions", "Notice of stopping the processing (Form 05)"),
    ),
}


def _t(text: str) -> str:
    return QCoreApplication.translate(ACTIONS_CONTEXT, text)


def action_label(action: Action, *, mnemonic: bool = True) -> str:
    """The translated name of an action, as on its button."""
    text = _t(ACTION_LABELS[Action(action)])
    return text if mnemonic else text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def refused_text(exc: HccError, action: Action | None = None) -> str:
    """The message for a refused transition, with the status in words."""
    if isinstance(exc, TransitionError) and exc.code == "transition_not_allowed":
        try:
            status = status_name(DossierStatus(int(exc.params.get("status", 0))))
        except ValueError:
            status = str(exc.params.get("status", ""))
        what = action_label(action, mnemonic=False) if action is not None else ""
        return QCoreApplication.translate(
            "DossierActions",
            "“{action}” is no longer possible: dossier {code} is now “{status}”. It may have "
            "been changed meanwhile on this or another computer. Nothing was saved; the dossier "
            "window shows its current state.",
        ).format(action=what, code=exc.params.get("code", ""), status=status)
    return error_message(exc)


def recent_values(key: str) -> list[str]:
    raw = QSettings().value(key, [])
    if isinstance(raw, str):
        raw = [raw]
    return [str(v) for v in (raw or []) if str(v).strip()]


def remember_value(key: str, value: str) -> None:
    value = " ".join(value.split())
    if not value:
        return
    values = [value, *[v for v in recent_values(key) if v != value]][:MAX_RECENT]
    QSettings().setValue(key, values)


def fill_combo(combo: QComboBox, values: list[str], current: str = "") -> None:
    seen: set[str] = set()
    combo.clear()
    for v in values:
        if v not in seen:
            seen.add(v)
            combo.addItem(v)
    combo.setCurrentText(current)


def _now_qt() -> QDateTime:
    return QDateTime(local_now().replace(second=0, microsecond=0))


class ActionTimeField(QWidget):
    """When the action happened: now by default; may be set back within today
    for paperwork entered late, never ahead of the clock."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edited = False
        self._setting = False
        self.edit = QDateTimeEdit()
        self.edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.edit.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.edit.setToolTip(
            self.tr("Change it only for an action done earlier today and entered late")
        )
        self.now_button = QPushButton(self.tr("&Now"))
        self.now_button.setAutoDefault(False)
        self.now_button.setToolTip(self.tr("Use the current time"))
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #5f6368;")
        self.hint.hide()
        self.message = MessageLabel()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        self.edit.dateTimeChanged.connect(self._on_changed)
        self.now_button.clicked.connect(self.use_now)
        self._timer = QTimer(self)
        self._timer.setInterval(NOW_REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.use_now()

    def set_previous(self, previous: datetime | None) -> None:
        """Tell the officer the earliest time the core will accept."""
        if previous is None:
            self.hint.hide()
            return
        self.hint.setText(
            self.tr("Not earlier than the previous step: {time}").format(
                time=format_datetime(previous)
            )
        )
        self.hint.show()

    def _set_range(self) -> None:
        now = _now_qt()
        self.edit.setMinimumDateTime(QDateTime(datetime.combine(local_now().date(), time())))
        self.edit.setMaximumDateTime(now)

    def _set(self, moment: QDateTime) -> None:
        self._setting = True
        try:
            self._set_range()
            self.edit.setDateTime(moment)
        finally:
            self._setting = False

    def _on_changed(self, _moment: QDateTime) -> None:
        if not self._setting:
            self._edited = True
            self.clear_error()
            self.changed.emit()

    def _refresh(self) -> None:
        if not self._edited and not self.edit.hasFocus():
            self._set(_now_qt())

    def use_now(self) -> None:
        self._edited = False
        self._set(_now_qt())
        self.clear_error()
        self.changed.emit()

    def set_value(self, moment: datetime) -> None:
        """Set the time as if typed (tests, and re-entering a dialog)."""
        self._set_range()
        self.edit.setDateTime(QDateTime(moment.replace(second=0, microsecond=0)))
        self._edited = True

    def value(self) -> datetime | None:
        """The time typed, or None for "now" (the service takes its clock)."""
        if not self._edited:
            return None
        moment = self.edit.dateTime().toPython()
        assert isinstance(moment, datetime)
        return moment.replace(second=0, microsecond=0)

    def shown_value(self) -> datetime:
        return self.value() or local_now().replace(second=0, microsecond=0)

    def show_error(self, text: str) -> None:
        self.message.show_error(text)
        set_error_state(self.edit, True)

    def clear_error(self) -> None:
        self.message.clear_message()
        set_error_state(self.edit, False)


def _render_form(services: Services, dossier_id: str, function: str) -> bytes:
    """Worker side: one of the dossier's forms as PDF bytes."""
    render: Callable[[str], bytes] = getattr(services.printing, function)
    return render(dossier_id)


class TransitionDialog(DossierChangeDialog):
    """Apply ``action`` to the dossier ``key`` (id or code)."""

    transition_done = Signal(object)  # the Dossier after the action

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        key: str | Dossier,
        action: Action | str,
        parent: QWidget | None = None,
        *,
        events: Sequence[DossierEvent] | None = None,
    ) -> None:
        # Needed by _build, which the base class runs.
        self._action = Action(action)
        if self._action is Action.RETURN:
            raise ValueError("returning a result needs the collector: use ReturnDialog")
        super().__init__(services, runner, key, parent, events=events)

    # == building ====================================================================

    def _initial_size(self) -> QSize:
        wide = self._action is Action.REQUEST_SUPPLEMENT
        return self.sizeHint().expandedTo(QSize(760 if wide else self.MIN_WIDTH, 0))

    def _build(self) -> None:
        act = self._action
        rule = RULES[act]
        d = self._dossier
        self._enter_moves = EnterMovesFocus(self)
        self.setWindowTitle(
            self.tr("{action} – dossier {code}").format(
                action=action_label(act, mnemonic=False), code=d.code
            )
        )

        heading = parts.heading_label(action_label(act, mnemonic=False))
        hint = parts.hint_label(_t(ACTION_HINTS[act]))
        self.status_line = QLabel(
            self.tr("Current status: {status}").format(status=status_name(d.status))
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

        def row(text: str, widget: QWidget, name: str = "", focus: QWidget | None = None) -> None:
            """A labelled field; with ``name``, the core's messages about it go under it."""
            label = QLabel(text)
            label.setBuddy(focus or widget)
            form.addRow(
                label, parts.boxed(widget, self.errors.add(name, widget)) if name else widget
            )

        officer = logged_in_name(self._services)
        self.receiver: QComboBox | None = None
        self.department: QComboBox | None = None
        self.amount: QSpinBox | None = None
        self.missing_list: QListWidget | None = None
        self.other_paper: QLineEdit | None = None
        self.other_form: QComboBox | None = None
        self.add_paper_button: QPushButton | None = None
        # Report data: an electronic result (finish), a payment made online.
        self.flag: QCheckBox | None = None

        if act in (Action.HANDOVER, Action.FINISH):
            self.receiver = self._combo()
            receivers = recent_values(RECENT_RECEIVERS)
            if act is Action.FINISH:
                fill_combo(self.receiver, [officer, *receivers] if officer else receivers, officer)
                self.receiver.setToolTip(
                    self.tr("The one-stop officer who takes the result back from the department")
                )
                row(self.tr("Result received &by"), self.receiver, "receiver")
            else:
                fill_combo(self.receiver, receivers)
                self.receiver.lineEdit().setPlaceholderText(
                    self.tr("Officer who takes the dossier, e.g. Lê Văn Cường")
                )
                row(self.tr("&Receiver"), self.receiver, "receiver")
            self._chain.append(self.receiver)
        if act is Action.HANDOVER:
            self.department = self._combo()
            fill_combo(self.department, [*recent_values(RECENT_DEPARTMENTS), *DEFAULT_DEPARTMENTS])
            self.department.lineEdit().setPlaceholderText(self.tr("Specialist department"))
            row(self.tr("De&partment"), self.department, "department")
            self._chain.append(self.department)
        if act is Action.REQUEST_PAYMENT:
            self.amount = QSpinBox()
            self.amount.setRange(0, MAX_AMOUNT)
            self.amount.setSingleStep(1000)
            self.amount.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
            self.amount.setGroupSeparatorShown(True)
            self.amount.setSuffix(" đ")
            self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.amount.setValue(d.fee_amount)
            row(self.tr("A&mount"), self.amount, "amount")
            self._chain.append(self.amount)
        if act is Action.REQUEST_SUPPLEMENT:
            self._build_missing(row)
        if act in (Action.FINISH, Action.PAYMENT_RECEIVED):
            self.flag = QCheckBox(
                self.tr("The result is issued electronically")
                if act is Action.FINISH
                else self.tr("Paid online")
            )
            self.flag.setChecked(bool(d.e_result if act is Action.FINISH else d.paid_online))
            form.addRow("", self.flag)
            self._chain.append(self.flag)

        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.text.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        if rule.needs_reason:
            self.text.setPlaceholderText(self._reason_placeholder())
            row(self.tr("Rea&son") + " *", self.text, "reason")
        else:
            row(self.tr("N&ote"), self.text, "note")
        self._chain.append(self.text)

        self.time_field = ActionTimeField()
        self.time_field.set_previous(self._last_event_time())
        row(self.tr("&Time of the action"), self.time_field, focus=self.time_field.edit)
        # The time field has its own message label under the hint.
        self.errors.add("at", self.time_field.edit, label=self.time_field.message)
        self._chain += [self.time_field.edit, self.time_field.now_button]

        form.addRow(
            self.tr("Officer"), self._officer_field(self.tr("(not set: enter it in Settings)"))
        )

        self.due_preview = QLabel()
        self.due_preview.setTextFormat(Qt.TextFormat.RichText)
        self.due_preview.setWordWrap(True)
        self.due_preview.hide()  # shown when the runner has worked it out
        self._due_asked = 0
        if act is Action.SUPPLEMENT_RECEIVED:
            self.time_field.changed.connect(self._update_due_preview)
            self._update_due_preview()

        self.ok_button = parts.dialog_button(
            self.tr("Save"), self.tr("Record the action (Ctrl+Enter)"), primary=True, min_width=120
        )
        self.cancel_button = parts.dialog_button(
            self.tr("Cancel"), self.tr("Close without saving (Esc)")
        )
        self._chain += [self.ok_button, self.cancel_button]

        form_page = parts.page(
            heading,
            parts.summary_label(d),
            self.status_line,
            hint,
            4,
            form,
            self.due_preview,
            self.general,
            buttons=parts.button_row(self.ok_button, self.cancel_button),
        )
        self._stack_pages(form_page, self._build_done_page())
        self._busy_widgets = [self.ok_button, self.cancel_button, self.print_button]

        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        parts.add_submit_keys(self, self.submit)
        for w in self._chain:
            if isinstance(w, QComboBox | QSpinBox | QDateTimeEdit):
                w.installEventFilter(self._enter_moves)
        parts.set_tab_chain(self._chain)
        self._wire_error_clearing()

    def _combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMinimumContentsLength(28)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        parts.enter_submits(combo, self.submit)
        return combo

    def _reason_placeholder(self) -> str:
        return {
            Action.REQUEST_SUPPLEMENT: self.tr("What must be completed, and why"),
            Action.REFUSE: self.tr("Why the dossier cannot be accepted (printed on Form 03)"),
            Action.WITHDRAW: self.tr("E.g. the citizen's written request of withdrawal"),
            Action.STOP: self.tr("Why processing is stopped (printed on Form 05)"),
        }.get(self._action, "")

    def _build_missing(self, row: Callable[..., None]) -> None:
        self.missing_list = QListWidget()
        self.missing_list.setToolTip(self.tr("Space ticks a paper"))
        # Checklist names are long: wrap them rather than scroll sideways.
        self.missing_list.setWordWrap(True)
        self.missing_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.missing_list.setSpacing(2)
        self.missing_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.missing_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 10 + 12)
        # The checklist is read on the task runner; the list is disabled until it arrives.
        self.missing_list.setEnabled(False)
        self._runner.run(
            read_procedure,
            self._services,
            self._dossier.procedure_code,
            on_done=self._checklist_loaded,
            on_error=self._checklist_failed,
        )
        row(self.tr("Papers to &bring"), self.missing_list, "missing")
        self._chain.append(self.missing_list)

        self.other_paper = QLineEdit()
        self.other_paper.setPlaceholderText(self.tr("Another paper, then Enter"))
        # Enter adds the paper; it must not reach the dialog's default button.
        self.other_paper.installEventFilter(self)
        # A typed paper goes in the column of its form on Form 02 (photocopy unless told).
        self.other_form = QComboBox()
        for form in (DocForm.ORIGINAL, DocForm.CERTIFIED, DocForm.COPY):
            self.other_form.addItem(self._form_label(form), form.value)
        self.other_form.setCurrentIndex(2)
        self.other_form.setToolTip(self.tr("The form the citizen must bring the paper in"))
        self.add_paper_button = QPushButton(self.tr("&Add"))
        self.add_paper_button.setAutoDefault(False)
        self.add_paper_button.clicked.connect(self.add_other_paper)
        other = QWidget()
        h = QHBoxLayout(other)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.other_paper, 1)
        h.addWidget(self.other_form)
        h.addWidget(self.add_paper_button)
        row(self.tr("Other &paper"), other, focus=self.other_paper)
        self._chain += [self.other_paper, self.other_form, self.add_paper_button]

    def _form_label(self, form: DocForm) -> str:
        return {
            DocForm.ORIGINAL: self.tr("original"),
            DocForm.CERTIFIED: self.tr("certified copy"),
            DocForm.COPY: self.tr("photocopy"),
        }[form]

    @property
    def loading_checklist(self) -> bool:
        """True while the procedure's checklist is being read on the task runner."""
        return self.missing_list is not None and not self.missing_list.isEnabled()

    def _checklist_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, HccError):
            raise exc
        log.warning("no checklist for %s: %r", self._dossier.procedure_code, exc)
        self._checklist_loaded(None)

    def _checklist_loaded(self, procedure: Procedure | None) -> None:
        if self.missing_list is None:
            return
        received = {c.component_id for c in self._dossier.components if c.component_id}
        specs = (
            [c for c in procedure.components if c.id not in received]
            if procedure is not None
            else []
        )
        typed = self.missing_list.count()
        for spec in specs:
            item = QListWidgetItem(self._spec_text(spec.name, spec.required, spec.condition))
            item.setData(
                Qt.ItemDataRole.UserRole,
                MissingComponent(
                    name=spec.name,
                    originals=spec.originals,
                    certified=spec.certified,
                    copies=spec.copies,
                ),
            )
            item.setToolTip(spec.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.missing_list.insertItem(self.missing_list.count() - typed, item)
        if self.missing_list.count():
            self.missing_list.setCurrentRow(0)
        self.missing_list.setEnabled(True)

    def _spec_text(self, name: str, required: bool, condition: str) -> str:
        if required:
            return name + " " + self.tr("(required)")
        if condition:
            return name + " " + self.tr("(if: {condition})").format(condition=condition)
        return name

    def _build_done_page(self) -> QWidget:
        self.done_message = parts.done_label()
        self.print_question = QLabel()
        self.print_question.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setMinimumWidth(160)
        self.close_button = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"))
        self.print_button.clicked.connect(self.print_follow_up)
        self.close_button.clicked.connect(self.accept)
        return parts.page(
            self.done_message,
            self.print_question,
            buttons=parts.button_row(self.print_button, self.close_button),
        )

    def _wire_error_clearing(self) -> None:
        if self.receiver is not None:
            self.receiver.currentTextChanged.connect(lambda _t: self.errors.clear("receiver"))
        if self.amount is not None:
            self.amount.valueChanged.connect(lambda _v: self.errors.clear("amount"))
        self.text.textChanged.connect(lambda: self.errors.clear("reason"))

    def _update_due_preview(self) -> None:
        """Work out the new appointment on the task runner (the calendar is in the
        store); only the answer to the latest question is shown."""
        self._due_asked += 1
        try:
            as_of = self.time_field.shown_value()
        except (HccError, ValueError):
            self.due_preview.hide()
            return
        self._runner.run(
            preview_effective_due,
            self._services,
            self._dossier,
            as_of,
            self._due_asked,
            on_done=self._due_previewed,
        )

    def _due_previewed(self, outcome: tuple[int, datetime | None]) -> None:
        asked, due = outcome
        if asked != self._due_asked:
            return  # a newer question is on its way
        if due is None:
            self.due_preview.hide()
            return
        self.due_preview.setText(
            self.tr("New appointment after the waiting time: <b>{due}</b>").format(
                due=format_datetime(due)
            )
        )
        self.due_preview.show()

    # == public accessors ============================================================

    def action(self) -> Action:
        return self._action

    def set_reason(self, text: str) -> None:
        self.text.setPlainText(text)

    # == input ======================================================================

    def add_other_paper(self) -> None:
        if self.other_paper is None or self.missing_list is None:
            return
        name = " ".join(self.other_paper.text().split())
        if not name:
            return
        form = DocForm(self.other_form.currentData()) if self.other_form else DocForm.COPY
        item = QListWidgetItem(f"{name} ({self._form_label(form)})")
        item.setData(Qt.ItemDataRole.UserRole, MissingComponent.typed(name, form))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.missing_list.addItem(item)
        self.missing_list.scrollToItem(item)
        self.other_paper.clear()

    def missing(self) -> tuple[MissingComponent, ...]:
        if self.missing_list is None:
            return ()
        items = (self.missing_list.item(i) for i in range(self.missing_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _flag_checked(self) -> bool:
        return self.flag is not None and self.flag.isChecked()

    def _inputs(self) -> tuple[str, TransitionInput]:
        text = self.text.toPlainText().strip()
        needs_reason = RULES[self._action].needs_reason
        details = TransitionInput(
            receiver=self.receiver.currentText() if self.receiver is not None else "",
            department=self.department.currentText() if self.department is not None else "",
            amount=self.amount.value() if self.amount is not None else 0,
            missing=self.missing(),
            note="" if needs_reason else text,
            e_result=self._action is Action.FINISH and self._flag_checked(),
            paid_online=self._action is Action.PAYMENT_RECEIVED and self._flag_checked(),
        )
        return (text if needs_reason else ""), details

    # == saving ======================================================================

    def submit(self) -> None:
        """Store the action (on the task runner)."""
        if not self._ready_to_store():
            return
        if self.other_paper is not None and self.other_paper.text().strip():
            self.add_other_paper()
        self.clear_errors()
        reason, details = self._inputs()
        self._store(
            self._services.lifecycle.transition,
            self._dossier.id,
            self._action,
            at=self.time_field.value(),
            reason=reason,
            details=details,
        )

    def _stored(self, dossier: Dossier) -> None:
        self._result = dossier
        if self.receiver is not None and self._action is Action.HANDOVER:
            remember_value(RECENT_RECEIVERS, self.receiver.currentText())
        if self.department is not None:
            remember_value(RECENT_DEPARTMENTS, self.department.currentText())
        self.transition_done.emit(dossier)
        follow_up = FOLLOW_UP_FORMS.get(self._action)
        if follow_up is None:
            self.accept()
            return
        number, _function, title = follow_up
        self.done_message.setText(
            self.tr("✔ Recorded: <b>{action}</b> for dossier {code}. Status: {status}.").format(
                action=parts.esc(action_label(self._action, mnemonic=False)),
                code=parts.esc(dossier.code),
                status=parts.esc(status_name(dossier.status)),
            )
        )
        self.print_question.setText(
            self.tr("Print “{title}” now to give to the citizen?").format(title=_t(title))
        )
        self.print_button.setText(self.tr("&Print Form {number}").format(number=number))
        self._show_done(self.print_button)

    def _refusal_text(self, exc: HccError) -> str:
        return refused_text(exc, self._action)

    def _refused(self, exc: HccError) -> None:
        super()._refused(exc)
        self._show_current_status()

    def _show_current_status(self) -> None:
        # The dossier is read again on the task runner, not on the GUI thread.
        self._runner.run(
            read_current,
            self._services,
            self._dossier.id,
            on_done=self._current_read,
            on_error=self._current_failed,
        )

    def _current_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, HccError):
            raise exc

    def _current_read(self, dossier: Dossier) -> None:
        self._dossier = dossier
        self.status_line.setText(
            self.tr("Current status: {status}").format(status=status_name(self._dossier.status))
        )

    # == follow-up form ==============================================================

    def print_follow_up(self) -> None:
        follow_up = FOLLOW_UP_FORMS.get(self._action)
        if follow_up is None:
            return
        number, function, title = follow_up
        self._print(
            _render_form,
            self._services,
            self._dossier.id,
            function,
            title=_t(title),
            file_name=f"Mau{number}-{self._dossier.code}",
            copies=2 if self._action is Action.REFUSE else 1,
        )

    def _after_preview(self) -> None:
        self.accept()

    # == Qt ===========================================================================

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.other_paper
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.other_paper is not None and self.other_paper.text().strip():
                self.add_other_paper()
            else:
                self.focusNextPrevChild(True)
            return True
        return super().eventFilter(watched, event)
