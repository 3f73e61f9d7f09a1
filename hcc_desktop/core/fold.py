"""A dossier's row must be what its events make it (issue 12 item 3, point 2).

One pure fold from a dossier's events to the lifecycle columns the events
decide, and a comparison naming every column that differs. Working-day
arithmetic stays in the service: the fold takes the due date the events
recorded (the receipt's ``due_at``, then each ``supplement_received``'s ``due_at``).

Columns folded: status, supplement_count, ended_at, returned_at, timeliness,
due_at (compared only when no end happened while waiting, since that move is
not recorded in the event data).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hcc_desktop.core.lifecycle import TERMINAL_EVENTS


@dataclass(frozen=True)
class FoldEvent:
    kind: str
    at: datetime
    to_status: int | None
    data: Mapping[str, Any] = field(default_factory=dict)
    order: int = 0  # tie-break for equal ``at`` (e.g. recorded_at as a number)


@dataclass
class Folded:
    status: int | None = None
    supplement_count: int = 0
    ended_at: datetime | None = None
    returned_at: datetime | None = None
    timeliness: str | None = None
    due_at: datetime | None = None
    due_at_known: bool = True
    waiting: bool = False


def fold(events: Iterable[FoldEvent], *, initial_due_at: datetime | None = None) -> Folded:
    """The lifecycle columns ``events`` produce, applied in (at, order) order."""
    out = Folded(due_at=initial_due_at)
    for event in sorted(events, key=lambda e: (e.at, e.order)):
        if event.to_status is not None:
            out.status = event.to_status
        if event.kind == "supplement_requested":
            out.supplement_count += 1
            out.waiting = True
        elif event.kind == "supplement_received":
            out.waiting = False
        if event.kind in ("received", "supplement_received"):
            due = event.data.get("due_at")
            if isinstance(due, str):
                out.due_at = datetime.fromisoformat(due)
        if event.kind == "returned":
            out.returned_at = event.at
        if event.kind in TERMINAL_EVENTS and out.ended_at is None:
            out.ended_at = event.at
            if out.waiting:
                out.due_at_known = False
            out.waiting = False
            verdict = event.data.get("timeliness")
            out.timeliness = verdict if isinstance(verdict, str) else None
    return out


def differences(folded: Folded, row: Mapping[str, Any]) -> list[str]:
    """Names of the row columns that disagree with the fold (empty: consistent)."""
    checks: list[tuple[str, Any]] = [
        ("status", folded.status),
        ("supplement_count", folded.supplement_count),
        ("ended_at", folded.ended_at),
        ("returned_at", folded.returned_at),
        ("timeliness", folded.timeliness),
    ]
    if folded.due_at_known and folded.due_at is not None:
        checks.append(("due_at", folded.due_at))
    return [name for name, value in checks if name in row and row[name] != value]
