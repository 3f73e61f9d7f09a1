"""Scans per component, documents held for reuse, and results as files.

One call attaches one component's pages: they become one PDF (``pages``),
stored content-addressed on disk (``files``) *before* the transaction that
records it and marks the component digitised. Documents already digitised
for a citizen are found by identity number for reuse in a later dossier.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desktop.core.errors import NotFound
from hcc_desktop.core.text import fold, nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import (
    AttachmentRow,
    ComponentRow,
    DossierComponentRow,
    DossierRow,
)
from hcc_desktop.services.attachments.files import AttachmentError, FileStore
from hcc_desktop.services.attachments.pages import (
    MAX_PDF_BYTES,
    BuiltPdf,
    PageSource,
    build_pdf,
    too_large,
)
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

KINDS = ("scan", "reused", "result")


def attachments_root(db_path: Path) -> Path:
    """Files sit next to the database: ``<folder>/attachments`` for ``hcc.db``
    (so ``data_dir()/attachments`` for the default database), and
    ``<folder>/<name>-attachments`` for a database of another name, so two
    databases in one folder never share their files."""
    path = Path(db_path).resolve()
    name = "attachments" if path.stem == "hcc" else f"{path.stem}-attachments"
    return path.parent / name


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    dossier_id: str
    dossier_code: str
    kind: str
    # The catalog component's id when the paper comes from the catalog, else
    # the dossier component row's id; "" for a result.
    component_id: str
    component_name: str
    sha256: str
    size: int
    pages: int
    created_at: datetime
    present: bool
    uploaded: bool

    def to_json(self) -> dict[str, object]:
        return {
            "component_id": self.component_id,
            "component_name": self.component_name,
            "kind": self.kind,
            "sha256": self.sha256,
            "size": self.size,
            "pages": self.pages,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "present": self.present,
            "uploaded": self.uploaded,
        }


@dataclass(frozen=True)
class HeldDocument:
    """A document digitised for a citizen, usable again (by identity number)."""

    sha256: str
    name: str
    kind: str  # scan | result
    component_id: str
    dossier_code: str
    procedure_name: str
    size: int
    pages: int
    created_at: datetime
    present: bool

    def to_json(self) -> dict[str, object]:
        return {
            "sha256": self.sha256,
            "name": self.name,
            "kind": self.kind,
            "component_id": self.component_id,
            "dossier_code": self.dossier_code,
            "procedure_name": self.procedure_name,
            "size": self.size,
            "pages": self.pages,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "present": self.present,
        }


@dataclass(frozen=True)
class ReuseOffer:
    """A reusable paper of a procedure and the held documents that may meet it
    (``matching`` first: the same catalog paper or the same name)."""

    component_id: str
    component_name: str
    matching: tuple[HeldDocument, ...]
    others: tuple[HeldDocument, ...]


class AttachmentService:
    """Attach, list, reuse and read the files of dossiers."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        root: Path | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self.db = db
        self._settings = settings
        self.files = FileStore(
            root or attachments_root(db.path), key=db.derived_key(b"hcc-attachments-v1")
        )
        self._clock = clock

    # -- attaching ------------------------------------------------------------------------

    def build(self, sources: Sequence[PageSource | Path | str], *, mode: str = "auto") -> BuiltPdf:
        """The PDF that attaching ``sources`` would store (for a preview)."""
        return build_pdf([_source(x) for x in sources], mode=mode)

    def attach(
        self,
        *,
        dossier: str,
        component: str,
        sources: Sequence[PageSource | Path | str],
        mode: str = "auto",
    ) -> AttachmentInfo:
        """Add pages to a component's scan (one PDF per component: the pages go
        after those already scanned) and mark the component digitised.

        Raises :class:`AttachmentError` (corrupt file, over the size cap) with
        nothing attached, :class:`NotFound` for an unknown dossier/component.
        """
        with self._db.read() as s:
            row = _dossier(s, dossier)
            comp = _component(s, row, component)
            previous = _scan_of(s, comp.id)
            earlier = previous.sha256 if previous else None
        built = self.build(sources, mode=mode)
        if earlier is not None:
            built = _merge(self.files.read(earlier), built)
        sha = self.files.put(built.data)  # durable before any row names it
        with self._db.write() as s:
            row = _dossier(s, dossier)
            comp = _component(s, row, component)
            old = _scan_of(s, comp.id)
            if old is not None:
                s.delete(old)
            attachment = self._add(s, row, comp.id, "scan", comp.name, sha, built)
            comp.digitised = True
            self._touch(s, row)
            s.flush()
            return _info(s, attachment, self.files)

    def attach_result(
        self, *, dossier: str, sources: Sequence[PageSource | Path | str], name: str = ""
    ) -> AttachmentInfo:
        """The result as a file (scanned, or received electronically): the
        dossier counts as an electronic result and the citizen holds it for reuse."""
        built = self.build(sources)
        sha = self.files.put(built.data)
        with self._db.write() as s:
            row = _dossier(s, dossier)
            attachment = self._add(
                s, row, None, "result", nfc(name) or row.procedure_name, sha, built
            )
            row.e_result = True
            self._touch(s, row)
            s.flush()
            return _info(s, attachment, self.files)

    def reuse(self, *, dossier: str, component: str, sha256: str) -> AttachmentInfo:
        """Meet a component with a document already held for the same citizen:
        the component counts ``reused_digital`` (and digitised)."""
        with self._db.write() as s:
            row = _dossier(s, dossier)
            comp = _component(s, row, component)
            held = s.scalars(
                select(AttachmentRow)
                .where(
                    AttachmentRow.owner_id_number == row.owner_id_number,
                    AttachmentRow.sha256 == sha256,
                    AttachmentRow.dossier_id != row.id,
                )
                .limit(1)
            ).first()
            if held is None:
                raise AttachmentError("attachment_not_held", sha256=sha256)
            old = _scan_of(s, comp.id)
            if old is not None:
                s.delete(old)
            built = BuiltPdf(b"", held.pages)
            attachment = self._add(s, row, comp.id, "reused", comp.name, sha256, built, held.size)
            comp.reused_digital = True
            comp.digitised = True
            self._touch(s, row)
            s.flush()
            return _info(s, attachment, self.files)

    def _add(
        self,
        s: Session,
        row: DossierRow,
        component_row_id: str | None,
        kind: str,
        name: str,
        sha: str,
        built: BuiltPdf,
        size: int | None = None,
    ) -> AttachmentRow:
        attachment = AttachmentRow(
            id=str(uuid.uuid4()),
            dossier_id=row.id,
            component_row_id=component_row_id,
            kind=kind,
            name=name,
            owner_id_number=row.owner_id_number,
            sha256=sha,
            size=len(built.data) if size is None else size,
            pages=built.pages,
            device_id=self._settings.load().device_id,
            created_at=self._clock(),
        )
        s.add(attachment)
        return attachment

    @staticmethod
    def _touch(s: Session, row: DossierRow) -> None:
        row.version += 1
        row.updated_at = datetime.now(UTC)
        enqueue(s, "dossier", row.id)

    # -- reading --------------------------------------------------------------------------

    def of_dossier(self, dossier: str) -> list[AttachmentInfo]:
        """The dossier's files, components in checklist order, the result last."""
        with self._db.read() as s:
            row = _dossier(s, dossier)
            rows = s.scalars(
                select(AttachmentRow)
                .where(AttachmentRow.dossier_id == row.id)
                .order_by(AttachmentRow.created_at)
            ).all()
            positions = {c.id: c.position for c in row.components}
            infos = [_info(s, a, self.files) for a in rows]
            order = {a.id: positions.get(a.component_row_id or "", 10**6) for a in rows}
            return sorted(infos, key=lambda i: order[i.id])

    def read(self, sha256: str) -> bytes:
        """The bytes of the stored file ``sha256``."""
        return self.files.read(sha256)

    def documents(self, id_number: str) -> list[HeldDocument]:
        """What is held for the citizen with ``id_number``: scans and results of
        their dossiers (each file once, newest first)."""
        key = nfc(id_number).strip()
        with self._db.read() as s:
            rows = s.execute(
                select(AttachmentRow, DossierRow.code, DossierRow.procedure_name)
                .join(DossierRow, DossierRow.id == AttachmentRow.dossier_id)
                .where(AttachmentRow.owner_id_number == key)
                .order_by(AttachmentRow.created_at.desc())
            ).all()
            seen: set[str] = set()
            held: list[HeldDocument] = []
            for a, code, procedure_name in rows:
                if a.sha256 in seen:
                    continue
                seen.add(a.sha256)
                held.append(
                    HeldDocument(
                        sha256=a.sha256,
                        name=a.name,
                        kind="result" if a.kind == "result" else "scan",
                        component_id=_catalog_id(s, a.component_row_id),
                        dossier_code=code,
                        procedure_name=procedure_name,
                        size=a.size,
                        pages=a.pages,
                        created_at=a.created_at,
                        present=self.files.has(a.sha256),
                    )
                )
            return held

    def reuse_offers(self, *, procedure_code: str, id_number: str) -> list[ReuseOffer]:
        """For each reusable paper of the procedure, the documents held for the
        citizen that may meet it; empty when nothing is held."""
        held = self.documents(id_number)
        if not held:
            return []
        with self._db.read() as s:
            components = s.scalars(
                select(ComponentRow)
                .where(ComponentRow.procedure_code == procedure_code, ComponentRow.reusable)
                .order_by(ComponentRow.position)
            ).all()
            offers = []
            for c in components:
                same = [d for d in held if d.component_id == c.id or fold(d.name) == fold(c.name)]
                rest = [d for d in held if d not in same]
                offers.append(ReuseOffer(c.id, c.name, tuple(same), tuple(rest)))
            return offers

    # -- sync support ---------------------------------------------------------------------

    def pending_uploads(self) -> list[AttachmentRow]:
        """Attachments made here whose file or record is not on the server yet."""
        with self._db.read() as s:
            rows = s.scalars(
                select(AttachmentRow)
                .where(AttachmentRow.uploaded_at.is_(None))
                .order_by(AttachmentRow.created_at)
            ).all()
            for r in rows:
                s.expunge(r)
            return list(rows)

    def mark_uploaded(self, attachment_ids: Sequence[str]) -> None:
        """Record that the server now holds these attachments (the sync sent them)."""
        now = datetime.now(UTC)
        with self._db.write() as s:
            for a in s.scalars(select(AttachmentRow).where(AttachmentRow.id.in_(attachment_ids))):
                a.uploaded_at = now

    def record_remote(self, records: Sequence[dict[str, object]]) -> int:
        """Keep the records of attachments made on the unit's other devices
        (their files are fetched when needed); returns how many were new."""
        new = 0
        with self._db.write() as s:
            for r in records:
                if s.get(AttachmentRow, str(r["id"])) is not None:
                    continue
                s.add(
                    AttachmentRow(
                        id=str(r["id"]),
                        dossier_id=str(r["dossier_id"]),
                        component_row_id=(str(r["component_row_id"]) or None)
                        if r.get("component_row_id")
                        else None,
                        kind=str(r["kind"]),
                        name=str(r.get("name", "")),
                        owner_id_number=str(r["owner_id_number"]),
                        sha256=str(r["sha256"]),
                        size=int(str(r["size"])),
                        pages=int(str(r["pages"])),
                        device_id=str(r["device_id"]),
                        created_at=datetime.fromisoformat(str(r["created_at"])),
                        uploaded_at=datetime.now(UTC),
                    )
                )
                new += 1
        return new

    def store_fetched(self, sha256: str, chunks: Sequence[bytes] | object) -> None:
        """Keep a file fetched from the server, refusing bytes that do not hash to its name."""
        self.files.put_chunks(chunks, expected=sha256)  # type: ignore[arg-type]


