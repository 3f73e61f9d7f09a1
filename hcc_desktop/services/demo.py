"""Realistic synthetic dossiers for trying the app and for benchmarks."""

from __future__ import annotations

import json
import math
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from hcc_desktop.core.accounts import SYSTEM_OFFICER
from hcc_desktop.core.clock import local_now, local_today
from hcc_desktop.core.domain import Channel, DocForm, DossierStatus, Procedure
from hcc_desktop.core.errors import CodeSpaceExhausted
from hcc_desktop.core.identity import PROVINCE_CODES
from hcc_desktop.core.lifecycle import classify
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.db.models import (
    DossierComponentRow,
    DossierEventRow,
    DossierRow,
    RatingRow,
)
from hcc_desktop.services.audit.stamp import EventChain
from hcc_desktop.services.dossiers.codes import next_code
from hcc_desktop.services.dossiers.query import search_text
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import MAX_DEVICE_SLOT

FAMILY = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Huỳnh", 5), ("Hoàng", 3),
    ("Phan", 4), ("Vũ", 3), ("Võ", 4), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.5), ("Hồ", 1.5),
    ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.5), ("Trương", 1), ("Đinh", 0.8), ("Lâm", 0.6),
]  # fmt: skip
MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Ngọc", "Anh"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Thị Thu", "Hồng", "Diệu", "Bảo"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Hải",
    "Hiếu",
    "Hùng",
    "Khang",
    "Long",
    "Minh",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tài",
    "Thắng",
    "Trung",
    "Tuấn",
    "Việt",
]
GIVEN_F = [
    "Anh",
    "Chi",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Mai",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quỳnh",
    "Thảo",
    "Trang",
    "Tuyết",
    "Yến",
]
STREETS = [
    "Quang Trung",
    "Trần Hưng Đạo",
    "Lê Lợi",
    "Nguyễn Huệ",
    "Hai Bà Trưng",
    "Phạm Hùng",
    "Bạch Đằng",
    "Lý Thường Kiệt",
    "Võ Thị Sáu",
    "Nguyễn Văn Cừ",
]
QUARTERS = [f"khu phố {n}" for n in range(1, 33)]
MOBILE = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "056",
    "058",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "093",
    "094",
    "096",
    "097",
    "098",
]
# Relative weight of each procedure at a ward counter (certification dominates).
PROCEDURE_WEIGHT = {
    "2.000815": 40,
    "2.000884": 12,
    "1.001193": 8,
    "2.000635": 8,
    "1.004873": 6,
    "1.000656": 3,
    "1.000894": 3,
    "2.001035": 5,
    "1.004222": 6,
    "1.001612": 2,
    "1.004859": 2,
    "1.012753": 3,
}
CHANNELS = [
    (Channel.COUNTER, 90),
    (Channel.SATURDAY_SESSION, 5),
    (Channel.HOME_VISIT, 3),
    (Channel.POSTAL, 2),
]
OFFICERS = ["Trần Thị Bình", "Lê Văn Hòa", "Nguyễn Thị Mai", "Phạm Minh Tuấn"]
# Specialist officers the counter hands dossiers to, by field (lĩnh vực) keyword.
SPECIALISTS = {
    "hộ tịch": "Võ Thị Lan (Tư pháp - Hộ tịch)",
    "chứng thực": "Đặng Văn Sơn (Tư pháp - Chứng thực)",
    "đất đai": "Huỳnh Minh Khang (Kinh tế - Hạ tầng)",
    "cư trú": "Bùi Quốc Việt (Công an phường)",
    "kinh doanh": "Ngô Thị Hạnh (Kinh tế)",
}
DEFAULT_SPECIALIST = "Phan Thanh Long (Văn phòng HĐND-UBND)"
DEMO_REASONS = {
    "supplement_requested": "Thiếu giấy tờ chứng minh theo quy định",
    "refused": "Hồ sơ không thuộc thẩm quyền giải quyết",
    "withdrawn": "Công dân có đơn xin rút hồ sơ",
    "stopped": "Phát sinh tranh chấp, cần xác minh thêm",
}


# The open workload a counter has on any morning (issue 9 item 14): the dossiers of the
# last working days take these fates in turn (None: the ordinary simulated life).
RECENT_WORKING_DAYS = 10
MIN_RECENT = 16
WORKLOAD_CYCLE: tuple[str | None, ...] = ("open", "ready", "late", "waiting", "open", None, None)


