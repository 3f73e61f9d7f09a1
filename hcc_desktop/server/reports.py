"""The province report: Biểu II.06a and the rates, per unit and for a province,
computed by PostgreSQL over the synced data (REPORT_RULES, the same rules as
the device's engine in ``hcc_desktop.services.reports``).

One statement aggregates every figure of every unit: it reads the narrow
report tables that triggers keep beside the synced JSON documents (migration
s0002), never the documents themselves, and never brings a dossier into
Python. Periods are naive Vietnam wall time, like the stored documents:
``start`` = ``from`` 00:00, ``end`` = the day after ``to`` 00:00 (exclusive).

"As of the period's end": a dossier counts only if received before ``end``;
its end is its first terminal event before ``end`` (with the on-time verdict
the lifecycle recorded on it, when it did); its supplement count, whether it
is waiting and its appointment come from the supplement events before
``end``. The dossier's current status and due date are never read.

A SQLite server (one ward) answers ``report_unavailable``: the report uses
PostgreSQL's aggregates, and the triggers that fill its tables exist only there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import text

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import CalendarOverride
from hcc_desktop.core.errors import NotFound, SyncError
from hcc_desktop.core.index766 import IndexSpec, index_measures, load_spec, score

# Counts of a 06a row, in the order of the columns of Biểu II.06a (3)–(13): the device's.
from hcc_desktop.core.reports import ROW_FIELDS, Rate
from hcc_desktop.core.text import fold
from hcc_desktop.core.worktime import WorkCalendar, seed_overrides
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.report_sessions import SessionCounts, UnitSessions, session_figures

# Longest period a report may cover: ten years of dossiers is already a lot.
MAX_PERIOD_DAYS = 3700

# Counts the rates need besides the row's (numerators and denominators), and
# the dossiers whose flag was never recorded (counted as "no" in the rate).
_RATE_COUNTS = (
    "received_new",
    "online_den",
    "online_num",
    "online_partial_den",
    "online_partial_num",
    "online_full_den",
    "online_full_num",
    "digitised_num",
    "e_result_num",
    "paid_online_den",
    "paid_online_num",
    "reused_den",
    "reused_num",
    "digitised_unrecorded",
    "e_result_unrecorded",
    "paid_online_unrecorded",
)

# Verdicts of the classification (core.reports / core.lifecycle.classify, as of the end).
_EARLY, _ON_TIME, _LATE, _OPEN_ON_TIME, _OPEN_LATE = range(1, 6)

# What each count counts, over the classified dossiers of the ``verdicts`` CTE.
_COUNTS: dict[str, str] = {
    "received_total": "true",
    "received_online": "new AND channel = 'online'",
    "received_direct": "new AND channel <> 'online'",
    "carried_over": "NOT new",
    "finished": "finished",
    "finished_early": f"verdict = {_EARLY}",
    "finished_on_time": f"verdict = {_ON_TIME}",
    "finished_late": f"verdict = {_LATE}",
    "open": "NOT finished",
    "open_on_time": f"verdict = {_OPEN_ON_TIME}",
    "open_late": f"verdict = {_OPEN_LATE}",
    "received_new": "new",
    "online_den": "new AND online_level IN ('partial', 'full')",
    "online_num": "new AND online_level IN ('partial', 'full') AND channel = 'online'",
    "online_partial_den": "new AND online_level = 'partial'",
    "online_partial_num": "new AND online_level = 'partial' AND channel = 'online'",
    "online_full_den": "new AND online_level = 'full'",
    "online_full_num": "new AND online_level = 'full' AND channel = 'online'",
    "digitised_num": "all_digitised",
    "e_result_num": "finished AND e_result",
    "paid_online_den": "new AND bears_fee",
    "paid_online_num": "new AND bears_fee AND paid_online",
    "reused_den": "new AND (reusable OR reused > 0)",
    "reused_num": "new AND reused > 0",
    "digitised_unrecorded": "new AND NOT all_digitised AND digitised_unknown > 0",
    "e_result_unrecorded": "finished AND e_result IS NULL",
    "paid_online_unrecorded": "new AND bears_fee AND paid_online IS NULL",
}
assert tuple(_COUNTS) == ROW_FIELDS + _RATE_COUNTS

# Set in the report's transaction (see province_report).
SETTINGS = ("SET LOCAL jit = off", "SET LOCAL work_mem = '64MB'")

# The procedures of the catalog published on the server, with their online level
# and whether they bear a fee (a CTE of the statements below).
_CATALOG_CTE = """catalog AS (
    SELECT p ->> 'code' AS code, coalesce(p ->> 'online_level', '') AS online_level,
        CASE WHEN jsonb_typeof(p -> 'bears_fee') = 'boolean' THEN (p ->> 'bears_fee')::boolean
            ELSE EXISTS (
                SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p -> 'fees') = 'array'
                    THEN p -> 'fees' ELSE '[]'::jsonb END) fee
                WHERE jsonb_typeof(fee -> 'amount') = 'number' AND (fee ->> 'amount')::numeric > 0)
        END AS bears_fee
    FROM published_docs doc, jsonb_array_elements(doc.data -> 'procedures') p
    WHERE doc.kind = 'catalog' AND doc.scope = ''
)"""

# Two levels of aggregation: every count per (unit, field) in one plain GROUP
# BY over the dossiers (which PostgreSQL can run in parallel), then the unit,
# field and province totals as sums over those few hundred groups.
_REPORT_SQL = f"""
WITH {_CATALOG_CTE},
facts AS (
    SELECT f.unit_code, f.field, f.channel, f.paid_online, f.e_result,
        f.components, f.digitised, f.digitised_unknown, f.reused,
        f.component_ids ?| CAST(:reusable AS text[]) AS reusable,
        coalesce(cat.online_level, '') AS online_level, coalesce(cat.bears_fee, false) AS bears_fee,
        CASE WHEN f.end_at < :end THEN f.end_at END AS end_at, f.end_verdict,
        f.received_at >= :start AS new,
        coalesce(f.end_at < :end, false) AS finished,
        sup.requests,
        sup.requests > sup.receipts AS waiting,
        coalesce(sup.moved_due, f.due_at) AS due
    FROM report_dossiers f
    LEFT JOIN catalog cat ON cat.code = f.procedure_code
    -- Most dossiers never wait for a supplement: only the others look theirs up.
    CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE s.kind = 1) AS requests,
            count(*) FILTER (WHERE s.kind = 2) AS receipts,
            max(s.due_at) FILTER (WHERE s.kind = 2) AS moved_due
        FROM report_supplements s
        WHERE f.supplements > 0 AND s.dossier_id = f.dossier_id AND s.at < :end
    ) sup
    WHERE f.unit_code IN (
            SELECT code FROM units
            WHERE province = :province AND (CAST(:unit AS text) IS NULL OR code = :unit))
        AND f.received_at < :end
        AND (f.received_at >= :start OR f.end_at IS NULL OR f.end_at >= :start)
),
verdicts AS (
    SELECT facts.*,
        CASE WHEN finished THEN
            CASE WHEN end_verdict = 'early' THEN {_EARLY}
                WHEN end_verdict = 'on_time' THEN {_ON_TIME}
                WHEN end_verdict = 'late' THEN {_LATE}
                WHEN requests > 1 THEN {_LATE}
                WHEN CAST(end_at AS date) < CAST(due AS date) THEN {_EARLY}
                WHEN CAST(end_at AS date) = CAST(due AS date) THEN {_ON_TIME}
                ELSE {_LATE} END
        ELSE
            CASE WHEN requests > 1 THEN {_OPEN_LATE}
                WHEN waiting THEN {_OPEN_ON_TIME}
                WHEN CAST(due AS date) >= :to_day THEN {_OPEN_ON_TIME}
                ELSE {_OPEN_LATE} END
        END AS verdict,
        new AND components > 0 AND digitised = components AS all_digitised
    FROM facts
),
per_field AS (
    SELECT unit_code, field,
        {", ".join(f"count(*) FILTER (WHERE {cond}) AS {name}" for name, cond in _COUNTS.items())}
    FROM verdicts
    GROUP BY unit_code, field
)
SELECT unit_code, field, GROUPING(unit_code, field) AS grouping_level,
    {", ".join(f"CAST(sum({name}) AS bigint) AS {name}" for name in _COUNTS)}
