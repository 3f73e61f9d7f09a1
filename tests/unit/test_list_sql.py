"""The hot lists (worklists, reminders, search) run SQL written once and map raw rows
themselves (issue 14). They must give exactly what the SQLAlchemy statements and
``DossierSummary.from_row`` gave: compared here on a demo store, row for row."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from hcc_desktop.core.domain import Channel, DossierStatus
from hcc_desktop.core.lifecycle import CLOCK_RUNNING
from hcc_desktop.db.models import DossierRow, ReminderSnooze
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.demo import generate
from hcc_desktop.services.dossiers.lifecycle import (
    LifecycleService,
    WorklistFilter,
    _day_start,
    _with_timeliness,
)
from hcc_desktop.services.dossiers.query import (
    DossierSummary,
    fts_query,
    sql_datetime,
    summary_columns,
)

S = DossierStatus
END = date(2026, 11, 20)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Services:
    path: Path = tmp_path_factory.mktemp("lists") / "hcc.db"
    svc = open_services(path, clock=lambda: datetime(2026, 11, 20, 10, 0))
    generate(svc, count=400, seed=11, end_day=END)
    return svc


def reference_worklists(
    svc: Services, as_of: datetime, within: int, filters: WorklistFilter | None, limit: int
) -> tuple[dict[str, int], dict[str, tuple[DossierSummary, ...]]]:
    """The worklists as the SQLAlchemy code computed them before (commit 4a2b561)."""
    calendar = svc.settings.calendar()
    today = _day_start(as_of.date())
    tomorrow = today + timedelta(days=1)
    soon_end = _day_start(calendar.add_working_days(as_of.date(), within)) + timedelta(days=1)
    running = [int(s) for s in CLOCK_RUNNING]
    specs = {
        "overdue": (running, None, today),
        "due_today": (running, today, tomorrow),
        "due_soon": (running, tomorrow, soon_end),
        "waiting_supplement": ([int(S.SUPPLEMENT_REQUESTED)], None, None),
        "ready_to_return": ([int(S.PROCESSED)], None, None),
    }
    counts: dict[str, int] = {}
    lists: dict[str, tuple[DossierSummary, ...]] = {}
    with svc.db.read() as s:
        for name, (statuses, lo, hi) in specs.items():
            where = LifecycleService._where(statuses, lo, hi, filters)
            counts[name] = int(
                s.execute(where(select(func.count()).select_from(DossierRow))).scalar_one()
            )
            rows = s.execute(
                where(select(*summary_columns())).order_by(DossierRow.due_at).limit(limit)
            ).all()
            lists[name] = tuple(
                _with_timeliness(DossierSummary.from_row(tuple(r)), as_of, calendar) for r in rows
            )
    return counts, lists


@pytest.mark.parametrize("hour", [7, 10, 16])
@pytest.mark.parametrize("kind", ["none", "channel", "procedure", "officer", "nobody"])
def test_worklists_equal_the_sqlalchemy_lists(store: Services, hour: int, kind: str) -> None:
    with store.db.read() as s:
        officer, procedure = s.execute(
            select(DossierRow.received_by, DossierRow.procedure_code).where(
                DossierRow.status == int(S.PROCESSED)
            )
        ).first()
    filters = {
        "none": None,
        "channel": WorklistFilter(channel=Channel.COUNTER),
        "procedure": WorklistFilter(procedure_code=procedure),
        "officer": WorklistFilter(officer=officer),
        "nobody": WorklistFilter(officer="no such officer"),
    }[kind]
    as_of = datetime(2026, 11, 20, hour, 30)
    got = store.lifecycle.worklists(as_of=as_of, within=2, filters=filters, limit=50)
    counts, lists = reference_worklists(store, as_of, 2, filters, 50)
    assert got.counts == counts
    assert (sum(counts.values()) == 0) == (kind == "nobody")
    for name, rows in lists.items():
        assert getattr(got, name) == rows, name
    # Types as well as values (an enum member, not its value; datetimes, not text).
    everything = [d for rows in lists.values() for d in rows]
    if filters is None:
        assert any(d.days_late > 0 for d in everything)
        assert any(d.timeliness is not None for d in everything)
    for d in got.overdue + got.ready_to_return:
        assert type(d.status) is DossierStatus
        assert type(d.channel) is Channel
        assert isinstance(d.due_at, datetime)
        assert isinstance(d.received_at, datetime)


def test_reminders_equal_the_sqlalchemy_lists(store: Services) -> None:
    as_of = datetime(2026, 11, 20, 9, 0)
    snoozed_one = store.lifecycle.reminders(as_of=as_of).overdue[0]
    store.lifecycle.snooze(snoozed_one.id, until=as_of + timedelta(hours=2))
    try:
        got = store.lifecycle.reminders(as_of=as_of)
        calendar = store.settings.calendar()
        current_due = func.coalesce(DossierRow.proposed_due_at, DossierRow.due_at)
        today = _day_start(as_of.date())
        running = [int(s) for s in CLOCK_RUNNING]
        with store.db.read() as s:
            snoozed = {
                r[0]
                for r in s.execute(
                    select(ReminderSnooze.dossier_id).where(ReminderSnooze.until > as_of)
                )
            }
            where = LifecycleService._where(running, None, today, None, current_due)
            rows = s.execute(
                where(select(*summary_columns())).order_by(current_due).limit(1000)
            ).all()
        expected = tuple(
            _with_timeliness(DossierSummary.from_row(tuple(r)), as_of, calendar)
            for r in rows
            if r[0] not in snoozed
        )
        assert got.overdue == expected
        assert snoozed_one.id not in {d.id for d in got.overdue}
    finally:
        store.lifecycle.snooze(snoozed_one.id, until=datetime(2000, 1, 1))  # expired


@pytest.mark.parametrize("typed", ["nguyen", "n", "tran thi", "khai sinh", "0", "09", "xyzq"])
def test_search_equals_the_sqlalchemy_search(store: Services, typed: str) -> None:
    got = store.dossiers.search(typed, limit=60)
    with store.db.read() as s:
        # The code before issue 14: the FTS rowids, then the rows through SQLAlchemy.
        pks = [
            r[0]
            for r in s.execute(
                text(
                    "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH :q "
                    "ORDER BY rowid DESC LIMIT 60"
                ),
                {"q": fts_query(typed)},
            )
        ]
        rows = s.execute(select(*summary_columns()).where(DossierRow.pk.in_(pks))).all()
    expected = [DossierSummary.from_row(tuple(r)) for r in rows]
    expected.sort(key=lambda d: (d.received_at, d.code), reverse=True)
    assert got == expected
    if typed != "xyzq":
        assert got


def test_datetimes_are_bound_as_sqlalchemy_stores_them(store: Services) -> None:
    with store.db.read() as s:
        stored = s.execute(select(func.max(DossierRow.due_at))).scalar_one()
        raw = s.connection().exec_driver_sql("SELECT max(due_at) FROM dossiers").scalar_one()
    assert sql_datetime(stored) == raw
    assert sql_datetime(datetime(2026, 1, 2, 3, 4, 5, 6)) == "2026-01-02 03:04:05.000006"
