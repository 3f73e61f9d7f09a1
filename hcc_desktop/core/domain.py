"""Domain types shared by every layer: plain frozen dataclasses and enums.

Services take and return these; the UI never sees an ORM object or a Session.
Times of the working day (``received_at``, ``due_at`` …) are naive local
wall-clock datetimes of the unit (Vietnam has a single zone and no DST);
bookkeeping stamps (``created_at``, ``updated_at``) are aware UTC datetimes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import IntEnum, StrEnum

from hcc_desktop.core.changes import Changes


class Channel(StrEnum):
    """Where the dossier was received."""

    COUNTER = "counter"
    SATURDAY_SESSION = "saturday_session"
    HOME_VISIT = "home_visit"
    POSTAL = "postal"
    # Filed on the National Public Service Portal or the province's system and
    # received by the center (national KenhThucHien 2, "trực tuyến").
    ONLINE = "online"


class DossierOrigin(StrEnum):
    """How a dossier came into this store."""

    LOCAL = "local"  # received at this unit with HCC Desktop
    PORTAL = "portal"  # imported from the national / provincial portal (import-online)
    BACKLOG = "backlog"  # open dossier carried over from an earlier system (backlog import)


class ComplaintChannel(StrEnum):
    """How a complaint or petition (phản ánh, kiến nghị) reached the unit."""

    COUNTER = "counter"
    PHONE = "phone"
    EMAIL = "email"
    PORTAL = "portal"
    LETTER = "letter"
    HOTLINE = "hotline"
    OTHER = "other"


class DocForm(StrEnum):
    """Form of a submitted paper: bản chính, bản chứng thực, bản photo."""

    ORIGINAL = "original"
    CERTIFIED = "certified"
    COPY = "copy"


class IdType(StrEnum):
    CCCD = "cccd"
    CMND = "cmnd"
    PASSPORT = "passport"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class FeeMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    EXEMPT = "exempt"


class ResultDelivery(StrEnum):
    """Where the citizen registered to receive the result (field 6 of Mẫu 01)."""

    COUNTER = "counter"
    POSTAL = "postal"


class PaperSize(StrEnum):
    A4 = "A4"
    A5 = "A5"


class DossierStatus(IntEnum):
    """National portal status codes (TrangThaiHoSo)."""

    NEW = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    NOT_ACCEPTED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    FINANCIAL_OBLIGATION = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    PROCESSED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


class Action(StrEnum):
    """What an officer can do to a dossier after intake (CLI spelling)."""

    HANDOVER = "handover"  # giao hồ sơ cho bộ phận chuyên môn (or on to another)
    REQUEST_SUPPLEMENT = "request-supplement"
    SUPPLEMENT_RECEIVED = "supplement-received"
    REQUEST_PAYMENT = "request-payment"
    PAYMENT_RECEIVED = "payment-received"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"
    STOP = "stop"
    FINISH = "finish"  # the department hands the result back: processed
    RETURN = "return"  # the result is handed to the citizen


class Timeliness(StrEnum):
    """On-time classification (trước hạn / đúng hạn / quá hạn)."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"


class Satisfaction(IntEnum):
    """Rating values of DOMAIN §5."""

    VERY_SATISFIED = 3  # Rất hài lòng
    SATISFIED = 2  # Hài lòng
    NOT_SATISFIED = 1  # Không hài lòng


class ReturnMethod(StrEnum):
    """How the result reached the citizen."""

    COUNTER = "counter"
    POSTAL = "postal"
    HOME = "home"


# --- catalog -----------------------------------------------------------------


@dataclass(frozen=True)
class Fee:
    """One fee or charge of a procedure, in integer đồng.

    ``unit`` says what the amount is per: ``dossier``, ``copy``, ``page``.
    ``amount`` 0 with a note means "set by the province" or free.
    Tiered rates (copy certification: 2.000 đ a page for pages 1–2, 1.000 đ
    from page 3, at most 200.000 đ a copy) are consecutive fees of one unit:
    ``first_units`` limits a tier to that many units (0 = all the rest) and
    ``max_total`` caps the unit's total for one copy (0 = no cap).
    """

    name: str
    amount: int
    unit: str = "dossier"
    note: str = ""
    first_units: int = 0
    max_total: int = 0


@dataclass(frozen=True)
class ComponentSpec:
    """One line of a procedure's checklist (thành phần hồ sơ)."""

    id: str
    name: str
    originals: int = 0
    certified: int = 0
    copies: int = 0
    required: bool = True
    condition: str = ""  # when a conditional component is needed
    reusable: bool = False  # a digitised document already held can replace it
    position: int = 0


