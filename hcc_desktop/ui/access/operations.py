"""The access-log page's service calls, run on the task runner."""

from __future__ import annotations

from pathlib import Path

from hcc_desktop.services import Services
from hcc_desktop.services.access import AccessEntry, AccessFilter
from hcc_desktop.services.access.export import CitizenExport


def read_entries(services: Services, query: AccessFilter) -> list[AccessEntry]:
    """The entries matching ``query`` (the service refuses a counter officer)."""
    return services.access.entries(query)


def export_citizen(services: Services, id_number: str, out: str) -> CitizenExport:
    """``citizen export`` from the GUI (logged by the service before the file is written)."""
    return services.citizens.export(id_number, Path(out))
