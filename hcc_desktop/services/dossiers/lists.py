"""The hot lists' SQL and row mapping, free of SQLAlchemy (issue 14).

The worklists, their counts, the reminders, today's intake and search run plain SQL
built from fixed pieces and map raw rows themselves. That SQL lives here, once: the
services (``lifecycle``, ``query``) run it on their session's own sqlite3 cursor, and the
desktop program's start-up (``services/early.py``) runs it on a keyed sqlcipher3
connection of its own before SQLAlchemy and the services are imported, to show the
first lists sooner. Nothing here imports SQLAlchemy (a test checks it); the table names
are checked against the models by a test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from hcc_desktop.core.domain import Channel, DossierStatus, Timeliness
from hcc_desktop.core.lifecycle import CLOCK_RUNNING
from hcc_desktop.core.worktime import WorkCalendar

S = DossierStatus
DOSSIERS = "dossiers"  # DossierRow.__tablename__
PROCEDURES = "procedures"  # ProcedureRow.__tablename__


@dataclass(frozen=True)
class DossierSummary:
    """One row of a dossier list."""

    id: str
    code: str
    full_name: str
    id_number: str
    phone: str
    procedure_code: str
    procedure_name: str
    status: DossierStatus
    channel: Channel
    received_at: datetime
    due_at: datetime
    received_by: str
    holder: str = ""
    supplement_count: int = 0
    ended_at: datetime | None = None
    # Fixed once ended; for open dossiers the list that made the summary may
    # set LATE (appointment date past) — None means on time so far.
    timeliness: Timeliness | None = None
    procedure_short_name: str = ""  # from the catalog; "" when it has none
    # The new appointment of a recorded apology (Mẫu 04), if any.
    proposed_due_at: datetime | None = None
    # Set by the worklists and reminders for an overdue open dossier: working days past
    # the appointment (0 while late by less than a working day, e.g. at the weekend).
    days_late: int = 0

    @property
    def apologised(self) -> bool:
        """An apology with a new appointment is on record: none is to be sent again."""
        return self.proposed_due_at is not None

    @property
    def current_due(self) -> datetime:
        """The appointment the citizen was last given: the apology's, else the original."""
        return self.proposed_due_at or self.due_at

    @property
    def procedure_display(self) -> str:
        """What a list shows: the short name, else the dossier's full procedure title."""
        return self.procedure_short_name.strip() or self.procedure_name

    @classmethod
    def from_row(cls, r: tuple[Any, ...]) -> DossierSummary:
        """From a row selected with ``summary_columns()``."""
        return cls(
            id=r[0],
            code=r[1],
            full_name=r[2],
            id_number=r[3],
            phone=r[4],
            procedure_code=r[5],
            procedure_name=r[6],
            status=DossierStatus(r[7]),
            channel=Channel(r[8]),
            received_at=r[9],
            due_at=r[10],
            received_by=r[11],
            holder=r[12],
            supplement_count=r[13],
            ended_at=r[14],
            timeliness=Timeliness(r[15]) if r[15] else None,
            proposed_due_at=r[16],
            procedure_short_name=(r[17] if len(r) > 17 else "") or "",
        )


# The columns of _SUMMARY_COLUMNS, in the same order, as plain SQL over ``dossiers d``.
SUMMARY_SELECT = (
    "SELECT d.id, d.code, d.owner_name, d.owner_id_number, d.owner_phone, "
    "d.procedure_code, d.procedure_name, d.status, d.channel, d.received_at, d.due_at, "
    "d.received_by, d.holder, d.supplement_count, d.ended_at, d.timeliness, "
    "d.proposed_due_at, "
    f"(SELECT p.short_name FROM {PROCEDURES} p "
    "WHERE p.code = d.procedure_code) "
    f"FROM {DOSSIERS} d"
)

_STATUS = {int(s): s for s in DossierStatus}
_CHANNEL = {c.value: c for c in Channel}
_TIMELINESS = {t.value: t for t in Timeliness}
_parse_dt = datetime.fromisoformat


