"""The catalog screens' operations: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.services.catalog import ImportReport


@dataclass(frozen=True)
class CatalogImported:
    """An import's report with the names of the procedures it lists (read on the runner)."""

    report: ImportReport
    names: dict[str, str]

    @property
    def changes(self) -> Changes:
        """What the import changed: the service's own account (the catalog, if any)."""
        return self.report.changes


def import_catalog_job(services: Services, path: Path, replace_all: bool) -> CatalogImported:
    report = services.catalog.import_file(path, replace=replace_all)
    names: dict[str, str] = {}
    for code in (*report.added, *report.updated, *report.deactivated):
        try:
            names[code] = services.catalog.get(code).name
        except HccError:
            names[code] = ""
    return CatalogImported(report, names)


def export_catalog_job(services: Services, path: Path) -> tuple[Path, int]:
    return path, services.catalog.export_file(path)
