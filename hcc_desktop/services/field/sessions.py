"""Saturday sessions: the rota, opening on the day, closing with a summary.

A session is opened by one device on its day; while it is open every dossier
that device receives is tagged with it (``dossiers.session_id``) and takes the
``saturday_session`` channel, whose clock starts on the next working day
(:func:`open_session_id`, called by the intake service). Closing it freezes
the summary: dossiers by procedure, fees by method, results returned and
ratings taken on that device while it was open.
"""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from hcc_desktop.core.domain import FeeMethod, Satisfaction
from hcc_desktop.core.errors import FieldError, NotFound, TransitionError, ValidationError
from hcc_desktop.core.field import (
    DEFAULT_SESSION_END,
    DEFAULT_SESSION_START,
    MAX_OFFICERS,
    CountLine,
    FieldSession,
    SessionFigures,
    SessionStatus,
    SessionSummary,
    quarter_key,
)
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierEventRow, DossierRow, FieldSessionRow, RatingRow
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

MAX_TEXT = 500

FEE_METHOD_LABELS = {
    FeeMethod.CASH.value: "Tiền mặt",
    FeeMethod.TRANSFER.value: "Chuyển khoản",
    FeeMethod.EXEMPT.value: "Miễn phí, lệ phí",
    "": "Không ghi phương thức",
}
RATING_LABELS = {
    int(Satisfaction.VERY_SATISFIED): "Rất hài lòng",
    int(Satisfaction.SATISFIED): "Hài lòng",
    int(Satisfaction.NOT_SATISFIED): "Không hài lòng",
}


def _clean(value: str) -> str:
    return " ".join(nfc(value).split())


def session_from_row(row: FieldSessionRow, dossier_count: int = 0) -> FieldSession:
    return FieldSession(
        id=row.id,
        unit_code=row.unit_code,
        quarter=row.quarter,
        day=row.day,
        place=row.place,
        start=time.fromisoformat(row.start),
        end=time.fromisoformat(row.end),
        officers=tuple(json.loads(row.officers_json or "[]")),
        status=SessionStatus(row.status),
        note=row.note,
        opened_at=row.opened_at,
        closed_at=row.closed_at,
        opened_device_id=row.opened_device_id,
        version=row.version,
        dossier_count=dossier_count,
    )


def open_session_id(s: Session, *, device_id: str, received_at: datetime) -> str | None:
    """The session open on this device on the day of ``received_at``, if any."""
    return s.scalar(
        select(FieldSessionRow.id)
        .where(
            FieldSessionRow.status == SessionStatus.OPEN.value,
            FieldSessionRow.opened_device_id == device_id,
            FieldSessionRow.day == received_at.date(),
        )
        .limit(1)
    )


def _figures(key: str, label: str, group: builtins.list[SessionSummary]) -> SessionFigures:
    """The counts of a group of sessions' summaries (one session, or a quarter's)."""
    names: dict[str, str] = {}
    counts: dict[str, int] = {}
    levels: dict[str, int] = {}
    for sm in group:
        for line in sm.by_procedure:
            names.setdefault(line.key, line.label)
            counts[line.key] = counts.get(line.key, 0) + line.count
        for line in sm.ratings:
            levels[line.key] = levels.get(line.key, 0) + line.count
    return SessionFigures(
        key=key,
        label=label,
        sessions=len(group),
        dossiers=sum(g.dossiers for g in group),
        fees_total=sum(g.fees_total for g in group),
        returns=sum(g.returns for g in group),
        ratings=sum(levels.values()),
        by_procedure=tuple(
            CountLine(code, names[code], n)
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ),
        ratings_by_level=tuple(
            CountLine(str(level), label, levels.get(str(level), 0))
            for level, label in RATING_LABELS.items()
        ),
    )


