"""Shared page layout of the Circular 03/2025/TT-VPCP forms (Decree 30/2020 presentation).

Every form (01–07) is built from the same pieces: the two-column national
header, a centred bold title, body paragraphs, ruled tables with wrapping
cells, signature blocks, and :func:`build_pdf` which embeds the Liberation
Serif family and never lets reportlab fall back to a base-14 font.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from typing import Any, Literal
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hcc_desktop.core.domain import PaperSize, UnitInfo
from hcc_desktop.core.errors import HccError, PrintError
from hcc_desktop.core.text import nfc
from hcc_desktop.printing import wording
from hcc_desktop.printing.fonts import FontFamily, register_fonts

# Printed where a value is not known, so the officer can fill it in by hand.
BLANK = "……"


@dataclass(frozen=True)
class PageSpec:
    """Geometry and type sizes of one paper size (points)."""

    paper: PaperSize
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    body: float  # body text
    leading: float
    header: float  # issuing body and national motto block
    title: float
    table: float  # table cells
    code: float  # "Mã hồ sơ" line
    small: float  # notes under the code, page numbers
    qr_size: float
    signature_space: float  # blank height left for a handwritten signature
    gap: float  # vertical space between the numbered items
    # The header may reach into the (binding) left margin, as Word templates do,
    # so the issuing body and the national name do not touch.
    header_outdent: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right


# Decree 30/2020: margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm; body 13–14 pt.
# A5 keeps the proportions but trades margin and type size so Mẫu 01 fits one sheet.
_SPECS = {
    PaperSize.A4: PageSpec(
        paper=PaperSize.A4,
        width=A4[0],
        height=A4[1],
        left=30 * mm,
        right=20 * mm,
        top=20 * mm,
        bottom=20 * mm,
        body=13,
        leading=15,
        header=12,
        title=14,
        table=12,
        code=14,
        small=9.5,
        qr_size=25 * mm,
        signature_space=15 * mm,
        gap=1.2,
        header_outdent=10 * mm,
    ),
    PaperSize.A5: PageSpec(
        paper=PaperSize.A5,
        width=A5[0],
        height=A5[1],
        left=15 * mm,
        right=10 * mm,
        top=8 * mm,
        bottom=8 * mm,
        body=10.5,
        leading=11.5,
        header=9.5,
        title=12,
        table=9,
        code=11.5,
        small=8,
        qr_size=20 * mm,
        signature_space=9 * mm,
        gap=0.5,
        header_outdent=5 * mm,
    ),
}


# Registers (Mẫu 07) are printed across the sheet; the many columns want the width
# more than a wide binding margin; 8 pt cells fit fourteen columns and stay readable,
# and a page holds at least twelve rows.
A4_LANDSCAPE = PageSpec(
    paper=PaperSize.A4,
    width=A4[1],
    height=A4[0],
    left=15 * mm,
    right=12 * mm,
    top=12 * mm,
    bottom=12 * mm,
    body=12,
    leading=14,
    header=11,
    title=15,
    table=8,
    code=12,
    small=9,
    qr_size=21 * mm,
    signature_space=12 * mm,
    gap=1.5,
    header_outdent=0,
)


def page_spec(paper: PaperSize) -> PageSpec:
    return _SPECS[PaperSize(paper)]


@dataclass(frozen=True)
class Styles:
    fonts: FontFamily
    body: ParagraphStyle
    body_loose: ParagraphStyle
    body_left: ParagraphStyle
    center: ParagraphStyle
    title: ParagraphStyle
    code: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    sign_title: ParagraphStyle
    sign_note: ParagraphStyle
    sign_name: ParagraphStyle


@cache
def styles_for(paper: PaperSize) -> Styles:
    """Paragraph styles of one paper size, built once (they are never mutated)."""
    fonts = register_fonts()
    spec = page_spec(paper)
    body = ParagraphStyle(
        f"body-{paper}",
        fontName=fonts.regular,
        fontSize=spec.body,
        leading=spec.leading,
        alignment=TA_JUSTIFY,
        spaceAfter=spec.gap,
    )
    cell = ParagraphStyle(
        f"cell-{paper}",
        fontName=fonts.regular,
        fontSize=spec.table,
        leading=spec.table * 1.2,
        alignment=TA_LEFT,
    )
    sign = ParagraphStyle(
        f"sign-{paper}",
        fontName=fonts.bold,
        fontSize=spec.body,
        leading=spec.leading,
        alignment=TA_CENTER,
    )
    return Styles(
        fonts=fonts,
        body=body,
        body_loose=ParagraphStyle(f"body-loose-{paper}", parent=body, spaceAfter=spec.gap * 3),
        body_left=ParagraphStyle(f"body-left-{paper}", parent=body, alignment=TA_LEFT),
        center=ParagraphStyle(f"center-{paper}", parent=body, alignment=TA_CENTER),
        title=ParagraphStyle(
            f"title-{paper}",
            parent=body,
            fontName=fonts.bold,
            fontSize=spec.title,
            leading=spec.title * 1.25,
            alignment=TA_CENTER,
            spaceBefore=spec.gap * 5,
            spaceAfter=spec.gap * 3,
        ),
        code=ParagraphStyle(
            f"code-{paper}",
            parent=body,
            fontSize=spec.code,
            leading=spec.code * 1.3,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        small=ParagraphStyle(
            f"small-{paper}",
            parent=body,
            fontName=fonts.italic,
            fontSize=spec.small,
            leading=spec.small * 1.25,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        cell=cell,
        cell_center=ParagraphStyle(f"cell-center-{paper}", parent=cell, alignment=TA_CENTER),
        cell_head=ParagraphStyle(
            f"cell-head-{paper}", parent=cell, fontName=fonts.bold, alignment=TA_CENTER
        ),
        sign_title=sign,
        sign_note=ParagraphStyle(f"sign-note-{paper}", parent=sign, fontName=fonts.italic),
        sign_name=sign,
    )


# --- text helpers --------------------------------------------------------------


def esc(value: object) -> str:
    """Escape data for reportlab's Paragraph mini-markup."""
    return escape(str(value))


