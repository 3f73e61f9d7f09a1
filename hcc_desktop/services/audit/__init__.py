"""Audit of the store (issue 12 item 3): is each dossier's row what its events make it?

Read-only. Checks the stored hash chains (core/chain.py, written through
services/audit/stamp.py): per dossier (each hash matches the event's content,
the receipt's covering the dossier's fixed receipt fields; one genesis; every
prev_hash names an event of the dossier; no replayed content) and per device
(this device's records gap-free and linked: its events and its access-log
entries, one sequence). Each access-log entry's hash is checked against its
content. Then folds each dossier's events
(core/fold.py) and compares the result with the row's lifecycle columns.

The whole-store check streams (it runs at every start-up, on a 100,000-dossier
store too): dossiers in code order, :data:`BATCH_SIZE` at a time with their
events, as plain rows, each event's ``data_json`` parsed once and its content
encoded once; the per-device chain merged from both tables in (device, sequence)
order and walked record by record. Memory holds one batch and the findings, not
the store. The findings and their order are those of the former all-at-once
check (tests/unit/audit_reference.py keeps it as the oracle of the tests).

No incremental check (a signed "verified up to" watermark): an attacker edits an
old row or an old event, which moves no device head, so a check of what is new
since the watermark would miss exactly that; vouching for the old part would
need a digest of every row, that is, reading them all, which is the full check.
"""

from __future__ import annotations

import heapq
import json
from collections import namedtuple
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, literal, literal_column, select
from sqlalchemy.orm import Session

from hcc_desktop.core.chain import (
    GENESIS,
    RECEIPT_FIELDS,
    Break,
    BreakKind,
    ChainedEvent,
    DeviceChainWalker,
    DeviceRecord,
    access_hash,
    event_content,
    parse_event_data,
    verify_dossier_chain,
)
from hcc_desktop.core.fold import FoldEvent, differences, fold
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import AccessLogRow, DossierEventRow, DossierRow, OutboxRow
from hcc_desktop.services.audit.stamp import RECEIPT_CORRECTED, receipt_snapshot


@dataclass(frozen=True)
class AuditFinding:
    """One broken link: the dossier, what is wrong, which columns or event."""

    dossier_id: str
    code: str
    kind: str  # "row_differs" | "no_events" | "unhashed" | a core.chain.BreakKind value
    columns: tuple[str, ...] = ()
    event_id: str = ""
    event_kind: str = ""  # the event's kind ("received", "returned" ...)
    detail: str = ""
    # "event" (a dossier event, or the dossier itself) or "access" (an access-log
    # entry: ``event_id`` is the entry's id, ``event_kind`` its action).
    record: str = "event"


def _as_stored(name: str, value: Any) -> Any:
    if name == "received_at" and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _original_receipt(
    row: DossierRow, corrections: list[DossierEventRow]
) -> tuple[dict[str, Any], str | None]:
    """The receipt fields as received: the row's, with each recorded correction undone
    (newest first), and the id of a correction whose "after" the row no longer holds
    (the row edited directly since). The corrections are chained events themselves."""
    receipt = receipt_snapshot(row)
    edited: str | None = None
    latest: set[str] = set()
    for e in reversed(corrections):
        try:
            data = json.loads(e.data_json)
            before, after = data.get("before") or {}, data.get("after") or {}
        except (ValueError, AttributeError):
            continue
        for name, value in after.items():
            if name in receipt and name not in latest:
                latest.add(name)
                if edited is None and _as_stored(name, value) != receipt[name]:
                    edited = e.id
        for name, value in before.items():
            if name not in receipt:
                continue
            receipt[name] = _as_stored(name, value)
    return receipt, edited


