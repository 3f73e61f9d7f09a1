#!/usr/bin/env python3
"""Province report benchmark: Biểu II.06a and the rates of a province of
``--units`` units holding ``--dossiers`` synced dossiers in all, on PostgreSQL.

    python3 scripts/dev.py bench province [--units 50] [--dossiers 1500000] [--repeat 7]

A throw-away cluster is filled with synced documents in the wire's shape
(dossiers with components, their events — receipt, supplements, processing,
return — and ratings), written straight into the server's tables by SQL so
that the triggers of migration s0002 fill the report tables exactly as a push
does. Dossiers are spread over 2024-01-01 … 2026-11-30; a tenth never end, so
old open dossiers pile up as "carried over", the worst case for the report.

Timed, interleaved in each repetition (so both see the same machine):
- ``report``: ``province_report`` (the endpoint's work without HTTP) for a
  quarter (2026-07-01 … 2026-09-30) over every unit;
- ``floor``: the bare aggregate over the same rows in psycopg: ``count(*)``
  of the report rows the query must read (the province's dossiers received
  before the end and not ended before the start), grouped by unit;
- ``floor_json``: for comparison, the same count read from the JSON
  documents themselves (what the report would cost without its tables).
The target is the report ≤ 5 s at 50 units and 1,500,000 dossiers.
Writes JSON to bench/results/ like bench/run.py.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hcc_desktop.server.db import ServerDatabase  # noqa: E402
from hcc_desktop.server.reports import province_report  # noqa: E402
from tests.integration.conftest import PgCluster, find_pg_bin  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PROVINCE = "H56"
START, END = date(2026, 7, 1), date(2026, 9, 30)
DAYS = 1065  # 2024-01-01 … 2026-11-30

FIELDS = ["Hộ tịch", "Chứng thực", "Đất đai", "Xây dựng", "Lao động - Thương binh", "Kinh tế"]
CHANNELS = ["counter", "counter", "online", "postal", "saturday_session", "home_visit"]

# One unit's dossiers: i = 1 … n. Times are derived from i so that every run
# builds the same data. Comments give the share of dossiers.
_DOSSIERS = """
INSERT INTO dossiers (id, unit_code, code, rev, data, last_device, updated_at)
SELECT g.unit || '-' || g.i, g.unit, g.unit || '-' || lpad(g.i::text, 7, '0'),
    nextval('hcc_revision'),
    jsonb_build_object(
        'id', g.unit || '-' || g.i, 'code', g.unit || '-' || lpad(g.i::text, 7, '0'),
        'unit_code', g.unit, 'device_id', 'bench',
        'procedure_code', (:codes)[1 + g.i % :n_codes],
        'procedure_name', 'Thủ tục ' || (g.i % 40),
        'procedure_field', (:fields)[1 + g.i % 6], 'channel', (:channels)[1 + g.i % 6],
        'status', 2, 'received_at', to_char(g.received, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'clock_start_at', to_char(g.received, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'due_at', to_char(g.due, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'original_due_at', to_char(g.due, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'processing_days', g.i % 10, 'owner_name', 'Nguyễn Văn An ' || g.i,
        'owner_id_type', 'cccd', 'owner_id_number', lpad(g.i::text, 12, '0'),
        'owner_phone', '0912345678', 'owner_address', 'Tổ 3, khu phố 5',
        'fee_amount', CASE WHEN g.i % 4 = 0 THEN 10000 ELSE 0 END,
        'paid_online', g.i % 8 = 0, 'e_result', g.i % 3 = 0, 'origin', 'local',
        'result_delivery', 'counter', 'received_by', 'Trần Thị Bình', 'version', 3,
        'components', jsonb_build_array(
            jsonb_build_object('id', g.unit || '-' || g.i || '-c1', 'position', 1,
                'component_id', (:codes)[1 + g.i % :n_codes] || '-01',
                'name', 'Tờ khai', 'form', 'original', 'count', 1,
                'digitised', g.i % 5 <> 0, 'reused_digital', false),
            jsonb_build_object('id', g.unit || '-' || g.i || '-c2', 'position', 2,
                'component_id', (:codes)[1 + g.i % :n_codes] || '-02',
                'name', 'Bản sao giấy tờ', 'form', 'copy', 'count', 1,
                'digitised', g.i % 7 <> 0, 'reused_digital', g.i % 3 = 0))),
    'bench', now()
FROM (
    SELECT :unit AS unit, i,
        timestamp '2024-01-01 07:30' + ((i * 7919) % :days) * interval '1 day'
            + (i % 9) * interval '1 hour' AS received,
        timestamp '2024-01-01 17:00' + ((i * 7919) % :days + i % 10) * interval '1 day' AS due
    FROM generate_series(1, :n) AS i
) g
"""
# Events: receipt (all); supplement requested and received (10 %); processed
# (90 %: early, on time or late by i); returned (45 %).
_EVENTS = """
INSERT INTO events (id, dossier_id, unit_code, rev, data, origin_device, created_at)
SELECT e.dossier_id || '-' || e.kind, e.dossier_id, :unit, nextval('hcc_revision'),
    jsonb_build_object('id', e.dossier_id || '-' || e.kind, 'dossier_id', e.dossier_id,
        'kind', e.kind, 'at', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS'), 'actor', 'Trần Thị Bình',
        'from_status', 2, 'to_status', 4, 'reason', '', 'device_id', 'bench',
        'recorded_at', to_char(e.at, 'YYYY-MM-DD"T"HH24:MI:SS'),
        'data_json', CASE WHEN e.kind = 'supplement_received'
            THEN json_build_object('due_at', to_char(e.due, 'YYYY-MM-DD"T"HH24:MI:SS'))::text
            ELSE '{}' END),
    'bench', now()
FROM (
    SELECT :unit || '-' || i AS dossier_id, k.kind,
        r + k.after * interval '1 day' AS at,
        timestamp '2024-01-01 17:00' + ((i * 7919) % :days + i % 10 + 2) * interval '1 day' AS due
    FROM generate_series(1, :n) AS i
    CROSS JOIN LATERAL (SELECT timestamp '2024-01-01 07:30' + ((i * 7919) % :days)
        * interval '1 day' + (i % 9) * interval '1 hour' AS r) rr
    CROSS JOIN LATERAL (VALUES
        ('received', 0, true),
        ('supplement_requested', 1, i % 10 = 3),
        ('supplement_received', 3, i % 10 = 3),
        ('processed', i % 13, i % 10 <> 0),
        ('returned', i % 13 + 1, i % 10 <> 0 AND i % 2 = 0)
    ) AS k(kind, after, present)
    WHERE k.present
) e
"""
_RATINGS = """
INSERT INTO ratings (id, dossier_id, unit_code, rev, data, origin_device, created_at)
SELECT :unit || '-' || i || '-r', :unit || '-' || i, :unit, nextval('hcc_revision'),
    jsonb_build_object('id', :unit || '-' || i || '-r', 'dossier_id', :unit || '-' || i,
        'convenience', 1 + (i / 4) % 3, 'overall', 1 + (i / 4) % 3, 'comment', '',
        'rated_by', '', 'by_citizen', true, 'device_id', 'bench',
        'rated_at', to_char(timestamp '2024-01-01 09:00' + ((i * 7919) % :days + i % 13 + 1)
            * interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS'),
        'recorded_at', '2026-12-01T00:00:00'),
    'bench', now()
FROM generate_series(1, :n) AS i
WHERE i % 4 = 0
"""

# The bare aggregates: the rows the report reads, counted per unit.
_FLOOR = """
SELECT f.unit_code, count(*)
FROM report_dossiers f JOIN units u ON u.code = f.unit_code
WHERE u.province = %(province)s AND f.received_at < %(end)s
    AND (f.received_at >= %(start)s OR f.end_at IS NULL OR f.end_at >= %(start)s)
GROUP BY f.unit_code
"""
_FLOOR_JSON = """
SELECT d.unit_code, count(*)
FROM dossiers d JOIN units u ON u.code = d.unit_code
WHERE u.province = %(province)s AND d.data ->> 'received_at' < %(end_text)s
GROUP BY d.unit_code
"""


def _sql(template: str, **values: Any) -> str:
    """psycopg takes %(name)s; the templates above use :name for readability."""
    out = template
    for name, value in values.items():
        out = out.replace(f":{name}", value)
    return out


SEED_CATALOG = ROOT / "resources" / "catalog" / "seed_catalog.json"


def _fill(cluster: PgCluster, dbname: str, units: list[str], per_unit: int) -> float:
    """The units and their documents, and the seed catalog published (its online
    levels, fees and reusable components feed the rates)."""
    import psycopg

    from hcc_desktop.server.store import SyncStore

    db = ServerDatabase(cluster.url(dbname))
    try:
        SyncStore(db).publish_catalog(SEED_CATALOG.read_bytes())
    finally:
        db.dispose()
    codes = [p["code"] for p in json.loads(SEED_CATALOG.read_bytes())["procedures"]]
    catalog = {"codes": "ARRAY[" + ", ".join(f"'{c}'" for c in codes) + "]"}
    catalog["n_codes"] = str(len(codes))
    fields = "ARRAY[" + ", ".join(f"'{f}'" for f in FIELDS) + "]"
    channels = "ARRAY[" + ", ".join(f"'{c}'" for c in CHANNELS) + "]"
    t0 = time.perf_counter()
    with psycopg.connect(
        host="127.0.0.1", port=cluster.port, user=cluster.SUPERUSER, dbname=dbname
    ) as conn:
        for n, unit in enumerate(units, 1):
            conn.execute(
                "INSERT INTO units (code, name, created_at, province) VALUES (%s, %s, now(), %s)",
                (unit, f"Phường {n}", PROVINCE),
            )
            values = {"unit": f"'{unit}'", "n": str(per_unit), "days": str(DAYS)}
            conn.execute(_sql(_DOSSIERS, fields=fields, channels=channels, **catalog, **values))
            conn.execute(_sql(_EVENTS, **values))
            conn.execute(_sql(_RATINGS, **values))
            conn.commit()
            print(f"  unit {n}/{len(units)} filled", file=sys.stderr, flush=True)
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    return time.perf_counter() - t0


def _push_batch(unit: str, n: int) -> list[dict[str, Any]]:
    """A device's push of ``n`` dossiers with their receipt, processing and (one in
    five) supplement events, in the wire's shape: 3–5 items a dossier."""
    from tests.integration.conftest import dossier_data, event_data, item

    items = []
    for i in range(n):
        d = dossier_data(
            unit,
            procedure_code="1.000001",
            procedure_field=FIELDS[i % 6],
            channel=CHANNELS[i % 6],
            due_at="2026-11-25T17:00:00",
            original_due_at="2026-11-25T17:00:00",
            components=[{"component_id": "1.000001-01", "digitised": True}],
        )
        items.append(item("dossier", d))
        items.append(item("event", event_data(d["id"], kind="received")))
        if i % 5 == 0:
            items.append(item("event", event_data(d["id"], kind="supplement_requested")))
            items.append(
                item(
                    "event",
                    event_data(
                        d["id"],
                        kind="supplement_received",
                        data_json=json.dumps({"due_at": "2026-11-26T17:00:00"}),
                    ),
                )
            )
        items.append(item("event", event_data(d["id"], kind="processed")))
    return items


def push_overhead(url: str, rounds: int) -> dict[str, Any]:
    """Time ``SyncStore.apply_batch`` of 1,000-item batches with the report
    triggers enabled and disabled, alternately, on a database that already
    holds the benchmark's documents (so the triggers' lookups are realistic)."""
    import uuid

    from sqlalchemy import text

    from hcc_desktop.server.store import SyncStore

    db = ServerDatabase(url)
    store = SyncStore(db)
    timings: dict[bool, list[float]] = {True: [], False: []}
    try:
        for r in range(2 * rounds):
            enabled = r % 2 == 0
            unit = f"000.{r:02d}.99.PUSH"
            ticket = store.enrol(unit)
            registration = store.register(ticket.code, f"bench-{r}", "bench")
            device = store.authenticate(f"Bearer {registration.token}")
            with db.write() as s:
                verb = "ENABLE" if enabled else "DISABLE"
                for table in ("dossiers", "events", "ratings"):
                    s.execute(text(f"ALTER TABLE {table} {verb} TRIGGER USER"))
            items = _push_batch(unit, 250)[:1000]
            t0 = time.perf_counter()
            store.apply_batch(device, {"batch_id": str(uuid.uuid4()), "items": items})
            timings[enabled].append(time.perf_counter() - t0)
    finally:
        db.dispose()
    on, off = timings[True][1:], timings[False][1:]  # the first of each warms up
    return {
        "push_1000_items_with_triggers_median_s": round(statistics.median(on), 3),
        "push_1000_items_without_triggers_median_s": round(statistics.median(off), 3),
        "push_trigger_overhead": round(statistics.median(on) / statistics.median(off), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--dossiers", type=int, default=1_500_000, help="in all, over the units")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="print the report's query plan")
    parser.add_argument(
        "--push-rounds", type=int, default=0, help="also time pushes with/without the triggers"
    )
    args = parser.parse_args()
    bindir = find_pg_bin()
    if bindir is None:
        print("PostgreSQL's initdb/pg_ctl not found", file=sys.stderr)
        return 1
    import psycopg

    cluster = PgCluster(bindir)
    cluster.start()
    try:
        url = cluster.create_database()
        dbname = url.rsplit("/", 1)[1]
        units = [f"000.{n:02d}.22.{PROVINCE}" for n in range(1, args.units + 1)]
        fill_s = _fill(cluster, dbname, units, args.dossiers // args.units)
        db = ServerDatabase(url)
        params = {
            "province": PROVINCE,
            "start": datetime(2026, 7, 1),
            "end": datetime(2026, 10, 1),
            "end_text": "2026-10-01T00:00:00",
        }
        report_s: list[float] = []
        floor_s: list[float] = []
        json_s: list[float] = []
        with psycopg.connect(
            host="127.0.0.1", port=cluster.port, user=cluster.SUPERUSER, dbname=dbname
        ) as conn:
            rows = conn.execute("SELECT count(*) FROM report_dossiers").fetchone()
            events = conn.execute("SELECT count(*) FROM events").fetchone()
            assert rows is not None
            assert events is not None
            total = None
            for _ in range(args.repeat + 1):  # the first round warms the caches
                t0 = time.perf_counter()
                report = province_report(db, province=PROVINCE, start=START, end=END)
                t1 = time.perf_counter()
                floor_rows = conn.execute(_FLOOR, params).fetchall()
                t2 = time.perf_counter()
                conn.execute(_FLOOR_JSON, params).fetchall()
                t3 = time.perf_counter()
                report_s.append(t1 - t0)
                floor_s.append(t2 - t1)
                json_s.append(t3 - t2)
                total = report.whole.total
                assert sum(n for _, n in floor_rows) == total["received_total"]
            if args.explain:
                from hcc_desktop.server import reports

                sql, values = reports.explainable(province=PROVINCE, start=START, end=END)
                for setting in reports.SETTINGS:
                    conn.execute(setting)
                for (line,) in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, values):
                    print(line, file=sys.stderr)
        db.dispose()
        report_s, floor_s, json_s = report_s[1:], floor_s[1:], json_s[1:]
        median = statistics.median(report_s)
        result = {
            "bench": "province",
            "units": args.units,
            "dossiers": rows[0],
            "events": events[0],
            "period": f"{START}..{END}",
            "rows_read": total["received_total"] if total else None,
            "fill_s": round(fill_s, 1),
            "report_median_s": round(median, 3),
            "report_runs_s": [round(x, 3) for x in report_s],
            "floor_median_s": round(statistics.median(floor_s), 3),
            "floor_json_median_s": round(statistics.median(json_s), 3),
            "report_over_floor": round(median / statistics.median(floor_s), 2),
            "goal_s": 5.0,
            "total": total,
        }
        if args.push_rounds:
            result.update(push_overhead(url, args.push_rounds))
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        (RESULTS / f"province-{stamp}.json").write_text(json.dumps(result, indent=2), "utf-8")
        print(json.dumps(result))
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
