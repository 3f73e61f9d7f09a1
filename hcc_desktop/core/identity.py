"""Applicant identity: validation of typed person data and parsing of the CCCD QR code.

Qt-free. Every text is NFC-normalised before it is checked, so a name typed on a
keyboard that produces decomposed (NFD) Vietnamese compares and stores like any other.
Errors carry stable codes (see ``validate_person`` and ``parse_cccd_qr``), never UI text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from hcc_desktop.core.domain import Gender, IdType, Person
from hcc_desktop.core.errors import FieldError, QrParseError, ValidationError
from hcc_desktop.core.text import fold, nfc

__all__ = [
    "PROVINCE_CODES",
    "CccdQrData",
    "PersonInput",
    "looks_like_cccd_qr",
    "normalize_phone",
    "parse_cccd_qr",
    "validate_person",
]

# Birthplace province codes printed in the first three CCCD digits (Circular 07/2016/TT-BCA,
# Phụ lục 1). The 2025 province mergers did not renumber cards already issued.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}

MAX_AGE_YEARS = 130
MIN_NAME_LETTERS = 2
MIN_ADDRESS_LENGTH = 5
# Longest accepted texts; the UI fields carry the same maxLength (ui/intake/person.py).
MAX_NAME_LENGTH = 100
MAX_ADDRESS_LENGTH = 250
QR_MIN_FIELDS = 7

_FIELDS = (
    "full_name",
    "id_number",
    "date_of_birth",
    "phone",
    "address",
    "email",
    "gender",
    "id_issued_on",
)

# Explicit [0-9] everywhere: \d would also accept Arabic-Indic and other Unicode digits.
_DIGITS = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DMY_DATE = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")
_COMPACT_DATE = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{4})")
_PHONE_NOISE = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_PASSPORT = re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{6,9}")
_EMAIL = re.compile(r"([^@\s]+)@([^@\s]+\.[^@\s]+)")
_NAME_PUNCTUATION = frozenset(" '\u2019-.")  # U+2019: the apostrophe phones type
_QR_START = re.compile(r"[0-9]{12}[ \t]*\|")
_QR_HINT = re.compile(r"\s*[0-9]{12}[ \t]*\|")
_QR_HINT_MIN_SEPARATORS = 3

_GENDER_WORDS: dict[str, Gender] = {
    "male": Gender.MALE,
    "nam": Gender.MALE,
    "female": Gender.FEMALE,
    "nu": Gender.FEMALE,
}


@dataclass(frozen=True)
class PersonInput:
    """Person data as typed at the counter; every text may be empty or unnormalised."""

    full_name: str = ""
    id_number: str = ""
    date_of_birth: str | date | None = None  # "YYYY-MM-DD", "DD/MM/YYYY", "DDMMYYYY" or a date
    phone: str = ""
    address: str = ""
    email: str = ""
    gender: str = ""  # "male"/"female"/"Nam"/"Nữ"/""
    id_type: str = ""  # "", "cccd", "cmnd", "passport"; "" = infer from the number
    id_issued_on: str | date | None = None


@dataclass(frozen=True)
class CccdQrData:
    """The fields of the QR code on the back of a chip CCCD."""

    id_number: str
    old_id_number: str
    full_name: str
    date_of_birth: date
    gender: Gender | None
    address: str
    issued_on: date | None
    extra: tuple[str, ...] = ()

    def to_person_input(self) -> PersonInput:
        """Pre-fill for the intake form; phone and e-mail are not on the card."""
        return PersonInput(
            full_name=self.full_name,
            id_number=self.id_number,
            date_of_birth=self.date_of_birth,
            address=self.address,
            gender=self.gender.value if self.gender is not None else "",
            id_type=IdType.CCCD.value,
            id_issued_on=self.issued_on,
        )


# --- small parsers -------------------------------------------------------------------------


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_date(value: str | date | None) -> date | None:
    """A date from the accepted spellings; None when empty. Raises ValueError when unreadable."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(value)
    if not text:
        return None
    if m := _ISO_DATE.fullmatch(text):
        parsed = _real_date(int(m[1]), int(m[2]), int(m[3]))
    elif m := _DMY_DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text):
        parsed = _real_date(int(m[3]), int(m[2]), int(m[1]))
    else:
        parsed = None
    if parsed is None:
        raise ValueError(text)
    return parsed


def _parse_gender(value: str) -> Gender | None:
    """Gender from "male"/"Nam"/"Nữ"/"nu"…; None when empty. Raises ValueError when unknown."""
    key = fold(value)
    if not key:
        return None
    try:
        return _GENDER_WORDS[key]
    except KeyError:
        raise ValueError(value) from None


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year - years, day=28)


