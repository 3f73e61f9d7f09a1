"""Mẫu 01 and Mẫu 02 of Circular 03/2025/TT-VPCP as PDF bytes (reportlab, Qt-free)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from hcc_desktop.core.domain import (
    DocForm,
    Dossier,
    FeeMethod,
    IdType,
    MissingComponent,
    PaperSize,
    Person,
    Procedure,
    ReceivedComponent,
    ResultDelivery,
    SupplementGuidance,
    UnitInfo,
)
from hcc_desktop.core.text import format_money
from hcc_desktop.printing import wording
from hcc_desktop.printing.layout import (
    BLANK,
    CheckBox,
    QrFlowable,
    RestartNumbering,
    Signer,
    build_pdf,
    clock_phrase,
    count_text,
    esc,
    grid,
    national_header,
    one_line_size,
    page_spec,
    para,
    ruled_table,
    signature_row,
    styles_for,
    title,
)

RECEIPT_TITLE = wording.RECEIPT["title"]
SUPPLEMENT_TITLE = wording.SUPPLEMENT["title"]
DELIVERY_LABELS = {
    ResultDelivery.COUNTER: "Trung tâm Phục vụ hành chính công",
    ResultDelivery.POSTAL: "Dịch vụ bưu chính công ích",
}
FEE_METHOD_LABELS = {
    FeeMethod.CASH: "tiền mặt",
    FeeMethod.TRANSFER: "chuyển khoản",
    FeeMethod.EXEMPT: "miễn",
}
_COUNT_HEAD = ("Bản<br/>chính", "Bản<br/>chứng thực", "Bản<br/>photo")


def lookup_url(unit: UnitInfo, code: str) -> str:
    """The public status page of dossier ``code``, or "" when the unit has none configured.

    ``{code}`` in ``unit.public_lookup_url`` is replaced; without the
    placeholder the code is appended as the ``ma`` query parameter.
    """
    template = unit.public_lookup_url.strip()
    if not template:
        return ""
    quoted = quote(code.strip(), safe="")
    if "{code}" in template:
        return template.replace("{code}", quoted)
    if template.endswith(("?", "&")):
        return f"{template}ma={quoted}"
    separator = "&" if "?" in template else "?"
    return f"{template}{separator}ma={quoted}"


def qr_payload(unit: UnitInfo, code: str) -> str:
    """What the receipt's QR code carries: the lookup URL when configured, else the code."""
    return lookup_url(unit, code) or code.strip()


# --- shared pieces ---------------------------------------------------------------


def _id_line(person: Person) -> str:
    label = "Số CMND" if person.id_type == IdType.CMND else "Số CCCD/Hộ chiếu"
    return f"{label}: {esc(person.id_number) or BLANK}"


def _contact_line(person: Person) -> str:
    line = f"Số điện thoại: {esc(person.phone) or BLANK}"
    if person.email.strip():
        line += f"&nbsp;&nbsp;&nbsp;&nbsp;Email: {esc(person.email.strip())}"
    return line


def _same_person(a: Person, b: Person) -> bool:
    return a.id_number.strip() == b.id_number.strip() and a.full_name.strip() == b.full_name.strip()


def _count_widths(paper: PaperSize, extra: tuple[float, ...] = ()) -> list[float]:
    """TT | name | 3 counts | extra…; the name column takes what is left."""
    spec = page_spec(paper)
    bold = styles_for(paper).fonts.bold
    tt = spec.table * 2.2
    count = stringWidth("chứng thực", bold, spec.table) + 9
    name = spec.text_width - tt - 3 * count - sum(extra)
    return [tt, name, count, count, count, *extra]


@dataclass
class _Row:
    name: str
    originals: int = 0
    certified: int = 0
    copies: int = 0

    def add(self, form: DocForm, count: int) -> None:
        if form == DocForm.ORIGINAL:
            self.originals += count
        elif form == DocForm.CERTIFIED:
            self.certified += count
        else:
            self.copies += count


def _component_rows(components: tuple[ReceivedComponent, ...]) -> list[_Row]:
    """One row per paper: a component handed in as original and copy shares its row."""
    rows: dict[str, _Row] = {}
    for comp in components:
        name = comp.name.strip()
        if comp.reused_digital:
            name += " (tái sử dụng kết quả số hóa)"
        key = f"id:{comp.component_id}" if comp.component_id else f"name:{name}"
        row = rows.setdefault(key, _Row(name))
        row.add(comp.form, comp.count)
    return list(rows.values())


