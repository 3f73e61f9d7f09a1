"""The province report on the server (issue 11 item 7): dossiers pushed by real
devices over HTTP, the 06a figures of each unit computed by hand per
REPORT_RULES.md, the province equal to the sum of its units, a reviewer's
credential scoped to its province, a device's token refused."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any

import pytest

from hcc_desktop.server.cli import main as server_main
from hcc_desktop.server.db import ServerDatabase, alembic_config
from hcc_desktop.server.reports import ROW_FIELDS, province_report
from hcc_desktop.server.reviewers import Provinces

from .conftest import (
    DeviceClient,
    Harness,
    PgCluster,
    dossier_data,
    event_data,
    item,
    new_unit_code,
)

PERIOD = {"from": "2026-11-01", "to": "2026-11-30"}
H, C, D = "Hộ tịch", "Chứng thực", "Đất đai"
PROCEDURES = {H: "1.000001", C: "1.000002", D: "1.000003"}
# The catalog published on the server: online level, fees and reusable components.
CATALOG = {
    "format": "hcc-catalog",
    "version": 1,
    "procedures": [
        {"code": "1.000001", "name": "Đăng ký khai sinh", "field": H, "processing_days": 0,
         "online_level": "full", "fees": [{"name": "Lệ phí", "amount": 10000}],
         "components": [{"id": "1.000001-01", "name": "Tờ khai", "reusable": True}]},
        {"code": "1.000002", "name": "Chứng thực bản sao", "field": C, "processing_days": 0,
         "online_level": "partial", "fees": [{"name": "Phí", "amount": 0}],
         "components": [{"id": "1.000002-01", "name": "Bản chính"}]},
        {"code": "1.000003", "name": "Đăng ký đất đai", "field": D, "processing_days": 10,
         "bears_fee": True, "components": [{"id": "1.000003-01", "name": "Đơn"}]},
    ],
}  # fmt: skip


def _supplement_received(due: str) -> dict[str, Any]:
    return {"data_json": json.dumps({"due_at": due, "waited_days": 1})}


class Unit:
    """Dossiers of one unit, pushed the way a device pushes them."""

    def __init__(self, device: DeviceClient) -> None:
        self.device = device
        self.ids: dict[str, str] = {}

    def dossier(
        self,
        name: str,
        field: str,
        channel: str,
        received: str,
        due: str,
        events: list[tuple[str, str]] | None = None,
        supplements_received: dict[str, str] | None = None,
        recorded: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        """A dossier and its events ``(kind, at)``; ``supplements_received``: at → new
        due; ``recorded``: at → the verdict the lifecycle wrote on a terminal event."""
        data = dossier_data(
            self.device.unit_code,
            procedure_code=PROCEDURES[field],
            procedure_field=field,
            channel=channel,
            received_at=received,
            due_at=due,
            original_due_at=due,
            **extra,
        )
        self.ids[name] = data["id"]
        items = [item("dossier", data)]
        items.append(item("event", event_data(data["id"], kind="received", at=received)))
        for kind, at in events or []:
            fields = {}
            if kind == "supplement_received":
                fields = _supplement_received((supplements_received or {})[at])
            elif recorded and at in recorded:
                fields = {"data_json": json.dumps({"timeliness": recorded[at]})}
            items.append(item("event", event_data(data["id"], kind=kind, at=at, **fields)))
        result = self.device.push_ok(items)
        assert {r["status"] for r in result["results"]} == {"applied"}, result

    def event(self, name: str, kind: str, at: str) -> None:
        result = self.device.push_ok([item("event", event_data(self.ids[name], kind=kind, at=at))])
        assert {r["status"] for r in result["results"]} == {"applied"}, result

    def rating(self, name: str, overall: int, at: str) -> None:
        data = {
            "id": str(uuid.uuid4()),
            "dossier_id": self.ids[name],
            "convenience": overall,
            "overall": overall,
            "rated_at": at,
        }
        result = self.device.push_ok([item("rating", data)])
        assert {r["status"] for r in result["results"]} == {"applied"}, result


def _unit_a(unit: Unit) -> None:
    """Every case of REPORT_RULES in November 2026 (the hand computation is in the test)."""
    d = unit.dossier
    reusable = "1.000001-01"
    comps_1 = [{"component_id": reusable, "digitised": True, "reused_digital": True}]
    comps_2 = [
        {"component_id": reusable, "digitised": True, "reused_digital": False},
        {"component_id": None, "digitised": False, "reused_digital": False},
    ]
    comps_3 = [{"component_id": reusable, "digitised": None, "reused_digital": False}]
    # Hộ tịch
    d("early", H, "counter", "2026-11-03T09:00:00", "2026-11-05T17:00:00",
      [("processed", "2026-11-04T10:00:00")],
      components=comps_1, fee_amount=10000, paid_online=True, e_result=True)  # fmt: skip
    d("on_time", H, "counter", "2026-11-03T09:00:00", "2026-11-05T17:00:00",
      [("processed", "2026-11-05T16:00:00")],
      components=comps_2, fee_amount=10000, paid_online=False)  # fmt: skip
    d("late_online", H, "online", "2026-11-03T09:00:00", "2026-11-05T17:00:00",
      [("processed", "2026-11-06T08:00:00")], components=comps_3)  # fmt: skip
    d("carried_late", H, "counter", "2026-10-20T09:00:00", "2026-10-25T17:00:00",
      [("processed", "2026-11-02T09:00:00")])  # fmt: skip
    d("ended_before", H, "counter", "2026-10-01T09:00:00", "2026-10-03T17:00:00",
      [("processed", "2026-10-02T09:00:00")])  # fmt: skip
    d("waiting", H, "postal", "2026-11-20T09:00:00", "2026-11-22T17:00:00",
      [("supplement_requested", "2026-11-21T09:00:00")])  # fmt: skip
    d("ends_after_period", H, "saturday_session", "2026-11-28T09:00:00", "2026-11-29T17:00:00",
      [("processed", "2026-12-03T09:00:00")])  # fmt: skip
    d("processed_then_returned", H, "counter", "2026-11-03T09:00:00", "2026-11-05T17:00:00",
      [("processed", "2026-11-04T09:00:00"), ("returned", "2026-11-10T09:00:00")])  # fmt: skip
    d("received_after", H, "counter", "2026-12-01T08:00:00", "2026-12-03T17:00:00")
    # Chứng thực
    d("open_within_online", C, "online", "2026-11-25T09:00:00", "2026-12-02T17:00:00")
    d("open_overdue", C, "counter", "2026-11-10T09:00:00", "2026-11-20T17:00:00")
    d("one_supplement", C, "counter", "2026-11-10T09:00:00", "2026-11-12T17:00:00",
      [("supplement_requested", "2026-11-11T09:00:00"),
       ("supplement_received", "2026-11-14T10:00:00"),
       ("processed", "2026-11-17T15:00:00")],
      supplements_received={"2026-11-14T10:00:00": "2026-11-17T17:00:00"})  # fmt: skip
    d("two_supplements", C, "counter", "2026-11-02T09:00:00", "2026-11-10T17:00:00",
      [("supplement_requested", "2026-11-03T09:00:00"),
       ("supplement_received", "2026-11-04T09:00:00"),
       ("supplement_requested", "2026-11-05T09:00:00"),
       ("supplement_received", "2026-11-06T09:00:00"),
       ("processed", "2026-11-07T09:00:00")],
      supplements_received={"2026-11-04T09:00:00": "2026-11-11T17:00:00",
                            "2026-11-06T09:00:00": "2026-11-12T17:00:00"})  # fmt: skip
    d("refused", C, "home_visit", "2026-11-15T08:00:00", "2026-11-18T17:00:00",
      [("refused", "2026-11-15T10:00:00")])  # fmt: skip
    # Withdrawn while waiting: the lifecycle moved the appointment by the wait and
    # recorded "on_time", which the events' appointments alone would call late.
    d("ended_while_waiting", C, "counter", "2026-11-16T09:00:00", "2026-11-18T17:00:00",
      [("supplement_requested", "2026-11-17T09:00:00"), ("withdrawn", "2026-11-20T09:00:00")],
      recorded={"2026-11-20T09:00:00": "on_time"})  # fmt: skip
    d("carried_open", C, "counter", "2026-10-28T09:00:00", "2026-11-03T17:00:00")
    d("carried_waiting", C, "counter", "2026-10-25T09:00:00", "2026-10-30T17:00:00",
      [("supplement_requested", "2026-10-27T09:00:00")])  # fmt: skip
    unit.rating("early", 3, "2026-11-04T10:30:00")
    unit.rating("on_time", 2, "2026-11-05T16:30:00")
    unit.rating("late_online", 1, "2026-11-06T08:30:00")
    unit.rating("processed_then_returned", 3, "2026-12-02T09:00:00")  # after the period


def _unit_b(unit: Unit) -> None:
    d = unit.dossier
    d("b_on_time", H, "counter", "2026-11-05T09:00:00", "2026-11-07T17:00:00",
      [("processed", "2026-11-07T10:00:00")])  # fmt: skip
    d("b_overdue", D, "online", "2026-11-06T09:00:00", "2026-11-20T17:00:00")
    d("b_within", H, "counter", "2026-11-10T09:00:00", "2026-12-10T17:00:00")
    unit.rating("b_on_time", 3, "2026-11-07T11:00:00")


def _row(field: str, *counts: int) -> dict[str, Any]:
    return {"field": field, **dict(zip(ROW_FIELDS, counts, strict=True))}


# received_total, online, direct, carried_over, finished, early, on_time, late,
# open, within, overdue
A_ROWS = [
    _row(C, 8, 1, 5, 2, 4, 1, 2, 1, 4, 2, 2),
    _row(H, 7, 1, 5, 1, 5, 2, 1, 2, 2, 1, 1),
]
A_TOTAL = _row("", 15, 2, 10, 3, 9, 3, 3, 3, 6, 3, 3)
B_ROWS = [_row(D, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1), _row(H, 2, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0)]
B_TOTAL = _row("", 3, 1, 2, 0, 1, 0, 1, 0, 2, 1, 1)


def _sum_rows(*rows: dict[str, Any]) -> dict[str, Any]:
    return {"field": rows[0]["field"], **{k: sum(r[k] for r in rows) for k in ROW_FIELDS}}


def _identities(row: dict[str, Any]) -> None:
    assert row["received_total"] == (
        row["received_online"] + row["received_direct"] + row["carried_over"]
    )
    assert row["received_total"] == row["finished"] + row["open"]
    assert row["finished"] == row["finished_early"] + row["finished_on_time"] + row["finished_late"]
    assert row["open"] == row["open_on_time"] + row["open_late"]


@pytest.fixture
def harness(module_harness: Harness) -> Harness:
    """A server of the module's own: the tests publish a catalog."""
    return module_harness


