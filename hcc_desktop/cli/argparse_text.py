"""argparse's own messages ("the following arguments are required" …) in the CLI's language.

argparse looks its messages up through ``gettext`` at the moment it prints them; the
command line points that lookup at the project's translation file instead, so a
mistyped command is answered in Vietnamese like every other message of the CLI.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from hcc_desktop.cli import text
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP

CONTEXT = "argparse"

# The messages of Python 3.11–3.13's argparse an officer can meet (marked for lupdate).
MESSAGES = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
)


def _gettext(message: str) -> str:
    return text.translate(CONTEXT, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def language_of(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given on the command line, read before argparse parses it
    (argparse's own errors come before the parsed options exist)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def install(argv: Sequence[str]) -> None:
    """Choose the CLI's language from ``argv`` (or $HCC_LANG) and let argparse speak it."""
    text.set_language(language_of(argv))
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
