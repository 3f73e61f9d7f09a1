"""Officer accounts are the unit's (issue 12 item 1): made, changed, locked on one device,
they reach the server and every device of the unit (online and by USB bundle), and log in
there offline; never another unit's; two people under one name are never merged.
Real server process on PostgreSQL and SQLite (the ``harness``), real device stores."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hcc_desktop.cli import sync as sync_cli
from hcc_desktop.core.accounts import Role
from hcc_desktop.core.errors import AuthError, SyncError
from hcc_desktop.db.models import AccountRow
from hcc_desktop.server.models import AccountDoc
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER
from tests.integration.conftest import Harness, free_port, item, new_unit_code
from tests.integration.sync_support import Device, Fleet

pytestmark = pytest.mark.usefixtures("file_keyring")

LAN_PASSWORD = "lan-mat-khau-1"


def as_admin(device: Device) -> None:
    """The device's own first administrator logged in again."""
    device.services.session.log_out()
    device.services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)


def logs_in(device: Device, user: str, password: str) -> bool:
    try:
        device.services.accounts.authenticate(user, password)
    except AuthError:
        return False
    finally:
        device.services.session.log_out()
    return True


def login_error(device: Device, user: str, password: str) -> str:
    with pytest.raises(AuthError) as caught:
        device.services.accounts.authenticate(user, password)
    return caught.value.code


def go_offline(device: Device) -> None:
    """Point the device at a port nobody listens on: its next sync fails."""
    settings = device.services.settings.load()
    device.services.settings.save(replace(settings, server_url=f"http://127.0.0.1:{free_port()}"))
    with pytest.raises(SyncError) as caught:
        device.sync.sync()
    assert caught.value.code == "server_unreachable"


def server_accounts(harness: Harness, unit: str) -> dict[str, dict[str, Any]]:
    with harness.store.db.read() as s:
        rows = s.execute(
            select(AccountDoc.user_name, AccountDoc.data).where(AccountDoc.unit_code == unit)
        ).all()
    return {str(name): dict(data) for name, data in rows}


def local_account(device: Device, user: str) -> AccountRow | None:
    with device.services.db.read() as s:
        row = s.scalar(select(AccountRow).where(AccountRow.user_name == user))
        if row is not None:
            s.expunge(row)
        return row


def two_devices(fleet: Fleet, harness: Harness) -> tuple[Device, Device, str]:
    unit = new_unit_code()
    url = harness.server.base_url
    counter, laptop = fleet.device("quay-1", unit, url), fleet.device("laptop", unit, url)
    return counter, laptop, unit


def test_an_account_made_on_one_device_logs_in_on_another_while_offline(
    fleet: Fleet, harness: Harness
) -> None:
    counter, laptop, unit = two_devices(fleet, harness)
    lan = counter.services.accounts.add(
        user_name="lan", password=LAN_PASSWORD, role="counter", full_name="Nguyễn Thị Lan"
    )
    assert counter.sync.sync().accounts >= 1
    held = server_accounts(harness, unit)["lan"]
    # Only the Argon2id hash travels: no password, no device-local lockout counters.
    assert held["password_hash"].startswith("$argon2id$")
    assert LAN_PASSWORD not in str(held)
    assert not {"failed_count", "locked_until", "password"} & set(held)
    assert laptop.sync.sync().accounts >= 1

    go_offline(laptop)
    laptop.services.session.log_out()
    officer = laptop.services.accounts.authenticate("lan", LAN_PASSWORD)
    assert (officer.uid, officer.role, officer.full_name) == (lan.uid, Role.COUNTER, lan.full_name)
    # Who did the work is the account of the unit: the same uid on both devices.
    laptop.services.session.log_out()
    assert login_error(laptop, "lan", "sai-mat-khau") == "bad_credentials"


def test_a_password_reset_on_one_device_reaches_the_other(fleet: Fleet, harness: Harness) -> None:
    counter, laptop, _unit = two_devices(fleet, harness)
    counter.services.accounts.add(user_name="lan", password=LAN_PASSWORD, role="counter")
    counter.sync.sync()
    laptop.sync.sync()

    laptop.services.accounts.set_password(user_name="lan", new_password="mat-khau-moi-2")
    laptop.sync.sync()
    counter.sync.sync()
    assert logs_in(counter, "lan", "mat-khau-moi-2")
    assert not logs_in(counter, "lan", LAN_PASSWORD)

    # Her own change on the counter (with the current password) goes back the other way.
    counter.services.accounts.authenticate("lan", "mat-khau-moi-2")
    counter.services.accounts.set_password(
        user_name="lan", old_password="mat-khau-moi-2", new_password="mat-khau-thu-3"
    )
    as_admin(counter)
    counter.sync.sync()
    laptop.sync.sync()
    assert logs_in(laptop, "lan", "mat-khau-thu-3")


