"""Where things live: bundled resources and the per-user data directory."""

from __future__ import annotations

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
