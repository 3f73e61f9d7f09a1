"""Field work (issue 13): Saturday sessions, home visits, QR boards."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from hcc_desktop.core.domain import Channel, Collector, FeeMethod, Satisfaction
from hcc_desktop.core.errors import NotFound, TransitionError, ValidationError
from hcc_desktop.core.field import (
    DEFAULT_PROCEDURE_URL,
    SessionStatus,
    VisitStatus,
    next_sessions,
    procedure_url,
    quarter_key,
)
from hcc_desktop.core.lifecycle import Action
from hcc_desktop.core.periods import Period
from hcc_desktop.printing.layout import qr_matrix
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.sync.apply import apply_page
from hcc_desktop.services.sync.wire import read_doc_wires
from tests.conftest import NOW, FakeClock, birth_draft, log_in_admin, marriage_status_draft

SATURDAY = date(2026, 11, 28)


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)


def _plan(services: Services, **kw: object) -> str:
    args: dict[str, object] = {
        "quarter": "Khu phố 3",
        "day": SATURDAY,
        "place": "Nhà văn hóa khu phố 3",
        "officers": ["Trần Thị Bình", "Lê Văn Cường"],
    }
    args.update(kw)
    return services.field.sessions.plan(**args).id  # type: ignore[arg-type]


def test_session_from_plan_to_summary(services: Services, clock: FakeClock) -> None:
    sid = _plan(services)
    assert services.field.sessions.get(sid).status is SessionStatus.PLANNED
    # Not its day yet: it cannot be opened.
    with pytest.raises(TransitionError) as info:
        services.field.sessions.open(sid)
    assert info.value.code == "session_not_today"

    clock.now = datetime(2026, 11, 28, 7, 40)
    before = services.intake.accept(birth_draft(received_at=clock.now))
    assert before.channel is Channel.COUNTER  # no session open: not tagged
    opened = services.field.sessions.open(sid)
    assert opened.status is SessionStatus.OPEN
    assert opened.opened_at == clock.now
    assert services.field.sessions.current() == services.field.sessions.get(sid)

    clock.now = datetime(2026, 11, 28, 8, 0)
    d1 = services.intake.accept(birth_draft(received_at=clock.now))
    d2 = services.intake.accept(
        marriage_status_draft(
            received_at=clock.now, fee_amount=15000, fee_method=FeeMethod.CASH.value
        )
    )
    # The session's dossiers take its channel and the Saturday deadline rule.
    assert d1.channel is Channel.SATURDAY_SESSION
    assert d2.channel is Channel.SATURDAY_SESSION
    expected = services.settings.calendar().due_at(clock.now, 3, Channel.SATURDAY_SESSION)
    assert d2.due_at == expected
    with services.db.read() as s:
        tagged = dict(s.execute(text("SELECT code, session_id FROM dossiers")).all())
    assert tagged == {before.code: None, d1.code: sid, d2.code: sid}

    # A result handed over and a rating taken at the session count in its summary.
    old = services.intake.accept(marriage_status_draft(received_at=datetime(2026, 11, 23, 9, 0)))
    services.lifecycle.transition(old.code, Action.FINISH, at=datetime(2026, 11, 24, 9, 0))
    clock.now = datetime(2026, 11, 28, 9, 0)
    services.lifecycle.return_result(old.code, collector=Collector("Nguyễn Văn An", "079203001234"))
    services.lifecycle.rate(
        old.code, convenience=Satisfaction.VERY_SATISFIED, overall=Satisfaction.VERY_SATISFIED
    )

    clock.now = datetime(2026, 11, 28, 11, 30)
    summary = services.field.sessions.close(sid)
    assert summary.session.status is SessionStatus.CLOSED
    assert summary.dossiers == 2
    assert [(x.key, x.count) for x in summary.by_procedure] == [("1.001193", 1), ("1.004873", 1)]
    assert summary.fees_total == d2.fee_amount > 0
    assert [(x.key, x.count, x.amount) for x in summary.fees_by_method] == [
        ("cash", 1, d2.fee_amount)
    ]
    assert summary.returns == 1
    assert [(x.key, x.count) for x in summary.ratings] == [("3", 1), ("2", 0), ("1", 0)]
    # After closing, this device's dossiers are no longer tagged.
    after = services.intake.accept(birth_draft(received_at=clock.now))
    assert after.channel is Channel.COUNTER

    pdf = services.field.summary_pdf(summary)
    content = _pdf_text(pdf)
    for expected_text in (
        "BÁO CÁO KẾT QUẢ BUỔI TIẾP NHẬN",
        "Khu phố 3",
        "Nhà văn hóa khu phố 3",
        "Thứ Bảy 28/11/2026",
        "Tiền mặt",
        "Rất hài lòng: 1",
        "Trần Thị Bình",
        "Lê Văn Cường",
        d1.code,
    ):
        assert expected_text in content, expected_text
    with pytest.raises(TransitionError):
        services.field.sessions.close(sid)


def test_session_figures_per_session_and_per_quarter(services: Services, clock: FakeClock) -> None:
    a = _plan(services)
    b = _plan(services, day=SATURDAY + timedelta(days=7), quarter="khu pho 3")
    c = _plan(services, quarter="Khu phố 5")
    for sid, day, n in ((a, SATURDAY, 2), (c, SATURDAY, 1), (b, SATURDAY + timedelta(7), 1)):
        clock.now = datetime.combine(day, time(8, 0))
        # One laptop per session: a session open elsewhere does not tag here.
        services.field.sessions.open(sid)
        for _ in range(n):
            services.intake.accept(birth_draft(received_at=clock.now))
        services.field.sessions.close(sid)
    per_session, per_quarter = services.field.sessions.figures(
        date_from=SATURDAY, date_to=SATURDAY + timedelta(days=7)
    )
    assert [f.dossiers for f in per_session] == [2, 1, 1]
    assert [(f.label, f.sessions, f.dossiers) for f in per_quarter] == [
        ("Khu phố 3", 2, 3),
        ("Khu phố 5", 1, 1),
    ]
    # The periodic report's figures of the same dossiers, per session and per quarter.
    clock.now = datetime(2026, 12, 7, 9, 0)
    report = services.reports.sessions(Period(date(2026, 11, 1), date(2026, 12, 6)))
    assert {k: g.row.received_total for k, g in report.quarters.items()} == {
        "Khu phố 3": 3,
        "Khu phố 5": 1,
    }
    assert report.sessions[a].row.field == "Khu phố 3 28/11/2026"
    assert report.sessions[a].row.received_total == 2
    # Birth registrations are same-day: received on a Saturday, still open and
    # within time on the next working day's report.
    assert sum(g.row.received_total for g in report.sessions.values()) == 4


def test_one_open_session_per_device_and_planning_checks(
    services: Services, clock: FakeClock
) -> None:
    with pytest.raises(ValidationError) as info:
        services.field.sessions.plan(
            quarter=" ",
            day=date(2026, 11, 1),
            start=time(11, 0),
            end=time(8, 0),
            officers=[],
        )
    assert {(e.field, e.code) for e in info.value.errors} == {
        ("quarter", "required"),
        ("day", "in_past"),
        ("end", "end_before_start"),
        ("officers", "required"),
    }
    a, b = _plan(services), _plan(services, quarter="Khu phố 4")
    clock.now = datetime(2026, 11, 28, 7, 30)
    services.field.sessions.open(a)
    with pytest.raises(TransitionError) as err:
        services.field.sessions.open(b)
    assert err.value.code == "session_other_open"
    with pytest.raises(NotFound):
        services.field.sessions.get("nope")


def test_home_visit_from_request_to_record(services: Services, clock: FakeClock) -> None:
    v = services.field.visits
    with pytest.raises(ValidationError) as info:
        v.add_resident(
            full_name="Phạm Thị Dung",
            reasons=["age", "bogus"],
            quarter="Khu phố 2",
            address="",
            consent_on=None,
        )
    assert {(e.field, e.code) for e in info.value.errors} == {
        ("reasons", "invalid"),
        ("address", "required"),
        ("consent_on", "required"),
    }
    r = v.add_resident(
        full_name="  Phạm   Thị Dung ",
        reasons=["age", "alone"],
        quarter="Khu phố 2",
        address="12 Trần Phú",
        phone="0912 000 111",
        consent_on=date(2026, 11, 20),
    )
    assert r.full_name == "Phạm Thị Dung"
    assert r.phone == "0912000111"
    visit = v.request(resident_id=r.id, purpose="Chứng thực bản sao", requested_by="Con gái")
    assert visit.status is VisitStatus.REQUESTED
    assert [x.id for x in v.due()] == [visit.id]  # a request to plan is due
    with pytest.raises(TransitionError):
        v.record(visit.id, outcome="x", minutes_spent=10)
    planned = v.plan(visit.id, day=date(2026, 11, 25), officer="Trần Thị Bình")
    assert planned.status is VisitStatus.PLANNED
    assert planned.planned_on == date(2026, 11, 25)
    clock.now = datetime(2026, 11, 25, 15, 0)
    done = v.record(
        visit.id,
        outcome="Đã tiếp nhận hồ sơ và trả kết quả",
        minutes_spent=45,
        dossiers_received=1,
        results_delivered=1,
        ratings_taken=1,
    )
    assert done.status is VisitStatus.DONE
    assert done.done_at == clock.now
    assert (done.dossiers_received, done.minutes_spent) == (1, 45)
    assert v.due() == ()
    assert [x.id for x in v.visits(quarter="khu pho 2")] == [visit.id]
    v.deactivate(r.id)
    assert v.residents() == []
    with pytest.raises(ValidationError):
        v.request(resident_id=r.id, purpose="Lần nữa")


def test_qr_board_links_most_used_procedures_and_next_sessions(
    services: Services, clock: FakeClock
) -> None:
    for _ in range(3):
        services.intake.accept(marriage_status_draft())
    services.intake.accept(birth_draft())
    _plan(services)
    _plan(services, quarter="Khu phố 9")
    services.field.qr.save_qr_settings(urls={"1.001193": "https://example.gov.vn/khai-sinh"})
    board = services.field.qr.board(quarter="khu phố 3", count=3)
    assert [link.procedure_code for link in board.links][:2] == ["1.004873", "1.001193"]
    assert board.links[0].url == DEFAULT_PROCEDURE_URL.replace("{code}", "1.004873")
    assert board.links[1].url == "https://example.gov.vn/khai-sinh"
    assert [s.quarter for s in board.sessions] == ["Khu phố 3"]
    pdf = services.field.qr.board_pdf(quarter="Khu phố 3", count=3)
    content = _pdf_text(pdf)
    assert "TRA CỨU THỦ TỤC HÀNH CHÍNH" in content
    assert "Thứ Bảy 28/11/2026" in content
    # One vector QR form per procedure, each holding its own link.
    raw = pdf.decode("latin-1")
    assert len(set(re.findall(r"hccBoardQr\d", raw))) == 3
    with pytest.raises(ValidationError):
        services.field.qr.save_qr_settings(template="not a url")


def test_core_rules() -> None:
    assert quarter_key("Khu  Phố 3") == quarter_key("khu pho 3")
    assert procedure_url("", "1.0") == DEFAULT_PROCEDURE_URL.replace("{code}", "1.0")
    assert procedure_url("https://x/{code}.html", "2.5") == "https://x/2.5.html"
    assert next_sessions([], "a", date(2026, 1, 1)) == ()
    assert len(qr_matrix(procedure_url("", "1.004873"))) > 20


def test_pulled_field_records_newest_version_wins_and_a_visit_waits_for_its_resident(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    """Records made on another device of the unit, as the pull hands them over."""
    other = open_services(tmp_path / "other.db", clock=clock)
    try:
        log_in_admin(other, "Lê Văn Cường")
        r = other.field.visits.add_resident(
            full_name="Phạm Thị Dung",
            reasons=["age"],
            quarter="Khu phố 2",
            address="12 Trần Phú",
            consent_on=date(2026, 11, 20),
        )
        v = other.field.visits.request(resident_id=r.id, purpose="Chứng thực")
        ses = other.field.sessions.plan(quarter="Khu phố 1", day=SATURDAY, officers=["A"])
        with other.db.read() as s:
            wires = {
                kind: read_doc_wires(s, kind, [i])
                for kind, i in (
                    ("home_resident", r.id),
                    ("home_visit", v.id),
                    ("field_session", ses.id),
                )
            }
    finally:
        other.close()
    unit = services.settings.load().unit_code

    def change(kind: str, rev: int, **data: object) -> dict[str, object]:
        [wire] = wires[kind].values()
        return {"rev": rev, "kind": kind, "data": {**wire, **data}}

    with services.db.write() as s:
        first = apply_page(
            s, [change("home_visit", 5)], catalog=services.catalog, unit_code=unit, now=NOW
        )
    assert first.applied == 0
    assert [p["kind"] for p in first.parked] == ["home_visit"]  # its resident is not here yet
    with services.db.write() as s:
        second = apply_page(
            s,
            [change("home_resident", 6), change("field_session", 7, unit_code="other.unit")],
            catalog=services.catalog,
            unit_code=unit,
            parked=first.parked,
            now=NOW,
        )
    assert second.applied == 2
    assert second.parked == []
    assert [x["reason"] for x in second.skipped] == ["wrong_unit"]  # another unit's session
    assert [x.purpose for x in services.field.visits.visits()] == ["Chứng thực"]
    # An older or equal version changes nothing; a newer one replaces the row.
    with services.db.write() as s:
        apply_page(
            s,
            [change("home_visit", 8, purpose="Cũ", version=1)],
            catalog=services.catalog,
            unit_code=unit,
            now=NOW,
        )
    assert services.field.visits.visits()[0].purpose == "Chứng thực"
    with services.db.write() as s:
        apply_page(
            s,
            [change("home_visit", 9, purpose="Mới", version=2)],
            catalog=services.catalog,
            unit_code=unit,
            now=NOW,
        )
    assert services.field.visits.visits()[0].purpose == "Mới"
