"""The device's sync credential (token + bundle key), kept in the OS keyring.

The credential never goes into the SQLite store or a plain file (docs/sync.md).
``keyring`` picks the platform's keyring (Windows Credential Locker, macOS
Keychain, Secret Service / KWallet on a Linux desktop). A machine without one
(headless Linux, CI) would get keyring's "fail" backend, or the plain-text
file backend of ``keyrings.alt`` when that package happens to be installed;
neither is acceptable, so :class:`EncryptedFileKeyring` is used instead:

- one file, ``<data dir>/keyring.enc`` (``HCC_DESKTOP_HOME`` moves it), mode
  0600, replaced atomically;
- its content is a Fernet token (AES-128-CBC + HMAC-SHA256) whose key is
  derived with scrypt (random salt kept in the file) from
  ``HCC_KEYRING_PASSPHRASE`` when set, otherwise from a per-machine secret
  (``/etc/machine-id`` and the user name).

Without a passphrase this protects a *copied* file (a backup, a stolen disk
image read on another machine), not against someone logged in as the same
user on the same machine, who can derive the same key. Set
``HCC_KEYRING_PASSPHRASE`` (e.g. from a service manager's secret store) for
more. An explicitly configured keyring (``PYTHON_KEYRING_BACKEND`` or
keyring's own configuration file) is always honoured as it is.
"""

from __future__ import annotations

import base64
import contextlib
import getpass
import json
import os
import platform
import socket
import tempfile
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import keyring.core
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.paths import data_dir

SERVICE = "hcc-desktop"
PASSPHRASE_ENV = "HCC_KEYRING_PASSPHRASE"
KEYRING_FILE = "keyring.enc"
FILE_FORMAT = "hcc-keyring"
FILE_VERSION = 1
# scrypt cost: ~32 MiB and a fraction of a second, once per process (cached).
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")


@dataclass(frozen=True)
class Credential:
    device_id: str
    token: str = field(repr=False)
    bundle_key: str = field(repr=False)


