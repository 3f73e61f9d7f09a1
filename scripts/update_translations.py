"""Refresh the translation sources and compile them.

Runs pyside6-lupdate over hcc_desktop/ui/**/*.py, core/messages.py and cli/*.py (the
CLI reads the same .ts; existing translations are kept;
strings no longer in the code are dropped) and pyside6-lrelease to build the
.qm files the program loads (also resources/translations/qtbase_<lang>.ts, our
translation of Qt's own dialogs and menus, which is only compiled).
Usage: ``python scripts/update_translations.py``
(``--check`` only reports unfinished strings and exits 1 if there are any;
``--fill FILE.json …`` first fills unfinished strings from JSON lists of
``{"context", "source", "translation"}``, so several people can add
translations without editing the .ts by hand).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "hcc_desktop" / "ui"
CLI_DIR = ROOT / "hcc_desktop" / "cli"
# Qt-free modules whose strings the UI and the CLI show (cli/text.py reads the .ts).
SHARED_SOURCES = (ROOT / "hcc_desktop" / "core" / "messages.py",)
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


def qt_ts_file(language: str) -> Path:
    """Our translation of Qt's own strings (standard buttons, context menus, the file
    dialog), for languages Qt ships none for; written by hand, never lupdate'd."""
    return TRANSLATIONS / f"qtbase_{language}.ts"


def sources() -> list[str]:
    files = [*sorted(UI_DIR.rglob("*.py")), *SHARED_SOURCES, *sorted(CLI_DIR.glob("*.py"))]
    return [str(p.relative_to(ROOT)) for p in files]


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


def fill(ts: Path, files: list[Path]) -> int:
    """Fill unfinished messages of ``ts`` from JSON files; returns how many."""
    wanted: dict[tuple[str, str], str] = {}
    for f in files:
        for item in json.loads(f.read_text(encoding="utf-8")):
            wanted[(item["context"], item["source"])] = item["translation"]
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            translation = message.find("translation")
            if key not in wanted or translation is None:
                continue
            if translation.get("type") != "unfinished" and (translation.text or "").strip():
                continue
            translation.text = wanted[key]
            translation.attrib.pop("type", None)
            done += 1
    if done:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only list unfinished strings")
    parser.add_argument("--fill", nargs="*", type=Path, default=[], help="JSON translation lists")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for language in LANGUAGES:
        if not args.check:
            lupdate(language)
            if args.fill:
                print(f"filled {fill(ts_file(language), args.fill)} strings")
            lrelease(ts_file(language), qm_file(language))
            if qt_ts_file(language).exists():
                lrelease(qt_ts_file(language), qt_ts_file(language).with_suffix(".qm"))
        missing = unfinished(ts_file(language))
        if qt_ts_file(language).exists():
            missing += unfinished(qt_ts_file(language))
        for context, source in missing:
            print(f"unfinished [{language}] {context}: {source!r}")
        if missing:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
