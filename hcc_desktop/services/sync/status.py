"""How this device's sync stands: the status and the items the server refused."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from hcc_desktop.core.clock import to_local
from hcc_desktop.core.errors import SyncError
from hcc_desktop.db.models import (
    OutboxRow,
    SyncConflictRow,
)
from hcc_desktop.services.sync.accounts import ACCOUNT_CLASHES, ACCOUNT_KIND
from hcc_desktop.services.sync.client import SyncBase, load_credential
from hcc_desktop.services.sync.results import AccountClash, RejectedItem, SyncStatus
from hcc_desktop.services.sync.state import (
    LAST_ERROR,
    LAST_SYNC,
    PULL_SKIPPED,
    REJECTED,
    error_params,
    get_state,
)


class StatusMixin(SyncBase):
    # -- status -------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        """Where this device's sync stands: registration, last sync and error, pending
        changes, open conflicts, refused and skipped items, and whether to warn."""
        settings = self._settings.load()
        try:
            registered = bool(settings.server_url) and (
                load_credential(settings.device_id) is not None
            )
        except SyncError:
            registered = False
        now = self._clock()
        with self._db.read() as s:
            # The unit's records waiting; queued accounts are counted apart (SyncResult).
            records = OutboxRow.kind != ACCOUNT_KIND
            pending = int(s.scalar(select(func.count()).select_from(OutboxRow).where(records)) or 0)
            oldest = s.scalar(select(func.min(OutboxRow.created_at)).where(records))
            conflicts = int(
                s.scalar(
                    select(func.count())
                    .select_from(SyncConflictRow)
                    .where(SyncConflictRow.resolved_at.is_(None))
                )
                or 0
            )
            last_sync_raw = get_state(s, LAST_SYNC)
            error = get_state(s, LAST_ERROR)
            rejected = len(get_state(s, REJECTED, []))
            skipped = len(get_state(s, PULL_SKIPPED, []))
        last_sync = datetime.fromisoformat(last_sync_raw) if last_sync_raw else None
        days = (now.date() - last_sync.date()).days if last_sync else None
        # Unsynced since the last sync, or (never synced) since the oldest change.
        since = last_sync or (to_local(oldest) if oldest is not None else None)
        warn = (
            registered
            and since is not None
            and (pending > 0 or last_sync is not None)
            and (now - since).days > settings.sync_warn_days
        )
        return SyncStatus(
            registered=registered,
            server_url=settings.server_url,
            last_sync_at=last_sync,
            last_error=error.get("code") if error else None,
            last_error_at=datetime.fromisoformat(error["at"]) if error else None,
            pending=pending,
            open_conflicts=conflicts,
            rejected=rejected,
            days_since_sync=days,
            warn=bool(warn),
            skipped=skipped,
            last_error_params=error_params(error),
        )

    def rejected_items(self) -> list[RejectedItem]:
        """Items the server refused (newest last), kept for review."""
        with self._db.read() as s:
            entries = get_state(s, REJECTED, [])
        return [
            RejectedItem(
                kind=str(e.get("kind", "")),
                entity_id=str(e.get("entity_id", "")),
                code=str(e.get("code", "")),
                reason=str(e.get("reason", "")),
                detail=str(e.get("detail", "")),
                at=str(e.get("at", "")),
            )
            for e in entries
        ]

    def account_clashes(self) -> list[AccountClash]:
        """Officer accounts that did not travel (newest last): the administrator gives
        one of the two people another user name (docs/sync.md, "Accounts")."""
        with self._db.read() as s:
            entries = get_state(s, ACCOUNT_CLASHES, [])
        return [
            AccountClash(
                uid=str(e.get("id", "")),
                user_name=str(e.get("user_name", "")),
                reason=str(e.get("reason", "")),
                detail=str(e.get("detail", "")),
                at=str(e.get("at", "")),
                device_id=str(e.get("device_id", "")),
            )
            for e in entries
        ]