class KeyringFileError(KeyringError):
    """The encrypted keyring file exists but cannot be read with this machine's key."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        messages = {
            "wrong_key": (
                f"cannot decrypt {path}: it was written with another passphrase "
                f"({PASSPHRASE_ENV}) or on another machine"
            ),
            "corrupt": f"{path} is not a readable HCC keyring file",
        }
        super().__init__(messages.get(reason, f"{path}: {reason}"))


# -- the encrypted file backend ------------------------------------------------------


def _machine_secret() -> bytes:
    """What ties the file to this machine and user when no passphrase is set."""
    machine = ""
    for name in MACHINE_ID_FILES:
        try:
            machine = Path(name).read_text("ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        if machine:
            break
    if not machine:
        # No machine-id (Windows, macOS, containers): host name and MAC address.
        machine = f"{socket.gethostname()}:{uuid.getnode():012x}:{platform.system()}"
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry for the uid (some containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    return f"hcc-desktop-keyring\0{machine}\0{user}".encode()


def _secret() -> tuple[bytes, str]:
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase.encode("utf-8"), "passphrase"
    return _machine_secret(), "machine"


_KEY_CACHE: dict[tuple[bytes, bytes, int, int, int], bytes] = {}
_KEY_LOCK = threading.Lock()


def _derive(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    cache_key = (secret, salt, n, r, p)
    with _KEY_LOCK:
        key = _KEY_CACHE.get(cache_key)
        if key is None:
            raw = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
            key = base64.urlsafe_b64encode(raw)
            _KEY_CACHE[cache_key] = key
        return key


class EncryptedFileKeyring(KeyringBackend):
    """A keyring backend storing every entry in one Fernet-encrypted file.

    Selectable explicitly with
    ``PYTHON_KEYRING_BACKEND=hcc_desktop.services.sync.credentials.EncryptedFileKeyring``.
    """

    # Low: keyring's own auto-detection must prefer any real OS keyring.
    priority = 0.2

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self._path = path

    @property
    def path(self) -> Path:
        # Resolved on each use: HCC_DESKTOP_HOME may change (tests, portable installs).
        return self._path or data_dir() / KEYRING_FILE

    # keyring API ---------------------------------------------------------------------

    def get_password(self, service: str, username: str) -> str | None:
        value = self._read().get(service, {}).get(username)
        return value if isinstance(value, str) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._locked():
            entries = self._read()
            entries.setdefault(service, {})[username] = password
            self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        with self._locked():
            entries = self._read()
            if username not in entries.get(service, {}):
                raise PasswordDeleteError("no such password")
            del entries[service][username]
            if not entries[service]:
                del entries[service]
            self._write(entries)

    # file ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise read-modify-write cycles of several processes (POSIX only;
        on Windows the OS keyring is always there and this backend unused)."""
        path = self.path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            import fcntl
        except ImportError:
            yield
            return
        fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _read_envelope(self) -> dict[str, Any] | None:
        path = self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            envelope = json.loads(raw.decode("utf-8"))
            if envelope.get("format") != FILE_FORMAT or envelope.get("version") != FILE_VERSION:
                raise ValueError("format")
            kdf = envelope["kdf"]
            if kdf["name"] != "scrypt":
                raise ValueError("kdf")
            base64.b64decode(kdf["salt"], validate=True)
            int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
            str(envelope["data"])
        except (ValueError, KeyError, TypeError, AttributeError):
            raise KeyringFileError(path, "corrupt") from None
        return dict(envelope)

    def _key_for(self, envelope: dict[str, Any]) -> bytes:
        kdf = envelope["kdf"]
        secret, _kind = _secret()
        salt = base64.b64decode(kdf["salt"])
        return _derive(secret, salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))

    def _read(self) -> dict[str, dict[str, str]]:
        envelope = self._read_envelope()
        if envelope is None:
            return {}
        try:
            plain = Fernet(self._key_for(envelope)).decrypt(envelope["data"].encode("ascii"))
        except (InvalidToken, UnicodeEncodeError):
            raise KeyringFileError(self.path, "wrong_key") from None
        try:
            entries = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise KeyringFileError(self.path, "corrupt") from None
        if not isinstance(entries, dict):
            raise KeyringFileError(self.path, "corrupt")
        return entries

    def _write(self, entries: dict[str, dict[str, str]]) -> None:
        path = self.path
        envelope = self._read_envelope()
        _secret_value, kind = _secret()
        if envelope is None:
            envelope = {
                "format": FILE_FORMAT,
                "version": FILE_VERSION,
                "kdf": {
                    "name": "scrypt",
                    "salt": base64.b64encode(os.urandom(16)).decode("ascii"),
                    "n": SCRYPT_N,
                    "r": SCRYPT_R,
                    "p": SCRYPT_P,
                },
            }
        envelope["secret"] = kind  # tells a reader which secret to supply; not secret itself
        plain = json.dumps(entries, ensure_ascii=False, sort_keys=True).encode("utf-8")
        envelope["data"] = Fernet(self._key_for(envelope)).encrypt(plain).decode("ascii")
        body = json.dumps(envelope, indent=1).encode("utf-8") + b"\n"
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                if hasattr(os, "fchmod"):
                    os.fchmod(out.fileno(), 0o600)
                out.write(body)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)


# -- choosing the backend --------------------------------------------------------------


def _secure(backend: KeyringBackend) -> bool:
    """Whether ``backend`` really keeps secrets (not a fail/null/plain-text one)."""
    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        # The chainer writes to its highest-priority backend.
        return bool(chained) and _secure(chained[0])
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    # keyrings.alt's file backends: plain text, or one that asks for a
    # password on the terminal (unusable by a background sync).
    return not type(backend).__module__.startswith("keyrings.alt.file")


def _configured() -> KeyringBackend | None:
    """The keyring named by ``PYTHON_KEYRING_BACKEND`` or keyring's configuration
    file, loaded afresh (the variable may be set after keyring's first use)."""
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return keyring.core.load_env()
    try:
        return keyring.core.load_config()
    except Exception:  # a broken keyringrc is keyring's problem, not a choice
        return None


