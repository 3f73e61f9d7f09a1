"""Sync in the app: registering the device, syncing from the sync screen, the
status-bar widget, an unreachable server, cancelling, conflicts between two
devices, rejected items and the USB bundle — against a real sync server
(SQLite backend) running as a subprocess on 127.0.0.1."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStatusBar
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.core.errors import SyncError
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store import SyncStore
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.services.sync.probe import probe_server
from hcc_desktop.services.sync.service import SyncResult, SyncService, SyncStatus
from hcc_desktop.ui.common.changes import notify_dossiers_changed
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.dialog import SyncDialog, format_value
from hcc_desktop.ui.sync.status import SyncStatusWidget, SyncWarningBanner, Tone
from tests.conftest import log_in_admin
from tests.integration.conftest import ServerProcess, free_port, new_unit_code
from tests.ui.conftest import UI_DRAFT, AcceptDossier, birth_draft, show_active

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/tmp/ui")
SYNC_TIMEOUT_MS = 30_000


# -- the server -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    directory = tmp_path_factory.mktemp("sync-server")
    process = ServerProcess(f"sqlite:///{directory / 'server.db'}", directory / "server.log")
    process.start()
    yield process
    process.stop()


def enrol(server: ServerProcess, unit: str) -> str:
    """A one-time enrolment code, made as an administrator does: with the server CLI."""
    done = subprocess.run(
        [
            sys.executable, "-m", "hcc_desktop.server.cli", "server", "enrol",
            "--database", server.database_url, "--unit", unit,
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    code = done.stdout.strip()
    assert code, done.stderr
    return code


def expired_code(server: ServerProcess, unit: str) -> str:
    db = ServerDatabase(server.database_url)
    try:
        return SyncStore(db).enrol(unit, valid_for=timedelta(seconds=-1)).code
    finally:
        db.dispose()


def closed_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


# -- the app side -------------------------------------------------------------------------------


@pytest.fixture
def controller(services: Services, runner: TaskRunner) -> Iterator[SyncController]:
    c = SyncController(services, runner, watch_network=False)
    c.start()
    yield c
    c.stop()


@pytest.fixture
def dialog(qtbot: QtBot, controller: SyncController) -> SyncDialog:
    d = SyncDialog(controller)
    show_active(qtbot, d)
    return d


@pytest.fixture
def status_widget(qtbot: QtBot, controller: SyncController) -> Iterator[SyncStatusWidget]:
    """The widget in the status bar of a window (kept alive for the test)."""
    window = QMainWindow()
    window.setCentralWidget(SyncWarningBanner(controller))
    widget = SyncStatusWidget(controller)
    bar = QStatusBar()
    bar.addPermanentWidget(widget)
    window.setStatusBar(bar)
    window.resize(700, 80)
    qtbot.addWidget(window)
    window.show()
    yield widget
    window.close()


def wait_status(qtbot: QtBot, controller: SyncController) -> SyncStatus:
    """The status read after everything queued so far."""
    with qtbot.waitSignal(controller.status_changed, timeout=SYNC_TIMEOUT_MS) as blocker:
        controller.refresh_status()
    status = blocker.args[0]
    assert isinstance(status, SyncStatus)
    return status


def register(qtbot: QtBot, dialog: SyncDialog, server: ServerProcess, unit: str) -> SyncResult:
    """Register through the form; the first sync follows by itself."""
    controller = dialog.controller
    dialog.tabs.setCurrentIndex(dialog.TAB_REGISTER)
    dialog.url_edit.setText(server.base_url)
    dialog.code_edit.setText(enrol(server, unit))
    with (
        qtbot.waitSignal(controller.sync_finished, timeout=SYNC_TIMEOUT_MS) as synced,
        qtbot.waitSignal(dialog.registered, timeout=SYNC_TIMEOUT_MS),
    ):
        dialog.register_button.click()
    result = synced.args[0]
    assert isinstance(result, SyncResult)
    assert not result.cancelled
    return result


def accept(accept_dossier: AcceptDossier, **kwargs: object) -> Dossier:
    dossier = accept_dossier(**kwargs)
    notify_dossiers_changed([dossier.id])
    return dossier


def sync_from_dialog(qtbot: QtBot, dialog: SyncDialog) -> SyncResult:
    with qtbot.waitSignal(dialog.controller.sync_finished, timeout=SYNC_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, SyncResult)
    return result


def other_device(
    tmp_path: Path, name: str, server: ServerProcess, unit: str, code: str | None = None
) -> tuple[Services, SyncService]:
    """Another device of the unit, driven through its services (no window)."""
    services = open_services(tmp_path / f"{name}.db")
    log_in_admin(services, "Lê Văn Cường")
    sync = SyncService(services.db, settings=services.settings, catalog=services.catalog)
    sync.register(server.base_url, code or enrol(server, unit), device_name=name)
    return services, sync


def shot(widget: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


# -- registration ----------------------------------------------------------------------------------


def test_registration_errors_at_the_field_then_success(
    qtbot: QtBot,
    tmp_path: Path,
    vietnamese: None,
    server: ServerProcess,
    controller: SyncController,
    status_widget: SyncStatusWidget,
) -> None:
    qtbot.waitUntil(lambda: controller.status is not None)
    assert status_widget.text() == "Chưa đăng ký đồng bộ"
    dialog = SyncDialog(controller)
    show_active(qtbot, dialog)
    # Not registered: the form comes first, the cursor in the server address.
    assert dialog.tabs.currentIndex() == dialog.TAB_REGISTER
    assert dialog.tabs.tabText(dialog.TAB_REGISTER) == "Đă&ng ký thiết bị"
    assert QApplication.focusWidget() is dialog.url_edit
    assert not dialog.sync_button.isEnabled()
    assert not dialog.export_button.isEnabled()

    # A bad address and no code: each told at its field, the first one focused.
    qtbot.keyClicks(dialog.url_edit, "dongbo.phuong")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert dialog.url_error.isVisible()
    assert dialog.url_error.text().startswith("Địa chỉ máy chủ không hợp lệ: phải bắt đầu bằng")
    assert dialog.url_edit.property("error") is True
    assert dialog.code_error.text() == "Nhập mã đăng ký do quản trị viên cấp"
    assert QApplication.focusWidget() is dialog.url_edit

    # Nothing listens at the address.
    unit = new_unit_code()
    code = enrol(server, unit)
    dialog.url_edit.setText(closed_url())
    dialog.code_edit.setText(code)
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    assert not dialog.url_error.isVisible()  # cleared while the server is asked
    qtbot.waitUntil(dialog.url_error.isVisible, timeout=SYNC_TIMEOUT_MS)
    assert dialog.url_error.text() == (
        "Không kết nối được máy chủ theo địa chỉ này: kiểm tra lại địa chỉ và kết nối mạng."
    )
    assert not dialog.code_error.isVisible()
    assert QApplication.focusWidget() is dialog.url_edit

    # The right server, a code it never made.
    dialog.url_edit.setText(server.base_url)
    dialog.code_edit.setText("AAAA-BBBB-CCCC-DDDD")
    dialog.register_button.click()
    qtbot.waitUntil(dialog.code_error.isVisible, timeout=SYNC_TIMEOUT_MS)
    assert dialog.code_error.text() == "Mã đăng ký không tồn tại: kiểm tra lại hoặc xin mã mới"
    assert dialog.code_edit.property("error") is True
    assert not dialog.url_error.isVisible()
    assert QApplication.focusWidget() is dialog.code_edit
    shot(dialog, "sync_register_error.png")

    # An expired code.
    dialog.code_edit.setText(expired_code(server, unit))
    dialog.register_button.click()
    qtbot.waitUntil(
        lambda: dialog.code_error.text() == "Mã đăng ký này đã hết hạn: hãy xin mã mới",
        timeout=SYNC_TIMEOUT_MS,
    )

    # A code another device of the unit has used already.
    used = enrol(server, unit)
    other, _other_sync = other_device(tmp_path, "may-b", server, unit, code=used)
    other.close()
    dialog.code_edit.setText(used)
    dialog.register_button.click()
    qtbot.waitUntil(
        lambda: dialog.code_error.text() == "Mã đăng ký này đã được sử dụng: hãy xin mã mới",
        timeout=SYNC_TIMEOUT_MS,
    )
    assert controller.settings.load().server_url == ""  # nothing stored by the failures

    # The right code: registered with the slot the server gave; the first sync follows.
    dialog.code_edit.setText(code)
    with (
        qtbot.waitSignal(controller.sync_finished, timeout=SYNC_TIMEOUT_MS),
        qtbot.waitSignal(dialog.registered, timeout=SYNC_TIMEOUT_MS) as registered,
    ):
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    registration = registered.args[0]
    assert (registration.unit_code, registration.device_slot) == (unit, 1)
    settings = controller.settings.load()
    assert (settings.server_url, settings.unit_code, settings.device_slot) == (
        server.base_url,
        unit,
        1,
    )
    assert not dialog.code_error.isVisible()
    assert dialog.code_edit.text() == ""  # a one-time code is not kept on screen
    assert dialog.tabs.currentIndex() == dialog.TAB_STATUS
    qtbot.waitUntil(lambda: status_widget.text().startswith("Đã đồng bộ lúc "))
    assert dialog.connection_value.text() == "Kết nối được"
    assert dialog.device_value.text() == f"{settings.device_name} (số máy 1)"
    assert dialog.server_value.text() == server.base_url
    assert dialog.sync_button.isEnabled()
    assert dialog.error_value.text() == "Không có"


# -- syncing -------------------------------------------------------------------------------------


def test_pending_changes_then_synced(
    qtbot: QtBot,
    tmp_path: Path,
    vietnamese: None,
    server: ServerProcess,
    controller: SyncController,
    dialog: SyncDialog,
    status_widget: SyncStatusWidget,
    accept_dossier: AcceptDossier,
) -> None:
    unit = new_unit_code()
    register(qtbot, dialog, server, unit)
    qtbot.waitUntil(lambda: status_widget.text().startswith("Đã đồng bộ lúc "))
    assert status_widget.state is not None
    assert status_widget.state.tone is Tone.OK
    shot(status_widget.window(), "sync_status_synced.png")

    dossier = accept(accept_dossier)
    qtbot.waitUntil(lambda: status_widget.text() == "2 thay đổi chờ gửi")  # dossier + its event
    assert status_widget.state.tone is Tone.NEUTRAL
    assert dialog.pending_value.text() == "2"
    shot(status_widget.window(), "sync_status_pending.png")

    progress: list[tuple[str, int, int]] = []

    def seen(stage: str, done: int, total: int) -> None:
        progress.append((stage, done, total))
        if stage == "push" and done == 0:
            shot(dialog, "sync_dialog_progress.png")

    controller.sync_progress.connect(seen)
    dialog.tabs.setCurrentIndex(dialog.TAB_CONFLICTS)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(controller.sync_finished, timeout=SYNC_TIMEOUT_MS) as blocker:
        qtbot.keyClick(dialog, Qt.Key.Key_F9)
        assert controller.is_syncing()
        assert dialog.tabs.currentIndex() == dialog.TAB_STATUS
        assert not controller.sync_now()  # never two at once
        assert not dialog.sync_button.isEnabled()
        assert dialog.cancel_button.isVisible()
        assert status_widget.text() == "Đang đồng bộ…"
    result = blocker.args[0]
    assert (result.pushed, result.conflicts, result.rejected, result.cancelled) == (2, 0, 0, False)
    assert ("push", 0, 2) in progress
    assert ("push", 2, 2) in progress
    assert progress[0][0] == "connect"
    assert progress[-1][0] == "pull"
    assert dialog.result_label.text() == (
        f"Đồng bộ xong lúc {controller.clock():%H:%M}: đã gửi 2 thay đổi, đã nhận 0 thay đổi."
    )
    assert not dialog.cancel_button.isVisible()
    qtbot.waitUntil(lambda: status_widget.text().startswith("Đã đồng bộ lúc "))
    assert dialog.pending_value.text() == "0"
    shot(dialog, "sync_dialog_status.png")

    # The dossier is on the server: another device of the unit receives it.
    other, other_sync = other_device(tmp_path, "may-b", server, unit)
    try:
        assert other_sync.sync().pulled >= 2
        assert other.dossiers.get(dossier.id).code == dossier.code
    finally:
        other.close()


def test_unreachable_server_keeps_changes_and_sync_follows_reconnection(
    qtbot: QtBot,
    vietnamese: None,
    server: ServerProcess,
    services: Services,
    controller: SyncController,
    dialog: SyncDialog,
    status_widget: SyncStatusWidget,
    accept_dossier: AcceptDossier,
) -> None:
    register(qtbot, dialog, server, new_unit_code())
    services.settings.save(replace(services.settings.load(), server_url=closed_url()))
    accept(accept_dossier)
    qtbot.waitUntil(lambda: status_widget.text() == "2 thay đổi chờ gửi")

    with qtbot.waitSignal(controller.sync_failed, timeout=SYNC_TIMEOUT_MS) as blocker:
        dialog.sync_button.click()
    error = blocker.args[0]
    assert isinstance(error, SyncError)
    assert error.code == "server_unreachable"
    message = "Không kết nối được máy chủ. Dữ liệu vẫn được lưu trên máy này và sẽ gửi khi có mạng."
    assert dialog.result_label.text() == message
    qtbot.waitUntil(lambda: status_widget.text() == "Mất kết nối máy chủ · 2 thay đổi chờ gửi")
    assert status_widget.state is not None
    assert status_widget.state.tone is Tone.WARN
    assert message in status_widget.toolTip()
    assert dialog.connection_value.text() == "Mất kết nối"
    assert dialog.error_value.text().endswith(message)
    assert dialog.sync_button.isEnabled()
    assert wait_status(qtbot, controller).pending == 2  # nothing lost
    assert controller.probe_timer.isActive()  # looking for the server again
    shot(status_widget.window(), "sync_status_offline.png")
    shot(dialog, "sync_dialog_offline.png")

    # The operating system says the network went, then came back; the server
    # answers again and a sync follows by itself.
    controller.network_reachability_changed(QNetworkInformation.Reachability.Disconnected)
    assert controller.online is False
    services.settings.save(replace(services.settings.load(), server_url=server.base_url))
    with qtbot.waitSignals(
        [controller.connectivity_changed, controller.sync_finished], timeout=SYNC_TIMEOUT_MS
    ):
        controller.network_reachability_changed(QNetworkInformation.Reachability.Online)
    assert controller.online is True
    assert not controller.probe_timer.isActive()
    qtbot.waitUntil(lambda: status_widget.text().startswith("Đã đồng bộ lúc "))
    assert dialog.connection_value.text() == "Kết nối được"
    assert wait_status(qtbot, controller).pending == 0


def test_failure_found_by_the_service_is_remembered(
    qtbot: QtBot,
    vietnamese: None,
    server: ServerProcess,
    services: Services,
    runner: TaskRunner,
    controller: SyncController,
    dialog: SyncDialog,
    accept_dossier: AcceptDossier,
) -> None:
    """The server vanishes between the probe and the sync: the service's own
    error is recorded, and a restarted app still shows it."""
    register(qtbot, dialog, server, new_unit_code())
    services.settings.save(replace(services.settings.load(), server_url=closed_url()))
    accept(accept_dossier)
    hasty = SyncController(services, runner, probe=lambda _url, _timeout: True, watch_network=False)
    with qtbot.waitSignal(hasty.sync_failed, timeout=SYNC_TIMEOUT_MS) as blocker:
        assert hasty.sync_now()
    assert blocker.args[0].code == "server_unreachable"
    hasty.stop()

    restarted = SyncController(services, runner, watch_network=False)
    widget = SyncStatusWidget(restarted)
    qtbot.addWidget(widget)
    status = wait_status(qtbot, restarted)
    assert status.last_error == "server_unreachable"
    assert widget.text() == "Mất kết nối máy chủ · 2 thay đổi chờ gửi"
    restarted.stop()


def test_cancel_stops_the_sync_and_keeps_the_changes(
    qtbot: QtBot,
    vietnamese: None,
    server: ServerProcess,
    runner: TaskRunner,
    controller: SyncController,
    dialog: SyncDialog,
    status_widget: SyncStatusWidget,
    accept_dossier: AcceptDossier,
) -> None:
    register(qtbot, dialog, server, new_unit_code())
    before = wait_status(qtbot, controller).last_sync_at
    accept(accept_dossier)
    qtbot.waitUntil(lambda: status_widget.text() == "2 thay đổi chờ gửi")

    # Another task holds the serial lane (a dossier being saved, say): the sync
    # is connected and waits behind it when the officer stops it.
    release = threading.Event()
    runner.run(release.wait, 60)
    try:
        with qtbot.waitSignal(
            controller.sync_progress,
            check_params_cb=lambda stage, done, _total: (stage, done) == ("connect", 1),
            timeout=SYNC_TIMEOUT_MS,
        ):
            dialog.sync_button.click()
        assert dialog.stage_label.text() == "Đã kết nối máy chủ, đồng bộ đang bắt đầu…"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert controller.is_cancelling()
        assert not dialog.cancel_button.isEnabled()
        assert dialog.stage_label.text() == (
            "Đang dừng… bước đang chạy sẽ làm xong trước, không mất dữ liệu."
        )
        assert status_widget.text() == "Đang dừng đồng bộ…"
        shot(dialog, "sync_dialog_cancelling.png")
        with qtbot.waitSignal(controller.sync_finished, timeout=SYNC_TIMEOUT_MS) as blocker:
            release.set()
        result = blocker.args[0]
        assert result.cancelled
        assert result.pushed == 0
        assert dialog.result_label.text() == (
            "Đã dừng đồng bộ. Phần đã gửi hoặc đã nhận vẫn được giữ; "
            "phần còn lại sẽ đồng bộ ở lần sau."
        )
        assert not dialog.progress.isVisible()
        assert dialog.sync_button.isEnabled()
    finally:
        release.set()
    status = wait_status(qtbot, controller)
    assert status.pending == 2
    assert status.last_sync_at == before
    qtbot.waitUntil(lambda: status_widget.text() == "2 thay đổi chờ gửi")

    # The next sync sends them.
    assert sync_from_dialog(qtbot, dialog).pushed == 2


# -- conflicts and rejected items -----------------------------------------------------------------


def _row_of(table: object, text: str, column: int = 0) -> int:
    for row in range(table.rowCount()):  # type: ignore[attr-defined]
        item = table.item(row, column)  # type: ignore[attr-defined]
        if item is not None and item.text() == text:
            return row
    return -1


def test_conflicts_between_two_devices_are_listed_and_resolved(
    qtbot: QtBot,
    tmp_path: Path,
    vietnamese: None,
    server: ServerProcess,
    services: Services,
    controller: SyncController,
    dialog: SyncDialog,
    status_widget: SyncStatusWidget,
    accept_dossier: AcceptDossier,
) -> None:
    unit = new_unit_code()
    register(qtbot, dialog, server, unit)
    first = accept(accept_dossier)
    second = accept(accept_dossier, full_name="Trần Thị Hoa", id_number="052190001234", gender="Nữ")
    assert sync_from_dialog(qtbot, dialog).pushed == 4

    # The other device receives both and hands them over to its department...
    other, other_sync = other_device(tmp_path, "may-b", server, unit)
    try:
        other_sync.sync()
        for d in (first, second):
            other.lifecycle.transition(
                d.id, Action.HANDOVER, details=TransitionInput(receiver="Bộ phận Tư pháp")
            )
        assert other_sync.sync().pushed == 4
        # ... while this device hands them over to someone else, before syncing.
        for d in (first, second):
            services.lifecycle.transition(
                d.id, Action.HANDOVER, details=TransitionInput(receiver="Ông Phạm Văn Dũng")
            )
        notify_dossiers_changed([first.id, second.id])

        result = sync_from_dialog(qtbot, dialog)
        assert result.conflicts == 2
        assert "2 hồ sơ cũng đã được sửa trên máy khác: xem thẻ Xung đột." in (
            dialog.result_label.text()
        )
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 2)
        assert dialog.tabs.tabText(dialog.TAB_CONFLICTS) == "&Xung đột (2)"
        qtbot.waitUntil(lambda: status_widget.text().startswith("2 xung đột cần xử lý"))
        assert status_widget.state is not None
        assert status_widget.state.tone is Tone.ERROR
        shot(status_widget.window(), "sync_status_conflicts.png")

        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.tabs.setCurrentIndex(dialog.TAB_CONFLICTS)
        assert QApplication.focusWidget() is dialog.conflict_table
        row = _row_of(dialog.conflict_table, first.code)
        assert row >= 0
        assert "Người/bộ phận đang giữ hồ sơ" in dialog.conflict_table.item(row, 2).text()
        dialog.conflict_table.selectRow(row)
        assert dialog.difference_title.text() == f"Hồ sơ {first.code}: các thông tin khác nhau"
        held = _row_of(dialog.difference_table, "Người/bộ phận đang giữ hồ sơ")
        assert held >= 0
        assert dialog.difference_table.item(held, 1).text() == "Ông Phạm Văn Dũng"
        assert dialog.difference_table.item(held, 2).text() == "Bộ phận Tư pháp"
        headers = [dialog.difference_table.horizontalHeaderItem(c).text() for c in range(3)]
        assert headers == ["Thông tin", "Trên máy này", "Trên máy chủ"]
        shot(dialog, "sync_conflicts.png")

        # Keep this device's version of the first, take the server's of the second.
        with qtbot.waitSignal(dialog.conflict_resolved, timeout=SYNC_TIMEOUT_MS) as resolved:
            qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
        assert resolved.args == [first.id, "local"]
        qtbot.waitUntil(lambda: dialog.conflict_table.rowCount() == 1)
        assert dialog.conflict_table.item(0, 0).text() == second.code
        with qtbot.waitSignal(dialog.conflict_resolved, timeout=SYNC_TIMEOUT_MS) as resolved:
            dialog.take_server_button.click()
        assert resolved.args == [second.id, "server"]
        assert dialog.conflict_message.text() == (
            f"Hồ sơ {second.code}: đã lấy bản trên máy chủ thay cho bản trên máy này."
        )
        qtbot.waitUntil(dialog.no_conflict_label.isVisible)
        assert dialog.tabs.tabText(dialog.TAB_CONFLICTS) == "&Xung đột (0)"
        assert not dialog.conflict_table.isVisible()
        assert services.dossiers.get(first.id).holder == "Ông Phạm Văn Dũng"
        assert services.dossiers.get(second.id).holder == "Bộ phận Tư pháp"

        # The kept version goes with the next sync and reaches the other device.
        result = sync_from_dialog(qtbot, dialog)
        assert (result.pushed, result.conflicts) == (1, 0)
        other_sync.sync()
        assert other.dossiers.get(first.id).holder == "Ông Phạm Văn Dũng"
        assert other.dossiers.get(second.id).holder == "Bộ phận Tư pháp"
        qtbot.waitUntil(lambda: status_widget.text().startswith("Đã đồng bộ lúc "))
    finally:
        other.close()


def test_items_refused_by_the_server_are_listed_with_the_reason(
    qtbot: QtBot,
    tmp_path: Path,
    vietnamese: None,
    server: ServerProcess,
    controller: SyncController,
    dialog: SyncDialog,
    accept_dossier: AcceptDossier,
) -> None:
    unit = new_unit_code()
    register(qtbot, dialog, server, unit)  # slot 0
    # Misconfigured: the other device is set to this device's number and
    # numbers its dossier exactly as this device will.
    other, other_sync = other_device(tmp_path, "may-b", server, unit)
    try:
        other.settings.save(replace(other.settings.load(), device_slot=0))
        theirs = other.intake.accept(
            birth_draft(services=other, **(UI_DRAFT | {"full_name": "Lê Thị Mai"}))
        )
        other_sync.sync()
    finally:
        other.close()
    mine = accept(accept_dossier)
    assert mine.code == theirs.code

    result = sync_from_dialog(qtbot, dialog)
    assert result.rejected >= 1
    assert "dữ liệu bị máy chủ từ chối: xem thẻ Bị từ chối." in dialog.result_label.text()
    qtbot.waitUntil(lambda: dialog.rejected_table.rowCount() == result.rejected)
    assert dialog.tabs.tabText(dialog.TAB_REJECTED) == f"Bị từ chố&i ({result.rejected})"
    row = _row_of(dialog.rejected_table, "Hồ sơ", column=2)
    assert row >= 0
    assert dialog.rejected_table.item(row, 1).text() == mine.code
    assert dialog.rejected_table.item(row, 3).text() == (
        "Mã hồ sơ đã được một hồ sơ khác trên máy chủ sử dụng (có hai máy trùng số máy?)"
    )
    dialog.tabs.setCurrentIndex(dialog.TAB_REJECTED)
    shot(dialog, "sync_rejected.png")


# -- the USB bundle -----------------------------------------------------------------------------


def test_export_bundle_tells_how_many_changes_and_what_to_do(
    qtbot: QtBot,
    tmp_path: Path,
    vietnamese: None,
    server: ServerProcess,
    dialog: SyncDialog,
    accept_dossier: AcceptDossier,
) -> None:
    register(qtbot, dialog, server, new_unit_code())
    accept(accept_dossier)
    usb = tmp_path / "usb"
    usb.mkdir()
    path = usb / "goi-du-lieu.hccbundle"
    with qtbot.waitSignal(dialog.bundle_exported, timeout=SYNC_TIMEOUT_MS) as blocker:
        dialog.export_bundle_to(path)
    assert blocker.args == [path, 2]
    box = dialog.last_message
    assert isinstance(box, QMessageBox)
    assert box.text() == f"Đã ghi 2 thay đổi vào tệp\n{path}"
    assert box.informativeText().startswith("Hãy chép tệp này vào USB")
    shot(box, "sync_bundle_exported.png")
    box.close()
    assert path.read_bytes().startswith(b"HCCBUNDLE1\n")

    # The administrator imports it on the server.
    done = subprocess.run(
        [
            sys.executable, "-m", "hcc_desktop.server.cli", "server", "import-bundle",
            "--database", server.database_url, str(path),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert "applied 2" in done.stdout
    # The changes stay queued until an online sync confirms them: harmless duplicates.
    result = sync_from_dialog(qtbot, dialog)
    assert (result.pushed, result.duplicates) == (2, 2)


# -- schedule and settings -----------------------------------------------------------------------


def test_schedule_follows_the_settings_and_start_syncs(
    qtbot: QtBot,
    vietnamese: None,
    server: ServerProcess,
    services: Services,
    runner: TaskRunner,
    controller: SyncController,
    dialog: SyncDialog,
) -> None:
    assert controller.timer.isActive()
    assert controller.timer.interval() == 15 * 60_000
    register(qtbot, dialog, server, new_unit_code())
    dialog.interval_spin.setValue(5)
    dialog.warn_spin.setValue(7)
    assert dialog.warn_spin.text() == "7 ngày chưa đồng bộ"
    with qtbot.waitSignal(dialog.sync_settings_saved, timeout=SYNC_TIMEOUT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.settings_saved_label.text() == "Đã lưu."
    assert controller.timer.interval() == 5 * 60_000
    saved = services.settings.load()
    assert (saved.sync_interval_minutes, saved.sync_warn_days) == (5, 7)

    # The app starting again on a registered device syncs at once.
    restarted = SyncController(services, runner, watch_network=False)
    try:
        with qtbot.waitSignal(restarted.sync_finished, timeout=SYNC_TIMEOUT_MS):
            restarted.start()
        assert restarted.timer.interval() == 5 * 60_000
    finally:
        restarted.stop()


def test_probe(server: ServerProcess) -> None:
    assert probe_server(server.base_url)
    assert not probe_server(closed_url())


# -- the status widget's states ----------------------------------------------------------------


NOW = datetime(2026, 11, 23, 15, 0)


def _status(**changes: object) -> SyncStatus:
    base = SyncStatus(
        registered=True,
        server_url="https://dongbo.hoainhonbac.gov.vn",
        last_sync_at=datetime(2026, 11, 23, 14, 5),
        last_error=None,
        last_error_at=None,
        pending=0,
        open_conflicts=0,
        rejected=0,
        days_since_sync=0,
        warn=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_recorded_failure_is_told_with_its_parameters(
    qtbot: QtBot,
    vietnamese: None,
    controller: SyncController,
    dialog: SyncDialog,
    runner: TaskRunner,
) -> None:
    """A registration refused by an earlier run: the sync screen names both units."""
    # The controller's own status read (at start, then on its timer) must not land
    # after the status this test sets: a loaded machine delivers it late.
    controller.status_timer.stop()
    assert runner.wait_idle(10_000)
    controller.status = _status(
        registered=False,
        server_url="",
        last_error="unit_mismatch",
        last_error_at=datetime(2026, 11, 23, 9, 30),
        last_error_params={"device_unit": "000.17.22.H56", "server_unit": "000.17.22.H57"},
    )
    dialog.update_status()
    dialog.tabs.setCurrentIndex(dialog.TAB_STATUS)
    shot(dialog, "sync_dialog_unit_mismatch.png")
    assert dialog.error_value.text() == (
        "09:30 23/11/2026: Máy này đang lưu hồ sơ của đơn vị 000.17.22.H56: không thể tham gia "
        "đơn vị 000.17.22.H57"
    )


def test_status_widget_states_and_warning_banner(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner
) -> None:
    controller = SyncController(services, runner, watch_network=False, clock=lambda: NOW)
    window = QMainWindow()
    banner = SyncWarningBanner(controller)
    window.setCentralWidget(banner)
    widget = SyncStatusWidget(controller)
    bar = QStatusBar()
    bar.addPermanentWidget(widget)
    window.setStatusBar(bar)
    window.resize(760, 90)
    qtbot.addWidget(window)
    window.show()

    def show(name: str, status: SyncStatus | None, **state: object) -> tuple[str, Tone]:
        controller.status = status
        controller.online = state.get("online")  # type: ignore[assignment]
        controller.last_failure = state.get("failure")  # type: ignore[assignment]
        controller.status_changed.emit(status)
        shot(window, f"sync_status_{name}.png")
        assert widget.state is not None
        return widget.text(), widget.state.tone

    assert show("reading", None) == ("Đồng bộ…", Tone.NEUTRAL)
    assert show("not_registered", _status(registered=False, server_url="")) == (
        "Chưa đăng ký đồng bộ",
        Tone.NEUTRAL,
    )
    assert show("never", _status(last_sync_at=None, days_since_sync=None)) == (
        "Chưa đồng bộ",
        Tone.NEUTRAL,
    )
    assert show("today", _status()) == ("Đã đồng bộ lúc 14:05", Tone.OK)
    assert "Máy chủ: https://dongbo.hoainhonbac.gov.vn" in widget.toolTip()
    assert show(
        "yesterday", _status(last_sync_at=datetime(2026, 11, 20, 16, 40), days_since_sync=3)
    ) == ("Đã đồng bộ lúc 16:40 20/11/2026", Tone.OK)
    assert show("pending_3", _status(pending=3)) == ("3 thay đổi chờ gửi", Tone.NEUTRAL)
    assert show("offline_3", _status(pending=3), online=False) == (
        "Mất kết nối máy chủ · 3 thay đổi chờ gửi",
        Tone.WARN,
    )
    assert show("conflict", _status(open_conflicts=1)) == ("1 xung đột cần xử lý", Tone.ERROR)
    revoked = SyncError("credential_revoked")
    assert show("revoked", _status(pending=1), online=True, failure=revoked) == (
        "Máy không được phép đồng bộ · 1 thay đổi chờ gửi",
        Tone.ERROR,
    )
    assert (
        "Thiết bị đã bị thu hồi quyền đồng bộ. Liên hệ quản trị viên để đăng ký lại."
        in widget.toolTip()
    )
    assert not banner.isVisible()
    late = _status(
        last_sync_at=datetime(2026, 11, 18, 10, 0), days_since_sync=5, pending=4, warn=True
    )
    assert show("warn", late, online=False) == (
        "Mất kết nối máy chủ · Chưa đồng bộ 5 ngày · 4 thay đổi chờ gửi",
        Tone.ERROR,
    )
    assert banner.isVisible()
    assert banner.label.text() == (
        "Thiết bị chưa đồng bộ 5 ngày — hãy kết nối mạng hoặc xuất gói dữ liệu (USB)."
    )
    never = _status(last_sync_at=None, days_since_sync=None, pending=4, warn=True)
    show("warn_never", never)
    assert banner.label.text() == (
        "Thiết bị có thay đổi chưa đồng bộ đã hơn 3 ngày — hãy kết nối mạng hoặc xuất gói "
        "dữ liệu (USB)."
    )
    with qtbot.waitSignal(banner.open_requested):
        banner.open_button.click()
    with qtbot.waitSignal(widget.open_requested):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- wording and keyboard -----------------------------------------------------------------------


def test_conflict_values_in_vietnamese(vietnamese: None) -> None:
    assert format_value("status", 4) == "Đang xử lý"
    assert format_value("due_at", "2026-11-25T17:00:00") == "25/11/2026 17:00"
    assert format_value("owner_dob", "1990-03-15") == "15/03/1990"
    assert format_value("fee_amount", 10000) == "10.000 đ"
    assert format_value("owner_gender", "female") == "Nữ"
    assert format_value("holder", "") == "(trống)"
    assert format_value("timeliness", "late") == "Quá hạn"
    assert (
        format_value("components", [{"name": "Giấy chứng sinh", "form": "original", "count": 1}])
        == "Giấy chứng sinh (bản chính ×1)"
    )


def test_dialog_mnemonics_are_unique(qtbot: QtBot, vietnamese: None, dialog: SyncDialog) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton)]
    texts += [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    keys = []
    for text in texts:
        stripped = text.replace("&&", "")
        if "&" in stripped:
            keys.append(stripped[stripped.index("&") + 1].lower())
    assert len(keys) >= 15
    assert sorted(keys) == sorted(set(keys)), texts
    assert all(k.isascii() for k in keys), texts  # typeable on any keyboard
