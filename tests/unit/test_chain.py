"""Pure hash-chain rules (issue 12 item 3): canonical encoding and the checks."""

from __future__ import annotations

import json
import random
import unicodedata
import uuid
from datetime import UTC, datetime, timedelta, timezone
from enum import Enum

import pytest

from hcc_desktop.core import chain as chain_module
from hcc_desktop.core.chain import (
    GENESIS,
    BreakKind,
    ChainedEvent,
    DeviceRecord,
    canonical_bytes,
    device_head,
    record_hash,
    verify_device_chain,
    verify_dossier_chain,
)

AT = datetime(2026, 12, 6, 8, 30)


def _event(eid: str, content: dict, prev: str, dossier: str = "d1") -> ChainedEvent:
    return ChainedEvent(eid, dossier, content, prev, record_hash(content, prev))


def _linear() -> list[ChainedEvent]:
    receipt = _event("e1", {"kind": "receipt", "owner": "Nguyễn Văn A", "cccd": "001"}, GENESIS)
    e2 = _event("e2", {"kind": "transfer", "at": AT}, receipt.hash)
    e3 = _event("e3", {"kind": "return", "at": AT + timedelta(days=1)}, e2.hash)
    return [receipt, e2, e3]


def test_canonical_encoding_is_nfc_sorted_and_fixed_datetime() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn")
    a = canonical_bytes({"b": 1, "a": decomposed, "at": AT})
    b = canonical_bytes({"at": AT, "a": "Nguyễn", "b": 1})
    assert a == b
    assert b'"at":"2026-12-06T08:30:00.000000"' in a
    aware = datetime(2026, 12, 6, 15, 30, tzinfo=timezone(timedelta(hours=7)))
    assert canonical_bytes({"t": aware}) == canonical_bytes({"t": AT.replace(tzinfo=UTC)})


def test_hash_depends_on_prev_hash() -> None:
    assert record_hash({"k": 1}, GENESIS) != record_hash({"k": 1}, "a" * 64)


def test_clean_chain_verifies() -> None:
    assert verify_dossier_chain(_linear()) == []


def test_edited_owner_is_a_hash_mismatch() -> None:
    receipt, e2, e3 = _linear()
    edited = ChainedEvent(
        receipt.id, "d1", {**receipt.content, "cccd": "999"}, receipt.prev_hash, receipt.hash
    )
    breaks = verify_dossier_chain([edited, e2, e3])
    assert [(b.kind, b.record_id) for b in breaks] == [(BreakKind.HASH_MISMATCH, "e1")]


def test_dropped_event_names_the_orphan() -> None:
    receipt, _e2, e3 = _linear()
    breaks = verify_dossier_chain([receipt, e3])
    assert [(b.kind, b.record_id) for b in breaks] == [(BreakKind.UNKNOWN_PREV, "e3")]


def test_dropped_receipt_is_no_genesis() -> None:
    _receipt, e2, e3 = _linear()
    kinds = {b.kind for b in verify_dossier_chain([e2, e3])}
    assert BreakKind.NO_GENESIS in kinds


def test_replayed_event_with_new_id_is_duplicate() -> None:
    events = _linear()
    old = events[1]
    replay = ChainedEvent("e9", old.dossier_id, old.content, old.prev_hash, old.hash)
    breaks = verify_dossier_chain([*events, replay])
    assert [(b.kind, b.record_id, b.detail) for b in breaks] == [
        (BreakKind.DUPLICATE_HASH, "e9", "e2")
    ]


def test_fork_from_two_devices_verifies() -> None:
    receipt, e2, _e3 = _linear()
    branch_a = _event("a1", {"kind": "note", "device": "A"}, e2.hash)
    branch_b = _event("b1", {"kind": "note", "device": "B"}, e2.hash)
    assert verify_dossier_chain([receipt, e2, branch_a, branch_b]) == []


def test_second_genesis_is_reported() -> None:
    events = _linear()
    extra = _event("x", {"kind": "receipt", "owner": "Khác"}, GENESIS)
    breaks = verify_dossier_chain([*events, extra])
    assert [(b.kind, b.record_id) for b in breaks] == [(BreakKind.EXTRA_GENESIS, "x")]


def _device_records(n: int) -> list[DeviceRecord]:
    out: list[DeviceRecord] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        h = record_hash({"seq": seq}, prev)
        out.append(DeviceRecord(f"r{seq}", "dev", seq, prev, h))
        prev = h
    return out


def test_device_chain_clean_and_head() -> None:
    records = _device_records(3)
    assert verify_device_chain(records) == []
    assert device_head(records) == records[-1].hash
    assert device_head([]) == GENESIS


def test_device_chain_gap_is_named() -> None:
    r1, _r2, r3 = _device_records(3)
    breaks = verify_device_chain([r1, r3])
    assert [(b.kind, b.record_id, b.detail) for b in breaks] == [(BreakKind.DEVICE_GAP, "r3", "2")]


def test_device_chain_reorder_is_prev_mismatch() -> None:
    r1, r2, r3 = _device_records(3)
    swapped = [
        r1,
        DeviceRecord(r2.id, "dev", 3, r2.device_prev_hash, r2.hash),
        DeviceRecord(r3.id, "dev", 2, r3.device_prev_hash, r3.hash),
    ]
    kinds = [b.kind for b in verify_device_chain(swapped)]
    assert BreakKind.DEVICE_PREV_MISMATCH in kinds


