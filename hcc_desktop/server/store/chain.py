"""What the server checks of the tamper-evident history it receives (issue 12 item 3).

Per pushed event (see docs/sync.md, "Tamper-evident history"):

- its ``device_id`` is the pushing device's own (``foreign_device``): a device
  pushes what it wrote; another device's events reach the server from it;
- its hash matches its content (``chain_hash_mismatch``), the receipt's hash
  covering the dossier's receipt fields as received;
- its ``prev_hash`` names an event of that dossier the server holds or that
  comes earlier in the same push (``chain_unknown_prev``);
- it continues the device's chain gap-free from what the server holds for
  that device (``device_chain_gap``; a sequence number already used is a
  replay, ``device_chain_replay``).

A device that sent its public key must send hashed events (``unhashed``) and a
signed head for each push (``chain_head_invalid``). Events without a hash from
a device without a key (a device from before hashing) are accepted as they are:
a hash computed here would vouch for content the server never saw written; the
device's ``audit verify`` names them ``unhashed``.

The server keeps its own chain per unit (``unit_chain``): each record it
accepts, in revision order, hashed with the unit's previous entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, desc, select
from sqlalchemy.orm import Session

from hcc_desktop.core.chain import (
    GENESIS,
    access_hash,
    canonical_bytes,
    head_message,
    original_receipt,
    record_hash,
    valid_public_key,
    verify_head,
    wire_event_content,
)
from hcc_desktop.core.errors import SyncError
from hcc_desktop.server.models import (
    AccessDoc,
    Device,
    DossierDoc,
    EventDoc,
    RatingDoc,
    UnitChainEntry,
)
from hcc_desktop.server.store.common import (
    VERSIONED_MODELS,
    StoreBase,
    among,
    copy_rows,
    doc_table,
    id_chunks,
)

RECEIPT_CORRECTED = "receipt_corrected"


class ChainRejected(Exception):
    """An event the chain checks refuse (becomes a ``rejected`` result)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def pushed_head(items: Sequence[Any], device_id: str) -> tuple[int, str] | None:
    """(device_seq, hash) of this device's newest hashed record (event or access-log
    entry) in a push, None when none."""
    best: tuple[int, str] | None = None
    for item in items:
        data = item.data
        # Access-log entries are records of the same device chain (issue 12 item 4).
        if item.kind not in ("event", "access") or not isinstance(data, dict):
            continue
        seq, digest = _int(data.get("device_seq")), data.get("hash")
        if data.get("device_id") != device_id or seq is None or not isinstance(digest, str):
            continue
        if best is None or seq > best[0]:
            best = (seq, digest)
    return best


def check_signed_head(device: Device, batch_id: str, items: Sequence[Any], head: Any) -> None:
    """Refuse the push (``chain_head_invalid``) unless the head it carries is signed
    with the device's key and names the newest event of the device in the push."""
    if device.public_key is None:
        return  # a device from before signing: nothing to verify with (yet)
    newest = pushed_head(items, device.id)
    if newest is None:
        return  # no event of its chain in this push
    if not isinstance(head, dict):
        raise SyncError("chain_head_invalid", detail="the push carries no signed chain head")
    seq, digest = _int(head.get("device_seq")), head.get("hash")
    if (seq, digest) != newest:
        raise SyncError(
            "chain_head_invalid", detail="the signed head is not the newest event of the push"
        )
    message = head_message(batch_id, device.id, newest[0], newest[1])
    if not verify_head(device.public_key, message, head.get("signature")):
        raise SyncError("chain_head_invalid", detail="the chain head's signature does not verify")


def accept_device_key(device: Device, public_key: Any) -> None:
    """A device registered before signing sends its public key once, in a push
    (authenticated by its token). Another key than the one held is refused
    (``device_key_mismatch``): a key is replaced only by registering again."""
    if public_key is None:
        return
    if not valid_public_key(public_key):
        raise SyncError("bad_request", detail="public_key must be a base64 Ed25519 key")
    if device.public_key is None:
        device.public_key = public_key
    elif device.public_key != public_key:
        raise SyncError("device_key_mismatch", device_id=device.id)


