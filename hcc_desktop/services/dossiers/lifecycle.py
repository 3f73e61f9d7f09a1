"""Following a dossier from intake to its result: transitions, the supplement
clock stop, apologies, returning results, ratings, worklists and reminders.

Every change is one ``db.write()`` transaction that updates the dossier row,
appends an event (who, when, why) and queues both for sync (``outbox``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import (
    Action,
    Collector,
    Dossier,
    DossierStatus,
    MissingComponent,
    Rating,
    ReturnMethod,
    Satisfaction,
    Timeliness,
)
from hcc_desktop.core.errors import FieldError, NotFound, TransitionError, ValidationError
from hcc_desktop.core.identity import normalize_phone, validate_id_number, validate_name
from hcc_desktop.core.lifecycle import CLOCK_RUNNING, RULES, allowed_actions, classify
from hcc_desktop.core.text import nfc
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import (
    DossierEventRow,
    DossierRow,
    RatingRow,
    ReminderSnooze,
)
from hcc_desktop.services.audit.stamp import chained_event
from hcc_desktop.services.dossiers.lists import (
    DossierSummary,
    WorklistFilter,
    list_sql,
    open_verdict,
    read_worklists,
    summaries_from_sql,
    worklist_where,
)
from hcc_desktop.services.dossiers.query import dossier_from_row
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

S = DossierStatus
MAX_REASON = 2000
RATING_CRITERIA = ("time", "trips", "attitude", "publication")

# How far ahead of this device's clock an action time may be (clocks of two counters drift).
ACTION_SKEW = timedelta(minutes=10)


def fmt_minute(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class TransitionInput:
    """Details an action may carry besides who, when and why."""

    receiver: str = ""  # hand-over / finish: who took the dossier
    department: str = ""  # hand-over: the specialist department
    amount: int = 0  # request-payment: đồng
    missing: tuple[MissingComponent, ...] = ()  # request-supplement
    collector: Collector | None = None  # return
    method: ReturnMethod = ReturnMethod.COUNTER  # return
    note: str = ""
    e_result: bool = False  # finish: the result was issued electronically
    paid_online: bool = False  # payment-received: paid online


@dataclass(frozen=True)
class Worklists:
    """Dossiers needing attention, most urgent first in each list."""

    as_of: datetime
    within: int
    overdue: tuple[DossierSummary, ...]
    due_today: tuple[DossierSummary, ...]
    due_soon: tuple[DossierSummary, ...]
    waiting_supplement: tuple[DossierSummary, ...]
    ready_to_return: tuple[DossierSummary, ...]
    counts: dict[str, int] = field(default_factory=dict)  # the full counts, beyond the limit


@dataclass(frozen=True)
class Reminders:
    """What the officer is told at start-up and every few minutes."""

    as_of: datetime
    overdue: tuple[DossierSummary, ...]
    due_today: tuple[DossierSummary, ...]
    due_tomorrow: tuple[DossierSummary, ...]
    tomorrow: date

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.due_today or self.due_tomorrow)

    @property
    def total(self) -> int:
        return len(self.overdue) + len(self.due_today) + len(self.due_tomorrow)


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time())


class LifecycleService:
    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        session: OfficerSession | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._settings = settings
        # The logged-in officer is the actor of every action (issue 12).
        self._session = session or OfficerSession()
        self._clock = clock

    # -- reading ---------------------------------------------------------------

    def allowed_actions(self, dossier: Dossier) -> tuple[Action, ...]:
        """The actions the dossier's status allows next."""
        return allowed_actions(dossier.status)

    def timeliness(self, dossier: Dossier, *, as_of: datetime | None = None) -> Timeliness | None:
        """Early/on time/late once ended; late or None (on time so far) while open."""
        if dossier.ended_at is not None:
            return dossier.timeliness or classify(
                due=dossier.due_at,
                ended=dossier.ended_at,
                supplement_count=dossier.supplement_count,
            )
        return classify(
            due=self.effective_due(dossier, as_of=as_of),
            ended=None,
            supplement_count=dossier.supplement_count,
            as_of=as_of or self._clock(),
        )

    def effective_due(self, dossier: Dossier, *, as_of: datetime | None = None) -> datetime:
        """The appointment as it stands at ``as_of``: while the dossier waits
        for a supplement the clock is stopped, so the waiting days so far are
        added (they will be added for good when the papers arrive)."""
        if dossier.status is S.SUPPLEMENT_REQUESTED and dossier.waiting_since is not None:
            waited = self._waited_days(dossier.waiting_since, as_of or self._clock())
            return self._moved(dossier.due_at, waited)
        return dossier.due_at

    def ratings(self, key: str) -> list[Rating]:
        """The satisfaction ratings of the dossier (id or code), oldest first."""
        with self._db.read() as s:
            row = self._row(s, key)
            rows = s.scalars(
                select(RatingRow)
                .where(RatingRow.dossier_id == row.id)
                .order_by(RatingRow.rated_at, RatingRow.recorded_at)
            )
            return [_rating(r) for r in rows]

    # -- transitions -------------------------------------------------------------

    def transition(
        self,
        key: str,
        action: Action | str,
        *,
        at: datetime | None = None,
        actor: str = "",
        reason: str = "",
        details: TransitionInput | None = None,
    ) -> Dossier:
        """Apply ``action`` to the dossier with code or id ``key``.

        Refused with TransitionError when the dossier's status does not allow
        it, ValidationError when a required detail (reason, receiver, collector)
        is missing or the time is before the dossier's last event.
        """
        try:
            act = Action(action)
        except ValueError:
            raise ValidationError([FieldError("action", "invalid", {"value": action})]) from None
        rule = RULES[act]
        details = details or TransitionInput()
        reason = " ".join(nfc(reason).split())
        actor = nfc(actor).strip() or self._session.actor_name()
        errors: list[FieldError] = []
        if rule.needs_reason and not reason:
            errors.append(FieldError("reason", "required"))
        if len(reason) > MAX_REASON:
            errors.append(FieldError("reason", "too_long", {"max": MAX_REASON}))
        if not actor:
            errors.append(FieldError("actor", "required"))
        data = self._details(act, details, errors)
        moment = self._moment(at, errors)
        with self._db.write() as s:
            row = self._row(s, key)
            status = S(row.status)
            if status not in rule.allowed_from:
                raise TransitionError(
                    "transition_not_allowed",
                    action=act.value,
                    status=int(status),
                    code=row.code,
                )
            last = s.execute(
                select(func.max(DossierEventRow.at)).where(DossierEventRow.dossier_id == row.id)
            ).scalar_one()
            if last is not None and moment < last:
                errors.append(
                    FieldError("at", "before_previous_event", {"previous": last.isoformat()})
                )
            if errors:
                raise ValidationError(errors)
            to = rule.to
            if to is None:
                to = S(row.resume_status) if row.resume_status else S.RECEIVED
            data = self._apply(row, act, moment, data, to, status)
            row.status = int(to)
            self._append(s, row, rule.event_kind, moment, actor, status, to, reason, data)
            return self._reload(s, row)

    def return_result(
        self,
        key: str,
        *,
        collector: Collector,
        method: ReturnMethod = ReturnMethod.COUNTER,
        at: datetime | None = None,
        actor: str = "",
        note: str = "",
    ) -> Dossier:
        """Hand the result to the applicant or an authorised person (status 10)."""
        return self.transition(
            key,
            Action.RETURN,
            at=at,
            actor=actor,
            details=TransitionInput(collector=collector, method=method, note=note),
        )

    @guarded("lifecycle.issue_apology")
    def issue_apology(
        self,
        key: str,
        *,
        new_due_at: datetime,
        reason: str,
        at: datetime | None = None,
        actor: str = "",
        signer_title: str = "",
        signer_name: str = "",
    ) -> Dossier:
        """Record an apology letter (Mẫu 04) with the proposed new appointment.

        The letter is signed by the head of the body that caused the delay
        (``signer_title``, ``signer_name``); by default the center's director
        set in the settings. The on-time count keeps the original appointment:
        an apology explains a delay, it does not erase it.
        """
        reason = " ".join(nfc(reason).split())
        settings = self._settings.load()
        actor = nfc(actor).strip() or self._session.actor_name()
        # A title may span lines ("KT. GIÁM ĐỐC" over "PHÓ GIÁM ĐỐC").
        lines = (" ".join(line.split()) for line in nfc(signer_title).splitlines())
        signer_title = "\n".join(line for line in lines if line)
        signer_name = " ".join(nfc(signer_name).split())
        if not signer_title:
            signer_title = settings.signer_title
            signer_name = signer_name or settings.signer_name
        errors: list[FieldError] = []
        moment = self._moment(at, errors)
        if not reason:
            errors.append(FieldError("reason", "required"))
        with self._db.write() as s:
            row = self._row(s, key)
            if row.ended_at is not None:
                raise TransitionError("apology_not_allowed", status=int(row.status), code=row.code)
            if new_due_at <= max(row.due_at, moment):
                errors.append(FieldError("new_due_at", "not_after_due"))
            if errors:
                raise ValidationError(errors)
            row.proposed_due_at = new_due_at.replace(second=0, microsecond=0)
            status = S(row.status)
            self._append(
                s,
                row,
                "apology_issued",
                moment,
                actor,
                status,
                status,
                reason,
                {
                    "new_due_at": row.proposed_due_at.isoformat(),
                    "due_at": row.due_at.isoformat(),
                    "signer_title": signer_title,
                    "signer_name": signer_name,
                },
            )
            return self._reload(s, row)

    def rate(
        self,
        key: str,
        *,
        convenience: Satisfaction | int,
        overall: Satisfaction | int,
        criteria: dict[str, int] | None = None,
        comment: str = "",
        by_citizen: bool = True,
        rated_by: str = "",
        at: datetime | None = None,
    ) -> Rating:
        """Store a satisfaction rating (DOMAIN §5) for a dossier."""
        errors: list[FieldError] = []
        values: dict[str, Satisfaction] = {}
        for name, raw in (("convenience", convenience), ("overall", overall)):
            try:
                values[name] = Satisfaction(int(raw))
            except ValueError:
                errors.append(FieldError(name, "invalid", {"value": raw}))
        clean: dict[str, int] = {}
        for name, raw in (criteria or {}).items():
            if name not in RATING_CRITERIA:
                errors.append(FieldError(f"criteria.{name}", "unknown"))
                continue
            try:
                clean[name] = int(Satisfaction(int(raw)))
            except ValueError:
                errors.append(FieldError(f"criteria.{name}", "invalid", {"value": raw}))
        comment = nfc(comment).strip()
        if len(comment) > MAX_REASON:
            errors.append(FieldError("comment", "too_long", {"max": MAX_REASON}))
        if errors:
            raise ValidationError(errors)
        settings = self._settings.load()
        officer = self._session.actor_name()
        rater = "citizen" if by_citizen else (nfc(rated_by).strip() or officer)
        moment = (at or self._clock()).replace(microsecond=0)
        with self._db.write() as s:
            row = self._row(s, key)
            if S(row.status) not in (S.PROCESSED, S.RETURNED) and row.ended_at is None:
                raise TransitionError("rating_not_allowed", status=int(row.status), code=row.code)
            rating = RatingRow(
                id=str(uuid.uuid4()),
                dossier_id=row.id,
                convenience=int(values["convenience"]),
                overall=int(values["overall"]),
                criteria_json=json.dumps(clean, sort_keys=True),
                comment=comment,
                rated_by=rater,
                by_citizen=by_citizen,
                rated_at=moment,
                device_id=settings.device_id,
                recorded_at=datetime.now(UTC),
            )
            s.add(rating)
            status = S(row.status)
            self._append(
                s,
                row,
                "rated",
                moment.replace(second=0),
                officer or rater,
                status,
                status,
                "",
                {
                    "rating_id": rating.id,
                    "convenience": rating.convenience,
                    "overall": rating.overall,
                    "by_citizen": by_citizen,
                },
            )
            s.flush()
            enqueue(s, "rating", rating.id)
            return _rating(rating)

    # -- worklists and reminders ---------------------------------------------------

    def worklists(
        self,
        *,
        as_of: datetime | None = None,
        within: int | None = None,
        filters: WorklistFilter | None = None,
        limit: int = 500,
    ) -> Worklists:
        """The five worklists at ``as_of``, each sorted by urgency.

        overdue: the clock runs and the appointment date is past; due_today;
        due_soon: due within ``within`` working days after today (default:
        the settings' ``due_soon_days``); waiting_supplement (clock stopped);
        ready_to_return (processed, not yet handed to the citizen).
        """
        as_of = as_of or self._clock()
        settings = self._settings.load()
        within = settings.due_soon_days if within is None else within
        if within < 0:
            raise ValidationError([FieldError("within", "negative", {"value": within})])
        calendar = self._settings.calendar()
        with self._db.read() as s:
            cursor = self._db.cursor(s)
            try:
                lists, counts = read_worklists(cursor, as_of, within, calendar, filters, limit)
            finally:
                cursor.close()
        return Worklists(as_of=as_of, within=within, counts=counts, **lists)

    def counts(self, *, as_of: datetime | None = None, within: int | None = None) -> dict[str, int]:
        """The worklist counts only (for the main window's badges)."""
        return self.worklists(as_of=as_of, within=within, limit=0).counts

    def reminders(self, *, as_of: datetime | None = None) -> Reminders:
        """Overdue, due today and due the next working day; snoozed ones left out
        until their snooze ends; nothing once processed or closed. A dossier with an
        apology on record is filed by its new appointment."""
        as_of = as_of or self._clock()
        calendar = self._settings.calendar()
        today = _day_start(as_of.date())
        next_day = calendar.next_working_day(as_of.date())
        bounds = {
            "overdue": (None, today),
            "due_today": (today, today + timedelta(days=1)),
            "due_tomorrow": (
                today + timedelta(days=1),
                _day_start(next_day) + timedelta(days=1),
            ),
        }
        running = [int(s) for s in CLOCK_RUNNING]
        # After an apology (Mẫu 04) the citizen was given a new appointment: what is at
        # risk now is that one, so the reminders file the dossier by it.
        current_due = "coalesce(d.proposed_due_at, d.due_at)"
        verdict = open_verdict(as_of, calendar)
        found: dict[str, tuple[DossierSummary, ...]] = {}
        with self._db.read() as s:
            snoozed = {
                r[0]
                for r in s.execute(
                    select(ReminderSnooze.dossier_id).where(ReminderSnooze.until > as_of)
                )
            }
            cursor = self._db.cursor(s)
            try:
                for name, (lo, hi) in bounds.items():
                    where, params = worklist_where(running, lo, hi, None, current_due)
                    rows = cursor.execute(list_sql(where, current_due), (*params, 1000)).fetchall()
                    found[name] = tuple(
                        summaries_from_sql((r for r in rows if r[0] not in snoozed), verdict)
                    )
            finally:
                cursor.close()
        return Reminders(as_of=as_of, tomorrow=next_day, **found)

    def snooze(self, key: str, *, until: datetime) -> Changes:
        """Silence the reminder of one dossier until ``until``; that dossier changed."""
        with self._db.write() as s:
            row = self._row(s, key)
            existing = s.get(ReminderSnooze, row.id)
            if existing is None:
                s.add(ReminderSnooze(dossier_id=row.id, until=until))
            else:
                existing.until = until
            dossier_id = row.id
        return Changes.of_dossiers(dossier_id)

    # -- internals -------------------------------------------------------------------

    def _moment(self, at: datetime | None, errors: list[FieldError]) -> datetime:
        """When an action happened: now, or a time typed for paperwork entered late.

        A time ahead of the clock by more than a small skew is refused: accepted, it
        would make every later real action "before the previous step" for good.
        """
        now = self._clock()
        moment = (at or now).replace(second=0, microsecond=0)
        if at is not None and at.replace(tzinfo=None) > now.replace(tzinfo=None) + ACTION_SKEW:
            errors.append(FieldError("at", "in_future", {"max": fmt_minute(now + ACTION_SKEW)}))
            return now.replace(second=0, microsecond=0)
        return moment

    @staticmethod
    def _where(
        statuses: list[int],
        lo: datetime | None,
        hi: datetime | None,
        filters: WorklistFilter | None,
        due: Any = DossierRow.due_at,
    ) -> Callable[[Select[Any]], Select[Any]]:
        def apply(q: Select[Any]) -> Select[Any]:
            q = q.where(DossierRow.status.in_(statuses))
            if lo is not None:
                q = q.where(due >= lo)
            if hi is not None:
                q = q.where(due < hi)
            if filters is not None:
                if filters.procedure_code:
                    q = q.where(DossierRow.procedure_code == filters.procedure_code)
                if filters.field:
                    q = q.where(DossierRow.procedure_field == filters.field)
                if filters.officer:
                    q = q.where(
                        (DossierRow.received_by == filters.officer)
                        | (DossierRow.holder == filters.officer)
                    )
                if filters.channel is not None:
                    q = q.where(DossierRow.channel == filters.channel.value)
            return q

        return apply

    @staticmethod
    def _row(s: Session, key: str) -> DossierRow:
        key = nfc(key).strip()
        row = s.scalars(
            select(DossierRow).where((DossierRow.code == key) | (DossierRow.id == key))
        ).first()
        if row is None:
            raise NotFound("dossier_not_found", key=key)
        return row

    @staticmethod
    def _reload(s: Session, row: DossierRow) -> Dossier:
        s.flush()
        fresh = s.scalars(
            select(DossierRow)
            .options(selectinload(DossierRow.components))
            .where(DossierRow.pk == row.pk)
            .execution_options(populate_existing=True)
        ).one()
        return dossier_from_row(fresh)

    def _waited_days(self, since: datetime, until: datetime) -> int:
        return self._settings.calendar().working_days_between(since.date(), until.date())

    def _moved(self, due: datetime, days: int) -> datetime:
        if days <= 0:
            return due
        day = self._settings.calendar().add_working_days(due.date(), days)
        return datetime.combine(day, due.time())

    def _details(
        self, act: Action, details: TransitionInput, errors: list[FieldError]
    ) -> dict[str, Any]:
        data: dict[str, Any] = {}
        note = nfc(details.note).strip()
        if note:
            data["note"] = note
        if act in (Action.HANDOVER, Action.FINISH):
            receiver = " ".join(nfc(details.receiver).split())
            if act is Action.HANDOVER and not receiver:
                errors.append(FieldError("receiver", "required"))
            data["receiver"] = receiver
            department = " ".join(nfc(details.department).split())
            if department:
                data["department"] = department
        if act is Action.FINISH:
            data["e_result"] = bool(details.e_result)
        if act is Action.PAYMENT_RECEIVED:
            data["paid_online"] = bool(details.paid_online)
        if act is Action.REQUEST_PAYMENT:
            if details.amount < 0:
                errors.append(FieldError("amount", "negative", {"value": details.amount}))
            data["amount"] = details.amount
        if act is Action.REQUEST_SUPPLEMENT and details.missing:
            data["missing"] = [
                {
                    "name": nfc(m.name),
                    "originals": m.originals,
                    "certified": m.certified,
                    "copies": m.copies,
                    "note": nfc(m.note),
                }
                for m in details.missing
            ]
        if act is Action.RETURN:
            data["method"] = ReturnMethod(details.method).value
            c = details.collector
            if c is None:
                errors.append(FieldError("collector.full_name", "required"))
            else:
                collector: dict[str, Any] = {"authorised": c.authorised}
                for name, check in (
                    ("full_name", lambda v: validate_name(v, field="collector.full_name")),
                    (
                        "id_number",
                        lambda v: validate_id_number(v, field="collector.id_number")[1],
                    ),
                ):
                    try:
                        collector[name] = check(getattr(c, name))
                    except ValidationError as exc:
                        errors.extend(exc.errors)
                if c.phone:
                    try:
                        collector["phone"] = normalize_phone(c.phone)
                    except ValidationError as exc:
                        errors.extend(
                            FieldError("collector.phone", e.code, e.params) for e in exc.errors
                        )
                data["collector"] = collector
        return data

    def _apply(
        self,
        row: DossierRow,
        act: Action,
        moment: datetime,
        data: dict[str, Any],
        to: DossierStatus,
        status: DossierStatus,
    ) -> dict[str, Any]:
        """Update the row's lifecycle columns; returns the event data."""
        if act is Action.HANDOVER:
            data["giver"] = row.holder or row.received_by
            row.holder = data["receiver"]
        elif act is Action.FINISH:
            data["giver"] = row.holder or data.get("receiver", "")
            row.holder = data.get("receiver", "") or row.received_by
            row.e_result = bool(data.get("e_result"))
        elif act in (Action.REQUEST_SUPPLEMENT, Action.REQUEST_PAYMENT):
            row.resume_status = int(status)
            if act is Action.REQUEST_SUPPLEMENT:
                row.waiting_since = moment
                row.supplement_count += 1
                data["count"] = row.supplement_count
        elif act is Action.SUPPLEMENT_RECEIVED:
            since = row.waiting_since or moment
            waited = self._waited_days(since, moment)
            new_due = self._moved(row.due_at, waited)
            data.update(
                waited_days=waited,
                waiting_since=since.isoformat(),
                old_due_at=row.due_at.isoformat(),
                due_at=new_due.isoformat(),
            )
            row.due_at = new_due
            row.waiting_since = None
            row.resume_status = None
        elif act is Action.PAYMENT_RECEIVED:
            row.resume_status = None
            # Any payment made online makes the dossier "paid online".
            if data.get("paid_online"):
                row.paid_online = True
            elif row.paid_online is None:
                row.paid_online = False
        elif act is Action.RETURN:
            row.returned_at = moment
        if to in (S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED, S.PROCESSED, S.RETURNED):
            if row.waiting_since is not None:
                # Ended while waiting: the waiting time still does not count.
                row.due_at = self._moved(row.due_at, self._waited_days(row.waiting_since, moment))
                row.waiting_since = None
            row.resume_status = None
            if row.ended_at is None:
                row.ended_at = moment
                verdict = classify(
                    due=row.due_at, ended=moment, supplement_count=row.supplement_count
                )
                row.timeliness = verdict.value if verdict else None
                data["timeliness"] = row.timeliness
        return data

    def _append(
        self,
        s: Session,
        row: DossierRow,
        kind: str,
        moment: datetime,
        actor: str,
        from_status: DossierStatus,
        to_status: DossierStatus,
        reason: str,
        data: dict[str, Any],
    ) -> None:
        now = datetime.now(UTC)
        row.version += 1
        row.updated_at = now
        event_id = str(uuid.uuid4())
        s.add(
            chained_event(
                s,
                {
                    "id": event_id,
                    "dossier_id": row.id,
                    "kind": kind,
                    "at": moment,
                    "actor": actor,
                    "from_status": int(from_status),
                    "to_status": int(to_status),
                    "reason": reason,
                    "data_json": json.dumps(data, ensure_ascii=False, sort_keys=True),
                    "device_id": self._settings.load().device_id,
                    "recorded_at": now,
                },
                row,
            )
        )
        enqueue(s, "dossier", row.id)
        enqueue(s, "event", event_id)


