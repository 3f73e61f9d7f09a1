"""Work outside the counter (issue 13): Saturday sessions, home visits, QR boards.

``FieldService`` gathers the three services and prints a session's summary.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from hcc_desktop.core.domain import PaperSize
from hcc_desktop.core.field import SessionSummary
from hcc_desktop.db.engine import Database
from hcc_desktop.printing.field import render_session_summary
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.field.qr import QrBoardService
from hcc_desktop.services.field.sessions import FieldSessionService
from hcc_desktop.services.field.visits import HomeVisitService
from hcc_desktop.services.settings import SettingsService


class FieldService:
    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        catalog: CatalogService,
        clock: Callable[[], datetime],
    ) -> None:
        self._settings = settings
        self.sessions = FieldSessionService(db, settings=settings, clock=clock)
        self.visits = HomeVisitService(db, settings=settings, clock=clock)
        self.qr = QrBoardService(
            db, settings=settings, catalog=catalog, sessions=self.sessions, clock=clock
        )

    def summary_pdf(self, summary: SessionSummary, *, paper: PaperSize | None = None) -> bytes:
        """The session's summary (A4 by default), signed by its officers."""
        return render_session_summary(
            summary, self._settings.load().unit_info(), paper=paper or PaperSize.A4
        )


__all__ = ["FieldService", "FieldSessionService", "HomeVisitService", "QrBoardService"]
