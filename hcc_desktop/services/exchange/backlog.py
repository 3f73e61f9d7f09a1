"""``backlog import``: the open dossiers of an earlier system (tồn kỳ trước).

A CSV or .xlsx sheet with a header row and the columns code, procedure code,
applicant name, id number, phone, address, received time, appointment (English
or Vietnamese headers, see ``COLUMNS``). Each row becomes a received dossier
(origin 'backlog') keeping its code, receipt time and appointment as they
were, so the first period's "carried over" figure is right. Validated as a
whole: data rows are numbered from 1 (the row under the header is 1); nothing
is written when any row is wrong. Importing the same file again updates.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hcc_desktop.core.domain import Channel, DossierOrigin, DossierStatus
from hcc_desktop.core.errors import FieldError, NotFound, ValidationError
from hcc_desktop.core.identity import normalize_phone
from hcc_desktop.core.text import fold, nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.exchange.portal import id_type_of
from hcc_desktop.services.exchange.store import (
    EventSpec,
    ImportedDossier,
    ImportResult,
    write_all,
)
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService

MAX_CODE = 64
# Column -> accepted headers (compared folded: lower case, no diacritics).
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "ma ho so", "mahoso"),
    "procedure": ("procedure code", "procedure", "ma thu tuc", "ma tthc", "matthc"),
    "name": ("applicant name", "applicant", "chu ho so", "ho ten", "chuhoso"),
    "id_number": ("id number", "so giay to", "so cccd", "cccd", "sogiaytochuhoso"),
    "phone": ("phone", "so dien thoai", "dien thoai", "sodienthoai"),
    "address": ("address", "dia chi"),
    "received_at": ("received time", "received", "received at", "ngay tiep nhan", "ngaytiepnhan"),
    "due_at": ("appointment", "due", "ngay hen tra", "hen tra", "ngayhentra"),
}
REQUIRED = ("code", "procedure", "name", "id_number", "received_at")
TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S",
                "%Y%m%d%H%M%S", "%Y-%m-%d", "%d/%m/%Y")  # fmt: skip


def parse_moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value or "").strip()
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def read_table(path: Path) -> list[list[Any]]:
    """The rows of a .csv (UTF-8, comma or semicolon) or .xlsx file (first sheet)."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True, data_only=True)
            try:
                ws = wb.worksheets[0]
                return [list(r) for r in ws.iter_rows(values_only=True)]
            finally:
                wb.close()
        if suffix == ".csv":
            text = path.read_text("utf-8-sig")
            delimiter = ","
            with contextlib.suppress(csv.Error):
                delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
            return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise ValidationError(
            [FieldError("file", "unreadable", {"path": str(path), "reason": str(exc)})]
        ) from exc
    raise ValidationError([FieldError("file", "unsupported", {"path": str(path)})])


