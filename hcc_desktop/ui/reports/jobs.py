"""Worker side of the dashboard: service calls run on the task runner.

Nothing here touches a widget; each function returns frozen data the
dashboard shows on the GUI thread.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from hcc_desktop.core.index766 import Index766
from hcc_desktop.core.periods import Period, Preset, preset_period
from hcc_desktop.core.reports import PeriodicReport, Rate, ReportRow
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.reports import ReportCancelled
from hcc_desktop.services.reports.sessions import SessionFiguresReport

ProgressFn = Callable[[int, int], None]

TREND_WEEK, TREND_MONTH = Preset.WEEK.value, Preset.MONTH.value


@dataclass(frozen=True)
class TrendPoint:
    """The main figures of one past period of the trend chart."""

    period: Period
    row: ReportRow
    on_time: Rate


@dataclass(frozen=True)
class DashboardData:
    period: Period
    report: PeriodicReport
    index: Index766
    trend: tuple[TrendPoint, ...]
    trend_kind: str
    measures: dict[str, str | None]  # 766 indicator key -> the rate it measures
    procedure_names: dict[str, str]  # code -> name, for the breakdown by procedure
    # The Saturday sessions held in the period (issue 13), per session and per quarter.
    sessions: SessionFiguresReport = field(default_factory=lambda: SessionFiguresReport((), ()))


@dataclass(frozen=True)
class DrillResult:
    """The dossiers behind one figure."""

    figure: str
    dimension: str | None
    value: str | None
    codes: tuple[str, ...]  # what ReportService.details returned
    dossiers: tuple[DossierSummary, ...]  # those codes that are dossiers, same order

    @property
    def missing(self) -> int:
        """Codes that are not dossiers (complaints about no dossier)."""
        return len(self.codes) - len(self.dossiers)


def trend_periods(period: Period, kind: str, count: int) -> tuple[Period, ...]:
    """The ``count`` weeks or months up to the one holding the end of ``period``,
    oldest first."""
    out: list[Period] = []
    current = preset_period(kind, period.end)
    for _ in range(count):
        out.append(current)
        current = preset_period(kind, current.start - timedelta(days=1))
    return tuple(reversed(out))


def load_dashboard(
    services: Services,
    period: Period,
    trend_kind: str,
    trend_count: int,
    *,
    progress: ProgressFn,
    cancel: threading.Event,
) -> DashboardData:
    """The period's report and 766 estimate, then the trend, one period a step."""
    trend = trend_periods(period, trend_kind, trend_count)
    steps = len(trend) + 1
    progress(0, steps)
    # The engine asks for a callable; the runner hands out an Event.
    report = services.reports.periodic(period, cancel=cancel.is_set)
    index = services.reports.index766(period, report=report)
    progress(1, steps)
    points: list[TrendPoint] = []
    for i, p in enumerate(trend, 2):
        if cancel.is_set():
            raise ReportCancelled()
        rep = report if p == period else services.reports.periodic(p, cancel=cancel.is_set)
        points.append(TrendPoint(p, rep.total.row, rep.total.rates["on_time"]))
        progress(i, steps)
    measures = {i.key: i.measure for g in services.reports.spec766().groups for i in g.indicators}
    names = {p.code: p.name for p in services.catalog.list(include_inactive=True)}
    sessions = services.reports.session_figures(period)
    return DashboardData(
        period, report, index, tuple(points), trend_kind, measures, names, sessions
    )


def drill_down(
    services: Services,
    period: Period,
    figure: str,
    dimension: str | None = None,
    value: str | None = None,
) -> DrillResult:
    codes = services.reports.details(period, figure, dimension=dimension, value=value)
    dossiers = services.dossiers.by_codes(codes)
    return DrillResult(figure, dimension, value, codes, tuple(dossiers))


def export_report(
    services: Services,
    period: Period,
    path: Path,
    label: str,
    *,
    progress: ProgressFn,
    cancel: threading.Event,
) -> tuple[Path, bytes]:
    """Write the 06a (.xlsx/.pdf) or the narrative (.docx) to ``path``."""
    written = services.reports.export(
        period, path, label=label, progress=progress, cancel=cancel.is_set
    )
    return written, written.read_bytes()


def report_pdf(
    services: Services,
    period: Period,
    label: str,
    *,
    progress: ProgressFn,
    cancel: threading.Event,
) -> bytes:
    """The 06a PDF as bytes, for the print preview (nothing kept on disk)."""
    with tempfile.TemporaryDirectory(prefix="hcc-06a-") as folder:
        out = Path(folder) / "bieu-06a.pdf"
        services.reports.export(period, out, label=label, progress=progress, cancel=cancel.is_set)
        return out.read_bytes()


def suggested_name(period: Period, suffix: str) -> str:
    stem = "Bao-cao" if suffix == "docx" else "Bieu-II.06a"
    return f"{stem}_{period.start:%Y%m%d}-{period.end:%Y%m%d}.{suffix}"
