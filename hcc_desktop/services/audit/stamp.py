"""THE one place a dossier event gets its chain columns before it is written.

Every write site (intake, lifecycle, portal import, the demo's bulk writes)
builds the event's column values and passes them through
:meth:`EventChain.stamp`, which sets ``prev_hash`` (the hash of the dossier's
latest event, :data:`GENESIS` for the first), ``device_seq`` and
``device_prev_hash`` (the writing device's own chain) and ``hash``. Heads are
read once per dossier/device by index and then kept for the session's batch.
Pulled events are not stamped: they keep their origin's hashes.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desktop.core.chain import GENESIS, RECEIPT_FIELDS, event_content, record_hash
from hcc_desktop.db.models import AccessLogRow, DossierEventRow, DossierRow


class EventChain:
    """Stamps events written in one session (heads cached for a batch)."""

    def __init__(self, s: Session) -> None:
        self._s = s
        self._dossier_heads: dict[str, str] = {}
        self._device_heads: dict[str, tuple[int, str]] = {}

    def start_dossier(self, dossier_id: str) -> None:
        """``dossier_id`` is new in this batch: its first event is the genesis."""
        self._dossier_heads[dossier_id] = GENESIS

    def _dossier_head(self, dossier_id: str) -> str:
        if dossier_id not in self._dossier_heads:
            head = self._s.scalars(
                select(DossierEventRow.hash)
                .where(DossierEventRow.dossier_id == dossier_id, DossierEventRow.hash.is_not(None))
                .order_by(DossierEventRow.recorded_at.desc(), DossierEventRow.at.desc())
                .limit(1)
            ).first()
            self._dossier_heads[dossier_id] = head or GENESIS
        return self._dossier_heads[dossier_id]

    def _device_head(self, device_id: str) -> tuple[int, str]:
        if device_id not in self._device_heads:
            self._device_heads[device_id] = device_chain_head(self._s, device_id)
        return self._device_heads[device_id]

    def stamp(self, values: dict[str, Any], dossier: Any = None) -> dict[str, Any]:
        """Set the chain columns on ``values`` (the event's columns) and return it.

        ``dossier`` (row or mapping) is needed for a dossier's first event, whose
        hash covers the receipt fields; when not given it is read from the session.
        """
        dossier_id = str(values["dossier_id"])
        device_id = str(values["device_id"])
        prev = self._dossier_head(dossier_id)
        seq, dev_prev = self._device_head(device_id)
        values["prev_hash"] = prev
        values["device_seq"] = seq + 1
        values["device_prev_hash"] = dev_prev
        receipt = None
        if prev == GENESIS:
            receipt = dossier if dossier is not None else self._s.get(DossierRow, dossier_id)
        digest = record_hash(event_content(values, receipt), prev)
        values["hash"] = digest
        self._dossier_heads[dossier_id] = digest
        self._device_heads[device_id] = (seq + 1, digest)
        return values


def device_chain_head(s: Session, device_id: str) -> tuple[int, str]:
    """(device_seq, hash) of the device's newest record, event or access-log entry
    ((0, GENESIS) when none): both tables continue one chain. Two index lookups."""
    heads = [(0, GENESIS)]
    for table in (DossierEventRow, AccessLogRow):
        last = s.execute(
            select(table.device_seq, table.hash)
            .where(table.device_id == device_id, table.device_seq.is_not(None))
            .order_by(table.device_seq.desc())
            .limit(1)
        ).first()
        if last is not None and last[0] is not None:
            heads.append((int(last[0]), str(last[1])))
    return max(heads, key=lambda h: h[0])


def chained_event(s: Session, values: Mapping[str, Any], dossier: Any = None) -> DossierEventRow:
    """One event row with its chain columns (a single write outside a batch)."""
    return DossierEventRow(**EventChain(s).stamp(dict(values), dossier))


RECEIPT_CORRECTED = "receipt_corrected"


def receipt_snapshot(row: DossierRow) -> dict[str, Any]:
    """The dossier's fixed receipt fields as they are now (before a legitimate edit)."""
    return {name: getattr(row, name) for name in RECEIPT_FIELDS}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def record_receipt_correction(
    chain: EventChain,
    row: DossierRow,
    before: Mapping[str, Any],
    *,
    at: datetime,
    actor: str,
    device_id: str,
    recorded_at: datetime,
) -> DossierEventRow | None:
    """A legitimate change of receipt fields (a portal re-import) as a chained event.

    Its data holds each changed field's value before and after, so ``audit verify``
    can rebuild the receipt the genesis hash covers from the row. None when nothing
    of the receipt changed.
    """
    changed = [n for n in RECEIPT_FIELDS if before.get(n) != getattr(row, n)]
    if not changed:
        return None
    data = {
        "before": {n: _jsonable(before.get(n)) for n in changed},
        "after": {n: _jsonable(getattr(row, n)) for n in changed},
    }
    values = {
        "id": str(uuid.uuid4()),
        "dossier_id": row.id,
        "kind": RECEIPT_CORRECTED,
        "at": at,
        "actor": actor,
        "from_status": row.status,
        "to_status": None,
        "reason": "",
        "data_json": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "device_id": device_id,
        "recorded_at": recorded_at,
    }
    return DossierEventRow(**chain.stamp(values, row))
