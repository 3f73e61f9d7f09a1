"""Text normalisation: NFC at the service boundary, folded keys for search."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_SPACES = re.compile(r"\s+")


class _FoldTable(dict[int, int | str | None]):
    """``str.translate`` table for :func:`fold`: combining marks dropped and
    đ/Đ made d (they have no canonical decomposition); filled on first sight
    of each character, so a page of names costs a table lookup per character."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        value: int | str | None = code
        if char in "đĐ":
            value = "d"
        elif unicodedata.combining(char):
            value = None
        self[code] = value
        return value


_FOLD = _FoldTable()


def nfc(value: str | None) -> str:
    """NFC-normalise and trim; collapses inner runs of white space."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold(value: str | None) -> str:
    """Lower-case, diacritic-free form used for search keys and matching."""
    if not value:
        return ""
    if not value.isascii():
        value = unicodedata.normalize("NFD", value).translate(_FOLD)
    return _SPACES.sub(" ", value.lower()).strip()


def fold_each(values: Sequence[str]) -> list[str]:
    """``[fold(v) for v in values]`` in one pass over the joined text (a pulled
    page folds thousands of names): NUL, which folding keeps and no white
    space pattern matches, separates the values while they are folded."""
    joined = "\x00".join(values)
    if joined.count("\x00") != len(values) - 1:  # a value holds NUL itself (or none given)
        return [fold(v) for v in values]
    if not joined.isascii():
        joined = unicodedata.normalize("NFD", joined).translate(_FOLD)
    folded = _SPACES.sub(" ", joined.lower()).split("\x00")
    return [v.strip() for v in folded]


_TOKEN = re.compile(r"[0-9a-z]+")


def tokens(value: str | None) -> list[str]:
    """Folded alphanumeric tokens, the unit of the search index."""
    return _TOKEN.findall(fold(value))


def format_money(amount: int) -> str:
    """Integer đồng as ``10.000 đ`` (dot as thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"
