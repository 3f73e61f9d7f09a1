"""``verify_pending``: what the sync checks before a push (services/audit): the
dossiers with something unpushed, and this device's chain from the record before
its oldest unpushed one."""

from __future__ import annotations

import pytest
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


# -- the same check in steps, one batch of a push at a time (PendingCheck) ------------------


def _batches(services: Services, size: int) -> list[list[dict[str, object]]]:
    """The outbox as a push reads it, in batches of ``size`` items (``kind`` and
    the ``data`` members the check reads)."""
    from sqlalchemy import select

    from hcc_desktop.db.models import AccessLogRow, DossierEventRow

    items: list[dict[str, object]] = []
    with services.db.read() as s:
        for kind, entity_id in s.execute(
            select(OutboxRow.kind, OutboxRow.entity_id).order_by(OutboxRow.seq)
        ).all():
            data: dict[str, object] = {"id": entity_id}
            row = {"event": DossierEventRow, "access": AccessLogRow}.get(kind)
            if row is not None:
                record = s.get(row, entity_id)
                if record is None:
                    continue  # gone: a push drops it
                data.update(
                    dossier_id=record.dossier_id,
                    device_id=record.device_id,
                    device_seq=record.device_seq,
                )
            items.append({"kind": kind, "data": data})
    return [items[i : i + size] for i in range(0, len(items), size)]


def _in_steps(services: Services, size: int) -> list[list[tuple[str, str, str]]]:
    """What :class:`PendingCheck` finds batch by batch (code, kind, record)."""
    from hcc_desktop.services.audit import PendingCheck

    check = PendingCheck(services.db, services.settings.load().device_id)
    return [
        [(f.code, f.kind, f.event_id) for f in check.check_items(batch)]
        for batch in _batches(services, size)
    ]


def _whole(services: Services) -> set[tuple[str, str, str]]:
    found = verify_pending(services.db, services.settings.load().device_id)
    return {(f.code, f.kind, f.event_id) for f in found}


def test_in_steps_a_pending_dossier_edited_is_named_with_the_batch_carrying_it(
    services: Services,
) -> None:
    dossiers = [services.intake.accept(birth_draft()) for _ in range(4)]
    assert _in_steps(services, 3) == [[], [], []]
    third = dossiers[2]
    _tamper(services, "UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", third.id)
    # Outbox: a dossier then its receipt, four times; batches of three items. The
    # third dossier is in the second batch: the first one passes.
    steps = _in_steps(services, 3)
    assert steps == [[], [(third.code, "hash_mismatch", steps[1][0][2])], []]
    assert set(steps[1]) == _whole(services)


def test_in_steps_a_dossier_is_checked_once_over_the_push(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    services.lifecycle.transition(d.code, "finish")
    # The dossier leaves with the first batch; its events (edited meanwhile)
    # come in a later one: checked when the dossier was, not read again.
    from hcc_desktop.services.audit import PendingCheck

    check = PendingCheck(services.db, services.settings.load().device_id)
    first, *rest = _batches(services, 1)
    assert check.check_items(first) == []
    _tamper(services, "UPDATE dossiers SET owner_id_number = '001099000001' WHERE id = ?", d.id)
    assert [check.check_items(batch) for batch in rest] == [[] for _ in rest]
    # A check made now names it (the next push).
    assert [f.kind for f in PendingCheck(services.db, "x").check_items(first)] == ["hash_mismatch"]


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_in_steps_the_device_chain_is_checked_stretch_by_stretch(
    services: Services, size: int
) -> None:
    first = services.intake.accept(birth_draft())
    second = services.intake.accept(marriage_status_draft())
    _pushed(services)
    third = services.intake.accept(birth_draft())
    fourth = services.intake.accept(marriage_status_draft())
    # The record before the tail deleted (as above): the first stretch names it.
    _tamper(services, "DELETE FROM dossier_events WHERE dossier_id = ?", second.id)
    steps = _in_steps(services, size)
    found = {f for step in steps for f in step}
    assert found == _whole(services)
    assert ("device_gap", third.code) in {(kind, code) for code, kind, _ in found}
    assert first.code not in {code for code, _, _ in found}
    # Named with the batch carrying the third receipt: before it leaves.
    carrying = next(i for i, step in enumerate(steps) if step)
    assert carrying == 1 // size
    assert fourth.code not in {code for code, _, _ in steps[carrying]}


def test_in_steps_a_gap_inside_the_unpushed_tail_is_named(services: Services) -> None:
    dossiers = [services.intake.accept(birth_draft()) for _ in range(3)]
    _tamper(services, "DELETE FROM dossier_events WHERE dossier_id = ?", dossiers[1].id)
    steps = _in_steps(services, 2)
    found = {f for step in steps for f in step}
    assert found == _whole(services)
    # The gap is where the third receipt links to a record that is gone: named
    # with the third dossier's batch (the last), not before.
    assert ("device_gap", dossiers[2].code) in {(kind, code) for code, kind, _ in found}
    assert steps[0] == []
