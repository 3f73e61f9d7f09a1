#!/usr/bin/env python3
"""Encrypted (SQLCipher) against plain, in the same run, interleaved (issue 12).

    .venv/bin/python bench/cipher_bench.py [--dossiers 100000] [--rounds 5] [--per-round 20]
    .venv/bin/python bench/cipher_bench.py --startup-only [--startups 7]
    .venv/bin/python bench/cipher_bench.py --library [--rows 10000]

Intake + receipt, search as the officer types, the worklists, and app start-up
(the main window's lists loaded, offscreen, logged in with HCC_USER/HCC_PASSWORD:
the ``lists`` figure in-process, and the wall time from the spawn), each measured on a
plain store and on the same store encrypted, in alternating pairs (plain first on
even rounds, encrypted first on odd ones) so that the machine's load falls on both.
The issue asks for 1,000,000 dossiers (``--dossiers 1000000``: the stores are built
once, about an hour, and cached under bench/.cache/; each run copies them, 2 x 5 GB);
the default is 100,000. ``--library`` is the library choice's micro benchmark
(sqlcipher3 vs apsw-sqlite3mc vs plain sqlite3). Ratios go first in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The bench's keyring (the encrypted-file backend) lives in a throw-away home.
HOME = Path(tempfile.mkdtemp(prefix="hcc-cipher-bench-"))
os.environ["HCC_DESKTOP_HOME"] = str(HOME)

from hcc_desktop.core.identity import PersonInput  # noqa: E402
from hcc_desktop.db import engine  # noqa: E402
from hcc_desktop.services import Services, open_services  # noqa: E402
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from run import LOGIN_ENV, copy_store, demo_db, plain_demo_db  # noqa: E402

LOGIN = LOGIN_ENV
NOW = datetime(2026, 11, 23, 16, 0)


def stores(count: int, work: Path) -> dict[str, Path]:
    """Copies of the cached plain demo and of its encrypted export (bench/run.py: built
    once, the same data, both VACUUM-compact), so that the intakes leave the cache as it
    was."""
    paths = {"plain": work / "plain.db", "encrypted": work / "encrypted.db"}
    copy_store(plain_demo_db(count), paths["plain"])
    copy_store(demo_db(count), paths["encrypted"])
    return paths


def median(values: list[float]) -> float:
    return round(statistics.median(values), 2)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, round(0.95 * (len(ordered) - 1)))], 2)


DRAFT = IntakeDraft(
    procedure_code="1.001193",
    owner=PersonInput(
        full_name="Nguyễn Văn An",
        id_number="079203001234",
        date_of_birth="2003-03-15",
        phone="0912345678",
        address="123 Lê Lợi, khu phố 3, phường Hoài Nhơn Bắc",
    ),
    components=(ComponentInput("1.001193-01"), ComponentInput("1.001193-02")),
    received_at=datetime(2026, 11, 23, 9, 0),
)

QUERIES = [
    "nguyen", "nguyen van", "tran thi", "Lê Văn", "hương", "phạm thị", "đặng", "ngô",
    "khai sinh", "chứng thực", "tuan", "yến", "bui thi lan", "vo minh", "0912", "0792",
]  # fmt: skip


def open_kind(kind: str, path: Path) -> Services:
    if kind == "plain_sqlcipher":
        # The plain store through SQLCipher's own SQLite (sqlcipher3 without a key) instead
        # of the standard library's: the cipher alone is encrypted / plain_sqlcipher.
        from sqlcipher3 import dbapi2

        real = engine.create_engine

        def create_engine(url: str, **kw: object) -> object:
            return real(url, module=dbapi2, **kw)  # type: ignore[arg-type]

        with mock.patch.object(engine, "create_engine", create_engine):
            svc = open_services(path, clock=lambda: NOW, encrypted=False)
    else:
        svc = open_services(path, clock=lambda: NOW, encrypted=kind == "encrypted")
    svc.accounts.authenticate(LOGIN["HCC_USER"], LOGIN["HCC_PASSWORD"])  # intake needs one
    svc.settings.save(replace(svc.settings.load(), officer_name="Trần Thị Bình"))
    return svc


def measure_services(svc: Services, n: int, rng: random.Random) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"intake_receipt": [], "search": [], "worklists": []}
    for _ in range(n):
        t0 = time.perf_counter()
        svc.printing.receipt_pdf(svc.intake.accept(DRAFT))
        out["intake_receipt"].append((time.perf_counter() - t0) * 1000)
    for _ in range(n):
        q = rng.choice(QUERIES)
        q = q[: rng.randint(1, len(q))].rstrip() or q
        t0 = time.perf_counter()
        svc.dossiers.search(q)
        out["search"].append((time.perf_counter() - t0) * 1000)
    base = datetime(2026, 11, 20, 8, 0)
    for _ in range(max(3, n // 4)):
        as_of = base.replace(hour=rng.randint(7, 16), minute=rng.randrange(60))
        t0 = time.perf_counter()
        svc.lifecycle.worklists(as_of=as_of, limit=500)
        out["worklists"].append((time.perf_counter() - t0) * 1000)
    return out


# The GUI through main.py, with open_services pinned to one kind: a plain store given
# to this version would be encrypted on open, so the plain run patches the one switch
# (and looks no key up ahead: ui/app.py's unlock_ahead).
STARTUP = """
import sys, runpy
import hcc_desktop.services as services
import hcc_desktop.ui.app as app
encrypted = sys.argv[2] == "encrypted"