def esc_lines(value: str) -> str:
    """Free text (a reason, a note) for Paragraph markup: NFC, escaped, line breaks kept.

    Blank lines are dropped and runs of spaces collapsed, so a pasted text
    prints as tidy lines.
    """
    lines = (nfc(line) for line in value.splitlines())
    return "<br/>".join(esc(line) for line in lines if line)


def date_phrase(day: date) -> str:
    """``ngày 05 tháng 02 năm 2026`` / ``ngày 23 tháng 11 năm 2026``.

    Decree 30/2020 pads days below 10 and the months January and February
    with a zero; the other months are written as is.
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(place_name: str, day: date) -> str:
    return f"{place_name.strip() or BLANK}, {date_phrase(day)}"


def clock_phrase(moment: datetime) -> str:
    """``08 giờ 05 phút, ngày 23/11/2026``, the wording of items 4 and 5 of Mẫu 01."""
    return f"{moment:%H} giờ {moment:%M} phút, ngày {moment:%d/%m/%Y}"


def count_text(count: int) -> str:
    return str(count) if count > 0 else ""


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Plain ``text`` broken into lines no wider than ``width`` points.

    Words go greedily onto lines; a word wider than a line is cut after its
    hyphens (dossier codes: ``000.17.22.H56-`` / ``261123-0001``), then, if a
    piece is still too wide, between characters. Line breaks in ``text`` are
    kept. A table of thousands of rows lays plain lines out about twice as fast
    as Paragraphs, which re-measure their words at every page split.
    """
    lines: list[str] = []
    space = stringWidth(" ", font, size)
    for source in text.splitlines() or [""]:
        line, line_w = "", 0.0
        for word in source.split():
            word_w = stringWidth(word, font, size)
            if line and line_w + space + word_w <= width:
                line, line_w = f"{line} {word}", line_w + space + word_w
                continue
            if line:
                lines.append(line)
            if word_w <= width:
                line, line_w = word, word_w
                continue
            pieces = _cut_word(word, font, size, width)
            lines += pieces[:-1]
            line = pieces[-1]
            line_w = stringWidth(line, font, size)
        lines.append(line)
    return lines


