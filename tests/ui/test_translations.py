"""The Vietnamese translation: complete, compiled, and covering every code of the core."""

from __future__ import annotations

import ast
import importlib.util
import re
import string
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hcc_desktop.core import errors as core_errors
from hcc_desktop.core.domain import CalendarOverride, OfficeHours
from hcc_desktop.core.errors import FieldError, HccError, QrParseError, ValidationError
from hcc_desktop.core.identity import PersonInput, parse_cccd_qr, validate_person
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft
from hcc_desktop.services.settings import AppSettings, validate_settings
from hcc_desktop.ui.common import messages
from hcc_desktop.ui.common.messages import error_message, field_message
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "hcc_desktop" / "ui"
CORE = ROOT / "hcc_desktop"
TS = ROOT / "resources" / "translations" / "hcc_desktop_vi.ts"
QM = ROOT / "resources" / "translations" / "hcc_desktop_vi.qm"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ts_messages() -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source", ""))] = translation
    return found


class _TrCollector(ast.NodeVisitor):
    """(context, source) of every tr()/translate()/QT_TRANSLATE_NOOP() call."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: set[tuple[str, str]] = set()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if name == "tr" and texts and isinstance(texts[0], str) and self.classes:
            self.found.add((self.classes[-1], texts[0]))
        elif name in ("translate", "QT_TRANSLATE_NOOP") and len(texts) >= 2:
            self.found.add((str(texts[0]), str(texts[1])))
        self.generic_visit(node)


def ui_source_strings() -> set[tuple[str, str]]:
    collector = _TrCollector()
    shared = [CORE / "core" / "messages.py", *sorted((CORE / "cli").glob("*.py"))]
    for path in [*sorted(UI.rglob("*.py")), *shared]:
        collector.visit(ast.parse(path.read_text("utf-8")))
    return collector.found


# -- the files -----------------------------------------------------------------------------


def test_qm_is_compiled_from_the_current_ts(tmp_path: Path) -> None:
    script = load_script()
    rebuilt = tmp_path / "rebuilt.qm"
    script.lrelease(TS, rebuilt)
    assert QM.exists(), "run scripts/update_translations.py"
    assert rebuilt.read_bytes() == QM.read_bytes(), "the .qm is stale: run the script"


def test_no_unfinished_or_empty_translation() -> None:
    assert load_script().unfinished(TS) == []


def test_every_ui_string_has_a_translation() -> None:
    sources = ui_source_strings()
    assert len(sources) > 200  # the scan found the strings
    translated = ts_messages()
    missing = sorted(s for s in sources if s not in translated)
    assert missing == [], "run scripts/update_translations.py and translate"


def test_translations_keep_placeholders_mnemonics_and_nfc() -> None:
    placeholder = re.compile(r"\{\w*\}|%\d")
    for (context, source), element in ts_messages().items():
        text = element.text or ""
        if element.get("type") == "unfinished":
            continue  # reported by test_no_unfinished_or_empty_translation
        where = f"{context}: {source!r}"
        assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), where
        assert unicodedata.is_normalized("NFC", text), where
        mnemonics = len(re.findall(r"&(?!&)", source.replace("&&", "")))
        assert len(re.findall(r"&(?!&)", text.replace("&&", ""))) == mnemonics, where


# -- the core's error codes -------------------------------------------------------------------


def _hcc_error_classes() -> list[str]:
    return [
        name
        for name, value in vars(core_errors).items()
        if isinstance(value, type) and issubclass(value, HccError)
    ]


def core_codes() -> tuple[set[str], set[str]]:
    """(field error codes, error codes) used anywhere in the Qt-free core."""
    classes = "|".join(_hcc_error_classes())
    field_patterns = [
        re.compile(r"FieldError\(\s*f?[\"'][^\"']*[\"']\s*,\s*[\"']([a-z_]+)[\"']"),
        re.compile(r"\(\s*[\"']([a-z_]+)[\"']\s*,\s*\{"),  # ("code", {params}) pairs
        re.compile(r"return\s+\"\",\s*\"([a-z_]+)\""),  # ("", "code") results
    ]
    error_patterns = [
        re.compile(rf"\b(?:{classes})\(\s*[\"']([a-z_]+)[\"']"),
        re.compile(r"^\s+code = \"([a-z_]+)\"", re.MULTILINE),
    ]
    field_codes: set[str] = set()
    error_codes: set[str] = set()
    for path in CORE.rglob("*.py"):
        parts = path.relative_to(CORE).parts
        if parts[0] == "ui" or "migrations" in parts:
            continue
        text = path.read_text("utf-8")
        for pattern in field_patterns:
            field_codes.update(pattern.findall(text))
        for pattern in error_patterns:
            error_codes.update(pattern.findall(text))
    return field_codes, error_codes


def test_every_code_of_the_core_has_a_message() -> None:
    field_codes, error_codes = core_codes()
    # The scan itself works: codes from identity, intake, settings, worktime, printing.
    assert {"cccd_province_unknown", "required_missing", "unit_code_format", "phone_format"} <= (
        field_codes
    )
    assert {"qr_truncated", "duplicate_code", "save_failed", "catalog_invalid"} <= error_codes
    specific = {code for _field, code in messages.FIELD_SPECIFIC}
    assert sorted(field_codes - set(messages.FIELD_MESSAGES) - specific) == []
    assert sorted(error_codes - set(messages.ERROR_MESSAGES)) == []


def _placeholders(template: str) -> set[str]:
    return {name for _t, name, _f, _c in string.Formatter().parse(template) if name}


def real_errors(services: Services) -> list[HccError]:
    """Errors raised by the core itself for typical mistakes at the counter."""
    people = [
        PersonInput(),
        PersonInput("Nguyễn 9", "099090001234", "15/03/1990", "123", "ab", "a@b", "x"),
        PersonInput("A", "05209000123", "32/13/1990", "0912345678", "Khu phố 1, phường X"),
        PersonInput("Nguyễn Văn An", "052290001234", "15/03/1990", "0912", "Khu 1", gender="Nữ"),
        PersonInput("Nguyễn Văn An", "052088001234", "15/03/1990", "0912345678", "Khu phố 1"),
        PersonInput("Lê Thị Ba", "0520900012ab", "01/01/1800", "0912345678", "Khu phố 1"),
        PersonInput("Lê Thị Ba", "12345678", "01/01/2999", "0912345678", "Khu 1", id_type="cmnd"),
        PersonInput("Lê Thị Ba", "1234567a", id_type="cmnd"),
        PersonInput("Lê Thị Ba", "A!", id_type="passport", id_issued_on="99/99/2020"),
        PersonInput("Lê Thị Ba", "B1234567", id_type="xyz"),
        PersonInput(
            "Lê Thị Ba", "052190001234", "01/01/1990", "0912345678", "Khu phố 1",
            id_issued_on="01/01/1980",
        ),
        PersonInput(
            "Lê Thị Ba", "052190001234", "01/01/1990", "0912345678", "Khu phố 1",
            id_issued_on="01/01/2999",
        ),
    ]  # fmt: skip
    found: list[HccError] = []
    for person in people:
        with pytest.raises(ValidationError) as caught:
            validate_person(person)
        found.append(caught.value)
    for raw in [
        "",
        "hello",
        "052090001234|",
        "052090001234||Nguyễn Văn An|15031990|Nam",
        "052090001234||Nguyễn Văn An|35031990|Nam|Khu phố 1|01012020",
        "099090001234||Nguyễn Văn An|15031990|Nam|Khu phố 1|01012020",
        "052090001234||Nguyễn Văn An|15031990|Nữ|Khu phố 1|01012020",
        "052090001234||Nguyễn Văn An|15031990|Nam|Khu phố 1|01011980",
    ]:
        with pytest.raises(QrParseError) as qr:
            parse_cccd_qr(raw)
        found.append(qr.value)
    bad_settings = replace(
        AppSettings(),
        unit_code="x y",
        unit_name="",
        device_slot=12,
        public_lookup_url="abc",
        language="fr",
        due_soon_days=99,
        office_hours=OfficeHours(intervals=((time(11), time(7)),)),
    )
    with pytest.raises(ValidationError) as caught:
        validate_settings(bad_settings)
    found.append(caught.value)
    day = date(2030, 1, 2)
    with pytest.raises(ValidationError) as caught:
        services.settings.set_calendar_overrides(
            [CalendarOverride(day, "off"), CalendarOverride(day, "maybe")]
        )
    found.append(caught.value)
    draft = IntakeDraft(
        procedure_code="1.001193",
        owner=PersonInput("Nguyễn Văn An", "052090001234", "15/03/1990", "0912345678", "Khu 1"),
        components=(
            ComponentInput("nope"),
            ComponentInput("1.001193-01", form="scan"),
            ComponentInput("1.001193-01", count=0),
            ComponentInput(None, name=""),
        ),
        channel="fax",
        fee_amount=-1,
        fee_method="gold",
        sets_count=0,
        result_delivery="drone",
        use_alt_processing=True,
        received_by="",
        received_at=datetime(2999, 1, 1),
    )
    for procedure in ("1.001193", "9.999999"):
        with pytest.raises(ValidationError) as caught:
            services.intake.check(replace(draft, procedure_code=procedure))
        found.append(caught.value)
    return found


def test_real_errors_get_complete_messages(services: Services) -> None:
    found = real_errors(services)
    field_errors = [e for exc in found if isinstance(exc, ValidationError) for e in exc.errors]
    assert len(field_errors) > 40
    for err in field_errors:
        template = messages.template_for(err)
        assert template is not None, err
        missing = _placeholders(template) - set(err.params) - {"min"}
        assert missing == set(), (err, template)
        assert "…" not in field_message(err).replace("…", "", template.count("…"))
    for exc in found:
        text = error_message(exc)
        assert text, exc
        assert "{" not in text, exc
        if isinstance(exc, QrParseError):
            template = messages.ERROR_MESSAGES[exc.code]
            assert _placeholders(template) <= set(exc.params), exc


# -- in Vietnamese ----------------------------------------------------------------------------


def test_messages_in_vietnamese(vietnamese: None, services: Services) -> None:
    province = FieldError("applicant.id_number", "cccd_province_unknown", {"province_code": "099"})
    assert field_message(province) == "Mã tỉnh 099 trên CCCD không tồn tại"
    missing = FieldError(
        "components",
        "required_missing",
        {"ids": ["a", "b"], "names": ["Tờ khai đăng ký khai sinh theo mẫu", "Giấy chứng sinh"]},
    )
    assert field_message(missing) == (
        "Thiếu thành phần bắt buộc: Tờ khai đăng ký khai sinh theo mẫu; Giấy chứng sinh"
    )
    slot = FieldError("device_slot", "out_of_range", {"max": 9})
    assert field_message(slot) == "Phải từ 0 đến 9"
    both = ValidationError([province, FieldError("submitter.phone", "phone_format")])
    text = error_message(both)
    assert text.startswith("Một số thông tin chưa hợp lệ:")
    assert "Chủ hồ sơ – Số giấy tờ tùy thân: Mã tỉnh 099 trên CCCD không tồn tại" in text
    assert "Người nộp hồ sơ – Số điện thoại: Số điện thoại không hợp lệ" in text
    qr = QrParseError("qr_bad_id", reason="cccd_province_unknown", province_code="099")
    assert error_message(qr) == (
        "Số CCCD trong mã QR không hợp lệ: Mã tỉnh 099 trên CCCD không tồn tại"
    )
    gender = FieldError(
        "applicant.id_number",
        "cccd_gender_mismatch",
        {"digit": "0", "expected_digit": "1", "gender": "female"},
    )
    assert field_message(gender) == (
        "Chữ số thứ 4 của CCCD là 0, không khớp với giới tính Nữ (phải là 1)"
    )


def test_main_window_speaks_vietnamese(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not runner.is_busy())  # today's list is read on the runner
    unit = services.settings.load().unit_name
    assert window.windowTitle() == f"HCC Desktop – {unit}"
    assert window.intake_action.text() == "&Tiếp nhận hồ sơ"
    assert window.reprint_action.text() == "&In lại giấy tiếp nhận"
    assert window.settings_action.text() == "&Cài đặt…"
    assert window.import_catalog_action.text() == "&Nhập danh mục thủ tục…"
    assert window.export_catalog_action.text() == "&Xuất danh mục thủ tục…"
    assert window.about_action.text() == "&Giới thiệu"
    assert window.quit_action.text() == "Th&oát"
    assert window.search.placeholderText() == "Tìm mã hồ sơ, họ tên, CCCD, số điện thoại…"
    assert window.header_label.text() == "Hồ sơ tiếp nhận hôm nay (0)"
    assert window.officer_label.text() == "Cán bộ: Trần Thị Bình (Quản trị viên)"
    headers = [
        window.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.model.columnCount())
    ]
    assert headers == [
        "Mã hồ sơ", "Chủ hồ sơ", "Thủ tục", "Tiếp nhận", "Hẹn trả",
        "Trạng thái", "Kênh", "Cán bộ tiếp nhận", "Tiến độ", "Người đang giữ",
    ]  # fmt: skip
