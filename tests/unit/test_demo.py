"""Demo data: a working morning's open workload, codes allocated like an intake's."""

from __future__ import annotations

from datetime import datetime

from hcc_desktop.core.domain import DossierStatus
from hcc_desktop.services import Services
from hcc_desktop.services.demo import generate
from tests.conftest import NOW, birth_draft


def test_demo_leaves_a_realistic_open_workload(services: Services) -> None:
    result = generate(services, count=300, end_day=NOW.date(), now=NOW)
    assert result.created == 300
    w = services.lifecycle.worklists(as_of=NOW, within=2)
    for name in ("overdue", "due_today", "due_soon", "waiting_supplement", "ready_to_return"):
        assert w.counts[name] > 0, (name, w.counts)
    open_rows = w.overdue + w.due_today + w.due_soon + w.waiting_supplement + w.ready_to_return
    assert len({d.received_by for d in open_rows}) >= 2
    assert len({d.channel for d in open_rows}) >= 2
    # Not almost everything returned: a morning's worth is still on the desk.
    assert sum(w.counts.values()) >= 12
    # Nothing in the demo happened after "now".
    assert all(d.received_at <= NOW for d in open_rows)
    assert all(d.status is not DossierStatus.RETURNED for d in open_rows)


def test_demo_next_to_live_intakes_never_reuses_a_code(services: Services) -> None:
    live = [services.intake.accept(birth_draft()).code]

    def intake_meanwhile(done: int, total: int) -> None:
        # Another window (or the CLI) takes the next code of a day the demo is still to
        # write (a dossier received on 15/9, entered late) between two batches.
        received = datetime(2026, 9, 15, 10, len(live))
        live.append(services.intake.accept(birth_draft(received_at=received)).code)

    generate(services, count=400, end_day=NOW.date(), now=NOW, batch=40, progress=intake_meanwhile)
    live.append(services.intake.accept(birth_draft()).code)
    codes = [h.code for h in services.dossiers.search("h56", limit=10_000)]
    assert len(codes) == len(set(codes)) == 400 + len(live)
    assert set(live) <= set(codes)


def test_a_demo_store_verifies_chains_and_rows(services: Services) -> None:
    from hcc_desktop.services.audit import verify_store

    generate(services, count=120, end_day=NOW.date(), now=NOW)
    services.intake.accept(birth_draft())  # a live intake extends the demo's device chain
    assert verify_store(services.db, services.settings.load().device_id) == []
    assert verify_store(services.db) == []
