"""What a store file holds: integrity, schema revision, row counts (read-only checks)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hcc_desktop.db.files import open_store_file


def table_counts(con: sqlite3.Connection) -> dict[str, int]:
    """Row count of every table of the store (in the connection's transaction, if any)."""
    names = [
        row[0]
        for row in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: int(con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names
    }


def revision_of(con: sqlite3.Connection) -> str | None:
    has = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if not has:
        return None
    row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def integrity_problem(con: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else its first complaint."""
    rows = con.execute("PRAGMA integrity_check").fetchall()
    if len(rows) == 1 and rows[0][0] == "ok":
        return None
    return str(rows[0][0]) if rows else "no answer"


def inspect_file(
    path: Path, *, key: bytes | None = None
) -> tuple[str | None, str | None, dict[str, int]]:
    """(integrity problem, revision, counts) of a store file, opened read-only."""
    con = open_store_file(path, read_only=True, key=key)
    try:
        problem = integrity_problem(con)
        if problem is not None:
            return problem, None, {}
        return None, revision_of(con), table_counts(con)
    finally:
        con.close()
