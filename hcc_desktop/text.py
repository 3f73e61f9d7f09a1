"""Text normalisation: NFC at the service boundary, folded keys for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ have no canonical decomposition, so stripping combining marks leaves them.
_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(value: str | None) -> str:
    """NFC-normalise and trim; collapses inner runs of white space."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold(value: str | None) -> str:
    """Lower-case, diacritic-free form used for search keys and matching."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", value.translate(_FOLD_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.translate(_FOLD_EXTRA).lower()).strip()


_TOKEN = re.compile(r"[0-9a-z]+")


def tokens(value: str | None) -> list[str]:
    """Folded alphanumeric tokens, the unit of the search index."""
    return _TOKEN.findall(fold(value))


def format_money(amount: int) -> str:
    """Integer đồng as ``10.000 đ`` (dot as thousands separator)."""
    return f"{amount:,}".replace(",", ".") + " đ"
