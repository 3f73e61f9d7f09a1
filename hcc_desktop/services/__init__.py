"""Services: the only way the UI and the CLI touch the store.

Every method takes and returns plain frozen dataclasses; one write is one
``with db.write()`` transaction inside a service method.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.paths import default_db_path
from hcc_desktop.db.engine import Database
from hcc_desktop.db.migrate import MigrationResult, upgrade
from hcc_desktop.services.attachments import AttachmentService
from hcc_desktop.services.catalog import SEED_CATALOG, CatalogService, parse_catalog
from hcc_desktop.services.complaints import ComplaintService
from hcc_desktop.services.dossiers.intake import IntakeService
from hcc_desktop.services.dossiers.lifecycle import LifecycleService
from hcc_desktop.services.dossiers.query import DossierQueryService
from hcc_desktop.services.exchange.backlog import BacklogService
from hcc_desktop.services.exchange.portal import PortalService
from hcc_desktop.services.field import FieldService
from hcc_desktop.services.printing import PrintService
from hcc_desktop.services.reports import ReportService
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.service import SyncService


@dataclass
class Services:
    db: Database
    migration: MigrationResult
    settings: SettingsService
    catalog: CatalogService
    intake: IntakeService
    dossiers: DossierQueryService
    printing: PrintService
    lifecycle: LifecycleService
    sync: SyncService
    reports: ReportService
    portal: PortalService
    backlog: BacklogService
    complaints: ComplaintService
    field: FieldService
    attachments: AttachmentService

    def close(self) -> None:
        """Release the database (its connections and files)."""
        self.db.dispose()


def open_services(
    db_path: Path | None = None,
    *,
    seed_catalog: bool = True,
    clock: Callable[[], datetime] = local_now,
) -> Services:
    """Open (creating or migrating) the local store and wire the services.

    On a new database the settings get a fresh device id, the calendar table
    gets the Government's announced swap days, and the seed catalog is loaded.
    """
    path = Path(db_path) if db_path else default_db_path()
    migration = upgrade(path)
    db = Database(path)
    settings = SettingsService(db)
    catalog = CatalogService(db)
    with db.write() as s:
        settings.ensure_initialised(s)
        if seed_catalog and migration.from_revision is None:
            catalog.load_into(s, parse_catalog(SEED_CATALOG.read_bytes()), replace=False)
    dossiers = DossierQueryService(db)
    return Services(
        db=db,
        migration=migration,
        settings=settings,
        catalog=catalog,
        intake=IntakeService(db, catalog=catalog, settings=settings, clock=clock),
        dossiers=dossiers,
        printing=PrintService(catalog=catalog, settings=settings, dossiers=dossiers),
        lifecycle=LifecycleService(db, settings=settings, clock=clock),
        sync=SyncService(db, settings=settings, catalog=catalog, clock=clock),
        reports=ReportService(db, settings=settings, today=lambda: clock().date()),
        portal=PortalService(db, catalog=catalog, settings=settings, clock=clock),
        backlog=BacklogService(db, catalog=catalog, settings=settings, clock=clock),
        complaints=ComplaintService(db, settings=settings, clock=clock),
        field=FieldService(db, settings=settings, catalog=catalog, clock=clock),
        attachments=AttachmentService(db, settings=settings),
    )