# The columns the walk reads: plain rows, never ORM objects (issue 12: the check
# must stream; an ORM event costs ~1.5 KiB and identity-map bookkeeping).
_EVENT_COLUMNS = (
    DossierEventRow.id,
    DossierEventRow.dossier_id,
    DossierEventRow.kind,
    DossierEventRow.at,
    DossierEventRow.actor,
    DossierEventRow.from_status,
    DossierEventRow.to_status,
    DossierEventRow.reason,
    DossierEventRow.data_json,
    DossierEventRow.device_id,
    DossierEventRow.recorded_at,
    DossierEventRow.prev_hash,
    DossierEventRow.hash,
    DossierEventRow.device_seq,
    DossierEventRow.device_prev_hash,
)
_DOSSIER_COLUMNS = (
    DossierRow.id,
    DossierRow.code,
    DossierRow.status,
    DossierRow.supplement_count,
    DossierRow.ended_at,
    DossierRow.returned_at,
    DossierRow.timeliness,
    DossierRow.due_at,
    *(getattr(DossierRow, name) for name in RECEIPT_FIELDS),
)
_ACCESS_COLUMNS = tuple(c for c in AccessLogRow.__table__.columns)
# Rows copied into named tuples: their attributes read several times faster than a
# SQLAlchemy Row's, and the walk reads a dozen per event.
_named_tuple: Any = namedtuple  # fields from the column lists: typed as Any
_Event = _named_tuple("_Event", [c.key for c in _EVENT_COLUMNS])
_Dossier = _named_tuple("_Dossier", [c.key for c in _DOSSIER_COLUMNS])
_EVENT_ORDER = (DossierEventRow.recorded_at, DossierEventRow.id)

# Dossiers per batch of the walk (with all their events): memory is bounded by
# this, not by the store. A few thousand keeps the per-query overhead negligible.
BATCH_SIZE = 2000


def _dossier_findings(
    dossier_id: str, row: Any, events: list[Any], parsed: list[Any]
) -> list[AuditFinding]:
    """The chain findings of one dossier's own events (recorded order): unhashed
    events, a receipt edited since its correction, then its chain's breaks."""
    code = row.code if row is not None else dossier_id
    kinds = {e.id: e.kind for e in events}
    out: list[AuditFinding] = []

    def note(record_id: str, kind: str, detail: str = "") -> None:
        out.append(
            AuditFinding(
                dossier_id,
                code,
                kind,
                event_id=record_id,
                event_kind=kinds.get(record_id, ""),
                detail=detail,
            )
        )

    corrections = [e for e in events if e.kind == RECEIPT_CORRECTED]
    chained: list[ChainedEvent] = []
    for e, data in zip(events, parsed, strict=True):
        if e.hash is None or e.prev_hash is None:
            note(e.id, "unhashed")
            continue
        receipt = None
        if e.prev_hash == GENESIS and row is not None:
            receipt, edited = _original_receipt(row, corrections)
            if edited is not None:
                note(edited, "receipt_edited")
        chained.append(
            ChainedEvent(
                e.id, dossier_id, event_content(e, receipt, data=data), e.prev_hash, e.hash
            )
        )
    for b in verify_dossier_chain(chained):
        note(b.record_id, str(b.kind), b.detail)
    return out


def _chain_findings(
    rows: list[Any],
    dossiers: dict[str, Any],
    *,
    access: list[AccessLogRow] | None = None,
) -> dict[str, list[AuditFinding]]:
    """Chain findings per dossier id of a few dossiers' events (recorded order) and
    access-log entries (their hashes only): what :func:`verify_pending` checks."""
    by_dossier: dict[str, list[Any]] = {}
    for e in rows:
        by_dossier.setdefault(e.dossier_id, []).append(e)
    out: dict[str, list[AuditFinding]] = {}
    for dossier_id, events in by_dossier.items():
        found = _dossier_findings(
            dossier_id,
            dossiers.get(dossier_id),
            events,
            [parse_event_data(e.data_json) for e in events],
        )
        if found:
            out[dossier_id] = found
    for a in access or ():
        if a.hash != access_hash(a):
            out.setdefault(a.dossier_id or "", []).append(
                access_finding(a, str(BreakKind.HASH_MISMATCH))
            )
    return out


def access_finding(a: Any, kind: str, detail: str = "") -> AuditFinding:
    """A finding about an access-log entry (named by its id, action and time)."""
    return AuditFinding(
        a.dossier_id or "",
        a.dossier_code or "",
        kind,
        event_id=a.id,
        event_kind=a.action,
        detail=detail or f"{a.at:%d/%m/%Y %H:%M} {a.officer}",
        record="access",
    )


