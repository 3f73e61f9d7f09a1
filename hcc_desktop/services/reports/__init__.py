"""Reports: Biểu II.06a, the rates, the drill-down and the 766 estimate."""

from hcc_desktop.services.reports.engine import ReportCancelled
from hcc_desktop.services.reports.service import ReportService, measures

__all__ = ["ReportCancelled", "ReportService", "measures"]
