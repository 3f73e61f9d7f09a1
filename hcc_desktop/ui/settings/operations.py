"""The settings screens' operations: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import replace

from hcc_desktop.services import Services
from hcc_desktop.services.settings import AppSettings


def save_officer(services: Services, name: str, phone: str) -> AppSettings:
    """Runs on the task runner: record the officer on duty."""
    current = services.settings.load()
    return services.settings.save(replace(current, officer_name=name, officer_phone=phone))
