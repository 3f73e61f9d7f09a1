"""The dashboard's page of Saturday sessions (issue 13): what the sessions held
in the period did, per session or per residential quarter (khu phố) — dossiers
received, by procedure, fees collected, results returned, ratings taken — as a
table and a chart of the dossiers received with the returns beside them.

The figures come with the dashboard's load (``DashboardData.sessions``, from
``ReportService.session_figures`` on the task runner); nothing here touches
the store.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QHorizontalBarSeries
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.field import SessionFigures
from hcc_desktop.core.text import format_money
from hcc_desktop.services.reports.sessions import SessionFiguresReport
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP
from hcc_desktop.ui.common.table_models import TextRowsModel
from hcc_desktop.ui.reports.charts import RECEIVED_COLOR, _chart, _count_axis, _View

RETURNED_COLOR = "#3a9d5d"
PER_SESSION, PER_QUARTER = "session", "quarter"

_HEADERS = (
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Session"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Sessions"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Dossiers\nreceived"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Fees\ncollected"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Results\nreturned"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Ratings"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Very\nsatisfied"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Satisfied"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "Not\nsatisfied"),
    QT_TRANSLATE_NOOP("SessionFiguresModel", "By procedure"),
)
_QUARTER_HEADER = QT_TRANSLATE_NOOP("SessionFiguresModel", "Quarter")
_TOTAL = QT_TRANSLATE_NOOP("SessionFiguresModel", "Total")


def _levels(f: SessionFigures) -> tuple[int, int, int]:
    by = {line.key: line.count for line in f.ratings_by_level}
    return by.get("3", 0), by.get("2", 0), by.get("1", 0)


class SessionFiguresModel(TextRowsModel):
    """One row per session (or per quarter), the total last, in bold."""

    COLUMNS = len(_HEADERS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SessionFigures] = []
        self.by = PER_SESSION
        self._bold = QFont()
        self._bold.setBold(True)

    def set_figures(self, rows: tuple[SessionFigures, ...], by: str) -> None:
        self.beginResetModel()
        self.rows, self.by = list(rows), by
        texts = [self._line(f.label, f) for f in rows]
        if rows:
            total = SessionFigures(
                key="",
                label=QCoreApplication.translate("SessionFiguresModel", _TOTAL),
                sessions=sum(f.sessions for f in rows),
                dossiers=sum(f.dossiers for f in rows),
                fees_total=sum(f.fees_total for f in rows),
                returns=sum(f.returns for f in rows),
                ratings=sum(f.ratings for f in rows),
            )
            levels = [_levels(f) for f in rows]
            line = list(self._line(total.label, total))
            for i in range(3):
                line[6 + i] = str(sum(x[i] for x in levels))
            texts.append(tuple(line))
        self._texts = texts
        self.endResetModel()

    @staticmethod
    def _line(label: str, f: SessionFigures) -> tuple[str, ...]:
        very, satisfied, not_satisfied = _levels(f)
        return (
            label,
            str(f.sessions),
            str(f.dossiers),
            format_money(f.fees_total),
            str(f.returns),
            str(f.ratings),
            str(very),
            str(satisfied),
            str(not_satisfied),
            "; ".join(f"{line.label}: {line.count}" for line in f.by_procedure),
        )

    def is_total(self, row: int) -> bool:
        return bool(self.rows) and row == len(self.rows)

    def _header_text(self, section: int) -> str:
        if section == 0 and self.by == PER_QUARTER:
            return QCoreApplication.translate("SessionFiguresModel", _QUARTER_HEADER)
        return QCoreApplication.translate("SessionFiguresModel", _HEADERS[section])

    def _role_data(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < self.COLUMNS - 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COLUMNS - 1:
            return self._texts[row][column].replace("; ", "\n") or None
        return None


class SessionChart(_View):
    """Dossiers received and results returned per session or quarter."""

    def set_figures(self, rows: tuple[SessionFigures, ...], by: str) -> None:
        title = (
            self.tr("Dossiers received per quarter")
            if by == PER_QUARTER
            else self.tr("Dossiers received per session")
        )
        chart = _chart(title)
        received = QBarSet(self.tr("Received"))
        returned = QBarSet(self.tr("Returned"))
        for bar, color in ((received, RECEIVED_COLOR), (returned, RETURNED_COLOR)):
            bar.setColor(QColor(color))
            bar.setBorderColor(QColor(color))
        categories: list[str] = []
        # Bottom to top in the chart: the list reads top-down as the table.
        for f in reversed(rows):
            received.append(f.dossiers)
            returned.append(f.returns)
            categories.append(f.label)
        series = QHorizontalBarSeries()
        series.append(received)
        series.append(returned)
        chart.addSeries(series)
        y = QBarCategoryAxis()
        y.append(categories)
        x = _count_axis(max([f.dossiers for f in rows] + [f.returns for f in rows] + [0]))
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(y)
        series.attachAxis(x)
        if not rows:
            chart.setTitle(self.tr("No Saturday session held in the period"))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()


class SessionsPage(QWidget):
    """The tab: per session / per quarter, the table above the chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: SessionFiguresReport | None = None
        self.by_combo = QComboBox()
        self.by_combo.addItem(self.tr("Per session"), PER_SESSION)
        self.by_combo.addItem(self.tr("Per quarter (khu phố)"), PER_QUARTER)
        self.by_combo.currentIndexChanged.connect(self._show)
        by_label = QLabel(self.tr("Fig&ures of"))
        by_label.setBuddy(self.by_combo)
        self.summary_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(by_label)
        bar.addWidget(self.by_combo)
        bar.addSpacing(12)
        bar.addWidget(self.summary_label)
        bar.addStretch(1)

        self.model = SessionFiguresModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.chart = SessionChart()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(
            parts.hint_label(
                self.tr(
                    "Dossiers received at the Saturday sessions held in the period, "
                    "the fees collected, the results returned and the ratings taken there."
                )
            )
        )
        layout.addWidget(splitter, 1)

    @property
    def by(self) -> str:
        return str(self.by_combo.currentData())

    def set_by(self, by: str) -> None:
        self.by_combo.setCurrentIndex(self.by_combo.findData(by))

    def set_figures(self, figures: SessionFiguresReport) -> None:
        self.figures = figures
        self._show()

    def _show(self, *_args: object) -> None:
        if self.figures is None:
            return
        rows = self.figures.quarters if self.by == PER_QUARTER else self.figures.sessions
        self.model.set_figures(rows, self.by)
        self.view.resizeColumnsToContents()
        self.view.resizeRowsToContents()
        self.chart.set_figures(rows, self.by)
        self.summary_label.setText(
            self.tr("{sessions} sessions · {dossiers} dossiers · {fees} collected").format(
                sessions=len(self.figures.sessions),
                dossiers=self.figures.dossiers,
                fees=format_money(sum(f.fees_total for f in self.figures.sessions)),
            )
        )