def record_json(a: AttachmentRow) -> dict[str, object]:
    """An attachment's record as sent to the server (never the bytes)."""
    return {
        "id": a.id,
        "dossier_id": a.dossier_id,
        "component_row_id": a.component_row_id or "",
        "kind": a.kind,
        "name": a.name,
        "owner_id_number": a.owner_id_number,
        "sha256": a.sha256,
        "size": a.size,
        "pages": a.pages,
        "device_id": a.device_id,
        "created_at": a.created_at.isoformat(),
    }


def _source(x: PageSource | Path | str) -> PageSource:
    return x if isinstance(x, PageSource) else PageSource.from_path(x)


def _merge(earlier: bytes, built: BuiltPdf) -> BuiltPdf:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(io.BytesIO(earlier))
    writer.append(io.BytesIO(built.data))
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    if len(data) > MAX_PDF_BYTES:
        raise too_large(len(data))
    return BuiltPdf(data, len(PdfReader(io.BytesIO(data)).pages))


def _dossier(s: Session, key: str) -> DossierRow:
    row = s.scalars(
        select(DossierRow).where((DossierRow.code == key) | (DossierRow.id == key))
    ).first()
    if row is None:
        raise NotFound("dossier_not_found", key=key)
    return row


def _component(s: Session, row: DossierRow, key: str) -> DossierComponentRow:
    """By catalog component id, dossier component id, or 1-based position."""
    for c in row.components:
        if key in (c.component_id, c.id):
            return c
    if key.isdigit() and 1 <= int(key) <= len(row.components):
        return row.components[int(key) - 1]
    raise NotFound("component_not_found", code=row.code, key=key)


def _scan_of(s: Session, component_row_id: str) -> AttachmentRow | None:
    return s.scalars(
        select(AttachmentRow).where(
            AttachmentRow.component_row_id == component_row_id,
            AttachmentRow.kind.in_(("scan", "reused")),
        )
    ).first()


def _catalog_id(s: Session, component_row_id: str | None) -> str:
    if not component_row_id:
        return ""
    comp = s.get(DossierComponentRow, component_row_id)
    if comp is None:
        return component_row_id
    return comp.component_id or comp.id


def _info(s: Session, a: AttachmentRow, files: FileStore) -> AttachmentInfo:
    code = s.scalar(select(DossierRow.code).where(DossierRow.id == a.dossier_id)) or ""
    return AttachmentInfo(
        id=a.id,
        dossier_id=a.dossier_id,
        dossier_code=code,
        kind=a.kind,
        component_id=_catalog_id(s, a.component_row_id),
        component_name=a.name,
        sha256=a.sha256,
        size=a.size,
        pages=a.pages,
        created_at=a.created_at,
        present=files.has(a.sha256),
        uploaded=a.uploaded_at is not None,
    )
