"""Pieces shared by the command-line modules (device, lifecycle, sync, server)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.core.errors import CatalogError, HccError, ValidationError

TIME_FORMAT = "%Y-%m-%d %H:%M"


class CliError(Exception):
    """Bad command-line input or a refused request; ``exit_code`` 2 by default."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = code


def fmt_time(moment: datetime | None) -> str | None:
    return moment.strftime(TIME_FORMAT) if moment else None


def parse_time(value: str, what: str) -> datetime:
    try:
        return datetime.strptime(value.strip(), TIME_FORMAT)
    except ValueError:
        raise CliError(text.say(text.BAD_TIME, what=what, value=repr(value))) from None


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def report(exc: HccError, *, catalog_verb: str = text.VERB_IMPORTED) -> None:
    """An error on stderr as sentences in the CLI's language: a headline, then one
    line per field at fault or catalog problem."""
    lines = text.error_lines(exc, catalog_verb=catalog_verb)
    print(text.error_line(lines[0]), file=sys.stderr)
    for line in lines[1:]:
        print(line, file=sys.stderr)


def fail(message: str) -> None:
    """One error sentence on stderr."""
    print(text.error_line(message), file=sys.stderr)


def report_technical(exc: HccError, *, catalog_verb: str = "imported") -> None:
    """An error on stderr with its codes, in English: the central server's command
    line, run by its administrators and their scripts."""
    if isinstance(exc, ValidationError):
        print("error: invalid input", file=sys.stderr)
        for e in exc.errors:
            print(f"  {e.describe()}", file=sys.stderr)
    elif isinstance(exc, CatalogError):
        print(f"error: catalog file rejected, nothing {catalog_verb}", file=sys.stderr)
        for p in exc.problems:
            print(f"  {p}", file=sys.stderr)
    else:
        print(f"error: {exc.describe()}", file=sys.stderr)
