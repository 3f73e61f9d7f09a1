"""Devices of a unit working offline on the same day, then syncing through a real
server process (PostgreSQL and SQLite): everything everywhere exactly once."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hcc_desktop.cli import sync as sync_cli
from hcc_desktop.core.domain import Action, Satisfaction
from hcc_desktop.core.errors import SyncError
from hcc_desktop.db.models import DossierEventRow
from hcc_desktop.services import open_services
from hcc_desktop.services.audit import verify_store
from hcc_desktop.services.sync.credentials import load_credential, store_credential
from hcc_desktop.services.sync.service import SyncResult
from tests import keyed
from tests.conftest import (
    ADMIN_PASSWORD,
    ADMIN_USER,
    applicant,
    birth_draft,
    log_in_admin,
    marriage_status_draft,
)
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import (
    Device,
    Fleet,
    server_view,
)

# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


def everyone_agrees(devices: list[Device], harness: Harness, unit_code: str) -> None:
    """Every dossier, event and rating of the unit on the server and on every
    device exactly once; codes unique; nothing left to push."""
    server = server_view(harness.store, unit_code)
    assert len(set(server.dossiers.values())) == len(server.dossiers)
    for device in devices:
        held = device.dossiers()
        assert held == server.dossiers, device.name
        assert device.event_ids() == server.events, device.name
        assert device.rating_ids() == server.ratings, device.name
        assert device.outbox() == 0, device.name
        assert device.sync.status().open_conflicts == 0
        # Pulled events keep their origin's hashes: every chain verifies here. (The
        # row-vs-fold check is left out: a conflict resolved with the server's copy
        # leaves a row the union of histories does not fold to; see the report.)
        own = device.services.settings.load().device_id
        found = verify_store(device.services.db, own)
        assert [f for f in found if f.kind not in ("row_differs", "no_events")] == []


def test_three_devices_of_a_unit_converge_and_another_unit_stays_apart(
    fleet: Fleet, harness: Harness
) -> None:
    unit, other_unit = new_unit_code(), new_unit_code()
    url = harness.server.base_url
    counter, laptop, home = (fleet.device(n, unit, url) for n in ("quay-1", "laptop-t7", "tai-nha"))
    stranger = fleet.device("phuong-khac", other_unit, url)
    assert [d.services.settings.load().device_slot for d in (counter, laptop, home)] == [0, 1, 2]
    assert stranger.services.settings.load().unit_code == other_unit

    # Everyone works offline on the same Monday.
    a1 = counter.accept(birth_draft())
    a2 = counter.accept(marriage_status_draft(owner=applicant(full_name="Lê Thị Cúc")))
    b1 = laptop.accept(birth_draft(channel="saturday_session"))
    b2 = laptop.accept(marriage_status_draft())
    c1 = home.accept(birth_draft(channel="home_visit"))
    s1 = stranger.accept(birth_draft())
    counter.handover(a2.code, "Lê Văn Cường")
    laptop.handover(b2.code, "Phạm Văn Dũng")
    home.services.lifecycle.transition(c1.code, Action.REFUSE, reason="Không thuộc thẩm quyền")
    codes = [d.code for d in (a1, a2, b1, b2, c1)]
    assert [c[-4:] for c in codes] == ["0001", "0002", "1001", "1002", "2001"]

    # Sync in a scrambled order, twice round so that everyone hears of everyone.
    results: dict[str, SyncResult] = {}
    for device in (laptop, stranger, home, counter, laptop, home):
        results[device.name] = device.sync.sync()
    assert results["quay-1"].pushed == 2 + 2 + 1  # two dossiers, three events
    assert results["quay-1"].pulled > 0
    for device in (counter, laptop, home, stranger):
        device.sync.sync()  # a last pass: nothing new anywhere
    everyone_agrees([counter, laptop, home], harness, unit)
    everyone_agrees([stranger], harness, other_unit)

    # Unit A never sees unit B's dossier, and the reverse.
    unit_a_ids = set(counter.dossiers())
    assert unit_a_ids == {d.id for d in (a1, a2, b1, b2, c1)}
    assert stranger.dossiers() == {s1.id: s1.code}
    # Statuses changed on one device are seen on the others, with their history.
    assert home.services.dossiers.get(a2.code).holder == "Lê Văn Cường"
    assert counter.services.dossiers.get(c1.code).status == 3
    kinds = [e.kind for e in laptop.services.dossiers.timeline(c1.id)]
    assert kinds == ["received", "refused"]
    # Searchable where they were pulled to.
    assert [h.code for h in laptop.services.dossiers.search("le thi cuc")] == [a2.code]
    status = counter.sync.status()
    assert status.registered
    assert status.last_sync_at is not None
    assert not status.warn


@pytest.mark.parametrize("first", ["counter", "laptop"])
def test_two_devices_in_either_order_with_later_changes(
    fleet: Fleet, harness: Harness, first: str
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    mine = counter.accept(marriage_status_draft())
    theirs = laptop.accept(marriage_status_draft(owner=applicant(full_name="Võ Văn Em")))
    order = [counter, laptop] if first == "counter" else [laptop, counter]
    for device in order + order:
        device.sync.sync()
    everyone_agrees([counter, laptop], harness, unit)

    # The laptop carries on with the counter's dossier: hand-over, result, rating.
    laptop.handover(mine.code, "Lê Văn Cường")
    laptop.services.lifecycle.transition(mine.code, Action.FINISH)
    laptop.services.lifecycle.rate(mine.code, convenience=Satisfaction.VERY_SATISFIED, overall=3)
    counter.handover(theirs.code, "Trần Văn Phú")
    for device in order + order:
        device.sync.sync()
    everyone_agrees([counter, laptop], harness, unit)
    assert counter.services.dossiers.get(mine.code).status == 9
    assert len(counter.services.lifecycle.ratings(mine.code)) == 1
    assert laptop.services.dossiers.get(theirs.code).holder == "Trần Văn Phú"
    server = server_view(harness.store, unit)
    assert server.dossier_data[mine.id]["status"] == 9


def test_a_conflict_kept_local_wins_on_the_next_sync(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.sync.sync()
    laptop.sync.sync()
    # Both change the same dossier offline.
    counter.handover(d.code, "Lê Văn Cường")
    laptop.handover(d.code, "Phạm Văn Dũng")
    assert counter.sync.sync().conflicts == 0
    result = laptop.sync.sync()
    assert result.conflicts == 1
    # Nothing overwritten on either side.
    server = server_view(harness.store, unit)
    assert server.dossier_data[d.id]["holder"] == "Lê Văn Cường"
    assert laptop.services.dossiers.get(d.code).holder == "Phạm Văn Dũng"
    [conflict] = laptop.sync.conflicts()
    assert conflict.code == d.code
    assert conflict.dossier_id == d.id
    assert "holder" in conflict.fields
    holder = next(x for x in conflict.differences if x.field == "holder")
    assert (holder.local, holder.server) == ("Phạm Văn Dũng", "Lê Văn Cường")
    # The conflicted dossier waits; syncing again changes nothing.
    assert laptop.sync.sync().conflicts == 0
    assert laptop.outbox() == 1
    assert server_view(harness.store, unit).dossier_data[d.id]["holder"] == "Lê Văn Cường"

    laptop.sync.resolve_conflict(conflict.id, "local")
    assert laptop.sync.conflicts() == []
    assert laptop.sync.sync().pushed == 1
    assert server_view(harness.store, unit).dossier_data[d.id]["holder"] == "Phạm Văn Dũng"
    counter.sync.sync()
    assert counter.services.dossiers.get(d.code).holder == "Phạm Văn Dũng"
    everyone_agrees([counter, laptop], harness, unit)
    # History is a union: both hand-overs are on both devices.
    assert [e.kind for e in counter.services.dossiers.timeline(d.id)].count("handed_over") == 2
    # ... and a fork of the dossier's chain: both name the receipt as their previous event.
    with counter.services.db.read() as s:
        links = s.execute(
            select(DossierEventRow.kind, DossierEventRow.prev_hash, DossierEventRow.hash).where(
                DossierEventRow.dossier_id == d.id
            )
        ).all()
    receipt = next(h for k, _p, h in links if k == "received")
    assert [p for k, p, _h in links if k == "handed_over"] == [receipt, receipt]


def test_a_conflict_resolved_with_the_servers_copy(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.sync.sync()
    laptop.sync.sync()
    counter.handover(d.code, "Lê Văn Cường")
    laptop.services.lifecycle.transition(d.code, Action.REFUSE, reason="Hồ sơ không hợp lệ")
    counter.sync.sync()
    assert laptop.sync.sync().conflicts == 1
    rev_before = server_view(harness.store, unit).revs[d.id]
    [conflict] = laptop.sync.conflicts()
    assert {"holder", "status"} <= set(conflict.fields)

    kept = laptop.sync.resolve_conflict(conflict.id, "server")
    assert kept.holder == "Lê Văn Cường"
    assert kept.status == 4
    assert laptop.services.dossiers.get(d.code).status == 4
    assert laptop.outbox() == 0
    assert [h.code for h in laptop.services.dossiers.search(d.code)] == [d.code]
    laptop.sync.sync()
    counter.sync.sync()
    assert server_view(harness.store, unit).revs[d.id] == rev_before  # nothing pushed over it
    assert counter.services.dossiers.get(d.code).status == 4
    everyone_agrees([counter, laptop], harness, unit)


def test_cancelling_between_steps_leaves_a_consistent_store(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    laptop.accept(birth_draft())
    laptop.accept(marriage_status_draft())
    laptop.sync.sync()
    mine = counter.accept(birth_draft())
    asked: list[int] = []
    seen: list[tuple[str, int, int]] = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) >= 2  # after the first batch

    result = counter.sync.sync(progress=lambda *p: seen.append(p), cancel=cancel)
    assert result.cancelled
    assert (result.pushed, result.pulled) == (2, 0)
    assert counter.outbox() == 0
    assert counter.dossiers() == {mine.id: mine.code}
    status = counter.sync.status()
    assert status.last_sync_at is None  # not a complete sync
    assert status.last_error is None
    assert seen == [("push", 0, 2), ("push", 2, 2)]

    seen.clear()
    result = counter.sync.sync(progress=lambda *p: seen.append(p))
    assert not result.cancelled
    assert (result.pushed, result.pulled) == (0, 4)
    assert seen[0] == ("pull", 0, 0)
    assert seen[-1] == ("pull", 4, 4)
    assert counter.sync.status().last_sync_at == counter.clock.now
    laptop.sync.sync()
    everyone_agrees([counter, laptop], harness, unit)


def test_registration_errors_and_where_the_credential_lives(fleet: Fleet, harness: Harness) -> None:
    unit, other_unit, full_unit = new_unit_code(), new_unit_code(), new_unit_code()
    url = harness.server.base_url
    device = fleet.device("counter", unit, url)
    credential = load_credential(device.device_id)
    assert credential is not None
    device.accept(birth_draft())
    # The token and the bundle key live in the keyring, never in the store.
    store_files = [device.services.db.path, *device.services.db.path.parent.glob("*.db-wal")]
    for path in store_files:
        raw = path.read_bytes()
        assert credential.token.encode() not in raw
        assert credential.bundle_key.encode() not in raw

    # A device holding this unit's dossiers cannot join another unit, active
    # here or revoked; the server refuses before using the code up, and the
    # device keeps its last sync error, unit and credential.
    for revoked in (False, True):
        if revoked:
            harness.store.revoke(device.device_id)
        other_code = harness.enrol(other_unit)
        with pytest.raises(SyncError) as caught:
            device.sync.register(url, other_code)
        assert caught.value.code == "unit_mismatch"
        assert caught.value.params == {"device_unit": unit, "server_unit": other_unit}
        assert device.sync.status().last_error is None
        assert device.services.settings.load().unit_code == unit
        assert load_credential(device.device_id) == credential
        # The code is still good, for a device of that unit.
        assert harness.register_raw(other_code, str(uuid.uuid4())).status_code == 200

    fresh = fleet.device("new", unit, url, register=False)
    used = harness.enrol(unit)
    assert harness.register_raw(used, str(uuid.uuid4())).status_code == 200
    expired = harness.enrol(unit, valid_for=timedelta(seconds=-1))
    for code, expected in (
        ("ABCD-EFGH-JKMN-PQRS", "enrolment_code_invalid"),
        (used, "enrolment_code_used"),
        (expired, "enrolment_code_expired"),
    ):
        with pytest.raises(SyncError) as caught:
            fresh.sync.register(url, code)
        assert caught.value.code == expected
    for i in range(10):
        filler = harness.register_raw(harness.enrol(full_unit), f"filler-{i}-{uuid.uuid4()}")
        assert filler.status_code == 200
    with pytest.raises(SyncError) as caught:
        fresh.sync.register(url, harness.enrol(full_unit))
    assert caught.value.code == "no_free_slot"
    status = fresh.sync.status()
    assert not status.registered
    assert status.last_error == "no_free_slot"

    # A token the server does not know. The device, revoked above, comes back
    # to its unit with a new code first.
    device.sync.register(url, harness.enrol(unit))
    store_credential(device.device_id, "not-a-token", credential.bundle_key)
    with pytest.raises(SyncError) as caught:
        device.sync.sync()
    assert caught.value.code == "credential_invalid"
    assert device.outbox() == 2


def test_published_catalog_calendar_and_unit_settings_reach_the_devices(
    fleet: Fleet, harness: Harness, tmp_path: Path
) -> None:
    unit = new_unit_code()
    device = fleet.device("counter", unit, harness.server.base_url)
    # A superset of the seed catalog: the module's other devices lose nothing.
    catalog = device.services.catalog.export_json()
    extra = dict(catalog["procedures"][0], code="9.000001", name="Thủ tục thử nghiệm")
    extra["components"] = [
        dict(c, id=f"9.000001-{i:02d}") for i, c in enumerate(extra["components"], start=1)
    ]
    catalog["procedures"].append(extra)
    harness.store.publish_catalog(json.dumps(catalog, ensure_ascii=False))
    calendar = tmp_path / "calendar.json"
    overrides = [
        {"date": o.day.isoformat(), "kind": o.kind, "note": o.note}
        for o in device.services.settings.calendar_overrides()
    ]
    overrides.append({"date": "2027-12-31", "kind": "off", "note": "Nghỉ bù thử"})
    calendar.write_text(
        json.dumps({"format": "hcc-calendar-overrides", "version": 1, "overrides": overrides}),
        "utf-8",
    )
    harness.store.publish_calendar(calendar)
    printed = {
        "unit_name": "Trung tâm Phục vụ hành chính công phường Thử Nghiệm",
        "parent_body": "UBND PHƯỜNG THỬ NGHIỆM",
        "place_name": "Thử Nghiệm",
        "public_lookup_url": "https://tracuu.example.vn/?ma={code}",
        "unit_phone": "0256 3861 234",
    }
    harness.store.publish_unit_settings(unit, printed)

    result = device.sync.sync()
    assert result.pulled >= 3
    settings = device.services.settings.load()
    assert {k: getattr(settings, k) for k in printed} == printed
    assert settings.unit_code == unit  # device settings stay the device's
    assert device.services.catalog.get("9.000001").name == "Thủ tục thử nghiệm"
    days = {o.day.isoformat(): o.kind for o in device.services.settings.calendar_overrides()}
    assert days["2027-12-31"] == "off"
    assert not device.services.settings.calendar().is_working_day(date(2027, 12, 31))
    assert device.outbox() == 0  # nothing pulled goes back
    assert device.sync.sync().pulled == 0


def test_a_sync_says_when_it_changed_the_settings(fleet: Fleet, harness: Harness) -> None:
    # The sync's own result says what it changed: the screens refresh the
    # settings from it, without comparing them before and after.
    unit = new_unit_code()
    device = fleet.device("counter", unit, harness.server.base_url)
    # The shared test server may hold documents other tests published for every unit
    # (a calendar): the first sync takes them; one that brings nothing says so.
    device.sync.sync()
    assert not device.sync.sync().changes.settings
    printed = {
        "unit_name": "Trung tâm Phục vụ hành chính công phường Thử",
        "unit_phone": "0256 3861 999",
    }
    harness.store.publish_unit_settings(unit, printed)
    result = device.sync.sync()
    assert result.settings_changed
    assert result.changes.settings
    assert device.services.settings.load().unit_phone == "0256 3861 999"
    assert not device.sync.sync().changes.settings  # nothing new: nothing changed


def test_the_command_line_registers_syncs_and_exports(
    harness: Harness, tmp_path: Path, device_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unit = new_unit_code()
    db = tmp_path / "cli.db"
    keyed.copy_store(device_template, db)
    first = open_services(db)
    log_in_admin(first, "Trần Thị Bình")  # the CLI acts as him (HCC_USER, HCC_PASSWORD)
    first.close()
    base = ["--db", str(db)]
    code = harness.enrol(unit)
    assert sync_cli.main([*base, "device", "register", "--server", harness.server.base_url,
                          "--code", code, "--name", "Máy Thứ Bảy", "--json"]) == 0  # fmt: skip
    registered = json.loads(capsys.readouterr().out)
    assert registered["unit_code"] == unit
    assert registered["device_slot"] == 0
    assert sync_cli.main([*base, "device", "register", "--server", harness.server.base_url,
                          "--code", code]) == 1  # fmt: skip
    assert "Mã đăng ký này đã được sử dụng" in capsys.readouterr().err  # Vietnamese (issue 9)

    services = open_services(db)
    try:
        services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)  # made above
        services.intake.accept(birth_draft())
    finally:
        services.close()
    assert sync_cli.main([*base, "sync", "export", str(tmp_path / "out.hccbundle")]) == 0
    assert "đã ghi 2 mục ra tệp" in capsys.readouterr().out
    assert sync_cli.main([*base, "sync", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["pushed"], result["conflicts"], result["cancelled"]) == (2, 0, False)
    assert sync_cli.main([*base, "sync"]) == 0
    assert capsys.readouterr().out.startswith("đã gửi 0, đã nhận 0, xung đột 0")
    assert sync_cli.main([*base, "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["registered"] is True
    assert status["pending"] == 0
    assert status["last_error"] is None
    assert sync_cli.main([*base, "sync", "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert len(server_view(harness.store, unit).dossiers) == 1


def test_records_the_server_refuses_are_kept_for_review_and_do_not_loop(
    fleet: Fleet, harness: Harness
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    # Misconfigured by hand into the counter's slot: both issue the same code.
    settings = laptop.services.settings
    settings.save(replace(settings.load(), device_slot=0))
    first = counter.accept(birth_draft())
    clash = laptop.accept(birth_draft())
    assert first.code == clash.code
    counter.sync.sync()
    result = laptop.sync.sync()
    assert result.rejected == 2  # the dossier (duplicate code) and its event
    assert laptop.outbox() == 0
    assert laptop.services.dossiers.get(clash.id).code == clash.code  # still here
    status = laptop.sync.status()
    assert status.rejected == 2
    assert status.skipped == 1  # the counter's dossier with the same code, not taken
    reasons = {(r.kind, r.reason, r.code) for r in laptop.sync.rejected_items()}
    # The event names its dossier by id only; the officer sees the dossier's code.
    assert reasons == {
        ("dossier", "duplicate_code", clash.code),
        ("event", "unknown_dossier", clash.code),
    }
    assert laptop.sync.sync().rejected == 0  # refused once, not again and again
    assert server_view(harness.store, unit).dossiers == {first.id: first.code}


def test_a_device_registering_again_keeps_its_slot(fleet: Fleet, harness: Harness) -> None:
    unit, url = new_unit_code(), harness.server.base_url
    counter = fleet.device("counter", unit, url)
    slot = counter.services.settings.load().device_slot
    before = load_credential(counter.device_id)
    assert before is not None
    # Registering again with a new code: the device shows its current token
    # (another computer naming its id is refused: test_server_hardening).
    counter.sync.register(url, harness.enrol(unit))
    after = load_credential(counter.device_id)
    assert after is not None
    assert counter.services.settings.load().device_slot == slot
    assert after.bundle_key == before.bundle_key
    assert after.token != before.token
    counter.accept(birth_draft())
    assert counter.sync.sync().pushed >= 1


def test_a_broken_local_chain_is_not_pushed(fleet: Fleet, harness: Harness) -> None:
    from hcc_desktop.cli.sync import describe
    from tests import keyed

    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    path = counter.services.db.path
    with keyed.connect(path) as con:
        con.execute("UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", (d.id,))
    with pytest.raises(SyncError) as caught:
        counter.sync.sync()
    assert caught.value.code == "chain_broken"
    assert caught.value.params["code"] == d.code
    message = describe(caught.value)
    assert f"Lịch sử hồ sơ trên máy này đã bị sửa đổi (hồ sơ {d.code})" in message
    assert server_view(harness.store, unit).dossiers == {}
    assert counter.outbox() == 2  # the dossier and its receipt wait


def test_a_broken_local_chain_stops_the_push_at_its_batch(
    fleet: Fleet, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hcc_desktop.services.sync import push
    from tests import keyed

    # Two items a batch: each dossier and its receipt travel together.
    monkeypatch.setattr(push, "PUSH_BATCH", 2)
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    first, second, third = (counter.accept(marriage_status_draft()) for _ in range(3))
    with keyed.connect(counter.services.db.path) as con:
        con.execute(
            "UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", (second.id,)
        )
    # Each batch is checked before it leaves: the first goes (and is recorded),
    # the second is stopped, and nothing after it leaves.
    with pytest.raises(SyncError) as caught:
        counter.sync.sync()
    assert (caught.value.code, caught.value.params["code"]) == ("chain_broken", second.code)
    assert server_view(harness.store, unit).dossiers == {first.id: first.code}
    assert counter.outbox() == 4
    # And again next time (the stopped batch stays saved, checked again).
    with pytest.raises(SyncError):
        counter.sync.sync()
    assert server_view(harness.store, unit).dossiers == {first.id: first.code}
    assert counter.outbox() == 4
    assert third.code not in server_view(harness.store, unit).dossiers.values()
