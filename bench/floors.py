#!/usr/bin/env python3
"""Each benchmark next to its floor: the bare library doing the same work, interleaved.

    python3 scripts/dev.py bench floors [startup|worklist|search|all]
                                        [--dossiers N] [--pairs N]

A *pair* runs the app's work and the floor's work one right after the other (their order
alternating from pair to pair), so that both see the same machine; each pair gives a
ratio, and the figure reported is the median of the pairs' ratios, with the median
absolute times next to it. The machine's load average is recorded with every result:
on a shared machine the absolute times drift, the ratios much less.

Floors:
- startup: bench/floor_qt.py, a bare PySide6 QMainWindow + QTableView (shown in-process,
  whole process start to exit, peak RSS) against ``main.py --quit-after-show``;
- worklist / search: the very SQL statements the services send (captured with
  sqlite3's trace callback, parameters inlined), run with the standard sqlite3 module on
  a connection set up like the app's (same pragmas), rows fetched as tuples.
The sync floors (push into JSONB with psycopg, pull into SQLite with sqlite3) are in
bench/sync_bench.py (``--floors``), which needs PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from hcc_desktop.services.encryption import connect_store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import json  # noqa: E402

from run import LOGIN_ENV, QUERIES, RESULTS, demo_db, machine, peak_rss_mib  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def paired(
    name: str,
    pairs: int,
    app: Callable[[int], dict[str, float]],
    floor: Callable[[int], dict[str, float]],
    ratios: dict[str, tuple[str, str]],
    **extra: object,
) -> dict[str, object]:
    """Run ``pairs`` pairs (app then floor, floor then app, …); ``ratios`` names each
    ratio as (app figure, floor figure)."""
    loads = [load()]
    per_pair: dict[str, list[float]] = {k: [] for k in ratios}
    figures: dict[str, list[float]] = {}
    for i in range(pairs):
        if i % 2 == 0:
            a, f = app(i), floor(i)
        else:
            f, a = floor(i), app(i)
        for key, value in a.items():
            figures.setdefault(f"app_{key}", []).append(value)
        for key, value in f.items():
            figures.setdefault(f"floor_{key}", []).append(value)
        for label, (ka, kf) in ratios.items():
            per_pair[label].append(a[ka] / f[kf])
        loads.append(load())
    result = {
        **{f"ratio_{k}": round(statistics.median(v), 2) for k, v in per_pair.items()},
        **{f"ratios_{k}": [round(x, 2) for x in v] for k, v in per_pair.items()},
        **{f"{k}_median": round(statistics.median(v), 2) for k, v in figures.items()},
        "pairs": pairs,
        "load_average_1_5_15": loads,
        **extra,
    }
    result = {"benchmark": f"floor_{name}", **result}
    print(json.dumps(result, ensure_ascii=False), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"floor_{name}-{stamp}.json").write_text(
        json.dumps({**result, "machine": machine()}, ensure_ascii=False, indent=2)
    )
    return result


# -- start-up ----------------------------------------------------------------------


def _run_child(
    cmd: list[str], env: dict[str, str], last: str
) -> tuple[dict[str, float], float, float]:
    """Figures printed by the child, the wall time (ms) from its spawn to its ``last``
    figure printed (what follows, the child's exit and teardown, left out),
    and its peak RSS (MiB) when it printed its ``last`` figure (the start-up's peak)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    figures: dict[str, float] = {}
    wall = 0.0
    peaks = [0.0]
    printed = threading.Event()

    def sample() -> None:
        # VmHWM only grows: the last reading before the last figure is the peak so far.
        while not printed.is_set() and proc.poll() is None:
            peaks.append(peak_rss_mib(proc.pid))
            printed.wait(0.005)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stdout is not None
    for raw in proc.stdout:
        line = raw.decode().strip()
        if " " in line:
            key, value = line.split(maxsplit=1)
            figures[key] = float(value)
            if not printed.is_set():
                # Up to the ``last`` figure only (the app prints ``early`` before ``lists``).
                wall = (time.perf_counter() - t0) * 1000
                peaks.append(peak_rss_mib(proc.pid))
            if key == last:
                printed.set()
    printed.set()
    sampler.join()
    peak = max(peaks)
    if proc.wait() != 0:
        raise RuntimeError(f"{cmd} exited with {proc.returncode}: {figures}")
    return figures, wall, peak


def floor_startup(count: int, pairs: int) -> dict[str, object]:
    db = demo_db(count)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "startup.db"
        shutil.copyfile(db, work)
        from hcc_desktop.services.encryption.keys import encode_recovery_key, load_store_key

        key = load_store_key(db)  # the copy's key for the child's own keyring (issue 12)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HCC_DESKTOP_HOME=tmp, **LOGIN_ENV)
        if key is not None:
            env["HCC_RECOVERY_KEY"] = encode_recovery_key(key)
        app_cmd = [sys.executable, str(ROOT / "main.py"), "--db", str(work), "--quit-after-show"]
        floor_cmd = [sys.executable, str(ROOT / "bench" / "floor_qt.py")]

        def app(_i: int) -> dict[str, float]:
            figures, wall, rss = _run_child(app_cmd, env, "lists")
            # ``lists``: the main window's lists (issue 14); ``early``: the first lists, read
            # before the services and shown in the first window.
            return {"shown_ms": figures["shown"], "lists_ms": figures["lists"], "wall_ms": wall,
                    "rss_mib": rss, "early_ms": figures.get("early", figures["lists"])}  # fmt: skip

        def floor(_i: int) -> dict[str, float]:
            figures, wall, rss = _run_child(floor_cmd, env, "shown")
            return {"shown_ms": figures["shown"], "wall_ms": wall, "rss_mib": rss}

        # Warm the OS file cache for both.
        app(0)
        floor(0)
        return paired(
            f"startup_{count}",
            pairs,
            app,
            floor,
            {
                "shown_in_process": ("shown_ms", "shown_ms"),
                "lists_whole_process": ("wall_ms", "wall_ms"),
                "peak_rss": ("rss_mib", "rss_mib"),
            },
            dossiers=count,
            targets={"shown_in_process": 2, "lists_whole_process": 3, "peak_rss": 2},
        )


# -- lists -------------------------------------------------------------------------


class Captured:
    """The SELECT statements the services send to SQLite, whether through SQLAlchemy
    or on the session's sqlite3 cursor: sqlite3's trace callback gives each one with
    its parameters inlined, as SQLite ran it."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements: list[tuple[str, Any]] = []
        self.connections: list[sqlite3.Connection] = []
        engine.dispose()  # every connection from now on goes through "connect"

        def connected(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            self.connections.append(dbapi_connection)

        event.listen(engine, "connect", connected)

    def _trace(self, statement: str) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.statements.append((statement, ()))

    def capture(self, work: Callable[[], object]) -> list[tuple[str, Any]]:
        self.statements = []
        work()  # opens the pooled connection the first time
        self.statements = []
        for con in self.connections:
            con.set_trace_callback(self._trace)
        try:
            work()
        finally:
            for con in self.connections:
                con.set_trace_callback(None)
        return self.statements


def bare_connection(path: Path) -> sqlite3.Connection:
    """A sqlite3 connection set up like the app's (db/engine.py)."""
    con = connect_store(path, isolation_level=None, check_same_thread=False)  # type: ignore[assignment]
    for pragma in (
        "busy_timeout = 15000",
        "foreign_keys = ON",
        "journal_mode = WAL",
        "synchronous = FULL",
    ):
        con.execute(f"PRAGMA {pragma}")
    return con


def run_bare(con: sqlite3.Connection, statements: list[tuple[str, Any]]) -> int:
    rows = 0
    con.execute("BEGIN")
    try:
        for sql, params in statements:
            rows += len(con.execute(sql, params).fetchall())
    finally:
        con.execute("COMMIT")
    return rows


def _p95(ms: list[float]) -> float:
    """The 95th percentile of one half-pair's calls (the report gives its median over the
    pairs, next to the medians)."""
    ordered = sorted(ms)
    return ordered[max(0, round(0.95 * (len(ordered) - 1)))]


def _timed(work: Callable[[], object], n: int) -> float:
    """Median milliseconds of ``n`` calls."""
    ms = []
    for _ in range(n):
        t0 = time.perf_counter()
        work()
        ms.append((time.perf_counter() - t0) * 1000)
    return statistics.median(ms)


def floor_worklist(count: int, pairs: int, per_pair: int) -> dict[str, object]:
    from hcc_desktop.services import open_services

    path = demo_db(count)
    svc = open_services(path)
    captured = Captured(svc.db.read_engine)
    con = bare_connection(path)
    rng = random.Random(5)
    base = datetime(2026, 11, 20, 8, 0)
    moments = [base.replace(hour=rng.randint(7, 16), minute=rng.randrange(60)) for _ in range(50)]
    work = {m: captured.capture(lambda m=m: svc.lifecycle.worklists(as_of=m, limit=500))
            for m in moments}  # fmt: skip

    def app(i: int) -> dict[str, float]:
        ms = []
        for k in range(per_pair):
            m = moments[(i * per_pair + k) % len(moments)]
            t0 = time.perf_counter()
            svc.lifecycle.worklists(as_of=m, limit=500)
            ms.append((time.perf_counter() - t0) * 1000)
        return {"ms": statistics.median(ms), "p95_ms": _p95(ms)}

    def floor(i: int) -> dict[str, float]:
        ms = []
        for k in range(per_pair):
            m = moments[(i * per_pair + k) % len(moments)]
            t0 = time.perf_counter()
            run_bare(con, work[m])
            ms.append((time.perf_counter() - t0) * 1000)
        return {"ms": statistics.median(ms), "p95_ms": _p95(ms)}

    app(0)
    floor(0)
    try:
        return paired(
            f"worklists_{count}",
            pairs,
            app,
            floor,
            {"worklists": ("ms", "ms")},
            dossiers=count,
            statements_per_call=len(work[moments[0]]),
            calls_per_pair=per_pair,
            target_ratio=3,
        )
    finally:
        con.close()
        svc.close()


def floor_search(count: int, pairs: int, per_pair: int) -> dict[str, object]:
    from sqlalchemy import text

    from hcc_desktop.services import open_services

    path = demo_db(count)
    svc = open_services(path)
    captured = Captured(svc.db.read_engine)
    con = bare_connection(path)
    rng = random.Random(3)
    with svc.db.read() as s:
        rows = s.execute(
            text(
                "SELECT code, owner_name, owner_id_number, owner_phone FROM dossiers "
                "ORDER BY random() LIMIT 20"
            )
        ).all()
    typed: list[str] = []
    for code, name, cccd, phone in rows:
        for full in (name, cccd, phone, code[-11:], rng.choice(QUERIES)):
            typed += [full[:n] for n in range(1, len(full) + 1) if not full[:n].endswith(" ")]
    queries = [rng.choice(typed) for _ in range(max(per_pair * pairs, 200))]
    work = {q: captured.capture(lambda q=q: svc.dossiers.search(q)) for q in set(queries)}

    def app(i: int) -> dict[str, float]:
        ms = []
        for q in queries[i * per_pair : (i + 1) * per_pair]:
            t0 = time.perf_counter()
            svc.dossiers.search(q)
            ms.append((time.perf_counter() - t0) * 1000)
        return {"ms": statistics.median(ms), "p95_ms": _p95(ms)}

    def floor(i: int) -> dict[str, float]:
        ms = []
        for q in queries[i * per_pair : (i + 1) * per_pair]:
            t0 = time.perf_counter()
            run_bare(con, work[q])
            ms.append((time.perf_counter() - t0) * 1000)
        return {"ms": statistics.median(ms), "p95_ms": _p95(ms)}

    app(0)
    floor(0)
    try:
        return paired(
            f"search_{count}",
            pairs,
            app,
            floor,
            {"search": ("ms", "ms")},
            dossiers=count,
            queries_per_pair=per_pair,
            target_ratio=3,
        )
    finally:
        con.close()
        svc.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "which", nargs="?", default="all", choices=["all", "startup", "worklist", "search"]
    )
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=7, help="paired runs (at least 5)")
    parser.add_argument("--per-pair", type=int, default=100, help="list calls in each half")
    args = parser.parse_args()
    print(f"load average: {load()}", file=sys.stderr)
    if args.which in ("all", "worklist"):
        floor_worklist(args.dossiers, args.pairs, args.per_pair)
    if args.which in ("all", "search"):
        floor_search(args.dossiers, args.pairs, args.per_pair)
    if args.which in ("all", "startup"):
        floor_startup(args.dossiers, args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