def _century_digit(birth_year: int, gender: Gender) -> str | None:
    """The 4th CCCD digit for this birth year and gender; None outside 1900-2399."""
    century = (birth_year - 1900) // 100
    if not 0 <= century <= 4:
        return None
    return str(2 * century + (1 if gender is Gender.FEMALE else 0))


def gender_from_cccd(number: str) -> Gender | None:
    """The gender a 12-digit CCCD states in its 4th digit (even: male, odd: female).

    None while the text is not 12 digits (spaces ignored) or the digit is outside 0-9's
    defined range (0-5 for births 1900-2199; 6-9 are reserved for later centuries).
    """
    digits = nfc(number).replace(" ", "")
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return None
    digit = int(digits[3])
    return Gender.FEMALE if digit % 2 else Gender.MALE


# --- phone ---------------------------------------------------------------------------------


def _phone_error(raw: str) -> tuple[str, str]:
    """(normalised number, "") or ("", error code)."""
    text = _PHONE_NOISE.sub("", nfc(raw))
    if not text:
        return "", "required"
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith("84"):
            return "", "phone_format"
    elif text.startswith("0084"):
        text = text[2:]
    if not _DIGITS.fullmatch(text):
        return "", "phone_format"
    if text.startswith("84"):
        rest = text[2:]
        if rest.startswith("0") and len(rest) in (10, 11):
            text = rest  # "+84 (0)912…": the trunk 0 typed after the country code
        elif len(rest) in (9, 10):
            text = "0" + rest
    if _MOBILE.fullmatch(text) or _LANDLINE.fullmatch(text):
        return text, ""
    return "", "phone_format"


def normalize_phone(raw: str) -> str:
    """A Vietnamese phone number in the national form ``0xxxxxxxxx``.

    Spaces, dots, dashes and parentheses are ignored; ``+84``/``84``/``0084`` replace the
    leading 0. Mobiles have 10 digits (03/05/07/08/09), landlines 11 (02x/02xx area codes).
    Raises ValidationError on field ``phone`` with code ``required`` or ``phone_format``.
    """
    number, code = _phone_error(raw)
    if code:
        raise ValidationError([FieldError("phone", code)])
    return number


# --- identity numbers ----------------------------------------------------------------------


def _resolve_id_type(raw_type: str, number: str) -> IdType | None:
    key = nfc(raw_type).lower()
    if key:
        try:
            return IdType(key)
        except ValueError:
            return None
    if _DIGITS.fullmatch(number):
        if len(number) == 12:
            return IdType.CCCD
        if len(number) == 9:
            return IdType.CMND
        if len(number) > 9:
            # Too long for any passport: the clerk was most likely typing a CCCD.
            return IdType.CCCD
    return IdType.PASSPORT


def _cccd_format_errors(number: str) -> list[tuple[str, dict[str, object]]]:
    if not _DIGITS.fullmatch(number):
        return [("cccd_not_digits", {})]
    if len(number) != 12:
        return [("cccd_length", {"length": len(number), "expected": 12})]
    if number[:3] not in PROVINCE_CODES:
        return [("cccd_province_unknown", {"province_code": number[:3]})]
    return []