class EventChainCheck:
    """Checks the events of one batch, in the batch's order, against what the server holds."""

    def __init__(self, s: Session, device: Device, postgresql: bool) -> None:
        self.s = s
        self.device = device
        self.postgresql = postgresql
        self.hashes: dict[str, set[str]] = {}  # dossier id -> event hashes held or accepted
        self.corrections: dict[str, list[tuple[Any, Mapping[str, Any]]]] = {}
        self.genesis: dict[str, Mapping[str, Any]] = {}  # dossier id -> its receipt event
        self.head: tuple[int, str] | None = None
        if device.chain_seq is not None and device.chain_hash is not None:
            self.head = (device.chain_seq, device.chain_hash)

    def prefetch(
        self, events: Sequence[Mapping[str, Any]], dossier_ids: Iterable[str] = ()
    ) -> None:
        """Load what the server holds of the batch's dossiers (those its events
        belong to and ``dossier_ids``, the pushed ones): event hashes, receipt
        corrections and receipt events."""
        wanted = {e["dossier_id"] for e in events} | set(dossier_ids)
        c = doc_table(EventDoc).c
        for chunk in id_chunks(wanted, self.postgresql):
            query = select(c.dossier_id, c.data).where(among(c.dossier_id, chunk, self.postgresql))
            for dossier_id, data in self.s.execute(query).all():
                if not isinstance(data, dict):
                    continue
                digest = data.get("hash")
                if isinstance(digest, str):
                    self.hashes.setdefault(dossier_id, set()).add(digest)
                if data.get("kind") == RECEIPT_CORRECTED:
                    self._correction(dossier_id, data)
                if data.get("prev_hash") == GENESIS:
                    self.genesis.setdefault(dossier_id, data)
        for e in events:
            if e.get("kind") == RECEIPT_CORRECTED:
                self._correction(str(e["dossier_id"]), e)
            if e.get("prev_hash") == GENESIS:
                self.genesis.setdefault(str(e["dossier_id"]), e)
        if self.head is None:
            self.head = self._stored_head()

    def check_receipt(self, dossier: Mapping[str, Any]) -> None:
        """A pushed dossier's receipt fields (owner, CCCD …) must be those its
        receipt event's hash covers (``chain_receipt_mismatch``): a row edited
        directly on a device is refused, not spread. A dossier whose receipt
        event the server has not seen (a device from before hashing) passes."""
        dossier_id = str(dossier.get("id"))
        genesis = self.genesis.get(dossier_id)
        if genesis is None or not isinstance(genesis.get("hash"), str):
            return
        if not self._hash_matches(genesis, genesis["hash"], GENESIS, dossier_id, dossier):
            raise ChainRejected(
                "chain_receipt_mismatch", "the receipt fields are not those of its receipt event"
            )

    def _correction(self, dossier_id: str, data: Mapping[str, Any]) -> None:
        parsed = _data_of(data)
        self.corrections.setdefault(dossier_id, []).append((str(data.get("recorded_at")), parsed))

    def _stored_head(self) -> tuple[int, str] | None:
        """The newest hashed record (event or access-log entry) the server holds from
        this device (a device whose head was not tracked yet)."""
        heads: list[tuple[int, str]] = []
        for model in (EventDoc, AccessDoc):
            t = doc_table(model).c
            t_seq = t.data["device_seq"].as_integer()
            found = self.s.execute(
                select(t_seq, t.data["hash"].as_string())
                .where(t.origin_device == self.device.id, t_seq.is_not(None))
                .order_by(desc(t_seq))
                .limit(1)
            ).first()
            if found is not None and found[0] is not None and found[1] is not None:
                heads.append((int(found[0]), str(found[1])))
        if heads:
            return max(heads)
        c = doc_table(EventDoc).c
        held = self.s.execute(
            select(c.id).where(c.origin_device == self.device.id).limit(1)
        ).first()
        # Nothing from this device yet: its chain starts at 1. Only events of a
        # device from before hashing: the first hashed one is taken as it comes.
        return (0, GENESIS) if held is None else None

    def check(self, data: Mapping[str, Any], receipt: Mapping[str, Any] | None) -> None:
        """Check one event (raises :class:`ChainRejected`). ``receipt``: its
        dossier's data, for a receipt (genesis) event."""
        origin = data.get("device_id")
        if origin is not None and origin != self.device.id:
            raise ChainRejected("foreign_device", f"written by device {origin}")
        digest, prev = data.get("hash"), data.get("prev_hash")
        if digest is None and prev is None:
            if self.device.public_key is not None:
                raise ChainRejected("unhashed", "this device writes hashed events")
            return  # a device from before hashing
        if not isinstance(digest, str) or not isinstance(prev, str):
            raise ChainRejected("invalid_item", "hash and prev_hash must be text")
        dossier_id = str(data["dossier_id"])
        # A receipt whose dossier the server does not take (refused in this push,
        # say for its code): its hash cannot be checked without the receipt; it is
        # refused for that (unknown_dossier), its place in the device chain kept.
        orphan = prev == GENESIS and receipt is None
        if not orphan and not self._hash_matches(data, digest, prev, dossier_id, receipt):
            raise ChainRejected("chain_hash_mismatch", "the event's hash does not match it")
        if prev != GENESIS and prev not in self.hashes.get(dossier_id, set()):
            raise ChainRejected("chain_unknown_prev", "its previous event is not on the server")
        seq, dev_prev = _int(data.get("device_seq")), data.get("device_prev_hash")
        if seq is None or not isinstance(dev_prev, str):
            raise ChainRejected("device_chain_gap", "no device sequence number")
        if self.head is not None:
            last_seq, last_hash = self.head
            if seq <= last_seq:
                raise ChainRejected("device_chain_replay", f"sequence {seq} already received")
            if seq != last_seq + 1 or dev_prev != last_hash:
                raise ChainRejected("device_chain_gap", f"expected sequence {last_seq + 1}")
        elif seq == 1 and dev_prev != GENESIS:
            raise ChainRejected("device_chain_gap", "the first record must start the chain")
        self.head = (seq, digest)
        if orphan:
            raise ChainRejected("unknown_dossier", "send the dossier in this or an earlier batch")
        self.hashes.setdefault(dossier_id, set()).add(digest)

    def check_access(self, data: Mapping[str, Any]) -> None:
        """Check one access-log entry (raises :class:`ChainRejected`): written by the
        pushing device, its hash over its content, and the next record of the
        device's chain (events and entries share one sequence)."""
        origin = data.get("device_id")
        if origin != self.device.id:
            raise ChainRejected("foreign_device", f"written by device {origin}")
        digest, dev_prev = data.get("hash"), data.get("device_prev_hash")
        seq = _int(data.get("device_seq"))
        if not isinstance(digest, str) or not isinstance(dev_prev, str) or seq is None:
            raise ChainRejected("unhashed", "an access-log entry must carry its chain columns")
        if access_hash(data) != digest:
            raise ChainRejected("chain_hash_mismatch", "the entry's hash does not match it")
        # ``prefetch`` read the head; None: a device from before hashing, whose first
        # hashed record is taken as it comes (as for events).
        if self.head is not None:
            last_seq, last_hash = self.head
            if seq <= last_seq:
                raise ChainRejected("device_chain_replay", f"sequence {seq} already received")
            if seq != last_seq + 1 or dev_prev != last_hash:
                raise ChainRejected("device_chain_gap", f"expected sequence {last_seq + 1}")
        elif seq == 1 and dev_prev != GENESIS:
            raise ChainRejected("device_chain_gap", "the first record must start the chain")
        self.head = (seq, digest)

    def _hash_matches(
        self,
        data: Mapping[str, Any],
        digest: str,
        prev: str,
        dossier_id: str,
        receipt: Mapping[str, Any] | None,
    ) -> bool:
        if prev != GENESIS:
            return record_hash(wire_event_content(data), prev) == digest
        if receipt is None:
            return False
        if record_hash(wire_event_content(data, receipt), prev) == digest:
            return True
        # The receipt fields corrected since (a portal re-import): undone, oldest kept.
        corrections = [d for _, d in sorted(self.corrections.get(dossier_id, []), key=_first)]
        if not corrections:
            return False
        received = original_receipt(receipt, corrections)
        return record_hash(wire_event_content(data, received), prev) == digest

    def save(self) -> None:
        """Keep the device's chain head for its next push."""
        if self.head is not None and self.head != (self.device.chain_seq, self.device.chain_hash):
            self.device.chain_seq, self.device.chain_hash = self.head


