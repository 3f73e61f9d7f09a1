"""Engine and session factories for the local SQLite store.

Two engines share one file: writes begin with ``BEGIN IMMEDIATE`` so that two
writers (two windows, the CLI and the app) queue on the busy timeout instead of
failing on a lock upgrade; reads begin a deferred transaction and, in WAL mode,
never block writers. ``synchronous=FULL`` makes a commit survive a power cut:
a dossier acknowledged to the officer is on disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

# The connections' settings live in db/pragmas.py (the start-up's early read uses them
# before SQLAlchemy is imported); re-exported here for the modules that import them.
from hcc_desktop.db.pragmas import (
    BUSY_TIMEOUT_MS,
    READ_CACHE_KIB_ENCRYPTED,
    WRITE_CACHE_KIB,
    configure,
)

__all__ = [
    "BUSY_TIMEOUT_MS",
    "READ_CACHE_KIB_ENCRYPTED",
    "WRITE_CACHE_KIB",
    "Database",
    "make_engine",
]


def _configure(engine: Engine, begin: str, cache_kib: int | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook own transaction boundaries.
        configure(dbapi_connection, cache_kib)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_engine(path: Path, *, write: bool = True, key: bytes | None = None) -> Engine:
    """An engine over the store at ``path``; with ``key``, the SQLCipher-encrypted store
    (db/cipher.py): each new connection is keyed and the key proved before use."""
    connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
    if key is None:
        engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args=connect_args)
    else:
        from hcc_desktop.db import cipher

        def creator() -> Any:
            return cipher.connect(path, key, **connect_args)

        # The pysqlite dialect over sqlcipher3 (the same DB-API as sqlite3): SQLAlchemy's
        # own pysqlcipher dialect would derive the key from a passphrase on every connect.
        # The URL names no file, which would make SQLAlchemy treat it as ":memory:" and
        # share ONE connection per thread (SingletonThreadPool): a nested read inside a
        # read would then BEGIN twice. A file store gets the QueuePool, as with a path.
        engine = create_engine(
            "sqlite+pysqlite://", module=cipher.dbapi(), creator=creator, poolclass=QueuePool
        )
    if write:
        _configure(engine, "BEGIN IMMEDIATE", WRITE_CACHE_KIB)
    elif key is not None:
        # Encrypted: every page read from the file is decrypted and its HMAC checked, so
        # a page kept in SQLite's cache saves far more than with a plain file (which the
        # OS cache serves). Pages are held only once read (docs/benchmarks.md).
        _configure(engine, "BEGIN", READ_CACHE_KIB_ENCRYPTED)
    else:
        _configure(engine, "BEGIN")
    return engine


class Database:
    """The local store of one device: a SQLite file and its session factories."""

    def __init__(self, path: Path, *, key: bytes | None = None) -> None:
        self.path = Path(path)
        self.encrypted = key is not None
        self._key = key
        self.write_engine = make_engine(self.path, write=True, key=key)
        self.read_engine = make_engine(self.path, write=False, key=key)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def key(self) -> bytes | None:
        """The store's SQLCipher key (None: a plain store), for copies of the store that
        must be encrypted by the same means (backups)."""
        return self._key

    def derived_key(self, purpose: bytes) -> bytes | None:
        """A 256-bit key for ``purpose`` (HKDF-SHA256 of the store key), for what is
        encrypted beside the store (attachments); None for a plain store."""
        if self._key is None:
            return None
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(self._key)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed on normal exit, rolled back on error."""
        with self._write.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read.begin() as session:
            yield session

    @staticmethod
    def cursor(session: Session) -> sqlite3.Cursor:
        """A cursor of the session's own sqlite3 connection, in its transaction: for
        the hot lists, which run SQL prepared once and map rows themselves."""
        fairy = session.connection().connection
        driver: sqlite3.Connection = fairy.dbapi_connection  # type: ignore[assignment]
        return driver.cursor()

    def dispose(self) -> None:
        self.write_engine.dispose()
        self.read_engine.dispose()
