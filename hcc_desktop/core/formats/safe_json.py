"""``json.loads`` for files and bodies from outside: nesting too deep for the
decoder's recursion (a few thousand ``[``) is reported as invalid JSON, a
``json.JSONDecodeError`` at line 1, column 1, like any other malformed input,
instead of escaping as a ``RecursionError`` (a traceback in the CLI, a 500 on
the server).
"""

from __future__ import annotations

import json
from typing import Any

NESTED_TOO_DEEPLY = "JSON nested too deeply"


def loads(raw: str | bytes | bytearray) -> Any:
    """Decode JSON; ``json.JSONDecodeError`` (a ``ValueError``) when it is not
    JSON or nested too deeply, ``UnicodeDecodeError`` for bytes not UTF-8."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise json.JSONDecodeError(NESTED_TOO_DEEPLY, "", 0) from None


__all__ = ["NESTED_TOO_DEEPLY", "loads"]