@dataclass(frozen=True)
class DemoResult:
    created: int
    first_day: date
    last_day: date


class DemoService:
    """``services.demo``: synthetic dossiers in this store, the administrator's (the
    CLI's ``demo``). ``generate`` below is the same work for tests and benchmarks that
    build their own store."""

    def __init__(self, services: Any, *, session: OfficerSession | None = None) -> None:
        self._services = services
        self._session = session

    @guarded("demo.generate")
    def generate(self, *, count: int, **options: Any) -> DemoResult:
        """Insert ``count`` synthetic dossiers (``options``: those of ``generate``)."""
        return generate(self._services, count=count, **options)


def _weighted(rng: random.Random, items: Sequence[tuple[Any, float]]) -> Any:
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def _person(rng: random.Random, today: date) -> dict[str, Any]:
    male = rng.random() < 0.5
    name = " ".join(
        [
            _weighted(rng, FAMILY),
            rng.choice(MIDDLE_M if male else MIDDLE_F),
            rng.choice(GIVEN_M if male else GIVEN_F),
        ]
    )
    dob = today - timedelta(days=rng.randint(18 * 365, 85 * 365))
    province = "052" if rng.random() < 0.8 else rng.choice(list(PROVINCE_CODES))
    century = (dob.year // 100) - 19
    digit = century * 2 + (0 if male else 1)
    cccd = f"{province}{digit}{dob.year % 100:02d}{rng.randrange(10**6):06d}"
    phone = rng.choice(MOBILE) + f"{rng.randrange(10**7):07d}"
    address = (
        f"Số {rng.randint(1, 300)}, đường {rng.choice(STREETS)}, {rng.choice(QUARTERS)}, "
        "phường Hoài Nhơn Bắc, tỉnh Gia Lai"
    )
    return {
        "owner_name": name,
        "owner_id_type": "cccd",
        "owner_id_number": cccd,
        "owner_dob": dob,
        "owner_gender": "male" if male else "female",
        "owner_phone": phone,
        "owner_address": address,
        "owner_email": "",
    }


def generate(
    services: Any,
    *,
    count: int,
    seed: int = 2026,
    end_day: date | None = None,
    months: int | None = None,
    batch: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> DemoResult:
    """Insert ``count`` dossiers received on the working days before ``end_day``.

    The load is spread evenly over the days, like a real counter's, and the dossiers of
    the last working days are left as a working morning finds them: some overdue, due
    today or soon, waiting for a supplement, ready to return.

    Codes are allocated like an intake's (``codes.next_code``), inside the transaction
    that inserts the dossiers, starting at this device's slot and spilling into the next
    slots only when a day is full: demo data next to live intakes never collides.
    """
    rng = random.Random(seed)
    flag_rng = random.Random(seed + 11)  # report flags: the main sequence stays as it was
    end_day = end_day or local_today()
    now_local = (now or local_now()).replace(second=0, microsecond=0)
    latest = now_local if end_day >= now_local.date() else datetime.combine(end_day, time(23, 59))
    settings = services.settings.load()
    calendar = services.settings.calendar()
    procedures: list[Procedure] = [
        p for p in services.catalog.list() if p.code in PROCEDURE_WEIGHT
    ] or services.catalog.list()
    proc_weights = [(p, PROCEDURE_WEIGHT.get(p.code, 1)) for p in procedures]
    if months is None:
        months = 6 if count <= 20_000 else max(6, math.ceil(count / 2000 / 21))
    start = end_day - timedelta(days=months * 30)
    days = []
    d = start
    while d <= end_day:
        if calendar.is_working_day(d) or d.weekday() == 5:
            days.append(d)
        d += timedelta(days=1)
    # Spread the dossiers over the days, a little uneven like a real counter; Saturday
    # sessions are smaller. The last working days always hold a morning's workload.
    weights = [
        (0.3 if not calendar.is_working_day(d) else 1.0) * rng.uniform(0.7, 1.3) for d in days
    ]
    per_day = [0] * len(days)
    for i in rng.choices(range(len(days)), weights=weights, k=count):
        per_day[i] += 1
    recent_from = _recent_start(calendar, end_day)
    recent = [i for i, d in enumerate(days) if d >= recent_from and calendar.is_working_day(d)]
    wanted = min(count, MIN_RECENT)
    while recent and sum(per_day[i] for i in recent) < wanted:
        older = max(
            (i for i in range(len(days)) if i not in recent and per_day[i]),
            key=lambda i: per_day[i],
            default=None,
        )
        if older is None:
            break
        per_day[older] -= 1
        per_day[rng.choice(recent)] += 1
    now_utc = datetime.now(UTC)
    cycle = 0
    pending: list[tuple[dict[str, Any], dict[str, Any], date]] = []
    created = 0
    dossiers: list[dict[str, Any]] = []
    components: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []

    def flush() -> None:
        if not dossiers:
            return
        with services.db.write() as s:
            for dossier, received_event, day_of in pending:
                code = _allocate(s, settings.unit_code, day_of, settings.device_slot)
                dossier["code"] = code
                dossier["search_text"] = search_text(
                    code=code,
                    owner_name=dossier["owner_name"],
                    owner_id_number=dossier["owner_id_number"],
                    owner_phone=dossier["owner_phone"],
                    procedure_code=dossier["procedure_code"],
                    procedure_name=dossier["procedure_name"],
                )
                received_event["data_json"] = json.dumps({"code": code, "demo": True})
            s.flush()
            s.execute(insert(DossierRow), dossiers)
            s.execute(insert(DossierComponentRow), components)
            chain = EventChain(s)
            by_id = {dossier["id"]: dossier for dossier in dossiers}
            for dossier_id in by_id:
                chain.start_dossier(dossier_id)
            for event in events:
                chain.stamp(event, by_id.get(event["dossier_id"]))
            s.execute(insert(DossierEventRow), events)
            if ratings:
                s.execute(insert(RatingRow), ratings)
        pending.clear()
        dossiers.clear()
        components.clear()
        events.clear()
        ratings.clear()
        if progress:
            progress(created, count)

    for day, n in zip(days, per_day, strict=True):
        saturday = day.weekday() == 5 and not calendar.is_working_day(day)
        for _ in range(n):
            if saturday:
                channel = Channel.SATURDAY_SESSION
                at = datetime.combine(day, time(rng.randint(7, 10), rng.randrange(60)))
            else:
                channel = _weighted(rng, CHANNELS)
                if channel is Channel.SATURDAY_SESSION:
                    channel = Channel.COUNTER
                if day >= recent_from and cycle % 5 == 2:
                    # The recent workload shows the other channels too.
                    channel = rng.choice((Channel.HOME_VISIT, Channel.POSTAL))
                morning = rng.random() < 0.6
                hour = rng.randint(7, 10) if morning else rng.randint(13, 16)
                minute = rng.randrange(60) if hour not in (13,) else rng.randint(30, 59)
                at = datetime.combine(day, time(hour, minute))
            if at > latest:
                at = latest  # no dossier received later than now
            p: Procedure = _weighted(rng, proc_weights)
            person = _person(rng, end_day)
            due = calendar.due_at(at, p.processing_days, channel)
            dossier_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            officer = rng.choice(OFFICERS)
            fee = p.default_fee
            force: str | None = None
            if day >= recent_from:
                force = WORKLOAD_CYCLE[cycle % len(WORKLOAD_CYCLE)]
                cycle += 1
            life = _simulate(
                rng, calendar, p, at, due, officer, person["owner_name"], latest, force
            )
            dossier: dict[str, Any] = {
                "id": dossier_id,
                "code": "",
                "unit_code": settings.unit_code,
                "device_id": settings.device_id,
                "procedure_code": p.code,
                "procedure_name": p.name,
                "procedure_field": p.field,
                "channel": channel.value,
                "received_at": at,
                "clock_start_at": calendar.clock_start(at, channel),
                "due_at": due,
                "processing_days": p.processing_days,
                **person,
                "submitter_json": None,
                "sets_count": 1,
                "fee_amount": fee,
                "fee_method": "cash" if fee else None,
                "result_delivery": "counter",
                "received_by": officer,
                "book_no": f"01/{day.year}",
                "order_no": 0,
                "note": "",
                "search_text": "",
                "created_at": now_utc,
                "updated_at": now_utc,
                "version": 1 + len(life.events),
                **life.row,
            }
            dossiers.append(dossier)
            first_line = len(components)
            for i, c in enumerate(x for x in p.components if x.required):
                form = (
                    DocForm.ORIGINAL
                    if c.originals
                    else DocForm.CERTIFIED
                    if c.certified
                    else DocForm.COPY
                )
                components.append(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "dossier_id": dossier_id,
                        "position": i,
                        "component_id": c.id,
                        "name": c.name,
                        "form": form.value,
                        "count": max(1, c.originals or c.certified or c.copies),
                        "reused_digital": False,
                    }
                )
            report_flags(flag_rng, p, dossier, components[first_line:])
            received_event: dict[str, Any] = {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "dossier_id": dossier_id,
                "kind": "received",
                "at": at,
                "actor": officer,
                "from_status": None,
                "to_status": int(DossierStatus.RECEIVED),
                "reason": "",
                "data_json": "",
                "device_id": settings.device_id,
                "recorded_at": now_utc,
            }
            events.append(received_event)
            pending.append((dossier, received_event, day))
            for kind, when, actor, before, after, reason, data in life.events:
                events.append(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "dossier_id": dossier_id,
                        "kind": kind,
                        "at": when,
                        "actor": actor,
                        "from_status": before,
                        "to_status": after,
                        "reason": reason,
                        "data_json": json.dumps(data, ensure_ascii=False),
                        "device_id": settings.device_id,
                        "recorded_at": now_utc,
                    }
                )
            if life.rating is not None:
                ratings.append(
                    {
                        "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        "dossier_id": dossier_id,
                        **life.rating,
                        "device_id": settings.device_id,
                        "recorded_at": now_utc,
                    }
                )
            created += 1
            if len(dossiers) >= batch:
                flush()
    flush()
    demo_complaints(services, flag_rng, days, latest)
    return DemoResult(created, days[0], days[-1])


