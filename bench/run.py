#!/usr/bin/env python3
"""Benchmarks of HCC Desktop. Figures go to docs/benchmarks.md.

    python3 scripts/dev.py bench [startup|intake|search|worklist|sync|province|all]
                                 [--dossiers N] [--repeat N]
    python3 scripts/dev.py bench floors|floors-sync [ARGS…]   (next to their floors)

Each benchmark prints medians and p95 and writes JSON to bench/results/.
Databases are built once under bench/.cache/ (reused while the schema is the same).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from replicate import replicate  # noqa: E402
from sqlcipher3 import dbapi2 as sqlcipher  # noqa: E402

from hcc_desktop.core.identity import PersonInput  # noqa: E402
from hcc_desktop.db import cipher  # noqa: E402
from hcc_desktop.db.migrate import head_revision  # noqa: E402
from hcc_desktop.services import Services, open_services  # noqa: E402
from hcc_desktop.services.demo import generate  # noqa: E402
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft  # noqa: E402
from hcc_desktop.services.encryption.keys import (  # noqa: E402
    encode_recovery_key,
    load_store_key,
    save_store_key,
)

CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def summary(name: str, ms: list[float], **extra: object) -> dict[str, object]:
    result = {
        "benchmark": name,
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "min_ms": round(min(ms), 2),
        "max_ms": round(max(ms), 2),
        **extra,
    }
    print(json.dumps(result, ensure_ascii=False))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"{name}-{stamp}.json").write_text(
        json.dumps({**result, "machine": machine()}, ensure_ascii=False, indent=2)
    )
    return result


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


BENCH_USER = "bench"
BENCH_PASSWORD = "bench-password"
# The environment of a program the benchmarks start: it logs in as BENCH_USER.
LOGIN_ENV = {"HCC_USER": BENCH_USER, "HCC_PASSWORD": BENCH_PASSWORD}


def _built(path: Path, build: Callable[[Path], None]) -> Path:
    """``path``, built by ``build`` into a side file first (an interrupted build is
    never taken for a cached store)."""
    if not path.exists():
        tmp = path.with_suffix(".building")
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            p.unlink(missing_ok=True)
        started = time.perf_counter()
        build(tmp)
        tmp.rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


# Above this size a store is the generator's REPLICATE_FROM dossiers replicated in SQL.
REPLICATE_FROM = 100_000


def plain_demo_db(count: int) -> Path:
    """A plain (unencrypted) store with ``count`` demo dossiers and the bench's
    administrator, built once and cached: the one source of every benchmark store.

    Up to ``REPLICATE_FROM`` dossiers the demo generator writes it all (codes,
    components, the event chain's hashes, the search index through its triggers, as the
    services would); above, its ``REPLICATE_FROM`` store is grown by bench/replicate.py
    (its closed dossiers copied into the past: the worklists keep a working morning's
    sizes, as with the generator; minutes instead of an hour at 1,000,000). The store is
    then VACUUMed so that it is laid out like its encrypted export (``demo_db``): plain
    against encrypted compares the cipher, not fragmentation.
    """

    def build(tmp: Path) -> None:
        if count > REPLICATE_FROM:
            shutil.copyfile(plain_demo_db(REPLICATE_FROM), tmp)
            replicate(tmp, count)
        else:
            svc = open_services(tmp, encrypted=False)
            generate(svc, count=count, seed=7, end_day=datetime(2026, 11, 20).date())
            # The officer the benchmarks (and the app started by them) log in as.
            svc.accounts.create_first_admin(
                user_name=BENCH_USER, password=BENCH_PASSWORD, full_name="Trần Thị Bình"
            )
            svc.close()
        # The app's SQLite (sqlcipher3 without a key is plain SQLite, FTS5 and all).
        con = sqlcipher.connect(str(tmp), isolation_level=None)
        try:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("VACUUM")
            con.execute("PRAGMA journal_mode = WAL")  # as the app leaves its stores
        finally:
            con.close()

    CACHE.mkdir(parents=True, exist_ok=True)
    return _built(CACHE / f"plain-{count}-{head_revision()}.db", build)


def demo_db(count: int) -> Path:
    """The encrypted store of the benchmarks: ``plain_demo_db(count)`` exported with
    ``sqlcipher_export`` (as the app's own encryption of a plain store), cached.

    Its key is in the keyring (by path), and also in ``<store>.key`` beside it: the
    benchmarks that run with a throw-away keyring (cipher_bench) find it there. The
    data is synthetic; a key file is fine in a bench cache, never for a real store.
    """
    path = CACHE / f"demo-{count}-{head_revision()}.db"
    side = path.with_name(path.name + ".key")

    def counts_only(path: Path, key: bytes, expected: dict[str, int]) -> None:
        # The app's check (integrity_check: every index entry looked up through a small
        # page cache, each page decrypted) had not ended after 5 minutes at 1,000,000
        # dossiers (60 GB read); the bench checks the row counts, which read every table once.
        con = cipher.connect(path, key)
        try:
            if cipher._counts(con) != expected:
                raise RuntimeError(f"{path}: row counts differ from the plain store's")
        finally:
            con.close()

    def build(tmp: Path) -> None:
        key = secrets.token_bytes(cipher.KEY_BYTES)
        with mock.patch.object(cipher, "verify_copy", counts_only):
            cipher.export_encrypted(plain_demo_db(count), tmp, key)
        side.write_text(key.hex())
        side.chmod(0o600)

    _built(path, build)
    if load_store_key(path) is None:
        save_store_key(path, bytes.fromhex(side.read_text()))
    return path


def copy_store(source: Path, target: Path) -> None:
    """Copy a store and its key (the keyring holds one key per store path)."""
    shutil.copyfile(source, target)
    key = load_store_key(source)
    if key is not None:
        save_store_key(target, key)


def recovery_key_of(store: Path) -> str:
    key = load_store_key(store)
    return encode_recovery_key(key) if key is not None else ""


def bench_intake(repeat: int) -> dict[str, object]:
    """Accept a dossier (commit, durable) and render its receipt PDF."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "intake.db"
        copy_store(demo_db(10_000), db)
        svc = open_services(db, clock=lambda: datetime(2026, 11, 23, 16, 0))
        svc.accounts.authenticate(BENCH_USER, BENCH_PASSWORD)
        owner = PersonInput(
            full_name="Nguyễn Văn An",
            id_number="079203001234",
            date_of_birth="2003-03-15",
            phone="0912345678",
            address="123 Lê Lợi, khu phố 3, phường Hoài Nhơn Bắc",
        )
        draft = IntakeDraft(
            procedure_code="1.001193",
            owner=owner,
            components=(ComponentInput("1.001193-01"), ComponentInput("1.001193-02")),
            received_at=datetime(2026, 11, 23, 9, 0),
        )
        svc.printing.receipt_pdf(svc.intake.accept(draft))  # warm-up: fonts, caches
        commit_ms, pdf_ms, total_ms = [], [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            dossier = svc.intake.accept(draft)
            t1 = time.perf_counter()
            svc.printing.receipt_pdf(dossier)
            t2 = time.perf_counter()
            commit_ms.append((t1 - t0) * 1000)
            pdf_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
        svc.close()
    return summary(
        "intake_commit_and_receipt",
        total_ms,
        commit_median_ms=round(statistics.median(commit_ms), 2),
        pdf_median_ms=round(statistics.median(pdf_ms), 2),
        target_median_ms=100,
    )


QUERIES = [
    "nguyen", "nguyen van", "tran thi", "Lê Văn", "hương", "phạm thị", "đặng", "ngô",
    "khai sinh", "chứng thực", "thuong tru", "tuan", "yến", "bui thi lan", "vo minh",
]  # fmt: skip


def bench_search(count: int, repeat: int) -> dict[str, object]:
    """Search as the officer types: every prefix of names, CCCD and phone numbers,
    dossier codes and procedure words, from one letter to the whole text."""
    svc: Services = open_services(demo_db(count))
    rng = random.Random(3)
    with svc.db.read() as s:
        from sqlalchemy import text

        rows = s.execute(
            text(
                "SELECT code, owner_name, owner_id_number, owner_phone FROM dossiers "
                "ORDER BY random() LIMIT 60"
            )
        ).all()
    typed: list[str] = []
    for code, name, cccd, phone in rows:
        for full in (name, cccd, phone, code[-11:], rng.choice(QUERIES)):
            typed += [full[:n] for n in range(1, len(full) + 1) if not full[:n].endswith(" ")]
    ms: list[float] = []
    hits: list[int] = []
    short: list[float] = []
    for _ in range(repeat):
        q = rng.choice(typed)
        t0 = time.perf_counter()
        found = svc.dossiers.search(q)
        elapsed = (time.perf_counter() - t0) * 1000
        ms.append(elapsed)
        if len(q) <= 2:
            short.append(elapsed)
        hits.append(len(found))
    svc.close()
    return summary(
        f"search_{count}",
        ms,
        dossiers=count,
        median_hits=statistics.median(hits),
        one_or_two_letters_p95_ms=round(percentile(short, 0.95), 2) if short else None,
        target_median_ms=50,
    )


def bench_worklist(count: int, repeat: int) -> dict[str, object]:
    """The five worklists with their counts (what the main window shows and
    refreshes), and the reminder query, at moments around the demo's last day."""
    svc: Services = open_services(demo_db(count))
    rng = random.Random(5)
    ms: list[float] = []
    reminder_ms: list[float] = []
    sizes: list[int] = []
    base = datetime(2026, 11, 20, 8, 0)
    for i in range(repeat):
        as_of = base.replace(hour=rng.randint(7, 16), minute=rng.randrange(60))
        t0 = time.perf_counter()
        w = svc.lifecycle.worklists(as_of=as_of, limit=500)
        ms.append((time.perf_counter() - t0) * 1000)
        sizes.append(sum(w.counts.values()))
        if i % 4 == 0:
            t0 = time.perf_counter()
            svc.lifecycle.reminders(as_of=as_of)
            reminder_ms.append((time.perf_counter() - t0) * 1000)
    svc.close()
    return summary(
        f"worklists_{count}",
        ms,
        dossiers=count,
        median_listed=statistics.median(sizes),
        reminders_median_ms=round(statistics.median(reminder_ms), 2),
        reminders_p95_ms=round(percentile(reminder_ms, 0.95), 2),
        target_ms=100,
    )


def peak_rss_mib(pid: int) -> float:
    """A running process's own peak RSS so far (VmHWM of its address space, MiB; 0 once
    it has exited or off Linux).

    Not ``ru_maxrss`` (``wait4``, ``RUSAGE_CHILDREN``): Linux keeps that across
    ``execve``, so a child spawned by this (large) bench process reports the bench's RSS
    when its own is smaller.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def bench_startup(count: int, repeat: int) -> dict[str, object]:
    """Process start to main window shown, and to its lists loaded (offscreen), on a
    database of ``count`` dossiers; peak RSS of the app showing the lists."""
    db = demo_db(count)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "startup.db"
        shutil.copyfile(db, work)
        # The copy's key, for the child's own keyring (issue 12: one key entry per store).
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            HCC_DESKTOP_HOME=tmp,
            HCC_RECOVERY_KEY=recovery_key_of(db),
            **LOGIN_ENV,
        )
        inside, lists, wall, peaks = [], [], [], []
        for _ in range(repeat + 1):
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, str(ROOT / "main.py"), "--db", str(work), "--quit-after-show"],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env=env,
            )
            figures: dict[str, float] = {}
            assert proc.stdout is not None
            for line in proc.stdout:
                if " " in line.strip():
                    key, value = line.split()
                    figures[key] = float(value)
                    if key == "lists":  # the start-up's peak: the app's own, so far
                        peaks.append(peak_rss_mib(proc.pid))
            if proc.wait() != 0:
                raise RuntimeError(f"the app exited with {proc.returncode}: {figures}")
            wall.append((time.perf_counter() - t0) * 1000)
            inside.append(float(figures["shown"]))
            lists.append(float(figures["lists"]))
        # The first run warms the OS file cache.
        inside, lists, wall = inside[1:], lists[1:], wall[1:]
    return summary(
        f"startup_to_main_window_{count}",
        wall,
        dossiers=count,
        in_process_median_ms=round(statistics.median(inside), 1),
        lists_loaded_median_ms=round(statistics.median(lists), 1),
        # Peak resident memory of the app showing its lists (largest run).
        max_rss_mb=round(max(peaks), 1) if os.name == "posix" else None,
        target_rss_mb=300,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    kinds = [
        "all",
        "startup",
        "intake",
        "search",
        "worklist",
        "sync",
        "province",
        "floors",
        "floors-sync",
    ]
    parser.add_argument("which", nargs="?", default="all", choices=kinds)
    parser.add_argument("--dossiers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=0, help="0 = each benchmark's default")
    args, rest = parser.parse_known_args()
    if args.which == "sync":
        # Its own options (--dossiers, --base, --rounds): see bench/sync_bench.py.
        cmd = [sys.executable, str(ROOT / "bench" / "sync_bench.py"), *rest]
        if "--dossiers" not in rest and args.dossiers != 100_000:
            cmd += ["--dossiers", str(args.dossiers)]
        return subprocess.call(cmd)
    if args.which == "floors-sync":
        # First sync next to its floors (PostgreSQL needed): see bench/sync_floors.py.
        cmd = [sys.executable, str(ROOT / "bench" / "sync_floors.py"), *rest]
        if "--dossiers" not in rest and args.dossiers != 100_000:
            cmd += ["--dossiers", str(args.dossiers)]
        return subprocess.call(cmd)
    if args.which == "floors":
        # Each benchmark next to its bare-library floor: see bench/floors.py.
        cmd = [sys.executable, str(ROOT / "bench" / "floors.py"), *rest]
        if "--dossiers" not in rest:
            cmd += ["--dossiers", str(args.dossiers)]
        return subprocess.call(cmd)
    if args.which == "province":
        # Its own options (--units, --dossiers, --repeat, --push-rounds): bench/province_bench.py.
        cmd = [sys.executable, str(ROOT / "bench" / "province_bench.py"), *sys.argv[2:]]
        return subprocess.call(cmd)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.which in ("all", "intake"):
        bench_intake(args.repeat or 200)
    if args.which in ("all", "search"):
        bench_search(args.dossiers, args.repeat or 2000)
    if args.which in ("all", "worklist"):
        bench_worklist(args.dossiers, args.repeat or 200)
    if args.which in ("all", "startup"):
        bench_startup(args.dossiers, args.repeat or 7)
    return 0


if __name__ == "__main__":
    sys.exit(main())