FROM per_field
GROUP BY GROUPING SETS ((unit_code, field), (unit_code), (field), ())
"""

_REUSABLE_SQL = """
SELECT c ->> 'id'
FROM published_docs doc, jsonb_array_elements(doc.data -> 'procedures') p,
    jsonb_array_elements(p -> 'components') c
WHERE doc.kind = 'catalog' AND doc.scope = '' AND c -> 'reusable' = 'true'::jsonb
"""

_RATINGS_SQL = """
SELECT r.unit_code, GROUPING(r.unit_code) AS grouping_level,
    count(*) FILTER (WHERE r.overall = 3) AS level_3,
    count(*) FILTER (WHERE r.overall = 2) AS level_2,
    count(*) FILTER (WHERE r.overall = 1) AS level_1,
    count(*) AS rated
FROM report_ratings r
JOIN units u ON u.code = r.unit_code
WHERE u.province = :province AND (CAST(:unit AS text) IS NULL OR u.code = :unit)
    AND r.rated_at >= :start AND r.rated_at < :end
GROUP BY ROLLUP (r.unit_code)
"""


# A time the device wrote (ISO text); anything else, which no device sends, is
# read as missing rather than failing the whole report.
def _timestamp(key: str) -> str:
    value = f"c.data ->> '{key}'"
    return (
        f"CASE WHEN {value} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}([T ][0-9:.]*)?$'"
        f" THEN CAST({value} AS timestamp) END"
    )


# The complaints register (synced documents, few per unit) as the device's
# engine counts it (services.reports: _complaint_class): complaints received
# before the end; received / resolved in the period; resolved on time (the
# resolution's date not after the due date); open at the end, and overdue when
# the due date is before the day the period is judged on.
_COMPLAINTS_SQL = f"""
WITH c AS (
    SELECT c.unit_code,
        {_timestamp("received_at")} AS received_at,
        {_timestamp("due_at")} AS due_at,
        {_timestamp("resolved_at")} AS resolved_at
    FROM complaints c
    JOIN units u ON u.code = c.unit_code
    WHERE u.province = :province AND (CAST(:unit AS text) IS NULL OR u.code = :unit)
),
k AS (
    SELECT c.*, resolved_at >= :start AND resolved_at < :end AS resolved,
        resolved_at IS NULL OR resolved_at >= :end AS open_at_end
    FROM c
    WHERE received_at < :end
)
SELECT unit_code, GROUPING(unit_code) AS grouping_level,
    count(*) FILTER (WHERE received_at >= :start) AS received,
    count(*) FILTER (WHERE resolved) AS resolved,
    count(*) FILTER (WHERE resolved
        AND (due_at IS NULL OR CAST(resolved_at AS date) <= CAST(due_at AS date)))
        AS resolved_on_time,
    count(*) FILTER (WHERE open_at_end) AS open_at_end,
    count(*) FILTER (WHERE open_at_end AND CAST(due_at AS date) < :to_day) AS open_overdue
