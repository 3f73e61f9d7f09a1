"""The report data travel in the dossier snapshot: intake flags, portal imports
(channel 'online', origin 'portal'), components' digitised, and NULL ("not
recorded") for dossiers from before the flags existed."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from hcc_desktop.core.domain import Channel, DossierOrigin
from hcc_desktop.db.models import DossierRow
from hcc_desktop.server.models import ComplaintDoc
from hcc_desktop.services.dossiers.intake import ComponentInput
from hcc_desktop.services.sync.apply import _DOSSIER_WRITER
from hcc_desktop.services.sync.wire import parse_dossier
from tests.conftest import applicant, birth_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Fleet, server_view
from tests.unit.test_exchange import portal_record

# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


def test_report_fields_reach_the_server_and_the_other_devices(
    fleet: Fleet, harness: Harness
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    scanned = counter.accept(
        birth_draft(
            components=(
                ComponentInput("1.001193-01", "original", 1, digitised=True),
                ComponentInput("1.001193-02", "original", 1, reused_digital=True),
            ),
            paid_online=True,
            e_result=True,
        )
    )
    old = counter.accept(birth_draft(owner=applicant(full_name="Lê Văn Ba")))
    with counter.services.db.write() as s:  # as a dossier from before migration 0006
        s.execute(
            text("UPDATE dossiers SET paid_online = NULL, e_result = NULL WHERE id = :i"),
            {"i": old.id},
        )
        s.execute(
            text("UPDATE dossier_components SET digitised = NULL WHERE dossier_id = :i"),
            {"i": old.id},
        )
    code = f"{unit}-261110-9001"
    counter.services.portal.import_records([portal_record(MaHoSo=code)])
    imported = counter.services.dossiers.get(code)
    for device in (counter, laptop):
        device.sync.sync()

    server = server_view(harness.store, unit).dossier_data
    assert (server[scanned.id]["paid_online"], server[scanned.id]["e_result"]) == (True, True)
    assert [c["digitised"] for c in server[scanned.id]["components"]] == [True, False]
    assert [c["reused_digital"] for c in server[scanned.id]["components"]] == [False, True]
    assert (server[old.id]["paid_online"], server[old.id]["e_result"]) == (None, None)
    assert server[old.id]["components"][0]["digitised"] is None
    assert server[imported.id]["channel"] == "online"
    assert server[imported.id]["origin"] == "portal"

    pulled = laptop.services.dossiers.get(code)
    assert (pulled.channel, pulled.origin, pulled.paid_online) == (
        Channel.ONLINE,
        DossierOrigin.PORTAL,
        True,
    )
    assert [e.kind for e in laptop.services.dossiers.timeline(pulled.id)] == [
        "received",
        "handed_over",
    ]
    copy = laptop.services.dossiers.get(old.code)
    assert copy.paid_online is None
    assert copy.components[0].digitised is None


def test_a_snapshot_from_an_older_device_reads_as_not_recorded() -> None:
    data = {
        "id": "00000000-0000-4000-8000-000000000009",
        "code": "000.17.22.H56-261123-0009",
        "unit_code": "000.17.22.H56",
        "device_id": "dev",
        "procedure_code": "1.001193",
        "procedure_name": "Đăng ký khai sinh",
        "procedure_field": "Hộ tịch",
        "status": 2,
        "channel": "counter",
        "received_at": "2026-11-23T08:00:00",
        "clock_start_at": "2026-11-23T08:00:00",
        "due_at": "2026-11-23T17:00:00",
        "processing_days": 0,
        "owner_name": "Nguyễn Văn An",
        "owner_id_type": "cccd",
        "owner_id_number": "052090001234",
        "owner_phone": "0912345678",
        "owner_address": "Khu phố 1",
        "result_delivery": "counter",
        "created_at": "2026-11-23T01:00:00",
        "updated_at": "2026-11-23T01:00:00",
        "components": [
            {"id": "c1", "position": 0, "component_id": None, "name": "Tờ khai",
             "form": "original", "count": 1, "reused_digital": False}
        ],
    }  # fmt: skip
    wd = parse_dossier(data)  # accepted, not refused for the missing keys
    stored = dict(zip([c.name for c in DossierRow.__table__.columns if c.name != "pk"],
                      _DOSSIER_WRITER.row(wd.values), strict=True))  # fmt: skip
    assert (stored["origin"], stored["paid_online"], stored["e_result"]) == ("local", None, None)
    assert wd.lines[0].get("digitised") is None


def test_complaints_sync_between_devices_newest_version_wins(
    fleet: Fleet, harness: Harness
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    dossier = counter.accept(birth_draft())
    about = counter.services.complaints.add(
        content="Hồ sơ trả chậm", channel="hotline", dossier=dossier.code
    )
    loose = counter.services.complaints.add(content="Thiếu ghế chờ", channel="letter")
    for device in (counter, laptop):
        device.sync.sync()
    assert counter.outbox() == 0
    assert {c.id for c in laptop.services.complaints.list()} == {about.id, loose.id}
    pulled = laptop.services.complaints.get(about.id)
    assert (pulled.dossier_code, pulled.content) == (dossier.code, "Hồ sơ trả chậm")

    # Handled on the laptop; the counter learns how.
    laptop.services.complaints.resolve(about.id, resolution="Đã xin lỗi công dân")
    for device in (laptop, counter):
        device.sync.sync()
    seen = counter.services.complaints.get(about.id)
    assert seen.resolution == "Đã xin lỗi công dân"
    assert seen.resolved_at is not None
    assert seen.version == 2
    with harness.store.db.read() as s:
        stored = {d.id: d.data for d in s.query(ComplaintDoc).filter_by(unit_code=unit)}
    assert set(stored) == {about.id, loose.id}
    assert stored[about.id]["resolution"] == "Đã xin lỗi công dân"
    # Nothing new anywhere: a further round changes nothing.
    assert counter.sync.sync().pushed == 0
    assert laptop.sync.sync().pulled == 0