def _cccd_consistency_errors(
    number: str, dob: date | None, gender: Gender | None
) -> list[tuple[str, dict[str, object]]]:
    """Faults between a well-formed CCCD and the birth date / gender it must encode."""
    digit = int(number[3])
    digit_gender = Gender.FEMALE if digit % 2 else Gender.MALE
    errors: list[tuple[str, dict[str, object]]] = []
    if dob is not None:
        digit_century_start = 1900 + (digit // 2) * 100
        if not digit_century_start <= dob.year < digit_century_start + 100:
            expected = _century_digit(dob.year, gender or digit_gender)
            errors.append(
                (
                    "cccd_century_mismatch",
                    {"digit": number[3], "expected_digit": expected, "birth_year": dob.year},
                )
            )
        expected_year = f"{dob.year % 100:02d}"
        if number[4:6] != expected_year:
            errors.append(
                ("cccd_year_mismatch", {"digits": number[4:6], "expected_digits": expected_year})
            )
    if gender is not None and gender is not digit_gender:
        year = dob.year if dob is not None else 1900 + (digit // 2) * 100
        errors.append(
            (
                "cccd_gender_mismatch",
                {
                    "digit": number[3],
                    "expected_digit": _century_digit(year, gender),
                    "gender": gender.value,
                },
            )
        )
    return errors


def _id_errors(
    id_type: IdType, number: str, dob: date | None, gender: Gender | None
) -> list[tuple[str, dict[str, object]]]:
    if id_type is IdType.CCCD:
        errors = _cccd_format_errors(number)
        if errors and errors[0][0] != "cccd_province_unknown":
            return errors
        return errors + _cccd_consistency_errors(number, dob, gender)
    if id_type is IdType.CMND:
        if not _DIGITS.fullmatch(number):
            return [("cmnd_not_digits", {})]
        if len(number) != 9:
            return [("cmnd_length", {"length": len(number), "expected": 9})]
        return []
    if not _PASSPORT.fullmatch(number):
        return [("passport_format", {})]
    return []


# --- person --------------------------------------------------------------------------------


def _name_errors(name: str) -> list[tuple[str, dict[str, object]]]:
    if not name:
        return [("required", {})]
    if len(name) > MAX_NAME_LENGTH:
        return [("too_long", {"max": MAX_NAME_LENGTH})]
    bad = sorted(
        {
            ch
            for ch in name
            if not (ch.isalpha() or ch in _NAME_PUNCTUATION or unicodedata.category(ch) == "Mn")
        }
    )
    if bad:
        return [("invalid_chars", {"chars": "".join(bad)})]
    if sum(ch.isalpha() for ch in name) < MIN_NAME_LETTERS:
        return [("too_short", {"min_letters": MIN_NAME_LETTERS})]
    return []


def _email(raw: str) -> tuple[str, bool]:
    """(normalised e-mail, ok). An empty address is fine: e-mail is optional."""
    text = nfc(raw)
    if not text:
        return "", True
    m = _EMAIL.fullmatch(text)
    if m is None:
        return "", False
    domain = m[2].lower()
    if domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return "", False
    return f"{m[1]}@{domain}", True


def validate_person(
    data: PersonInput,
    *,
    prefix: str = "applicant",
    today: date | None = None,
    require_dob: bool = True,
) -> Person:
    """Validate and normalise one person typed at the counter.

    Every fault is collected and raised at once as one ValidationError whose FieldErrors
    are named ``f"{prefix}.{field}"`` (``full_name``, ``id_number``, ``date_of_birth``,
    ``phone``, ``address``, ``email``, ``gender``, ``id_issued_on``; ``id_type`` only for an
    unknown type). A CCCD must agree with the date of birth and, when given, the gender.
    """
    today = today or date.today()
    faults: dict[str, list[tuple[str, dict[str, object]]]] = {f: [] for f in _FIELDS}

    full_name = nfc(data.full_name)
    faults["full_name"] = _name_errors(full_name)

    dob: date | None = None
    try:
        dob = _parse_date(data.date_of_birth)
    except ValueError:
        faults["date_of_birth"].append(("dob_format", {}))
    else:
        if dob is None:
            if require_dob:
                faults["date_of_birth"].append(("required", {}))
        elif dob > today:
            faults["date_of_birth"].append(("dob_future", {}))
            dob = None
        elif dob < _years_before(today, MAX_AGE_YEARS):
            faults["date_of_birth"].append(("dob_too_old", {"max_years": MAX_AGE_YEARS}))
            dob = None

    gender: Gender | None = None
    try:
        gender = _parse_gender(data.gender)
    except ValueError:
        faults["gender"].append(("gender_unknown", {}))

    number = nfc(data.id_number).replace(" ", "")
    id_type = _resolve_id_type(data.id_type, number)
    if id_type is IdType.PASSPORT:
        number = number.upper()
    if not number:
        faults["id_number"].append(("required", {}))
    elif id_type is not None:
        # A rejected birth date or gender is left out of the cross-checks: its own error says it.
        faults["id_number"] = _id_errors(id_type, number, dob, gender)

    phone, phone_code = _phone_error(data.phone)
    if phone_code:
        faults["phone"].append((phone_code, {}))

    address = nfc(data.address)
    if not address:
        faults["address"].append(("required", {}))
    elif len(address) < MIN_ADDRESS_LENGTH:
        faults["address"].append(("too_short", {"min_length": MIN_ADDRESS_LENGTH}))
    elif len(address) > MAX_ADDRESS_LENGTH:
        faults["address"].append(("too_long", {"max": MAX_ADDRESS_LENGTH}))

    email, email_ok = _email(data.email)
    if not email_ok:
        faults["email"].append(("email_format", {}))

    issued_on: date | None = None
    try:
        issued_on = _parse_date(data.id_issued_on)
    except ValueError:
        faults["id_issued_on"].append(("issued_format", {}))
    else:
        if issued_on is not None and issued_on > today:
            faults["id_issued_on"].append(("issued_future", {}))
        elif issued_on is not None and dob is not None and issued_on < dob:
            faults["id_issued_on"].append(("issued_before_birth", {}))

    errors = [
        FieldError(f"{prefix}.{name}", code, params)
        for name in _FIELDS
        for code, params in faults[name]
    ]
    if id_type is None:
        errors.append(
            FieldError(f"{prefix}.id_type", "id_type_unknown", {"value": nfc(data.id_type)})
        )
    if errors or id_type is None:
        raise ValidationError(errors)
    return Person(
        full_name=full_name,
        id_type=id_type,
        id_number=number,
        date_of_birth=dob,
        phone=phone,
        address=address,
        email=email,
        gender=gender,
        id_issued_on=issued_on,
    )


# --- CCCD QR -------------------------------------------------------------------------------


def looks_like_cccd_qr(text: str) -> bool:
    """Cheap test for "this input is a scanned CCCD QR", run by the UI on every keystroke.

    True for 12 digits then ``|`` followed by at least a few more ``|``-separated fields.
    """
    return bool(_QR_HINT.match(text)) and text.count("|") >= _QR_HINT_MIN_SEPARATORS


def _qr_date(value: str, field: str) -> date:
    m = _COMPACT_DATE.fullmatch(value)
    parsed = _real_date(int(m[3]), int(m[2]), int(m[1])) if m else None
    if parsed is None:
        raise QrParseError("qr_bad_date", field=field)
    return parsed


def parse_cccd_qr(raw: str) -> CccdQrData:
    """Read the QR on the back of a chip CCCD.

    Layout: ``CCCD|CMND|Họ tên|DDMMYYYY|Giới tính|Địa chỉ|DDMMYYYY(ngày cấp)[|more…]``.
    Raises QrParseError with code ``qr_empty``, ``qr_garbage`` (does not start with a
    12-digit number and ``|``, or an unreadable name/gender), ``qr_truncated`` (fewer than
    7 fields), ``qr_bad_date``, ``qr_bad_id`` (number rejected; ``reason`` names the
    validation code) or ``qr_inconsistent`` (number disagrees with birth date or gender).
    Parameters never repeat the personal data, so the error can be logged.
    """
    text = nfc(raw)  # also trims the CR/LF a USB scanner types after the code
    if not text:
        raise QrParseError("qr_empty")
    if not _QR_START.match(text):
        raise QrParseError("qr_garbage")
    fields = [nfc(f) for f in text.split("|")]
    if len(fields) < QR_MIN_FIELDS:
        raise QrParseError("qr_truncated", fields=len(fields), expected=QR_MIN_FIELDS)
    number, old_number, full_name, dob_text, gender_text, address, issued_text = fields[:7]

    if _name_errors(full_name):
        raise QrParseError("qr_garbage", field="full_name")
    try:
        gender = _parse_gender(gender_text)
    except ValueError:
        raise QrParseError("qr_garbage", field="gender") from None

    format_errors = _cccd_format_errors(number)
    if format_errors:
        code, params = format_errors[0]
        raise QrParseError("qr_bad_id", reason=code, **params)
    dob = _qr_date(dob_text, "date_of_birth")
    issued_on = _qr_date(issued_text, "issued_on") if issued_text else None

    mismatches = _cccd_consistency_errors(number, dob, gender)
    if mismatches:
        code, params = mismatches[0]
        raise QrParseError("qr_inconsistent", reason=code, **params)
    if issued_on is not None and issued_on < dob:
        raise QrParseError("qr_inconsistent", reason="issued_before_birth")

    return CccdQrData(
        id_number=number,
        old_id_number=old_number,
        full_name=full_name,
        date_of_birth=dob,
        gender=gender,
        address=address,
        issued_on=issued_on,
        extra=tuple(fields[7:]),
    )


def validate_id_number(raw: str, *, field: str, id_type: str = "") -> tuple[IdType, str]:
    """A lone ID number (of someone collecting a result, say): its type and
    normalised form, or ValidationError naming ``field``."""
    number = re.sub(r"\s", "", nfc(raw)).upper()
    if not number:
        raise ValidationError([FieldError(field, "required")])
    resolved = _resolve_id_type(id_type, number)
    if resolved is None:
        raise ValidationError([FieldError(field, "id_type_unknown")])
    errors = _id_errors(resolved, number, None, None)
    if errors:
        raise ValidationError([FieldError(field, code, params) for code, params in errors])
    return resolved, number


def validate_name(raw: str, *, field: str) -> str:
    """A person's name, NFC and single-spaced, or ValidationError naming ``field``."""
    name = " ".join(nfc(raw).split())
    if not name:
        raise ValidationError([FieldError(field, "required")])
    errors = _name_errors(name)
    if errors:
        raise ValidationError([FieldError(field, code, params) for code, params in errors])
    return name
