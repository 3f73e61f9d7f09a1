"""Returning the result to the citizen (status 10), then offering the rating.

Who collects: the applicant (prefilled from the dossier) or an authorised
person (name, ID, phone; a power of attorney is needed); how: at the counter,
by post or at home. The CCCD QR of whoever collects can be scanned into the
name or ID field.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
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
    QWidget,
)

from hcc_desktop.core.domain import Action, Collector, Dossier, Person, ResultDelivery, ReturnMethod
from hcc_desktop.core.errors import HccError, QrParseError
from hcc_desktop.core.identity import parse_cccd_qr
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.dialog_parts import DossierChangeDialog
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.dossier.transition import ActionTimeField, refused_text
from hcc_desktop.ui.intake.fields import EnterMovesFocus, MessageLabel
from hcc_desktop.ui.intake.person import QrScanCatcher

log = logging.getLogger(__name__)


class ReturnDialog(DossierChangeDialog):
    """Record that the result of dossier ``key`` was handed over."""

    returned = Signal(object)  # the Dossier, status 10
    rated = Signal(object)  # a Rating stored from the follow-up rating screen

    MIN_WIDTH = 640

    # == building ====================================================================

    def _build(self) -> None:
        d = self._dossier
        self._rating_dialog: QDialog | None = None
        # What was typed for each choice, kept when switching back and forth.
        self._typed: dict[bool, tuple[str, str, str]] = {}
        self._enter_moves = EnterMovesFocus(self)
        self.setWindowTitle(self.tr("Return the result – dossier {code}").format(code=d.code))
        heading = parts.heading_label(self.tr("Return the result"))

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
            form.addRow(label, parts.boxed(widget, self.errors.add(name, widget)))

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
        self.errors.add("at", self.time_field.edit, label=self.time_field.message)
        self.time_field.set_previous(self._last_event_time())

        how = QGroupBox(self.tr("How"))
        hf = QFormLayout(how)
        hf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        prow(hf, self.tr("&Returned"), self.method, "method")
        time_label = QLabel(self.tr("&Time"))
        time_label.setBuddy(self.time_field.edit)
        hf.addRow(time_label, self.time_field)
        prow(hf, self.tr("N&ote"), self.note, "note")
        hf.addRow(
            self.tr("Officer"), self._officer_field(self.tr("(not set: enter it in Settings)"))
        )
        self.messages = self.errors.labels

        self.ok_button = parts.dialog_button(
            self.tr("Return the resul&t"),
            self.tr("Record the return (Ctrl+Enter)"),
            primary=True,
            min_width=150,
        )
        self.cancel_button = parts.dialog_button(
            self.tr("Cancel"), self.tr("Close without saving (Esc)")
        )
        form_page = parts.page(
            heading,
            parts.summary_label(d),
            person,
            how,
            self.general,
            buttons=parts.button_row(self.ok_button, self.cancel_button),
        )

        self.done_message = parts.done_label()
        self.rating_question = QLabel(
            self.tr(
                "Invite the citizen to rate their satisfaction: turn the screen towards them "
                "or enter their answers for them."
            )
        )
        self.rating_question.setWordWrap(True)
        self.rate_button = QPushButton(self.tr("Satisfaction &rating…"))
        self.rate_button.setMinimumWidth(180)
        self.close_button = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"))
        done_page = parts.page(
            self.done_message,
            self.rating_question,
            buttons=parts.button_row(self.rate_button, self.close_button),
        )
        self._stack_pages(form_page, done_page)
        self._busy_widgets = [self.ok_button, self.cancel_button]

        self.applicant_radio.toggled.connect(self._on_who_changed)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.rate_button.clicked.connect(self.open_rating)
        self.close_button.clicked.connect(self.accept)
        parts.add_submit_keys(self, self.submit)
        for w, name in (
            (self.full_name, "collector.full_name"),
            (self.id_number, "collector.id_number"),
            (self.phone, "collector.phone"),
        ):
            w.textEdited.connect(lambda _t, name=name: self.errors.clear(name))
        self._chain = [
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
        parts.set_tab_chain(self._chain)
        for w in (self.full_name, self.id_number, self.phone, self.method, self.note):
            w.installEventFilter(self._enter_moves)
        self.time_field.edit.installEventFilter(self._enter_moves)
        self._fill_person(authorised=False)

    def _first_field(self) -> QWidget:
        return self.applicant_radio

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
            self.errors.clear(name)
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

    def submit(self) -> None:
        if not self._ready_to_store():
            return
        self.clear_errors()
        self._store(
            self._services.lifecycle.return_result,
            self._dossier.id,
            collector=self.collector(),
            method=self.return_method(),
            at=self.time_field.value(),
            note=self.note.text(),
        )

    def _stored(self, dossier: Dossier) -> None:
        self._result = dossier
        self.returned.emit(dossier)
        self.done_message.setText(
            self.tr("✔ The result of dossier <b>{code}</b> was returned to {name}.").format(
                code=parts.esc(dossier.code), name=parts.esc(self.full_name.text().strip())
            )
        )
        self._show_done(self.rate_button)

    def _refusal_text(self, exc: HccError) -> str:
        return refused_text(exc, Action.RETURN)

    # == rating ======================================================================

    def open_rating(self) -> QDialog:
        """The satisfaction screen for the citizen; this dialog closes after it."""
        from hcc_desktop.ui.dossier.rating import RatingDialog

        # The dossier as the return left it: the rating dialog reads nothing itself.
        dialog = RatingDialog(self._services, self._runner, self._result or self._dossier, self)
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