def _days_phrase(days: int) -> str:
    w = wording.RECEIPT
    return w["days_same_day"] if days <= 0 else w["days"].format(days=days)


def _fee_phrase(dossier: Dossier, fee_note: str) -> str:
    method = FEE_METHOD_LABELS.get(dossier.fee_method) if dossier.fee_method else None
    if dossier.fee_amount > 0:
        text = format_money(dossier.fee_amount)
        if method:
            text += f" ({method})"
    elif dossier.fee_method == FeeMethod.EXEMPT:
        text = "Miễn"
    else:
        text = "Không"
    note = fee_note.strip()
    if note:
        text += f"; {note}"
    return text


def _delivery_block(choice: ResultDelivery, paper: PaperSize) -> Table:
    """Item 6 with a box per option; the chosen one carries an "X"."""
    spec = page_spec(paper)
    st = styles_for(paper)
    label = Paragraph("6. Đăng ký nhận kết quả tại:", st.body_left)
    label_w = stringWidth("6. Đăng ký nhận kết quả tại:", st.fonts.regular, spec.body) + 6
    box = spec.body * 0.8
    rows: list[list[object]] = []
    for i, option in enumerate((ResultDelivery.COUNTER, ResultDelivery.POSTAL)):
        rows.append(
            [
                label if i == 0 else "",
                CheckBox(choice == option, box, st.fonts.bold),
                Paragraph(esc(DELIVERY_LABELS[option]), st.body_left),
            ]
        )
    return grid(
        rows,
        [label_w, box + 6, spec.text_width - label_w - box - 6],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), spec.gap),
            # Sit the box on the text baseline, like a glyph would.
            ("TOPPADDING", (1, 0), (1, -1), spec.body - box + 1),
        ],
    )


# --- Mẫu 01 --------------------------------------------------------------------

W1 = wording.RECEIPT


def _code_and_applicant(
    code: str, copy_line: str, owner: Person, unit: UnitInfo, paper: PaperSize
) -> Table:
    """Dossier code, which copy this is, lookup address and applicant lines, with
    the QR code on their right.

    Running the applicant lines beside the QR code costs it no height of its own,
    which is what lets a typical receipt fit one A5 sheet.
    """
    spec = page_spec(paper)
    st = styles_for(paper)
    url = lookup_url(unit, code)
    text_w = spec.text_width - spec.qr_size - 6
    beside_qr: list[Flowable] = [Paragraph(W1["code"].format(code=esc(code)), st.code)]
    if copy_line:
        beside_qr.append(Paragraph(esc(copy_line), _copy_style(paper)))
    if url:
        line = W1["lookup"].format(url=url)
        size = one_line_size(line, st.fonts.italic, spec.small, text_w - 1)
        style = ParagraphStyle(
            f"lookup-{paper}-{size:.2f}", parent=st.small, fontSize=size, leading=size * 1.25
        )
        beside_qr.append(Paragraph(esc(line), style))
    else:
        beside_qr.append(Paragraph(esc(W1["lookup_code"]), st.small))
    beside_qr.append(Spacer(1, spec.gap))
    beside_qr += [
        para(
            W1["intro"].format(unit=esc(unit.unit_name.strip()), name=esc(owner.full_name)), paper
        ),
        para(_id_line(owner), paper),
        para(f"Địa chỉ: {esc(owner.address) or BLANK}", paper),
        para(_contact_line(owner), paper),
    ]
    return grid(
        [[beside_qr, QrFlowable(qr_payload(unit, code), spec.qr_size)]],
        [text_w, spec.text_width - text_w],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            # A cell drops its last paragraph's spaceAfter; keep the body rhythm.
            ("BOTTOMPADDING", (0, 0), (-1, -1), spec.gap),
        ],
    )


def _copy_style(paper: PaperSize) -> ParagraphStyle:
    st = styles_for(paper)
    return ParagraphStyle(f"copy-{paper}", parent=st.small, fontName=st.fonts.bold)


def copy_label(number: int) -> str:
    """``(Liên 1: Lưu)`` for the first copy, ``(Liên 2: Giao người nộp hồ sơ)`` after."""
    return W1["copy_1"] if number <= 1 else W1["copy_2"]


