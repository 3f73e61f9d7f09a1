"""Accounts across the unit's devices: the merge rules (core/accounts) and the device's
side (services/sync/accounts): what is queued, once, and what a pull takes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hcc_desktop.core.accounts import account_wire_errors, merge_account
from hcc_desktop.core.errors import AuthError
from hcc_desktop.db.migrate import upgrade
from hcc_desktop.db.models import AccountRow, OutboxRow
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.accounts import make_hasher
from hcc_desktop.services.sync.accounts import (
    apply_accounts,
    queue_accounts,
    read_account_wires,
)
from tests import keyed
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER

HASH_A = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aaaa"
HASH_B = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$bbbb"


def record(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "8f1c0d52-0000-4000-8000-000000000001",
        "unit_code": "000.17.22.H56",
        "user_name": "lan",
        "full_name": "Nguyễn Thị Lan",
        "role": "counter",
        "password_hash": HASH_A,
        "disabled": False,
        "disabled_at": None,
        "profile_version": 1,
        "password_version": 1,
        "version": 1,
        "device_id": "dev-a",
        "created_at": "2026-11-23T02:00:00.000000+00:00",
        "updated_at": "2026-11-23T02:00:00.000000+00:00",
    }
    return base | overrides


# -- the rules -------------------------------------------------------------------------------


def test_a_record_sent_again_or_older_in_every_part_changes_nothing() -> None:
    held = record(password_hash=HASH_B, password_version=2, version=2)
    assert merge_account(held, held) == held
    assert merge_account(held, record()) == held


def test_a_stale_part_does_not_undo_another_devices_change() -> None:
    # The counter changed the password (v2); the laptop, not having seen it, the role.
    held = record(password_hash=HASH_B, password_version=2, version=2)
    pushed = record(role="leader", profile_version=2, version=2)
    merged = merge_account(held, pushed)
    assert (merged["role"], merged["password_hash"]) == ("leader", HASH_B)
    # A blend of both: newer than either, so both devices take it.
    assert merged["version"] == 3


def test_the_same_part_changed_twice_offline_goes_to_the_later_arrival() -> None:
    held = record(password_hash=HASH_A, password_version=2, version=2)
    pushed = record(password_hash=HASH_B, password_version=2, version=2)
    assert merge_account(held, pushed)["password_hash"] == HASH_B


@pytest.mark.parametrize("lock_first", [True, False])
def test_a_lock_wins_over_an_unlock_made_earlier_whatever_the_order(lock_first: bool) -> None:
    unlocked = record(disabled=False, disabled_at="2026-11-23T02:05:00.000000+00:00", version=3)
    locked = record(disabled=True, disabled_at="2026-11-23T02:10:00.000000+00:00", version=2)
    first, then = (locked, unlocked) if lock_first else (unlocked, locked)
    assert merge_account(first, then)["disabled"] is True
    # An unlock made after the lock lifts it.
    later = record(disabled=False, disabled_at="2026-11-23T03:00:00.000000+00:00", version=3)
    assert merge_account(locked, later)["disabled"] is False
    # At the same instant, the lock.
    same = record(disabled=False, disabled_at=locked["disabled_at"], version=5)
    assert merge_account(locked, same)["disabled"] is True
    assert merge_account(same, locked)["disabled"] is True


def test_a_pushed_record_must_be_an_account_with_a_hash() -> None:
    assert account_wire_errors(record()) == ""
    assert "password_hash" in account_wire_errors(record(password_hash="mat-khau"))
    assert "role" in account_wire_errors(record(role="root"))
    assert "user_name" in account_wire_errors(record(user_name="Lan Nguyen"))
    assert "disabled" in account_wire_errors(record(disabled="no"))
    assert account_wire_errors([]) != ""


# -- the device --------------------------------------------------------------------------------


def queued(svc: Services) -> list[str]:
    with svc.db.read() as s:
        return list(s.scalars(select(OutboxRow.entity_id).where(OutboxRow.kind == "account")))


def test_a_store_from_before_account_sync_pushes_its_accounts_once(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade(path, revision="0013_accounts")
    con = keyed.connect(path)
    con.execute(
        "INSERT INTO accounts (uid, user_name, full_name, role, password_hash, failed_count, "
        "disabled, phone, device_id, created_at, updated_at, version) VALUES "
        "('00000000-0000-4000-8000-0000000000a1', ?, 'Trần Thị Bình', 'admin', ?, 0, 0, '', "
        "'dev', '2026-11-01 01:00:00', '2026-11-01 01:00:00', 1)",
        (ADMIN_USER, make_hasher(fast=True).hash(ADMIN_PASSWORD)),
    )
    con.commit()
    con.close()
    svc = open_services(path)
    try:
        svc.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
        with svc.db.write() as s:
            assert queue_accounts(s) == 1
        with svc.db.write() as s:
            assert queue_accounts(s) == 0  # once
        assert queued(svc) == ["00000000-0000-4000-8000-0000000000a1"]
        with svc.db.read() as s:
            wire = read_account_wires(s, queued(svc))
        sent = wire["00000000-0000-4000-8000-0000000000a1"]
        assert sent["unit_code"] == svc.settings.load().unit_code
        assert account_wire_errors(sent) == ""
        assert not {"failed_count", "locked_until"} & set(sent)
    finally:
        svc.close()


def test_changes_of_the_unit_are_queued_and_the_lockout_is_not(services: Services) -> None:
    with services.db.write() as s:
        queue_accounts(s)
    with services.db.write() as s:
        s.query(OutboxRow).delete()
    services.accounts.add(user_name="lan", password="lan-mat-khau", role="counter")
    with services.db.write() as s:
        assert queue_accounts(s) == 1
    for _ in range(5):
        with pytest.raises(AuthError):
            services.accounts.authenticate("lan", "sai-mat-khau")
    with services.db.write() as s:
        assert queue_accounts(s) == 0  # the failures and the lockout are this device's
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    services.accounts.unlock("lan")  # lifts the lockout only: nothing for the unit
    with services.db.write() as s:
        assert queue_accounts(s) == 0
    for change in (
        lambda: services.accounts.set_password(user_name="lan", new_password="mat-khau-moi"),
        lambda: services.accounts.set_role(user_name="lan", role="leader"),
        lambda: services.accounts.lock("lan"),
        lambda: services.accounts.unlock("lan"),
    ):
        change()
        with services.db.write() as s:
            assert queue_accounts(s) == 1


def change(rev: int, data: dict[str, Any]) -> dict[str, Any]:
    return {"rev": rev, "kind": "account", "data": data}


def test_a_pulled_account_is_taken_but_never_over_a_local_change(services: Services) -> None:
    unit = services.settings.load().unit_code
    pulled = record(unit_code=unit, password_hash=make_hasher(fast=True).hash("lan-mat-khau"))
    with services.db.write() as s:
        out = apply_accounts(
            s, [{"rev": 10, "kind": "account", "data": pulled}], unit_code=unit, at="t"
        )
    assert out.applied == 1
    services.session.log_out()
    assert services.accounts.authenticate("lan", "lan-mat-khau").uid == pulled["id"]
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)

    # Changed here and not pushed yet: kept (its push goes first).
    services.accounts.set_role(user_name="lan", role="leader")
    newer = pulled | {"full_name": "Khác", "profile_version": 2, "version": 2}
    with services.db.write() as s:
        out = apply_accounts(
            s, [{"rev": 11, "kind": "account", "data": newer}], unit_code=unit, at="t"
        )
    assert out.applied == 0
    with services.db.read() as s:
        row = s.scalar(select(AccountRow).where(AccountRow.user_name == "lan"))
        assert row is not None
        assert (row.role, row.full_name) == ("leader", "Nguyễn Thị Lan")

    # Another unit's account, another person under a name held here: not taken.
    stranger = record(id="8f1c0d52-0000-4000-8000-000000000002", unit_code="000.00.99.H99")
    namesake = record(id="8f1c0d52-0000-4000-8000-000000000003", user_name=ADMIN_USER)
    with services.db.write() as s:
        out = apply_accounts(
            s,
            [
                {"rev": 12, "kind": "account", "data": stranger | {"user_name": "xa"}},
                {"rev": 13, "kind": "account", "data": namesake | {"unit_code": unit}},
            ],
            unit_code=unit,
            at="t",
        )
    assert out.applied == 0
    assert [c["reason"] for c in out.clashes] == ["user_name_taken_here"]
    assert [k["reason"] for k in out.skipped] == ["wrong_unit"]
