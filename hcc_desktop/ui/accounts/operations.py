"""The accounts screens' service calls, run on the task runner.

An Argon2id hash or check takes about a tenth of a second and every one of them
touches the store: the login, the unlock and each button of the accounts page run
here, off the GUI thread, their buttons disabled meanwhile. A mutating call returns
the account it changed (``AccountInfo.changes``: the accounts page reloads from the
change hub).
"""

from __future__ import annotations

from dataclasses import dataclass

from hcc_desktop.core.accounts import Officer, Role
from hcc_desktop.services import Services
from hcc_desktop.services.accounts import AccountInfo
from hcc_desktop.services.sync.results import AccountClash


def authenticate(services: Services, user_name: str, password: str) -> Officer:
    """The login and the idle lock's unlock: logs the officer in, or ``AuthError``."""
    return services.accounts.authenticate(user_name, password)


def create_first_admin(
    services: Services, *, user_name: str, password: str, full_name: str
) -> AccountInfo:
    """The first administrator of a store without accounts (logs them in)."""
    return services.accounts.create_first_admin(
        user_name=user_name, password=password, full_name=full_name
    )


def add_account(
    services: Services, *, user_name: str, password: str, role: str, full_name: str
) -> AccountInfo:
    """A new officer (the service checks the administrator's role)."""
    return services.accounts.add(
        user_name=user_name, password=password, role=role, full_name=full_name
    )


def set_password(
    services: Services, *, user_name: str, new_password: str, old_password: str | None
) -> AccountInfo:
    """One's own password (with the current one) or an administrator's reset."""
    return services.accounts.set_password(
        user_name=user_name, new_password=new_password, old_password=old_password
    )


def lock_account(services: Services, user_name: str) -> AccountInfo:
    return services.accounts.lock(user_name)


def unlock_account(services: Services, user_name: str) -> AccountInfo:
    return services.accounts.unlock(user_name)


def set_role(services: Services, user_name: str, role: Role) -> AccountInfo:
    """Another role (refused for the last usable administrator: ``last_admin``)."""
    return services.accounts.set_role(user_name=user_name, role=role)


def idle_lock_minutes(services: Services) -> int:
    """The idle lock's setting (0: never)."""
    return services.settings.load().idle_lock_minutes


@dataclass(frozen=True)
class AccountsPageData:
    """What the accounts page shows, read in one go."""

    accounts: tuple[AccountInfo, ...]
    # Accounts that did not travel between the unit's devices (a name taken by two
    # people), newest last.
    clashes: tuple[AccountClash, ...]
    me: str  # the logged-in administrator's user name
    device_id: str  # this device's, to tell "this device" from another in a clash


def read_accounts_page(services: Services) -> AccountsPageData:
    """The accounts (the service checks the administrator's role) and the clashes."""
    accounts = tuple(services.accounts.list())
    return AccountsPageData(
        accounts=accounts,
        clashes=tuple(services.sync.account_clashes()),
        me=services.session.current().user_name,
        device_id=services.settings.load().device_id,
    )
