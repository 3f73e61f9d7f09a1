#!/usr/bin/env python3
"""First sync of a large store next to its floors (issue 14).

    python3 scripts/dev.py bench floors-sync [--dossiers 10000] [--pairs 3]

Each pair, on a fresh server database (PostgreSQL, fsync on, a real server process):
- **push**: device A pushes N demo dossiers (with histories and ratings). Floor: the very
  request bodies A sent (captured), each item's JSON inserted into a JSONB table with
  psycopg in the same batches of 1,000, one commit per batch.
- **pull**: device B, new, pulls them all. Floor: the very statements B wrote (captured
  from SQLAlchemy's cursor events with their parameters; the FTS trigger and the indexes
  do their work again) replayed with the standard sqlite3 module into a fresh store of
  the same schema, with the same transactions and pragmas (WAL, synchronous=FULL).
The floors run right after the app's work in each pair (they need what it sent and
wrote). Capturing costs the app a little (an event call per statement): the ratios err
on the app's side. Needs PostgreSQL's initdb/pg_ctl.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sync_bench import _device, _enqueue_everything  # noqa: E402

from hcc_desktop.core.formats import wire_json  # noqa: E402
from hcc_desktop.server.db import ServerDatabase  # noqa: E402
from hcc_desktop.server.store import SyncStore  # noqa: E402
from hcc_desktop.services import open_services  # noqa: E402
from hcc_desktop.services.demo import generate  # noqa: E402
from hcc_desktop.services.encryption import connect_store  # noqa: E402
from hcc_desktop.services.sync.client import SyncBase  # noqa: E402
from tests.integration.conftest import PgCluster, ServerProcess, find_pg_bin  # noqa: E402

RESULTS = ROOT / "bench" / "results"
_WRITES = (
    "INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
)  # fmt: skip


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class PushCapture:
    """The bodies of the push requests a device sends."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self._original = SyncBase._call

    def __enter__(self) -> PushCapture:
        original = self._original
        bodies = self.bodies

        def call(client: Any, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
            if method.upper() == "POST" and "push" in path and "content" in kwargs:
                bodies.append(kwargs["content"])
            return original(client, method, path, **kwargs)

        SyncBase._call = staticmethod(call)  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *_exc: object) -> None:
        SyncBase._call = staticmethod(self._original)  # type: ignore[method-assign,assignment]


def floor_push(url: str, bodies: list[bytes]) -> tuple[float, int]:
    """The same JSON into JSONB in the same batches, one commit each."""
    import psycopg

    items_per_batch = []
    for body in bodies:
        batch = wire_json.loads(body)
        items = next((v for v in batch.values() if isinstance(v, list)), [])
        items_per_batch.append([wire_json.dumps(item) for item in items])
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as con:
        con.execute(
            "CREATE TABLE IF NOT EXISTS floor_items (pk bigserial PRIMARY KEY, doc jsonb NOT NULL)"
        )
        con.commit()
        t0 = time.perf_counter()
        for items in items_per_batch:
            with con.cursor() as cur:
                cur.executemany(
                    "INSERT INTO floor_items (doc) VALUES (%s::jsonb)", [(i,) for i in items]
                )
            con.commit()
        elapsed = time.perf_counter() - t0
    return elapsed, sum(len(i) for i in items_per_batch)


