"""``import-online`` and ``export-portal``: dossiers in the national portal's
field names (DOMAIN.md §8, core/formats/portal_json.py).

Import is validated as a whole (nothing is written when any record is
wrong) and keyed by MaHoSo, kept as the dossier code. The portal's status,
progress rows and end dates become lifecycle events, so the event-based
report rules see imported dossiers like any other.

How a record becomes history (documented in README):
- "received" at NgayTiepNhan, appointment NgayHenTra (computed from the
  catalog when absent);
- each progress row with a TrangThai that changes the status: 4 → handed_over
  (or supplement/payment received when it was waiting), 5 → supplement_requested,
  6 → payment_requested, 2 after 5/6 → supplement/payment received,
  3/7/8 → refused/withdrawn/stopped, 9 → processed, 10 → returned;
- then, if TrangThaiHoSo is still not reached, one event for it: 9 at
  NgayKetThucXuLy, 10 as processed at NgayKetThucXuLy and returned at NgayTra,
  3/7/8 at NgayKetThucXuLy (or the last known time).
The portal's NgayHenTra is its current appointment (already moved by any
supplement wait); a supplement received keeps it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hcc_desktop.core.domain import (
    Channel,
    DocForm,
    DossierOrigin,
    DossierStatus,
    IdType,
    Procedure,
    ReceivedComponent,
)
from hcc_desktop.core.errors import FieldError, NotFound, ValidationError
from hcc_desktop.core.formats.portal_json import (
    PortalRecord,
    channel_code,
    format_date,
    parse_records,
)
from hcc_desktop.core.identity import normalize_phone
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierEventRow, DossierRow
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.exchange.store import (
    EventSpec,
    ImportedDossier,
    ImportResult,
    write_all,
)
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from hcc_desktop.services.access import AccessLogService

S = DossierStatus
PORTAL_ACTOR = "Cổng Dịch vụ công"

# NoiDungXuLy written on export, by event kind.
EVENT_TEXT = {
    "received": "Tiếp nhận hồ sơ",
    "receipt_corrected": "Cập nhật thông tin tiếp nhận",
    "handed_over": "Chuyển xử lý",
    "supplement_requested": "Yêu cầu bổ sung hồ sơ",
    "supplement_received": "Nhận hồ sơ bổ sung",
    "payment_requested": "Yêu cầu thực hiện nghĩa vụ tài chính",
    "payment_received": "Đã thực hiện nghĩa vụ tài chính",
    "refused": "Không tiếp nhận hồ sơ",
    "withdrawn": "Công dân rút hồ sơ",
    "stopped": "Dừng xử lý",
    "processed": "Đã xử lý xong",
    "returned": "Đã trả kết quả",
    "apology_issued": "Gửi thư xin lỗi, hẹn lại ngày trả",
}


def id_type_of(number: str) -> IdType:
    if number.isdigit() and len(number) == 12:
        return IdType.CCCD
    if number.isdigit() and len(number) == 9:
        return IdType.CMND
    return IdType.PASSPORT


def portal_events(r: PortalRecord, due_at: datetime, received_by: str) -> tuple[EventSpec, ...]:
    """The lifecycle events a portal record stands for (see the module doc)."""
    events = [
        EventSpec(
            "received",
            r.received_at,
            S.RECEIVED,
            received_by or PORTAL_ACTOR,
            data={
                "code": r.code,
                "channel": r.channel.value,
                "due_at": due_at.isoformat(),
                "source": "portal",
            },
        )
    ]
    status = S.RECEIVED
    closed = False

    def add(kind: str, at: datetime | None, to: DossierStatus, actor: str, **data: Any) -> None:
        nonlocal status
        moment = max(at or events[-1].at, events[-1].at).replace(microsecond=0)
        events.append(EventSpec(kind, moment, to, actor or PORTAL_ACTOR, data=data))
        status = to

    def step_to(to: DossierStatus, at: datetime | None, actor: str, note: str) -> None:
        nonlocal closed
        extra = {"note": note} if note else {}
        if to in (S.RECEIVED, S.PROCESSING):
            if status is S.SUPPLEMENT_REQUESTED:
                add("supplement_received", at, to, actor, due_at=due_at.isoformat(), **extra)
            elif status is S.FINANCIAL_OBLIGATION:
                add("payment_received", at, to, actor, **extra)
            elif to is S.PROCESSING:
                add("handed_over", at, to, actor, receiver=actor, **extra)
        elif to is S.SUPPLEMENT_REQUESTED and status is not to:
            add("supplement_requested", at, to, actor, **extra)
        elif to is S.FINANCIAL_OBLIGATION and status is not to:
            add("payment_requested", at, to, actor, **extra)
        elif to in (S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED):
            kind = {S.NOT_ACCEPTED: "refused", S.WITHDRAWN: "withdrawn", S.STOPPED: "stopped"}
            add(kind[to], at, to, actor, **extra)
            closed = True
        elif to is S.PROCESSED and status is not to:
            add("processed", at, to, actor, **extra)
        elif to is S.RETURNED:
            add("returned", at, to, actor, **extra)
            closed = True

    for step in r.steps:
        if closed:
            break
        if step.status is not None and step.status is not S.NEW:
            step_to(step.status, step.at, step.actor, step.content)
    if not closed and status is not r.status:
        if r.status is S.RETURNED:
            if status is not S.PROCESSED and r.ended_at is not None:
                step_to(S.PROCESSED, r.ended_at, "", "")
            step_to(S.RETURNED, r.returned_at or r.ended_at, "", "")
        elif r.status in (S.PROCESSED, S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED):
            step_to(r.status, r.ended_at or r.returned_at, "", "")
        else:
            step_to(r.status, None, "", "")
    return tuple(events)


@dataclass(frozen=True)
class ExportResult:
    count: int
    path: Path


class PortalService:
    def __init__(
        self,
        db: Database,
        *,
        catalog: CatalogService,
        settings: SettingsService,
        clock: Callable[[], datetime],
        access: AccessLogService | None = None,
        session: OfficerSession | None = None,
    ) -> None:
        self._db = db
        # The administrator's (core/permissions: ``@guarded``); None checks nothing.
        self._session = session
        self._catalog = catalog
        self._settings = settings
        self._clock = clock
        # The export file carries names and identity numbers: logged (issue 12 item 4).
        self._access = access

    # -- import ------------------------------------------------------------------

    @guarded("portal.import_file")
    def import_file(self, path: Path) -> ImportResult:
        """Import a JSON file of portal records (see ``import_records``)."""
        try:
            data = json.loads(Path(path).read_text("utf-8-sig"))
        except OSError as exc:
            raise ValidationError(
                [FieldError("file", "unreadable", {"path": str(path), "reason": exc.strerror})]
            ) from exc
        except json.JSONDecodeError as exc:
            raise ValidationError(
                [FieldError("file", "not_json", {"path": str(path), "line": exc.lineno})]
            ) from exc
        return self.import_records(data)

    @guarded("portal.import_records")
    def import_records(self, data: Any) -> ImportResult:
        """Add, and if it already exists, update, every record; all or nothing.

        Raises ValidationError naming ``records[N].Field`` (N from 1) for every
        fault; nothing is written then.
        """
        records, errors = parse_records(data)
        calendar = self._settings.calendar()
        settings = self._settings.load()
        dossiers: list[ImportedDossier] = []
        for r in records:
            where = f"records[{r.number}]"
            try:
                procedure = self._catalog.get(r.procedure_code)
            except NotFound:
                errors.append(FieldError(f"{where}.MaTTHC", "unknown", {"code": r.procedure_code}))
                continue
            phone = ""
            if r.phone:
                try:
                    phone = normalize_phone(r.phone)
                except ValidationError as exc:
                    errors.extend(
                        FieldError(f"{where}.SoDienThoai", e.code, e.params) for e in exc.errors
                    )
                    continue
            components = self._components(r, procedure)
            received_by = next((s.actor for s in r.steps if s.actor), "")
            due_at = r.due_at or calendar.due_at(
                r.received_at, procedure.processing_days, r.channel
            )
            dossiers.append(
                ImportedDossier(
                    code=nfc(r.code),
                    procedure=procedure,
                    procedure_name=nfc(r.procedure_name) or procedure.name,
                    channel=r.channel,
                    owner_name=nfc(r.owner_name),
                    owner_id_type=id_type_of(r.owner_id_number).value,
                    owner_id_number=r.owner_id_number,
                    owner_phone=phone,
                    owner_address=nfc(r.address),
                    owner_email=nfc(r.email),
                    received_at=r.received_at,
                    clock_start_at=calendar.clock_start(r.received_at, r.channel),
                    due_at=due_at,
                    processing_days=procedure.processing_days,
                    components=components,
                    paid_online=r.paid_online,
                    e_result=None,  # the portal record does not say
                    origin=DossierOrigin.PORTAL,
                    received_by=nfc(received_by),
                    events=portal_events(r, due_at, nfc(received_by)),
                    note=nfc(r.summary),
                )
            )
        if errors:
            raise ValidationError(errors)
        return write_all(
            self._db, dossiers, unit_code=settings.unit_code, device_id=settings.device_id
        )

    @staticmethod
    def _components(r: PortalRecord, procedure: Procedure) -> tuple[ReceivedComponent, ...]:
        specs = {c.id: c for c in procedure.components}
        out = []
        for c in r.components:
            spec = specs.get(c.code)
            out.append(
                ReceivedComponent(
                    component_id=spec.id if spec else None,
                    name=nfc(c.name) or (spec.name if spec else c.code),
                    form=DocForm.COPY,  # an online filing holds electronic copies
                    count=1,
                    reused_digital=bool(c.reused),
                    digitised=c.digitised,
                )
            )
        return tuple(out)

    # -- export ------------------------------------------------------------------

    @guarded("portal.export_records")
    def export_records(self, *, start: date, end: date) -> list[dict[str, Any]]:
        """The unit's dossiers received from ``start`` to ``end`` (inclusive),
        as portal records."""
        if end < start:
            raise ValidationError([FieldError("to", "before_from")])
        unit = self._settings.load().unit_code
        lo = datetime.combine(start, time())
        hi = datetime.combine(end, time()) + timedelta(days=1)
        records: list[dict[str, Any]] = []
        with self._db.read() as s:
            rows = s.scalars(
                select(DossierRow)
                .options(selectinload(DossierRow.components))
                .where(DossierRow.unit_code == unit)
                .where(DossierRow.received_at >= lo, DossierRow.received_at < hi)
                .order_by(DossierRow.received_at, DossierRow.code)
            ).all()
            history: dict[str, list[DossierEventRow]] = {}
            ids = [r.id for r in rows]
            for i in range(0, len(ids), 500):
                for e in s.scalars(
                    select(DossierEventRow)
                    .where(DossierEventRow.dossier_id.in_(ids[i : i + 500]))
                    .order_by(DossierEventRow.at, DossierEventRow.recorded_at)
                ):
                    history.setdefault(e.dossier_id, []).append(e)
            fields = {p.code: p.field for p in self._catalog.list()}
            for row in rows:
                records.append(_record(row, history.get(row.id, []), fields))
        return records

    @guarded("portal.export_file")
    def export_file(self, path: Path, *, start: date, end: date) -> ExportResult:
        """Write the records of dossiers from ``start`` to ``end`` to ``path`` as the
        portal's JSON; returns how many and where."""
        records = self.export_records(start=start, end=end)
        target = Path(path)
        if self._access is not None:
            self._access.exported(
                f"Xuất hồ sơ cho Cổng DVC {start:%d/%m/%Y}–{end:%d/%m/%Y} "
                f"({len(records)} hồ sơ, {target.name})"
            )
        target.write_text(json.dumps(records, ensure_ascii=False, indent=1), "utf-8")
        return ExportResult(len(records), target)