def _with_timeliness(d: DossierSummary, as_of: datetime, calendar: WorkCalendar) -> DossierSummary:
    if d.ended_at is not None:
        return d
    if d.timeliness is not None:
        return _with_days_late(d, as_of, calendar)
    # While a supplement is awaited the clock is stopped: the appointment moves
    # by the waiting time, so a passed original date does not make it late.
    waiting = d.status is S.SUPPLEMENT_REQUESTED
    verdict = classify(
        due=d.due_at,
        ended=None,
        supplement_count=d.supplement_count,
        as_of=None if waiting else as_of,
    )
    if verdict is None:
        return d
    return _with_days_late(replace(d, timeliness=verdict), as_of, calendar)


def _with_days_late(d: DossierSummary, as_of: datetime, calendar: WorkCalendar) -> DossierSummary:
    if d.status is S.SUPPLEMENT_REQUESTED:
        return d
    return replace(d, days_late=calendar.working_days_late(d.due_at, as_of))


def _rating(r: RatingRow) -> Rating:
    return Rating(
        id=r.id,
        dossier_id=r.dossier_id,
        convenience=Satisfaction(r.convenience),
        overall=Satisfaction(r.overall),
        criteria=json.loads(r.criteria_json),
        comment=r.comment,
        rated_by=r.rated_by,
        by_citizen=r.by_citizen,
        rated_at=r.rated_at,
    )
