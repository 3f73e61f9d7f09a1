"""The intake dialog: the officer receives one citizen's dossier at the counter.

Procedure → checklist → applicant (and submitter) → reception details →
accept, all from the keyboard. Accepting stores the dossier through the task
runner, then shows the receipt (Mẫu 01) for printing and clears the form for
the next citizen; when required papers are missing, the guidance slip
(Mẫu 02) can be printed instead.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import (
    Channel,
    Dossier,
    FeeMethod,
    Procedure,
    ResultDelivery,
)
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.intake import MAX_COUNT, IntakeDraft
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.attachments.reuse import IntakeReuse
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.dialog_parts import printer_of
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.intake.checklist import ChecklistModel, ChecklistView, ExtraPaperDialog
from hcc_desktop.ui.intake.fields import (
    ERROR_COLOR,
    ERROR_STYLESHEET,
    EnterMovesFocus,
    MessageLabel,
    set_error_state,
)
from hcc_desktop.ui.intake.finder import ProcedureFinder
from hcc_desktop.ui.intake.operations import accept_dossier, read_catalog, read_procedure
from hcc_desktop.ui.intake.person import PersonForm
from hcc_desktop.ui.intake.reception import ReceptionMixin, _esc, _now_qt, _to_datetime
from hcc_desktop.ui.intake.validation import ValidationMixin

log = logging.getLogger(__name__)

MAX_FEE = 999_999_999
NOW_REFRESH_MS = 30_000


def _render_receipt(services: Services, dossier: Dossier) -> tuple[Dossier, bytes]:
    """Worker side: Mẫu 01 of a dossier just stored."""
    return dossier, services.printing.receipt_pdf(dossier)


def _render_guidance(services: Services, draft: IntakeDraft) -> bytes:
    """Worker side: Mẫu 02 for a dossier that lacks required papers."""
    guidance = services.intake.supplement_guidance(draft, reason="")
    return services.printing.supplement_guidance_pdf(guidance)


class IntakeDialog(ReceptionMixin, ValidationMixin, QDialog):
    """Receive a dossier; stays open for the next citizen after each one."""

    dossier_accepted = Signal(object)  # Dossier, emitted once it is committed

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._procedure_reads = 0
        self._due_asked = 0  # the appointment's latest question (reception.py)
        self._due_reads = 0
        self._procedure: Procedure | None = None
        self._busy = False
        self._received_edited = False
        self._setting_received = False
        self._last_preview: PdfPreviewDialog | None = None
        self._fee_before_exempt = 0
        self._confirm_box: QMessageBox | None = None

        self.setWindowTitle(self.tr("Receive a dossier"))
        self.setStyleSheet(ERROR_STYLESHEET)
        self._enter_moves = EnterMovesFocus(self)

        self._build_top()
        self._build_checklist()
        self._build_people()
        self._build_reception()
        self._build_bottom()
        self._layout()
        self._wire()
        self._set_tab_order()

        self._now_timer = QTimer(self)
        self._now_timer.setInterval(NOW_REFRESH_MS)
        self._now_timer.timeout.connect(self._refresh_now)
        self._now_timer.start()

        self.reset_form()
        fit_to_screen(self, QSize(1360, 800))

    # == building ====================================================================

    def _build_top(self) -> None:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setStyleSheet(
            "QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
            " border-radius: 3px; padding: 6px 8px; }"
        )
        self.banner.hide()

        self.finder = ProcedureFinder()
        self.finder_label = QLabel(self.tr("&Procedure"))
        self.finder_label.setBuddy(self.finder.edit)
        bold = self.finder_label.font()
        bold.setBold(True)
        self.finder_label.setFont(bold)
        self.finder_message = MessageLabel()

        self.procedure_info = QLabel()
        self.procedure_info.setWordWrap(True)
        self.procedure_info.setTextFormat(Qt.TextFormat.RichText)

        self.alt_check = QCheckBox()
        self.alt_note = QLabel()
        self.alt_note.setWordWrap(True)
        self.alt_note.setStyleSheet("color: #5f6368;")

    def _build_checklist(self) -> None:
        self.checklist_model = ChecklistModel(self)
        self.checklist = ChecklistView(self.checklist_model)
        self.checklist.setMinimumHeight(160)
        self.checklist_hint = QLabel(
            self.tr(
                "Space: received · 1/2/3: original/certified/photocopy · +/−: count · "
                "S: digitised copy reused · D: scanned · F2: edit cell · Insert: other paper"
            )
        )
        self.checklist_hint.setWordWrap(True)
        hint_font = self.checklist_hint.font()
        hint_font.setPointSizeF(max(hint_font.pointSizeF() * 0.9, 7.0))
        self.checklist_hint.setFont(hint_font)
        self.checklist_hint.setStyleSheet("color: #5f6368;")
        self.add_paper_button = QPushButton(self.tr("Add &other paper…"))
        self.checklist_message = MessageLabel()

    def _build_people(self) -> None:
        self.applicant = PersonForm("applicant", mnemonics=True)
        self.submitter_check = QCheckBox(
            self.tr("Submitted by another person (with a power of a&ttorney)")
        )
        self.submitter = PersonForm("submitter", mnemonics=False)
        self.submitter_box = QGroupBox(self.tr("Submitter"))
        box = QVBoxLayout(self.submitter_box)
        box.addWidget(self.submitter)
        self.submitter_box.hide()

    def _build_reception(self) -> None:
        self.channel = QComboBox()
        for channel, text in (
            (Channel.COUNTER, self.tr("At the counter")),
            (Channel.SATURDAY_SESSION, self.tr("Saturday reception session")),
            (Channel.HOME_VISIT, self.tr("At home")),
            (Channel.POSTAL, self.tr("By post")),
            (Channel.ONLINE, self.tr("Filed online (public service portal)")),
        ):
            self.channel.addItem(text, channel.value)
        self.delivery = QComboBox()
        for delivery, text in (
            (ResultDelivery.COUNTER, self.tr("At the Center")),
            (ResultDelivery.POSTAL, self.tr("By the public postal service")),
        ):
            self.delivery.addItem(text, delivery.value)
        self.sets = QSpinBox()
        self.sets.setRange(1, MAX_COUNT)
        self.fee = QSpinBox()
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.fee.setGroupSeparatorShown(True)
        self.fee.setSuffix(" đ")
        self.fee.setAlignment(Qt.AlignmentFlag.AlignRight)
        # Copy certification and extracts are charged by the page and the copy:
        # the officer types the counts and the fee follows the catalog's rates.
        self.fee_pages = QSpinBox()
        self.fee_pages.setRange(1, 10_000)
        self.fee_pages.setPrefix(self.tr("pages: "))
        self.fee_copies = QSpinBox()
        self.fee_copies.setRange(1, MAX_COUNT)
        self.fee_copies.setPrefix(self.tr("copies: "))
        self.fee_quantities = QWidget()
        q = QHBoxLayout(self.fee_quantities)
        q.setContentsMargins(0, 0, 0, 0)
        q.addWidget(self.fee_pages, 1)
        q.addWidget(self.fee_copies, 1)
        self.fee_method = QComboBox()
        for method, text in (
            (FeeMethod.CASH, self.tr("Cash")),
            (FeeMethod.TRANSFER, self.tr("Bank transfer")),
            (FeeMethod.EXEMPT, self.tr("Exempt")),
        ):
            self.fee_method.addItem(text, method.value)
        self.received_at = QDateTimeEdit()
        self.received_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.received_at.setCalendarPopup(True)
        self.received_at.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.received_at.setToolTip(
            self.tr("Change it only for a dossier received earlier (e.g. at a Saturday session)")
        )
        self.now_button = QPushButton(self.tr("No&w"))
        self.now_button.setToolTip(self.tr("Use the current time"))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.officer = QLabel()
        self.officer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        for combo in (self.channel, self.delivery, self.fee_method):
            # Long item texts must not widen the column at the checklist's expense.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        self.reception_messages: dict[str, MessageLabel] = {
            name: MessageLabel()
            for name in (
                "channel",
                "result_delivery",
                "sets_count",
                "fee_quantities",
                "fee_amount",
                "fee_method",
                "received_at",
                "note",
                "received_by",
            )
        }
        # Both counts share one message line under their row.
        for name in ("fee_pages", "fee_copies"):
            self.reception_messages[name] = self.reception_messages["fee_quantities"]

    def _build_bottom(self) -> None:
        self.due_label = QLabel()
        self.due_label.setTextFormat(Qt.TextFormat.RichText)
        font = self.due_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.due_label.setFont(font)
        self.general_message = MessageLabel()

        self.accept_button = QPushButton(self.tr("&Accept dossier"))
        self.accept_button.setToolTip(self.tr("Accept and print the receipt (Ctrl+Enter)"))
        self.accept_button.setDefault(True)
        self.accept_button.setMinimumWidth(150)
        accept_font = self.accept_button.font()
        accept_font.setBold(True)
        self.accept_button.setFont(accept_font)
        self.guidance_button = QPushButton(self.tr("Print supplement g&uidance (Form 02)"))
        self.guidance_button.setToolTip(
            self.tr("Guidance slip listing the papers the citizen still has to bring")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Close (Esc)"))

    def _boxed(self, widget: QWidget, message: MessageLabel) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(widget)
        v.addWidget(message)
        return box

    def _layout(self) -> None:
        finder_row = QHBoxLayout()
        finder_row.addWidget(self.finder_label)
        finder_row.addWidget(self.finder, 1)
        alt_row = QHBoxLayout()
        alt_row.addWidget(self.alt_check)
        alt_row.addWidget(self.alt_note, 1)

        checklist_box = QGroupBox(self.tr("Dossier papers"))
        c = QVBoxLayout(checklist_box)
        c.addWidget(self.checklist, 1)
        c.addWidget(self.checklist_hint)
        c.addWidget(self.checklist_message)
        self.reuse = IntakeReuse(self, self._services, self._runner)
        c.addWidget(self.reuse.widget)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_paper_button)
        add_row.addStretch(1)
        c.addLayout(add_row)

        applicant_box = QGroupBox(self.tr("Applicant (dossier owner)"))
        a = QVBoxLayout(applicant_box)
        a.addWidget(self.applicant)
        people = QWidget()
        p = QVBoxLayout(people)
        p.setContentsMargins(0, 0, 4, 0)
        p.addWidget(applicant_box)
        p.addWidget(self.submitter_check)
        p.addWidget(self.submitter_box)
        p.addStretch(1)
        self.people_scroll = QScrollArea()
        self.people_scroll.setWidget(people)
        self.people_scroll.setWidgetResizable(True)
        self.people_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.people_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than the form wants: squeezed, its rows wrap and grow.
        self.people_scroll.setMinimumWidth(
            people.sizeHint().width() + self.people_scroll.verticalScrollBar().sizeHint().width()
        )

        reception_box = QGroupBox(self.tr("Reception"))
        form = QFormLayout(reception_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        m = self.reception_messages

        def row(text: str, widget: QWidget, name: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, self._boxed(widget, m[name]))

        row(self.tr("&Channel"), self.channel, "channel")
        row(self.tr("Result &delivery"), self.delivery, "result_delivery")
        row(self.tr("Number of &sets"), self.sets, "sets_count")
        self.fee_quantities_label = QLabel(self.tr("Charged for"))
        self.fee_quantities_label.setBuddy(self.fee_pages)
        form.addRow(
            self.fee_quantities_label, self._boxed(self.fee_quantities, m["fee_quantities"])
        )
        row(self.tr("&Fee"), self.fee, "fee_amount")
        row(self.tr("Pa&yment"), self.fee_method, "fee_method")
        received = QWidget()
        r = QHBoxLayout(received)
        r.setContentsMargins(0, 0, 0, 0)
        r.addWidget(self.received_at, 1)
        r.addWidget(self.now_button)
        received_label = QLabel(self.tr("Recei&ved at"))
        received_label.setBuddy(self.received_at)
        form.addRow(received_label, self._boxed(received, m["received_at"]))
        row(self.tr("Not&e"), self.note, "note")
        form.addRow(self.tr("Officer"), self._boxed(self.officer, m["received_by"]))

        reception_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        reception_column = QVBoxLayout()
        reception_column.addWidget(reception_box)
        reception_column.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(checklist_box, 14)
        middle.addWidget(self.people_scroll, 8)
        middle.addLayout(reception_column, 7)

        buttons = QHBoxLayout()
        buttons.addWidget(self.guidance_button)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(finder_row)
        layout.addWidget(self.finder_message)
        layout.addWidget(self.procedure_info)
        layout.addLayout(alt_row)
        layout.addLayout(middle, 1)
        layout.addWidget(self.due_label)
        layout.addWidget(self.general_message)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        self.finder.procedure_chosen.connect(self._on_procedure_chosen)
        change_hub().changed.connect(self._on_data_changed)
        self._load_catalog()
        self.alt_check.toggled.connect(self._update_due)
        self.checklist_model.checklist_changed.connect(self._on_checklist_changed)
        self.checklist.add_requested.connect(self.add_other_paper)
        self.add_paper_button.clicked.connect(self.add_other_paper)
        self.submitter_check.toggled.connect(self._on_submitter_toggled)
        self.channel.currentIndexChanged.connect(self._update_due)
        self.channel.currentIndexChanged.connect(lambda _i: self._clear_reception_error("channel"))
        self.fee_method.currentIndexChanged.connect(self._on_fee_method_changed)
        self.fee.valueChanged.connect(lambda _v: self._clear_reception_error("fee_amount"))
        self.fee_pages.valueChanged.connect(self._recompute_fee)
        self.fee_copies.valueChanged.connect(self._recompute_fee)
        self.received_at.dateTimeChanged.connect(self._on_received_changed)
        self.now_button.clicked.connect(self.use_current_time)
        self.accept_button.clicked.connect(self.accept_dossier)
        self.guidance_button.clicked.connect(self.print_supplement_guidance)
        self.cancel_button.clicked.connect(self.reject)
        for w in (
            self.alt_check,
            self.submitter_check,
            self.channel,
            self.delivery,
            self.sets,
            self.fee_pages,
            self.fee_copies,
            self.fee,
            self.fee_method,
            self.received_at,
            self.note,
        ):
            w.installEventFilter(self._enter_moves)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self.accept_dossier)

    def _tab_chain(self) -> list[QWidget]:
        return [
            self.finder.edit,
            self.alt_check,
            self.checklist,
            self.add_paper_button,
            *self.applicant.input_widgets(),
            self.submitter_check,
            *self.submitter.input_widgets(),
            self.channel,
            self.delivery,
            self.sets,
            self.fee_pages,
            self.fee_copies,
            self.fee,
            self.fee_method,
            self.received_at,
            self.now_button,
            self.note,
            self.accept_button,
            self.guidance_button,
            self.cancel_button,
        ]

    def _set_tab_order(self) -> None:
        chain = self._tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # == public accessors (the main window and tests use them) =======================

    def procedure(self) -> Procedure | None:
        return self._procedure

    def last_preview(self) -> PdfPreviewDialog | None:
        """The print preview opened last (receipt or guidance), while it exists."""
        return self._last_preview

    def is_busy(self) -> bool:
        return self._busy

    def is_dirty(self) -> bool:
        """Whether anything was typed or chosen since the form was last cleared."""
        return bool(
            self._procedure is not None
            or not self.applicant.is_blank()
            or self.submitter_check.isChecked()
            or self.note.text().strip()
            or self._received_edited
        )

    def choose_procedure(self, code: str) -> None:
        """Choose a procedure by code, as if picked in the finder; the catalog
        is read on the task runner and the procedure shown when it arrives."""
        self._procedure_reads += 1
        self._runner.run(
            read_procedure,
            self._services,
            code,
            on_done=self._procedure_read,
            on_error=self._procedure_read_failed,
        )

    # == the catalog the finder searches ================================================

    def _load_catalog(self) -> None:
        """Read the active procedures on the task runner for the finder."""
        self._runner.run(
            read_catalog,
            self._services,
            on_done=self.finder.set_procedures,
            on_error=self._catalog_failed,
        )

    def _catalog_failed(self, exc: BaseException) -> None:
        log.error("the catalog could not be read for the finder: %r", exc)
        self.finder.set_procedures([])

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.catalog:
            self._load_catalog()

    @property
    def loading_catalog(self) -> bool:
        """True until the finder has the catalog (read on the task runner)."""
        return self.finder.loading

    @property
    def loading_procedure(self) -> bool:
        """True while a procedure chosen by code is being read on the task runner."""
        return self._procedure_reads > 0

    def _procedure_read(self, procedure: Procedure) -> None:
        self._procedure_reads -= 1
        self.finder.set_procedure(procedure)
        self._on_procedure_chosen(procedure)

    def _procedure_read_failed(self, exc: BaseException) -> None:
        self._procedure_reads -= 1
        raise exc

    # == procedure =====================================================================

    def _on_procedure_chosen(self, procedure: Procedure) -> None:
        self.finder_message.clear_message()
        set_error_state(self.finder.edit, False)
        if self._procedure is None or self._procedure.code != procedure.code:
            self._procedure = procedure
            self.checklist_model.set_procedure(procedure)
            self._show_procedure_info(procedure)
            self.fee_method.setCurrentIndex(0)
            self._show_fee_quantities(procedure)
            self.fee.setValue(procedure.default_fee)
            self.checklist_message.clear_message()
            set_error_state(self.checklist, False)
            self._update_due()
        self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    # == checklist ===================================================================

    def _on_checklist_changed(self) -> None:
        if not self.checklist_model.missing_rows():
            set_error_state(self.checklist, False)
            if self.checklist_message.text():
                self.checklist_message.clear_message()
        self._update_guidance_button()

    def _update_guidance_button(self) -> None:
        self.guidance_button.setEnabled(
            not self._busy
            and self._procedure is not None
            and bool(self.checklist_model.missing_specs())
        )

    def add_other_paper(self) -> None:
        """Ask for a paper that is not on the checklist and add it, ticked."""
        dialog = ExtraPaperDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add_paper_from(dialog))
        dialog.open()

    def _add_paper_from(self, dialog: ExtraPaperDialog) -> None:
        name, form, count = dialog.values()
        if name:
            row = self.checklist_model.add_extra(name, form, count)
            self.checklist.setCurrentIndex(self.checklist_model.index(row, 1))
            self.checklist.setFocus(Qt.FocusReason.OtherFocusReason)

    # == people ======================================================================

    def _on_submitter_toggled(self, on: bool) -> None:
        self.submitter_box.setVisible(on)
        self.checklist_model.set_has_submitter(on)
        if not on:
            self.submitter.clear_errors()

    # == the draft ===================================================================

    def build_draft(self) -> IntakeDraft:
        """Everything typed, unvalidated, as the core takes it."""
        self.checklist.commit_edit()
        method = str(self.fee_method.currentData())
        amount = 0 if method == FeeMethod.EXEMPT.value else self.fee.value()
        return IntakeDraft(
            procedure_code=self._procedure.code if self._procedure else "",
            owner=self.applicant.person_input(),
            components=self.checklist_model.component_inputs(),
            channel=str(self.channel.currentData()),
            submitter=self.submitter.person_input() if self.submitter_check.isChecked() else None,
            received_at=_to_datetime(self.received_at.dateTime())
            if self._received_edited
            else None,
            fee_amount=amount,
            fee_pages=self.fee_pages.value(),
            fee_copies=self.fee_copies.value(),
            # A free procedure has no payment method unless it was explicitly waived.
            fee_method=method if amount > 0 or method == FeeMethod.EXEMPT.value else None,
            result_delivery=str(self.delivery.currentData()),
            sets_count=self.sets.value(),
            note=self.note.text(),
            use_alt_processing=self.alt_check.isVisible() and self.alt_check.isChecked(),
        )

    # == accept ======================================================================

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.accept_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._update_guidance_button()
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def accept_dossier(self) -> None:
        """Validate and store the dossier (on the task runner)."""
        if self._busy:
            return
        draft = self.build_draft()
        self.clear_errors()
        self.show_officer()
        self._set_busy(True)
        self._runner.run_change(
            accept_dossier,
            self._services,
            draft,
            on_done=self._on_accepted,
            on_error=self._on_accept_failed,
        )

    def _on_accepted(self, dossier: Dossier) -> None:
        self._set_busy(False)
        self.dossier_accepted.emit(dossier)
        self._show_banner(dossier)
        self.reset_form()
        self._runner.run(
            _render_receipt,
            self._services,
            dossier,
            on_done=self._on_receipt_ready,
            on_error=self._on_print_failed,
        )

    def _on_accept_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_validation(exc)
        else:
            show_error(self, exc)

    def _show_banner(self, dossier: Dossier) -> None:
        self.banner.setText(
            self.tr(
                "✔ Dossier <b>{code}</b> accepted ({name} – {procedure}). "
                "Result appointment: <b>{due}</b>."
            ).format(
                code=_esc(dossier.code),
                name=_esc(dossier.owner.full_name),
                procedure=_esc(dossier.procedure_name),
                due=self.due_text(dossier.due_at),
            )
        )
        self.banner.show()

    def banner_text(self) -> str:
        return self.banner.text() if self.banner.isVisible() else ""

    def _on_receipt_ready(self, result: tuple[Dossier, bytes]) -> None:
        dossier, pdf = result
        self._open_preview(
            pdf,
            title=self.tr("Receipt {code}").format(code=dossier.code),
            # The PDF holds both copies (liên 1 and liên 2): print it once.
            copies=1,
            file_name=f"Mau01-{dossier.code}",
        )

    def _on_print_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_validation(exc)
        else:
            show_error(self, exc)

    def _open_preview(self, pdf: bytes, *, title: str, copies: int, file_name: str) -> None:
        preview = PdfPreviewDialog(
            pdf,
            title=title,
            copies=copies,
            printer_name=printer_of(self._services),
            file_name=file_name,
            parent=self,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(self._on_preview_destroyed)
        preview.finished.connect(self._after_preview)
        self._last_preview = preview
        preview.open()

    def _on_preview_destroyed(self, *_args: object) -> None:
        self._last_preview = None

    def _after_preview(self, _result: int) -> None:
        if not self.is_dirty():
            self.finder.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # == Mẫu 02 ======================================================================

    def print_supplement_guidance(self) -> None:
        """Mẫu 02 for the papers still missing (on the task runner)."""
        if self._busy or not self.guidance_button.isEnabled():
            return
        draft = self.build_draft()
        self.clear_errors()
        self._set_busy(True)
        self._runner.run(
            _render_guidance,
            self._services,
            draft,
            on_done=self._on_guidance_ready,
            on_error=self._on_print_failed,
        )

    def _on_guidance_ready(self, pdf: bytes) -> None:
        self._set_busy(False)
        self._open_preview(
            pdf,
            title=self.tr("Supplement guidance (Form 02)"),
            copies=1,
            file_name="Mau02",
        )

    # == reset and closing ===========================================================

    def reset_form(self) -> None:
        """Clear everything for the next citizen (the banner stays)."""
        self.clear_errors()
        self._procedure = None
        self.finder.set_procedure(None)
        self.checklist_model.set_procedure(None)
        self._show_procedure_info(None)
        self.applicant.clear()
        self.submitter_check.setChecked(False)
        self.submitter.clear()
        self.channel.setCurrentIndex(0)
        self.delivery.setCurrentIndex(0)
        self.sets.setValue(1)
        self.fee.setEnabled(True)
        self.fee_method.setCurrentIndex(0)
        self._show_fee_quantities(None)
        self.fee.setValue(0)
        self.note.clear()
        self._received_edited = False
        self._set_received(_now_qt())
        self.show_officer()
        self._update_due()
        self._update_guidance_button()
        self.people_scroll.verticalScrollBar().setValue(0)
        self.finder.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_officer(self) -> None:
        """The officer on duty, read again: it may be changed while the dialog is open."""
        officer = logged_in_name(self._services)
        if officer:
            self.officer.setText(officer)
            self.officer.setStyleSheet("")
        else:
            self.officer.setText(self.tr("(not set: enter it in Settings)"))
            self.officer.setStyleSheet(f"color: {ERROR_COLOR};")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.show_officer()
        self.finder.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        """Esc / Cancel: ask first when something typed would be lost."""
        if self._busy:
            return
        if not self.is_dirty():
            super().reject()
            return
        if self._confirm_box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Discard this dossier?"),
            self.tr("The information typed for this dossier will be lost. Close anyway?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Discard and close"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Keep typing"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_discard_answered)
        self._confirm_box = box
        box.open()

    def confirm_box(self) -> QMessageBox | None:
        """The "discard this dossier?" question while it is open."""
        return self._confirm_box

    def _on_discard_answered(self, result: int) -> None:
        self._confirm_box = None
        if result == QMessageBox.StandardButton.Yes:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._busy:
            event.ignore()
            return
        super().closeEvent(event)