def appointment_change(dossier: Dossier) -> tuple[datetime, str] | None:
    """(adjusted appointment, reason) when it moved since the receipt, else None.

    Waiting for a supplement moves ``due_at`` away from ``original_due_at``; an
    apology (Mẫu 04) proposes a new appointment (``proposed_due_at``).
    """
    original = dossier.original_due_at or dossier.due_at
    reasons: list[str] = []
    adjusted = dossier.due_at
    if dossier.due_at != original:
        reasons.append(W1["reason_supplement"])
    if dossier.proposed_due_at is not None and dossier.proposed_due_at != original:
        adjusted = dossier.proposed_due_at
        reasons.append(W1["reason_extension"])
    if not reasons:
        return None
    return adjusted, "; ".join(reasons)


def _receipt_copy(
    dossier: Dossier,
    procedure: Procedure,
    unit: UnitInfo,
    paper: PaperSize,
    fee_note: str,
    copy_line: str,
) -> list[Flowable]:
    """The story of one copy (liên) of Mẫu 01."""
    owner = dossier.owner
    code = dossier.code.strip()
    proc_name = dossier.procedure_name.strip() or procedure.name.strip()
    proc_code = dossier.procedure_code.strip() or procedure.code.strip()

    # Mẫu 01 carries no "Số:" line: the book number and order close the form.
    story: list[Flowable] = national_header(
        unit, paper, number=None, day=dossier.received_at.date()
    )
    story.append(title(W1["title"], paper))
    story.append(_code_and_applicant(code, copy_line, owner, unit, paper))

    submitter = dossier.submitter
    if submitter is not None and not _same_person(submitter, owner):
        line = W1["submitter"].format(name=esc(submitter.full_name))
        if submitter.id_number.strip():
            kind = "CMND" if submitter.id_type == IdType.CMND else "CCCD/Hộ chiếu"
            line += f", {kind} {esc(submitter.id_number.strip())}"
        story.append(para(line, paper))
    story.append(para(W1["request"].format(procedure=esc(proc_name), code=esc(proc_code)), paper))

    story.append(para(W1["item_components"], paper))
    rows = [
        [
            str(i),
            row.name,
            count_text(row.originals),
            count_text(row.certified),
            count_text(row.copies),
        ]
        for i, row in enumerate(_component_rows(dossier.components), start=1)
    ]
    if not rows:
        rows = [["", "(không có)", "", "", ""]]
    story.append(
        ruled_table(("TT", "Tên giấy tờ", *_COUNT_HEAD), rows, _count_widths(paper), paper)
    )

    story.append(para(W1["item_sets"].format(sets=dossier.sets_count), paper))
    story.append(para(W1["item_days"].format(days=_days_phrase(dossier.processing_days)), paper))
    story.append(para(W1["item_received"].format(when=clock_phrase(dossier.received_at)), paper))
    change = appointment_change(dossier)
    if change is None:
        story.append(para(W1["item_due"].format(when=clock_phrase(dossier.due_at)), paper))
    else:
        adjusted, reason = change
        original = dossier.original_due_at or dossier.due_at
        story.append(para(W1["item_due_original"].format(when=clock_phrase(original)), paper))
        story.append(
            para(
                W1["item_due_adjusted"].format(when=clock_phrase(adjusted), reason=esc(reason)),
                paper,
            )
        )
    story.append(_delivery_block(dossier.result_delivery, paper))
    book = esc(dossier.book_no.strip()) or BLANK
    order = str(dossier.order_no) if dossier.order_no > 0 else BLANK
    submitter_name = (submitter.full_name if submitter is not None else owner.full_name).strip()
    # Signatures never stand alone on a page: the last lines move with them.
    story.append(
        KeepTogether(
            [
                para(W1["fee"].format(fee=esc(_fee_phrase(dossier, fee_note))), paper),
                para(W1["book"].format(book=book, order=order), paper),
                signature_row(
                    Signer(W1["sign_left"], submitter_name),
                    Signer(W1["sign_right"], dossier.received_by),
                    paper,
                ),
                Paragraph(
                    esc(W1["closing"].format(unit=unit.unit_name.strip() or BLANK)),
                    _closing_style(paper),
                ),
            ]
        )
    )
    return story


def _closing_style(paper: PaperSize) -> ParagraphStyle:
    st = styles_for(paper)
    return ParagraphStyle(f"closing-{paper}", parent=st.small, spaceBefore=page_spec(paper).gap * 2)