def test_failed_attempts_and_the_lockout_stay_on_their_device(
    fleet: Fleet, harness: Harness
) -> None:
    counter, laptop, _unit = two_devices(fleet, harness)
    counter.services.accounts.add(user_name="lan", password=LAN_PASSWORD, role="counter")
    counter.sync.sync()
    laptop.sync.sync()
    for _ in range(5):
        assert login_error(counter, "lan", "sai-mat-khau") == "bad_credentials"
    assert login_error(counter, "lan", LAN_PASSWORD) == "account_locked"
    as_admin(counter)
    counter.sync.sync()
    laptop.sync.sync()
    assert logs_in(laptop, "lan", LAN_PASSWORD)


def test_a_lock_travels_and_wins_over_an_unlock_made_earlier(
    fleet: Fleet, harness: Harness
) -> None:
    counter, laptop, unit = two_devices(fleet, harness)
    counter.services.accounts.add(user_name="lan", password=LAN_PASSWORD, role="counter")
    counter.sync.sync()
    laptop.sync.sync()

    counter.services.accounts.lock("lan")
    counter.sync.sync()
    laptop.sync.sync()
    assert login_error(laptop, "lan", LAN_PASSWORD) == "account_locked_by_admin"

    as_admin(laptop)
    laptop.services.accounts.unlock("lan")
    laptop.sync.sync()
    counter.sync.sync()
    assert logs_in(counter, "lan", LAN_PASSWORD)

    # Offline on both: the laptop's administrator locks and unlocks her first; later,
    # the counter's administrator locks her. The counter pushes first, the laptop's
    # earlier unlock comes after it: the later lock stands, everywhere.
    as_admin(laptop)
    laptop.services.accounts.lock("lan")
    laptop.services.accounts.unlock("lan")
    as_admin(counter)
    counter.services.accounts.lock("lan")
    counter.sync.sync()
    laptop.sync.sync()
    counter.sync.sync()
    assert server_accounts(harness, unit)["lan"]["disabled"] is True
    for device in (counter, laptop):
        assert login_error(device, "lan", LAN_PASSWORD) == "account_locked_by_admin"


def test_two_administrators_change_the_same_account_offline(fleet: Fleet, harness: Harness) -> None:
    counter, laptop, unit = two_devices(fleet, harness)
    counter.services.accounts.add(user_name="lan", password=LAN_PASSWORD, role="counter")
    counter.sync.sync()
    laptop.sync.sync()

    # Different parts: both changes stand (the laptop's stale role changes nothing).
    counter.services.accounts.set_role(user_name="lan", role="leader")
    laptop.services.accounts.set_password(user_name="lan", new_password="mat-khau-laptop")
    counter.sync.sync()
    laptop.sync.sync()
    counter.sync.sync()
    for device in (counter, laptop):
        device.services.session.log_out()
        officer = device.services.accounts.authenticate("lan", "mat-khau-laptop")
        assert officer.role == Role.LEADER, device.name
        device.services.session.log_out()

    # The same part: the change that reaches the server later wins, on every device.
    as_admin(counter)
    as_admin(laptop)
    counter.services.accounts.set_password(user_name="lan", new_password="mat-khau-quay")
    laptop.services.accounts.set_password(user_name="lan", new_password="mat-khau-sau-cung")
    counter.sync.sync()
    laptop.sync.sync()
    counter.sync.sync()
    for device in (counter, laptop):
        assert logs_in(device, "lan", "mat-khau-sau-cung"), device.name
        assert not logs_in(device, "lan", "mat-khau-quay"), device.name
    held = server_accounts(harness, unit)["lan"]
    assert local_account(counter, "lan").password_hash == held["password_hash"]  # type: ignore[union-attr]
    assert local_account(laptop, "lan").password_hash == held["password_hash"]  # type: ignore[union-attr]