def sql_datetime(value: datetime) -> str:
    """A datetime as SQLAlchemy stores it in SQLite (naive wall clock, microseconds)."""
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


# (status, due_at, ended_at, timeliness, supplement_count) -> (timeliness, days_late)
Verdict = Callable[
    [DossierStatus, datetime, datetime | None, Timeliness | None, int],
    tuple[Timeliness | None, int],
]


def summaries_from_sql(
    rows: Iterable[tuple[Any, ...]], verdict: Verdict | None = None
) -> list[DossierSummary]:
    """DossierSummary objects from raw rows of ``SUMMARY_SELECT``.

    The same values as ``DossierSummary.from_row`` over SQLAlchemy's rows (a test
    compares them), made for lists of hundreds of rows: enums looked up in dicts,
    datetimes parsed by ``datetime.fromisoformat``, and the frozen dataclass filled
    directly instead of through its ``__init__`` (one ``object.__setattr__`` per
    field). ``verdict`` may set the timeliness and working days late of each row.
    """
    new = object.__new__
    parse = _parse_dt
    found: list[DossierSummary] = []
    append = found.append
    for r in rows:
        status = _STATUS[r[7]]
        due = parse(r[10])
        ended = parse(r[14]) if r[14] else None
        timeliness = _TIMELINESS[r[15]] if r[15] else None
        days_late = 0
        if verdict is not None:
            timeliness, days_late = verdict(status, due, ended, timeliness, r[13])
        d = new(DossierSummary)
        d.__dict__.update(
            id=r[0],
            code=r[1],
            full_name=r[2],
            id_number=r[3],
            phone=r[4],
            procedure_code=r[5],
            procedure_name=r[6],
            status=status,
            channel=_CHANNEL[r[8]],
            received_at=parse(r[9]),
            due_at=due,
            received_by=r[11],
            holder=r[12],
            supplement_count=r[13],
            ended_at=ended,
            timeliness=timeliness,
            procedure_short_name=r[17] or "",
            proposed_due_at=parse(r[16]) if r[16] else None,
            days_late=days_late,
        )
        append(d)
    return found


SEARCH_SQL = (
    f"{SUMMARY_SELECT} WHERE d.pk IN (SELECT rowid FROM dossier_fts WHERE dossier_fts "
    "MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY d.received_at DESC, d.code DESC"
)


RECEIVED_SQL = (
    f"{SUMMARY_SELECT} WHERE d.received_at >= ? AND d.received_at < ? "
    "ORDER BY d.received_at DESC LIMIT ?"
)


def read_received_between(
    cursor: Any, start: datetime, end: datetime, limit: int
) -> list[DossierSummary]:
    """Dossiers received in ``[start, end)``, newest first (at most ``limit``)."""
    rows = cursor.execute(RECEIVED_SQL, (sql_datetime(start), sql_datetime(end), limit))
    return summaries_from_sql(rows.fetchall())


@dataclass(frozen=True)
class WorklistFilter:
    procedure_code: str = ""
    field: str = ""
    officer: str = ""  # receiving officer or current holder
    channel: Channel | None = None


def day_start(day: date) -> datetime:
    return datetime.combine(day, time())


def worklist_specs(
    as_of: datetime, within: int, calendar: WorkCalendar
) -> dict[str, tuple[list[int], datetime | None, datetime | None]]:
    """The five worklists at ``as_of``: their statuses and due-date bounds."""
    today = day_start(as_of.date())
    tomorrow = today + timedelta(days=1)
    soon_end = day_start(calendar.add_working_days(as_of.date(), within)) + timedelta(days=1)
    running = [int(s) for s in CLOCK_RUNNING]
    return {
        "overdue": (running, None, today),
        "due_today": (running, today, tomorrow),
        "due_soon": (running, tomorrow, soon_end),
        "waiting_supplement": ([int(S.SUPPLEMENT_REQUESTED)], None, None),
        "ready_to_return": ([int(S.PROCESSED)], None, None),
    }


