"""Saturday sessions travel with sync (issue 13): planned at the office, opened
and closed on the session laptop, the office sees the closed session and its
dossiers; the newest version of a session wins."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import text

from hcc_desktop.core.domain import Channel
from hcc_desktop.core.field import SessionFigures, SessionStatus
from hcc_desktop.core.periods import Period
from hcc_desktop.server.cli import main as server_main
from hcc_desktop.server.models import FieldSessionDoc
from hcc_desktop.server.reports import province_report
from hcc_desktop.server.reviewers import Provinces
from tests.conftest import FakeClock, birth_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Fleet
from tests.sessions_support import hold_sessions

SATURDAY = date(2026, 11, 28)


# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


def test_a_session_planned_at_the_office_is_held_on_the_laptop(
    fleet: Fleet, harness: Harness, clock: FakeClock
) -> None:
    unit = new_unit_code()
    office = fleet.device("office", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    planned = office.services.field.sessions.plan(
        quarter="Khu phố 3", day=SATURDAY, place="Nhà văn hóa", officers=["Trần Thị Bình"]
    )
    other = office.services.field.sessions.plan(
        quarter="Khu phố 6", day=SATURDAY, officers=["Lê Văn Cường"]
    )
    for device in (office, laptop):
        device.sync.sync()
    assert office.outbox() == 0
    assert [x.id for x in laptop.services.field.sessions.list()] == [planned.id, other.id]

    # On the day, the laptop opens the session and receives a dossier there.
    clock.now = datetime(2026, 11, 28, 8, 0)
    laptop.services.field.sessions.open(planned.id)
    dossier = laptop.accept(birth_draft(received_at=clock.now))
    assert dossier.channel is Channel.SATURDAY_SESSION
    # Meanwhile the office cancels the other session.
    office.services.field.sessions.cancel(other.id)
    clock.now = datetime(2026, 11, 28, 11, 30)
    summary = laptop.services.field.sessions.close(planned.id)
    assert summary.dossiers == 1
    for device in (laptop, office, laptop):
        device.sync.sync()

    seen = office.services.field.sessions.get(planned.id)
    assert seen.status is SessionStatus.CLOSED
    assert seen.dossier_count == 1
    assert seen.opened_device_id == laptop.device_id
    # The office prints the same summary as the laptop did.
    assert office.services.field.sessions.summary(planned.id) == summary
    with office.services.db.read() as s:
        tagged = s.execute(
            text("SELECT session_id FROM dossiers WHERE id = :i"), {"i": dossier.id}
        ).scalar_one()
    assert tagged == planned.id
    assert laptop.services.field.sessions.get(other.id).status is SessionStatus.CANCELLED
    with harness.store.db.read() as s:
        stored = {d.id: d.data for d in s.query(FieldSessionDoc).filter_by(unit_code=unit)}
    assert stored[planned.id]["status"] == "closed"
    assert stored[planned.id]["version"] == 3
    # Nothing new anywhere: a further round changes nothing.
    assert office.sync.sync().pushed == 0
    assert laptop.sync.sync().pulled == 0


def test_a_home_visit_planned_at_the_office_is_recorded_on_the_laptop(
    fleet: Fleet, harness: Harness, clock: FakeClock
) -> None:
    unit = new_unit_code()
    office = fleet.device("office", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    visits = office.services.field.visits
    resident = visits.add_resident(
        full_name="Phạm Thị Dung",
        reasons=["age", "alone"],
        quarter="Khu phố 2",
        address="12 Trần Phú",
        consent_on=date(2026, 11, 20),
    )
    visit = visits.request(resident_id=resident.id, purpose="Chứng thực bản sao")
    visits.plan(visit.id, day=date(2026, 11, 25), officer="Lê Văn Cường")
    # The resident changes after the visit was made: the visit's revision is
    # older than its resident's (residents are applied first in a page; across
    # pages a visit waits, parked, for its resident).
    visits.deactivate(resident.id)
    for device in (office, laptop):
        device.sync.sync()
    assert office.outbox() == 0
    [pulled] = laptop.services.field.visits.visits()
    assert (pulled.resident_name, pulled.officer) == ("Phạm Thị Dung", "Lê Văn Cường")

    clock.now = datetime(2026, 11, 25, 15, 0)
    laptop.services.field.visits.record(
        visit.id, outcome="Đã tiếp nhận hồ sơ", minutes_spent=40, dossiers_received=1
    )
    for device in (laptop, office):
        device.sync.sync()
    seen = office.services.field.visits.visits()[0]
    assert (seen.status.value, seen.minutes_spent, seen.dossiers_received) == ("done", 40, 1)
    assert office.services.field.visits.due() == ()
    assert office.sync.sync().pushed == 0
    assert laptop.sync.sync().pulled == 0


def test_the_province_report_counts_the_sessions_as_the_laptop_does(
    fleet: Fleet,
    harness: Harness,
    clock: FakeClock,
    backend: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    if backend == "sqlite":
        pytest.skip("the province report needs PostgreSQL")
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    held = hold_sessions(laptop.services, clock)
    laptop.sync.sync()
    assert laptop.outbox() == 0
    Provinces(harness.store.db).set_province(unit, "KPH")
    start, end = date(2026, 11, 1), date(2026, 12, 6)
    report = province_report(harness.store.db, province="KPH", start=start, end=end, unit=unit)
    [part] = report.to_json()["units"]
    server = part["sessions"]
    device = laptop.services.reports.session_figures(Period(start, end))

    def figures(f: SessionFigures) -> dict[str, Any]:
        return {
            "sessions": f.sessions,
            "dossiers": f.dossiers,
            "by_procedure": [(x.key, x.count) for x in f.by_procedure],
            "fees_total": f.fees_total,
            "returns": f.returns,
            "ratings": {x.key: x.count for x in f.ratings_by_level},
        }

    def served(x: dict[str, Any]) -> dict[str, Any]:
        return {
            "sessions": x["sessions"],
            "dossiers": x["dossiers"],
            "by_procedure": [(p["code"], p["count"]) for p in x["by_procedure"]],
            "fees_total": x["fees_total"],
            "returns": x["returns"],
            "ratings": x["ratings"],
        }

    assert [x["key"] for x in server["per_session"]] == list(held.ids)
    assert [served(x) for x in server["per_session"]] == [figures(f) for f in device.sessions]
    assert [x["label"] for x in server["per_quarter"]] == ["Khu phố 3", "Khu phố 5"]
    assert [served(x) for x in server["per_quarter"]] == [figures(f) for f in device.quarters]
    # The counts the test made: 2 + 1 + 1 dossiers, one fee, two returns, two ratings.
    assert served(server["total"]) == {
        "sessions": 3,
        "dossiers": 4,
        "by_procedure": [("1.001193", 3), ("1.004873", 1)],
        "fees_total": held.fee,
        "returns": 2,
        "ratings": {"3": 1, "2": 1, "1": 0},
    }
    province_total = report.to_json()["province_total"]["sessions"]["total"]
    assert served(province_total) == served(server["total"])
    # Only the first Saturday.
    first = province_report(
        harness.store.db, province="KPH", start=start, end=date(2026, 11, 30), unit=unit
    ).to_json()["units"][0]["sessions"]
    assert [x["dossiers"] for x in first["per_session"]] == [2, 1]
    # The CLI prints them.
    url = harness.server.database_url
    args = ["server", "report", "--database", url, "--province", "KPH", "--unit", unit]
    assert server_main([*args, "--from", "2026-11-01", "--to", "2026-12-06"]) == 0
    out = capsys.readouterr().out
    assert "Buổi tiếp nhận thứ Bảy: 3 buổi, 4 hồ sơ" in out
    assert "khu phố Khu phố 3: 2 buổi, 3 hồ sơ" in out
