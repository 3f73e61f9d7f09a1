"""Officer accounts: the rules (core/accounts), the store and the login (services/accounts)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from hcc_desktop.core.accounts import (
    LOCKOUT,
    MAX_FAILURES,
    Permission,
    Role,
    can,
    password_errors,
    user_name_errors,
)
from hcc_desktop.core.errors import (
    AuthError,
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from hcc_desktop.services import Services, open_services
from tests import keyed
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, OFFICER, FakeClock, birth_draft

P = Permission


def test_roles_nest_counter_in_leader_in_admin() -> None:
    assert can(Role.COUNTER, P.COUNTER)
    assert not any(can(Role.COUNTER, p) for p in (P.REPORTS, P.COMPLAINTS, P.SETTINGS))
    assert all(can(Role.LEADER, p) for p in (P.COUNTER, P.REPORTS, P.APOLOGIES, P.COMPLAINTS))
    assert not any(can(Role.LEADER, p) for p in (P.SETTINGS, P.CATALOG, P.ACCOUNTS, P.DEVICES))
    assert all(can(Role.ADMIN, p) for p in Permission)
    assert not can("nobody", P.COUNTER)


def test_user_name_and_password_rules() -> None:
    assert user_name_errors("nguyen.an") == []
    assert user_name_errors(" Nguyen.An ") == []  # folded before it is checked
    assert [e.code for e in user_name_errors("")] == ["user_name_required"]
    assert [e.code for e in user_name_errors("nguyễn an")] == ["user_name_format"]
    assert [e.code for e in password_errors("short")] == ["password_too_short"]
    assert [e.code for e in password_errors("aaaaaaaaaa")] == ["password_too_simple"]
    assert password_errors("mat-khau-thu") == []


def test_first_admin_logs_in_and_is_the_actor_of_an_intake(services: Services) -> None:
    assert not services.accounts.needs_first_admin()
    assert services.session.current().role is Role.ADMIN
    dossier = services.intake.accept(birth_draft())
    assert dossier.received_by == OFFICER
    with pytest.raises(ConflictError) as caught:
        services.accounts.create_first_admin(user_name="other", password="mat-khau-2")
    assert caught.value.code == "accounts_exist"


def test_a_new_store_needs_its_first_admin_and_refuses_work_without_login(
    tmp_path: Path,
) -> None:
    svc = open_services(tmp_path / "new.db")
    try:
        assert svc.accounts.needs_first_admin()
        with pytest.raises(AuthError) as caught:
            svc.accounts.authenticate("anyone", "whatever-pw")
        assert caught.value.code == "no_accounts"
        with pytest.raises(AuthError) as caught:
            svc.intake.accept(birth_draft())
        assert caught.value.code == "not_logged_in"
    finally:
        svc.close()


def test_bad_credentials_never_say_which(services: Services) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    for user, password in (("an", "wrong-password"), ("nobody", "mat-khau-an")):
        with pytest.raises(AuthError) as caught:
            services.accounts.authenticate(user, password)
        assert caught.value.code == "bad_credentials"
        assert caught.value.params == {}
    officer = services.accounts.authenticate("AN", "mat-khau-an")
    assert (officer.user_name, officer.role) == ("an", Role.COUNTER)
    assert services.session.current() == officer


def test_five_failures_lock_for_fifteen_minutes_from_the_clock(
    services: Services, clock: FakeClock
) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    start = clock.now
    assert start is not None
    for _ in range(MAX_FAILURES):
        with pytest.raises(AuthError) as caught:
            services.accounts.authenticate("an", "wrong-password")
        assert caught.value.code == "bad_credentials"
    # Locked now, even with the right password.
    with pytest.raises(AuthError) as caught:
        services.accounts.authenticate("an", "mat-khau-an")
    assert caught.value.code == "account_locked"
    assert caught.value.params["until"] == start + LOCKOUT
    clock.now = start + LOCKOUT - timedelta(minutes=1)
    with pytest.raises(AuthError):
        services.accounts.authenticate("an", "mat-khau-an")
    clock.now = start + LOCKOUT
    assert services.accounts.authenticate("an", "mat-khau-an").user_name == "an"


def test_four_failures_then_success_reset_the_count(services: Services) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    for _round in range(2):
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(AuthError):
                services.accounts.authenticate("an", "wrong-password")
        services.accounts.authenticate("an", "mat-khau-an")


def test_admin_lock_unlock_and_the_last_admin(services: Services) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    assert services.accounts.lock("an").disabled
    with pytest.raises(AuthError) as caught:
        services.accounts.authenticate("an", "mat-khau-an")
    assert caught.value.code == "account_locked_by_admin"
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    assert not services.accounts.unlock("an").disabled
    with pytest.raises(ConflictError) as locked:
        services.accounts.lock(ADMIN_USER)
    assert locked.value.code == "last_admin"
    with pytest.raises(NotFound):
        services.accounts.lock("nobody")


def test_counter_officer_cannot_manage_accounts_or_reset_others(services: Services) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    services.accounts.add(user_name="ba", password="mat-khau-ba", role=Role.LEADER)
    services.accounts.authenticate("an", "mat-khau-an")
    for call in (
        lambda: services.accounts.add(user_name="x1", password="mat-khau-x", role="counter"),
        lambda: services.accounts.lock("ba"),
        lambda: services.accounts.list(),
        lambda: services.accounts.set_password(user_name="ba", new_password="mat-khau-moi"),
    ):
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.code == "not_allowed"
    with pytest.raises(PermissionDenied):
        services.session.require(P.SETTINGS)


def test_own_password_change_needs_the_old_one_and_admin_resets(services: Services) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    services.accounts.authenticate("an", "mat-khau-an")
    with pytest.raises(ValidationError) as caught:
        services.accounts.set_password(
            user_name="an", new_password="mat-khau-moi", old_password="wrong-password"
        )
    assert caught.value.errors[0].code == "old_password_wrong"
    services.accounts.set_password(
        user_name="an", new_password="mat-khau-moi", old_password="mat-khau-an"
    )
    assert services.accounts.authenticate("an", "mat-khau-moi").user_name == "an"
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    services.accounts.set_password(user_name="an", new_password="dat-lai-123")
    assert services.accounts.authenticate("an", "dat-lai-123").user_name == "an"


def test_new_accounts_validate_and_are_unique(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.accounts.add(user_name="Bad Name", password="x", role="counter")
    assert {e.field for e in caught.value.errors} == {"user_name", "password"}
    with pytest.raises(ValidationError):
        services.accounts.add(user_name="an", password="mat-khau-an", role="boss")
    with pytest.raises(ConflictError) as dup:
        services.accounts.add(user_name=ADMIN_USER.upper(), password="mat-khau-an", role="admin")
    assert dup.value.code == "user_exists"
    listed = services.accounts.list()
    assert [a.user_name for a in listed] == [ADMIN_USER]


def test_the_store_keeps_an_argon2id_hash_not_the_password(services: Services) -> None:
    with keyed.connect(services.db.path) as con:
        stored = con.execute("SELECT password_hash FROM accounts").fetchone()[0]
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored
