"""Conflicts between this device's dossiers and the server's: list and settle."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import delete, select

from hcc_desktop.core.clock import to_local
from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import ConflictError, FieldError, NotFound, SyncError, ValidationError
from hcc_desktop.db.models import (
    OutboxRow,
    SyncConflictRow,
)
from hcc_desktop.services.dossiers.query import dossier_from_row
from hcc_desktop.services.session import guarded
from hcc_desktop.services.sync.client import SyncBase
from hcc_desktop.services.sync.outbox import enqueue
from hcc_desktop.services.sync.results import FieldDifference, SyncConflict
from hcc_desktop.services.sync.wire import (
    WireError,
    differences,
    dossier_to_wire,
    load_dossier,
    write_dossier,
)


class ConflictsMixin(SyncBase):
    # -- conflicts ------------------------------------------------------------------------------

    def conflicts(self) -> list[SyncConflict]:
        """Open conflicts, oldest first, with the fields that differ."""
        with self._db.read() as s:
            rows = list(
                s.scalars(
                    select(SyncConflictRow)
                    .where(SyncConflictRow.resolved_at.is_(None))
                    .order_by(SyncConflictRow.detected_at)
                )
            )
            found = []
            for row in rows:
                dossier = load_dossier(s, row.dossier_id)
                local = dossier_to_wire(dossier) if dossier else json.loads(row.local_json)
                server = json.loads(row.server_json)
                names = differences(local, server)
                found.append(
                    SyncConflict(
                        id=row.id,
                        dossier_id=row.dossier_id,
                        code=str(local.get("code") or server.get("code") or ""),
                        detected_at=to_local(row.detected_at),
                        server_rev=row.server_rev,
                        fields=tuple(names),
                        differences=tuple(
                            FieldDifference(n, local.get(n), server.get(n)) for n in names
                        ),
                    )
                )
            return found

    @guarded("sync.resolve_conflict")
    def resolve_conflict(self, conflict_id: str, keep: str) -> Dossier:
        """Settle a conflict: ``keep="local"`` pushes this device's version next
        (over the server's revision), ``keep="server"`` replaces the local
        dossier by the server's copy and drops its pending push."""
        if keep not in ("local", "server"):
            raise ValidationError([FieldError("keep", "invalid", {"value": keep})])
        with self._db.write() as s:
            conflict = s.get(SyncConflictRow, conflict_id)
            if conflict is None:
                raise NotFound("conflict_not_found", id=conflict_id)
            if conflict.resolved_at is not None:
                raise ConflictError("conflict_already_resolved", id=conflict_id)
            row = load_dossier(s, conflict.dossier_id)
            if row is None:
                raise NotFound("dossier_not_found", key=conflict.dossier_id)
            if keep == "local":
                row.server_rev = conflict.server_rev
                enqueue(s, "dossier", row.id)
            else:
                try:
                    row = write_dossier(
                        s, json.loads(conflict.server_json), rev=conflict.server_rev, existing=row
                    )
                except WireError as exc:
                    raise SyncError("server_rejected", reason="invalid_server_copy") from exc
                s.execute(
                    delete(OutboxRow).where(
                        OutboxRow.kind == "dossier", OutboxRow.entity_id == row.id
                    )
                )
            conflict.resolved_at = datetime.now(UTC)
            conflict.resolution = keep
            s.flush()
            return dossier_from_row(row)