def test_device_chain_duplicate_seq() -> None:
    r1, r2 = _device_records(2)
    dup = DeviceRecord("rx", "dev", 2, r2.device_prev_hash, r2.hash)
    breaks = verify_device_chain([r1, r2, dup])
    assert [(b.kind, b.record_id) for b in breaks] == [(BreakKind.DEVICE_DUPLICATE_SEQ, "rx")]


# -- signed heads and the wire form (the server's side) ------------------------------------


def test_a_signed_head_verifies_only_with_its_key_and_message() -> None:
    from hcc_desktop.core.chain import (
        head_message,
        new_signing_key,
        public_key_of,
        sign_head,
        valid_public_key,
        verify_head,
    )

    private, public = new_signing_key()
    assert public_key_of(private) == public
    assert valid_public_key(public)
    assert not valid_public_key("not a key")
    message = head_message("batch-1", "dev-1", 7, "a" * 64)
    signature = sign_head(private, message)
    assert verify_head(public, message, signature)
    # Another batch, sequence or hash: the same signature no longer vouches for it.
    assert not verify_head(public, head_message("batch-2", "dev-1", 7, "a" * 64), signature)
    assert not verify_head(public, head_message("batch-1", "dev-1", 8, "a" * 64), signature)
    _other_private, other_public = new_signing_key()
    assert not verify_head(other_public, message, signature)
    assert not verify_head(public, message, "garbage")
    assert not verify_head(public, message, None)


def test_an_event_hashes_the_same_stored_and_on_the_wire() -> None:
    from hcc_desktop.core.chain import event_content, original_receipt, wire_event_content

    at = datetime(2026, 11, 23, 9, 30)
    recorded = datetime(2026, 11, 23, 2, 30, 0, 5)
    stored = {
        "dossier_id": "d1",
        "kind": "received",
        "at": at,
        "actor": "Trần Thị Bình",
        "from_status": None,
        "to_status": 2,
        "reason": "",
        "data_json": '{"channel": "counter"}',
        "device_id": "dev-1",
        "recorded_at": recorded,
        "device_seq": 1,
        "device_prev_hash": GENESIS,
    }
    receipt = {
        "owner_name": "Nguyễn Văn An",
        "owner_id_number": "001099000123",
        "owner_phone": "0912345678",
        "owner_address": "Hà Nội",
        "procedure_code": "1.001193",
        "received_at": at,
    }
    digest = record_hash(event_content(stored, receipt), GENESIS)
    wire = {**stored, "at": at.isoformat(), "recorded_at": recorded.isoformat()}
    wire_receipt = {**receipt, "received_at": "2026-11-23T09:30:00"}
    assert record_hash(wire_event_content(wire, wire_receipt), GENESIS) == digest
    edited = {**wire_receipt, "owner_id_number": "001099000001"}
    assert record_hash(wire_event_content(wire, edited), GENESIS) != digest
    # A recorded correction (portal re-import) is undone to find the receipt as received.
    corrected = {**wire_receipt, "owner_phone": "0987654321"}
    undone = original_receipt(
        corrected, [{"before": {"owner_phone": "0912345678"}, "after": {"owner_phone": "0987"}}]
    )
    assert record_hash(wire_event_content(wire, undone), GENESIS) == digest


def _walked(content: dict) -> bytes:
    """The encoding by the walk alone (the reference the fast path must equal)."""
    return json.dumps(
        chain_module._canon(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def test_canonical_fast_path_gives_the_walks_bytes() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Đức")
    samples = [
        {"a": "Nguyễn", "b": nfd, "at": AT, "n": None, "t": True, "i": -(2**63)},
        {"t": datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=7))), "d": AT.date()},
        # An escape's letter followed by a combining mark: the text is not NFC.
        {"x": "\n\u0303", "y": 'a"\u0301', "z": "\\\u0301", "c": "\x00\x1f\x7f\u2028"},
        {"f": [1.5, 1e16, float("nan"), 1e-7], "big": 2**70, "u64": 2**64 - 1},
        {"\u212b": 1, "Å": 2, unicodedata.normalize("NFD", "é"): 3},
        {"nested": {"z": {"y": [{"k": AT}, ("é", 1)]}}, "B": 1, "a": 2, "\U0001f600": 3},
    ]
    letters = ["a", "e", "\u0301", "\u0303", "\n", '"', "\\", "\x00", "ễ", "\u212b", "\u1100"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
        key = "".join(rng.choice(letters) for _ in range(rng.randint(1, 3)))
        samples.append({key: text, "z": [text, {"q": text, key + "x": 1}]})
    for content in samples:
        assert canonical_bytes(content) == _walked(content), content


def test_canonical_refuses_what_the_walk_refuses() -> None:
    class Plain(Enum):
        A = "a"

    for content in ({1: "a"}, {"a": {2: 3}}, {"u": uuid.uuid4()}, {"p": Plain.A}):
        with pytest.raises(TypeError):
            canonical_bytes(content)
