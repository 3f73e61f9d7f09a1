"""The complaints register (sổ tiếp nhận phản ánh, kiến nghị).

A complaint is received at a time through a channel, may concern a dossier
and/or an officer, has a handling deadline (received + ``complaint_days``
working days, a setting; 10 by default, not confirmed against the
regulations) and is resolved once, with how it was handled. Every change is
queued for sync (outbox kind "complaint"); the newest ``version`` wins.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desktop.core.domain import Channel, Complaint, ComplaintChannel
from hcc_desktop.core.errors import FieldError, NotFound, TransitionError, ValidationError
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import ComplaintRow, DossierRow
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

MAX_TEXT = 4000


def complaint_from_row(row: ComplaintRow, dossier_code: str | None = None) -> Complaint:
    return Complaint(
        id=row.id,
        unit_code=row.unit_code,
        received_at=row.received_at,
        channel=ComplaintChannel(row.channel),
        content=row.content,
        due_at=row.due_at,
        dossier_id=row.dossier_id,
        dossier_code=dossier_code,
        officer=row.officer,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
        resolved_by=row.resolved_by,
        device_id=row.device_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


class ComplaintService:
    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        clock: Callable[[], datetime],
        session: OfficerSession | None = None,
    ) -> None:
        self._db = db
        self._settings = settings
        # The logged-in officer resolves (issue 12).
        self._session = session or OfficerSession()
        self._clock = clock

    @guarded("complaints.add")
    def add(
        self,
        *,
        content: str,
        channel: ComplaintChannel | str,
        received_at: datetime | None = None,
        dossier: str = "",
        officer: str = "",
    ) -> Complaint:
        """Register a complaint; ``dossier`` is a dossier code or id (optional)."""
        errors: list[FieldError] = []
        content = nfc(content).strip()
        if not content:
            errors.append(FieldError("content", "required"))
        elif len(content) > MAX_TEXT:
            errors.append(FieldError("content", "too_long", {"max": MAX_TEXT}))
        try:
            kind = ComplaintChannel(channel)
        except ValueError:
            errors.append(FieldError("channel", "invalid", {"value": channel}))
            kind = ComplaintChannel.OTHER
        now = self._clock()
        moment = (received_at or now).replace(second=0, microsecond=0)
        if received_at is not None and (moment - now).total_seconds() > 300:
            errors.append(FieldError("received_at", "in_future"))
        officer = " ".join(nfc(officer).split())
        settings = self._settings.load()
        due = self._settings.calendar().due_at(moment, settings.complaint_days, Channel.COUNTER)
        stamp = datetime.now(UTC)
        with self._db.write() as s:
            dossier_id: str | None = None
            dossier_code: str | None = None
            key = nfc(dossier).strip()
            if key:
                found = s.execute(
                    select(DossierRow.id, DossierRow.code).where(
                        (DossierRow.code == key) | (DossierRow.id == key)
                    )
                ).first()
                if found is None:
                    errors.append(FieldError("dossier", "unknown", {"code": key}))
                else:
                    dossier_id, dossier_code = found
            if errors:
                raise ValidationError(errors)
            row = ComplaintRow(
                id=str(uuid.uuid4()),
                unit_code=settings.unit_code,
                received_at=moment,
                channel=kind.value,
                content=content,
                dossier_id=dossier_id,
                officer=officer,
                due_at=due,
                resolved_at=None,
                resolution="",
                resolved_by="",
                device_id=settings.device_id,
                created_at=stamp,
                updated_at=stamp,
                version=1,
            )
            s.add(row)
            s.flush()
            enqueue(s, "complaint", row.id)
            return complaint_from_row(row, dossier_code)

    @guarded("complaints.resolve")
    def resolve(
        self,
        complaint_id: str,
        *,
        resolution: str,
        at: datetime | None = None,
        resolved_by: str = "",
    ) -> Complaint:
        """Record how a complaint was handled (once)."""
        resolution = nfc(resolution).strip()
        errors: list[FieldError] = []
        if not resolution:
            errors.append(FieldError("resolution", "required"))
        elif len(resolution) > MAX_TEXT:
            errors.append(FieldError("resolution", "too_long", {"max": MAX_TEXT}))
        by = " ".join(nfc(resolved_by).split()) or self._session.actor_name()
        moment = (at or self._clock()).replace(second=0, microsecond=0)
        with self._db.write() as s:
            row = self._row(s, complaint_id)
            if row.resolved_at is not None:
                raise TransitionError("complaint_resolved", id=row.id)
            if moment < row.received_at:
                errors.append(FieldError("at", "before_received"))
            if errors:
                raise ValidationError(errors)
            row.resolved_at = moment
            row.resolution = resolution
            row.resolved_by = by
            row.version += 1
            row.updated_at = datetime.now(UTC)
            enqueue(s, "complaint", row.id)
            return complaint_from_row(row, self._code(s, row.dossier_id))

    @guarded("complaints.get")
    def get(self, complaint_id: str) -> Complaint:
        """The complaint with ``complaint_id`` and its dossier's code."""
        with self._db.read() as s:
            row = self._row(s, complaint_id)
            return complaint_from_row(row, self._code(s, row.dossier_id))

    @guarded("complaints.list")
    def list(self, *, open_only: bool = False) -> list[Complaint]:
        """Every complaint, newest first; ``open_only``: not yet resolved."""
        with self._db.read() as s:
            q = (
                select(ComplaintRow, DossierRow.code)
                .outerjoin(DossierRow, DossierRow.id == ComplaintRow.dossier_id)
                .order_by(ComplaintRow.received_at.desc(), ComplaintRow.created_at.desc())
            )
            if open_only:
                q = q.where(ComplaintRow.resolved_at.is_(None))
            return [complaint_from_row(row, code) for row, code in s.execute(q).all()]

    @staticmethod
    def is_overdue(c: Complaint, as_of: datetime) -> bool:
        """Late: resolved after its deadline's day, or still open past it."""
        end = c.resolved_at or as_of
        return end.date() > c.due_at.date()

    @staticmethod
    def _code(s: Session, dossier_id: str | None) -> str | None:
        if dossier_id is None:
            return None
        return s.execute(select(DossierRow.code).where(DossierRow.id == dossier_id)).scalar()

    @staticmethod
    def _row(s: Session, complaint_id: str) -> ComplaintRow:
        key = nfc(complaint_id).strip()
        row = s.get(ComplaintRow, key)
        if row is None and len(key) >= 4:
            # A prefix of the id, as printed by ``complaint list``.
            rows = s.scalars(select(ComplaintRow).where(ComplaintRow.id.like(key + "%"))).all()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            raise NotFound("complaint_not_found", id=key)
        return row


__all__ = ["ComplaintService", "complaint_from_row"]
