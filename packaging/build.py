#!/usr/bin/env python3
"""Build the one-folder bundle of HCC Desktop with PyInstaller (Linux and Windows).

    python3 packaging/build.py            -> dist/hcc-desktop/ (hcc-desktop + hcc-desktop-cli)

The project is installed the way a user would get it: a normal (not editable)
install of ``.`` without the dev extras, into its own virtual environment
build/venv next to PyInstaller from PyPI. PyInstaller then analyses the
*installed* package (the entry scripts live in packaging/, so the source tree is
never on the analysis path), carrying resources/, both Alembic migration folders
and the data of ``holidays`` (see hcc_desktop.spec). The venv is reused while
pyproject.toml is unchanged; the project itself is reinstalled on every build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
VENV = BUILD / "venv"
STAMP = VENV / ".hcc-build-deps"
DIST = ROOT / "dist"
SPEC = ROOT / "packaging" / "hcc_desktop.spec"
PYINSTALLER = "pyinstaller>=6.10,<7"


def _python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    # PYTHONPATH would let the source tree leak into the analysis.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env, check=True)


def ensure_venv() -> Path:
    py = _python()
    if not py.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + PYINSTALLER.encode())
    if not STAMP.exists() or STAMP.read_text().strip() != wanted.hexdigest():
        _run(py, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        _run(py, "-m", "pip", "install", "--quiet", ".", PYINSTALLER)
        STAMP.write_text(wanted.hexdigest())
    # Always the current sources, as a regular install (never -e).
    _run(py, "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", ".")
    # setuptools leaves its staging folder here; never let it be picked up later.
    shutil.rmtree(BUILD / "lib", ignore_errors=True)
    shutil.rmtree(BUILD / "bdist.linux-x86_64", ignore_errors=True)
    return py


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    started = time.monotonic()
    py = ensure_venv()
    _run(
        py, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC,
    )  # fmt: skip
    bundle = DIST / "hcc-desktop"
    size = folder_size(bundle) / 1e6
    print(f"bundle: {bundle} ({size:.0f} MB) in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
