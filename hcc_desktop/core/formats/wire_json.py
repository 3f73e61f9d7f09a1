"""JSON as the sync wire and the server store it: fast (orjson) where it is
safe, the standard library where a check needs it.

Requests come from any client, so they are decoded with :func:`loads_request`:
orjson first and, where it refuses, the standard decoder. That one accepts
``NaN``/``Infinity`` and lone surrogates (``\\udXXX`` escapes), which keeps a
bad value inside the one record holding it; :func:`dumps` then refuses that
record alone (``TypeError``), where PostgreSQL would refuse the whole
statement. Everything else (responses, stored documents) is valid JSON from
a trusted side and goes through orjson.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


class NotJson:
    """A ``NaN``, ``Infinity`` or ``-Infinity`` read from a request: kept as a
    marker :func:`dumps` refuses, so that the value is never stored."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        return self.token


def loads_request(raw: bytes | str) -> Any:
    """Decode a request body; raises ``ValueError`` when it is not JSON."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        # NaN, Infinity, a lone surrogate, a huge integer (or no JSON at all):
        # the standard decoder takes the first three and leaves the record
        # holding one to be refused alone. Nesting deeper than orjson's limit
        # (1,024 levels) is refused too: the standard decoder would recurse
        # until Python's stack limit.
        try:
            return json.loads(raw, parse_constant=NotJson)
        except RecursionError:
            raise ValueError("JSON nested too deeply") from None


def loads(raw: bytes | str) -> Any:
    """Decode JSON written by a trusted side (a response, a stored document)."""
    return orjson.loads(raw)


def dumps_bytes(value: Any) -> bytes:
    """Compact UTF-8 JSON, keys in their order. ``TypeError`` for what JSON
    cannot carry: a :class:`NotJson` marker, a lone surrogate, an integer
    beyond 64 bits, a value of another type."""
    return orjson.dumps(value)


def dumps(value: Any) -> str:
    """:func:`dumps_bytes` as text."""
    return orjson.dumps(value).decode("utf-8")


__all__ = ["NotJson", "dumps", "dumps_bytes", "loads", "loads_request"]
