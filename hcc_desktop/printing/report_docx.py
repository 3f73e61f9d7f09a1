"""Draft narrative report (.docx) in the layout of Decree 30/2020/NĐ-CP.

National header, number line "Số: …/BC-…", place and date, "BÁO CÁO" and
its subject, sections with the period's figures in sentences, the 06a table,
the 766 estimate, and "Nơi nhận:" beside the signature. The officer finishes
it in Word: the parts only a person can write are left as "…".
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from hcc_desktop.core.domain import UnitInfo
from hcc_desktop.core.errors import PrintError
from hcc_desktop.core.index766 import Index766, percent
from hcc_desktop.core.reports import PeriodicReport
from hcc_desktop.core.text import nfc
from hcc_desktop.printing.layout import BLANK, place_date
from hcc_desktop.printing.report_06a import (
    FINISHED,
    FORM_CODE,
    MOTTO,
    NATION,
    OPEN,
    RECEIVED,
    SUB_HEADS,
    TITLE,
    table_rows,
)
from hcc_desktop.printing.report_text import (
    n,
    section_digital,
    section_online,
    section_results,
    section_satisfaction,
)

FONT = "Times New Roman"
RECIPIENTS = (
    "Thường trực Đảng ủy phường (b/c);",
    "Thường trực HĐND phường (b/c);",
    "UBND phường (b/c);",
    "Lưu: VT.",
)


@dataclass(frozen=True)
class NarrativeInfo:
    period_label: str  # "quý IV năm 2026"
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    abbreviation: str = "TTPVHCC"


def render_narrative_docx(
    report: PeriodicReport,
    index: Index766 | None,
    unit: UnitInfo,
    *,
    day: date,
    info: NarrativeInfo,
) -> bytes:
    try:
        return _render(report, index, unit, day, info)
    except Exception as exc:
        raise PrintError(
            "print_failed", form="docx", reason=f"{type(exc).__name__}: {exc}"
        ) from exc


def _render(
    rep: PeriodicReport, index: Index766 | None, unit: UnitInfo, day: date, info: NarrativeInfo
) -> bytes:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY

    def par(
        container: Any,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        align: Any = None,
        indent: bool = False,
    ) -> Any:
        p = container.add_paragraph()
        p.paragraph_format.space_after = Pt(3)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Cm(1)
        if text:
            run = p.add_run(text)
            run.bold, run.italic = bold, italic
            run.font.name = FONT
            if size:
                run.font.size = Pt(size)
        return p

    # National header: issuing body | national name; number | place and date.
    head = doc.add_table(rows=2, cols=2)
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(head, (6.2, 9.8), Cm)
    left, right = head.cell(0, 0), head.cell(0, 1)
    left.paragraphs[0].text = ""
    if unit.parent_body.strip():
        par(left, nfc(unit.parent_body).upper(), size=13, align=center)
    par(left, nfc(unit.unit_name).upper() or BLANK, bold=True, size=13, align=center)
    par(right, NATION, bold=True, size=12, align=center)
    par(right, MOTTO, bold=True, size=14, align=center)
    par(head.cell(1, 0), f"Số: {BLANK}/BC-{info.abbreviation}", size=13, align=center)
    par(head.cell(1, 1), place_date(nfc(unit.place_name), day), italic=True, align=center)

    par(doc, "BÁO CÁO", bold=True, align=center).paragraph_format.space_before = Pt(12)
    par(doc, f"Kết quả giải quyết thủ tục hành chính {info.period_label}", bold=True, align=center)
    par(doc, "―――――――", align=center)
    par(
        doc,
        f"{nfc(unit.unit_name)} báo cáo kết quả giải quyết thủ tục hành chính "
        f"{info.period_label} như sau:",
        align=justify,
        indent=True,
    )
    sections = [
        ("I. KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH", section_results(rep)),
        ("II. DỊCH VỤ CÔNG TRỰC TUYẾN, THANH TOÁN TRỰC TUYẾN", section_online(rep)),
        ("III. SỐ HÓA HỒ SƠ, KẾT QUẢ GIẢI QUYẾT", section_digital(rep)),
        ("IV. MỨC ĐỘ HÀI LÒNG, PHẢN ÁNH KIẾN NGHỊ", section_satisfaction(rep, index)),
    ]
    for heading, sentences in sections:
        par(doc, heading, bold=True)
        for s in sentences:
            par(doc, s, align=justify, indent=True)

    par(doc, f"V. {TITLE.capitalize()} ({FORM_CODE})", bold=True)
    _table_06a(doc, rep, Pt, WD_TABLE_ALIGNMENT)
    _widths(doc.tables[-1], (1.0, 2.9, *([1.1] * 11)), Cm)
    if index is not None:
        par(
            doc,
            "VI. ƯỚC TÍNH CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)",
            bold=True,
        )
        _table_766(doc, index, Pt)
        _widths(doc.tables[-1], (6.5, 3.2, 2.0, 2.2, 2.6), Cm)
        lacks = [i.lack_text for g in index.groups for i in g.indicators if i.lack_text]
        for text in lacks:
            par(doc, f"- {text}.", align=justify, indent=True)
    par(doc, "VII. TỒN TẠI, HẠN CHẾ VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", bold=True)
    for _ in range(3):
        par(doc, BLANK * 6, indent=True)
    par(
        doc,
        f"Trên đây là báo cáo kết quả giải quyết thủ tục hành chính {info.period_label} "
        f"của {nfc(unit.unit_name)}./.",
        align=justify,
        indent=True,
    )

    sign = doc.add_table(rows=1, cols=2)
    _widths(sign, (8.0, 8.0), Cm)
    recv, who = sign.cell(0, 0), sign.cell(0, 1)
    recv.paragraphs[0].text = ""
    par(recv, "Nơi nhận:", bold=True, italic=True, size=12)
    for line in RECIPIENTS:
        par(recv, f"- {line}", size=11)
    par(who, info.signer_title.upper(), bold=True, align=center)
    par(who, "(Ký tên, đóng dấu)", italic=True, size=13, align=center)
    for _ in range(3):
        par(who)
    par(who, nfc(info.signer_name), bold=True, align=center)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _widths(table: Any, cms: tuple[float, ...], cm: Any) -> None:
    """Fixed column widths (Word ignores a column's width unless every cell has it)."""
    table.autofit = False
    for column, width in zip(table.columns, cms, strict=False):
        column.width = cm(width)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, width in zip(row.cells, cms, strict=False):
            cell.width = cm(width)


def _cell(cell: Any, text: str, pt: Any, *, bold: bool = False, size: float = 9) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = pt(size)
    cell.paragraphs[0].alignment = 1  # centre


def _table_06a(doc: Any, rep: PeriodicReport, pt: Any, align: Any) -> None:
    rows = table_rows(rep)
    t = doc.add_table(rows=4 + len(rows), cols=13)
    t.style = "Table Grid"
    t.alignment = align.CENTER
    h = t.rows
    _cell(h[0].cells[0], "TT", pt, bold=True)
    _cell(h[0].cells[1], "Lĩnh vực", pt, bold=True)
    _cell(h[0].cells[2], RECEIVED, pt, bold=True)
    _cell(h[0].cells[6], FINISHED, pt, bold=True)
    _cell(h[0].cells[10], OPEN, pt, bold=True)
    _cell(h[1].cells[2], SUB_HEADS[0], pt, bold=True)
    _cell(h[1].cells[3], "Trong đó", pt, bold=True)
    for i, text in enumerate(SUB_HEADS[1:4]):
        _cell(h[2].cells[3 + i], text, pt, bold=True, size=7.5)
    for i, text in enumerate(SUB_HEADS[4:]):
        _cell(h[1].cells[6 + i], text, pt, bold=True, size=7.5)
    for c in range(13):
        _cell(h[3].cells[c], f"({c + 1})", pt, size=8)
    t.cell(0, 0).merge(t.cell(2, 0))
    t.cell(0, 1).merge(t.cell(2, 1))
    t.cell(0, 2).merge(t.cell(0, 5))
    t.cell(0, 6).merge(t.cell(0, 9))
    t.cell(0, 10).merge(t.cell(0, 12))
    t.cell(1, 2).merge(t.cell(2, 2))
    t.cell(1, 3).merge(t.cell(1, 5))
    for c in range(6, 13):
        t.cell(1, c).merge(t.cell(2, c))
    for r, values in enumerate(rows, 4):
        last = r == 3 + len(rows)
        for c, v in enumerate(values):
            _cell(t.cell(r, c), v if not (last and c == 1) else "Tổng cộng", pt, bold=last)


def _table_766(doc: Any, index: Index766, pt: Any) -> None:
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, text in enumerate(("Nhóm / chỉ số", "Tỷ lệ", "Ngưỡng", "Điểm tối đa", "Điểm")):
        _cell(t.cell(0, c), text, pt, bold=True, size=10)
    for g in index.groups:
        cells = t.add_row().cells
        for c, text in enumerate(
            (g.name, "", "", f"{g.max:g}", f"{g.points:.2f}".replace(".", ","))
        ):
            _cell(cells[c], text, pt, bold=True, size=10)
        for i in g.indicators:
            cells = t.add_row().cells
            pts = "không áp dụng" if i.points is None else f"{i.points:.2f}".replace(".", ",")
            rate = "—" if i.rate is None else f"{percent(i.rate)} ({n(i.num)}/{n(i.den)})"
            for c, text in enumerate((i.name, rate, percent(i.threshold), f"{i.max:g}", pts)):
                _cell(cells[c], text, pt, size=10)
    cells = t.add_row().cells
    total = f"{index.total:.2f}".replace(".", ",")
    for c, text in enumerate(("Tổng cộng", "", "", f"{index.max:g}", total)):
        _cell(cells[c], text, pt, bold=True, size=10)