def _late_findings(s: Session, device_id: str | None) -> dict[str, list[AuditFinding]]:
    """The findings that are not one dossier's own chain, per dossier id (``""``
    for an access-log entry about none): each access-log entry's hash, then the
    per-device chains (``device_id``'s only when given). Both read as streams; an
    event's finding carries its dossier id as code until the walk names it."""
    late: dict[str, list[AuditFinding]] = {}
    access = (
        select(*_ACCESS_COLUMNS)
        .order_by(literal_column("access_log.rowid"))  # the table's own order
        .execution_options(yield_per=_STREAM)
    )
    conn = s.connection()
    for a in conn.execute(access):
        if a.hash != access_hash(a):
            late.setdefault(a.dossier_id or "", []).append(
                access_finding(a, str(BreakKind.HASH_MISMATCH))
            )
    # One device chain continues through both tables: merge them by (device,
    # sequence); on a tie the event comes first, as events are listed first.
    events = select(
        DossierEventRow.device_id,
        DossierEventRow.device_seq,
        literal(0),
        DossierEventRow.id,
        DossierEventRow.device_prev_hash,
        DossierEventRow.hash,
        DossierEventRow.dossier_id,
        DossierEventRow.kind,
    ).where(DossierEventRow.device_seq.is_not(None))
    entries = select(
        AccessLogRow.device_id,
        AccessLogRow.device_seq,
        literal(1),
        AccessLogRow.id,
        AccessLogRow.device_prev_hash,
        AccessLogRow.hash,
        AccessLogRow.dossier_id,
        AccessLogRow.action,
        AccessLogRow.dossier_code,
        AccessLogRow.at,
        AccessLogRow.officer,
    )
    if device_id is not None:
        events = events.where(DossierEventRow.device_id == device_id)
        entries = entries.where(AccessLogRow.device_id == device_id)
    events = events.order_by(
        DossierEventRow.device_id, DossierEventRow.device_seq, *_EVENT_ORDER
    ).execution_options(yield_per=_STREAM)
    entries = entries.order_by(
        AccessLogRow.device_id, AccessLogRow.device_seq, literal_column("access_log.rowid")
    ).execution_options(yield_per=_STREAM)
    walker = DeviceChainWalker()
    merged: Iterator[Any] = heapq.merge(
        conn.execute(events), conn.execute(entries), key=lambda r: (r[0], r[1], r[2])
    )
    for r in merged:
        record = DeviceRecord(r[3], r[0], r[1], r[4] or "", r[5] or "")
        for b in walker.feed(record):
            if r[2] == 1:
                finding = AuditFinding(
                    r.dossier_id or "",
                    r.dossier_code or "",
                    str(b.kind),
                    event_id=r.id,
                    event_kind=r.action,
                    detail=b.detail or f"{r.at:%d/%m/%Y %H:%M} {r.officer}",
                    record="access",
                )
            else:
                finding = AuditFinding(
                    r.dossier_id,
                    r.dossier_id,
                    str(b.kind),
                    event_id=r.id,
                    event_kind=r.kind,
                    detail=b.detail,
                )
            late.setdefault(finding.dossier_id, []).append(finding)
    return late


# Rows per fetch of a stream.
_STREAM = 5000


