"""Roles checked inside the services (issue 12): the one table (core/permissions), every
guarded method refused to a role without its permission, the CLI and the UI reading the
same table."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_desktop.core.accounts import Role, can
from hcc_desktop.core.errors import AuthError, PermissionDenied
from hcc_desktop.core.permissions import COMMANDS, SERVICE_METHODS, WINDOW_ACTIONS
from hcc_desktop.services import Services
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER

PASSWORD = "mat-khau-can-bo"


def log_in_as(services: Services, role: Role) -> None:
    """A new officer of ``role`` made by the administrator, then logged in instead."""
    name = f"cb-{role.value}"
    services.accounts.add(user_name=name, password=PASSWORD, role=role)
    services.session.log_out()
    services.accounts.authenticate(name, PASSWORD)


def method_of(services: Services, key: str):  # type: ignore[no-untyped-def]
    service_name, method_name = key.split(".")
    return getattr(getattr(services, service_name), method_name)


def test_every_row_of_the_table_is_checked_by_its_method(services: Services) -> None:
    # A row without its check (or a check under another row) would be a silent hole.
    for key in SERVICE_METHODS:
        assert getattr(method_of(services, key), "__guarded__", None) == key


@pytest.mark.parametrize("key", sorted(SERVICE_METHODS))
def test_a_counter_officer_is_refused_by_the_service(services: Services, key: str) -> None:
    log_in_as(services, Role.COUNTER)
    # Refused before the arguments are even looked at: none are given.
    with pytest.raises(PermissionDenied) as caught:
        method_of(services, key)()
    assert caught.value.code == "not_allowed"
    assert caught.value.params == {"permission": SERVICE_METHODS[key].value, "role": "counter"}


def test_a_center_leader_gets_the_leaders_part_only(services: Services) -> None:
    log_in_as(services, Role.LEADER)
    for key, permission in SERVICE_METHODS.items():
        allowed = can(Role.LEADER, permission)
        try:
            method_of(services, key)()
        except PermissionDenied:
            assert not allowed, key
        except TypeError:
            assert allowed, key  # past the check: it wanted its arguments
        else:
            assert allowed, key


def test_nobody_logged_in_is_asked_to_log_in(services: Services) -> None:
    services.session.log_out()
    for key in SERVICE_METHODS:
        with pytest.raises(AuthError) as caught:
            method_of(services, key)()
        assert caught.value.code == "not_logged_in", key


def test_the_administrator_passes_every_check(services: Services) -> None:
    services.session.log_out()
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    for key in SERVICE_METHODS:
        try:
            method_of(services, key)()
        except PermissionDenied:
            pytest.fail(f"{key} refused to the administrator")
        except Exception:
            pass


def test_the_cli_and_the_window_read_the_same_table() -> None:
    from hcc_desktop.cli import login

    assert login.PERMISSIONS is COMMANDS
    roles = pytest.importorskip("hcc_desktop.ui.accounts.roles")
    assert roles.ACTIONS is WINDOW_ACTIONS
    # The administrator's and the leader's parts, as issue 12 lists them.
    assert {p.value for p in SERVICE_METHODS.values()} == {
        "settings",
        "catalog",
        "calendar",
        "accounts",
        "devices",
        "reports",
        "apologies",
        "complaints",
    }


def test_what_the_sync_applies_from_the_server_needs_no_administrator(
    services: Services,
) -> None:
    """A counter officer's sync takes the unit settings and calendar the server
    published (the administrator decided them there)."""
    log_in_as(services, Role.COUNTER)
    current = services.settings.load()
    from dataclasses import replace

    saved = services.settings.save_from_server(replace(current, unit_name="Phường Mới"))
    assert saved.unit_name == "Phường Mới"
    services.settings.set_calendar_from_server(services.settings.calendar_overrides())
    services.settings.set_due_soon_days(5)
    assert services.settings.load().due_soon_days == 5


def test_backups_demo_and_the_portal_are_the_administrators_in_the_service(
    services: Services, tmp_path: Path
) -> None:
    """What only the CLI guarded (or nobody): a counter officer is refused by the
    services themselves, while the daily backup still runs for whoever is logged in."""
    assert {
        "backups.backup",
        "backups.prune",
        "demo.generate",
        "portal.import_file",
        "portal.import_records",
        "portal.export_records",
        "portal.export_file",
    } <= set(SERVICE_METHODS)
    folder = tmp_path / "usb"
    folder.mkdir()
    log_in_as(services, Role.COUNTER)
    with pytest.raises(PermissionDenied):
        services.backups.backup(folder)
    with pytest.raises(PermissionDenied):
        services.demo.generate(count=1)
    with pytest.raises(PermissionDenied):
        services.portal.import_records([])
    assert list(folder.iterdir()) == []
    from dataclasses import replace

    services.session.log_out()
    services.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
    services.settings.save(replace(services.settings.load(), backup_folder=str(folder)))
    services.session.log_out()
    services.accounts.authenticate("cb-counter", PASSWORD)
    info = services.backups.run_scheduled()
    assert info is not None
    assert info.path.parent == folder


def test_a_restore_needs_an_administrator_of_the_backup(services: Services, tmp_path: Path) -> None:
    from hcc_desktop.services.backups import restore_store

    folder = tmp_path / "usb"
    folder.mkdir()
    services.accounts.add(user_name="cb-counter", password=PASSWORD, role=Role.COUNTER)
    backup = services.backups.backup(folder).path
    store = services.db.path
    key = services.db.key
    services.close()
    with pytest.raises(PermissionDenied):
        restore_store(backup, store, key=key, restorer=("cb-counter", PASSWORD))
    with pytest.raises(AuthError) as caught:
        restore_store(backup, store, key=key, restorer=(ADMIN_USER, "wrong-password"))
    assert caught.value.code == "bad_credentials"
    assert not list(tmp_path.glob("*.before-restore.bak"))
    done = restore_store(backup, store, key=key, restorer=(ADMIN_USER, ADMIN_PASSWORD))
    assert done is not None
    assert done.backup.path == backup
