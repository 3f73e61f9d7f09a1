"""Decision 766 estimate: the data file, scoring at, below and above each
threshold, empty denominators, and what each indicator lacks."""

from __future__ import annotations

import json
from datetime import date

import pytest

from hcc_desktop.core.errors import CatalogError, ValidationError
from hcc_desktop.core.index766 import (
    DEFAULT_SPEC,
    index_measures,
    load_spec,
    parse_spec,
    percent,
    score,
    shortfall,
)
from hcc_desktop.core.periods import Period, Preset, period_label, preset_period
from hcc_desktop.core.reports import Rate
from hcc_desktop.services.reports.service import measures

SPEC = {
    "version": 9,
    "groups": [
        {
            "key": "a",
            "name": "A",
            "max": 10,
            "indicators": [
                {
                    "key": "pay",
                    "name": "Pay",
                    "measure": "paid_online",
                    "max": 10,
                    "threshold": 0.8,
                    "lack": "{k} more paid online reach {threshold}",
                },
            ],
        },
        {
            "key": "b",
            "name": "B",
            "max": 20,
            "indicators": [
                {
                    "key": "prog",
                    "name": "Progress",
                    "measure": "progress",
                    "max": 12,
                    "threshold": 1,
                },
                {
                    "key": "none",
                    "name": "Unmeasured",
                    "measure": None,
                    "max": 8,
                    "unconfirmed": True,
                },
            ],
        },
    ],
}


@pytest.mark.parametrize(
    ("num", "den", "points", "lack"),
    [
        (80, 100, 10.0, 0),  # at the threshold: full points
        (95, 100, 10.0, 0),  # above: still the max
        (68, 100, 8.5, 12),  # below: max × rate ÷ threshold; 12 more reach 80 %
        (0, 100, 0.0, 80),
        (4, 5, 10.0, 0),
        (3, 5, 7.5, 1),
    ],
)
def test_points_at_below_and_above_the_threshold(
    num: int, den: int, points: float, lack: int
) -> None:
    spec = parse_spec(SPEC)
    result = score(spec, {"paid_online": Rate.of(num, den), "progress": Rate.of(1, 1)})
    ind = result.groups[0].indicators[0]
    assert ind.points == pytest.approx(points)
    assert ind.lack == lack
    if lack:
        assert ind.lack_text == f"{lack} more paid online reach 80%"
    else:
        assert ind.lack_text == ""


def test_empty_denominator_is_not_applicable_and_leaves_the_max() -> None:
    spec = parse_spec(SPEC)
    result = score(spec, {"paid_online": Rate.of(0, 0), "progress": Rate.of(9, 10)})
    pay = result.groups[0].indicators[0]
    assert (pay.points, pay.applicable, pay.rate) == (None, False, None)
    assert result.groups[0].max == 0
    assert result.groups[0].points == 0
    # The unmeasured indicator is not applicable either: B counts 12 of its 20.
    b = result.groups[1]
    assert (b.max, b.nominal_max) == (12, 20)
    assert b.points == pytest.approx(12 * 0.9)
    assert result.max == 12
    assert result.nominal_max == 30
    assert result.total == pytest.approx(10.8)
    assert result.on_100 == pytest.approx(90.0)
    data = result.to_json()
    assert data["groups"][0]["indicators"][0]["points"] is None


def test_shortfall_is_the_smallest_k() -> None:
    assert shortfall(68, 100, 0.8) == 12
    assert shortfall(79, 100, 0.8) == 1
    assert shortfall(80, 100, 0.8) == 0
    assert shortfall(1, 3, 0.9) == 2  # (1+2)/3 = 100 % ≥ 90 %, (1+1)/3 < 90 %
    assert shortfall(0, 0, 0.8) == 0
    for num, den, thr in ((7, 9, 0.8), (10, 13, 0.9), (0, 7, 1.0)):
        k = shortfall(num, den, thr)
        assert (num + k) / den >= thr
        assert k == 0 or (num + k - 1) / den < thr


