"""Biểu II.06a as an Excel workbook: the same table as the PDF, numbers as numbers,
a second sheet with the rates (numerator, denominator, rate)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from hcc_desktop.core.domain import UnitInfo
from hcc_desktop.core.errors import PrintError
from hcc_desktop.core.field import SessionFigures
from hcc_desktop.core.index766 import Index766
from hcc_desktop.core.reports import PeriodicReport
from hcc_desktop.core.text import nfc
from hcc_desktop.printing.report_06a import (
    FINISHED,
    FORM_CODE,
    OPEN,
    RECEIVED,
    SUB_HEADS,
    TITLE,
    period_phrase,
)
from hcc_desktop.printing.report_text import RATE_NAMES

SHEET_06A = "Biểu II.06a"
SHEET_RATES = "Tỷ lệ"
SHEET_766 = "Chỉ số 766"
SHEET_SESSIONS = "Buổi thứ Bảy"
SESSION_HEADS = (
    "Buổi / khu phố",
    "Số buổi",
    "Hồ sơ tiếp nhận",
    "Phí, lệ phí đã thu (đồng)",
    "Kết quả đã trả",
    "Lượt đánh giá",
    "Rất hài lòng",
    "Hài lòng",
    "Không hài lòng",
    "Theo thủ tục",
)
HEADER_ROW = 5  # rows 1–4: unit, form code, title, period; rows 5–7 header, 8 numbers
FIRST_DATA_ROW = 9


def render_06a_xlsx(
    report: PeriodicReport,
    unit: UnitInfo,
    index: Index766 | None = None,
    *,
    sessions: tuple[Sequence[SessionFigures], Sequence[SessionFigures]] | None = None,
) -> bytes:
    """The workbook; ``sessions`` (per session, per quarter) adds the Saturday
    sessions' sheet."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, Side

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = SHEET_06A
        bold = Font(bold=True)
        centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws["A1"] = nfc(unit.unit_name).upper()
        ws["A1"].font = bold
        ws["M1"] = FORM_CODE
        ws["M1"].font = bold
        ws["A3"] = TITLE
        ws["A3"].font = bold
        ws["A4"] = period_phrase(report)
        ws.merge_cells("A3:M3")
        ws.merge_cells("A4:M4")
        ws["A3"].alignment = ws["A4"].alignment = Alignment(horizontal="center")
        h = HEADER_ROW
        ws.cell(h, 1, "TT")
        ws.cell(h, 2, "Lĩnh vực giải quyết")
        ws.cell(h, 3, RECEIVED)
        ws.cell(h, 7, FINISHED)
        ws.cell(h, 11, OPEN)
        ws.cell(h + 1, 3, SUB_HEADS[0])
        ws.cell(h + 1, 4, "Trong đó")
        for i, text in enumerate(SUB_HEADS[1:4]):
            ws.cell(h + 2, 4 + i, text)
        for i, text in enumerate(SUB_HEADS[4:]):
            ws.cell(h + 1, 7 + i, text)
        for rng in (
            f"A{h}:A{h + 2}",
            f"B{h}:B{h + 2}",
            f"C{h}:F{h}",
            f"G{h}:J{h}",
            f"K{h}:M{h}",
            f"C{h + 1}:C{h + 2}",
            f"D{h + 1}:F{h + 1}",
            *[f"{c}{h + 1}:{c}{h + 2}" for c in "GHIJKLM"],
        ):
            ws.merge_cells(rng)
        for c in range(1, 14):
            ws.cell(h + 3, c, f"({c})")
        for row in ws.iter_rows(min_row=h, max_row=h + 3, max_col=13):
            for cell in row:
                cell.alignment = centre
                cell.font = bold
                cell.border = box
        r = FIRST_DATA_ROW
        for i, line in enumerate(report.rows, 1):
            ws.cell(r, 1, i)
            ws.cell(r, 2, nfc(line.field))
            for c, v in enumerate(line.columns(), 3):
                ws.cell(r, c, v)
            r += 1
        ws.cell(r, 2, "Tổng cộng").font = bold
        for c, v in enumerate(report.total.row.columns(), 3):
            ws.cell(r, c, v).font = bold
        for row in ws.iter_rows(min_row=FIRST_DATA_ROW, max_row=r, max_col=13):
            for cell in row:
                cell.border = box
        ws.column_dimensions["A"].width = 5
        ws.column_dimensions["B"].width = 36
        for letter in "CDEFGHIJKLM":
            ws.column_dimensions[letter].width = 12
        ws.row_dimensions[h + 2].height = 45

        rates = wb.create_sheet(SHEET_RATES)
        rates.append(["Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ"])
        for key, rate in report.total.rates.items():
            rates.append([RATE_NAMES.get(key, key), rate.num, rate.den, rate.rate])
            if rate.rate is not None:
                rates.cell(rates.max_row, 4).number_format = "0.00%"
        for key, count in report.total.unrecorded.items():
            rates.append([f"Chưa ghi nhận: {RATE_NAMES.get(key, key)}", count, None, None])
        for level, count in report.total.ratings.items():
            rates.append([f"Đánh giá mức {level}", count, None, None])
        rates.column_dimensions["A"].width = 60
        for cell in rates[1]:
            cell.font = bold
        if index is not None:
            sheet = wb.create_sheet(SHEET_766)
            sheet.append(
                ["Nhóm / chỉ số", "Tử số", "Mẫu số", "Tỷ lệ", "Ngưỡng", "Điểm tối đa", "Điểm"]
            )
            for g in index.groups:
                sheet.append([g.name, None, None, None, None, g.max, round(g.points, 2)])
                for ind in g.indicators:
                    sheet.append(
                        [
                            "   " + ind.name,
                            ind.num,
                            ind.den,
                            ind.rate,
                            ind.threshold,
                            ind.max,
                            None if ind.points is None else round(ind.points, 2),
                        ]
                    )
            sheet.append(["Tổng", None, None, None, None, index.max, round(index.total, 2)])
            sheet.column_dimensions["A"].width = 70
        if sessions is not None:
            _sessions_sheet(wb.create_sheet(SHEET_SESSIONS), *sessions, bold=bold)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    except Exception as exc:
        raise PrintError(
            "print_failed", form="06a-xlsx", reason=f"{type(exc).__name__}: {exc}"
        ) from exc


