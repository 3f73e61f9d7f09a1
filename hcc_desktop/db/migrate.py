"""Alembic migrations applied at start-up, after a backup copy of the file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from hcc_desktop.db.engine import make_engine
from hcc_desktop.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    if not path.exists():
        return None
    engine = make_engine(path, write=False)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def backup_copy(path: Path, tag: str) -> Path:
    """Consistent copy of a live SQLite file (WAL included) via the backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.{stamp}.{tag}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(path: Path, *, revision: str = "head") -> MigrationResult:
    """Bring the database at ``path`` to ``revision``, creating it if needed.

    An existing database that needs migrating is first copied next to itself
    (``<name>.<timestamp>.<old revision>.bak``), so a failed migration never
    costs the officer their data.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    before = current_revision(path)
    target = head_revision() if revision == "head" else revision
    backup: Path | None = None
    if before == target:
        return MigrationResult(before, target, None)
    if path.exists() and path.stat().st_size > 0:
        backup = backup_copy(path, before or "unversioned")
    engine = make_engine(path, write=False)
    try:
        with engine.begin() as conn:
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
    except Exception as exc:  # pragma: no cover - depends on a broken file
        raise StorageError("migration_failed", path=str(path), detail=str(exc)) from exc
    finally:
        engine.dispose()
    return MigrationResult(before, target, backup)
