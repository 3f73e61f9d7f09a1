"""User-facing text for the error codes of the core, in the interface language.

The English sources and the rules that fill them in live in
hcc_desktop/core/messages.py (shared with the CLI); this module reads them
through ``QCoreApplication.translate``, so the Vietnamese comes from the
translation file the program loaded.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hcc_desktop.core.errors import CatalogIssue, FieldError, HccError
from hcc_desktop.core.messages import (
    CATALOG_FIELDS,
    CATALOG_MESSAGES,
    CONTEXT,
    ERROR_MESSAGES,
    FIELD_LABELS,
    FIELD_MESSAGES,
    FIELD_SPECIFIC,
    PERSON_ROLES,
    QT_TRANSLATE_NOOP,
    Catalogue,
    field_key,
    template_for,
)

__all__ = [
    "CATALOG_FIELDS",
    "CATALOG_MESSAGES",
    "CONTEXT",
    "ERROR_MESSAGES",
    "FIELD_LABELS",
    "FIELD_MESSAGES",
    "FIELD_SPECIFIC",
    "PERSON_ROLES",
    "QT_TRANSLATE_NOOP",
    "catalog_issue",
    "error_message",
    "field_key",
    "field_label",
    "field_message",
    "sync_reason",
    "template_for",
]


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


_CATALOGUE = Catalogue(_translate)


def field_message(err: FieldError) -> str:
    """The translated sentence shown under the field at fault."""
    return _CATALOGUE.field_message(err)


def field_label(field: str) -> str:
    """A short translated name for a field, used where the message is not next to it."""
    return _CATALOGUE.field_label(field)


def error_message(exc: HccError) -> str:
    """The translated text for a typed error of the core, parameters filled in."""
    return _CATALOGUE.error_message(exc)


def catalog_issue(issue: CatalogIssue) -> str:
    """One fault of a catalog file, located and with what to do."""
    return _CATALOGUE.catalog_issue(issue)


def sync_reason(reason: str) -> str:
    """A refusal reason of the sync server as a sentence (HTTP statuses included)."""
    return _CATALOGUE.sync_reason(reason)