@pytest.fixture
def province(harness: Harness) -> dict[str, Any]:
    """Two units of a new province with their dossiers, a unit of another province,
    a reviewer of each province and the catalog."""
    harness.store.publish_catalog(json.dumps(CATALOG, ensure_ascii=False))
    provinces = Provinces(harness.store.db)
    code = f"P{uuid.uuid4().hex[:6].upper()}"
    other = f"Q{uuid.uuid4().hex[:6].upper()}"
    unit_a, unit_b, unit_x = new_unit_code(), new_unit_code(), new_unit_code()
    device_a, device_b = harness.device(unit_a), harness.device(unit_b)
    device_x = harness.device(unit_x)
    # One unit put in its province at enrolment, one afterwards.
    harness.store.enrol(unit_a, province=code)
    provinces.set_province(unit_b, code)
    provinces.set_province(unit_x, other)
    a, b, x = Unit(device_a), Unit(device_b), Unit(device_x)
    _unit_a(a)
    _unit_b(b)
    x.dossier("x", H, "counter", "2026-11-05T09:00:00", "2026-11-07T17:00:00")
    _, token = provinces.add_reviewer(code, "Sở Nội vụ")
    _, other_token = provinces.add_reviewer(other)
    return {
        "code": code,
        "units": (unit_a, unit_b, unit_x),
        "a": a,
        "token": token,
        "other_token": other_token,
        "device": device_a,
    }


