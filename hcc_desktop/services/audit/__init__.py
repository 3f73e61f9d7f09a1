"""Audit of the store (issue 12 item 3): is each dossier's row what its events make it?

Read-only. Folds each dossier's events (core/fold.py) and compares the result
with the row's lifecycle columns. This part needs no schema change; the hash
chain over the events (core/chain.py) is checked here once the events carry
``prev_hash``/``hash`` (not yet stored: see the helper's report).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from hcc_desktop.core.fold import FoldEvent, differences, fold
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierEventRow, DossierRow


@dataclass(frozen=True)
class AuditFinding:
    """One broken link: the dossier, what is wrong, which columns or event."""

    dossier_id: str
    code: str
    kind: str  # "row_differs" | "no_events"
    columns: tuple[str, ...] = ()


def verify_store(db: Database) -> list[AuditFinding]:
    """Every finding, dossiers in code order (the first is the one to print)."""
    findings: list[AuditFinding] = []
    with db.read() as s:
        events: dict[str, list[FoldEvent]] = {}
        query = select(DossierEventRow).order_by(DossierEventRow.recorded_at, DossierEventRow.id)
        for i, e in enumerate(s.scalars(query)):
            try:
                data = json.loads(e.data_json)
            except ValueError:
                data = {}
            events.setdefault(e.dossier_id, []).append(
                FoldEvent(e.kind, e.at, e.to_status, data if isinstance(data, dict) else {}, i)
            )
        for row in s.scalars(select(DossierRow).order_by(DossierRow.code)):
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
    return findings
