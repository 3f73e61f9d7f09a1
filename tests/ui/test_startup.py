"""Start-up (issue 14): the first window is painted before the store, SQLAlchemy and
the services are imported; they load on the task runner, then the main window takes
its place and reads its lists."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from hcc_desktop.ui import app, startup

seen = {}
original = startup.StartupWindow.paintEvent

def paint(self, event):
    if not seen:
        seen.update(
            sqlalchemy="sqlalchemy" in sys.modules,
            # The package itself is light (the key is looked up through it on a
            # thread meanwhile); the services are wired in services/wiring.py.
            services="hcc_desktop.services.wiring" in sys.modules,
            main_window="hcc_desktop.ui.main_window" in sys.modules,
        )
    original(self, event)

startup.StartupWindow.paintEvent = paint
code = app.run(["--db", sys.argv[1], "--lang", "vi", "--quit-after-show"])
seen["after"] = "sqlalchemy" in sys.modules and "hcc_desktop.ui.main_window" in sys.modules
seen["code"] = code
print(json.dumps(seen))
"""


def test_first_window_is_painted_before_the_services_are_imported(tmp_path: Path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HCC_DESKTOP_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        # The store's first administrator, and the login --quit-after-show uses (issue 12).
        "HCC_USER": "binh",
        "HCC_PASSWORD": "mat-khau-thu",
    }
    init = ["init", "--admin-user", "binh"]
    subprocess.run(
        [sys.executable, "-m", "hcc_desktop", "--db", str(tmp_path / "hcc.db"), *init],
        env=env,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
        check=True,
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "hcc.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    figures = dict(line.split() for line in lines[:-1])
    seen = json.loads(lines[-1])
    assert seen == {
        "sqlalchemy": False,
        "services": False,
        "main_window": False,
        "after": True,
        "code": 0,
    }
    assert 0 < int(figures["shown"]) <= int(figures["lists"])


def test_the_pyside_import_hook_does_not_read_qt_free_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import inspect

    import shibokensupport.feature as feature  # type: ignore[import-not-found]
    import sqlalchemy.sql.compiler

    import hcc_desktop.services.dossiers.query as query
    from hcc_desktop.ui.startup import cheaper_pyside_import_hook

    cheaper_pyside_import_hook()
    read: list[str] = []
    real = inspect.getsource

    def spy(obj: object) -> str:
        read.append(getattr(obj, "__name__", "?"))
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", spy)
    assert feature._mod_uses_pyside(sqlalchemy.sql.compiler) is False
    assert feature._mod_uses_pyside(query) is False
    assert feature._mod_uses_pyside(json) is False
    assert read == []
    # A module the hook cannot place is still read, as PySide6 does.
    import tests.ui.conftest as conftest

    assert feature._mod_uses_pyside(conftest)
    assert "tests.ui.conftest" in read


CLOSE_EARLY = """
import json, sys
from PySide6.QtWidgets import QApplication
from hcc_desktop.ui import app, startup

original = startup.StartupWindow._first_paint_done

def painted_then_closed(self):
    original(self)  # the store starts opening on the task runner
    self.close()  # the officer closes the window before the main window is there

startup.StartupWindow._first_paint_done = painted_then_closed
code = app.run(["--db", sys.argv[1], "--lang", "vi"])
windows = [type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()]
print(json.dumps({"code": code, "windows": windows}))
"""


def test_closing_the_first_window_before_the_store_opens_ends_the_program(
    tmp_path: Path,
) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HCC_DESKTOP_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_EARLY, str(tmp_path / "hcc.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"code": 0, "windows": []}
    assert (tmp_path / "hcc.db").exists()  # the store was opened (and closed) all the same


LISTS_EARLY = """
import json, sys
from hcc_desktop.ui import app, startup

seen = {}
original = startup.StartupWindow.show_lists

def show_lists(self, lists):
    seen.update(
        sqlalchemy="sqlalchemy" in sys.modules,
        services="hcc_desktop.services.wiring" in sys.modules,
        main_window="hcc_desktop.ui.main_window" in sys.modules,
        counts=lists.counts,
    )
    original(self, lists)
    seen["rows"] = self.table.model().rowCount()
    header = self.table.horizontalHeader()
    seen["order"] = [header.logicalIndex(i) for i in range(header.count())]
    # The table's model and the rest of show_lists imported nothing of them either.
    seen["sqlalchemy_after"] = "sqlalchemy" in sys.modules

startup.StartupWindow.show_lists = show_lists
code = app.run(["--db", sys.argv[1], "--lang", "vi", "--quit-after-show"])
seen["code"] = code
print(json.dumps(seen))
"""


def _store(tmp_path: Path, *commands: list[str]) -> tuple[dict[str, str], str]:
    """The environment of a start in ``tmp_path`` and a store made there by ``init``
    and then ``commands`` (CLI)."""
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HCC_DESKTOP_HOME": str(tmp_path / "home"),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "HCC_USER": "binh",
        "HCC_PASSWORD": "mat-khau-thu",
    }
    db = str(tmp_path / "hcc.db")
    for command in (["init", "--admin-user", "binh"], *commands):
        subprocess.run(
            [sys.executable, "-m", "hcc_desktop", "--db", db, *command],
            env=env,
            capture_output=True,
            timeout=120,
            cwd=ROOT,
            check=True,
        )
    return env, db


def _started(tmp_path: Path, probe: str, *, password: str = "mat-khau-thu") -> tuple[dict, dict]:
    env, db = _store(tmp_path, ["demo", "--dossiers", "200", "--months", "1"])
    done = subprocess.run(
        [sys.executable, "-c", probe, db],
        env={**env, "HCC_PASSWORD": password},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    lines = done.stdout.strip().splitlines()
    figures = dict(line.split() for line in lines[:-1] if len(line.split()) == 2)
    return figures, json.loads(lines[-1])


def test_the_first_lists_are_shown_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    figures, seen = _started(tmp_path, LISTS_EARLY)
    assert seen["code"] == 0
    assert (seen["sqlalchemy"], seen["services"], seen["main_window"]) == (False, False, False)
    assert seen["sqlalchemy_after"] is False
    assert seen["rows"] == seen["counts"]["today"]
    # The main window's column order (nothing jumps when it takes this list's place).
    from hcc_desktop.ui.common.table_models import Column

    assert seen["order"] == [
        Column.CODE, Column.OWNER, Column.PROCEDURE, Column.RECEIVED, Column.DUE,
        Column.PROGRESS, Column.STATUS, Column.HOLDER, Column.CHANNEL, Column.OFFICER,
    ]  # fmt: skip
    assert sum(seen["counts"].values()) > 0  # the demo's dossiers fill the worklists
    # The first lists, then the main window's (after the services): both printed.
    assert 0 < int(figures["shown"]) <= int(figures["early"]) <= int(figures["lists"])


def test_a_refused_early_login_goes_to_the_services(tmp_path: Path) -> None:
    figures, seen = _started(tmp_path, LISTS_EARLY, password="wrong password")
    # No lists shown; the services refused the login (exit 3, as the CLI).
    assert seen == {"code": 3}
    assert "lists" not in figures


def test_a_quiet_start_without_the_stores_key_ends_with_the_reason(tmp_path: Path) -> None:
    """``--quit-after-show`` never shows a dialog: a store whose key is not in this
    keyring ends the program (exit 1) with the reason on stderr, instead of waiting for
    a click on the error dialog (a benchmark or the bundle's smoke test would hang)."""
    env, db = _store(tmp_path)
    # Another home: another (empty) keyring, no recovery key given.
    elsewhere = {**env, "HCC_DESKTOP_HOME": str(tmp_path / "elsewhere")}
    done = subprocess.run(
        [sys.executable, "main.py", "--db", db, "--lang", "vi", "--quit-after-show"],
        env=elsewhere,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "HCC_RECOVERY_KEY" in done.stderr
    assert "lists" not in done.stdout
