"""The account store and the login.

Passwords are hashed with Argon2id (argon2-cffi's ``PasswordHasher``); the parameters
are the library's defaults (RFC 9106 low-memory profile) unless a test injects a fast
hasher. A failed login counts against the account (five in a row: locked 15 minutes
from the clock); an unknown user name costs a hash too, and both say only
``bad_credentials``, so neither the answer nor its time tells which was wrong.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hcc_desktop.core.accounts import (
    Officer,
    Permission,
    Role,
    after_failure,
    is_locked_out,
    normalise_user_name,
    password_errors,
    user_name_errors,
)
from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import AuthError, ConflictError, FieldError, NotFound, ValidationError
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import AccountRow
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService


def make_hasher(*, fast: bool = False) -> PasswordHasher:
    """Argon2id with the library's defaults; ``fast`` only for tests (tiny cost)."""
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    return PasswordHasher()


# What ``open_services`` uses when given no hasher; the test suite swaps in a fast one.
default_hasher: Callable[[], PasswordHasher] = make_hasher


@dataclass(frozen=True)
class AccountInfo:
    """An account as listed (no hash)."""

    uid: str
    user_name: str
    full_name: str
    role: Role
    locked_until: datetime | None
    disabled: bool
    failed_count: int
    created_at: datetime
    updated_at: datetime
    version: int

    @property
    def officer(self) -> Officer:
        return Officer(self.user_name, self.full_name, self.role, self.uid)

    @property
    def changes(self) -> Changes:
        """What a call that returned this account changed: the account (the UI's
        accounts page reloads from it)."""
        return Changes(accounts=(self.user_name,))


