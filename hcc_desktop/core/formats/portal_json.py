"""Dossier records in the national portal's field names (DOMAIN.md §8).

What ``import-online`` reads and ``export-portal`` writes: a JSON list of
records ``{"MaHoSo", "MaTTHC", …, "ThanhPhanHoSo": [...], "QuaTrinhXuLy": [...]}``
with dates as ``yyyyMMddHHmmss`` (Vietnam wall time). This module only checks
the shape of the records and converts values; the catalog, the store and the
lifecycle are the service's business. Field names of errors are
``records[N].Field`` with N counted from 1, as the officer counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hcc_desktop.core.domain import Channel, DossierStatus
from hcc_desktop.core.errors import FieldError

DATE_FORMAT = "%Y%m%d%H%M%S"
# KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính.
CHANNEL_BY_CODE = {1: Channel.COUNTER, 2: Channel.ONLINE, 3: Channel.POSTAL}
# The list keys of a record; other spellings seen in provincial exports are accepted.
COMPONENTS_KEYS = ("ThanhPhanHoSo", "DanhSachThanhPhanHoSo", "components")
PROGRESS_KEYS = ("QuaTrinhXuLy", "DanhSachQuaTrinhXuLy", "progress")
MAX_CODE = 64


def channel_code(channel: Channel) -> int:
    """KenhThucHien of a channel: every way of coming to the counter is 1."""
    if channel is Channel.ONLINE:
        return 2
    if channel is Channel.POSTAL:
        return 3
    return 1


def format_date(moment: datetime | None) -> str | None:
    return moment.strftime(DATE_FORMAT) if moment else None


def parse_date(value: Any) -> datetime | None:
    """``yyyyMMddHHmmss`` (also accepted: ``yyyyMMddHHmm``, ``yyyyMMdd``); None if invalid."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    for fmt, length in ((DATE_FORMAT, 14), ("%Y%m%d%H%M", 12), ("%Y%m%d", 8)):
        if len(text) == length and text.isdigit():
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                return None
    return None


@dataclass(frozen=True)
class PortalComponent:
    code: str  # MaThanhPhanHoSo
    name: str  # TenThanhPhanHoSo (optional)
    digitised: bool | None  # DuocSoHoa
    reused: bool | None  # DuocTaiSuDung


@dataclass(frozen=True)
class PortalStep:
    """One progress row: NguoiXuLy, ThoiDiemXuLy, NoiDungXuLy, TrangThai."""

    actor: str
    at: datetime
    content: str
    status: DossierStatus | None


@dataclass(frozen=True)
class PortalRecord:
    number: int  # position in the file, from 1
    code: str  # MaHoSo
    procedure_code: str  # MaTTHC
    procedure_name: str  # TenTTHC
    field_code: str  # MaLinhVuc
    channel: Channel  # from KenhThucHien
    owner_name: str  # ChuHoSo
    owner_id_number: str  # SoGiayToChuHoSo
    owner_kind: int  # LoaiDoiTuong (1 công dân, 2 doanh nghiệp, 3 cơ quan, 4 khác)
    phone: str  # SoDienThoai
    email: str
    summary: str  # TrichYeuHoSo
    received_at: datetime  # NgayTiepNhan
    due_at: datetime | None  # NgayHenTra
    status: DossierStatus  # TrangThaiHoSo
    returned_at: datetime | None  # NgayTra
    ended_at: datetime | None  # NgayKetThucXuLy
    has_digitised: bool | None  # HoSoCoThanhPhanSoHoa
    paid_online: bool | None  # DuocThanhToanTrucTuyen
    components: tuple[PortalComponent, ...]
    steps: tuple[PortalStep, ...]
    address: str = ""  # DiaChiChuHoSo (optional)


def _flag(value: Any) -> tuple[bool | None, bool]:
    """(value, ok): JSON true/false, 0/1 or "0"/"1"; null/absent = not recorded."""
    if value is None:
        return None, True
    if isinstance(value, bool):
        return value, True
    if value in (0, 1, "0", "1"):
        return str(value) == "1", True
    return None, False


def _text(raw: dict[str, Any], key: str, where: str, errors: list[FieldError]) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        errors.append(FieldError(f"{where}.{key}", "invalid", {"value": str(value)[:40]}))
        return ""
    return value.strip()


def _int(raw: dict[str, Any], key: str, where: str, errors: list[FieldError]) -> int | None:
    value = raw.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if value is None:
        errors.append(FieldError(f"{where}.{key}", "required"))
    else:
        errors.append(FieldError(f"{where}.{key}", "invalid", {"value": str(value)[:40]}))
    return None


