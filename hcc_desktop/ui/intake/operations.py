"""The intake window's operations: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hcc_desktop.core.domain import CalendarOverride, Dossier, Procedure
from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.intake import IntakeDraft


def accept_dossier(services: Services, draft: IntakeDraft) -> Dossier:
    """Store a new dossier; every list and the reminders hear of it (its changes)."""
    return services.intake.accept(draft)


def read_catalog(services: Services) -> list[Procedure]:
    """Runs on the task runner: the active procedures, for the finder to search."""
    return services.catalog.list()


def read_procedure(services: Services, code: str) -> Procedure:
    """Runs on the task runner: the catalog procedure ``code`` with its checklist."""
    return services.catalog.get(code)


@dataclass(frozen=True)
class AppointmentPreview:
    """The appointment a dossier being typed would get: ``due`` is None when it
    cannot be worked out (``error`` says why); ``asked`` is the question's number."""

    asked: int
    due: datetime | None
    unconfirmed: tuple[CalendarOverride, ...] = ()
    error: str = ""


def preview_appointment(
    services: Services,
    asked: int,
    *,
    procedure_code: str,
    received_at: datetime,
    channel: str,
    use_alt_processing: bool,
) -> AppointmentPreview:
    """Runs on the task runner: the appointment, and the calendar days it leans on
    that the administrator has not confirmed yet."""
    try:
        due = services.intake.preview_due(
            procedure_code=procedure_code,
            received_at=received_at,
            channel=channel,
            use_alt_processing=use_alt_processing,
        )
    except (HccError, ValueError) as exc:
        return AppointmentPreview(asked, None, error=repr(exc))
    unconfirmed = services.settings.calendar().unconfirmed_days(received_at, due)
    return AppointmentPreview(asked, due, tuple(unconfirmed))