def _recent_start(calendar: WorkCalendar, end_day: date) -> date:
    """The first of the last ``RECENT_WORKING_DAYS`` working days up to ``end_day``."""
    day = end_day
    seen = 1 if calendar.is_working_day(day) else 0
    while seen < RECENT_WORKING_DAYS:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            seen += 1
    return day


def _allocate(session: Session, unit_code: str, day: date, first_slot: int) -> str:
    """The next code of ``day`` exactly as an intake takes it; a full day moves on to
    the next slots (a demo of thousands a day is beyond one device's block)."""
    for slot in range(first_slot, MAX_DEVICE_SLOT + 1):
        try:
            return next_code(session, unit_code=unit_code, day=day, device_slot=slot)
        except CodeSpaceExhausted:
            continue
    raise CodeSpaceExhausted(day=str(day), device_slot=MAX_DEVICE_SLOT)


# -- report data (issue 11): kept apart from the lifecycle simulation ---------------------

COMPLAINTS = [
    ("Chờ đợi lâu tại quầy tiếp nhận", "counter"),
    ("Hồ sơ trả kết quả chậm hơn ngày hẹn", "hotline"),
    ("Cán bộ hướng dẫn chưa rõ thành phần hồ sơ", "portal"),
    ("Đề nghị bố trí thêm ghế chờ", "letter"),
    ("Không nhận được tin nhắn báo kết quả", "phone"),
]