def _session_line(f: SessionFigures) -> list[Any]:
    levels = {line.key: line.count for line in f.ratings_by_level}
    return [
        f.label,
        f.sessions,
        f.dossiers,
        f.fees_total,
        f.returns,
        f.ratings,
        levels.get("3", 0),
        levels.get("2", 0),
        levels.get("1", 0),
        "; ".join(f"{line.label} ({line.key}): {line.count}" for line in f.by_procedure),
    ]


def _sessions_sheet(
    ws: Any, per_session: Sequence[SessionFigures], per_quarter: Sequence[SessionFigures], bold: Any
) -> None:
    """One line per session held in the period, then one per quarter, then the total."""
    ws.append(["Theo buổi tiếp nhận thứ Bảy"])
    ws.cell(ws.max_row, 1).font = bold
    ws.append(list(SESSION_HEADS))
    for cell in ws[ws.max_row]:
        cell.font = bold
    for f in per_session:
        ws.append(_session_line(f))
    ws.append([])
    ws.append(["Theo khu phố"])
    ws.cell(ws.max_row, 1).font = bold
    ws.append(list(SESSION_HEADS))
    for cell in ws[ws.max_row]:
        cell.font = bold
    for f in per_quarter:
        ws.append(_session_line(f))
    total = [
        "Tổng cộng",
        *(sum(line[i] for line in map(_session_line, per_quarter)) for i in range(1, 9)),
        "",
    ]
    ws.append(total)
    for cell in ws[ws.max_row]:
        cell.font = bold
    for row in ws.iter_rows(min_col=4, max_col=4):
        for cell in row:
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
    ws.column_dimensions["A"].width = 28
    for letter in "BCDEFGHI":
        ws.column_dimensions[letter].width = 14
    ws.column_dimensions["J"].width = 80
