"""The print preview over a real receipt PDF: display, zoom, print, save."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.common.preview import PdfPreviewDialog, safe_file_name


@pytest.fixture
def receipt(services: Services, accept_dossier: Callable[..., Dossier]) -> tuple[Dossier, bytes]:
    dossier = accept_dossier()
    return dossier, services.printing.receipt_pdf(dossier.id)


@pytest.fixture
def preview(qtbot: QtBot, receipt: tuple[Dossier, bytes]) -> PdfPreviewDialog:
    dossier, pdf = receipt
    d = PdfPreviewDialog(pdf, title=f"Giấy tiếp nhận {dossier.code}", file_name=dossier.code)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_opens_the_receipt(preview: PdfPreviewDialog, receipt: tuple[Dossier, bytes]) -> None:
    dossier, _pdf = receipt
    assert preview.document().status() == QPdfDocument.Status.Ready
    assert preview.page_count() >= 1
    assert preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert preview.copies == 2
    assert preview.print_button.isEnabled()
    assert preview.suggested_file_name == f"{dossier.code}.pdf"
    assert preview.pages_label.text() == f"{preview.page_count()} page(s)"


def test_zoom_in_out_and_back_to_fit(preview: PdfPreviewDialog) -> None:
    preview.zoom_in()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = preview.view.zoomFactor()
    preview.zoom_out()
    assert preview.view.zoomFactor() < bigger
    preview.fit_width()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_save_pdf_writes_the_file(
    qtbot: QtBot,
    preview: PdfPreviewDialog,
    receipt: tuple[Dossier, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dossier, pdf = receipt
    asked: list[str] = []

    def choose(parent: object, caption: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "out" / "giay-tiep-nhan"), filters

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    with qtbot.waitSignal(preview.saved) as signal:
        path = preview.save_pdf()
    assert asked == [f"{dossier.code}.pdf"]
    assert path == tmp_path / "out" / "giay-tiep-nhan.pdf"
    assert signal.args == [str(path)]
    assert path.read_bytes() == pdf
    assert not list((tmp_path / "out").glob("*.part"))

    # The next save starts in the folder used last time.
    preview.save_pdf()
    assert asked[-1] == str(tmp_path / "out" / f"{dossier.code}.pdf")


def test_save_cancelled_writes_nothing(
    preview: PdfPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert preview.save_pdf() is None


def test_print_honours_the_copy_count(preview: PdfPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setCopyCount(2)
    printer.setFullPage(True)

    sent = preview.print_to(printer)

    pages = preview.page_count()
    assert sent == 2 * pages
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(reader.pages) == 2 * pages
    # A4 portrait, the slip drawn at its true size with ink on the page.
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    with pymupdf.open(target) as doc:
        pixmap = doc[0].get_pixmap(dpi=40, colorspace=pymupdf.csGRAY)
        dark = sum(1 for value in pixmap.samples if value < 128)
    assert dark > 500


def test_unreadable_bytes_disable_printing(qtbot: QtBot) -> None:
    d = PdfPreviewDialog(b"not a pdf", title="Hỏng")
    qtbot.addWidget(d)
    assert d.page_count() == 0
    assert not d.print_button.isEnabled()
    assert d.pages_label.text() == "The document cannot be displayed"


def test_file_names_are_made_safe() -> None:
    assert safe_file_name("000.17.22.H56-251123-0001.pdf") == "000.17.22.H56-251123-0001.pdf"
    assert safe_file_name("Giấy tiếp nhận: a/b*?.pdf") == "Giấy tiếp nhận- a-b-.pdf"
