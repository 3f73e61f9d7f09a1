"""``verify_pending``: what the sync checks before a push (services/audit): the
dossiers with something unpushed, and this device's chain from the record before
its oldest unpushed one."""

from __future__ import annotations

from sqlalchemy import delete

from hcc_desktop.db.models import OutboxRow
from hcc_desktop.services import Services
from hcc_desktop.services.audit import verify_pending
from tests import keyed
from tests.conftest import birth_draft, marriage_status_draft

NO_TRIGGERS = (
    "DROP TRIGGER IF EXISTS dossier_events_no_update",
    "DROP TRIGGER IF EXISTS dossier_events_no_delete",
)


def _pushed(services: Services) -> None:
    """As after a sync: nothing left in the outbox."""
    with services.db.write() as s:
        s.execute(delete(OutboxRow))


def _tamper(services: Services, sql: str, *params: object) -> None:
    with keyed.connect(services.db.path) as con:
        for drop in NO_TRIGGERS:
            con.execute(drop)
        con.execute(sql, params)


def test_a_whole_store_with_pending_changes_passes(services: Services) -> None:
    services.intake.accept(birth_draft())
    device_id = services.settings.load().device_id
    assert verify_pending(services.db, device_id) == []
    _pushed(services)
    services.intake.accept(marriage_status_draft())
    assert verify_pending(services.db, device_id) == []


def test_a_pending_dossier_edited_in_the_database_is_named(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    _tamper(services, "UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", d.id)
    found = verify_pending(services.db, services.settings.load().device_id)
    assert [(f.code, f.kind) for f in found] == [(d.code, "hash_mismatch")]


def test_a_record_deleted_before_the_unpushed_tail_is_named(services: Services) -> None:
    first = services.intake.accept(birth_draft())
    second = services.intake.accept(marriage_status_draft())
    _pushed(services)
    third = services.intake.accept(birth_draft())
    device_id = services.settings.load().device_id
    # The record just before the tail (the second receipt) deleted: the tail's first
    # record no longer links to anything.
    _tamper(services, "DELETE FROM dossier_events WHERE dossier_id = ?", second.id)
    found = verify_pending(services.db, device_id)
    assert ("device_gap", third.code) in {(f.kind, f.code) for f in found}
    # Pushed dossiers whose chains are whole are not read again.
    assert first.code not in {f.code for f in found}


def test_pushed_history_is_left_to_the_full_check(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    _pushed(services)
    _tamper(services, "UPDATE dossiers SET owner_name = 'Kẻ Giả' WHERE id = ?", d.id)
    device_id = services.settings.load().device_id
    # Nothing of it is about to be sent (the server holds and checked it) ...
    assert verify_pending(services.db, device_id) == []
    # ... and the full check (start-up, audit verify) names it.
    from hcc_desktop.services.audit import verify_store

    assert d.code in {f.code for f in verify_store(services.db, device_id)}
