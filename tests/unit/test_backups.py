"""Backups and restore (issue 12 item 5): verified copies, prune, a restore that verifies
before it replaces anything, and a backup taken during a burst of intakes."""

from __future__ import annotations

import json
import sqlite3
import stat
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from hcc_desktop.core.errors import BackupError
from hcc_desktop.db.migrate import SCHEMA_HEAD, upgrade
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.audit import verify_store
from hcc_desktop.services.backups import BackupService, restore_store, verify_backup
from hcc_desktop.services.backups.manifest import manifest_path
from hcc_desktop.services.encryption.keys import encode_recovery_key
from tests import keyed
from tests.conftest import NOW, FakeClock, birth_draft, log_in_admin


def _codes(path: Path) -> set[str]:
    con = keyed.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT code FROM dossiers")}
    finally:
        con.close()


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_is_verified_private_and_described(services: Services, dest: Path) -> None:
    services.intake.accept(birth_draft(services=services))
    info = services.backups.backup(dest)
    assert info.path.parent == dest
    assert info.name.startswith("hcc-000.17.22.H56-")
    assert info.name.endswith("-20261123-093000.hccbak")
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(manifest_path(info.path).stat().st_mode) == 0o600
    # Nothing half-written is left behind.
    assert sorted(p.name for p in dest.iterdir()) == [info.name, info.name + ".json"]
    manifest = json.loads(manifest_path(info.path).read_text(encoding="utf-8"))
    assert manifest["schema_revision"] == SCHEMA_HEAD
    assert manifest["counts"]["dossiers"] == 1
    assert manifest["counts"]["dossier_events"] >= 1
    assert len(manifest["sha256"]) == 64
    # The copy is one self-contained file (no WAL needed to read it).
    con = keyed.connect(info.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 1
    con.close()
    assert services.backups.last_backup() == (NOW, str(info.path))
    assert verify_backup(info.path, dest, key=services.db.key).sha256 == info.sha256


def test_a_missing_folder_is_a_named_error(services: Services, tmp_path: Path) -> None:
    with pytest.raises(BackupError) as caught:
        services.backups.backup(tmp_path / "unplugged")
    assert caught.value.code == "backup_folder_missing"


def test_prune_keeps_the_n_newest_of_this_device(
    services: Services, dest: Path, clock: FakeClock
) -> None:
    made = []
    for day in range(5):
        clock.now = NOW + timedelta(days=day)
        made.append(services.backups.backup(dest))
    other = dest / made[0].name.replace("-20261123-", "-20201123-").replace(
        made[0].device_id.replace("-", "")[:8], "otherdev"
    )
    other.write_bytes(made[0].path.read_bytes())
    manifest_path(other).write_text(
        manifest_path(made[0].path).read_text().replace(made[0].device_id, "otherdev-x"),
        encoding="utf-8",
    )
    removed = services.backups.prune(dest, 2)
    assert sorted(removed) == sorted(i.path for i in made[:3])
    left = {i.name for i in services.backups.list(dest)}
    assert left == {made[3].name, made[4].name, other.name}
    assert not any(manifest_path(p).exists() for p in removed)


def test_scheduled_backup_once_a_day(services: Services, dest: Path, clock: FakeClock) -> None:
    services.settings.save(
        replace(services.settings.load(), backup_folder=str(dest), backup_keep=2)
    )
    assert services.backups.run_scheduled() is not None
    assert services.backups.run_scheduled() is None  # today's is there
    for day in (1, 2, 3):
        clock.now = NOW + timedelta(days=day)
        assert services.backups.run_scheduled() is not None
    assert len(services.backups.list(dest)) == 2
    services.settings.save(replace(services.settings.load(), backup_enabled=False))
    clock.now = NOW + timedelta(days=9)
    assert services.backups.run_scheduled() is None


def test_scheduled_backup_to_an_unplugged_stick(services: Services, tmp_path: Path) -> None:
    stick = tmp_path / "media" / "USB"
    services.settings.save(replace(services.settings.load(), backup_folder=str(stick)))
    with pytest.raises(BackupError) as caught:
        services.backups.run_scheduled()
    assert caught.value.code == "backup_folder_missing"
    assert not stick.exists()  # never created on the local disk instead


# -- restore ----------------------------------------------------------------------


@pytest.fixture
def backed_up(services: Services, dest: Path) -> tuple[Path, Path, str]:
    """(backup file, live store path, the code of the dossier in the backup); then a
    second dossier is received after the backup and the services are closed."""
    first = services.intake.accept(birth_draft(services=services))
    info = services.backups.backup(dest)
    services.intake.accept(birth_draft(services=services, full_name="Lê Thị Hoa"))
    store = services.db.path
    services.close()
    return info.path, store, first.code


def _refused(backup: Path, store: Path, code: str) -> None:
    before = store.read_bytes()
    with pytest.raises(BackupError) as caught:
        restore_store(backup, store)
    assert caught.value.code == code
    assert store.read_bytes() == before  # nothing replaced
    assert not list(store.parent.glob("*.before-restore.bak"))
    assert not store.with_name(store.name + ".restoring").exists()


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(
    backed_up: tuple[Path, Path, str],
) -> None:
    backup, store, code = backed_up
    assert len(_codes(store)) == 2
    result = restore_store(backup, store)
    assert _codes(store) == {code}
    assert result.safety_copy is not None
    assert len(_codes(result.safety_copy)) == 2
    assert stat.S_IMODE(result.safety_copy.stat().st_mode) == 0o600
    assert not store.with_name(store.name + "-wal").exists()
    svc = open_services(store)
    try:
        assert verify_store(svc.db, svc.settings.load().device_id) == []
    finally:
        svc.close()


def test_restore_refuses_a_truncated_file(backed_up: tuple[Path, Path, str]) -> None:
    backup, store, _ = backed_up
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])
    _refused(backup, store, "backup_hash_mismatch")


