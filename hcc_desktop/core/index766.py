"""Decision 766/QĐ-TTg estimate: the data file and the scoring rule.

Groups, indicators, maximum points and thresholds live in a versioned data
file (``resources/index766/qd766_v<N>.json``, format in docs/reports.md),
never in code. Scoring: points = max × min(1, rate ÷ threshold). An indicator
with nothing to measure (denominator 0, or no measure a ward can compute) is
"not applicable": its points are left out of both the total and the total's
maximum, and the estimate is also given on 100 (total ÷ max × 100).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from hcc_desktop.core.errors import CatalogError
from hcc_desktop.core.paths import RESOURCES
from hcc_desktop.core.reports import Rate

DEFAULT_SPEC = RESOURCES / "index766" / "qd766_v1.json"


@dataclass(frozen=True)
class IndicatorSpec:
    key: str
    name: str
    measure: str | None  # a rate of services.reports.measures(); None: not measurable here
    max: float
    threshold: float  # the rate that earns full points (0 < threshold <= 1)
    unconfirmed: bool
    lack: str  # "{k} … {threshold}" sentence of what full points need


@dataclass(frozen=True)
class GroupSpec:
    key: str
    name: str
    max: float
    indicators: tuple[IndicatorSpec, ...]


@dataclass(frozen=True)
class IndexSpec:
    version: int
    title: str
    groups: tuple[GroupSpec, ...]

    @property
    def max(self) -> float:
        return sum(g.max for g in self.groups)


def _problem(problems: list[str], where: str, what: str) -> None:
    problems.append(f"{where}: {what}")


def parse_spec(document: Any) -> IndexSpec:
    """Validate the 766 data file as a whole (CatalogError listing every problem)."""
    problems: list[str] = []
    if not isinstance(document, dict) or not isinstance(document.get("groups"), list):
        raise CatalogError(["index766: expected an object with a 'groups' list"])
    groups: list[GroupSpec] = []
    for gi, g in enumerate(document["groups"], 1):
        where = f"groups[{gi}]"
        inds: list[IndicatorSpec] = []
        for ii, i in enumerate(g.get("indicators") or [], 1):
            w = f"{where}.indicators[{ii}]"
            try:
                thr = float(i.get("threshold", 1))
                mx = float(i["max"])
            except (KeyError, TypeError, ValueError):
                _problem(problems, w, "max and threshold must be numbers")
                continue
            if not 0 < thr <= 1:
                _problem(problems, w, "threshold must be in (0, 1]")
            if mx < 0:
                _problem(problems, w, "max must not be negative")
            inds.append(
                IndicatorSpec(
                    key=str(i.get("key", f"{gi}.{ii}")),
                    name=str(i.get("name", "")),
                    measure=i.get("measure"),
                    max=mx,
                    threshold=thr,
                    unconfirmed=bool(i.get("unconfirmed", False)),
                    lack=str(i.get("lack", "")),
                )
            )
        gmax = float(g.get("max", 0))
        if abs(sum(x.max for x in inds) - gmax) > 1e-9:
            _problem(problems, where, f"indicators' max points do not add up to {gmax:g}")
        groups.append(GroupSpec(str(g.get("key", gi)), str(g.get("name", "")), gmax, tuple(inds)))
    if problems:
        raise CatalogError(problems)
    return IndexSpec(int(document.get("version", 1)), str(document.get("title", "")), tuple(groups))


def load_spec(path: Path | None = None) -> IndexSpec:
    return parse_spec(json.loads((path or DEFAULT_SPEC).read_text(encoding="utf-8")))


def percent(rate: float | None, digits: int = 2) -> str:
    """Vietnamese percentage: 0.9982 -> "99,82%" (no trailing zeros)."""
    if rate is None:
        return "—"
    text = f"{rate * 100:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def shortfall(num: float, den: int, threshold: float) -> int:
    """The smallest k >= 0 with (num + k) / den >= threshold (0 when den is 0)."""
    if den <= 0:
        return 0
    need = Fraction(str(threshold)) * den - Fraction(str(num))
    return max(0, math.ceil(need))


@dataclass(frozen=True)
class IndicatorScore:
    key: str
    name: str
    num: float
    den: int
    rate: float | None
    threshold: float
    max: float
    points: float | None  # None: not applicable
    lack: int  # how many more dossiers reach the threshold (0: full points)
    lack_text: str
    unconfirmed: bool

    @property
    def applicable(self) -> bool:
        return self.points is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "num": self.num,
            "den": self.den,
            "rate": self.rate,
            "threshold": self.threshold,
            "max": self.max,
            "points": None if self.points is None else round(self.points, 2),
            "applicable": self.applicable,
            "lack": self.lack,
            "lack_text": self.lack_text,
            "unconfirmed": self.unconfirmed,
        }


@dataclass(frozen=True)
class GroupScore:
    key: str
    name: str
    max: float  # applicable max only
    points: float
    nominal_max: float
    indicators: tuple[IndicatorScore, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "max": self.max,
            "nominal_max": self.nominal_max,
            "points": round(self.points, 2),
            "indicators": [i.to_json() for i in self.indicators],
        }


@dataclass(frozen=True)
class Index766:
    version: int
    total: float
    max: float  # the applicable indicators' max points
    nominal_max: float  # the file's total (100)
    groups: tuple[GroupScore, ...]

    @property
    def on_100(self) -> float | None:
        return self.total / self.max * 100 if self.max else None

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "total": round(self.total, 2),
            "max": self.max,
            "nominal_max": self.nominal_max,
            "on_100": None if self.on_100 is None else round(self.on_100, 2),
            "groups": [g.to_json() for g in self.groups],
        }


def score_indicator(spec: IndicatorSpec, rate: Rate | None) -> IndicatorScore:
    """points = max × min(1, rate ÷ threshold); None when nothing to measure."""
    if rate is None or rate.den == 0 or rate.rate is None:
        num, den = (rate.num, rate.den) if rate else (0, 0)
        return IndicatorScore(
            spec.key,
            spec.name,
            num,
            den,
            None,
            spec.threshold,
            spec.max,
            None,
            0,
            "",
            spec.unconfirmed,
        )
    value = rate.num / rate.den
    points = spec.max * min(1.0, value / spec.threshold)
    k = shortfall(rate.num, rate.den, spec.threshold)
    shown = f"{k:,}".replace(",", ".")  # 1.025, as Vietnamese writes thousands
    text = spec.lack.format(k=shown, threshold=percent(spec.threshold)) if k and spec.lack else ""
    return IndicatorScore(
        spec.key,
        spec.name,
        rate.num,
        rate.den,
        value,
        spec.threshold,
        spec.max,
        points,
        k,
        text,
        spec.unconfirmed,
    )


def score(spec: IndexSpec, measures: dict[str, Rate]) -> Index766:
    groups: list[GroupScore] = []
    for g in spec.groups:
        inds = tuple(
            score_indicator(i, measures.get(i.measure) if i.measure else None) for i in g.indicators
        )
        applicable = [i for i in inds if i.points is not None]
        groups.append(
            GroupScore(
                g.key,
                g.name,
                sum(i.max for i in applicable),
                sum(i.points or 0.0 for i in applicable),
                g.max,
                inds,
            )
        )
    return Index766(
        spec.version,
        sum(g.points for g in groups),
        sum(g.max for g in groups),
        spec.max,
        tuple(groups),
    )


def index_measures(
    rates: Mapping[str, Rate],
    *,
    received_total: int,
    late: int,
    not_satisfied: int,
    complaints_received: int,
    complaints_resolved: int,
    complaints_on_time: int,
    procedures_used: int,
    procedures_offered: int,
    procedures_active: int,
) -> dict[str, Rate]:
    """The rates the 766 data file may name in an indicator's "measure", from a
    report's figures (the device's report and the server's province report both
    use this one rule).

    ``rates`` are the report's rates (on_time, online, digitised …); ``late`` is
    finished late + open overdue; ``not_satisfied`` the ratings "không hài lòng";
    the complaints are those of the period (received, resolved, resolved on time);
    ``procedures_used`` of the ``procedures_offered`` online had an online dossier
    received in the period, among ``procedures_active``.

    - satisfaction: received in total minus (late + not satisfied + complaints
      received), at least 0 ÷ received in total
    - complaints_on_time: resolved on time ÷ resolved
    - procedures_online: offered online ÷ active; procedures_online_used: used ÷ offered
    """
    bad = late + not_satisfied + complaints_received
    return {
        **rates,
        "satisfaction": Rate.of(max(0, received_total - bad), received_total),
        "complaints_on_time": Rate.of(complaints_on_time, complaints_resolved),
        "procedures_online": Rate.of(procedures_offered, procedures_active),
        "procedures_online_used": Rate.of(procedures_used, procedures_offered),
    }
