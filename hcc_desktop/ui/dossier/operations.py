"""The dossier window's reads: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Dossier, DossierEvent, Procedure, Timeliness
from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services


@dataclass(frozen=True)
class DossierView:
    """What the dossier window shows, read in one go on the task runner: the
    dossier, its timeline and what the work calendar says of its appointment."""

    generation: int
    dossier: Dossier
    events: list[DossierEvent]
    verdict: Timeliness | None  # late / on time, as of the read
    due: datetime  # the appointment as it stands (moved while the clock is stopped)
    next_working_day: date  # after today: "the appointment is near" before it
    working_days_late: int  # how late, in working days, as of the read


def read_dossier(
    services: Services, key: str, generation: int, opening: bool = True
) -> DossierView:
    """Runs on the task runner: the dossier ``key``, its timeline and its appointment;
    ``opening``: the window opens, so the access is logged first (no entry, nothing
    shown)."""
    dossier = services.dossiers.get(key)
    if opening:
        services.access.opened(dossier)
    events = list(services.dossiers.timeline(dossier.id))
    lifecycle = services.lifecycle
    due = lifecycle.effective_due(dossier)
    now = local_now()
    calendar = services.settings.calendar()
    return DossierView(
        generation=generation,
        dossier=dossier,
        events=events,
        verdict=lifecycle.timeliness(dossier),
        due=due,
        next_working_day=calendar.next_working_day(now.date()),
        working_days_late=calendar.working_days_late(due, now),
    )


def read_dossier_and_events(services: Services, key: str) -> tuple[Dossier, list[DossierEvent]]:
    """Runs on the task runner: the dossier ``key`` and its timeline, for an action
    dialog opened from a list (the dialog then reads nothing on the GUI thread)."""
    dossier = services.dossiers.get(key)
    return dossier, list(services.dossiers.timeline(dossier.id))


def read_procedure(services: Services, code: str) -> Procedure:
    """Runs on the task runner: the catalog procedure ``code`` (its checklist)."""
    return services.catalog.get(code)


def read_current(services: Services, key: str) -> Dossier:
    """Runs on the task runner: the dossier ``key`` as it is stored now."""
    return services.dossiers.get(key)


def preview_effective_due(
    services: Services, dossier: Dossier, as_of: datetime, asked: int
) -> tuple[int, datetime | None]:
    """Runs on the task runner: the appointment of ``dossier`` as it would stand at
    ``as_of`` (None when it cannot be worked out); ``asked`` numbers the question."""
    try:
        return asked, services.lifecycle.effective_due(dossier, as_of=as_of)
    except (HccError, ValueError):
        return asked, None
