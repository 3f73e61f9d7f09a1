"""Attachment bundles: the files of a device's pending attachments carried on a
USB stick next to its sync bundle (``sync export FILE`` writes ``FILE.files``;
``server import-bundle FILE`` reads it too).

Format, lines ending with ``\\n``::

    HCCFILES1
    {"device_id": "…", "created_at": "…", "records": M, "files": N}
    <Fernet token of gzip(header line + "\\n" + {"records": [...], "files": [{"sha256", "size"}…]})>
    <Fernet token of file 1's bytes>
    …                                   (N tokens, in the order of "files")

Every token is sealed with the device's ``bundle_key``; each file is checked
against its SHA-256 when read, so a tampered or swapped file is refused.
Shared by the device and the server: imports nothing of either.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.fernet import Fernet, InvalidToken

from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats.bundle import (
    BUNDLE_MISMATCH,
    BUNDLE_NOT_A_BUNDLE,
    BUNDLE_TAMPERED,
    BUNDLE_TRUNCATED,
)

MAGIC = b"HCCFILES1"
SUFFIX = ".files"
MAX_LINE = 700 * 1024 * 1024  # one file's token (a component's PDF is far smaller)


@dataclass(frozen=True)
class FilesHeader:
    device_id: str
    created_at: str
    records: int
    files: int

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "created_at": self.created_at,
            "records": self.records,
            "files": self.files,
        }


def files_path(bundle_path: Path | str) -> Path:
    """Where the attachments of the bundle ``bundle_path`` go."""
    p = Path(bundle_path)
    return p.with_name(p.name + SUFFIX)


def _line(header: FilesHeader) -> bytes:
    return json.dumps(header.to_json(), ensure_ascii=False).encode("utf-8")


def write_files_bundle(
    path: Path | str,
    *,
    device_id: str,
    bundle_key: str | bytes,
    records: list[Mapping[str, Any]],
    files: Iterable[tuple[str, bytes]],
) -> FilesHeader:
    """Write the records and files sealed with ``bundle_key`` (temp file, fsync, rename)."""
    fernet = Fernet(bundle_key)
    files = list(files)
    header = FilesHeader(
        device_id=device_id,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        records=len(records),
        files=len(files),
    )
    line = _line(header)
    index = {"records": list(records), "files": [{"sha256": s, "size": len(d)} for s, d in files]}
    sealed = fernet.encrypt(gzip.compress(line + b"\n" + json.dumps(index).encode(), mtime=0))
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + b"\n" + line + b"\n" + sealed + b"\n")
            for _sha, data in files:
                out.write(fernet.encrypt(data) + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return header


def _read_line(f: BinaryIO) -> bytes:
    raw = f.readline(MAX_LINE)
    if not raw.endswith(b"\n"):
        raise SyncError(BUNDLE_TRUNCATED)
    return raw[:-1]


@dataclass
class FilesBundle:
    header: FilesHeader
    records: list[dict[str, Any]]
    index: list[dict[str, Any]]
    _file: BinaryIO
    _fernet: Fernet

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Each file's (sha256, bytes), checked against its hash."""
        for entry in self.index:
            try:
                data = self._fernet.decrypt(_read_line(self._file))
            except InvalidToken:
                raise SyncError(BUNDLE_TAMPERED) from None
            sha = str(entry.get("sha256"))
            if hashlib.sha256(data).hexdigest() != sha:
                raise SyncError(BUNDLE_TAMPERED, sha256=sha)
            yield sha, data

    def close(self) -> None:
        self._file.close()


def read_files_bundle(path: Path | str, keys_lookup: Callable[[str], str | bytes]) -> FilesBundle:
    """Open an attachment bundle; ``keys_lookup(device_id)`` gives the device's key."""
    f = Path(path).open("rb")  # noqa: SIM115 -- closed by FilesBundle.close()
    try:
        if _read_line(f) != MAGIC:
            raise SyncError(BUNDLE_NOT_A_BUNDLE)
        line = _read_line(f)
        try:
            raw = json.loads(line)
            header = FilesHeader(
                str(raw["device_id"]),
                str(raw["created_at"]),
                int(raw["records"]),
                int(raw["files"]),
            )
        except (ValueError, KeyError, TypeError):
            raise SyncError(BUNDLE_NOT_A_BUNDLE) from None
        fernet = Fernet(keys_lookup(header.device_id))
        try:
            plain = gzip.decompress(fernet.decrypt(_read_line(f)))
        except (InvalidToken, OSError):
            raise SyncError(BUNDLE_TAMPERED) from None
        sealed_line, _, body = plain.partition(b"\n")
        if sealed_line != line:
            raise SyncError(BUNDLE_MISMATCH)
        index = json.loads(body)
        return FilesBundle(header, list(index["records"]), list(index["files"]), f, fernet)
    except BaseException:
        f.close()
        raise