def report_flags(
    rng: random.Random, p: Procedure, row: dict[str, Any], lines: list[dict[str, Any]]
) -> None:
    """Fill the report flags of one demo dossier realistically: digitised ~95 %
    of papers, reused ~60 % of reusable ones, paid online ~85 % of fee-bearing
    dossiers, some online-channel dossiers (filed on the portal) and
    electronic results for part of the finished ones."""
    if p.online_level and row["channel"] == Channel.COUNTER.value and rng.random() < 0.15:
        row["channel"] = Channel.ONLINE.value
        row["origin"] = "portal"
    else:
        row["origin"] = "local"
    reusable = {c.id for c in p.components if c.reusable}
    for line in lines:
        line["digitised"] = rng.random() < 0.95
        line["reused_digital"] = line["component_id"] in reusable and rng.random() < 0.6
    row["paid_online"] = bool(p.bears_fee) and rng.random() < 0.85
    finished = row.get("status") in (int(DossierStatus.PROCESSED), int(DossierStatus.RETURNED))
    row["e_result"] = finished and rng.random() < 0.4


def demo_complaints(services: Any, rng: random.Random, days: list[date], latest: datetime) -> None:
    """A few complaints over the period, most of them handled."""
    if not days:
        return
    session = services.session
    if session.officer is None:
        # Demo data made with nobody logged in (a test's store): the app's own officer,
        # for the complaints register's role check, and for this call only.
        session.log_in(SYSTEM_OFFICER)
        try:
            _demo_complaints(services, rng, days, latest)
        finally:
            session.log_out()
    else:
        _demo_complaints(services, rng, days, latest)


