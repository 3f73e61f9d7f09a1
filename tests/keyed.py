"""Open a test's store the way stdlib ``sqlite3`` did before encryption at rest.

The store is SQLCipher-encrypted (issue 12): ``connect`` reads its key from the keyring
(the test's own ``HCC_DESKTOP_HOME``) and returns a sqlcipher3 connection, which has the
sqlite3 API; a plain file (an old store a test builds) opens with stdlib sqlite3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from hcc_desktop.db import cipher
from hcc_desktop.services.encryption import load_store_key


def key_of(path: Path | str) -> bytes:
    key = load_store_key(Path(path))
    assert key is not None, f"no key in the keyring for {path}"
    return key


def connect(path: Path | str, **kwargs: Any) -> Any:
    """A DB-API connection to the store at ``path``, keyed when it is encrypted."""
    path = Path(path)
    if cipher.is_encrypted(path):
        return cipher.connect(path, key_of(path), **kwargs)
    return sqlite3.connect(path, **kwargs)


# The exceptions of the encrypted store's driver, for ``pytest.raises``.
Error = cipher.dbapi().Error
IntegrityError = cipher.dbapi().IntegrityError
DatabaseError = cipher.dbapi().DatabaseError