def _first(pair: tuple[Any, Any]) -> Any:
    return pair[0]


def _data_of(event: Mapping[str, Any]) -> Mapping[str, Any]:
    import json

    raw = event.get("data_json") or "{}"
    try:
        parsed = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    return parsed if isinstance(parsed, Mapping) else {}


# -- the server's own chain per unit --------------------------------------------------------


def entry_hash(
    unit_code: str, seq: int, kind: str, record_id: str, rev: int, data_hash: str, prev: str
) -> str:
    content = {
        "unit_code": unit_code,
        "seq": seq,
        "kind": kind,
        "id": record_id,
        "rev": rev,
        "data_hash": data_hash,
    }
    return record_hash(content, prev)


def data_hash(data: Any) -> str:
    import hashlib

    return hashlib.sha256(canonical_bytes({"data": data})).hexdigest()


_UNIT_CHAIN: Table = UnitChainEntry.__table__  # type: ignore[assignment]
_UNIT_CHAIN_COLUMNS = (
    "unit_code",
    "seq",
    "kind",
    "record_id",
    "rev",
    "data_hash",
    "prev_hash",
    "hash",
    "device_id",
    "created_at",
)


def append_unit_chain(
    s: Session,
    unit_code: str,
    device_id: str,
    records: Sequence[tuple[int, str, str, Any]],
    now: datetime,
) -> None:
    """Chain ``records`` (rev, kind, id, data) accepted in one batch, in revision order.

    Called under the writers' lock: the unit's last entry cannot move meanwhile.
    """
    if not records:
        return
    t = UnitChainEntry.__table__.c
    last = s.execute(
        select(t.seq, t.hash).where(t.unit_code == unit_code).order_by(desc(t.seq)).limit(1)
    ).first()
    seq, prev = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)
    rows = []
    for rev, kind, record_id, data in sorted(records, key=lambda r: r[0]):
        seq += 1
        d_hash = data_hash(data)
        digest = entry_hash(unit_code, seq, kind, record_id, rev, d_hash, prev)
        rows.append((unit_code, seq, kind, record_id, rev, d_hash, prev, digest, device_id, now))
        prev = digest
    copy_rows(s, _UNIT_CHAIN, _UNIT_CHAIN_COLUMNS, rows)