def _walk(
    s: Session, device_id: str | None, *, with_fold: bool, batch_size: int
) -> Iterator[tuple[str, list[AuditFinding]]]:
    """(dossier id, its findings) for every dossier with any, dossiers in code order,
    then those about a dossier the store does not hold: one pass over the
    dossiers in batches of ``batch_size`` with their events, never the whole store."""
    late = _late_findings(s, device_id)
    conn = s.connection()  # Core rows: no ORM loading machinery per row
    last_code: str | None = None
    while True:
        query = select(*_DOSSIER_COLUMNS).order_by(DossierRow.code).limit(batch_size)
        if last_code is not None:
            query = query.where(DossierRow.code > last_code)
        batch = [_Dossier(*r) for r in conn.execute(query)]
        if not batch:
            break
        last_code = batch[-1].code
        events: dict[str, list[Any]] = {d.id: [] for d in batch}
        rows = conn.execute(
            select(*_EVENT_COLUMNS)
            .where(DossierEventRow.dossier_id.in_(list(events)))
            .order_by(*_EVENT_ORDER)
        )
        for r in rows.all():  # one batch: fetched at once
            e = _Event(*r)
            events[e.dossier_id].append(e)
        for row in batch:
            mine = events[row.id]
            parsed = [parse_event_data(e.data_json) for e in mine]
            found = _dossier_findings(row.id, row, mine, parsed)
            found += [
                replace(f, code=row.code) if f.record == "event" else f
                for f in late.pop(row.id, ())
            ]
            if with_fold:
                found += _fold_findings(row, mine, parsed)
            if found:
                yield row.id, found
        del events, batch
    # Events of a dossier the store does not hold (its row deleted): few, or an attack.
    orphans: dict[str, list[Any]] = {}
    unhashed: dict[str, list[AuditFinding]] = {}
    orphan_events = (
        select(*_EVENT_COLUMNS)
        .where(DossierEventRow.dossier_id.not_in(select(DossierRow.id)))
        .order_by(*_EVENT_ORDER)
    )
    for r in conn.execute(orphan_events):
        e = _Event(*r)
        orphans.setdefault(e.dossier_id, []).append(e)
        if e.hash is None or e.prev_hash is None:
            # listed first, in recorded order (the unhashed check comes first)
            unhashed.setdefault(e.dossier_id, [])
    rest: dict[str, list[AuditFinding]] = dict(unhashed)
    for dossier_id in sorted(orphans):
        events_of = orphans[dossier_id]
        found = _dossier_findings(
            dossier_id, None, events_of, [parse_event_data(e.data_json) for e in events_of]
        )
        if found:
            rest.setdefault(dossier_id, []).extend(found)
    for dossier_id, found in late.items():
        rest.setdefault(dossier_id, []).extend(found)
    for dossier_id, found in rest.items():
        if found:
            yield dossier_id, found


def _fold_findings(row: Any, events: list[Any], parsed: list[Any]) -> list[AuditFinding]:
    """Whether the row's lifecycle columns are what its events make them."""
    if not events:
        return [AuditFinding(row.id, row.code, "no_events")]
    folded = fold(
        FoldEvent(e.kind, e.at, e.to_status, data if isinstance(data, dict) else {}, i)
        for i, (e, data) in enumerate(zip(events, parsed, strict=True))
    )
    columns = {
        "status": row.status,
        "supplement_count": row.supplement_count,
        "ended_at": row.ended_at,
        "returned_at": row.returned_at,
        "timeliness": row.timeliness,
        "due_at": row.due_at,
    }
    diff = differences(folded, columns)
    return [AuditFinding(row.id, row.code, "row_differs", tuple(diff))] if diff else []


def verify_store(
    db: Database, device_id: str | None = None, *, batch_size: int = BATCH_SIZE
) -> list[AuditFinding]:
    """Every finding, dossiers in code order (the first is the one to print).

    The per-device chain is checked for ``device_id`` only when given (this
    device: other devices' records here may be partial), for all devices when None.
    Streams the store (``batch_size`` dossiers with their events at a time):
    memory does not grow with the store.
    """
    with db.read() as s:
        return [
            f
            for _, found in _walk(s, device_id, with_fold=True, batch_size=batch_size)
            for f in found
        ]


def verify_chains(
    db: Database, device_id: str | None = None, *, batch_size: int = BATCH_SIZE
) -> list[AuditFinding]:
    """The hash-chain findings only (no fold), by dossier id."""
    with db.read() as s:
        found = dict(_walk(s, device_id, with_fold=False, batch_size=batch_size))
    return [f for key in sorted(found) for f in found[key]]


_EVENTS: Table = DossierEventRow.__table__  # type: ignore[assignment]
_DOSSIERS: Table = DossierRow.__table__  # type: ignore[assignment]
# What the chain checks read of a dossier: its code and its receipt fields.
_RECEIPT_COLUMNS = (_DOSSIERS.c.id, _DOSSIERS.c.code, *(_DOSSIERS.c[n] for n in RECEIPT_FIELDS))
# Rows as named tuples: read by attribute like ORM objects, at a C descriptor's cost.


def _record_type(name: str, fields: list[str]) -> Any:
    return namedtuple(name, fields)


_Event = _record_type("_Event", [c.name for c in _EVENTS.c])
_Receipt = _record_type("_Receipt", [c.name for c in _RECEIPT_COLUMNS])
_ACCESS: Table = AccessLogRow.__table__  # type: ignore[assignment]