def _cut_word(word: str, font: str, size: float, width: float) -> list[str]:
    """An over-wide word in pieces: after hyphens where possible, else between characters."""
    parts = word.split("-")
    chunks = [p + "-" for p in parts[:-1]] + [parts[-1]]
    pieces: list[str] = []
    piece = ""
    for chunk in chunks:
        if not chunk:
            continue
        if stringWidth(piece + chunk, font, size) <= width:
            piece += chunk
            continue
        if piece:
            pieces.append(piece)
            piece = ""
        for char in chunk:
            if piece and stringWidth(piece + char, font, size) > width:
                pieces.append(piece)
                piece = char
            else:
                piece += char
    pieces.append(piece)
    return pieces


def _fit_size(text: str, font: str, size: float, width: float, floor: float) -> float:
    """Largest size ≤ ``size`` (not below ``floor``) at which ``text`` fits on one line."""
    natural = stringWidth(text, font, size)
    if natural <= width:
        return size
    return max(floor, size * width / natural)


# --- building blocks -----------------------------------------------------------


def same_body(a: str, b: str) -> bool:
    """Whether two body names are the same text (case, spacing and Unicode form aside)."""
    return " ".join(nfc(a).split()).casefold() == " ".join(nfc(b).split()).casefold()


def header_lines(unit: UnitInfo) -> tuple[str, str]:
    """(parent body, receiving body) of the top-left block, in capitals.

    The parent body is "" when it is not set or is the same text as the unit
    name: a form never prints the same line twice.
    """
    issuer = " ".join(nfc(unit.unit_name).split()).upper()
    parent = " ".join(nfc(unit.parent_body).split()).upper()
    if not parent or same_body(parent, issuer):
        parent = ""
    return parent, issuer


def national_header(
    unit: UnitInfo, paper: PaperSize, *, number: str | None, day: date
) -> list[Flowable]:
    """The two-column header: issuing body | national name and motto, then number | date.

    ``number`` None leaves the "Số:" cell empty (slips that carry no number).
    """
    spec = page_spec(paper)
    st = styles_for(paper)
    f = st.fonts
    nation = wording.NATION
    motto = wording.MOTTO
    motto_size = spec.header + 1
    right_w = stringWidth(nation, f.bold, spec.header) + 6
    left_w = spec.text_width + spec.header_outdent - right_w

    parent, issuer = header_lines(unit)
    # Shrink a slightly too long body name rather than orphan its last word.
    left_size = spec.header
    if parent:
        left_size = _fit_size(parent, f.regular, spec.header, left_w - 12, spec.header * 0.8)
    # The receiving body on at most two lines: a third would cost the form a line.
    while left_size > spec.header * 0.8 and (
        len(wrap_text(issuer, f.bold, left_size, left_w - 4)) > 2
    ):
        left_size -= 0.25
    left_style = ParagraphStyle(
        f"hdr-left-{paper}-{left_size:.2f}",
        fontName=f.regular,
        fontSize=left_size,
        leading=left_size * 1.2,
        alignment=TA_CENTER,
    )
    left_bold = ParagraphStyle(
        f"hdr-left-bold-{paper}-{left_size:.2f}", parent=left_style, fontName=f.bold
    )
    right_style = ParagraphStyle(
        f"hdr-right-{paper}",
        fontName=f.bold,
        fontSize=spec.header,
        leading=spec.header * 1.2,
        alignment=TA_CENTER,
    )
    motto_style = ParagraphStyle(
        f"hdr-motto-{paper}",
        parent=right_style,
        fontSize=motto_size,
        leading=motto_size * 1.2,
    )
    date_style = ParagraphStyle(
        f"hdr-date-{paper}",
        fontName=f.italic,
        fontSize=spec.body,
        leading=spec.leading,
        alignment=TA_CENTER,
    )
    number_style = ParagraphStyle(
        f"hdr-number-{paper}", parent=date_style, fontName=f.regular, fontSize=spec.body
    )

    left: list[Flowable] = []
    if parent:
        left.append(Paragraph(esc(parent), left_style))
    left.append(Paragraph(esc(issuer), left_bold))
    left.append(_rule(left_w * 0.35))
    right: list[Flowable] = [
        Paragraph(esc(nation), right_style),
        Paragraph(esc(motto), motto_style),
        _rule(stringWidth(motto, f.bold, motto_size)),
    ]
    table = grid(
        [
            [left, right],
            [
                Paragraph(f"Số: {esc(number)}", number_style) if number is not None else "",
                Paragraph(esc(place_date(unit.place_name, day)), date_style),
            ],
        ],
        [left_w, right_w],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Cell alignment, not hAlign, centres the rules inside a cell.
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 1), (-1, 1), spec.gap * 3),
        ],
    )
    return [_Outdent(table, spec.header_outdent)]


