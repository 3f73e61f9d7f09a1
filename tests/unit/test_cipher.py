"""The store encrypted at rest (hcc_desktop/db/cipher.py, services/encryption; issue 12).

Checks of the issue: after set-up the database file's bytes (and its WAL, and every
other file of the data directory) hold no applicant name, CCCD or phone; stdlib
``sqlite3`` cannot read it; a wrong or missing key is refused cleanly and the file is
left as it was; a plain store is migrated once, crash-safe at every step.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desktop.core.errors import StoreKeyError
from hcc_desktop.db import cipher
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.encryption import (
    RECOVERY_ENV,
    decode_recovery_key,
    encode_recovery_key,
    forget_store_key,
    load_store_key,
)
from tests import keyed
from tests.conftest import FakeClock, birth_draft, log_in_admin

NAME = "Hoàng Thị Xuân Quỳnh"
CCCD = "079203005577"
PHONE = "0903111222"
# What a reader of the raw bytes would look for (the names as stored, NFC, and folded).
SECRETS = [
    NAME.encode("utf-8"),
    "Xuân Quỳnh".encode(),
    b"hoang thi xuan quynh",
    CCCD.encode(),
    PHONE.encode(),
]


def _intake(path: Path, clock: FakeClock, *, encrypted: bool = True) -> str:
    svc = open_services(path, clock=clock, encrypted=encrypted)
    try:
        log_in_admin(svc, "Cán bộ A")
        dossier = svc.intake.accept(
            birth_draft(services=svc, full_name=NAME, id_number=CCCD, phone=PHONE)
        )
        return dossier.code
    finally:
        svc.close()


def _all_bytes(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _leaks(folder: Path) -> list[str]:
    found = []
    for path, raw in _all_bytes(folder).items():
        for secret in SECRETS:
            if secret in raw or secret.lower() in raw.lower():
                found.append(f"{path.name}: {secret!r}")
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_holds_no_citizen_data_in_clear(tmp_path: Path, clock: FakeClock) -> None:
    store = tmp_path / "data" / "hcc.db"
    code = _intake(store, clock)
    # Open again and keep it open: the WAL is on disk while a connection lives.
    svc = open_services(store, clock=clock)
    try:
        assert svc.dossiers.get(code).owner.full_name == NAME
        # Demo data too, and a scan attached to the intake.
        from hcc_desktop.services.demo import generate

        generate(svc, count=40, seed=3, end_day=clock.now.date())
        con = keyed.connect(store)
        demo = con.execute(
            "SELECT owner_name, owner_id_number, owner_phone FROM dossiers "
            "WHERE code != ? AND owner_phone != '' LIMIT 10",
            (code,),
        ).fetchall()
        con.close()
        assert len(demo) == 10
        svc.attachments.files.put(b"%PDF-1.7 scan of " + NAME.encode() + CCCD.encode())
        assert svc.recovery_key is None  # shown once, on the first open only
        with svc.db.write() as s:
            s.connection().exec_driver_sql("SELECT 1")
        assert cipher.is_encrypted(store)
        assert store.with_name("hcc.db-wal").stat().st_size > 0
        assert any((store.parent / "attachments").rglob("*"))
        assert _leaks(store.parent) == []
        raw = b"".join(_all_bytes(store.parent).values())
        for name, cccd, phone in demo:
            assert name.encode() not in raw
            assert cccd.encode() not in raw
            assert phone.encode() not in raw
        # The plain sanity check of the test itself: the same data in a plain store leak.
        plain = tmp_path / "plain" / "hcc.db"
        _intake(plain, clock, encrypted=False)
        assert _leaks(plain.parent)
    finally:
        svc.close()
    assert _leaks(tmp_path / "home") == []  # the keyring file holds only the key
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(store).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_fts5_and_wal_work_encrypted(tmp_path: Path, clock: FakeClock) -> None:
    store = tmp_path / "hcc.db"
    code = _intake(store, clock)
    con = keyed.connect(store)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        con.execute("INSERT INTO probe VALUES ('hoang thi xuan quynh')")
        assert con.execute("SELECT count(*) FROM probe WHERE probe MATCH 'xuan*'").fetchone() == (
            1,
        )
    finally:
        con.close()
    svc = open_services(store, clock=clock)
    try:
        assert [d.code for d in svc.dossiers.search("xuan quynh")] == [code]
    finally:
        svc.close()


def test_the_wrong_key_is_refused_and_the_file_left_as_it_was(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "hcc.db"
    _intake(store, clock)
    before = _digest(store)
    wrong = encode_recovery_key(bytes(32))
    monkeypatch.setenv(RECOVERY_ENV, wrong)
    with pytest.raises(StoreKeyError) as caught:
        open_services(store, clock=clock)
    assert caught.value.code == "key_wrong"
    assert _digest(store) == before
    assert not store.with_name("hcc.db-wal").exists()
    # The keyring still holds the right key: a wrong recovery key replaced nothing.
    monkeypatch.delenv(RECOVERY_ENV)
    open_services(store, clock=clock).close()


def test_a_missing_key_is_refused_and_the_recovery_key_restores_it(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "hcc.db"
    svc = open_services(store, clock=clock)
    recovery = svc.recovery_key
    svc.close()
    assert recovery is not None
    assert len(recovery.split("-")) == 13
    key = load_store_key(store)
    assert key is not None
    assert decode_recovery_key(recovery) == key
    code = _intake(store, clock)
    before = _digest(store)

    forget_store_key(store)
    with pytest.raises(StoreKeyError) as caught:
        open_services(store, clock=clock)
    assert caught.value.code == "key_missing"
    assert _digest(store) == before

    monkeypatch.setenv(RECOVERY_ENV, recovery.lower().replace("-", " "))
    svc = open_services(store, clock=clock)
    try:
        assert svc.dossiers.get(code).owner.id_number == CCCD
        assert svc.recovery_key is None
    finally:
        svc.close()
    monkeypatch.delenv(RECOVERY_ENV)
    assert load_store_key(store) == key  # re-stored: the next start needs nothing
    open_services(store, clock=clock).close()


@pytest.mark.parametrize("text", ["", "ABCD-EFGH", "not a key at all !", "0" * 80])
def test_an_invalid_recovery_key_is_named(text: str) -> None:
    with pytest.raises(StoreKeyError) as caught:
        decode_recovery_key(text)
    assert caught.value.code == "recovery_key_invalid"


def test_a_plain_store_is_migrated_once_verified_and_its_plain_copy_removed(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = tmp_path / "data" / "hcc.db"
    code = _intake(store, clock, encrypted=False)
    assert cipher.is_plain(store)
    svc = open_services(store, clock=clock)
    try:
        assert svc.encrypted_now
        assert svc.recovery_key is not None
        assert svc.dossiers.get(code).owner.phone == PHONE
        assert svc.catalog.list()
    finally:
        svc.close()
    assert cipher.is_encrypted(store)
    assert sorted(p.name for p in store.parent.iterdir()) == ["hcc.db"]
    assert _leaks(store.parent) == []
    svc = open_services(store, clock=clock)
    try:
        assert not svc.encrypted_now
    finally:
        svc.close()


MIGRATE = r"""
import os, signal, sys
from pathlib import Path
from hcc_desktop.db import cipher
from hcc_desktop.services.encryption import unlock_store

