"""Scans per component, stored content-addressed and durably; reuse by identity number."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from hcc_desktop.core.periods import Period
from hcc_desktop.db.models import DossierComponentRow, DossierRow, OutboxRow
from hcc_desktop.services import Services
from hcc_desktop.services.attachments import (
    MAX_PDF_BYTES,
    AttachmentError,
    PageSource,
)
from hcc_desktop.services.attachments.pages import build_pdf
from tests.conftest import birth_draft
from tests.scan_pages import photo_page, text_page, write_pages

NOV = Period(date(2026, 11, 1), date(2026, 11, 30))


def _component(services: Services, dossier_id: str, component_id: str) -> DossierComponentRow:
    with services.db.read() as s:
        row = s.scalars(
            select(DossierComponentRow).where(
                DossierComponentRow.dossier_id == dossier_id,
                DossierComponentRow.component_id == component_id,
            )
        ).one()
        s.expunge(row)
        return row


def test_pages_become_one_pdf_stored_by_hash_and_the_component_is_digitised(
    services: Services, tmp_path: Path
) -> None:
    d = services.intake.accept(birth_draft())
    with services.db.write() as s:  # the outbox is empty before the attach
        s.query(OutboxRow).delete()
    pages = write_pages(tmp_path / "scan", 2)
    info = services.attachments.attach(dossier=d.code, component="1.001193-02", sources=pages)

    assert (info.component_id, info.pages, info.kind) == ("1.001193-02", 2, "scan")
    stored = services.attachments.files.path(info.sha256)
    assert stored.parent.parent.parent == services.db.path.parent / "attachments"
    assert stored.parent.name == info.sha256[2:4]
    assert stored.parent.parent.name == info.sha256[:2]
    # Sealed on disk (issue 12): the file is not the PDF; read() gives the plaintext,
    # which is what the name (its SHA-256) is of.
    sealed = stored.read_bytes()
    assert sealed.startswith(b"HCCSEAL1")
    assert b"%PDF" not in sealed
    assert services.attachments.files.verify(info.sha256)
    data = services.attachments.read(info.sha256)
    assert hashlib.sha256(data).hexdigest() == info.sha256
    assert len(data) == info.size
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    assert _component(services, d.id, "1.001193-02").digitised is True
    assert _component(services, d.id, "1.001193-01").digitised is False
    with services.db.read() as s:
        assert s.scalars(select(OutboxRow.entity_id)).all() == [d.id]
    # Never inside the SQLite file.
    assert data[:200] not in services.db.path.read_bytes()
    listed = services.attachments.of_dossier(d.code)
    assert [(a.component_id, a.sha256, a.pages, a.present) for a in listed] == [
        ("1.001193-02", info.sha256, 2, True)
    ]


def test_more_pages_go_after_the_earlier_ones_in_the_same_pdf(
    services: Services, tmp_path: Path
) -> None:
    d = services.intake.accept(birth_draft())
    first = services.attachments.attach(
        dossier=d.code, component="2", sources=write_pages(tmp_path / "a", 1)
    )
    second = services.attachments.attach(
        dossier=d.code, component="2", sources=[PageSource("p.jpg", photo_page())]
    )
    assert second.pages == 2
    assert second.sha256 != first.sha256
    assert [a.sha256 for a in services.attachments.of_dossier(d.code)] == [second.sha256]


def test_a_thirty_page_text_scan_stays_within_the_cap_and_each_page_is_small() -> None:
    page = PageSource("page.png", text_page(300))
    built = build_pdf([page] * 30)
    assert built.pages == 30
    assert len(built.data) <= MAX_PDF_BYTES
    assert len(built.data) / 30 <= 150 * 1024
    reader = PdfReader(io.BytesIO(built.data))
    image = reader.pages[0]["/Resources"]["/XObject"]
    xobject = next(iter(image.values())).get_object()
    assert "/CCITTFaxDecode" in str(xobject["/Filter"])  # bitonal
    # ~200 dpi on an A4 page.
    assert 1550 <= int(xobject["/Width"]) <= 1750


def test_a_photograph_is_kept_in_grayscale() -> None:
    built = build_pdf([PageSource("photo.jpg", photo_page())])
    xobject = next(
        iter(PdfReader(io.BytesIO(built.data)).pages[0]["/Resources"]["/XObject"].values())
    )
    assert "/DCTDecode" in str(xobject.get_object()["/Filter"])
    assert xobject.get_object()["/ColorSpace"] == "/DeviceGray"


def test_past_the_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from hcc_desktop.services.attachments import pages

    monkeypatch.setattr(pages, "MAX_PDF_BYTES", 10_000)
    with pytest.raises(AttachmentError) as caught:
        build_pdf([PageSource("p.png", text_page())] * 3)
    assert caught.value.code == "attachment_too_large"
    assert caught.value.params["limit"] == 10_000


def test_a_corrupt_image_is_refused_and_nothing_is_attached(
    services: Services, tmp_path: Path
) -> None:
    d = services.intake.accept(birth_draft())
    good = write_pages(tmp_path / "scan", 1)[0]
    bad = tmp_path / "scan" / "hỏng.jpg"
    bad.write_bytes(text_page(200, "JPEG")[:5000])  # cut short
    with pytest.raises(AttachmentError) as caught:
        services.attachments.attach(dossier=d.code, component="1.001193-02", sources=[good, bad])
    assert caught.value.code == "attachment_corrupt_file"
    assert caught.value.params["name"] == "hỏng.jpg"
    assert services.attachments.of_dossier(d.code) == []
    assert _component(services, d.id, "1.001193-02").digitised is False
    root = services.attachments.files.root
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))


def test_a_file_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as caught:
        build_pdf([PageSource("notes.txt", b"just text")])
    assert caught.value.code == "attachment_corrupt_file"
    with pytest.raises(AttachmentError):
        build_pdf([PageSource("broken.pdf", b"%PDF-1.7\n garbage")])


def test_a_pdf_file_is_kept_and_its_pages_counted(services: Services, tmp_path: Path) -> None:
    pdf = build_pdf([PageSource("p.png", text_page())] * 3).data
    mixed = build_pdf([PageSource("a.pdf", pdf), PageSource("b.png", text_page())])
    assert mixed.pages == 4
    assert len(PdfReader(io.BytesIO(mixed.data)).pages) == 4


def test_the_same_bytes_are_stored_once(services: Services, tmp_path: Path) -> None:
    store = services.attachments.files
    a = store.put(b"%PDF same bytes")
    b = store.put(b"%PDF same bytes")
    assert a == b
    assert [p for p in store.root.rglob("*") if p.is_file()] == [store.path(a)]
    with pytest.raises(AttachmentError):
        store.put_chunks([b"other"], expected=a)
    assert [p for p in store.root.rglob("*") if p.is_file()] == [store.path(a)]


def test_a_second_dossier_of_the_same_citizen_is_offered_and_reuses_the_first_ones_documents(
    services: Services, tmp_path: Path
) -> None:
    first = services.intake.accept(birth_draft())
    scan = services.attachments.attach(
        dossier=first.code, component="1.001193-02", sources=write_pages(tmp_path / "s", 1)
    )
    held = services.attachments.documents("079203001234")
    assert [(h.sha256, h.dossier_code, h.component_id) for h in held] == [
        (scan.sha256, first.code, "1.001193-02")
    ]
    assert services.attachments.documents("001099000001") == []

    offers = services.attachments.reuse_offers(procedure_code="1.001193", id_number="079203001234")
    assert [(o.component_id, [m.sha256 for m in o.matching]) for o in offers] == [
        ("1.001193-02", [scan.sha256])
    ]
    second = services.intake.accept(birth_draft())
    before = services.reports.periodic(NOV).rates["reused"]
    reused = services.attachments.reuse(
        dossier=second.code, component="1.001193-02", sha256=scan.sha256
    )
    assert (reused.kind, reused.sha256, reused.present) == ("reused", scan.sha256, True)
    comp = _component(services, second.id, "1.001193-02")
    assert comp.reused_digital is True
    assert comp.digitised is True
    after = services.reports.periodic(NOV).rates["reused"]
    assert after.num == before.num + 1
    # Another citizen's document cannot be taken.
    other = services.intake.accept(birth_draft())
    with services.db.write() as s:
        row = s.scalars(select(DossierRow).where(DossierRow.id == other.id)).one()
        row.owner_id_number = "001099000001"
    with pytest.raises(AttachmentError) as caught:
        services.attachments.reuse(dossier=other.code, component="2", sha256=scan.sha256)
    assert caught.value.code == "attachment_not_held"


def test_a_result_attached_as_a_file_marks_the_dossier_e_result_and_is_held(
    services: Services, tmp_path: Path
) -> None:
    d = services.intake.accept(birth_draft())
    info = services.attachments.attach_result(
        dossier=d.code, sources=write_pages(tmp_path / "r", 1), name="Giấy khai sinh"
    )
    assert (info.kind, info.component_id, info.component_name) == ("result", "", "Giấy khai sinh")
    with services.db.read() as s:
        assert s.scalars(select(DossierRow.e_result).where(DossierRow.id == d.id)).one() is True
    assert [h.kind for h in services.attachments.documents("079203001234")] == ["result"]