class _Outdent(Flowable):
    """Draws ``inner`` shifted ``left`` points into the left margin, widened by as much."""

    def __init__(self, inner: Flowable, left: float) -> None:
        super().__init__()
        self.inner = inner
        self.left = left

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self.inner.wrap(avail_width + self.left, avail_height)
        self.width, self.height = avail_width, height
        return avail_width, height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        self.inner.drawOn(canvas, x - self.left, y)


def grid(
    data: Sequence[Sequence[object]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]],
    *,
    repeat_rows: int = 0,
    long: bool = False,
) -> Table:
    """A Table whose cells use the embedded font.

    reportlab's Table selects its cell font (Helvetica by default) before every
    cell, even one holding only flowables, which would drag a base-14 font into
    the PDF; every table of the forms must be built here. ``long`` builds a
    LongTable, which measures only the rows that fit when splitting across
    pages: linear instead of quadratic for a table of thousands of rows.
    """
    fonts = register_fonts()
    cls = LongTable if long else Table
    table = cls([list(row) for row in data], colWidths=list(widths), repeatRows=repeat_rows)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.regular), *commands]))
    return table


def _rule(width: float) -> HRFlowable:
    return HRFlowable(
        width=width,
        thickness=0.6,
        color=colors.black,
        spaceBefore=2.5,
        spaceAfter=0,
        hAlign="CENTER",
    )


def title(text: str, paper: PaperSize) -> Paragraph:
    return Paragraph(esc(text), styles_for(paper).title)


def para(markup: str, paper: PaperSize, *, loose: bool = False) -> Paragraph:
    """A justified body paragraph; ``markup`` is reportlab markup with data escaped.

    ``loose`` adds air between paragraphs for short forms that have the room.
    """
    st = styles_for(paper)
    return Paragraph(markup, st.body_loose if loose else st.body)


def one_line_size(text: str, font: str, size: float, width: float) -> float:
    """Size at which ``text`` fits ``width`` on one line, at most 25 % smaller than ``size``."""
    return _fit_size(text, font, size, width, size * 0.75)


def ruled_grid(
    data: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    top_padding: float,
    bottom_padding: float = 3,
) -> Table:
    """A fully ruled table with a header row (middle-aligned, repeated when the
    table splits across pages) over top-aligned rows."""
    return grid(
        data,
        list(widths),
        repeat_rows=1,
        commands=[
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), top_padding),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom_padding),
        ],
    )


