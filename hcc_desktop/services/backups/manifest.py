"""A backup file, its manifest (the JSON beside it) and how backups are named.

``hcc-<unit>-<device>-<yyyyMMdd-HHmmss>.hccbak`` is the store copy;
``<same name>.json`` beside it says what it holds: the schema revision, the row
count of every table, the SHA-256 of the file, when and by which version it was
made. The hash cannot live inside the file it covers, so the manifest is a
separate file; a restore refuses a backup without one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from hcc_desktop.db.files import FILE_MODE, fsync_file

SUFFIX = ".hccbak"
MANIFEST_SUFFIX = ".json"
FORMAT = 1
STAMP = "%Y%m%d-%H%M%S"
_UNSAFE = re.compile(r"[^0-9A-Za-z.]+")
NAME = re.compile(
    r"^hcc-(?P<unit>[0-9A-Za-z.]+)-(?P<device>[0-9A-Za-z]+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.hccbak$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup: its file and what its manifest says."""

    path: Path
    unit_code: str
    device_id: str
    created_at: datetime
    schema_revision: str
    sha256: str
    size: int
    app_version: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def dossiers(self) -> int:
        return self.counts.get("dossiers", 0)


def sequence(path: Path) -> int:
    """1 for the first backup of a second, 2, 3 … for the ones made in the same second."""
    m = NAME.match(path.name)
    return int(m.group("seq")) if m and m.group("seq") else 1


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


def device_tag(device_id: str) -> str:
    return (re.sub(r"[^0-9A-Za-z]", "", device_id) or "device")[:8]


def backup_name(unit_code: str, device_id: str, created_at: datetime) -> str:
    unit = _UNSAFE.sub("_", unit_code).strip("_") or "unit"
    return f"hcc-{unit}-{device_tag(device_id)}-{created_at.strftime(STAMP)}{SUFFIX}"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_json(info: BackupInfo) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "file": info.path.name,
        "unit_code": info.unit_code,
        "device_id": info.device_id,
        "created_at": info.created_at.isoformat(timespec="seconds"),
        "schema_revision": info.schema_revision,
        "sha256": info.sha256,
        "size": info.size,
        "app_version": info.app_version,
        "counts": dict(sorted(info.counts.items())),
    }


def write_manifest(info: BackupInfo) -> Path:
    """Write the manifest beside the backup atomically (temp name, fsync, rename), 0600."""
    target = manifest_path(info.path)
    part = target.with_name(f".{target.name}.part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(manifest_json(info), f, ensure_ascii=False, indent=2)
    fsync_file(part)
    os.replace(part, target)
    return target


def read_manifest(backup: Path) -> BackupInfo | None:
    """The manifest of ``backup``; None when it is missing or unreadable."""
    try:
        data = json.loads(manifest_path(backup).read_text(encoding="utf-8"))
        counts = data.get("counts") or {}
        return BackupInfo(
            path=backup,
            unit_code=str(data["unit_code"]),
            device_id=str(data["device_id"]),
            created_at=datetime.fromisoformat(str(data["created_at"])),
            schema_revision=str(data["schema_revision"]),
            sha256=str(data["sha256"]),
            size=int(data["size"]),
            app_version=str(data.get("app_version", "")),
            counts={str(k): int(v) for k, v in counts.items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