class FieldSessionService:
    def __init__(
        self, db: Database, *, settings: SettingsService, clock: Callable[[], datetime]
    ) -> None:
        self._db = db
        self._settings = settings
        self._clock = clock

    # -- the rota ---------------------------------------------------------------

    def plan(
        self,
        *,
        quarter: str,
        day: date,
        place: str = "",
        start: time | None = None,
        end: time | None = None,
        officers: tuple[str, ...] | list[str] = (),
        note: str = "",
    ) -> FieldSession:
        """Add a session to the rota (status ``planned``)."""
        quarter, place, note = _clean(quarter), _clean(place), nfc(note).strip()
        start = start or DEFAULT_SESSION_START
        end = end or DEFAULT_SESSION_END
        names = tuple(n for n in (_clean(o) for o in officers) if n)
        errors: list[FieldError] = []
        if not quarter:
            errors.append(FieldError("quarter", "required"))
        elif len(quarter) > 120:
            errors.append(FieldError("quarter", "too_long", {"max": 120}))
        if len(place) > MAX_TEXT:
            errors.append(FieldError("place", "too_long", {"max": MAX_TEXT}))
        if len(note) > MAX_TEXT:
            errors.append(FieldError("note", "too_long", {"max": MAX_TEXT}))
        if end <= start:
            errors.append(FieldError("end", "end_before_start"))
        if not names:
            errors.append(FieldError("officers", "required"))
        elif len(names) > MAX_OFFICERS:
            errors.append(FieldError("officers", "too_long", {"max": MAX_OFFICERS}))
        if day < self._clock().date():
            errors.append(FieldError("day", "in_past"))
        if errors:
            raise ValidationError(errors)
        settings = self._settings.load()
        stamp = datetime.now(UTC)
        with self._db.write() as s:
            row = FieldSessionRow(
                id=str(uuid.uuid4()),
                unit_code=settings.unit_code,
                quarter=quarter,
                day=day,
                place=place,
                start=start.strftime("%H:%M"),
                end=end.strftime("%H:%M"),
                officers_json=json.dumps(list(names), ensure_ascii=False),
                status=SessionStatus.PLANNED.value,
                note=note,
                opened_device_id="",
                device_id=settings.device_id,
                created_at=stamp,
                updated_at=stamp,
                version=1,
            )
            s.add(row)
            s.flush()
            enqueue(s, "field_session", row.id)
            return session_from_row(row)

    def list(
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        quarter: str = "",
    ) -> list[FieldSession]:
        """Sessions of the rota, by day, with how many dossiers each received."""
        with self._db.read() as s:
            q = select(FieldSessionRow).order_by(FieldSessionRow.day, FieldSessionRow.start)
            if date_from is not None:
                q = q.where(FieldSessionRow.day >= date_from)
            if date_to is not None:
                q = q.where(FieldSessionRow.day <= date_to)
            rows = list(s.scalars(q))
            counts = dict(
                s.execute(
                    select(DossierRow.session_id, func.count())
                    .where(DossierRow.session_id.is_not(None))
                    .group_by(DossierRow.session_id)
                ).all()
            )
        out = [session_from_row(r, int(counts.get(r.id, 0))) for r in rows]
        if quarter.strip():
            key = quarter_key(quarter)
            out = [x for x in out if quarter_key(x.quarter) == key]
        return out

    def get(self, session_id: str) -> FieldSession:
        """One Saturday session, with the number of dossiers received in it."""
        with self._db.read() as s:
            row = self._row(s, session_id)
            count = s.scalar(
                select(func.count()).select_from(DossierRow).where(DossierRow.session_id == row.id)
            )
            return session_from_row(row, int(count or 0))

    def current(self) -> FieldSession | None:
        """The session this device has open today, if any."""
        device_id = self._settings.load().device_id
        with self._db.read() as s:
            found = open_session_id(s, device_id=device_id, received_at=self._clock())
        return self.get(found) if found else None

    # -- the day ----------------------------------------------------------------

    def open(self, session_id: str) -> FieldSession:
        """Open the session on this device, on its day: dossiers received here
        from now on are tagged with it."""
        device_id = self._settings.load().device_id
        now = self._clock().replace(microsecond=0)
        with self._db.write() as s:
            row = self._row(s, session_id)
            if row.status == SessionStatus.OPEN.value and row.opened_device_id == device_id:
                return session_from_row(row)  # opening twice is harmless
            if row.status != SessionStatus.PLANNED.value:
                raise TransitionError("session_closed")
            if row.day != now.date():
                raise TransitionError("session_not_today", day=row.day.strftime("%d/%m/%Y"))
            other = open_session_id(s, device_id=device_id, received_at=now)
            if other is not None:
                # Only one session open per device at a time.
                raise TransitionError("session_other_open", id=other[:8])
            row.status = SessionStatus.OPEN.value
            row.opened_at = now
            row.opened_device_id = device_id
            self._touch(row)
            return session_from_row(row)

    def close(self, session_id: str) -> SessionSummary:
        """Close an open session and return its summary (to print and sync)."""
        now = self._clock().replace(microsecond=0)
        with self._db.write() as s:
            row = self._row(s, session_id)
            if row.status != SessionStatus.OPEN.value:
                raise TransitionError("session_not_open")
            row.status = SessionStatus.CLOSED.value
            row.closed_at = now
            self._touch(row)
            s.flush()
            return self._summary(s, row)

    def cancel(self, session_id: str) -> FieldSession:
        """Take a planned session off the rota (it stays listed as cancelled)."""
        with self._db.write() as s:
            row = self._row(s, session_id)
            if row.status != SessionStatus.PLANNED.value:
                raise TransitionError("session_not_planned")
            row.status = SessionStatus.CANCELLED.value
            self._touch(row)
            return session_from_row(row)

    def summary(self, session_id: str) -> SessionSummary:
        """What a session did (dossiers, fees, returns): printed when it closes."""
        with self._db.read() as s:
            return self._summary(s, self._row(s, session_id))

    # -- figures ------------------------------------------------------------------

    def figures(
        self, *, date_from: date, date_to: date
    ) -> tuple[builtins.list[SessionFigures], builtins.list[SessionFigures]]:
        """(per session, per quarter) counts of the sessions held in the period."""
        per_session: builtins.list[SessionFigures] = []
        with self._db.read() as s:
            rows = list(
                s.scalars(
                    select(FieldSessionRow)
                    .where(
                        FieldSessionRow.day >= date_from,
                        FieldSessionRow.day <= date_to,
                        FieldSessionRow.status.in_(
                            [SessionStatus.OPEN.value, SessionStatus.CLOSED.value]
                        ),
                    )
                    .order_by(FieldSessionRow.day, FieldSessionRow.start)
                )
            )
            summaries = [self._summary(s, r) for r in rows]
        quarters: dict[str, builtins.list[SessionSummary]] = {}
        for sm in summaries:
            ses = sm.session
            per_session.append(
                _figures(ses.id, f"{ses.quarter} {ses.day.strftime('%d/%m/%Y')}", [sm])
            )
            quarters.setdefault(quarter_key(ses.quarter), []).append(sm)
        per_quarter = [
            _figures(key, group[0].session.quarter, group)
            for key, group in sorted(quarters.items())
        ]
        return per_session, per_quarter

    # -- helpers ------------------------------------------------------------------

    @staticmethod
    def _row(s: Session, session_id: str) -> FieldSessionRow:
        key = session_id.strip()
        row = s.get(FieldSessionRow, key)
        if row is None and len(key) >= 6:
            # An unambiguous prefix of the id, as the CLI lists it.
            found = list(
                s.scalars(select(FieldSessionRow).where(FieldSessionRow.id.like(f"{key}%")))
            )
            row = found[0] if len(found) == 1 else None
        if row is None:
            raise NotFound("session_not_found", id=key)
        return row

    @staticmethod
    def _touch(row: FieldSessionRow) -> None:
        """A change to publish: a newer version, queued for the unit's other devices."""
        row.updated_at = datetime.now(UTC)
        row.version = (row.version or 1) + 1
        session = object_session(row)
        assert session is not None
        enqueue(session, "field_session", row.id)

    def _summary(self, s: Session, row: FieldSessionRow) -> SessionSummary:
        session = session_from_row(row)
        dossiers = s.execute(
            select(
                DossierRow.code,
                DossierRow.procedure_code,
                DossierRow.procedure_name,
                DossierRow.fee_amount,
                DossierRow.fee_method,
            )
            .where(DossierRow.session_id == row.id)
            .order_by(DossierRow.received_at, DossierRow.code)
        ).all()
        names: dict[str, str] = {}
        counts: dict[str, int] = {}
        fees: dict[str, list[int]] = {}
        for _code, proc_code, proc_name, amount, method in dossiers:
            names.setdefault(proc_code, proc_name)
            counts[proc_code] = counts.get(proc_code, 0) + 1
            if amount or method == FeeMethod.EXEMPT.value:
                f = fees.setdefault(method or "", [0, 0])
                f[0] += 1
                f[1] += int(amount or 0)
        by_procedure = tuple(
            CountLine(code, names[code], n)
            for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        fees_by_method = tuple(
            CountLine(m, FEE_METHOD_LABELS.get(m, m), c, a)
            for m, (c, a) in sorted(fees.items(), key=lambda kv: kv[0] or "~")
        )
        returns = 0
        ratings: dict[int, int] = {}
        if row.opened_at is not None:
            until = row.closed_at or self._clock()
            returns = int(
                s.scalar(
                    select(func.count())
                    .select_from(DossierEventRow)
                    .where(
                        DossierEventRow.kind == "returned",
                        DossierEventRow.device_id == row.opened_device_id,
                        DossierEventRow.at >= row.opened_at,
                        DossierEventRow.at <= until,
                    )
                )
                or 0
            )
            ratings = dict(
                s.execute(
                    select(RatingRow.overall, func.count())
                    .where(
                        RatingRow.device_id == row.opened_device_id,
                        RatingRow.rated_at >= row.opened_at,
                        RatingRow.rated_at <= until,
                    )
                    .group_by(RatingRow.overall)
                ).all()
            )
        return SessionSummary(
            session=session,
            dossiers=len(dossiers),
            by_procedure=by_procedure,
            fees_by_method=fees_by_method,
            fees_total=sum(line.amount for line in fees_by_method),
            returns=returns,
            ratings=tuple(
                CountLine(str(level), label, int(ratings.get(level, 0)))
                for level, label in RATING_LABELS.items()
            ),
            codes=tuple(d[0] for d in dossiers),
        )
