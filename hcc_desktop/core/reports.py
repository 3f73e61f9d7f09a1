"""The figures a ward is judged on (Biểu II.06a and the rates): types and rules.

Pure: the service (``services/reports``) reads one row of facts per dossier
with SQL and hands them here; :func:`contributions` says which figures a
dossier counts in, so totals and drill-downs come from the same rule.
The rules are written out in /docs/reports.md (and REPORT_RULES.md for the
server): figures are evaluated from the event history as of the period's end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Channels of the national statistics: online (KenhThucHien 2) against the rest
# (direct at the counter, Saturday sessions, home visits, and postal).
ONLINE_CHANNEL = "online"
CHANNELS = ("counter", "saturday_session", "home_visit", "postal", "online")

# 06a counters a dossier can count in (the other columns are sums of these).
ROW_KEYS = (
    "received_online",
    "received_direct",
    "carried_over",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "open_on_time",
    "open_late",
)
# Every field of a row, in the order of the 06a columns (3)…(13).
ROW_FIELDS = (
    "received_total",
    "received_online",
    "received_direct",
    "carried_over",
    "finished",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "open",
    "open_on_time",
    "open_late",
)
# Rates: name -> (numerator key, denominator key) of dossier counts.
RATE_KEYS: dict[str, tuple[str, str]] = {
    "on_time": ("on_time.num", "finished"),
    "overdue": ("overdue.num", "received_total"),
    "progress": ("progress.num", "received_total"),
    "online": ("online.num", "online.den"),
    "online_partial": ("online_partial.num", "online_partial.den"),
    "online_full": ("online_full.num", "online_full.den"),
    "digitised": ("digitised.num", "received_new"),
    "e_result": ("e_result.num", "finished"),
    "paid_online": ("paid_online.num", "paid_online.den"),
    "reused": ("reused.num", "reused.den"),
    "synced": ("synced.num", "received_new"),
}
# Dossiers whose flag was not recorded (counted as "no" in the rate).
UNRECORDED_KEYS = ("digitised.unrecorded", "e_result.unrecorded", "paid_online.unrecorded")
# Rating levels (overall judgement): 3 rất hài lòng, 2 hài lòng, 1 không hài lòng.
RATING_KEYS = {3: "rating.very_satisfied", 2: "rating.satisfied", 1: "rating.not_satisfied"}
# Breakdowns of the rates.
DIMENSIONS = ("field", "procedure", "channel", "officer")


class DossierFacts(NamedTuple):
    """What the report needs of one dossier, as of the period's end.

    Times are the store's text form ("YYYY-MM-DD HH:MM:SS..."): only their
    first 10 characters (the date) and their order matter. ``due`` is the
    appointment moved by the supplement waits that ended before the period's
    end; ``end_at`` the first terminal event before the end, or None.
    A NamedTuple, not a dataclass: one is built per dossier of the period.
    """

    code: str
    field: str
    procedure: str
    channel: str
    officer: str
    received_at: str
    due: str
    end_at: str | None
    supplement_requests: int
    waiting: bool
    components: int = 0
    digitised: int = 0  # components ticked digitised
    digitised_unknown: int = 0  # components whose flag was never recorded (NULL)
    reused: int = 0
    reusable: int = 0
    paid_online: bool | None = None
    e_result: bool | None = None
    bears_fee: bool = False
    online_level: str = ""  # '' | 'partial' | 'full' (the procedure's offer)
    synced: bool = False  # sent to the central server (its state now, not as of the end)
    # The verdict the lifecycle recorded on the first terminal event ("early",
    # "on_time", "late"), "" when none (imported histories): it counts the
    # supplement wait of a dossier that ended while waiting, which the events'
    # appointments alone do not show.
    recorded: str = ""


_VERDICTS = {
    "early": "finished_early",
    "on_time": "finished_on_time",
    "late": "finished_late",
}


def classify_open(f: DossierFacts, to_day: str) -> str:
    """'open_on_time' or 'open_late' for a dossier not ended before the end."""
    if f.supplement_requests > 1:
        return "open_late"
    if f.waiting or f.due[:10] >= to_day:
        return "open_on_time"
    return "open_late"


def classify_finished(f: DossierFacts) -> str:
    """'finished_early' | 'finished_on_time' | 'finished_late' (DOMAIN §3)."""
    assert f.end_at is not None
    if f.recorded in _VERDICTS:
        return _VERDICTS[f.recorded]
    if f.supplement_requests > 1:
        return "finished_late"
    end_day, due_day = f.end_at[:10], f.due[:10]
    if end_day < due_day:
        return "finished_early"
    if end_day == due_day:
        return "finished_on_time"
    return "finished_late"


def contributions(f: DossierFacts, *, start: str, to_day: str) -> tuple[str, ...]:
    """Every figure key ``f`` counts in for the period starting at ``start``
    (text form of the first moment) and ending on the date ``to_day``
    (YYYY-MM-DD, inclusive); empty when the dossier is not in the report
    (ended before the period). The caller only passes dossiers received
    before the period's end, with their events before the end.
    """
    keys: list[str] = []
    new = f.received_at >= start
    if new:
        keys.append("received_online" if f.channel == ONLINE_CHANNEL else "received_direct")
        keys.append("received_new")
    elif f.end_at is None or f.end_at >= start:
        keys.append("carried_over")
    else:
        return ()
    keys.append("received_total")
    if f.end_at is not None:
        verdict = classify_finished(f)
        keys += ("finished", verdict)
        if verdict != "finished_late":
            keys += ("on_time.num", "progress.num")
        else:
            keys.append("overdue.num")
        if f.e_result:
            keys.append("e_result.num")
        elif f.e_result is None:
            keys.append("e_result.unrecorded")
    else:
        verdict = classify_open(f, to_day)
        keys += ("open", verdict)
        keys.append("progress.num" if verdict == "open_on_time" else "overdue.num")
    if new:
        keys += _receipt_keys(f)
    return tuple(keys)


def _receipt_keys(f: DossierFacts) -> list[str]:
    """Rates over the dossiers received in the period (not the carried over)."""
    keys: list[str] = []
    online = f.channel == ONLINE_CHANNEL
    if f.online_level in ("partial", "full"):
        keys.append("online.den")
        keys.append(f"online_{f.online_level}.den")
        if online:
            keys.append("online.num")
            keys.append(f"online_{f.online_level}.num")
    if f.components > 0 and f.digitised == f.components:
        keys.append("digitised.num")
    elif f.digitised_unknown:
        keys.append("digitised.unrecorded")
    if f.bears_fee:
        keys.append("paid_online.den")
        if f.paid_online:
            keys.append("paid_online.num")
        elif f.paid_online is None:
            keys.append("paid_online.unrecorded")
    if f.synced:
        keys.append("synced.num")
    if f.reusable or f.reused:
        keys.append("reused.den")
        if f.reused:
            keys.append("reused.num")
    return keys


@dataclass(frozen=True)
class Rate:
    num: float
    den: int
    rate: float | None  # None when den is 0

    @staticmethod
    def of(num: float, den: int) -> Rate:
        return Rate(num, den, (num / den) if den else None)

    def to_json(self) -> dict[str, Any]:
        return {"num": self.num, "den": self.den, "rate": self.rate}


@dataclass(frozen=True)
class ReportRow:
    """One 06a row: a lĩnh vực (or the total, ``field`` "Tổng cộng")."""

    field: str
    received_online: int = 0
    received_direct: int = 0
    carried_over: int = 0
    finished_early: int = 0
    finished_on_time: int = 0
    finished_late: int = 0
    open_on_time: int = 0
    open_late: int = 0

    @property
    def received_total(self) -> int:
        return self.received_online + self.received_direct + self.carried_over

    @property
    def finished(self) -> int:
        return self.finished_early + self.finished_on_time + self.finished_late

    @property
    def open(self) -> int:
        return self.open_on_time + self.open_late

    def columns(self) -> tuple[int, ...]:
        """Columns (3)…(13) of the 06a table."""
        return tuple(getattr(self, k) for k in ROW_FIELDS)

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, **{k: getattr(self, k) for k in ROW_FIELDS}}


@dataclass(frozen=True)
class Group:
    """The figures of one slice of dossiers (the total, a field, a procedure …)."""

    row: ReportRow
    rates: dict[str, Rate]
    unrecorded: dict[str, int]
    ratings: dict[int, int]  # level -> count

    def to_json(self) -> dict[str, Any]:
        return {
            **self.row.to_json(),
            "rates": {k: r.to_json() for k, r in self.rates.items()},
            "unrecorded": dict(self.unrecorded),
            "ratings": {str(k): v for k, v in sorted(self.ratings.items(), reverse=True)},
        }


@dataclass(frozen=True)
class ComplaintFigures:
    """The complaints register over the period."""

    received: int = 0
    resolved: int = 0
    resolved_on_time: int = 0
    open_at_end: int = 0
    open_overdue: int = 0


@dataclass(frozen=True)
class PeriodicReport:
    """Biểu II.06a and the rates of one unit over [start, end]."""

    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD (inclusive)
    unit_code: str
    unit_name: str
    rows: tuple[ReportRow, ...]  # one per lĩnh vực, sorted by name
    total: Group
    breakdowns: dict[str, dict[str, Group]] = field(default_factory=dict)
    complaints: ComplaintFigures = ComplaintFigures()
    procedures_online: tuple[int, int] = (0, 0)  # online procedures used, offered
    procedures_active: int = 0

    @property
    def rates(self) -> dict[str, Rate]:
        return self.total.rates

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.start,
            "to": self.end,
            "unit": {"code": self.unit_code, "name": self.unit_name},
            "rows": [r.to_json() for r in self.rows],
            "total": self.total.row.to_json(),
            "rates": {
                **{k: r.to_json() for k, r in self.total.rates.items()},
                "complaints_on_time": Rate.of(
                    self.complaints.resolved_on_time, self.complaints.resolved
                ).to_json(),
            },
            "unrecorded": dict(self.total.unrecorded),
            "ratings": {str(k): v for k, v in sorted(self.total.ratings.items(), reverse=True)},
            "complaints": {
                "received": self.complaints.received,
                "resolved": self.complaints.resolved,
                "resolved_on_time": self.complaints.resolved_on_time,
                "open_at_end": self.complaints.open_at_end,
                "open_overdue": self.complaints.open_overdue,
            },
            "breakdowns": {
                dim: {key: g.to_json() for key, g in groups.items()}
                for dim, groups in self.breakdowns.items()
            },
        }


def check_identities(row: ReportRow) -> None:
    """Raise AssertionError unless the 06a identities hold on ``row``."""
    total = row.received_total
    if not (
        total == row.received_online + row.received_direct + row.carried_over
        and total == row.finished + row.open
        and row.finished == row.finished_early + row.finished_on_time + row.finished_late
        and row.open == row.open_on_time + row.open_late
    ):
        raise AssertionError(f"06a identities broken on {row.field!r}: {row.to_json()}")
