"""Content-addressed file store of attachments: ``<root>/ab/cd/<sha256>``.

A file is written durably (temporary file, fsync, rename, fsync of the
directory) before any database row names it, so a crash leaves at worst an
unreferenced file, never a row without its bytes. The same bytes are stored
once, whatever number of dossiers refer to them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from hcc_desktop.core.errors import HccError

READ_BLOCK = 1024 * 1024


class AttachmentError(HccError):
    """A file could not be attached, stored or fetched (code + params)."""

    code = "attachment_error"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FileStore:
    """Files named by their SHA-256 under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise AttachmentError("attachment_bad_hash", sha256=sha256)
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        try:
            return self.path(sha256).read_bytes()
        except FileNotFoundError:
            raise AttachmentError("attachment_missing", sha256=sha256) from None

    def verify(self, sha256: str) -> bool:
        """The stored file still hashes to its name."""
        digest = hashlib.sha256()
        with self.path(sha256).open("rb") as f:
            while block := f.read(READ_BLOCK):
                digest.update(block)
        return digest.hexdigest() == sha256

    def put(self, data: bytes) -> str:
        """Store ``data`` durably; returns its SHA-256."""
        return self.put_chunks([data], expected=None)

    def put_chunks(self, chunks: Iterable[bytes], *, expected: str | None) -> str:
        """Store the concatenation of ``chunks``; with ``expected``, refuse
        (and store nothing) unless the bytes hash to it."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as f:
                for chunk in chunks:
                    digest.update(chunk)
                    f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            sha = digest.hexdigest()
            if expected is not None and sha != expected:
                raise AttachmentError("attachment_hash_mismatch", expected=expected, actual=sha)
            target = self.path(sha)
            if target.is_file():
                tmp.unlink()
                return sha
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
            _fsync_dir(target.parent)
            return sha
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
