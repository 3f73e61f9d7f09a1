"""First run on Linux: are the system libraries of Qt's X11 platform plugin there?

Qt loads its "xcb" plugin when QApplication is created; if a library it links
against is missing (minimal desktops lack libxcb-cursor0, libxcb-icccm4 …), Qt
aborts with "Could not load the Qt platform plugin "xcb"" and a hint a ward
officer cannot act on. Before creating QApplication, ``check_platform()`` runs
``ldd`` on the plugin and, if libraries are "not found", returns a message naming
them and the one apt command that installs them. Imports no Qt (the check must
work when Qt cannot start).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# Shared library -> the Debian/Ubuntu package that ships it.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found\s*$", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ldd reported as "not found", each once, in order."""
    found: list[str] = []
    for name in _NOT_FOUND.findall(ldd_output):
        if name not in found:
            found.append(name)
    return found


def install_command(libraries: Sequence[str]) -> str:
    """The one apt command that installs the packages of ``libraries``."""
    packages: list[str] = []
    for lib in libraries:
        package = DEBIAN_PACKAGES.get(lib)
        if package is None:
            # An unknown soname: "libfoo-bar.so.2" is usually package "libfoo-bar2".
            stem, _, version = lib.partition(".so")
            package = (stem + version.strip(".").split(".")[0]).lower()
        if package not in packages:
            packages.append(package)
    return "sudo apt install " + " ".join(packages)


def platform_message(libraries: Sequence[str]) -> str:
    """What to tell the person starting the program (Vietnamese, then English)."""
    names = "\n".join(f"  - {lib}" for lib in libraries)
    command = install_command(libraries)
    return (
        "HCC Desktop không mở được cửa sổ: máy thiếu các thư viện hệ thống sau, "
        "cần cho giao diện trên Linux (X11):\n"
        f"{names}\n"
        "Cài đặt chúng bằng một lệnh (Debian/Ubuntu), rồi mở lại chương trình:\n"
        f"  {command}\n"
        "\n"
        "HCC Desktop cannot open its window: the system libraries above are missing. "
        "Install them with the command above, then start the program again."
    )


def needs_check(
    env: Mapping[str, str], qt_args: Sequence[str] = (), platform: str = sys.platform
) -> bool:
    """Whether Qt will use its X11 plugin: Linux, a DISPLAY, and no other platform chosen
    (QT_QPA_PLATFORM unset or xcb, no ``-platform`` other than xcb)."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    args = list(qt_args)
    if "-platform" in args and args.index("-platform") + 1 < len(args):
        chosen = args[args.index("-platform") + 1]
    return chosen == "" or chosen.startswith("xcb")


def xcb_plugin() -> Path | None:
    """Qt's X11 platform plugin inside the installed PySide6, if present."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def run_ldd(path: Path) -> str:
    """ldd's report on ``path`` ("" when ldd is missing or fails)."""
    try:
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def check_platform(env: Mapping[str, str] | None = None, qt_args: Sequence[str] = ()) -> str | None:
    """The message to print instead of Qt's abort, or None when the plugin can load
    (or the check does not apply)."""
    if not needs_check(os.environ if env is None else env, qt_args):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(run_ldd(plugin))
    return platform_message(missing) if missing else None
