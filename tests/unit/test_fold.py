"""The pure fold events -> dossier lifecycle columns (issue 12 item 3, point 2)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from hcc_desktop.core.fold import FoldEvent, differences, fold
from hcc_desktop.db.models import DossierEventRow, DossierRow
from hcc_desktop.services import Services
from hcc_desktop.services.demo import generate
from tests.conftest import NOW

T0 = datetime(2026, 12, 1, 8, 0)
DUE = datetime(2026, 12, 4, 17, 0)


def _events() -> list[FoldEvent]:
    return [
        FoldEvent("received", T0, 2),
        FoldEvent("supplement_requested", T0 + timedelta(hours=1), 5),
        FoldEvent(
            "supplement_received",
            T0 + timedelta(days=1),
            2,
            {"due_at": (DUE + timedelta(days=1)).isoformat()},
        ),
        FoldEvent("processed", T0 + timedelta(days=2), 9, {"timeliness": "early"}),
        FoldEvent("returned", T0 + timedelta(days=3), 10),
    ]


def _row() -> dict[str, object]:
    return {
        "status": 10,
        "supplement_count": 1,
        "ended_at": T0 + timedelta(days=2),
        "returned_at": T0 + timedelta(days=3),
        "timeliness": "early",
        "due_at": DUE + timedelta(days=1),
    }


def test_fold_matches_the_row_the_lifecycle_writes() -> None:
    folded = fold(reversed(_events()), initial_due_at=DUE)
    assert differences(folded, _row()) == []


def test_status_edited_to_10_is_named() -> None:
    folded = fold(_events()[:4], initial_due_at=DUE)
    row = {**_row(), "returned_at": None}
    assert differences(folded, row) == ["status"]


def test_dropped_supplement_request_is_named() -> None:
    events = [e for e in _events() if e.kind != "supplement_requested"]
    assert "supplement_count" in differences(fold(events, initial_due_at=DUE), _row())


def test_end_while_waiting_skips_due_at() -> None:
    events = [*_events()[:2], FoldEvent("withdrawn", T0 + timedelta(days=1), 7)]
    folded = fold(events, initial_due_at=DUE)
    assert folded.status == 7
    assert not folded.due_at_known
    assert differences(folded, {"status": 7, "due_at": DUE + timedelta(days=9)}) == []


def test_demo_store_rows_are_what_their_events_make_them(services: Services) -> None:
    generate(services, count=60, end_day=NOW.date(), now=NOW)
    with services.db.read() as s:
        rows = {r.id: r for r in s.scalars(select(DossierRow))}
        events: dict[str, list[FoldEvent]] = {}
        for i, e in enumerate(
            s.scalars(select(DossierEventRow).order_by(DossierEventRow.recorded_at))
        ):
            events.setdefault(e.dossier_id, []).append(
                FoldEvent(e.kind, e.at, e.to_status, json.loads(e.data_json), i)
            )
        assert rows
        for dossier_id, row in rows.items():
            columns = {
                "status": row.status,
                "supplement_count": row.supplement_count,
                "ended_at": row.ended_at,
                "returned_at": row.returned_at,
                "timeliness": row.timeliness,
                "due_at": row.due_at,
            }
            assert differences(fold(events[dossier_id]), columns) == [], row.code
