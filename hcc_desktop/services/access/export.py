"""``citizen export ID_NUMBER OUT`` (issue 12 item 4): everything this store holds
about one citizen, for a request under the Law on Personal Data Protection.

OUT is a zip holding
- ``citizen.json`` (UTF-8): ``format`` (``hcc-citizen-export/1``), ``exported_at``,
  ``exported_by`` (``user_name``, ``name``, ``role``), ``unit`` (``code``, ``name``),
  ``id_number``, ``citizen`` (the newest applicant details held: ``full_name``,
  ``id_type``, ``id_number``, ``date_of_birth``, ``gender``, ``phone``, ``address``,
  ``email``), ``dossiers`` (as applicant, oldest first: every field of the dossier,
  ``status_name``, ``fee`` {``amount``, ``method``, ``paid_online``}, ``components``,
  ``events`` (the timeline: ``at``, ``kind``, ``actor``, ``from_status``,
  ``to_status``, ``reason``, ``data``), ``ratings``, ``complaints``),
  ``home_service`` (entries of the home-service register matched by the phone or by
  the name and address of the citizen's dossiers, each with its ``visits`` and
  ``matched_by``), ``attachments`` (``file`` — its path in the zip —, ``dossier_code``,
  ``kind``, ``name``, ``sha256``, ``pages``, ``size``, ``missing``) and ``access_log``
  (every entry about the citizen or their dossiers, this export's own included);
  dates ISO 8601 (``YYYY-MM-DD``, times ``YYYY-MM-DDTHH:MM:SS`` Vietnam wall clock);
- ``citizen.pdf``: the same in Vietnamese (printing/citizen.py);
- ``attachments/``: the files held, decrypted (``<dossier code>/<n>-<kind>.pdf``).

Leader and administrator only (checked here). The export is logged before the file
is written; the zip is written to a private temporary file beside OUT (0600) and
renamed over it, so OUT is either absent or complete.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from hcc_desktop.core.citizen import EXPORT_FORMAT, parse_id_number
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import DossierStatus
from hcc_desktop.core.errors import NotFound, PrintError
from hcc_desktop.core.text import fold
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import (
    AttachmentRow,
    ComplaintRow,
    DossierEventRow,
    DossierRow,
    HomeResidentRow,
    HomeVisitRow,
    RatingRow,
)
from hcc_desktop.services.access.log import AccessAction, AccessLogService
from hcc_desktop.services.attachments.files import AttachmentError
from hcc_desktop.services.dossiers.query import dossier_from_row
from hcc_desktop.services.printing import STEP_LABELS
from hcc_desktop.services.settings import SettingsService

if TYPE_CHECKING:
    from hcc_desktop.services.attachments import AttachmentService

STATUS_VI = {
    DossierStatus.NEW: "Mới đăng ký",
    DossierStatus.RECEIVED: "Được tiếp nhận",
    DossierStatus.NOT_ACCEPTED: "Không được tiếp nhận",
    DossierStatus.PROCESSING: "Đang xử lý",
    DossierStatus.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    DossierStatus.FINANCIAL_OBLIGATION: "Yêu cầu thực hiện nghĩa vụ tài chính",
    DossierStatus.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    DossierStatus.STOPPED: "Dừng xử lý",
    DossierStatus.PROCESSED: "Đã xử lý xong",
    DossierStatus.RETURNED: "Đã trả kết quả",
}


@dataclass(frozen=True)
class CitizenExport:
    """What ``export`` wrote."""

    path: Path
    id_number: str
    dossiers: int
    home_entries: int
    attachments: int
    access_entries: int


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _columns(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        c.key: _iso(getattr(row, c.key))
        for c in row.__table__.columns
        if c.key not in skip and c.key != "search_text"
    }


def _json(raw: str | None) -> Any:
    try:
        return json.loads(raw or "{}")
    except ValueError:
        return raw


class CitizenExportService:
    """Gathers one citizen's data and writes the export (leader, administrator)."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        access: AccessLogService,
        attachments: AttachmentService,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._settings = settings
        self._access = access
        self._attachments = attachments
        self._clock = clock

    def collect(self, id_number: str) -> dict[str, Any]:
        """The ``citizen.json`` document for ``id_number`` (without logging it:
        :meth:`export` logs first). ``NotFound("citizen_not_found")`` when nothing
        is held; ``ValidationError`` for a malformed number."""
        self._access.require_reader()
        number = parse_id_number(id_number)
        with self._db.read() as s:
            rows = list(
                s.scalars(
                    select(DossierRow)
                    .where(DossierRow.owner_id_number == number)
                    .order_by(DossierRow.received_at)
                )
            )
            ids = {r.id for r in rows}
            files = list(
                s.scalars(
                    select(AttachmentRow)
                    .where(
                        or_(
                            AttachmentRow.owner_id_number == number,
                            AttachmentRow.dossier_id.in_(sorted(ids) or [""]),
                        )
                    )
                    .order_by(AttachmentRow.created_at)
                )
            )
            if not rows and not files:
                raise NotFound("citizen_not_found", id_number=number)
            dossiers = [self._dossier(s, r) for r in rows]
            residents = self._home_service(s, rows)
            codes = {r.id: r.code for r in rows}
            attachments = []
            for i, a in enumerate(files, start=1):
                folder = codes.get(a.dossier_id) or a.dossier_id
                attachments.append(
                    {
                        "file": f"attachments/{folder}/{i:03d}-{a.kind}.pdf",
                        "dossier_id": a.dossier_id,
                        "dossier_code": codes.get(a.dossier_id),
                        "kind": a.kind,
                        "name": a.name,
                        "sha256": a.sha256,
                        "pages": a.pages,
                        "size": a.size,
                        "created_at": _iso(a.created_at),
                        "missing": False,
                    }
                )
            access = AccessLogService.about(s, number, ids)
        newest = rows[-1] if rows else None
        citizen: dict[str, Any] = {"id_number": number}
        if newest is not None:
            owner = dossier_from_row(newest).owner
            citizen.update(
                full_name=owner.full_name,
                id_type=owner.id_type.value,
                date_of_birth=_iso(owner.date_of_birth),
                gender=owner.gender.value if owner.gender else None,
                phone=owner.phone,
                address=owner.address,
                email=owner.email,
            )
        settings = self._settings.load()
        officer = self._access.require_reader()
        return {
            "format": EXPORT_FORMAT,
            "exported_at": _iso(self._clock()),
            "exported_by": {
                "user_name": officer.user_name,
                "name": officer.display_name,
                "role": officer.role.value,
            },
            "unit": {"code": settings.unit_code, "name": settings.unit_name},
            "id_number": number,
            "citizen": citizen,
            "dossiers": dossiers,
            "home_service": residents,
            "attachments": attachments,
            "access_log": [e.as_json(_iso, seq=False) for e in access],
        }

    @staticmethod
    def _dossier(s: Any, row: DossierRow) -> dict[str, Any]:
        data = _columns(row, skip=("pk", "components"))
        data["submitter"] = _json(row.submitter_json) if row.submitter_json else None
        data.pop("submitter_json", None)
        data["status_name"] = STATUS_VI.get(DossierStatus(row.status), str(row.status))
        data["fee"] = {
            "amount": row.fee_amount,
            "method": row.fee_method,
            "paid_online": row.paid_online,
        }
        data["components"] = [_columns(c, skip=("dossier_id", "dossier")) for c in row.components]
        events = s.scalars(
            select(DossierEventRow)
            .where(DossierEventRow.dossier_id == row.id)
            .order_by(DossierEventRow.at, DossierEventRow.recorded_at)
        )
        data["events"] = [
            {
                "id": e.id,
                "at": _iso(e.at),
                "kind": e.kind,
                "kind_name": STEP_LABELS.get(e.kind, e.kind),
                "actor": e.actor,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "reason": e.reason,
                "data": _json(e.data_json),
            }
            for e in events
        ]
        ratings = s.scalars(select(RatingRow).where(RatingRow.dossier_id == row.id))
        data["ratings"] = []
        for r in ratings:
            rating = _columns(r, skip=("criteria_json",))
            rating["criteria"] = _json(r.criteria_json)
            data["ratings"].append(rating)
        complaints = s.scalars(select(ComplaintRow).where(ComplaintRow.dossier_id == row.id))
        data["complaints"] = [_columns(c) for c in complaints]
        return data

    @staticmethod
    def _home_service(s: Any, rows: list[DossierRow]) -> list[dict[str, Any]]:
        """The register holds no identity number: an entry is the citizen's when its
        phone is one of the citizen's dossiers' or its name and address are."""
        phones = {r.owner_phone for r in rows if r.owner_phone}
        people = {(fold(r.owner_name), fold(r.owner_address)) for r in rows}
        found = []
        for resident in s.scalars(select(HomeResidentRow).order_by(HomeResidentRow.created_at)):
            matched = ""
            if resident.phone and resident.phone in phones:
                matched = "phone"
            elif (fold(resident.full_name), fold(resident.address)) in people:
                matched = "name_address"
            if not matched:
                continue
            entry = _columns(resident)
            entry["matched_by"] = matched
            visits = s.scalars(
                select(HomeVisitRow)
                .where(HomeVisitRow.resident_id == resident.id)
                .order_by(HomeVisitRow.requested_at)
            )
            entry["visits"] = [_columns(v) for v in visits]
            found.append(entry)
        return found

    def export(self, id_number: str, out: Path | str) -> CitizenExport:
        """Write the zip for ``id_number`` to ``out`` (atomically, 0600); the export
        is in the access log before the file exists."""
        out = Path(out)
        document = self.collect(id_number)
        number = document["id_number"]
        entry = self._access.record(
            AccessAction.EXPORT,
            id_number=number,
            detail=f"Xuất dữ liệu công dân ({out.name})",
        )
        # The entry just written belongs in the export too.
        document["access_log"].append(entry.as_json(_iso, seq=False))
        blobs: list[tuple[str, bytes]] = []
        for item in document["attachments"]:
            try:
                blobs.append((item["file"], self._attachments.read(item["sha256"])))
            except AttachmentError as exc:
                if exc.code != "attachment_missing":
                    raise
                # Not on this device (not pulled yet): listed, marked missing.
                item["missing"] = True
        from hcc_desktop.printing.citizen import render_citizen

        pdf = render_citizen(document)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
            z.writestr("citizen.json", text.encode("utf-8"))
            z.writestr("citizen.pdf", pdf)
            for name, data in blobs:
                z.writestr(name, data)
        _write_private(out, buffer.getvalue())
        return CitizenExport(
            path=out,
            id_number=number,
            dossiers=len(document["dossiers"]),
            home_entries=len(document["home_service"]),
            attachments=len(blobs),
            access_entries=len(document["access_log"]),
        )


def _write_private(path: Path, data: bytes) -> None:
    """``data`` to ``path`` through a 0600 temporary file in the same folder, renamed."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise PrintError("save_failed", path=str(path), detail=exc.strerror) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), 0o600)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PrintError("save_failed", path=str(path), detail=exc.strerror) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