@dataclass(frozen=True)
class Procedure:
    code: str  # national TTHC code, e.g. "1.001193"
    name: str
    field: str  # lĩnh vực
    processing_days: int  # working days; 0 = same day (15:00 rule)
    components: tuple[ComponentSpec, ...] = ()
    processing_days_alt: int | None = None  # e.g. when verification is needed
    processing_alt_note: str = ""
    fees: tuple[Fee, ...] = ()
    fee_note: str = ""
    result: str = ""
    legal_basis: str = ""
    online_level: str = ""  # "full" | "partial" (dịch vụ công trực tuyến)
    active: bool = True
    short_name: str = ""  # e.g. "Chứng thực bản sao", for lists and the tracking book
    # Whether the procedure bears a fee or charge (for the "paid online" rate).
    # None when built = derived from ``fees`` (some fee > 0); always a bool after.
    bears_fee: bool | None = None

    def __post_init__(self) -> None:
        if self.bears_fee is None:
            object.__setattr__(self, "bears_fee", any(f.amount > 0 for f in self.fees))

    @property
    def display_name(self) -> str:
        """The short name, or the full name when the catalog gives none."""
        return self.short_name.strip() or self.name

    @property
    def default_fee(self) -> int:
        """Fee for one copy of one page: what a simple dossier costs."""
        return self.fee_for()

    @property
    def fee_varies(self) -> bool:
        """Whether the fee depends on the number of pages or copies."""
        return any(f.amount > 0 and f.unit in ("page", "copy") for f in self.fees)

    def fee_for(self, *, pages: int = 1, copies: int = 1) -> int:
        """The fee in đồng for ``copies`` copies of a ``pages``-page paper."""
        total = sum(f.amount for f in self.fees if f.unit == "dossier")
        total += sum(f.amount for f in self.fees if f.unit == "copy") * copies
        page_fees = [f for f in self.fees if f.unit == "page"]
        if page_fees:
            per_copy, left = 0, pages
            for f in page_fees:
                n = min(left, f.first_units) if f.first_units else left
                per_copy += n * f.amount
                left -= n
            cap = max(f.max_total for f in page_fees)
            total += (min(per_copy, cap) if cap else per_copy) * copies
        return total


# --- people and dossiers -----------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A validated, NFC-normalised applicant (chủ hồ sơ) or submitter (người nộp)."""

    full_name: str
    id_type: IdType
    id_number: str
    date_of_birth: date | None
    phone: str  # normalised to the national form 0xxxxxxxxx
    address: str
    email: str = ""
    gender: Gender | None = None
    id_issued_on: date | None = None


@dataclass(frozen=True)
class ReceivedComponent:
    """A component as actually received at the counter."""

    component_id: str | None  # catalog ComponentSpec.id; None for an extra paper
    name: str
    form: DocForm
    count: int = 1
    reused_digital: bool = False  # replaced by a digitised document already held
    # Scanned at intake (số hóa). None = not recorded (dossiers from before 0006).
    digitised: bool | None = None


@dataclass(frozen=True)
class UnitInfo:
    """The receiving unit and this device, as printed on the legal forms."""

    unit_code: str  # e.g. "000.17.22.H56"
    unit_name: str  # e.g. "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc"
    parent_body: str = ""  # e.g. "UBND PHƯỜNG HOÀI NHƠN BẮC"
    place_name: str = ""  # địa danh for "…, ngày … tháng … năm …"
    public_lookup_url: str = ""  # e.g. "https://dichvucong.example.gov.vn/tra-cuu?ma={code}"
    device_id: str = ""
    device_name: str = ""
    device_slot: int = 0
    phone: str = ""


@dataclass(frozen=True)
class Dossier:
    id: str  # UUID generated on the device
    code: str  # <unit>-<YYMMDD>-<NNNN>
    unit_code: str
    procedure_code: str
    procedure_name: str
    procedure_field: str
    status: DossierStatus
    channel: Channel
    received_at: datetime
    clock_start_at: datetime
    due_at: datetime
    processing_days: int
    owner: Person
    submitter: Person | None
    components: tuple[ReceivedComponent, ...]
    sets_count: int = 1
    fee_amount: int = 0
    fee_method: FeeMethod | None = None
    result_delivery: ResultDelivery = ResultDelivery.COUNTER
    received_by: str = ""
    book_no: str = ""
    order_no: int = 0
    note: str = ""
    device_id: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1
    # Lifecycle state (issue 3). ``due_at`` is the current appointment: the
    # original one moved by supplement waiting time; ``original_due_at`` is
    # what the receipt promised.
    original_due_at: datetime | None = None
    holder: str = ""  # who has the dossier now (after a hand-over)
    supplement_count: int = 0
    waiting_since: datetime | None = None  # clock stopped since (status 5)
    ended_at: datetime | None = None  # first terminal event
    timeliness: Timeliness | None = None  # fixed when the dossier ends
    proposed_due_at: datetime | None = None  # new appointment of an apology (Mẫu 04)
    returned_at: datetime | None = None
    server_rev: int | None = None  # last server revision seen (sync)
    # Report data (0006). None = not recorded (dossiers from before the change).
    paid_online: bool | None = None  # fee paid online (DuocThanhToanTrucTuyen)
    e_result: bool | None = None  # result issued electronically
    origin: DossierOrigin = DossierOrigin.LOCAL

    @property
    def changes(self) -> Changes:
        """What storing this dossier changed (a mutating call returned it): itself."""
        return Changes.of_dossiers(self.id)


