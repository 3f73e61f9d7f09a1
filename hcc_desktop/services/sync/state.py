"""The device's ``sync_state`` table: keys and small helpers to read and write them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hcc_desktop.db.models import (
    DossierRow,
    SyncStateRow,
)
from hcc_desktop.services.sync.wire import (
    among,
)

# sync_state keys
CURSOR = "cursor"
PUSH_BATCH_KEY = "push_batch"
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_error"
REJECTED = "rejected"
PARKED = "parked"
PULL_SKIPPED = "pull_skipped"
LAST_EXPORT = "last_export"
# The public key this device last sent the server (its signed chain heads).
CHAIN_KEY_SENT = "chain_key_sent"
# Kept in sync_state for the officer to see; older entries are dropped.
MAX_KEPT_ITEMS = 200


def get_state(s: Session, key: str, default: Any = None) -> Any:
    row = s.get(SyncStateRow, key)
    return json.loads(row.value) if row is not None else default


def set_state(s: Session, key: str, value: Any) -> None:
    s.merge(SyncStateRow(key=key, value=json.dumps(value, ensure_ascii=False)))


def drop_state(s: Session, key: str) -> None:
    s.execute(delete(SyncStateRow).where(SyncStateRow.key == key))


def append_capped(s: Session, key: str, entries: Sequence[Mapping[str, Any]]) -> None:
    if entries:
        kept = list(get_state(s, key, [])) + [dict(e) for e in entries]
        set_state(s, key, kept[-MAX_KEPT_ITEMS:])


def with_dossier_codes(s: Session, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rejected items with their dossier's code: an event or a rating names
    only its dossier's id, which means nothing to an officer."""
    ids = [e["dossier_id"] for e in entries if not e["code"] and e.get("dossier_id")]
    codes: dict[str, str] = {}
    if ids:
        query = select(DossierRow.id, DossierRow.code).where(among(DossierRow.id, ids))
        codes = {str(row[0]): str(row[1]) for row in s.execute(query).all()}
    for entry in entries:
        dossier_id = entry.pop("dossier_id", None)
        if not entry["code"]:
            entry["code"] = codes.get(dossier_id or "", "")
    return entries


def error_params(error: Mapping[str, Any] | None) -> dict[str, str]:
    params = error.get("params") if error else None
    return {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}
