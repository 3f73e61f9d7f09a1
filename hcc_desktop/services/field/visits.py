"""Home visits: the register of residents served at home, requests, plans, records.

Personal data (Law on Personal Data Protection): the register keeps only what
a visit needs (name, why, quarter, address, one phone, the date consent was
recorded); nothing of it is logged. A resident leaves the register by
``deactivate``: the row stays for the visits already made, out of the lists.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from hcc_desktop.core.errors import FieldError, NotFound, TransitionError, ValidationError
from hcc_desktop.core.field import (
    HomeReason,
    HomeResident,
    HomeVisit,
    VisitStatus,
    quarter_key,
    visits_due,
)
from hcc_desktop.core.identity import normalize_phone, validate_name
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import HomeResidentRow, HomeVisitRow
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

MAX_TEXT = 1000
MAX_MINUTES = 24 * 60
MAX_COUNT = 100


def _clean(value: str) -> str:
    return " ".join(nfc(value).split())


def resident_from_row(row: HomeResidentRow) -> HomeResident:
    return HomeResident(
        id=row.id,
        full_name=row.full_name,
        reasons=tuple(HomeReason(r) for r in row.reasons.split(",") if r),
        quarter=row.quarter,
        address=row.address,
        phone=row.phone,
        consent_on=row.consent_on,
        note=row.note,
        active=row.active,
    )


def visit_from_row(row: HomeVisitRow, resident: HomeResidentRow) -> HomeVisit:
    return HomeVisit(
        id=row.id,
        resident_id=row.resident_id,
        resident_name=resident.full_name,
        quarter=resident.quarter,
        address=resident.address,
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        purpose=row.purpose,
        status=VisitStatus(row.status),
        planned_on=row.planned_on,
        officer=row.officer,
        done_at=row.done_at,
        dossiers_received=row.dossiers_received,
        results_delivered=row.results_delivered,
        ratings_taken=row.ratings_taken,
        outcome=row.outcome,
        minutes_spent=row.minutes_spent,
    )


def _by_id(
    s: Session, model: type[HomeResidentRow] | type[HomeVisitRow], key: str, code: str
) -> object:
    key = key.strip()
    row: object = s.get(model, key)
    if row is None and len(key) >= 6:
        found: list[object] = list(s.scalars(select(model).where(model.id.like(f"{key}%"))))
        row = found[0] if len(found) == 1 else None
    if row is None:
        raise NotFound(code, id=key)
    return row


def _touch(s: Session, row: HomeResidentRow | HomeVisitRow, kind: str) -> None:
    """A change for the unit's other devices: a newer version, queued for sync."""
    row.updated_at = datetime.now(UTC)
    row.version = (row.version or 1) + 1
    enqueue(s, kind, row.id)


