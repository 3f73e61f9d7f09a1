"""The sync screen's operations: service calls run on the task runner (never on the GUI thread)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from hcc_desktop.core.changes import Changes
from hcc_desktop.services.settings import AppSettings, SettingsService
from hcc_desktop.services.sync.service import (
    RegistrationResult,
    RejectedItem,
    SyncConflict,
    SyncService,
)


def load_review(sync: SyncService) -> tuple[list[SyncConflict], list[RejectedItem]]:
    return sync.conflicts(), sync.rejected_items()


def register_job(
    sync: SyncService, url: str, code: str, name: str
) -> tuple[RegistrationResult, Changes]:
    result = sync.register(url, code, device_name=name)
    return result, result.changes


def resolve_job(sync: SyncService, conflict_id: str, keep: str) -> tuple[tuple[str, str], Changes]:
    dossier = sync.resolve_conflict(conflict_id, keep=keep)
    return (dossier.id, keep), Changes.of_dossiers(dossier.id)


def export_job(sync: SyncService, path: Path) -> tuple[Path, int]:
    return path, sync.export_bundle(path)


def save_sync_settings(
    settings: SettingsService, interval: int, warn_days: int
) -> tuple[AppSettings, Changes]:
    current = settings.load()
    saved = settings.save(
        replace(current, sync_interval_minutes=interval, sync_warn_days=warn_days)
    )
    return saved, Changes(settings=True)
