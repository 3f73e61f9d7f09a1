"""The periodic report's figures for the dossiers received at Saturday sessions
(issue 13): one Biểu II.06a row and the rates per session and per residential
quarter, from the same facts and rules as the whole report (engine, core.reports).

A dossier belongs to a session by ``dossiers.session_id``; dossiers received
elsewhere are left out. Ratings count for the session of the dossier rated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from hcc_desktop.core.field import SessionFigures, quarter_key
from hcc_desktop.core.periods import Period
from hcc_desktop.core.reports import Group
from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.db.engine import Database
from hcc_desktop.services.reports import engine


@dataclass(frozen=True)
class SessionFiguresReport:
    """What the Saturday sessions held in a period did, per session (in date
    order) and per residential quarter (by name): dossiers received, by
    procedure, fees collected, results returned, ratings taken
    (services/field/sessions.py: the closing summary's own counts)."""

    sessions: tuple[SessionFigures, ...]
    quarters: tuple[SessionFigures, ...]

    @property
    def dossiers(self) -> int:
        return sum(f.dossiers for f in self.sessions)


@dataclass(frozen=True)
class SessionBreakdown:
    """Figures of the period's session dossiers: ``sessions`` by session id (the
    group's row is labelled "quarter dd/mm/yyyy"), ``quarters`` by quarter name."""

    sessions: dict[str, Group]
    quarters: dict[str, Group]


def session_breakdown(
    db: Database, calendar: WorkCalendar, period: Period, *, today: date
) -> SessionBreakdown:
    # The accumulator and group builder of the whole report: the same figures.
    from hcc_desktop.services.reports.service import _Acc, _group, _new_acc

    with db.read_engine.connect() as conn:
        engine.prepare(conn)
        tagged = conn.execute(
            text(
                "SELECT d.code, s.id, s.quarter, s.day FROM dossiers d "
                "JOIN field_sessions s ON s.id = d.session_id"
            )
        ).all()
        if not tagged:
            return SessionBreakdown({}, {})
        session_of = {code: sid for code, sid, _q, _d in tagged}
        labels = {
            sid: f"{q} {date.fromisoformat(str(d)[:10]):%d/%m/%Y}" for _c, sid, q, d in tagged
        }
        quarter_of = {sid: quarter_key(q) for _c, sid, q, _d in tagged}
        quarter_names: dict[str, str] = {}
        for _c, _sid, q, _d in tagged:
            quarter_names.setdefault(quarter_key(q), q)
        # The session id stands in the officer's place of the report's tally.
        facts = (
            f._replace(officer=session_of[f.code])
            for f in engine.iter_facts(conn, period)
            if f.code in session_of
        )
        t = engine.tally(facts, period, calendar, today=today)
        rated = [
            (session_of[code], int(level))
            for code, _f, _p, _c, _o, level in engine.ratings(conn, period)
            if code in session_of
        ]
    per_session: dict[str, _Acc] = defaultdict(_new_acc)
    per_quarter: dict[str, _Acc] = defaultdict(_new_acc)
    for (_f, _p, _c, sid, keys), n in t.combos.items():
        for acc in (per_session[sid], per_quarter[quarter_of[sid]]):
            for key in keys:
                acc.keys[key] += n
    for (_f, _p, _c, sid), n in t.days.items():
        per_session[sid].days += n
        per_quarter[quarter_of[sid]].days += n
    for sid, level in rated:
        per_session[sid].ratings[level] += 1
        per_quarter[quarter_of[sid]].ratings[level] += 1
    return SessionBreakdown(
        sessions={sid: _group(acc, labels[sid]) for sid, acc in sorted(per_session.items())},
        quarters={
            quarter_names[key]: _group(acc, quarter_names[key])
            for key, acc in sorted(per_quarter.items())
        },
    )
