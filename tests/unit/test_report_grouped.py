"""The report's counts classified in SQL (``engine.grouped_tally``) equal the
per-dossier Python rule (``engine.tally`` over ``engine.iter_facts``, which the
drill-down uses) on the hand-built scenario and on a varied random store."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from hcc_desktop.core.periods import Period
from hcc_desktop.services import Services
from hcc_desktop.services.reports import engine
from tests.conftest import FakeClock
from tests.unit.test_reports import FIELDS, Scenario, build

PERIODS = (
    Period(date(2026, 11, 1), date(2026, 11, 30)),
    Period(date(2026, 11, 2), date(2026, 11, 8)),
    Period(date(2026, 11, 1), date(2026, 11, 1)),
    Period(date(2026, 10, 1), date(2026, 12, 31)),  # still running on 5 Dec
    Period(date(2026, 9, 1), date(2026, 9, 30)),
    Period(date(2026, 12, 1), date(2026, 12, 31)),
)


def _both(services: Services, period: Period, today: date) -> tuple[engine.Tally, engine.Tally]:
    calendar = services.settings.calendar()
    with services.db.read_engine.connect() as conn:
        by_rule = engine.tally(engine.iter_facts(conn, period), period, calendar, today=today)
        by_sql = engine.grouped_tally(conn, period, calendar, today=today)
    return by_rule, by_sql


def _assert_same(services: Services, today: date) -> None:
    for period in PERIODS:
        by_rule, by_sql = _both(services, period, today)
        assert +by_sql.combos == +by_rule.combos, period
        assert +by_sql.days == +by_rule.days, period


def test_grouped_counts_equal_the_rule_on_the_hand_built_scenario(
    services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 12, 5, 9, 0)
    build(services)
    _assert_same(services, date(2026, 12, 5))
    by_rule, _ = _both(services, PERIODS[0], date(2026, 12, 5))
    assert sum(by_rule.combos.values()) == 18  # the scenario is really counted


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _random_store(services: Services, rnd: random.Random, n: int) -> Scenario:
    sc = Scenario(services)
    procs = list(FIELDS)
    first = datetime(2026, 8, 20, 0, 0)
    for i in range(n):
        # Receipts on whole hours, some exactly at midnight of a period's first day.
        received = first + timedelta(hours=rnd.randrange(0, 24 * 110))
        if rnd.random() < 0.05:
            received = datetime(2026, 11, 1, 0, 0)
        due = received + timedelta(days=rnd.randrange(0, 12), hours=rnd.randrange(0, 10))
        events: list[tuple[str, str, dict[str, str] | None]] = []
        at = received
        for _ in range(rnd.choice((0, 0, 0, 1, 1, 2))):  # supplements: none, one, two
            at += timedelta(hours=rnd.randrange(1, 60))
            events.append(("supplement_requested", _stamp(at), None))
            if rnd.random() < 0.7:  # received back, the appointment moved
                at += timedelta(hours=rnd.randrange(1, 60))
                moved = due + timedelta(days=rnd.randrange(0, 5))
                events.append(("supplement_received", _stamp(at), {"due_at": moved.isoformat()}))
        r = rnd.random()
        if r < 0.75:  # ended
            at += timedelta(hours=rnd.randrange(0, 24 * 14))
            if rnd.random() < 0.05:
                at = datetime(2026, 11, 1, 0, 0)  # exactly at a period's start
            kind = rnd.choice(("processed",) * 6 + ("refused", "withdrawn", "returned"))
            data = None
            if rnd.random() < 0.3:  # the verdict the lifecycle recorded
                data = {"timeliness": rnd.choice(("early", "on_time", "late", "other"))}
            events.append((kind, _stamp(at), data))
            if kind == "processed" and rnd.random() < 0.6:
                events.append(("returned", _stamp(at + timedelta(hours=3)), None))
        comps = tuple(
            (
                f"{procs[0]}-0{k + 1}",
                rnd.choice((True, True, False, None)),
                rnd.choice((True, False, False)),
            )
            for k in range(rnd.choice((0, 1, 2, 2)))
        )
        sc.dossier(
            f"r{i}",
            rnd.choice(procs),
            _stamp(received),
            _stamp(due),
            channel=rnd.choice(("counter", "online", "online", "postal", "saturday_session")),
            officer=rnd.choice(("Trần Thị Bình", "Lê Văn Cường", "")),
            events=tuple(events),
            components=comps,
            e_result=rnd.choice((True, False, None)),
            paid_online=rnd.choice((True, False, None)),
        )
    return sc


@pytest.mark.parametrize("seed", [11, 766])
def test_grouped_counts_equal_the_rule_on_a_varied_store(
    services: Services, clock: FakeClock, seed: int
) -> None:
    clock.now = datetime(2026, 12, 5, 9, 0)
    _random_store(services, random.Random(seed), 160)
    _assert_same(services, date(2026, 12, 5))
    # Judged after the quarter too (every open dossier against the period's last day).
    _assert_same(services, date(2027, 1, 5))


def test_grouped_counts_on_an_empty_store(services: Services) -> None:
    by_rule, by_sql = _both(services, PERIODS[0], date(2026, 12, 5))
    assert not by_sql.combos
    assert not by_sql.days
    assert by_rule.combos == by_sql.combos


def test_cancel_interrupts_the_grouped_statement(
    services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel is looked at while SQLite runs the statement, not only before and after."""
    from hcc_desktop.services.reports import ReportCancelled

    clock.now = datetime(2026, 12, 5, 9, 0)
    _random_store(services, random.Random(5), 60)
    monkeypatch.setattr(engine, "CANCEL_STEPS", 100)
    looks = []

    def cancel() -> bool:
        looks.append(1)
        return len(looks) >= 3  # no before the statement, yes while it runs

    period = PERIODS[3]
    with (
        services.db.read_engine.connect() as conn,
        pytest.raises(ReportCancelled),
    ):
        engine.grouped_tally(
            conn, period, services.settings.calendar(), today=date(2026, 12, 5), cancel=cancel
        )
    # Interrupted mid-way: the look after the statement never came.
    assert len(looks) == 4  # before, two during (the second says yes), once more on the error
    # The connection is usable again, without the handler.
    with services.db.read_engine.connect() as conn:
        assert engine.grouped_tally(
            conn, period, services.settings.calendar(), today=date(2026, 12, 5)
        ).combos