def read_worklists(
    cursor: Any,
    as_of: datetime,
    within: int,
    calendar: WorkCalendar,
    filters: WorklistFilter | None,
    limit: int,
) -> tuple[dict[str, tuple[DossierSummary, ...]], dict[str, int]]:
    """The five worklists (at most ``limit`` rows each, most urgent first) and their
    full counts, read on ``cursor`` (a sqlite3-API cursor in a read transaction)."""
    lists: dict[str, tuple[DossierSummary, ...]] = {}
    counts: dict[str, int] = {}
    verdict = open_verdict(as_of, calendar)
    for name, (statuses, lo, hi) in worklist_specs(as_of, within, calendar).items():
        where, params = worklist_where(statuses, lo, hi, filters, "d.due_at")
        counts[name] = int(cursor.execute(count_sql(where), params).fetchone()[0])
        rows = cursor.execute(list_sql(where, "d.due_at"), (*params, limit)).fetchall()
        lists[name] = tuple(summaries_from_sql(rows, verdict))
    return lists, counts


def worklist_where(
    statuses: list[int],
    lo: datetime | None,
    hi: datetime | None,
    filters: WorklistFilter | None,
    due: str,
) -> tuple[str, tuple[Any, ...]]:
    """The WHERE clause of a worklist (as ``LifecycleService._where`` builds it with
    SQLAlchemy) over ``dossiers d``, and its parameters."""
    clauses = [f"d.status IN ({', '.join('?' * len(statuses))})"]
    params: list[Any] = list(statuses)
    if lo is not None:
        clauses.append(f"{due} >= ?")
        params.append(sql_datetime(lo))
    if hi is not None:
        clauses.append(f"{due} < ?")
        params.append(sql_datetime(hi))
    if filters is not None:
        if filters.procedure_code:
            clauses.append("d.procedure_code = ?")
            params.append(filters.procedure_code)
        if filters.field:
            clauses.append("d.procedure_field = ?")
            params.append(filters.field)
        if filters.officer:
            clauses.append("(d.received_by = ? OR d.holder = ?)")
            params += [filters.officer, filters.officer]
        if filters.channel is not None:
            clauses.append("d.channel = ?")
            params.append(filters.channel.value)
    return " AND ".join(clauses), tuple(params)


@lru_cache(maxsize=64)
def count_sql(where: str) -> str:
    return f"SELECT count(*) FROM {DOSSIERS} d WHERE {where}"


@lru_cache(maxsize=64)
def list_sql(where: str, order: str) -> str:
    return f"{SUMMARY_SELECT} WHERE {where} ORDER BY {order} LIMIT ?"


def open_verdict(as_of: datetime, calendar: WorkCalendar) -> Verdict:
    """What ``_with_timeliness`` sets, as a function of a raw list row's values."""
    as_of_day = as_of.date()
    late_cache: dict[datetime, int] = {}

    def verdict(
        status: DossierStatus,
        due: datetime,
        ended: datetime | None,
        timeliness: Timeliness | None,
        supplement_count: int,
    ) -> tuple[Timeliness | None, int]:
        if ended is not None:
            return timeliness, 0
        if timeliness is None:
            # While a supplement is awaited the clock is stopped: the appointment moves
            # by the waiting time, so a passed original date does not make it late.
            waiting = status is S.SUPPLEMENT_REQUESTED
            if supplement_count > 1 or (not waiting and as_of_day > due.date()):
                timeliness = Timeliness.LATE
            else:
                return None, 0
        if status is S.SUPPLEMENT_REQUESTED:
            return timeliness, 0
        days = late_cache.get(due)
        if days is None:
            days = late_cache[due] = calendar.working_days_late(due, as_of)
        return timeliness, days

    return verdict


__all__ = [
    "DOSSIERS",
    "PROCEDURES",
    "RECEIVED_SQL",
    "SEARCH_SQL",
    "SUMMARY_SELECT",
    "DossierSummary",
    "Verdict",
    "WorklistFilter",
    "count_sql",
    "day_start",
    "list_sql",
    "open_verdict",
    "read_received_between",
    "read_worklists",
    "sql_datetime",
    "summaries_from_sql",
    "worklist_specs",
    "worklist_where",
]
