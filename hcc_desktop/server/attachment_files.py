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
place; a file's chunks are flushed (each chunk file, then their folders)
once, when the upload finishes and before the commit that says the file is
held. A streamed upload flushes each chunk file as it is written, on a worker
while the next chunks arrive, and only the folders when it finishes. A chunk
lost in a crash before that is simply asked for again (``missing``) when the
upload resumes.

Chunks stored in the database before the server had a folder are still read
from there.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import uuid
from collections.abc import Iterable
from pathlib import Path

FILES_ENV = "HCC_SERVER_FILES"


class ChunkFiles:
    """Content-addressed chunk files under ``root``: ``root/ab/abcdef….chunk``."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        # Folders made by this process whose entry in the root is not yet flushed.
        self._new_folders: set[Path] = set()
        self._lock = threading.Lock()
        # Citizens' scans: a private folder, private files.
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.root, 0o700)

    def path(self, sha: str) -> Path:
        return self.root / sha[:2] / f"{sha}.chunk"

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, sha: str, data: bytes, *, durable: bool = False) -> None:
        """Write a chunk (its hash already checked); nothing when it is there.

        ``durable``: the chunk's bytes are flushed before it is renamed into
        place (a streamed upload does it on a worker while the next chunks
        arrive), so that finishing the file flushes only the folders
        (``flush(…, folders_only=True)``)."""
        target = self.path(sha)
        existing = self.read(sha)
        if existing is not None and hashlib.sha256(existing).hexdigest() == sha:
            if durable:  # written by an upload that never finished, maybe not flushed
                _fsync(target)
            return  # stored once; a damaged copy (a crash) is replaced below
        if not target.parent.is_dir():
            target.parent.mkdir(mode=0o700, exist_ok=True)
            with self._lock:
                self._new_folders.add(target.parent)
        temporary = target.with_name(f".{sha}.{uuid.uuid4().hex}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                if durable:
                    out.flush()
                    os.fsync(out.fileno())
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

    def flush(self, shas: Iterable[str], *, folders_only: bool = False) -> None:
        """Flush these chunk files and their folders to the disk (one upload's).

        ``folders_only``: the chunk files were written ``durable``; their
        folders' entries remain (and the root's, for a folder made since the
        root was last flushed)."""
        folders: set[Path] = set()
        for sha in dict.fromkeys(shas):
            path = self.path(sha)
            if not folders_only:
                _fsync(path)
            folders.add(path.parent)
        with self._lock:
            new = folders & self._new_folders
        if new or not folders_only:
            folders.add(self.root)
        for folder in (*sorted(folders - {self.root}), *(folders & {self.root})):
            _fsync(folder)
        with self._lock:
            self._new_folders -= new


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def files_from_environment(folder: str | Path | None = None) -> ChunkFiles | None:
    """The chunk folder given (``serve --files``) or in ``HCC_SERVER_FILES``; None: the database."""
    where = folder or os.environ.get(FILES_ENV, "").strip()
    return ChunkFiles(where) if where else None
