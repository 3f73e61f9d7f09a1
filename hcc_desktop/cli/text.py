"""The command line's words, in Vietnamese unless ``--lang en`` or ``HCC_LANG=en``.

The CLI may not import Qt, so it reads the Vietnamese straight from the
translation source the UI is built from (resources/translations/
hcc_desktop_vi.ts): every sentence has one English source (core/messages.py for
the error codes, this module for the CLI's own lines) and one translation,
shared by the window and the command line. Only human-readable text goes
through here; exit codes and ``--json`` output never change with the language.
"""

from __future__ import annotations

import errno
import os
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

from hcc_desktop.core.errors import CatalogError, HccError, ValidationError
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP, Catalogue, field_key
from hcc_desktop.core.paths import resource

CONTEXT = "Cli"
LANG_ENV = "HCC_LANG"
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_language: str | None = None

# The CLI's own lines (the error codes' sentences are in core/messages.py).
ERROR_PREFIX = QT_TRANSLATE_NOOP("Cli", "error: {message}")
INVALID_INPUT = QT_TRANSLATE_NOOP("Cli", "Some information is not valid; nothing was saved:")
FIELD_LINE = QT_TRANSLATE_NOOP("Cli", "{label} ({field}): {message}")
CATALOG_REJECTED = QT_TRANSLATE_NOOP(
    "Cli", "The procedure catalog file was rejected; nothing was {verb}:"
)
VERB_IMPORTED = QT_TRANSLATE_NOOP("Cli", "imported")
VERB_PUBLISHED = QT_TRANSLATE_NOOP("Cli", "published")
SAME_DAY = QT_TRANSLATE_NOOP("Cli", "same day")
WORKING_DAYS = QT_TRANSLATE_NOOP("Cli", "{days} working days")
FILE_NOT_FOUND = QT_TRANSLATE_NOOP(
    "Cli", "The file {path} does not exist: check its name and folder"
)
FILE_DENIED = QT_TRANSLATE_NOOP(
    "Cli", "No permission to open {path}: ask the administrator or choose another file"
)
FILE_IS_DIR = QT_TRANSLATE_NOOP("Cli", "{path} is a folder, not a file: give the file's name")
FILE_NO_SPACE = QT_TRANSLATE_NOOP(
    "Cli", "The disk is full while writing {path}: free some space and try again"
)
FILE_OTHER = QT_TRANSLATE_NOOP("Cli", "Cannot use the file {path} ({reason}): check it and retry")
BAD_TIME = QT_TRANSLATE_NOOP(
    "Cli", "{what}: write the time as YYYY-MM-DD HH:MM (for example 2026-11-23 08:30), not {value}"
)
BAD_DAY = QT_TRANSLATE_NOOP(
    "Cli", "{what}: write the date as YYYY-MM-DD (for example 2026-11-23), not {value}"
)
NOT_JSON = QT_TRANSLATE_NOOP(
    "Cli", "The intake file is not valid JSON (line {line}, column {column}): correct it"
)

# What to type or know on the command line, after the sentence shared with the window
# (keyed by the field without its prefix and indexes, and the code).
FIELD_HINTS: dict[tuple[str, str], str] = {
    ("received_at", "unusual_date"): QT_TRANSLATE_NOOP(
        "Cli", "if the time is right, add --allow-unusual-date"
    ),
    ("at", "in_future"): QT_TRANSLATE_NOOP(
        "Cli", "a time in the future would lock the dossier against later steps"
    ),
}
HINTED = QT_TRANSLATE_NOOP("Cli", "{message}; {hint}")


def set_language(language: str | None) -> str:
    """Choose the language of the CLI's text: ``language``, else $HCC_LANG, else Vietnamese."""
    global _language
    chosen = language or os.environ.get(LANG_ENV, "") or DEFAULT_LANGUAGE
    _language = chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
    return _language


def language() -> str:
    return _language or set_language(None)


@cache
def _table(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation, read from the .ts file."""
    found: dict[tuple[str, str], str] = {}
    path: Path = resource("translations", f"hcc_desktop_{lang}.ts")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return found
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            if translation.text:
                found[(name, message.findtext("source", ""))] = translation.text
    return found


def translate(context: str, text: str) -> str:
    lang = language()
    if lang == "en":
        return text
    return _table(lang).get((context, text), text)


def say(template: str, /, **params: Any) -> str:
    """One of this module's lines in the CLI's language, parameters filled in."""
    return translate(CONTEXT, template).format(**params)


def catalogue() -> Catalogue:
    return Catalogue(translate)


def processing_time(days: int) -> str:
    """ "trong ngày" or "3 ngày làm việc"."""
    return say(SAME_DAY) if days == 0 else say(WORKING_DAYS, days=days)


def error_lines(exc: HccError, *, catalog_verb: str = VERB_IMPORTED) -> list[str]:
    """The sentences for a typed error: a headline, then one line per field or fault."""
    words = catalogue()
    if isinstance(exc, ValidationError):
        lines = [say(INVALID_INPUT)]
        for e in exc.errors:
            message = words.field_message(e)
            hint = FIELD_HINTS.get((field_key(e.field), e.code))
            if hint is not None:
                message = say(HINTED, message=message, hint=say(hint))
            label = words.field_label(e.field)
            lines.append("  " + say(FIELD_LINE, label=label, field=e.field, message=message))
        return lines
    if isinstance(exc, CatalogError):
        verb = translate(CONTEXT, catalog_verb)
        return [say(CATALOG_REJECTED, verb=verb)] + [
            "  " + line for line in words.catalog_lines(exc)
        ]
    return [words.error_message(exc)]


def error_line(message: str) -> str:
    return say(ERROR_PREFIX, message=message)


def os_error(exc: OSError) -> str:
    """A file that cannot be read or written, as a sentence with what to do."""
    path = exc.filename if exc.filename is not None else ""
    template = {
        errno.ENOENT: FILE_NOT_FOUND,
        errno.EACCES: FILE_DENIED,
        errno.EPERM: FILE_DENIED,
        errno.EISDIR: FILE_IS_DIR,
        errno.ENOSPC: FILE_NO_SPACE,
    }.get(exc.errno or 0, FILE_OTHER)
    return say(template, path=path, reason=exc.strerror or type(exc).__name__)
