"""Saturday sessions with known figures, for the reports' tests (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hcc_desktop.core.domain import Collector, FeeMethod, Satisfaction
from hcc_desktop.core.lifecycle import Action
from hcc_desktop.services import Services
from tests.conftest import FakeClock, birth_draft, marriage_status_draft

SATURDAY = date(2026, 11, 28)
NEXT_SATURDAY = SATURDAY + timedelta(days=7)


@dataclass(frozen=True)
class HeldSessions:
    """What the sessions did, as the test made it."""

    ids: tuple[str, str, str]  # Khu phố 3 on the 28th, Khu phố 5 on the 28th, Khu phố 3 a week on
    fee: int  # the marriage status certificate's fee, paid once at the first session
    codes: dict[str, list[str]]  # session id -> the codes of the dossiers received there


def hold_sessions(services: Services, clock: FakeClock) -> HeldSessions:
    """Three sessions on two Saturdays (two quarters): 2 + 1 + 1 dossiers, one
    fee, two results returned and two ratings (at the first session)."""
    field = services.field.sessions

    def plan(quarter: str, day: date, start: time = time(7, 30), end: time = time(11, 30)) -> str:
        return field.plan(
            quarter=quarter,
            day=day,
            start=start,
            end=end,
            place="Nhà văn hóa",
            officers=["Trần Thị Bình"],
        ).id

    a = plan("Khu phố 3", SATURDAY)
    b = plan("Khu phố 5", SATURDAY, time(13, 30), time(16, 30))
    c = plan("khu pho 3", NEXT_SATURDAY)
    # A result to hand over at the first session: received and finished before it.
    clock.now = datetime(2026, 11, 24, 10, 0)
    old = [
        services.intake.accept(marriage_status_draft(received_at=datetime(2026, 11, 23, 9, 0)))
        for _ in range(2)
    ]
    for d in old:
        services.lifecycle.transition(d.code, Action.FINISH, at=datetime(2026, 11, 24, 9, 0))
    codes: dict[str, list[str]] = {a: [], b: [], c: []}

    clock.now = datetime.combine(SATURDAY, time(7, 45))
    field.open(a)
    clock.now = datetime.combine(SATURDAY, time(8, 0))
    codes[a].append(services.intake.accept(birth_draft(received_at=clock.now)).code)
    paid = services.intake.accept(
        marriage_status_draft(
            received_at=clock.now, fee_amount=15000, fee_method=FeeMethod.CASH.value
        )
    )
    codes[a].append(paid.code)
    clock.now = datetime.combine(SATURDAY, time(9, 0))
    for d, level in zip(old, (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED), strict=True):
        services.lifecycle.return_result(
            d.code, collector=Collector("Nguyễn Văn An", "079203001234")
        )
        services.lifecycle.rate(d.code, convenience=level, overall=level)
    clock.now = datetime.combine(SATURDAY, time(11, 30))
    field.close(a)

    # One laptop: the second quarter's session after the first one closed.
    clock.now = datetime.combine(SATURDAY, time(13, 30))
    field.open(b)
    codes[b].append(services.intake.accept(birth_draft(received_at=clock.now)).code)
    clock.now = datetime.combine(SATURDAY, time(16, 0))
    field.close(b)

    clock.now = datetime.combine(NEXT_SATURDAY, time(8, 0))
    field.open(c)
    codes[c].append(services.intake.accept(birth_draft(received_at=clock.now)).code)
    clock.now = datetime.combine(NEXT_SATURDAY, time(11, 0))
    field.close(c)
    return HeldSessions((a, b, c), paid.fee_amount, codes)
