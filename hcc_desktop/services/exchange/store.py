"""Writing dossiers that come from elsewhere (the portal, an earlier system).

"Add, and if it already exists, update", keyed by the dossier code. The
dossier's history is append-only: an import appends the events it derives
that the store does not hold yet (matched by kind and time), never rewrites
one, so importing the same file twice adds nothing. The row's lifecycle
columns are then folded from the whole history, the way the lifecycle
service would have left them. Everything goes through the sync outbox.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import (
    Channel,
    DossierOrigin,
    DossierStatus,
    Procedure,
    ReceivedComponent,
    ResultDelivery,
)
from hcc_desktop.core.lifecycle import classify
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierComponentRow, DossierEventRow, DossierRow
from hcc_desktop.services.audit.stamp import (
    EventChain,
    receipt_snapshot,
    record_receipt_correction,
)
from hcc_desktop.services.dossiers.query import search_text
from hcc_desktop.services.sync.outbox import enqueue

S = DossierStatus
TERMINAL = {
    "refused": S.NOT_ACCEPTED,
    "withdrawn": S.WITHDRAWN,
    "stopped": S.STOPPED,
    "processed": S.PROCESSED,
    "returned": S.RETURNED,
}


@dataclass(frozen=True)
class EventSpec:
    kind: str
    at: datetime
    to_status: DossierStatus
    actor: str = ""
    reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImportedDossier:
    """A dossier as another system describes it, already validated."""

    code: str
    procedure: Procedure
    procedure_name: str
    channel: Channel
    owner_name: str
    owner_id_type: str
    owner_id_number: str
    owner_phone: str
    owner_address: str
    owner_email: str
    received_at: datetime
    clock_start_at: datetime
    due_at: datetime
    processing_days: int
    components: tuple[ReceivedComponent, ...]
    paid_online: bool | None
    e_result: bool | None
    origin: DossierOrigin
    received_by: str
    events: tuple[EventSpec, ...]  # the first is "received"
    note: str = ""


@dataclass(frozen=True)
class ImportResult:
    """What an import did, by dossier code."""

    added: tuple[str, ...] = ()
    updated: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> what changed
    unchanged: tuple[str, ...] = ()
    # Codes held by a dossier received here (not from this source): left alone.
    skipped: tuple[str, ...] = ()
    events_added: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "updated": {k: list(v) for k, v in self.updated.items()},
            "unchanged": list(self.unchanged),
            "skipped": list(self.skipped),
            "events_added": self.events_added,
        }


# Receipt fields compared to tell "updated" from "unchanged".
_ROW_FIELDS = (
    "procedure_code",
    "procedure_name",
    "procedure_field",
    "channel",
    "received_at",
    "clock_start_at",
    "original_due_at",
    "processing_days",
    "owner_name",
    "owner_id_type",
    "owner_id_number",
    "owner_phone",
    "owner_address",
    "owner_email",
    "paid_online",
    "e_result",
    "received_by",
    "note",
)


def _values(d: ImportedDossier) -> dict[str, Any]:
    return {
        "procedure_code": d.procedure.code,
        "procedure_name": d.procedure_name,
        "procedure_field": d.procedure.field,
        "channel": d.channel.value,
        "received_at": d.received_at,
        "clock_start_at": d.clock_start_at,
        "original_due_at": d.due_at,
        "processing_days": d.processing_days,
        "owner_name": d.owner_name,
        "owner_id_type": d.owner_id_type,
        "owner_id_number": d.owner_id_number,
        "owner_phone": d.owner_phone,
        "owner_address": d.owner_address,
        "owner_email": d.owner_email,
        "paid_online": d.paid_online,
        "e_result": d.e_result,
        "received_by": d.received_by,
        "note": d.note,
    }


def _component_key(c: ReceivedComponent | DossierComponentRow) -> tuple[Any, ...]:
    form = c.form if isinstance(c.form, str) else c.form.value
    return (c.component_id, c.name, form, c.count, c.reused_digital, c.digitised)


def upsert(
    s: Session, d: ImportedDossier, *, unit_code: str, device_id: str
) -> tuple[str, tuple[str, ...], int]:
    """Add or update one dossier; returns (outcome, changed fields, events added).

    outcome: "added" | "updated" | "unchanged" | "skipped".
    """
    now = datetime.now(UTC)
    row = s.scalars(
        select(DossierRow)
        .options(selectinload(DossierRow.components))
        .where(DossierRow.code == d.code)
    ).first()
    values = _values(d)
    changed: list[str] = []
    outcome = "updated"
    if row is None:
        row = DossierRow(
            id=str(uuid.uuid4()),
            code=d.code,
            unit_code=unit_code,
            device_id=device_id,
            status=int(S.RECEIVED),
            due_at=d.due_at,
            sets_count=1,
            fee_amount=0,
            result_delivery=ResultDelivery.COUNTER.value,
            book_no="",
            order_no=0,
            origin=d.origin.value,
            created_at=now,
            updated_at=now,
            version=1,
            **values,
        )
        outcome = "added"
    elif row.origin != d.origin.value:
        return "skipped", (), 0
    else:
        receipt_before = receipt_snapshot(row)
        for name, value in values.items():
            if getattr(row, name) != value:
                changed.append(name)
                setattr(row, name, value)
    if [_component_key(c) for c in row.components] != [_component_key(c) for c in d.components]:
        if outcome != "added":
            changed.append("components")
            row.components.clear()
            s.flush()
        row.components.extend(
            DossierComponentRow(
                id=str(uuid.uuid4()),
                position=i,
                component_id=c.component_id,
                name=c.name,
                form=c.form.value,
                count=c.count,
                reused_digital=c.reused_digital,
                digitised=c.digitised,
            )
            for i, c in enumerate(d.components)
        )
    row.search_text = search_text(
        code=d.code,
        owner_name=d.owner_name,
        owner_id_number=d.owner_id_number,
        owner_phone=d.owner_phone,
        procedure_code=d.procedure.code,
        procedure_name=d.procedure_name,
    )
    if outcome == "added":
        s.add(row)
    s.flush()
    existing = list(
        s.scalars(
            select(DossierEventRow)
            .where(DossierEventRow.dossier_id == row.id)
            .order_by(DossierEventRow.at, DossierEventRow.recorded_at)
        )
    )
    have = {(e.kind, e.at) for e in existing}
    last = existing[-1].at if existing else None
    last_status = S(existing[-1].to_status) if existing and existing[-1].to_status else None
    added_events = 0
    chain = EventChain(s)
    for spec in d.events:
        if (spec.kind, spec.at) in have or (last is not None and spec.at < last):
            continue
        event = DossierEventRow(
            **chain.stamp(
                {
                    "id": str(uuid.uuid4()),
                    "dossier_id": row.id,
                    "kind": spec.kind,
                    "at": spec.at,
                    "actor": spec.actor,
                    "from_status": int(last_status) if last_status is not None else None,
                    "to_status": int(spec.to_status),
                    "reason": spec.reason,
                    "data_json": json.dumps(spec.data, ensure_ascii=False, sort_keys=True),
                    "device_id": device_id,
                    "recorded_at": now,
                },
                row,
            )
        )
        s.add(event)
        existing.append(event)
        have.add((spec.kind, spec.at))
        last, last_status = spec.at, spec.to_status
        added_events += 1
        enqueue(s, "event", event.id)
    if outcome != "added":
        correction = record_receipt_correction(
            chain,
            row,
            receipt_before,
            at=local_now(),
            actor="",
            device_id=device_id,
            recorded_at=now,
        )
        if correction is not None:
            s.add(correction)
            enqueue(s, "event", correction.id)
    if added_events and outcome != "added":
        changed.append("history")
    # The lifecycle columns are refolded only when the history or the
    # appointment moved, so steps taken here since are not second-guessed.
    state_changed = False
    if outcome == "added" or added_events or "original_due_at" in changed:
        state_changed = _fold(row, existing, d.due_at)
    if outcome == "updated" and state_changed and "history" not in changed:
        changed.append("state")
    if outcome == "updated" and not changed:
        return "unchanged", (), 0
    if outcome == "updated":
        row.version += 1
        row.updated_at = now
    enqueue(s, "dossier", row.id)
    return outcome, tuple(changed), added_events


def write_all(
    db: Database, dossiers: list[ImportedDossier], *, unit_code: str, device_id: str
) -> ImportResult:
    """Upsert every dossier in one transaction and report what happened."""
    added: list[str] = []
    updated: dict[str, tuple[str, ...]] = {}
    unchanged: list[str] = []
    skipped: list[str] = []
    events = 0
    with db.write() as s:
        for d in dossiers:
            outcome, changed, n = upsert(s, d, unit_code=unit_code, device_id=device_id)
            events += n
            if outcome == "added":
                added.append(d.code)
            elif outcome == "updated":
                updated[d.code] = changed
            elif outcome == "unchanged":
                unchanged.append(d.code)
            else:
                skipped.append(d.code)
    return ImportResult(tuple(added), updated, tuple(unchanged), tuple(skipped), events)


def _fold(row: DossierRow, events: list[DossierEventRow], original_due: datetime) -> bool:
    """Set the row's lifecycle columns from its history; True if any changed."""
    status = S.RECEIVED
    due = original_due
    ended: datetime | None = None
    supplements = 0
    waiting: datetime | None = None
    resume: int | None = None
    holder = row.holder
    returned: datetime | None = None
    for e in events:
        to = S(e.to_status) if e.to_status else status
        data = json.loads(e.data_json or "{}")
        if e.kind == "supplement_requested":
            supplements += 1
            waiting = e.at
            resume = int(status)
        elif e.kind == "payment_requested":
            resume = int(status)
        elif e.kind in ("supplement_received", "payment_received"):
            if e.kind == "supplement_received":
                waiting = None
                if isinstance(data.get("due_at"), str):
                    due = datetime.fromisoformat(data["due_at"])
            resume = None
        elif e.kind == "handed_over" and data.get("receiver"):
            holder = str(data["receiver"])
        if e.kind == "returned":
            returned = e.at
        if e.kind in TERMINAL and ended is None:
            ended = e.at
            waiting = None
            resume = None
        status = to
    verdict = (
        classify(due=due, ended=ended, supplement_count=supplements) if ended is not None else None
    )
    new = {
        "status": int(status),
        "due_at": due,
        "ended_at": ended,
        "supplement_count": supplements,
        "waiting_since": waiting,
        "resume_status": resume,
        "holder": holder,
        "returned_at": returned,
        "timeliness": verdict.value if verdict else None,
    }
    changed = False
    for name, value in new.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