def test_the_shipped_file_is_valid_and_every_measure_exists() -> None:
    spec = load_spec()
    assert DEFAULT_SPEC.name == "qd766_v1.json"
    assert spec.max == 100
    assert [g.max for g in spec.groups] == [18, 20, 12, 10, 22, 18]
    from hcc_desktop.core.reports import ComplaintFigures, Group, PeriodicReport, ReportRow
    from hcc_desktop.services.reports.service import _group, _new_acc

    empty = PeriodicReport("2026-11-01", "2026-11-30", "u", "n", (), _group(_new_acc(), "T"))
    names = set(measures(empty))
    for g in spec.groups:
        for i in g.indicators:
            assert i.measure is None or i.measure in names, i.measure
    # Thresholds of DOMAIN §4 that are confirmed.
    by_key = {i.key: i for g in spec.groups for i in g.indicators}
    assert by_key["paid_online"].threshold == 0.8
    assert not by_key["paid_online"].unconfirmed
    assert by_key["digitised"].threshold == 0.8
    assert by_key["reused"].threshold == 0.8
    assert by_key["satisfaction"].threshold == 0.9
    del ComplaintFigures, Group, ReportRow


def test_index_measures_one_rule_for_the_device_and_the_server() -> None:
    """The 766 measures from a report's figures (core.index766.index_measures)."""
    on_time = Rate.of(6, 9)
    found = index_measures(
        {"on_time": on_time},
        received_total=15,
        late=6,
        not_satisfied=1,
        complaints_received=4,
        complaints_resolved=3,
        complaints_on_time=1,
        procedures_used=2,
        procedures_offered=2,
        procedures_active=3,
    )
    assert found["on_time"] == on_time
    assert found["satisfaction"] == Rate.of(4, 15)  # 15 - 6 - 1 - 4
    assert found["complaints_on_time"] == Rate.of(1, 3)
    assert found["procedures_online"] == Rate.of(2, 3)
    assert found["procedures_online_used"] == Rate.of(2, 2)
    # More late, unhappy or complained-about than received: 0, never negative;
    # nothing received or resolved: no rate (not applicable).
    worst = index_measures(
        {},
        received_total=3,
        late=2,
        not_satisfied=1,
        complaints_received=5,
        complaints_resolved=0,
        complaints_on_time=0,
        procedures_used=0,
        procedures_offered=0,
        procedures_active=0,
    )
    assert worst["satisfaction"] == Rate.of(0, 3)
    assert worst["complaints_on_time"].rate is None
    assert worst["procedures_online"].rate is None
    assert worst["procedures_online_used"].rate is None


def test_a_broken_file_is_rejected_whole(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = json.loads(json.dumps(SPEC))
    bad["groups"][0]["max"] = 11
    bad["groups"][1]["indicators"][0]["threshold"] = 1.5
    with pytest.raises(CatalogError) as info:
        parse_spec(bad)
    assert len(info.value.problems) == 2


def test_percent_is_written_the_vietnamese_way() -> None:
    assert percent(0.9982) == "99,82%"
    assert percent(0.8) == "80%"
    assert percent(None) == "—"


@pytest.mark.parametrize(
    ("preset", "day", "start", "end"),
    [
        ("week", date(2026, 11, 26), date(2026, 11, 23), date(2026, 11, 29)),
        ("month", date(2026, 2, 10), date(2026, 2, 1), date(2026, 2, 28)),
        ("month", date(2028, 2, 10), date(2028, 2, 1), date(2028, 2, 29)),
        ("quarter", date(2026, 11, 26), date(2026, 10, 1), date(2026, 12, 31)),
        ("quarter", date(2026, 5, 31), date(2026, 4, 1), date(2026, 6, 30)),
        ("half", date(2026, 6, 30), date(2026, 1, 1), date(2026, 6, 30)),
        ("half", date(2026, 7, 1), date(2026, 7, 1), date(2026, 12, 31)),
        ("year", date(2026, 7, 1), date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_presets(preset: str, day: date, start: date, end: date) -> None:
    p = preset_period(preset, day)
    assert (p.start, p.end) == (start, end)


def test_period_bounds_and_labels() -> None:
    p = Period(date(2026, 10, 1), date(2026, 12, 31))
    assert p.end_at.isoformat() == "2027-01-01T00:00:00"
    assert p.days == 92
    assert period_label(p, Preset.QUARTER) == "quý IV năm 2026"
    assert period_label(p) == "từ ngày 01/10/2026 đến ngày 31/12/2026"
    assert period_label(preset_period("half", date(2026, 3, 1)), "half") == "6 tháng đầu năm 2026"
    with pytest.raises(ValidationError):
        Period(date(2026, 2, 1), date(2026, 1, 1))
