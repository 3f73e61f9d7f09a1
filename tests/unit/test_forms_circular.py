"""Issue 9, items 1–7: the forms as Circular 03/2025/TT-VPCP words them.

PDFs are read back with pypdf (wording) and PyMuPDF (where a word sits).
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import pymupdf
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from hcc_desktop.cli.lifecycle import parse_missing
from hcc_desktop.core.domain import (
    Action,
    DocForm,
    MissingComponent,
    PaperSize,
    ReceivedComponent,
)
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.core.formats.catalog_file import parse_catalog_file
from hcc_desktop.db.migrate import current_revision, upgrade
from hcc_desktop.printing import render_receipt, render_supplement_guidance, wording
from hcc_desktop.printing.book_xlsx import write_tracking_book_xlsx
from hcc_desktop.printing.slips import (
    render_apology,
    render_control_slip,
    render_refusal,
    render_stop_notice,
    render_tracking_book,
)
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.services.settings import AppSettings, validate_settings
from tests import keyed
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, INIT, birth_draft
from tests.unit.test_cli import run
from tests.unit.test_printing import (
    BIRTH,
    TYPICAL_COMPONENTS,
    make_dossier,
    make_guidance,
    make_unit,
    page_count,
    pdf_text,
)
from tests.unit.test_slips import apology, book_row, control_slip, stop_notice, tracking_book

SEED = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "seed_catalog.json"


def page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", p.extract_text()).strip() for p in reader.pages]


# --- 1. header -----------------------------------------------------------------------


def test_header_prints_parent_then_receiving_body() -> None:
    text = pdf_text(render_receipt(make_dossier(), BIRTH, make_unit(), copies=1))
    assert text.startswith(
        "UBND PHƯỜNG HOÀI NHƠN BẮC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI NHƠN BẮC"
    )


@pytest.mark.parametrize(
    "render",
    [
        lambda unit: render_receipt(make_dossier(), BIRTH, unit, copies=1),
        lambda unit: render_supplement_guidance(make_guidance(), unit),
        lambda unit: render_apology(apology(), unit),
        lambda unit: render_stop_notice(stop_notice(), unit),
        lambda unit: render_control_slip(control_slip(), unit),
        lambda unit: render_tracking_book(tracking_book(2, unit=unit)),
    ],
)
def test_a_form_never_prints_the_same_header_line_twice(render: object) -> None:
    # A ward officer sets the unit name to the People's Committee's own name.
    unit = make_unit(
        unit_name="Ủy ban nhân dân phường Hoài Nhơn Bắc",
        parent_body="ỦY BAN NHÂN DÂN  PHƯỜNG HOÀI NHƠN BẮC",
    )
    text = pdf_text(render(unit))  # type: ignore[operator]
    assert text.count("ỦY BAN NHÂN DÂN PHƯỜNG HOÀI NHƠN BẮC") == 1


def test_settings_refuse_a_parent_body_equal_to_the_unit_name() -> None:
    same = AppSettings(
        unit_name="UBND phường Hoài Nhơn Bắc", parent_body="UBND PHƯỜNG  HOÀI NHƠN BẮC"
    )
    with pytest.raises(ValidationError) as info:
        validate_settings(same)
    assert [(e.field, e.code) for e in info.value.errors] == [("parent_body", "same_as_unit_name")]
    # Empty parent body: the unit name alone, accepted.
    assert validate_settings(replace(same, parent_body="")).parent_body == ""


# --- 2. wording as data --------------------------------------------------------------


def test_titles_of_circular_03_2025() -> None:
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in pdf_text(
        render_apology(apology(), make_unit())
    )
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in pdf_text(
        render_stop_notice(stop_notice(), make_unit())
    )


def test_a_change_of_circular_is_an_edit_of_the_wording_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    edited = dict(wording.STOP, title="THÔNG BÁO THỬ NGHIỆM", closing="Câu kết mới.")
    monkeypatch.setattr(wording, "STOP", MappingProxyType(edited))
    text = pdf_text(render_stop_notice(stop_notice(), make_unit()))
    assert "THÔNG BÁO THỬ NGHIỆM" in text
    assert "Câu kết mới." in text


def test_apology_proposes_the_extension_and_is_signed_by_the_head_of_the_late_body() -> None:
    letter = apology(signer_title="TRƯỞNG PHÒNG KINH TẾ", signer_name="Võ Văn Long")
    text = pdf_text(render_apology(letter, make_unit()))
    assert "đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ" in text
    assert "vào 14 giờ 20 phút, ngày 20/11/2026" in text
    assert text.endswith("TRƯỞNG PHÒNG KINH TẾ (Ký, ghi rõ họ tên và đóng dấu) Võ Văn Long")


def _late_dossier(services: Services) -> str:
    d = services.intake.accept(birth_draft())
    return d.code


def test_apology_signer_is_recorded_and_printed(services: Services) -> None:
    services.settings.save(
        replace(services.settings.load(), signer_title="GIÁM ĐỐC", signer_name="Phạm Minh Quang")
    )
    code = _late_dossier(services)
    d = services.dossiers.get(code)
    services.lifecycle.issue_apology(
        code,
        new_due_at=d.due_at + timedelta(days=3),
        reason="Chờ xác minh",
        signer_title="TRƯỞNG PHÒNG KINH TẾ",
        signer_name="Võ Văn Long",
    )
    text = pdf_text(services.printing.apology_pdf(code))
    assert text.endswith("TRƯỞNG PHÒNG KINH TẾ (Ký, ghi rõ họ tên và đóng dấu) Võ Văn Long")
    # Without a signer the center's director of the settings signs.
    other = _late_dossier(services)
    services.lifecycle.issue_apology(
        other, new_due_at=d.due_at + timedelta(days=3), reason="Chờ xác minh"
    )
    text = pdf_text(services.printing.apology_pdf(other))
    assert text.endswith("GIÁM ĐỐC (Ký, ghi rõ họ tên và đóng dấu) Phạm Minh Quang")


def test_cli_apology_takes_the_signer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.db"
    assert run(db, *INIT, capsys=capsys)[0] == 0
    svc = open_services(db)
    try:
        svc.accounts.authenticate(ADMIN_USER, ADMIN_PASSWORD)
        code = svc.intake.accept(birth_draft()).code
    finally:
        svc.close()
    out = tmp_path / "m04.pdf"
    rc, _out, err = run(
        db,
        "apology",
        code,
        "--new-due",
        "2030-01-15 10:00",
        "--reason",
        "Chờ xác minh",
        "--signer-title",
        "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI",
        "--signer-name",
        "Lê Thị Hoa",
        "--out",
        str(out),
        capsys=capsys,
    )
    assert rc == 0, err
    assert pdf_text(out.read_bytes()).endswith(
        "TRƯỞNG PHÒNG VĂN HÓA - XÃ HỘI (Ký, ghi rõ họ tên và đóng dấu) Lê Thị Hoa"
    )


# --- 3. Mẫu 01 ------------------------------------------------------------------------


def test_receipt_has_no_number_line_and_says_which_copy_each_is() -> None:
    data = render_receipt(make_dossier(), BIRTH, make_unit())
    pages = page_texts(data)
    assert len(pages) == 2  # two copies: printing the document once gives one of each
    assert "Số:" not in " ".join(pages)
    first, second = pages
    assert f"Mã hồ sơ: {make_dossier().code} (Liên 1: Lưu)" in first
    assert "Liên 2" not in first.split("Ghi chú:")[0]
    assert f"Mã hồ sơ: {make_dossier().code} (Liên 2: Giao người nộp hồ sơ)" in second
    # Each copy is numbered from its own first page: no "2" at the top of liên 2.
    assert second.startswith("UBND PHƯỜNG")
    for page in pages:
        assert page.endswith(
            "Ghi chú: Giấy này được lập thành 02 liên: Liên 1 lưu tại Trung tâm Phục vụ hành "
            "chính công phường Hoài Nhơn Bắc; Liên 2 giao người nộp hồ sơ."
        )


def test_receipt_reprint_shows_the_original_and_the_adjusted_appointment() -> None:
    moved = make_dossier(
        original_due_at=datetime(2026, 11, 26, 16, 30), due_at=datetime(2026, 11, 30, 16, 30)
    )
    text = pdf_text(render_receipt(moved, BIRTH, make_unit(), copies=1))
    assert (
        "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 26/11/2026 "
        "Thời gian trả kết quả được điều chỉnh: 16 giờ 30 phút, ngày 30/11/2026 "
        "(lý do: bổ sung, hoàn thiện hồ sơ)"
    ) in text
    extended = replace(moved, proposed_due_at=datetime(2026, 12, 2, 10, 0))
    text = pdf_text(render_receipt(extended, BIRTH, make_unit(), copies=1))
    assert "được điều chỉnh: 10 giờ 00 phút, ngày 02/12/2026" in text
    assert "gia hạn thời gian giải quyết theo văn bản xin lỗi" in text
    # An appointment that never moved prints once.
    plain = pdf_text(render_receipt(make_dossier(), BIRTH, make_unit(), copies=1))
    assert "điều chỉnh" not in plain


def test_receipt_pdf_of_the_service_holds_both_copies(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    pages = page_texts(services.printing.receipt_pdf(d.code))
    assert ["(Liên 1: Lưu)" in p for p in pages] == [True, False]
    assert ["(Liên 2: Giao người nộp hồ sơ)" in p for p in pages] == [False, True]


# --- 4. Mẫu 02 ------------------------------------------------------------------------


def _column_of(data: bytes, row_name: str) -> str:
    """Which count column ("chính", "thực", "photo") holds the count of the row."""
    page = pymupdf.open(stream=data, filetype="pdf")[0]
    words = page.get_text("words")
    heads = {w[4]: (w[0] + w[2]) / 2 for w in words if w[4] in ("chính", "thực", "photo")}
    first = row_name.split()[0]
    row_y = next(
        w[1]
        for w in words
        if w[4] == first and w[1] > min(ww[1] for ww in words if ww[4] == "photo")
    )
    counts = [w for w in words if w[4] == "1" and abs(w[1] - row_y) < 2 and w[0] > 200]
    assert len(counts) == 1, counts
    x = (counts[0][0] + counts[0][2]) / 2
    return min(heads, key=lambda h: abs(heads[h] - x))


@pytest.mark.parametrize(
    ("form", "column"),
    [(DocForm.ORIGINAL, "chính"), (DocForm.CERTIFIED, "thực"), (DocForm.COPY, "photo")],
)
def test_a_typed_missing_paper_is_counted_in_the_column_of_its_form(
    form: DocForm, column: str
) -> None:
    guidance = make_guidance(missing=(MissingComponent.typed("Sổ hộ khẩu cũ", form),))
    data = render_supplement_guidance(guidance, make_unit())
    assert _column_of(data, "Sổ hộ khẩu cũ") == column


def test_supplement_request_prints_the_dossier_code(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    services.lifecycle.transition(
        d.code,
        Action.REQUEST_SUPPLEMENT,
        reason="Thiếu giấy tờ",
        details=TransitionInput(missing=(MissingComponent.typed("Sổ hộ khẩu cũ"),)),
    )
    text = pdf_text(services.printing.supplement_request_pdf(d.code))
    assert f"Mã hồ sơ: {d.code}" in text
    # Without a dossier (intake guidance) there is no code line.
    assert "Mã hồ sơ" not in pdf_text(render_supplement_guidance(make_guidance(), make_unit()))


def test_cli_missing_paper_takes_its_form() -> None:
    assert parse_missing("Sổ hộ khẩu cũ") == MissingComponent("Sổ hộ khẩu cũ", copies=1)
    assert parse_missing("Trích lục ly hôn:certified") == MissingComponent(
        "Trích lục ly hôn", certified=1
    )
    assert parse_missing("Tờ khai: original") == MissingComponent("Tờ khai", originals=1)
    assert parse_missing("Giấy tờ: bản sao mới") == MissingComponent(
        "Giấy tờ: bản sao mới", copies=1
    )


# --- 5. Mẫu 06 ------------------------------------------------------------------------


def test_control_slip_names_the_bodies_and_each_hand_over(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    services.lifecycle.transition(
        d.code,
        Action.HANDOVER,
        details=TransitionInput(receiver="Lê Văn Cường", department="Tư pháp - Hộ tịch"),
    )
    services.lifecycle.transition(
        d.code,
        Action.HANDOVER,
        details=TransitionInput(receiver="Võ Văn Long", department="Phòng Kinh tế"),
    )
    text = pdf_text(services.printing.control_slip_pdf(d.code))
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: Tư pháp - Hộ tịch" in text
    assert "Cơ quan phối hợp giải quyết hồ sơ: Phòng Kinh tế" in text
    assert "Kết quả giải quyết hồ sơ (Trước hạn/đúng hạn/quá hạn)" in text
    assert "1. Giao: Người nộp hồ sơ Nhận: Bộ phận tiếp nhận và trả kết quả" in text
    assert "2. Giao: Bộ phận tiếp nhận và trả kết quả Nhận: Tư pháp - Hộ tịch" in text
    assert "3. Giao: Tư pháp - Hộ tịch Nhận: Phòng Kinh tế" in text
    # Both names of each hand-over, with its time.
    assert "Người giao Trần Thị Bình Người nhận Lê Văn Cường (Tư pháp - Hộ tịch)" in text
    assert "09 giờ 30 phút, ngày 23/11/2026" in text


def test_control_slip_without_a_hand_over_leaves_the_bodies_to_fill_in() -> None:
    text = pdf_text(render_control_slip(control_slip(), make_unit()))
    assert "Cơ quan (bộ phận) giải quyết hồ sơ: ……" in text
    assert "Cơ quan phối hợp giải quyết hồ sơ: ……" in text


# --- 6. Mẫu 07 ------------------------------------------------------------------------


def test_seed_catalog_gives_every_procedure_a_short_name() -> None:
    procedures = parse_catalog_file(SEED.read_bytes())
    assert len(procedures) == 14
    assert all(p.short_name and len(p.short_name) <= 40 for p in procedures)
    copy = next(p for p in procedures if p.code == "2.000815")
    assert copy.short_name == "Chứng thực bản sao"
    assert copy.display_name == "Chứng thực bản sao"
    assert replace(copy, short_name="").display_name == copy.name


def test_catalog_export_and_import_keep_the_short_name(services: Services) -> None:
    exported = services.catalog.export_json()
    entry = next(p for p in exported["procedures"] if p["code"] == "2.000815")
    assert entry["short_name"] == "Chứng thực bản sao"
    entry["short_name"] = "Chứng thực bản sao (sửa)"
    services.catalog.import_bytes(json.dumps(exported, ensure_ascii=False))
    assert services.catalog.get("2.000815").short_name == "Chứng thực bản sao (sửa)"


def test_migration_0004_adds_the_short_name(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade(path, revision="0003")
    con = keyed.connect(path)
    con.execute(
        "INSERT INTO procedures (code, name, field, processing_days, processing_alt_note, "
        "fees_json, fee_note, result, legal_basis, online_level, active, search_key, updated_at, "
        "version) VALUES ('9.000001', 'Thủ tục cũ', 'Khác', 0, '', '[]', '', '', "
        "'', '', 1, '', '2026-01-01 00:00:00', 1)"
    )
    con.commit()
    con.close()
    upgrade(path, revision="0004")
    assert current_revision(path) == "0004"
    con = keyed.connect(path)
    assert con.execute("SELECT short_name FROM procedures").fetchall() == [("",)]
    con.close()


def test_book_rows_number_every_row_and_name_the_department(services: Services) -> None:
    first = services.intake.accept(birth_draft())
    services.lifecycle.transition(
        first.code,
        Action.HANDOVER,
        details=TransitionInput(receiver="Lê Văn Cường", department="Tư pháp - Hộ tịch"),
    )
    services.lifecycle.transition(first.code, Action.FINISH)
    second = services.intake.accept(birth_draft())
    # A hand-over to a person with no department names nobody in column (7).
    services.lifecycle.transition(
        second.code, Action.HANDOVER, details=TransitionInput(receiver="Lê Văn Cường")
    )
    book = services.printing.tracking_book(first.received_at.date(), first.received_at.date())
    assert [r.handling_body for r in book.rows] == ["Tư pháp - Hộ tịch", ""]
    assert book.rows[0].result_at is not None
    assert book.rows[0].returned_at is None
    text = pdf_text(render_tracking_book(book))
    assert "Lê Văn Cường" not in text
    assert re.search(r"\(14\) 1 000\.17\.22\.H56-", text)
    assert " 2 000.17.22.H56-" in text


def test_book_prints_the_short_name(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    book = services.printing.tracking_book(d.received_at.date(), d.received_at.date())
    assert book.rows[0].procedure_name == "Đăng ký khai sinh"
    services.catalog.import_bytes(
        json.dumps(
            {
                **services.catalog.export_json(),
                "procedures": [
                    {**p, "short_name": "Khai sinh"}
                    for p in services.catalog.export_json()["procedures"]
                    if p["code"] == "1.001193"
                ],
            },
            ensure_ascii=False,
        )
    )
    book = services.printing.tracking_book(d.received_at.date(), d.received_at.date())
    assert book.rows[0].procedure_name == "Khai sinh"


def test_book_has_separate_result_and_return_columns() -> None:
    row = book_row(
        1,
        result_at=datetime(2026, 11, 4, 15, 0),
        returned_at=datetime(2026, 11, 6, 9, 15),
    )
    book = tracking_book(0, rows=(row,))
    text = pdf_text(render_tracking_book(book))
    assert "Ngày có kết quả Ngày trả kết quả" in text
    assert "04/11/2026 15:00 06/11/2026 09:15" in text
    ws = load_workbook(io.BytesIO(write_tracking_book_xlsx(book))).active
    assert ws is not None
    assert [c.value for c in ws[4]][9:11] == ["Ngày có kết quả", "Ngày trả kết quả"]
    assert ws["J5"].value == datetime(2026, 11, 4, 15, 0)
    assert ws["K5"].value == datetime(2026, 11, 6, 9, 15)


def test_book_rows_are_numbered_from_one_whatever_their_order_number() -> None:
    rows = tuple(book_row(i, order_no=100 + 7 * i) for i in range(1, 4))
    book = tracking_book(0, rows=rows)
    ws = load_workbook(io.BytesIO(write_tracking_book_xlsx(book))).active
    assert ws is not None
    assert [ws.cell(row=r, column=1).value for r in range(5, 8)] == [1, 2, 3]


def test_book_landscape_pages_hold_at_least_twelve_rows() -> None:
    long_address = "Số 125/7 đường Trần Hưng Đạo, khu phố Bồng Sơn Tây, phường Hoài Nhơn Bắc"
    rows = tuple(book_row(i, owner_address=long_address) for i in range(1, 61))
    pages = page_texts(render_tracking_book(tracking_book(0, rows=rows)))
    per_page = [len(re.findall(r"(?:^| )\d+ 000\.17\.22\.H56-", p)) for p in pages]
    assert sum(per_page) == 60
    assert all(n >= 12 for n in per_page[:-1]), per_page


# --- 7. A5 ------------------------------------------------------------------------------

SIX = (
    *TYPICAL_COMPONENTS[:4],
    ReceivedComponent("c5", "Giấy tờ chứng minh nơi cư trú của người đi đăng ký", DocForm.COPY),
    ReceivedComponent("c6", "Căn cước của cha, mẹ trẻ", DocForm.COPY),
)


@pytest.mark.parametrize("moved", [False, True])
def test_a5_receipt_with_six_components_fits_one_page_per_copy(moved: bool) -> None:
    dossier = make_dossier(components=SIX)
    if moved:
        dossier = replace(
            dossier,
            original_due_at=dossier.due_at,
            due_at=dossier.due_at + timedelta(days=4),
            proposed_due_at=dossier.due_at + timedelta(days=6),
        )
    data = render_receipt(dossier, BIRTH, make_unit(), paper=PaperSize.A5)
    pages = page_texts(data)
    assert len(pages) == 2
    for page in pages:
        assert "Căn cước của cha, mẹ trẻ" in page
        assert "NGƯỜI NỘP HỒ SƠ" in page
        assert "Lê Thị Hồng Nhung" in page
        assert "Ghi chú: Giấy này được lập thành 02 liên" in page


def test_signatures_never_stand_alone_on_a_page() -> None:
    many = tuple(
        ReceivedComponent(f"c{i}", f"Giấy tờ kèm theo số {i} của hồ sơ", DocForm.COPY)
        for i in range(1, 13)
    )
    data = render_receipt(make_dossier(components=many), BIRTH, make_unit(), paper=PaperSize.A5)
    pages = page_texts(data)
    assert page_count(data) == len(pages) >= 3
    for page in pages:
        if "NGƯỜI TIẾP NHẬN HỒ SƠ" in page:
            # The closing lines move with the signatures.
            assert "Vào Sổ theo dõi hồ sơ" in page
            assert "Phí, lệ phí" in page


def test_refusal_keeps_its_number_line() -> None:
    # Only Mẫu 01 lost its "Số:" line.
    from tests.unit.test_slips import refusal

    assert "Số: ……" in pdf_text(render_refusal(refusal(), make_unit()))
