"""Device credential storage: keyring, or the encrypted file when there is no OS keyring."""

from __future__ import annotations

import base64
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail

from hcc_desktop.core.errors import SyncError
from hcc_desktop.services.sync import credentials
from hcc_desktop.services.sync.credentials import (
    SERVICE,
    EncryptedFileKeyring,
    active_backend,
    delete_credential,
    load_credential,
    store_credential,
)

FILE_BACKEND = "hcc_desktop.services.sync.credentials.EncryptedFileKeyring"
TOKEN = "tok_9f2c1d4e8b7a6f5e4d3c2b1a0f9e8d7c"
BUNDLE_KEY = "q0v8mQ3J8eJ0Jm1xWj3Vn8yQ2eK6pP8yH1z2p3q4r5s="


class MemoryKeyring(KeyringBackend):
    """Stands for a real OS keyring (Secret Service, Windows Credential Locker)."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 (a class property)
        # Never chosen by keyring's own detection in other tests: only set_keyring.
        raise RuntimeError("test backend")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


@pytest.fixture
def keyring_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("HCC_DESKTOP_HOME", str(home))
    monkeypatch.delenv("HCC_KEYRING_PASSPHRASE", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_BACKEND)
    return home


@pytest.fixture
def global_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Let a test replace keyring's process-wide backend, restored afterwards."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    # No keyringrc of the machine may interfere with the choice under test.
    monkeypatch.setattr(credentials.keyring.core, "load_config", lambda: None)
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)


def test_round_trip_through_the_encrypted_file(keyring_home: Path) -> None:
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    credential = load_credential("dev-1")
    assert credential is not None
    assert (credential.device_id, credential.token, credential.bundle_key) == (
        "dev-1",
        TOKEN,
        BUNDLE_KEY,
    )
    assert TOKEN not in repr(credential)
    assert load_credential("dev-2") is None
    # Replacing keeps one entry per device.
    store_credential("dev-1", "tok_new", BUNDLE_KEY)
    assert load_credential("dev-1").token == "tok_new"  # type: ignore[union-attr]


def test_the_file_holds_no_plaintext_and_only_its_owner_may_read_it(keyring_home: Path) -> None:
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    path = keyring_home / "keyring.enc"
    raw = path.read_bytes()
    for secret in (TOKEN, BUNDLE_KEY, "dev-1", SERVICE):
        assert secret.encode() not in raw
        assert base64.b64encode(secret.encode()) not in raw
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # No temporary file left behind by the atomic replace.
    assert sorted(p.name for p in keyring_home.iterdir()) == ["keyring.enc", "keyring.enc.lock"]


def test_a_file_copied_under_another_passphrase_is_refused_clearly(
    keyring_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HCC_KEYRING_PASSPHRASE", "mật khẩu một")
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    other_home = tmp_path / "elsewhere"
    other_home.mkdir()
    shutil.copy(keyring_home / "keyring.enc", other_home / "keyring.enc")
    monkeypatch.setenv("HCC_DESKTOP_HOME", str(other_home))
    monkeypatch.setenv("HCC_KEYRING_PASSPHRASE", "mật khẩu hai")
    with pytest.raises(SyncError) as caught:
        load_credential("dev-1")
    assert caught.value.code == "credential_unreadable"
    assert caught.value.params["reason"] == "wrong_key"
    assert caught.value.params["path"] == str(other_home / "keyring.enc")
    # Nor does the machine secret open it; the right passphrase does.
    monkeypatch.delenv("HCC_KEYRING_PASSPHRASE")
    with pytest.raises(SyncError, match="credential_unreadable"):
        load_credential("dev-1")
    monkeypatch.setenv("HCC_KEYRING_PASSPHRASE", "mật khẩu một")
    assert load_credential("dev-1").token == TOKEN  # type: ignore[union-attr]


def test_a_damaged_file_is_reported_not_overwritten(keyring_home: Path) -> None:
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    path = keyring_home / "keyring.enc"
    path.write_text("not a keyring")
    with pytest.raises(SyncError) as caught:
        store_credential("dev-2", TOKEN, BUNDLE_KEY)
    assert caught.value.params["reason"] == "corrupt"
    assert path.read_text() == "not a keyring"


def test_delete(keyring_home: Path) -> None:
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    store_credential("dev-2", "tok_other", BUNDLE_KEY)
    delete_credential("dev-1")
    assert load_credential("dev-1") is None
    assert load_credential("dev-2").token == "tok_other"  # type: ignore[union-attr]
    delete_credential("dev-1")  # nothing left to delete: no error
    delete_credential("never-stored")


def test_no_os_keyring_means_the_encrypted_file(keyring_home: Path, global_keyring: None) -> None:
    keyring.set_keyring(fail.Keyring())
    assert isinstance(active_backend(), EncryptedFileKeyring)
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    assert (keyring_home / "keyring.enc").exists()


def test_a_plain_text_keyring_is_not_used(keyring_home: Path, global_keyring: None) -> None:
    plaintext = pytest.importorskip("keyrings.alt.file")
    keyring.set_keyring(plaintext.PlaintextKeyring())
    assert isinstance(active_backend(), EncryptedFileKeyring)


def test_a_real_keyring_is_not_overridden(keyring_home: Path, global_keyring: None) -> None:
    real = MemoryKeyring()
    keyring.set_keyring(real)
    assert active_backend() is real
    store_credential("dev-1", TOKEN, BUNDLE_KEY)
    assert ("hcc-desktop", "dev-1") in real.entries
    assert not (keyring_home / "keyring.enc").exists()
    assert load_credential("dev-1").bundle_key == BUNDLE_KEY  # type: ignore[union-attr]


def test_an_explicitly_configured_keyring_is_honoured(
    keyring_home: Path, global_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(MemoryKeyring())
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_BACKEND)
    assert isinstance(active_backend(), EncryptedFileKeyring)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    assert isinstance(active_backend(), fail.Keyring)
    with pytest.raises(SyncError, match="credential_store_failed"):
        store_credential("dev-1", TOKEN, BUNDLE_KEY)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "no.such.Backend")
    with pytest.raises(SyncError, match="credential_store_failed"):
        load_credential("dev-1")