def open_services(*a, **k):
    from hcc_desktop.services.wiring import open_services as original  # as lazily as the app
    return original(*a, encrypted=encrypted, **k)

services.open_services = open_services
if not encrypted:
    app.unlock_ahead = lambda path: None
main = sys.argv[3]
sys.argv = [main, "--db", sys.argv[1], "--quit-after-show"]
runpy.run_path(main, run_name="__main__")
"""


def startup_ms(kind: str, path: Path) -> tuple[float, float]:
    """The app's ``lists`` figure (in-process, logged in as the bench's officer) and the
    wall time from spawning the process to that line."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HCC_DESKTOP_HOME=str(HOME), **LOGIN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", STARTUP, str(path), kind, str(ROOT / "main.py")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    figures: dict[str, float] = {}
    wall = 0.0
    assert proc.stdout is not None
    for line in proc.stdout:
        if " " in line.strip():
            key, value = line.split()
            figures[key] = float(value)
            wall = (time.perf_counter() - t0) * 1000
    if proc.wait() != 0 or "lists" not in figures:
        raise RuntimeError(f"{kind} start-up failed ({proc.returncode}): {figures}")
    return figures["lists"], wall


def run_app(
    count: int, rounds: int, per_round: int, startups: int, library: bool = False
) -> dict[str, object]:
    rng = random.Random(11)
    names = ["startup", "startup_wall"] if startups else []
    loads = [os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        paths = stores(count, Path(tmp))
        samples: dict[str, dict[str, list[float]]] = {
            k: {"intake_receipt": [], "search": [], "worklists": [], "startup": [],
                "startup_wall": []}
            for k in paths
        }  # fmt: skip
        if rounds:
            names = ["intake_receipt", "search", "worklists", *names]
            opened = {k: open_kind(k, p) for k, p in paths.items()}
            if library:
                # The same plain file, a second app on it (intakes from both add up).
                opened["plain_sqlcipher"] = open_kind("plain_sqlcipher", paths["plain"])
                samples["plain_sqlcipher"] = {k: [] for k in samples["plain"]}
            for svc in opened.values():  # warm-up: fonts, caches, first pages
                measure_services(svc, 2, random.Random(1))
            for r in range(rounds):
                order = [k for k in ("plain", "plain_sqlcipher", "encrypted") if k in opened]
                if r % 2:
                    order.reverse()
                # Both kinds type the same queries at the same moments in a round: a search's
                # time depends on the prefix far more than on the cipher.
                seed = rng.random()
                for kind in order:
                    got = measure_services(opened[kind], per_round, random.Random(seed))
                    for name, values in got.items():
                        samples[kind][name] += values
                loads.append(os.getloadavg())
            for svc in opened.values():
                svc.close()
        for kind in ("plain", "encrypted") if startups else ():
            startup_ms(kind, paths[kind])  # warm the OS file cache
        for r in range(startups):
            order = ["plain", "encrypted"] if r % 2 == 0 else ["encrypted", "plain"]
            for kind in order:
                lists, wall = startup_ms(kind, paths[kind])
                samples[kind]["startup"].append(lists)
                samples[kind]["startup_wall"].append(wall)
            loads.append(os.getloadavg())
    result: dict[str, object] = {
        "dossiers": count,
        "rounds": rounds,
        "per_round": per_round,
        "load_average_1_5_15": [" ".join(f"{x:.2f}" for x in a) for a in loads],
    }
    if startups:
        plain_ms, enc_ms = samples["plain"]["startup"], samples["encrypted"]["startup"]
        pairs = [e / p for p, e in zip(plain_ms, enc_ms, strict=True)]
        result["startup_pair_ratios"] = [round(x, 2) for x in pairs]
        result["startup_ratio_of_pairs_median"] = round(statistics.median(pairs), 3)
    for name in names:
        plain, enc = samples["plain"][name], samples["encrypted"][name]
        result[name] = {
            "ratio_median": round(statistics.median(enc) / statistics.median(plain), 3),
            "plain_median_ms": median(plain),
            "encrypted_median_ms": median(enc),
            "plain_p95_ms": p95(plain),
            "encrypted_p95_ms": p95(enc),
            "n": len(plain),
        }
        if "plain_sqlcipher" in samples and samples["plain_sqlcipher"][name]:
            lib = samples["plain_sqlcipher"][name]
            result[name]["plain_sqlcipher_median_ms"] = median(lib)
            result[name]["plain_sqlcipher_p95_ms"] = p95(lib)
            result[name]["plain_sqlcipher_vs_plain"] = round(
                statistics.median(lib) / statistics.median(plain), 3
            )
            result[name]["encrypted_vs_plain_sqlcipher"] = round(
                statistics.median(enc) / statistics.median(lib), 3
            )
    return result


# -- the library choice ------------------------------------------------------------------


def run_library(rows: int) -> dict[str, object]:
    """Open, ``rows`` single-row transactions (a row + its FTS5 entry, WAL,
    synchronous=FULL as the app), then 100 FTS5 prefix queries: plain sqlite3,
    sqlcipher3 and apsw-sqlite3mc (when installed), best of two interleaved runs."""
    key = secrets.token_hex(32)

    def rows_of(i: int) -> tuple[object, ...]:
        names = ["nguyen van an", "tran thi binh", "le thi cuc", "pham van dung"]
        return (i, f"H{i:08d}", f"{names[i % 4]} {i}", f"0790{i:08d}", f"09{i:08d}", "x" * 300)

    def workload(con: object, execute: Callable[..., list[object]]) -> tuple[float, float]:
        execute("PRAGMA journal_mode=WAL")
        execute("PRAGMA synchronous=FULL")
        execute("CREATE TABLE d(id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT, "
                "cccd TEXT, phone TEXT, payload TEXT)")  # fmt: skip
        execute("CREATE VIRTUAL TABLE f USING fts5(name, cccd)")
        t = time.perf_counter()
        for i in range(rows):
            r = rows_of(i)
            execute("BEGIN IMMEDIATE")
            execute("INSERT INTO d VALUES (?,?,?,?,?,?)", r)
            execute("INSERT INTO f(rowid, name, cccd) VALUES (?,?,?)", (r[0], r[2], r[3]))
            execute("COMMIT")
        inserts = time.perf_counter() - t
        t = time.perf_counter()
        for q in ("nguyen*", "tran van*", "0790*", "le thi*") * 25:
            execute("SELECT rowid FROM f WHERE f MATCH ? LIMIT 50", (q,))
        return inserts, time.perf_counter() - t

    def plain(path: str) -> tuple[float, float, float]:
        import sqlite3

        t = time.perf_counter()
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("SELECT count(*) FROM sqlite_master").fetchall()
        opened = time.perf_counter() - t
        return (opened, *workload(con, lambda s, p=(): con.execute(s, p).fetchall()))

    def sqlcipher3(path: str) -> tuple[float, float, float]:
        from sqlcipher3 import dbapi2

        t = time.perf_counter()
        con = dbapi2.connect(path, isolation_level=None)
        con.execute(f"PRAGMA key = \"x'{key}'\"")
        con.execute("PRAGMA cipher_memory_security = OFF")
        con.execute("SELECT count(*) FROM sqlite_master").fetchall()
        opened = time.perf_counter() - t
        return (opened, *workload(con, lambda s, p=(): con.execute(s, p).fetchall()))

    def sqlite3mc(path: str) -> tuple[float, float, float]:
        import apsw  # type: ignore[import-not-found]

        t = time.perf_counter()
        con = apsw.Connection(path)
        con.execute(f"PRAGMA key = \"x'{key}'\"")
        con.execute("SELECT count(*) FROM sqlite_master").fetchall()
        opened = time.perf_counter() - t
        return (opened, *workload(con, lambda s, p=(): con.execute(s, p).fetchall()))

    candidates: dict[str, Callable[[str], tuple[float, float, float]]] = {
        "sqlite3 (plain)": plain,
        "sqlcipher3": sqlcipher3,
    }
    try:
        import apsw  # noqa: F401

        candidates["apsw-sqlite3mc"] = sqlite3mc
    except ImportError:
        print("apsw-sqlite3mc is not installed: pip install apsw-sqlite3mc", file=sys.stderr)
    best: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(2):
            for name, fn in candidates.items():
                got = fn(os.path.join(tmp, f"{name.split()[0]}-{r}.db"))
                best[name] = [min(a, b) for a, b in zip(best.get(name, got), got, strict=True)]
    base = best["sqlite3 (plain)"]
    return {
        name: {
            "open_ms": round(v[0] * 1000, 2),
            f"{rows}_transactions_s": round(v[1], 2),
            "100_fts5_queries_ms": round(v[2] * 1000, 1),
            "insert_ratio": round(v[1] / base[1], 2),
            "fts5_ratio": round(v[2] / base[2], 2),
        }
        for name, v in best.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=20)
    parser.add_argument("--startups", type=int, default=3)
    parser.add_argument(
        "--startup-only", action="store_true", help="only the start-ups (as --rounds 0)"
    )
    parser.add_argument(
        "--read-cache-kib",
        type=int,
        help="the encrypted readers' page cache (db/engine.py READ_CACHE_KIB_ENCRYPTED)",
    )
    parser.add_argument(
        "--with-sqlcipher-plain",
        action="store_true",
        help="a third kind: the plain store through sqlcipher3 without a key (the cipher alone)",
    )
    parser.add_argument("--library", action="store_true")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    if args.read_cache_kib:
        engine.READ_CACHE_KIB_ENCRYPTED = args.read_cache_kib
    try:
        if args.library:
            result = run_library(args.rows)
        else:
            rounds = 0 if args.startup_only else args.rounds
            result = run_app(
                args.dossiers, rounds, args.per_round, args.startups, args.with_sqlcipher_plain
            )
    finally:
        shutil.rmtree(HOME, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