def render_receipt(
    dossier: Dossier,
    procedure: Procedure,
    unit: UnitInfo,
    *,
    paper: PaperSize = PaperSize.A4,
    fee_note: str = "",
    copies: int = 2,
) -> bytes:
    """Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả, as PDF bytes.

    ``copies`` liên in one document, each from a new page and numbered from 1:
    the first says "(Liên 1: Lưu)", the others "(Liên 2: Giao người nộp hồ sơ)";
    printing the document once gives one of each. The dossier's own snapshot of
    the procedure (name, code, processing days) wins over ``procedure``, whose
    catalog entry may have changed since intake. Raises :class:`PrintError`
    when reportlab fails.
    """
    paper = PaperSize(paper)
    story: list[Flowable] = []
    for number in range(1, max(1, copies) + 1):
        if number > 1:
            story += [RestartNumbering(), PageBreak()]
        story += _receipt_copy(dossier, procedure, unit, paper, fee_note, copy_label(number))
    return build_pdf(
        story,
        paper,
        title=W1["doc_title"],
        author=unit.unit_name.strip(),
        subject=dossier.code.strip(),
        form="01",
    )


# --- Mẫu 02 --------------------------------------------------------------------


def _missing_rows(missing: tuple[MissingComponent, ...]) -> list[list[str]]:
    return [
        [
            str(i),
            item.name.strip(),
            count_text(item.originals),
            count_text(item.certified),
            count_text(item.copies),
            item.note.strip(),
        ]
        for i, item in enumerate(missing, start=1)
    ]


def render_supplement_guidance(
    guidance: SupplementGuidance,
    unit: UnitInfo,
    *,
    paper: PaperSize = PaperSize.A4,
) -> bytes:
    """Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, as PDF bytes.

    The dossier code line is printed when the dossier exists (a request made
    after intake). Raises :class:`PrintError` when reportlab fails.
    """
    w = wording.SUPPLEMENT
    paper = PaperSize(paper)
    spec = page_spec(paper)
    st = styles_for(paper)
    person = guidance.applicant

    story: list[Flowable] = national_header(
        unit, paper, number=BLANK, day=guidance.guided_at.date()
    )
    story.append(title(w["title"], paper))
    code = guidance.dossier_code.strip()
    if code:
        story.append(Paragraph(w["code"].format(code=esc(code)), st.code))
        story.append(Spacer(1, spec.gap * 3))
    story.append(para(w["applicant"].format(name=esc(person.full_name)), paper, loose=True))
    story.append(para(_id_line(person), paper, loose=True))
    story.append(para(f"Địa chỉ: {esc(person.address) or BLANK}", paper, loose=True))
    story.append(para(_contact_line(person), paper, loose=True))
    story.append(
        para(
            w["request"].format(
                procedure=esc(guidance.procedure_name.strip()),
                code=esc(guidance.procedure_code.strip()),
            ),
            paper,
            loose=True,
        )
    )
    story.append(para(w["ask"], paper, loose=True))
    rows = _missing_rows(guidance.missing) or [["", "(không có)", "", "", "", ""]]
    note_w = spec.table * 6.5
    story.append(
        ruled_table(
            ("TT", "Tên giấy tờ", *_COUNT_HEAD, "Ghi chú"),
            rows,
            _count_widths(paper, (note_w,)),
            paper,
            left_columns=frozenset({1, 5}),
        )
    )
    story.append(
        para(w["reason"].format(reason=esc(guidance.reason.strip()) or BLANK), paper, loose=True)
    )

    officer = esc(guidance.guided_by.strip()) or BLANK
    phone = guidance.officer_phone.strip() or unit.phone.strip()
    phone_part = w["contact_phone"].format(phone=esc(phone)) if phone else ""
    story.append(para(w["contact"].format(officer=officer, phone=phone_part), paper, loose=True))
    hint = guidance.lookup_hint.strip()
    if hint:
        story.append(para(w["lookup"].format(hint=esc(hint)), paper, loose=True))

    story.append(signature_row(None, Signer(w["sign_right"], guidance.guided_by), paper))
    return build_pdf(
        story,
        paper,
        title=w["doc_title"],
        author=unit.unit_name.strip(),
        subject=guidance.procedure_code.strip(),
        form="02",
    )
