"""Typed error hierarchy of the core.

Errors carry a machine code and parameters, never user-facing text: the UI maps
codes to translated messages, the CLI prints codes with an English description.
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


class CatalogError(HccError):
    """A catalog file was rejected as a whole; ``problems`` lists every fault."""

    code = "catalog_invalid"

    def __init__(self, problems: list[str], /, **params: Any) -> None:
        self.problems = tuple(problems)
        super().__init__(None, **params)

    def describe(self) -> str:
        return "catalog rejected: " + "; ".join(self.problems)


class CodeSpaceExhausted(HccError):
    """The device used up its block of dossier numbers for the day."""

    code = "code_space_exhausted"


class StorageError(HccError):
    """The local database cannot be opened, migrated or written."""

    code = "storage"


class PrintError(HccError):
    code = "print_failed"


class SyncError(HccError):
    code = "sync_failed"