@dataclass(frozen=True)
class Collector:
    """Who collected the result: the applicant or an authorised person."""

    full_name: str
    id_number: str
    authorised: bool = False  # True: not the applicant (giấy ủy quyền)
    phone: str = ""


@dataclass(frozen=True)
class Rating:
    """A citizen's satisfaction rating of one dossier (DOMAIN §5)."""

    id: str
    dossier_id: str
    convenience: Satisfaction  # mức độ thuận tiện
    overall: Satisfaction  # đánh giá tổng thể
    criteria: dict[str, int] = field(default_factory=dict)
    comment: str = ""
    rated_by: str = ""  # "citizen" or the officer's name when the officer fills it in
    by_citizen: bool = True
    rated_at: datetime | None = None

    @property
    def changes(self) -> Changes:
        """What storing this rating changed: its dossier."""
        return Changes.of_dossiers(self.dossier_id)


@dataclass(frozen=True)
class DossierEvent:
    """One entry of a dossier's append-only history."""

    id: str
    dossier_id: str
    kind: str  # "received", later "handover", "supplement_requested", …
    at: datetime  # local time the action happened
    actor: str
    from_status: DossierStatus | None
    to_status: DossierStatus | None
    reason: str = ""
    data: dict[str, object] = field(default_factory=dict)
    device_id: str = ""


@dataclass(frozen=True)
class Complaint:
    """One entry of the complaints register (sổ phản ánh, kiến nghị)."""

    id: str
    unit_code: str
    received_at: datetime  # local wall time
    channel: ComplaintChannel
    content: str
    due_at: datetime  # handling deadline: received + N working days (setting)
    dossier_id: str | None = None
    dossier_code: str | None = None  # for display; not stored
    officer: str = ""  # the officer the complaint is about, may be empty
    resolved_at: datetime | None = None
    resolution: str = ""  # how it was handled
    resolved_by: str = ""
    device_id: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 1

    @property
    def changes(self) -> Changes:
        """What storing this complaint changed (a mutating call returned it): itself."""
        return Changes(complaints=(self.id,))


@dataclass(frozen=True)
class MissingComponent:
    """A checklist line the citizen still has to bring (for Mẫu 02)."""

    name: str
    originals: int = 0
    certified: int = 0
    copies: int = 0
    note: str = ""

    @classmethod
    def typed(cls, name: str, form: DocForm = DocForm.COPY, note: str = "") -> MissingComponent:
        """One paper typed as free text, counted in the column of its ``form``
        (a photocopy unless told otherwise)."""
        form = DocForm(form)
        return cls(
            name=name,
            originals=int(form == DocForm.ORIGINAL),
            certified=int(form == DocForm.CERTIFIED),
            copies=int(form == DocForm.COPY),
            note=note,
        )


@dataclass(frozen=True)
class SupplementGuidance:
    """Content of Mẫu 02 printed at intake when required papers are missing."""

    applicant: Person
    procedure_code: str
    procedure_name: str
    missing: tuple[MissingComponent, ...]
    reason: str
    guided_by: str
    guided_at: datetime
    officer_phone: str = ""
    lookup_hint: str = ""  # where to look up the procedure's rules
    dossier_code: str = ""  # printed when the dossier exists (a request after intake)


@dataclass(frozen=True)
class OfficeHours:
    """Office intervals of a working day; 8 working hours by default."""

    intervals: tuple[tuple[time, time], ...] = (
        (time(7, 0), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )
    same_day_cutoff: time = time(15, 0)


@dataclass(frozen=True)
class CalendarOverride:
    """A day off (``off``) or a make-up working day (``work``) on top of the law.

    ``status`` is ``confirmed`` or ``to_confirm``: a day no document (or only the
    ``holidays`` package) supports is applied but flagged until an administrator confirms
    or removes it. ``source`` cites the document (number and date).
    """

    day: date
    kind: str  # "off" | "work"
    note: str = ""
    status: str = "confirmed"  # "confirmed" | "to_confirm"
    source: str = ""

    @property
    def to_confirm(self) -> bool:
        return self.status == "to_confirm"
