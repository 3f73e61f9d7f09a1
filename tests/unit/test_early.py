"""The start-up's early read (issue 14): the lists it shows before the services are
imported are the services' lists, row for row; its password check lets in only what the
services would, and leaves every login that needs a write to them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.errors import AuthError
from hcc_desktop.services import Services, open_services
from hcc_desktop.services import early as early_module
from hcc_desktop.services.demo import generate
from hcc_desktop.services.early import TODAY, EarlyStore
from hcc_desktop.services.encryption import unlock_store
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, OFFICER, fast_hasher

END = date(2026, 11, 20)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fast_early_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    # The services' hasher is the fast one in tests (tests/conftest.py): the same here.
    monkeypatch.setattr(early_module, "default_hasher", fast_hasher)


@pytest.fixture
def store(tmp_path: Path) -> Services:
    svc = open_services(tmp_path / "hcc.db", clock=lambda: datetime(2026, 11, 20, 10, 0))
    svc.accounts.create_first_admin(
        user_name=ADMIN_USER, password=ADMIN_PASSWORD, full_name=OFFICER
    )
    generate(svc, count=300, seed=5, end_day=END)
    return svc


def early(svc: Services) -> EarlyStore:
    opened = EarlyStore.open(svc.db.path, unlock_store(svc.db.path))
    assert opened is not None
    return opened


@pytest.mark.parametrize("moment", [(END, 7), (END, 16), (END - timedelta(days=3), 10)])
def test_the_early_lists_are_the_services_lists_row_for_row(
    store: Services, moment: tuple[date, int]
) -> None:
    as_of = datetime.combine(moment[0], datetime.min.time()).replace(hour=moment[1])
    reader = early(store)
    try:
        shown = reader.read_lists(as_of)
    finally:
        reader.close()
    w = store.lifecycle.worklists(as_of=as_of, limit=500)
    today = tuple(store.dossiers.received_on(as_of.date()))
    expected = {
        TODAY: today,
        "overdue": w.overdue,
        "due_today": w.due_today,
        "due_soon": w.due_soon,
        "waiting_supplement": w.waiting_supplement,
        "ready_to_return": w.ready_to_return,
    }
    assert shown.lists == expected
    assert shown.counts == {**w.counts, TODAY: len(today)}
    assert shown.within == w.within == store.settings.load().due_soon_days
    # Not an empty comparison: the demo store fills the lists.
    assert all(count > 0 for count in shown.counts.values()), shown.counts


def test_the_early_settings_are_the_services_settings(store: Services) -> None:
    store.settings.set_due_soon_days(5)
    reader = early(store)
    try:
        assert reader.settings() == store.settings.load()
        assert reader.read_lists(datetime(2026, 11, 20, 10, 0)).within == 5
    finally:
        reader.close()


def test_the_early_password_check_lets_in_only_a_clean_login(store: Services) -> None:
    reader = early(store)
    try:
        officer = reader.check_password(" BINH ", ADMIN_PASSWORD)
        assert officer is not None
        assert (officer.user_name, officer.full_name, officer.role) == (
            ADMIN_USER,
            OFFICER,
            Role.ADMIN,
        )
        assert officer.uid
        assert reader.check_password(ADMIN_USER, "wrong password") is None
        assert reader.check_password("nobody", ADMIN_PASSWORD) is None
        # A failure counted by the services: the early check leaves the next login to
        # them (they clear the count), even with the right password.
        with pytest.raises(AuthError):
            store.accounts.authenticate(ADMIN_USER, "wrong password")
        assert reader.check_password(ADMIN_USER, ADMIN_PASSWORD) is None
        store.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
        assert reader.check_password(ADMIN_USER, ADMIN_PASSWORD) is not None
        # Five failures lock the account: not even the right password gets in early.
        for _ in range(5):
            with pytest.raises(AuthError):
                store.accounts.authenticate(ADMIN_USER, "wrong password")
        assert reader.check_password(ADMIN_USER, ADMIN_PASSWORD) is None
        with pytest.raises(AuthError, match="account_locked"):
            store.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    finally:
        reader.close()


def test_a_hash_to_renew_is_left_to_the_services(
    store: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argon2 import PasswordHasher

    # The program's own cost: the tests' fast hash must be renewed, by the services.
    monkeypatch.setattr(early_module, "default_hasher", PasswordHasher)
    reader = early(store)
    try:
        assert reader.check_password(ADMIN_USER, ADMIN_PASSWORD) is None
    finally:
        reader.close()


def test_a_store_not_at_the_head_or_without_accounts_is_not_read_early(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "hcc.db")
    path = svc.db.path
    svc.close()
    assert EarlyStore.open(path, unlock_store(path)) is None  # no account yet
    svc = open_services(path)
    svc.accounts.create_first_admin(user_name=ADMIN_USER, password=ADMIN_PASSWORD)
    svc.close()
    reader = EarlyStore.open(path, unlock_store(path))
    assert reader is not None
    reader.close()
    from tests.keyed import connect

    con = connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0014_access_log'")
    con.commit()
    con.close()
    assert EarlyStore.open(path, unlock_store(path)) is None  # to migrate first
    assert EarlyStore.open(tmp_path / "missing.db", unlock_store(path)) is None


def test_the_early_read_imports_no_sqlalchemy() -> None:
    probe = (
        "import sys\n"
        "import hcc_desktop.services.early, hcc_desktop.services.dossiers.lists\n"
        "import hcc_desktop.services.settings_values, hcc_desktop.db.migrate\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_the_lists_table_names_are_the_models() -> None:
    from hcc_desktop.db import models
    from hcc_desktop.services import settings_values
    from hcc_desktop.services.dossiers import lists

    assert models.DossierRow.__tablename__ == lists.DOSSIERS
    assert models.ProcedureRow.__tablename__ == lists.PROCEDURES
    assert models.Setting.__tablename__ == settings_values.SETTINGS_TABLE
    assert models.CalendarOverrideRow.__tablename__ == settings_values.CALENDAR_TABLE


def test_a_login_the_early_check_cannot_grant_is_the_services(store: Services) -> None:
    from hcc_desktop.services.early import EarlyAccounts

    asked: list[int] = []
    reader = early(store)

    def services_now() -> Services:
        asked.append(1)
        reader.close()  # as the app's opening of the services does
        return store

    try:
        accounts = EarlyAccounts(reader, services_now).accounts
        assert not accounts.needs_first_admin()
        officer = accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
        assert officer.user_name == ADMIN_USER
        assert asked == []  # granted early: the services were not needed
        # A wrong password: the services check it again, count it and say why.
        with pytest.raises(AuthError, match="bad_credentials"):
            accounts.authenticate(ADMIN_USER, "wrong password")
        assert asked == [1]
        assert [a.failed_count for a in store.accounts.list()] == [1]
        # The right password now: the services clear the count (the early check
        # writes nothing, so it leaves this login to them).
        assert accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD).user_name == ADMIN_USER
        assert asked == [1, 1]  # the early store is closed: the services answer
        assert [a.failed_count for a in store.accounts.list()] == [0]
        with pytest.raises(AuthError, match="bad_credentials"):
            accounts.authenticate("nobody", ADMIN_PASSWORD)
    finally:
        reader.close()
