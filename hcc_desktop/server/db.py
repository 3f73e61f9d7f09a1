"""Engines, transactions and migrations of the server's database.

PostgreSQL (``postgresql+psycopg://…``) for a province, SQLite
(``sqlite:///path``) for a single ward. Writers are serialised: on PostgreSQL
every write transaction first takes one transaction-scoped advisory lock, on
SQLite ``BEGIN IMMEDIATE`` takes the database's single write lock. Readers of
``GET /changes`` read one snapshot (REPEATABLE READ on PostgreSQL, a WAL read
transaction on SQLite). Why both matter: see ``store.py``.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hcc_desktop.core.errors import StorageError
from hcc_desktop.core.formats import wire_json

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Newest migration; checked without importing Alembic (a test keeps it equal
# to Alembic's head).
SCHEMA_HEAD = "s0015_accounts"

# Keys of pg_advisory_xact_lock: an arbitrary constant pair unlikely to clash
# with another application sharing the cluster.
WRITE_LOCK_KEY = 0x4843_4331  # "HCC1"
MIGRATE_LOCK_KEY = 0x4843_4332
BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` (psycopg 3 is the installed driver) and ``sqlite:///path``."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError("database_url_invalid", url=url) from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        if parsed.drivername in ("postgresql", "postgres"):
            parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise StorageError("database_url_invalid", url=url, reason="sqlite needs a file")
    else:
        raise StorageError("database_url_invalid", url=url, reason="postgresql or sqlite only")
    return parsed.render_as_string(hide_password=False)


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        json_deserializer=wire_json.loads,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy's "begin" hook owns transaction boundaries (pysqlite's
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

    return engine


class ServerDatabase:
    """The server's store: session factories for serialised writes and snapshot reads."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        parsed = make_url(self.url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "sqlite":
            assert parsed.database is not None
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            self.write_engine = _sqlite_engine(self.url, "BEGIN IMMEDIATE")
            self.read_engine = _sqlite_engine(self.url, "BEGIN")
        else:
            self.write_engine = create_engine(
                self.url,
                pool_pre_ping=True,
                pool_size=5,
                max_overflow=10,
                # Stored documents are decoded by orjson: a page of changes is
                # a thousand of them.
                json_deserializer=wire_json.loads,
            )
            self.read_engine = self.write_engine.execution_options(
                isolation_level="REPEATABLE READ"
            )
        self._write = sessionmaker(self.write_engine, expire_on_commit=False)
        self._read = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    @contextmanager
    def write(self, *, serialise: bool = True) -> Iterator[Session]:
        """One write transaction, committed on normal exit.

        ``serialise`` (PostgreSQL): take the writers' lock first. Every write that
        assigns revisions must; bookkeeping such as ``last_seen_at`` need not.
        SQLite always serialises (BEGIN IMMEDIATE).
        """
        with self._write.begin() as session:
            if serialise and self.is_postgresql:
                session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One consistent snapshot for every statement inside."""
        with self._read.begin() as session:
            yield session

    def upgrade(self) -> str | None:
        """Apply the server's migrations; returns the revision found before (None: empty)."""
        try:
            return _upgrade(self.write_engine, self.is_postgresql)
        except StorageError:
            raise
        except SQLAlchemyError as exc:
            raise StorageError("database_unavailable", detail=str(exc).splitlines()[0]) from exc

    def dispose(self) -> None:
        self.write_engine.dispose()
        if self.read_engine is not self.write_engine:
            self.read_engine.dispose()


def _stamped_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _upgrade(engine: Engine, postgresql: bool) -> str | None:
    with engine.begin() as conn:
        if postgresql:
            # Two server processes starting at once must not both migrate.
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATE_LOCK_KEY})
        before = _stamped_revision(conn)
        if before == SCHEMA_HEAD:
            return before
        from alembic import command
        from alembic.util import CommandError

        config = alembic_config()
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            # e.g. a revision stamped that is not ours: not a server database.
            raise StorageError("migration_failed", detail=str(exc)) from exc
        log.info("server database migrated from %s to %s", before, SCHEMA_HEAD)
        return before


__all__ = ["SCHEMA_HEAD", "ServerDatabase", "head_revision", "normalise_url"]
