"""Refresh the translation sources and compile them.

Runs pyside6-lupdate over hcc_desktop/ui/*.py (existing translations are kept;
strings no longer in the code are dropped) and pyside6-lrelease to build the
.qm files the program loads. Usage: ``python scripts/update_translations.py``
(``--check`` only reports unfinished strings and exits 1 if there are any).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "hcc_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("vi",)


def tool(name: str) -> str:
    """The PySide6 tool next to the running interpreter, else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"hcc_desktop_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"hcc_desktop_{language}.qm"


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in sorted(UI_DIR.glob("*.py"))]


def lupdate(language: str) -> None:
    ts = ts_file(language)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            language,
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "obsolete", "vanished")
                or not (translation.text or "").strip()
            ):
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only list unfinished strings")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        if not args.check:
            lupdate(language)
            lrelease(ts_file(language), qm_file(language))
        missing = unfinished(ts_file(language))
        for context, source in missing:
            print(f"unfinished [{language}] {context}: {source!r}")
        if missing:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