def _demo_complaints(services: Any, rng: random.Random, days: list[date], latest: datetime) -> None:
    for i, (content, channel) in enumerate(COMPLAINTS):
        day = days[min(int(rng.random() * len(days)), len(days) - 1)]
        at = min(datetime.combine(day, time(rng.randint(8, 15), rng.randrange(60))), latest)
        c = services.complaints.add(content=content, channel=channel, received_at=at)
        handled = at + timedelta(days=rng.randint(1, 12))
        if handled <= latest and rng.random() < 0.8:
            # Synthetic history: resolved by the demo's officers, like its dossiers' events.
            services.complaints.resolve(
                c.id,
                resolution="Đã tiếp thu, trao đổi và giải thích với công dân",
                at=handled,
                resolved_by=OFFICERS[i % len(OFFICERS)],
            )


S = DossierStatus
_Event = tuple[str, datetime, str, int, int, str, dict[str, Any]]


@dataclass
class _Life:
    row: dict[str, Any]
    events: list[_Event]
    rating: dict[str, Any] | None


def _moment(rng: random.Random, calendar: WorkCalendar, day: date, after: datetime) -> datetime:
    """A time inside office hours on ``day`` (or the next working day), after ``after``."""
    for _ in range(10):
        if not calendar.is_working_day(day):
            day = calendar.next_working_day(day)
        morning = rng.random() < 0.55
        t = (
            time(rng.randint(7, 10), rng.randrange(60))
            if morning
            else time(
                rng.randint(13, 16),
                rng.randrange(30, 60) if rng.random() < 0.2 else rng.randrange(60),
            )
        )
        moment = datetime.combine(day, t)
        if moment > after:
            return moment
        day = calendar.next_working_day(day)
    return after + timedelta(minutes=30)


