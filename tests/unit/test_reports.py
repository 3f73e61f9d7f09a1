"""The periodic report (Biểu II.06a) and its rates over a hand-built scenario:
every figure below is counted by hand from the dossiers described here.

Period: November 2026 (2026-11-01 .. 2026-11-30). Procedures of the seed
catalog: 1.001193 (Hộ tịch, online full, no fee), 2.000815 (Chứng thực,
online partial, fee), 1.012753 (Đất đai, online partial, no fee).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime

import pytest

from hcc_desktop.core.periods import Period
from hcc_desktop.core.reports import check_identities
from hcc_desktop.db.models import (
    ComplaintRow,
    DossierComponentRow,
    DossierEventRow,
    DossierRow,
    RatingRow,
)
from hcc_desktop.services import Services
from tests.conftest import FakeClock

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
H, C, D = "1.001193", "2.000815", "1.012753"
FIELDS = {H: "Hộ tịch", C: "Chứng thực", D: "Đất đai"}
_NOW = datetime(2026, 12, 5, tzinfo=UTC)


def t(text: str) -> datetime:
    """'11-03 08:00' in 2026, or '2026-09-01 08:00'."""
    return datetime.strptime(text if len(text) > 11 else f"2026-{text}", "%Y-%m-%d %H:%M")


class Scenario:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.ids: dict[str, str] = {}

    def code(self, name: str) -> str:
        return f"000.17.22.H56-{name}"

    def dossier(
        self,
        name: str,
        proc: str,
        received: str,
        due: str,
        *,
        channel: str = "counter",
        officer: str = "Trần Thị Bình",
        events: tuple[tuple[str, str, dict[str, str] | None], ...] = (),
        components: tuple[tuple[str, bool | None, bool], ...] = (),
        e_result: bool | None = False,
        paid_online: bool | None = False,
    ) -> None:
        did = str(uuid.uuid4())
        self.ids[name] = did
        with self.services.db.write() as s:
            s.add(
                DossierRow(
                    id=did,
                    code=self.code(name),
                    unit_code="000.17.22.H56",
                    device_id="dev",
                    procedure_code=proc,
                    procedure_name=proc,
                    procedure_field=FIELDS[proc],
                    status=2,
                    channel=channel,
                    received_at=t(received),
                    clock_start_at=t(received),
                    due_at=t(due),
                    original_due_at=t(due),
                    processing_days=1,
                    owner_name="A",
                    owner_id_type="cccd",
                    owner_id_number="079203001234",
                    owner_phone="",
                    owner_address="",
                    result_delivery="counter",
                    received_by=officer,
                    e_result=e_result,
                    paid_online=paid_online,
                    created_at=_NOW,
                    updated_at=_NOW,
                )
            )
            for i, (comp, digitised, reused) in enumerate(components):
                s.add(
                    DossierComponentRow(
                        id=str(uuid.uuid4()),
                        dossier_id=did,
                        position=i,
                        component_id=comp,
                        name=comp,
                        form="original",
                        count=1,
                        reused_digital=reused,
                        digitised=digitised,
                    )
                )
            s.flush()
            self._event(s, did, "received", received, {"due_at": t(due).isoformat()})
        for kind, at, data in events:
            self.event(name, kind, at, data)

    def _event(self, s, did: str, kind: str, at: str, data: dict[str, str] | None) -> None:  # type: ignore[no-untyped-def]
        to = {
            "received": 2,
            "processed": 9,
            "returned": 10,
            "refused": 3,
            "withdrawn": 7,
            "supplement_requested": 5,
            "supplement_received": 4,
        }[kind]
        s.add(
            DossierEventRow(
                id=str(uuid.uuid4()),
                dossier_id=did,
                kind=kind,
                at=t(at),
                actor="x",
                from_status=None,
                to_status=to,
                reason="",
                data_json=json.dumps(data or {}),
                device_id="dev",
                recorded_at=_NOW,
            )
        )

    def event(self, name: str, kind: str, at: str, data: dict[str, str] | None = None) -> None:
        with self.services.db.write() as s:
            self._event(s, self.ids[name], kind, at, data)
            if kind in ("processed", "refused", "withdrawn", "returned"):
                row = s.query(DossierRow).filter_by(id=self.ids[name]).one()
                row.ended_at = row.ended_at or t(at)

    def rating(self, name: str, level: int, at: str) -> None:
        with self.services.db.write() as s:
            s.add(
                RatingRow(
                    id=str(uuid.uuid4()),
                    dossier_id=self.ids[name],
                    convenience=level,
                    overall=level,
                    rated_at=t(at),
                    device_id="dev",
                    recorded_at=_NOW,
                )
            )

    def complaint(self, name: str, received: str, due: str, resolved: str | None) -> None:
        with self.services.db.write() as s:
            s.add(
                ComplaintRow(
                    id=name,
                    unit_code="000.17.22.H56",
                    received_at=t(received),
                    channel="phone",
                    content="…",
                    due_at=t(due),
                    resolved_at=t(resolved) if resolved else None,
                    device_id="dev",
                    created_at=_NOW,
                    updated_at=_NOW,
                )
            )


def build(services: Services) -> Scenario:
    sc = Scenario(services)
    p, sr, sv = "processed", "supplement_requested", "supplement_received"
    # --- Hộ tịch ---
    sc.dossier(
        "h1",
        H,
        "11-03 08:00",
        "11-05 17:00",
        events=((p, "11-04 10:00", None),),
        components=(("1.001193-01", True, False), ("1.001193-02", True, True)),
        e_result=True,
    )  # early
    sc.dossier(
        "h2",
        H,
        "11-04 08:00",
        "11-06 17:00",
        channel="online",
        events=((p, "11-06 16:00", None),),
        components=(("1.001193-01", True, False), ("1.001193-02", False, False)),
    )  # on time
    sc.dossier(
        "h3",
        H,
        "11-05 08:00",
        "11-06 17:00",
        events=((p, "11-09 09:00", None),),
        components=(("1.001193-01", None, False), ("1.001193-03", True, False)),
        e_result=None,
    )  # late, flags unrecorded
    sc.dossier("h4", H, "11-27 08:00", "12-02 17:00", channel="online")  # open, within time
    sc.dossier("h5", H, "11-10 08:00", "11-12 17:00")  # open, overdue
    sc.dossier(
        "h6",
        H,
        "2026-10-28 08:00",
        "11-02 17:00",
        events=((p, "11-02 10:00", None), ("returned", "11-03 09:00", None)),
    )  # carried over, on time
    sc.dossier(
        "h7", H, "2026-10-20 08:00", "2026-10-22 17:00", events=((p, "2026-10-21 10:00", None),)
    )  # ended before November: not in it
    sc.dossier("h8", H, "12-01 08:00", "12-03 17:00")  # received after November: not in it
    sc.dossier(
        "h9",
        H,
        "11-02 08:00",
        "11-04 17:00",
        events=(
            (sr, "11-03 08:00", None),
            (sv, "11-05 08:00", {"due_at": "2026-11-06T17:00:00"}),
            (p, "11-06 10:00", None),
        ),
    )  # one supplement: due moved to 11-06, on time
    sc.dossier(
        "h10",
        H,
        "11-02 08:00",
        "11-20 17:00",
        events=(
            (sr, "11-03 08:00", None),
            (sv, "11-04 08:00", {"due_at": "2026-11-23T17:00:00"}),
            (sr, "11-05 08:00", None),
            (sv, "11-06 08:00", {"due_at": "2026-11-24T17:00:00"}),
            (p, "11-10 10:00", None),
        ),
    )  # two supplements: late whatever the dates
    sc.dossier(
        "h11", H, "11-16 08:00", "11-18 17:00", events=((sr, "11-17 08:00", None),)
    )  # waiting for a supplement: within time
    sc.dossier(
        "h12", H, "11-12 08:00", "11-14 17:00", events=(("refused", "11-12 10:00", None),)
    )  # refused: ended early
    sc.dossier(
        "h13", H, "11-13 08:00", "11-13 17:00", events=(("withdrawn", "11-13 10:00", None),)
    )  # withdrawn: on time
    sc.dossier("h14", H, "11-20 08:00", "11-24 17:00")  # open and overdue at the end of November
    # --- Chứng thực (fee) ---
    sc.dossier(
        "c1",
        C,
        "11-05 08:00",
        "11-05 17:00",
        channel="online",
        officer="Lê Văn Cường",
        events=((p, "11-05 15:00", None),),
        components=(("2.000815-01", True, True),),
        e_result=True,
        paid_online=True,
    )  # on time
    sc.dossier(
        "c2",
        C,
        "11-06 08:00",
        "11-06 17:00",
        officer="Lê Văn Cường",
        events=((p, "11-09 09:00", None),),
    )  # late
    sc.dossier(
        "c3",
        C,
        "11-07 08:00",
        "11-09 17:00",
        channel="saturday_session",
        officer="Lê Văn Cường",
        events=((p, "11-09 10:00", None),),
        paid_online=None,
    )  # on time, payment unrecorded
    sc.dossier(
        "c4", C, "2026-10-15 08:00", "2026-10-17 17:00", officer="Lê Văn Cường"
    )  # carried over, open, overdue
    # --- Đất đai ---
    sc.dossier(
        "d1",
        D,
        "2026-10-26 08:00",
        "2026-10-28 17:00",
        officer="Lê Văn Cường",
        events=((p, "11-03 10:00", None),),
    )  # carried over, finished late
    sc.dossier(
        "d2", D, "11-20 08:00", "12-18 17:00", channel="postal", officer="Lê Văn Cường"
    )  # open within time
    # Ratings (overall level): three in November, two outside it.
    sc.rating("h1", 3, "11-04 10:05")
    sc.rating("h2", 3, "11-06 16:05")
    sc.rating("c1", 2, "11-05 15:05")
    sc.rating("c2", 1, "11-09 09:05")
    sc.rating("h7", 2, "2026-10-21 10:05")
    # Complaints: k1 on time, k2 late, k3 open, k4 open and overdue (from October), k5 December.
    sc.complaint("k1", "11-05 08:00", "11-19 17:00", "11-10 09:00")
    sc.complaint("k2", "11-10 08:00", "11-24 17:00", "11-26 09:00")
    sc.complaint("k3", "11-20 08:00", "12-04 17:00", None)
    sc.complaint("k4", "2026-10-01 08:00", "2026-10-15 17:00", None)
    sc.complaint("k5", "12-02 08:00", "12-16 17:00", None)
    return sc


@pytest.fixture
def scenario(services: Services, clock: FakeClock) -> Scenario:
    clock.now = datetime(2026, 12, 5, 9, 0)  # November is over: judged on its last day
    return build(services)


def _row(rep, field):  # type: ignore[no-untyped-def]
    return next(r for r in rep.rows if r.field == field).to_json()


def test_06a_rows_counted_by_hand(services: Services, scenario: Scenario) -> None:
    rep = services.reports.periodic(NOV)
    assert [r.field for r in rep.rows] == ["Chứng thực", "Hộ tịch", "Đất đai"]
    cols = (
        "received_total",
        "received_online",
        "received_direct",
        "carried_over",
        "finished",
        "finished_early",
        "finished_on_time",
        "finished_late",
        "open",
        "open_on_time",
        "open_late",
    )
    expect = {
        "Hộ tịch": (12, 2, 9, 1, 8, 2, 4, 2, 4, 2, 2),
        "Chứng thực": (4, 1, 2, 1, 3, 0, 2, 1, 1, 0, 1),
        "Đất đai": (2, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0),
    }
    for field, values in expect.items():
        assert tuple(_row(rep, field)[c] for c in cols) == values, field
    total = rep.total.row.to_json()
    assert tuple(total[c] for c in cols) == (18, 3, 12, 3, 12, 2, 6, 4, 6, 3, 3)
    # The identities on every row, the total and every breakdown.
    for row in (*rep.rows, rep.total.row):
        check_identities(row)
    for groups in rep.breakdowns.values():
        for g in groups.values():
            check_identities(g.row)
    # The rows add up to the total.
    for c in cols:
        assert sum(r.to_json()[c] for r in rep.rows) == total[c]


def test_rates_counted_by_hand(services: Services, scenario: Scenario) -> None:
    rep = services.reports.periodic(NOV)
    r = {k: (v.num, v.den) for k, v in rep.rates.items()}
    assert r["on_time"] == (8, 12)
    assert r["overdue"] == (7, 18)
    assert r["progress"] == (11, 18)
    assert r["online"] == (3, 15)
    assert r["online_full"] == (2, 11)
    assert r["online_partial"] == (1, 4)
    assert r["digitised"] == (2, 15)  # h1, c1: every component digitised
    assert r["e_result"] == (2, 12)
    assert r["paid_online"] == (1, 3)  # c1 of c1, c2, c3
    assert r["reused"] == (2, 3)  # h1, c1 of h1, h2 (a reusable component), c1
    assert r["satisfied"] == (3, 4)
    assert r["processing_days"] == (26, 12)
    assert rep.rates["on_time"].rate == pytest.approx(8 / 12)
    assert rep.total.unrecorded == {"digitised": 1, "e_result": 1, "paid_online": 1}
    assert rep.total.ratings == {3: 2, 2: 1, 1: 1}
    c = rep.complaints
    assert (c.received, c.resolved, c.resolved_on_time, c.open_at_end, c.open_overdue) == (
        3,
        2,
        1,
        2,
        1,
    )


def test_breakdowns_by_channel_and_officer(services: Services, scenario: Scenario) -> None:
    rep = services.reports.periodic(NOV)
    by_channel = {k: g.row.received_total for k, g in rep.breakdowns["channel"].items()}
    assert by_channel == {"counter": 13, "online": 3, "saturday_session": 1, "postal": 1}
    officer = rep.breakdowns["officer"]["Lê Văn Cường"]
    assert officer.row.received_total == 6
    assert (officer.rates["on_time"].num, officer.rates["on_time"].den) == (2, 4)
    assert (officer.rates["paid_online"].num, officer.rates["paid_online"].den) == (1, 3)
    proc = rep.breakdowns["procedure"][C]
    assert proc.ratings == {3: 0, 2: 1, 1: 1}


def test_every_figure_drills_down_to_its_dossiers(services: Services, scenario: Scenario) -> None:
    code = scenario.code
    d = services.reports.details
    assert d(NOV, "finished_late") == tuple(sorted(code(n) for n in ("h3", "h10", "c2", "d1")))
    assert d(NOV, "open_late", dimension="field", value="Hộ tịch") == (code("h14"), code("h5"))
    assert d(NOV, "carried_over") == tuple(sorted(code(n) for n in ("h6", "c4", "d1")))
    assert d(NOV, "paid_online.unrecorded") == (code("c3"),)
    assert d(NOV, "paid_online") == (code("c1"),)
    assert d(NOV, "paid_online.den") == tuple(sorted(code(n) for n in ("c1", "c2", "c3")))
    assert d(NOV, "satisfied") == tuple(sorted(code(n) for n in ("h1", "h2", "c1")))
    assert d(NOV, "rating.1") == (code("c2"),)
    assert d(NOV, "complaints.open_overdue") == ("k4",)
    # The counts of the report equal the lengths of the drill-downs, for every
    # figure of every row (the one-pass drill-down of the CLI too).
    rep = services.reports.periodic(NOV)
    every = services.reports.all_details(NOV)
    for row in rep.rows:
        for figure, value in row.to_json().items():
            if figure == "field":
                continue
            assert len(d(NOV, figure, dimension="field", value=row.field)) == value
            assert len(every[row.field][figure]) == value
    for name, rate in rep.rates.items():
        if name == "processing_days":
            continue
        assert len(every[None][f"{name}.num"]) == rate.num, name
        assert len(every[None][f"{name}.den"]) == rate.den, name


def test_a_past_period_is_unchanged_by_later_events(services: Services, scenario: Scenario) -> None:
    before = services.reports.periodic(NOV).to_json()
    scenario.event("h14", "processed", "12-03 10:00")
    scenario.event("h4", "processed", "12-01 10:00")
    scenario.event("h11", "supplement_received", "12-01 08:00", {"due_at": "2026-12-05T17:00:00"})
    scenario.event("h5", "refused", "12-02 10:00")
    scenario.rating("h14", 1, "12-03 10:05")
    with services.db.write() as s:
        s.get(ComplaintRow, "k3").resolved_at = t("12-03 09:00")  # type: ignore[union-attr]
    assert services.reports.periodic(NOV).to_json() == before
    # …while December sees them.
    dec = services.reports.periodic(Period(date(2026, 12, 1), date(2026, 12, 31)))
    assert dec.total.row.carried_over == 6  # open on 1 Dec: h4, h5, h11, h14, c4, d2
    assert dec.total.row.received_direct == 1  # h8


def test_a_week_is_a_slice_of_the_month(services: Services, scenario: Scenario) -> None:
    week = services.reports.periodic(Period(date(2026, 11, 2), date(2026, 11, 8)))
    row = week.total.row
    # Received 2–8 Nov: h1 h2 h3 h9 h10 c1 c2 c3; carried over: h6, c4, d1.
    assert (row.received_online, row.received_direct, row.carried_over) == (2, 6, 3)
    # Ended by 8 Nov: h1 (early), h2 (on time), h6 (on time), h9 (on time), c1 (on time), d1 (late).
    assert (row.finished_early, row.finished_on_time, row.finished_late) == (1, 4, 1)
    # Open on 8 Nov: h3 (due 11-06: overdue), h10 (two supplements: overdue),
    # c2 (due 11-06: overdue), c3 (due 11-09: within), c4 (overdue).
    assert (row.open_on_time, row.open_late) == (1, 4)
    check_identities(row)


def test_progress_is_reported_and_cancel_is_honoured(
    services: Services, scenario: Scenario
) -> None:
    from hcc_desktop.services.reports import ReportCancelled

    seen: list[tuple[int, int]] = []
    services.reports.periodic(NOV, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(ReportCancelled):
        services.reports.periodic(NOV, cancel=lambda: True)


def test_a_running_period_judges_open_dossiers_on_today(
    services: Services, clock: FakeClock
) -> None:
    """A quarter still running: an open dossier due after today but before the
    quarter's end is within time, not overdue; one due before today is overdue."""
    clock.now = datetime(2026, 12, 5, 9, 0)
    sc = Scenario(services)
    sc.dossier("r1", H, "12-01 08:00", "12-10 17:00")  # due after today
    sc.dossier("r2", H, "12-01 08:00", "12-03 17:00")  # due before today
    rep = services.reports.periodic(Period(date(2026, 10, 1), date(2026, 12, 31)))
    row = rep.total.row.to_json()
    assert (row["open"], row["open_on_time"], row["open_late"]) == (2, 1, 1)
    assert services.reports.details(
        Period(date(2026, 10, 1), date(2026, 12, 31)), "open_on_time"
    ) == (sc.code("r1"),)
    # Once the quarter is over, the same dossiers are judged on its last day.
    clock.now = datetime(2027, 1, 5, 9, 0)
    row = services.reports.periodic(Period(date(2026, 10, 1), date(2026, 12, 31))).total.row
    assert (row.open_on_time, row.open_late) == (0, 2)
