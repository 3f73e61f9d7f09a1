"""Biểu II.06a/VPCP/KSTT (Circular 01/2020/TT-VPCP) on A4 landscape.

The table of the periodic report: one row per lĩnh vực and a total, the
column numbers (1)…(13) under a two-level header, the national header, the
unit, and the signatures of the preparer and the head of the unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from hcc_desktop.core.domain import UnitInfo
from hcc_desktop.core.reports import PeriodicReport, ReportRow
from hcc_desktop.core.text import nfc
from hcc_desktop.printing.fonts import register_fonts
from hcc_desktop.printing.layout import (
    A4_LANDSCAPE,
    BLANK,
    build_document,
    esc,
    grid,
    place_date,
)

FORM_CODE = "Biểu II.06a/VPCP/KSTT"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PREPARER = "NGƯỜI LẬP BIỂU"
HEAD = "THỦ TRƯỞNG ĐƠN VỊ"
# Column groups of the header (3 columns under "received", 4 and 3 under the others).
RECEIVED = "Số hồ sơ nhận giải quyết"
FINISHED = "Số hồ sơ đã giải quyết"
OPEN = "Số hồ sơ đang giải quyết"
SUB_HEADS = (
    "Tổng số",
    "Trực tuyến",
    "Trực tiếp, dịch vụ bưu chính",
    "Từ kỳ trước chuyển qua",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
)


@dataclass(frozen=True)
class SheetSigners:
    preparer: str = ""
    head_title: str = HEAD
    head: str = ""


def number(value: int) -> str:
    """Thousands with dots, as Vietnamese tables write them (2.764)."""
    return f"{value:,}".replace(",", ".")


def period_phrase(report: PeriodicReport) -> str:
    s, e = date.fromisoformat(report.start), date.fromisoformat(report.end)
    return f"Kỳ báo cáo: từ ngày {s:%d/%m/%Y} đến ngày {e:%d/%m/%Y}"


def table_rows(report: PeriodicReport) -> list[list[str]]:
    """The body of the table as text: TT, lĩnh vực, columns (3)…(13); the total last."""
    out = [
        [str(i), nfc(r.field), *(number(v) for v in r.columns())]
        for i, r in enumerate(report.rows, 1)
    ]
    out.append(["", "Tổng cộng", *(number(v) for v in report.total.row.columns())])
    return out


def _styles() -> dict[str, ParagraphStyle]:
    f = register_fonts()
    spec = A4_LANDSCAPE
    base = ParagraphStyle(
        "r06a",
        fontName=f.regular,
        fontSize=spec.header,
        leading=spec.header * 1.25,
        alignment=TA_CENTER,
    )
    return {
        "hdr": base,
        "hdr_bold": ParagraphStyle("r06a-b", parent=base, fontName=f.bold),
        "motto": ParagraphStyle("r06a-m", parent=base, fontName=f.bold, fontSize=spec.header + 1),
        "form": ParagraphStyle("r06a-f", parent=base, fontName=f.bold, alignment=TA_RIGHT),
        "title": ParagraphStyle(
            "r06a-t",
            parent=base,
            fontName=f.bold,
            fontSize=spec.title - 1,
            leading=spec.title * 1.3,
            spaceBefore=8,
        ),
        "period": ParagraphStyle(
            "r06a-p", parent=base, fontName=f.italic, fontSize=spec.body, spaceAfter=8
        ),
        "head": ParagraphStyle("r06a-h", parent=base, fontName=f.bold, fontSize=9, leading=11),
        "num": ParagraphStyle("r06a-n", parent=base, fontName=f.italic, fontSize=8.5, leading=10),
        "cell": ParagraphStyle("r06a-c", parent=base, fontSize=10, leading=12),
        "cell_left": ParagraphStyle(
            "r06a-cl", parent=base, fontSize=10, leading=12, alignment=TA_LEFT
        ),
        "cell_bold": ParagraphStyle(
            "r06a-cb", parent=base, fontName=f.bold, fontSize=10, leading=12
        ),
        "date": ParagraphStyle("r06a-d", parent=base, fontName=f.italic, fontSize=spec.body),
        "sign": ParagraphStyle("r06a-s", parent=base, fontName=f.bold, fontSize=spec.body),
        "note": ParagraphStyle("r06a-sn", parent=base, fontName=f.italic, fontSize=spec.body - 1),
    }


def _heading(unit: UnitInfo, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    w = A4_LANDSCAPE.text_width
    left: list[Flowable] = []
    if unit.parent_body.strip():
        left.append(Paragraph(esc(nfc(unit.parent_body).upper()), st["hdr"]))
    left.append(Paragraph(esc(nfc(unit.unit_name).upper()) or BLANK, st["hdr_bold"]))
    right = [
        Paragraph(NATION, st["hdr_bold"]),
        Paragraph(MOTTO, st["motto"]),
        Paragraph("―――――――――――――", st["hdr"]),
    ]
    form = [Paragraph(FORM_CODE, st["form"])]
    return [
        grid(
            [[left, right, form]],
            [w * 0.36, w * 0.40, w * 0.24],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        )
    ]


def _table(report: PeriodicReport, st: dict[str, ParagraphStyle]) -> Flowable:
    w = A4_LANDSCAPE.text_width
    first, second = 10 * 2.8346, 62 * 2.8346
    rest = (w - first - second) / 11
    widths = [first, second] + [rest] * 11

    def p(text: str, style: str) -> Paragraph:
        return Paragraph(esc(text), st[style])

    head1: list[object] = [p("TT", "head"), p("Lĩnh vực giải quyết", "head"), p(RECEIVED, "head")]
    head1 += ["", "", "", p(FINISHED, "head"), "", "", "", p(OPEN, "head"), "", ""]
    head2: list[object] = ["", "", p("Tổng số", "head"), p("Trong đó", "head"), "", ""]
    head2 += [p(h, "head") for h in SUB_HEADS[4:]]
    head3: list[object] = ["", "", ""] + [p(h, "head") for h in SUB_HEADS[1:4]] + [""] * 7
    numbers = [p(f"({i})", "num") for i in range(1, 14)]
    data: list[list[object]] = [head1, head2, head3, numbers]
    rows = table_rows(report)
    for r in rows[:-1]:
        data.append([p(r[0], "cell"), p(r[1], "cell_left"), *(p(v, "cell") for v in r[2:])])
    data.append(["", p("Tổng cộng", "cell_bold"), *(p(v, "cell_bold") for v in rows[-1][2:])])
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("SPAN", (0, 0), (0, 2)),
        ("SPAN", (1, 0), (1, 2)),
        ("SPAN", (2, 0), (5, 0)),
        ("SPAN", (6, 0), (9, 0)),
        ("SPAN", (10, 0), (12, 0)),
        ("SPAN", (2, 1), (2, 2)),
        ("SPAN", (3, 1), (5, 1)),
        *[("SPAN", (c, 1), (c, 2)) for c in range(6, 13)],
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return grid(data, widths, commands, repeat_rows=4, long=True)


def _signatures(
    unit: UnitInfo, day: date, signers: SheetSigners, st: dict[str, ParagraphStyle]
) -> Flowable:
    w = A4_LANDSCAPE.text_width

    def block(role: str, name: str, dated: bool) -> list[Flowable]:
        cell: list[Flowable] = []
        cell.append(
            Paragraph(esc(place_date(nfc(unit.place_name), day)) if dated else "&nbsp;", st["date"])
        )
        cell += [
            Paragraph(esc(role), st["sign"]),
            Paragraph("(Ký, ghi rõ họ tên)" if not dated else "(Ký tên, đóng dấu)", st["note"]),
            Spacer(1, 16 * 2.8346),
        ]
        if name.strip():
            cell.append(Paragraph(esc(nfc(name)), st["sign"]))
        return cell

    table = grid(
        [
            [
                block(PREPARER, signers.preparer, False),
                block(signers.head_title or HEAD, signers.head, True),
            ]
        ],
        [w / 2, w / 2],
        [("VALIGN", (0, 0), (-1, -1), "TOP")],
    )
    table.spaceBefore = 10
    return table


def render_06a(
    report: PeriodicReport, unit: UnitInfo, *, day: date, signers: SheetSigners | None = None
) -> bytes:
    """Biểu II.06a as PDF bytes (A4 landscape)."""
    st = _styles()
    story: list[Flowable] = _heading(unit, st)
    story.append(Paragraph(TITLE, st["title"]))
    story.append(Paragraph(esc(period_phrase(report)), st["period"]))
    story.append(_table(report, st))
    story.append(_signatures(unit, day, signers or SheetSigners(), st))
    return build_document(
        story,
        A4_LANDSCAPE,
        title=FORM_CODE,
        author=nfc(unit.unit_name),
        subject=period_phrase(report),
        form="06a",
        numbering="of_total",
    )


__all__ = [
    "FORM_CODE",
    "ReportRow",
    "SheetSigners",
    "number",
    "period_phrase",
    "render_06a",
    "table_rows",
]