def ruled_table(
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    paper: PaperSize,
    *,
    left_columns: frozenset[int] = frozenset({1}),
) -> Table:
    """A fully ruled table; the header row repeats when the table splits across pages.

    ``head`` may contain ``<br/>``; cell values are plain text (escaped here).
    Columns in ``left_columns`` are left-aligned, the others centred.
    """
    st = styles_for(paper)
    data: list[list[Flowable]] = [[Paragraph(h, st.cell_head) for h in head]]
    for row in rows:
        data.append(
            [
                Paragraph(esc(value), st.cell if i in left_columns else st.cell_center)
                for i, value in enumerate(row)
            ]
        )
    table = ruled_grid(data, widths, top_padding=1.5, bottom_padding=2)
    table.spaceBefore = 1
    table.spaceAfter = page_spec(paper).gap * 2
    return table


@dataclass(frozen=True)
class Signer:
    role: str  # e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ"
    name: str = ""
    note: str = "(Ký và ghi rõ họ tên)"


def signature_row(left: Signer | None, right: Signer | None, paper: PaperSize) -> Table:
    """Signature blocks side by side; a ``None`` side stays empty (Mẫu 02 signs right)."""
    spec = page_spec(paper)
    st = styles_for(paper)

    def block(signer: Signer | None) -> list[Flowable]:
        if signer is None:
            return []
        # A role may span lines, as in "KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC".
        cell: list[Flowable] = [
            Paragraph(esc(line.strip()), st.sign_title)
            for line in signer.role.splitlines()
            if line.strip()
        ]
        cell += [
            Paragraph(esc(signer.note), st.sign_note),
            Spacer(1, spec.signature_space),
        ]
        if signer.name.strip():
            cell.append(Paragraph(esc(signer.name.strip()), st.sign_name))
        return cell

    half = spec.text_width / 2
    table = grid(
        [[block(left), block(right)]],
        [half, half],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    table.spaceBefore = spec.gap * 2
    return table


# --- QR code and check box ------------------------------------------------------

QR_FORM_NAME = "hccQr"


@lru_cache(maxsize=256)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """QR modules (True = dark) without the quiet zone, error correction M.

    Cached because a receipt is typically printed twice (two liên) in a row.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in code.get_matrix())


@lru_cache(maxsize=256)
def _qr_path(payload: str) -> tuple[int, str]:
    """(module count, PDF path operators) of the QR code, one unit per module.

    One rectangle per horizontal run of dark modules, written as integers: fewer
    operators than one square per module, no hairline seams between neighbours,
    and no float formatting (reportlab's pure-Python number formatter is slow).
    """
    matrix = qr_matrix(payload)
    n = len(matrix)
    ops: list[str] = []
    for r, row in enumerate(matrix):
        y = n - 1 - r
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start} {y} {c - start} 1 re")
            else:
                c += 1
    ops.append("f")
    return n, "\n".join(ops)


class QrFlowable(Flowable):
    """A QR code drawn as vector squares inside a form XObject named ``hccQr``.

    Inside the form one unit is one module, row 0 at the top, so the drawn
    matrix can be read back from the PDF exactly.
    """

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.modules, self.path = _qr_path(payload)
        self.size = size
        self.hAlign = "RIGHT"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv: Canvas = self.canv
        n = self.modules
        # Defined once per document: every copy (liên) of a form reuses it.
        if not canv.hasForm(QR_FORM_NAME):
            canv.beginForm(QR_FORM_NAME, 0, 0, n, n)
            canv.setFillColor(colors.black)
            canv.addLiteral(self.path)
            canv.endForm()
        canv.saveState()
        scale = self.size / n
        canv.scale(scale, scale)
        canv.doForm(QR_FORM_NAME)
        canv.restoreState()


class CheckBox(Flowable):
    """A square box, with an "X" inside when checked (the usual way to tick a form)."""

    def __init__(self, checked: bool, size: float, font: str) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.font = font

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv: Canvas = self.canv
        canv.setLineWidth(0.7)
        canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)
        if self.checked:
            canv.setFont(self.font, self.size)
            canv.drawCentredString(self.size / 2, self.size * 0.15, "X")


# --- document -------------------------------------------------------------------


class RestartNumbering(Flowable):
    """Zero-size marker at the end of a copy: the page after it is page 1 again.

    Several copies (liên) of one form in one PDF are each numbered from 1.
    Placed before the page break (page numbers are drawn as a page begins).
    """

    ATTRIBUTE = "_hcc_page_base"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, self.ATTRIBUTE, self.canv.getPageNumber())


@lru_cache(maxsize=1)
def _configure_reportlab() -> None:
    # ASCII85 only matters for 7-bit channels; without the optional C accelerator it
    # costs several milliseconds per PDF and makes the file a quarter larger.
    # Process-wide, but printing is the only reportlab user of the application.
    rl_config.useA85 = 0


def build_pdf(
    story: list[Flowable],
    paper: PaperSize,
    *,
    title: str,
    author: str,
    subject: str,
    form: str,
) -> bytes:
    """Lay out ``story`` on ``paper`` and return the PDF bytes.

    Page numbers go top-centre from page 2 (Decree 30/2020). Any reportlab
    failure becomes :class:`PrintError` ``print_failed`` naming the ``form``.
    """
    return build_document(
        story, page_spec(paper), title=title, author=author, subject=subject, form=form
    )


def build_document(
    story: list[Flowable],
    spec: PageSpec,
    *,
    title: str,
    author: str,
    subject: str,
    form: str,
    numbering: Literal["top", "of_total"] = "top",
) -> bytes:
    """:func:`build_pdf` on any page geometry (e.g. :data:`A4_LANDSCAPE`).

    ``numbering`` "top": the page number top-centre from page 2, as letters and
    slips have it; "of_total": "Trang x/y" bottom-centre on every page, as a
    register of many pages needs.
    """
    try:
        _configure_reportlab()
        fonts = register_fonts()
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=(spec.width, spec.height),
            leftMargin=spec.left,
            rightMargin=spec.right,
            topMargin=spec.top,
            bottomMargin=spec.bottom,
            title=title,
            author=author,
            subject=subject,
            creator="HCC Desktop",
            lang="vi-VN",
            # Without this reportlab opens every page stream with Helvetica.
            initialFontName=fonts.regular,
            initialFontSize=spec.body,
        )

        def number_pages(canv: Canvas, document: BaseDocTemplate) -> None:
            page = canv.getPageNumber() - int(getattr(canv, RestartNumbering.ATTRIBUTE, 0))
            if numbering == "top" and page > 1:
                canv.saveState()
                canv.setFont(fonts.regular, spec.body)
                canv.drawCentredString(
                    spec.left + spec.text_width / 2, spec.height - spec.top / 2 - 4, str(page)
                )
                canv.restoreState()

        frame = Frame(
            spec.left,
            spec.bottom,
            spec.text_width,
            spec.height - spec.top - spec.bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=number_pages)])
        if numbering == "of_total":
            doc.build(story, canvasmaker=_page_of_total_canvas(spec, fonts.regular))
        else:
            doc.build(story)
        return buffer.getvalue()
    except HccError:
        raise
    except Exception as exc:
        raise PrintError("print_failed", form=form, reason=f"{type(exc).__name__}: {exc}") from exc


def _page_of_total_canvas(spec: PageSpec, font: str) -> type[Canvas]:
    """A Canvas that holds its pages back until the end to print "Trang x/y" on each.

    The total is only known once the story is laid out; keeping each page's
    operators (a list of strings) is cheap next to laying the story out twice.
    """

    class PageOfTotalCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, spec.small)
                self.drawCentredString(
                    spec.left + spec.text_width / 2,
                    spec.bottom / 2,
                    f"Trang {self._pageNumber}/{total}",
                )
                self.restoreState()
                super().showPage()
            super().save()

    return PageOfTotalCanvas
