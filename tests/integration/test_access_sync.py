"""The access log through sync (issue 12 item 4): entries are pushed like the
device's other records, kept in the unit's chain on the server, never pulled by
another device; an entry edited, dropped or forged is refused by the real server
(HTTP on 127.0.0.1, SQLite and PostgreSQL: the ``backend`` fixture)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hcc_desktop.db.models import AccessLogRow
from hcc_desktop.server.models import AccessDoc
from hcc_desktop.services.access.log import AccessEntry
from hcc_desktop.services.audit import verify_store
from hcc_desktop.services.sync.wire import _DOC_WIRES
from tests.conftest import marriage_status_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Device, Fleet
from tests.integration.test_tamper import outcome, push_by_hand

pytestmark = pytest.mark.usefixtures("file_keyring")


def entry_wire(device: Device, entry: AccessEntry) -> dict:
    with device.services.db.read() as s:
        row = s.get(AccessLogRow, entry.id)
        assert row is not None
        return _DOC_WIRES["access"].from_object(row)


def test_entries_are_pushed_kept_in_the_unit_chain_and_not_pulled(
    fleet: Fleet, harness: Harness
) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    counter.services.access.opened(d)
    counter.services.printing.receipt_pdf(d)
    counter.handover(d.code, "Lê Văn Cường")  # an event after the entries: one chain
    result = counter.sync.sync()
    assert result.rejected == 0
    with harness.store.db.read() as s:
        held = s.scalar(
            select(func.count()).select_from(AccessDoc).where(AccessDoc.unit_code == unit)
        )
    assert held == 2
    assert harness.store.verify_unit_chain(unit) == []
    desk = fleet.device("desk", unit, harness.server.base_url)
    desk.sync.sync()
    with desk.services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AccessLogRow)) == 0
    # The next push continues the chain after the entries.
    counter.services.access.opened(d)
    assert counter.sync.sync().rejected == 0


def test_an_edited_or_dropped_entry_is_refused(fleet: Fleet, harness: Harness) -> None:
    counter = fleet.device("counter", new_unit_code(), harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    assert counter.sync.sync().rejected == 0
    first = counter.services.access.opened(d)
    second = counter.services.access.opened(d)
    # Edited (who opened it): its hash no longer matches.
    edited = {**entry_wire(counter, first), "officer": "ai-do"}
    result = push_by_hand(counter, harness, [("access", edited)])
    assert outcome(result) == [("rejected", "chain_hash_mismatch")]
    # Dropped: the next entry does not follow the device's last record.
    result = push_by_hand(counter, harness, [("access", entry_wire(counter, second))])
    assert outcome(result) == [("rejected", "device_chain_gap")]
    # The honest push goes through, and a replay of it is a duplicate, not a new entry.
    result = push_by_hand(
        counter,
        harness,
        [("access", entry_wire(counter, first)), ("access", entry_wire(counter, second))],
    )
    assert outcome(result) == [("applied", ""), ("applied", "")]
    result = push_by_hand(counter, harness, [("access", entry_wire(counter, first))])
    assert outcome(result) == [("duplicate", "")]
    # Locally, the device refuses to push a chain whose entry was edited.
    assert verify_store(counter.services.db, counter.device_id) == []


def test_an_entry_forged_for_another_device(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    counter = fleet.device("counter", unit, harness.server.base_url)
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    d = counter.accept(marriage_status_draft())
    entry = counter.services.access.opened(d)
    result = push_by_hand(
        counter, harness, [("access", entry_wire(counter, entry))], as_device=laptop
    )
    assert outcome(result) == [("rejected", "foreign_device")]
