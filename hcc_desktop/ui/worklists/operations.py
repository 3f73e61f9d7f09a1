"""The lists' operations and reads: service calls run on the task runner."""

from __future__ import annotations

from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import DossierSummary


def search_dossiers(services: Services, text: str) -> tuple[str, list[DossierSummary]]:
    """Runs on the task runner: the dossiers matching ``text`` (with the text searched)."""
    return text, services.dossiers.search(text)