FROM k
GROUP BY ROLLUP (unit_code)
"""

# Procedures offered online (partially or fully) with at least one online dossier
# received in the period, per unit and for the province; and the catalog's counts.
_PROCEDURES_SQL = f"""
WITH {_CATALOG_CTE}
SELECT f.unit_code, GROUPING(f.unit_code) AS grouping_level,
    count(DISTINCT f.procedure_code) AS used
FROM report_dossiers f
WHERE f.unit_code IN (
        SELECT code FROM units
        WHERE province = :province AND (CAST(:unit AS text) IS NULL OR code = :unit))
    AND f.channel = 'online' AND f.received_at >= :start AND f.received_at < :end
    AND f.procedure_code IN (
        SELECT code FROM catalog WHERE online_level IN ('partial', 'full'))
GROUP BY ROLLUP (f.unit_code)
"""

_CATALOG_COUNTS_SQL = f"""
WITH {_CATALOG_CTE}
SELECT count(DISTINCT code) FILTER (WHERE online_level IN ('partial', 'full')) AS offered,
    count(DISTINCT code) AS active
FROM catalog
"""

# The finished dossiers (the report's "finished": received before the end, not
# ended before the start, ended before the end) counted per unit and date of
# receipt, and per unit and date of the end. The working days in (receipt, end]
# of a dossier are W(end) - W(receipt), W(d) counting the working days up to d:
# their sum is computed in Python once per distinct date, with the published
# calendar. A dossier that ends on a day before its receipt (clocks) counts 0
# days, as on the device: those few come back as (receipt, end) pairs.
_SPANS_SQL = """
WITH finished AS MATERIALIZED (
    SELECT f.unit_code, CAST(f.received_at AS date) AS received_day,
        CAST(f.end_at AS date) AS end_day
    FROM report_dossiers f
    WHERE f.unit_code IN (
            SELECT code FROM units
            WHERE province = :province AND (CAST(:unit AS text) IS NULL OR code = :unit))
        AND f.received_at < :end AND f.end_at < :end
        AND (f.received_at >= :start OR f.end_at >= :start)
)
SELECT unit_code, received_day, CAST(NULL AS date) AS end_day, count(*) AS n
FROM finished GROUP BY unit_code, received_day
UNION ALL
SELECT unit_code, CAST(NULL AS date), end_day, count(*) FROM finished GROUP BY unit_code, end_day
UNION ALL
SELECT unit_code, received_day, end_day, count(*)
FROM finished WHERE end_day < received_day GROUP BY unit_code, received_day, end_day
"""

_CALENDAR_SQL = "SELECT data FROM published_docs WHERE kind = 'calendar' AND scope = ''"


def _rate(num: int, den: int) -> dict[str, Any]:
    return {"num": num, "den": den, "rate": num / den if den else None}


def _empty_counts() -> dict[str, int]:
    return dict.fromkeys(ROW_FIELDS + _RATE_COUNTS, 0)


_RATING_COUNTS = ("level_3", "level_2", "level_1", "rated")


def _empty_ratings() -> dict[str, int]:
    return dict.fromkeys(_RATING_COUNTS, 0)


# The complaint figures, as the device's report names them (core.reports.ComplaintFigures).
_COMPLAINT_COUNTS = ("received", "resolved", "resolved_on_time", "open_at_end", "open_overdue")


def _empty_complaints() -> dict[str, int]:
    return dict.fromkeys(_COMPLAINT_COUNTS, 0)


@cache
def _spec() -> IndexSpec:
    return load_spec()


def _as_rates(found: Mapping[str, Mapping[str, Any]]) -> dict[str, Rate]:
    return {name: Rate(r["num"], r["den"], r["rate"]) for name, r in found.items()}


def rates(
    counts: Mapping[str, int],
    ratings: Mapping[str, int],
    complaints: Mapping[str, int] | None = None,
    days: int = 0,
) -> dict[str, Any]:
    """The rates, each ``{"num", "den", "rate"}``, as the device's report defines them
    (``core.reports.RATE_KEYS``); the procedures' online level, fee and reusable
    components come from the catalog published on the server.

    - on_time: finished early or on time ÷ finished
    - overdue: finished late + open overdue ÷ received in total
    - progress (766 "Tiến độ"): early + on time + open within time ÷ received in total
    - online (online_partial, online_full): received online ÷ received in the period,
      among dossiers of procedures offered online (partially, fully)
    - digitised: received in the period with every component digitised (and at
      least one component) ÷ received in the period
    - e_result: finished with the result issued electronically ÷ finished
    - paid_online: paid online ÷ received in the period of fee-bearing procedures
    - reused: with a component reused from a digitised result ÷ received in the
      period with a reusable (or reused) component
    - synced: received in the period ÷ the same (on the server every dossier is synced)
    - satisfied: ratings "hài lòng" or "rất hài lòng" ÷ ratings given in the period
    - processing_days: working days from receipt to the end (``days``, summed over
      the finished dossiers) ÷ finished
    - complaints_on_time: complaints resolved in the period on time ÷ resolved
    """
    k = complaints or _empty_complaints()
    c = counts
    new = c["received_new"]
    return {
        "on_time": _rate(c["finished_early"] + c["finished_on_time"], c["finished"]),
        "overdue": _rate(c["finished_late"] + c["open_late"], c["received_total"]),
        "progress": _rate(
            c["finished_early"] + c["finished_on_time"] + c["open_on_time"], c["received_total"]
        ),
        "online": _rate(c["online_num"], c["online_den"]),
        "online_partial": _rate(c["online_partial_num"], c["online_partial_den"]),
        "online_full": _rate(c["online_full_num"], c["online_full_den"]),
        "digitised": _rate(c["digitised_num"], new),
        "e_result": _rate(c["e_result_num"], c["finished"]),
        "paid_online": _rate(c["paid_online_num"], c["paid_online_den"]),
        "reused": _rate(c["reused_num"], c["reused_den"]),
        "synced": _rate(new, new),
        "satisfied": _rate(ratings["level_3"] + ratings["level_2"], ratings["rated"]),
        "processing_days": _rate(days, c["finished"]),
        "complaints_on_time": _rate(k["resolved_on_time"], k["resolved"]),
    }


@dataclass
class ReportPart:
    """The 06a rows per field, the total row, the rates, the complaints and the
    766 estimate of a unit or a province."""

    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=_empty_counts)
    ratings: dict[str, int] = field(default_factory=_empty_ratings)
    complaints: dict[str, int] = field(default_factory=_empty_complaints)
    # Working days from receipt to the end, summed over the finished dossiers.
    days: int = 0
    # Procedures offered online with an online dossier received in the period.
    procedures_used: int = 0

    def to_json(self, *, procedures_offered: int = 0, procedures_active: int = 0) -> dict[str, Any]:
        def row(name: str, counts: Mapping[str, int]) -> dict[str, Any]:
            return {"field": name, **{k: counts[k] for k in ROW_FIELDS}}

        found = rates(self.total, self.ratings, self.complaints, self.days)
        t = self.total
        estimate = score(
            _spec(),
            index_measures(
                _as_rates(found),
                received_total=t["received_total"],
                late=t["finished_late"] + t["open_late"],
                not_satisfied=self.ratings["level_1"],
                complaints_received=self.complaints["received"],
                complaints_resolved=self.complaints["resolved"],
                complaints_on_time=self.complaints["resolved_on_time"],
                procedures_used=self.procedures_used,
                procedures_offered=procedures_offered,
                procedures_active=procedures_active,
            ),
        )
        return {
            # Fields in Vietnamese alphabetical order (Đ with D), case and marks aside.
            "rows": [
                row(name, self.rows[name]) for name in sorted(self.rows, key=lambda n: (fold(n), n))
            ],
            "total": row("", self.total),
            "rates": found,
            "unrecorded": {
                name: self.total[f"{name}_unrecorded"]
                for name in ("digitised", "e_result", "paid_online")
            },
            # Ratings given in the period per overall level (3 rất hài lòng … 1 không).
            "ratings": {level: self.ratings[f"level_{level}"] for level in ("3", "2", "1")},
            "complaints": dict(self.complaints),
            # The Decision 766 estimate, as the device's ``index766 --json``.
            "index766": estimate.to_json(),
        }


@dataclass
class ProvinceReport:
    province: str
    start: date
    end: date  # inclusive, as asked
    unit_names: dict[str, str]
    units: dict[str, ReportPart]
    whole: ReportPart
    # Procedures of the published catalog offered online, and in all (for the 766 estimate).
    procedures_offered: int = 0
    procedures_active: int = 0
    # The Saturday sessions held in the period (issue 13): per unit, and the province's total.
    sessions: dict[str, UnitSessions] = field(default_factory=dict)
    sessions_total: SessionCounts = field(default_factory=SessionCounts)

    def to_json(self) -> dict[str, Any]:
        catalog = {
            "procedures_offered": self.procedures_offered,
            "procedures_active": self.procedures_active,
        }
        return {
            "province": self.province,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "units": [
                {
                    "unit": code,
                    "name": self.unit_names[code],
                    **self.units[code].to_json(**catalog),
                    "sessions": self.sessions.get(code, UnitSessions()).to_json(),
                }
                for code in sorted(self.units)
            ],
            "province_total": {
                **self.whole.to_json(**catalog),
                "sessions": {"total": self.sessions_total.to_json()},
            },
        }


def check_period(start: date, end: date) -> None:
    if end < start:
        raise SyncError("bad_request", detail="'to' is before 'from'")
    if (end - start).days > MAX_PERIOD_DAYS:
        raise SyncError("bad_request", detail=f"a period of at most {MAX_PERIOD_DAYS} days")


def _params(province: str, start: date, end: date, unit: str | None) -> dict[str, Any]:
    return {
        "province": province,
        "unit": unit,
        "start": datetime.combine(start, time()),
        "end": datetime.combine(end + timedelta(days=1), time()),
        # Open dossiers are judged against the last day, or today while the period runs.
        "to_day": min(end, local_today()),
    }


def explainable(
    *, province: str, start: date, end: date, unit: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The report's main statement in psycopg's parameter style, for EXPLAIN (benchmarks)."""
    sql = re.sub(r"(?<!:):([a-z_]+)", r"%(\1)s", _REPORT_SQL)
    return sql, {**_params(province, start, end, unit), "reusable": []}


