"""The one version number of HCC Desktop and the sync protocol it speaks.

The number is pyproject.toml's ``[project] version``, read from the installed
distribution's metadata (the frozen app carries that metadata too: see
packaging/hcc_desktop.spec). A source tree that was never installed falls back
to reading pyproject.toml itself.
"""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "hcc-desktop"
UNKNOWN = "0+unknown"

# The sync protocol of this build (docs/sync.md). Raise it when a change of the
# wire makes older devices wrong; the server then refuses them (``device_too_old``).
PROTOCOL_VERSION = 1
# Sent by the device on every request to the sync server. A request without
# them comes from a device older than versioning, which spoke protocol 1.
VERSION_HEADER = "X-HCC-Version"
PROTOCOL_HEADER = "X-HCC-Protocol"
LEGACY_PROTOCOL = 1

_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    try:
        with _PYPROJECT.open("rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN


def version_line() -> str:
    """What ``--version`` prints: ``HCC Desktop 0.1.0 (sync protocol 1)``."""
    return f"HCC Desktop {app_version()} (sync protocol {PROTOCOL_VERSION})"


def parse_protocol(raw: str | None) -> int | None:
    """The protocol a request declares; None for garbage."""
    if raw is None or raw.strip() == "":
        return LEGACY_PROTOCOL
    try:
        return int(raw.strip())
    except ValueError:
        return None


__all__ = [
    "DISTRIBUTION",
    "LEGACY_PROTOCOL",
    "PROTOCOL_HEADER",
    "PROTOCOL_VERSION",
    "VERSION_HEADER",
    "app_version",
    "parse_protocol",
    "version_line",
]
