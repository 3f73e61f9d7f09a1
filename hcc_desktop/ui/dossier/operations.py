"""The dossier window's reads: service calls run on the task runner."""

from __future__ import annotations

from hcc_desktop.core.domain import Dossier, DossierEvent, Procedure
from hcc_desktop.services import Services


def read_dossier(
    services: Services, key: str, generation: int, opening: bool = True
) -> tuple[int, Dossier, list[DossierEvent]]:
    """Runs on the task runner: the dossier ``key`` and its timeline; ``opening``:
    the window opens, so the access is logged first (no entry, nothing shown)."""
    dossier = services.dossiers.get(key)
    if opening:
        services.access.opened(dossier)
    return generation, dossier, list(services.dossiers.timeline(dossier.id))


def read_procedure(services: Services, code: str) -> Procedure:
    """Runs on the task runner: the catalog procedure ``code`` (its checklist)."""
    return services.catalog.get(code)


def read_current(services: Services, key: str) -> Dossier:
    """Runs on the task runner: the dossier ``key`` as it is stored now."""
    return services.dossiers.get(key)
