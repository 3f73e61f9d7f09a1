"""Open a test's store the way stdlib ``sqlite3`` did before encryption at rest.

The store is SQLCipher-encrypted (issue 12): ``connect`` reads its key from the keyring
(the test's own ``HCC_DESKTOP_HOME``) and returns a sqlcipher3 connection, which has the
sqlite3 API; a plain file (an old store a test builds) opens with stdlib sqlite3.
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from hcc_desktop.core.errors import StoreKeyError
from hcc_desktop.db import cipher
from hcc_desktop.services.encryption import load_store_key
from hcc_desktop.services.encryption.keys import save_store_key


def key_of(path: Path | str) -> bytes:
    known = _KNOWN.get(Path(path).resolve())
    if known is not None:
        return known
    key = load_store_key(Path(path))
    assert key is not None, f"no key in the keyring for {path}"
    return key


def connect(path: Path | str, **kwargs: Any) -> Any:
    """A DB-API connection to the store at ``path``, keyed when it is encrypted. A copy
    of a store (a backup, a restore's safety copy) has no keyring entry of its own: it
    opens with the key of a store beside it or one folder up."""
    path = Path(path)
    if not cipher.is_encrypted(path):
        return sqlite3.connect(path, **kwargs)
    known = _KNOWN.get(path.resolve()) or load_store_key(path)
    if known is not None:
        return cipher.connect(path, known, **kwargs)
    for key in _keys_near(path):
        try:
            return cipher.connect(path, key, **kwargs)
        except StoreKeyError:
            continue
    raise AssertionError(f"no key opens {path}")


def _keys_near(path: Path) -> list[bytes]:
    keys = list(_KNOWN.values())
    for folder in (path.parent, path.parent.parent):
        for store in sorted([*folder.glob("*.db"), *folder.glob("*/*.db")]):
            key = load_store_key(store)
            if key is not None and key not in keys:
                keys.append(key)
    return keys


# The exceptions of the encrypted store's driver, for ``pytest.raises``.
Error = cipher.dbapi().Error
IntegrityError = cipher.dbapi().IntegrityError
DatabaseError = cipher.dbapi().DatabaseError


# Stores whose key a test keeps itself (templates copied for many devices, made once per
# module, outside any test's keyring).
_KNOWN: dict[Path, bytes] = {}


def encrypt_copy(plain: Path, target: Path) -> Path:
    """``target``: the plain store ``plain`` encrypted with a fresh key kept here."""
    key = secrets.token_bytes(cipher.KEY_BYTES)
    cipher.export_encrypted(plain, target, key)
    _KNOWN[target.resolve()] = key
    return target


def copy_store(source: Path, target: Path) -> None:
    """Copy a store and put its key in the current keyring under the copy's path."""
    key = _KNOWN.get(Path(source).resolve()) or key_of(source)
    shutil.copy(source, target)
    save_store_key(Path(target), key)
