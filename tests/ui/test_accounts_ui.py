"""The login, the first administrator and what a role may use (ui/accounts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from hcc_desktop.core.accounts import MAX_FAILURES, Role
from hcc_desktop.db.models import AccountRow
from hcc_desktop.services import Services, open_services
from hcc_desktop.ui.accounts.form import AccountFormDialog
from hcc_desktop.ui.accounts.login import FirstAdminDialog, LoginDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER


def _login(qtbot: QtBot, services: Services, user: str, password: str) -> LoginDialog:
    dialog = LoginDialog(services)
    qtbot.addWidget(dialog)
    dialog.user.setText(user)
    dialog.password.setText(password)
    if user.strip():
        # The check runs on the task runner, the buttons disabled until it answers.
        with qtbot.waitSignal(dialog.answered, timeout=10_000):
            dialog.log_in()
            assert not dialog.buttons.isEnabled()
        assert dialog.buttons.isEnabled()
    else:
        dialog.log_in()
    return dialog


def _answered(qtbot: QtBot, dialog: AccountFormDialog, submit: Callable[[], object]) -> None:
    """``submit`` a form and wait until its service call (on the task runner) answered."""
    with qtbot.waitSignal(dialog.answered, timeout=10_000):
        submit()


def test_login_ok(qtbot: QtBot, services: Services) -> None:
    services.session.log_out()
    dialog = _login(qtbot, services, ADMIN_USER, ADMIN_PASSWORD)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.officer is not None
    assert services.session.current().user_name == ADMIN_USER


def test_wrong_password_is_said_at_the_field(qtbot: QtBot, services: Services) -> None:
    services.session.log_out()
    dialog = _login(qtbot, services, ADMIN_USER, "wrong-password")
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    assert dialog.password_error.text() == "Wrong user name or password"
    assert dialog.password.text() == ""
    assert services.session.officer is None
    empty = _login(qtbot, services, "", "x")
    assert empty.user_error.text() == "Enter a user name"


def test_lockout_message_gives_the_time(qtbot: QtBot, services: Services) -> None:
    services.session.log_out()
    for _ in range(MAX_FAILURES):
        _login(qtbot, services, ADMIN_USER, "wrong-password")
    dialog = _login(qtbot, services, ADMIN_USER, ADMIN_PASSWORD)
    assert dialog.officer is None
    text = dialog.password_error.text()
    assert text.startswith("This account is locked until")
    with services.db.read() as s:
        until = s.scalar(select(AccountRow.locked_until).where(AccountRow.user_name == ADMIN_USER))
    assert until is not None
    assert until.strftime("%d/%m/%Y %H:%M") in text


def test_first_admin_on_a_store_without_accounts(qtbot: QtBot, tmp_path: Path) -> None:
    svc = open_services(tmp_path / "new.db")
    try:
        assert svc.accounts.needs_first_admin()
        dialog = FirstAdminDialog(svc)
        qtbot.addWidget(dialog)
        dialog.user.setText("Quan Tri")
        dialog.password.setText("mat-khau-moi")
        dialog.confirm.setText("mat-khau-khac")
        dialog.create()
        assert dialog.confirm_error.text() == "The two passwords are not the same"
        dialog.confirm.setText("mat-khau-moi")
        _answered(qtbot, dialog, dialog.create)
        assert dialog.user_error.isVisibleTo(dialog)
        assert "lower-case letters without diacritics" in dialog.user_error.text()
        dialog.user.setText("quantri")
        dialog.full_name.setText("Nguyễn Văn Quản")
        _answered(qtbot, dialog, dialog.create)
        assert dialog.result() == FirstAdminDialog.DialogCode.Accepted
        assert not svc.accounts.needs_first_admin()
        assert svc.session.current().role is Role.ADMIN
    finally:
        svc.close()


def test_a_counter_officer_cannot_open_settings(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    services.accounts.authenticate("an", "mat-khau-an")
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    for action in (
        w.settings_action,
        w.import_catalog_action,
        w.reports_action,
        w.complaints_action,
        w.apology_action,
    ):
        assert not action.isVisible()
        assert not action.isEnabled()
    assert w.intake_action.isEnabled()
    assert "an" in w.officer_label.text()
    menus = {a.text(): a.isVisible() for a in w.menuBar().actions()}
    assert not any(visible for title, visible in menus.items() if "Catalog" in title)


def test_a_leader_gets_reports_but_not_settings(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.accounts.add(user_name="ba", password="mat-khau-ba", role=Role.LEADER)
    services.accounts.authenticate("ba", "mat-khau-ba")
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    assert w.reports_action.isVisible()
    assert w.complaints_action.isVisible()
    assert not w.settings_action.isVisible()


def test_idle_lock_covers_and_unlocks_to_the_half_typed_intake(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    from hcc_desktop.ui.accounts.idle import IdleLock
    from hcc_desktop.ui.intake.dialog import IntakeDialog

    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    w.show()
    intake = IntakeDialog(services, runner, w)
    qtbot.addWidget(intake)
    intake.show()
    intake.applicant.full_name.setText("Nguyễn Thị Ánh")
    idle = IdleLock(services, w, runner=runner)
    # The setting is read on the task runner; the countdown starts when it arrives.
    qtbot.waitUntil(idle._timer.isActive)
    assert idle._timer.interval() == 5 * 60_000  # the default setting
    idle.lock()
    assert idle.is_locked
    assert idle.dialog is not None
    assert idle.dialog.isVisible()
    covers = idle._covers
    assert {c.parent() for c in covers} >= {w, intake}
    assert all(c.isVisible() for c in covers)
    # Escape does not unlock; a wrong password is said at the field.
    idle.dialog.reject()
    assert idle.dialog.isVisible()
    idle.dialog.password.setText("wrong-password")
    _answered(qtbot, idle.dialog, idle.dialog.unlock)
    assert idle.dialog.password_error.text() == "Wrong user name or password"
    assert idle.is_locked
    idle.dialog.password.setText(ADMIN_PASSWORD)
    with qtbot.waitSignal(idle.unlocked, timeout=5_000):
        idle.dialog.unlock()
    assert not idle.is_locked
    assert not any(c.isVisible() for c in covers)
    assert intake.isVisible()
    assert intake.applicant.full_name.text() == "Nguyễn Thị Ánh"


def test_idle_lock_zero_never_locks(qtbot: QtBot, services: Services, runner: TaskRunner) -> None:
    from dataclasses import replace

    from hcc_desktop.ui.accounts.idle import IdleLock

    services.settings.save(replace(services.settings.load(), idle_lock_minutes=0))
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    idle = IdleLock(services, w, runner=runner)
    with qtbot.waitSignal(idle.setting_read, timeout=10_000) as read:
        pass
    assert read.args == [0]
    assert not idle._timer.isActive()


def test_admin_adds_resets_and_locks_through_the_accounts_page(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    page = w.open_accounts()
    # Read on the task runner.
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    add = page.add()
    add.user.setText("an")
    add.full_name.setText("Lê Văn An")
    add.role.setCurrentIndex(add.role.findData("counter"))
    add.password.setText("short")
    _answered(qtbot, add, add.save)
    assert add.password_error.text() == "At least 8 characters"
    add.password.setText("mat-khau-an")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _answered(qtbot, add, add.save)
    assert add.result() == add.DialogCode.Accepted
    assert page.table.rowCount() == 2
    page.select("an")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.lock_button.click()
        assert not page.unlock_button.isEnabled()  # while the lock runs
    assert page.table.item(0, 3).text() == "Locked by an administrator"
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.unlock_button.click()
    assert page.table.item(0, 3).text() == "Active"
    reset = page.reset()
    assert reset is not None
    reset.new.setText("dat-lai-123")
    reset.confirm.setText("dat-lai-123")
    _answered(qtbot, reset, reset.save)
    assert services.accounts.authenticate("an", "dat-lai-123").user_name == "an"


def test_counter_officer_changes_own_password_but_sees_no_accounts_page(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    services.accounts.authenticate("an", "mat-khau-an")
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    assert not w.accounts_action.isVisible()
    assert w.password_action.isVisible()
    dialog = w.change_password()
    dialog.old.setText("wrong-password")
    dialog.new.setText("mat-khau-moi")
    dialog.confirm.setText("mat-khau-moi")
    _answered(qtbot, dialog, dialog.save)
    assert dialog.old_error.text() == "The current password is wrong"
    dialog.old.setText("mat-khau-an")
    _answered(qtbot, dialog, dialog.save)
    assert services.accounts.authenticate("an", "mat-khau-moi").user_name == "an"


def _clashes(services: Services, *entries: dict[str, str]) -> None:
    """Clashes as the sync records them (services/sync/accounts.clash)."""
    from hcc_desktop.services.sync.accounts import ACCOUNT_CLASHES, clash
    from hcc_desktop.services.sync.state import append_capped

    with services.db.write() as s:
        append_capped(s, ACCOUNT_CLASHES, [clash(**e) for e in entries])  # type: ignore[arg-type]


def test_the_accounts_page_shows_names_taken_by_two_people(
    qtbot: QtBot, services: Services, runner: TaskRunner, vietnamese: None
) -> None:
    services.accounts.add(
        user_name="lan", password="mat-khau-lan", role=Role.COUNTER, full_name="Phạm Văn Lân"
    )
    here = services.settings.load().device_id
    _clashes(
        services,
        {
            "uid": "u-1",
            "user_name": "lan",
            "reason": "user_name_taken",
            "detail": "user name lan belongs to another account of the unit",
            "at": "2026-12-01T09:30:00",
            "device_id": here,
        },
        {
            "uid": "u-2",
            "user_name": "lan",
            "reason": "user_name_taken_here",
            "detail": "local account x",
            "at": "2026-12-01T09:31:00",
            "device_id": "0a1b2c3d-4e5f-6789-abcd-ef0123456789",
        },
    )
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    page = w.open_accounts()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    box = page.clashes
    assert box.isVisibleTo(page)
    assert box.table.rowCount() == 2
    # Newest first: the other device's account not taken here.
    assert box.table.item(0, 0).text() == "lan"
    assert "Phạm Văn Lân" in box.table.item(0, 1).text()
    assert "không đăng nhập được trên máy này" in box.table.item(0, 1).text()
    assert box.table.item(0, 2).text() == "Máy khác (0a1b2c3d)"
    assert box.table.item(0, 3).text() == "01/12/2026 09:31"
    assert "máy chủ từ chối" in box.table.item(1, 1).text().lower()
    assert box.table.item(1, 2).text() == "Máy này"
    assert "tên đăng nhập khác" in box.advice.text()
    page.resize(900, 560)
    page.show()
    qtbot.waitExposed(page)
    page.grab().save("/tmp/accounts_page.png")


def test_no_clash_no_box(qtbot: QtBot, services: Services, runner: TaskRunner) -> None:
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    page = w.open_accounts()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert not page.clashes.isVisibleTo(page)


def test_the_administrator_changes_a_role_but_not_the_last_administrators(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    page = w.open_accounts()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2)
    # One's own role (here also the last administrator's): not offered.
    page.select(ADMIN_USER)
    assert not page.role_button.isEnabled()
    assert page.role_button.toolTip()
    page.select("an")
    assert page.role_button.isEnabled()
    dialog = page.change_role()
    assert dialog is not None
    assert dialog.role.currentData() == "counter"
    dialog.role.setCurrentIndex(dialog.role.findData("admin"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        _answered(qtbot, dialog, dialog.save)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.table.item(0, 2).text() == "Administrator"
    assert page.selected() is not None
    assert page.selected().user_name == "an"  # type: ignore[union-attr]
    # The page's list is older than the store (another administrator's change): the
    # service refuses to leave no administrator who can log in, said at the field.
    services.accounts.lock(ADMIN_USER)
    page.select("an")
    dialog = page.change_role()
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData("counter"))
    _answered(qtbot, dialog, dialog.save)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.role_error.text().startswith("an is the last administrator who can log in")
    assert services.accounts.authenticate("an", "mat-khau-an").role is Role.ADMIN
