"""Report periods: presets (week, month, quarter, half, year) and any range.

Pure date arithmetic; a period is a pair of dates, both inclusive. The report
engine turns it into the half-open interval [from 00:00, to + 1 day 00:00).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from hcc_desktop.core.errors import FieldError, ValidationError


class Preset(StrEnum):
    WEEK = "week"  # Monday to Sunday
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # six months: January–June or July–December
    YEAR = "year"


@dataclass(frozen=True)
class Period:
    """Dates ``start``..``end``, both inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError([FieldError("to", "before_from")])

    @property
    def start_at(self) -> datetime:
        """The first moment of the period."""
        return datetime.combine(self.start, time())

    @property
    def end_at(self) -> datetime:
        """The first moment after the period (exclusive bound)."""
        return datetime.combine(self.end + timedelta(days=1), time())

    def judged_on(self, today: date) -> date:
        """The day open dossiers are judged against: the period's last day, or
        today while the period is still running (an appointment later than
        today is not overdue yet, whatever the period's end)."""
        return min(self.end, today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def preset_period(preset: Preset | str, day: date) -> Period:
    """The period of kind ``preset`` that contains ``day``."""
    kind = Preset(preset)
    if kind is Preset.WEEK:
        start = day - timedelta(days=day.weekday())
        return Period(start, start + timedelta(days=6))
    if kind is Preset.MONTH:
        return Period(day.replace(day=1), _month_end(day.year, day.month))
    if kind is Preset.QUARTER:
        first = 3 * ((day.month - 1) // 3) + 1
        return Period(date(day.year, first, 1), _month_end(day.year, first + 2))
    if kind is Preset.HALF:
        first = 1 if day.month <= 6 else 7
        return Period(date(day.year, first, 1), _month_end(day.year, first + 5))
    return Period(date(day.year, 1, 1), date(day.year, 12, 31))


def previous_period(period: Period, preset: Preset | str) -> Period:
    """The preset period just before ``period`` (for comparisons with the last period)."""
    return preset_period(preset, period.start - timedelta(days=1))


def period_label(period: Period, preset: Preset | str | None = None) -> str:
    """Vietnamese name of the period, as reports write it ("quý IV năm 2026")."""
    s, e = period.start, period.end
    kind = Preset(preset) if preset else None
    if kind is Preset.YEAR:
        return f"năm {s.year}"
    if kind is Preset.HALF:
        return f"{'6 tháng đầu' if s.month == 1 else '6 tháng cuối'} năm {s.year}"
    if kind is Preset.QUARTER:
        roman = ("I", "II", "III", "IV")[(s.month - 1) // 3]
        return f"quý {roman} năm {s.year}"
    if kind is Preset.MONTH:
        return f"tháng {s.month:02d}/{s.year}"
    return f"từ ngày {s.strftime('%d/%m/%Y')} đến ngày {e.strftime('%d/%m/%Y')}"
