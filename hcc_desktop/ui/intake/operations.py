"""The intake window's operations: service calls run on the task runner."""

from __future__ import annotations

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import Dossier, Procedure
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.intake import IntakeDraft


def accept_dossier(services: Services, draft: IntakeDraft) -> tuple[Dossier, Changes]:
    """Store a new dossier; every list and the reminders hear of it."""
    dossier = services.intake.accept(draft)
    return dossier, Changes.of_dossiers(dossier.id)


def read_procedure(services: Services, code: str) -> Procedure:
    """Runs on the task runner: the catalog procedure ``code`` with its checklist."""
    return services.catalog.get(code)
