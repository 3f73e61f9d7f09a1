"""The store key: 32 random bytes per store, kept in the keyring.

The keyring is the one the sync credential uses (services/sync/credentials.py: the OS
keyring, or the encrypted-file backend where the machine has none). The entry is named
after the store's absolute path, so two stores of one user (a test copy, a second unit)
have two keys; a store moved to another folder asks for its recovery key once.

The recovery key is the store key itself, written for people: base32, 13 groups of 4.
It is shown once, when the key is created; ``HCC_RECOVERY_KEY`` opens a store whose
keyring entry is lost (a new user profile, another machine) and stores the key again.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keyring.errors import KeyringError

from hcc_desktop.core.errors import StoreKeyError
from hcc_desktop.db import cipher
from hcc_desktop.services.sync.credentials import SERVICE, KeyringFileError, active_backend

RECOVERY_ENV = "HCC_RECOVERY_KEY"
ENTRY_PREFIX = "store-key:"
GROUP = 4


@dataclass(frozen=True)
class StoreUnlock:
    """The key that opens a store, and the recovery key to show when it was just made."""

    key: bytes = field(repr=False)
    new_recovery_key: str | None = field(default=None, repr=False)
    restored_from_recovery: bool = False


def _entry(path: Path) -> str:
    return ENTRY_PREFIX + str(Path(path).resolve())


def encode_recovery_key(key: bytes) -> str:
    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode_recovery_key(text: str) -> bytes:
    """The store key from a recovery key; spaces, dashes and case do not matter."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    padded = compact + "=" * (-len(compact) % 8)
    try:
        key = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise StoreKeyError("recovery_key_invalid") from None
    if len(key) != cipher.KEY_BYTES:
        raise StoreKeyError("recovery_key_invalid")
    return key


def _backend_call(what: str, fn, *args):  # type: ignore[no-untyped-def]
    try:
        return fn(*args)
    except KeyringFileError as exc:
        raise StoreKeyError("key_store_failed", detail=str(exc)) from exc
    except (KeyringError, ImportError, RuntimeError, ValueError) as exc:
        raise StoreKeyError("key_store_failed", detail=f"{what}: {exc}") from exc


def load_store_key(path: Path) -> bytes | None:
    """The key of the store at ``path`` from the keyring, or None when there is none."""
    backend = _backend_call("keyring", active_backend)
    raw = _backend_call("read", backend.get_password, SERVICE, _entry(path))
    if raw is None:
        return None
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        raise StoreKeyError("key_store_failed", detail="corrupt keyring entry") from None
    if len(key) != cipher.KEY_BYTES:
        raise StoreKeyError("key_store_failed", detail="corrupt keyring entry")
    return key


def save_store_key(path: Path, key: bytes) -> None:
    backend = _backend_call("keyring", active_backend)
    _backend_call("write", backend.set_password, SERVICE, _entry(path), key.hex())


def forget_store_key(path: Path) -> None:
    """Remove the store's key from the keyring (tests; a store deleted for good)."""
    from keyring.errors import PasswordDeleteError

    backend = _backend_call("keyring", active_backend)
    try:
        backend.delete_password(SERVICE, _entry(path))
    except PasswordDeleteError:
        return
    except KeyringError as exc:
        raise StoreKeyError("key_store_failed", detail=str(exc)) from exc


def _prove(path: Path, key: bytes) -> None:
    """Open the encrypted store with ``key`` and read its schema (no write)."""
    cipher.connect(path, key).close()


def unlock_store(path: Path) -> StoreUnlock:
    """The key for the store at ``path``, creating one for a new or a plain store.

    - ``HCC_RECOVERY_KEY`` set: that key, proved against an encrypted store, is
      (re)stored in the keyring;
    - else the keyring's key; a missing entry for an encrypted store is
      ``StoreKeyError("key_missing")``, a key that does not open it ``key_wrong``;
    - a new or plain store gets a fresh random key, stored, and its recovery key
      returned once in ``new_recovery_key`` (the plain store is then migrated by the
      caller with ``cipher.encrypt_in_place``).
    Nothing is ever written to the store file here.
    """
    path = Path(path)
    encrypted = cipher.is_encrypted(path)
    recovery = os.environ.get(RECOVERY_ENV, "").strip()
    if recovery:
        key = decode_recovery_key(recovery)
        if encrypted:
            _prove(path, key)
        if load_store_key(path) != key:
            save_store_key(path, key)
        return StoreUnlock(key, restored_from_recovery=True)
    key_or_none = load_store_key(path)
    if key_or_none is not None:
        if encrypted:
            _prove(path, key_or_none)
            return StoreUnlock(key_or_none)
        # Made by a run that stopped before the store was encrypted: its recovery key
        # may never have been shown, and nothing is encrypted with it yet.
        return StoreUnlock(key_or_none, new_recovery_key=encode_recovery_key(key_or_none))
    if encrypted:
        raise StoreKeyError("key_missing", path=str(path))
    key = secrets.token_bytes(cipher.KEY_BYTES)
    save_store_key(path, key)
    return StoreUnlock(key, new_recovery_key=encode_recovery_key(key))


class UnlockAhead:
    """``unlock_store(path)`` started on a thread of its own, to be collected later.

    Looking a key up costs the desktop program's start-up most of what an encrypted
    store costs over a plain one (docs/benchmarks.md): importing ``keyring`` and
    finding its backend, the scrypt derivation of the encrypted-file keyring (which
    releases the GIL: it runs on the other core), and the first decrypted pages. Begun
    before the first window is made, it is done by the time the services are imported.
    This package imports no SQLAlchemy, so the thread does not either.
    """

    def __init__(self, path: Path) -> None:
        import threading

        self.path = Path(path)
        self._unlock: StoreUnlock | None = None
        self._error: BaseException | None = None
        # Not a daemon: a new store's key may be being written to the keyring file.
        self._thread = threading.Thread(target=self._run, name="store-key", daemon=False)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._unlock = unlock_store(self.path)
        except BaseException as exc:  # handed to whoever collects the result
            self._error = exc

    def result(self) -> StoreUnlock:
        """The store's key (waits for the lookup); raises what ``unlock_store`` raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._unlock is not None
        return self._unlock


def backup_key(backup: Path, store: Path) -> bytes | None:
    """The key a backup file is encrypted with (None: a plain backup): the key given as
    ``HCC_RECOVERY_KEY`` (a restore onto a new computer), else the keyring's key of
    ``store`` (a backup is encrypted with the key of the store it was taken from).
    No key at all is ``StoreKeyError("key_missing")``; a key that does not open it is
    found by the restore's own checks (after the file's hash). Nothing is written."""
    backup, store = Path(backup), Path(store)
    if not cipher.is_encrypted(backup):
        return None
    recovery = os.environ.get(RECOVERY_ENV, "").strip()
    key = decode_recovery_key(recovery) if recovery else load_store_key(store)
    if key is None:
        raise StoreKeyError("key_missing", path=str(backup))
    return key


def connect_store(path: Path, **kwargs: Any) -> Any:
    """A DB-API connection (the sqlite3 API) to the store at ``path`` outside the app's
    engines — benchmarks, smoke tests, a backup's own checks: keyed from the keyring
    when the store is encrypted (``key_missing`` when the keyring has no key), plain
    sqlite3 otherwise."""
    import sqlite3

    path = Path(path)
    if not cipher.is_encrypted(path):
        return sqlite3.connect(path, **kwargs)
    key = load_store_key(path)
    if key is None:
        raise StoreKeyError("key_missing", path=str(path))
    return cipher.connect(path, key, **kwargs)
