#!/usr/bin/env python3
"""Sync benchmark: a real server process on 127.0.0.1 over a real, durable
PostgreSQL cluster (fsync on), and two devices with their own SQLite files.

    python3 scripts/dev.py bench sync [--dossiers 10000] [--base 100000] [--rounds 5]

1. Full sync: device A pushes N demo dossiers (with their histories and
   ratings); device B, new, pulls them all. Target ≤ 10 s each for N = 10,000.
2. Incremental sync: with BASE dossiers already on the server and on both
   devices, device A changes 100 dossiers (one lifecycle action each), pushes,
   and device B pulls. Target ≤ 1 s each. Repeated ``--rounds`` times.

Writes JSON to bench/results/ like bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hcc_desktop.core.domain import Action, Collector  # noqa: E402
from hcc_desktop.core.errors import HccError  # noqa: E402
from hcc_desktop.server.db import ServerDatabase  # noqa: E402
from hcc_desktop.server.store import SyncStore  # noqa: E402
from hcc_desktop.services import Services, open_services  # noqa: E402
from hcc_desktop.services.demo import generate  # noqa: E402
from tests.integration.conftest import PgCluster, ServerProcess, find_pg_bin  # noqa: E402

RESULTS = ROOT / "bench" / "results"
UNIT = "000.17.22.H56"


def _record(name: str, data: dict[str, object]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{name}-{stamp}.json").write_text(json.dumps(data, indent=2), "utf-8")
    print(json.dumps(data))


def _enqueue_everything(svc: Services) -> int:
    """Demo rows are written without outbox entries: queue them as if they had
    been received one by one on this device."""
    from sqlalchemy import text

    with svc.db.write() as s:
        for kind, table in (
            ("dossier", "dossiers"),
            ("event", "dossier_events"),
            ("rating", "dossier_ratings"),
        ):
            s.execute(
                text(
                    f"INSERT OR IGNORE INTO outbox (kind, entity_id, created_at) "
                    f"SELECT '{kind}', id, CURRENT_TIMESTAMP FROM {table}"
                    # Events in their device-chain order, as intakes queue them: the server
                    # refuses a device chain that arrives with a gap.
                    f"{' ORDER BY device_seq' if kind == 'event' else ''}"
                )
            )
        return int(s.execute(text("SELECT count(*) FROM outbox")).scalar_one())


def _device(tmp: Path, name: str, server: ServerProcess, store: SyncStore) -> Services:
    svc = open_services(tmp / f"{name}.db")
    svc.accounts.create_first_admin(
        user_name="bench", password="bench-password", full_name="Trần Thị Bình"
    )
    code = store.enrol(UNIT, unit_name="Trung tâm PVHCC phường Hoài Nhơn Bắc").code
    svc.sync.register(server.base_url, code, device_name=name)
    return svc


def _timed_sync(svc: Services) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = svc.sync.sync()
    return time.perf_counter() - t0, result


def bench(count: int, base: int, rounds: int) -> None:
    bindir = find_pg_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL binaries (initdb, pg_ctl) not found")
    cluster = PgCluster(bindir, durable=True)
    cluster.start()
    try:
        with tempfile.TemporaryDirectory(prefix="hcc-sync-bench-") as tmp_name:
            tmp = Path(tmp_name)
            for label, n, incremental in (("full", count, False), ("incremental", base, True)):
                url = cluster.create_database()
                server = ServerProcess(url, tmp / f"server-{label}.log")
                server.start()
                db = ServerDatabase(url)
                store = SyncStore(db)
                try:
                    work = tmp / label
                    work.mkdir()
                    a = _device(work, "a", server, store)
                    b = _device(work, "b", server, store)
                    generate(a, count=n, seed=11, end_day=date(2026, 11, 20))
                    queued = _enqueue_everything(a)
                    push_s, pushed = _timed_sync(a)
                    pull_s, pulled = _timed_sync(b)
                    assert b.dossiers.count() == n, (b.dossiers.count(), n)
                    if not incremental:
                        _record(
                            f"sync_full_{n}",
                            {
                                "benchmark": f"sync_full_{n}",
                                "dossiers": n,
                                "outbox_items": queued,
                                "push_s": round(push_s, 2),
                                "pull_s": round(pull_s, 2),
                                "pushed": pushed.pushed,  # type: ignore[attr-defined]
                                "pulled": pulled.pulled,  # type: ignore[attr-defined]
                                "target_s": 10,
                                "server": "PostgreSQL (fsync on), uvicorn on 127.0.0.1",
                            },
                        )
                    else:
                        _incremental(a, b, n, rounds, initial=(push_s, pull_s))
                    a.close()
                    b.close()
                finally:
                    server.stop()
                    db.dispose()
    finally:
        cluster.stop()


def _incremental(
    a: Services, b: Services, base: int, rounds: int, initial: tuple[float, float]
) -> None:
    from sqlalchemy import text

    # Demo dossiers are mostly returned already: a change is finishing an open
    # one, returning a processed one, or recording a returned one's rating.
    with a.db.read() as s:
        candidates = [
            (r[0], r[1])
            for r in s.execute(
                text(
                    "SELECT code, status FROM dossiers d WHERE status IN (2, 4, 9) OR "
                    "(status = 10 AND NOT EXISTS "
                    "(SELECT 1 FROM dossier_ratings r WHERE r.dossier_id = d.id)) "
                    "ORDER BY pk DESC LIMIT :n"
                ),
                {"n": rounds * 150},
            )
        ]
    pushes: list[float] = []
    pulls: list[float] = []
    made: list[int] = []
    moment = datetime(2026, 11, 20, 17, 30)
    for _ in range(rounds):
        changed = 0
        while changed < 100 and candidates:
            code, status = candidates.pop(0)
            try:
                if status in (2, 4):
                    a.lifecycle.transition(code, Action.FINISH, at=moment)
                elif status == 9:
                    owner = a.dossiers.get(code).owner
                    collector = Collector(owner.full_name, owner.id_number)
                    a.lifecycle.return_result(code, collector=collector, at=moment)
                else:
                    a.lifecycle.rate(code, convenience=3, overall=3, at=moment)
            except HccError:  # e.g. a later event already: take another dossier
                continue
            changed += 1
        push_s, _ = _timed_sync(a)
        pull_s, _ = _timed_sync(b)
        pushes.append(push_s)
        pulls.append(pull_s)
        made.append(changed)
        print(f"{changed} changes: push {push_s:.3f} s, pull {pull_s:.3f} s", file=sys.stderr)
    _record(
        f"sync_incremental_100_of_{base}",
        {
            "benchmark": f"sync_incremental_100_of_{base}",
            "dossiers": base,
            "rounds": rounds,
            "changes_per_round": made,
            "push_median_s": round(statistics.median(pushes), 3),
            "push_max_s": round(max(pushes), 3),
            "pull_median_s": round(statistics.median(pulls), 3),
            "pull_max_s": round(max(pulls), 3),
            "initial_push_s": round(initial[0], 1),
            "initial_pull_s": round(initial[1], 1),
            "target_s": 1,
            "server": "PostgreSQL (fsync on), uvicorn on 127.0.0.1",
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--base", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    bench(args.dossiers, args.base, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