def test_one_name_for_two_people_is_never_merged(
    fleet: Fleet, harness: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    counter, laptop, unit = two_devices(fleet, harness)
    counter.services.accounts.add(
        user_name="lan", password=LAN_PASSWORD, role="counter", full_name="Nguyễn Thị Lan"
    )
    laptop.services.accounts.add(
        user_name="lan", password="mat-khau-khac", role="leader", full_name="Phạm Văn Lân"
    )
    counter.sync.sync()
    laptop.sync.sync()
    counter.sync.sync()

    # The first account to reach the server keeps the name; the other stays on its
    # device, listed for the administrator, and each device keeps its own person.
    assert server_accounts(harness, unit)["lan"]["full_name"] == "Nguyễn Thị Lan"
    refused = {(c.user_name, c.reason) for c in laptop.sync.account_clashes()}
    assert ("lan", "user_name_taken") in refused
    assert ("lan", "user_name_taken_here") in refused
    # Which device each account that did not travel was made on (the accounts page
    # says "this device" or another one).
    made_on = {c.reason: c.device_id for c in laptop.sync.account_clashes()}
    assert made_on["user_name_taken"] == laptop.services.settings.load().device_id
    assert made_on["user_name_taken_here"] == counter.services.settings.load().device_id
    assert local_account(laptop, "lan").full_name == "Phạm Văn Lân"  # type: ignore[union-attr]
    assert local_account(counter, "lan").full_name == "Nguyễn Thị Lan"  # type: ignore[union-attr]
    assert logs_in(laptop, "lan", "mat-khau-khac")
    assert not logs_in(counter, "lan", "mat-khau-khac")
    # Refused once, not again and again.
    laptop.sync.sync()
    clashes = laptop.sync.account_clashes()
    assert [c.reason for c in clashes if c.user_name == "lan"].count("user_name_taken") == 1

    # The administrator reads it in Vietnamese from ``sync status``.
    assert sync_cli.main(["--db", str(laptop.services.db.path), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert "tài khoản lan: tên đăng nhập đã thuộc về một tài khoản khác của đơn vị" in out
    assert sync_cli.main(["--db", str(laptop.services.db.path), "sync", "status", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["account_clashes"]
    assert {(c["user_name"], c["reason"]) for c in listed} >= {("lan", "user_name_taken")}


def test_accounts_stay_in_their_unit(fleet: Fleet, harness: Harness) -> None:
    counter, laptop, unit = two_devices(fleet, harness)
    other_unit = new_unit_code()
    stranger = fleet.device("phuong-khac", other_unit, harness.server.base_url)
    lan = counter.services.accounts.add(user_name="lan", password=LAN_PASSWORD, role="counter")
    counter.sync.sync()
    stranger.sync.sync()
    assert local_account(stranger, "lan") is None
    assert "lan" not in server_accounts(harness, other_unit)

    # A device of another unit pushing the account (say to unlock it) is refused.
    intruder = harness.device(other_unit)
    data = dict(server_accounts(harness, unit)["lan"])
    forged = data | {"disabled": True, "disabled_at": "2999-01-01T00:00:00.000000+00:00"}
    result = intruder.push_ok([item("account", forged | {"unit_code": other_unit})])
    assert [(r["status"], r.get("reason")) for r in result["results"]] == [
        ("rejected", "wrong_unit")
    ]
    result = intruder.push_ok([item("account", forged)])
    assert [(r["status"], r.get("reason")) for r in result["results"]] == [
        ("rejected", "wrong_unit")
    ]
    changes, _ = intruder.pull_all()
    # Its own unit's accounts only (the stranger's administrator), never this unit's.
    pulled = [c["data"] for c in changes if c["kind"] == "account"]
    assert {d["unit_code"] for d in pulled} == {other_unit}
    assert "lan" not in {d["user_name"] for d in pulled}
    laptop.sync.sync()
    assert logs_in(laptop, "lan", LAN_PASSWORD)
    assert local_account(laptop, "lan").uid == lan.uid  # type: ignore[union-attr]


def test_accounts_travel_in_a_usb_bundle(fleet: Fleet, harness: Harness, tmp_path: Path) -> None:
    counter, laptop, _unit = two_devices(fleet, harness)
    counter.sync.sync()
    laptop.sync.sync()
    counter.services.accounts.add(user_name="hoa", password="hoa-mat-khau", role="leader")
    bundle = tmp_path / "thu-bay.hccbundle"
    counter.sync.export_bundle(bundle)
    harness.store.import_bundle(bundle)
    laptop.sync.sync()
    assert logs_in(laptop, "hoa", "hoa-mat-khau")
    # The online sync that follows sends it again: a duplicate, nothing changes.
    result = counter.sync.sync()
    assert result.accounts == 1
    assert counter.outbox() == 0
