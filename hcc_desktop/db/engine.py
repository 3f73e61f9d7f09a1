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

BUSY_TIMEOUT_MS = 15_000


def _configure(engine: Engine, begin: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook own transaction boundaries (pysqlite's
        # implicit BEGIN would defer locking until the first write).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)


def make_engine(path: Path, *, write: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _configure(engine, "BEGIN IMMEDIATE" if write else "BEGIN")
    return engine


class Database:
    """The local store of one device: a SQLite file and its session factories."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.write_engine = make_engine(self.path, write=True)
        self.read_engine = make_engine(self.path, write=False)
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

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
