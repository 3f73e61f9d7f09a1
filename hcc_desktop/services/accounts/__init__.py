"""Officer accounts: create the first administrator, add, change passwords, lock,
unlock, list, authenticate (issue 12 item 1). Rules in ``core/accounts``."""

from hcc_desktop.services.accounts.service import AccountInfo, AccountService, make_hasher

__all__ = ["AccountInfo", "AccountService", "make_hasher"]
