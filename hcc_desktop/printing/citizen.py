"""The human-readable copy of a citizen's data (``citizen export``; issue 12 item 4).

Takes the same plain mapping the export writes as ``citizen.json`` (see
services/access/export.py for its keys) and lays it out in Vietnamese, in the
embedded Liberation Serif: who the citizen is, each dossier with its papers,
history, fee, ratings and complaints, the home-service register, the files held
and who opened, printed or exported the data.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from hcc_desktop.core.domain import PaperSize
from hcc_desktop.core.text import format_money
from hcc_desktop.printing.forms import FEE_METHOD_LABELS
from hcc_desktop.printing.layout import esc, page_spec, styles_for

_ACTIONS = {
    "open": "Mở hồ sơ",
    "print": "In phiếu",
    "export": "Xuất dữ liệu",
    "attachment": "Mở/lưu tệp",
}


_FORMS = {"original": "Bản chính", "certified": "Bản sao chứng thực", "copy": "Bản sao"}
_ID_TYPES = {"cccd": "Căn cước công dân", "cmnd": "Chứng minh nhân dân", "passport": "Hộ chiếu"}
_GENDERS = {"male": "Nam", "female": "Nữ"}


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value)


def _when(value: Any) -> str:
    """ISO text (``2026-12-06T08:30:00``) as ``06/12/2026 08:30``."""
    if not isinstance(value, str) or len(value) < 10:
        return _text(value)
    day = f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return f"{day} {value[11:16]}" if len(value) >= 16 else day


def render_citizen(data: Mapping[str, Any], *, paper: PaperSize = PaperSize.A4) -> bytes:
    """``data`` (the export's JSON document) as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = styles_for(paper)
    spec = page_spec(paper)
    body = ParagraphStyle("citizen-body", parent=styles.body_left, spaceAfter=2)
    head = ParagraphStyle(
        "citizen-head", parent=body, fontName=styles.fonts.bold, spaceBefore=8, spaceAfter=4
    )
    cell = ParagraphStyle("citizen-cell", parent=styles.cell, fontSize=spec.table - 1)
    story: list[Any] = []

    def p(markup: str, style: ParagraphStyle = body) -> None:
        story.append(Paragraph(markup, style))

    def table(
        header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]
    ) -> None:
        if not rows:
            p("<i>Không có.</i>")
            return
        total = sum(widths)
        scaled = [w / total * spec.text_width for w in widths]
        cells = [[Paragraph(f"<b>{esc(h)}</b>", cell) for h in header]]
        cells += [[Paragraph(esc(v), cell) for v in row] for row in rows]
        t = Table(cells, colWidths=scaled, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ]
            )
        )
        story.append(t)
        story.append(Spacer(1, 4))

    citizen = data.get("citizen") or {}
    unit = data.get("unit") or {}
    story.append(Paragraph(esc(_text(unit.get("name"))), styles.center))
    story.append(Paragraph("DỮ LIỆU CÁ NHÂN CỦA CÔNG DÂN", styles.title))
    p(
        f"Xuất theo yêu cầu của chủ thể dữ liệu (Luật Bảo vệ dữ liệu cá nhân) lúc "
        f"{esc(_when(data.get('exported_at')))}, người xuất: "
        f"{esc(_text((data.get('exported_by') or {}).get('name')))}."
    )
    p("1. Thông tin công dân", head)
    for label, key in (
        ("Họ và tên", "full_name"),
        ("Số định danh / giấy tờ", "id_number"),
        ("Loại giấy tờ", "id_type"),
        ("Ngày sinh", "date_of_birth"),
        ("Giới tính", "gender"),
        ("Số điện thoại", "phone"),
        ("Địa chỉ", "address"),
        ("Thư điện tử", "email"),
    ):
        value = citizen.get(key)
        if key == "id_type":
            value = _ID_TYPES.get(str(value), value)
        elif key == "gender":
            value = _GENDERS.get(str(value), value)
        p(f"{label}: {esc(_text(value))}")

    dossiers = data.get("dossiers") or []
    p(f"2. Hồ sơ thủ tục hành chính ({len(dossiers)})", head)
    for d in dossiers:
        p(
            f"<b>Hồ sơ {esc(d.get('code'))}</b> — {esc(_text(d.get('procedure_name')))} "
            f"({esc(_text(d.get('procedure_code')))})"
        )
        p(
            f"Tiếp nhận: {esc(_when(d.get('received_at')))}, hẹn trả: "
            f"{esc(_when(d.get('due_at')))}, trạng thái: {esc(_text(d.get('status_name')))}, "
            f"người tiếp nhận: {esc(_text(d.get('received_by')))}."
        )
        fee = d.get("fee") or {}
        amount = fee.get("amount")
        money = format_money(amount) if isinstance(amount, int) else _text(amount)
        # The slips' words (a StrEnum key matches its text).
        method = FEE_METHOD_LABELS.get(str(fee.get("method")), fee.get("method"))  # type: ignore[call-overload]
        p(
            f"Phí, lệ phí: {esc(money)}, hình thức: "
            f"{esc(_text(method))}, thanh toán trực tuyến: "
            f"{esc(_text(fee.get('paid_online')))}."
        )
        table(
            ["Thành phần hồ sơ", "Hình thức", "Số lượng"],
            [
                [
                    _text(c.get("name")),
                    _FORMS.get(str(c.get("form")), _text(c.get("form"))),
                    _text(c.get("count")),
                ]
                for c in d.get("components") or []
            ],
            [6, 2, 1],
        )
        table(
            ["Thời điểm", "Sự kiện", "Cán bộ", "Ghi chú"],
            [
                [
                    _when(e.get("at")),
                    _text(e.get("kind_name") or e.get("kind")),
                    _text(e.get("actor")),
                    e.get("reason") or "",
                ]
                for e in d.get("events") or []
            ],
            [2, 2.5, 2, 3.5],
        )
        for r in d.get("ratings") or []:
            p(
                f"Đánh giá {esc(_when(r.get('rated_at')))}: thuận tiện "
                f"{esc(_text(r.get('convenience')))}, chung {esc(_text(r.get('overall')))}; "
                f"{esc(r.get('comment') or '')}"
            )
        for c in d.get("complaints") or []:
            p(
                f"Phản ánh {esc(_when(c.get('received_at')))}: {esc(_text(c.get('content')))} "
                f"— xử lý: {esc(_text(c.get('resolution')))}"
            )

    residents = data.get("home_service") or []
    p(f"3. Sổ phục vụ tại nhà ({len(residents)})", head)
    for r in residents:
        p(
            f"{esc(_text(r.get('full_name')))}, {esc(_text(r.get('address')))}, "
            f"ĐT {esc(_text(r.get('phone')))}, đồng ý từ {esc(_text(r.get('consent_on')))}"
        )
        table(
            ["Yêu cầu", "Nội dung", "Trạng thái", "Thực hiện", "Kết quả"],
            [
                [
                    _when(v.get("requested_at")),
                    _text(v.get("purpose")),
                    _text(v.get("status")),
                    _when(v.get("done_at")),
                    v.get("outcome") or "",
                ]
                for v in r.get("visits") or []
            ],
            [2, 3, 1.5, 2, 3],
        )

    files = data.get("attachments") or []
    p(f"4. Tệp đính kèm đang lưu ({len(files)})", head)
    table(
        ["Tệp trong gói", "Hồ sơ", "Loại", "Số trang"],
        [
            [
                _text(f.get("file")),
                _text(f.get("dossier_code")),
                _text(f.get("kind")),
                _text(f.get("pages")),
            ]
            for f in files
        ],
        [4, 3, 1.5, 1],
    )

    access = data.get("access_log") or []
    p(f"5. Nhật ký truy cập dữ liệu ({len(access)})", head)
    table(
        ["Thời điểm", "Cán bộ", "Thao tác", "Hồ sơ", "Chi tiết"],
        [
            [
                _when(a.get("at")),
                _text(a.get("officer_name") or a.get("officer")),
                _ACTIONS.get(str(a.get("action")), _text(a.get("action"))),
                _text(a.get("dossier_code")),
                a.get("detail") or "",
            ]
            for a in access
        ],
        [2, 2, 1.6, 2.6, 3.4],
    )

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(spec.width, spec.height),
        leftMargin=spec.left,
        rightMargin=spec.right,
        topMargin=spec.top,
        bottomMargin=spec.bottom,
        title="Dữ liệu cá nhân của công dân",
        author=_text(unit.get("name")),
    )
    doc.build(story)
    return buffer.getvalue()
