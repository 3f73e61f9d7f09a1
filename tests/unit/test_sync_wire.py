"""Rows ⇄ wire JSON and applying pulled pages, between two real device stores."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hcc_desktop.core.domain import Action, Collector, Satisfaction
from hcc_desktop.db.models import (
    CodeCounter,
    DossierEventRow,
    OutboxRow,
    ProcedureRow,
    RatingRow,
    SyncConflictRow,
)
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.catalog import FORMAT, FORMAT_VERSION, procedure_to_json
from hcc_desktop.services.dossiers.intake import ComponentInput
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.services.sync.apply import apply_page
from hcc_desktop.services.sync.wire import (
    WireError,
    calendar_from_wire,
    differences,
    dossier_to_wire,
    event_to_wire,
    load_dossier,
    rating_to_wire,
    unit_settings_from_wire,
)
from tests.conftest import (
    NOW,
    FakeClock,
    applicant,
    birth_draft,
    log_in_admin,
    marriage_status_draft,
)


@pytest.fixture
def other(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    """A second device of the same unit, in slot 1."""
    svc = open_services(tmp_path / "other.db", clock=clock)
    log_in_admin(svc, "Lê Thị Hoa")  # the settings are the administrator's
    svc.settings.save(replace(svc.settings.load(), device_slot=1, device_name="Máy 2"))
    yield svc
    svc.close()


def wire_of(svc: Services, key: str) -> dict[str, Any]:
    dossier = svc.dossiers.get(key)
    with svc.db.read() as s:
        row = load_dossier(s, dossier.id)
        assert row is not None
        return dossier_to_wire(row)


def changes_of(svc: Services, key: str, first_rev: int) -> list[dict[str, Any]]:
    """Everything ``svc`` holds about one dossier, as a server page would list it."""
    dossier = svc.dossiers.get(key)
    with svc.db.read() as s:
        events = [
            event_to_wire(e)
            for e in s.scalars(
                select(DossierEventRow)
                .where(DossierEventRow.dossier_id == dossier.id)
                .order_by(DossierEventRow.recorded_at)
            )
        ]
        ratings = [
            rating_to_wire(r)
            for r in s.scalars(select(RatingRow).where(RatingRow.dossier_id == dossier.id))
        ]
    changes = [{"rev": first_rev, "kind": "dossier", "data": wire_of(svc, key)}]
    for i, data in enumerate(events + ratings, start=1):
        kind = "rating" if "overall" in data else "event"
        changes.append({"rev": first_rev + i, "kind": kind, "data": data})
    return changes


def apply(svc: Services, changes: list[dict[str, Any]], parked: list[dict[str, Any]] = ()):  # type: ignore[assignment]
    with svc.db.write() as s:
        return apply_page(
            s,
            changes,
            catalog=svc.catalog,
            unit_code=svc.settings.load().unit_code,
            parked=parked,
            now=datetime(2026, 11, 23, 2, 30),
        )


def outbox_count(svc: Services) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)


def count(svc: Services, model: type) -> int:
    with svc.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# -- wire form ------------------------------------------------------------------------------


def test_wire_form_is_every_shared_column_in_json(services: Services) -> None:
    submitter = applicant(
        full_name="Trần Văn Bình", id_number="079090001235", date_of_birth="1990-01-01"
    )
    lines = (
        *birth_draft().components,
        ComponentInput("1.001193-03", "certified", 1),
    )
    d = services.intake.accept(birth_draft(submitter=submitter, components=lines))
    data = wire_of(services, d.code)
    assert json.loads(json.dumps(data)) == data  # plain JSON, nothing lost
    assert {"pk", "search_text", "server_rev"}.isdisjoint(data)
    assert data["id"] == d.id
    assert data["code"] == d.code
    assert data["unit_code"] == d.unit_code
    assert data["received_at"] == "2026-11-23T09:30:00"
    assert data["owner_dob"] == "2003-03-15"
    assert data["status"] == 2
    assert data["device_id"] == d.device_id
    assert [c["component_id"] for c in data["components"]] == [
        "1.001193-01",
        "1.001193-02",
        "1.001193-03",
    ]
    assert json.loads(data["submitter_json"])["full_name"] == "Trần Văn Bình"
    assert "dossier_id" not in data["components"][0]
    # Reading it again gives the same wire form (push compares them).
    assert wire_of(services, d.code) == data


def test_a_pulled_dossier_is_the_same_dossier_and_is_searchable(
    services: Services, other: Services
) -> None:
    d = other.intake.accept(
        birth_draft(owner=applicant(full_name="Phạm Thị Đào", id_number="052303001236"))
    )
    other.lifecycle.transition(
        d.code, Action.HANDOVER, details=TransitionInput(receiver="Lê Văn Cường")
    )
    outcome = apply(services, changes_of(other, d.code, 10))
    assert outcome.applied == 3
    assert not outcome.skipped
    assert not outcome.parked
    assert wire_of(services, d.code) == wire_of(other, d.code)
    assert services.dossiers.get(d.code).server_rev == 10
    assert [h.code for h in services.dossiers.search("pham thi dao")] == [d.code]
    assert [e.kind for e in services.dossiers.timeline(d.id)] == ["received", "handed_over"]
    # Pulled changes are never queued for a push back.
    assert outbox_count(services) == 0


def test_pulling_the_same_changes_again_changes_nothing(
    services: Services, other: Services
) -> None:
    d = other.intake.accept(birth_draft())
    other.lifecycle.transition(d.code, Action.HANDOVER, details=TransitionInput(receiver="Cường"))
    other.lifecycle.transition(d.code, Action.FINISH)
    other.lifecycle.rate(d.code, convenience=Satisfaction.VERY_SATISFIED, overall=3)
    changes = changes_of(other, d.code, 20)
    assert {c["kind"] for c in changes} == {"dossier", "event", "rating"}
    first = apply(services, changes)
    assert first.applied == len(changes)
    again = apply(services, changes)  # events are append-only: no UPDATE may reach them
    assert again.applied == 0
    assert not again.skipped
    assert count(services, DossierEventRow) == 4
    assert count(services, RatingRow) == 1
    assert outbox_count(services) == 0


def test_a_newer_revision_replaces_the_dossier_and_an_older_one_is_ignored(
    services: Services, other: Services
) -> None:
    d = other.intake.accept(marriage_status_draft())
    apply(services, changes_of(other, d.code, 5))
    other.lifecycle.transition(d.code, Action.HANDOVER, details=TransitionInput(receiver="Cường"))
    newer = changes_of(other, d.code, 30)
    stale = [{"rev": 4, "kind": "dossier", "data": wire_of(services, d.code)}]
    apply(services, newer)
    assert services.dossiers.get(d.code).status == 4
    apply(services, stale)
    assert services.dossiers.get(d.code).status == 4
    assert services.dossiers.get(d.code).server_rev == 30


def test_a_dossier_with_a_pending_change_becomes_a_conflict(
    services: Services, other: Services
) -> None:
    d = services.intake.accept(marriage_status_draft())  # queued here, not yet pushed
    mine = wire_of(services, d.code)
    theirs = dict(mine, holder="Someone else", status=4, version=2)
    outcome = apply(services, [{"rev": 40, "kind": "dossier", "data": theirs}])
    assert outcome.conflicts == 1
    assert outcome.applied == 0
    assert wire_of(services, d.code) == mine  # nothing overwritten
    with services.db.read() as s:
        conflict = s.scalars(select(SyncConflictRow)).one()
    assert conflict.dossier_id == d.id
    assert conflict.server_rev == 40
    assert json.loads(conflict.server_json)["holder"] == "Someone else"
    assert differences(mine, json.loads(conflict.server_json)) == ["holder", "status"]
    # A later version refreshes the same open conflict.
    newer = dict(theirs, holder="Another one")
    assert apply(services, [{"rev": 41, "kind": "dossier", "data": newer}]).conflicts == 0
    with services.db.read() as s:
        rows = list(s.scalars(select(SyncConflictRow)))
    assert len(rows) == 1
    assert rows[0].server_rev == 41


def test_events_wait_for_their_dossier(services: Services, other: Services) -> None:
    d = other.intake.accept(birth_draft())
    other.lifecycle.transition(d.code, Action.HANDOVER, details=TransitionInput(receiver="Cường"))
    changes = changes_of(other, d.code, 50)
    dossier, events = changes[0], changes[1:]
    first = apply(services, events)  # the dossier's latest revision comes in a later page
    assert first.applied == 0
    assert len(first.parked) == 2
    second = apply(services, [dossier], parked=first.parked)
    assert second.applied == 3
    assert not second.parked
    assert len(services.dossiers.timeline(d.id)) == 2


def test_codes_of_this_slot_seen_elsewhere_are_never_issued_again(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    # The same device id reinstalled: its earlier dossiers come back on pull.
    before = services.intake.accept(birth_draft())
    services.intake.accept(birth_draft())
    third = services.intake.accept(birth_draft())
    changes = [
        {"rev": 60 + i, "kind": "dossier", "data": wire_of(services, code)}
        for i, code in enumerate([before.code, third.code])
    ]
    fresh = open_services(tmp_path / "reinstalled.db", clock=clock)
    try:
        log_in_admin(fresh, "Trần Thị Bình")
        apply(fresh, changes)
        with fresh.db.read() as s:
            counter = s.get(CodeCounter, (before.unit_code, "261123", 0))
        assert counter is not None
        assert counter.last_seq == 3
        assert fresh.intake.accept(birth_draft()).code.endswith("-0004")
    finally:
        fresh.close()


def test_a_dossier_of_an_unknown_procedure_keeps_an_inactive_placeholder(
    services: Services, other: Services
) -> None:
    d = other.intake.accept(birth_draft())
    data = dict(wire_of(other, d.code), procedure_code="9.999999", procedure_name="Thủ tục mới")
    assert apply(services, [{"rev": 70, "kind": "dossier", "data": data}]).applied == 1
    with services.db.read() as s:
        placeholder = s.get(ProcedureRow, "9.999999")
    assert placeholder is not None
    assert not placeholder.active
    assert placeholder.name == "Thủ tục mới"
    assert services.dossiers.get(d.code).procedure_name == "Thủ tục mới"


def test_a_catalog_document_replaces_the_catalog(services: Services) -> None:
    keep = services.catalog.get("1.001193")
    document = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "procedures": [procedure_to_json(replace(keep, name="Đăng ký khai sinh (mới)"))],
    }
    outcome = apply(services, [{"rev": 80, "kind": "catalog", "data": document}])
    assert outcome.applied == 1
    assert [p.code for p in services.catalog.list()] == ["1.001193"]
    assert services.catalog.get("1.001193").name == "Đăng ký khai sinh (mới)"
    assert not services.catalog.get("1.004873").active  # deactivated, never deleted
    bad = apply(services, [{"rev": 81, "kind": "catalog", "data": {"procedures": "x"}}])
    assert bad.applied == 0
    assert bad.skipped[0]["reason"] == "invalid"
    assert [p.code for p in services.catalog.list()] == ["1.001193"]


def test_malformed_and_foreign_records_are_skipped_with_a_reason(
    services: Services, other: Services
) -> None:
    d = other.intake.accept(birth_draft())
    good = wire_of(other, d.code)

    def variant(**fields: object) -> dict[str, Any]:
        return {**good, "id": str(uuid.uuid4()), **fields}

    no_code = {k: v for k, v in variant().items() if k != "code"}
    outcome = apply(
        services,
        [
            {"rev": 90, "kind": "dossier", "data": variant(status=99)},
            {"rev": 91, "kind": "dossier", "data": variant(received_at="yesterday")},
            {"rev": 92, "kind": "dossier", "data": variant(unit_code="000.00.00.X99")},
            {"rev": 93, "kind": "dossier", "data": no_code},
            {"rev": 94, "kind": "dossier", "data": {"code": "x"}},
            {"rev": 95, "kind": "event", "data": {"dossier_id": d.id}},
        ],
    )
    assert outcome.applied == 0
    assert sorted((s["rev"], s["reason"]) for s in outcome.skipped) == [
        (90, "invalid"),
        (91, "invalid"),
        (92, "wrong_unit"),
        (93, "invalid"),
        (94, "invalid"),
        (95, "invalid"),
    ]
    assert services.dossiers.count() == 0


def test_a_code_already_used_here_by_another_dossier_is_not_taken(
    services: Services, other: Services
) -> None:
    # Both devices left in slot 0: the misconfiguration the server also refuses.
    other.settings.save(replace(other.settings.load(), device_slot=0))
    mine = services.intake.accept(birth_draft())
    theirs = other.intake.accept(birth_draft())
    assert mine.code == theirs.code
    outcome = apply(services, [{"rev": 95, "kind": "dossier", "data": wire_of(other, theirs.code)}])
    assert outcome.skipped[0]["reason"] == "duplicate_code"
    assert services.dossiers.get(mine.code).id == mine.id


def test_calendar_and_unit_settings_documents() -> None:
    overrides = calendar_from_wire(
        {"overrides": [{"day": "2026-12-31", "kind": "off", "note": "Nghỉ bù"}]}
    )
    assert [(o.day.isoformat(), o.kind, o.note) for o in overrides] == [
        ("2026-12-31", "off", "Nghỉ bù")
    ]
    for bad in ({}, {"overrides": [{"day": "31/12/2026", "kind": "off"}]}, [1]):
        with pytest.raises(WireError):
            calendar_from_wire(bad)
    assert unit_settings_from_wire({"unit_name": "Phường A", "other": 1}) == {
        "unit_name": "Phường A"
    }
    with pytest.raises(WireError):
        unit_settings_from_wire({"unit_phone": 123})


def test_wire_times_of_utc_columns_are_naive_utc(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    data = wire_of(services, d.code)
    created = datetime.fromisoformat(data["created_at"])
    assert created.tzinfo is None
    # Stored in UTC: seven hours behind the Vietnam wall clock of the same moment.
    assert abs(created + timedelta(hours=7) - NOW) < timedelta(days=3650)


# SQLAlchemy warns about the clashing rows before the database refuses them.
@pytest.mark.filterwarnings("ignore:New instance .* conflicts with persistent instance")
def test_a_record_the_database_refuses_does_not_sink_the_page(
    services: Services, other: Services
) -> None:
    first = other.intake.accept(birth_draft())
    second = other.intake.accept(birth_draft())
    good = wire_of(other, first.code)
    # A broken sender reused the first dossier's component ids for the second one.
    clashing = dict(wire_of(other, second.code), components=good["components"])
    events = [c for c in changes_of(other, second.code, 200) if c["kind"] == "event"]
    outcome = apply(
        services,
        [
            {"rev": 100, "kind": "dossier", "data": good},
            {"rev": 101, "kind": "dossier", "data": clashing},
            *events,
        ],
    )
    assert outcome.applied == 1
    assert [(s["rev"], s["reason"]) for s in outcome.skipped] == [(101, "integrity")]
    assert len(outcome.parked) == 1  # its event waits for a dossier that may come right
    assert services.dossiers.count() == 1
    assert services.dossiers.get(first.code).id == first.id


def test_pulled_events_and_ratings_become_rows_as_checked_values_would(
    services: Services,
) -> None:
    """The one-pass row of an event or rating is the row of its checked
    values, and every malformed record fails with the same message."""
    from hcc_desktop.services.sync import apply as sync_apply
    from hcc_desktop.services.sync import wire as sync_wire

    dossier = services.intake.accept(birth_draft())
    services.lifecycle.transition(
        dossier.code, Action.HANDOVER, details=TransitionInput(receiver="Lê Văn Cường")
    )
    services.lifecycle.transition(dossier.code, Action.FINISH)
    owner = services.dossiers.get(dossier.code).owner
    services.lifecycle.return_result(
        dossier.code, collector=Collector(owner.full_name, owner.id_number)
    )
    services.lifecycle.rate(dossier.code, convenience=3, overall=2)
    changes = changes_of(services, dossier.code, 1)
    records = [(c["kind"], c["data"]) for c in changes if c["kind"] in ("event", "rating")]
    assert {kind for kind, _data in records} == {"event", "rating"}
    variants: list[tuple[str, Any]] = []
    for kind, data in records:
        variants.append((kind, data))
        for name, value in list(data.items()):
            variants.append((kind, {k: v for k, v in data.items() if k != name}))  # missing
            for other in (None, "", "x", 0, 1, True, 2.5, [], "2026-11-20T14:20:00+07:00"):
                variants.append((kind, {**data, name: other}))
            if isinstance(value, str) and "T" in value:  # a time: aware, fractional
                variants.append((kind, {**data, name: value + "+07:00"}))
                variants.append((kind, {**data, name: value + ".250000"}))
    variants.append(("event", "not an object"))
    for kind, data in variants:
        writer = sync_apply._DOC_WRITERS[kind]
        try:
            expected: Any = writer.row(sync_wire._values_from_wire(writer.table, data))
        except WireError as exc:
            expected = ("error", str(exc))
        try:
            got: Any = writer.row_from_wire(data)
        except WireError as exc:
            got = ("error", str(exc))
        assert got == expected, (kind, data)


def test_calendar_document_carries_status_and_source() -> None:
    overrides = calendar_from_wire(
        {
            "overrides": [
                {"day": "2026-11-24", "kind": "off", "note": "Ngày Văn hóa Việt Nam",
                 "status": "to_confirm", "source": "Thư viện holidays"},
                {"day": "2026-01-02", "kind": "off", "source": "Văn bản số 12729/VPCP-KGVX"},
                {"day": "2026-01-03", "kind": "off", "status": "maybe"},
            ]
        }
    )  # fmt: skip
    assert [(o.status, o.source) for o in overrides] == [
        ("to_confirm", "Thư viện holidays"),
        ("confirmed", "Văn bản số 12729/VPCP-KGVX"),
        ("to_confirm", ""),
    ]
