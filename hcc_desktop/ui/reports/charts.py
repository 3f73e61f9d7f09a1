"""The dashboard's charts (Qt Charts): the trend over the last periods and
the dossiers finished on time by field. A click on a bar asks for the
dossiers behind it (``bar_clicked``)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from hcc_desktop.core.index766 import percent
from hcc_desktop.core.reports import PeriodicReport
from hcc_desktop.ui.reports.jobs import TREND_WEEK, TrendPoint
from hcc_desktop.ui.reports.models import Figure, row_value

RECEIVED_COLOR = "#5b8def"
FINISHED_COLOR = "#3a9d5d"
LATE_COLOR = "#b3261e"
RATE_COLOR = "#a15c00"


def _count_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 4))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    return axis


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setBackgroundRoundness(0)
    return chart


class _View(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)


class TrendChart(_View):
    """Received and finished per week or month (bars) and the on-time rate (line)."""

    bar_clicked = Signal(int, str)  # trend point index, figure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: tuple[TrendPoint, ...] = ()
        self.setChart(_chart(""))

    def set_trend(self, points: tuple[TrendPoint, ...], kind: str) -> None:
        self.points = points
        title = (
            self.tr("The last {n} weeks").format(n=len(points))
            if kind == TREND_WEEK
            else self.tr("The last {n} months").format(n=len(points))
        )
        chart = _chart(title)
        received = QBarSet(self.tr("Received"))
        finished = QBarSet(self.tr("Finished"))
        late = QBarSet(self.tr("Overdue"))
        for bar_set, color in (
            (received, RECEIVED_COLOR),
            (finished, FINISHED_COLOR),
            (late, LATE_COLOR),
        ):
            bar_set.setColor(QColor(color))
            bar_set.setBorderColor(QColor(color))
        rate = QLineSeries()
        rate.setName(self.tr("On time (%)"))
        pen = QPen(QColor(RATE_COLOR))
        pen.setWidth(2)
        rate.setPen(pen)
        rate.setPointsVisible(True)
        categories: list[str] = []
        top = 0
        for i, p in enumerate(points):
            row = p.row
            received.append(row.received_total)
            finished.append(row.finished)
            late.append(row.finished_late + row.open_late)
            top = max(top, row.received_total)
            if p.on_time.rate is not None:
                rate.append(QPointF(i, p.on_time.rate * 100))
            if kind == TREND_WEEK:
                categories.append(p.period.start.strftime("%d/%m"))
            else:
                categories.append(p.period.start.strftime("%m/%y"))
        bars = QBarSeries()
        for bar_set in (received, finished, late):
            bars.append(bar_set)
        received.clicked.connect(self._received_clicked)
        finished.clicked.connect(self._finished_clicked)
        late.clicked.connect(self._late_clicked)
        chart.addSeries(bars)
        chart.addSeries(rate)
        x = QBarCategoryAxis()
        x.append(categories)
        counts = _count_axis(top)
        share = QValueAxis()
        share.setRange(0, 100)
        share.setLabelFormat("%d%%")
        share.setTickCount(5)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(x)
        bars.attachAxis(counts)
        rate.attachAxis(x)
        rate.attachAxis(share)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _received_clicked(self, index: int) -> None:
        self.bar_clicked.emit(index, "received_total")

    def _finished_clicked(self, index: int) -> None:
        self.bar_clicked.emit(index, "finished")

    def _late_clicked(self, index: int) -> None:
        self.bar_clicked.emit(index, "overdue.num")


class FieldChart(_View):
    """Finished on time (early + on time) against late, by field."""

    bar_clicked = Signal(object)  # Figure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[str] = []
        self.setChart(_chart(""))

    def set_report(self, report: PeriodicReport) -> None:
        chart = _chart(self.tr("Finished on time by field"))
        on_time = QBarSet(self.tr("On time"))
        late = QBarSet(self.tr("Late"))
        on_time.setColor(QColor(FINISHED_COLOR))
        on_time.setBorderColor(QColor(FINISHED_COLOR))
        late.setColor(QColor(LATE_COLOR))
        late.setBorderColor(QColor(LATE_COLOR))
        categories: list[str] = []
        self.values = []
        top = 0
        # Bottom to top in the chart: the list reads top-down in name order.
        for row in reversed(report.rows):
            good = row.finished_early + row.finished_on_time
            on_time.append(good)
            late.append(row.finished_late)
            top = max(top, row.finished)
            share = percent(good / row.finished if row.finished else None, 1)
            categories.append(f"{row.field} ({share})")
            self.values.append(row_value(row))
        series = QHorizontalStackedBarSeries()
        series.append(on_time)
        series.append(late)
        on_time.clicked.connect(self._on_time_clicked)
        late.clicked.connect(self._late_clicked)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(categories)
        x = _count_axis(top)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        if not report.rows:
            chart.setTitle(self.tr("Finished on time by field: no dossier in the period"))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def _figure(self, index: int, name: str) -> Figure | None:
        if not 0 <= index < len(self.values):
            return None
        return (name, "field", self.values[index])

    def _on_time_clicked(self, index: int) -> None:
        figure = self._figure(index, "on_time.num")
        if figure is not None:
            self.bar_clicked.emit(figure)

    def _late_clicked(self, index: int) -> None:
        figure = self._figure(index, "finished_late")
        if figure is not None:
            self.bar_clicked.emit(figure)