class HomeVisitService:
    def __init__(
        self, db: Database, *, settings: SettingsService, clock: Callable[[], datetime]
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    # -- the register ---------------------------------------------------------------

    def add_resident(
        self,
        *,
        full_name: str,
        reasons: tuple[str, ...] | list[str],
        quarter: str,
        address: str,
        phone: str = "",
        consent_on: date | None,
        note: str = "",
    ) -> HomeResident:
        """Put a resident on the home-service register; consent must be recorded."""
        errors: list[FieldError] = []
        name = ""
        try:
            name = validate_name(full_name, field="full_name")
        except ValidationError as exc:
            errors.extend(exc.errors)
        kinds: list[HomeReason] = []
        for r in reasons:
            try:
                kind = HomeReason(r.strip())
            except ValueError:
                errors.append(FieldError("reasons", "invalid", {"value": r}))
                continue
            if kind not in kinds:
                kinds.append(kind)
        if not kinds and not errors:
            errors.append(FieldError("reasons", "required"))
        quarter, address, note = _clean(quarter), _clean(address), nfc(note).strip()
        if not quarter:
            errors.append(FieldError("quarter", "required"))
        if not address:
            errors.append(FieldError("address", "required"))
        elif len(address) > MAX_TEXT:
            errors.append(FieldError("address", "too_long", {"max": MAX_TEXT}))
        if len(note) > MAX_TEXT:
            errors.append(FieldError("note", "too_long", {"max": MAX_TEXT}))
        number = ""
        if phone.strip():
            try:
                number = normalize_phone(phone)
            except ValidationError as exc:
                errors.extend(exc.errors)
        if consent_on is None:
            errors.append(FieldError("consent_on", "required"))
        elif consent_on > self._clock().date():
            errors.append(FieldError("consent_on", "in_future"))
        if errors:
            raise ValidationError(errors)
        assert consent_on is not None
        settings = self._settings.load()
        stamp = datetime.now(UTC)
        with self._db.write() as s:
            row = HomeResidentRow(
                id=str(uuid.uuid4()),
                unit_code=settings.unit_code,
                device_id=settings.device_id,
                version=1,
                full_name=name,
                reasons=",".join(k.value for k in kinds),
                quarter=quarter,
                address=address,
                phone=number,
                consent_on=consent_on,
                note=note,
                active=True,
                created_at=stamp,
                updated_at=stamp,
            )
            s.add(row)
            s.flush()
            enqueue(s, "home_resident", row.id)
            return resident_from_row(row)

    def residents(self, *, quarter: str = "", include_inactive: bool = False) -> list[HomeResident]:
        """Residents on the home-service register (active ones unless asked), by quarter."""
        with self._db.read() as s:
            q = select(HomeResidentRow).order_by(HomeResidentRow.quarter, HomeResidentRow.full_name)
            if not include_inactive:
                q = q.where(HomeResidentRow.active.is_(True))
            out = [resident_from_row(r) for r in s.scalars(q)]
        if quarter.strip():
            key = quarter_key(quarter)
            out = [r for r in out if quarter_key(r.quarter) == key]
        return out

    def deactivate(self, resident_id: str) -> HomeResident:
        """Take a resident off the register (consent withdrawn, moved away…)."""
        with self._db.write() as s:
            row = _by_id(s, HomeResidentRow, resident_id, "resident_not_found")
            assert isinstance(row, HomeResidentRow)
            row.active = False
            _touch(s, row, "home_resident")
            return resident_from_row(row)

    # -- visits -----------------------------------------------------------------------

    def request(
        self,
        *,
        resident_id: str,
        purpose: str,
        requested_by: str = "",
        requested_at: datetime | None = None,
    ) -> HomeVisit:
        """Record a request for a visit (who asked, when, for what)."""
        purpose, requested_by = nfc(purpose).strip(), _clean(requested_by)
        errors: list[FieldError] = []
        if not purpose:
            errors.append(FieldError("purpose", "required"))
        elif len(purpose) > MAX_TEXT:
            errors.append(FieldError("purpose", "too_long", {"max": MAX_TEXT}))
        now = self._clock().replace(second=0, microsecond=0)
        moment = (requested_at or now).replace(second=0, microsecond=0)
        if (moment - now).total_seconds() > 300:
            errors.append(FieldError("requested_at", "in_future"))
        settings = self._settings.load()
        with self._db.write() as s:
            resident = _by_id(s, HomeResidentRow, resident_id, "resident_not_found")
            assert isinstance(resident, HomeResidentRow)
            if not resident.active:
                errors.append(FieldError("resident", "inactive"))
            if errors:
                raise ValidationError(errors)
            stamp = datetime.now(UTC)
            row = HomeVisitRow(
                id=str(uuid.uuid4()),
                unit_code=settings.unit_code,
                device_id=settings.device_id,
                version=1,
                resident_id=resident.id,
                requested_by=requested_by or "Người dân",
                requested_at=moment,
                purpose=purpose,
                status=VisitStatus.REQUESTED.value,
                created_at=stamp,
                updated_at=stamp,
            )
            s.add(row)
            s.flush()
            enqueue(s, "home_visit", row.id)
            return visit_from_row(row, resident)

    def plan(self, visit_id: str, *, day: date, officer: str) -> HomeVisit:
        """Give a requested (or re-plan a planned) visit its day and officer."""
        officer = _clean(officer)
        errors: list[FieldError] = []
        if not officer:
            errors.append(FieldError("officer", "required"))
        if day < self._clock().date():
            errors.append(FieldError("planned_on", "in_past"))
        if errors:
            raise ValidationError(errors)
        with self._db.write() as s:
            row = self._visit(s, visit_id)
            if row.status not in (VisitStatus.REQUESTED.value, VisitStatus.PLANNED.value):
                raise TransitionError("visit_closed")
            row.status = VisitStatus.PLANNED.value
            row.planned_on = day
            row.officer = officer
            _touch(s, row, "home_visit")
            return self._out(s, row)

    def record(
        self,
        visit_id: str,
        *,
        outcome: str,
        minutes_spent: int,
        dossiers_received: int = 0,
        results_delivered: int = 0,
        ratings_taken: int = 0,
        done_at: datetime | None = None,
    ) -> HomeVisit:
        """Record a planned visit as done: what was received, delivered, rated, how long."""
        outcome = nfc(outcome).strip()
        errors: list[FieldError] = []
        if not outcome:
            errors.append(FieldError("outcome", "required"))
        elif len(outcome) > MAX_TEXT:
            errors.append(FieldError("outcome", "too_long", {"max": MAX_TEXT}))
        if not 1 <= minutes_spent <= MAX_MINUTES:
            errors.append(
                FieldError("minutes_spent", "out_of_range", {"min": 1, "max": MAX_MINUTES})
            )
        for name, value in (
            ("dossiers_received", dossiers_received),
            ("results_delivered", results_delivered),
            ("ratings_taken", ratings_taken),
        ):
            if not 0 <= value <= MAX_COUNT:
                errors.append(FieldError(name, "out_of_range", {"min": 0, "max": MAX_COUNT}))
        now = self._clock().replace(second=0, microsecond=0)
        moment = (done_at or now).replace(second=0, microsecond=0)
        if (moment - now).total_seconds() > 300:
            errors.append(FieldError("done_at", "in_future"))
        if errors:
            raise ValidationError(errors)
        with self._db.write() as s:
            row = self._visit(s, visit_id)
            if row.status != VisitStatus.PLANNED.value:
                raise TransitionError("visit_not_planned")
            row.status = VisitStatus.DONE.value
            row.done_at = moment
            row.outcome = outcome
            row.minutes_spent = minutes_spent
            row.dossiers_received = dossiers_received
            row.results_delivered = results_delivered
            row.ratings_taken = ratings_taken
            _touch(s, row, "home_visit")
            return self._out(s, row)

    def cancel(self, visit_id: str) -> HomeVisit:
        """Cancel a visit not done yet; the visit as it is now."""
        with self._db.write() as s:
            row = self._visit(s, visit_id)
            if row.status == VisitStatus.DONE.value:
                raise TransitionError("visit_closed")
            row.status = VisitStatus.CANCELLED.value
            _touch(s, row, "home_visit")
            return self._out(s, row)

    def visits(self, *, status: str = "", quarter: str = "") -> list[HomeVisit]:
        """Home visits, oldest request first, by status and quarter."""
        with self._db.read() as s:
            q = (
                select(HomeVisitRow, HomeResidentRow)
                .join(HomeResidentRow, HomeResidentRow.id == HomeVisitRow.resident_id)
                .order_by(HomeVisitRow.requested_at)
            )
            if status:
                q = q.where(HomeVisitRow.status == status)
            out = [visit_from_row(v, r) for v, r in s.execute(q).all()]
        if quarter.strip():
            key = quarter_key(quarter)
            out = [v for v in out if quarter_key(v.quarter) == key]
        return out

    def due(self, *, horizon_days: int = 7) -> tuple[HomeVisit, ...]:
        """The worklist: requests to plan and visits planned up to ``horizon_days`` ahead."""
        return visits_due(self.visits(), self._clock().date(), horizon_days)

    # -- helpers ----------------------------------------------------------------------

    @staticmethod
    def _visit(s: Session, visit_id: str) -> HomeVisitRow:
        row = _by_id(s, HomeVisitRow, visit_id, "visit_not_found")
        assert isinstance(row, HomeVisitRow)
        return row

    @staticmethod
    def _out(s: Session, row: HomeVisitRow) -> HomeVisit:
        s.flush()
        resident = s.get(HomeResidentRow, row.resident_id)
        assert resident is not None
        return visit_from_row(row, resident)
