#!/usr/bin/env python3
"""Benchmark: the quarter report + 766 estimate on 1,000,000 dossiers.

    python bench/reports_bench.py [--dossiers 1000000] [--repeat 5] [--split]

The database (built once under bench/.cache/, reused) holds N dossiers received
evenly over five years up to 31/12/2026 (about 550 a day: a large centre),
each with its receipt and terminal events (a return after most, supplements
on 5 %, 2 % still open), two components, a rating on a third. The timed work
is ``ReportService.periodic`` + ``index766`` for Q4 2026. The floor, run
interleaved in the same process, is a bare sqlite3 aggregate over the same
rows: the same three selects of the period's dossiers with each one's first
terminal event before the end, counted. Ratio first, absolute time second.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hcc_desktop.core.periods import Period  # noqa: E402
from hcc_desktop.db.migrate import head_revision  # noqa: E402
from hcc_desktop.services import Services, open_services  # noqa: E402
from hcc_desktop.services.encryption import connect_store  # noqa: E402
from hcc_desktop.services.reports import engine  # noqa: E402
from hcc_desktop.services.reports.engine import MMAP_BYTES, stamp  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
QUARTER = Period(date(2026, 10, 1), date(2026, 12, 31))
PROCS = [
    ("1.001193", "Hộ tịch", 0),
    ("2.000815", "Chứng thực", 0),
    ("2.000884", "Chứng thực", 0),
    ("1.004873", "Hộ tịch", 3),
    ("1.004222", "Đăng ký, quản lý cư trú", 7),
    ("1.012753", "Đất đai", 20),
]
CHANNELS = ["counter"] * 6 + ["online"] * 3 + ["saturday_session", "postal"]
OFFICERS = ["Trần Thị Bình", "Lê Văn Cường", "Nguyễn Thị Dung", "Phạm Văn Em"]

FLOOR_SQL = """
WITH cand AS (
    SELECT id FROM dossiers WHERE received_at >= :start AND received_at < :end
    UNION ALL SELECT id FROM dossiers WHERE received_at < :start AND ended_at IS NULL
    UNION ALL SELECT id FROM dossiers WHERE received_at < :start AND ended_at >= :start
)
SELECT COUNT(*), COUNT(end_at) FROM (
    SELECT (SELECT MIN(e.at) FROM dossier_events e
             WHERE e.dossier_id = c.id AND e.at < :end AND e.to_status IN (3, 7, 8, 9, 10)
           ) AS end_at
      FROM cand c)
