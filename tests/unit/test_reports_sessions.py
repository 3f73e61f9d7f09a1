"""The reports' Saturday session figures (issue 13): per session and per
quarter — dossiers received, by procedure, fees, returns, ratings — read back
from ReportService and from the .xlsx export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from hcc_desktop.core.periods import Period
from hcc_desktop.printing.report_xlsx import SHEET_SESSIONS
from hcc_desktop.services import Services
from tests.conftest import FakeClock
from tests.sessions_support import hold_sessions

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
BOTH_WEEKS = Period(date(2026, 11, 1), date(2026, 12, 6))


def test_figures_per_session_and_per_quarter(services: Services, clock: FakeClock) -> None:
    held = hold_sessions(services, clock)
    a, b, c = held.ids
    figures = services.reports.session_figures(BOTH_WEEKS)
    assert [f.key for f in figures.sessions] == [a, b, c]
    assert [f.dossiers for f in figures.sessions] == [len(held.codes[x]) for x in (a, b, c)]
    assert figures.dossiers == 4
    first = figures.sessions[0]
    assert first.label == "Khu phố 3 28/11/2026"
    assert [(x.key, x.count) for x in first.by_procedure] == [("1.001193", 1), ("1.004873", 1)]
    assert first.fees_total == held.fee > 0
    assert first.returns == 2
    assert first.ratings == 2
    assert [(x.key, x.count) for x in first.ratings_by_level] == [("3", 1), ("2", 1), ("1", 0)]
    assert [(f.returns, f.ratings, f.fees_total) for f in figures.sessions[1:]] == [
        (0, 0, 0),
        (0, 0, 0),
    ]
    # Per quarter: "khu pho 3" is the same quarter as "Khu phố 3".
    assert [(f.label, f.sessions, f.dossiers) for f in figures.quarters] == [
        ("Khu phố 3", 2, 3),
        ("Khu phố 5", 1, 1),
    ]
    k3 = figures.quarters[0]
    assert [(x.key, x.count) for x in k3.by_procedure] == [("1.001193", 2), ("1.004873", 1)]
    assert (k3.fees_total, k3.returns, k3.ratings) == (held.fee, 2, 2)
    # A period holding only the first Saturday.
    november = services.reports.session_figures(NOVEMBER)
    assert [f.key for f in november.sessions] == [a, b]
    assert [(f.label, f.sessions, f.dossiers) for f in november.quarters] == [
        ("Khu phố 3", 1, 2),
        ("Khu phố 5", 1, 1),
    ]
    assert services.reports.session_figures(Period(date(2026, 10, 1), date(2026, 10, 31))) == (
        type(figures)((), ())
    )


def test_the_xlsx_export_has_the_sessions_sheet(
    services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    held = hold_sessions(services, clock)
    out = services.reports.export(BOTH_WEEKS, tmp_path / "bieu.xlsx")
    sheet = load_workbook(out)[SHEET_SESSIONS]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    by_label = {r[0]: r for r in rows if r and r[0]}
    assert by_label["Khu phố 3 28/11/2026"][1:9] == (1, 2, held.fee, 2, 2, 1, 1, 0)
    assert "1.001193): 1" in by_label["Khu phố 3 28/11/2026"][9]
    assert by_label["Khu phố 5 28/11/2026"][1:6] == (1, 1, 0, 0, 0)
    assert by_label["Khu phố 3"][1:6] == (2, 3, held.fee, 2, 2)
    assert by_label["Tổng cộng"][1:9] == (3, 4, held.fee, 2, 2, 1, 1, 0)
