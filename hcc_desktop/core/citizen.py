"""A citizen asking for their data (issue 12 item 4): the identity number they give,
and the keys of ``citizen.json`` (documented in docs/citizen_export.md)."""

from __future__ import annotations

import re

from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.text import nfc

_CCCD = re.compile(r"[0-9]{12}")
_CMND = re.compile(r"[0-9]{9}")
_PASSPORT = re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{6,9}")

# Version of the citizen.json layout; bump when a key changes meaning.
EXPORT_FORMAT = "hcc-citizen-export/1"


def parse_id_number(raw: str, field: str = "id_number") -> str:
    """The identity number as stored (CCCD 12 digits, CMND 9, or a passport number
    in capitals), or ``ValidationError`` (``id_number_format``)."""
    value = re.sub(r"\s+", "", nfc(raw)).upper()
    if _CCCD.fullmatch(value) or _CMND.fullmatch(value) or _PASSPORT.fullmatch(value):
        return value
    raise ValidationError([FieldError(field, "id_number_format")])