def _get(harness: Harness, token: str | None, **params: str) -> Any:
    with harness.server.client(token) as http:
        return http.get("/api/v1/reports/periodic", params={**PERIOD, **params})


def test_each_unit_matches_the_hand_computation_and_the_province_is_their_sum(
    harness: Harness, backend: str, province: dict[str, Any]
) -> None:
    response = _get(harness, province["token"])
    if backend == "sqlite":
        assert response.status_code == 501
        assert response.json()["error"] == "report_unavailable"
        return
    assert response.status_code == 200, response.text
    report = response.json()
    unit_a, unit_b, _unit_x = province["units"]
    assert report["province"] == province["code"]
    assert (report["from"], report["to"]) == (PERIOD["from"], PERIOD["to"])
    assert [u["unit"] for u in report["units"]] == sorted([unit_a, unit_b])
    by_unit = {u["unit"]: u for u in report["units"]}
    assert by_unit[unit_a]["rows"] == A_ROWS
    assert by_unit[unit_a]["total"] == A_TOTAL
    assert by_unit[unit_b]["rows"] == B_ROWS
    assert by_unit[unit_b]["total"] == B_TOTAL

    whole = report["province_total"]
    assert whole["total"] == _sum_rows(A_TOTAL, B_TOTAL)
    # Fields in Vietnamese order: Chứng thực, Đất đai, Hộ tịch.
    assert whole["rows"] == [A_ROWS[0], B_ROWS[0], _sum_rows(A_ROWS[1], B_ROWS[1])]
    for part in [*report["units"], whole]:
        for row in [*part["rows"], part["total"]]:
            _identities(row)
    # The province's total is the sum of its units' totals, field by field.
    assert whole["total"] == _sum_rows(*(u["total"] for u in report["units"]))

    # Received in the period: 12 (6 Hộ tịch, fully online and fee-bearing; 6 Chứng
    # thực, partially online, free).
    rates_a = by_unit[unit_a]["rates"]
    assert rates_a["on_time"] == {"num": 6, "den": 9, "rate": 6 / 9}
    assert rates_a["overdue"] == {"num": 6, "den": 15, "rate": 6 / 15}
    assert rates_a["progress"] == {"num": 9, "den": 15, "rate": 9 / 15}
    assert rates_a["online"] == {"num": 2, "den": 12, "rate": 2 / 12}
    assert rates_a["online_full"] == {"num": 1, "den": 6, "rate": 1 / 6}
    assert rates_a["online_partial"] == {"num": 1, "den": 6, "rate": 1 / 6}
    assert rates_a["digitised"] == {"num": 1, "den": 12, "rate": 1 / 12}
    # With a reusable component (the catalog's 1.000001-01): early, on_time, late_online.
    assert rates_a["reused"] == {"num": 1, "den": 3, "rate": 1 / 3}
    assert rates_a["paid_online"] == {"num": 1, "den": 6, "rate": 1 / 6}
    assert rates_a["e_result"] == {"num": 1, "den": 9, "rate": 1 / 9}
    assert rates_a["synced"] == {"num": 12, "den": 12, "rate": 1.0}
    assert rates_a["satisfied"] == {"num": 2, "den": 3, "rate": 2 / 3}
    assert by_unit[unit_a]["unrecorded"] == {"digitised": 1, "e_result": 8, "paid_online": 4}
    assert by_unit[unit_a]["ratings"] == {"3": 1, "2": 1, "1": 1}
    assert by_unit[unit_b]["rates"]["paid_online"] == {"num": 0, "den": 3, "rate": 0.0}
    assert whole["rates"]["satisfied"] == {"num": 3, "den": 4, "rate": 3 / 4}
    assert whole["rates"]["on_time"] == {"num": 7, "den": 10, "rate": 7 / 10}

    # One unit of the province only.
    response = _get(harness, province["token"], unit=unit_b)
    assert response.status_code == 200, response.text
    only_b = response.json()
    assert [u["unit"] for u in only_b["units"]] == [unit_b]
    assert only_b["province_total"]["total"] == B_TOTAL