def province_report(
    db: ServerDatabase, *, province: str, start: date, end: date, unit: str | None = None
) -> ProvinceReport:
    """Biểu II.06a and the rates of ``province`` (or of one of its units) for [start, end].

    Raises ``SyncError("report_unavailable")`` on SQLite and ``NotFound`` for a
    unit that is not in the province.
    """
    if not db.is_postgresql:
        raise SyncError("report_unavailable")
    check_period(start, end)
    params = _params(province, start, end, unit)
    with db.read() as s:
        # The planner's estimates for the joins are far too high, which would
        # switch on JIT compilation: seconds of compiling for a query that runs
        # in about one. The per-(unit, field) aggregation fits in memory.
        for setting in SETTINGS:
            s.execute(text(setting))
        params["reusable"] = list(s.scalars(text(_REUSABLE_SQL)))
        names_query = "SELECT code, name FROM units WHERE province = :province"
        if unit is not None:
            names_query += " AND code = :unit"
        names: dict[str, str] = {r.code: r.name for r in s.execute(text(names_query), params)}
        if unit is not None and not names:
            raise NotFound("unit_not_in_province", unit=unit, province=province)
        units = {code: ReportPart() for code in names}
        whole = ReportPart()
        for row in s.execute(text(_REPORT_SQL), params).mappings():
            counts = {k: int(row[k]) for k in ROW_FIELDS + _RATE_COUNTS}
            level = row["grouping_level"]
            if level == 0:  # (unit, field)
                units[row["unit_code"]].rows[row["field"]] = counts
            elif level == 1:  # (unit)
                units[row["unit_code"]].total = counts
            elif level == 2:  # (field), the province's row
                whole.rows[row["field"]] = counts
            else:
                whole.total = counts
        for row in s.execute(text(_RATINGS_SQL), params).mappings():
            counts = {k: int(row[k]) for k in _RATING_COUNTS}
            if row["grouping_level"] == 0:
                units[row["unit_code"]].ratings = counts
            else:
                whole.ratings = counts
        for row in s.execute(text(_COMPLAINTS_SQL), params).mappings():
            counts = {k: int(row[k]) for k in _COMPLAINT_COUNTS}
            if row["grouping_level"] == 0:
                units[row["unit_code"]].complaints = counts
            else:
                whole.complaints = counts
        for row in s.execute(text(_PROCEDURES_SQL), params).mappings():
            if row["grouping_level"] == 0:
                units[row["unit_code"]].procedures_used = int(row["used"])
            else:
                whole.procedures_used = int(row["used"])
        offered, active = s.execute(text(_CATALOG_COUNTS_SQL)).one()
        calendar = WorkCalendar(overrides=_calendar_overrides(s.scalar(text(_CALENDAR_SQL))))
        spans = s.execute(text(_SPANS_SQL), params).all()
        held, held_total = session_figures(s, province=province, unit=unit, start=start, end=end)
    _add_working_days(calendar, spans, units, whole)
    return ProvinceReport(
        province,
        start,
        end,
        names,
        units,
        whole,
        int(offered or 0),
        int(active or 0),
        sessions=held,
        sessions_total=held_total,
    )