def active_backend() -> KeyringBackend:
    """The backend credentials go to: the configured or OS keyring, else the encrypted file."""
    configured = _configured()
    if configured is not None:
        return configured
    current = keyring.get_keyring()
    return current if _secure(current) else EncryptedFileKeyring()


def _backend() -> KeyringBackend:
    try:
        return active_backend()
    except (ImportError, AttributeError, RuntimeError, ValueError) as exc:
        # PYTHON_KEYRING_BACKEND names something that cannot be loaded.
        raise SyncError("credential_store_failed", detail=str(exc)) from exc


def _payload(token: str, bundle_key: str) -> str:
    return json.dumps({"token": token, "bundle_key": bundle_key})


def store_credential(device_id: str, token: str, bundle_key: str) -> None:
    """Keep the device's token and bundle key in the keyring (replacing any)."""
    backend = _backend()
    try:
        backend.set_password(SERVICE, device_id, _payload(token, bundle_key))
    except KeyringFileError as exc:
        raise SyncError("credential_unreadable", path=str(exc.path), reason=exc.reason) from exc
    except KeyringError as exc:
        raise SyncError("credential_store_failed", backend=str(backend), detail=str(exc)) from exc


def load_credential(device_id: str) -> Credential | None:
    """The stored credential, or None when the device has none.

    Raises SyncError ``credential_unreadable`` when the keyring file cannot be
    decrypted (another passphrase, a file copied from another machine).
    """
    backend = _backend()
    try:
        raw = backend.get_password(SERVICE, device_id)
    except KeyringFileError as exc:
        raise SyncError("credential_unreadable", path=str(exc.path), reason=exc.reason) from exc
    except KeyringError as exc:
        raise SyncError("credential_store_failed", backend=str(backend), detail=str(exc)) from exc
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        return Credential(device_id, str(data["token"]), str(data["bundle_key"]))
    except (ValueError, KeyError, TypeError):
        raise SyncError("credential_unreadable", reason="corrupt_entry") from None


def _signing_entry(device_id: str) -> str:
    return f"{device_id}#chain-key"


def store_signing_key(device_id: str, private_key: str) -> None:
    """Keep the device's Ed25519 private key (it signs the device-chain head of each
    push) next to its credential, in the same keyring."""
    backend = _backend()
    try:
        backend.set_password(SERVICE, _signing_entry(device_id), private_key)
    except KeyringFileError as exc:
        raise SyncError("credential_unreadable", path=str(exc.path), reason=exc.reason) from exc
    except KeyringError as exc:
        raise SyncError("credential_store_failed", backend=str(backend), detail=str(exc)) from exc


def load_signing_key(device_id: str) -> str | None:
    """The device's Ed25519 private key (base64), or None when it has none yet."""
    backend = _backend()
    try:
        return backend.get_password(SERVICE, _signing_entry(device_id))
    except KeyringFileError as exc:
        raise SyncError("credential_unreadable", path=str(exc.path), reason=exc.reason) from exc
    except KeyringError as exc:
        raise SyncError("credential_store_failed", backend=str(backend), detail=str(exc)) from exc


def signing_key(device_id: str) -> str:
    """The device's private signing key, created (and stored) on first use."""
    from hcc_desktop.core.chain import new_signing_key

    key = load_signing_key(device_id)
    if key is None:
        key, _public = new_signing_key()
        store_signing_key(device_id, key)
    return key


def delete_credential(device_id: str) -> None:
    """Forget the device's credential; nothing happens when there is none."""
    backend = _backend()
    try:
        backend.delete_password(SERVICE, device_id)
    except PasswordDeleteError:
        return
    except KeyringFileError as exc:
        raise SyncError("credential_unreadable", path=str(exc.path), reason=exc.reason) from exc
    except KeyringError as exc:
        raise SyncError("credential_store_failed", backend=str(backend), detail=str(exc)) from exc


__all__ = [
    "SERVICE",
    "Credential",
    "EncryptedFileKeyring",
    "KeyringFileError",
    "active_backend",
    "delete_credential",
    "load_credential",
    "load_signing_key",
    "signing_key",
    "store_credential",
    "store_signing_key",
]
