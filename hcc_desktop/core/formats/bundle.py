"""Sync bundles: a push batch carried on a USB stick when there is no network.

Format (docs/sync.md), three lines, each ending with ``\\n``::

    HCCBUNDLE1
    {"device_id": "…", "batch_id": "…", "created_at": "…", "items": N}
    <Fernet token>

The Fernet token (AES-128-CBC + HMAC-SHA256) is made with the device's
``bundle_key`` over ``gzip(header line + "\\n" + push request JSON)``: the
header is authenticated too, and the reader checks that the clear copy agrees
with the sealed one. The final newline is part of the format, so a file cut
short anywhere is recognised as truncated rather than tampered with.

This module is shared by the device (``write_bundle``) and the server
(``read_bundle``): it must import nothing of the server (FastAPI, SQLAlchemy).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats import safe_json, wire_json

MAGIC = b"HCCBUNDLE1"
# Far above any real outbox; only there so a hostile file cannot make the
# server decompress gigabytes.
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_PLAIN_BYTES = 1024 * 1024 * 1024
HEADER_KEYS = ("device_id", "batch_id", "created_at", "items")

# Error codes raised as SyncError(code, ...):
BUNDLE_NOT_A_BUNDLE = "bundle_not_a_bundle"  # wrong magic line: not one of ours
BUNDLE_TRUNCATED = "bundle_truncated"  # a line or the final newline is missing
BUNDLE_TAMPERED = "bundle_tampered"  # the token does not authenticate (or wrong key)
BUNDLE_MISMATCH = "bundle_mismatch"  # clear header and sealed content disagree
BUNDLE_UNKNOWN_DEVICE = "bundle_unknown_device"  # raised by the server's keys_lookup
BUNDLE_REVOKED_DEVICE = "bundle_revoked_device"  # raised by the server's keys_lookup
BUNDLE_TOO_LARGE = "bundle_too_large"


@dataclass(frozen=True)
class BundleHeader:
    device_id: str
    batch_id: str
    created_at: str
    items: int

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "batch_id": self.batch_id,
            "created_at": self.created_at,
            "items": self.items,
        }


@dataclass(frozen=True)
class Bundle:
    header: BundleHeader
    # The push request exactly as POST /api/v1/push takes it: {"batch_id", "items"}.
    request: dict[str, Any]


def _header_line(header: BundleHeader) -> bytes:
    return json.dumps(header.to_json(), ensure_ascii=False, separators=(", ", ": ")).encode("utf-8")


def write_bundle(
    path: Path | str,
    *,
    device_id: str,
    bundle_key: str | bytes,
    batch: Mapping[str, Any],
    created_at: datetime | None = None,
) -> BundleHeader:
    """Write ``batch`` (a push request: ``{"batch_id", "items"}``) sealed with ``bundle_key``.

    The file is written next to its final name, flushed to disk and renamed, so a
    bundle that exists is complete. Returns the clear header.
    """
    batch_id = batch.get("batch_id")
    items = batch.get("items")
    if not isinstance(batch_id, str) or not batch_id or not isinstance(items, list):
        raise ValueError("batch must be a push request with a batch_id and a list of items")
    moment = created_at or datetime.now(UTC)
    header = BundleHeader(
        device_id=device_id,
        batch_id=batch_id,
        created_at=moment.isoformat(timespec="seconds"),
        items=len(items),
    )
    line = _header_line(header)
    request = {"batch_id": batch_id, "items": items}
    # The signed device-chain head (issue 12) and the device's key travel as in a push.
    for member in ("chain_head", "public_key"):
        if member in batch:
            request[member] = batch[member]
    body = json.dumps(request, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    plain = gzip.compress(line + b"\n" + body, mtime=0)
    token = Fernet(bundle_key).encrypt(plain)
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + b"\n" + line + b"\n" + token + b"\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return header


def _parse_header(raw: bytes, what: str) -> BundleHeader:
    try:
        data = safe_json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise SyncError(BUNDLE_TAMPERED, part=what) from None
    if not isinstance(data, dict) or set(data) != set(HEADER_KEYS):
        raise SyncError(BUNDLE_TAMPERED, part=what)
    device_id, batch_id = data["device_id"], data["batch_id"]
    created_at, items = data["created_at"], data["items"]
    if not (
        isinstance(device_id, str)
        and device_id
        and isinstance(batch_id, str)
        and batch_id
        and isinstance(created_at, str)
        and isinstance(items, int)
        and not isinstance(items, bool)
        and items >= 0
    ):
        raise SyncError(BUNDLE_TAMPERED, part=what)
    return BundleHeader(device_id, batch_id, created_at, items)


def read_header(path: Path | str) -> BundleHeader:
    """The clear header, unauthenticated: for showing what a file claims to be."""
    header, _line, _token = _split(Path(path).read_bytes())
    return header


def _split(raw: bytes) -> tuple[BundleHeader, bytes, bytes]:
    if len(raw) > MAX_BUNDLE_BYTES:
        raise SyncError(BUNDLE_TOO_LARGE, size=len(raw), max=MAX_BUNDLE_BYTES)
    if not raw.startswith(MAGIC):
        # A file cut inside the magic itself is a truncated bundle, not a stranger.
        if raw and MAGIC.startswith(raw):
            raise SyncError(BUNDLE_TRUNCATED)
        raise SyncError(BUNDLE_NOT_A_BUNDLE)
    lines = raw.split(b"\n")
    # Complete file: magic, header, token, and the empty remainder after the final \n.
    if len(lines) < 4:
        raise SyncError(BUNDLE_TRUNCATED)
    if len(lines) > 4 or lines[0] != MAGIC or lines[3] != b"" or not lines[2]:
        raise SyncError(BUNDLE_TAMPERED, part="layout")
    return _parse_header(lines[1], "header"), lines[1], lines[2]


def read_bundle(path: Path | str, keys_lookup: Callable[[str], str | bytes]) -> Bundle:
    """Open, authenticate and check a bundle; raise SyncError with a ``bundle_*`` code.

    ``keys_lookup(device_id)`` returns the device's bundle key; the server's raises
    ``bundle_unknown_device`` / ``bundle_revoked_device``. Nothing here writes anywhere:
    a refused bundle leaves no trace.
    """
    header, line, token = _split(Path(path).read_bytes())
    key = keys_lookup(header.device_id)
    try:
        sealed = Fernet(key).decrypt(token)
    except (InvalidToken, ValueError):
        raise SyncError(BUNDLE_TAMPERED, part="token", device_id=header.device_id) from None
    try:
        plain = _gunzip(sealed)
    except (OSError, EOFError, gzip.BadGzipFile):
        # Authenticated but not gzip: written by something else than write_bundle.
        raise SyncError(BUNDLE_TAMPERED, part="content") from None
    inner_line, sep, body = plain.partition(b"\n")
    if not sep:
        raise SyncError(BUNDLE_TAMPERED, part="content")
    if inner_line != line:
        raise SyncError(BUNDLE_MISMATCH, field="header")
    try:
        request = wire_json.loads_request(body)
    except ValueError:  # not JSON, or not UTF-8
        raise SyncError(BUNDLE_TAMPERED, part="content") from None
    if not isinstance(request, dict) or not isinstance(request.get("items"), list):
        raise SyncError(BUNDLE_TAMPERED, part="content")
    if request.get("batch_id") != header.batch_id:
        raise SyncError(BUNDLE_MISMATCH, field="batch_id")
    if len(request["items"]) != header.items:
        raise SyncError(BUNDLE_MISMATCH, field="items")
    return Bundle(header=header, request=request)


def _gunzip(data: bytes) -> bytes:
    # Bounded: an authenticated token comes from a device we trust, but a bug
    # there should not exhaust the server's memory.
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        out = stream.read(MAX_PLAIN_BYTES + 1)
    if len(out) > MAX_PLAIN_BYTES:
        raise SyncError(BUNDLE_TOO_LARGE, size=len(out), max=MAX_PLAIN_BYTES)
    return out


__all__ = [
    "BUNDLE_MISMATCH",
    "BUNDLE_NOT_A_BUNDLE",
    "BUNDLE_REVOKED_DEVICE",
    "BUNDLE_TAMPERED",
    "BUNDLE_TOO_LARGE",
    "BUNDLE_TRUNCATED",
    "BUNDLE_UNKNOWN_DEVICE",
    "MAGIC",
    "Bundle",
    "BundleHeader",
    "read_bundle",
    "read_header",
    "write_bundle",
]
