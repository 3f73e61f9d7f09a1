"""The ONE place a store file (the live store, a backup, a restore candidate) is opened
outside SQLAlchemy, and the one way a store is copied.

When the store is encrypted (SQLCipher), ``open_store_file`` is where the key is
applied: every copy is then made by SQLite's online backup API between two
connections opened here, so source and destination share the key and a backup is
encrypted by the same means as the store, never by a scheme of our own.
"""

from __future__ import annotations

import functools
import os
import sqlite3
from pathlib import Path
from typing import Any

from hcc_desktop.db.engine import BUSY_TIMEOUT_MS

FILE_MODE = 0o600


def open_store_file(
    path: Path, *, read_only: bool = False, key: bytes | None = None
) -> sqlite3.Connection:
    """A connection to a store file, in autocommit mode (transactions are begun
    explicitly), with the app's pragmas. ``read_only`` never creates the file. With
    ``key``, the SQLCipher-encrypted store (``db/cipher.py``), the key proved."""
    connect: Any = sqlite3.connect
    if key is not None:
        from hcc_desktop.db import cipher

        connect = functools.partial(cipher.connect, key=key)
    if read_only:
        con = connect(
            f"file:{Path(path).as_posix()}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
        )
    else:
        con = connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    con.execute("PRAGMA foreign_keys = ON")
    return con


def create_private_file(path: Path) -> None:
    """An empty file only its owner can read (a store copy is citizens' data)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(fd)


def copy_store(source: sqlite3.Connection, target: Path, *, key: bytes | None = None) -> None:
    """Copy the store behind ``source`` into the new file ``target`` (0600) with SQLite's
    online backup API: a consistent snapshot (the WAL included) taken while others keep
    writing. If ``source`` is inside a read transaction the copy is that transaction's
    snapshot. The copy is left in rollback-journal mode: one self-contained file,
    readable from a read-only medium."""
    create_private_file(target)
    dst = open_store_file(target, key=key)
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