def _add_working_days(
    calendar: WorkCalendar,
    spans: Iterable[Any],
    units: Mapping[str, ReportPart],
    whole: ReportPart,
) -> None:
    """Working days from receipt to the end of the finished dossiers, per unit and in
    all, from the rows of ``_SPANS_SQL``: (unit, receipt day, None, n) and (unit,
    None, end day, n) give sum W(end) - sum W(receipt); (unit, receipt, end, n)
    with the end before the receipt take back their (negative) difference."""
    rows = [(unit, received, ended, int(n)) for unit, received, ended, n in spans]
    days = {d for _u, r, e, _n in rows for d in (r, e) if d is not None}
    if not days:
        return
    origin = min(days) - timedelta(days=1)
    upto = {d: calendar.working_days_between(origin, d) for d in days}
    for unit, received, ended, n in rows:
        if received is not None and ended is not None:
            count = n * (upto[received] - upto[ended])  # ended before received: 0 days
        elif ended is not None:
            count = n * upto[ended]
        else:
            count = -n * upto[received]
        units[unit].days += count
        whole.days += count


def _calendar_overrides(document: Any) -> list[CalendarOverride]:
    """The days off and make-up working days of the calendar published on the server
    (the document the devices replace their table with); without one, those a new
    device starts with."""
    if not isinstance(document, Mapping) or not isinstance(document.get("overrides"), list):
        return seed_overrides()
    found = []
    for item in document["overrides"]:
        try:
            day = date.fromisoformat(item["day"])
        except (KeyError, TypeError, ValueError):
            continue  # not a day: the devices refuse such a document too
        found.append(
            CalendarOverride(
                day=day,
                kind=str(item.get("kind", "")),
                note=str(item.get("note", "")),
                status=str(item.get("status", "confirmed")),
                source=str(item.get("source", "")),
            )
        )
    return found


__all__ = ["ROW_FIELDS", "ProvinceReport", "ReportPart", "check_period", "province_report", "rates"]
