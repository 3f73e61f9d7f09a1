"""The settings screens' operations: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hcc_desktop.core.domain import CalendarOverride
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.services import Services
from hcc_desktop.services.settings import AppSettings, validate_settings


def read_settings(services: Services) -> AppSettings:
    """The settings, read on the task runner for a screen (never on the GUI thread,
    even though the service caches them: the first read, or one after another
    process changed them, runs a statement)."""
    return services.settings.load()


def store_settings(
    services: Services, settings: AppSettings, overrides: list[CalendarOverride]
) -> AppSettings:
    """Runs on the task runner: validate everything first, then write. The saved
    settings say what changed (the settings; the calendar is part of them)."""
    validate_settings(settings)
    services.settings.set_calendar_overrides(overrides)
    return services.settings.save(settings)


@dataclass(frozen=True)
class SettingsPageData:
    """What the settings dialog shows, read in one go on the task runner."""

    settings: AppSettings
    overrides: list[CalendarOverride]
    calendar: WorkCalendar
    last_backup: tuple[datetime, str] | None


def read_settings_page(services: Services) -> SettingsPageData:
    """Runs on the task runner: the settings, the calendar and the last backup."""
    return SettingsPageData(
        settings=services.settings.load(),
        overrides=services.settings.calendar_overrides(),
        calendar=services.settings.calendar(),
        last_backup=services.backups.last_backup(),
    )
