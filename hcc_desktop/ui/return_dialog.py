"""Returning the result to the citizen (status 10), then offering the rating.

Who collects: the applicant (prefilled from the dossier) or an authorised
person (name, ID, phone; a power of attorney is needed); how: at the counter,
by post or at home. The CCCD QR of whoever collects can be scanned into the
name or ID field.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.domain import Collector, Dossier, Person, ResultDelivery, ReturnMethod
from hcc_desktop.errors import (
    ConflictError,
    HccError,
    QrParseError,
    TransitionError,
    ValidationError,
)
from hcc_desktop.identity import parse_cccd_qr
from hcc_desktop.services import Services
from hcc_desktop.ui.changes import notify_dossiers_changed
from hcc_desktop.ui.errors import show_error
from hcc_desktop.ui.intake_fields import EnterMovesFocus, MessageLabel, set_error_state
from hcc_desktop.ui.intake_person import QrScanCatcher
from hcc_desktop.ui.messages import error_message, field_label, field_message
from hcc_desktop.ui.screen import fit_to_screen
from hcc_desktop.ui.tasks import TaskRunner
from hcc_desktop.ui.transition_dialog import (
    DIALOG_STYLESHEET,
    ActionTimeField,
    boxed,
    done_label,
    error_box,
    esc,
    readable_params,
    refused_text,
    show_page,
    summary_label,
)

log = logging.getLogger(__name__)


class ReturnDialog(QDialog):
    """Record that the result of dossier ``key`` was handed over."""

    returned = Signal(object)  # the Dossier, status 10
    rated = Signal(object)  # a Rating stored from the follow-up rating screen

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
        self._rating_dialog: QDialog | None = None
        # What was typed for each choice, kept when switching back and forth.
        self._typed: dict[bool, tuple[str, str, str]] = {}
        self._enter_moves = EnterMovesFocus(self)
        self.setWindowTitle(
            self.tr("Return the result – dossier {code}").format(code=self._dossier.code)
        )
        self.setStyleSheet(DIALOG_STYLESHEET)
        self._build()
        self._fill_person(authorised=False)
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(640, 0)))

    # == building ====================================================================

    def _build(self) -> None:
        d = self._dossier
        heading = QLabel(self.tr("Return the result"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)

        self.applicant_radio = QRadioButton(
            self.tr("The &applicant: {name}").format(name=d.owner.full_name)
        )
        self.authorised_radio = QRadioButton(self.tr("An a&uthorised person"))
        self.who = QButtonGroup(self)
        self.who.addButton(self.applicant_radio)
        self.who.addButton(self.authorised_radio)
        self.applicant_radio.setChecked(True)
        # Always shown (its text follows the choice) so the layout never jumps.
        self.attorney_note = QLabel()
        self.attorney_note.setWordWrap(True)
        self._show_note(authorised=False)

        self.full_name = QLineEdit()
        self.full_name.setMaxLength(100)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(20)
        self.id_number.setPlaceholderText(self.tr("CCCD, CMND or passport number"))
        self.phone = QLineEdit()
        self.phone.setMaxLength(20)
        self.messages = {
            "collector.full_name": MessageLabel(),
            "collector.id_number": MessageLabel(),
            "collector.phone": MessageLabel(),
            "method": MessageLabel(),
            "note": MessageLabel(),
            "actor": MessageLabel(),
        }
        self.scan_status = MessageLabel()
        self.qr = QrScanCatcher(self)
        for w in (self.full_name, self.id_number):
            self.qr.watch(w)
        self.qr.scanned.connect(self._on_scanned)

        person = QGroupBox(self.tr("Who collects the result"))
        pf = QFormLayout(person)
        pf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        choice = QHBoxLayout()
        choice.addWidget(self.applicant_radio)
        choice.addWidget(self.authorised_radio)
        choice.addStretch(1)
        pf.addRow(choice)
        pf.addRow(self.attorney_note)

        def prow(form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, boxed(widget, self.messages[name]))

        prow(pf, self.tr("&Full name"), self.full_name, "collector.full_name")
        prow(pf, self.tr("&ID number"), self.id_number, "collector.id_number")
        prow(pf, self.tr("P&hone"), self.phone, "collector.phone")
        pf.addRow(self.scan_status)

        self.method = QComboBox()
        for method, text in (
            (ReturnMethod.COUNTER, self.tr("At the counter")),
            (ReturnMethod.POSTAL, self.tr("By post (public postal service)")),
            (ReturnMethod.HOME, self.tr("At home (home visit)")),
        ):
            self.method.addItem(text, method.value)
        if d.result_delivery is ResultDelivery.POSTAL:
            self.method.setCurrentIndex(1)
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.time_field = ActionTimeField()
        self.messages["at"] = self.time_field.message
        self._load_previous_time()
        officer = self._services.settings.load().officer_name
        self.officer_label = QLabel(officer or self.tr("(not set: enter it in Settings)"))

        how = QGroupBox(self.tr("How"))
        hf = QFormLayout(how)
        hf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        prow(hf, self.tr("&Returned"), self.method, "method")
        time_label = QLabel(self.tr("&Time"))
        time_label.setBuddy(self.time_field.edit)
        hf.addRow(time_label, self.time_field)
        prow(hf, self.tr("N&ote"), self.note, "note")
        hf.addRow(self.tr("Officer"), boxed(self.officer_label, self.messages["actor"]))

        self.general = error_box()
        self.ok_button = QPushButton(self.tr("Return the resul&t"))
        self.ok_button.setDefault(True)
        self.ok_button.setMinimumWidth(150)
        self.ok_button.setToolTip(self.tr("Record the return (Ctrl+Enter)"))
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
        f.addWidget(person)
        f.addWidget(how)
        f.addWidget(self.general)
        f.addStretch(1)
        f.addLayout(buttons)

        done_page = QWidget()
        self.done_message = done_label()
        self.rating_question = QLabel(
            self.tr(
                "Invite the citizen to rate their satisfaction: turn the screen towards them "
                "or enter their answers for them."
            )
        )
        self.rating_question.setWordWrap(True)
        self.rate_button = QPushButton(self.tr("Satisfaction &rating…"))
        self.rate_button.setMinimumWidth(180)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        db = QHBoxLayout()
        db.addStretch(1)
        db.addWidget(self.rate_button)
        db.addWidget(self.close_button)
        dv = QVBoxLayout(done_page)
        dv.setContentsMargins(0, 0, 0, 0)
        dv.addWidget(self.done_message)
        dv.addWidget(self.rating_question)
        dv.addStretch(1)
        dv.addLayout(db)
        self.done_page = done_page

        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(done_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.applicant_radio.toggled.connect(self._on_who_changed)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.rate_button.clicked.connect(self.open_rating)
        self.close_button.clicked.connect(self.accept)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.submit)
        self.full_name.textEdited.connect(lambda _t: self._clear("collector.full_name"))
        self.id_number.textEdited.connect(lambda _t: self._clear("collector.id_number"))
        self.phone.textEdited.connect(lambda _t: self._clear("collector.phone"))
        self._chain: list[QWidget] = [
            self.applicant_radio,
            self.authorised_radio,
            self.full_name,
            self.id_number,
            self.phone,
            self.method,
            self.time_field.edit,
            self.time_field.now_button,
            self.note,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(self._chain):
            QWidget.setTabOrder(first, second)
        for w in (self.full_name, self.id_number, self.phone, self.method, self.note):
            w.installEventFilter(self._enter_moves)
        self.time_field.edit.installEventFilter(self._enter_moves)

    def _load_previous_time(self) -> None:
        try:
            events = self._services.dossiers.timeline(self._dossier.id)
        except HccError:
            return
        if events:
            self.time_field.set_previous(max(e.at for e in events))

    # == who collects ================================================================

    def _person_for(self, authorised: bool) -> Person | None:
        if not authorised:
            return self._dossier.owner
        # Whoever submitted the dossier for the applicant often collects it too.
        submitter = self._dossier.submitter
        if submitter is not None and submitter.id_number != self._dossier.owner.id_number:
            return submitter
        return None

    def _show_note(self, *, authorised: bool) -> None:
        if authorised:
            text = self.tr(
                "The authorised person must show a valid power of attorney and their own "
                "identity paper. Keep a copy of the power of attorney with the dossier."
            )
            style = "background: #fff8e1; color: #6d4c00; border: 1px solid #ffe082;"
        else:
            text = self.tr(
                "Check the applicant's identity paper against the dossier before handing "
                "over the result."
            )
            style = "background: #eceff1; color: #37474f; border: 1px solid #cfd8dc;"
        self.attorney_note.setText(text)
        self.attorney_note.setProperty("authorised", authorised)
        self.attorney_note.setStyleSheet(
            f"QLabel {{ {style} border-radius: 3px; padding: 6px 8px; }}"
        )

    def _fill_person(self, *, authorised: bool) -> None:
        typed = self._typed.get(authorised)
        if typed is None:
            person = self._person_for(authorised)
            typed = (person.full_name, person.id_number, person.phone) if person else ("", "", "")
        self.full_name.setText(typed[0])
        self.id_number.setText(typed[1])
        self.phone.setText(typed[2])

    def _on_who_changed(self, applicant: bool) -> None:
        authorised = not applicant
        self._typed[not authorised] = (
            self.full_name.text(),
            self.id_number.text(),
            self.phone.text(),
        )
        self._fill_person(authorised=authorised)
        self._show_note(authorised=authorised)
        self.scan_status.clear_message()
        for name in ("collector.full_name", "collector.id_number", "collector.phone"):
            self._clear(name)
        if authorised:
            self.full_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_scanned(self, widget: QWidget, raw: str) -> None:
        try:
            data = parse_cccd_qr(raw)
        except QrParseError as exc:
            self.scan_status.show_error(error_message(exc))
            return
        self.full_name.setText(data.full_name)
        self.id_number.setText(data.id_number)
        if data.id_number != self._dossier.owner.id_number:
            self.authorised_radio.blockSignals(True)
            self.applicant_radio.blockSignals(True)
            self.authorised_radio.setChecked(True)
            self.authorised_radio.blockSignals(False)
            self.applicant_radio.blockSignals(False)
            self._show_note(authorised=True)
            self.phone.clear()
        self.scan_status.show_ok(self.tr("CCCD QR code read"))
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)

    def is_authorised(self) -> bool:
        return self.authorised_radio.isChecked()

    def set_authorised(self, authorised: bool) -> None:
        (self.authorised_radio if authorised else self.applicant_radio).setChecked(True)

    def collector(self) -> Collector:
        return Collector(
            full_name=self.full_name.text(),
            id_number=self.id_number.text(),
            authorised=self.is_authorised(),
            phone=self.phone.text(),
        )

    def return_method(self) -> ReturnMethod:
        return ReturnMethod(str(self.method.currentData()))

    # == saving ======================================================================

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def submit(self) -> None:
        if self._busy or self.pages.currentWidget() is self.done_page:
            return
        self.clear_errors()
        self._set_busy(True)
        self._runner.run(
            self._services.lifecycle.return_result,
            self._dossier.id,
            collector=self.collector(),
            method=self.return_method(),
            at=self.time_field.value(),
            note=self.note.text(),
            on_done=self._on_done,
            on_error=self._on_failed,
        )

    def _on_done(self, dossier: Dossier) -> None:
        self._set_busy(False)
        self._result = dossier
        notify_dossiers_changed([dossier.id])
        self.returned.emit(dossier)
        self.done_message.setText(
            self.tr("✔ The result of dossier <b>{code}</b> was returned to {name}.").format(
                code=esc(dossier.code), name=esc(self.full_name.text().strip())
            )
        )
        show_page(self, self.pages, self.done_page)
        self.rate_button.setDefault(True)
        self.rate_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_validation(exc)
        elif isinstance(exc, TransitionError | ConflictError):
            self.general.setText(refused_text(exc))
            self.general.show()
            notify_dossiers_changed([self._dossier.id])
        elif isinstance(exc, HccError):
            self.general.setText(error_message(exc))
            self.general.show()
        else:
            show_error(self, exc)

    def stored_dossier(self) -> Dossier | None:
        return self._result

    def is_busy(self) -> bool:
        return self._busy

    # == errors ======================================================================

    def _widget_for(self, name: str) -> QWidget | None:
        return {
            "collector.full_name": self.full_name,
            "collector.id_number": self.id_number,
            "collector.phone": self.phone,
            "method": self.method,
            "note": self.note,
            "at": self.time_field.edit,
        }.get(name)

    def _clear(self, name: str) -> None:
        label = self.messages.get(name)
        if label is not None and label.isVisible():
            label.clear_message()
            widget = self._widget_for(name)
            if widget is not None:
                set_error_state(widget, False)

    def clear_errors(self) -> None:
        for name in self.messages:
            self._clear(name)
        self.time_field.clear_error()
        self.general.hide()

    def message(self, name: str) -> str:
        label = self.messages.get(name)
        return label.text() if label is not None and label.isVisible() else ""

    def general_message(self) -> str:
        return self.general.text() if self.general.isVisible() else ""

    def show_validation(self, exc: ValidationError) -> None:
        faulty: list[QWidget] = []
        general: list[str] = []
        for err in exc.errors:
            err = readable_params(err)
            text = field_message(err)
            label = self.messages.get(err.field)
            if label is None:
                general.append(f"{field_label(err.field)}: {text}")
                continue
            label.show_error(text)
            widget = self._widget_for(err.field)
            if widget is not None:
                set_error_state(widget, True)
                faulty.append(widget)
        if general:
            self.general.setText("\n".join(general))
            self.general.show()
        targets = sorted(faulty, key=lambda w: self._chain.index(w) if w in self._chain else 99)
        if targets:
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(targets[0], QLineEdit):
                targets[0].selectAll()

    # == rating ======================================================================

    def open_rating(self) -> QDialog:
        """The satisfaction screen for the citizen; this dialog closes after it."""
        from hcc_desktop.ui.rating_dialog import RatingDialog

        dialog = RatingDialog(self._services, self._runner, self._dossier.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.rated.connect(self.rated)
        dialog.finished.connect(self._after_rating)
        self._rating_dialog = dialog
        dialog.open()
        return dialog

    def rating_dialog(self) -> QDialog | None:
        return self._rating_dialog

    def _after_rating(self, _result: int) -> None:
        self._rating_dialog = None
        self.accept()

    # == Qt ===========================================================================

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.pages.currentIndex() == 0:
            self.applicant_radio.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self._busy:
            return
        if self.pages.currentWidget() is self.done_page:
            self.accept()
            return
        super().reject()
