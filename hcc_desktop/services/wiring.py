"""The services of one store, wired: ``open_services`` opens (creates, migrates) the
store and makes them; ``hcc_desktop.services`` hands these two names out."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.paths import default_db_path, make_private
from hcc_desktop.db.engine import Database
from hcc_desktop.db.migrate import MigrationResult, upgrade
from hcc_desktop.services.access import AccessLogService
from hcc_desktop.services.catalog import SEED_CATALOG, CatalogService, parse_catalog
from hcc_desktop.services.dossiers.intake import IntakeService
from hcc_desktop.services.dossiers.lifecycle import LifecycleService
from hcc_desktop.services.dossiers.query import DossierQueryService
from hcc_desktop.services.printing import PrintService
from hcc_desktop.services.session import OfficerSession
from hcc_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from hcc_desktop.services.access.export import CitizenExportService
    from hcc_desktop.services.accounts import AccountService
    from hcc_desktop.services.attachments import AttachmentService
    from hcc_desktop.services.backups import BackupService
    from hcc_desktop.services.complaints import ComplaintService
    from hcc_desktop.services.demo import DemoService
    from hcc_desktop.services.encryption import StoreUnlock
    from hcc_desktop.services.exchange.backlog import BacklogService
    from hcc_desktop.services.exchange.portal import PortalService
    from hcc_desktop.services.field import FieldService
    from hcc_desktop.services.reports import ReportService
    from hcc_desktop.services.sync.service import SyncService


class Services:
    """The services of one store. The counter's are made at once; sync, reports, the
    portal exchange, the backlog import and complaints are imported and made on first
    use (their modules are a quarter of the start-up's imports)."""

    def __init__(
        self,
        *,
        db: Database,
        migration: MigrationResult,
        settings: SettingsService,
        catalog: CatalogService,
        intake: IntakeService,
        dossiers: DossierQueryService,
        printing: PrintService,
        lifecycle: LifecycleService,
        session: OfficerSession,
        access: AccessLogService,
        clock: Callable[[], datetime] = local_now,
        hasher: PasswordHasher | None = None,
        recovery_key: str | None = None,
        encrypted_now: bool = False,
    ) -> None:
        self.db = db
        self.migration = migration
        # Issue 12: the recovery key of a store key made by this open, to show ONCE (the
        # CLI prints it, the GUI shows it in a dialog to confirm); None otherwise.
        self.recovery_key = recovery_key
        # Whether this open migrated a plain store to an encrypted one.
        self.encrypted_now = encrypted_now
        self.settings = settings
        self.catalog = catalog
        self.intake = intake
        self.dossiers = dossiers
        self.printing = printing
        self.lifecycle = lifecycle
        # The officer logged in: the actor of every event and slip (services/session).
        self.session = session
        # Who opened, printed or exported a citizen's data (issue 12 item 4).
        self.access = access
        self._clock = clock
        self._hasher = hasher
        # Two threads (the GUI's and the task runner's) may ask for the same one.
        self._lazy_lock = threading.RLock()

    @cached_property
    def accounts(self) -> AccountService:
        """The officers' accounts of this store: add, lock, passwords, log in."""
        with self._lazy_lock:
            from hcc_desktop.services.accounts import AccountService

            return AccountService(
                self.db,
                settings=self.settings,
                session=self.session,
                hasher=self._hasher,
                clock=self._clock,
            )

    @cached_property
    def citizens(self) -> CitizenExportService:
        """A citizen's data exported on request (``citizen export``; built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.access.export import CitizenExportService

            return CitizenExportService(
                self.db,
                settings=self.settings,
                access=self.access,
                attachments=self.attachments,
                clock=self._clock,
            )

    @cached_property
    def sync(self) -> SyncService:
        """Registration, push and pull with the central server (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.sync.service import SyncService

            return SyncService(
                self.db,
                settings=self.settings,
                catalog=self.catalog,
                clock=self._clock,
                session=self.session,
            )

    @cached_property
    def reports(self) -> ReportService:
        """Periodic reports and their figures (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.reports import ReportService

            return ReportService(
                self.db,
                settings=self.settings,
                session=self.session,
                today=lambda: self._clock().date(),
                clock=self._clock,
            )

    @cached_property
    def portal(self) -> PortalService:
        """The national portal's dossiers imported and exported (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.exchange.portal import PortalService

            return PortalService(
                self.db,
                catalog=self.catalog,
                settings=self.settings,
                clock=self._clock,
                access=self.access,
                session=self.session,
            )

    @cached_property
    def backlog(self) -> BacklogService:
        """The open dossiers of an earlier system, imported from a sheet (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.exchange.backlog import BacklogService

            return BacklogService(
                self.db,
                catalog=self.catalog,
                settings=self.settings,
                clock=self._clock,
                session=self.session,
            )

    @cached_property
    def complaints(self) -> ComplaintService:
        """Complaints and petitions (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.complaints import ComplaintService

            return ComplaintService(
                self.db, settings=self.settings, session=self.session, clock=self._clock
            )

    @cached_property
    def field(self) -> FieldService:
        """Field work: Saturday sessions, home visits, QR boards (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.field import FieldService

            return FieldService(
                self.db, settings=self.settings, catalog=self.catalog, clock=self._clock
            )

    @cached_property
    def attachments(self) -> AttachmentService:
        """Scans and result files of dossiers (built on first use)."""
        with self._lazy_lock:
            from hcc_desktop.services.attachments import AttachmentService

            return AttachmentService(self.db, settings=self.settings)

    @cached_property
    def backups(self) -> BackupService:
        """Backups of this store: into a folder, listed, pruned, the daily one."""
        with self._lazy_lock:
            from hcc_desktop.services.backups import BackupService

            return BackupService(
                self.db, settings=self.settings, clock=self._clock, session=self.session
            )

    @cached_property
    def demo(self) -> DemoService:
        """Synthetic dossiers for a trial or a benchmark (the administrator's)."""
        with self._lazy_lock:
            from hcc_desktop.services.demo import DemoService

            return DemoService(self, session=self.session)

    def close(self) -> None:
        """Release the database (its connections and files)."""
        self.db.dispose()


def open_services(
    db_path: Path | None = None,
    *,
    seed_catalog: bool = True,
    clock: Callable[[], datetime] = local_now,
    hasher: PasswordHasher | None = None,
    encrypted: bool = True,
    unlock: StoreUnlock | None = None,
) -> Services:
    """Open (creating or migrating) the local store and wire the services.

    On a new database the settings get a fresh device id, the calendar table
    gets the Government's announced swap days, and the seed catalog is loaded.
    ``unlock``: the store's key already looked up with ``unlock_store`` (the desktop
    program does it on a thread while its first window paints); else it is looked up
    here.
    """
    path = Path(db_path) if db_path else default_db_path()
    make_private(path)
    key: bytes | None = None
    recovery_key: str | None = None
    encrypted_now = False
    if encrypted:
        # Imported here: sqlcipher3 and keyring cost start-up time only when used.
        from hcc_desktop.db import cipher
        from hcc_desktop.services.encryption import unlock_store

        if unlock is None:
            unlock = unlock_store(path)
        key, recovery_key = unlock.key, unlock.new_recovery_key
        cipher.finish_pending(path)
        if cipher.is_plain(path):
            cipher.encrypt_in_place(path, key)
            encrypted_now = True
        # Plain copies an older version's upgrades left next to the store (cheap to
        # check: the first 16 bytes of each).
        cipher.encrypt_plain_backups(path, key)
    migration = upgrade(path, key=key)
    db = Database(path, key=key)
    make_private(path)
    # One officer session for every service of the store (services/session).
    session = OfficerSession()
    settings = SettingsService(db, session=session)
    catalog = CatalogService(db, session=session)
    with db.write() as s:
        settings.ensure_initialised(s)
        if seed_catalog and migration.from_revision is None:
            catalog.load_into(s, parse_catalog(SEED_CATALOG.read_bytes()), replace=False)
    dossiers = DossierQueryService(db)
    access = AccessLogService(db, settings=settings, session=session, clock=clock)
    return Services(
        db=db,
        migration=migration,
        settings=settings,
        catalog=catalog,
        intake=IntakeService(db, catalog=catalog, settings=settings, session=session, clock=clock),
        dossiers=dossiers,
        printing=PrintService(catalog=catalog, settings=settings, dossiers=dossiers, access=access),
        lifecycle=LifecycleService(db, settings=settings, session=session, clock=clock),
        session=session,
        access=access,
        clock=clock,
        hasher=hasher,
        recovery_key=recovery_key,
        encrypted_now=encrypted_now,
    )
