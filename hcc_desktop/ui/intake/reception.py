"""The intake dialog's reception part: what the chosen procedure costs and how
long it takes, the reception details (channel, fee, time received) and the
appointment they give. A mixin of ``IntakeDialog``, which builds the widgets it
uses (``_build_reception``)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QWidget

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import CalendarOverride, FeeMethod, Procedure
from hcc_desktop.core.text import format_money
from hcc_desktop.ui.intake.fields import set_error_state
from hcc_desktop.ui.intake.operations import AppointmentPreview, preview_appointment

log = logging.getLogger(__name__)


class ReceptionMixin:
    """The procedure's facts and the reception details of ``IntakeDialog``."""

    # == procedure facts ===============================================================

    def _show_fee_quantities(self, procedure: Procedure | None) -> None:
        units = {f.unit for f in procedure.fees if f.amount > 0} if procedure else set()
        self.fee_pages.blockSignals(True)
        self.fee_copies.blockSignals(True)
        self.fee_pages.setValue(1)
        self.fee_copies.setValue(1)
        self.fee_pages.blockSignals(False)
        self.fee_copies.blockSignals(False)
        self.fee_pages.setVisible("page" in units)
        self.fee_copies.setVisible(bool(units & {"page", "copy"}))
        shown = procedure is not None and procedure.fee_varies
        self.fee_quantities.setVisible(shown)
        self.fee_quantities_label.setVisible(shown)
        self.fee_quantities_label.setBuddy(self.fee_pages if "page" in units else self.fee_copies)

    def _recompute_fee(self) -> None:
        if self._procedure is not None and self.fee.isEnabled():
            self.fee.setValue(
                self._procedure.fee_for(
                    pages=self.fee_pages.value(), copies=self.fee_copies.value()
                )
            )

    def _days_text(self, days: int) -> str:
        if days == 0:
            return self.tr("Same day")
        return self.tr("{days} working days").format(days=days)

    def _fee_text(self, procedure: Procedure) -> str:
        units = {
            "dossier": self.tr("per dossier"),
            "copy": self.tr("per copy"),
            "page": self.tr("per page"),
        }
        tier_range = {
            "page": self.tr("(pages {first}–{last})"),
            "copy": self.tr("(copies {first}–{last})"),
        }
        tier_from = {
            "page": self.tr("(from page {first})"),
            "copy": self.tr("(from copy {first})"),
        }
        charged = [f for f in procedure.fees if f.amount > 0]
        if charged:
            parts = []
            done: dict[str, int] = {}  # units already covered by earlier tiers
            for f in charged:
                text = f"{format_money(f.amount)} {units.get(f.unit, '')}".strip()
                start = done.get(f.unit, 0)
                if f.first_units and f.unit in tier_range:
                    text += " " + tier_range[f.unit].format(
                        first=start + 1, last=start + f.first_units
                    )
                    done[f.unit] = start + f.first_units
                elif start and f.unit in tier_from:
                    text += " " + tier_from[f.unit].format(first=start + 1)
                parts.append(text)
            cap = max((f.max_total for f in charged), default=0)
            if cap:
                parts.append(self.tr("at most {amount} per copy").format(amount=format_money(cap)))
            return "; ".join(parts)
        notes = [f.note for f in procedure.fees if f.note]
        if notes:
            return notes[0]
        return procedure.fee_note or self.tr("No fee")

    def _show_procedure_info(self, procedure: Procedure | None) -> None:
        if procedure is None:
            self.procedure_info.setText(
                "<span style='color:gray'>"
                + self.tr("Type a few words of the procedure's name or its code, then ↓ and Enter.")
                + "</span>"
            )
            self.alt_check.hide()
            self.alt_note.hide()
            return
        parts = [
            f"<b>{_esc(procedure.name)}</b>",
            self.tr("Field: {field}").format(field=_esc(procedure.field or "—")),
            self.tr("Processing time: {days}").format(
                days=f"<b>{self._days_text(procedure.processing_days)}</b>"
            ),
            self.tr("Fee: {fee}").format(fee=_esc(self._fee_text(procedure))),
        ]
        self.procedure_info.setText(" · ".join(parts))
        self.procedure_info.setToolTip(
            "\n".join(
                f"{f.name}: {format_money(f.amount)} {f.note}".strip() for f in procedure.fees
            )
        )
        self.alt_check.blockSignals(True)
        self.alt_check.setChecked(False)
        self.alt_check.blockSignals(False)
        alt = procedure.processing_days_alt
        if alt is None:
            self.alt_check.hide()
            self.alt_note.hide()
        else:
            self.alt_check.setText(
                self.tr("Use the alternative time limit: {days}").format(days=self._days_text(alt))
            )
            self.alt_note.setText(procedure.processing_alt_note)
            self.alt_check.setToolTip(procedure.processing_alt_note)
            self.alt_check.show()
            self.alt_note.setVisible(bool(procedure.processing_alt_note))

    # == reception ===================================================================

    def _on_fee_method_changed(self, _index: int) -> None:
        exempt = self.fee_method.currentData() == FeeMethod.EXEMPT.value
        if exempt and self.fee.isEnabled():
            self._fee_before_exempt = self.fee.value()
            self.fee.setValue(0)
        elif not exempt and not self.fee.isEnabled():
            self.fee.setValue(self._fee_before_exempt)
        self.fee.setEnabled(not exempt)
        self._clear_reception_error("fee_method")

    def _set_received(self, moment: QDateTime) -> None:
        self._setting_received = True
        try:
            self.received_at.setDateTime(moment)
        finally:
            self._setting_received = False

    def _on_received_changed(self, _moment: QDateTime) -> None:
        if not self._setting_received:
            self._received_edited = True
            self._clear_reception_error("received_at")
        self._update_due()

    def _refresh_now(self) -> None:
        if not self._received_edited and not self.received_at.hasFocus():
            self._set_received(_now_qt())
            self._update_due()

    def use_current_time(self) -> None:
        """Back to "received now" after the time was edited."""
        self._received_edited = False
        self._set_received(_now_qt())
        self._clear_reception_error("received_at")
        self._update_due()

    def _received_for_preview(self) -> datetime:
        if self._received_edited:
            return _to_datetime(self.received_at.dateTime())
        return local_now().replace(second=0, microsecond=0)

    def _update_due(self) -> None:
        procedure = self._procedure
        # Every change asks again; only the answer to the latest question is shown.
        self._due_asked += 1
        if procedure is None:
            self.due_label.setText(
                self.tr("Result appointment: {when}").format(
                    when="<span style='color:gray'>" + self.tr("choose a procedure") + "</span>"
                )
            )
            return
        # The calendar is read on the task runner, not on the GUI thread.
        self._due_reads += 1
        self._runner.run(
            preview_appointment,
            self._services,
            self._due_asked,
            procedure_code=procedure.code,
            received_at=self._received_for_preview(),
            channel=str(self.channel.currentData()),
            use_alt_processing=self.alt_check.isVisible() and self.alt_check.isChecked(),
            on_done=self._due_previewed,
            on_error=self._due_failed,
        )

    @property
    def loading_due(self) -> bool:
        """True while the appointment shown is being worked out on the task runner."""
        return self._due_reads > 0

    def _due_previewed(self, preview: AppointmentPreview) -> None:
        self._due_reads -= 1
        if preview.asked != self._due_asked:
            return  # a newer question is on its way
        due = preview.due
        if due is None:
            log.warning("cannot preview the appointment: %r", preview.error)
            self.due_label.setText(self.tr("Result appointment: {when}").format(when="—"))
            return
        text = self.tr("Result appointment: {when}").format(when=f"<b>{self.due_text(due)}</b>")
        note = self.unconfirmed_note(preview.unconfirmed)
        if note:
            text += f"<br><span style='color:#8a5a00'>{_esc(note)}</span>"
        self.due_label.setText(text)

    def _due_failed(self, exc: BaseException) -> None:
        self._due_reads -= 1
        raise exc

    def unconfirmed_note(self, days: Sequence[CalendarOverride]) -> str:
        """The appointment leans on calendar days not confirmed yet: say which."""
        if not days:
            return ""
        return self.tr(
            "Counts on {days}, not confirmed yet by the administrator "
            "(Settings › Office hours & days off)."
        ).format(
            days=", ".join(f"{o.day:%d/%m/%Y}" + (f" ({o.note})" if o.note else "") for o in days)
        )

    def due_text(self, due: datetime) -> str:
        """``17 giờ 00 phút, ngày 24/11/2026`` (in Vietnamese)."""
        return self.tr("{hour}:{minute}, {date}").format(
            hour=f"{due.hour:02d}", minute=f"{due.minute:02d}", date=due.strftime("%d/%m/%Y")
        )

    def _clear_reception_error(self, name: str) -> None:
        label = self.reception_messages.get(name)
        if label is not None and label.text():
            label.clear_message()
            widget = self._reception_widget(name)
            if widget is not None:
                set_error_state(widget, False)

    def _reception_widget(self, name: str) -> QWidget | None:
        return {
            "channel": self.channel,
            "result_delivery": self.delivery,
            "sets_count": self.sets,
            "fee_pages": self.fee_pages,
            "fee_copies": self.fee_copies,
            "fee_amount": self.fee,
            "fee_method": self.fee_method,
            "received_at": self.received_at,
            "note": self.note,
            "received_by": None,
            "use_alt_processing": self.alt_check,
        }.get(name)


def _now_qt() -> QDateTime:
    """The unit's wall clock (Vietnam time, as the core's), whatever the PC's zone."""
    return QDateTime(local_now().replace(second=0, microsecond=0))


def _to_datetime(moment: QDateTime) -> datetime:
    value = moment.toPython()
    assert isinstance(value, datetime)
    return value.replace(second=0, microsecond=0)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