def _date(
    raw: dict[str, Any], key: str, where: str, errors: list[FieldError], *, required: bool
) -> datetime | None:
    value = raw.get(key)
    if value is None or value == "":
        if required:
            errors.append(FieldError(f"{where}.{key}", "required"))
        return None
    moment = parse_date(value)
    if moment is None:
        errors.append(FieldError(f"{where}.{key}", "date_format", {"value": str(value)[:40]}))
    return moment


def _list(raw: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    for key in keys:
        if key in raw:
            return key, raw[key]
    return keys[0], []


def parse_record(raw: Any, number: int, errors: list[FieldError]) -> PortalRecord | None:
    """One record, checked for shape; faults are appended to ``errors``."""
    where = f"records[{number}]"
    if not isinstance(raw, dict):
        errors.append(FieldError(where, "not_an_object"))
        return None
    before = len(errors)
    code = _text(raw, "MaHoSo", where, errors)
    if not code:
        errors.append(FieldError(f"{where}.MaHoSo", "required"))
    elif len(code) > MAX_CODE:
        errors.append(FieldError(f"{where}.MaHoSo", "too_long", {"max": MAX_CODE}))
    procedure_code = _text(raw, "MaTTHC", where, errors)
    if not procedure_code:
        errors.append(FieldError(f"{where}.MaTTHC", "required"))
    owner_name = " ".join(_text(raw, "ChuHoSo", where, errors).split())
    if not owner_name:
        errors.append(FieldError(f"{where}.ChuHoSo", "required"))
    owner_id = "".join(_text(raw, "SoGiayToChuHoSo", where, errors).split()).upper()
    if not owner_id:
        errors.append(FieldError(f"{where}.SoGiayToChuHoSo", "required"))
    elif not owner_id.isalnum() or not 6 <= len(owner_id) <= 20:
        errors.append(FieldError(f"{where}.SoGiayToChuHoSo", "invalid", {"value": owner_id}))
    channel = Channel.ONLINE
    kenh = _int(raw, "KenhThucHien", where, errors)
    if kenh is not None:
        if kenh in CHANNEL_BY_CODE:
            channel = CHANNEL_BY_CODE[kenh]
        else:
            errors.append(FieldError(f"{where}.KenhThucHien", "invalid", {"value": kenh}))
    owner_kind = 1
    if raw.get("LoaiDoiTuong") is not None:
        kind = _int(raw, "LoaiDoiTuong", where, errors)
        if kind is not None and kind not in (1, 2, 3, 4):
            errors.append(FieldError(f"{where}.LoaiDoiTuong", "invalid", {"value": kind}))
        owner_kind = kind or 1
    received_at = _date(raw, "NgayTiepNhan", where, errors, required=True)
    due_at = _date(raw, "NgayHenTra", where, errors, required=False)
    returned_at = _date(raw, "NgayTra", where, errors, required=False)
    ended_at = _date(raw, "NgayKetThucXuLy", where, errors, required=False)
    status: DossierStatus | None = None
    raw_status = _int(raw, "TrangThaiHoSo", where, errors)
    if raw_status is not None:
        try:
            status = DossierStatus(raw_status)
        except ValueError:
            errors.append(FieldError(f"{where}.TrangThaiHoSo", "invalid", {"value": raw_status}))
    if status is DossierStatus.NEW:
        # "Mới đăng ký" is not yet received by the center: nothing to import.
        errors.append(FieldError(f"{where}.TrangThaiHoSo", "not_received", {"value": 1}))
    flags: dict[str, bool | None] = {}
    for key in ("HoSoCoThanhPhanSoHoa", "DuocThanhToanTrucTuyen"):
        flags[key], ok = _flag(raw.get(key))
        if not ok:
            errors.append(FieldError(f"{where}.{key}", "invalid", {"value": str(raw[key])[:40]}))
    components: list[PortalComponent] = []
    key, items = _list(raw, COMPONENTS_KEYS)
    if not isinstance(items, list):
        errors.append(FieldError(f"{where}.{key}", "invalid", {"value": "list"}))
        items = []
    for i, item in enumerate(items, start=1):
        cwhere = f"{where}.{key}[{i}]"
        if not isinstance(item, dict):
            errors.append(FieldError(cwhere, "not_an_object"))
            continue
        ccode = _text(item, "MaThanhPhanHoSo", cwhere, errors)
        cname = _text(item, "TenThanhPhanHoSo", cwhere, errors)
        if not ccode and not cname:
            errors.append(FieldError(f"{cwhere}.MaThanhPhanHoSo", "required"))
        cflags: dict[str, bool | None] = {}
        for fkey in ("DuocSoHoa", "DuocTaiSuDung"):
            cflags[fkey], ok = _flag(item.get(fkey))
            if not ok:
                errors.append(
                    FieldError(f"{cwhere}.{fkey}", "invalid", {"value": str(item[fkey])[:40]})
                )
        components.append(
            PortalComponent(ccode, cname, cflags["DuocSoHoa"], cflags["DuocTaiSuDung"])
        )
    steps: list[PortalStep] = []
    key, items = _list(raw, PROGRESS_KEYS)
    if not isinstance(items, list):
        errors.append(FieldError(f"{where}.{key}", "invalid", {"value": "list"}))
        items = []
    for i, item in enumerate(items, start=1):
        swhere = f"{where}.{key}[{i}]"
        if not isinstance(item, dict):
            errors.append(FieldError(swhere, "not_an_object"))
            continue
        at = _date(item, "ThoiDiemXuLy", swhere, errors, required=True)
        step_status: DossierStatus | None = None
        if item.get("TrangThai") is not None:
            value = _int(item, "TrangThai", swhere, errors)
            if value is not None:
                try:
                    step_status = DossierStatus(value)
                except ValueError:
                    errors.append(FieldError(f"{swhere}.TrangThai", "invalid", {"value": value}))
        actor = " ".join(_text(item, "NguoiXuLy", swhere, errors).split())
        content = " ".join(_text(item, "NoiDungXuLy", swhere, errors).split())
        if at is not None:
            steps.append(PortalStep(actor, at, content, step_status))
    if received_at is not None:
        for moment, name in ((due_at, "NgayHenTra"), (ended_at, "NgayKetThucXuLy"),
                             (returned_at, "NgayTra")):  # fmt: skip
            if moment is not None and moment < received_at:
                errors.append(FieldError(f"{where}.{name}", "before_received"))
        for i, step in enumerate(steps, start=1):
            if step.at < received_at:
                errors.append(FieldError(f"{where}.{key}[{i}].ThoiDiemXuLy", "before_received"))
    terminal = (
        DossierStatus.NOT_ACCEPTED,
        DossierStatus.WITHDRAWN,
        DossierStatus.STOPPED,
        DossierStatus.PROCESSED,
        DossierStatus.RETURNED,
    )
    # When it ended is what the on-time figures need: never guessed.
    ended_somewhere = ended_at or returned_at or any(step.status in terminal for step in steps)
    if status in terminal and not ended_somewhere:
        errors.append(FieldError(f"{where}.NgayKetThucXuLy", "required"))
    if len(errors) > before or received_at is None or status is None:
        return None
    return PortalRecord(
        number=number,
        code=code,
        procedure_code=procedure_code,
        procedure_name=" ".join(_text(raw, "TenTTHC", where, errors).split()),
        field_code=_text(raw, "MaLinhVuc", where, errors),
        channel=channel,
        owner_name=owner_name,
        owner_id_number=owner_id,
        owner_kind=owner_kind,
        phone=_text(raw, "SoDienThoai", where, errors),
        email=_text(raw, "Email", where, errors),
        summary=_text(raw, "TrichYeuHoSo", where, errors),
        received_at=received_at,
        due_at=due_at,
        status=status,
        returned_at=returned_at,
        ended_at=ended_at,
        has_digitised=flags["HoSoCoThanhPhanSoHoa"],
        paid_online=flags["DuocThanhToanTrucTuyen"],
        components=tuple(components),
        steps=tuple(sorted(steps, key=lambda s: s.at)),
        address=_text(raw, "DiaChiChuHoSo", where, errors),
    )


def parse_records(data: Any) -> tuple[list[PortalRecord], list[FieldError]]:
    """Every record of a file, and every fault found (records numbered from 1)."""
    errors: list[FieldError] = []
    if isinstance(data, dict):
        # Some systems wrap the list: {"data": [...]} or {"records": [...]}.
        data = data.get("records", data.get("data"))
    if not isinstance(data, list):
        return [], [FieldError("records", "not_a_list")]
    records = [parse_record(raw, i, errors) for i, raw in enumerate(data, start=1)]
    seen: dict[str, int] = {}
    for r in records:
        if r is None:
            continue
        if r.code in seen:
            errors.append(
                FieldError(f"records[{r.number}].MaHoSo", "duplicate", {"first": seen[r.code]})
            )
        else:
            seen[r.code] = r.number
    return [r for r in records if r is not None], errors