class BacklogService:
    def __init__(
        self,
        db: Database,
        *,
        catalog: CatalogService,
        settings: SettingsService,
        clock: Callable[[], datetime],
        session: OfficerSession | None = None,
    ) -> None:
        self._db = db
        self._catalog = catalog
        self._settings = settings
        self._clock = clock
        # The logged-in officer: importing another system's dossiers is the
        # administrator's (core/permissions).
        self._session = session

    @guarded("backlog.import_file")
    def import_file(self, path: Path) -> ImportResult:
        """Import the backlog table (CSV or spreadsheet) at ``path``."""
        return self.import_rows(read_table(Path(path)))

    @guarded("backlog.import_rows")
    def import_rows(self, table: list[list[Any]]) -> ImportResult:
        """Import a header row and data rows; all or nothing (ValidationError
        naming ``rows[N].column``, N from 1 for the first data row)."""
        errors: list[FieldError] = []
        rows = [r for r in table if any(str(c or "").strip() for c in r)]
        if not rows:
            raise ValidationError([FieldError("rows", "required")])
        header = [fold(str(c or "")).strip() for c in rows[0]]
        index: dict[str, int] = {}
        for key, names in COLUMNS.items():
            for i, h in enumerate(header):
                if h in names:
                    index[key] = i
                    break
        missing = [k for k in REQUIRED if k not in index]
        if missing:
            raise ValidationError(
                [FieldError("header", "columns_missing", {"columns": ", ".join(missing)})]
            )
        calendar = self._settings.calendar()
        settings = self._settings.load()
        now = self._clock()
        dossiers: list[ImportedDossier] = []
        seen: dict[str, int] = {}
        for n, raw in enumerate(rows[1:], start=1):
            where = f"rows[{n}]"

            def cell(key: str, raw: list[Any] = raw) -> Any:
                i = index.get(key)
                return raw[i] if i is not None and i < len(raw) else None

            def text(key: str) -> str:
                value = cell(key)
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                return " ".join(nfc(str(value if value is not None else "")).split())

            before = len(errors)
            code = text("code")
            if not code:
                errors.append(FieldError(f"{where}.code", "required"))
            elif len(code) > MAX_CODE:
                errors.append(FieldError(f"{where}.code", "too_long", {"max": MAX_CODE}))
            elif code in seen:
                errors.append(FieldError(f"{where}.code", "duplicate", {"first": seen[code]}))
            else:
                seen[code] = n
            procedure = None
            pcode = text("procedure")
            if not pcode:
                errors.append(FieldError(f"{where}.procedure", "required"))
            else:
                try:
                    procedure = self._catalog.get(pcode)
                except NotFound:
                    errors.append(FieldError(f"{where}.procedure", "unknown", {"code": pcode}))
            name = text("name")
            if not name:
                errors.append(FieldError(f"{where}.name", "required"))
            id_number = text("id_number").replace(" ", "").upper()
            if not id_number:
                errors.append(FieldError(f"{where}.id_number", "required"))
            elif not id_number.isalnum() or not 6 <= len(id_number) <= 20:
                errors.append(FieldError(f"{where}.id_number", "invalid", {"value": id_number}))
            phone = text("phone")
            if phone:
                if not phone.startswith(("0", "+")) and phone.isdigit():
                    phone = "0" + phone  # a spreadsheet dropped the leading zero
                try:
                    phone = normalize_phone(phone)
                except ValidationError as exc:
                    errors.extend(
                        FieldError(f"{where}.phone", e.code, e.params) for e in exc.errors
                    )
            received = parse_moment(cell("received_at"))
            if received is None:
                value = cell("received_at")
                errors.append(
                    FieldError(
                        f"{where}.received_at",
                        "required" if value in (None, "") else "time_format",
                        {"value": str(value or "")},
                    )
                )
            elif received > now:
                errors.append(FieldError(f"{where}.received_at", "in_future"))
            due = None
            if cell("due_at") not in (None, ""):
                due = parse_moment(cell("due_at"))
                if due is None:
                    errors.append(
                        FieldError(f"{where}.due_at", "time_format", {"value": str(cell("due_at"))})
                    )
                elif received is not None and due < received:
                    errors.append(FieldError(f"{where}.due_at", "before_received"))
            if len(errors) > before or procedure is None or received is None:
                continue
            channel = Channel.COUNTER
            if due is None:
                due = calendar.due_at(received, procedure.processing_days, channel)
            elif due.time() == datetime.min.time():
                due = due.replace(hour=17)  # a date alone: by the end of that day
            dossiers.append(
                ImportedDossier(
                    code=code,
                    procedure=procedure,
                    procedure_name=procedure.name,
                    channel=channel,
                    owner_name=name,
                    owner_id_type=id_type_of(id_number).value,
                    owner_id_number=id_number,
                    owner_phone=phone,
                    owner_address=text("address"),
                    owner_email="",
                    received_at=received,
                    clock_start_at=calendar.clock_start(received, channel),
                    due_at=due,
                    processing_days=procedure.processing_days,
                    components=(),
                    paid_online=None,
                    e_result=None,
                    origin=DossierOrigin.BACKLOG,
                    received_by="",
                    events=(
                        EventSpec(
                            "received",
                            received,
                            DossierStatus.RECEIVED,
                            "",
                            data={
                                "code": code,
                                "channel": channel.value,
                                "due_at": due.isoformat(),
                                "source": "backlog",
                            },
                        ),
                    ),
                    note="Hồ sơ tồn từ hệ thống trước",
                )
            )
        if errors:
            raise ValidationError(errors)
        return write_all(
            self._db, dossiers, unit_code=settings.unit_code, device_id=settings.device_id
        )