path, stop = Path(sys.argv[1]), sys.argv[2]

def step(name):
    if name == stop:
        os.kill(os.getpid(), signal.SIGKILL)  # no clean-up, no atexit

cipher.encrypt_in_place(path, unlock_store(path).key, step=step)
"""


@pytest.mark.parametrize("stop", ["checkpointed", "exported", "backed_up", "swapped", "removed"])
def test_a_migration_killed_at_any_step_leaves_a_usable_store(
    tmp_path: Path, clock: FakeClock, stop: str
) -> None:
    store = tmp_path / "data" / "hcc.db"
    code = _intake(store, clock, encrypted=False)
    proc = subprocess.run([sys.executable, "-c", MIGRATE, str(store), stop], check=False)
    assert proc.returncode == -signal.SIGKILL
    # Whatever the step, the file at the store's name opens as it is…
    assert cipher.is_plain(store) or cipher.is_encrypted(store)
    con = keyed.connect(store)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*) FROM dossiers WHERE code = ?", (code,)).fetchone() == (
            1,
        )
    finally:
        con.close()
    # …and the next start finishes the job: encrypted, nothing plain left behind.
    svc = open_services(store, clock=clock)
    try:
        assert svc.dossiers.get(code).owner.full_name == NAME
    finally:
        svc.close()
    assert cipher.is_encrypted(store)
    assert sorted(p.name for p in store.parent.iterdir()) == ["hcc.db"]
    assert _leaks(store.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_data_directory_is_private(tmp_path: Path, clock: FakeClock) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    store = folder / "hcc.db"
    _intake(store, clock, encrypted=False)  # an old version's files, world-readable
    for p in folder.iterdir():
        p.chmod(0o644)
    folder.chmod(0o755)
    svc = open_services(store, clock=clock)
    try:
        with svc.db.write() as s:
            s.connection().exec_driver_sql("SELECT 1")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        files = [p for p in folder.iterdir() if p.is_file()]
        assert any(p.name == "hcc.db-wal" for p in files)
        for p in files:
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
    finally:
        svc.close()
    home = Path(os.environ["HCC_DESKTOP_HOME"])
    for p in home.iterdir():
        if p.is_file():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name


def test_an_encrypted_copy_opens_with_its_key_only(tmp_path: Path, clock: FakeClock) -> None:
    store = tmp_path / "hcc.db"
    code = _intake(store, clock)
    key = keyed.key_of(store)
    other = bytes(range(32))
    copy = tmp_path / "copy.db"
    counts = cipher.export_encrypted(store, copy, other, source_key=key)
    assert counts["dossiers"] == 1
    con = cipher.open_copy(copy, other)
    try:
        assert con.execute("SELECT code FROM dossiers").fetchall() == [(code,)]
    finally:
        con.close()
    with pytest.raises(StoreKeyError) as caught:
        cipher.open_copy(copy, key)
    assert caught.value.code == "key_wrong"
    with pytest.raises(FileExistsError):
        cipher.export_encrypted(store, copy, other, source_key=key)


def test_attachments_are_sealed_and_an_altered_file_is_refused(
    services: Services, tmp_path: Path
) -> None:
    from hcc_desktop.services.attachments.files import AttachmentError, FileStore

    pdf = b"%PDF-1.7 " + NAME.encode() + b" " + CCCD.encode()
    sha = services.attachments.files.put(pdf)
    assert hashlib.sha256(pdf).hexdigest() == sha  # the name is the plaintext's hash
    stored = services.attachments.files.path(sha)
    assert _leaks(stored.parent) == []
    assert services.attachments.read(sha) == pdf
    # A plain file of an older version is still read, and sealed when stored again.
    legacy = b"%PDF-1.4 legacy"
    legacy_sha = hashlib.sha256(legacy).hexdigest()
    FileStore(services.attachments.files.root).put(legacy)
    assert services.attachments.read(legacy_sha) == legacy
    services.attachments.files.put(legacy)
    assert services.attachments.files.path(legacy_sha).read_bytes().startswith(b"HCCSEAL1")
    # One flipped byte: the tag refuses it.
    raw = bytearray(stored.read_bytes())
    raw[-1] ^= 1
    stored.write_bytes(bytes(raw))
    assert not services.attachments.files.verify(sha)
    with pytest.raises(AttachmentError) as caught:
        services.attachments.read(sha)
    assert caught.value.code == "attachment_corrupt"


def test_plain_backups_of_an_older_version_are_encrypted_too(
    tmp_path: Path, clock: FakeClock
) -> None:
    from hcc_desktop.db.migrate import backup_copy, current_revision, head_revision

    store = tmp_path / "data" / "hcc.db"
    _intake(store, clock, encrypted=False)  # an older version's plain store…
    backup_copy(store, head_revision())  # …and the plain copy its upgrade kept
    backups = list(store.parent.glob("hcc.db.*.bak"))
    assert len(backups) == 1
    assert cipher.is_plain(backups[0])
    assert _leaks(store.parent)
    svc = open_services(store, clock=clock)
    svc.close()
    assert cipher.is_encrypted(backups[0])
    key = keyed.key_of(store)
    assert current_revision(backups[0], key=key) == head_revision()
    assert sorted(p.name for p in store.parent.iterdir()) == ["hcc.db", backups[0].name]
    assert _leaks(store.parent) == []
