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


# -- accounts across the unit's devices (sync) ----------------------------------------------
#
# An account travels as a JSON record (``ACCOUNT_WIRE_KEYS``); the server merges what a
# device pushes into what it holds (``merge_account``) and every device takes the server's
# record as it comes. Only the Argon2id hash travels, never a password; the failed-attempt
# counter and the 15-minute lockout stay on the device where the attempts were made.
#
# A record has three parts that change independently, so a device that changed one part
# cannot undo another device's change of another part with its stale copy:
# - profile (full name, role), counted by ``profile_version``;
# - password (the hash), counted by ``password_version``;
# - administrator's lock (``disabled``), stamped by ``disabled_at`` (UTC).
# Rules (docs/sync.md, "Accounts"):
# - profile and password: the pushed part replaces the held one when its counter is at
#   least the held one's. Two administrators who change the same part offline make the
#   same counter: the change that reaches the server later (the higher server revision)
#   wins. A part the device did not touch carries an older counter and changes nothing.
# - lock: the later ``disabled_at`` wins; at the same instant the lock wins, so a lock
#   is never undone by an unlock made earlier, whatever order they reach the server in.
# - the user name never changes: the first account to reach the server under a name
#   keeps it; another account (another ``id``) under the same name is refused
#   (``user_name_taken``) and stays on its own device, listed for the administrator:
#   two people are never merged into one account.

ACCOUNT_WIRE_KEYS = (
    "id",
    "unit_code",
    "user_name",
    "full_name",
    "role",
    "password_hash",
    "disabled",
    "disabled_at",
    "profile_version",
    "password_version",
    "version",
    "device_id",
    "created_at",
    "updated_at",
)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _stamp(value: object) -> str:
    # ISO 8601 UTC text in one fixed form (the device writes it): compared as text.
    return value if isinstance(value, str) else ""


def account_wire_errors(data: object) -> str:
    """Why a pushed account record cannot be taken ("" when it can)."""
    if not isinstance(data, dict):
        return "data must be an object"
    for key in ("id", "unit_code", "user_name", "role", "password_hash"):
        if not isinstance(data.get(key), str) or not data[key]:
            return f"data.{key} must be text"
    if (
        user_name_errors(data["user_name"])
        or normalise_user_name(data["user_name"]) != data["user_name"]
    ):
        return "data.user_name is not a valid user name"
    if data["role"] not in {r.value for r in Role}:
        return "data.role is unknown"
    if not data["password_hash"].startswith("$argon2id$"):
        return "data.password_hash must be an Argon2id hash"
    if not isinstance(data.get("disabled"), bool):
        return "data.disabled must be true or false"
    if not isinstance(data.get("full_name", ""), str):
        return "data.full_name must be text"
    for key in ("profile_version", "password_version", "version"):
        if not isinstance(data.get(key), int) or isinstance(data.get(key), bool):
            return f"data.{key} must be an integer"
    return ""


def merge_account(held: dict[str, object] | None, pushed: dict[str, object]) -> dict[str, object]:
    """The server's record after ``pushed`` arrives on ``held`` (the rules above)."""
    if held is None:
        return dict(pushed)
    merged = dict(held)
    if _int(pushed.get("profile_version")) >= _int(held.get("profile_version")):
        merged["full_name"] = pushed.get("full_name", "")
        merged["role"] = pushed.get("role")
        merged["profile_version"] = _int(pushed.get("profile_version"))
    if _int(pushed.get("password_version")) >= _int(held.get("password_version")):
        merged["password_hash"] = pushed.get("password_hash")
        merged["password_version"] = _int(pushed.get("password_version"))
    held_at, pushed_at = _stamp(held.get("disabled_at")), _stamp(pushed.get("disabled_at"))
    if pushed_at > held_at or (pushed_at == held_at and pushed.get("disabled") is True):
        merged["disabled"] = pushed.get("disabled")
        merged["disabled_at"] = pushed.get("disabled_at")
    if merged == held:
        return merged  # nothing new: a record sent again, or older in every part
    loose = ("version", "updated_at", "device_id", "created_at")
    if {k: v for k, v in merged.items() if k not in loose} == {
        k: v for k, v in pushed.items() if k not in loose
    } and _int(pushed.get("version")) > _int(held.get("version")):
        return dict(pushed)  # the pushed record as it is: newer in every part it changed
    # A blend of both: a ``version`` above either, so every device takes it.
    merged["version"] = max(_int(held.get("version")), _int(pushed.get("version"))) + 1
    merged["updated_at"] = pushed.get("updated_at", held.get("updated_at"))
    return merged
