"""The lists' operations and reads: service calls run on the task runner."""

from __future__ import annotations

from datetime import date

from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import DossierSummary


def search_dossiers(services: Services, text: str) -> tuple[str, list[DossierSummary]]:
    """Runs on the task runner: the dossiers matching ``text`` (with the text searched)."""
    return text, services.dossiers.search(text)


def received_on_day(services: Services, day: date) -> tuple[date, list[DossierSummary]]:
    """Runs on the task runner: the dossiers received on ``day`` (with the day)."""
    return day, list(services.dossiers.received_on(day))