def verify_pending(db: Database, device_id: str) -> list[AuditFinding]:
    """The chain findings of what a push is about to send: what the sync checks.

    Reading every event (:func:`verify_chains`) takes seconds at 100,000 dossiers
    (docs/benchmarks.md), too slow for each sync. This checks the
    dossiers with something in the outbox (all their events and their receipt),
    and this device's chain from the record before its oldest unpushed one: what
    was pushed before was checked then, and the server holds and re-checks it.
    The whole store is still checked at start-up and by ``audit verify``.
    A push checks the same in steps, each batch before it leaves (:class:`PendingCheck`).
    """
    check = PendingCheck(db, device_id)
    with db.read() as s:
        pending_dossiers = set(
            s.scalars(select(OutboxRow.entity_id).where(OutboxRow.kind == "dossier"))
        )
        pending_events = select(OutboxRow.entity_id).where(OutboxRow.kind == "event")
        pending_dossiers.update(
            s.scalars(
                select(DossierEventRow.dossier_id)
                .where(DossierEventRow.id.in_(pending_events))
                .distinct()
            )
        )
        access = list(s.scalars(select(OutboxRow.entity_id).where(OutboxRow.kind == "access")))
    return check.check(pending_dossiers, access, None)


class PendingCheck:
    """:func:`verify_pending` in steps, for a push that checks each batch before
    it leaves, while the server applies the batch before (the device's and the
    server's work overlap instead of a whole check before the first batch).

    Each :meth:`check` names the findings of the dossiers it is given that no
    earlier call of this check covered (all their events and their receipt),
    of the access-log entries given, and of this device's chain from where the
    earlier calls stopped (the record before the oldest record that was pending
    when this check was made, for the first) up to the sequence given. Over a
    push's batches it checks what :func:`verify_pending` checks at the push's
    start: every pending dossier, each before the first batch carrying anything
    of it leaves; the device chain from the same record on, each stretch before
    the batch carrying its newest record leaves.
    """

    def __init__(self, db: Database, device_id: str) -> None:
        self._db = db
        self._device_id = device_id
        self._done: set[str] = set()  # dossiers checked
        # The device chain checked through this sequence (None: not yet).
        self._through: int | None = None
        with db.read() as s:
            pending_events = select(OutboxRow.entity_id).where(OutboxRow.kind == "event")
            pending_access = select(OutboxRow.entity_id).where(OutboxRow.kind == "access")
            starts = [
                s.scalar(
                    select(func.min(table.c.device_seq)).where(
                        table.c.device_id == device_id, table.c.id.in_(pending)
                    )
                )
                for table, pending in ((_EVENTS, pending_events), (_ACCESS, pending_access))
            ]
        found = [int(seq) for seq in starts if seq is not None]
        # The oldest record pending now: the device chain is checked from the one before.
        self._oldest = min(found) if found else None

    def check_items(self, items: Sequence[Mapping[str, Any]]) -> list[AuditFinding]:
        """:meth:`check` of a push batch's items (``kind`` and ``data`` as sent)."""
        dossiers: set[str] = set()
        access: list[str] = []
        newest: int | None = None
        for item in items:
            kind, data = item.get("kind"), item.get("data") or {}
            if kind == "dossier":
                dossiers.add(str(data.get("id")))
            elif kind == "event":
                dossiers.add(str(data.get("dossier_id")))
            elif kind == "access":
                access.append(str(data.get("id")))
            else:
                continue
            seq = data.get("device_seq") if data.get("device_id") == self._device_id else None
            if kind != "dossier" and isinstance(seq, int) and (newest is None or seq > newest):
                newest = seq
        return self.check(dossiers, access, newest if newest is not None else 0)

    def check(
        self, dossier_ids: Collection[str], access_ids: Collection[str], through: int | None
    ) -> list[AuditFinding]:
        """The findings, by dossier id, of ``dossier_ids`` not checked before,
        of the access-log entries ``access_ids``, and of this device's chain
        from where it was last checked through sequence ``through`` (None: to its end)."""
        ids = sorted(set(dossier_ids) - self._done)
        with self._db.read() as s:
            # Plain rows (the columns' values as the ORM would give them, read by
            # attribute the same way), not ORM objects: a first push checks every
            # event of the store, and building objects cost more than the hashing.
            rows: list[Any] = []
            dossiers: dict[str, Any] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows += map(
                    _Event._make,
                    s.execute(select(_EVENTS).where(_EVENTS.c.dossier_id.in_(chunk))),
                )
                dossiers.update(
                    (d.id, d)
                    for d in map(
                        _Receipt._make,
                        s.execute(select(*_RECEIPT_COLUMNS).where(_DOSSIERS.c.id.in_(chunk))),
                    )
                )
            rows.sort(key=lambda e: (e.recorded_at, e.id))
            access: list[AccessLogRow] = []
            wanted = sorted(set(access_ids))
            for start in range(0, len(wanted), 500):
                access += s.scalars(
                    select(AccessLogRow).where(AccessLogRow.id.in_(wanted[start : start + 500]))
                )
            found = _chain_findings(rows, dossiers, access=access)
            self._tail(s, through, dossiers, found)
        self._done.update(ids)
        return [f for key in sorted(found) for f in found[key]]

    def _tail(
        self,
        s: Session,
        through: int | None,
        dossiers: dict[str, Any],
        found: dict[str, list[AuditFinding]],
    ) -> None:
        """This device's chain from where it was last checked through ``through``."""
        if self._oldest is None:
            return  # nothing of this device's chain was pending
        oldest = self._oldest if self._through is None else self._through + 1
        if through is not None and through < oldest:
            return  # checked already
        start = max(oldest - 1, 1)
        device = self._device_id
        events = select(_EVENTS).where(_EVENTS.c.device_id == device, _EVENTS.c.device_seq >= start)
        entries = select(AccessLogRow).where(
            AccessLogRow.device_id == device, AccessLogRow.device_seq >= start
        )
        if through is not None:
            events = events.where(_EVENTS.c.device_seq <= through)
            entries = entries.where(AccessLogRow.device_seq <= through)
        events_tail: list[Any] = list(s.execute(events.order_by(_EVENTS.c.device_seq)).all())
        access_tail = list(s.scalars(entries))
        tail: list[Any] = sorted([*events_tail, *access_tail], key=lambda r: int(r.device_seq or 0))
        if tail:
            self._through = max(int(r.device_seq or 0) for r in tail)
        by_id = {a.id: a for a in access_tail}
        for b in _tail_breaks(tail, oldest):
            a = by_id.get(b.record_id)
            if a is not None:
                found.setdefault(a.dossier_id or "", []).append(
                    access_finding(a, str(b.kind), b.detail)
                )
                continue
            e = next((r for r in events_tail if r.id == b.record_id), None)
            dossier_id = e.dossier_id if e is not None else b.scope
            d = dossiers.get(dossier_id)
            code = (
                d.code
                if d is not None
                else s.scalar(select(_DOSSIERS.c.code).where(_DOSSIERS.c.id == dossier_id))
            )
            found.setdefault(dossier_id, []).append(
                AuditFinding(
                    dossier_id,
                    code or dossier_id,
                    str(b.kind),
                    event_id=b.record_id,
                    event_kind=e.kind if e is not None else "",
                    detail=b.detail,
                )
            )


