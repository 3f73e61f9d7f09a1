"""Audit of the store (issue 12 item 3): is each dossier's row what its events make it?

Read-only. Checks the stored hash chains (core/chain.py, written through
services/audit/stamp.py): per dossier (each hash matches the event's content,
the receipt's covering the dossier's fixed receipt fields; one genesis; every
prev_hash names an event of the dossier; no replayed content) and per device
(this device's records gap-free and linked). Then folds each dossier's events
(core/fold.py) and compares the result with the row's lifecycle columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from hcc_desktop.core.chain import (
    GENESIS,
    Break,
    ChainedEvent,
    DeviceRecord,
    event_content,
    verify_device_chain,
    verify_dossier_chain,
)
from hcc_desktop.core.fold import FoldEvent, differences, fold
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierEventRow, DossierRow
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
    rows: list[DossierEventRow], dossiers: dict[str, DossierRow], device_id: str | None
) -> dict[str, list[AuditFinding]]:
    """Chain findings per dossier id (device findings under the event's dossier)."""
    by_id = {e.id: e for e in rows}
    out: dict[str, list[AuditFinding]] = {}

    def add(b: Break) -> None:
        note(b.record_id, b.scope, str(b.kind), b.detail)

    def note(record_id: str, scope: str, kind: str, detail: str = "") -> None:
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
        if e.device_seq is not None and (device_id is None or e.device_id == device_id)
    ]
    for b in verify_device_chain(records):
        add(b)
    return out


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
        chain = _chain_findings(rows, dossiers, device_id)
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
        for rest in chain.values():  # events of a dossier the store does not hold
            findings.extend(rest)
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
        found = _chain_findings(rows, dossiers, device_id)
    return [f for code in sorted(found) for f in found[code]]
