"""Work outside the counter (issue 13): Saturday sessions, home visits, QR boards.

Plain values and rules, no database and no Qt. A Saturday session (buổi tiếp
nhận thứ Bảy) is planned in a rota for a residential quarter (khu phố), opened
on its day by one laptop (every dossier received there while it is open is
tagged with it) and closed with a printed summary. A home visit serves a
resident of the home-service register (elderly, disabled, living alone) on
request; it is planned with a day and an officer and recorded once done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from hcc_desktop.core.text import fold

# The national public service portal's page of a procedure, by its code.
DEFAULT_PROCEDURE_URL = (
    "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc={code}"
)
DEFAULT_SESSION_START = time(7, 30)
DEFAULT_SESSION_END = time(11, 30)
MAX_OFFICERS = 8


class SessionStatus(StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class VisitStatus(StrEnum):
    REQUESTED = "requested"
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class HomeReason(StrEnum):
    """Why a resident is served at home (several may apply)."""

    AGE = "age"  # cao tuổi
    DISABILITY = "disability"  # khuyết tật
    ALONE = "alone"  # neo đơn, sống một mình
    ILLNESS = "illness"  # ốm đau, không đi lại được
    OTHER = "other"


@dataclass(frozen=True)
class FieldSession:
    """One Saturday session of the rota."""

    id: str
    unit_code: str
    quarter: str
    day: date
    place: str
    start: time
    end: time
    officers: tuple[str, ...]
    status: SessionStatus
    note: str = ""
    opened_at: datetime | None = None
    closed_at: datetime | None = None
    opened_device_id: str = ""
    version: int = 1
    dossier_count: int = 0


@dataclass(frozen=True)
class CountLine:
    """One line of a summary: a label (procedure, method, level), a count, an amount."""

    key: str
    label: str
    count: int
    amount: int = 0


@dataclass(frozen=True)
class SessionSummary:
    """What a closed (or open) session did: printed when it closes."""

    session: FieldSession
    dossiers: int
    by_procedure: tuple[CountLine, ...]
    fees_by_method: tuple[CountLine, ...]
    fees_total: int
    returns: int
    ratings: tuple[CountLine, ...]  # by overall level, 3 → 1
    codes: tuple[str, ...]


@dataclass(frozen=True)
class SessionFigures:
    """Counts of a group of sessions (one session, or every session of a quarter)."""

    key: str  # session id or quarter name
    label: str
    sessions: int
    dossiers: int
    fees_total: int
    returns: int
    ratings: int
    # Dossiers received per procedure (most first) and ratings per overall level (3 → 1).
    by_procedure: tuple[CountLine, ...] = ()
    ratings_by_level: tuple[CountLine, ...] = ()


@dataclass(frozen=True)
class HomeResident:
    """A resident of the home-service register: only what a visit needs."""

    id: str
    full_name: str
    reasons: tuple[HomeReason, ...]
    quarter: str
    address: str
    phone: str
    consent_on: date
    note: str = ""
    active: bool = True


@dataclass(frozen=True)
class HomeVisit:
    """A visit request, planned and then recorded once done."""

    id: str
    resident_id: str
    resident_name: str
    quarter: str
    address: str
    requested_by: str
    requested_at: datetime
    purpose: str
    status: VisitStatus
    planned_on: date | None = None
    officer: str = ""
    done_at: datetime | None = None
    dossiers_received: int = 0
    results_delivered: int = 0
    ratings_taken: int = 0
    outcome: str = ""
    minutes_spent: int = 0


@dataclass(frozen=True)
class QrLink:
    procedure_code: str
    procedure_name: str
    url: str


@dataclass(frozen=True)
class QrBoard:
    """What a quarter's poster shows."""

    unit_name: str
    parent_body: str
    quarter: str
    links: tuple[QrLink, ...]
    sessions: tuple[FieldSession, ...]
    phone: str


def quarter_key(name: str) -> str:
    """The comparison key of a quarter's name: "Khu phố 3" and "khu pho  3" match."""
    return " ".join(fold(name).split())


def procedure_url(template: str, code: str) -> str:
    """The information page of a procedure from a template holding ``{code}``."""
    template = template.strip() or DEFAULT_PROCEDURE_URL
    return template.replace("{code}", code) if "{code}" in template else template


def next_sessions(
    sessions: list[FieldSession] | tuple[FieldSession, ...],
    quarter: str,
    today: date,
    limit: int = 4,
) -> tuple[FieldSession, ...]:
    """The quarter's coming sessions (today included), earliest first; cancelled ones left out."""
    key = quarter_key(quarter)
    coming = [
        s
        for s in sessions
        if quarter_key(s.quarter) == key
        and s.day >= today
        and s.status in (SessionStatus.PLANNED, SessionStatus.OPEN)
    ]
    coming.sort(key=lambda s: (s.day, s.start))
    return tuple(coming[:limit])


def visits_due(
    visits: list[HomeVisit] | tuple[HomeVisit, ...], today: date, horizon_days: int = 7
) -> tuple[HomeVisit, ...]:
    """Visits to do: planned up to ``today + horizon_days`` (overdue included) and
    requests not planned yet, the oldest first."""
    due: list[HomeVisit] = []
    for v in visits:
        if v.status == VisitStatus.REQUESTED or (
            v.status == VisitStatus.PLANNED
            and v.planned_on is not None
            and (v.planned_on - today).days <= horizon_days
        ):
            due.append(v)
    due.sort(key=lambda v: (v.planned_on or v.requested_at.date(), v.requested_at))
    return tuple(due)
