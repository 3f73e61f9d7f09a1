#!/usr/bin/env python3
"""Build the one-folder bundle of HCC Desktop with PyInstaller (Linux and Windows).

    python3 packaging/build.py            -> dist/hcc-desktop/ (hcc-desktop + hcc-desktop-cli)
    python3 packaging/build.py --archive  -> also dist/hcc-desktop-<version>-linux-x86_64.tar.gz

The project is installed the way a user would get it: a normal (not editable)
install of ``.`` without the dev extras, into its own virtual environment
build/venv next to PyInstaller from PyPI. PyInstaller then analyses the
*installed* package (the entry scripts live in packaging/, so the source tree is
never on the analysis path), carrying resources/, both Alembic migration folders
and the data of ``holidays`` (see hcc_desktop.spec). The venv is reused while
pyproject.toml is unchanged; the project itself is reinstalled on every build.
"""

from __future__ import annotations

import argparse
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


def _run(*cmd: str | Path, cwd: Path = ROOT) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    # PYTHONPATH would let the source tree leak into the analysis.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, check=True)


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
    # setuptools builds in the tree: its staging folders and metadata must not be
    # mistaken for the installed package later.
    for leftover in (BUILD / "lib", *BUILD.glob("bdist.*"), *ROOT.glob("*.egg-info")):
        shutil.rmtree(leftover, ignore_errors=True)
    return py


def check_nothing_needed_was_left_out() -> None:
    """Fail when a module of the app imports one the spec excludes (a new feature
    using, say, a Qt module pruned when nothing needed it): PyInstaller only warns."""
    warn = BUILD / "pyinstaller" / "hcc_desktop" / "warn-hcc_desktop.txt"
    wrong = []
    for line in warn.read_text("utf-8").splitlines():
        if not line.startswith("excluded module named "):
            continue
        name, _, importers = line.removeprefix("excluded module named ").partition(" - ")
        ours = [
            i
            for i in importers.removeprefix("imported by ").split(", ")
            if i.startswith("hcc_desktop")
        ]
        if ours:
            wrong.append(f"{name}, imported by {', '.join(ours)}")
    if wrong:
        sys.exit(
            "packaging/hcc_desktop.spec excludes modules the app imports; take them out of "
            "`excludes` (and their libraries out of _DROP_LIB_PARTS):\n  " + "\n  ".join(wrong)
        )


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def archive(bundle: Path) -> Path:
    """dist/hcc-desktop-<version>-linux-x86_64.tar.gz (or -windows-x64.zip) of the folder."""
    version = subprocess.run(
        [str(bundle / ("hcc-desktop-cli.exe" if os.name == "nt" else "hcc-desktop-cli")),
         "--version"],
        capture_output=True, text=True, check=True,
    ).stdout.split()[2]  # fmt: skip
    platform = "windows-x64" if os.name == "nt" else "linux-x86_64"
    fmt = "zip" if os.name == "nt" else "gztar"
    base = DIST / f"hcc-desktop-{version}-{platform}"
    return Path(shutil.make_archive(str(base), fmt, root_dir=DIST, base_dir=bundle.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/hcc-desktop with PyInstaller.")
    parser.add_argument("--archive", action="store_true", help="also pack it for download")
    args = parser.parse_args(argv)
    started = time.monotonic()
    py = ensure_venv()
    # Not from the source tree: ``python -m`` puts the working directory first on
    # sys.path, and hcc_desktop/ there would shadow the installed package.
    _run(
        py, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC,
        cwd=VENV,
    )  # fmt: skip
    check_nothing_needed_was_left_out()
    bundle = DIST / "hcc-desktop"
    size = folder_size(bundle) / 1e6
    print(f"bundle: {bundle} ({size:.0f} MB) in {time.monotonic() - started:.0f} s", flush=True)
    if args.archive:
        packed = archive(bundle)
        print(f"archive: {packed} ({packed.stat().st_size / 1e6:.0f} MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