@dataclass(frozen=True)
class UnitChainFinding:
    """One break of a unit's chain on the server."""

    unit_code: str
    kind: str  # entry_hash_mismatch | entry_gap | entry_prev_mismatch | record_edited |
    # record_missing | record_unchained
    seq: int | None
    record_kind: str = ""
    record_id: str = ""


_MODELS: dict[str, Any] = {
    "dossier": DossierDoc,
    "event": EventDoc,
    "rating": RatingDoc,
    "access": AccessDoc,
}
_MODELS.update(VERSIONED_MODELS)


class UnitChainMixin(StoreBase):
    """The device keys and the server's own chain per unit."""

    def set_device_key(self, device_id: str, public_key: Any) -> str:
        """Keep a device's Ed25519 public key, sent once by a device registered before
        signing (authenticated by its token). A different key than the one held is
        refused (``device_key_mismatch``): the key is replaced only by registering."""
        if not valid_public_key(public_key):
            raise SyncError("bad_request", detail="public_key must be a base64 Ed25519 key")
        with self.db.write(serialise=False) as s:
            device = s.get(Device, device_id)
            if device is None or device.revoked_at is not None:
                raise SyncError("credential_revoked", device_id=device_id)
            if device.public_key is None:
                device.public_key = public_key
            elif device.public_key != public_key:
                raise SyncError("device_key_mismatch", device_id=device_id)
            return str(device.public_key)

    def verify_unit_chain(self, unit_code: str | None = None) -> list[UnitChainFinding]:
        """Every break of the units' chains (all units when None), first break first."""
        findings: list[UnitChainFinding] = []
        with self.db.read() as s:
            t = UnitChainEntry.__table__.c
            units_query = select(t.unit_code).distinct().order_by(t.unit_code)
            if unit_code:
                units_query = units_query.where(t.unit_code == unit_code)
            for unit in list(s.scalars(units_query)):
                findings.extend(self._verify_unit(s, unit))
        return findings

    def _verify_unit(self, s: Session, unit: str) -> list[UnitChainFinding]:
        found: list[UnitChainFinding] = []
        t = UnitChainEntry.__table__.c
        latest: dict[tuple[str, str], tuple[int, str, int]] = {}  # (kind,id)->(rev,hash,seq)
        expected_seq, prev = 1, GENESIS
        first_rev: int | None = None
        for row in s.execute(select(UnitChainEntry).where(t.unit_code == unit).order_by(t.seq)):
            e = row[0]
            if e.seq != expected_seq:
                found.append(UnitChainFinding(unit, "entry_gap", e.seq, e.kind, e.record_id))
            if e.prev_hash != prev:
                found.append(
                    UnitChainFinding(unit, "entry_prev_mismatch", e.seq, e.kind, e.record_id)
                )
            digest = entry_hash(unit, e.seq, e.kind, e.record_id, e.rev, e.data_hash, e.prev_hash)
            if digest != e.hash:
                found.append(
                    UnitChainFinding(unit, "entry_hash_mismatch", e.seq, e.kind, e.record_id)
                )
            first_rev = e.rev if first_rev is None else min(first_rev, e.rev)
            latest[(e.kind, e.record_id)] = (e.rev, e.data_hash, e.seq)
            expected_seq, prev = e.seq + 1, e.hash
        if first_rev is None:
            return found
        held: set[tuple[str, str]] = set()
        for kind, model in _MODELS.items():
            c = doc_table(model).c
            query = select(c.id, c.rev, c.data).where(c.unit_code == unit, c.rev >= first_rev)
            for record_id, rev, data in s.execute(query).all():
                held.add((kind, record_id))
                entry = latest.get((kind, record_id))
                if entry is None or entry[0] != rev:
                    # Stored under a revision the server never accepted from a device.
                    found.append(UnitChainFinding(unit, "record_unchained", None, kind, record_id))
                elif entry[1] != data_hash(data):
                    found.append(UnitChainFinding(unit, "record_edited", entry[2], kind, record_id))
        for (kind, record_id), (_rev, _hash, seq) in latest.items():
            if (kind, record_id) not in held:
                found.append(UnitChainFinding(unit, "record_missing", seq, kind, record_id))
        found.sort(key=lambda f: (f.seq is None, f.seq or 0))
        return found