class PullTrace:
    """The write statements a device's write engine sends, with their parameters
    (SQLAlchemy's cursor events; commits from its transaction events)."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements: list[tuple[str, Any, bool]] = []
        self.on = True

        def before(_c: Any, _cur: Any, sql: str, params: Any, _ctx: Any, many: bool) -> None:
            if self.on and sql.lstrip()[:10].upper().startswith(_WRITES):
                self.statements.append((sql, params, many))

        def commit(_conn: Any) -> None:
            if self.on:
                self.statements.append(("COMMIT", (), False))

        def rollback(_conn: Any) -> None:
            if self.on:
                self.statements.append(("ROLLBACK", (), False))

        event.listen(engine, "before_cursor_execute", before)
        event.listen(engine, "commit", commit)
        event.listen(engine, "rollback", rollback)

    @property
    def count(self) -> int:
        return len(self.statements)

    def close(self) -> None:
        self.on = False


def floor_pull(statements: list[tuple[str, Any, bool]], fresh_store: Path) -> float:
    con = connect_store(fresh_store, isolation_level=None)  # type: ignore[assignment]
    for pragma in ("busy_timeout = 15000", "foreign_keys = ON", "journal_mode = WAL",
                   "synchronous = FULL"):  # fmt: skip
        con.execute(f"PRAGMA {pragma}")
    t0 = time.perf_counter()
    for k, (sql, params, many) in enumerate(statements):
        try:
            if many:
                con.executemany(sql, params)
            elif sql == "ROLLBACK" and not con.in_transaction:
                continue
            else:
                con.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise RuntimeError(f"statement {k}: {sql[:300]}") from exc
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def one_pair(cluster: PgCluster, tmp: Path, n: int, i: int) -> dict[str, float]:
    url = cluster.create_database()
    server = ServerProcess(url, tmp / f"server-{i}.log")
    server.start()
    db = ServerDatabase(url)
    store = SyncStore(db)
    work = tmp / f"pair-{i}"
    work.mkdir()
    try:
        a = _device(work, "a", server, store)
        b = _device(work, "b", server, store)
        generate(a, count=n, seed=11, end_day=date(2026, 11, 20))
        _enqueue_everything(a)
        with PushCapture() as pushed:
            t0 = time.perf_counter()
            a.sync.sync()
            push_s = time.perf_counter() - t0
        floor_push_s, items = floor_push(url, pushed.bodies)
        # A fresh store with B's schema and settings, for the pull floor.
        fresh = work / "floor.db"
        open_services(fresh).close()
        tracer = PullTrace(b.db.write_engine)
        t0 = time.perf_counter()
        b.sync.sync()
        pull_s = time.perf_counter() - t0
        tracer.close()
        assert b.dossiers.count() == n, (b.dossiers.count(), n)
        floor_pull_s = floor_pull(tracer.statements, fresh)
        a.close()
        b.close()
        return {
            "push_s": push_s,
            "floor_push_s": floor_push_s,
            "pull_s": pull_s,
            "floor_pull_s": floor_pull_s,
            "items": items,
            "pull_statements": tracer.count,
        }
    finally:
        server.stop()
        db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    bindir = find_pg_bin()
    if bindir is None:
        raise SystemExit("PostgreSQL binaries (initdb, pg_ctl) not found")
    cluster = PgCluster(bindir, durable=True)
    cluster.start()
    loads = [load()]
    pairs: list[dict[str, float]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="hcc-sync-floors-") as tmp_name:
            for i in range(args.pairs):
                pairs.append(one_pair(cluster, Path(tmp_name), args.dossiers, i))
                loads.append(load())
                print(json.dumps(pairs[-1]), file=sys.stderr)
    finally:
        cluster.stop()
    n = args.dossiers
    result = {
        "benchmark": f"floor_sync_{n}",
        "dossiers": n,
        "ratio_push": round(statistics.median(p["push_s"] / p["floor_push_s"] for p in pairs), 2),
        "ratio_pull": round(statistics.median(p["pull_s"] / p["floor_pull_s"] for p in pairs), 2),
        "push_s_median": round(statistics.median(p["push_s"] for p in pairs), 2),
        "floor_push_s_median": round(statistics.median(p["floor_push_s"] for p in pairs), 2),
        "pull_s_median": round(statistics.median(p["pull_s"] for p in pairs), 2),
        "floor_pull_s_median": round(statistics.median(p["floor_pull_s"] for p in pairs), 2),
        "pairs": pairs,
        "load_average_1_5_15": loads,
        "targets": {"push": 2, "pull": 2},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"floor_sync_{n}-{stamp}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps({k: v for k, v in result.items() if k != "pairs"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
