"""Dossier lifecycle: transitions, the supplement clock stop, on-time
classification, worklists, reminders, returning results and ratings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from hcc_desktop.core.domain import (
    Action,
    Collector,
    DossierStatus,
    MissingComponent,
    ReturnMethod,
    Satisfaction,
    Timeliness,
)
from hcc_desktop.core.errors import NotFound, TransitionError, ValidationError
from hcc_desktop.core.lifecycle import RULES, classify
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput, WorklistFilter
from tests.conftest import NOW, FakeClock, birth_draft, marriage_status_draft

S = DossierStatus
A = Action

# Details each action needs to be accepted.
NEEDS = {
    A.HANDOVER: {"details": TransitionInput(receiver="Lê Văn Cường", department="Tư pháp")},
    A.REQUEST_SUPPLEMENT: {"reason": "Thiếu giấy chứng sinh"},
    A.REFUSE: {"reason": "Không thuộc thẩm quyền"},
    A.WITHDRAW: {"reason": "Công dân xin rút"},
    A.STOP: {"reason": "Có tranh chấp"},
    A.RETURN: {
        "details": TransitionInput(
            collector=Collector("Nguyễn Văn An", "079203001234"), method=ReturnMethod.COUNTER
        )
    },
}

# How to bring a new dossier (status 2) to each status.
PATHS: dict[DossierStatus, list[Action]] = {
    S.RECEIVED: [],
    S.PROCESSING: [A.HANDOVER],
    S.SUPPLEMENT_REQUESTED: [A.REQUEST_SUPPLEMENT],
    S.FINANCIAL_OBLIGATION: [A.REQUEST_PAYMENT],
    S.NOT_ACCEPTED: [A.REFUSE],
    S.WITHDRAWN: [A.WITHDRAW],
    S.STOPPED: [A.STOP],
    S.PROCESSED: [A.FINISH],
    S.RETURNED: [A.FINISH, A.RETURN],
}


def _do(services: Services, code: str, action: Action, at: datetime | None = None):
    return services.lifecycle.transition(code, action, at=at, **NEEDS.get(action, {}))  # type: ignore[arg-type]


def _to(services: Services, status: DossierStatus) -> str:
    d = services.intake.accept(birth_draft())
    for step in PATHS[status]:
        _do(services, d.code, step)
    assert services.dossiers.get(d.code).status is status
    return d.code


@pytest.mark.parametrize("status", list(PATHS))
@pytest.mark.parametrize("action", list(Action))
def test_every_transition_is_allowed_or_refused(
    services: Services, status: DossierStatus, action: Action
) -> None:
    code = _to(services, status)
    events_before = len(services.dossiers.timeline(services.dossiers.get(code).id))
    if status in RULES[action].allowed_from:
        after = _do(services, code, action)
        assert after.status is not status or action is A.HANDOVER
        timeline = services.dossiers.timeline(after.id)
        assert len(timeline) == events_before + 1
        last = timeline[-1]
        assert (last.from_status, last.actor) == (status, "Trần Thị Bình")
        assert last.to_status is after.status
    else:
        with pytest.raises(TransitionError) as info:
            _do(services, code, action)
        assert info.value.code == "transition_not_allowed"
        assert info.value.params["status"] == int(status)
        # Nothing written.
        assert len(services.dossiers.timeline(services.dossiers.get(code).id)) == events_before


def test_resume_after_waiting_returns_to_the_previous_status(services: Services) -> None:
    code = _to(services, S.PROCESSING)
    _do(services, code, A.REQUEST_SUPPLEMENT)
    assert _do(services, code, A.SUPPLEMENT_RECEIVED).status is S.PROCESSING
    _do(services, code, A.REQUEST_PAYMENT)
    assert _do(services, code, A.PAYMENT_RECEIVED).status is S.PROCESSING
    code2 = _to(services, S.RECEIVED)
    _do(services, code2, A.REQUEST_SUPPLEMENT)
    assert _do(services, code2, A.SUPPLEMENT_RECEIVED).status is S.RECEIVED


def test_reason_and_receiver_are_required(services: Services) -> None:
    code = _to(services, S.RECEIVED)
    with pytest.raises(ValidationError) as info:
        services.lifecycle.transition(code, A.REFUSE, reason="   ")
    assert info.value.for_field("reason") is not None
    with pytest.raises(ValidationError) as info:
        services.lifecycle.transition(code, A.HANDOVER)
    assert info.value.for_field("receiver") is not None
    with pytest.raises(ValidationError) as info:
        services.lifecycle.transition(code, "fly-away")
    assert info.value.for_field("action") is not None
    with pytest.raises(NotFound):
        services.lifecycle.transition("000.17.22.H56-261123-9999", A.FINISH)


def test_an_action_cannot_be_dated_before_the_previous_event(services: Services) -> None:
    code = _to(services, S.RECEIVED)
    with pytest.raises(ValidationError) as info:
        services.lifecycle.transition(code, A.FINISH, at=NOW - timedelta(hours=1))
    assert info.value.for_field("at") is not None


def test_handover_and_back_record_giver_and_receiver(services: Services, clock: FakeClock) -> None:
    code = _to(services, S.RECEIVED)
    clock.now = NOW + timedelta(hours=3)  # both steps entered afterwards, with their times
    services.lifecycle.transition(
        code,
        A.HANDOVER,
        at=NOW + timedelta(minutes=30),
        details=TransitionInput(receiver="Lê Văn Cường", department="Tư pháp - Hộ tịch"),
    )
    d = services.lifecycle.transition(
        code,
        A.FINISH,
        at=NOW + timedelta(hours=3),
        actor="Lê Văn Cường",
        details=TransitionInput(receiver="Trần Thị Bình"),
    )
    timeline = services.dossiers.timeline(d.id)
    handover, finish = timeline[-2], timeline[-1]
    assert handover.data["giver"] == "Trần Thị Bình"
    assert handover.data["receiver"] == "Lê Văn Cường"
    assert handover.data["department"] == "Tư pháp - Hộ tịch"
    assert finish.data["giver"] == "Lê Văn Cường"
    assert finish.data["receiver"] == "Trần Thị Bình"
    assert finish.actor == "Lê Văn Cường"
    assert d.holder == "Trần Thị Bình"


def test_supplement_stops_the_clock(services: Services, clock: FakeClock) -> None:
    # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days.
    d = services.intake.accept(marriage_status_draft())
    calendar = services.settings.calendar()
    asked = datetime(2026, 11, 25, 10, 0)  # Wednesday
    brought = datetime(2026, 11, 27, 8, 0)  # Friday: 2 working days later
    clock.now = asked
    waiting = services.lifecycle.transition(
        d.code,
        A.REQUEST_SUPPLEMENT,
        reason="Thiếu trích lục ly hôn",
        details=TransitionInput(missing=(MissingComponent("Trích lục ly hôn", originals=1),)),
    )
    assert waiting.waiting_since == asked
    assert waiting.due_at == d.due_at  # not moved until the papers arrive
    # While waiting, the appointment effectively moves day by day.
    assert services.lifecycle.effective_due(waiting, as_of=brought) == datetime.combine(
        calendar.add_working_days(d.due_at.date(), 2), d.due_at.time()
    )
    clock.now = brought
    back = services.lifecycle.transition(d.code, A.SUPPLEMENT_RECEIVED)
    assert calendar.working_days_between(asked.date(), brought.date()) == 2
    assert back.due_at == datetime.combine(
        calendar.add_working_days(d.due_at.date(), 2), d.due_at.time()
    )
    assert back.original_due_at == d.due_at
    assert back.waiting_since is None
    assert back.supplement_count == 1
    last = services.dossiers.timeline(d.id)[-1]
    assert last.data["waited_days"] == 2
    # Finishing on the moved appointment's date is on time, though it is
    # after the original appointment.
    clock.now = back.due_at
    done = services.lifecycle.transition(d.code, A.FINISH)
    assert done.timeliness is Timeliness.ON_TIME
    assert done.ended_at.date() > d.due_at.date()


def test_supplement_brought_the_same_day_moves_nothing(
    services: Services, clock: FakeClock
) -> None:
    d = services.intake.accept(marriage_status_draft())
    clock.now = NOW + timedelta(hours=1)
    services.lifecycle.transition(d.code, A.REQUEST_SUPPLEMENT, reason="Thiếu giấy")
    clock.now = NOW + timedelta(hours=5)
    assert services.lifecycle.transition(d.code, A.SUPPLEMENT_RECEIVED).due_at == d.due_at


@pytest.mark.parametrize(
    ("end_offset_days", "expected"),
    [(-1, Timeliness.EARLY), (0, Timeliness.ON_TIME), (1, Timeliness.LATE)],
)
def test_classification_compares_end_date_with_appointment_date(
    services: Services, clock: FakeClock, end_offset_days: int, expected: Timeliness
) -> None:
    d = services.intake.accept(marriage_status_draft())
    # Late in the day on the appointment's date is still on time.
    end = datetime.combine(d.due_at.date() + timedelta(days=end_offset_days), d.due_at.time())
    end = end.replace(hour=16, minute=55) if end_offset_days == 0 else end
    clock.now = end
    assert services.lifecycle.transition(d.code, A.FINISH).timeliness is expected


def test_two_supplement_requests_are_late(services: Services, clock: FakeClock) -> None:
    d = services.intake.accept(marriage_status_draft())
    for hours in (1, 3):
        clock.now = NOW + timedelta(hours=hours)
        services.lifecycle.transition(d.code, A.REQUEST_SUPPLEMENT, reason="Thiếu giấy")
        clock.now = NOW + timedelta(hours=hours + 1)
        services.lifecycle.transition(d.code, A.SUPPLEMENT_RECEIVED)
    mid = services.dossiers.get(d.code)
    assert services.lifecycle.timeliness(mid, as_of=NOW) is Timeliness.LATE
    clock.now = NOW + timedelta(hours=6)
    assert services.lifecycle.transition(d.code, A.FINISH).timeliness is Timeliness.LATE


def test_one_supplement_request_is_not_late_by_itself(services: Services, clock: FakeClock) -> None:
    d = services.intake.accept(marriage_status_draft())
    clock.now = NOW + timedelta(hours=1)
    services.lifecycle.transition(d.code, A.REQUEST_SUPPLEMENT, reason="Thiếu giấy")
    clock.now = NOW + timedelta(hours=2)
    services.lifecycle.transition(d.code, A.SUPPLEMENT_RECEIVED)
    assert services.lifecycle.transition(d.code, A.FINISH).timeliness is Timeliness.EARLY


def test_processed_on_time_then_returned_late_stays_on_time(
    services: Services, clock: FakeClock
) -> None:
    d = services.intake.accept(marriage_status_draft())
    clock.now = d.due_at
    done = services.lifecycle.transition(d.code, A.FINISH)
    clock.now = d.due_at + timedelta(days=10)
    returned = services.lifecycle.return_result(
        d.code, collector=Collector("Nguyễn Văn An", "079203001234")
    )
    assert returned.status is S.RETURNED
    assert returned.timeliness is Timeliness.ON_TIME
    assert returned.ended_at == done.ended_at
    assert returned.returned_at == clock.now.replace(second=0, microsecond=0)


def test_control_slip_rows_follow_the_history(services: Services, clock: FakeClock) -> None:
    """Mẫu 06: one row per hand-over, with who gave, who received and the
    verdict of each step; a late collection does not make the return late."""
    d = services.intake.accept(marriage_status_draft())
    clock.now = d.received_at + timedelta(hours=1)
    _do(services, d.code, A.HANDOVER)
    clock.now = d.due_at
    services.lifecycle.transition(d.code, A.FINISH)
    clock.now = d.due_at + timedelta(days=10)
    _do(services, d.code, A.RETURN)
    steps = services.printing.control_steps(d.code)
    officer = services.session.actor_name()
    applicant_name = d.owner.full_name
    assert [(s.giver, s.receiver, s.timeliness) for s in steps] == [
        (applicant_name, officer, None),
        (officer, "Lê Văn Cường (Tư pháp)", "early"),
        ("Lê Văn Cường", "", "on_time"),  # the department gives the result back
        (officer, "Nguyễn Văn An", "on_time"),
    ]


def test_open_dossier_is_on_time_until_its_appointment_date_passes(services: Services) -> None:
    d = services.intake.accept(marriage_status_draft())
    assert services.lifecycle.timeliness(d, as_of=d.due_at) is None
    assert services.lifecycle.timeliness(d, as_of=d.due_at.replace(hour=23)) is None
    assert services.lifecycle.timeliness(d, as_of=d.due_at + timedelta(days=1)) is Timeliness.LATE


def test_classify_rules_directly() -> None:
    due = datetime(2026, 11, 26, 9, 30)
    assert classify(due=due, ended=date(2026, 11, 25), supplement_count=0) is Timeliness.EARLY
    assert classify(due=due, ended=date(2026, 11, 26), supplement_count=1) is Timeliness.ON_TIME
    assert classify(due=due, ended=date(2026, 11, 26), supplement_count=2) is Timeliness.LATE
    assert classify(due=due, ended=None, supplement_count=0, as_of=due) is None
    assert classify(due=due, ended=None, supplement_count=0) is None


def test_refusal_ends_the_dossier_and_is_classified(services: Services) -> None:
    d = services.intake.accept(marriage_status_draft())
    refused = services.lifecycle.transition(d.code, A.REFUSE, reason="Không đủ điều kiện")
    assert refused.status is S.NOT_ACCEPTED
    assert refused.ended_at is not None
    assert refused.timeliness is Timeliness.EARLY
    assert services.dossiers.timeline(d.id)[-1].reason == "Không đủ điều kiện"


def test_return_needs_a_valid_collector(services: Services) -> None:
    code = _to(services, S.PROCESSED)
    with pytest.raises(ValidationError) as info:
        services.lifecycle.return_result(code, collector=Collector("", "12"))
    fields = {e.field for e in info.value.errors}
    assert {"collector.full_name", "collector.id_number"} <= fields
    assert services.dossiers.get(code).status is S.PROCESSED
    d = services.lifecycle.return_result(
        code,
        collector=Collector("Trần Văn Bảo", "079090001111", authorised=True, phone="0987 654 321"),
        method=ReturnMethod.HOME,
    )
    last = services.dossiers.timeline(d.id)[-1]
    assert last.data["collector"] == {
        "full_name": "Trần Văn Bảo",
        "id_number": "079090001111",
        "authorised": True,
        "phone": "0987654321",
    }
    assert last.data["method"] == "home"


def test_rating_is_stored_with_who_and_when(services: Services) -> None:
    code = _to(services, S.RETURNED)
    r = services.lifecycle.rate(
        code,
        convenience=Satisfaction.VERY_SATISFIED,
        overall=Satisfaction.SATISFIED,
        criteria={"trips": 3, "attitude": 3},
        comment="Cán bộ nhiệt tình",
    )
    stored = services.lifecycle.ratings(code)
    assert stored == [r]
    assert (r.convenience, r.overall, r.by_citizen, r.rated_by) == (
        Satisfaction.VERY_SATISFIED,
        Satisfaction.SATISFIED,
        True,
        "citizen",
    )
    assert r.rated_at == NOW
    assert services.dossiers.timeline(r.dossier_id)[-1].kind == "rated"
    with pytest.raises(ValidationError):
        services.lifecycle.rate(code, convenience=5, overall=3)
    open_code = _to(services, S.RECEIVED)
    with pytest.raises(TransitionError):
        services.lifecycle.rate(open_code, convenience=3, overall=3)


def test_apology_records_the_new_appointment(services: Services, clock: FakeClock) -> None:
    d = services.intake.accept(marriage_status_draft())
    clock.now = d.due_at + timedelta(days=1)
    new_due = d.due_at + timedelta(days=5)
    after = services.lifecycle.issue_apology(
        d.code, new_due_at=new_due, reason="Chờ xác minh từ nơi cư trú cũ"
    )
    assert after.proposed_due_at == new_due
    assert after.due_at == d.due_at  # still counted against the promise
    event = services.dossiers.timeline(d.id)[-1]
    assert event.kind == "apology_issued"
    with pytest.raises(ValidationError) as info:
        services.lifecycle.issue_apology(d.code, new_due_at=d.due_at, reason="x")
    assert info.value.for_field("new_due_at") is not None


def test_every_change_is_queued_for_sync_in_the_same_transaction(services: Services) -> None:
    code = _to(services, S.RECEIVED)
    d = _do(services, code, A.HANDOVER)
    with services.db.read() as s:
        rows = s.execute(text("SELECT kind, entity_id FROM outbox ORDER BY seq")).all()
    events = services.dossiers.timeline(d.id)
    assert ("dossier", d.id) in rows
    assert {("event", e.id) for e in events} <= set(rows)
    # One dossier entry however many changes.
    assert sum(1 for k, e in rows if k == "dossier" and e == d.id) == 1
    assert d.version == 2


def _worklist_fixture(services: Services, clock: FakeClock) -> dict[str, str]:
    calendar = services.settings.calendar()
    codes: dict[str, str] = {}
    # Received on several past days so the appointments spread around "today".
    for name, received in {
        "overdue": datetime(2026, 11, 16, 9, 0),  # due 19/11
        "today": datetime(2026, 11, 18, 9, 30),  # due 23/11 (24/11 is a day off)
        "soon": datetime(2026, 11, 20, 9, 0),  # due 26/11
        "later": datetime(2026, 11, 23, 9, 0),  # due 27/11
    }.items():
        clock.now = received
        codes[name] = services.intake.accept(marriage_status_draft(received_at=received)).code
    clock.now = NOW
    codes["waiting"] = services.intake.accept(marriage_status_draft()).code
    services.lifecycle.transition(codes["waiting"], A.REQUEST_SUPPLEMENT, reason="Thiếu giấy")
    codes["ready"] = services.intake.accept(marriage_status_draft()).code
    services.lifecycle.transition(codes["ready"], A.FINISH)
    codes["returned"] = services.intake.accept(marriage_status_draft()).code
    services.lifecycle.transition(codes["returned"], A.FINISH)
    services.lifecycle.return_result(
        codes["returned"], collector=Collector("Nguyễn Văn An", "079203001234")
    )
    assert calendar.is_working_day(date(2026, 11, 23))
    return codes


def test_worklists_sort_dossiers_by_urgency(services: Services, clock: FakeClock) -> None:
    codes = _worklist_fixture(services, clock)
    due = {k: services.dossiers.get(v).due_at.date() for k, v in codes.items()}
    assert due["overdue"] < NOW.date() == due["today"] < due["soon"]
    w = services.lifecycle.worklists(as_of=NOW, within=2)
    assert [d.code for d in w.overdue] == [codes["overdue"]]
    assert w.overdue[0].timeliness is Timeliness.LATE
    assert [d.code for d in w.due_today] == [codes["today"]]
    assert [d.code for d in w.due_soon] == [codes["soon"]]
    assert [d.code for d in w.waiting_supplement] == [codes["waiting"]]
    assert [d.code for d in w.ready_to_return] == [codes["ready"]]
    assert w.counts == {
        "overdue": 1,
        "due_today": 1,
        "due_soon": 1,
        "waiting_supplement": 1,
        "ready_to_return": 1,
    }
    wider = services.lifecycle.worklists(as_of=NOW, within=4)
    assert [d.code for d in wider.due_soon] == [codes["soon"], codes["later"]]
    # Filters
    none = services.lifecycle.worklists(
        as_of=NOW, filters=WorklistFilter(procedure_code="1.001193")
    )
    assert sum(none.counts.values()) == 0
    by_officer = services.lifecycle.worklists(
        as_of=NOW, filters=WorklistFilter(officer="Trần Thị Bình")
    )
    assert by_officer.counts["overdue"] == 1


def test_reminders_due_tomorrow_and_snooze(services: Services, clock: FakeClock) -> None:
    codes = _worklist_fixture(services, clock)
    # As of Wednesday 25/11 the "soon" dossier (due 26/11) is due tomorrow.
    wed = datetime(2026, 11, 25, 8, 0)
    r = services.lifecycle.reminders(as_of=wed)
    assert [d.code for d in r.due_tomorrow] == [codes["soon"]]
    assert codes["returned"] not in {d.code for d in r.overdue + r.due_today + r.due_tomorrow}
    assert codes["ready"] not in {d.code for d in r.overdue + r.due_today + r.due_tomorrow}
    assert {codes["overdue"], codes["today"]} <= {d.code for d in r.overdue}
    services.lifecycle.snooze(codes["soon"], until=wed + timedelta(hours=2))
    assert services.lifecycle.reminders(as_of=wed + timedelta(hours=1)).due_tomorrow == ()
    later = services.lifecycle.reminders(as_of=wed + timedelta(hours=3))
    assert [d.code for d in later.due_tomorrow] == [codes["soon"]]


def test_reminders_are_empty_when_nothing_is_due(services: Services) -> None:
    r = services.lifecycle.reminders(as_of=NOW)
    assert r.empty
    assert r.total == 0


def test_reminder_tomorrow_skips_days_off(services: Services) -> None:
    # Friday 27/11: "tomorrow" is Monday 30/11.
    r = services.lifecycle.reminders(as_of=datetime(2026, 11, 27, 8, 0))
    assert r.tomorrow == date(2026, 11, 30)


def test_worklists_say_how_late_in_working_days(services: Services, clock: FakeClock) -> None:
    # Received Tue 17/11/2026 09:00, 3 working days → due Fri 20/11 09:00.
    clock.now = datetime(2026, 11, 17, 9, 0)
    d = services.intake.accept(marriage_status_draft(received_at=clock.now))
    assert d.due_at == datetime(2026, 11, 20, 9, 0)
    sunday = services.lifecycle.worklists(as_of=datetime(2026, 11, 22, 10, 0))
    assert [x.code for x in sunday.overdue] == [d.code]
    assert sunday.overdue[0].days_late == 0  # not 2 calendar days
    monday = services.lifecycle.worklists(as_of=datetime(2026, 11, 23, 10, 0))
    assert monday.overdue[0].days_late == 1
    # Tue 24/11/2026 is a day off (to confirm): Wednesday is the 2nd working day.
    wednesday = services.lifecycle.reminders(as_of=datetime(2026, 11, 25, 10, 0))
    assert [x.days_late for x in wednesday.overdue] == [2]


def test_apology_once_reminders_follow_the_new_appointment(
    services: Services, clock: FakeClock
) -> None:
    clock.now = datetime(2026, 11, 17, 9, 0)
    d = services.intake.accept(marriage_status_draft(received_at=clock.now))
    clock.now = datetime(2026, 11, 23, 9, 0)
    services.lifecycle.issue_apology(
        d.code, new_due_at=datetime(2026, 11, 27, 17, 0), reason="Chờ xác minh"
    )
    # Overdue against the original (it still counts as late) but no longer a reminder:
    # the new appointment is days ahead.
    r = services.lifecycle.reminders(as_of=datetime(2026, 11, 23, 10, 0))
    assert d.code not in {x.code for x in r.overdue + r.due_today + r.due_tomorrow}
    w = services.lifecycle.worklists(as_of=datetime(2026, 11, 23, 10, 0))
    late = next(x for x in w.overdue if x.code == d.code)
    assert late.apologised
    assert late.current_due == datetime(2026, 11, 27, 17, 0)
    # On the new appointment day it is due today; after it, overdue again.
    friday = services.lifecycle.reminders(as_of=datetime(2026, 11, 27, 10, 0))
    assert [x.code for x in friday.due_today] == [d.code]
    assert friday.due_today[0].apologised
    monday = services.lifecycle.reminders(as_of=datetime(2026, 11, 30, 10, 0))
    assert [x.code for x in monday.overdue] == [d.code]


def test_an_action_time_beyond_the_clock_skew_is_refused(services: Services) -> None:
    code = _to(services, S.RECEIVED)
    with pytest.raises(ValidationError) as info:
        services.lifecycle.transition(code, A.FINISH, at=datetime(9999, 12, 31, 0, 0))
    err = info.value.for_field("at")
    assert err is not None
    assert err.code == "in_future"
    with pytest.raises(ValidationError):
        services.lifecycle.transition(code, A.FINISH, at=NOW + timedelta(minutes=11))
    with pytest.raises(ValidationError):
        services.lifecycle.issue_apology(
            code, new_due_at=datetime(9999, 12, 31), reason="x", at=datetime(9999, 12, 30)
        )
    # A small skew between two counters' clocks is fine, and nothing got stuck.
    d = services.lifecycle.transition(code, A.FINISH, at=NOW + timedelta(minutes=5))
    assert d.status is S.PROCESSED
