"""First run on Linux (issue 9, item 15): missing X11 libraries are named with the
one command that installs them, before Qt would abort."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desktop.ui import platform_check
from hcc_desktop.ui.platform_check import (
    check_platform,
    install_command,
    missing_libraries,
    needs_check,
)

# ldd on PySide6's libqxcb.so of a minimal Debian 12 desktop.
LDD = """\
\tlinux-vdso.so.1 (0x00007ffd6b3e5000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f1)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibQt6Gui.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6Gui.so.6 (0x7f2)
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x7f3)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibfoo-bar.so.2 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x7f4)
"""


def test_missing_libraries_are_read_from_ldd() -> None:
    assert missing_libraries(LDD) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
        "libxcb-keysyms.so.1",
        "libfoo-bar.so.2",
    ]
    assert missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_one_apt_command_installs_them() -> None:
    assert install_command(missing_libraries(LDD)) == (
        "sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0 libxcb-keysyms1 "
        "libfoo-bar2"
    )


@pytest.mark.parametrize(
    ("env", "qt_args", "platform", "expected"),
    [
        ({"DISPLAY": ":0"}, [], "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, [], "linux", True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, [], "linux", False),
        ({"DISPLAY": ":0"}, ["-platform", "offscreen"], "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, ["-platform", "xcb"], "linux", False),
        ({}, [], "linux", False),
        ({"DISPLAY": ":0"}, [], "win32", False),
    ],
)
def test_the_check_applies_only_where_qt_uses_x11(
    env: dict[str, str], qt_args: list[str], platform: str, expected: bool
) -> None:
    assert needs_check(env, qt_args, platform) is expected


def test_check_platform_names_the_libraries_and_the_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin)
    monkeypatch.setattr(platform_check, "run_ldd", lambda path: LDD if path == plugin else "")
    monkeypatch.setattr(sys, "platform", "linux")
    message = check_platform({"DISPLAY": ":0"})
    assert message is not None
    assert "libxcb-cursor.so.0" in message
    assert "thiếu các thư viện hệ thống" in message
    assert "  sudo apt install libxcb-cursor0 libxcb-icccm4" in message
    monkeypatch.setattr(platform_check, "run_ldd", lambda path: "\tlibc.so.6 => /lib/c (0x1)\n")
    assert check_platform({"DISPLAY": ":0"}) is None
    assert check_platform({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_app_prints_the_message_instead_of_qt_aborting(tmp_path: Path) -> None:
    """A real start with a fake ldd on PATH: the message, exit code 1, no Qt abort."""
    fake = tmp_path / "bin"
    fake.mkdir()
    ldd = fake / "ldd"
    ldd.write_text("#!/bin/sh\ncat <<'EOF'\n" + LDD + "EOF\n", "utf-8")
    ldd.chmod(0o755)
    if platform_check.xcb_plugin() is None or not sys.platform.startswith("linux"):
        pytest.skip("needs PySide6's X11 plugin on Linux")
    env = {
        "PATH": f"{fake}:/usr/bin:/bin",
        "DISPLAY": ":99",
        "HCC_DESKTOP_HOME": str(tmp_path / "home"),
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "x.db")],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 1, done.stderr
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in done.stderr
    assert "Could not load the Qt platform plugin" not in done.stderr
