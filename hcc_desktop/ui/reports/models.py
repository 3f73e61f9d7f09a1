"""Table models of the dashboard: Biểu II.06a and the rates.

Every cell that shows a count carries the figure behind it (``FIGURE_ROLE``:
figure name, dimension, value as ReportService.details takes them), so a
click lists its dossiers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from hcc_desktop.core.index766 import percent
from hcc_desktop.core.reports import ROW_FIELDS, Group, PeriodicReport, Rate, ReportRow
from hcc_desktop.services.reports.service import NO_FIELD
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP
from hcc_desktop.ui.common.table_models import TextRowsModel

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 2

Figure = tuple[str, str | None, str | None]  # (figure, dimension, value)

_06A_HEADERS = (
    QT_TRANSLATE_NOOP("Table06aModel", "Field"),
    QT_TRANSLATE_NOOP("Table06aModel", "Received\ntotal"),
    QT_TRANSLATE_NOOP("Table06aModel", "Online"),
    QT_TRANSLATE_NOOP("Table06aModel", "Direct,\npostal"),
    QT_TRANSLATE_NOOP("Table06aModel", "Carried\nover"),
    QT_TRANSLATE_NOOP("Table06aModel", "Finished\ntotal"),
    QT_TRANSLATE_NOOP("Table06aModel", "Early"),
    QT_TRANSLATE_NOOP("Table06aModel", "On time"),
    QT_TRANSLATE_NOOP("Table06aModel", "Late"),
    QT_TRANSLATE_NOOP("Table06aModel", "Open\ntotal"),
    QT_TRANSLATE_NOOP("Table06aModel", "Within\ntime"),
    QT_TRANSLATE_NOOP("Table06aModel", "Overdue"),
)


def row_value(row: ReportRow) -> str:
    """The breakdown key of a 06a row (the label of dossiers with no field differs)."""
    return "" if row.field == NO_FIELD else row.field


class Table06aModel(TextRowsModel):
    """Biểu II.06a: one row per field (lĩnh vực), the total last, in bold."""

    COLUMNS = 1 + len(ROW_FIELDS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportRow] = []
        self._has_total = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_report(self, report: PeriodicReport | None) -> None:
        self.beginResetModel()
        self._rows = [*report.rows, report.total.row] if report is not None else []
        self._has_total = report is not None
        self._texts = [(r.field, *(_count(v) for v in r.columns())) for r in self._rows]
        self.endResetModel()

    def is_total(self, row: int) -> bool:
        return self._has_total and row == len(self._rows) - 1

    def figure_at(self, row: int, column: int) -> Figure | None:
        if not 0 <= row < len(self._rows) or not 1 <= column < self.COLUMNS:
            return None
        name = ROW_FIELDS[column - 1]
        if self.is_total(row):
            return (name, None, None)
        return (name, "field", row_value(self._rows[row]))

    def _header_text(self, section: int) -> str:
        return QCoreApplication.translate("Table06aModel", _06A_HEADERS[section])

    def _role_data(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            return self._bold
        if role == FIGURE_ROLE:
            return self.figure_at(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column > 0:
            return QCoreApplication.translate("Table06aModel", "Click to list these dossiers")
        return None


# (rate key, label, how its numerator and denominator drill down)
_RATES: tuple[tuple[str, str], ...] = (
    ("on_time", QT_TRANSLATE_NOOP("RatesModel", "Finished on time (early + on time)")),
    ("overdue", QT_TRANSLATE_NOOP("RatesModel", "Overdue (finished late + open overdue)")),
    ("progress", QT_TRANSLATE_NOOP("RatesModel", "Finished or open within time")),
    ("online", QT_TRANSLATE_NOOP("RatesModel", "Filed online (online procedures)")),
    ("online_partial", QT_TRANSLATE_NOOP("RatesModel", "– partly online procedures")),
    ("online_full", QT_TRANSLATE_NOOP("RatesModel", "– fully online procedures")),
    ("digitised", QT_TRANSLATE_NOOP("RatesModel", "Digitised at receipt")),
    ("e_result", QT_TRANSLATE_NOOP("RatesModel", "Electronic results")),
    ("paid_online", QT_TRANSLATE_NOOP("RatesModel", "Paid online (fee-bearing)")),
    ("reused", QT_TRANSLATE_NOOP("RatesModel", "Digitised papers reused")),
    ("synced", QT_TRANSLATE_NOOP("RatesModel", "Sent to the server")),
    ("satisfied", QT_TRANSLATE_NOOP("RatesModel", "Satisfied or very satisfied ratings")),
    ("processing_days", QT_TRANSLATE_NOOP("RatesModel", "Average processing (working days)")),
)
_LEVELS: tuple[tuple[int, str], ...] = (
    (3, QT_TRANSLATE_NOOP("RatesModel", "Ratings: very satisfied")),
    (2, QT_TRANSLATE_NOOP("RatesModel", "Ratings: satisfied")),
    (1, QT_TRANSLATE_NOOP("RatesModel", "Ratings: not satisfied")),
)
_COMPLAINTS: tuple[tuple[str, str], ...] = (
    ("received", QT_TRANSLATE_NOOP("RatesModel", "Complaints received")),
    ("resolved", QT_TRANSLATE_NOOP("RatesModel", "Complaints handled")),
    ("resolved_on_time", QT_TRANSLATE_NOOP("RatesModel", "Complaints handled on time")),
    ("open_at_end", QT_TRANSLATE_NOOP("RatesModel", "Complaints still open")),
    ("open_overdue", QT_TRANSLATE_NOOP("RatesModel", "Complaints open past their due date")),
)
_RATE_HEADERS = (
    QT_TRANSLATE_NOOP("RatesModel", "Figure"),
    QT_TRANSLATE_NOOP("RatesModel", "Count"),
    QT_TRANSLATE_NOOP("RatesModel", "Out of"),
    QT_TRANSLATE_NOOP("RatesModel", "Rate"),
)


def _count(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value:.1f}"


class RatesModel(TextRowsModel):
    """The rates with numerator and denominator, the rating levels and the
    complaints register; counts drill down to their dossiers."""

    COLUMNS = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._figures: list[tuple[Figure | None, Figure | None]] = []

    def set_report(
        self,
        report: PeriodicReport | None,
        *,
        dimension: str | None = None,
        value: str | None = None,
    ) -> None:
        """The rates of the whole unit, or of one row of a breakdown
        (``dimension`` "field" | "procedure" | "channel" | "officer", ``value``)."""
        self.beginResetModel()
        self._texts = []
        self._figures = []
        if report is not None:
            group = report.total
            if dimension is not None:
                group = report.breakdowns.get(dimension, {}).get(value or "", group)
            self._fill(report, group, dimension, value)
        self.endResetModel()

    def _label(self, text: str) -> str:
        return QCoreApplication.translate("RatesModel", text)

    def _fill(
        self, report: PeriodicReport, group: Group, dimension: str | None, value: str | None
    ) -> None:
        def fig(name: str) -> Figure:
            return (name, dimension, value)

        rates = group.rates
        for key, label in _RATES:
            rate = rates.get(key) or Rate.of(0, 0)
            if key == "processing_days":
                shown = "—" if rate.rate is None else f"{rate.rate:.1f}".replace(".", ",")
                figures: tuple[Figure | None, Figure | None] = (None, fig(key))
            else:
                shown = percent(rate.rate)
                figures = (fig(f"{key}.num"), fig(f"{key}.den"))
            self._texts.append((self._label(label), _count(rate.num), _count(rate.den), shown))
            self._figures.append(figures)
        rated = sum(group.ratings.values())
        for level, label in _LEVELS:
            n = group.ratings.get(level, 0)
            share = percent(n / rated if rated else None)
            self._texts.append((self._label(label), _count(n), _count(rated), share))
            self._figures.append((fig(f"rating.{level}"), fig("satisfied.den")))
        if dimension is not None:
            return  # the complaints register is not broken down
        c = report.complaints
        for key, label in _COMPLAINTS:
            self._texts.append((self._label(label), _count(getattr(c, key)), "", ""))
            self._figures.append(((f"complaints.{key}", None, None), None))

    def figure_at(self, row: int, column: int) -> Figure | None:
        if not 0 <= row < len(self._figures) or column not in (1, 2):
            return None
        return self._figures[row][column - 1]

    def _header_text(self, section: int) -> str:
        return self._label(_RATE_HEADERS[section])

    def _role_data(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FIGURE_ROLE:
            return self.figure_at(row, column)
        return None


def figure_of(index: QModelIndex | QPersistentModelIndex) -> Figure | None:
    value = index.data(FIGURE_ROLE) if index.isValid() else None
    return value if isinstance(value, tuple) else None
