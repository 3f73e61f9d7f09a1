"""Where the server keeps the bytes of attachment chunks: files on its own disk
(``serve --files DIR``), or rows of ``attachment_chunks`` in its database.

Why files: a chunk of 1 MB stored in PostgreSQL goes over the database
connection, into the WAL and into about 500 TOAST rows with their index
entries; written as a file it is one write into the page cache. Measured on
the project machine (docs/benchmarks.md): 100 MB inserted as 1 MB bytea took
about 3× as long as the same bytes written as files, and the upload's
throughput was held at a third to a half of a bare HTTP upload.

The database keeps what says a file is there (the blob, its manifest of
chunk hashes, which units hold it), so the isolation of units, the once-per-
hash storage and the resumable uploads are the same on both stores.

Durability: a chunk file is written to a temporary name and renamed into
place, without flushing it to the disk; a file's chunks are flushed (each
chunk file, then their folders) once, when the upload finishes and before the
commit that says the file is held. A chunk lost in a crash before that is
simply asked for again (``missing``) when the upload resumes.

Chunks stored in the database before the server had a folder are still read
from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

FILES_ENV = "HCC_SERVER_FILES"


class ChunkFiles:
    """Content-addressed chunk files under ``root``: ``root/ab/abcdef….chunk``."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        # Citizens' scans: a private folder, private files.
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.root, 0o700)

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.chunk"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, sha: str, data: bytes) -> None:
        """Write a chunk (its hash already checked); nothing when it is there."""
        target = self.path(sha)
        existing = self.read(sha)
        if existing is not None and hashlib.sha256(existing).hexdigest() == sha:
            return  # stored once; a damaged copy (a crash) is replaced below
        target.parent.mkdir(mode=0o700, exist_ok=True)
        temporary = target.with_name(f".{sha}.{uuid.uuid4().hex}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise

    def read(self, sha: str) -> bytes | None:
        try:
            return self.path(sha).read_bytes()
        except FileNotFoundError:
            return None

    def missing(self, shas: Iterable[str]) -> set[str]:
        return {sha for sha in shas if not self.has(sha)}

    def flush(self, shas: Iterable[str]) -> None:
        """Flush these chunk files and their folders to the disk (one upload's)."""
        folders: set[Path] = set()
        for sha in dict.fromkeys(shas):
            path = self.path(sha)
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            folders.add(path.parent)
        for folder in (*sorted(folders), self.root):
            fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def files_from_environment(folder: str | Path | None = None) -> ChunkFiles | None:
    """The chunk folder given (``serve --files``) or in ``HCC_SERVER_FILES``; None: the database."""
    where = folder or os.environ.get(FILES_ENV, "").strip()
    return ChunkFiles(where) if where else None
