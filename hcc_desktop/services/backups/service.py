"""``BackupService``: take a backup of the live store, list and prune a folder's backups,
and the daily scheduled backup the app runs on its database lane."""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import BackupError
from hcc_desktop.core.paths import data_dir
from hcc_desktop.core.version import app_version
from hcc_desktop.db import cipher
from hcc_desktop.db.engine import Database
from hcc_desktop.db.files import copy_store, fsync_dir, fsync_file, open_store_file
from hcc_desktop.db.models import Setting
from hcc_desktop.services.backups.check import inspect_file, revision_of, table_counts
from hcc_desktop.services.backups.manifest import (
    NAME,
    SUFFIX,
    BackupInfo,
    backup_name,
    device_tag,
    manifest_path,
    read_manifest,
    sequence,
    sha256_of,
    write_manifest,
)
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService

LAST_KEY = "backups.last"


def default_backup_dir() -> Path:
    """Where scheduled backups go when no folder is set: beside the store (better than
    none; a USB stick or another disk is what the settings page recommends)."""
    return data_dir() / "backups"


def _cleanup(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


class BackupService:
    """Backups of one store. Writing one is read-only on the store (the online backup
    API takes a snapshot while the counter keeps working); only the "last backup" note
    is written, in its own short transaction."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        clock: Callable[[], datetime] = local_now,
        session: OfficerSession | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock
        # A backup or a prune by hand is the administrator's (``@guarded``); the daily
        # one is not. None (a tool's service) checks nothing.
        self._session = session

    # -- taking one ----------------------------------------------------------

    @guarded("backups.backup")
    def backup(self, dest_dir: Path) -> BackupInfo:
        """Write a verified backup of the store into the existing folder ``dest_dir``
        (an administrator's; see ``_write``)."""
        return self._write(dest_dir)

    def _write(self, dest_dir: Path) -> BackupInfo:
        """Write a verified backup of the store into the existing folder ``dest_dir``.

        The copy is written under a temporary name, fsync'd, checked (integrity,
        schema revision, every table's row count equal to the snapshot's), then its
        manifest and the file are renamed into place: a backup that is there is
        whole. Raises BackupError (``backup_folder_missing``: the folder, e.g. an
        unplugged USB stick, is not there; ``backup_write_failed``).
        """
        dest = Path(dest_dir)
        if not dest.is_dir():
            raise BackupError("backup_folder_missing", folder=str(dest))
        settings = self._settings.load()
        created = self._clock().replace(microsecond=0)
        name = backup_name(settings.unit_code, settings.device_id, created)
        target = dest / name
        n = 1
        while target.exists() or manifest_path(target).exists():
            n += 1
            target = dest / name.replace(SUFFIX, f"-{n}{SUFFIX}")
        part = dest / f".{target.name}.part"
        try:
            revision, counts = self._snapshot(part)
            fsync_file(part)
            problem, copied_revision, copied_counts = inspect_file(part, key=self._db.key)
            if problem is not None:
                raise BackupError("backup_write_failed", folder=str(dest), detail=problem)
            if copied_revision != revision or copied_counts != counts:
                raise BackupError(
                    "backup_write_failed", folder=str(dest), detail="the copy differs"
                )
            info = BackupInfo(
                path=target,
                unit_code=settings.unit_code,
                device_id=settings.device_id,
                created_at=created,
                schema_revision=revision,
                sha256=sha256_of(part),
                size=part.stat().st_size,
                app_version=app_version(),
                counts=counts,
            )
            # The manifest first: a .hccbak in the folder always has its manifest.
            write_manifest(info)
            os.replace(part, target)
            fsync_dir(dest)
        except OSError as exc:
            _cleanup(part, manifest_path(target))
            raise BackupError(
                "backup_write_failed", folder=str(dest), detail=exc.strerror or str(exc)
            ) from exc
        except (sqlite3.Error, cipher.dbapi().Error) as exc:  # "disk is full" on the stick
            _cleanup(part, manifest_path(target))
            raise BackupError("backup_write_failed", folder=str(dest), detail=str(exc)) from exc
        except BaseException:
            _cleanup(part, manifest_path(target))
            raise
        self._note_last(info)
        return info

    def _snapshot(self, part: Path) -> tuple[str, dict[str, int]]:
        """Copy the store into ``part`` inside one read transaction, so the counts
        recorded are exactly the copy's."""
        src = open_store_file(self._db.path, key=self._db.key)
        try:
            src.execute("BEGIN")
            try:
                revision = revision_of(src) or ""
                counts = table_counts(src)
                copy_store(src, part, key=self._db.key)
            finally:
                src.execute("COMMIT")
        finally:
            src.close()
        return revision, counts

    def _note_last(self, info: BackupInfo) -> None:
        value = json.dumps(
            {"created_at": info.created_at.isoformat(timespec="seconds"), "file": str(info.path)},
            ensure_ascii=False,
        )
        with self._db.write() as s:
            s.merge(Setting(key=LAST_KEY, value=value))

    def last_backup(self) -> tuple[datetime, str] | None:
        """When and where this store's last backup was written (None: never)."""
        with self._db.read() as s:
            row = s.get(Setting, LAST_KEY)
            if row is None:
                return None
            try:
                data = json.loads(row.value)
                return datetime.fromisoformat(data["created_at"]), str(data["file"])
            except (ValueError, KeyError, TypeError):
                return None

    # -- a folder of backups -------------------------------------------------

    def list(self, dest_dir: Path) -> builtins.list[BackupInfo]:
        """The backups in ``dest_dir`` that have a manifest, newest first (every unit's
        and device's: one USB stick may serve the whole center)."""
        dest = Path(dest_dir)
        if not dest.is_dir():
            raise BackupError("backup_folder_missing", folder=str(dest))
        found = []
        for path in dest.iterdir():
            if not (path.name.endswith(SUFFIX) and NAME.match(path.name)):
                continue
            info = read_manifest(path)
            if info is not None:
                found.append(info)
        found.sort(key=lambda i: (i.created_at, sequence(i.path)), reverse=True)
        return found

    def _own(self, dest_dir: Path) -> builtins.list[BackupInfo]:
        s = self._settings.load()
        return [
            i
            for i in self.list(dest_dir)
            if i.unit_code == s.unit_code and device_tag(i.device_id) == device_tag(s.device_id)
        ]

    @guarded("backups.prune")
    def prune(self, dest_dir: Path, keep: int) -> builtins.list[Path]:
        """Delete this device's backups in ``dest_dir`` beyond the ``keep`` newest (an
        administrator's; see ``_prune``)."""
        return self._prune(dest_dir, keep)

    def _prune(self, dest_dir: Path, keep: int) -> builtins.list[Path]:
        """Delete this device's backups in ``dest_dir`` beyond the ``keep`` newest (at
        least one is always kept); other devices' backups are left alone."""
        keep = max(1, int(keep))
        removed = []
        for info in self._own(dest_dir)[keep:]:
            _cleanup(info.path, manifest_path(info.path))
            removed.append(info.path)
        if removed:
            fsync_dir(Path(dest_dir))
        return removed

    # -- the schedule --------------------------------------------------------

    def scheduled_folder(self) -> Path:
        """The folder of the daily backups: the one chosen in the settings, else the default."""
        folder = self._settings.load().backup_folder.strip()
        return Path(folder) if folder else default_backup_dir()

    def has_backup_on(self, dest_dir: Path, day: date) -> bool:
        """Whether this device's backups in ``dest_dir`` include one taken on ``day``."""
        return any(i.created_at.date() == day for i in self._own(dest_dir))

    def run_scheduled(self) -> BackupInfo | None:
        """The daily backup: None when backups are off or today's is already in the
        folder; else take it and prune to the kept number. Raises
        BackupError(``backup_folder_missing``) when a chosen folder is not there."""
        settings = self._settings.load()
        if not settings.backup_enabled:
            return None
        folder = self.scheduled_folder()
        if not settings.backup_folder.strip():
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.has_backup_on(folder, self._clock().date()):
            return None
        # Whoever is logged in: the schedule is the administrator's decision.
        info = self._write(folder)
        self._prune(folder, settings.backup_keep)
        return info
