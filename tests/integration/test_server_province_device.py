"""The figures of a unit on the server equal those of its synced devices (issue
11 item 7): demo dossiers with realistic lives (supplements, late and early
results, returns, ratings) made on a device, pushed to a real server over
HTTP, pulled by a second device; for several periods the device's report
(``services.reports``) and the server's province report agree on every 06a
row, the total, the rates (the average processing time in working days and
the complaints handled on time among them), the ratings, the complaints
register's figures and the Decision 766 estimate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from hcc_desktop.server.reports import province_report
from hcc_desktop.server.reviewers import Provinces
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.demo import generate
from tests.conftest import log_in_admin

from .conftest import Harness, new_unit_code
from .sync_support import FILE_KEYRING

reports = pytest.importorskip("hcc_desktop.services.reports", reason="the device's report engine")
periods = pytest.importorskip("hcc_desktop.core.periods")

PERIODS = [
    (date(2026, 11, 1), date(2026, 11, 30)),  # a month, still running at the data's end
    (date(2026, 7, 1), date(2026, 9, 30)),  # a quarter
    (date(2026, 9, 15), date(2026, 10, 14)),  # any range across months
    (date(2026, 10, 5), date(2026, 10, 11)),  # a week
    (date(2026, 1, 1), date(2026, 12, 31)),  # the year
]


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_KEYRING)


@pytest.fixture
def harness(module_harness: Harness) -> Harness:
    """A server of the module's own: the test publishes a catalog."""
    return module_harness


def _device(tmp_path: Path, name: str, harness: Harness, unit: str) -> Services:
    svc = open_services(tmp_path / f"{name}.db")
    log_in_admin(svc, "Trần Thị Bình")
    svc.sync.register(harness.server.base_url, harness.enrol(unit), device_name=name)
    return svc


def _enqueue_everything(svc: Services) -> None:
    """Demo rows are written without outbox entries: queue them as intakes would.

    The demo records no report flags: give a share of the dossiers each value
    (online, paid online or not or unrecorded, result issued electronically,
    components digitised and reused) so that every rate has something to count.
    """
    from sqlalchemy import text

    with svc.db.write() as s:
        s.execute(
            text(
                "UPDATE dossiers SET"
                " channel = CASE WHEN pk % 5 = 0 THEN 'online' ELSE channel END,"
                " paid_online = CASE pk % 3 WHEN 0 THEN NULL WHEN 1 THEN 1 ELSE 0 END,"
                " e_result = CASE pk % 4 WHEN 0 THEN NULL WHEN 1 THEN 0 ELSE 1 END"
            )
        )
        s.execute(
            text(
                "UPDATE dossier_components SET"
                " digitised = CASE WHEN rowid % 7 = 0 THEN NULL"
                " WHEN rowid % 5 = 0 THEN 0 ELSE 1 END,"
                " reused_digital = rowid % 4 = 0"
            )
        )
        for kind, table in (
            ("dossier", "dossiers"),
            ("event", "dossier_events"),
            ("rating", "dossier_ratings"),
        ):
            s.execute(
                text(
                    f"INSERT OR IGNORE INTO outbox (kind, entity_id, created_at) "
                    f"SELECT '{kind}', id, CURRENT_TIMESTAMP FROM {table}"
                    # Events in their device-chain order, as intakes queue them: the server
                    # refuses a device chain that arrives with a gap.
                    f"{' ORDER BY device_seq' if kind == 'event' else ''}"
                )
            )


@pytest.fixture
def devices(tmp_path: Path, harness: Harness) -> Iterator[tuple[str, Services, Services]]:
    unit = new_unit_code()
    a = _device(tmp_path, "quay-1", harness, unit)
    b = _device(tmp_path, "laptop", harness, unit)
    try:
        yield unit, a, b
    finally:
        a.close()
        b.close()


def _without_field(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "field"}


def test_the_server_reports_a_unit_as_its_devices_do(
    harness: Harness, backend: str, devices: tuple[str, Services, Services]
) -> None:
    if backend == "sqlite":
        pytest.skip("the province report needs PostgreSQL")
    unit, a, b = devices
    generate(a, count=600, seed=7, end_day=date(2026, 11, 20), months=6)
    _enqueue_everything(a)
    a.sync.sync()
    b.sync.sync()
    assert b.dossiers.count() == a.dossiers.count() == 600
    # The server knows the devices' catalog (online level, fees, reusable components).
    harness.store.publish_catalog(json.dumps(a.catalog.export_json(), ensure_ascii=False))
    Provinces(harness.store.db).set_province(unit, "CMP")

    compared = complaints_seen = 0
    for start, end in PERIODS:
        server = province_report(
            harness.store.db, province="CMP", start=start, end=end, unit=unit
        ).to_json()
        (on_server,) = server["units"]
        for device in (a, b):
            local = device.reports.periodic(periods.Period(start, end)).to_json()
            period = f"{start}..{end}"
            assert {r["field"]: r for r in local["rows"]} == {
                r["field"]: r for r in on_server["rows"]
            }, period
            assert _without_field(local["total"]) == _without_field(on_server["total"]), period
            assert local["rates"] == on_server["rates"], period
            assert local["ratings"] == on_server["ratings"], period
            assert local["unrecorded"] == on_server["unrecorded"], period
            assert local["complaints"] == on_server["complaints"], period
            index = device.reports.index766(periods.Period(start, end)).to_json()
            assert index == on_server["index766"], period
            compared += 1
            complaints_seen += on_server["complaints"]["received"]
        # Something to compare: the figures are not all zero.
        assert on_server["total"]["received_total"] > 0
    assert compared == 2 * len(PERIODS)
    # The demo's complaints reached the server and were counted.
    assert complaints_seen > 0
