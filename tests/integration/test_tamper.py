"""Tamper tests of the history (issue 12, Checks): each attack is named by the
device's ``audit verify`` and refused by the real server (HTTP on 127.0.0.1,
SQLite and a throw-away PostgreSQL cluster: the ``backend`` fixture).

The server side plays an attacker who holds the device's token (and, but for
the signature test, its signing key): the pushes are built by hand, past the
device's own refusal to push a broken chain.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from hcc_desktop.db.models import DossierEventRow
from hcc_desktop.server.models import Device as DeviceRow
from hcc_desktop.services.audit import verify_store
from hcc_desktop.services.sync import credentials
from hcc_desktop.services.sync.push import head_signer
from hcc_desktop.services.sync.wire import dossier_to_wire, event_to_wire, load_dossier
from tests import keyed
from tests.conftest import birth_draft, marriage_status_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Device, Fleet
from tests.integration.test_sync_faults import server_cli

pytestmark = pytest.mark.usefixtures("file_keyring")

NO_TRIGGERS = (
    "DROP TRIGGER IF EXISTS dossier_events_no_update",
    "DROP TRIGGER IF EXISTS dossier_events_no_delete",
)


def tamper(device: Device, *statements: tuple[str, tuple[Any, ...]]) -> None:
    """Edit the device's store behind the app's back, append-only triggers dropped."""
    with keyed.connect(device.services.db.path) as con:
        for drop in NO_TRIGGERS:
            con.execute(drop)
        for sql, params in statements:
            con.execute(sql, params)


def events_of(device: Device, dossier_id: str) -> list[DossierEventRow]:
    with device.services.db.read() as s:
        return list(
            s.scalars(
                select(DossierEventRow)
                .where(DossierEventRow.dossier_id == dossier_id)
                .order_by(DossierEventRow.device_seq)
            )
        )


def dossier_wire(device: Device, dossier_id: str) -> dict[str, Any]:
    with device.services.db.read() as s:
        row = load_dossier(s, dossier_id)
        assert row is not None
        return dossier_to_wire(row)


def push_by_hand(
    device: Device,
    harness: Harness,
    items: list[tuple[str, dict[str, Any]]],
    *,
    as_device: Device | None = None,
    signed: bool = True,
) -> dict[str, Any]:
    """POST a push built by hand with ``as_device``'s token (default: ``device``'s)."""
    sender = as_device or device
    credential = credentials.load_credential(sender.device_id)
    assert credential is not None
    body: dict[str, Any] = {
        "batch_id": str(uuid.uuid4()),
        "items": [{"id": str(i), "kind": k, "data": d} for i, (k, d) in enumerate(items)],
    }
    if signed:
        key = credentials.load_signing_key(sender.device_id)
        assert key is not None
        body.update(head_signer(sender.device_id, key)(body["batch_id"], body["items"]))
    with harness.server.client(credential.token) as http:
        response = http.post("/api/v1/push", json=body)
    result: dict[str, Any] = response.json()
    result["status_code"] = response.status_code
    return result


def outcome(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["status"], r.get("reason", "")) for r in result["results"]]


def kinds(device: Device, *, all_devices: bool = False) -> set[str]:
    own = None if all_devices else device.device_id
    return {f.kind for f in verify_store(device.services.db, own)}


def test_a_dossier_row_edited_directly(fleet: Fleet, harness: Harness) -> None:
    counter = fleet.device("counter", new_unit_code(), harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    (receipt,) = events_of(counter, d.id)
    tamper(
        counter,
        ("UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", (d.id,)),
    )
    found = verify_store(counter.services.db, counter.device_id)
    assert (found[0].code, found[0].kind, found[0].event_kind) == (
        d.code,
        "hash_mismatch",
        "received",
    )
    result = push_by_hand(
        counter,
        harness,
        [("dossier", dossier_wire(counter, d.id)), ("event", event_to_wire(receipt))],
    )
    # The dossier's owner no longer is what its receipt's hash covers: both refused.
    assert outcome(result) == [
        ("rejected", "chain_receipt_mismatch"),
        ("rejected", "unknown_dossier"),
    ]


def test_an_event_deleted_breaks_the_links_after_it(fleet: Fleet, harness: Harness) -> None:
    counter = fleet.device("counter", new_unit_code(), harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.handover(d.code, "Lê Văn Cường")
    second = counter.accept(birth_draft())
    receipt, handed = events_of(counter, d.id)
    (other_receipt,) = events_of(counter, second.id)
    tamper(counter, ("DELETE FROM dossier_events WHERE id = ?", (handed.id,)))
    found = verify_store(counter.services.db, counter.device_id)
    # The next record of the device names the deleted one as its previous record.
    assert "device_gap" in {f.kind for f in found}
    assert any(f.code == d.code and f.kind == "row_differs" for f in found)
    result = push_by_hand(
        counter,
        harness,
        [
            ("dossier", dossier_wire(counter, d.id)),
            ("dossier", dossier_wire(counter, second.id)),
            ("event", event_to_wire(receipt)),
            ("event", event_to_wire(other_receipt)),
        ],
    )
    assert outcome(result)[2:] == [("applied", ""), ("rejected", "device_chain_gap")]


def test_events_reordered(fleet: Fleet, harness: Harness) -> None:
    counter = fleet.device("counter", new_unit_code(), harness.server.base_url)
    a = counter.accept(marriage_status_draft())
    b = counter.accept(birth_draft())
    (ra,) = events_of(counter, a.id)
    (rb,) = events_of(counter, b.id)
    assert (ra.device_seq, rb.device_seq) == (1, 2)
    # Locally: the two records swap places in the device's chain.
    tamper(
        counter,
        ("UPDATE dossier_events SET device_seq = 99 WHERE id = ?", (ra.id,)),
        ("UPDATE dossier_events SET device_seq = 1 WHERE id = ?", (rb.id,)),
        ("UPDATE dossier_events SET device_seq = 2 WHERE id = ?", (ra.id,)),
    )
    assert {"hash_mismatch", "device_prev_mismatch"} <= kinds(counter)
    # On the wire: the untouched records sent in the other order.
    result = push_by_hand(
        counter,
        harness,
        [
            ("dossier", dossier_wire(counter, a.id)),
            ("dossier", dossier_wire(counter, b.id)),
            ("event", {**event_to_wire(rb), "device_seq": 2}),
            ("event", {**event_to_wire(ra), "device_seq": 1}),
        ],
    )
    # Restored to the stored values, b's receipt (sequence 2) comes before a's (1).
    restored = push_by_hand(
        counter,
        harness,
        [
            ("event", {**event_to_wire(rb), "device_seq": 2}),
            ("event", {**event_to_wire(ra), "device_seq": 1}),
        ],
    )
    assert outcome(result)[2:] == [
        ("rejected", "device_chain_gap"),
        ("applied", ""),
    ]
    assert outcome(restored) == [("applied", ""), ("duplicate", "")]


def test_an_old_event_replayed(fleet: Fleet, harness: Harness) -> None:
    counter = fleet.device("counter", new_unit_code(), harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.handover(d.code, "Lê Văn Cường")
    assert counter.sync.sync().rejected == 0
    _receipt, handed = events_of(counter, d.id)
    # Locally: the same event inserted again under a new id (no trigger stops an insert).
    columns = [c.name for c in DossierEventRow.__table__.columns if c.name != "id"]
    tamper(
        counter,
        (
            f"INSERT INTO dossier_events (id, {', '.join(columns)}) "
            f"SELECT 'replayed', {', '.join(columns)} FROM dossier_events WHERE id = ?",
            (handed.id,),
        ),
    )
    assert {"duplicate_hash", "device_duplicate_seq"} <= kinds(counter)
    replay = {**event_to_wire(handed), "id": str(uuid.uuid4())}
    result = push_by_hand(counter, harness, [("event", replay)])
    assert outcome(result) == [("rejected", "device_chain_replay")]


def test_a_push_forged_from_another_device(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    thief = fleet.device("laptop", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    (receipt,) = events_of(counter, d.id)
    # The laptop pushes the counter's records as its own batch, signed with its own key.
    result = push_by_hand(
        counter,
        harness,
        [("dossier", dossier_wire(counter, d.id)), ("event", event_to_wire(receipt))],
        as_device=thief,
    )
    assert outcome(result)[1] == ("rejected", "foreign_device")
    # Claiming to be the laptop's own record breaks the record's hash.
    claimed = {**event_to_wire(receipt), "device_id": thief.device_id}
    result = push_by_hand(counter, harness, [("event", claimed)], as_device=thief)
    assert outcome(result) == [("rejected", "chain_hash_mismatch")]
    # With the counter's token but not its key: the head's signature fails.
    unsigned = push_by_hand(counter, harness, [("event", event_to_wire(receipt))], signed=False)
    assert (unsigned["status_code"], unsigned["error"]) == (403, "chain_head_invalid")
    # The honest devices sync as before.
    assert counter.sync.sync().rejected == 0
    # Locally: a forged copy of the counter's record on another device is named too.
    desk = fleet.device("desk", unit, harness.server.base_url)
    desk.sync.sync()
    with desk.services.db.write() as s:
        values = {c.name: getattr(receipt, c.name) for c in DossierEventRow.__table__.columns}
        values.update(id="forged", actor="Kẻ giả mạo")
        s.add(DossierEventRow(**values))
    found = verify_store(desk.services.db)
    assert {(f.event_id, f.kind) for f in found} >= {("forged", "hash_mismatch")}


def test_the_server_chain_per_unit_names_a_record_edited_on_the_server(
    fleet: Fleet, harness: Harness
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.handover(d.code, "Lê Văn Cường")
    counter.sync.sync()
    assert harness.store.verify_unit_chain(unit) == []
    database = harness.store.db.url
    clean = server_cli("audit", "verify", "--database", database, "--unit", unit)
    assert clean.returncode == 0, clean.stderr
    with harness.store.db.read() as s:
        device = s.get(DeviceRow, counter.device_id)
        assert device is not None
        assert device.public_key
        assert device.chain_seq == 2
    from hcc_desktop.server.models import DossierDoc

    with harness.store.db.write() as s:
        row = s.get(DossierDoc, d.id)
        assert row is not None
        row.data = {**row.data, "owner_id_number": "001099000001"}
    found = harness.store.verify_unit_chain(unit)
    assert [(f.kind, f.record_kind, f.record_id) for f in found] == [
        ("record_edited", "dossier", d.id)
    ]
    broken = server_cli("audit", "verify", "--database", database, "--unit", unit)
    assert broken.returncode == 1
    assert f"first broken link: unit {unit}, record_edited (dossier {d.id})" in broken.stderr
