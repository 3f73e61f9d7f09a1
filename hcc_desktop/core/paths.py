"""Where things live: bundled resources and the per-user data directory."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "HCC Desktop"
APP_AUTHOR = "HCC"


def _resources_dir() -> Path:
    """resources/ of the source tree, or the bundle's copy in the frozen app
    (packaging/hcc_desktop.spec puts it at the top of PyInstaller's _internal)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES = _resources_dir()


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def data_dir() -> Path:
    """Per-user data directory; HCC_DESKTOP_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("HCC_DESKTOP_HOME")
    return Path(override) if override else user_data_path(APP_NAME, APP_AUTHOR)


def default_db_path() -> Path:
    return data_dir() / "hcc.db"


def log_dir() -> Path:
    override = os.environ.get("HCC_DESKTOP_HOME")
    return Path(override) / "logs" if override else user_log_path(APP_NAME, APP_AUTHOR)


# -- private files (issue 12) ------------------------------------------------------------
# Citizens' data never lie readable by another user of the machine: the data directory is
# 0700 and every file the app writes 0600. The process umask does the bulk (SQLite creates
# the WAL and SHM, logging its files, reportlab its PDFs); ``make_private`` also repairs
# what an older version left group- or world-readable.

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_UMASK = 0o077


def private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix":
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Make an existing file 0600 (nothing happens when it is not there)."""
    if os.name == "posix":
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, PRIVATE_FILE_MODE)


def private_umask() -> None:
    """Files created from now on by this process are 0600, folders 0700 (POSIX)."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def make_private(store: Path) -> None:
    """Set the process umask so that every file created from now on is 0600, make the
    store's folder (and the data directory, when it is another) 0700, and repair the
    modes of the store, its WAL/SHM and its backups."""
    if os.name != "posix":  # pragma: no cover - Windows: the profile folder is private
        return
    private_umask()
    private_dir(store.parent)
    home = data_dir()
    if home.exists() and home.resolve() != store.parent.resolve():
        private_dir(home)
    for sibling in store.parent.glob(store.name + "*"):
        if sibling.is_file():
            private_file(sibling)


def secure_remove(path: Path) -> None:
    """Overwrite a file with zeros, flush it to the disk and unlink it.

    On a copy-on-write or flash file system the old blocks may survive; this still
    removes the plain bytes from every ordinary reading of the disk and the file name."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b", buffering=0) as f:
        chunk = b"\0" * (1 << 20)
        left = size
        while left > 0:
            n = min(left, len(chunk))
            f.write(chunk[:n])
            left -= n
        os.fsync(f.fileno())
    path.unlink()
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename or an unlink in ``path`` durable (POSIX; a no-op on Windows)."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
