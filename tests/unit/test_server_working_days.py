"""The province report's working days (server.reports._add_working_days): the sum
of W(end) - W(receipt) over dates equals the device's per-dossier count, with a
dossier that ends before its receipt counting 0 days, as on the device."""

from __future__ import annotations

from collections import Counter
from datetime import date

from hcc_desktop.core.worktime import WorkCalendar
from hcc_desktop.server.reports import ReportPart, _add_working_days


def test_working_days_by_dates_equal_the_per_dossier_count() -> None:
    calendar = WorkCalendar()
    dossiers = [  # (unit, received, ended)
        ("A", date(2026, 10, 20), date(2026, 11, 2)),  # 9 working days
        ("A", date(2026, 11, 3), date(2026, 11, 4)),
        ("A", date(2026, 11, 3), date(2026, 11, 4)),
        ("A", date(2026, 11, 15), date(2026, 11, 15)),  # a Sunday, same day: 0
        ("A", date(2025, 12, 30), date(2026, 1, 5)),  # across a year and New Year's Day
        ("B", date(2026, 11, 5), date(2026, 11, 7)),  # ends on a Saturday: 1
        ("B", date(2026, 11, 10), date(2026, 11, 6)),  # ends before its receipt: 0
    ]
    expected = Counter[str]()
    for unit, received, ended in dossiers:
        expected[unit] += calendar.working_days_between(received, ended)
    # The rows _SPANS_SQL returns for them.
    by_receipt = Counter((u, r) for u, r, _e in dossiers)
    by_end = Counter((u, e) for u, _r, e in dossiers)
    backwards = Counter((u, r, e) for u, r, e in dossiers if e < r)
    rows = [(u, r, None, n) for (u, r), n in by_receipt.items()]
    rows += [(u, None, e, n) for (u, e), n in by_end.items()]
    rows += [(u, r, e, n) for (u, r, e), n in backwards.items()]
    units = {"A": ReportPart(), "B": ReportPart()}
    whole = ReportPart()
    _add_working_days(calendar, rows, units, whole)
    assert expected["A"] == 9 + 1 + 1 + 0 + calendar.working_days_between(
        date(2025, 12, 30), date(2026, 1, 5)
    )
    assert expected["B"] == 1
    assert (units["A"].days, units["B"].days) == (expected["A"], expected["B"])
    assert whole.days == expected["A"] + expected["B"]
    # Nothing finished: nothing added.
    empty = ReportPart()
    _add_working_days(calendar, [], {}, empty)
    assert empty.days == 0
