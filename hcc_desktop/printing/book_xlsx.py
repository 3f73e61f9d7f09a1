"""Mẫu 07, Sổ theo dõi hồ sơ, as an Excel workbook (.xlsx bytes).

openpyxl is imported on first use: it costs a noticeable part of a second and
only the book export needs it.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING

from hcc_desktop.core.errors import PrintError
from hcc_desktop.core.text import nfc
from hcc_desktop.printing.layout import header_lines
from hcc_desktop.printing.slips import (
    BOOK_COLUMNS,
    BOOK_TITLE,
    BookRow,
    TrackingBook,
    book_period_text,
)
from hcc_desktop.printing.wording import BOOK_DOC_TITLE

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET_TITLE = "Sổ theo dõi hồ sơ"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
HEADER_ROW = 4  # rows 1–3: title, unit, book number and period
# Column widths in characters, in the order of BOOK_COLUMNS.
_WIDTHS = (6, 27, 30, 10, 26, 42, 22, 17, 17, 17, 17, 22, 22, 24)
_INT_COLUMNS = frozenset({0, 3})
_DATE_COLUMNS = frozenset({7, 8, 9, 10})
_CENTRED = _INT_COLUMNS | _DATE_COLUMNS


def _text(value: str) -> str:
    """NFC per line, blank lines dropped: what the PDF prints, as cell text."""
    lines = (nfc(line) for line in value.splitlines())
    return "\n".join(line for line in lines if line)


def _values(number: int, row: BookRow) -> list[object]:
    place = _text(row.owner_address)
    phone = nfc(row.owner_phone)
    if phone:
        place = f"{place}\nĐT: {phone}" if place else f"ĐT: {phone}"
    return [
        number,
        nfc(row.code),
        _text(row.procedure_name),
        row.sets_count if row.sets_count > 0 else None,
        _text(row.owner_name),
        place,
        _text(row.handling_body),
        _excel_time(row.received_at),
        _excel_time(row.due_at),
        _excel_time(row.result_at),
        _excel_time(row.returned_at),
        _text(row.received_by),
        _text(row.collected_by),
        _text(row.note),
    ]


def _excel_time(value: datetime | None) -> datetime | None:
    # Excel has no time zones nor sub-second display; local wall-clock minutes are
    # what the book shows.
    if value is None:
        return None
    return value.replace(tzinfo=None, second=0, microsecond=0)


def write_tracking_book_xlsx(book: TrackingBook) -> bytes:
    """The tracking book as .xlsx bytes: the columns of the printed book.

    A title block (rows 1–3), a bold wrapped header (row 4) with an autofilter,
    panes frozen under it, times as real Excel datetimes shown dd/mm/yyyy hh:mm,
    and a print setup of A4 landscape, one page wide, header repeated.
    Raises :class:`PrintError` ``export_failed`` when the workbook cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    try:
        wb = Workbook()
        ws: Worksheet = wb.active
        ws.title = SHEET_TITLE
        wb.properties.title = BOOK_DOC_TITLE
        wb.properties.creator = "HCC Desktop"
        wb.properties.subject = book_period_text(book)

        last_col = get_column_letter(len(BOOK_COLUMNS))
        heads = (
            (BOOK_TITLE, Font(name="Times New Roman", size=14, bold=True)),
            # Parent body, then the center (one line in a sheet; never the same text twice).
            (
                " – ".join(line for line in header_lines(book.unit) if line),
                Font(name="Times New Roman", size=12, bold=True),
            ),
            (book_period_text(book), Font(name="Times New Roman", size=12, italic=True)),
        )
        for r, (text, font) in enumerate(heads, start=1):
            ws.merge_cells(f"A{r}:{last_col}{r}")
            cell = ws.cell(row=r, column=1, value=text)
            cell.font = font
            cell.alignment = Alignment(horizontal="center", vertical="center")

        thin = Side(style="thin", color="000000")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        head_font = Font(name="Times New Roman", size=11, bold=True)
        head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for c, label in enumerate(BOOK_COLUMNS, start=1):
            cell = ws.cell(row=HEADER_ROW, column=c, value=label.replace("\n", " "))
            cell.font = head_font
            cell.alignment = head_align
            cell.border = border
        ws.row_dimensions[HEADER_ROW].height = 48

        body_font = Font(name="Times New Roman", size=11)
        left = Alignment(horizontal="left", vertical="top", wrap_text=True)
        centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
        for r, row in enumerate(book.rows, start=HEADER_ROW + 1):
            for c, value in enumerate(_values(r - HEADER_ROW, row)):
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value) or None
                cell = ws.cell(row=r, column=c + 1, value=value)
                cell.font = body_font
                cell.border = border
                if c in _DATE_COLUMNS:
                    cell.number_format = DATETIME_FORMAT
                cell.alignment = centre if c in _CENTRED else left

        for c, width in enumerate(_WIDTHS, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
        last_row = HEADER_ROW + len(book.rows)
        ws.freeze_panes = f"A{HEADER_ROW + 1}"
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last_row}"

        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"

        buffer = io.BytesIO()
        wb.save(buffer)
        return buffer.getvalue()
    except Exception as exc:
        raise PrintError("export_failed", form="07", reason=f"{type(exc).__name__}: {exc}") from exc
