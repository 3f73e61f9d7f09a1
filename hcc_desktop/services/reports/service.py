"""The periodic report (Biểu II.06a), its rates and breakdowns, the drill-down
to the dossiers behind each figure, and the Decision 766 estimate."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hcc_desktop.core.clock import local_now, local_today
from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.index766 import Index766, IndexSpec, index_measures, load_spec, score
from hcc_desktop.core.periods import Period, period_label
from hcc_desktop.core.reports import (
    DIMENSIONS,
    RATE_KEYS,
    RATING_KEYS,
    ROW_FIELDS,
    ROW_KEYS,
    UNRECORDED_KEYS,
    ComplaintFigures,
    Group,
    PeriodicReport,
    Rate,
    ReportRow,
    contributions,
)
from hcc_desktop.db.engine import Database
from hcc_desktop.services.printing import PrintService
from hcc_desktop.services.reports import engine
from hcc_desktop.services.reports.engine import Cancel, Progress, stamp
from hcc_desktop.services.reports.sessions import (
    SessionBreakdown,
    SessionFiguresReport,
    session_breakdown,
)
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings import SettingsService

TOTAL = "Tổng cộng"
NO_FIELD = "Chưa phân loại lĩnh vực"


@dataclass
class _Acc:
    keys: Counter[str]
    days: int
    ratings: Counter[int]


def _new_acc() -> _Acc:
    return _Acc(Counter(), 0, Counter())


def _group(acc: _Acc, label: str) -> Group:
    k = acc.keys
    row = ReportRow(label, **{key: k[key] for key in ROW_KEYS})
    counts = {**k, "finished": row.finished, "received_total": row.received_total}
    rates = {
        name: Rate.of(counts.get(n, 0), counts.get(d, 0)) for name, (n, d) in RATE_KEYS.items()
    }
    rated = sum(acc.ratings.values())
    rates["satisfied"] = Rate.of(acc.ratings[3] + acc.ratings[2], rated)
    rates["processing_days"] = Rate.of(acc.days, row.finished)
    return Group(
        row=row,
        rates=rates,
        unrecorded={key.split(".")[0]: k[key] for key in UNRECORDED_KEYS},
        ratings={level: acc.ratings[level] for level in (3, 2, 1)},
    )


def _slices(fld: str, proc: str, channel: str, officer: str) -> tuple[tuple[str, str], ...]:
    return (
        ("total", ""),
        ("field", fld),
        ("procedure", proc),
        ("channel", channel),
        ("officer", officer),
    )


class ReportService:
    """Reports over the local store. Read-only; safe to run off the GUI thread."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        session: OfficerSession | None = None,
        today: Callable[[], date] = local_today,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self._db = db
        self._clock = clock
        # The officer who prepares the sheet signs it as its preparer (issue 12).
        self._session = session or OfficerSession()
        self._today = today
        self._settings = settings
        self._spec: IndexSpec | None = None

    def _preparer(self) -> str:
        officer = self._session.officer
        return officer.display_name if officer else ""

    # --- the periodic report -----------------------------------------------------------

    @guarded("reports.periodic")
    def periodic(
        self,
        period: Period,
        *,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> PeriodicReport:
        """Biểu II.06a with every rate, broken down by field, procedure, channel
        and receiving officer, as of the period's end (docs/reports.md)."""
        settings = self._settings.load()
        calendar = self._settings.calendar()
        with self._db.read_engine.connect() as conn:
            engine.prepare(conn)
            # Classified and counted in SQL; the drill-down below keeps the
            # per-dossier rule (tests compare the two).
            t = engine.grouped_tally(
                conn, period, calendar, today=self._today(), progress=progress, cancel=cancel
            )
            rated = list(engine.ratings(conn, period))
            complaints = engine.complaint_rows(conn, period)
            used, offered, active = engine.procedures_online(conn, period)
        accs: dict[tuple[str, str], _Acc] = defaultdict(_new_acc)
        for (fld, proc, ch, off, keys), n in t.combos.items():
            for s in _slices(fld, proc, ch, off):
                counts = accs[s].keys
                for key in keys:
                    counts[key] += n
        for (fld, proc, ch, off), n in t.days.items():
            for s in _slices(fld, proc, ch, off):
                accs[s].days += n
        for _code, fld, proc, ch, off, level in rated:
            for s in _slices(fld or "", proc, ch, off or ""):
                accs[s].ratings[int(level)] += 1
        total = _group(accs.pop(("total", ""), _new_acc()), TOTAL)
        breakdowns: dict[str, dict[str, Group]] = {d: {} for d in DIMENSIONS}
        for (dim, value), acc in sorted(accs.items()):
            breakdowns[dim][value] = _group(acc, value or NO_FIELD)
        rows = tuple(g.row for _v, g in sorted(breakdowns["field"].items()) if any(g.row.columns()))
        return PeriodicReport(
            start=period.start.isoformat(),
            end=period.end.isoformat(),
            unit_code=settings.unit_code,
            unit_name=settings.unit_name,
            rows=rows,
            total=total,
            breakdowns=breakdowns,
            complaints=_complaint_figures(complaints, period, self._today()),
            procedures_online=(used, offered),
            procedures_active=active,
        )

    def sessions(self, period: Period) -> SessionBreakdown:
        """The report's figures for the dossiers received at Saturday sessions,
        per session and per residential quarter (services/reports/sessions.py)."""
        return session_breakdown(self._db, self._settings.calendar(), period, today=self._today())

    @guarded("reports.session_figures")
    def session_figures(self, period: Period) -> SessionFiguresReport:
        """What the Saturday sessions held in ``period`` did, per session and per
        quarter: dossiers received (by procedure), fees, returns, ratings."""
        from hcc_desktop.services.field.sessions import FieldSessionService

        field = FieldSessionService(self._db, settings=self._settings, clock=self._clock)
        per_session, per_quarter = field.figures(date_from=period.start, date_to=period.end)
        return SessionFiguresReport(tuple(per_session), tuple(per_quarter))

    # --- drill-down --------------------------------------------------------------------

    @guarded("reports.details")
    def details(
        self,
        period: Period,
        figure: str,
        *,
        dimension: str | None = None,
        value: str | None = None,
    ) -> tuple[str, ...]:
        """Codes of the dossiers behind one figure of :meth:`periodic`.

        ``figure`` is a row column ("received_total", "finished_late" …), a
        rate ("paid_online" for its numerator, "paid_online.den" for its
        denominator), "<flag>.unrecorded", "satisfied", "satisfied.den",
        "rating.3|2|1", "processing_days" or "complaints.<figure>";
        ``dimension`` and ``value`` restrict to one row of a breakdown
        ("field", "Hộ tịch"). Sorted codes; a dossier rated twice appears once.
        """
        if dimension is not None and dimension not in DIMENSIONS:
            raise ValidationError([FieldError("dimension", "unknown", {"value": dimension})])
        keep = DIMENSIONS.index(dimension) if dimension else None

        def wanted(fld: str, proc: str, ch: str, off: str) -> bool:
            return keep is None or (fld or "", proc, ch, off or "")[keep] == (value or "")

        with self._db.read_engine.connect() as conn:
            engine.prepare(conn)
            if figure.startswith("complaints."):
                return _complaint_codes(
                    engine.complaint_rows(conn, period), period, figure, self._today()
                )
            if figure in ("satisfied", "satisfied.num", "satisfied.den") or figure.startswith(
                "rating."
            ):
                levels = _rating_levels(figure)
                return tuple(
                    sorted(
                        {
                            code
                            for code, fld, proc, ch, off, level in engine.ratings(conn, period)
                            if int(level) in levels and wanted(fld, proc, ch, off)
                        }
                    )
                )
            key = _figure_key(figure)
            start, to_day = stamp(period.start_at), period.judged_on(self._today()).isoformat()
            codes = [
                f.code
                for f in engine.iter_facts(conn, period)
                if wanted(f.field, f.procedure, f.channel, f.officer)
                and key in contributions(f, start=start, to_day=to_day)
            ]
        return tuple(sorted(codes))

    @guarded("reports.all_details")
    def all_details(
        self, period: Period, *, dimension: str = "field"
    ) -> dict[str | None, dict[str, tuple[str, ...]]]:
        """In one pass, the codes behind every figure of the total (key None) and of
        each row of ``dimension``: {value: {figure: codes}} with the figure names
        :meth:`details` accepts (row columns, "<rate>.num", "<rate>.den",
        "<flag>.unrecorded", "satisfied.num", "satisfied.den")."""
        keep = DIMENSIONS.index(dimension)
        start, to_day = stamp(period.start_at), period.judged_on(self._today()).isoformat()
        found: dict[str | None, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        with self._db.read_engine.connect() as conn:
            engine.prepare(conn)
            for f in engine.iter_facts(conn, period):
                keys = contributions(f, start=start, to_day=to_day)
                if not keys:
                    continue
                value = (f.field, f.procedure, f.channel, f.officer)[keep]
                for key in keys:
                    found[None][key].add(f.code)
                    found[value][key].add(f.code)
            for code, fld, proc, ch, off, level in engine.ratings(conn, period):
                value = (fld or "", proc, ch, off or "")[keep]
                for where in (None, value):
                    found[where]["satisfied.den"].add(code)
                    if int(level) >= 2:
                        found[where]["satisfied.num"].add(code)
        names = {**{k: k for k in (*ROW_FIELDS, *UNRECORDED_KEYS)}}
        for rate, (num, _den) in RATE_KEYS.items():
            names.setdefault(num, f"{rate}.num")
        out: dict[str | None, dict[str, tuple[str, ...]]] = {}
        for where, by_key in found.items():
            block: dict[str, tuple[str, ...]] = {}
            for key, codes in by_key.items():
                block[names.get(key, key)] = tuple(sorted(codes))
            for rate, (_num, den) in RATE_KEYS.items():
                block.setdefault(f"{rate}.num", ())
                block[f"{rate}.den"] = block.get(names.get(den, den), ())
            for key in (*ROW_FIELDS, *UNRECORDED_KEYS, "satisfied.num", "satisfied.den"):
                block.setdefault(key, ())
            out[where] = dict(sorted(block.items()))
        out.setdefault(None, {})
        return out

    # --- exports -----------------------------------------------------------------------

    @guarded("reports.export")
    def export(
        self,
        period: Period,
        out: Path,
        *,
        label: str | None = None,
        day: date | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> Path:
        """Write the period's report to ``out``: .xlsx or .pdf (Biểu II.06a), or
        .docx (the draft narrative report). ``label`` names the period in the
        narrative ("quý IV năm 2026"); ``day`` is the date printed (today)."""
        # Imported here: reportlab, openpyxl and python-docx cost start-up time.
        from hcc_desktop.printing.report_06a import SheetSigners, render_06a
        from hcc_desktop.printing.report_docx import NarrativeInfo, render_narrative_docx
        from hcc_desktop.printing.report_xlsx import render_06a_xlsx

        suffix = out.suffix.lower()
        if suffix not in (".xlsx", ".pdf", ".docx"):
            raise ValidationError([FieldError("out", "unknown_format", {"suffix": suffix})])
        settings = self._settings.load()
        unit = settings.unit_info()
        rep = self.periodic(period, progress=progress, cancel=cancel)
        index = self.index766(period, report=rep)
        today = day or date.today()
        if suffix == ".pdf":
            signers = SheetSigners(preparer=self._preparer(), head=settings.signer_name)
            data = render_06a(rep, unit, day=today, signers=signers)
        elif suffix == ".xlsx":
            held = self.session_figures(period)
            data = render_06a_xlsx(rep, unit, index, sessions=(held.sessions, held.quarters))
        else:
            info = NarrativeInfo(
                period_label=label or period_label(period),
                signer_title=settings.signer_title,
                signer_name=settings.signer_name,
            )
            data = render_narrative_docx(rep, index, unit, day=today, info=info)
        return PrintService.save(data, out)

    # --- Decision 766 ------------------------------------------------------------------

    def spec766(self) -> IndexSpec:
        """The Decision 766 index specification (loaded once)."""
        if self._spec is None:
            self._spec = load_spec()
        return self._spec

    @guarded("reports.index766")
    def index766(
        self,
        period: Period,
        *,
        report: PeriodicReport | None = None,
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> Index766:
        """The 766 estimate over ``period`` (reuses ``report`` when given)."""
        rep = report or self.periodic(period, progress=progress, cancel=cancel)
        return score(self.spec766(), measures(rep))


def measures(rep: PeriodicReport) -> dict[str, Rate]:
    """The rates the 766 data file may name in an indicator's "measure"."""
    r = rep.total.row
    used, offered = rep.procedures_online
    return index_measures(
        rep.total.rates,
        received_total=r.received_total,
        late=r.finished_late + r.open_late,
        not_satisfied=rep.total.ratings.get(1, 0),
        complaints_received=rep.complaints.received,
        complaints_resolved=rep.complaints.resolved,
        complaints_on_time=rep.complaints.resolved_on_time,
        procedures_used=used,
        procedures_offered=offered,
        procedures_active=rep.procedures_active,
    )


def _figure_key(figure: str) -> str:
    if figure in ROW_FIELDS or figure in ("received_new",):
        return figure
    base, _, part = figure.partition(".")
    if base in RATE_KEYS:
        num, den = RATE_KEYS[base]
        if part in ("", "num"):
            return num
        if part == "den":
            return den
    if figure in UNRECORDED_KEYS:
        return figure
    if figure == "processing_days":
        return "finished"
    raise ValidationError([FieldError("figure", "unknown", {"value": figure})])


def _rating_levels(figure: str) -> frozenset[int]:
    if figure in ("satisfied", "satisfied.num"):
        return frozenset({3, 2})
    if figure == "satisfied.den":
        return frozenset({3, 2, 1})
    level = figure.partition(".")[2]
    names = {v.partition(".")[2]: k for k, v in RATING_KEYS.items()}
    if level.isdigit() and int(level) in RATING_KEYS:
        return frozenset({int(level)})
    if level in names:
        return frozenset({names[level]})
    raise ValidationError([FieldError("figure", "unknown", {"value": figure})])


def _complaint_class(
    row: tuple[str, str, str | None, str | None, str | None], period: Period, today: date
) -> set[str]:
    """Which complaint figures one complaint counts in."""
    _id, received, due, resolved, _code = row
    start, end, to_day = (
        stamp(period.start_at),
        stamp(period.end_at),
        period.judged_on(today).isoformat(),
    )
    out: set[str] = set()
    if received >= start:
        out.add("received")
    if resolved is not None and start <= resolved < end:
        out.add("resolved")
        if due is None or resolved[:10] <= due[:10]:
            out.add("resolved_on_time")
    if resolved is None or resolved >= end:
        out.add("open_at_end")
        if due is not None and due[:10] < to_day:
            out.add("open_overdue")
    return out


def _complaint_figures(
    rows: Iterable[tuple[str, str, str | None, str | None, str | None]],
    period: Period,
    today: date,
) -> ComplaintFigures:
    c: Counter[str] = Counter()
    for row in rows:
        c.update(_complaint_class(row, period, today))
    return ComplaintFigures(
        received=c["received"],
        resolved=c["resolved"],
        resolved_on_time=c["resolved_on_time"],
        open_at_end=c["open_at_end"],
        open_overdue=c["open_overdue"],
    )


def _complaint_codes(
    rows: Iterable[tuple[str, str, str | None, str | None, str | None]],
    period: Period,
    figure: str,
    today: date,
) -> tuple[str, ...]:
    """Complaints behind a complaint figure: the dossier code when the complaint is
    about a dossier, else the complaint's id."""
    name = figure.partition(".")[2]
    if name not in ComplaintFigures.__dataclass_fields__:
        raise ValidationError([FieldError("figure", "unknown", {"value": figure})])
    return tuple(sorted(r[4] or r[0] for r in rows if name in _complaint_class(r, period, today)))
