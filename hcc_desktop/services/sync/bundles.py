"""Exporting the outbox as a sealed bundle file for a device without a network."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hcc_desktop.core.errors import SyncError
from hcc_desktop.services.sync.accounts import ACCOUNT_KIND, queue_accounts
from hcc_desktop.services.sync.client import load_credential
from hcc_desktop.services.sync.push import PushMixin
from hcc_desktop.services.sync.state import (
    LAST_EXPORT,
    set_state,
)


class BundlesMixin(PushMixin):
    # -- bundles --------------------------------------------------------------------------------

    def export_bundle(self, path: Path | str) -> int:
        """Write the pending outbox as a sealed bundle file (docs/sync.md) for
        ``server import-bundle``; the outbox stays as it is until an online
        sync confirms the items. Returns the number of the unit's records (the
        accounts it carries too are counted apart, as in ``SyncResult``)."""
        from hcc_desktop.core.formats.bundle import write_bundle

        try:
            return self._export_bundle(Path(path), write_bundle)
        except SyncError as exc:
            self._record_error(exc)
            raise

    def _export_bundle(self, path: Path, write_bundle: Callable[..., Any]) -> int:
        settings = self._settings.load()
        credential = load_credential(settings.device_id)
        if credential is None:
            raise SyncError("not_registered")
        with self._db.write() as s:
            # Accounts changed here travel in the bundle too (services/sync/accounts).
            queue_accounts(s)
        with self._db.read() as s:
            items, _seqs, _vanished, _snapshots = self._items(s, self._pending_rows(s, None))
        records = sum(1 for item in items if item["kind"] != ACCOUNT_KIND)
        batch: dict[str, Any] = {"batch_id": str(uuid.uuid4()), "items": items}
        # Signed like a push: the server checks a bundle's chain head the same way.
        batch.update(self._chain_signer()(batch["batch_id"], items))
        try:
            write_bundle(
                path,
                device_id=settings.device_id,
                bundle_key=credential.bundle_key,
                batch=batch,
            )
        except (OSError, ValueError) as exc:
            raise SyncError("bundle_write_failed", path=str(path), detail=str(exc)) from exc
        with self._db.write() as s:
            set_state(
                s,
                LAST_EXPORT,
                {
                    "at": self._clock().isoformat(timespec="seconds"),
                    "path": str(path),
                    "items": records,
                    "batch_id": batch["batch_id"],
                },
            )
        return records
