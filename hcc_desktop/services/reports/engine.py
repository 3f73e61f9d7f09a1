"""One pass over the dossiers of a period: SQL reads the facts, the core's
rules classify them (``core.reports.contributions``), and a Counter over
(field, procedure, channel, officer, figure keys) gives every breakdown.

The read is three selects (received in the period; received before and still
open; received before and ended after the start), so a recent period touches
only its own dossiers whatever the size of the history. The row's
``ended_at`` is used only to skip dossiers that ended before the period (it is
the time of the first terminal event and never changes once set); every
figure comes from the events before the period's end (REPORT_RULES.md).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, TextClause, text
from sqlalchemy.exc import OperationalError

from hcc_desktop.core.errors import HccError
from hcc_desktop.core.periods import Period
from hcc_desktop.core.reports import DossierFacts, contributions
from hcc_desktop.core.worktime import WorkCalendar

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

TERMINAL_KINDS = "('refused','withdrawn','stopped','processed','returned')"
TERMINAL_STATUSES = "(3, 7, 8, 9, 10)"


class ReportCancelled(HccError):
    code = "report_cancelled"


def stamp(moment: datetime) -> str:
    """The store's text form of a naive datetime (SQLAlchemy's SQLite format)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


# Memory-mapped reads halve the cost of the per-dossier index seeks of a large
# store (measured: bench/reports_bench.py); reports only read.
MMAP_BYTES = 1 << 30


def prepare(conn: Connection) -> None:
    """Tune a read connection for a report (memory-mapped I/O)."""
    conn.exec_driver_sql(f"PRAGMA mmap_size = {MMAP_BYTES}")


