"""Saturday sessions travel with sync (issue 13): planned at the office, opened
and closed on the session laptop, the office sees the closed session and its
dossiers; the newest version of a session wins."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from hcc_desktop.core.domain import Channel
from hcc_desktop.core.field import SessionStatus
from hcc_desktop.server.models import FieldSessionDoc
from tests.conftest import FakeClock, birth_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Fleet

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
