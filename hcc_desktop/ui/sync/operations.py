"""The sync screen's operations: service calls run on the task runner (never on the GUI thread)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hcc_desktop.core.domain import Dossier
from hcc_desktop.services.settings import AppSettings, SettingsService
from hcc_desktop.services.sync.service import (
    RegistrationResult,
    RejectedItem,
    SyncConflict,
    SyncService,
)


def load_review(sync: SyncService) -> tuple[list[SyncConflict], list[RejectedItem]]:
    return sync.conflicts(), sync.rejected_items()


def register_job(sync: SyncService, url: str, code: str, name: str) -> RegistrationResult:
    """Runs on the task runner: register this computer (the result says what changed)."""
    return sync.register(url, code, device_name=name)


def resolve_job(sync: SyncService, conflict_id: str, keep: str) -> Dossier:
    """Runs on the task runner: settle a conflict; the dossier kept is what changed."""
    return sync.resolve_conflict(conflict_id, keep=keep)


def export_job(sync: SyncService, path: Path) -> tuple[Path, int]:
    return path, sync.export_bundle(path)


def save_sync_settings(settings: SettingsService, interval: int, warn_days: int) -> AppSettings:
    """Runs on the task runner: the sync's interval and warning; the saved settings
    say what changed."""
    current = settings.load()
    return settings.save(replace(current, sync_interval_minutes=interval, sync_warn_days=warn_days))
