"""HCC Desktop: offline desktop app for ward one-stop counters (Qt-free core)."""

from hcc_desktop.core.version import app_version

# pyproject.toml's version, through the installed metadata (hcc_desktop/core/version.py).
__version__ = app_version()
