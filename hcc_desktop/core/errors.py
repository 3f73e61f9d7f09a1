"""Typed error hierarchy of the core.

Errors carry a machine code and parameters, never user-facing text: the UI maps
codes to translated messages (hcc_desktop/core/messages.py holds their sources), and so
does the CLI.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field, e.g. ``applicant.id_number``."""

    field: str
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def describe(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.field}: {self.code}" + (f" ({extra})" if extra else "")


class HccError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        self.code = code or type(self).code
        self.params = params
        super().__init__(self.describe())

    def describe(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return self.code + (f" ({extra})" if extra else "")


class ValidationError(HccError):
    """Input rejected; ``errors`` names every field at fault."""

    code = "validation"

    def __init__(self, errors: list[FieldError] | tuple[FieldError, ...], /, **params: Any) -> None:
        self.errors = tuple(errors)
        super().__init__(None, **params)

    def describe(self) -> str:
        return "invalid input: " + "; ".join(e.describe() for e in self.errors)

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)


class QrParseError(HccError):
    """A CCCD QR string could not be read (truncated, garbage, inconsistent)."""

    code = "qr_invalid"


class NotFound(HccError):
    code = "not_found"


class ConflictError(HccError):
    code = "conflict"


class TransitionError(HccError):
    """A lifecycle action not allowed in the dossier's current status."""

    code = "transition_not_allowed"


@dataclass(frozen=True)
class CatalogIssue:
    """One fault of a catalog file, located for a person to find it.

    ``field`` is the field's path without indexes ("name", "components.name",
    "fees.amount"; "" for the whole file); ``procedure`` and ``row`` count from 1
    (the procedure in the file, the paper or fee row in that procedure);
    ``location`` is the technical path ("procedures.0.components.1.name").
    """

    code: str
    field: str = ""
    procedure: int | None = None
    procedure_code: str = ""
    row: int | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    location: str = ""

    def describe(self) -> str:
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        where = self.location or self.field or "(file)"
        return f"{where}: {self.code}" + (f" ({extra})" if extra else "")


class CatalogError(HccError):
    """A catalog file was rejected as a whole; ``issues`` locates every fault and
    ``problems`` describes each in one technical line (logs, the server)."""

    code = "catalog_invalid"

    def __init__(self, problems: list[str] | list[CatalogIssue], /, **params: Any) -> None:
        self.issues = tuple(p for p in problems if isinstance(p, CatalogIssue))
        self.problems = tuple(p.describe() if isinstance(p, CatalogIssue) else p for p in problems)
        super().__init__(None, **params)

    def describe(self) -> str:
        return "catalog rejected: " + "; ".join(self.problems)


class CodeSpaceExhausted(HccError):
    """The device used up its block of dossier numbers for the day."""

    code = "code_space_exhausted"


class StorageError(HccError):
    """The local database cannot be opened, migrated or written."""

    code = "storage"


class BackupError(HccError):
    """A backup could not be written, or a backup file does not verify (nothing replaced)."""

    code = "backup_failed"


class StoreKeyError(StorageError):
    """The store's encryption key is missing, wrong, or cannot be kept (issue 12).

    Codes: ``key_missing`` (no key in the keyring for an encrypted store),
    ``key_wrong`` (the key does not open the file), ``recovery_key_invalid``
    (``HCC_RECOVERY_KEY`` is not a recovery key), ``key_store_failed`` (the
    keyring refused the key). The file is never written when raised.
    """

    code = "key_wrong"


class PrintError(HccError):
    code = "print_failed"


class SyncError(HccError):
    code = "sync_failed"


class AuthError(HccError):
    """A login refused: ``bad_credentials`` (never says which of user name and password
    was wrong), ``account_locked`` (with ``until``), ``no_accounts`` (a store from before
    accounts: create its first administrator), ``not_logged_in``."""

    code = "bad_credentials"


class PermissionDenied(HccError):
    """The logged-in officer's role may not do this (params ``permission``, ``role``)."""

    code = "not_allowed"
