"""Mẫu 03–07 of Circular 03/2025/TT-VPCP as PDF bytes (reportlab, Qt-free).

03 refusal, 04 apology with a new appointment, 05 notice of stopping, 06 process
control slip and 07 tracking book. They share the look of the receipt (Mẫu 01):
the same national header, body type, ruled tables and signature blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from hcc_desktop.core.domain import Dossier, IdType, PaperSize, Person, UnitInfo
from hcc_desktop.core.errors import PrintError
from hcc_desktop.core.text import nfc
from hcc_desktop.printing import wording
from hcc_desktop.printing.forms import _contact_line, _id_line, _same_person, qr_payload
from hcc_desktop.printing.layout import (
    A4_LANDSCAPE,
    BLANK,
    PageSpec,
    QrFlowable,
    Signer,
    _rule,
    build_document,
    build_pdf,
    clock_phrase,
    esc,
    esc_lines,
    grid,
    header_lines,
    national_header,
    page_spec,
    para,
    ruled_grid,
    signature_row,
    styles_for,
    title,
    wrap_text,
)

# Titles and fixed sentences are data: printing/wording.py.
REFUSAL_TITLE = wording.REFUSAL["title"]
APOLOGY_TITLE = wording.APOLOGY["title"]
STOP_TITLE = wording.STOP["title"]
CONTROL_TITLE = wording.CONTROL["title"]
BOOK_TITLE = wording.BOOK_TITLE
NO_ROWS = wording.BOOK_NO_ROWS

TIMELINESS_LABELS = dict(wording.TIMELINESS)
# A head of agency signs and stamps letters; officers only sign slips.
SEAL_NOTE = wording.SEAL_NOTE

W6 = wording.CONTROL

# Columns of Mẫu 07, shared by the PDF and the .xlsx book ("\n": preferred break).
BOOK_COLUMNS = wording.BOOK_COLUMNS


# --- inputs ----------------------------------------------------------------------


@dataclass(frozen=True)
class RefusalNotice:
    """Mẫu 03: the counter refuses to accept a dossier."""

    dossier: Dossier
    reason: str
    refused_by: str
    refused_at: datetime
    number: str = ""  # "Số:" of the slip; blank lines to fill by hand when empty


@dataclass(frozen=True)
class ApologyLetter:
    """Mẫu 04: apology for a late result, with the new appointment."""

    dossier: Dossier
    reason: str
    new_due_at: datetime
    signer_title: str  # e.g. "GIÁM ĐỐC" or "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str
    issued_at: datetime
    number: str = ""


@dataclass(frozen=True)
class StopNotice:
    """Mẫu 05: the processing of a dossier is stopped."""

    dossier: Dossier
    reason: str
    signer_title: str
    signer_name: str
    issued_at: datetime
    number: str = ""


@dataclass(frozen=True)
class ControlStep:
    """One hand-over of the dossier: who gave it to whom, when, and how it stood."""

    action: str  # "Giao: <body>\nNhận: <body>" (see hand_over_text)
    giver: str
    receiver: str
    at: datetime
    timeliness: str | None = None  # "early" | "on_time" | "late"
    note: str = ""


def hand_over_text(giver_body: str, receiver_body: str) -> str:
    """The first cell of a Mẫu 06 row: "Giao: <body>" over "Nhận: <body>"."""
    return (
        W6["give"].format(body=nfc(giver_body).strip() or BLANK)
        + "\n"
        + W6["take"].format(body=nfc(receiver_body).strip() or BLANK)
    )


@dataclass(frozen=True)
class ControlSlip:
    """Mẫu 06: travels with the dossier; every hand-over is one row."""

    dossier: Dossier
    steps: tuple[ControlStep, ...]
    timeliness: str | None = None  # of the whole dossier, once it has ended
    blank_rows: int = 0  # empty rows to fill by hand (a slip printed at intake)
    handling_body: str = ""  # cơ quan (bộ phận) giải quyết hồ sơ; blank to fill by hand
    cooperating_bodies: tuple[str, ...] = ()  # cơ quan phối hợp giải quyết hồ sơ


@dataclass(frozen=True)
class BookRow:
    """One dossier in the tracking book."""

    order_no: int
    code: str
    procedure_name: str
    sets_count: int
    owner_name: str
    owner_address: str
    owner_phone: str
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None  # ngày trả kết quả (handed to the citizen)
    received_by: str
    collected_by: str
    note: str = ""
    handling_body: str = ""  # cơ quan chủ trì giải quyết (a department); blank if unknown
    result_at: datetime | None = None  # ngày có kết quả (the result came back)


@dataclass(frozen=True)
class TrackingBook:
    """Mẫu 07: the rows of one book over a period."""

    unit: UnitInfo
    book_no: str
    period_from: date
    period_to: date
    rows: tuple[BookRow, ...]


# --- shared pieces ---------------------------------------------------------------


def timeliness_label(value: str | None) -> str:
    """``Trước hạn`` / ``Đúng hạn`` / ``Quá hạn``; "" for None.

    Raises :class:`PrintError` ``unknown_timeliness`` for any other value.
    """
    if value is None:
        return ""
    try:
        return TIMELINESS_LABELS[str(value)]
    except KeyError:
        raise PrintError("unknown_timeliness", value=str(value)) from None


def _unit_name(unit: UnitInfo) -> str:
    return esc(nfc(unit.unit_name)) or BLANK


def _procedure(dossier: Dossier) -> str:
    name = f"<b>{esc(nfc(dossier.procedure_name)) or BLANK}</b>"
    code = nfc(dossier.procedure_code)
    return f"{name} (mã {esc(code)})" if code else name


def _reason(text: str) -> str:
    return esc_lines(text) or BLANK


def _submitter_name(dossier: Dossier) -> str:
    person = dossier.submitter or dossier.owner
    return nfc(person.full_name)


def _applicant_lines(dossier: Dossier, paper: PaperSize) -> list[Flowable]:
    """ID, address and contact lines of the owner, then the submitter if another person."""
    owner = dossier.owner
    lines = [
        para(_id_line(owner), paper, loose=True),
        para(f"Địa chỉ: {esc(nfc(owner.address)) or BLANK}", paper, loose=True),
        para(_contact_line(owner), paper, loose=True),
    ]
    submitter = dossier.submitter
    if submitter is not None and not _same_person(submitter, owner):
        lines.append(para(_submitter_line(submitter), paper, loose=True))
    return lines


def _submitter_line(person: Person) -> str:
    line = f"Người nộp hồ sơ: {esc(nfc(person.full_name))}"
    if person.id_number.strip():
        kind = "CMND" if person.id_type == IdType.CMND else "CCCD/Hộ chiếu"
        line += f", {kind} {esc(nfc(person.id_number))}"
    return line


@cache
def _letter_style(paper: PaperSize) -> ParagraphStyle:
    """Body of the letters (04, 05): first lines indented as Decree 30/2020 lays them."""
    st = styles_for(paper)
    return ParagraphStyle(
        f"letter-{paper}", parent=st.body_loose, firstLineIndent=page_spec(paper).body * 2
    )


def _letter(markup: str, paper: PaperSize) -> Paragraph:
    return Paragraph(markup, _letter_style(paper))


def _addressee(owner: Person, paper: PaperSize) -> Paragraph:
    gap = page_spec(paper).gap
    style = ParagraphStyle(
        f"addressee-{paper}",
        parent=styles_for(paper).center,
        spaceBefore=gap * 2,
        spaceAfter=gap * 4,
    )
    return Paragraph(wording.ADDRESSEE.format(name=esc(nfc(owner.full_name))), style)


def _when(moment: datetime) -> str:
    """:func:`clock_phrase` as markup that never breaks inside "16 giờ 30 phút"."""
    time_part, day_part = clock_phrase(moment).split(", ", 1)
    return f"{time_part.replace(' ', '&nbsp;')}, {day_part.replace(' ', '&nbsp;')}"


def _day(moment: datetime) -> str:
    return f"{moment:%d/%m/%Y}"


# --- Mẫu 03 ----------------------------------------------------------------------


def render_refusal(
    notice: RefusalNotice, unit: UnitInfo, *, paper: PaperSize = PaperSize.A4
) -> bytes:
    """Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ, as PDF bytes.

    Raises :class:`PrintError` when reportlab fails.
    """
    paper = PaperSize(paper)
    st = styles_for(paper)
    dossier = notice.dossier
    story: list[Flowable] = national_header(
        unit, paper, number=nfc(notice.number) or BLANK, day=notice.refused_at.date()
    )
    story.append(title(REFUSAL_TITLE, paper))
    if dossier.code.strip():
        story.append(Paragraph(f"Mã hồ sơ: <b>{esc(nfc(dossier.code))}</b>", st.code))
        story.append(Spacer(1, page_spec(paper).gap * 3))
    w = wording.REFUSAL
    story.append(
        para(
            w["intro"].format(unit=_unit_name(unit), name=esc(nfc(dossier.owner.full_name))),
            paper,
            loose=True,
        )
    )
    story += _applicant_lines(dossier, paper)
    story.append(para(f"Nội dung yêu cầu giải quyết: {_procedure(dossier)}", paper, loose=True))
    story.append(
        para(
            w["refusal"].format(unit=_unit_name(unit), reason=_reason(notice.reason)),
            paper,
            loose=True,
        )
    )
    story.append(
        KeepTogether(
            [
                para(w["closing"], paper, loose=True),
                signature_row(
                    Signer(w["sign_left"], _submitter_name(dossier)),
                    Signer(w["sign_right"], nfc(notice.refused_by)),
                    paper,
                ),
            ]
        )
    )
    return build_pdf(
        story,
        paper,
        title=w["doc_title"],
        author=nfc(unit.unit_name),
        subject=nfc(dossier.code),
        form="03",
    )


# --- Mẫu 04 ----------------------------------------------------------------------


def render_apology(
    letter: ApologyLetter, unit: UnitInfo, *, paper: PaperSize = PaperSize.A4
) -> bytes:
    """Mẫu 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, as PDF bytes.

    Signed by the head of the body that caused the delay (``signer_title``).

    The missed appointment is the one the receipt promised
    (``original_due_at``), not one moved later by supplement waiting time.
    Raises :class:`PrintError` when reportlab fails.
    """
    paper = PaperSize(paper)
    dossier = letter.dossier
    unit_name = _unit_name(unit)
    promised = dossier.original_due_at or dossier.due_at
    story: list[Flowable] = national_header(
        unit, paper, number=nfc(letter.number) or BLANK, day=letter.issued_at.date()
    )
    w = wording.APOLOGY
    story.append(title(w["title"], paper))
    story.append(_addressee(dossier.owner, paper))
    story += [
        _letter(
            w["received"].format(
                day=_day(dossier.received_at),
                unit=unit_name,
                code=esc(nfc(dossier.code)),
                procedure=_procedure(dossier),
            ),
            paper,
        ),
        _letter(w["promised"].format(when=_when(promised)), paper),
        _letter(w["delay"].format(reason=_reason(letter.reason)), paper),
        _letter(w["apology"], paper),
        _letter(w["extension"].format(when=_when(letter.new_due_at)), paper),
    ]
    story.append(
        KeepTogether(
            [
                _letter(w["closing"], paper),
                signature_row(
                    None,
                    Signer(letter.signer_title.strip(), nfc(letter.signer_name), SEAL_NOTE),
                    paper,
                ),
            ]
        )
    )
    return build_pdf(
        story,
        paper,
        title=w["doc_title"],
        author=nfc(unit.unit_name),
        subject=nfc(dossier.code),
        form="04",
    )


# --- Mẫu 05 ----------------------------------------------------------------------


def render_stop_notice(
    notice: StopNotice, unit: UnitInfo, *, paper: PaperSize = PaperSize.A4
) -> bytes:
    """Mẫu 05, Thông báo dừng giải quyết hồ sơ, as PDF bytes.

    Raises :class:`PrintError` when reportlab fails.
    """
    paper = PaperSize(paper)
    dossier = notice.dossier
    unit_name = _unit_name(unit)
    story: list[Flowable] = national_header(
        unit, paper, number=nfc(notice.number) or BLANK, day=notice.issued_at.date()
    )
    w = wording.STOP
    story.append(title(w["title"], paper))
    story.append(_addressee(dossier.owner, paper))
    story += [
        _letter(
            w["received"].format(
                day=_day(dossier.received_at),
                unit=unit_name,
                code=esc(nfc(dossier.code)),
                procedure=_procedure(dossier),
            ),
            paper,
        ),
        _letter(w["stop"].format(unit=unit_name, reason=_reason(notice.reason)), paper),
    ]
    story.append(
        KeepTogether(
            [
                _letter(w["closing"], paper),
                signature_row(
                    None,
                    Signer(notice.signer_title.strip(), nfc(notice.signer_name), SEAL_NOTE),
                    paper,
                ),
            ]
        )
    )
    return build_pdf(
        story,
        paper,
        title=w["doc_title"],
        author=nfc(unit.unit_name),
        subject=nfc(dossier.code),
        form="05",
    )


# --- Mẫu 06 ----------------------------------------------------------------------


def _control_widths(paper: PaperSize) -> list[float]:
    """Body | hand-over | result | notes; the hand-over column holds two signatures
    side by side, so it takes what the others leave."""
    spec = page_spec(paper)
    bold = styles_for(paper).fonts.bold
    body = spec.text_width * 0.23
    result = max(spec.text_width * 0.17, stringWidth("GIẢI QUYẾT", bold, spec.table) + 8)
    notes = spec.text_width * 0.15
    return [body, spec.text_width - body - result - notes, result, notes]


def _control_header(slip: ControlSlip, unit: UnitInfo, paper: PaperSize, overall: str) -> Table:
    """Code and dossier facts, with the receipt's QR code on their right.

    The overall result sits here rather than under the table, where it could be
    left alone on a page of its own.
    """
    spec = page_spec(paper)
    st = styles_for(paper)
    dossier = slip.dossier
    code = nfc(dossier.code)
    text_w = spec.text_width - spec.qr_size - 10
    received = _when(dossier.received_at)
    cooperating = "; ".join(nfc(b).strip() for b in slip.cooperating_bodies if b.strip())
    lines: list[Flowable] = [
        para(W6["handling_body"].format(body=esc(nfc(slip.handling_body)) or BLANK), paper),
        para(W6["cooperating_body"].format(body=esc(cooperating) or BLANK), paper),
        Spacer(1, spec.gap * 2),
        Paragraph(W6["code"].format(code=esc(code)), st.code),
        Spacer(1, spec.gap * 3),
        para(W6["owner"].format(name=esc(nfc(dossier.owner.full_name))), paper, loose=True),
        para(W6["phone"].format(phone=esc(nfc(dossier.owner.phone)) or BLANK), paper, loose=True),
        para(W6["request"].format(procedure=_procedure(dossier)), paper, loose=True),
        para(W6["received"].format(when=received), paper, loose=True),
        para(W6["due"].format(when=_when(dossier.due_at)), paper, loose=True),
    ]
    if overall:
        lines.append(para(W6["overall"].format(result=esc(overall)), paper, loose=True))
    return grid(
        [[lines, QrFlowable(qr_payload(unit, code), spec.qr_size)]],
        [text_w, spec.text_width - text_w],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), spec.gap * 3),
        ],
    )


@cache
def _hand_over_styles(paper: PaperSize) -> tuple[ParagraphStyle, ParagraphStyle]:
    """(label, name) styles of the hand-over cell: one point under the table text,
    so that a four-word name holds on one line."""
    st = styles_for(paper)
    size = page_spec(paper).table - 1
    name = ParagraphStyle(
        f"handover-name-{paper}", parent=st.cell_center, fontSize=size, leading=size * 1.2
    )
    label = ParagraphStyle(f"handover-label-{paper}", parent=name, fontName=st.fonts.italic)
    return label, name


def _hand_over(giver: str, receiver: str, width: float, paper: PaperSize) -> Table:
    """The "Người giao | Người nhận" pair, with room to sign above each name."""
    spec = page_spec(paper)
    label, name_style = _hand_over_styles(paper)

    def side(role: str, name: str) -> list[Flowable]:
        return [
            Paragraph(role, label),
            Spacer(1, spec.signature_space * 0.55),
            Paragraph(esc(name) or BLANK, name_style),
        ]

    return grid(
        [[side(W6["giver"], giver), side(W6["receiver"], receiver)]],
        [width / 2, width / 2],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def render_control_slip(
    slip: ControlSlip, unit: UnitInfo, *, paper: PaperSize = PaperSize.A4
) -> bytes:
    """Mẫu 06, Phiếu kiểm soát quá trình giải quyết hồ sơ, as PDF bytes.

    One row per hand-over, then ``blank_rows`` rows to fill by hand (at least
    one when there is no step). Raises :class:`PrintError` ``unknown_timeliness``
    for a timeliness other than early/on_time/late, ``print_failed`` when
    reportlab fails.
    """
    paper = PaperSize(paper)
    spec = page_spec(paper)
    st = styles_for(paper)
    dossier = slip.dossier
    overall = timeliness_label(slip.timeliness)
    widths = _control_widths(paper)
    inner_w = widths[1] - 6

    story: list[Flowable] = national_header(
        unit, paper, number=None, day=dossier.received_at.date()
    )
    story.append(title(W6["title"], paper))
    story.append(_control_header(slip, unit, paper, overall))

    data: list[list[object]] = [
        [
            Paragraph(W6["head_body"], st.cell_head),
            Paragraph(W6["head_time"], st.cell_head),
            Paragraph(esc(W6["head_result"]), st.cell_head),
            Paragraph(W6["head_note"], st.cell_head),
        ]
    ]
    for i, step in enumerate(slip.steps, start=1):
        data.append(
            [
                Paragraph(f"{i}. {esc_lines(step.action) or BLANK}", st.cell),
                [
                    Paragraph(esc(clock_phrase(step.at)), st.cell_center),
                    _hand_over(nfc(step.giver), nfc(step.receiver), inner_w, paper),
                ],
                Paragraph(esc(timeliness_label(step.timeliness)), st.cell_center),
                Paragraph(esc_lines(step.note), st.cell),
            ]
        )
    blanks = max(slip.blank_rows, 0 if slip.steps else 1)
    for i in range(len(slip.steps) + 1, len(slip.steps) + blanks + 1):
        data.append(
            [
                Paragraph(
                    f"{i}. "
                    + W6["give"].format(body=BLANK)
                    + "<br/>"
                    + W6["take"].format(body=BLANK),
                    st.cell,
                ),
                [
                    Paragraph(f"{BLANK} giờ {BLANK} phút, ngày {BLANK}", st.cell_center),
                    _hand_over("", "", inner_w, paper),
                ],
                "",
                "",
            ]
        )
    table = ruled_grid(data, widths, top_padding=2)
    table.spaceBefore = spec.gap * 2
    table.spaceAfter = spec.gap * 3
    story.append(table)
    return build_pdf(
        story,
        paper,
        title=W6["doc_title"],
        author=nfc(unit.unit_name),
        subject=nfc(dossier.code),
        form="06",
    )


# --- Mẫu 07 ----------------------------------------------------------------------

# Column widths of the book on A4 landscape, in points; "Ghi chú" takes the rest.
_BOOK_WIDTHS = (20, 58, 80, 26, 64, 126, 58, 44, 44, 44, 44, 52, 52)
_BOOK_LEFT = frozenset({2, 4, 5, 6, 11, 12, 13})  # running text; the others centred


@dataclass(frozen=True)
class _BookStyles:
    cell: ParagraphStyle
    center: ParagraphStyle
    head: ParagraphStyle
    number: ParagraphStyle
    issuer: ParagraphStyle
    issuer_bold: ParagraphStyle
    title: ParagraphStyle
    period: ParagraphStyle
    empty: ParagraphStyle
    total: ParagraphStyle


def _book_styles(spec: PageSpec) -> _BookStyles:
    fonts = styles_for(PaperSize.A4).fonts
    cell = ParagraphStyle(
        "book-cell",
        fontName=fonts.regular,
        fontSize=spec.table,
        leading=spec.table * 1.2,
        alignment=TA_LEFT,
    )
    center = ParagraphStyle("book-center", parent=cell, alignment=TA_CENTER)
    issuer = ParagraphStyle(
        "book-issuer",
        fontName=fonts.regular,
        fontSize=spec.header,
        leading=spec.header * 1.2,
        alignment=TA_CENTER,
    )
    return _BookStyles(
        cell=cell,
        center=center,
        head=ParagraphStyle("book-head", parent=center, fontName=fonts.bold),
        number=ParagraphStyle("book-number", parent=center, fontName=fonts.italic),
        issuer=issuer,
        issuer_bold=ParagraphStyle("book-issuer-bold", parent=issuer, fontName=fonts.bold),
        title=ParagraphStyle(
            "book-title",
            fontName=fonts.bold,
            fontSize=spec.title,
            leading=spec.title * 1.3,
            alignment=TA_CENTER,
            spaceBefore=spec.gap * 4,
        ),
        period=ParagraphStyle(
            "book-period",
            fontName=fonts.italic,
            fontSize=spec.body,
            leading=spec.leading,
            alignment=TA_CENTER,
            spaceAfter=spec.gap * 4,
        ),
        empty=ParagraphStyle(
            "book-empty", parent=center, fontName=fonts.italic, fontSize=spec.body
        ),
        total=ParagraphStyle(
            "book-total",
            fontName=fonts.regular,
            fontSize=spec.body * 0.9,
            leading=spec.leading,
            spaceBefore=spec.gap * 3,
        ),
    )


def _moment(value: datetime | None) -> str:
    return f"{value:%d/%m/%Y}\n{value:%H:%M}" if value is not None else ""


def _book_cells(
    number: int, row: BookRow, inner: list[float], font: str, size: float
) -> list[object]:
    """Row ``number`` (TT, counted from 1 in order of receipt) as plain,
    pre-wrapped strings (see :func:`wrap_text`)."""

    def fit(text: str, column: int) -> str:
        lines = (nfc(line) for line in text.splitlines())
        clean = "\n".join(line for line in lines if line)
        return "\n".join(wrap_text(clean, font, size, inner[column])) if clean else ""

    place = nfc(row.owner_address)
    phone = nfc(row.owner_phone)
    if phone:
        # On the address's last line when it has room: a row of three lines, not four.
        place = f"{place}; ĐT: {phone}" if place else f"ĐT: {phone}"
    return [
        str(number),
        fit(row.code, 1),
        fit(row.procedure_name, 2),
        str(row.sets_count) if row.sets_count > 0 else "",
        fit(row.owner_name, 4),
        fit(place, 5),
        fit(row.handling_body, 6),
        _moment(row.received_at),
        _moment(row.due_at),
        _moment(row.result_at),
        _moment(row.returned_at),
        fit(row.received_by, 11),
        fit(row.collected_by, 12),
        fit(row.note, 13),
    ]


def _book_widths(spec: PageSpec) -> list[float]:
    return [*_BOOK_WIDTHS, spec.text_width - sum(_BOOK_WIDTHS)]


def _book_heading(book: TrackingBook, spec: PageSpec, st: _BookStyles) -> list[Flowable]:
    unit = book.unit
    issuer: list[Flowable] = []
    parent, receiving = header_lines(unit)
    if parent:
        issuer.append(Paragraph(esc(parent), st.issuer))
    issuer.append(Paragraph(esc(receiving) or BLANK, st.issuer_bold))
    issuer_w = spec.text_width * 0.5
    issuer.append(_rule(issuer_w * 0.3))
    return [
        grid(
            [[issuer, ""]],
            [issuer_w, spec.text_width - issuer_w],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # Cell alignment, not hAlign, centres the rule inside the cell.
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ],
        ),
        Paragraph(BOOK_TITLE, st.title),
        Paragraph(esc(book_period_text(book)), st.period),
    ]


def render_tracking_book(book: TrackingBook) -> bytes:
    """Mẫu 07, Sổ theo dõi hồ sơ, on A4 landscape as PDF bytes.

    The two header rows (titles, column numbers) repeat on every page and each
    page is numbered "Trang x/y". Raises :class:`PrintError` when reportlab fails.
    """
    spec = A4_LANDSCAPE
    st = _book_styles(spec)
    widths = _book_widths(spec)
    padding = 2
    inner = [w - 2 * padding for w in widths]
    font = st.cell.fontName
    size = spec.table

    story = _book_heading(book, spec, st)
    data: list[list[object]] = [
        [Paragraph(esc(h).replace("\n", "<br/>"), st.head) for h in BOOK_COLUMNS],
        [Paragraph(f"({i})", st.number) for i in range(1, len(BOOK_COLUMNS) + 1)],
    ]
    data += [_book_cells(i, row, inner, font, size) for i, row in enumerate(book.rows, start=1)]
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.2),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("ALIGN", (0, 2), (-1, -1), "CENTER"),
        *[("ALIGN", (c, 2), (c, -1), "LEFT") for c in sorted(_BOOK_LEFT)],
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 1), (-1, 1), 0.5),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 1.5),
    ]
    if not book.rows:
        data.append([Paragraph(NO_ROWS, st.empty)] + [""] * (len(BOOK_COLUMNS) - 1))
        commands += [
            ("SPAN", (0, 2), (-1, 2)),
            ("TOPPADDING", (0, 2), (-1, 2), 8),
            ("BOTTOMPADDING", (0, 2), (-1, 2), 8),
        ]
    table = grid(data, widths, commands, repeat_rows=2, long=True)
    story.append(table)
    if book.rows:
        sets = sum(max(row.sets_count, 0) for row in book.rows)
        story.append(
            Paragraph(f"Tổng số: {_count(len(book.rows))} hồ sơ ({_count(sets)} bộ).", st.total)
        )
    return build_document(
        story,
        spec,
        title=wording.BOOK_DOC_TITLE,
        author=nfc(book.unit.unit_name),
        subject=f"Quyển số {nfc(book.book_no)}".strip(),
        form="07",
        numbering="of_total",
    )


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def book_period_text(book: TrackingBook) -> str:
    """``Quyển số: 03/2026, từ ngày 01/11/2026 đến ngày 30/11/2026`` (plain text)."""
    return (
        f"Quyển số: {nfc(book.book_no) or BLANK}, từ ngày {book.period_from:%d/%m/%Y} "
        f"đến ngày {book.period_to:%d/%m/%Y}"
    )
