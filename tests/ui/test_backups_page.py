"""The settings dialog's "Backups" page and the daily scheduled backup (issue 12 item 5)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from hcc_desktop.services import Services
from hcc_desktop.services.backups.manifest import manifest_path
from hcc_desktop.ui.backups.scheduler import BackupScheduler
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from hcc_desktop.ui.settings.dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, runner: TaskRunner) -> SettingsDialog:
    d = SettingsDialog(services, runner=runner)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    qtbot.waitUntil(lambda: not d.loading)  # the settings are read on the runner
    d.tabs.setCurrentIndex(d.TAB_BACKUPS)
    return d


def test_back_up_now_writes_a_backup_and_shows_its_time(
    qtbot: QtBot, dialog: SettingsDialog, services: Services, tmp_path: Path
) -> None:
    page = dialog.backups_page
    assert page.enabled.isChecked()
    assert page.keep.value() == 7
    assert page.last_label.text() in ("none yet", "chưa có")
    stick = tmp_path / "usb"
    stick.mkdir()
    page.folder.setText(str(stick))
    with qtbot.waitSignal(page.backup_finished, timeout=30_000) as done:
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    info = done.args[0]
    assert info.path.parent == stick
    assert info.path.exists()
    assert manifest_path(info.path).exists()
    assert info.path.name in page.last_label.text()
    assert info.created_at.strftime("%d/%m/%Y %H:%M") in page.last_label.text()
    assert page.backup_button.isEnabled()
    assert services.backups.last_backup() is not None
    dialog.grab().save("/tmp/backups_page.png")


def test_back_up_now_to_a_missing_folder_says_so_on_the_page(
    qtbot: QtBot, dialog: SettingsDialog, tmp_path: Path
) -> None:
    page = dialog.backups_page
    page.folder.setText(str(tmp_path / "unplugged"))
    with qtbot.waitSignal(page.backup_failed, timeout=30_000) as failed:
        qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    assert "unplugged" in failed.args[0]
    assert page.result_label.text() == failed.args[0]
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not dialog]


def test_ok_saves_the_backup_settings(
    qtbot: QtBot, dialog: SettingsDialog, services: Services, tmp_path: Path
) -> None:
    page = dialog.backups_page
    page.enabled.setChecked(False)
    page.folder.setText(str(tmp_path / "usb"))
    page.keep.setValue(10)
    with qtbot.waitSignal(dialog.finished, timeout=30_000):
        dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = services.settings.load()
    assert (saved.backup_enabled, saved.backup_folder, saved.backup_keep) == (
        False,
        str(tmp_path / "usb"),
        10,
    )


def test_scheduler_takes_todays_backup_once(
    qtbot: QtBot, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    services.settings.save(replace(services.settings.load(), backup_folder=str(stick)))
    scheduler = BackupScheduler(services, runner)
    with qtbot.waitSignal(scheduler.backup_taken, timeout=30_000):
        scheduler.start()
    assert scheduler.timer.isActive()
    with qtbot.waitSignal(scheduler.backup_ok, timeout=30_000):
        scheduler.check()
    assert len(list(stick.glob("*.hccbak"))) == 1
    scheduler.stop()


def test_unplugged_stick_is_a_quiet_warning_in_the_status_bar(
    qtbot: QtBot, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    services.settings.save(
        replace(services.settings.load(), backup_folder=str(tmp_path / "unplugged"))
    )
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.backup_scheduler.backup_warning, timeout=30_000):
        window.start_backups()
    assert window.backup_warning.isVisible()
    assert "unplugged" in window.backup_warning.toolTip()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)]
    assert not [d for d in dialogs if d.isVisible()]
    (tmp_path / "unplugged").mkdir()
    with qtbot.waitSignal(window.backup_scheduler.backup_ok, timeout=30_000):
        window.backup_scheduler.check()
    assert not window.backup_warning.isVisible()
    window.close()
