"""Mẫu 01 / Mẫu 02 PDFs: read back with pypdf, rasterised with PyMuPDF, QR decoded."""

from __future__ import annotations

import io
import re
import shutil
import threading
import unicodedata
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pymupdf
import pytest
from pypdf import PdfReader

from hcc_desktop.core.domain import (
    Channel,
    DocForm,
    Dossier,
    DossierStatus,
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
from hcc_desktop.core.errors import PrintError
from hcc_desktop.printing import fonts as fonts_module
from hcc_desktop.printing import (
    lookup_url,
    qr_payload,
    render_receipt,
    render_supplement_guidance,
)
from hcc_desktop.printing.fonts import register_fonts
from hcc_desktop.printing.layout import qr_matrix

CODE = "000.17.22.H56-261123-0001"
URL = "https://dichvucong.gialai.gov.vn/tra-cuu-ho-so?ma={code}"
BASE14 = {
    "Courier",
    "Helvetica",
    "Times",
    "Symbol",
    "ZapfDingbats",
}

# --- builders ---------------------------------------------------------------------


def make_unit(**overrides: object) -> UnitInfo:
    base = UnitInfo(
        unit_code="000.17.22.H56",
        unit_name="Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc",
        parent_body="UBND phường Hoài Nhơn Bắc",
        place_name="Hoài Nhơn Bắc",
        public_lookup_url=URL,
        phone="02563861234",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


OWNER = Person(
    full_name="Nguyễn Thị Ánh Tuyết",
    id_type=IdType.CCCD,
    id_number="052190001234",
    date_of_birth=date(1990, 5, 2),
    phone="0905123456",
    address="Số 12 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây, phường Hoài Nhơn Bắc",
    email="tuyet.nguyen@example.vn",
)
SUBMITTER = Person(
    full_name="Trần Văn Đức",
    id_type=IdType.CCCD,
    id_number="052089004321",
    date_of_birth=None,
    phone="0987654321",
    address="Hoài Nhơn Bắc",
)
BIRTH = Procedure(code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch", processing_days=0)

TYPICAL_COMPONENTS = (
    ReceivedComponent("c1", "Tờ khai đăng ký khai sinh theo mẫu", DocForm.ORIGINAL),
    ReceivedComponent(
        "c2", "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp", DocForm.ORIGINAL
    ),
    ReceivedComponent("c3", "Văn bản ủy quyền (trường hợp ủy quyền)", DocForm.CERTIFIED),
    ReceivedComponent("c4", "Giấy chứng nhận kết hôn của cha mẹ", DocForm.COPY, 2),
    ReceivedComponent("c4", "Giấy chứng nhận kết hôn của cha mẹ", DocForm.ORIGINAL),
    ReceivedComponent(None, "Giấy tờ tùy thân của người đi đăng ký", DocForm.COPY),
)
LONG_COMPONENTS = (
    ReceivedComponent("c1", "Tờ khai đăng ký khai sinh theo mẫu", DocForm.ORIGINAL),
    ReceivedComponent(
        "c2",
        "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp; trường hợp không có thì văn bản"
        " của người làm chứng xác nhận về việc sinh",
        DocForm.ORIGINAL,
    ),
    ReceivedComponent(
        "c3",
        "Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc"
        " đăng ký khai sinh",
        DocForm.CERTIFIED,
    ),
    ReceivedComponent("c4", "Giấy chứng nhận kết hôn của cha mẹ", DocForm.COPY, 2),
    ReceivedComponent(None, "Căn cước của người đi đăng ký", DocForm.COPY, 1, reused_digital=True),
)


def make_dossier(**overrides: object) -> Dossier:
    base = Dossier(
        id="3f1c2a9e-0000-4000-8000-000000000001",
        code=CODE,
        unit_code="000.17.22.H56",
        procedure_code="1.001193",
        procedure_name="Đăng ký khai sinh",
        procedure_field="Hộ tịch",
        status=DossierStatus.RECEIVED,
        channel=Channel.COUNTER,
        received_at=datetime(2026, 11, 23, 8, 5),
        clock_start_at=datetime(2026, 11, 23, 8, 5),
        due_at=datetime(2026, 11, 26, 16, 30),
        processing_days=3,
        owner=OWNER,
        submitter=SUBMITTER,
        components=TYPICAL_COMPONENTS,
        sets_count=1,
        fee_amount=10000,
        fee_method=FeeMethod.CASH,
        result_delivery=ResultDelivery.COUNTER,
        received_by="Lê Thị Hồng Nhung",
        book_no="03/2026",
        order_no=1542,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def make_guidance(**overrides: object) -> SupplementGuidance:
    base = SupplementGuidance(
        applicant=OWNER,
        procedure_code="1.004873",
        procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
        missing=(
            MissingComponent("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1),
            MissingComponent(
                "Bản án, quyết định ly hôn đã có hiệu lực", certified=1, note="Nếu đã ly hôn"
            ),
            MissingComponent("Giấy chứng tử của vợ hoặc chồng", copies=2, note="Kèm bản chính"),
        ),
        reason="Hồ sơ chưa có tờ khai và giấy tờ chứng minh tình trạng hôn nhân trước đây.",
        guided_by="Lê Thị Hồng Nhung",
        guided_at=datetime(2026, 2, 5, 9, 30),
        officer_phone="0905111222",
        lookup_hint="Cổng Dịch vụ công quốc gia, mã thủ tục 1.004873",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


# --- reading PDFs back ------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    """All pages' text with runs of white space collapsed to one space."""
    reader = PdfReader(io.BytesIO(data))
    raw = " ".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", raw).strip()


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _font_dicts(resources: object) -> list[dict[str, object]]:
    fonts: list[dict[str, object]] = []
    if not resources:
        return fonts
    res = resources.get_object()  # type: ignore[attr-defined]
    for ref in (res.get("/Font") or {}).values():
        fonts.append(ref.get_object())
    for ref in (res.get("/XObject") or {}).values():
        xobj = ref.get_object()
        if xobj.get("/Subtype") == "/Form":
            fonts += _font_dicts(xobj.get("/Resources"))
    return fonts


def used_fonts(data: bytes) -> list[dict[str, object]]:
    reader = PdfReader(io.BytesIO(data))
    fonts: list[dict[str, object]] = []
    for page in reader.pages:
        fonts += _font_dicts(page.get("/Resources"))
    return fonts


# --- a small QR decoder (spec-based, no error correction needed for clean renders) ----

_ALIGNMENT = {
    1: [],
    2: [6, 18],
    3: [6, 22],
    4: [6, 26],
    5: [6, 30],
    6: [6, 34],
    7: [6, 22, 38],
    8: [6, 24, 42],
    9: [6, 26, 46],
    10: [6, 28, 50],
}
# Error correction level M: (number of blocks, data codewords per block) groups.
_BLOCKS_M = {
    1: [(1, 16)],
    2: [(1, 28)],
    3: [(1, 44)],
    4: [(2, 32)],
    5: [(2, 43)],
    6: [(4, 27)],
    7: [(4, 31)],
    8: [(2, 38), (2, 39)],
    9: [(3, 36), (2, 37)],
    10: [(4, 43), (1, 44)],
}
_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_MASKS = {
    0: lambda r, c: (r + c) % 2 == 0,
    1: lambda r, c: r % 2 == 0,
    2: lambda r, c: c % 3 == 0,
    3: lambda r, c: (r + c) % 3 == 0,
    4: lambda r, c: (r // 2 + c // 3) % 2 == 0,
    5: lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    6: lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    7: lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
}


def _bch_format(data5: int) -> int:
    rem = data5 << 10
    for bit in range(14, 9, -1):
        if rem & (1 << bit):
            rem ^= 0b10100110111 << (bit - 10)
    return (data5 << 10) | rem


def decode_qr(m: list[list[bool]]) -> tuple[str, str]:
    """(error correction level letter, decoded text) of a clean QR matrix."""
    n = len(m)
    version = (n - 17) // 4
    assert n == 17 + 4 * version, n
    assert version in _BLOCKS_M, version
    fmt = 0
    for i in range(15):
        row = i if i < 6 else i + 1 if i < 8 else n - 15 + i
        fmt |= int(m[row][8]) << i
    fmt ^= 0b101010000010010
    assert _bch_format(fmt >> 10) == fmt, "format information fails its BCH check"
    level = {0b00: "M", 0b01: "L", 0b10: "H", 0b11: "Q"}[fmt >> 13]
    mask = _MASKS[(fmt >> 10) & 0b111]

    reserved = [[False] * n for _ in range(n)]

    def mark(r0: int, c0: int, h: int, w: int) -> None:
        for r in range(max(r0, 0), min(r0 + h, n)):
            for c in range(max(c0, 0), min(c0 + w, n)):
                reserved[r][c] = True

    mark(0, 0, 9, 9)
    mark(0, n - 8, 9, 8)
    mark(n - 8, 0, 8, 9)
    mark(6, 0, 1, n)
    mark(0, 6, n, 1)
    centres = _ALIGNMENT[version]
    for r in centres:
        for c in centres:
            if (r < 9 and c < 9) or (r < 9 and c > n - 9) or (r > n - 9 and c < 9):
                continue
            mark(r - 2, c - 2, 5, 5)
    if version >= 7:
        mark(0, n - 11, 6, 3)
        mark(n - 11, 0, 3, 6)

    bits: list[int] = []
    col, upward = n - 1, True
    while col > 0:
        if col == 6:
            col -= 1
        for r in range(n - 1, -1, -1) if upward else range(n):
            for c in (col, col - 1):
                if not reserved[r][c]:
                    bits.append(int(m[r][c] != mask(r, c)))
        upward = not upward
        col -= 2
    codewords = [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits) - 7, 8)]

    sizes = [size for count, size in _BLOCKS_M[version] for _ in range(count)]
    blocks: list[list[int]] = [[] for _ in sizes]
    it = iter(codewords)
    for i in range(max(sizes)):
        for b, size in enumerate(sizes):
            if i < size:
                blocks[b].append(next(it))
    stream = "".join(f"{cw:08b}" for block in blocks for cw in block)

    pos = 0

    def take(k: int) -> int:
        nonlocal pos
        value = int(stream[pos : pos + k], 2)
        pos += k
        return value

    out = bytearray()
    while pos + 4 <= len(stream):
        mode = take(4)
        if mode == 0:
            break
        if mode == 0b0001:
            count = take(10 if version < 10 else 12)
            digits = ""
            while count >= 3:
                digits += f"{take(10):03d}"
                count -= 3
            if count == 2:
                digits += f"{take(7):02d}"
            elif count == 1:
                digits += f"{take(4):01d}"
            out += digits.encode()
        elif mode == 0b0010:
            count = take(9 if version < 10 else 11)
            chars = ""
            while count >= 2:
                a, b = divmod(take(11), 45)
                chars += _ALNUM[a] + _ALNUM[b]
                count -= 2
            if count:
                chars += _ALNUM[take(6)]
            out += chars.encode()
        elif mode == 0b0100:
            count = take(8 if version < 10 else 16)
            out += bytes(take(8) for _ in range(count))
        else:
            raise AssertionError(f"unexpected QR mode {mode:04b}")
    return level, out.decode("utf-8")


def qr_from_raster(data: bytes) -> list[list[bool]]:
    """Rasterise page 1 and sample the centre of every module of the drawn QR code."""
    reader = PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    placements: list[list[float]] = []

    def visit(op: bytes, args: list[object], cm: list[float], tm: list[float]) -> None:
        if op == b"Do" and str(args[0]).endswith("hccQr"):
            placements.append(list(cm))

    page.extract_text(visitor_operand_before=visit)
    assert len(placements) == 1, placements
    a, _, _, d, e, f = placements[0]
    form = page["/Resources"]["/XObject"]["/FormXob.hccQr"].get_object()  # type: ignore[index]
    modules = int(form["/BBox"][2])
    page_height = float(page.mediabox.height)

    zoom = 6
    pix = pymupdf.open(stream=data, filetype="pdf")[0].get_pixmap(
        matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY
    )
    samples = pix.samples

    def dark(x_pt: float, y_pt: float) -> bool:
        px, py = int(x_pt * zoom), int((page_height - y_pt) * zoom)
        return samples[py * pix.stride + px] < 128

    return [
        [dark(e + (c + 0.5) * a, f + (modules - r - 0.5) * d) for c in range(modules)]
        for r in range(modules)
    ]


# --- lookup_url / qr_payload ----------------------------------------------------------


def test_lookup_url_fills_the_placeholder() -> None:
    assert lookup_url(make_unit(), CODE) == (
        "https://dichvucong.gialai.gov.vn/tra-cuu-ho-so?ma=000.17.22.H56-261123-0001"
    )


@pytest.mark.parametrize(
    ("configured", "expected"),
    [
        ("https://dvc.example.vn/tra-cuu", f"https://dvc.example.vn/tra-cuu?ma={CODE}"),
        (
            "https://dvc.example.vn/tra-cuu?tinh=52",
            f"https://dvc.example.vn/tra-cuu?tinh=52&ma={CODE}",
        ),
        ("https://dvc.example.vn/tra-cuu?", f"https://dvc.example.vn/tra-cuu?ma={CODE}"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_lookup_url_without_placeholder(configured: str, expected: str) -> None:
    assert lookup_url(make_unit(public_lookup_url=configured), CODE) == expected


def test_lookup_url_quotes_unsafe_code_characters() -> None:
    unit = make_unit(public_lookup_url="https://dvc.example.vn/hs/{code}")
    assert lookup_url(unit, "A B/1") == "https://dvc.example.vn/hs/A%20B%2F1"


def test_qr_payload_is_the_url_or_the_bare_code() -> None:
    assert qr_payload(make_unit(), CODE) == lookup_url(make_unit(), CODE)
    assert qr_payload(make_unit(public_lookup_url=""), CODE) == CODE


# --- Mẫu 01 ------------------------------------------------------------------------


def test_receipt_carries_the_dossier_facts_as_extractable_text() -> None:
    data = render_receipt(make_dossier(), BIRTH, make_unit())
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert unicodedata.is_normalized("NFC", text)
    for expected in [
        "UBND PHƯỜNG HOÀI NHƠN BẮC",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hoài Nhơn Bắc, ngày 23 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        f"Tra cứu: https://dichvucong.gialai.gov.vn/tra-cuu-ho-so?ma={CODE}",
        "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc tiếp nhận hồ sơ của "
        "Ông (Bà): Nguyễn Thị Ánh Tuyết",
        "Số CCCD/Hộ chiếu: 052190001234",
        "Địa chỉ: Số 12 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây, phường Hoài Nhơn Bắc",
        "Số điện thoại: 0905123456 Email: tuyet.nguyen@example.vn",
        "Người nộp hồ sơ: Trần Văn Đức, CCCD/Hộ chiếu 052089004321 Nội dung",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã 1.001193)",
        "1. Thành phần hồ sơ nộp gồm:",
        "Tên giấy tờ",
        "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp",
        "Giấy tờ tùy thân của người đi đăng ký",
        "2. Số lượng hồ sơ: 01 bộ",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 08 giờ 05 phút, ngày 23/11/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 26/11/2026",
        "6. Đăng ký nhận kết quả tại:",
        "Phí, lệ phí: 10.000 đ (tiền mặt)",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 03/2026, Số thứ tự: 1542",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Trần Văn Đức",
        "Lê Thị Hồng Nhung",
    ]:
        assert expected in text, expected


def test_receipt_rows_merge_the_forms_of_one_paper_and_leave_zero_counts_blank() -> None:
    text = pdf_text(render_receipt(make_dossier(), BIRTH, make_unit(), copies=1))
    # c4 came as 1 original + 2 photocopies: one row, certified column empty.
    assert text.count("Giấy chứng nhận kết hôn của cha mẹ") == 1
    assert "4 Giấy chứng nhận kết hôn của cha mẹ 1 2 5" in text
    assert "3 Văn bản ủy quyền (trường hợp ủy quyền) 1 4" in text
    assert " 0 " not in text.split("Tên giấy tờ")[1].split("2. Số lượng")[0]


def test_receipt_marks_reused_digital_components() -> None:
    dossier = make_dossier(components=LONG_COMPONENTS)
    text = pdf_text(render_receipt(dossier, BIRTH, make_unit()))
    assert "Căn cước của người đi đăng ký (tái sử dụng kết quả số hóa)" in text


@pytest.mark.parametrize(
    ("delivery", "checked", "unchecked"),
    [
        (ResultDelivery.COUNTER, "Trung tâm Phục vụ hành chính công", "Dịch vụ bưu chính công ích"),
        (ResultDelivery.POSTAL, "Dịch vụ bưu chính công ích", "Trung tâm Phục vụ hành chính công"),
    ],
)
def test_receipt_ticks_the_chosen_delivery(
    delivery: ResultDelivery, checked: str, unchecked: str
) -> None:
    text = pdf_text(render_receipt(make_dossier(result_delivery=delivery), BIRTH, make_unit()))
    assert f"X {checked}" in text
    assert f"X {unchecked}" not in text
    assert unchecked in text


@pytest.mark.parametrize(
    ("amount", "method", "note", "expected"),
    [
        (10000, FeeMethod.TRANSFER, "", "Phí, lệ phí: 10.000 đ (chuyển khoản)"),
        (200000, None, "", "Phí, lệ phí: 200.000 đ Vào Sổ"),
        (0, None, "", "Phí, lệ phí: Không"),
        (0, FeeMethod.EXEMPT, "", "Phí, lệ phí: Miễn"),
        (
            8000,
            FeeMethod.CASH,
            "8.000 đ/bản sao",
            "Phí, lệ phí: 8.000 đ (tiền mặt); 8.000 đ/bản sao",
        ),
    ],
)
def test_receipt_fee_line(amount: int, method: FeeMethod | None, note: str, expected: str) -> None:
    dossier = make_dossier(fee_amount=amount, fee_method=method)
    text = pdf_text(render_receipt(dossier, BIRTH, make_unit(), fee_note=note))
    assert expected in text


def test_same_day_procedure_and_owner_submitting_in_person() -> None:
    dossier = make_dossier(
        processing_days=0,
        submitter=None,
        sets_count=2,
        due_at=datetime(2026, 11, 23, 16, 0),
        received_at=datetime(2026, 3, 9, 7, 0),
    )
    text = pdf_text(render_receipt(dossier, BIRTH, make_unit(), copies=1))
    assert "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày" in text
    assert "2. Số lượng hồ sơ: 02 bộ" in text
    assert "Người nộp hồ sơ:" not in text
    # Decree 30/2020: months from March on are written without a leading zero.
    assert "Hoài Nhơn Bắc, ngày 09 tháng 3 năm 2026" in text
    # The left signature is the owner's when nobody else submitted.
    assert (
        "Nguyễn Thị Ánh Tuyết NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Lê Thị Hồng Nhung "
        "Ghi chú:" in text
    )


def test_submitter_equal_to_owner_gets_no_extra_line() -> None:
    text = pdf_text(render_receipt(make_dossier(submitter=OWNER), BIRTH, make_unit()))
    assert "Người nộp hồ sơ:" not in text


def test_receipt_prefers_the_dossier_snapshot_of_the_procedure() -> None:
    renamed = replace(BIRTH, name="Tên thủ tục đã đổi trong danh mục")
    text = pdf_text(render_receipt(make_dossier(), renamed, make_unit()))
    assert "Đăng ký khai sinh (mã 1.001193)" in text
    assert "đã đổi" not in text


def test_markup_characters_in_data_are_printed_literally() -> None:
    owner = replace(OWNER, full_name="Lê <Văn> & Tâm", address="Lô A&B <khu 3>")
    text = pdf_text(render_receipt(make_dossier(owner=owner, submitter=None), BIRTH, make_unit()))
    assert "Ông (Bà): Lê <Văn> & Tâm" in text
    assert "Địa chỉ: Lô A&B <khu 3>" in text


def test_missing_unit_details_leave_blanks_to_fill_by_hand() -> None:
    unit = make_unit(place_name="", public_lookup_url="", parent_body="")
    dossier = make_dossier(order_no=0, book_no="")
    text = pdf_text(render_receipt(dossier, BIRTH, unit))
    assert "……, ngày 23 tháng 11 năm 2026" in text
    assert "Quyển số: ……, Số thứ tự: ……" in text
    assert "Tra cứu:" not in text


def test_receipt_embeds_only_liberation_serif() -> None:
    fonts = used_fonts(render_receipt(make_dossier(), BIRTH, make_unit()))
    names = {str(f["/BaseFont"]).split("+")[-1] for f in fonts}
    assert names == {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"}
    for font in fonts:
        assert font["/Subtype"] == "/TrueType"
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # type: ignore[attr-defined]
        assert "/ToUnicode" in font
        assert not any(str(font["/BaseFont"]).lstrip("/").startswith(b) for b in BASE14)


def test_receipt_metadata() -> None:
    meta = PdfReader(io.BytesIO(render_receipt(make_dossier(), BIRTH, make_unit()))).metadata
    assert meta is not None
    assert meta.title == "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
    assert meta.author == "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc"
    assert meta.subject == CODE


@pytest.mark.parametrize(
    ("paper", "size_mm"), [(PaperSize.A4, (210, 297)), (PaperSize.A5, (148, 210))]
)
def test_receipt_page_size(paper: PaperSize, size_mm: tuple[int, int]) -> None:
    data = render_receipt(make_dossier(), BIRTH, make_unit(), paper=paper)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == size_mm


def test_typical_receipt_fits_one_a5_page() -> None:
    data = render_receipt(make_dossier(), BIRTH, make_unit(), paper=PaperSize.A5, copies=1)
    assert page_count(data) == 1
    assert "Lê Thị Hồng Nhung" in pdf_text(data)


def test_long_catalogue_names_still_fit_one_a4_page() -> None:
    data = render_receipt(make_dossier(components=LONG_COMPONENTS), BIRTH, make_unit(), copies=1)
    assert page_count(data) == 1


def test_a_long_component_table_splits_with_its_header_repeated() -> None:
    many = tuple(
        ReceivedComponent(f"c{i}", f"Giấy tờ kèm theo số {i} của hồ sơ", DocForm.COPY)
        for i in range(1, 61)
    )
    data = render_receipt(make_dossier(components=many), BIRTH, make_unit(), copies=1)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]
    for page in pages:
        if "Giấy tờ kèm theo số" in page:
            # Every page carrying rows starts its part of the table with the header row.
            assert page.index("Tên giấy tờ") < page.index("Giấy tờ kèm theo số")
    assert "Giấy tờ kèm theo số 60 của hồ sơ" in " ".join(pages)
    # Decree 30/2020: page numbers from page 2 on; signatures stay with the closing lines.
    assert pages[1].startswith("2 ")
    assert "Vào Sổ theo dõi hồ sơ" in pages[-1]
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in pages[-1]


@pytest.mark.parametrize(
    ("unit", "payload"),
    [
        (make_unit(), f"https://dichvucong.gialai.gov.vn/tra-cuu-ho-so?ma={CODE}"),
        (make_unit(public_lookup_url=""), CODE),
    ],
)
def test_receipt_qr_code_decodes_to_the_payload(unit: UnitInfo, payload: str) -> None:
    data = render_receipt(make_dossier(), BIRTH, unit)
    drawn = qr_from_raster(data)
    assert decode_qr(drawn) == ("M", payload)
    assert drawn == [list(row) for row in qr_matrix(payload)]


def test_receipt_of_an_empty_component_list() -> None:
    text = pdf_text(render_receipt(make_dossier(components=()), BIRTH, make_unit()))
    assert "(không có)" in text


def test_impossible_layout_raises_print_error() -> None:
    # A single table row taller than the page cannot be laid out anywhere.
    huge = ReceivedComponent("c1", "rất dài " * 3000, DocForm.ORIGINAL)
    with pytest.raises(PrintError) as info:
        render_receipt(make_dossier(components=(huge,)), BIRTH, make_unit())
    assert info.value.code == "print_failed"
    assert info.value.params["form"] == "01"


# --- Mẫu 02 ------------------------------------------------------------------------


def test_supplement_guidance_lists_the_missing_components() -> None:
    data = render_supplement_guidance(make_guidance(), make_unit())
    text = pdf_text(data)
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hoài Nhơn Bắc, ngày 05 tháng 02 năm 2026",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Hồ sơ của Ông (Bà): Nguyễn Thị Ánh Tuyết",
        "Số CCCD/Hộ chiếu: 052190001234",
        "Địa chỉ: Số 12 đường Trần Hưng Đạo",
        "Số điện thoại: 0905123456 Email: tuyet.nguyen@example.vn",
        "Nội dung yêu cầu giải quyết: Cấp Giấy xác nhận tình trạng hôn nhân (mã 1.004873)",
        "Yêu cầu Ông (Bà) hoàn thiện hồ sơ gồm những nội dung như sau:",
        "Ghi chú",
        "1 Tờ khai cấp Giấy xác nhận tình trạng hôn nhân 1 2",
        "2 Bản án, quyết định ly hôn đã có hiệu lực 1 Nếu đã ly hôn 3",
        "3 Giấy chứng tử của vợ hoặc chồng 2 Kèm bản chính",
        "Lý do: Hồ sơ chưa có tờ khai và giấy tờ chứng minh tình trạng hôn nhân trước đây.",
        "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông (Bà) liên hệ với Lê Thị "
        "Hồng Nhung số điện thoại 0905111222 để được hướng dẫn.",
        "Cổng Dịch vụ công quốc gia, mã thủ tục 1.004873",
        "NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Lê Thị Hồng Nhung",
    ]:
        assert expected in text, expected
    assert page_count(data) == 1


def test_supplement_guidance_falls_back_to_the_unit_phone() -> None:
    text = pdf_text(
        render_supplement_guidance(make_guidance(officer_phone="", lookup_hint=""), make_unit())
    )
    assert "liên hệ với Lê Thị Hồng Nhung số điện thoại 02563861234 để được hướng dẫn." in text
    assert "tra cứu quy định" not in text


def test_supplement_guidance_on_a5_embeds_only_liberation_serif() -> None:
    data = render_supplement_guidance(make_guidance(), make_unit(), paper=PaperSize.A5)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 148
    assert page_count(data) == 1
    fonts = used_fonts(data)
    assert fonts
    assert all(str(f["/BaseFont"]).split("+")[-1].startswith("LiberationSerif") for f in fonts)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
    assert meta.subject == "1.004873"


# --- fonts ---------------------------------------------------------------------------


def test_font_registration_happens_once_across_threads() -> None:
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(register_fonts())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8
    assert all(r is results[0] for r in results)


def test_missing_font_file_is_a_print_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Regular", "Bold", "Italic"):  # BoldItalic left out
        shutil.copy(fonts_module.FONT_DIR / f"LiberationSerif-{name}.ttf", tmp_path)
    monkeypatch.setattr(fonts_module, "FONT_DIR", tmp_path)
    monkeypatch.setattr(fonts_module, "_registered", None)
    with pytest.raises(PrintError) as info:
        register_fonts()
    assert info.value.code == "font_missing"
    assert str(info.value.params["path"]).endswith("LiberationSerif-BoldItalic.ttf")


def test_corrupt_font_file_is_a_print_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("Regular", "Bold", "Italic", "BoldItalic"):
        (tmp_path / f"LiberationSerif-{name}.ttf").write_bytes(b"not a font" * 100)
    monkeypatch.setattr(fonts_module, "FONT_DIR", tmp_path)
    monkeypatch.setattr(fonts_module, "_registered", None)
    with pytest.raises(PrintError) as info:
        register_fonts()
    assert info.value.code == "font_invalid"