"""


def fmt(moment: datetime) -> str:
    return stamp(moment)


def build(path: Path, n: int, seed: int = 766) -> None:
    services = open_services(path)
    services.close()
    rnd = random.Random(seed)
    con = connect_store(path)  # type: ignore[assignment]
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    # The search index is not what this benchmark measures; skip filling it.
    con.execute("DROP TRIGGER IF EXISTS dossiers_fts_ai")
    first = datetime(2022, 1, 1, 7, 0)
    span = (datetime(2026, 12, 31, 17, 0) - first).total_seconds()
    now = fmt(datetime(2027, 1, 1))
    dossiers, events, comps, ratings = [], [], [], []

    def flush() -> None:
        con.executemany(
            "INSERT INTO dossiers (id, code, unit_code, device_id, procedure_code, procedure_name,"
            " procedure_field, status, channel, received_at, clock_start_at, due_at,"
            " processing_days, owner_name, owner_id_type, owner_id_number, owner_phone,"
            " owner_address, owner_email, sets_count, fee_amount, result_delivery, received_by,"
            " book_no, order_no, note, search_text, original_due_at, holder, supplement_count,"
            " ended_at, created_at, updated_at, version, paid_online, e_result, origin)"
            " VALUES (?,?,'000.17.22.H56','dev',?,?,?,?,?,?,?,?,?,'A','cccd','079203001234',"
            " '','','',1,0,'counter',?,'',0,'','',?,'',?,?,?,?,1,?,?,'local')",
            dossiers,
        )
        con.executemany(
            "INSERT INTO dossier_events (id, dossier_id, kind, at, actor, from_status, to_status,"
            " reason, data_json, device_id, recorded_at) VALUES (?,?,?,?,'',NULL,?,'',?,'dev',?)",
            events,
        )
        con.executemany(
            "INSERT INTO dossier_components (id, dossier_id, position, component_id, name, form,"
            " count, reused_digital, digitised) VALUES (?,?,?,?,'x','original',1,?,?)",
            comps,
        )
        con.executemany(
            "INSERT INTO dossier_ratings (id, dossier_id, convenience, overall, criteria_json,"
            " comment, rated_by, by_citizen, rated_at, device_id, recorded_at)"
            " VALUES (?,?,?,?,'{}','','',1,?,'dev',?)",
            ratings,
        )
        dossiers.clear(), events.clear(), comps.clear(), ratings.clear()

    for i in range(n):
        did = str(uuid.uuid4())
        received = first + timedelta(seconds=span * i / n)
        code, field, days = PROCS[rnd.randrange(len(PROCS))]
        due = received + timedelta(days=days, hours=2)
        channel = rnd.choice(CHANNELS)
        r = rnd.random()
        end: datetime | None = received + timedelta(days=days * r * 1.1, hours=1)
        sup = 1 if rnd.random() < 0.05 else 0
        if rnd.random() < 0.02 or end >= datetime(2027, 1, 1):
            end = None
        kind = "processed" if rnd.random() > 0.03 else "refused"
        dossiers.append(
            (
                did,
                f"000.17.22.H56-{i:08d}",
                code,
                code,
                field,
                9 if end else 4,
                channel,
                fmt(received),
                fmt(received),
                fmt(due),
                days,
                rnd.choice(OFFICERS),
                fmt(due),
                sup,
                fmt(end) if end else None,
                now,
                now,
                rnd.random() < 0.85,
                rnd.random() < 0.9,
            )
        )
        events.append((str(uuid.uuid4()), did, "received", fmt(received), 2, "{}", now))
        if sup:
            events.append(
                (
                    str(uuid.uuid4()),
                    did,
                    "supplement_requested",
                    fmt(received + timedelta(minutes=30)),
                    5,
                    "{}",
                    now,
                )
            )
            events.append(
                (
                    str(uuid.uuid4()),
                    did,
                    "supplement_received",
                    fmt(received + timedelta(minutes=60)),
                    4,
                    json.dumps({"due_at": (due + timedelta(days=1)).isoformat()}),
                    now,
                )
            )
        if end is not None:
            events.append(
                (str(uuid.uuid4()), did, kind, fmt(end), 9 if kind == "processed" else 3, "{}", now)
            )
            if kind == "processed" and rnd.random() < 0.8:
                events.append(
                    (
                        str(uuid.uuid4()),
                        did,
                        "returned",
                        fmt(end + timedelta(hours=3)),
                        10,
                        "{}",
                        now,
                    )
                )
            if rnd.random() < 0.33:
                level = 3 if rnd.random() < 0.8 else (2 if rnd.random() < 0.8 else 1)
                ratings.append(
                    (str(uuid.uuid4()), did, level, level, fmt(end + timedelta(hours=3)), now)
                )
        for pos in range(2):
            comps.append(
                (
                    str(uuid.uuid4()),
                    did,
                    pos,
                    f"{code}-0{pos + 1}",
                    rnd.random() < 0.6,
                    rnd.random() < 0.97,
                )
            )
        if len(dossiers) >= 20000:
            flush()
            con.commit()
            print(f"  {i + 1:,} dossiers", file=sys.stderr, end="\r")
    flush()
    con.commit()
    con.execute("ANALYZE")
    con.close()


def floor(path: Path) -> float:
    con = connect_store(path)  # type: ignore[assignment]
    con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # the same I/O set-up as the report
    t = time.perf_counter()
    con.execute(
        FLOOR_SQL, {"start": stamp(QUARTER.start_at), "end": stamp(QUARTER.end_at)}
    ).fetchall()
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def split(services: Services, path: Path, repeat: int) -> int:
    """Per-dossier tally against the grouped one, interleaved with the floor."""
    calendar = services.settings.calendar()
    today = date(2027, 1, 5)
    times: dict[str, list[float]] = {"floor": [], "per-dossier": [], "grouped": []}
    for _ in range(repeat):
        times["floor"].append(floor(path))
        with services.db.read_engine.connect() as conn:
            engine.prepare(conn)
            t = time.perf_counter()
            a = engine.tally(engine.iter_facts(conn, QUARTER), QUARTER, calendar, today=today)
            times["per-dossier"].append(time.perf_counter() - t)
            t = time.perf_counter()
            b = engine.grouped_tally(conn, QUARTER, calendar, today=today)
            times["grouped"].append(time.perf_counter() - t)
        assert +a.combos == +b.combos, "the grouped tally differs from the rule"
        assert +a.days == +b.days, "the working days differ from the rule"
    services.close()
    fl = statistics.median(times["floor"])
    for name, runs in times.items():
        m = statistics.median(runs)
        print(
            f"  {name:12s} {m / fl:5.2f}x the floor, median {m:.3f} s; runs "
            f"{[round(x, 3) for x in runs]}"
        )
    print("  (the two tallies counted the same in every round)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossiers", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--split",
        action="store_true",
        help="instead: time the per-dossier tally (the drill-down's path) against the"
        " grouped one (the report's), interleaved, and check they count the same",
    )
    args = ap.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"reports_{args.dossiers}_{head_revision()}.db"
    if not path.exists():
        t = time.perf_counter()
        tmp = path.with_suffix(".part")
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
        build(tmp, args.dossiers)
        tmp.rename(path)
        print(f"built {path.name} in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    services = open_services(path)
    if args.split:
        return split(services, path, args.repeat)
    ours: list[float] = []
    bare: list[float] = []
    rep = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        rep = services.reports.periodic(QUARTER)
        services.reports.index766(QUARTER, report=rep)
        ours.append(time.perf_counter() - t)
        bare.append(floor(path))
    services.close()
    assert rep is not None
    mo, mb = statistics.median(ours), statistics.median(bare)
    print(
        f"quarter report + 766 on {args.dossiers:,} dossiers "
        f"({rep.total.row.received_total:,} in the report):"
    )
    print(f"  ratio to bare sqlite3 aggregate: {mo / mb:.2f}x")
    print(f"  median {mo:.3f} s (bare {mb:.3f} s); runs {[round(x, 3) for x in ours]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
