"""The reports dashboard: figures of a period on a real store, a click on a
figure lists exactly its dossiers, the 06a and rates models, the period
selector, the trend, exports and the main window's F6."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from hcc_desktop.core.periods import Period, Preset, preset_period
from hcc_desktop.services import Services
from hcc_desktop.ui.common.changes import notify_dossiers_changed
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from hcc_desktop.ui.reports.charts import FieldChart
from hcc_desktop.ui.reports.dashboard import CUSTOM, DashboardWindow
from hcc_desktop.ui.reports.drill import DrillDownDialog
from hcc_desktop.ui.reports.jobs import TREND_WEEK, trend_periods
from hcc_desktop.ui.reports.models import RatesModel, Table06aModel
from tests.unit.test_reports import Scenario, build

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))
DAY = date(2026, 11, 20)


@pytest.fixture
def scenario(services: Services) -> Scenario:
    return build(services)


@pytest.fixture
def dashboard(
    qtbot: QtBot, services: Services, runner: TaskRunner, scenario: Scenario
) -> Iterator[DashboardWindow]:
    opened: list[str] = []
    w = DashboardWindow(services, runner, today=DAY, open_dossier=opened.append)
    w.opened = opened  # type: ignore[attr-defined]
    qtbot.addWidget(w)
    w.resize(1366, 740)
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        w.show()
    yield w
    w.close()


def wait_loaded(qtbot: QtBot, w: DashboardWindow, period: Period) -> None:
    qtbot.waitUntil(
        lambda: not w.is_loading() and w.data is not None and w.data.period == period,
        timeout=20_000,
    )


def drill(qtbot: QtBot, w: DashboardWindow, action: object) -> DrillDownDialog:
    with qtbot.waitSignal(w.drilled, timeout=10_000):
        action()  # type: ignore[operator]
    dialog = w.last_drill
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_dashboard_loads_the_figures_of_the_month(
    dashboard: DashboardWindow, services: Services
) -> None:
    rep = services.reports.periodic(NOV)
    assert dashboard.data is not None
    assert dashboard.period() == NOV
    assert dashboard.data.report == rep
    row = rep.total.row
    assert dashboard.cards["received"].value == str(row.received_total) == "18"
    assert dashboard.cards["open"].value == str(row.open)
    assert dashboard.cards["overdue"].value == str(rep.rates["overdue"].num)
    assert dashboard.cards["complaints"].value == str(rep.complaints.open_at_end)
    assert dashboard.cards["on_time"].value == "66,67%"
    # The 766 groups and the total.
    index = services.reports.index766(NOV)
    assert dashboard.index_tree.topLevelItemCount() == len(index.groups) == 6
    first = dashboard.index_tree.topLevelItem(0)
    assert first.text(0) == index.groups[0].name
    assert "/" in dashboard.score_label.text()
    # The 06a table: one row per field and the total, the same numbers.
    model = dashboard.table_model
    assert model.rowCount() == len(rep.rows) + 1
    total = model.rowCount() - 1
    assert model.index(total, 0).data() == "Tổng cộng"
    assert [model.index(total, c).data() for c in range(1, 12)] == [str(v) for v in row.columns()]
    # The charts: one bar per field, one point per month of the trend.
    assert len(dashboard.field_chart.values) == len(rep.rows)
    assert len(dashboard.trend_chart.points) == 12
    assert dashboard.trend_chart.points[-1].row == row


def test_a_click_on_a_card_lists_exactly_its_dossiers(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    card = dashboard.cards["overdue"]
    dialog = drill(qtbot, dashboard, lambda: qtbot.mouseClick(card, Qt.MouseButton.LeftButton))
    expected = services.reports.details(NOV, "overdue.num")
    assert len(expected) == 7
    assert sorted(dialog.codes()) == list(expected)
    assert dialog.result.codes == expected
    # The columns the leader reads: code, applicant, procedure, received, due, status.
    shown = [
        dialog.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.model.columnCount())
        if not dialog.table.isColumnHidden(c)
    ]
    assert shown == ["Dossier code", "Applicant", "Procedure", "Received", "Appointment", "Status"]
    # A double-click opens the dossier (through the main window's open_dossier).
    qtbot.waitExposed(dialog)
    rect = dialog.table.visualRect(dialog.model.index(0, 0))
    # A real double-click starts with a press (the view checks the pressed row).
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dashboard.opened == [dialog.model.row_at(0).id]  # type: ignore[attr-defined]


def test_a_click_in_the_06a_table_lists_the_dossiers_of_that_cell(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    dashboard.tabs.setCurrentIndex(1)
    model, view = dashboard.table_model, dashboard.table_view
    rep = services.reports.periodic(NOV)
    row = next(i for i, r in enumerate(rep.rows) if r.field == "Hộ tịch")
    for column, figure in ((11, "open_late"), (1, "received_total"), (8, "finished_late")):
        index = model.index(row, column)
        point: QPoint = view.visualRect(index).center()
        dialog = drill(
            qtbot,
            dashboard,
            lambda p=point: qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=p),
        )
        expected = services.reports.details(NOV, figure, dimension="field", value="Hộ tịch")
        assert sorted(dialog.codes()) == list(expected)
        assert len(expected) == int(index.data())
        dialog.close()
    # The total row drills down over the whole unit.
    total = model.rowCount() - 1
    dialog = drill(qtbot, dashboard, lambda: view.clicked.emit(model.index(total, 4)))
    assert sorted(dialog.codes()) == list(services.reports.details(NOV, "carried_over"))


def test_rates_complaints_charts_and_766_drill_down(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    rates, view = dashboard.rates_model, dashboard.rates_view
    details = services.reports.details
    labels = [rates.index(r, 0).data() for r in range(rates.rowCount())]
    paid = labels.index("Paid online (fee-bearing)")
    for column, figure in ((1, "paid_online"), (2, "paid_online.den")):
        index = rates.index(paid, column)
        dialog = drill(qtbot, dashboard, lambda i=index: view.clicked.emit(i))
        assert sorted(dialog.codes()) == list(details(NOV, figure))
        assert len(dialog.codes()) == int(index.data())
        dialog.close()
    overdue = labels.index("Complaints open past their due date")
    dialog = drill(qtbot, dashboard, lambda: view.clicked.emit(rates.index(overdue, 1)))
    # k4 is a complaint about no dossier: counted, not listed.
    assert dialog.result.codes == details(NOV, "complaints.open_overdue") == ("k4",)
    assert dialog.result.missing == 1
    dialog.close()
    # A bar of the chart by field.
    chart: FieldChart = dashboard.field_chart
    series = chart.chart().series()[0]
    on_time_set = series.barSets()[0]
    at = chart.values.index("Hộ tịch")
    dialog = drill(qtbot, dashboard, lambda: on_time_set.clicked.emit(at))
    assert sorted(dialog.codes()) == list(
        details(NOV, "on_time", dimension="field", value="Hộ tịch")
    )
    dialog.close()
    # An indicator of the 766 estimate.
    tree = dashboard.index_tree
    progress = tree.topLevelItem(1).child(0)
    dialog = drill(qtbot, dashboard, lambda: tree.itemClicked.emit(progress, 0))
    assert sorted(dialog.codes()) == list(details(NOV, "progress"))


def test_rates_by_channel_and_by_officer_drill_down_to_their_dossiers(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    rep = services.reports.periodic(NOV)
    rates, view = dashboard.rates_model, dashboard.rates_view
    for dimension, value in (("channel", "online"), ("field", "Chứng thực")):
        dashboard.set_rates_breakdown(dimension, value)
        assert dashboard.rates_breakdown() == (dimension, value)
        group = rep.breakdowns[dimension][value]
        # The complaints register is not broken down: rates and ratings only.
        assert rates.rowCount() == 13 + 3
        assert rates.index(0, 1).data() == str(group.rates["on_time"].num)
        # (row, column): overdue's count, on time's "out of" (the finished).
        for row, column, figure in ((1, 1, "overdue.num"), (0, 2, "on_time.den")):
            index = rates.index(row, column)
            dialog = drill(qtbot, dashboard, lambda i=index: view.clicked.emit(i))
            expected = services.reports.details(NOV, figure, dimension=dimension, value=value)
            assert sorted(dialog.codes()) == list(expected)
            assert len(expected) == int(index.data())
            dialog.close()
    officers = rep.breakdowns["officer"]
    dashboard.set_rates_breakdown("officer")
    assert dashboard.value_combo.count() == len(officers)
    dashboard.set_rates_breakdown(None)
    assert dashboard.rates_breakdown() == (None, None)
    assert rates.rowCount() == 13 + 3 + 5


def test_the_table_models_pass_the_model_tester(
    qtmodeltester: object, services: Services, scenario: Scenario
) -> None:
    rep = services.reports.periodic(NOV)
    table = Table06aModel()
    table.set_report(rep)
    qtmodeltester.check(table)  # type: ignore[attr-defined]
    table.set_report(None)
    qtmodeltester.check(table)  # type: ignore[attr-defined]
    rates = RatesModel()
    rates.set_report(rep)
    qtmodeltester.check(rates)  # type: ignore[attr-defined]
    rates.set_report(rep, dimension="channel", value="counter")
    qtmodeltester.check(rates)  # type: ignore[attr-defined]


def test_the_period_selector_changes_the_figures(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    def shown(period: Period) -> None:
        wait_loaded(qtbot, dashboard, period)
        assert dashboard.data is not None
        assert dashboard.data.report == services.reports.periodic(period)
        received = services.reports.periodic(period).total.row.received_total
        assert dashboard.cards["received"].value == str(received)

    week = preset_period(Preset.WEEK, DAY)
    dashboard.preset_combo.setCurrentIndex(dashboard.preset_combo.findData(Preset.WEEK.value))
    shown(week)
    assert dashboard.period() == week
    assert dashboard.data is not None
    assert dashboard.data.report.total.row.received_total != 18
    # A dossier changed elsewhere: the figures say they may be stale until F5.
    notify_dossiers_changed(["x"])
    assert dashboard.stale_label.isVisibleTo(dashboard)
    dashboard.previous_period()
    shown(preset_period(Preset.WEEK, date(2026, 11, 12)))
    assert not dashboard.stale_label.isVisibleTo(dashboard)
    dashboard.set_preset(Preset.QUARTER)
    quarter = Period(date(2026, 10, 1), date(2026, 12, 31))
    shown(quarter)
    # A custom range: editing a date switches to "custom"; Show computes it.
    dashboard.start_edit.setDate(date(2026, 11, 3))
    dashboard.end_edit.setDate(date(2026, 11, 5))
    assert dashboard.preset() == CUSTOM
    qtbot.mouseClick(dashboard.show_button, Qt.MouseButton.LeftButton)
    shown(Period(date(2026, 11, 3), date(2026, 11, 5)))
    assert "03/11/2026" in dashboard.period_text.text()
    # A start after the end moves the end with it.
    dashboard.start_edit.setDate(date(2026, 11, 9))
    assert dashboard.end_edit.date().toPython() == date(2026, 11, 9)


def test_the_trend_by_week_and_a_click_on_a_bar(
    qtbot: QtBot, dashboard: DashboardWindow, services: Services
) -> None:
    dashboard.trend_combo.setCurrentIndex(dashboard.trend_combo.findData(TREND_WEEK))
    weeks = trend_periods(NOV, TREND_WEEK, 12)
    qtbot.waitUntil(
        lambda: dashboard.data is not None and dashboard.data.trend_kind == TREND_WEEK,
        timeout=20_000,
    )
    points = dashboard.trend_chart.points
    assert [p.period for p in points] == list(weeks)
    assert weeks[-1].end == date(2026, 12, 6)  # the week holding the 30th
    for p in points:
        assert p.row == services.reports.periodic(p.period).total.row
    received = dashboard.trend_chart.chart().series()[0].barSets()[0]
    at = next(i for i, p in enumerate(points) if p.row.received_total)
    dialog = drill(qtbot, dashboard, lambda: received.clicked.emit(at))
    assert sorted(dialog.codes()) == list(services.reports.details(weeks[at], "received_total"))


def test_computing_can_be_cancelled(
    qtbot: QtBot, services: Services, runner: TaskRunner, scenario: Scenario
) -> None:
    w = DashboardWindow(services, runner, today=DAY)
    qtbot.addWidget(w)
    gate = threading.Event()
    # Hold the serial lane so the dashboard's task is still queued when cancelled.
    runner.run(gate.wait, 10)
    w.reload()
    assert w.is_loading()
    assert w._task is not None
    w._task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not w.is_loading(), timeout=10_000)
    assert w.data is None


def test_exports_and_print_preview(
    qtbot: QtBot, dashboard: DashboardWindow, tmp_path: Path
) -> None:
    out = tmp_path / "06a.xlsx"
    dashboard.export_to(out)
    qtbot.waitUntil(lambda: dashboard.last_export == out, timeout=20_000)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert any(c.value == "Hộ tịch" for r in sheet.iter_rows() for c in r)
    assert dashboard.saved_label.isVisible()

    docx = tmp_path / "bao-cao.docx"
    dashboard.export_to(docx)
    qtbot.waitUntil(lambda: dashboard.last_export == docx, timeout=20_000)
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "tháng 11/2026" in text

    pdf = tmp_path / "06a.pdf"
    dashboard.export_to(pdf)
    qtbot.waitUntil(lambda: dashboard.last_preview is not None, timeout=20_000)
    assert "II.06a" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    preview = dashboard.last_preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.page_count() >= 1
    preview.close()
    qtbot.waitUntil(lambda: dashboard.last_preview is None)

    dashboard.print_preview()
    qtbot.waitUntil(lambda: dashboard.last_preview is not None, timeout=20_000)
    assert dashboard.last_preview.pdf_bytes().startswith(b"%PDF")  # type: ignore[union-attr]
    dashboard.last_preview.close()  # type: ignore[union-attr]


def test_f6_opens_the_dashboard_from_the_main_window(
    qtbot: QtBot, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    assert window.reports_action.shortcut() == QKeySequence("F6")
    # F6 is not taken by another action of the window.
    keys = [a.shortcut() for a in window.findChildren(type(window.reports_action))]
    assert keys.count(QKeySequence("F6")) == 1
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Reports" in menus
    window.reports_action.trigger()
    dashboard = window._reports_window
    assert isinstance(dashboard, DashboardWindow)
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=20_000)
    assert window.open_reports() is dashboard  # one window, raised again
    dashboard.close()


def test_grab_in_vietnamese_at_1366x768(
    qtbot: QtBot,
    vietnamese: None,
    services: Services,
    runner: TaskRunner,
    scenario: Scenario,
    tmp_path: Path,
) -> None:
    w = DashboardWindow(services, runner, today=DAY)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    with qtbot.waitSignal(w.loaded, timeout=20_000):
        w.show()
    assert w.tabs.tabText(1) == "Biểu 06a"
    assert w.size().width() <= 1366
    assert w.size().height() <= 768
    QApplication.processEvents()
    assert w.grab().save(str(tmp_path / "dashboard.png"))
    assert unique_mnemonics(w)


def unique_mnemonics(w: QWidget) -> list[str]:
    """The Alt+letter keys of the window: plain Latin letters, none twice."""
    texts = [label.text() for label in w.findChildren(QLabel) if label.buddy() is not None]
    texts += [b.text() for b in w.findChildren(QAbstractButton) if "&" in b.text()]
    keys = [re.search(r"&(\w)", t.replace("&&", "")) for t in texts]
    letters = [m.group(1).lower() for m in keys if m]
    assert len(letters) == len(set(letters)), texts
    assert all(letter.isascii() for letter in letters), texts
    return letters


def test_english_mnemonics_are_unique(qtbot: QtBot, services: Services, runner: TaskRunner) -> None:
    w = DashboardWindow(services, runner, today=DAY)
    qtbot.addWidget(w)
    assert len(unique_mnemonics(w)) >= 8
