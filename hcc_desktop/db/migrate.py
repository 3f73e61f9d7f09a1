"""Alembic migrations applied at start-up, after a backup copy of the file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hcc_desktop.core.errors import StorageError
from hcc_desktop.db import cipher

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest revision. Alembic is imported only when a database needs
# migrating (it costs ~0.2 s of start-up); a test keeps this equal to
# Alembic's own head.
SCHEMA_HEAD = "0015_account_sync"


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Alembic's head, read from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path, *, key: bytes | None = None) -> str | None:
    """The revision stamped in the file; None for a missing or empty database."""
    if not path.exists():
        return None
    # Imported here: SCHEMA_HEAD is read at start-up before SQLAlchemy is (services/early.py).
    from hcc_desktop.db.files import open_store_file

    con = open_store_file(path, key=key)
    try:
        has_table = con.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def backup_copy(path: Path, tag: str, *, key: bytes | None = None) -> Path:
    """Consistent copy of a live SQLite file (WAL included) via the backup API; of an
    encrypted store, an encrypted copy with the same key (verified)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.name}.{stamp}.{tag}.bak")
    if key is not None:
        cipher.export_encrypted(path, target, key, source_key=key)
        return target
    from hcc_desktop.db.files import copy_store, open_store_file

    src = open_store_file(path)
    try:
        copy_store(src, target)
    finally:
        src.close()
    return target


def upgrade(path: Path, *, revision: str = "head", key: bytes | None = None) -> MigrationResult:
    """Bring the database at ``path`` to ``revision``, creating it if needed.

    An existing database that needs migrating is first copied next to itself
    (``<name>.<timestamp>.<old revision>.bak``), so a failed migration never
    costs the officer their data.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    before = current_revision(path, key=key)
    target = SCHEMA_HEAD if revision == "head" else revision
    backup: Path | None = None
    if before == target:
        return MigrationResult(before, target, None)
    if path.exists() and path.stat().st_size > 0:
        backup = backup_copy(path, before or "unversioned", key=key)
    from alembic import command

    from hcc_desktop.db.engine import make_engine

    engine = make_engine(path, write=False, key=key)
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
