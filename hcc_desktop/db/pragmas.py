"""How every connection to the store is set up, free of SQLAlchemy: the engines
(``db/engine.py``) apply it on connect, and the start-up's early read
(``services/early.py``) on its own connection before SQLAlchemy is imported."""

from __future__ import annotations

from typing import Any

BUSY_TIMEOUT_MS = 15_000
# The write connection's page cache (KiB). SQLite's default, 2 MB, is smaller than the
# indexes a first sync inserts into (UUID keys land on random pages): at 100,000 dossiers
# each pulled page re-read most of them from the file. Pages are only held once touched,
# so the counter's small writes keep it small; the read connections keep the default.
WRITE_CACHE_KIB = 32_768
READ_CACHE_KIB_ENCRYPTED = 32_768


def configure(dbapi_connection: Any, cache_kib: int | None = None) -> None:
    """WAL, ``synchronous=FULL``, foreign keys, the busy timeout and the page cache;
    transactions begun explicitly (pysqlite's implicit BEGIN would defer locking until
    the first write)."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    if cache_kib is not None:
        cursor.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
    cursor.close()
