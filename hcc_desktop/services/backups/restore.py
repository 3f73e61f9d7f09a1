"""Verify a backup and restore it in place of the store.

Everything is checked on a private copy of the backup beside the store before
anything is replaced: the file's SHA-256 against its manifest, ``PRAGMA
integrity_check``, every table's row count, a schema revision this version
knows (an older one is migrated on the copy), and ``audit verify`` of the hash
chains. Only then is the current store kept as a safety copy and the verified
copy renamed over it. The store must not be open elsewhere (the app closed):
restore is a command-line action (see README, "Backups").
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hcc_desktop.core.errors import BackupError, StoreKeyError
from hcc_desktop.db import cipher
from hcc_desktop.db.engine import Database
from hcc_desktop.db.files import (
    copy_store,
    create_private_file,
    fsync_dir,
    fsync_file,
    open_store_file,
)
from hcc_desktop.db.migrate import SCHEMA_HEAD, upgrade
from hcc_desktop.services.backups.check import inspect_file
from hcc_desktop.services.backups.manifest import (
    BackupInfo,
    manifest_path,
    read_manifest,
    sha256_of,
)
from hcc_desktop.services.encryption import keys

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: the backup, the store replaced and its safety copy."""

    backup: BackupInfo
    store: Path
    safety_copy: Path | None
    migrated_from: str | None  # the backup's revision when it was older than the app's


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from hcc_desktop.db.migrate import alembic_config

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _copy_private(source: Path, target: Path) -> None:
    create_private_file(target)
    with open(source, "rb") as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    fsync_file(target)


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove_with_side_files(path: Path) -> None:
    for p in (path, *(_side(path, s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


# Who restores: (user name, password) of an administrator of the backup.
Restorer = tuple[str, str]


def _check_restorer(db: Database, restorer: Restorer) -> None:
    """The restorer must be an administrator of the backup being restored (the store
    in place may be the damaged one, and the backup's accounts are those that will
    be in force): ``AuthError`` for a wrong pair or a locked account,
    ``PermissionDenied`` for another role. Their failed attempts count on the copy
    only, which is thrown away when they fail."""
    from hcc_desktop.core.accounts import Permission
    from hcc_desktop.services.accounts import AccountService
    from hcc_desktop.services.session import OfficerSession
    from hcc_desktop.services.settings import SettingsService

    session = OfficerSession()
    accounts = AccountService(db, settings=SettingsService(db), session=session)
    accounts.authenticate(*restorer)
    session.require(Permission.SETTINGS)


def prepare(
    backup: Path,
    work: Path,
    *,
    key: bytes | None = None,
    restorer: Restorer | None = None,
) -> tuple[BackupInfo, str | None]:
    """Copy ``backup`` to ``work`` and verify the copy; migrate it to the app's schema
    if older; with ``restorer``, check they are an administrator of the backup.
    Returns the manifest and the revision migrated from (None: current).
    Raises BackupError naming the first check that failed; ``work`` is then removed."""
    from hcc_desktop.services.audit import verify_store

    backup = Path(backup)
    if not backup.is_file():
        raise BackupError("backup_not_found", path=str(backup))
    info = read_manifest(backup)
    if info is None:
        raise BackupError(
            "backup_manifest_missing", path=str(backup), manifest=manifest_path(backup).name
        )
    _remove_with_side_files(work)
    try:
        _copy_private(backup, work)
        if sha256_of(work) != info.sha256:
            raise BackupError("backup_hash_mismatch", path=str(backup))
        try:
            problem, revision, counts = inspect_file(work, key=key)
        except (sqlite3.Error, cipher.dbapi().Error) as exc:  # "not a database", "malformed"
            raise BackupError("backup_corrupt", path=str(backup), detail=str(exc)) from exc
        except StoreKeyError as exc:  # the store's key does not open it: damaged page 1
            raise BackupError("backup_corrupt", path=str(backup), detail=exc.code) from exc
        if problem is not None or revision is None:
            detail = problem or "no schema version"
            raise BackupError("backup_corrupt", path=str(backup), detail=detail)
        if revision not in known_revisions():
            raise BackupError("backup_schema_newer", path=str(backup), revision=revision)
        if revision != info.schema_revision:
            raise BackupError("backup_counts_differ", path=str(backup), table="alembic_version")
        for table in sorted(set(counts) | set(info.counts)):
            if counts.get(table) != info.counts.get(table):
                raise BackupError("backup_counts_differ", path=str(backup), table=table)
        migrated_from: str | None = None
        if revision != SCHEMA_HEAD:
            result = upgrade(work, key=key)
            migrated_from = revision
            if result.backup is not None:
                _remove_with_side_files(result.backup)
        db = Database(work, key=key)
        try:
            from hcc_desktop.services.settings import SettingsService

            device_id = SettingsService(db).load().device_id or None
            findings = verify_store(db, device_id)
            if findings:
                f = findings[0]
                raise BackupError("backup_audit_failed", path=str(backup), code=f.code, kind=f.kind)
            if restorer is not None:
                _check_restorer(db, restorer)
        finally:
            db.dispose()
        # One self-contained file again (the engine left it in WAL mode).
        con = open_store_file(work, key=key)
        try:
            con.execute("PRAGMA journal_mode = DELETE")
        finally:
            con.close()
        fsync_file(work)
    except BaseException:
        _remove_with_side_files(work)
        raise
    return info, migrated_from


def verify_backup(backup: Path, scratch_dir: Path, *, key: bytes | None = None) -> BackupInfo:
    """Every restore check on ``backup``, on a scratch copy in ``scratch_dir`` (removed
    after); raises BackupError when it does not verify."""
    work = Path(scratch_dir) / f".verify-{os.getpid()}.db"
    info, _ = prepare(backup, work, key=key)
    _remove_with_side_files(work)
    return info


def restore_store(
    backup: Path,
    store: Path,
    *,
    now: datetime | None = None,
    confirm: Callable[[BackupInfo], bool] | None = None,
    key: bytes | None = None,
    restorer: Restorer | None = None,
) -> RestoreResult | None:
    """Replace the store at ``store`` with the verified ``backup``.

    Nothing is replaced unless every check passed. The current store is first
    copied (online backup API, WAL included) to ``<store>.<time>.before-restore.bak``;
    its WAL is checkpointed and removed so it can never be replayed onto the
    restored file; then the verified copy is renamed over the store (atomic on one
    file system) and the folder fsync'd. ``confirm`` is asked once the backup has
    verified (the command line's question); False: nothing replaced, None returned.
    ``restorer``: the (user name, password) of an administrator of the backup, checked
    on the verified copy before anything is asked or replaced (the command line always
    gives it; None, a tool's call, checks nobody).
    """
    store = Path(store)
    store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # a new computer
    if key is None:
        # An encrypted backup opens with the key of the store it was taken from: this
        # store's keyring entry, or HCC_RECOVERY_KEY on a new computer.
        key = keys.backup_key(backup, store)
    work = _side(store, ".restoring")
    info, migrated_from = prepare(backup, work, key=key, restorer=restorer)
    safety: Path | None = None
    try:
        if confirm is not None and not confirm(info):
            _remove_with_side_files(work)
            return None
        if store.exists():
            stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
            safety = store.with_name(f"{store.name}.{stamp}.before-restore.bak")
            n = 1
            while safety.exists():
                n += 1
                safety = store.with_name(f"{store.name}.{stamp}-{n}.before-restore.bak")
            # The store being replaced keeps its own key (a plain backup may replace it).
            current_key = keys.load_store_key(store) if cipher.is_encrypted(store) else None
            con = open_store_file(store, key=current_key)
            try:
                copy_store(con, safety, key=current_key)
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
            fsync_file(safety)
        for suffix in SIDE_FILES:
            with contextlib.suppress(FileNotFoundError):
                _side(store, suffix).unlink()
        os.replace(work, store)
        fsync_dir(store.parent)
        # Only once the swap happened: a failed restore must leave the current store's
        # key in the keyring. (A crash between the two: HCC_RECOVERY_KEY opens it.)
        if key is not None and keys.load_store_key(store) != key:
            keys.save_store_key(store, key)  # the restored store opens with its own key
    except BaseException:
        _remove_with_side_files(work)
        raise
    return RestoreResult(backup=info, store=store, safety_copy=safety, migrated_from=migrated_from)
