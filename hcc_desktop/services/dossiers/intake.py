"""Counter intake: check a dossier against its checklist and accept it."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import (
    Channel,
    ComponentSpec,
    DocForm,
    Dossier,
    DossierStatus,
    FeeMethod,
    MissingComponent,
    Person,
    Procedure,
    ReceivedComponent,
    ResultDelivery,
    SupplementGuidance,
)
from hcc_desktop.core.errors import (
    ConflictError,
    FieldError,
    NotFound,
    StorageError,
    ValidationError,
)
from hcc_desktop.core.identity import PersonInput, validate_person
from hcc_desktop.core.text import fold, nfc
from hcc_desktop.core.worktime import EARLIEST_USUAL, time_range_error
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierComponentRow, DossierRow
from hcc_desktop.services.audit.stamp import chained_event
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.dossiers.codes import next_code, next_order_no
from hcc_desktop.services.dossiers.query import dossier_from_row, person_to_json, search_text
from hcc_desktop.services.field.sessions import open_session_id
from hcc_desktop.services.session import OfficerSession
from hcc_desktop.services.settings import SettingsService
from hcc_desktop.services.sync.outbox import enqueue

# A dossier dated more than this ahead of the device clock is a typing mistake.
FUTURE_TOLERANCE = timedelta(minutes=5)
# No ward fee comes near: a billion đồng is a typing error.
MAX_FEE = 1_000_000_000
MAX_COUNT = 99


@dataclass(frozen=True)
class ComponentInput:
    """A checklist line as ticked by the officer (or an extra paper when
    ``component_id`` is None and ``name`` is given)."""

    component_id: str | None
    form: str = DocForm.ORIGINAL.value
    count: int = 1
    name: str = ""
    reused_digital: bool = False
    digitised: bool = False  # scanned at intake (số hóa)


@dataclass(frozen=True)
class IntakeDraft:
    """Everything typed at the counter, unvalidated."""

    procedure_code: str
    owner: PersonInput
    components: tuple[ComponentInput, ...] = ()
    channel: str = Channel.COUNTER.value
    submitter: PersonInput | None = None
    received_at: datetime | None = None  # None = now
    fee_amount: int | None = None  # None = computed from the catalog's rates
    fee_pages: int = 1  # pages of the paper, for per-page fees (copy certification)
    fee_copies: int = 1  # copies asked for, for per-copy and per-page fees
    fee_method: str | None = None
    result_delivery: str = ResultDelivery.COUNTER.value
    sets_count: int = 1
    note: str = ""
    use_alt_processing: bool = False
    received_by: str | None = None  # None = the officer in settings
    # The counter refuses a receipt time ahead of the clock (a typing slip);
    # imports and simulations from the command line may set this.
    allow_future: bool = False
    # A receipt time before 2000 passes only with this (the CLI's --allow-unusual-date).
    allow_unusual_date: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    # Report data: a new dossier records them (never "not recorded").
    paid_online: bool = False  # the fee was paid online
    e_result: bool = False  # the result will be / was issued electronically


def is_authorisation(component: ComponentSpec) -> bool:
    """The power-of-attorney line of a checklist ("Văn bản ủy quyền …"), which
    becomes required when someone other than the owner submits."""
    return fold(component.name).startswith("van ban uy quyen")


def missing_required(
    procedure: Procedure, components: tuple[ComponentInput, ...], *, has_submitter: bool
) -> list[ComponentSpec]:
    """Required checklist lines not ticked; the power of attorney becomes
    required when someone other than the owner submits."""
    ticked = {c.component_id for c in components if c.count > 0}
    return [
        c
        for c in procedure.components
        if c.id not in ticked and (c.required or (has_submitter and is_authorisation(c)))
    ]


@dataclass(frozen=True)
class _Checked:
    procedure: Procedure
    owner: Person
    submitter: Person | None
    components: tuple[ReceivedComponent, ...]
    channel: Channel
    received_at: datetime
    fee_amount: int
    fee_method: FeeMethod | None
    result_delivery: ResultDelivery
    sets_count: int
    processing_days: int
    received_by: str
    note: str
    paid_online: bool = False
    e_result: bool = False


class IntakeService:
    def __init__(
        self,
        db: Database,
        *,
        catalog: CatalogService,
        settings: SettingsService,
        session: OfficerSession | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._catalog = catalog
        self._settings = settings
        # The logged-in officer receives the dossier (issue 12); nobody logged in: refused.
        self._session = session or OfficerSession()
        self._clock = clock

    # -- checks --------------------------------------------------------------

    def _procedure(self, code: str, errors: list[FieldError]) -> Procedure | None:
        try:
            procedure = self._catalog.get(code)
        except NotFound:
            errors.append(FieldError("procedure", "unknown", {"code": code}))
            return None
        if not procedure.active:
            errors.append(FieldError("procedure", "inactive", {"code": code}))
        return procedure

    @staticmethod
    def _person(data: PersonInput, prefix: str, errors: list[FieldError]) -> Person | None:
        try:
            return validate_person(data, prefix=prefix)
        except ValidationError as exc:
            errors.extend(exc.errors)
            return None

    def _components(
        self,
        procedure: Procedure | None,
        items: tuple[ComponentInput, ...],
        has_submitter: bool,
        errors: list[FieldError],
    ) -> tuple[ReceivedComponent, ...]:
        specs = {c.id: c for c in procedure.components} if procedure else {}
        received: list[ReceivedComponent] = []
        accepted: list[ComponentInput] = []
        seen: set[tuple[str | None, str]] = set()
        for i, item in enumerate(items):
            where = f"components[{i}]"
            try:
                form = DocForm(item.form)
            except ValueError:
                errors.append(FieldError(f"{where}.form", "invalid", {"value": item.form}))
                continue
            if not isinstance(item.count, int) or not 1 <= item.count <= MAX_COUNT:
                errors.append(FieldError(f"{where}.count", "out_of_range", {"max": MAX_COUNT}))
                continue
            if item.component_id is None:
                name = nfc(item.name)
                if not name:
                    errors.append(FieldError(f"{where}.name", "required"))
                    continue
            elif procedure is not None and item.component_id not in specs:
                errors.append(FieldError(f"{where}.id", "unknown", {"id": item.component_id}))
                continue
            else:
                name = specs[item.component_id].name if procedure else item.component_id
            key = (item.component_id or name, form.value)
            if key in seen:
                errors.append(FieldError(f"{where}.id", "duplicate", {"id": key[0]}))
                continue
            seen.add(key)
            accepted.append(item)
            received.append(
                ReceivedComponent(
                    item.component_id,
                    name,
                    form,
                    item.count,
                    item.reused_digital,
                    digitised=bool(item.digitised),
                )
            )
        if procedure is not None:
            missing = missing_required(procedure, tuple(accepted), has_submitter=has_submitter)
            if missing:
                errors.append(
                    FieldError(
                        "components",
                        "required_missing",
                        {"ids": [c.id for c in missing], "names": [c.name for c in missing]},
                    )
                )
        return tuple(received)

    def _check(self, draft: IntakeDraft) -> _Checked:
        errors: list[FieldError] = []
        procedure = self._procedure(nfc(draft.procedure_code), errors)
        owner = self._person(draft.owner, "applicant", errors)
        submitter = None
        if draft.submitter is not None:
            submitter = self._person(draft.submitter, "submitter", errors)
            if submitter and owner and submitter.id_number == owner.id_number:
                submitter = None  # the owner came in person
        components = self._components(
            procedure,
            draft.components,
            draft.submitter is not None and submitter is not None,
            errors,
        )
        try:
            channel = Channel(draft.channel)
        except ValueError:
            errors.append(FieldError("channel", "invalid", {"value": draft.channel}))
            channel = Channel.COUNTER
        now = self._clock().replace(second=0, microsecond=0)
        received_at = (draft.received_at or now).replace(second=0, microsecond=0)
        out_of_range = time_range_error(received_at, field="received_at")
        if out_of_range is not None:
            errors.append(out_of_range)
            received_at = now
        elif received_at < EARLIEST_USUAL and not draft.allow_unusual_date:
            errors.append(
                FieldError(
                    "received_at",
                    "unusual_date",
                    {"min": EARLIEST_USUAL.strftime("%d/%m/%Y"), "max": ""},
                )
            )
        elif received_at > now + FUTURE_TOLERANCE and not draft.allow_future:
            errors.append(FieldError("received_at", "in_future"))
        try:
            delivery = ResultDelivery(draft.result_delivery)
        except ValueError:
            errors.append(FieldError("result_delivery", "invalid"))
            delivery = ResultDelivery.COUNTER
        fee_method: FeeMethod | None = None
        if draft.fee_method:
            try:
                fee_method = FeeMethod(draft.fee_method)
            except ValueError:
                errors.append(FieldError("fee_method", "invalid", {"value": draft.fee_method}))
        fee_amount = draft.fee_amount
        if not 1 <= draft.fee_pages <= 10_000:
            errors.append(FieldError("fee_pages", "out_of_range", {"max": 10_000}))
        if not 1 <= draft.fee_copies <= MAX_COUNT:
            errors.append(FieldError("fee_copies", "out_of_range", {"max": MAX_COUNT}))
        if fee_amount is None:
            fee_amount = (
                procedure.fee_for(pages=draft.fee_pages, copies=draft.fee_copies)
                if procedure
                else 0
            )
        if fee_method is FeeMethod.EXEMPT:
            fee_amount = 0
        if fee_amount < 0:
            errors.append(FieldError("fee_amount", "negative"))
        elif fee_amount > MAX_FEE:
            # SQLite stores 64-bit integers: 2^63 would overflow on write.
            errors.append(FieldError("fee_amount", "out_of_range", {"max": MAX_FEE}))
            fee_amount = 0
        elif fee_amount > 0 and fee_method is None:
            fee_method = FeeMethod.CASH
        if not 1 <= draft.sets_count <= MAX_COUNT:
            errors.append(FieldError("sets_count", "out_of_range", {"max": MAX_COUNT}))
        processing_days = 0
        if procedure is not None:
            processing_days = procedure.processing_days
            if draft.use_alt_processing:
                if procedure.processing_days_alt is None:
                    errors.append(FieldError("use_alt_processing", "not_available"))
                else:
                    processing_days = procedure.processing_days_alt
        received_by = nfc(
            draft.received_by if draft.received_by is not None else self._session.actor_name()
        )
        if not received_by:
            errors.append(FieldError("received_by", "required"))
        if errors or procedure is None or owner is None:
            raise ValidationError(errors)
        return _Checked(
            procedure=procedure,
            owner=owner,
            submitter=submitter,
            components=components,
            channel=channel,
            received_at=received_at,
            fee_amount=fee_amount,
            fee_method=fee_method,
            result_delivery=delivery,
            sets_count=draft.sets_count,
            processing_days=processing_days,
            received_by=received_by,
            note=nfc(draft.note),
            paid_online=bool(draft.paid_online),
            e_result=bool(draft.e_result),
        )

    def check(self, draft: IntakeDraft) -> None:
        """Validate without storing; raises ValidationError naming every fault."""
        self._check(draft)

    def preview_due(
        self,
        *,
        procedure_code: str,
        received_at: datetime,
        channel: str = Channel.COUNTER.value,
        use_alt_processing: bool = False,
    ) -> datetime:
        """The due moment a dossier of ``procedure_code`` received at ``received_at``
        would get, without storing anything (shown while the officer fills the form)."""
        procedure = self._catalog.get(procedure_code)
        days = procedure.processing_days
        if use_alt_processing and procedure.processing_days_alt is not None:
            days = procedure.processing_days_alt
        with self._db.read() as s:
            if open_session_id(
                s, device_id=self._settings.load().device_id, received_at=received_at
            ):
                channel = Channel.SATURDAY_SESSION.value
        return self._settings.calendar().due_at(received_at, days, Channel(channel))

    # -- accept --------------------------------------------------------------

    def accept(self, draft: IntakeDraft) -> Dossier:
        """Validate, give the dossier its code and appointment, and commit it.

        Returns only after the transaction is durable on disk; nothing is
        stored when anything is wrong.
        """
        c = self._check(draft)
        settings = self._settings.load()
        calendar = self._settings.calendar()
        # A dossier taken while this device has a Saturday session open belongs to it.
        with self._db.read() as s:
            session_id = open_session_id(s, device_id=settings.device_id, received_at=c.received_at)
        if session_id is not None:
            c = replace(c, channel=Channel.SATURDAY_SESSION)
        clock_start = calendar.clock_start(c.received_at, c.channel)
        due_at = calendar.due_at(c.received_at, c.processing_days, c.channel)
        now = datetime.now(UTC)
        dossier_id = str(uuid.uuid4())
        book_no = settings.effective_book_no(c.received_at.year)
        try:
            with self._db.write() as s:
                code = next_code(
                    s,
                    unit_code=settings.unit_code,
                    day=c.received_at.date(),
                    device_slot=settings.device_slot,
                )
                order_no = next_order_no(s, book_no=book_no)
                row = DossierRow(
                    id=dossier_id,
                    code=code,
                    unit_code=settings.unit_code,
                    device_id=settings.device_id,
                    procedure_code=c.procedure.code,
                    procedure_name=c.procedure.name,
                    procedure_field=c.procedure.field,
                    status=int(DossierStatus.RECEIVED),
                    channel=c.channel.value,
                    received_at=c.received_at,
                    clock_start_at=clock_start,
                    due_at=due_at,
                    original_due_at=due_at,
                    processing_days=c.processing_days,
                    owner_name=c.owner.full_name,
                    owner_id_type=c.owner.id_type.value,
                    owner_id_number=c.owner.id_number,
                    owner_dob=c.owner.date_of_birth,
                    owner_gender=c.owner.gender.value if c.owner.gender else None,
                    owner_id_issued_on=c.owner.id_issued_on,
                    owner_phone=c.owner.phone,
                    owner_address=c.owner.address,
                    owner_email=c.owner.email,
                    submitter_json=person_to_json(c.submitter) if c.submitter else None,
                    sets_count=c.sets_count,
                    fee_amount=c.fee_amount,
                    fee_method=c.fee_method.value if c.fee_method else None,
                    result_delivery=c.result_delivery.value,
                    received_by=c.received_by,
                    book_no=book_no,
                    order_no=order_no,
                    note=c.note,
                    paid_online=c.paid_online,
                    e_result=c.e_result,
                    origin="local",
                    session_id=session_id,
                    search_text=search_text(
                        code=code,
                        owner_name=c.owner.full_name,
                        owner_id_number=c.owner.id_number,
                        owner_phone=c.owner.phone,
                        procedure_code=c.procedure.code,
                        procedure_name=c.procedure.name,
                        submitter=c.submitter,
                    ),
                    created_at=now,
                    updated_at=now,
                    version=1,
                )
                row.components = [
                    DossierComponentRow(
                        id=str(uuid.uuid4()),
                        position=i,
                        component_id=rc.component_id,
                        name=rc.name,
                        form=rc.form.value,
                        count=rc.count,
                        reused_digital=rc.reused_digital,
                        digitised=bool(rc.digitised),
                    )
                    for i, rc in enumerate(c.components)
                ]
                s.add(row)
                s.flush()  # the event row refers to the dossier row
                event_id = str(uuid.uuid4())
                s.add(
                    chained_event(
                        s,
                        {
                            "id": event_id,
                            "dossier_id": dossier_id,
                            "kind": "received",
                            "at": c.received_at,
                            "actor": c.received_by,
                            "from_status": None,
                            "to_status": int(DossierStatus.RECEIVED),
                            "reason": "",
                            "data_json": json.dumps(
                                {
                                    "code": code,
                                    "channel": c.channel.value,
                                    "due_at": due_at.isoformat(),
                                },
                                ensure_ascii=False,
                            ),
                            "device_id": settings.device_id,
                            "recorded_at": now,
                        },
                        row,
                    )
                )
                enqueue(s, "dossier", dossier_id)
                enqueue(s, "event", event_id)
                # What the caller gets is exactly what was stored.
                dossier = dossier_from_row(row)
        except IntegrityError as exc:
            if "dossiers.code" in str(exc.orig):
                # Only reachable when two devices of the unit share a slot.
                raise ConflictError("duplicate_code", detail=str(exc.orig)) from exc
            raise StorageError("write_failed", detail=str(exc.orig)) from exc
        return dossier

    # -- supplement guidance (Mẫu 02) ---------------------------------------

    def supplement_guidance(self, draft: IntakeDraft, *, reason: str = "") -> SupplementGuidance:
        """Content of Mẫu 02 for a dossier that cannot be accepted yet."""
        errors: list[FieldError] = []
        procedure = self._procedure(nfc(draft.procedure_code), errors)
        try:
            applicant = validate_person(draft.owner, prefix="applicant", require_dob=False)
        except ValidationError as exc:
            errors.extend(exc.errors)
            applicant = None
        if errors or procedure is None or applicant is None:
            raise ValidationError(errors)
        missing = missing_required(
            procedure, draft.components, has_submitter=draft.submitter is not None
        )
        if not missing:
            raise ValidationError([FieldError("components", "nothing_missing")])
        settings = self._settings.load()
        return SupplementGuidance(
            applicant=applicant,
            procedure_code=procedure.code,
            procedure_name=procedure.name,
            missing=tuple(
                MissingComponent(
                    name=m.name,
                    originals=m.originals,
                    certified=m.certified,
                    copies=m.copies,
                    note=m.condition,
                )
                for m in missing
            ),
            reason=nfc(reason) or "Hồ sơ chưa đủ thành phần theo quy định.",
            guided_by=nfc(draft.received_by or self._session.actor_name()),
            guided_at=self._clock().replace(second=0, microsecond=0),
            officer_phone=settings.officer_phone or settings.unit_phone,
            lookup_hint="Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), mã thủ tục "
            + procedure.code,
        )