def _record(
    row: DossierRow, events: list[DossierEventRow], fields: dict[str, str]
) -> dict[str, Any]:
    digitised = [c.digitised for c in row.components]
    has_digitised = None if all(v is None for v in digitised) else any(bool(v) for v in digitised)
    return {
        "MaHoSo": row.code,
        "MaTTHC": row.procedure_code,
        "TenTTHC": row.procedure_name,
        # The catalog holds the field's name, not the national field code.
        "MaLinhVuc": "",
        "TenLinhVuc": row.procedure_field or fields.get(row.procedure_code, ""),
        "KenhThucHien": channel_code(Channel(row.channel)),
        "ChuHoSo": row.owner_name,
        "SoGiayToChuHoSo": row.owner_id_number,
        "LoaiDoiTuong": 1,
        "SoDienThoai": row.owner_phone,
        "Email": row.owner_email,
        "DiaChiChuHoSo": row.owner_address,
        "TrichYeuHoSo": row.note or row.procedure_name,
        "NgayTiepNhan": format_date(row.received_at),
        "NgayHenTra": format_date(row.due_at),
        "TrangThaiHoSo": row.status,
        "NgayTra": format_date(row.returned_at),
        "NgayKetThucXuLy": format_date(row.ended_at),
        "HoSoCoThanhPhanSoHoa": has_digitised,
        "DuocThanhToanTrucTuyen": row.paid_online,
        "ThanhPhanHoSo": [
            {
                "MaThanhPhanHoSo": c.component_id or "",
                "TenThanhPhanHoSo": c.name,
                "DuocSoHoa": c.digitised,
                "DuocTaiSuDung": c.reused_digital,
            }
            for c in row.components
        ],
        "QuaTrinhXuLy": [
            {
                "NguoiXuLy": e.actor,
                "ThoiDiemXuLy": format_date(e.at),
                "NoiDungXuLy": " — ".join(
                    p for p in (EVENT_TEXT.get(e.kind, e.kind), e.reason) if p
                ),
                "TrangThai": e.to_status,
            }
            for e in events
            if e.kind not in ("rated",)
        ],
    }
