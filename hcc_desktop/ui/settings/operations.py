"""The settings screens' operations: service calls run on the task runner."""

from __future__ import annotations

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import CalendarOverride
from hcc_desktop.services import Services
from hcc_desktop.services.settings import AppSettings, validate_settings


def store_settings(
    services: Services, settings: AppSettings, overrides: list[CalendarOverride]
) -> tuple[AppSettings, Changes]:
    """Runs on the task runner: validate everything first, then write."""
    validate_settings(settings)
    changes = services.settings.set_calendar_overrides(overrides)
    return services.settings.save(settings), changes