def _complaint(device: DeviceClient, received: str, due: str, resolved: str | None = None) -> None:
    """A complaint of the device's register, as the device pushes it."""
    data = {
        "id": str(uuid.uuid4()),
        "unit_code": device.unit_code,
        "received_at": received,
        "channel": "hotline",
        "content": "Phản ánh về thời gian chờ",
        "dossier_id": None,
        "officer": "",
        "due_at": due,
        "resolved_at": resolved,
        "resolution": "Đã trả lời công dân" if resolved else "",
        "resolved_by": "Trần Thị Bình" if resolved else "",
        "device_id": device.device_id,
        "created_at": f"{received}+07:00",
        "updated_at": f"{resolved or received}+07:00",
        "version": 2 if resolved else 1,
    }
    result = device.push_ok([item("complaint", data)])
    assert {r["status"] for r in result["results"]} == {"applied"}, result


def _points(max_points: float, num: int, den: int, threshold: float) -> float:
    return max_points * min(1.0, num / den / threshold)


def test_complaints_processing_time_and_the_766_estimate_by_hand(
    harness: Harness, backend: str, province: dict[str, Any]
) -> None:
    """November 2026 (1 Nov is a Sunday, no holiday in October or November)."""
    if backend == "sqlite":
        pytest.skip("the province report needs PostgreSQL")
    a: Unit = province["a"]
    device_a = a.device
    c = _complaint
    c(device_a, "2026-11-05T09:00:00", "2026-11-10T17:00:00", "2026-11-09T10:00:00")  # on time
    c(device_a, "2026-11-06T09:00:00", "2026-11-08T17:00:00", "2026-11-12T10:00:00")  # late
    # Received before the period, resolved (late) in it.
    c(device_a, "2026-10-20T09:00:00", "2026-10-30T17:00:00", "2026-11-03T10:00:00")
    c(device_a, "2026-11-20T09:00:00", "2026-11-25T17:00:00")  # open, overdue at the end
    # Resolved after the period: open at its end, due after it.
    c(device_a, "2026-11-28T09:00:00", "2026-12-05T17:00:00", "2026-12-01T10:00:00")
    c(device_a, "2026-10-01T09:00:00", "2026-10-10T17:00:00", "2026-10-05T10:00:00")  # before
    c(device_a, "2026-12-02T09:00:00", "2026-12-10T17:00:00")  # after the period
    # A time no device writes is read as missing: counted nowhere, the report still runs.
    c(device_a, "20/11/2026", "2026-11-25T17:00:00")
    # Another province's complaint counts in neither unit nor the province.
    c(harness.device(province["units"][2]), "2026-11-05T09:00:00", "2026-11-06T17:00:00")

    report = _get(harness, province["token"]).json()
    unit_a, unit_b, _unit_x = province["units"]
    by_unit = {u["unit"]: u for u in report["units"]}
    part_a, part_b, whole = by_unit[unit_a], by_unit[unit_b], report["province_total"]
    expected_a = {
        "received": 4,
        "resolved": 3,
        "resolved_on_time": 1,
        "open_at_end": 2,
        "open_overdue": 1,
    }
    assert part_a["complaints"] == expected_a
    assert part_b["complaints"] == dict.fromkeys(expected_a, 0)
    assert whole["complaints"] == expected_a
    assert part_a["rates"]["complaints_on_time"] == {"num": 1, "den": 3, "rate": 1 / 3}
    assert part_b["rates"]["complaints_on_time"] == {"num": 0, "den": 0, "rate": None}

    # Working days in (received, ended] of the finished dossiers of unit A: early 1,
    # on_time 2, late_online 3, carried_late (20 Oct – 2 Nov) 9, processed_then_returned
    # (its first end) 1, one_supplement 5, two_supplements (ends on a Saturday) 4,
    # refused (same day) 0, ended_while_waiting 4; unit B: b_on_time (Saturday) 1.
    assert part_a["rates"]["processing_days"] == {"num": 29, "den": 9, "rate": 29 / 9}
    assert part_b["rates"]["processing_days"] == {"num": 1, "den": 1, "rate": 1.0}
    assert whole["rates"]["processing_days"] == {"num": 30, "den": 10, "rate": 3.0}

    # The 766 estimate of unit A, indicator by indicator (resources/index766/qd766_v1.json).
    index = part_a["index766"]
    points = {i["key"]: i for g in index["groups"] for i in g["indicators"]}
    expected = {
        "published": None,  # not measurable on a ward's data
        "synced": 6.0,  # 12 / 12
        "progress": _points(20, 9, 15, 1.0),  # early + on time + open within / received
        "procedures_online": _points(4, 2, 3, 1.0),  # 2 of the catalog's 3 offered online
        "procedures_online_used": 4.0,  # both had an online dossier in the period
        "online": _points(4, 2, 12, 0.5),
        "paid_online": _points(10, 1, 6, 0.8),
        "e_result": _points(6, 1, 9, 1.0),
        "digitised": _points(8, 1, 12, 0.8),
        "reused": _points(8, 1, 3, 0.8),
        "complaints_on_time": _points(6, 1, 3, 1.0),
        # Received 15 less 6 late (3 finished, 3 open), 1 rating "không hài lòng"
        # and 4 complaints received: 4 / 15 against 90 %.
        "satisfaction": _points(12, 4, 15, 0.9),
    }
    assert {k: i["points"] for k, i in points.items()} == {
        k: None if v is None else round(v, 2) for k, v in expected.items()
    }
    assert (points["satisfaction"]["num"], points["satisfaction"]["den"]) == (4, 15)
    total = sum(v for v in expected.values() if v is not None)
    assert index["total"] == round(total, 2) == 38.47
    assert index["max"] == 88  # 100 less the 12 points of "published"
    assert index["on_100"] == round(total / 88 * 100, 2)
    # Unit B: no online dossier of a procedure offered online; the province: both used.
    b_points = {i["key"]: i for g in part_b["index766"]["groups"] for i in g["indicators"]}
    assert b_points["procedures_online_used"]["points"] == 0.0
    w_points = {i["key"]: i for g in whole["index766"]["groups"] for i in g["indicators"]}
    assert w_points["procedures_online_used"]["points"] == 4.0
    assert (w_points["satisfaction"]["num"], w_points["satisfaction"]["den"]) == (
        18 - 7 - 1 - 4,
        18,
    )


