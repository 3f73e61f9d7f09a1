"""Mẫu 03–07 PDFs and the .xlsx book: read back with pypdf/openpyxl, laid out with PyMuPDF."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

import pymupdf
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hcc_desktop.core.domain import Dossier, PaperSize, UnitInfo
from hcc_desktop.core.errors import PrintError
from hcc_desktop.printing.book_xlsx import DATETIME_FORMAT, write_tracking_book_xlsx
from hcc_desktop.printing.fonts import register_fonts
from hcc_desktop.printing.layout import page_spec, wrap_text
from hcc_desktop.printing.slips import (
    BOOK_COLUMNS,
    ApologyLetter,
    BookRow,
    ControlSlip,
    ControlStep,
    RefusalNotice,
    StopNotice,
    TrackingBook,
    render_apology,
    render_control_slip,
    render_refusal,
    render_stop_notice,
    render_tracking_book,
    timeliness_label,
)
from hcc_desktop.services import Services
from tests.conftest import birth_draft
from tests.unit.test_printing import (
    CODE,
    OWNER,
    decode_qr,
    make_dossier,
    make_unit,
    page_count,
    pdf_text,
    qr_from_raster,
    used_fonts,
)

PAPERS = [PaperSize.A4, PaperSize.A5]
REASON = (
    "Hồ sơ đề nghị cấp Giấy xác nhận tình trạng hôn nhân không thuộc thẩm quyền giải quyết "
    "của Ủy ban nhân dân phường; đề nghị Ông/Bà liên hệ nơi thường trú trước đây."
)
LATE_DOSSIER = {
    "received_at": datetime(2026, 11, 16, 8, 5),
    "due_at": datetime(2026, 11, 19, 16, 30),
}

# --- builders ---------------------------------------------------------------------


def refusal(**overrides: object) -> RefusalNotice:
    base = RefusalNotice(
        dossier=make_dossier(),
        reason=REASON,
        refused_by="Lê Thị Hồng Nhung",
        refused_at=datetime(2026, 11, 23, 10, 15),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def apology(**overrides: object) -> ApologyLetter:
    base = ApologyLetter(
        dossier=make_dossier(**LATE_DOSSIER),
        reason="Cần xác minh thông tin hộ tịch tại nơi đăng ký trước đây.",
        new_due_at=datetime(2026, 11, 20, 14, 20),
        signer_title="GIÁM ĐỐC",
        signer_name="Phạm Minh Quang",
        issued_at=datetime(2026, 11, 19, 15, 0),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def stop_notice(**overrides: object) -> StopNotice:
    base = StopNotice(
        dossier=make_dossier(),
        reason="Người yêu cầu có văn bản đề nghị rút hồ sơ.",
        signer_title="GIÁM ĐỐC",
        signer_name="Phạm Minh Quang",
        issued_at=datetime(2026, 11, 25, 9, 0),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


STEPS = (
    ControlStep(
        "Giao: Bộ phận tiếp nhận và trả kết quả\nNhận: Công chức Tư pháp - Hộ tịch",
        "Lê Thị Hồng Nhung",
        "Phạm Văn Hùng",
        datetime(2026, 11, 23, 8, 30),
        "on_time",
        "",
    ),
    ControlStep(
        "Giao: Công chức Tư pháp - Hộ tịch\nNhận: Lãnh đạo phường",
        "Phạm Văn Hùng",
        "Trần Thị Mai",
        datetime(2026, 11, 25, 14, 20),
        "early",
        "Trình ký",
    ),
    ControlStep(
        "Giao: Lãnh đạo phường\nNhận: Bộ phận tiếp nhận và trả kết quả",
        "Trần Thị Mai",
        "Lê Thị Hồng Nhung",
        datetime(2026, 11, 27, 9, 5),
        "late",
        "Chờ xác minh",
    ),
)


def control_slip(**overrides: object) -> ControlSlip:
    base = ControlSlip(dossier=make_dossier(), steps=STEPS, timeliness="late")
    return replace(base, **overrides)  # type: ignore[arg-type]


def book_row(i: int, **overrides: object) -> BookRow:
    base = BookRow(
        order_no=i,
        code=f"000.17.22.H56-2611{i % 28 + 1:02d}-{i:04d}",
        procedure_name="Chứng thực bản sao từ bản chính giấy tờ, văn bản"
        if i % 3 == 0
        else "Đăng ký khai sinh",
        sets_count=1 + i % 2,
        owner_name="Nguyễn Thị Ánh Tuyết",
        owner_address="Số 12 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây",
        owner_phone="0905123456",
        received_at=datetime(2026, 11, 2, 7, 0) + timedelta(minutes=30 * i),
        due_at=datetime(2026, 11, 5, 16, 30) + timedelta(minutes=30 * i),
        returned_at=None if i % 4 == 0 else datetime(2026, 11, 5, 9, 0) + timedelta(minutes=i),
        received_by="Lê Thị Hồng Nhung",
        collected_by="Trần Văn Đức",
        note="Ủy quyền" if i % 5 == 0 else "",
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def tracking_book(count: int, **overrides: object) -> TrackingBook:
    base = TrackingBook(
        unit=make_unit(),
        book_no="03/2026",
        period_from=date(2026, 11, 1),
        period_to=date(2026, 11, 30),
        rows=tuple(book_row(i) for i in range(1, count + 1)),
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()).strip() for page in reader.pages]


def size_mm(data: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)


def assert_only_liberation_serif(data: bytes) -> None:
    fonts = used_fonts(data)
    assert fonts
    for font in fonts:
        assert str(font["/BaseFont"]).split("+")[-1].startswith("LiberationSerif")
        assert "/FontFile2" in font["/FontDescriptor"].get_object()  # type: ignore[attr-defined]


def assert_inside_the_margins(data: bytes, *, left: float, right: float) -> None:
    """Every word PyMuPDF finds lies between the two x limits (points) on every page."""
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        words = page.get_text("words")
        assert words
        for x0, _y0, x1, _y1, word, *_ in words:
            assert x0 >= left - 0.5, (page.number, word, x0)
            assert x1 <= right + 0.5, (page.number, word, x1)


def text_limits(paper: PaperSize) -> tuple[float, float]:
    spec = page_spec(paper)
    # The header may reach into the binding margin; nothing reaches past the right one.
    return spec.left - spec.header_outdent, spec.width - spec.right


# --- Mẫu 03 ------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_refusal_states_who_what_and_why(paper: PaperSize) -> None:
    data = render_refusal(refusal(), make_unit(), paper=paper)
    text = pdf_text(data)
    assert unicodedata.is_normalized("NFC", text)
    for expected in [
        "UBND PHƯỜNG HOÀI NHƠN BẮC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: ……",
        "Hoài Nhơn Bắc, ngày 23 tháng 11 năm 2026",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc tiếp nhận hồ sơ của Ông (Bà): "
        "Nguyễn Thị Ánh Tuyết",
        "Số CCCD/Hộ chiếu: 052190001234",
        "Địa chỉ: Số 12 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây, phường Hoài Nhơn Bắc",
        "Số điện thoại: 0905123456 Email: tuyet.nguyen@example.vn",
        "Người nộp hồ sơ: Trần Văn Đức, CCCD/Hộ chiếu 052089004321",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã 1.001193)",
        "Qua xem xét, Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc thông báo không "
        f"tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {REASON}",
        "Xin thông báo cho Ông/Bà được biết và thực hiện.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TỪ CHỐI",
        "(Ký và ghi rõ họ tên)",
    ]:
        assert expected in text, expected
    # The submitter signs on the left, the officer who refused on the right.
    assert text.endswith(
        "NGƯỜI NỘP HỒ SƠ (Ký và ghi rõ họ tên) Trần Văn Đức "
        "NGƯỜI TỪ CHỐI (Ký và ghi rõ họ tên) Lê Thị Hồng Nhung"
    )
    assert page_count(data) == 1
    assert_only_liberation_serif(data)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Phiếu từ chối tiếp nhận giải quyết hồ sơ"
    assert meta.subject == CODE
    assert size_mm(data) == ((210, 297) if paper == PaperSize.A4 else (148, 210))


def test_refusal_of_an_owner_in_person_with_a_number_and_a_multiline_reason() -> None:
    notice = refusal(
        dossier=make_dossier(submitter=None),
        reason="1. Thiếu tờ khai.\n\n2. Giấy  chứng sinh   không hợp lệ.",
        number="15/PTC",
    )
    text = pdf_text(render_refusal(notice, make_unit()))
    assert "Số: 15/PTC" in text
    assert "Người nộp hồ sơ:" not in text
    assert "như sau: 1. Thiếu tờ khai. 2. Giấy chứng sinh không hợp lệ. Xin thông báo" in text
    assert text.endswith(
        "(Ký và ghi rõ họ tên) Nguyễn Thị Ánh Tuyết NGƯỜI TỪ CHỐI (Ký và ghi rõ họ tên) "
        "Lê Thị Hồng Nhung"
    )


def test_refusal_from_a_dossier_taken_in_at_intake(services: Services) -> None:
    dossier = services.intake.accept(birth_draft())
    unit = services.settings.load().unit_info()
    notice = RefusalNotice(
        dossier, "Sai thẩm quyền.", "Trần Thị Bình", datetime(2026, 11, 23, 9, 45)
    )
    text = pdf_text(render_refusal(notice, unit, paper=PaperSize.A5))
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert "tiếp nhận hồ sơ của Ông (Bà): Nguyễn Văn An" in text
    assert "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã 1.001193)" in text
    assert "lý do cụ thể như sau: Sai thẩm quyền." in text
    assert text.endswith(
        "(Ký và ghi rõ họ tên) Nguyễn Văn An NGƯỜI TỪ CHỐI (Ký và ghi rõ họ tên) Trần Thị Bình"
    )


# --- Mẫu 04 ------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_apology_gives_the_missed_and_the_new_appointment(paper: PaperSize) -> None:
    data = render_apology(apology(), make_unit(), paper=paper)
    text = pdf_text(data)
    unit = "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc"
    for expected in [
        "Hoài Nhơn Bắc, ngày 19 tháng 11 năm 2026",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết",
        f"Ngày 16/11/2026, {unit} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ {CODE}, "
        "nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã 1.001193).",
        "Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả: "
        "16 giờ 30 phút, ngày 19/11/2026.",
        "Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết đúng thời hạn. "
        "Lý do: Cần xác minh thông tin hộ tịch tại nơi đăng ký trước đây.",
        "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà.",
        "Chúng tôi đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ và hẹn trả kết quả "
        "giải quyết hồ sơ vào 14 giờ 20 phút, ngày 20/11/2026.",
        "Mong nhận được sự cảm thông của Ông/Bà vì sự chậm trễ này.",
    ]:
        assert expected in text, expected
    assert text.endswith("GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Minh Quang")
    assert page_count(data) == 1
    assert_only_liberation_serif(data)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"


def test_apology_names_the_appointment_of_the_receipt_not_a_later_one() -> None:
    dossier = make_dossier(
        **LATE_DOSSIER,
        original_due_at=datetime(2026, 11, 18, 10, 0),
    )
    text = pdf_text(render_apology(apology(dossier=dossier), make_unit()))
    assert "hẹn trả kết quả: 10 giờ 00 phút, ngày 18/11/2026." in text
    assert "19/11/2026." not in text


def test_apology_signed_on_behalf_of_the_head() -> None:
    letter = apology(signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", number="07/TB-TTPVHCC")
    text = pdf_text(render_apology(letter, make_unit(), paper=PaperSize.A5))
    assert "Số: 07/TB-TTPVHCC" in text
    assert text.endswith(
        "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Minh Quang"
    )


# --- Mẫu 05 ------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_stop_notice(paper: PaperSize) -> None:
    data = render_stop_notice(stop_notice(), make_unit(), paper=paper)
    text = pdf_text(data)
    unit = "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc"
    for expected in [
        "Hoài Nhơn Bắc, ngày 25 tháng 11 năm 2026",
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết",
        f"Ngày 23/11/2026, {unit} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ {CODE}, nội dung yêu "
        "cầu giải quyết: Đăng ký khai sinh (mã 1.001193).",
        f"{unit} thông báo dừng giải quyết hồ sơ của Ông/Bà. "
        "Lý do: Người yêu cầu có văn bản đề nghị rút hồ sơ.",
        "Xin thông báo để Ông/Bà được biết.",
    ]:
        assert expected in text, expected
    assert text.endswith("GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Minh Quang")
    assert page_count(data) == 1
    assert_only_liberation_serif(data)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Thông báo dừng giải quyết hồ sơ"
    assert meta.subject == CODE


# --- Mẫu 06 ------------------------------------------------------------------------


@pytest.mark.parametrize("paper", PAPERS)
def test_control_slip_lists_every_hand_over(paper: PaperSize) -> None:
    data = render_control_slip(control_slip(), make_unit(), paper=paper)
    text = pdf_text(data)
    for expected in [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {CODE}",
        "Kèm theo hồ sơ của: Nguyễn Thị Ánh Tuyết",
        "Số điện thoại: 0905123456",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh (mã 1.001193)",
        "Ngày, giờ nhận: 08 giờ 05 phút, ngày 23/11/2026",
        "Ngày, giờ hẹn trả: 16 giờ 30 phút, ngày 26/11/2026",
        "Kết quả giải quyết hồ sơ: Quá hạn",
        "TÊN CƠ QUAN, BỘ PHẬN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "Kết quả giải quyết hồ sơ (Trước hạn/đúng hạn/quá hạn)",
        "GHI CHÚ",
    ]:
        assert expected in text, expected
    # A slip is not a numbered document.
    assert "Số:" not in text
    rows = re.split(r" (?=[1-3]\. Giao: )", text.split("GHI CHÚ", 1)[1])[1:]
    assert len(rows) == 3
    assert rows[0].startswith("1. Giao: Bộ phận tiếp nhận và trả kết quả Nhận: Công chức Tư")
    assert "08 giờ 30 phút, ngày 23/11/2026" in rows[0]
    assert "Người giao Lê Thị Hồng Nhung Người nhận Phạm Văn Hùng" in rows[0]
    assert "Đúng hạn" in rows[0]
    assert "14 giờ 20 phút, ngày 25/11/2026" in rows[1]
    assert "Trước hạn Trình ký" in rows[1]
    assert "09 giờ 05 phút, ngày 27/11/2026" in rows[2]
    assert "Người giao Trần Thị Mai Người nhận Lê Thị Hồng Nhung" in rows[2]
    assert rows[2].endswith("Quá hạn Chờ xác minh")
    assert "Quá hạn" not in rows[0] + rows[1]
    assert page_count(data) == 1
    assert_only_liberation_serif(data)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Phiếu kiểm soát quá trình giải quyết hồ sơ"


def test_control_slip_carries_the_receipt_qr_code() -> None:
    data = render_control_slip(control_slip(), make_unit())
    payload = f"https://dichvucong.gialai.gov.vn/tra-cuu-ho-so?ma={CODE}"
    assert decode_qr(qr_from_raster(data)) == ("M", payload)
    bare = render_control_slip(control_slip(), make_unit(public_lookup_url=""))
    assert decode_qr(qr_from_raster(bare)) == ("M", CODE)


def test_control_slip_printed_at_intake_has_rows_to_fill_by_hand() -> None:
    slip = control_slip(steps=STEPS[:1], timeliness=None, blank_rows=2)
    text = pdf_text(render_control_slip(slip, make_unit()))
    assert "Kết quả giải quyết hồ sơ:" not in text
    assert "2. Giao: …… Nhận: ……" in text
    assert "3. Giao: …… Nhận: ……" in text
    assert text.count("…… giờ …… phút, ngày ……") == 2
    assert "4. Giao:" not in text
    # Without any step, one row is left to fill in.
    empty = pdf_text(render_control_slip(control_slip(steps=(), timeliness=None), make_unit()))
    assert "1. Giao: …… Nhận: ……" in empty
    assert "2. Giao:" not in empty


def test_a_long_control_slip_repeats_its_header_row() -> None:
    steps = tuple(
        replace(STEPS[0], at=datetime(2026, 11, 23, 8, 0) + timedelta(hours=i)) for i in range(12)
    )
    data = render_control_slip(control_slip(steps=steps), make_unit(), paper=PaperSize.A5)
    pages = page_texts(data)
    assert len(pages) >= 2
    assert pages[1].startswith("2 TÊN CƠ QUAN, BỘ PHẬN THỜI GIAN GIAO, NHẬN HỒ SƠ")
    assert "12. Giao:" in pages[-1]


@pytest.mark.parametrize(
    ("value", "label"),
    [("early", "Trước hạn"), ("on_time", "Đúng hạn"), ("late", "Quá hạn"), (None, "")],
)
def test_timeliness_labels(value: str | None, label: str) -> None:
    assert timeliness_label(value) == label


def test_unknown_timeliness_is_a_print_error() -> None:
    bad = (replace(STEPS[0], timeliness="soon"),)
    with pytest.raises(PrintError) as info:
        render_control_slip(control_slip(steps=bad), make_unit())
    assert info.value.code == "unknown_timeliness"
    assert info.value.params["value"] == "soon"


# --- long text wraps, never overflows ----------------------------------------------

LONG_NAME = "Nguyễn Hoàng Phương Thảo Tôn Nữ Ngọc Diệp Công Tằng Tôn Nữ Thị Quỳnh Như"
LONG_TOKEN = "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=" + "X" * 60


def long_dossier() -> Dossier:
    owner = replace(OWNER, full_name=LONG_NAME, address=f"Thôn Phú Mỹ {LONG_TOKEN}")
    return make_dossier(
        owner=owner,
        submitter=None,
        procedure_name="Thay đổi, cải chính, bổ sung thông tin hộ tịch " * 4,
    )


@pytest.mark.parametrize("paper", PAPERS)
def test_long_names_and_reasons_stay_inside_the_page(paper: PaperSize) -> None:
    reason = f"{REASON} {LONG_TOKEN} " * 6
    dossier = long_dossier()
    unit = make_unit()
    left, right = text_limits(paper)
    for data in [
        render_refusal(
            refusal(dossier=dossier, reason=reason, refused_by=LONG_NAME), unit, paper=paper
        ),
        render_apology(
            apology(dossier=dossier, reason=reason, signer_name=LONG_NAME), unit, paper=paper
        ),
        render_stop_notice(stop_notice(dossier=dossier, reason=reason), unit, paper=paper),
        render_control_slip(
            control_slip(
                dossier=dossier,
                steps=tuple(
                    replace(s, action=reason[:300], giver=LONG_NAME, note=LONG_TOKEN) for s in STEPS
                ),
            ),
            unit,
            paper=paper,
        ),
    ]:
        assert_inside_the_margins(data, left=left, right=right)
        assert LONG_NAME.split()[-1] in pdf_text(data)


# --- Mẫu 07 ------------------------------------------------------------------------


def test_tracking_book_is_a4_landscape_with_a_title_block() -> None:
    data = render_tracking_book(tracking_book(3))
    assert size_mm(data) == (297, 210)
    text = pdf_text(data)
    for expected in [
        "UBND PHƯỜNG HOÀI NHƠN BẮC",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC",
        "SỔ THEO DÕI HỒ SƠ",
        "Quyển số: 03/2026, từ ngày 01/11/2026 đến ngày 30/11/2026",
        "TT Mã hồ sơ Tên TTHC (trích yếu) Số lượng hồ sơ (bộ) Tên cá nhân, tổ chức",
        "Ký nhận (người nhận kết quả) Ghi chú (1) (2) (3)",
        "(14)",
        "Tổng số: 3 hồ sơ (5 bộ).",
        "Trang 1/1",
    ]:
        assert expected in text, expected
    assert_only_liberation_serif(data)
    meta = PdfReader(io.BytesIO(data)).metadata
    assert meta is not None
    assert meta.title == "Sổ theo dõi hồ sơ"
    assert meta.subject == "Quyển số 03/2026"


def test_tracking_book_row_content() -> None:
    row = book_row(
        7,
        returned_at=datetime(2026, 11, 6, 15, 45),
        handling_body="Tư pháp - Hộ tịch",
        note="Trả qua bưu điện",
    )
    text = pdf_text(render_tracking_book(tracking_book(0, rows=(row,))))
    # The code breaks after the unit identifier, never inside a part; TT counts rows from 1.
    assert (
        "1 000.17.22.H56- 261108-0007 Đăng ký khai sinh 2 Nguyễn Thị Ánh Tuyết Số 12 đường "
        "Trần Hưng Đạo, khu phố Bồng Sơn Tây; ĐT: 0905123456 Tư pháp - Hộ tịch "
        "02/11/2026 10:30 05/11/2026 20:00 06/11/2026 15:45 Lê Thị Hồng Nhung Trần Văn Đức "
        "Trả qua bưu điện"
    ) in text


def test_tracking_book_repeats_its_header_on_every_page() -> None:
    data = render_tracking_book(tracking_book(40))
    pages = page_texts(data)
    total = len(pages)
    assert total >= 3
    for number, page in enumerate(pages, start=1):
        assert page.endswith(f"Trang {number}/{total}")
        first_row = re.search(r"\(14\) (\d+) 000\.17\.22\.H56-", page)
        assert first_row, number
        assert page.index("TT Mã hồ sơ") < first_row.start()
    assert "SỔ THEO DÕI HỒ SƠ" in pages[0]
    assert "SỔ THEO DÕI HỒ SƠ" not in pages[1]
    # Rows follow on from one page to the next, none lost or repeated.
    numbers = [int(n) for page in pages for n in re.findall(r"(?:^| )(\d+) 000\.17", page)]
    assert numbers == list(range(1, 41))
    assert "Tổng số: 40 hồ sơ (60 bộ)." in pages[-1]


def test_empty_tracking_book_says_so() -> None:
    data = render_tracking_book(tracking_book(0))
    text = pdf_text(data)
    assert "Không có hồ sơ trong kỳ" in text
    assert "Tổng số" not in text
    assert text.endswith("Trang 1/1")
    assert page_count(data) == 1


def test_tracking_book_of_two_thousand_rows() -> None:
    data = render_tracking_book(tracking_book(2000))
    reader = PdfReader(io.BytesIO(data))
    total = len(reader.pages)
    assert total > 50
    last = re.sub(r"\s+", " ", reader.pages[-1].extract_text()).strip()
    assert "2000 000.17.22.H56-" in last
    assert "Tổng số: 2.000 hồ sơ (3.000 bộ)." in last
    assert last.endswith(f"Trang {total}/{total}")


def test_tracking_book_cells_stay_inside_the_page() -> None:
    rows = (
        book_row(1, owner_name=LONG_NAME, owner_address=LONG_TOKEN, note=LONG_TOKEN),
        book_row(2, code="000.17.22.H56.ABCDEFGH-261123-00010001", collected_by=LONG_NAME),
    )
    data = render_tracking_book(tracking_book(0, rows=rows))
    from hcc_desktop.printing.layout import A4_LANDSCAPE

    assert_inside_the_margins(
        data, left=A4_LANDSCAPE.left, right=A4_LANDSCAPE.width - A4_LANDSCAPE.right
    )


def test_tracking_book_of_intake_dossiers(services: Services) -> None:
    dossier = services.intake.accept(birth_draft())
    unit: UnitInfo = services.settings.load().unit_info()
    row = BookRow(
        order_no=dossier.order_no,
        code=dossier.code,
        procedure_name=dossier.procedure_name,
        sets_count=dossier.sets_count,
        owner_name=dossier.owner.full_name,
        owner_address=dossier.owner.address,
        owner_phone=dossier.owner.phone,
        received_at=dossier.received_at,
        due_at=dossier.due_at,
        returned_at=None,
        received_by=dossier.received_by,
        collected_by="",
        note="",
    )
    book = TrackingBook(unit, dossier.book_no, date(2026, 11, 1), date(2026, 11, 30), (row,))
    text = pdf_text(render_tracking_book(book))
    assert "Quyển số: 01/2026, từ ngày 01/11/2026 đến ngày 30/11/2026" in text
    assert "1 000.17.22.H56- 261123-0001 Đăng ký khai sinh 1 Nguyễn Văn An" in text
    assert "23/11/2026 09:30 23/11/2026 17:00 Trần Thị Bình" in text


# --- Mẫu 07 as .xlsx ------------------------------------------------------------------


def test_tracking_book_xlsx() -> None:
    book = tracking_book(4)
    wb = load_workbook(io.BytesIO(write_tracking_book_xlsx(book)))
    ws = wb.active
    assert ws is not None
    assert ws["A1"].value == "SỔ THEO DÕI HỒ SƠ"
    assert ws["A1"].font.bold
    # The parent body, then the center (issue 9: the header of every slip).
    assert ws["A2"].value == (
        "UBND PHƯỜNG HOÀI NHƠN BẮC – TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC"
    )
    assert ws["A3"].value == "Quyển số: 03/2026, từ ngày 01/11/2026 đến ngày 30/11/2026"
    header = [c.value for c in ws[4]]
    assert header == [h.replace("\n", " ") for h in BOOK_COLUMNS]
    assert all(c.font.bold and c.alignment.wrap_text for c in ws[4])
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:N8"
    assert ws.max_row == 8

    first = [c.value for c in ws[5]]
    assert first[:7] == [
        1,
        "000.17.22.H56-261102-0001",
        "Đăng ký khai sinh",
        2,
        "Nguyễn Thị Ánh Tuyết",
        "Số 12 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây\nĐT: 0905123456",
        None,
    ]
    assert first[7] == datetime(2026, 11, 2, 7, 30)
    assert first[8] == datetime(2026, 11, 5, 17, 0)
    assert first[9] is None  # no "ngày có kết quả" recorded for this row
    assert first[10] == datetime(2026, 11, 5, 9, 1)
    assert first[11:] == ["Lê Thị Hồng Nhung", "Trần Văn Đức", None]
    for cell in (*ws[5][7:9], ws[5][10]):
        assert cell.is_date
        assert cell.number_format == DATETIME_FORMAT
    # Row 4 of the book (i % 4 == 0) has no result yet: an empty cell, not a string.
    assert ws["K8"].value is None
    assert ws["C7"].value == "Chứng thực bản sao từ bản chính giấy tờ, văn bản"
    assert ws.column_dimensions["C"].width >= 30
    assert wb.properties.title == "Sổ theo dõi hồ sơ"


def test_empty_tracking_book_xlsx_keeps_its_header() -> None:
    wb = load_workbook(io.BytesIO(write_tracking_book_xlsx(tracking_book(0))))
    ws = wb.active
    assert ws is not None
    assert ws.max_row == 4
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:N4"


def test_tracking_book_xlsx_drops_characters_excel_refuses() -> None:
    row = book_row(1, note="Ghi\x01chú\x00", owner_name="Lê\u0301 Văn A")
    ws = load_workbook(io.BytesIO(write_tracking_book_xlsx(tracking_book(0, rows=(row,))))).active
    assert ws is not None
    assert ws["N5"].value == "Ghichú"
    assert ws["E5"].value == "Lế Văn A"  # NFC: e + combining acute is one letter


# --- layout helper ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("000.17.22.H56-261123-0001", 56, ["000.17.22.H56-", "261123-0001"]),
        ("000.17.22.H56-261123-0001", 200, ["000.17.22.H56-261123-0001"]),
        ("Số 12 Trần Hưng Đạo\nĐT: 0905", 70, ["Số 12 Trần Hưng", "Đạo", "ĐT: 0905"]),
        ("", 50, [""]),
    ],
)
def test_wrap_text(text: str, width: float, expected: list[str]) -> None:
    assert wrap_text(text, register_fonts().regular, 8.5, width) == expected


def test_wrap_text_cuts_a_word_wider_than_the_line() -> None:
    font = register_fonts().regular
    lines = wrap_text("x " + "b" * 40 + " y", font, 8.5, 50)
    assert "".join(lines).replace(" ", "") == "x" + "b" * 40 + "y"
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(line, font, 8.5) <= 50 for line in lines)
    assert len(lines) > 3


def test_tracking_book_xlsx_names_the_parent_body_once() -> None:
    """The sheet's title block names the parent body and the center, never one text twice."""
    same = replace(make_unit(), parent_body=make_unit().unit_name.lower())
    ws = load_workbook(io.BytesIO(write_tracking_book_xlsx(tracking_book(1, unit=same)))).active
    assert ws is not None
    assert ws["A2"].value == "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC"
