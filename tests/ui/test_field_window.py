"""The field work window: a Saturday session from plan to summary, a home visit
from request to record, a QR board export."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Channel
from hcc_desktop.core.field import SessionStatus, VisitStatus
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.field.window import FieldWorkWindow
from tests.ui.conftest import AcceptDossier, show_active

WAIT = 10_000


class _SyncSpy:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def _window(qtbot: QtBot, services: Services, runner: TaskRunner, spy: _SyncSpy) -> FieldWorkWindow:
    window = FieldWorkWindow(services, runner, request_sync=spy)
    show_active(qtbot, window)
    ModelTester(qtbot).check(window.sessions_model)
    ModelTester(qtbot).check(window.visits_model)
    return window


def test_a_session_from_plan_to_summary(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    spy = _SyncSpy()
    window = _window(qtbot, services, runner, spy)
    today = local_now().date()
    window.quarter.setText("Khu phố 4")
    window.session_day.setDate(QDate(today.year, today.month, today.day))
    window.place.setText("Nhà văn hóa khu phố 4")
    window.officers.setText("Trần Thị Bình, Lê Văn Cường")
    window.plan_button.click()
    qtbot.waitUntil(lambda: window.sessions_model.rowCount() == 1, timeout=WAIT)
    assert window.status.text().startswith("Session of Khu phố 4"), window.status.text()
    qtbot.waitUntil(lambda: window.selected_session() is not None, timeout=WAIT)
    assert window.open_button.isEnabled()
    window.open_button.click()
    qtbot.waitUntil(
        lambda: window.sessions_model.item(0).status is SessionStatus.OPEN, timeout=WAIT
    )
    assert "Khu phố 4" in window.current_label.text()

    dossier = accept_dossier()
    assert dossier.channel is Channel.SATURDAY_SESSION
    window.reload_sessions()
    qtbot.waitUntil(lambda: window.sessions_model.item(0).dossier_count == 1, timeout=WAIT)
    window.select_session(window.sessions_model.item(0).id)
    assert window.close_session_button.isEnabled()
    with qtbot.waitSignal(window.session_closed, timeout=WAIT) as closed:
        window.close_session_button.click()
    summary = closed.args[0]
    assert summary.dossiers == 1
    assert summary.codes == (dossier.code,)
    assert spy.calls == 1  # closing asks for a sync
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT)
    assert window.preview is not None
    window.preview.close()
    qtbot.waitUntil(
        lambda: window.sessions_model.item(0).status is SessionStatus.CLOSED, timeout=WAIT
    )
    assert "No session is open" in window.current_label.text()
    qtbot.waitUntil(lambda: "Khu phố 4: 1 sessions, 1 dossiers" in window.figures_label.text())
    window.close()


def test_a_home_visit_from_request_to_record(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = _window(qtbot, services, runner, _SyncSpy())
    window.tabs.setCurrentIndex(1)
    # Consent not ticked: refused with the service's message, nothing stored.
    window.resident_name.setText("Phạm Thị Dung")
    window.reason_boxes[next(iter(window.reason_boxes))].setChecked(True)
    window.resident_quarter.setText("Khu phố 2")
    window.resident_address.setText("12 Trần Phú")
    window.add_resident_button.click()
    qtbot.waitUntil(lambda: window.status.text() != "", timeout=WAIT)
    assert services.field.visits.residents() == []
    window.consent_given.setChecked(True)
    window.add_resident_button.click()
    qtbot.waitUntil(lambda: window.resident_combo.count() == 1, timeout=WAIT)

    window.purpose.setText("Chứng thực bản sao")
    window.requested_by.setText("Con gái")
    window.request_button.click()
    qtbot.waitUntil(lambda: window.visits_model.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: window.selected_visit() is not None, timeout=WAIT)
    assert window.plan_visit_button.isEnabled()
    assert not window.record_button.isEnabled()
    window.plan_visit_button.click()
    qtbot.waitUntil(lambda: window.visits_model.item(0).status is VisitStatus.PLANNED, timeout=WAIT)
    qtbot.waitUntil(window.record_button.isEnabled, timeout=WAIT)
    window.outcome.setText("Đã tiếp nhận hồ sơ tại nhà")
    window.minutes.setValue(35)
    window.dossiers_received.setValue(1)
    window.ratings_taken.setValue(1)
    window.record_button.click()
    # Done: off the worklist of visits due.
    qtbot.waitUntil(lambda: window.visits_model.rowCount() == 0, timeout=WAIT)
    window.due_only.setChecked(False)
    qtbot.waitUntil(lambda: window.visits_model.rowCount() == 1, timeout=WAIT)
    done = window.visits_model.item(0)
    assert done.status is VisitStatus.DONE
    assert (done.minutes_spent, done.dossiers_received, done.ratings_taken) == (35, 1, 1)
    window.close()


def test_qr_board_export(
    qtbot: QtBot, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    window = _window(qtbot, services, runner, _SyncSpy())
    window.tabs.setCurrentIndex(2)
    window.board_quarter.setText("Khu phố 7")
    window.board_count.setValue(4)
    out = tmp_path / "board.pdf"
    with qtbot.waitSignal(window.board_saved, timeout=WAIT):
        window.export_board(str(out))
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Khu phố 7" in text
    window.close()
