"""THE REFERENCE for tests/unit/test_audit_stream.py: services/audit as it was before
the whole-store check streamed (every event and dossier read at once through the ORM),
kept verbatim so the streaming walk is checked to give exactly its findings, in its
order. Not used by the app.

Audit of the store (issue 12 item 3): is each dossier's row what its events make it?

Read-only. Checks the stored hash chains (core/chain.py, written through
services/audit/stamp.py): per dossier (each hash matches the event's content,
the receipt's covering the dossier's fixed receipt fields; one genesis; every
prev_hash names an event of the dossier; no replayed content) and per device
(this device's records gap-free and linked: its events and its access-log
entries, one sequence). Each access-log entry's hash is checked against its
content. Then folds each dossier's events
(core/fold.py) and compares the result with the row's lifecycle columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from hcc_desktop.core.chain import (
    GENESIS,
    Break,
    BreakKind,
    ChainedEvent,
    DeviceRecord,
    access_hash,
    event_content,
    verify_device_chain,
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


def _chain_findings(
    rows: list[DossierEventRow],
    dossiers: dict[str, DossierRow],
    device_id: str | None,
    *,
    device_chain: bool = True,
    access: list[AccessLogRow] | None = None,
) -> dict[str, list[AuditFinding]]:
    """Chain findings per dossier id (device findings under the event's dossier;
    an access-log entry's under its dossier, or ``""`` for one about none)."""
    by_id = {e.id: e for e in rows}
    entries = {a.id: a for a in access or ()}
    out: dict[str, list[AuditFinding]] = {}

    def add(b: Break) -> None:
        note(b.record_id, b.scope, str(b.kind), b.detail)

    def note(record_id: str, scope: str, kind: str, detail: str = "") -> None:
        a = entries.get(record_id)
        if a is not None:
            out.setdefault(a.dossier_id or "", []).append(access_finding(a, kind, detail))
            return
        e = by_id.get(record_id)
        dossier_id = e.dossier_id if e is not None else scope
        d = dossiers.get(dossier_id)
        out.setdefault(dossier_id, []).append(
            AuditFinding(
                dossier_id,
                d.code if d is not None else dossier_id,
                kind,
                event_id=record_id,
                event_kind=e.kind if e is not None else "",
                detail=detail,
            )
        )

    corrections: dict[str, list[DossierEventRow]] = {}
    for e in rows:  # rows come in recorded order
        if e.kind == RECEIPT_CORRECTED:
            corrections.setdefault(e.dossier_id, []).append(e)
    chained: list[ChainedEvent] = []
    for e in rows:
        if e.hash is None or e.prev_hash is None:
            note(e.id, e.dossier_id, "unhashed")
            continue
        receipt = None
        if e.prev_hash == GENESIS and e.dossier_id in dossiers:
            receipt, edited = _original_receipt(
                dossiers[e.dossier_id], corrections.get(e.dossier_id, [])
            )
            if edited is not None:
                note(edited, e.dossier_id, "receipt_edited")
        chained.append(
            ChainedEvent(e.id, e.dossier_id, event_content(e, receipt), e.prev_hash, e.hash)
        )
    for b in verify_dossier_chain(chained):
        add(b)
    records = [
        DeviceRecord(e.id, e.device_id, e.device_seq, e.device_prev_hash or "", e.hash or "")
        for e in rows
        if device_chain
        and e.device_seq is not None
        and (device_id is None or e.device_id == device_id)
    ]
    for a in entries.values():
        if a.hash != access_hash(a):
            note(a.id, a.device_id, str(BreakKind.HASH_MISMATCH))
        if device_chain and (device_id is None or a.device_id == device_id):
            records.append(
                DeviceRecord(a.id, a.device_id, a.device_seq, a.device_prev_hash, a.hash)
            )
    for b in verify_device_chain(records):
        add(b)
    return out


def access_finding(a: AccessLogRow, kind: str, detail: str = "") -> AuditFinding:
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


def verify_store(db: Database, device_id: str | None = None) -> list[AuditFinding]:
    """Every finding, dossiers in code order (the first is the one to print).

    The per-device chain is checked for ``device_id`` only when given (this
    device: other devices' records here may be partial), for all devices when None.
    """
    findings: list[AuditFinding] = []
    with db.read() as s:
        events: dict[str, list[FoldEvent]] = {}
        query = select(DossierEventRow).order_by(DossierEventRow.recorded_at, DossierEventRow.id)
        rows = list(s.scalars(query))
        dossiers = {d.id: d for d in s.scalars(select(DossierRow))}
        access = list(s.scalars(select(AccessLogRow)))
        chain = _chain_findings(rows, dossiers, device_id, access=access)
        for i, e in enumerate(rows):
            try:
                data = json.loads(e.data_json)
            except ValueError:
                data = {}
            events.setdefault(e.dossier_id, []).append(
                FoldEvent(e.kind, e.at, e.to_status, data if isinstance(data, dict) else {}, i)
            )
        for row in sorted(dossiers.values(), key=lambda d: d.code):
            findings.extend(chain.pop(row.id, []))
            mine = events.get(row.id)
            if not mine:
                findings.append(AuditFinding(row.id, row.code, "no_events"))
                continue
            columns = {
                "status": row.status,
                "supplement_count": row.supplement_count,
                "ended_at": row.ended_at,
                "returned_at": row.returned_at,
                "timeliness": row.timeliness,
                "due_at": row.due_at,
            }
            diff = differences(fold(mine), columns)
            if diff:
                findings.append(AuditFinding(row.id, row.code, "row_differs", tuple(diff)))
        for rest in chain.values():  # events of a dossier the store does not hold, and
            findings.extend(rest)  # access-log entries about no dossier
    return findings


def verify_chains(db: Database, device_id: str | None = None) -> list[AuditFinding]:
    """The hash-chain findings only (no fold): what the sync checks before a push."""
    with db.read() as s:
        rows = list(
            s.scalars(
                select(DossierEventRow).order_by(DossierEventRow.recorded_at, DossierEventRow.id)
            )
        )
        dossiers = {d.id: d for d in s.scalars(select(DossierRow))}
        access = list(s.scalars(select(AccessLogRow)))
        found = _chain_findings(rows, dossiers, device_id, access=access)
    return [f for code in sorted(found) for f in found[code]]


def verify_pending(db: Database, device_id: str) -> list[AuditFinding]:
    """The chain findings of what a push is about to send: what the sync checks.

    Reading every event (:func:`verify_chains`) takes about 5 s at 10,000 dossiers
    (50 s at 100,000; docs/sync.md), too slow for each sync. This checks the
    dossiers with something in the outbox (all their events and their receipt),
    and this device's chain from the record before its oldest unpushed one: what
    was pushed before was checked then, and the server holds and re-checks it.
    The whole store is still checked at start-up and by ``audit verify``.
    """
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
        ids = sorted(pending_dossiers)
        rows: list[DossierEventRow] = []
        dossiers: dict[str, DossierRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows += s.scalars(
                select(DossierEventRow)
                .where(DossierEventRow.dossier_id.in_(chunk))
                .order_by(DossierEventRow.recorded_at, DossierEventRow.id)
            )
            dossiers.update(
                (d.id, d) for d in s.scalars(select(DossierRow).where(DossierRow.id.in_(chunk)))
            )
        rows.sort(key=lambda e: (e.recorded_at, e.id))
        pending_access = select(OutboxRow.entity_id).where(OutboxRow.kind == "access")
        access = list(s.scalars(select(AccessLogRow).where(AccessLogRow.id.in_(pending_access))))
        found = _chain_findings(rows, dossiers, device_id, device_chain=False, access=access)
        oldest_event = s.scalar(
            select(func.min(DossierEventRow.device_seq)).where(
                DossierEventRow.device_id == device_id,
                DossierEventRow.id.in_(pending_events),
            )
        )
        starts = [int(oldest_event)] if oldest_event is not None else []
        starts += [a.device_seq for a in access if a.device_id == device_id]
        if starts:
            oldest = min(starts)
            start = max(oldest - 1, 1)
            events_tail = list(
                s.scalars(
                    select(DossierEventRow).where(
                        DossierEventRow.device_id == device_id,
                        DossierEventRow.device_seq >= start,
                    )
                )
            )
            access_tail = list(
                s.scalars(
                    select(AccessLogRow).where(
                        AccessLogRow.device_id == device_id, AccessLogRow.device_seq >= start
                    )
                )
            )
            tail: list[Any] = sorted(
                [*events_tail, *access_tail], key=lambda r: int(r.device_seq or 0)
            )
            entries = {a.id: a for a in access_tail}
            for b in _tail_breaks(tail, oldest):
                a = entries.get(b.record_id)
                if a is not None:
                    found.setdefault(a.dossier_id or "", []).append(
                        access_finding(a, str(b.kind), b.detail)
                    )
                    continue
                e = next((r for r in events_tail if r.id == b.record_id), None)
                dossier_id = e.dossier_id if e is not None else b.scope
                d = dossiers.get(dossier_id)
                found.setdefault(dossier_id, []).append(
                    AuditFinding(
                        dossier_id,
                        d.code if d is not None else dossier_id,
                        str(b.kind),
                        event_id=b.record_id,
                        event_kind=e.kind if e is not None else "",
                        detail=b.detail,
                    )
                )
    return [f for code in sorted(found) for f in found[code]]


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