def _info(row: AccountRow) -> AccountInfo:
    return AccountInfo(
        uid=row.uid,
        user_name=row.user_name,
        full_name=row.full_name,
        role=Role(row.role),
        locked_until=row.locked_until,
        disabled=row.disabled,
        failed_count=row.failed_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


class AccountService:
    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        session: OfficerSession,
        hasher: PasswordHasher | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._session = session
        self._hasher = hasher or default_hasher()
        self._clock = clock
        # Verified against when the user name is unknown, so that answer costs a hash too.
        self._dummy_hash = ""

    # -- reading -------------------------------------------------------------------

    def needs_first_admin(self) -> bool:
        """True on a store with no account (new, or from before accounts)."""
        with self._db.read() as s:
            return not s.scalar(select(func.count()).select_from(AccountRow))

    @guarded("accounts.list")
    def list(self) -> list[AccountInfo]:
        """Every account by user name (administrators only); ``locked_until`` only while
        a lockout lasts."""
        now = self._clock()
        with self._db.read() as s:
            rows = s.scalars(select(AccountRow).order_by(AccountRow.user_name))
            infos = [_info(r) for r in rows]
        return [
            a if is_locked_out(a.locked_until, now) else replace(a, locked_until=None)
            for a in infos
        ]

    # -- login ---------------------------------------------------------------------

    def authenticate(self, user_name: str, password: str) -> Officer:
        """The officer if the password is right; else ``AuthError``: ``bad_credentials``
        (never which of the two), ``account_locked`` (``until``, or ``by_admin``),
        ``no_accounts``. Logs the officer into the session."""
        name = normalise_user_name(user_name)
        now = self._clock()
        with self._db.write() as s:
            row = s.scalar(select(AccountRow).where(AccountRow.user_name == name))
            if row is None:
                has_any = s.scalar(select(func.count()).select_from(AccountRow))
                if not has_any:
                    raise AuthError("no_accounts")
                self._burn(password)
                raise AuthError("bad_credentials")
            if row.disabled:
                raise AuthError("account_locked_by_admin")
            if is_locked_out(row.locked_until, now):
                raise AuthError("account_locked", until=row.locked_until)
            if not self._verify(row.password_hash, password):
                attempt = after_failure(row.failed_count, now)
                row.failed_count = attempt.failed_count
                row.locked_until = attempt.locked_until
                failed = AuthError("bad_credentials")
            else:
                row.failed_count = 0
                row.locked_until = None
                if self._hasher.check_needs_rehash(row.password_hash):
                    row.password_hash = self._hasher.hash(password)
                failed = None
                officer = Officer(row.user_name, row.full_name, Role(row.role), row.uid)
        # Committed before raising: the failure counts even though the login fails.
        if failed is not None:
            raise failed
        self._session.log_in(officer)
        return officer

    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self._hasher.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _burn(self, password: str) -> None:
        if not self._dummy_hash:
            self._dummy_hash = self._hasher.hash("not-a-password")
        self._verify(self._dummy_hash, password)

    # -- changes -------------------------------------------------------------------

    def create_first_admin(
        self, *, user_name: str, password: str, full_name: str = ""
    ) -> AccountInfo:
        """The store's first administrator; refused (``accounts_exist``) once any account
        exists. Logs the new administrator in."""
        with self._db.write() as s:
            if s.scalar(select(func.count()).select_from(AccountRow)):
                raise ConflictError("accounts_exist")
            row = self._new_row(s, user_name, password, full_name, Role.ADMIN)
            info = _info(row)
        self._session.log_in(info.officer)
        return info

    @guarded("accounts.add")
    def add(
        self, *, user_name: str, password: str, role: Role | str, full_name: str = ""
    ) -> AccountInfo:
        """A new account (administrators only)."""
        try:
            role = Role(role)
        except ValueError:
            raise ValidationError([FieldError("role", "role_unknown")]) from None
        with self._db.write() as s:
            return _info(self._new_row(s, user_name, password, full_name, role))

    def _new_row(
        self, s: Session, user_name: str, password: str, full_name: str, role: Role
    ) -> AccountRow:
        errors = user_name_errors(user_name) + password_errors(password)
        if errors:
            raise ValidationError(errors)
        name = normalise_user_name(user_name)
        if s.scalar(select(AccountRow.uid).where(AccountRow.user_name == name)):
            raise ConflictError("user_exists", user=name)
        stamp = datetime.now(UTC)
        row = AccountRow(
            uid=str(uuid.uuid4()),
            user_name=name,
            full_name=" ".join(nfc(full_name).split()),
            role=role.value,
            password_hash=self._hasher.hash(password),
            failed_count=0,
            locked_until=None,
            disabled=False,
            phone="",
            device_id=self._settings.load().device_id,
            created_at=stamp,
            updated_at=stamp,
            version=1,
            profile_version=1,
            password_version=1,
            disabled_at=None,
            sync_pending=True,
        )
        s.add(row)
        s.flush()
        return row

    def set_password(
        self, *, user_name: str, new_password: str, old_password: str | None = None
    ) -> AccountInfo:
        """Change a password: one's own needs the current one (``old_password``); an
        administrator resets anyone's without it. A reset also clears a lockout."""
        me = self._session.current()
        name = normalise_user_name(user_name)
        own = name == me.user_name
        if not own:
            self._session.require(Permission.ACCOUNTS)
        errors = password_errors(new_password, "new_password")
        if errors:
            raise ValidationError(errors)
        with self._db.write() as s:
            row = self._row(s, name)
            if own and old_password is not None:
                if not self._verify(row.password_hash, old_password):
                    raise ValidationError([FieldError("old_password", "old_password_wrong")])
            elif own and not me.can(Permission.ACCOUNTS):
                raise ValidationError([FieldError("old_password", "old_password_wrong")])
            row.password_hash = self._hasher.hash(new_password)
            row.password_version += 1
            row.failed_count = 0
            row.locked_until = None
            self._touch(row)
            return _info(row)

    @guarded("accounts.lock")
    def lock(self, user_name: str) -> AccountInfo:
        """An administrator locks an account until unlocked; never the last usable admin."""
        with self._db.write() as s:
            row = self._row(s, normalise_user_name(user_name))
            _keep_an_admin(s, row)
            if not row.disabled:
                row.disabled = True
                row.disabled_at = datetime.now(UTC)
                self._touch(row)
            return _info(row)

    @guarded("accounts.unlock")
    def unlock(self, user_name: str) -> AccountInfo:
        """Lift an administrator's lock and a lockout after wrong passwords."""
        with self._db.write() as s:
            row = self._row(s, normalise_user_name(user_name))
            # The lockout after wrong passwords is this device's alone: lifting it
            # travels nowhere. Only lifting an administrator's lock is the unit's
            # (an unlock of an account not locked here must not undo a lock made on
            # another device and not seen here yet).
            row.failed_count = 0
            row.locked_until = None
            if row.disabled:
                row.disabled = False
                row.disabled_at = datetime.now(UTC)
                self._touch(row)
            return _info(row)

    @guarded("accounts.set_role")
    def set_role(self, *, user_name: str, role: Role | str) -> AccountInfo:
        """Change an officer's role (administrators only); never the last usable
        administrator's to another role."""
        try:
            new_role = Role(role)
        except ValueError:
            raise ValidationError([FieldError("role", "role_unknown")]) from None
        with self._db.write() as s:
            row = self._row(s, normalise_user_name(user_name))
            if row.role == new_role.value:
                return _info(row)
            _keep_an_admin(s, row)
            row.role = new_role.value
            row.profile_version += 1
            self._touch(row)
            return _info(row)

    def _row(self, s: Session, name: str) -> AccountRow:
        row = s.scalar(select(AccountRow).where(AccountRow.user_name == name))
        if row is None:
            raise NotFound("user_not_found", user=name)
        return row

    @staticmethod
    def _touch(row: AccountRow) -> None:
        row.updated_at = datetime.now(UTC)
        row.version += 1
        # The unit's: queued for the next push (services/sync/accounts.queue_accounts).
        row.sync_pending = True


def _keep_an_admin(s: Session, row: AccountRow) -> None:
    """Refuse to take away the last usable administrator (``last_admin``): locking
    them, or giving them another role, would leave the store with no one to manage it."""
    if row.role == Role.ADMIN.value and not row.disabled:
        admins = s.scalar(
            select(func.count())
            .select_from(AccountRow)
            .where(AccountRow.role == Role.ADMIN.value, AccountRow.disabled.is_(False))
        )
        if (admins or 0) <= 1:
            raise ConflictError("last_admin", user=row.user_name)
