"""Field work prints: a Saturday session's summary and a quarter's QR board (A4)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer

from hcc_desktop.core.domain import PaperSize, UnitInfo
from hcc_desktop.core.field import FieldSession, QrBoard, SessionSummary
from hcc_desktop.core.text import format_money
from hcc_desktop.printing.layout import (
    Signer,
    build_pdf,
    esc,
    grid,
    national_header,
    page_spec,
    para,
    qr_matrix,
    ruled_table,
    signature_row,
    styles_for,
    title,
)

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def session_when(session: FieldSession) -> str:
    """``Thứ Bảy 12/12/2026, 07:30 – 11:30``."""
    return (
        f"{WEEKDAYS[session.day.weekday()]} {session.day:%d/%m/%Y}, "
        f"{session.start:%H:%M} – {session.end:%H:%M}"
    )


# --- session summary -------------------------------------------------------------


def render_session_summary(
    summary: SessionSummary, unit: UnitInfo, *, paper: PaperSize = PaperSize.A4
) -> bytes:
    """BÁO CÁO KẾT QUẢ BUỔI TIẾP NHẬN THỨ BẢY: what the session received and did,
    signed by its officers."""
    ses = summary.session
    spec = page_spec(paper)
    st = styles_for(paper)
    story: list[Flowable] = national_header(unit, paper, number=None, day=ses.day)
    story.append(title("BÁO CÁO KẾT QUẢ BUỔI TIẾP NHẬN HỒ SƠ NGÀY THỨ BẢY", paper))
    story.append(para(f"Khu phố: <b>{esc(ses.quarter)}</b>", paper))
    story.append(para(f"Địa điểm: {esc(ses.place or '……')}", paper))
    story.append(para(f"Thời gian: {esc(session_when(ses))}", paper))
    opened = ses.opened_at.strftime("%H:%M") if ses.opened_at else "……"
    closed = ses.closed_at.strftime("%H:%M") if ses.closed_at else "……"
    story.append(para(f"Mở buổi lúc {opened}, đóng buổi lúc {closed}.", paper))
    story.append(para(f"Cán bộ thực hiện: {esc(', '.join(ses.officers))}", paper))

    width = spec.text_width
    story.append(para(f"<b>1. Hồ sơ tiếp nhận: {summary.dossiers} hồ sơ</b>", paper))
    rows = [
        [str(i), f"{line.label} ({line.key})", str(line.count)]
        for i, line in enumerate(summary.by_procedure, 1)
    ]
    rows.append(["", "Tổng cộng", str(summary.dossiers)])
    story.append(
        ruled_table(
            ["TT", "Thủ tục hành chính", "Số hồ sơ"],
            rows,
            [12 * mm, width - 42 * mm, 30 * mm],
            paper,
        )
    )
    story.append(
        para(f"<b>2. Phí, lệ phí đã thu: {esc(format_money(summary.fees_total))}</b>", paper)
    )
    fee_rows = [
        [str(i), line.label, str(line.count), format_money(line.amount)]
        for i, line in enumerate(summary.fees_by_method, 1)
    ]
    paid = sum(x.count for x in summary.fees_by_method)
    fee_rows.append(["", "Tổng cộng", str(paid), format_money(summary.fees_total)])
    story.append(
        ruled_table(
            ["TT", "Phương thức", "Số hồ sơ", "Số tiền"],
            fee_rows,
            [12 * mm, width - 82 * mm, 30 * mm, 40 * mm],
            paper,
        )
    )
    story.append(para(f"<b>3. Kết quả đã trả cho người dân:</b> {summary.returns} hồ sơ", paper))
    rated = sum(line.count for line in summary.ratings)
    levels = "; ".join(f"{esc(line.label)}: {line.count}" for line in summary.ratings)
    story.append(para(f"<b>4. Đánh giá mức độ hài lòng:</b> {rated} lượt ({levels})", paper))
    if summary.codes:
        story.append(
            Paragraph(
                "Mã hồ sơ đã tiếp nhận: " + esc(", ".join(summary.codes)),
                st.small,
            )
        )
    story.append(Spacer(1, spec.gap * 2))
    story.append(para(f"<i>{esc(unit.place_name or '……')}, ngày {ses.day:%d/%m/%Y}</i>", paper))
    officers = list(ses.officers) or [""]
    for i in range(0, len(officers), 2):
        pair = officers[i : i + 2]
        left = Signer("CÁN BỘ TIẾP NHẬN", pair[0])
        right = Signer("CÁN BỘ TIẾP NHẬN", pair[1]) if len(pair) > 1 else None
        story.append(signature_row(left, right, paper))
    return build_pdf(
        story,
        paper,
        title="Báo cáo buổi tiếp nhận thứ Bảy",
        author=unit.unit_name,
        subject=f"{ses.quarter} {ses.day:%d/%m/%Y}",
        form="session_summary",
    )


# --- QR board --------------------------------------------------------------------


class _BoardQr(Flowable):
    """A vector QR code in its own form XObject (a board holds several different ones,
    so the receipt's single ``hccQr`` form cannot be reused)."""

    def __init__(self, payload: str, size: float, name: str) -> None:
        super().__init__()
        matrix = qr_matrix(payload)
        self.n = len(matrix)
        ops: list[str] = []
        for r, row in enumerate(matrix):
            y = self.n - 1 - r
            c = 0
            while c < self.n:
                if row[c]:
                    start = c
                    while c < self.n and row[c]:
                        c += 1
                    ops.append(f"{start} {y} {c - start} 1 re")
                else:
                    c += 1
        ops.append("f")
        self.path = "\n".join(ops)
        self.size = size
        self.name = name
        self.hAlign = "CENTER"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canv: Canvas = self.canv
        if not canv.hasForm(self.name):
            canv.beginForm(self.name, 0, 0, self.n, self.n)
            canv.setFillColor(colors.black)
            canv.addLiteral(self.path)
            canv.endForm()
        canv.saveState()
        scale = self.size / self.n
        canv.scale(scale, scale)
        canv.doForm(self.name)
        canv.restoreState()


def render_qr_board(board: QrBoard, *, today: date) -> bytes:
    """The quarter's A4 poster: the ward, QR codes to the procedures' pages, the
    coming Saturday sessions and the center's phone number."""
    paper = PaperSize.A4
    spec = page_spec(paper)
    st = styles_for(paper)
    big = ParagraphStyle(
        "board-big", parent=st.title, fontSize=22, leading=27, spaceBefore=0, spaceAfter=4
    )
    mid = ParagraphStyle(
        "board-mid", parent=st.center, fontName=st.fonts.bold, fontSize=16, leading=20
    )
    label = ParagraphStyle(
        "board-label", parent=st.cell_center, fontSize=11, leading=13.5, alignment=TA_CENTER
    )
    story: list[Flowable] = []
    if board.parent_body:
        story.append(Paragraph(esc(board.parent_body.upper()), mid))
    story.append(Paragraph(esc(board.unit_name.upper()), mid))
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("TRA CỨU THỦ TỤC HÀNH CHÍNH", big))
    story.append(Paragraph(esc(board.quarter), mid))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            "Quét mã QR bằng điện thoại để xem thành phần hồ sơ, thời hạn và phí, lệ phí "
            "của thủ tục.",
            st.center,
        )
    )
    story.append(Spacer(1, 3 * mm))
    columns = 3
    cell_w = spec.text_width / columns
    qr_size = cell_w - 8 * mm  # about 45 mm: easy to scan from a metre away
    cells: list[list[Flowable]] = []
    for i, link in enumerate(board.links):
        cells.append(
            [
                _BoardQr(link.url, qr_size, f"hccBoardQr{i}"),
                Spacer(1, 1.5 * mm),
                Paragraph(esc(link.procedure_name), label),
            ]
        )
    rows: list[list[object]] = []
    for i in range(0, len(cells), columns):
        row: list[object] = list(cells[i : i + columns])
        row += [""] * (columns - len(row))
        rows.append(row)
    if rows:
        story.append(
            grid(
                rows,
                [cell_w] * columns,
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ],
            )
        )
    story.append(Spacer(1, 4 * mm))
    story.append(Paragraph("LỊCH TIẾP NHẬN HỒ SƠ NGÀY THỨ BẢY TẠI KHU PHỐ", mid))
    if board.sessions:
        for ses in board.sessions:
            place = f" tại {esc(ses.place)}" if ses.place else ""
            story.append(Paragraph(f"• {esc(session_when(ses))}{place}", st.center))
    else:
        story.append(Paragraph("Lịch sẽ được thông báo sau.", st.center))
    story.append(Spacer(1, 4 * mm))
    phone = board.phone or "……"
    story.append(Paragraph(f"Điện thoại hỗ trợ: <b>{esc(phone)}</b>", mid))
    story.append(
        Paragraph(
            f"<i>Cập nhật ngày {today:%d/%m/%Y}</i>",
            ParagraphStyle("board-small", parent=st.small, alignment=TA_CENTER),
        )
    )
    return build_pdf(
        story,
        paper,
        title=f"Bảng mã QR thủ tục hành chính – {board.quarter}",
        author=board.unit_name,
        subject=board.quarter,
        form="qr_board",
    )
