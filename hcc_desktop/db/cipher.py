"""The store encrypted at rest with SQLCipher (issue 12; the choice: docs/benchmarks.md).

The key is 32 random bytes handed to SQLCipher as a raw key (``PRAGMA key = "x'…'"``):
no passphrase derivation on each connection, so opening costs what a plain open costs.
This module knows files and keys, never where a key is kept (services/encryption).

- ``connect`` opens a file with a key and proves the key before anything is written;
- ``export_encrypted`` copies a store (plain or encrypted) into a new encrypted file,
  verified: the API the backups build on ("copy this store encrypted to a file");
- ``open_copy`` opens such a copy (a backup) read-only with its key;
- ``encrypt_in_place`` migrates a plain store once, crash-safe at every step.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from hcc_desktop.core.errors import StorageError, StoreKeyError
from hcc_desktop.core.paths import fsync_dir, private_file, secure_remove

KEY_BYTES = 32
PLAIN_HEADER = b"SQLite format 3\x00"
# The encrypted copy being written, and the plain original kept as the backup until
# the encrypted store has replaced it.
ENCRYPTING_SUFFIX = ".encrypting"
PLAIN_BACKUP_SUFFIX = ".plain.bak"
# The names SQLite gives a database's side files.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

DbapiConnection = Any  # sqlcipher3's Connection (the pysqlite API)


def dbapi() -> Any:
    """The DB-API module of encrypted stores (for SQLAlchemy's ``module=``)."""
    return sqlcipher


def is_plain(path: Path) -> bool:
    """Whether ``path`` is an existing, non-empty, unencrypted SQLite file."""
    try:
        with open(path, "rb") as f:
            return f.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is a non-empty file that is not plain SQLite (an encrypted store)."""
    try:
        return path.stat().st_size > 0 and not is_plain(path)
    except FileNotFoundError:
        return False


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(con: DbapiConnection, key: bytes, path: Path) -> None:
    """Key a fresh connection and prove the key (SQLCipher only notices a wrong key
    on the first read): raise ``StoreKeyError("key_wrong")`` before any write."""
    con.execute(key_pragma(key))
    # The memory wiping costs ~10 % on every page; the key stays in the process anyway.
    con.execute("PRAGMA cipher_memory_security = OFF")
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise StoreKeyError("key_wrong", path=str(path)) from exc


def connect(path: Path, key: bytes, **kwargs: Any) -> DbapiConnection:
    """A sqlcipher3 connection to ``path`` opened with ``key`` (proved)."""
    con = sqlcipher.connect(str(path), **kwargs)
    try:
        apply_key(con, key, path)
    except BaseException:
        con.close()
        raise
    return con


def _tables(con: DbapiConnection, schema: str = "main") -> list[str]:
    rows = con.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    return [r[0] for r in rows]


def _counts(con: DbapiConnection, schema: str = "main") -> dict[str, int]:
    # FTS5 shadow tables are counted too: they are ordinary tables.
    out: dict[str, int] = {}
    for name in _tables(con, schema):
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            out[name] = int(con.execute(f"SELECT count(*) FROM {schema}.{quoted}").fetchone()[0])
        except sqlcipher.OperationalError:
            # A virtual table whose module is not loaded cannot be counted; its
            # shadow tables carry its rows and are compared instead.
            continue
    return out


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def export_encrypted(
    source: Path, target: Path, key: bytes, *, source_key: bytes | None = None
) -> dict[str, int]:
    """Copy the store at ``source`` (plain, or encrypted with ``source_key``) into a new
    file ``target`` encrypted with ``key``, verify it (integrity check and the row count
    of every table) and flush it to the disk. Returns the row counts.

    ``target`` must not exist. On any failure it is removed and the source is untouched.
    """
    if target.exists():
        raise FileExistsError(str(target))
    src = sqlcipher.connect(str(source), isolation_level=None)
    try:
        if source_key is not None:
            apply_key(src, source_key, source)
        src.execute("BEGIN")  # one snapshot for the export and the counts
        expected = _counts(src)
        version = int(src.execute("PRAGMA user_version").fetchone()[0])
        src.execute("ATTACH DATABASE ? AS encrypted KEY \"x'" + key.hex() + "'\"", (str(target),))
        try:
            src.execute("PRAGMA encrypted.cipher_memory_security = OFF")
            src.execute("SELECT sqlcipher_export('encrypted')")
            src.execute(f"PRAGMA encrypted.user_version = {version}")
            src.execute("COMMIT")
        finally:
            src.execute("DETACH DATABASE encrypted")
    except BaseException:
        src.close()
        _remove_with_sides(target)
        raise
    src.close()
    try:
        private_file(target)
        verify_copy(target, key, expected)
        _fsync_file(target)
        fsync_dir(target.parent)
    except BaseException:
        _remove_with_sides(target)
        raise
    return expected


def verify_copy(path: Path, key: bytes, expected: dict[str, int]) -> None:
    """Raise ``StorageError("encryption_failed")`` unless the encrypted file at ``path``
    passes SQLite's integrity check and holds exactly ``expected`` rows per table."""
    con = connect(path, key)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise StorageError("encryption_failed", path=str(path), detail="; ".join(result[:5]))
        got = _counts(con)
        if got != expected:
            diff = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
            raise StorageError(
                "encryption_failed", path=str(path), detail="row counts differ: " + ", ".join(diff)
            )
    finally:
        con.close()


def open_copy(path: Path, key: bytes) -> DbapiConnection:
    """Open an encrypted copy of a store (a backup) read-only with its key."""
    con = sqlcipher.connect(f"file:{path}?mode=ro", uri=True)
    try:
        apply_key(con, key, path)
    except BaseException:
        con.close()
        raise
    return con


def _remove_with_sides(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _checkpoint_plain(path: Path) -> None:
    """Fold the plain store's WAL into its main file and let SQLite delete the WAL."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA busy_timeout = 15000")
        row = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if row is not None and row[0] != 0:
            raise StorageError("encryption_failed", path=str(path), detail="the database is in use")
        # DELETE mode on the way out: the file stands alone, with no WAL to forget.
        con.execute("PRAGMA journal_mode = DELETE")
    finally:
        con.close()


Step = Callable[[str], None]


def _no_step(_name: str) -> None:
    return None


def encrypt_in_place(path: Path, key: bytes, *, step: Step = _no_step) -> dict[str, int]:
    """Migrate the plain store at ``path`` to an encrypted one with ``key``, once.

    Crash-safe: at every point either the plain store or the encrypted one is at
    ``path`` and opens (tests/unit/test_cipher.py kills a child between the steps).

    1. checkpoint the WAL into the plain file (``checkpointed``);
    2. export into ``<path>.encrypting`` and verify it (``exported``);
    3. keep the plain file as the backup ``<path>.plain.bak`` (a hard link, ``backed_up``);
    4. swap: rename the encrypted copy over ``path`` (``swapped``);
    5. securely remove the plain backup and the plain side files (``removed``).

    ``step`` is called after each step (tests); ``finish_pending`` completes a migration
    interrupted after the swap.
    """
    encrypting = path.with_name(path.name + ENCRYPTING_SUFFIX)
    backup = path.with_name(path.name + PLAIN_BACKUP_SUFFIX)
    # A copy left by an interrupted run is incomplete or unverified: start again.
    _remove_with_sides(encrypting)
    _checkpoint_plain(path)
    step("checkpointed")
    try:
        counts = export_encrypted(path, encrypting, key)
    except StorageError:
        raise
    except Exception as exc:
        raise StorageError("encryption_failed", path=str(path), detail=str(exc)) from exc
    step("exported")
    with contextlib.suppress(FileNotFoundError):
        backup.unlink()  # a stale backup of an earlier interrupted run (same plain data)
    os.link(path, backup)
    fsync_dir(path.parent)
    step("backed_up")
    # No plain side file may survive next to the encrypted store: SQLite would read a
    # plain WAL as the encrypted store's. The checkpoint left none; make sure.
    for suffix in SIDE_SUFFIXES:
        secure_remove(path.with_name(path.name + suffix))
    os.replace(encrypting, path)
    fsync_dir(path.parent)
    step("swapped")
    finish_pending(path)
    step("removed")
    return counts


def encrypt_plain_backups(path: Path, key: bytes) -> list[Path]:
    """Encrypt, with the store's key, the plain backup copies an older version left next
    to the store (``<name>.<stamp>.<revision>.bak``, db/migrate.py), and securely remove
    their plain bytes. Each is replaced atomically: a crash leaves it plain or encrypted.
    Returns the backups encrypted."""
    done: list[Path] = []
    for wipe in path.parent.glob(path.name + ".*.bak.wipe"):  # an interrupted run's
        backup = wipe.with_name(wipe.name.removesuffix(".wipe"))
        if is_plain(backup):
            wipe.unlink()  # the same plain inode as the backup, handled below
        else:
            secure_remove(wipe)
    for backup in sorted(path.parent.glob(path.name + ".*.bak")):
        if backup.name.endswith(PLAIN_BACKUP_SUFFIX) or not is_plain(backup):
            continue
        sealed = backup.with_name(backup.name + ENCRYPTING_SUFFIX)
        wipe = backup.with_name(backup.name + ".wipe")
        _remove_with_sides(sealed)
        with contextlib.suppress(FileNotFoundError):
            wipe.unlink()
        export_encrypted(backup, sealed, key)
        os.link(backup, wipe)  # keeps the plain inode reachable, to overwrite it
        os.replace(sealed, backup)
        fsync_dir(path.parent)
        secure_remove(wipe)
        done.append(backup)
    return done


def finish_pending(path: Path) -> None:
    """Complete a migration interrupted after its swap: securely remove the plain backup
    (only once the store at ``path`` is the encrypted one) and a stale encrypting copy."""
    backup = path.with_name(path.name + PLAIN_BACKUP_SUFFIX)
    if backup.exists() and is_encrypted(path):
        secure_remove(backup)
    if is_encrypted(path):
        _remove_with_sides(path.with_name(path.name + ENCRYPTING_SUFFIX))


__all__ = [
    "KEY_BYTES",
    "apply_key",
    "connect",
    "dbapi",
    "encrypt_in_place",
    "encrypt_plain_backups",
    "export_encrypted",
    "finish_pending",
    "is_encrypted",
    "is_plain",
    "key_pragma",
    "open_copy",
    "verify_copy",
]