def _simulate(
    rng: random.Random,
    calendar: WorkCalendar,
    p: Procedure,
    received: datetime,
    due: datetime,
    officer: str,
    owner: str,
    latest: datetime,
    force: str | None = None,
) -> _Life:
    """A plausible life for a demo dossier up to ``latest`` (now): hand-over,
    sometimes a supplement request, the result on time (about 98%) or late,
    the citizen collecting it, sometimes a refusal, withdrawal or stop.

    ``force`` leaves a recent dossier in the state a morning finds it: "open" (still
    being processed), "late" (not finished, whatever its appointment), "waiting" (a
    supplement asked and not brought yet), "ready" (processed, not collected)."""
    field = p.field.lower()
    specialist = next((v for k, v in SPECIALISTS.items() if k in field), DEFAULT_SPECIALIST)
    events: list[_Event] = []
    row: dict[str, Any] = {
        "status": int(S.RECEIVED),
        "original_due_at": due,
        "holder": "",
        "supplement_count": 0,
        "waiting_since": None,
        "resume_status": None,
        "ended_at": None,
        "timeliness": None,
        "proposed_due_at": None,
        "returned_at": None,
    }
    status = S.RECEIVED
    last = received

    def step(kind: str, when: datetime, actor: str, to: S, reason: str = "", **data: Any) -> bool:
        nonlocal status, last
        if when > latest:
            return False
        events.append((kind, when, actor, int(status), int(to), reason, data))
        status, last = to, when
        return True

    def end(kind: str, when: datetime, actor: str, to: S, reason: str = "", **data: Any) -> bool:
        verdict = classify(due=row_due[0], ended=when, supplement_count=row["supplement_count"])
        value = verdict.value if verdict else None
        # The ending event records the verdict, as the lifecycle service's does.
        if not step(kind, when, actor, to, reason, **data, timeliness=value):
            return False
        row.update(ended_at=when, timeliness=value)
        return True

    row_due = [due]
    same_day = p.processing_days == 0
    if not same_day:
        hand = received + timedelta(minutes=rng.randint(20, 150))
        hand = hand if calendar.is_office_time(hand) else _moment(rng, calendar, hand.date(), hand)
        if not step("handed_over", hand, officer, S.PROCESSING, giver=officer, receiver=specialist):
            return _Life(row | {"status": int(status)}, events, None)
        row["holder"] = specialist
    if force in ("open", "late"):
        return _Life(row | {"status": int(status)}, events, None)
    fate = rng.random()
    if force == "waiting":
        fate = 0.98  # exactly one supplement request
    elif force == "ready":
        fate = 0.5  # no supplement, no refusal
    if fate < 0.017 and not same_day:
        kind, to = (
            ("refused", S.NOT_ACCEPTED)
            if fate < 0.01
            else ("withdrawn", S.WITHDRAWN)
            if fate < 0.015
            else ("stopped", S.STOPPED)
        )
        when = _moment(rng, calendar, calendar.next_working_day(last.date()), last)
        end(kind, when, officer, to, DEMO_REASONS[kind])
        return _Life(row | {"status": int(status)}, events, None)
    supplements = 2 if fate > 0.997 else 1 if fate > 0.965 else 0
    for _ in range(supplements):
        resume = status
        asked = _moment(rng, calendar, last.date(), last)
        if not step(
            "supplement_requested",
            asked,
            specialist if not same_day else officer,
            S.SUPPLEMENT_REQUESTED,
            DEMO_REASONS["supplement_requested"],
        ):
            break
        row.update(supplement_count=row["supplement_count"] + 1, waiting_since=asked)
        row["resume_status"] = int(resume)
        brought = _moment(
            rng, calendar, calendar.add_working_days(asked.date(), rng.randint(1, 3)), asked
        )
        if force == "waiting":
            brought = latest + timedelta(days=1)  # the citizen has not come back yet
        waited = calendar.working_days_between(asked.date(), brought.date())
        new_due = datetime.combine(
            calendar.add_working_days(row_due[0].date(), waited), row_due[0].time()
        )
        if not step("supplement_received", brought, officer, resume, waited_days=waited):
            break
        row_due[0] = new_due
        row.update(waiting_since=None, resume_status=None)
    if status is S.SUPPLEMENT_REQUESTED:
        return _Life(row | {"status": int(status), "due_at": row_due[0]}, events, None)
    # When the result is ready: usually on or before the appointment, sometimes late.
    late = rng.random() < 0.018
    target = row_due[0].date()
    if late:
        target = calendar.add_working_days(target, rng.randint(1, 5))
    elif not same_day and rng.random() < 0.7:
        earlier = max(0, p.processing_days - 1)
        back = rng.randint(0, earlier)
        for _ in range(back):
            prev = target - timedelta(days=1)
            while not calendar.is_working_day(prev):
                prev -= timedelta(days=1)
            if prev <= last.date():
                break
            target = prev
    finished = _moment(rng, calendar, target, last)
    if same_day and finished.date() > row_due[0].date() and not late:
        finished = max(last + timedelta(minutes=20), row_due[0] - timedelta(minutes=40))
    if force == "ready" and finished > latest:
        # Processed already (before now), waiting for the citizen to collect it.
        finished = max(last + timedelta(minutes=1), latest - timedelta(minutes=rng.randint(5, 90)))
    giver = specialist if not same_day else officer
    if not end("processed", finished, giver, S.PROCESSED, giver=giver, receiver=officer):
        return _Life(row | {"status": int(status), "due_at": row_due[0]}, events, None)
    row["holder"] = officer
    pickup_day = calendar.add_working_days(finished.date(), rng.choice((0, 0, 0, 1, 1, 2, 3)))
    returned = _moment(rng, calendar, pickup_day, finished)
    if force == "ready":
        returned = latest + timedelta(days=1)  # not collected yet
    rating = None
    collector = {"full_name": owner, "authorised": False}
    if step("returned", returned, officer, S.RETURNED, collector=collector, method="counter"):
        row["returned_at"] = returned
        if rng.random() < 0.5:
            value = 3 if rng.random() < 0.82 else 2 if rng.random() < 0.9 else 1
            rating = {
                "convenience": value,
                "overall": value,
                "criteria_json": "{}",
                "comment": "",
                "rated_by": "citizen",
                "by_citizen": True,
                "rated_at": returned + timedelta(minutes=2),
            }
    return _Life(row | {"status": int(status), "due_at": row_due[0]}, events, rating)
