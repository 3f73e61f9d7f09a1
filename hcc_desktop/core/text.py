"""Text normalisation: NFC at the service boundary, folded keys for search."""

from __future__ import annotations

import re
import unicodedata

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


_TOKEN = re.compile(r"[0-9a-z]+")


def tokens(value: str | None) -> list[str]:
    """Folded alphanumeric tokens, the unit of the search index."""
    return _TOKEN.findall(fold(value))


def format_money(amount: int) -> str:
    """Integer đồng as ``10.000 đ`` (dot as thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"
