"""Procedure catalog: lookup, search, and JSON import/export (all-or-nothing)."""

from __future__ import annotations

import builtins
import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import ComponentSpec, Fee, Procedure
from hcc_desktop.core.errors import CatalogError, CatalogIssue, NotFound
from hcc_desktop.core.messages import os_reason
from hcc_desktop.core.paths import resource
from hcc_desktop.core.text import fold, nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import ComponentRow, ProcedureRow
from hcc_desktop.services.session import OfficerSession, guarded

FORMAT = "hcc-catalog"
FORMAT_VERSION = 1
SEED_CATALOG = resource("catalog", "seed_catalog.json")


# -- conversions ----------------------------------------------------------------


# A checklist line has the same fields in the store and in the domain.
_COMPONENT_FIELDS = tuple(f.name for f in dataclasses.fields(ComponentSpec))


def _to_domain(row: ProcedureRow) -> Procedure:
    return Procedure(
        code=row.code,
        name=row.name,
        short_name=row.short_name,
        field=row.field,
        processing_days=row.processing_days,
        processing_days_alt=row.processing_days_alt,
        processing_alt_note=row.processing_alt_note,
        fees=tuple(Fee(**f) for f in json.loads(row.fees_json)),
        fee_note=row.fee_note,
        result=row.result,
        legal_basis=row.legal_basis,
        online_level=row.online_level,
        active=row.active,
        bears_fee=row.bears_fee,
        components=tuple(
            ComponentSpec(**{f: getattr(c, f) for f in _COMPONENT_FIELDS}) for c in row.components
        ),
    )


def _fee_json(f: Fee) -> dict[str, Any]:
    data: dict[str, Any] = {"name": f.name, "amount": f.amount, "unit": f.unit, "note": f.note}
    if f.first_units:
        data["first_units"] = f.first_units
    if f.max_total:
        data["max_total"] = f.max_total
    return data


def procedure_to_json(p: Procedure) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "short_name": p.short_name,
        "field": p.field,
        "processing_days": p.processing_days,
        "processing_days_alt": p.processing_days_alt,
        "processing_alt_note": p.processing_alt_note,
        "fees": [_fee_json(f) for f in p.fees],
        "fee_note": p.fee_note,
        "result": p.result,
        "legal_basis": p.legal_basis,
        "online_level": p.online_level,
        "bears_fee": p.bears_fee,
        "components": [
            {
                "id": c.id,
                "name": c.name,
                "originals": c.originals,
                "certified": c.certified,
                "copies": c.copies,
                "required": c.required,
                "condition": c.condition,
                "reusable": c.reusable,
            }
            for c in p.components
        ],
    }


def _write_row(session: Session, p: Procedure, existing: ProcedureRow | None) -> None:
    now = datetime.now(UTC)
    row = existing or ProcedureRow(code=p.code, version=0)
    row.name = p.name
    row.short_name = p.short_name
    row.field = p.field
    row.processing_days = p.processing_days
    row.processing_days_alt = p.processing_days_alt
    row.processing_alt_note = p.processing_alt_note
    row.fees_json = json.dumps(
        [_fee_json(f) for f in p.fees],
        ensure_ascii=False,
    )
    row.fee_note = p.fee_note
    row.result = p.result
    row.legal_basis = p.legal_basis
    row.online_level = p.online_level
    row.bears_fee = bool(p.bears_fee)
    row.active = True
    row.search_key = f"{fold(p.code)} {fold(p.name)} {fold(p.field)}"
    row.updated_at = now
    row.version = (row.version or 0) + 1
    if existing is not None:
        row.components.clear()
        session.flush()
    row.components.extend(
        ComponentRow(**{f: getattr(c, f) for f in _COMPONENT_FIELDS}) for c in p.components
    )
    if existing is None:
        session.add(row)


_COMPARED = (
    "name",
    "short_name",
    "field",
    "processing_days",
    "processing_days_alt",
    "processing_alt_note",
    "fees",
    "fee_note",
    "result",
    "legal_basis",
    "online_level",
    "bears_fee",
    "components",
)


def _diff(old: Procedure, new: Procedure) -> list[str]:
    changed = [f for f in _COMPARED if getattr(old, f) != getattr(new, f)]
    if not old.active:
        changed.insert(0, "active")
    return changed


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...] = ()
    updated: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code -> changed fields
    unchanged: tuple[str, ...] = ()
    deactivated: tuple[str, ...] = ()

    @property
    def changes(self) -> Changes:
        """The catalog changed unless every procedure was unchanged."""
        return Changes(catalog=bool(self.added or self.updated or self.deactivated))

    def to_json(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "updated": {k: list(v) for k, v in self.updated.items()},
            "unchanged": list(self.unchanged),
            "deactivated": list(self.deactivated),
        }


def parse_catalog(raw: bytes | str) -> list[Procedure]:
    """Validate a catalog file; raise CatalogError listing every problem found."""
    # pydantic is loaded only when a catalog file is read, not at start-up.
    from hcc_desktop.core.formats.catalog_file import parse_catalog_file

    return parse_catalog_file(raw)


