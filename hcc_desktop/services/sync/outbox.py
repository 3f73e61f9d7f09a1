"""The sync outbox: every local change is queued in the transaction that makes it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

KINDS = (
    "dossier",
    "event",
    "rating",
    "complaint",
    "field_session",
    "home_resident",
    "home_visit",
    "access",
    # Officer accounts (issue 12): queued by the sync itself (services/sync/accounts).
    "account",
)
# Records that change after they are made: the newest ``version`` wins.
VERSIONED_KINDS = ("complaint", "field_session", "home_resident", "home_visit", "account")


def enqueue(s: Session, kind: str, entity_id: str) -> None:
    """Queue ``entity_id`` for the next push, inside the caller's transaction.

    A dossier changed several times before a sync is queued once: the push
    sends its latest snapshot. The entry keeps its original place in line.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    s.execute(
        text(
            "INSERT INTO outbox (kind, entity_id, created_at) VALUES (:k, :e, :t) "
            "ON CONFLICT (kind, entity_id) DO NOTHING"
        ),
        {"k": kind, "e": entity_id, "t": datetime.now(UTC)},
    )


def pending_count(s: Session) -> int:
    return int(s.execute(text("SELECT count(*) FROM outbox")).scalar_one())
