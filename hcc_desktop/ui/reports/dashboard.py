"""The reports dashboard: a period, its key figures, the 766 estimate, the
trends, Biểu II.06a and the rates; every count lists its dossiers on a click.

The figures are computed on the task runner (progress, cancel); exports go
through ReportService.export (06a as .xlsx/.pdf, the draft narrative .docx).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QRect,
    QSettings,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import Channel
from hcc_desktop.core.index766 import Index766, percent
from hcc_desktop.core.periods import Period, Preset, period_label, preset_period
from hcc_desktop.core.reports import RATE_KEYS, Group, PeriodicReport
from hcc_desktop.services import Services
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.dialog_parts import DIALOG_STYLESHEET
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import channel_name
from hcc_desktop.ui.common.tasks import TaskHandle, TaskRunner
from hcc_desktop.ui.reports import jobs
from hcc_desktop.ui.reports.charts import FieldChart, TrendChart
from hcc_desktop.ui.reports.drill import DrillDownDialog
from hcc_desktop.ui.reports.jobs import TREND_MONTH, TREND_WEEK, DashboardData, DrillResult
from hcc_desktop.ui.reports.models import Figure, RatesModel, Table06aModel, figure_of
from hcc_desktop.ui.reports.sessions_page import SessionsPage

log = logging.getLogger(__name__)

CUSTOM = "custom"
PRESETS = (Preset.WEEK, Preset.MONTH, Preset.QUARTER, Preset.HALF, Preset.YEAR)
TREND_COUNT = 12
LAST_DIR_KEY = "paths/reports_dir"

_CARD_STYLE = """
QFrame#figure { border: 1px solid #c9ced6; border-radius: 6px; background: #f7f9fc; }
QFrame#figure:hover, QFrame#figure:focus { background: #e8f0fe; border-color: #5b8def; }
QFrame#figure QLabel { background: transparent; border: none; }
QFrame#score { border: 1px solid #c9ced6; border-radius: 6px; background: #fffaf0; }
"""
# Measures of the 766 file that are rates of dossiers (their numerator drills down).
_DRILLABLE = {*RATE_KEYS, "satisfied"}


class FigureButton(QFrame):
    """A key figure: the number big, what it is under it, the detail wrapped
    below; a click (or Enter, Space) lists its dossiers."""

    clicked = Signal()

    def __init__(self, figure: Figure, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.figure = figure
        self.caption = caption
        self.value = ""
        self.detail = ""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(
            QCoreApplication.translate("DashboardWindow", "Click to list these dossiers")
        )
        self.value_label = QLabel()
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)

    def set_value(self, value: str, detail: str = "") -> None:
        self.value = value
        self.detail = detail
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardWindow(QWidget):
    """The leader's view of a period (F6 from the main window)."""

    loaded = Signal()
    drilled = Signal(object)  # DrillResult

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        open_dossier: Callable[[str], object] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._runner = runner
        self._open_dossier = open_dossier
        self._today = today or local_today()
        self.data: DashboardData | None = None
        self._task: TaskHandle | None = None
        self._reload_after = False
        self._loading_period: Period | None = None
        self._updating = False
        self.last_drill: DrillDownDialog | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_export: Path | None = None
        self.setWindowTitle(self.tr("Reports – figures of the unit"))
        # The hub outlives this window: disconnected when it closes.
        self._hub_connection = change_hub().dossiers_changed.connect(self._dossiers_changed)
        self.setStyleSheet(DIALOG_STYLESHEET + _CARD_STYLE)
        self._build()
        self.set_preset(Preset.MONTH, reload=False)
        fit_to_screen(self, QSize(1340, 720))

    # == building ====================================================================

    def _build(self) -> None:
        self.preset_combo = QComboBox()
        names = {
            Preset.WEEK: self.tr("Week"),
            Preset.MONTH: self.tr("Month"),
            Preset.QUARTER: self.tr("Quarter"),
            Preset.HALF: self.tr("Six months"),
            Preset.YEAR: self.tr("Year"),
        }
        for preset in PRESETS:
            self.preset_combo.addItem(names[preset], preset.value)
        self.preset_combo.addItem(self.tr("Custom range"), CUSTOM)
        self.preset_combo.currentIndexChanged.connect(self._preset_changed)
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous period"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next period"))
        for b in (self.prev_button, self.next_button):
            b.setAutoDefault(False)
            b.setFixedWidth(36)
        self.prev_button.clicked.connect(self.previous_period)
        self.next_button.clicked.connect(self.next_period)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._dates_edited)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setToolTip(self.tr("Compute the figures of the period (F5)"))
        self.show_button.setAutoDefault(False)
        self.show_button.clicked.connect(self.reload)
        QShortcut(QKeySequence("F5"), self, self.reload)
        self.trend_combo = QComboBox()
        self.trend_combo.addItem(self.tr("Trend by week"), TREND_WEEK)
        self.trend_combo.addItem(self.tr("Trend by month"), TREND_MONTH)
        self.trend_combo.setCurrentIndex(1)
        self.trend_combo.currentIndexChanged.connect(self.reload)
        self.period_text = QLabel()
        font = self.period_text.font()
        font.setBold(True)
        self.period_text.setFont(font)

        bar = QHBoxLayout()
        period_text = QLabel(self.tr("&Period"))
        period_text.setBuddy(self.preset_combo)
        bar.addWidget(period_text)
        bar.addWidget(self.preset_combo)
        bar.addWidget(self.prev_button)
        bar.addWidget(self.next_button)
        from_label = QLabel(self.tr("&From"))
        from_label.setBuddy(self.start_edit)
        to_label = QLabel(self.tr("&To"))
        to_label.setBuddy(self.end_edit)
        bar.addWidget(from_label)
        bar.addWidget(self.start_edit)
        bar.addWidget(to_label)
        bar.addWidget(self.end_edit)
        bar.addWidget(self.show_button)
        bar.addSpacing(12)
        bar.addWidget(self.period_text)
        self.stale_label = QLabel(self.tr("Dossiers changed: press F5 to refresh"))
        self.stale_label.setStyleSheet("color: #a15c00;")
        self.stale_label.hide()
        bar.addWidget(self.stale_label)
        bar.addStretch(1)
        bar.addWidget(self.trend_combo)

        # -- overview -----------------------------------------------------------------
        self.cards: dict[str, FigureButton] = {}
        card_specs: tuple[tuple[str, Figure, str], ...] = (
            ("received", ("received_total", None, None), self.tr("dossiers received")),
            ("finished", ("finished", None, None), self.tr("finished")),
            ("on_time", ("on_time.num", None, None), self.tr("finished on time")),
            ("overdue", ("overdue.num", None, None), self.tr("overdue")),
            ("open", ("open", None, None), self.tr("still open")),
            (
                "complaints",
                ("complaints.open_at_end", None, None),
                self.tr("complaints open"),
            ),
        )
        cards = QGridLayout()
        cards.setSpacing(6)
        for i, (key, figure, caption) in enumerate(card_specs):
            button = FigureButton(figure, caption)
            button.clicked.connect(self._card_clicked)
            self.cards[key] = button
            cards.addWidget(button, 0, i)
        self.score_frame = QFrame()
        self.score_frame.setObjectName("score")
        self.score_label = QLabel()
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_label.setTextFormat(Qt.TextFormat.RichText)
        score_layout = QVBoxLayout(self.score_frame)
        score_layout.setContentsMargins(8, 4, 8, 4)
        score_layout.addWidget(self.score_label)
        cards.addWidget(self.score_frame, 0, len(card_specs))
        for i in range(len(card_specs) + 1):
            cards.setColumnStretch(i, 1)

        self.index_tree = QTreeWidget()
        self.index_tree.setColumnCount(4)
        self.index_tree.setHeaderLabels(
            [
                self.tr("766 group / indicator"),
                self.tr("Rate"),
                self.tr("Points"),
                self.tr("To reach full points"),
            ]
        )
        self.index_tree.setWordWrap(True)
        self.index_tree.setAlternatingRowColors(True)
        self.index_tree.setUniformRowHeights(False)
        tree_header = self.index_tree.header()
        tree_header.setStretchLastSection(True)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.index_tree.setColumnWidth(0, 280)
        self.index_tree.setColumnWidth(1, 64)
        self.index_tree.setColumnWidth(2, 70)
        self.index_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree_header.sectionResized.connect(self._fit_tree_rows)
        self.index_tree.itemActivated.connect(self._indicator_activated)
        self.index_tree.itemClicked.connect(self._indicator_activated)

        self.trend_chart = TrendChart()
        self.trend_chart.bar_clicked.connect(self._trend_clicked)
        self.field_chart = FieldChart()
        self.field_chart.bar_clicked.connect(self._field_bar_clicked)
        charts = QSplitter(Qt.Orientation.Vertical)
        charts.addWidget(self.trend_chart)
        charts.addWidget(self.field_chart)
        self.index_note = parts.hint_label(
            self.tr(
                "* points or threshold not confirmed by the Decision (see the data file). "
                "Click an indicator to list its dossiers."
            )
        )
        index_box = QWidget()
        index_layout = QVBoxLayout(index_box)
        index_layout.setContentsMargins(0, 0, 0, 0)
        index_layout.setSpacing(2)
        index_layout.addWidget(self.index_tree, 1)
        index_layout.addWidget(self.index_note)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(index_box)
        body.addWidget(charts)
        body.setStretchFactor(0, 5)
        body.setStretchFactor(1, 6)
        body.setSizes([640, 700])
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.setContentsMargins(4, 4, 4, 4)
        overview_layout.addLayout(cards)
        overview_layout.addWidget(body, 1)

        # -- 06a and rates ------------------------------------------------------------
        self.table_model = Table06aModel(self)
        self.table_view = self._figure_table(self.table_model)
        self.table_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.setContentsMargins(4, 4, 4, 4)
        table_layout.addWidget(
            parts.hint_label(
                self.tr(
                    "Biểu II.06a/VPCP/KSTT as of the end of the period. "
                    "Click a number to list its dossiers."
                )
            )
        )
        table_layout.addWidget(self.table_view, 1)

        self.rates_model = RatesModel(self)
        self.rates_view = self._figure_table(self.rates_model)
        self.rates_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.rates_view.verticalHeader().hide()
        self.dimension_combo = QComboBox()
        for text, dim in (
            (self.tr("The whole unit"), ""),
            (self.tr("By field"), "field"),
            (self.tr("By procedure"), "procedure"),
            (self.tr("By channel"), "channel"),
            (self.tr("By receiving officer"), "officer"),
        ):
            self.dimension_combo.addItem(text, dim)
        self.dimension_combo.currentIndexChanged.connect(self._dimension_changed)
        self.value_combo = QComboBox()
        self.value_combo.setMinimumContentsLength(40)
        self.value_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.value_combo.currentIndexChanged.connect(self._show_rates)
        self.value_combo.hide()
        breakdown = QHBoxLayout()
        of_label = QLabel(self.tr("Rates &of"))
        of_label.setBuddy(self.dimension_combo)
        breakdown.addWidget(of_label)
        breakdown.addWidget(self.dimension_combo)
        breakdown.addWidget(self.value_combo)
        breakdown.addStretch(1)
        rates_page = QWidget()
        rates_layout = QVBoxLayout(rates_page)
        rates_layout.setContentsMargins(4, 4, 4, 4)
        rates_layout.addLayout(breakdown)
        rates_layout.addWidget(
            parts.hint_label(
                self.tr(
                    "Each rate with its count and what it is out of. "
                    "Click a count to list its dossiers."
                )
            )
        )
        rates_layout.addWidget(self.rates_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Overview"))
        self.tabs.addTab(table_page, self.tr("Table 06a"))
        self.tabs.addTab(rates_page, self.tr("Rates and complaints"))
        self.sessions_page = SessionsPage()
        self.tabs.addTab(self.sessions_page, self.tr("Saturday sessions"))

        # -- buttons ------------------------------------------------------------------
        self.print_button = parts.dialog_button(
            self.tr("Pr&int 06a…"), self.tr("Print preview of Biểu II.06a (PDF)")
        )
        self.xlsx_button = parts.dialog_button(
            self.tr("06a as E&xcel…"), self.tr("Save Biểu II.06a as an .xlsx workbook")
        )
        self.pdf_button = parts.dialog_button(
            self.tr("06a as P&DF…"), self.tr("Save Biểu II.06a as a PDF (A4 landscape)")
        )
        self.docx_button = parts.dialog_button(
            self.tr("Draft &report (.docx)…"),
            self.tr("Save the draft narrative report, to finish in Word"),
        )
        self.close_button = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"))
        self.print_button.clicked.connect(self.print_preview)
        self.xlsx_button.clicked.connect(self._export_xlsx)
        self.pdf_button.clicked.connect(self._export_pdf)
        self.docx_button.clicked.connect(self._export_docx)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Esc"), self, self.close)
        self.saved_label = parts.done_label()
        self.saved_label.hide()
        buttons = QHBoxLayout()
        for b in (self.print_button, self.xlsx_button, self.pdf_button, self.docx_button):
            buttons.addWidget(b)
        buttons.addWidget(self.saved_label)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _figure_table(self, model: Table06aModel | RatesModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(True)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        view.horizontalHeader().setMinimumSectionSize(70)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.clicked.connect(self._cell_clicked)
        view.activated.connect(self._cell_clicked)
        return view

    # == period ======================================================================

    def preset(self) -> str:
        return str(self.preset_combo.currentData())

    def period(self) -> Period:
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        assert isinstance(start, date)
        assert isinstance(end, date)
        return Period(start, max(start, end))

    def set_preset(
        self, preset: Preset | str, *, anchor: date | None = None, reload: bool = True
    ) -> None:
        """Show the ``preset`` period holding ``anchor`` (default: today)."""
        self._updating = True
        try:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(str(preset)))
            if preset != CUSTOM:
                p = preset_period(preset, anchor or self._today)
                self.start_edit.setDate(QDate(p.start))
                self.end_edit.setDate(QDate(p.end))
        finally:
            self._updating = False
        self._period_shown()
        if reload:
            self.reload()

    def set_period(self, start: date, end: date, *, reload: bool = True) -> None:
        """A custom range."""
        self._updating = True
        try:
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(CUSTOM))
            self.start_edit.setDate(QDate(start))
            self.end_edit.setDate(QDate(end))
        finally:
            self._updating = False
        self._period_shown()
        if reload:
            self.reload()

    def previous_period(self) -> None:
        self._step(-1)

    def next_period(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        preset = self.preset()
        p = self.period()
        if preset == CUSTOM:
            length = p.end - p.start
            shift = (length.days + 1) * direction
            start = date.fromordinal(p.start.toordinal() + shift)
            self.set_period(start, date.fromordinal(start.toordinal() + length.days))
            return
        anchor = p.start if direction < 0 else p.end
        anchor = date.fromordinal(anchor.toordinal() + direction)
        self.set_preset(preset, anchor=anchor)

    def _preset_changed(self, _index: int) -> None:
        if self._updating:
            return
        preset = self.preset()
        if preset != CUSTOM:
            # The new period holds the day shown last, today for the current period.
            self.set_preset(preset, anchor=min(self.period().end, self._today))
        else:
            self._period_shown()

    def _dates_edited(self, *_args: object) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            # Editing a date makes the range custom; "Show" computes it.
            self.preset_combo.setCurrentIndex(self.preset_combo.findData(CUSTOM))
            # The end never before the start: it follows the start forward.
            if self.end_edit.date() < self.start_edit.date():
                self.end_edit.setDate(self.start_edit.date())
        finally:
            self._updating = False
        self._period_shown()

    def period_label(self) -> str:
        preset = self.preset()
        return period_label(self.period(), None if preset == CUSTOM else preset)

    def _period_shown(self) -> None:
        p = self.period()
        self.period_text.setText(
            self.tr("{label} ({start} – {end})").format(
                label=self.period_label(), start=f"{p.start:%d/%m/%Y}", end=f"{p.end:%d/%m/%Y}"
            )
        )

    # == loading =====================================================================

    def is_loading(self) -> bool:
        return self._task is not None

    def reload(self) -> None:
        """Compute the figures of the period shown (on the task runner)."""
        if self._task is not None:
            self._reload_after = True
            return
        period = self.period()
        self._loading_period = period
        self._task = self._runner.run_with_progress(
            jobs.load_dashboard,
            self._services,
            period,
            str(self.trend_combo.currentData()),
            TREND_COUNT,
            label=self.tr("Computing the figures of the period…"),
            parent=self,
            on_done=self._loaded,
            on_error=self._load_failed,
            on_cancelled=self._load_cancelled,
        )

    def _next_load(self) -> bool:
        self._task = None
        if self._reload_after:
            self._reload_after = False
            self.reload()
            return True
        return False

    def _loaded(self, data: DashboardData) -> None:
        if self._next_load():
            return
        self.data = data
        self.stale_label.hide()
        self._show(data)
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._next_load()
        show_error(self, exc)

    def _load_cancelled(self) -> None:
        self._reload_after = False
        self._task = None

    def _show(self, data: DashboardData) -> None:
        report, index = data.report, data.index
        row = report.total.row
        rates = report.total.rates
        self.cards["received"].set_value(
            _n(row.received_total),
            self.tr("online {online} · direct {direct} · carried over {carried}").format(
                online=_n(row.received_online),
                direct=_n(row.received_direct),
                carried=_n(row.carried_over),
            ),
        )
        self.cards["finished"].set_value(
            _n(row.finished),
            self.tr("early {early} · on time {on_time} · late {late}").format(
                early=_n(row.finished_early),
                on_time=_n(row.finished_on_time),
                late=_n(row.finished_late),
            ),
        )
        on_time = rates["on_time"]
        self.cards["on_time"].set_value(
            percent(on_time.rate),
            self.tr("{num} of {den}").format(num=_n(on_time.num), den=_n(on_time.den)),
        )
        overdue = rates["overdue"]
        self.cards["overdue"].set_value(
            _n(overdue.num),
            self.tr("{rate} of received").format(rate=percent(overdue.rate)),
        )
        self.cards["open"].set_value(
            _n(row.open),
            self.tr("within time {ok} · overdue {late}").format(
                ok=_n(row.open_on_time), late=_n(row.open_late)
            ),
        )
        c = report.complaints
        self.cards["complaints"].set_value(
            _n(c.open_at_end),
            self.tr("received {received} · handled {resolved}").format(
                received=_n(c.received), resolved=_n(c.resolved)
            ),
        )
        self._show_index(index, data.measures)
        self.trend_chart.set_trend(data.trend, data.trend_kind)
        self.field_chart.set_report(report)
        self.table_model.set_report(report)
        self.table_view.resizeRowsToContents()
        self.sessions_page.set_figures(data.sessions)
        self._fill_values()

    # == rates by field, procedure, channel, officer =================================

    def _dimension_changed(self, _index: int) -> None:
        self._fill_values()

    def _fill_values(self) -> None:
        """The rows of the chosen breakdown in the second box (none for the unit)."""
        dimension = str(self.dimension_combo.currentData() or "")
        report = self.report()
        self.value_combo.blockSignals(True)
        try:
            previous = self.value_combo.currentData()
            self.value_combo.clear()
            if dimension and report is not None:
                for value, group in sorted(report.breakdowns.get(dimension, {}).items()):
                    self.value_combo.addItem(self._value_label(dimension, value, group), value)
                at = self.value_combo.findData(previous)
                self.value_combo.setCurrentIndex(max(at, 0))
        finally:
            self.value_combo.blockSignals(False)
        self.value_combo.setVisible(bool(dimension))
        self._show_rates()

    def _value_label(self, dimension: str, value: str, group: Group) -> str:
        if dimension == "channel":
            try:
                return channel_name(Channel(value))
            except ValueError:
                return value
        if dimension == "procedure" and self.data is not None:
            name = self.data.procedure_names.get(value)
            return f"{value} – {name}" if name else value
        return group.row.field or value

    def rates_breakdown(self) -> tuple[str | None, str | None]:
        dimension = str(self.dimension_combo.currentData() or "") or None
        if dimension is None or self.value_combo.currentIndex() < 0:
            return (None, None)
        return (dimension, str(self.value_combo.currentData()))

    def set_rates_breakdown(self, dimension: str | None, value: str | None = None) -> None:
        self.dimension_combo.setCurrentIndex(self.dimension_combo.findData(dimension or ""))
        if dimension is not None and value is not None:
            self.value_combo.setCurrentIndex(self.value_combo.findData(value))

    def _show_rates(self, *_args: object) -> None:
        dimension, value = self.rates_breakdown()
        self.rates_model.set_report(self.report(), dimension=dimension, value=value)
        self.rates_view.resizeColumnsToContents()
        self.rates_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _show_index(self, index: Index766, measures: dict[str, str | None]) -> None:
        on_100 = "—" if index.on_100 is None else f"{index.on_100:.2f}".replace(".", ",")
        self.score_label.setText(
            "<div style='font-size:20pt; font-weight:bold'>{points}</div>"
            "<div>{caption}</div>".format(
                points=parts.esc(_points(index.total) + " / " + _points(index.max)),
                caption=parts.esc(self.tr("766 estimate ({on_100} of 100)").format(on_100=on_100)),
            )
        )
        self.score_label.setToolTip(
            self.tr(
                "Indicators with nothing to measure are left out of the points and of the "
                "maximum; the estimate on 100 is points ÷ maximum × 100."
            )
        )
        tree = self.index_tree
        tree.clear()
        bold = tree.font()
        bold.setBold(True)
        for group in index.groups:
            item = QTreeWidgetItem(
                [
                    group.name,
                    "",
                    f"{_points(group.points)} / {_points(group.max)}",
                    ""
                    if group.max == group.nominal_max
                    else self.tr("of {nominal} in the decision").format(
                        nominal=_points(group.nominal_max)
                    ),
                ]
            )
            for col in range(3):
                item.setFont(col, bold)
            tree.addTopLevelItem(item)
            for ind in group.indicators:
                if ind.points is None:
                    points = self.tr("n/a")
                    lack = self.tr("Nothing to measure: left out")
                else:
                    points = f"{_points(ind.points)} / {_points(ind.max)}"
                    lack = ind.lack_text or (self.tr("Full points") if not ind.lack else "")
                name = ind.name + (" *" if ind.unconfirmed else "")
                child = QTreeWidgetItem([name, percent(ind.rate, 1), points, lack])
                child.setToolTip(0, ind.name)
                child.setToolTip(3, lack)
                measure = measures.get(ind.key)
                if measure in _DRILLABLE and ind.den:
                    child.setData(0, Qt.ItemDataRole.UserRole, (f"{measure}.num", None, None))
                    child.setToolTip(
                        1,
                        self.tr("{num} of {den} — click to list them").format(
                            num=_n(ind.num), den=_n(ind.den)
                        ),
                    )
                item.addChild(child)
        tree.expandAll()
        tree.resizeColumnToContents(1)
        tree.resizeColumnToContents(2)
        self._fit_tree_rows()

    def _fit_tree_rows(self, *_args: object) -> None:
        """Rows as tall as their wrapped name and shortfall (a tree does not
        grow its rows for wrapped text by itself)."""
        tree = self.index_tree
        metrics = tree.fontMetrics()
        bold = tree.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        flags = int(Qt.TextFlag.TextWordWrap)
        for i in range(tree.topLevelItemCount()):
            top = tree.topLevelItem(i)
            items = [(top, 0, bold_metrics)] + [
                (top.child(j), 1, metrics) for j in range(top.childCount())
            ]
            for item, depth, fm in items:
                height = fm.height()
                for col in (0, 3):
                    width = tree.columnWidth(col) - 24
                    if col == 0:
                        width -= tree.indentation() * (depth + 1)
                    box = fm.boundingRect(QRect(0, 0, max(width, 40), 2000), flags, item.text(col))
                    height = max(height, box.height())
                item.setSizeHint(0, QSize(tree.columnWidth(0), height + 6))

    # == drill-down ==================================================================

    def _card_clicked(self) -> None:
        button = self.sender()
        if isinstance(button, FigureButton):
            self.drill(button.figure, title=f"{button.caption}: {button.value}")

    def _cell_clicked(self, index: QModelIndex) -> None:
        figure = figure_of(index)
        if figure is None:
            return
        model = index.model()
        row_name = model.index(index.row(), 0).data()
        column = model.headerData(index.column(), Qt.Orientation.Horizontal)
        title = f"{row_name} – {str(column).replace(chr(10), ' ')}: {index.data()}"
        self.drill(figure, title=title)

    def _indicator_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        figure = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(figure, tuple):
            self.drill(figure, title=f"{item.text(0)}: {item.text(1)}")

    def _trend_clicked(self, index: int, figure: str) -> None:
        if self.data is None or not 0 <= index < len(self.data.trend):
            return
        point = self.data.trend[index]
        p = point.period
        self.drill(
            (figure, None, None),
            period=p,
            title=self.tr("{start} – {end}: {figure}").format(
                start=f"{p.start:%d/%m/%Y}",
                end=f"{p.end:%d/%m/%Y}",
                figure=self._figure_name(figure),
            ),
        )

    def _figure_name(self, figure: str) -> str:
        return {
            "received_total": self.tr("received"),
            "finished": self.tr("finished"),
            "overdue.num": self.tr("overdue"),
            "on_time.num": self.tr("finished on time"),
            "finished_late": self.tr("finished late"),
        }.get(figure, figure)

    def _field_bar_clicked(self, figure: Figure) -> None:
        self.drill(figure, title=f"{figure[2] or '—'}: {self._figure_name(figure[0])}")

    def drill(self, figure: Figure, *, title: str = "", period: Period | None = None) -> None:
        """List the dossiers behind ``figure`` of the period shown (or ``period``)."""
        if self.data is None:
            return
        name, dimension, value = figure
        self._drill_title = title or name
        self._runner.run(
            jobs.drill_down,
            self._services,
            period or self.data.period,
            name,
            dimension,
            value,
            on_done=self._drilled,
            on_error=self._drill_failed,
        )

    def _drilled(self, result: DrillResult) -> None:
        dialog = DrillDownDialog(
            result, self._drill_title, open_dossier=self._open_dossier, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._drill_closed)
        self.last_drill = dialog
        dialog.show()
        self.drilled.emit(result)

    def _drill_closed(self, *_args: object) -> None:
        self.last_drill = None

    def _drill_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # == exports =====================================================================

    def _export_xlsx(self) -> None:
        self.export("xlsx")

    def _export_pdf(self) -> None:
        self.export("pdf")

    def _export_docx(self) -> None:
        self.export("docx")

    def export(self, suffix: str) -> None:
        """Ask where to save, then write the 06a (.xlsx/.pdf) or the narrative (.docx)."""
        filters = {
            "xlsx": self.tr("Excel workbooks (*.xlsx)"),
            "pdf": self.tr("PDF documents (*.pdf)"),
            "docx": self.tr("Word documents (*.docx)"),
        }
        folder = str(QSettings().value(LAST_DIR_KEY, "") or "")
        name = jobs.suggested_name(self.period(), suffix)
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the report"),
            str(Path(folder) / name) if folder else name,
            filters[suffix],
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{suffix}":
            target = target.with_name(f"{target.name}.{suffix}")
        QSettings().setValue(LAST_DIR_KEY, str(target.parent))
        self.export_to(target)

    def export_to(self, path: Path) -> None:
        self.saved_label.hide()
        self._runner.run_with_progress(
            jobs.export_report,
            self._services,
            self.period(),
            Path(path),
            self.period_label(),
            label=self.tr("Writing the report…"),
            parent=self,
            on_done=self._exported,
            on_error=self._export_failed,
        )

    def _exported(self, result: tuple[Path, bytes]) -> None:
        path, data = result
        self.last_export = path
        self.saved_label.setText(self.tr("✔ Saved to {path}").format(path=parts.esc(str(path))))
        self.saved_label.show()
        if path.suffix.lower() == ".pdf":
            self._preview(data, path.name)

    def _export_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def print_preview(self) -> None:
        """Biểu II.06a of the period in the print preview."""
        self._runner.run_with_progress(
            jobs.report_pdf,
            self._services,
            self.period(),
            self.period_label(),
            label=self.tr("Preparing Biểu II.06a…"),
            parent=self,
            on_done=self._pdf_ready,
            on_error=self._export_failed,
        )

    def _pdf_ready(self, data: bytes) -> None:
        self._preview(data, jobs.suggested_name(self.period(), "pdf"))

    def _preview(self, data: bytes, file_name: str) -> None:
        preview = parts.pdf_preview(
            self,
            self._services,
            data,
            title=self.tr("Biểu II.06a – {label}").format(label=self.period_label()),
            file_name=file_name,
        )
        preview.destroyed.connect(self._preview_closed)
        self.last_preview = preview
        preview.open()

    def _preview_closed(self, *_args: object) -> None:
        self.last_preview = None

    # == window ======================================================================

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is None and self._task is None:
            self.reload()

    def _dossiers_changed(self, _ids: list[str]) -> None:
        if self.data is not None:
            self.stale_label.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._hub_connection is not None:
            QObject.disconnect(self._hub_connection)
            self._hub_connection = None
        if self._task is not None:
            self._task.cancel()
        super().closeEvent(event)

    def report(self) -> PeriodicReport | None:
        return self.data.report if self.data is not None else None


def _n(value: float) -> str:
    """A count with a dot between thousands, as Vietnamese write it."""
    return f"{value:,.0f}".replace(",", ".")


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