def search_procedures(
    procedures: Sequence[Procedure], text: str, *, limit: int = 50
) -> list[Procedure]:
    """The ``procedures`` whose code, name or field contain every typed word, with or
    without diacritics; code prefix matches rank first. Pure: the intake window
    searches the catalog it read once, as the officer types, without the store."""
    words = fold(text).split()
    if not words:
        return list(procedures[:limit])
    phrase = " ".join(words)
    typed = text.strip()
    hits = []
    for p in procedures:
        name = fold(p.name)
        key = f"{fold(p.code)} {name} {fold(p.field)}"
        if all(w in key for w in words):
            # Code prefix first, then names holding the typed phrase, shorter
            # (more specific) names before longer ones.
            rank = (0 if p.code.startswith(typed) else 1, 0 if phrase in name else 1, len(name))
            hits.append((rank, p))
    hits.sort(key=lambda h: h[0])
    return [h[1] for h in hits[:limit]]


class CatalogService:
    def __init__(self, db: Database, *, session: OfficerSession | None = None) -> None:
        self._db = db
        # Importing and exporting the catalog is the administrator's (core/permissions);
        # reading it is everyone's, and the sync's pull replaces it through load_into.
        self._session = session
        self._cache: dict[str, Procedure] | None = None

    def _all(self) -> dict[str, Procedure]:
        if self._cache is None:
            with self._db.read() as s:
                rows = s.scalars(
                    select(ProcedureRow)
                    .options(selectinload(ProcedureRow.components))
                    .order_by(ProcedureRow.code)
                )
                self._cache = {r.code: _to_domain(r) for r in rows}
        return self._cache

    def list(self, *, include_inactive: bool = False) -> builtins.list[Procedure]:
        """The procedures of the catalog (the active ones unless ``include_inactive``)."""
        return [p for p in self._all().values() if include_inactive or p.active]

    def get(self, code: str) -> Procedure:
        """The procedure with ``code`` (NotFound ``procedure_not_found`` otherwise)."""
        try:
            return self._all()[nfc(code)]
        except KeyError:
            raise NotFound("procedure_not_found", code=code) from None

    def search(self, text: str, *, limit: int = 50) -> builtins.list[Procedure]:
        """Procedures whose code, name or field contain every typed word,
        with or without diacritics; code prefix matches rank first."""
        return search_procedures(self.list(), text, limit=limit)

    def load_into(
        self, session: Session, procedures: builtins.list[Procedure], *, replace: bool
    ) -> ImportReport:
        """Write ``procedures`` into the catalog within ``session`` (``replace``: stop using
        those not listed) and report what was added, updated, unchanged or deactivated."""
        existing = {
            r.code: r
            for r in session.scalars(
                select(ProcedureRow).options(selectinload(ProcedureRow.components))
            )
        }
        added: list[str] = []
        updated: dict[str, tuple[str, ...]] = {}
        unchanged: list[str] = []
        for p in procedures:
            row = existing.get(p.code)
            if row is None:
                _write_row(session, p, None)
                added.append(p.code)
                continue
            changed = _diff(_to_domain(row), p)
            if changed:
                _write_row(session, p, row)
                updated[p.code] = tuple(changed)
            else:
                unchanged.append(p.code)
        deactivated: list[str] = []
        if replace:
            incoming = {p.code for p in procedures}
            for code, row in existing.items():
                if code not in incoming and row.active:
                    row.active = False
                    row.version += 1
                    row.updated_at = datetime.now(UTC)
                    deactivated.append(code)
        self._cache = None
        return ImportReport(tuple(added), updated, tuple(unchanged), tuple(deactivated))

    @guarded("catalog.import_bytes")
    def import_bytes(self, raw: bytes | str, *, replace: bool = False) -> ImportReport:
        """Validate the whole file, then apply it in one transaction.

        With ``replace`` the file is the complete catalog: procedures it does not
        list are deactivated (never deleted: dossiers refer to them).
        """
        procedures = parse_catalog(raw)
        with self._db.write() as s:
            report = self.load_into(s, procedures, replace=replace)
        self._cache = None
        return report

    @guarded("catalog.import_file")
    def import_file(self, path: Path, *, replace: bool = False) -> ImportReport:
        """Import a catalog file (the ``catalog export`` format); CatalogError lists every fault."""
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise CatalogError(
                [CatalogIssue("unreadable", params={"path": str(path), "reason": os_reason(exc)})]
            ) from exc
        return self.import_bytes(raw, replace=replace)

    @guarded("catalog.export_json")
    def export_json(self) -> dict[str, Any]:
        """The catalog as the catalog file's JSON document."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "published_by": "HCC Desktop",
            "published_at": datetime.now(UTC).date().isoformat(),
            "procedures": [procedure_to_json(p) for p in self.list()],
        }

    @guarded("catalog.export_file")
    def export_file(self, path: Path) -> int:
        """Write the catalog file to ``path`` (never half-written); returns how many procedures."""
        data = self.export_json()
        path = Path(path)
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
            tmp.replace(path)  # never leave a half-written catalog behind
        except OSError as exc:
            raise CatalogError(
                [CatalogIssue("unwritable", params={"path": str(path), "reason": os_reason(exc)})]
            ) from exc
        return len(data["procedures"])