def test_a_past_period_is_unchanged_by_later_events(
    harness: Harness, backend: str, province: dict[str, Any]
) -> None:
    if backend == "sqlite":
        pytest.skip("the province report needs PostgreSQL")
    before = _get(harness, province["token"]).json()
    a: Unit = province["a"]
    a.event("open_overdue", "processed", "2026-12-04T09:00:00")
    a.event("open_within_online", "supplement_requested", "2026-12-01T09:00:00")
    a.event("carried_waiting", "supplement_received", "2026-12-02T09:00:00")
    a.event("waiting", "withdrawn", "2026-12-01T10:00:00")
    assert _get(harness, province["token"]).json() == before
    # The next period sees them.
    december = _get(harness, province["token"], **{"from": "2026-12-01", "to": "2026-12-31"})
    by_unit = {u["unit"]: u for u in december.json()["units"]}
    total = by_unit[province["units"][0]]["total"]
    _identities(total)
    assert total["finished"] >= 3


def test_a_reviewer_sees_only_its_province_and_a_device_is_refused(
    harness: Harness, backend: str, province: dict[str, Any]
) -> None:
    unit_a, _unit_b, unit_x = province["units"]
    device_token = province["device"].token
    response = _get(harness, device_token)
    assert response.status_code == 403
    assert response.json()["error"] == "forbidden"
    assert _get(harness, None).status_code == 401
    assert _get(harness, "not-a-token").status_code == 401
    # A reviewer's token is no device's: the sync endpoints refuse it.
    with harness.server.client(province["token"]) as http:
        assert http.get("/api/v1/changes").status_code == 401
    if backend == "postgresql":
        # The other province's reviewer sees its own unit, never unit A.
        other = _get(harness, province["other_token"]).json()
        assert [u["unit"] for u in other["units"]] == [unit_x]
        assert other["province_total"]["total"]["received_total"] == 1
        refused = _get(harness, province["other_token"], unit=unit_a)
        assert refused.status_code == 404
        assert _get(harness, province["token"], to="2026-10-01").status_code == 400
        assert _get(harness, province["token"], to="30/11/2026").status_code == 400
    # A revoked reviewer is refused.
    provinces = Provinces(harness.store.db)
    info, token = provinces.add_reviewer(province["code"])
    provinces.revoke_reviewer(info.id)
    response = _get(harness, token)
    assert response.status_code == 401
    assert response.json()["error"] == "credential_revoked"


