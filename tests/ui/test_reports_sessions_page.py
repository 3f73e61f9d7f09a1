"""The dashboard's Saturday sessions page (issue 13): the figures per session
and per quarter in the table and the chart, the same as the sessions made."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.periods import Period
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.reports.dashboard import DashboardWindow
from hcc_desktop.ui.reports.sessions_page import PER_QUARTER, PER_SESSION
from tests.conftest import FakeClock
from tests.sessions_support import hold_sessions

BOTH_WEEKS = Period(date(2026, 11, 1), date(2026, 12, 6))


@pytest.fixture
def services_clock(clock: FakeClock) -> FakeClock:
    # The sessions are held on a fixed calendar: the services run on the test's clock.
    return clock


def _texts(w: DashboardWindow) -> list[list[str]]:
    m = w.sessions_page.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_sessions_page_shows_each_session_and_each_quarter(
    qtbot: QtBot,
    qtmodeltester: ModelTester,
    services: Services,
    runner: TaskRunner,
    clock: FakeClock,
) -> None:
    held = hold_sessions(services, clock)
    w = DashboardWindow(services, runner, today=date(2026, 12, 7))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        w.show()
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        w.set_period(BOTH_WEEKS.start, BOTH_WEEKS.end)
    w.tabs.setCurrentWidget(w.sessions_page)
    page = w.sessions_page
    assert page.by == PER_SESSION
    qtmodeltester.check(page.model)
    fee = f"{held.fee:,}".replace(",", ".") + " đ"
    rows = _texts(w)
    assert [r[0] for r in rows] == [
        "Khu phố 3 28/11/2026",
        "Khu phố 5 28/11/2026",
        "khu pho 3 05/12/2026",
        "Total",
    ]
    # Sessions, received, fees, returned, ratings, very satisfied, satisfied, not.
    assert rows[0][1:9] == ["1", "2", fee, "2", "2", "1", "1", "0"]
    assert "1.001193" not in rows[0][9]  # procedures by name, with their counts
    assert rows[0][9].count(": 1") == 2
    assert rows[1][1:6] == ["1", "1", "0 đ", "0", "0"]
    assert rows[3][1:9] == ["3", "4", fee, "2", "2", "1", "1", "0"]
    assert page.model.is_total(3)
    series = page.chart.chart().series()[0]
    received, returned = series.barSets()
    # The chart lists bottom-up: the last session first.
    assert [received.at(i) for i in range(received.count())] == [1, 1, 2]
    assert [returned.at(i) for i in range(returned.count())] == [0, 0, 2]

    page.set_by(PER_QUARTER)
    rows = _texts(w)
    assert [r[:3] for r in rows] == [
        ["Khu phố 3", "2", "3"],
        ["Khu phố 5", "1", "1"],
        ["Total", "3", "4"],
    ]
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Quarter"
    qtmodeltester.check(page.model)
    w.close()
