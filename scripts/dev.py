#!/usr/bin/env python3
"""One command to set up and run HCC Desktop, its tests or its benchmarks.

    python3 scripts/dev.py run [APP ARGS…]   set up .venv, then start the app
    python3 scripts/dev.py test [PYTEST ARGS…]  set up .venv, lint, type-check, run every test
    python3 scripts/dev.py bench [ARGS…]     set up .venv, run the benchmarks (bench/run.py)
    python3 scripts/dev.py cli [ARGS…]       the command line (python -m hcc_desktop)

Works on Linux and Windows with only Python ≥ 3.11 installed. The virtual
environment lives in .venv and is reinstalled only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".hcc-installed"


def _python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def ensure_env() -> Path:
    if not _python().exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        py = _python()
        if _run(py, "-m", "pip", "install", "--quiet", "--upgrade", "pip") != 0:
            sys.exit("pip upgrade failed")
        if _run(py, "-m", "pip", "install", "--quiet", "-e", ".[dev]") != 0:
            sys.exit("installing HCC Desktop and its dependencies failed")
        STAMP.write_text(wanted)
    return _python()


def cmd_run(args: list[str]) -> int:
    py = ensure_env()
    return _run(py, "main.py", *args)


def cmd_cli(args: list[str]) -> int:
    py = ensure_env()
    return _run(py, "-m", "hcc_desktop", *args)


def cmd_test(args: list[str]) -> int:
    py = ensure_env()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        (py, "-m", "ruff", "check", "."),
        (py, "-m", "ruff", "format", "--check", "."),
        (py, "-m", "mypy"),
        (py, "-c", _LINT_IMPORTS),
    ]
    for step in steps:
        if _run(*step, env=env) != 0:
            print(f"FAILED: {' '.join(str(s) for s in step[:4])}", flush=True)
            return 1
    return _run(py, "-m", "pytest", *args, env=env)


# import-linter ships a console script; calling its entry point keeps this
# working on Windows too, where scripts live in .venv\Scripts.
_LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports_command; "
    "sys.exit(lint_imports_command())"
)


def cmd_bench(args: list[str]) -> int:
    py = ensure_env()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return _run(py, "bench/run.py", *args, env=env)


COMMANDS = {"run": cmd_run, "test": cmd_test, "bench": cmd_bench, "cli": cmd_cli}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