def test_the_cli_report_equals_the_endpoint(
    harness: Harness,
    backend: str,
    province: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = harness.server.database_url
    args = ["server", "report", "--database", url, "--province", province["code"]]
    args += ["--from", PERIOD["from"], "--to", PERIOD["to"]]
    code = server_main([*args, "--json"])
    out, err = capsys.readouterr()
    if backend == "sqlite":
        assert code == 1
        assert "report_unavailable" in err
        return
    assert code == 0, err
    assert json.loads(out) == _get(harness, province["token"]).json()
    assert server_main(args) == 0
    text = capsys.readouterr().out
    for expected in ("Toàn tỉnh", "Tổng cộng", H, "Ước tính Chỉ số 766", "Phản ánh, kiến nghị"):
        assert expected in text


def test_reviewer_and_province_commands(
    harness: Harness, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = harness.server.database_url
    unit = new_unit_code()
    assert server_main(["server", "enrol", "--database", url, "--unit", unit, "--province",
                        "H56"]) == 0  # fmt: skip
    capsys.readouterr()
    assert server_main(["server", "unit", "set-province", "--database", url, unit, "H57"]) == 0
    assert server_main(["server", "unit", "set-province", "--database", url, "NO.SUCH", "H57"]) == 1
    assert server_main(["server", "unit", "set-province", "--database", url, unit, "bad code"]) == 2
    capsys.readouterr()
    assert server_main(["server", "reviewer", "add", "--database", url, "--province", "H57",
                        "--name", "Nguyễn Thị Lan", "--json"]) == 0  # fmt: skip
    added = json.loads(capsys.readouterr().out)
    assert (added["province"], added["name"]) == ("H57", "Nguyễn Thị Lan")
    assert len(added["token"]) >= 40
    provinces = Provinces(harness.store.db)
    assert provinces.authenticate(f"Bearer {added['token']}").province == "H57"
    assert server_main(["server", "reviewer", "revoke", "--database", url, added["id"]]) == 0
    assert added["id"] in capsys.readouterr().out
    assert server_main(["server", "reviewer", "list", "--database", url, "--json"]) == 0
    listed = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed[added["id"]]["revoked_at"] is not None
    assert "token" not in listed[added["id"]]


def test_the_migration_copies_documents_synced_before_it(pg_cluster: PgCluster) -> None:
    """A server database at s0001 with synced documents: s0002 fills the report tables."""
    from alembic import command
    from sqlalchemy import text

    url = pg_cluster.create_database(migrated=False)
    db = ServerDatabase(url)
    try:
        with db.write_engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "s0001")
        unit = new_unit_code()
        dossier = dossier_data(
            unit,
            procedure_field=H,
            channel="online",
            received_at="2026-11-03T09:00:00",
            due_at="2026-11-09T17:00:00",  # moved by a supplement: never read
            original_due_at="2026-11-05T17:00:00",
        )
        events = [
            event_data(dossier["id"], kind="supplement_requested", at="2026-11-03T10:00:00"),
            event_data(
                dossier["id"],
                kind="supplement_received",
                at="2026-11-05T10:00:00",
                **_supplement_received("2026-11-09T17:00:00"),
            ),
            event_data(dossier["id"], kind="returned", at="2026-11-12T09:00:00"),
            event_data(dossier["id"], kind="processed", at="2026-11-09T09:00:00"),
        ]
        with db.write_engine.begin() as conn:
            conn.execute(
                text("INSERT INTO units (code, name, created_at) VALUES (:u, 'Phường', now())"),
                {"u": unit},
            )
            conn.execute(
                text(
                    "INSERT INTO dossiers (id, unit_code, code, rev, data, last_device, updated_at)"
                    " VALUES (:id, :u, :code, 1, CAST(:data AS jsonb), 'd', now())"
                ),
                {"id": dossier["id"], "u": unit, "code": dossier["code"]}
                | {"data": json.dumps(dossier)},
            )
            for rev, event in enumerate(events, 2):
                conn.execute(
                    text(
                        "INSERT INTO events (id, dossier_id, unit_code, rev, data, origin_device,"
                        " created_at) VALUES (:id, :d, :u, :rev, CAST(:data AS jsonb), 'd', now())"
                    ),
                    {"id": event["id"], "d": dossier["id"], "u": unit, "rev": rev}
                    | {"data": json.dumps(event)},
                )
        assert db.upgrade() == "s0001"
        Provinces(db).set_province(unit, "H56")
        report = province_report(
            db, province="H56", start=date(2026, 11, 1), end=date(2026, 11, 30)
        ).to_json()
        # Processed on the moved appointment's day (the return comes later): on time.
        assert report["province_total"]["total"] == _row("", 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0)
    finally:
        db.dispose()
