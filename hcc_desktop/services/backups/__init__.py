"""Backups of the store (issue 12 item 5): verified copies written to a folder or a USB
stick, a daily schedule with a kept number, and a restore that verifies first.

``service`` takes, lists and prunes backups (``BackupService``); ``restore`` verifies
a backup file and swaps it in for the store; ``manifest`` names the files and
reads/writes the JSON beside each; ``check`` reads integrity, revision and counts.
Every store file is opened through ``db/files.py`` (the key, once encrypted).
"""

from hcc_desktop.services.backups.manifest import BackupInfo
from hcc_desktop.services.backups.restore import RestoreResult, restore_store, verify_backup
from hcc_desktop.services.backups.service import BackupService, default_backup_dir

__all__ = [
    "BackupInfo",
    "BackupService",
    "RestoreResult",
    "default_backup_dir",
    "restore_store",
    "verify_backup",
]
