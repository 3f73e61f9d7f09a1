"""Officer accounts: roles and what each may do, user-name and password rules, lockout.

Qt- and DB-free. The service (``services/accounts``) stores the accounts and hashes the
passwords; the rules of who may do what live here so the CLI and the UI ask the same
question (``can(role, permission)``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from hcc_desktop.core.errors import AuthError, FieldError, PermissionDenied

__all__ = ["AuthError", "PermissionDenied"]  # re-exported: the account rules' errors


class Role(StrEnum):
    COUNTER = "counter"
    LEADER = "leader"
    ADMIN = "admin"


class Permission(StrEnum):
    # Counter work: every officer.
    COUNTER = "counter"
    # The center leader's.
    REPORTS = "reports"
    APOLOGIES = "apologies"
    COMPLAINTS = "complaints"
    # Who opened, printed or exported a citizen's data, and the citizen's export
    # on request (issue 12 item 4): the leader's and the administrator's.
    ACCESS_LOG = "access_log"
    # The administrator's.
    SETTINGS = "settings"
    CATALOG = "catalog"
    CALENDAR = "calendar"
    ACCOUNTS = "accounts"
    DEVICES = "devices"


_COUNTER = frozenset({Permission.COUNTER})
_LEADER = _COUNTER | {
    Permission.REPORTS,
    Permission.APOLOGIES,
    Permission.COMPLAINTS,
    Permission.ACCESS_LOG,
}
# The administrator may do everything a leader and a counter officer may.
_ADMIN = _LEADER | {
    Permission.SETTINGS,
    Permission.CATALOG,
    Permission.CALENDAR,
    Permission.ACCOUNTS,
    Permission.DEVICES,
}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNTER: _COUNTER,
    Role.LEADER: _LEADER,
    Role.ADMIN: _ADMIN,
}


def can(role: Role | str, permission: Permission | str) -> bool:
    """Whether an officer of ``role`` may do what ``permission`` names."""
    try:
        return Permission(permission) in PERMISSIONS[Role(role)]
    except ValueError:
        return False


# -- rules ---------------------------------------------------------------------

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
PASSWORD_MIN = 8
PASSWORD_MAX = 256
USER_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


def normalise_user_name(raw: str) -> str:
    """User names are compared folded: NFC, trimmed, lower case."""
    return unicodedata.normalize("NFC", raw).strip().lower()


def user_name_errors(raw: str, field: str = "user_name") -> list[FieldError]:
    name = normalise_user_name(raw)
    if not name:
        return [FieldError(field, "user_name_required")]
    if not USER_NAME.match(name):
        return [FieldError(field, "user_name_format")]
    return []


def password_errors(password: str, field: str = "password") -> list[FieldError]:
    """Long enough to resist guessing at the counter, not so long it burdens the hasher."""
    if len(password) < PASSWORD_MIN:
        return [FieldError(field, "password_too_short", {"min": PASSWORD_MIN})]
    if len(password) > PASSWORD_MAX:
        return [FieldError(field, "password_too_long", {"max": PASSWORD_MAX})]
    if password.strip() == "" or len(set(password)) < 3:
        return [FieldError(field, "password_too_simple")]
    return []


@dataclass(frozen=True)
class Attempt:
    """What a failed login does to an account's counters."""

    failed_count: int
    locked_until: datetime | None


def after_failure(failed_count: int, now: datetime) -> Attempt:
    """Five failures in a row lock the account for 15 minutes from ``now``."""
    count = failed_count + 1
    if count >= MAX_FAILURES:
        return Attempt(0, now + LOCKOUT)
    return Attempt(count, None)


def is_locked_out(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


@dataclass(frozen=True)
class Officer:
    """The officer logged in (or an account as listed)."""

    user_name: str
    full_name: str
    role: Role
    uid: str = ""

    @property
    def display_name(self) -> str:
        """What events and slips record: the full name, else the user name."""
        return self.full_name or self.user_name

    def can(self, permission: Permission | str) -> bool:
        return can(self.role, permission)


# The officer of work done by the app itself with nobody logged in (the demo data, a
# migration): only where issue 12 allows it; never the default of a counter action.
SYSTEM_OFFICER = Officer(user_name="system", full_name="", role=Role.ADMIN, uid="system")
