"""The province report's Saturday sessions (issue 13): per unit, per residential
quarter (khu phố) and per session, what the sessions held in the period did —
dossiers received (by procedure), fees collected, results returned, ratings
taken — counted as the device's closing summary counts them
(``services/field/sessions.py``):

- a dossier belongs to the session it is tagged with (``session_id``);
- returns and ratings are those the session's laptop recorded while it was
  open (from its opening to its closing, or to now while it is open).

Only sessions opened or closed count (a planned or cancelled one held no
counter). PostgreSQL only, like the rest of the province report: the
dossiers of the sessions' days are found through ``report_dossiers``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.field import quarter_key

_HELD_SQL = """
SELECT f.id, f.unit_code, coalesce(f.data ->> 'quarter', '') AS quarter,
    (f.data ->> 'day')::date AS day, coalesce(f.data ->> 'start', '') AS start,
    coalesce(f.data ->> 'opened_device_id', '') AS device,
    (f.data ->> 'opened_at')::timestamp AS opened_at,
    (f.data ->> 'closed_at')::timestamp AS closed_at
FROM field_sessions f JOIN units u ON u.code = f.unit_code
WHERE u.province = :province AND (CAST(:unit AS text) IS NULL OR f.unit_code = :unit)
    AND f.data ->> 'status' IN ('open', 'closed')
    AND (f.data ->> 'day')::date >= :from_day AND (f.data ->> 'day')::date <= :to_day
ORDER BY f.unit_code, day, start, f.id
"""

# The tagged dossiers, found among those received on the sessions' days.
_DOSSIERS_SQL = """
SELECT d.data ->> 'session_id' AS session_id,
    coalesce(d.data ->> 'procedure_code', '') AS code,
    coalesce(d.data ->> 'procedure_name', '') AS name,
    count(*) AS n,
    coalesce(sum(CASE WHEN jsonb_typeof(d.data -> 'fee_amount') = 'number'
        THEN (d.data ->> 'fee_amount')::bigint ELSE 0 END), 0) AS fees
FROM report_dossiers r JOIN dossiers d ON d.id = r.dossier_id
WHERE r.unit_code = ANY(:units) AND r.received_at >= :first AND r.received_at < :after
    AND d.data ->> 'session_id' = ANY(:ids)
GROUP BY 1, 2, 3
"""

_RETURNS_SQL = """
SELECT count(*) FROM events e
WHERE e.origin_device = :device AND e.unit_code = :unit
    AND e.data ->> 'device_id' = :device AND e.data ->> 'kind' = 'returned'
    AND (e.data ->> 'at')::timestamp >= :opened AND (e.data ->> 'at')::timestamp <= :until
"""

_RATINGS_SQL = """
SELECT r.overall, count(*) FROM report_ratings r JOIN ratings g ON g.id = r.rating_id
WHERE r.unit_code = :unit AND r.rated_at >= :opened AND r.rated_at <= :until
    AND g.data ->> 'device_id' = :device AND r.overall IN (1, 2, 3)
GROUP BY r.overall
"""


@dataclass
class SessionCounts:
    """The figures of one session, or of a group of sessions (a quarter, a unit)."""

    key: str = ""
    label: str = ""
    sessions: int = 0
    dossiers: int = 0
    fees_total: int = 0
    returns: int = 0
    by_procedure: dict[str, int] = field(default_factory=dict)
    procedure_names: dict[str, str] = field(default_factory=dict)
    ratings: dict[int, int] = field(default_factory=lambda: {3: 0, 2: 0, 1: 0})

    def add(self, other: SessionCounts) -> None:
        self.sessions += other.sessions
        self.dossiers += other.dossiers
        self.fees_total += other.fees_total
        self.returns += other.returns
        for code, n in other.by_procedure.items():
            self.by_procedure[code] = self.by_procedure.get(code, 0) + n
            self.procedure_names.setdefault(code, other.procedure_names.get(code, ""))
        for level, n in other.ratings.items():
            self.ratings[level] = self.ratings.get(level, 0) + n

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "label": self.label} if self.label else {}
        return {
            **out,
            "sessions": self.sessions,
            "dossiers": self.dossiers,
            "by_procedure": [
                {"code": code, "name": self.procedure_names.get(code, ""), "count": n}
                for code, n in sorted(self.by_procedure.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
            "fees_total": self.fees_total,
            "returns": self.returns,
            # Per overall level (3 rất hài lòng … 1 không hài lòng), as the 06a's ratings.
            "ratings": {str(level): self.ratings.get(level, 0) for level in (3, 2, 1)},
        }


@dataclass
class UnitSessions:
    """A unit's sessions held in the period: each, per quarter, and the total."""

    sessions: list[SessionCounts] = field(default_factory=list)
    quarters: dict[str, SessionCounts] = field(default_factory=dict)
    total: SessionCounts = field(default_factory=SessionCounts)

    def to_json(self) -> dict[str, Any]:
        return {
            "per_session": [x.to_json() for x in self.sessions],
            "per_quarter": [self.quarters[k].to_json() for k in sorted(self.quarters)],
            "total": self.total.to_json(),
        }


def session_figures(
    s: Session, *, province: str, unit: str | None, start: date, end: date
) -> tuple[dict[str, UnitSessions], SessionCounts]:
    """Per unit the sessions held in [start, end] with their figures; and the
    province's total."""
    held = s.execute(
        text(_HELD_SQL),
        {"province": province, "unit": unit, "from_day": start, "to_day": end},
    ).all()
    units: dict[str, UnitSessions] = defaultdict(UnitSessions)
    whole = SessionCounts()
    if not held:
        return {}, whole
    days = [row.day for row in held]
    by_id: dict[str, SessionCounts] = {}
    for row in held:
        counts = SessionCounts(key=row.id, label=f"{row.quarter} {row.day:%d/%m/%Y}", sessions=1)
        by_id[row.id] = counts
    for row in s.execute(
        text(_DOSSIERS_SQL),
        {
            "units": sorted({row.unit_code for row in held}),
            "ids": list(by_id),
            "first": datetime.combine(min(days), datetime.min.time()),
            "after": datetime.combine(max(days) + timedelta(days=1), datetime.min.time()),
        },
    ):
        counts = by_id[row.session_id]
        counts.dossiers += int(row.n)
        counts.fees_total += int(row.fees)
        counts.by_procedure[row.code] = counts.by_procedure.get(row.code, 0) + int(row.n)
        counts.procedure_names.setdefault(row.code, row.name)
    now = local_now().replace(tzinfo=None)
    for row in held:
        counts = by_id[row.id]
        if row.opened_at is not None and row.device:
            window = {
                "unit": row.unit_code,
                "device": row.device,
                "opened": row.opened_at,
                "until": row.closed_at or now,
            }
            counts.returns = int(s.execute(text(_RETURNS_SQL), window).scalar_one())
            for level, n in s.execute(text(_RATINGS_SQL), window):
                counts.ratings[int(level)] = int(n)
        unit_part = units[row.unit_code]
        unit_part.sessions.append(counts)
        qkey = quarter_key(row.quarter)
        quarter = unit_part.quarters.setdefault(qkey, SessionCounts(key=qkey, label=row.quarter))
        quarter.add(counts)
        unit_part.total.add(counts)
        whole.add(counts)
    return dict(units), whole