def _tail_breaks(tail: list[Any], oldest: int) -> list[Break]:
    """Breaks of a device chain read from sequence ``oldest - 1`` on (1 when the
    tail starts the chain): consecutive and each linked to the one before."""
    breaks: list[Break] = []
    prev_seq: int | None = None
    prev_hash = GENESIS
    for e in tail:
        seq = int(e.device_seq or 0)
        if prev_seq is None:
            # The record before the tail must be there (the tail's link to it is
            # checked next), unless the tail starts the chain.
            start = oldest - 1 if oldest > 1 else 1
            if seq != start or (seq == 1 and e.device_prev_hash != GENESIS):
                breaks.append(Break(BreakKind.DEVICE_GAP, e.id, e.device_id, str(oldest - 1)))
            prev_seq, prev_hash = seq, e.hash or ""
            continue
        if seq == prev_seq:
            breaks.append(Break(BreakKind.DEVICE_DUPLICATE_SEQ, e.id, e.device_id, str(seq)))
            continue
        if seq != prev_seq + 1:
            breaks.append(Break(BreakKind.DEVICE_GAP, e.id, e.device_id, str(prev_seq + 1)))
        elif e.device_prev_hash != prev_hash:
            breaks.append(Break(BreakKind.DEVICE_PREV_MISMATCH, e.id, e.device_id))
        prev_seq, prev_hash = seq, e.hash or ""
    return breaks
