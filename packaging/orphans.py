"""Libraries of the Linux bundle that nothing in it links to (used by hcc_desktop.spec).

PyInstaller collects a plugin's libraries before the spec drops the plugin: the
GTK platform theme, left out, leaves cairo, pango, ATK, gdk-pixbuf and their
own dependencies behind (about 5 MB). What remains once every kept binary's
``DT_NEEDED`` entries are followed is what the dynamic linker can load; a
library at the top of the bundle (or in a wheel's ``*.libs`` folder) that no kept
binary names is dead weight. Python extension modules and libpython are loaded
by Python, not by the linker: never candidates.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+?)\]")


def needed(path: str) -> set[str]:
    out = subprocess.run(
        ["readelf", "-dW", path], capture_output=True, text=True, check=False
    ).stdout
    return set(_NEEDED.findall(out))


def _candidate(dest: str) -> bool:
    p = PurePosixPath(dest.replace("\\", "/"))
    if ".cpython-" in p.name or p.name.endswith(".abi3.so") or p.name.startswith("libpython"):
        return False
    top = len(p.parts) == 1 or (len(p.parts) == 2 and p.parts[0].endswith(".libs"))
    return top and ".so" in p.name


def orphans(binaries: Iterable[tuple[str, str, str]]) -> set[str]:
    """Destinations of the candidate libraries no kept binary needs (to a fixed point)."""
    entries = list(binaries)
    links = {dest: needed(src) for dest, src, _ in entries}
    kept = set(links)
    while True:
        named = set().union(*(links[d] for d in kept))
        gone = {d for d in kept if _candidate(d) and PurePosixPath(d).name not in named}
        if not gone:
            return set(links) - kept
        kept -= gone


def has_symbols(path: str) -> bool:
    """Whether ``strip`` has something to take (a .symtab): the FFmpeg libraries of the
    PySide6 wheel come stripped, and binutils' strip rewriting them anyway leaves segments
    the dynamic linker refuses ("ELF load command address/offset not page-aligned")."""
    out = subprocess.run(
        ["readelf", "-SW", path], capture_output=True, text=True, check=False
    ).stdout
    return " .symtab " in out


def strip_copy(src: str, out: Path) -> str:
    """src stripped into out (its folder made), or src itself when there is nothing to strip."""
    if not has_symbols(src):
        return src
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["strip", "-o", str(out), src], check=True, capture_output=True)
    return str(out)


def unmet(
    kept: Iterable[tuple[str, str, str]], dropped: Iterable[tuple[str, str, str]]
) -> list[str]:
    """Kept binaries that need a library the spec dropped (they would not load)."""
    gone = {PurePosixPath(d.replace("\\", "/")).name for d, _, _ in dropped}
    return sorted(
        f"{dest} needs {', '.join(sorted(n))}" for dest, src, _ in kept if (n := needed(src) & gone)
    )
