"""Export of the dossier tracking book (Mẫu 07) to PDF and .xlsx."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.worklists.book import BookDialog
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
WAIT = 20_000


@pytest.fixture
def book(qtbot: QtBot, services: Services, runner: TaskRunner) -> BookDialog:
    dialog = BookDialog(services, runner)
    show_active(qtbot, dialog)
    return dialog


def test_defaults_to_this_month(book: BookDialog) -> None:
    start, end = book.period()
    today = local_today()
    assert (start, end) == (today.replace(day=1), today)
    assert book.format() == "pdf"
    assert book.start.hasFocus()
    book.last_month()
    start, end = book.period()
    assert end == today.replace(day=1) - timedelta(days=1)
    assert start == end.replace(day=1)


def test_writes_a_pdf_and_previews_it(
    qtbot: QtBot, book: BookDialog, accept_dossier: AcceptDossier, tmp_path: Path
) -> None:
    dossier = accept_dossier()
    book.today()
    target = tmp_path / "so-theo-doi.pdf"
    with qtbot.waitSignal(book.exported, timeout=WAIT) as done:
        book.export_to(target, "pdf")
    assert done.args == [str(target)]
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    text = " ".join(unicodedata.normalize("NFC", text).split())
    assert dossier.code in text.replace(" ", "") or dossier.code in text
    assert "Nguyễn Văn An" in text
    preview = book.last_preview()
    assert preview is not None
    assert preview.page_count() >= 1
    assert str(target) in book.saved_message.text()
    preview.close()


def test_writes_an_xlsx_workbook(
    qtbot: QtBot, book: BookDialog, accept_dossier: AcceptDossier, tmp_path: Path
) -> None:
    dossier = accept_dossier()
    target = tmp_path / "so-theo-doi.xlsx"
    with qtbot.waitSignal(book.exported, timeout=WAIT):
        book.export_to(target, "xlsx")
    workbook = openpyxl.load_workbook(target)
    cells = [
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert dossier.code in cells
    assert "Nguyễn Văn An" in cells
    assert book.last_preview() is None  # only a PDF is previewed


def test_the_save_dialog_is_asked_and_the_suffix_added(
    qtbot: QtBot,
    book: BookDialog,
    accept_dossier: AcceptDossier,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    accept_dossier()
    asked: list[str] = []

    def fake_save(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "book"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    book.set_format("xlsx")
    with qtbot.waitSignal(book.exported, timeout=WAIT):
        book.export()
    assert asked[0].endswith(".xlsx")
    assert asked[0].startswith("So-theo-doi-ho-so_")
    assert (tmp_path / "book.xlsx").exists()


def test_an_end_before_the_start_is_shown_at_the_end_date(
    qtbot: QtBot, book: BookDialog, tmp_path: Path
) -> None:
    today = local_today()
    book.set_period(today, today - timedelta(days=3))
    book.export_to(tmp_path / "x.pdf", "pdf")
    qtbot.waitUntil(lambda: bool(book.period_error()), timeout=WAIT)
    assert book.period_error() == "The end date is before the start date"
    assert book.end.property("error") is True
    assert not (tmp_path / "x.pdf").exists()
