"""The start-up's first lists, read before SQLAlchemy and the services are imported.

Importing SQLAlchemy, the models and the services costs more than the rest of a
start-up (docs/benchmarks.md, issue 14). The desktop program therefore opens the store
first on a keyed sqlcipher3 connection of its own (the same key, the same pragmas as
the engines: ``db/pragmas.py``), checks the officer's password there and reads the
worklists, their counts and today's intake with the services' own SQL
(``services/dossiers/lists.py``); it shows them, and only then imports the services
on the task runner. So the Argon2id check (64 MiB while it runs) is done before
SQLAlchemy is loaded, and the officer sees the lists while the rest loads.

Only the usual case takes this way: an encrypted store at the schema's head, with
accounts, opened with a key it already had (the keyring's, or the recovery key). A store
to create, migrate or encrypt, a new key, a store without accounts: ``open`` returns None
and the program opens the services first, as before. The early read never writes: a login
that needs a write (a failure to count, a lockout to clear, a hash to renew) is left
to the services (``check_password`` returns None and the caller asks them).

Nothing here imports SQLAlchemy; a test checks it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from hcc_desktop.core.accounts import Officer, Role, normalise_user_name
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.db import cipher
from hcc_desktop.db.migrate import SCHEMA_HEAD
from hcc_desktop.db.pragmas import BUSY_TIMEOUT_MS, READ_CACHE_KIB_ENCRYPTED, configure
from hcc_desktop.services.dossiers.lists import (
    DossierSummary,
    read_received_between,
    read_worklists,
)
from hcc_desktop.services.encryption import StoreUnlock
from hcc_desktop.services.settings_values import (
    CALENDAR_TABLE,
    SETTINGS_KEY,
    SETTINGS_TABLE,
    AppSettings,
    _from_json,
    override_from_values,
)

if TYPE_CHECKING:
    from hcc_desktop.services.wiring import Services

# The same as the services' (``services/accounts/service.py``, argon2-cffi's defaults):
# a hash made with other parameters is renewed by the services at login, so the early
# check leaves such a login to them. Tests swap in their fast hasher here too.
default_hasher: Callable[[], PasswordHasher] = PasswordHasher

# The lists of the main window, as ``ui/worklists/panel.py`` loads them.
TODAY = "today"
LIST_LIMIT = 500
TODAY_LIMIT = 5000  # DossierQueryService.received_between's


@dataclass(frozen=True)
class EarlyLists:
    """Today's intake and the five worklists at ``as_of`` (no filter), with counts:
    keyed like ``Worklists`` (``overdue`` …) plus ``today``."""

    as_of: datetime
    within: int
    lists: dict[str, tuple[DossierSummary, ...]]
    counts: dict[str, int]


class EarlyStore:
    """The store on one read-only connection, for the start-up only (closed once the
    services are open). Usable from any thread, one call at a time."""

    def __init__(self, con: Any, path: Path) -> None:
        self._con = con
        self.path = path
        self._lock = threading.Lock()
        self._settings: AppSettings | None = None
        self._dummy_hash = ""

    @classmethod
    def open(cls, path: Path, unlock: StoreUnlock) -> EarlyStore | None:
        """The store, if it can be read early (see the module's docstring); else None.
        Never raises for a store it cannot read: the services' opening reports it."""
        path = Path(path)
        if unlock.new_recovery_key is not None:
            return None  # a new key: the services encrypt the store and show its recovery key
        try:
            if not path.exists() or not cipher.is_encrypted(path):
                return None
            con = cipher.connect(
                path, unlock.key, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except Exception:
            return None
        try:
            configure(con, READ_CACHE_KIB_ENCRYPTED)
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != SCHEMA_HEAD:
                con.close()
                return None  # to migrate: the services' opening does it (with its copy)
            if not con.execute("SELECT count(*) FROM accounts").fetchone()[0]:
                con.close()
                return None  # the first administrator is made through the services
        except Exception:
            con.close()
            return None
        return cls(con, path)

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- login ---------------------------------------------------------------------

    def check_password(self, user_name: str, password: str) -> Officer | None:
        """The officer, when the account may log in and the password is right and
        nothing has to be written for it (no failures counted, no lockout, a hash
        with the current parameters). None otherwise: the caller asks the services'
        ``authenticate``, which counts the failure and says why. An unknown user name
        costs a hash here too, as a wrong password does, so that the time taken tells
        neither apart."""
        name = normalise_user_name(user_name)
        with self._lock:
            row = self._con.execute(
                "SELECT uid, user_name, full_name, role, password_hash, failed_count, "
                "locked_until, disabled FROM accounts WHERE user_name = ?",
                (name,),
            ).fetchone()
        hasher = default_hasher()
        if row is None:
            if not self._dummy_hash:
                self._dummy_hash = hasher.hash("not-a-password")
            _verify(hasher, self._dummy_hash, password)
            return None
        uid, user, full_name, role, stored, failed_count, locked_until, disabled = row
        if disabled or failed_count or locked_until is not None:
            return None
        if not _verify(hasher, stored, password) or hasher.check_needs_rehash(stored):
            return None
        return Officer(user, full_name, Role(role), uid)

    # -- settings and lists ----------------------------------------------------------

    def settings(self) -> AppSettings:
        """The settings as ``SettingsService.load`` gives them."""
        if self._settings is None:
            with self._lock:
                row = self._con.execute(
                    f"SELECT value FROM {SETTINGS_TABLE} WHERE key = ?", (SETTINGS_KEY,)
                ).fetchone()
            self._settings = _from_json(json.loads(row[0])) if row else AppSettings()
        return self._settings

    def read_lists(
        self, as_of: datetime | None = None, *, clock: Callable[[], datetime] = local_now
    ) -> EarlyLists:
        """What the main window's worklist panel loads first (no filter): the five
        worklists with their counts and today's intake, in one read transaction."""
        as_of = as_of or clock()
        settings = self.settings()
        within = settings.due_soon_days
        with self._lock:
            cursor = self._con.cursor()
            cursor.execute("BEGIN")  # one snapshot for every list and count
            try:
                overrides = [
                    override_from_values(date.fromisoformat(day), kind, note, status, source)
                    for day, kind, note, status, source in cursor.execute(
                        f"SELECT day, kind, note, status, source FROM {CALENDAR_TABLE} ORDER BY day"
                    ).fetchall()
                ]
                calendar = WorkCalendar(overrides=overrides, hours=settings.office_hours)
                lists, counts = read_worklists(cursor, as_of, within, calendar, None, LIST_LIMIT)
                start = datetime.combine(as_of.date(), time())
                today = tuple(
                    read_received_between(cursor, start, start + timedelta(days=1), TODAY_LIMIT)
                )
            finally:
                cursor.execute("COMMIT")
                cursor.close()
        lists[TODAY] = today
        counts[TODAY] = len(today)
        return EarlyLists(as_of=as_of, within=within, lists=lists, counts=counts)


def _verify(hasher: PasswordHasher, stored: str, password: str) -> bool:
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


class EarlyAccounts:
    """What the login dialog asks of ``services.accounts`` while only the early store is
    open (it stands in for the services in ``LoginDialog``): the password checked on the
    early store (``EarlyStore.check_password``, nothing written); a login that check
    cannot grant (a wrong password, a lockout, a failure count to clear, an unknown
    user name) goes to the services' ``authenticate``, which ``services_now`` waits
    for, so that it is counted, locked and told exactly as before."""

    def __init__(self, early: EarlyStore, services_now: Callable[[], Services]) -> None:
        self._early = early
        self._services_now = services_now
        # Once the services were asked for, they answer every later attempt: opening
        # them closes the early store (``ui/app.py``), even when they failed to open.
        self._services_asked = False
        self.officer: Officer | None = None
        self.services: Services | None = None

    @property
    def accounts(self) -> EarlyAccounts:
        return self

    def needs_first_admin(self) -> bool:
        return False  # EarlyStore.open refuses a store without accounts

    def authenticate(self, user_name: str, password: str) -> Officer:
        officer = None if self._services_asked else self._early.check_password(user_name, password)
        if officer is None:
            self._services_asked = True
            services = self._services_now()
            self.services = services
            officer = services.accounts.authenticate(user_name, password)
        self.officer = officer
        return officer