def test_restore_refuses_a_flipped_bit(backed_up: tuple[Path, Path, str]) -> None:
    backup, store, _ = backed_up
    data = bytearray(backup.read_bytes())
    data[len(data) - 100] ^= 0x04
    backup.write_bytes(bytes(data))
    _refused(backup, store, "backup_hash_mismatch")


def _rewrite_manifest(backup: Path, **changes: object) -> None:
    path = manifest_path(backup)
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_restore_refuses_a_damaged_file_even_with_a_matching_manifest(
    backed_up: tuple[Path, Path, str],
) -> None:
    """Someone "repairs" the manifest's hash: the file's own checks still refuse it."""
    from hcc_desktop.services.backups.manifest import sha256_of

    backup, store, _ = backed_up
    data = bytearray(backup.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's schema area
    backup.write_bytes(bytes(data))
    _rewrite_manifest(backup, sha256=sha256_of(backup))
    _refused(backup, store, "backup_corrupt")


def test_restore_refuses_a_newer_schema(backed_up: tuple[Path, Path, str]) -> None:
    from hcc_desktop.services.backups.manifest import sha256_of

    backup, store, _ = backed_up
    con = keyed.connect(backup)
    con.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    con.commit()
    con.close()
    _rewrite_manifest(backup, sha256=sha256_of(backup), schema_revision="0099_from_the_future")
    _refused(backup, store, "backup_schema_newer")


def test_restore_refuses_a_backup_whose_history_does_not_verify(
    backed_up: tuple[Path, Path, str],
) -> None:
    from hcc_desktop.services.backups.manifest import sha256_of

    backup, store, code = backed_up
    con = keyed.connect(backup)
    con.execute("UPDATE dossiers SET status = 10 WHERE code = ?", (code,))
    con.commit()
    con.close()
    _rewrite_manifest(backup, sha256=sha256_of(backup))
    _refused(backup, store, "backup_audit_failed")


def test_restore_refuses_a_backup_without_manifest(backed_up: tuple[Path, Path, str]) -> None:
    backup, store, _ = backed_up
    manifest_path(backup).unlink()
    _refused(backup, store, "backup_manifest_missing")


def test_restore_of_an_older_schema_migrates_it(tmp_path: Path, dest: Path) -> None:
    old = tmp_path / "old.db"
    upgrade(old, revision="0009")
    svc = open_services(tmp_path / "live.db")
    try:
        # A backup written by the older version: the same service over the old file.
        from hcc_desktop.db.engine import Database
        from hcc_desktop.services.settings import SettingsService

        db = Database(old)
        try:
            info = BackupService(db, settings=SettingsService(db)).backup(dest)
        except Exception:
            db.dispose()
            raise
    finally:
        svc.close()
    assert info.schema_revision != SCHEMA_HEAD
    result = restore_store(info.path, tmp_path / "live.db")
    assert result.migrated_from == info.schema_revision
    con = keyed.connect(tmp_path / "live.db")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == SCHEMA_HEAD
    con.close()


# -- a backup during a burst of intakes ---------------------------------------------


def test_restore_a_backup_taken_during_a_burst_of_intakes(
    tmp_path: Path, dest: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer thread keeps receiving dossiers (each in its own transaction, through the
    service) while the backup runs: the restored store verifies and holds every dossier
    committed before the backup started. The copy is held until the writer has
    committed more dossiers during it, so the overlap is certain, not a matter of timing."""
    from hcc_desktop.services.backups import service as backup_module

    store = tmp_path / "busy.db"
    svc = open_services(store)
    log_in_admin(svc)
    names = ["Nguyễn Văn An", "Lê Thị Hoa", "Phạm Văn Bình", "Trần Thị Cúc", "Võ Văn Dũng"]
    committed: list[str] = []
    stop = threading.Event()
    warmed_up = threading.Event()
    in_backup = threading.Event()
    wrote_during_backup = threading.Event()
    errors: list[BaseException] = []

    def burst() -> None:
        try:
            n = during = 0
            while not stop.is_set():
                d = svc.intake.accept(birth_draft(services=svc, full_name=names[n % 5]))
                committed.append(d.code)
                n += 1
                if n == 10:
                    warmed_up.set()
                if in_backup.is_set():
                    during += 1
                    if during == 5:
                        wrote_during_backup.set()
        except BaseException as exc:  # pragma: no cover - shown by the assert below
            errors.append(exc)
        finally:
            warmed_up.set()
            wrote_during_backup.set()

    real_copy = backup_module.copy_store

    def copy_while_writing(
        source: sqlite3.Connection, target: Path, *, key: bytes | None = None
    ) -> None:
        in_backup.set()
        assert wrote_during_backup.wait(120)
        real_copy(source, target, key=key)

    monkeypatch.setattr(backup_module, "copy_store", copy_while_writing)
    writer = threading.Thread(target=burst)
    writer.start()
    try:
        assert warmed_up.wait(120)
        before = list(committed)  # committed before the backup started
        info = svc.backups.backup(dest)
    finally:
        stop.set()
        writer.join(120)
    assert not errors, errors
    total = len(committed)
    svc.close()
    result = restore_store(info.path, store)
    restored = _codes(store)
    assert set(before) <= restored
    assert len(restored) < total  # dossiers were being received during the backup
    assert result.backup.dossiers == len(restored)
    svc = open_services(store)
    try:
        assert verify_store(svc.db, svc.settings.load().device_id) == []
    finally:
        svc.close()
    assert result.safety_copy is not None
    assert set(_codes(result.safety_copy)) == set(committed)


def test_restore_onto_a_new_computer(
    backed_up: tuple[Path, Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No store yet (a replacement laptop): the backup becomes the store, no safety copy."""
    backup, _store, code = backed_up
    fresh = tmp_path / "new-laptop" / "data" / "hcc.db"
    # A new computer's keyring has no key for it: the recovery key shown at set-up.
    monkeypatch.setenv("HCC_RECOVERY_KEY", encode_recovery_key(keyed.key_of(_store)))
    result = restore_store(backup, fresh)
    assert result is not None
    assert result.safety_copy is None
    assert _codes(fresh) == {code}
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_restore_refuses_a_backup_missing_records_of_its_manifest(
    backed_up: tuple[Path, Path, str],
) -> None:
    """Rows deleted from the copy (and its hash "repaired"): the counts give it away."""
    from hcc_desktop.services.backups.manifest import sha256_of

    backup, store, _ = backed_up
    con = keyed.connect(backup)
    con.execute("DELETE FROM procedures WHERE code NOT IN (SELECT procedure_code FROM dossiers)")
    con.commit()
    con.close()
    _rewrite_manifest(backup, sha256=sha256_of(backup))
    _refused(backup, store, "backup_counts_differ")
