"""Officer accounts across the unit's devices (issue 12 item 1; docs/sync.md, "Accounts").

An account changed here is marked ``sync_pending`` by the account service; a push (and a
bundle export) first queues the marked accounts in the outbox (``queue_accounts``), so
they travel with the same guarantees as the rest of the outbox (saved batches, exactly
once, signed bundles). The record carries the Argon2id hash, never a password; the
failed-attempt counter and the 15-minute lockout never leave the device.

The server merges what devices push (``core/accounts.merge_account``) and every device
takes the server's record as it comes (``apply_accounts``), except an account changed
here and not pushed yet: its push reaches the server first, and the merged record comes
back. An account pulled under a user name another account holds here is not taken (two
people are never merged): it is listed, as the server's refusal of a name already taken
is, in ``sync_state["account_clashes"]`` for the administrator.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from hcc_desktop.core.accounts import account_wire_errors
from hcc_desktop.db.models import AccountRow, OutboxRow, Setting
from hcc_desktop.services.sync.wire import among

ACCOUNT_KIND = "account"
# sync_state key: accounts the server refused or this device could not take.
ACCOUNT_CLASHES = "account_clashes"


def _utc_text(value: datetime | None) -> str | None:
    """One fixed ISO form (UTC, microseconds): the server compares lock times as text."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # SQLite gives the stored UTC time back naive
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _utc(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _unit_code(s: Session) -> str:
    """The unit code of this store's settings, read in the caller's transaction."""
    from hcc_desktop.services.settings import AppSettings, SettingsService

    raw = s.scalar(select(Setting.value).where(Setting.key == SettingsService.KEY))
    if raw is None:
        return AppSettings().unit_code
    return str(json.loads(raw).get("unit_code") or AppSettings().unit_code)


def account_to_wire(row: AccountRow, unit_code: str) -> dict[str, Any]:
    return {
        "id": row.uid,
        "unit_code": unit_code,
        "user_name": row.user_name,
        "full_name": row.full_name,
        "role": row.role,
        "password_hash": row.password_hash,
        "disabled": bool(row.disabled),
        "disabled_at": _utc_text(row.disabled_at),
        "profile_version": row.profile_version,
        "password_version": row.password_version,
        "version": row.version,
        "device_id": row.device_id,
        "created_at": _utc_text(row.created_at),
        "updated_at": _utc_text(row.updated_at),
    }


def read_account_wires(s: Session, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``uid → wire form`` of the accounts among ``ids``."""
    if not ids:
        return {}
    unit_code = _unit_code(s)
    rows = s.scalars(select(AccountRow).where(among(AccountRow.uid, ids))).all()
    return {row.uid: account_to_wire(row, unit_code) for row in rows}


def queue_accounts(s: Session) -> int:
    """Queue the accounts changed here since last queued (all of them, once, on a store
    from before accounts synced) for the push, in the caller's transaction."""
    uids = list(s.scalars(select(AccountRow.uid).where(AccountRow.sync_pending.is_(True))))
    if not uids:
        return 0
    from hcc_desktop.services.sync.outbox import enqueue

    for uid in uids:
        enqueue(s, ACCOUNT_KIND, uid)
    s.execute(update(AccountRow).where(among(AccountRow.uid, uids)).values(sync_pending=False))
    return len(uids)


def clash(
    *, uid: str, user_name: str, reason: str, detail: str = "", at: str, device_id: str = ""
) -> dict[str, Any]:
    """A clash as ``sync_state`` keeps it; ``device_id``: the device the account that did
    not travel was made on (this one for a refused push, the other one for a pull)."""
    return {
        "id": uid,
        "user_name": user_name,
        "reason": reason,
        "detail": detail,
        "at": at,
        "device_id": device_id,
    }


@dataclass
class AccountsOutcome:
    applied: int = 0
    clashes: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)


def apply_accounts(
    s: Session,
    changes: Sequence[Mapping[str, Any]],
    *,
    unit_code: str,
    at: str,
) -> AccountsOutcome:
    """Take the pulled accounts (the newest revision of each) in the caller's transaction."""
    out = AccountsOutcome()
    latest: dict[str, Mapping[str, Any]] = {}
    for change in changes:
        data = change.get("data")
        rev = change.get("rev")
        problem = account_wire_errors(data)
        if problem or not isinstance(rev, int) or isinstance(rev, bool):
            out.skipped.append(_skipped(change, "invalid", problem or "no revision"))
        elif isinstance(data, Mapping) and data.get("unit_code") != unit_code:
            out.skipped.append(_skipped(change, "wrong_unit"))
        elif isinstance(data, Mapping):
            held = latest.get(data["id"])
            if held is None or rev > int(held["rev"]):
                latest[data["id"]] = change
    if not latest:
        return out
    ids = list(latest)
    rows = {r.uid: r for r in s.scalars(select(AccountRow).where(among(AccountRow.uid, ids)))}
    queued = set(
        s.scalars(
            select(OutboxRow.entity_id).where(
                OutboxRow.kind == ACCOUNT_KIND, among(OutboxRow.entity_id, ids)
            )
        )
    )
    names = [str(c["data"]["user_name"]) for c in latest.values()]
    holders = dict(
        s.execute(
            select(AccountRow.user_name, AccountRow.uid).where(among(AccountRow.user_name, names))
        ).all()
    )
    for uid, change in sorted(latest.items(), key=lambda item: int(item[1]["rev"])):
        data, rev = change["data"], int(change["rev"])
        row = rows.get(uid)
        if row is not None:
            if uid in queued or row.sync_pending:
                continue  # changed here: its push goes first, the merged record comes back
            if row.server_revision is not None and rev <= row.server_revision:
                continue
            _take(row, data, rev)
            out.applied += 1
            continue
        holder = holders.get(data["user_name"])
        if holder is not None and holder != uid:
            out.clashes.append(
                clash(
                    uid=uid,
                    user_name=data["user_name"],
                    reason="user_name_taken_here",
                    detail=f"local account {holder}",
                    at=at,
                    device_id=str(data.get("device_id") or ""),
                )
            )
            continue
        row = AccountRow(
            uid=uid,
            user_name=data["user_name"],
            failed_count=0,
            locked_until=None,
            phone="",
            device_id=str(data.get("device_id") or ""),
            created_at=_utc(data.get("created_at")) or datetime.now(UTC),
        )
        _take(row, data, rev)
        s.add(row)
        holders[row.user_name] = uid
        out.applied += 1
    s.flush()
    return out


def _take(row: AccountRow, data: Mapping[str, Any], rev: int) -> None:
    """The shared columns from the server's record; the lockout counters stay as they are."""
    row.full_name = str(data.get("full_name") or "")
    row.role = str(data["role"])
    row.password_hash = str(data["password_hash"])
    row.disabled = bool(data["disabled"])
    row.disabled_at = _utc(data.get("disabled_at"))
    row.profile_version = int(data["profile_version"])
    row.password_version = int(data["password_version"])
    row.version = int(data["version"])
    row.updated_at = _utc(data.get("updated_at")) or datetime.now(UTC)
    row.server_revision = rev
    row.sync_pending = False


def _skipped(change: Mapping[str, Any], reason: str, detail: str = "") -> dict[str, Any]:
    data = change.get("data")
    return {
        "rev": change.get("rev"),
        "kind": ACCOUNT_KIND,
        "id": data.get("id") if isinstance(data, Mapping) else None,
        "reason": reason,
        "detail": detail,
    }
