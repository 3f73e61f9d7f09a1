"""What the device's sync service hands out: results, status, conflicts, rejected items."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.errors import SyncError

ERROR_CODES = (
    "not_registered",
    "server_unreachable",
    "tls_error",
    "credential_revoked",
    "credential_invalid",
    "server_rejected",
    "server_error",
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "no_free_slot",
    "bundle_write_failed",
    "unit_mismatch",
    "device_id_taken",
    "rate_limited",
    "insecure_http",
    "credential_unreadable",
    "credential_store_failed",
    "device_too_old",
    "chain_head_invalid",
    "device_key_mismatch",
)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RegistrationResult:
    device_id: str
    unit_code: str
    device_slot: int
    server_url: str
    server_time: str

    @property
    def changes(self) -> Changes:
        """Registering changes the settings (server, unit, device number)."""
        return Changes(settings=True)


@dataclass(frozen=True)
class SyncResult:
    pushed: int = 0  # items the server took (applied or already held)
    pulled: int = 0  # changes applied locally
    conflicts: int = 0  # new conflicts (push and pull)
    rejected: int = 0  # items the server refused
    duplicates: int = 0  # pushed items the server already held
    cancelled: bool = False
    settings_changed: bool = False  # the unit's settings or the calendar came with the pull
    catalog_changed: bool = False  # a new procedure catalog came with the pull
    # Officer accounts sent (taken by the server) and taken from the pull: counted apart
    # from the unit's records above (services/sync/accounts).
    accounts: int = 0

    @property
    def changes(self) -> Changes:
        """What the sync changed here: pulled dossiers (which ones is not tracked),
        the settings and the catalog when the server sent new ones."""
        return Changes(
            all_dossiers=bool(self.pulled or self.conflicts),
            settings=self.settings_changed,
            catalog=self.catalog_changed,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "cancelled": self.cancelled,
            "accounts": self.accounts,
        }


@dataclass(frozen=True)
class SyncStatus:
    registered: bool
    server_url: str
    last_sync_at: datetime | None  # Vietnam time
    last_error: str | None
    last_error_at: datetime | None
    pending: int  # outbox entries
    open_conflicts: int
    rejected: int  # items the server refused (kept for review)
    days_since_sync: int | None
    warn: bool  # unsynced for longer than settings.sync_warn_days
    skipped: int = 0  # pulled records this device could not take (kept for review)
    last_error_params: Mapping[str, str] = field(default_factory=dict)

    @property
    def last_failure(self) -> SyncError | None:
        """The last error with its parameters (the units, the reason…), for its message."""
        if not self.last_error:
            return None
        return SyncError(self.last_error, **dict(self.last_error_params))

    def to_json(self) -> dict[str, Any]:
        def stamp(moment: datetime | None) -> str | None:
            return moment.isoformat(sep=" ", timespec="minutes") if moment else None

        return {
            "registered": self.registered,
            "server_url": self.server_url,
            "last_sync_at": stamp(self.last_sync_at),
            "last_error": self.last_error,
            "last_error_at": stamp(self.last_error_at),
            "last_error_params": dict(self.last_error_params),
            "pending": self.pending,
            "open_conflicts": self.open_conflicts,
            "rejected": self.rejected,
            "days_since_sync": self.days_since_sync,
            "warn": self.warn,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class FieldDifference:
    field: str
    local: Any
    server: Any


@dataclass(frozen=True)
class SyncConflict:
    """A dossier changed here and on another device since they last agreed."""

    id: str
    dossier_id: str
    code: str
    detected_at: datetime  # Vietnam time
    server_rev: int
    fields: tuple[str, ...]  # the fields that differ
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class RejectedItem:
    kind: str
    entity_id: str
    code: str  # the dossier's code ("" when unknown)
    reason: str
    detail: str
    at: str


@dataclass(frozen=True)
class AccountClash:
    """An officer account that did not travel: refused by the server
    (``user_name_taken``: another account of the unit holds the name) or not taken
    here (``user_name_taken_here``: a local account holds it). Never merged."""

    uid: str
    user_name: str
    reason: str
    detail: str
    at: str
    # The device the account that did not travel was made on ("" in clashes listed
    # before it was kept).
    device_id: str = ""


def to_result(totals: Mapping[str, int], *, cancelled: bool = False) -> SyncResult:
    return SyncResult(
        pushed=totals["pushed"],
        pulled=totals["pulled"],
        conflicts=totals["conflicts"],
        rejected=totals["rejected"],
        duplicates=totals["duplicates"],
        cancelled=cancelled,
        settings_changed=bool(totals.get("settings")),
        catalog_changed=bool(totals.get("catalog")),
        accounts=int(totals.get("accounts", 0)),
    )
