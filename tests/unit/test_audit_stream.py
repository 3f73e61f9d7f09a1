"""The whole-store check streams (services/audit): dossiers are walked in batches
with their events, and a store bigger than one batch gives exactly the findings of
one batch, and of the check as it was before it streamed (tests/unit/audit_reference.py,
which read every event at once)."""

from __future__ import annotations

from dataclasses import astuple

from sqlalchemy import event as sa_event

from hcc_desktop.db.models import DossierEventRow
from hcc_desktop.services import Services
from hcc_desktop.services.audit import verify_chains, verify_store
from tests import keyed
from tests.conftest import birth_draft
from tests.unit import audit_reference

DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS dossier_events_no_update",
    "DROP TRIGGER IF EXISTS dossier_events_no_delete",
    "DROP TRIGGER IF EXISTS access_log_no_update",
    "DROP TRIGGER IF EXISTS access_log_no_delete",
)


def _store(services: Services, count: int) -> list[str]:
    """``count`` dossiers, every other one finished, each opened once."""
    ids = []
    for i in range(count):
        d = services.intake.accept(birth_draft(services=services, id_number=f"0792030{i:05d}"))
        services.access.opened(d)
        if i % 2:
            services.lifecycle.transition(d.code, "finish")
        ids.append(d.id)
    return ids


def _tamper(services: Services, *statements: tuple[str, tuple[object, ...]]) -> None:
    with keyed.connect(services.db.path) as con:
        for drop in DROP_TRIGGERS:
            con.execute(drop)
        con.execute("PRAGMA foreign_keys = OFF")
        for sql, params in statements:
            con.execute(sql, params)


def _all_ways(services: Services, device: str | None) -> list[object]:
    findings = verify_store(services.db, device, batch_size=1000)
    assert verify_store(services.db, device, batch_size=2) == findings
    assert verify_store(services.db, device, batch_size=1) == findings
    # The reference has its own AuditFinding class: compare the fields.
    before = audit_reference.verify_store(services.db, device)
    assert [astuple(f) for f in before] == [astuple(f) for f in findings]
    chains = verify_chains(services.db, device, batch_size=3)
    before = audit_reference.verify_chains(services.db, device)
    assert [astuple(f) for f in before] == [astuple(f) for f in chains]
    assert verify_chains(services.db, device, batch_size=1000) == chains
    return list(findings)


def test_an_intact_store_over_many_batches(services: Services) -> None:
    _store(services, 5)
    device = services.settings.load().device_id
    assert _all_ways(services, device) == []
    assert _all_ways(services, None) == []


def test_every_kind_of_tampering_the_same_in_batches_as_at_once(services: Services) -> None:
    ids = _store(services, 9)
    device = services.settings.load().device_id
    columns = [c.name for c in DossierEventRow.__table__.columns if c.name != "id"]
    with keyed.connect(services.db.path) as con:
        events = {
            dossier_id: [
                r[0]
                for r in con.execute(
                    "SELECT id FROM dossier_events WHERE dossier_id = ? ORDER BY recorded_at, id",
                    (dossier_id,),
                )
            ]
            for dossier_id in ids
        }
        entries = [r[0] for r in con.execute("SELECT id FROM access_log ORDER BY device_seq")]
    _tamper(
        services,
        # a row edited: the receipt's hash and the fold
        ("UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", (ids[0],)),
        ("UPDATE dossiers SET status = 10 WHERE id = ?", (ids[2],)),
        # an event deleted (a gap in the device chain, a dossier left with none)
        ("DELETE FROM dossier_events WHERE id = ?", (events[ids[3]][1],)),
        ("DELETE FROM dossier_events WHERE dossier_id = ?", (ids[4],)),
        # an event replayed under a new id
        (
            f"INSERT INTO dossier_events (id, {', '.join(columns)}) "
            f"SELECT 'replayed', {', '.join(columns)} FROM dossier_events WHERE id = ?",
            (events[ids[5]][1],),
        ),
        # an event's chain columns cleared
        ("UPDATE dossier_events SET hash = NULL WHERE id = ?", (events[ids[6]][0],)),
        # a dossier's row deleted: its events are about a dossier the store lacks
        ("DELETE FROM dossiers WHERE id = ?", (ids[7],)),
        # access-log entries edited and deleted
        ("UPDATE access_log SET officer = 'ai-do' WHERE id = ?", (entries[1],)),
        ("UPDATE access_log SET dossier_id = 'no-such' WHERE id = ?", (entries[2],)),
        ("DELETE FROM access_log WHERE id = ?", (entries[4],)),
    )
    found = _all_ways(services, device)
    kinds = {f.kind for f in found}  # type: ignore[attr-defined]
    assert {
        "hash_mismatch",
        "row_differs",
        "device_gap",
        "no_events",
        "duplicate_hash",
        "device_duplicate_seq",
        "unhashed",
    } <= kinds
    # The deleted row's events come after the dossiers the store holds.
    assert ids[7] in {f.dossier_id for f in found}  # type: ignore[attr-defined]
    assert _all_ways(services, None) == found


def test_the_walk_reads_one_batch_of_events_at_a_time(services: Services) -> None:
    """Pins the streaming: with a batch of 2 dossiers, no query reads the events of
    more than 2 dossiers (a whole-table read would show as one without a filter)."""
    _store(services, 5)
    statements: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append((statement, parameters))

    engine = services.db.read_engine
    sa_event.listen(engine, "before_cursor_execute", seen)
    try:
        assert verify_store(services.db, None, batch_size=2) == []
    finally:
        sa_event.remove(engine, "before_cursor_execute", seen)
    reads = [
        (sql, params)
        for sql, params in statements
        if "FROM dossier_events" in sql and "dossier_events.data_json" in sql
    ]
    # 5 dossiers in batches of 2: 3 batches, and the (empty) read of orphan events.
    batched = [p for sql, p in reads if "dossier_events.dossier_id IN" in sql]
    assert len(batched) == 3
    assert all(len(p) <= 2 for p in batched)  # type: ignore[arg-type]
    assert len(reads) == 4
