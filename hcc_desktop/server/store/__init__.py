"""The sync server's transactional logic (docs/sync.md), free of HTTP.

Revisions and cursors
---------------------
Every stored change gets ``rev`` from one server-wide monotonic counter (a
PostgreSQL SEQUENCE, a counter row on SQLite). A device pulls "everything of
my unit with rev > cursor" and then stores the page's cursor. That is only
safe if no revision lower than a cursor handed out can still appear later.
With concurrent writers it could: writer A takes rev 7, writer B takes rev 8
and commits first, a reader sees 8 and moves its cursor to 8, then A commits
7, which that reader never pulls. So writers are serialised for their whole
transaction (``ServerDatabase.write``: ``pg_advisory_xact_lock`` taken before
any revision is drawn; ``BEGIN IMMEDIATE`` on SQLite), and a writer only
draws revisions while holding the lock. Commits therefore become visible in
revision order, every snapshot sees a prefix of the revisions, and a reader
reads one snapshot (REPEATABLE READ), so the highest revision it sees is a
safe cursor. PostgreSQL releases transaction locks after the commit is
visible, so the next writer's revisions are always above everything a reader
can already see. A rolled-back writer leaves a gap, which is harmless.

The volume (tens of dossiers per ward per day) is far below what one writer
at a time can absorb, so the global lock costs nothing that matters.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import text

from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store.chain import UnitChainFinding, UnitChainMixin
from hcc_desktop.server.store.changes import ChangesMixin
from hcc_desktop.server.store.common import (
    DEFAULT_PAGE,
    HTTP_STATUS,
    MAX_BATCH_ITEMS,
    MAX_PAGE,
    PROVINCE_CODE,
    UNIT_CODE,
    BatchOutcome,
    ChangesPage,
    DeviceIdentity,
    DeviceInfo,
    EnrolmentTicket,
    ImportOutcome,
    PublishOutcome,
    Registration,
    bearer_digest,
    error_detail,
    sha256_hex,
    utc_now,
)
from hcc_desktop.server.store.publish import PublishMixin, validate_unit_settings
from hcc_desktop.server.store.push import PushMixin, parse_push_request


class SyncStore(PublishMixin, PushMixin, ChangesMixin, UnitChainMixin):
    """Everything the server does, one transaction per public method."""

    def __init__(self, db: ServerDatabase, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    def ping(self) -> None:
        with self.db.read() as s:
            s.execute(text("SELECT 1"))


__all__ = [
    "DEFAULT_PAGE",
    "HTTP_STATUS",
    "MAX_BATCH_ITEMS",
    "MAX_PAGE",
    "PROVINCE_CODE",
    "UNIT_CODE",
    "BatchOutcome",
    "ChangesPage",
    "DeviceIdentity",
    "DeviceInfo",
    "EnrolmentTicket",
    "ImportOutcome",
    "PublishOutcome",
    "Registration",
    "SyncStore",
    "UnitChainFinding",
    "bearer_digest",
    "error_detail",
    "parse_push_request",
    "sha256_hex",
    "utc_now",
    "validate_unit_settings",
]
