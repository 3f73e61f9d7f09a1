"""Identity validation and CCCD QR parsing (hcc_desktop.core.identity)."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, datetime

import pytest

from hcc_desktop.core.domain import Gender, IdType, Person
from hcc_desktop.core.errors import FieldError, QrParseError, ValidationError
from hcc_desktop.core.identity import (
    PROVINCE_CODES,
    CccdQrData,
    PersonInput,
    looks_like_cccd_qr,
    normalize_phone,
    parse_cccd_qr,
    validate_person,
)

TODAY = date(2025, 9, 15)

GOOD = PersonInput(
    full_name="Nguyễn Văn An",
    id_number="079203001234",
    date_of_birth="2003-03-15",
    phone="0912345678",
    address="123 Lê Lợi, Phường Bến Thành",
    email="",
    gender="Nam",
    id_type="",
    id_issued_on="20/04/2021",
)

QR_GOOD = (
    "079203001234|025123456|Nguyễn Văn An|15032003|Nam|"
    "123 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021"
)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def validate(**changes: object) -> Person:
    return validate_person(replace(GOOD, **changes), today=TODAY)  # type: ignore[arg-type]


def errors_of(**changes: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as info:
        validate(**changes)
    return [(e.field, e.code) for e in info.value.errors]


def only_error(field: str, **changes: object) -> FieldError:
    with pytest.raises(ValidationError) as info:
        validate(**changes)
    assert [e.field for e in info.value.errors] == [f"applicant.{field}"]
    return info.value.errors[0]


def qr_error(raw: str) -> QrParseError:
    with pytest.raises(QrParseError) as info:
        parse_cccd_qr(raw)
    return info.value


# --- province codes --------------------------------------------------------------------------


def test_province_codes_are_the_63_pre_2025_provinces() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội"
    assert PROVINCE_CODES["079"] == "Hồ Chí Minh"
    assert PROVINCE_CODES["051"] == "Quảng Ngãi"
    assert PROVINCE_CODES["052"] == "Bình Định"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    assert "003" not in PROVINCE_CODES
    assert all(len(code) == 3 and code.isdigit() for code in PROVINCE_CODES)
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCE_CODES.values())


# --- a valid person --------------------------------------------------------------------------


def test_valid_person_is_normalised() -> None:
    person = validate(
        full_name="  Nguyễn   Văn  An ",
        id_number="079 203 001 234",
        phone="+84 912 345 678",
        email="An.Nguyen@Example.COM.VN",
    )
    assert person == Person(
        full_name="Nguyễn Văn An",
        id_type=IdType.CCCD,
        id_number="079203001234",
        date_of_birth=date(2003, 3, 15),
        phone="0912345678",
        address="123 Lê Lợi, Phường Bến Thành",
        email="An.Nguyen@example.com.vn",
        gender=Gender.MALE,
        id_issued_on=date(2021, 4, 20),
    )


def test_nfd_input_is_stored_as_nfc() -> None:
    person = validate(
        full_name=nfd("Trần Thị Bích Ngọc"),
        id_number="001305001234",
        date_of_birth="2005-01-02",
        gender=nfd("Nữ"),
        address=nfd("Số 5 ngõ 12 Đường Láng, Đống Đa"),
    )
    assert person.full_name == "Trần Thị Bích Ngọc"
    assert unicodedata.is_normalized("NFC", person.full_name)
    assert person.address == "Số 5 ngõ 12 Đường Láng, Đống Đa"
    assert unicodedata.is_normalized("NFC", person.address)
    assert person.gender is Gender.FEMALE


def test_optional_fields_may_be_empty() -> None:
    person = validate(email="", gender="", id_issued_on="")
    assert person.email == ""
    assert person.gender is None
    assert person.id_issued_on is None


def test_prefix_names_the_fields() -> None:
    with pytest.raises(ValidationError) as info:
        validate_person(replace(GOOD, phone="123"), prefix="submitter", today=TODAY)
    assert info.value.for_field("submitter.phone") == FieldError("submitter.phone", "phone_format")


def test_every_fault_is_reported_at_once() -> None:
    data = PersonInput(
        full_name="",
        id_number="079203001234",
        date_of_birth="31/02/2003",
        phone="12345",
        address="abc",
        email="not an email",
        gender="x",
        id_type="",
        id_issued_on="2099-01-01",
    )
    with pytest.raises(ValidationError) as info:
        validate_person(data, prefix="owner", today=TODAY)
    assert [(e.field, e.code) for e in info.value.errors] == [
        ("owner.full_name", "required"),
        ("owner.date_of_birth", "dob_format"),
        ("owner.phone", "phone_format"),
        ("owner.address", "too_short"),
        ("owner.email", "email_format"),
        ("owner.gender", "gender_unknown"),
        ("owner.id_issued_on", "issued_future"),
    ]


def test_all_required_fields_empty() -> None:
    with pytest.raises(ValidationError) as info:
        validate_person(PersonInput(), today=TODAY)
    assert [(e.field, e.code) for e in info.value.errors] == [
        ("applicant.full_name", "required"),
        ("applicant.id_number", "required"),
        ("applicant.date_of_birth", "required"),
        ("applicant.phone", "required"),
        ("applicant.address", "required"),
    ]


# --- full name -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("nguyễn văn an", "nguyễn văn an"),  # case kept as typed
        ("NGUYỄN THỊ HỒNG", "NGUYỄN THỊ HỒNG"),
        ("Đặng\tThị  Mỹ\u00a0Duyên", "Đặng Thị Mỹ Duyên"),
        ("Mary-Jane O'Neil", "Mary-Jane O'Neil"),
        ("John F. Kennedy", "John F. Kennedy"),
        ("H'Hen Niê", "H'Hen Niê"),
        ("H\u2019Hen Niê", "H\u2019Hen Niê"),  # typographic apostrophe from a phone
        ("Lý", "Lý"),
    ],
)
def test_full_name_accepted(typed: str, stored: str) -> None:
    assert validate(full_name=typed).full_name == stored


@pytest.mark.parametrize(
    ("typed", "code", "params"),
    [
        ("", "required", {}),
        ("   ", "required", {}),
        ("Nguyễn Văn 4n", "invalid_chars", {"chars": "4"}),
        ("An@Bình, #1", "invalid_chars", {"chars": "#,1@"}),
        ("A", "too_short", {"min_letters": 2}),
        ("A. -", "too_short", {"min_letters": 2}),
    ],
)
def test_full_name_rejected(typed: str, code: str, params: dict[str, object]) -> None:
    assert only_error("full_name", full_name=typed) == FieldError(
        "applicant.full_name", code, params
    )


# --- CCCD ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "dob", "gender"),
    [
        ("001085001234", "1985-06-01", "Nam"),  # 0 = male 1900s
        ("001185001234", "1985-06-01", "Nữ"),  # 1 = female 1900s
        ("052100123456", "1900-01-01", "female"),
        ("096099123456", "1999-12-31", "male"),
        ("079203001234", "2003-03-15", "nam"),  # 2 = male 2000s
        ("079303001234", "2003-03-15", "nu"),  # 3 = female 2000s
        ("051224000001", "15/03/2024", ""),
    ],
)
def test_cccd_accepted(number: str, dob: str, gender: str) -> None:
    person = validate(id_number=number, date_of_birth=dob, gender=gender, id_issued_on="")
    assert person.id_type is IdType.CCCD
    assert person.id_number == number


def test_cccd_century_digits_of_later_centuries() -> None:
    # 4/5 = 2100s … 8/9 = 2300s: checked against a birth date in that century.
    for digit, year, gender in [("4", 2101, "Nam"), ("5", 2150, "Nữ"), ("6", 2205, "Nam")]:
        data = replace(
            GOOD,
            id_number=f"079{digit}{year % 100:02d}001234",
            date_of_birth=f"{year}-01-01",
            gender=gender,
            id_issued_on="",
        )
        person = validate_person(data, today=date(year + 20, 1, 1))
        assert person.id_number == f"079{digit}{year % 100:02d}001234"
    data = replace(GOOD, id_number="079903001234", date_of_birth="2303-05-05", gender="Nữ")
    data = replace(data, id_issued_on="")
    assert validate_person(data, today=date(2330, 1, 1)).gender is Gender.FEMALE


@pytest.mark.parametrize(
    ("changes", "code", "params"),
    [
        ({"id_number": "07920300123"}, "cccd_length", {"length": 11, "expected": 12}),
        ({"id_number": "0792030012345"}, "cccd_length", {"length": 13, "expected": 12}),
        (
            {"id_number": "07920300123", "id_type": "cccd"},
            "cccd_length",
            {"length": 11, "expected": 12},
        ),
        ({"id_number": "079203001234", "id_type": "CCCD"}, None, None),
        ({"id_number": "07920300123A", "id_type": "cccd"}, "cccd_not_digits", {}),
        ({"id_number": "003203001234"}, "cccd_province_unknown", {"province_code": "003"}),
        ({"id_number": "099203001234"}, "cccd_province_unknown", {"province_code": "099"}),
        (
            {"id_number": "079003001234"},
            "cccd_century_mismatch",
            {"digit": "0", "expected_digit": "2", "birth_year": 2003},
        ),
        (
            {"id_number": "079203001234", "date_of_birth": "1903-03-15"},
            "cccd_century_mismatch",
            {"digit": "2", "expected_digit": "0", "birth_year": 1903},
        ),
        (
            {"id_number": "079204001234"},
            "cccd_year_mismatch",
            {"digits": "04", "expected_digits": "03"},
        ),
        (
            {"id_number": "079303001234"},
            "cccd_gender_mismatch",
            {"digit": "3", "expected_digit": "2", "gender": "male"},
        ),
        (
            {"id_number": "079203001234", "gender": "Nữ"},
            "cccd_gender_mismatch",
            {"digit": "2", "expected_digit": "3", "gender": "female"},
        ),
    ],
)
def test_cccd_rules(
    changes: dict[str, str], code: str | None, params: dict[str, object] | None
) -> None:
    if code is None or params is None:
        assert validate(**changes).id_number == "079203001234"
        return
    assert only_error("id_number", **changes) == FieldError("applicant.id_number", code, params)


def test_cccd_reports_every_mismatch() -> None:
    # Female digit of the 1900s with year 85, against a man born in 2003.
    assert errors_of(id_number="079185001234") == [
        ("applicant.id_number", "cccd_century_mismatch"),
        ("applicant.id_number", "cccd_year_mismatch"),
        ("applicant.id_number", "cccd_gender_mismatch"),
    ]
    assert errors_of(id_number="003185001234") == [
        ("applicant.id_number", "cccd_province_unknown"),
        ("applicant.id_number", "cccd_century_mismatch"),
        ("applicant.id_number", "cccd_year_mismatch"),
        ("applicant.id_number", "cccd_gender_mismatch"),
    ]


def test_cccd_without_birth_date_or_gender_checks_what_it_can() -> None:
    data = replace(GOOD, id_number="079985001234", date_of_birth="", gender="", id_issued_on="")
    person = validate_person(data, today=TODAY, require_dob=False)
    assert person.date_of_birth is None
    assert person.id_number == "079985001234"
    with pytest.raises(ValidationError) as info:
        validate_person(replace(data, gender="Nam"), today=TODAY, require_dob=False)
    assert info.value.errors == (
        FieldError(
            "applicant.id_number",
            "cccd_gender_mismatch",
            {"digit": "9", "expected_digit": "8", "gender": "male"},
        ),
    )


def test_cccd_not_cross_checked_against_a_rejected_date() -> None:
    # The birth date is wrong on its own; the number must not collect extra errors for it.
    assert errors_of(date_of_birth="2030-01-01") == [("applicant.date_of_birth", "dob_future")]
    assert errors_of(date_of_birth="15.13.2003") == [("applicant.date_of_birth", "dob_format")]


# --- CMND and passports ----------------------------------------------------------------------


def test_cmnd_inferred_from_nine_digits() -> None:
    person = validate(id_number="025 123 456")
    assert (person.id_type, person.id_number) == (IdType.CMND, "025123456")


@pytest.mark.parametrize(
    ("number", "code", "params"),
    [
        ("02512345", "cmnd_length", {"length": 8, "expected": 9}),
        ("079203001234", "cmnd_length", {"length": 12, "expected": 9}),
        ("02512345X", "cmnd_not_digits", {}),
    ],
)
def test_cmnd_rejected(number: str, code: str, params: dict[str, object]) -> None:
    error = only_error("id_number", id_number=number, id_type="cmnd")
    assert error == FieldError("applicant.id_number", code, params)


@pytest.mark.parametrize(
    ("typed", "stored", "id_type"),
    [
        ("C1234567", "C1234567", ""),  # Vietnamese passport, inferred
        ("c 1234567", "C1234567", ""),
        ("n1234567", "N1234567", "passport"),
        ("AB123456", "AB123456", ""),  # foreign passports: 6-9 letters/digits
        ("X12345", "X12345", ""),
        ("123456789", "123456789", "passport"),  # 9 digits needs the explicit type
        ("1234567", "1234567", ""),
    ],
)
def test_passport_accepted(typed: str, stored: str, id_type: str) -> None:
    person = validate(id_number=typed, id_type=id_type)
    assert (person.id_type, person.id_number) == (IdType.PASSPORT, stored)


@pytest.mark.parametrize(
    ("typed", "id_type"),
    [
        ("ABCDEFGH", ""),  # no digit
        ("C1234", "passport"),  # too short
        ("AB1234567X", ""),  # too long
        ("C-123456", ""),
        ("Đ1234567", ""),
        ("079203001234", "passport"),
    ],
)
def test_passport_rejected(typed: str, id_type: str) -> None:
    error = only_error("id_number", id_number=typed, id_type=id_type)
    assert error == FieldError("applicant.id_number", "passport_format")


def test_unknown_id_type() -> None:
    assert errors_of(id_type="driving_licence") == [("applicant.id_type", "id_type_unknown")]


def test_id_number_required() -> None:
    assert errors_of(id_number="  ") == [("applicant.id_number", "required")]


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "2003-03-15",
        "15/03/2003",
        "15/3/2003",
        "15032003",
        " 15-03-2003 ",
        date(2003, 3, 15),
        datetime(2003, 3, 15, 8, 30),
    ],
)
def test_date_of_birth_spellings(typed: str | date) -> None:
    assert validate(date_of_birth=typed).date_of_birth == date(2003, 3, 15)


@pytest.mark.parametrize(
    ("typed", "code", "params"),
    [
        ("", "required", {}),
        (None, "required", {}),
        ("15/03/03", "dob_format", {}),
        ("2003/03/15", "dob_format", {}),
        ("29022003", "dob_format", {}),  # 2003 is not a leap year
        ("mười lăm", "dob_format", {}),
        ("2025-09-16", "dob_future", {}),
        ("1895-09-14", "dob_too_old", {"max_years": 130}),
    ],
)
def test_date_of_birth_rejected(typed: str | None, code: str, params: dict[str, object]) -> None:
    changes = {"date_of_birth": typed, "id_number": "C1234567"}  # no CCCD cross-check
    error = only_error("date_of_birth", **changes)
    assert error == FieldError("applicant.date_of_birth", code, params)


def test_date_of_birth_limits_are_inclusive() -> None:
    newborn = validate(date_of_birth=TODAY, id_number="C1234567", id_issued_on="")
    assert newborn.date_of_birth == TODAY
    oldest = date(1895, 9, 15)
    assert validate(date_of_birth=oldest, id_number="C1234567").date_of_birth == oldest


def test_date_of_birth_may_be_optional() -> None:
    data = replace(GOOD, date_of_birth=None, id_issued_on=None)
    assert validate_person(data, today=TODAY, require_dob=False).date_of_birth is None


def test_today_on_29_february() -> None:
    data = replace(GOOD, id_number="C1234567", date_of_birth="1894-02-28", id_issued_on="")
    assert validate_person(data, today=date(2024, 2, 29)).date_of_birth == date(1894, 2, 28)
    with pytest.raises(ValidationError) as info:
        validate_person(replace(data, date_of_birth="1894-02-27"), today=date(2024, 2, 29))
    assert info.value.errors[0].code == "dob_too_old"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2003-03-14", "issued_before_birth"),
        ("2025-09-16", "issued_future"),
        ("32/01/2021", "issued_format"),
    ],
)
def test_id_issued_on_rejected(typed: str, code: str) -> None:
    assert only_error("id_issued_on", id_issued_on=typed).code == code


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "national"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("091.234.5678", "0912345678"),
        ("(091) 234-5678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("+84 (0) 912 345 678", "0912345678"),
        ("0321234567", "0321234567"),
        ("0561234567", "0561234567"),
        ("0701234567", "0701234567"),
        ("0861234567", "0861234567"),
        ("024 3825 1234", "02438251234"),  # Hà Nội landline
        ("+84 28 3829 1234", "02838291234"),  # TP HCM landline
        ("84 256 3822 123", "02563822123"),  # Bình Định landline
    ],
)
def test_normalize_phone(typed: str, national: str) -> None:
    assert normalize_phone(typed) == national
    assert validate(phone=typed).phone == national


@pytest.mark.parametrize(
    "typed",
    [
        "091234567",  # 9 digits
        "09123456789",  # 11-digit mobile
        "0123456789",  # retired 01x prefix
        "0412345678",
        "0612345678",
        "0438251234",  # pre-2017 10-digit landline
        "+1 912 345 678",
        "+8491234567",  # 8 digits after the country code
        "849123456789012",
        "0912345678 ext 12",
        "0912+345678",
        "\uff10\uff19\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18",  # full-width
    ],
)
def test_phone_rejected(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(typed)
    assert info.value.errors == (FieldError("phone", "phone_format"),)
    assert only_error("phone", phone=typed).code == "phone_format"


def test_phone_required() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(" - ")
    assert info.value.errors == (FieldError("phone", "required"),)
    assert only_error("phone", phone="").code == "required"


# --- address, e-mail, gender -----------------------------------------------------------------


def test_address() -> None:
    assert validate(address="  Thôn  1,\nxã Ân Hảo ").address == "Thôn 1, xã Ân Hảo"
    assert only_error("address", address="Tổ 5") == FieldError(
        "applicant.address", "too_short", {"min_length": 5}
    )
    assert validate(address="Tổ 5A").address == "Tổ 5A"
    assert only_error("address", address=" \t ").code == "required"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("an@example.com", "an@example.com"),
        (" An.Nguyen@Gmail.Com ", "An.Nguyen@gmail.com"),
        ("hoso+tn@ubnd.hoainhon.binhdinh.gov.vn", "hoso+tn@ubnd.hoainhon.binhdinh.gov.vn"),
    ],
)
def test_email_accepted(typed: str, stored: str) -> None:
    assert validate(email=typed).email == stored


@pytest.mark.parametrize(
    "typed",
    [
        "an",
        "an@example",
        "an@@example.com",
        "a@b@example.com",
        "an nguyen@example.com",
        "an@example..com",
        "an@.example.com",
        "an@example.com.",
        "@example.com",
    ],
)
def test_email_rejected(typed: str) -> None:
    assert only_error("email", email=typed) == FieldError("applicant.email", "email_format")


@pytest.mark.parametrize(
    ("typed", "gender"),
    [
        ("male", Gender.MALE),
        ("MALE", Gender.MALE),
        ("Nam", Gender.MALE),
        (" nam ", Gender.MALE),
        ("female", Gender.FEMALE),
        ("Nữ", Gender.FEMALE),
        ("NỮ", Gender.FEMALE),
        ("nu", Gender.FEMALE),
        ("Nu", Gender.FEMALE),
        ("", None),
    ],
)
def test_gender_accepted(typed: str, gender: Gender | None) -> None:
    number = "079303001234" if gender is Gender.FEMALE else "079203001234"
    assert validate(gender=typed, id_number=number).gender is gender


@pytest.mark.parametrize("typed", ["m", "khác", "nam nữ", "other"])
def test_gender_rejected(typed: str) -> None:
    assert only_error("gender", gender=typed) == FieldError("applicant.gender", "gender_unknown")


# --- CCCD QR ---------------------------------------------------------------------------------


def test_parse_good_qr() -> None:
    data = parse_cccd_qr(QR_GOOD)
    assert data == CccdQrData(
        id_number="079203001234",
        old_id_number="025123456",
        full_name="Nguyễn Văn An",
        date_of_birth=date(2003, 3, 15),
        gender=Gender.MALE,
        address="123 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh",
        issued_on=date(2021, 4, 20),
        extra=(),
    )


def test_qr_to_person_input_validates_with_a_phone() -> None:
    data = parse_cccd_qr(QR_GOOD)
    assert data.to_person_input() == PersonInput(
        full_name="Nguyễn Văn An",
        id_number="079203001234",
        date_of_birth=date(2003, 3, 15),
        phone="",
        address="123 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh",
        email="",
        gender="male",
        id_type="cccd",
        id_issued_on=date(2021, 4, 20),
    )
    person = validate_person(replace(data.to_person_input(), phone="0912345678"), today=TODAY)
    assert person.id_type is IdType.CCCD
    assert person.gender is Gender.MALE


def test_qr_with_empty_cmnd_female_and_no_issue_date() -> None:
    raw = "001305001234||Trần Thị Bích Ngọc|02012005|Nữ|Số 5 Đường Láng, Đống Đa, Hà Nội|"
    data = parse_cccd_qr(raw)
    assert data.old_id_number == ""
    assert data.gender is Gender.FEMALE
    assert data.issued_on is None
    assert data.date_of_birth == date(2005, 1, 2)


def test_qr_with_extra_fields_keeps_them() -> None:
    data = parse_cccd_qr(QR_GOOD + "|Nguyễn Văn Ba|Lê Thị Cúc|X")
    assert data.extra == ("Nguyễn Văn Ba", "Lê Thị Cúc", "X")
    assert data.issued_on == date(2021, 4, 20)


def test_qr_tolerates_white_space_and_line_end() -> None:
    assert parse_cccd_qr("  " + QR_GOOD + "\r\n") == parse_cccd_qr(QR_GOOD)
    assert parse_cccd_qr(QR_GOOD.replace("|", " | ")) == parse_cccd_qr(QR_GOOD)


def test_qr_typed_as_nfd_is_read_as_nfc() -> None:
    data = parse_cccd_qr(nfd(QR_GOOD))
    assert data.full_name == "Nguyễn Văn An"
    assert unicodedata.is_normalized("NFC", data.full_name)
    assert data.address == "123 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh"
    assert parse_cccd_qr(nfd(QR_GOOD.replace("|Nam|", "|Nữ|").replace("0792", "0793"))).gender is (
        Gender.FEMALE
    )


@pytest.mark.parametrize(
    ("raw", "code", "params"),
    [
        ("", "qr_empty", {}),
        (" \r\n", "qr_empty", {}),
        ("079203001234|025123456|Nguyễn Văn An", "qr_truncated", {"fields": 3, "expected": 7}),
        (QR_GOOD.rsplit("|", 1)[0], "qr_truncated", {"fields": 6, "expected": 7}),
        ("079203001234|", "qr_truncated", {"fields": 2, "expected": 7}),
        ("079203001234", "qr_garbage", {}),
        ("hello world", "qr_garbage", {}),
        ("https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "qr_garbage", {}),
        ("07920300123|025123456|A B|15032003|Nam|x|20042021", "qr_garbage", {}),
        ("0792030012345|025123456|A B|15032003|Nam|x|20042021", "qr_garbage", {}),
        ("079203001234|025123456||15032003|Nam|x|20042021", "qr_garbage", {"field": "full_name"}),
        ("079203001234|0|Nguyễn V4n|15032003|Nam|x|20042021", "qr_garbage", {"field": "full_name"}),
        ("079203001234|0|Nguyễn An|15032003|M|x|20042021", "qr_garbage", {"field": "gender"}),
        (QR_GOOD.replace("15032003", "31022003"), "qr_bad_date", {"field": "date_of_birth"}),
        (QR_GOOD.replace("15032003", "2003-03-15"), "qr_bad_date", {"field": "date_of_birth"}),
        (QR_GOOD.replace("20042021", "2004202"), "qr_bad_date", {"field": "issued_on"}),
        (
            QR_GOOD.replace("079203", "099203"),
            "qr_bad_id",
            {"reason": "cccd_province_unknown", "province_code": "099"},
        ),
        (
            QR_GOOD.replace("079203", "079204"),
            "qr_inconsistent",
            {"reason": "cccd_year_mismatch", "digits": "04", "expected_digits": "03"},
        ),
        (
            QR_GOOD.replace("079203", "079003"),
            "qr_inconsistent",
            {
                "reason": "cccd_century_mismatch",
                "digit": "0",
                "expected_digit": "2",
                "birth_year": 2003,
            },
        ),
        (
            QR_GOOD.replace("|Nam|", "|Nữ|"),
            "qr_inconsistent",
            {
                "reason": "cccd_gender_mismatch",
                "digit": "2",
                "expected_digit": "3",
                "gender": "female",
            },
        ),
        (
            QR_GOOD.replace("20042021", "14032003"),
            "qr_inconsistent",
            {"reason": "issued_before_birth"},
        ),
    ],
)
def test_qr_rejected(raw: str, code: str, params: dict[str, object]) -> None:
    error = qr_error(raw)
    assert (error.code, error.params) == (code, params)


def test_qr_errors_do_not_carry_personal_data() -> None:
    error = qr_error(QR_GOOD.replace("|Nam|", "|Nữ|"))
    assert "Nguyễn" not in str(error)
    assert "15032003" not in str(error)


# --- QR detection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (QR_GOOD, True),
        (QR_GOOD + "\n", True),
        (" " + QR_GOOD, True),
        ("079203001234|025123456|Nguyễn Văn An|15032003", True),  # still being typed
        ("079203001234|025123456|Nguyễn", False),
        ("079203001234", False),
        ("079203001234|", False),
        ("", False),
        ("Nguyễn Văn An", False),
        ("07920300123|025123456|Nguyễn Văn An|15032003|Nam", False),
        ("0792030012345|025123456|Nguyễn Văn An|15032003|Nam", False),
        ("a|b|c|d|e|f|g", False),
    ],
)
def test_looks_like_cccd_qr(text: str, expected: bool) -> None:
    assert looks_like_cccd_qr(text) is expected


def test_names_and_addresses_have_length_limits() -> None:
    from hcc_desktop.core.identity import MAX_ADDRESS_LENGTH, MAX_NAME_LENGTH

    base = {
        "full_name": "Nguyễn Văn An",
        "id_number": "079203001234",
        "date_of_birth": "2003-03-15",
        "phone": "0912345678",
        "address": "123 Lê Lợi, khu phố 3",
    }
    pasted = "Nguyễn Văn An " * 22  # about 300 characters
    with pytest.raises(ValidationError) as info:
        validate_person(PersonInput(**{**base, "full_name": pasted}))
    err = info.value.for_field("applicant.full_name")
    assert err is not None
    assert err.code == "too_long"
    assert err.params == {"max": MAX_NAME_LENGTH}
    with pytest.raises(ValidationError) as info:
        validate_person(PersonInput(**{**base, "address": "x" * (MAX_ADDRESS_LENGTH + 1)}))
    err = info.value.for_field("applicant.address")
    assert err is not None
    assert err.code == "too_long"
    # At the limits: accepted.
    at_limit = "A" * MAX_NAME_LENGTH
    person = validate_person(
        PersonInput(**{**base, "full_name": at_limit, "address": "y" * MAX_ADDRESS_LENGTH})
    )
    assert person.full_name == at_limit


def test_gender_from_the_cccd_4th_digit() -> None:
    from hcc_desktop.core.identity import gender_from_cccd

    assert gender_from_cccd("079203001234") is Gender.MALE  # 2: male, 2000s
    assert gender_from_cccd("052185004321") is Gender.FEMALE  # 1: female, 1900s
    assert gender_from_cccd("052 390 004 321") is Gender.FEMALE
    assert gender_from_cccd("05218500432") is None  # not 12 digits yet
    assert gender_from_cccd("123456789") is None  # old CMND: no gender digit
    assert gender_from_cccd("B1234567") is None