def _columns(conn: Connection, table: str) -> set[str]:
    return {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")}


def _candidates_sql(conn: Connection) -> str:
    """The select of one row of facts per dossier of the period.

    Columns added by later migrations are read when present, else NULL (a
    database from before them simply has every flag unrecorded).
    """
    dcols = _columns(conn, "dossiers")
    pcols = _columns(conn, "procedures")
    paid = "d.paid_online" if "paid_online" in dcols else "NULL"
    eres = "d.e_result" if "e_result" in dcols else "NULL"
    fee = "p.bears_fee" if "bears_fee" in pcols else "0"
    base = f"""
        SELECT d.id, d.code, d.procedure_field, d.procedure_code, d.channel, d.received_by,
               d.received_at, COALESCE(d.original_due_at, d.due_at) AS due0,
               {paid} AS paid_online, {eres} AS e_result, {fee} AS bears_fee,
               COALESCE(p.online_level, '') AS online_level,
               d.server_rev IS NOT NULL AS synced
          FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code
    """
    ccols = _columns(conn, "dossier_components")
    dig = "dc.digitised" if "digitised" in ccols else "NULL"
    # One walk of the dossier's events (and of its components, for the dossiers
    # received in the period) per dossier, each packed into one text value:
    # four separate subqueries would walk the same index four times.
    return f"""
        WITH cand AS (
            {base} WHERE d.received_at >= :start AND d.received_at < :end
            UNION ALL
            {base} WHERE d.received_at < :start AND d.ended_at IS NULL
            UNION ALL
            {base} WHERE d.received_at < :start AND d.ended_at >= :start
        )
        SELECT c.code, c.procedure_field, c.procedure_code, c.channel, c.received_by,
               c.received_at, c.due0, c.paid_online, c.e_result, c.bears_fee, c.online_level,
               c.synced,
               (SELECT COALESCE(MIN(CASE WHEN e.kind IN {TERMINAL_KINDS}
                                           OR e.to_status IN {TERMINAL_STATUSES}
                                         THEN e.at || '#' || COALESCE(json_extract(
                                              e.data_json, '$.timeliness'), '')
                                          END), '')
                       || '|' || COALESCE(SUM(e.kind = 'supplement_requested'), 0)
                       || '|' || COALESCE(SUM(e.kind = 'supplement_received'), 0)
                       || '|' || COALESCE(MAX(CASE WHEN e.kind = 'supplement_received'
                                  THEN json_extract(e.data_json, '$.due_at') END), '')
                  FROM dossier_events e
                 WHERE e.dossier_id = c.id AND e.at < :end),
               CASE WHEN c.received_at >= :start THEN
               (SELECT COUNT(*) || '|' || COALESCE(SUM({dig} = 1), 0)
                       || '|' || COALESCE(SUM({dig} IS NULL), 0)
                       || '|' || COALESCE(SUM(dc.reused_digital), 0)
                       || '|' || COALESCE(SUM(pc.reusable), 0)
                  FROM dossier_components dc
                  LEFT JOIN procedure_components pc ON pc.id = dc.component_id
                 WHERE dc.dossier_id = c.id) END
          FROM cand c
    """


_NO_COMPONENTS = ("0", "0", "0", "0", "0")


def iter_facts(
    conn: Connection,
    period: Period,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Iterator[DossierFacts]:
    """Facts of every dossier received before the period's end and not ended
    before its start (some may still contribute nothing)."""
    params = {"start": stamp(period.start_at), "end": stamp(period.end_at)}
    sql = _candidates_sql(conn)
    if progress:
        progress(1, 3)
    rows = conn.execute(text(sql), params)
    if progress:
        progress(2, 3)
    for n, r in enumerate(rows, 1):
        if cancel is not None and n % 5000 == 1 and cancel():
            raise ReportCancelled()
        (code, fld, proc, channel, officer, received, due0, paid, eres, fee, level, synced) = r[:12]
        ended, n_req, n_rec, moved = r[12].split("|")
        # The first terminal event's time and the verdict the lifecycle recorded on it.
        end_at, _, verdict = ended.partition("#")
        c = r[13].split("|") if r[13] else _NO_COMPONENTS
        requests = int(n_req)
        yield DossierFacts(
            code=code,
            field=fld or "",
            procedure=proc,
            channel=channel,
            officer=officer or "",
            received_at=str(received),
            due=moved or str(due0),
            end_at=end_at or None,
            supplement_requests=requests,
            waiting=requests > int(n_rec),
            components=int(c[0]),
            digitised=int(c[1]),
            digitised_unknown=int(c[2]),
            reused=int(c[3]),
            reusable=int(c[4]),
            paid_online=None if paid is None else bool(paid),
            e_result=None if eres is None else bool(eres),
            bears_fee=bool(fee),
            online_level=level or "",
            synced=bool(synced),
            recorded=verdict,
        )
    if progress:
        progress(3, 3)


Combo = tuple[str, str, str, str, tuple[str, ...]]


@dataclass
class Tally:
    """The period's dossiers reduced to counts per (field, procedure, channel,
    officer, figure keys), plus the working days of finished dossiers."""

    combos: Counter[Combo]
    days: Counter[tuple[str, str, str, str]]


def tally(
    facts: Iterator[DossierFacts], period: Period, calendar: WorkCalendar, *, today: date
) -> Tally:
    start, to_day = stamp(period.start_at), period.judged_on(today).isoformat()
    # Plain dicts: Counter's __missing__ is Python code, slow in this loop.
    combos: dict[Combo, int] = {}
    days: dict[tuple[str, str, str, str], int] = {}
    span: dict[tuple[str, str], int] = {}
    for f in facts:
        keys = contributions(f, start=start, to_day=to_day)
        if not keys:
            continue
        where = (f.field, f.procedure, f.channel, f.officer)
        combo = (*where, keys)
        combos[combo] = combos.get(combo, 0) + 1
        if f.end_at is not None:
            pair = (f.received_at[:10], f.end_at[:10])
            n = span.get(pair)
            if n is None:
                n = span[pair] = calendar.working_days_between(
                    date.fromisoformat(pair[0]), date.fromisoformat(pair[1])
                )
            days[where] = days.get(where, 0) + n
    return Tally(Counter(combos), Counter(days))


def _grouped_sql(conn: Connection) -> str:
    """The same candidates as :func:`_candidates_sql`, classified in SQL and
    counted per (field, procedure, channel, officer, figure inputs).

    Each dossier's events are walked once by a correlated subquery that returns
    its class as of the end: ``-`` (ended before the period: not in the
    report), ``w``/``x`` (open within time / overdue), or ``E``/``O``/``L``
    (finished early / on time / late) followed by the end date. The rule is
    core.lifecycle's (REPORT_RULES.md); tests compare the counts with
    ``core.reports.contributions`` over the same dossiers on varied stores.
    Each group also lists the (received, ended) dates of its finished
    dossiers, for the working days (the calendar is Python's).
    """
    dcols = _columns(conn, "dossiers")
    pcols = _columns(conn, "procedures")
    paid = "d.paid_online" if "paid_online" in dcols else "NULL"
    eres = "d.e_result" if "e_result" in dcols else "NULL"
    fee = "p.bears_fee" if "bears_fee" in pcols else "0"
    ccols = _columns(conn, "dossier_components")
    dig = "dc.digitised" if "digitised" in ccols else "NULL"
    base = f"""
        SELECT d.id, d.procedure_field, d.procedure_code, d.channel, d.received_by,
               d.received_at, COALESCE(d.original_due_at, d.due_at) AS due0,
               {paid} AS paid_online, {eres} AS e_result, {fee} AS bears_fee,
               COALESCE(p.online_level, '') AS online_level,
               d.server_rev IS NOT NULL AS synced
          FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code
    """
    # t: "<first terminal time>#<recorded verdict>" (NULL: none before the end).
    klass = f"""
        (SELECT CASE
            WHEN x.t IS NULL THEN
                CASE WHEN x.nreq > 1 THEN 'x'
                     WHEN x.nreq > x.nrec THEN 'w'
                     WHEN substr(COALESCE(NULLIF(x.moved, ''), c.due0, 'None'), 1, 10)
                          >= :to_day THEN 'w'
                     ELSE 'x' END
            WHEN c.received_at < :start
                 AND substr(x.t, 1, instr(x.t, '#') - 1) < :start THEN '-'
            ELSE
                CASE substr(x.t, instr(x.t, '#') + 1)
                     WHEN 'early' THEN 'E' WHEN 'on_time' THEN 'O' WHEN 'late' THEN 'L'
                     ELSE CASE
                        WHEN x.nreq > 1 THEN 'L'
                        WHEN substr(x.t, 1, 10)
                             < substr(COALESCE(NULLIF(x.moved, ''), c.due0, 'None'), 1, 10)
                        THEN 'E'
                        WHEN substr(x.t, 1, 10)
                             = substr(COALESCE(NULLIF(x.moved, ''), c.due0, 'None'), 1, 10)
                        THEN 'O'
                        ELSE 'L' END
                END || substr(x.t, 1, 10)
            END
          FROM (SELECT MIN(CASE WHEN e.kind IN {TERMINAL_KINDS}
                                  OR e.to_status IN {TERMINAL_STATUSES}
                                THEN e.at || '#' || COALESCE(json_extract(
                                     e.data_json, '$.timeliness'), '')
                                END) AS t,
                       TOTAL(e.kind = 'supplement_requested') AS nreq,
                       TOTAL(e.kind = 'supplement_received') AS nrec,
                       MAX(CASE WHEN e.kind = 'supplement_received'
                                THEN json_extract(e.data_json, '$.due_at') END) AS moved
                  FROM dossier_events e
                 WHERE e.dossier_id = c.id AND e.at < :end) x)
    """
    # Components of a dossier received in the period, as bits: 1 every one
    # digitised (and at least one), 2 one never recorded, 4 one reused, 8 one
    # reusable in the catalog.
    comps = f"""
        CASE WHEN c.received_at >= :start THEN
        (SELECT (COUNT(*) > 0 AND TOTAL({dig} = 1) = COUNT(*))
                + 2 * (TOTAL({dig} IS NULL) > 0)
                + 4 * (TOTAL(dc.reused_digital) <> 0)
                + 8 * (TOTAL(pc.reusable) <> 0)
           FROM dossier_components dc
           LEFT JOIN procedure_components pc ON pc.id = dc.component_id
          WHERE dc.dossier_id = c.id) END
    """
    return f"""
        WITH cand AS (
            {base} WHERE d.received_at >= :start AND d.received_at < :end
            UNION ALL
            {base} WHERE d.received_at < :start AND d.ended_at IS NULL
            UNION ALL
            {base} WHERE d.received_at < :start AND d.ended_at >= :start
        ),
        k AS MATERIALIZED (
            SELECT c.procedure_field AS fld, c.procedure_code AS proc, c.channel AS channel,
                   c.received_by AS officer, c.received_at >= :start AS new,
                   {klass} AS klass,
                   substr(c.received_at, 1, 10) AS rday,
                   CASE WHEN c.received_at >= :start THEN c.paid_online END AS paid,
                   c.e_result AS eres,
                   CASE WHEN c.received_at >= :start THEN c.bears_fee END AS fee,
                   CASE WHEN c.received_at >= :start THEN c.online_level END AS level,
                   CASE WHEN c.received_at >= :start THEN c.synced END AS synced,
                   {comps} AS comps
              FROM cand c
        )
        SELECT k.fld, k.proc, k.channel, k.officer, k.new, substr(k.klass, 1, 1) AS cls,
               CASE WHEN length(k.klass) > 1 THEN k.eres END AS eres,
               k.paid, k.fee, k.level, k.synced, k.comps, COUNT(*),
               group_concat(CASE WHEN length(k.klass) > 1
                                 THEN k.rday || '>' || substr(k.klass, 2) END, ',')
          FROM k
         WHERE k.klass <> '-'
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    """


_OPEN = {"w": "open_on_time", "x": "open_late"}
_FINISHED = {"E": "early", "O": "on_time", "L": "late"}


# SQLite virtual-machine steps between two looks at ``cancel`` during the
# grouped statement: about 1,000 looks for a quarter of the 1,000,000-dossier
# benchmark store, with no measurable cost.
CANCEL_STEPS = 20_000


def _run_cancellable(
    conn: Connection, sql: TextClause, params: dict[str, str], cancel: Cancel | None
) -> list[Any]:
    """Run one statement; a ``cancel`` that says yes interrupts it mid-way."""
    if cancel is None:
        return list(conn.execute(sql, params).all())
    raw: Any = conn.connection.driver_connection
    # sqlite3's or sqlcipher3's connection (the encrypted store): both have the handler.
    if not hasattr(raw, "set_progress_handler"):  # pragma: no cover - the device is SQLite
        return list(conn.execute(sql, params).all())
    raw.set_progress_handler(lambda: 1 if cancel() else 0, CANCEL_STEPS)
    try:
        return list(conn.execute(sql, params).all())
    except OperationalError:
        if cancel():
            raise ReportCancelled() from None
        raise
    finally:
        raw.set_progress_handler(None, 0)


def grouped_tally(
    conn: Connection,
    period: Period,
    calendar: WorkCalendar,
    *,
    today: date,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Tally:
    """:func:`tally` of :func:`iter_facts`, with the classification and the
    counting done in SQL: Python sees one row per group of dossiers that count
    in the same figures (a few hundred), not one per dossier. The figure keys
    of a group come from ``contributions`` on a representative of it, so the
    keys' rule stays in one place."""
    start, to_day = stamp(period.start_at), period.judged_on(today).isoformat()
    if cancel is not None and cancel():
        raise ReportCancelled()
    if progress:
        progress(1, 3)
    params = {
        "start": start,
        "end": stamp(period.end_at),
        "to_day": to_day,
    }
    rows = _run_cancellable(conn, text(_grouped_sql(conn)), params, cancel)
    if progress:
        progress(2, 3)
    if cancel is not None and cancel():
        raise ReportCancelled()
    combos: Counter[Combo] = Counter()
    days: Counter[tuple[str, str, str, str]] = Counter()
    span: dict[str, int] = {}
    for row in rows:
        (fld, proc, channel, officer, new, cls, eres, paid, fee, level, synced, bits) = row[:12]
        n, pairs = row[12], row[13]
        bits = bits or 0
        finished = cls in _FINISHED
        rep = DossierFacts(
            code="",
            field=fld or "",
            procedure=proc,
            channel=channel,
            officer=officer or "",
            received_at=start if new else "",
            due="",
            end_at=start if finished else None,
            supplement_requests=0,
            waiting=cls == "w",
            components=1,
            digitised=bits & 1,
            digitised_unknown=bits & 2,
            reused=bits & 4,
            reusable=bits & 8,
            paid_online=None if paid is None else bool(paid),
            e_result=None if eres is None else bool(eres),
            bears_fee=bool(fee),
            online_level=level or "",
            synced=bool(synced),
            recorded=_FINISHED.get(cls, ""),
        )
        keys = contributions(rep, start=start, to_day=to_day)
        where = (rep.field, rep.procedure, rep.channel, rep.officer)
        combos[(*where, keys)] += n
        if finished and pairs:
            # Working days in (received, ended], per distinct pair of dates.
            for pair, times in Counter(pairs.split(",")).items():
                d = span.get(pair)
                if d is None:
                    received_day, _, end_day = pair.partition(">")
                    d = span[pair] = calendar.working_days_between(
                        date.fromisoformat(received_day), date.fromisoformat(end_day)
                    )
                days[where] += d * times
    if progress:
        progress(3, 3)
    return Tally(combos, days)


def ratings(conn: Connection, period: Period) -> Iterator[tuple[str, str, str, str, str, int]]:
    """(code, field, procedure, channel, officer, overall level) of the period's ratings."""
    params = {"start": stamp(period.start_at), "end": stamp(period.end_at)}
    yield from conn.execute(
        text(
            """
            SELECT d.code, d.procedure_field, d.procedure_code, d.channel, d.received_by,
                   r.overall
              FROM dossier_ratings r JOIN dossiers d ON d.id = r.dossier_id
             WHERE r.rated_at >= :start AND r.rated_at < :end
            """
        ),
        params,
    )


def complaint_rows(
    conn: Connection, period: Period
) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(id, received_at, due_at, resolved_at, dossier code) of complaints received
    before the period's end; empty when the store has no complaints register."""
    try:
        cols = _columns(conn, "complaints")
    except sqlite3.Error:  # pragma: no cover - PRAGMA never fails on a missing table
        return []
    if not cols:
        return []
    params = {"end": stamp(period.end_at)}
    return [
        (
            r[0],
            str(r[1]),
            None if r[2] is None else str(r[2]),
            None if r[3] is None else str(r[3]),
            r[4],
        )
        for r in conn.execute(
            text(
                """
                SELECT c.id, c.received_at, c.due_at, c.resolved_at, d.code
                  FROM complaints c LEFT JOIN dossiers d ON d.id = c.dossier_id
                 WHERE c.received_at < :end
                """
            ),
            params,
        )
    ]


def procedures_online(conn: Connection, period: Period) -> tuple[int, int, int]:
    """(online procedures with at least one online dossier received in the period,
    active procedures offered online, active procedures)."""
    params = {"start": stamp(period.start_at), "end": stamp(period.end_at)}
    r = conn.execute(
        text(
            """
            SELECT
              (SELECT COUNT(*) FROM procedures p
                WHERE p.active AND p.online_level IN ('partial', 'full')
                  AND p.code IN (SELECT d.procedure_code FROM dossiers d
                                  WHERE d.received_at >= :start AND d.received_at < :end
                                    AND d.channel = 'online')),
              (SELECT COUNT(*) FROM procedures p
                WHERE p.active AND p.online_level IN ('partial', 'full')),
              (SELECT COUNT(*) FROM procedures p WHERE p.active)
            """
        ),
        params,
    ).one()
    return int(r[0]), int(r[1]), int(r[2])
