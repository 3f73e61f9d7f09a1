"""Legal slips as PDF bytes, filled from the store and the settings."""

from __future__ import annotations

from pathlib import Path

from hcc_desktop.domain import Dossier, PaperSize, SupplementGuidance
from hcc_desktop.errors import PrintError
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.dossiers import DossierQueryService
from hcc_desktop.services.settings import SettingsService


class PrintService:
    def __init__(
        self,
        *,
        catalog: CatalogService,
        settings: SettingsService,
        dossiers: DossierQueryService,
    ) -> None:
        self._catalog = catalog
        self._settings = settings
        self._dossiers = dossiers

    def receipt_pdf(self, dossier: Dossier | str, *, paper: PaperSize | None = None) -> bytes:
        """Mẫu 01 for a stored dossier (given as the object, its id or its code)."""
        from hcc_desktop.printing import render_receipt  # reportlab: load on first print

        if isinstance(dossier, str):
            dossier = self._dossiers.get(dossier)
        settings = self._settings.load()
        procedure = self._catalog.get(dossier.procedure_code)
        return render_receipt(
            dossier,
            procedure,
            settings.unit_info(),
            paper=paper or settings.paper_size,
        )

    def supplement_guidance_pdf(
        self, guidance: SupplementGuidance, *, paper: PaperSize | None = None
    ) -> bytes:
        from hcc_desktop.printing import render_supplement_guidance

        settings = self._settings.load()
        return render_supplement_guidance(
            guidance, settings.unit_info(), paper=paper or settings.paper_size
        )

    @staticmethod
    def save(data: bytes, path: Path) -> Path:
        """Write atomically so a half-written file never replaces a good one."""
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            raise PrintError("save_failed", path=str(path), detail=exc.strerror) from exc
        return path
