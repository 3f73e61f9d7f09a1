"""Work calendar and appointment (hẹn trả) computation, Qt-free.

Processing time is counted in working hours inside office hours on working days, the way
provincial one-stop systems compute it (DOMAIN.md §3). Working days exclude weekends, the
Vietnamese public holidays of the ``holidays`` package and the editable overrides; a "work"
override (a make-up Saturday) beats both weekends and holidays.

All returned datetimes have minute resolution (seconds dropped) and are naive local time.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import holidays
from holidays.countries.vietnam import Vietnam as _PackageVietnam

from hcc_desktop.core.domain import CalendarOverride, Channel, OfficeHours
from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.formats import safe_json
from hcc_desktop.core.text import nfc

OVERRIDES_FORMAT = "hcc-calendar-overrides"
OVERRIDES_VERSION = 1
DEFAULT_OVERRIDES_PATH = (
    Path(__file__).resolve().parents[2] / "resources" / "calendar" / "vn_overrides.json"
)

_OVERRIDE_KINDS = ("off", "work")
STATUS_CONFIRMED = "confirmed"
STATUS_TO_CONFIRM = "to_confirm"
OVERRIDE_STATUSES = (STATUS_CONFIRMED, STATUS_TO_CONFIRM)
# Years for which the days the ``holidays`` package adds beyond the Labour Code 2019 are
# seeded into the editable table (as "to confirm").
SEED_YEARS = range(2025, 2036)
PACKAGE_SOURCE = "Thư viện holidays (ngoài danh sách Điều 112 Bộ luật Lao động 2019)"
_WEEKEND_NAMES = {5: "Thứ Bảy", 6: "Chủ nhật"}
_GENERIC_DAY_OFF = "Ngày nghỉ"
_DEFAULT_HOURS = OfficeHours()


# The calendar (and the ``holidays`` package) is computed for these years only; a time
# outside them is a typing error, refused with a message rather than a crash.
EARLIEST_TIME = datetime(1900, 1, 1)
LATEST_TIME = datetime(2100, 12, 31, 23, 59)
# A receipt time before this or more than ``UNUSUAL_AHEAD`` after now needs an explicit
# "I mean it" (``--allow-unusual-date`` on the command line).
EARLIEST_USUAL = datetime(2000, 1, 1)
UNUSUAL_AHEAD = timedelta(days=1)
# Longer than any procedure (land: 20-30 days); bounds the calendar walk.
MAX_PROCESSING_DAYS = 1000


def time_range_error(moment: datetime, *, field: str) -> FieldError | None:
    """``out_of_range`` when ``moment`` lies outside the years the calendar can compute."""
    naive = moment.replace(tzinfo=None)
    if EARLIEST_TIME <= naive <= LATEST_TIME:
        return None
    return FieldError(
        field,
        "out_of_range",
        {"min": EARLIEST_TIME.strftime("%d/%m/%Y"), "max": LATEST_TIME.strftime("%d/%m/%Y")},
    )


def receipt_time_errors(
    moment: datetime, now: datetime, *, allow_unusual: bool = False, field: str = "received_at"
) -> list[FieldError]:
    """Faults of a receipt time typed by hand (command line, imports).

    Outside 1900–2100 is always refused; before 2000 or more than a day ahead of ``now``
    is refused as ``unusual_date`` unless ``allow_unusual``.
    """
    hard = time_range_error(moment, field=field)
    if hard is not None:
        return [hard]
    if allow_unusual:
        return []
    naive = moment.replace(tzinfo=None)
    latest = now.replace(tzinfo=None) + UNUSUAL_AHEAD
    if naive < EARLIEST_USUAL or naive > latest:
        return [
            FieldError(
                field,
                "unusual_date",
                {
                    "min": EARLIEST_USUAL.strftime("%d/%m/%Y"),
                    "max": latest.strftime("%d/%m/%Y %H:%M"),
                },
            )
        ]
    return []


def load_default_overrides(path: Path | None = None) -> list[CalendarOverride]:
    """Read the overrides file (by default the one shipped in ``resources/calendar``).

    Raises ``ValidationError`` naming every faulty entry when the file is unreadable, is not
    an ``hcc-calendar-overrides`` version 1 document, or holds a bad date or kind.
    """
    source = path if path is not None else DEFAULT_OVERRIDES_PATH
    try:
        raw = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(
            [FieldError("path", "unreadable", {"path": str(source), "reason": str(exc)})]
        ) from exc
    try:
        document = safe_json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [FieldError("path", "not_json", {"path": str(source), "line": exc.lineno})]
        ) from exc
    return _parse_overrides_document(document)


def _parse_overrides_document(document: Any) -> list[CalendarOverride]:
    if not isinstance(document, dict):
        raise ValidationError([FieldError("format", "invalid")])
    errors: list[FieldError] = []
    if document.get("format") != OVERRIDES_FORMAT:
        errors.append(FieldError("format", "invalid", {"expected": OVERRIDES_FORMAT}))
    if document.get("version") != OVERRIDES_VERSION:
        errors.append(FieldError("version", "unsupported", {"version": document.get("version")}))
    entries = document.get("overrides")
    if not isinstance(entries, list):
        errors.append(FieldError("overrides", "invalid"))
        raise ValidationError(errors)

    result: list[CalendarOverride] = []
    for index, entry in enumerate(entries):
        prefix = f"overrides[{index}]"
        if not isinstance(entry, dict):
            errors.append(FieldError(prefix, "invalid"))
            continue
        day: date | None = None
        raw_day = entry.get("date")
        if isinstance(raw_day, str):
            try:
                day = date.fromisoformat(raw_day)
            except ValueError:
                day = None
        if day is None:
            errors.append(FieldError(f"{prefix}.date", "invalid", {"value": raw_day}))
        kind = entry.get("kind")
        if kind not in _OVERRIDE_KINDS:
            errors.append(FieldError(f"{prefix}.kind", "invalid", {"value": kind}))
        note = entry.get("note", "")
        if not isinstance(note, str):
            errors.append(FieldError(f"{prefix}.note", "invalid"))
            note = ""
        status = entry.get("status", STATUS_CONFIRMED)
        if status not in OVERRIDE_STATUSES:
            errors.append(FieldError(f"{prefix}.status", "invalid", {"value": status}))
            status = STATUS_CONFIRMED
        source = entry.get("source", "")
        if not isinstance(source, str):
            errors.append(FieldError(f"{prefix}.source", "invalid"))
            source = ""
        if day is not None and kind in _OVERRIDE_KINDS:
            result.append(
                CalendarOverride(
                    day=day, kind=str(kind), note=nfc(note), status=status, source=nfc(source)
                )
            )
    if errors:
        raise ValidationError(errors)
    return result


def _language() -> str | None:
    # An unknown language makes the package fall back to English names.
    return "vi" if "vi" in holidays.list_localized_countries().get("VN", ()) else None


class _LabourCodeVN(_PackageVietnam):
    """The package without its one-off swap days (those come from yearly notices)."""

    def _add_special_holidays(self, *args: Any, **kwargs: Any) -> None:
        return None


@lru_cache(maxsize=256)
def _package_days(year: int) -> Mapping[date, str]:
    found = holidays.country_holidays("VN", years=year, language=_language())
    return MappingProxyType({day: str(name) for day, name in found.items() if day.year == year})


@lru_cache(maxsize=256)
def _package_extras(year: int) -> Mapping[date, str]:
    """Days off the package adds beyond the Labour Code 2019 (art. 112) list.

    Its one-off swap days, and Ngày Văn hóa Việt Nam (24/11, from 2026), which the
    Politburo chose but whose legal force an administrator must confirm (DOMAIN.md §3).
    """
    statutory = _LabourCodeVN(years=year, language=_language())
    extras = {day: name for day, name in _package_days(year).items() if day not in statutory}
    culture_day = date(year, 11, 24)
    if culture_day in extras or culture_day in statutory:
        extras[culture_day] = _package_days(year).get(culture_day, "Ngày Văn hóa Việt Nam")
    return MappingProxyType(extras)


@lru_cache(maxsize=256)
def _public_holidays(year: int) -> Mapping[date, str]:
    """Statutory holidays of one year (Labour Code 2019), names in Vietnamese.

    Shared by every calendar: the law does not depend on a unit's settings. What the
    package adds beyond it lives in the editable table instead (``package_extra_days``).
    """
    extras = _package_extras(year)
    return MappingProxyType(
        {day: name for day, name in _package_days(year).items() if day not in extras}
    )


def package_extra_days(years: Iterable[int]) -> list[CalendarOverride]:
    """The package's days beyond the Labour Code, as "to confirm" days off for the table."""
    return [
        CalendarOverride(
            day=day, kind="off", note=nfc(name), status=STATUS_TO_CONFIRM, source=PACKAGE_SOURCE
        )
        for year in years
        for day, name in sorted(_package_extras(year).items())
    ]


def seed_overrides(
    years: Iterable[int] = SEED_YEARS, path: Path | None = None
) -> list[CalendarOverride]:
    """What a new store's table starts with: the shipped file, then the package's extras.

    A day the file already lists (with its document) keeps the file's entry.
    """
    shipped = load_default_overrides(path)
    listed = {o.day for o in shipped}
    extra = [o for o in package_extra_days(years) if o.day not in listed]
    return sorted([*shipped, *extra], key=lambda o: o.day)


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def _validated_intervals(hours: OfficeHours) -> tuple[tuple[int, int], ...]:
    invalid = ValidationError([FieldError("office_hours", "invalid")])
    intervals = getattr(hours, "intervals", None)
    # Lists are accepted too: settings read back from JSON come as lists.
    if not isinstance(intervals, tuple | list) or not intervals:
        raise invalid
    result: list[tuple[int, int]] = []
    previous_end = -1
    for interval in intervals:
        if not isinstance(interval, tuple | list) or len(interval) != 2:
            raise invalid
        start, end = interval
        if not isinstance(start, time) or not isinstance(end, time):
            raise invalid
        # Everything here works at minute resolution; a stray second would silently shift
        # deadlines, so refuse it rather than round it.
        if start.second or start.microsecond or end.second or end.microsecond:
            raise invalid
        if start.tzinfo is not None or end.tzinfo is not None:
            raise invalid
        first, last = _minutes(start), _minutes(end)
        if first >= last or first < previous_end:
            raise invalid
        result.append((first, last))
        previous_end = last
    cutoff = getattr(hours, "same_day_cutoff", None)
    if not isinstance(cutoff, time) or cutoff.second or cutoff.microsecond:
        raise invalid
    return tuple(result)


class WorkCalendar:
    """Working days and office hours of one unit, with deadline arithmetic.

    Immutable once built: to change the hours or the overrides, build a new calendar.
    Holiday lookups and per-year working-day tables are computed lazily and cached.
    """

    def __init__(
        self,
        *,
        overrides: Iterable[CalendarOverride] = (),
        hours: OfficeHours = _DEFAULT_HOURS,
    ) -> None:
        self._intervals = _validated_intervals(hours)
        self._hours = hours
        self._cutoff = _minutes(hours.same_day_cutoff)
        # (opening, closing, worked minutes of the day before that opening) per interval.
        segments: list[tuple[int, int, int]] = []
        worked = 0
        for first, last in self._intervals:
            segments.append((first, last, worked))
            worked += last - first
        self._segments = tuple(segments)
        self._day_minutes = worked
        self._opening = self._intervals[0][0]
        self._closing = self._intervals[-1][1]

        # Later entries win for the same day, as in an edited table.
        by_day: dict[date, CalendarOverride] = {}
        errors: list[FieldError] = []
        for index, override in enumerate(overrides):
            day = override.day
            if override.kind not in _OVERRIDE_KINDS or not isinstance(day, date):
                errors.append(
                    FieldError(
                        f"overrides[{index}]",
                        "invalid",
                        {"day": str(day), "kind": override.kind},
                    )
                )
                continue
            if isinstance(day, datetime):
                # A datetime never equals the date it falls on, so it would match no day.
                day = day.date()
                override = replace(override, day=day)
            by_day[day] = override
        if errors:
            raise ValidationError(errors)
        self._overrides = MappingProxyType(by_day)
        self._days_off: dict[int, frozenset[date]] = {}
        self._working_ordinals: dict[int, tuple[int, ...]] = {}

    @property
    def hours(self) -> OfficeHours:
        return self._hours

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        """Effective overrides, one per day, sorted by day."""
        return tuple(self._overrides[day] for day in sorted(self._overrides))

    @property
    def working_minutes_per_day(self) -> int:
        return self._day_minutes

    # --- days ---------------------------------------------------------------------------

    def _year_days_off(self, year: int) -> frozenset[date]:
        cached = self._days_off.get(year)
        if cached is not None:
            return cached
        off: set[date] = set(_public_holidays(year))
        first = date(year, 1, 1)
        for offset in range((date(year, 12, 31) - first).days + 1):
            day = first + timedelta(days=offset)
            if day.weekday() >= 5:
                off.add(day)
        for day, override in self._overrides.items():
            if day.year != year:
                continue
            if override.kind == "off":
                off.add(day)
            else:
                off.discard(day)
        frozen = frozenset(off)
        self._days_off[year] = frozen
        return frozen

    def _year_working_ordinals(self, year: int) -> tuple[int, ...]:
        cached = self._working_ordinals.get(year)
        if cached is not None:
            return cached
        off = self._year_days_off(year)
        start = date(year, 1, 1).toordinal()
        end = date(year, 12, 31).toordinal() + 1
        ordinals = tuple(
            ordinal for ordinal in range(start, end) if date.fromordinal(ordinal) not in off
        )
        self._working_ordinals[year] = ordinals
        return ordinals

    def is_working_day(self, day: date) -> bool:
        if isinstance(day, datetime):
            day = day.date()
        return day not in self._year_days_off(day.year)

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is not worked: holiday name, override note or weekday; None if worked."""
        if isinstance(day, datetime):
            day = day.date()
        if self.is_working_day(day):
            return None
        name = _public_holidays(day.year).get(day)
        if name:
            return name
        override = self._overrides.get(day)
        if override is not None and override.kind == "off" and override.note:
            return override.note
        return _WEEKEND_NAMES.get(day.weekday(), _GENERIC_DAY_OFF)

    def unconfirmed_days(self, start: date, end: date) -> tuple[CalendarOverride, ...]:
        """ "To confirm" table days in [start, end]: an appointment over them depends on them."""
        if isinstance(start, datetime):
            start = start.date()
        if isinstance(end, datetime):
            end = end.date()
        return tuple(
            self._overrides[day]
            for day in sorted(self._overrides)
            if start <= day <= end and self._overrides[day].to_confirm
        )

    def working_days_late(self, due: datetime, now: datetime) -> int:
        """Working days ``now`` is past ``due``: the working days after the due day, up to
        and including today's date (0 when not late, or late by less than a working day).

        A dossier due Friday 17:00 is late on Saturday and Sunday by 0 working days, and by
        1 on Monday, never by 2 calendar days.
        """
        if now <= due:
            return 0
        return self.working_days_between(due.date(), now.date())

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` itself need not be worked)."""
        if n < 0:
            raise ValidationError([FieldError("n", "negative", {"value": n})])
        if isinstance(day, datetime):
            day = day.date()
        if n == 0:
            return day
        year = day.year
        ordinals = self._year_working_ordinals(year)
        index = bisect_right(ordinals, day.toordinal()) + n - 1
        while index >= len(ordinals):
            index -= len(ordinals)
            year += 1
            ordinals = self._year_working_ordinals(year)
        return date.fromordinal(ordinals[index])

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days in (start, end]; 0 when ``end`` is not after ``start``."""
        if isinstance(start, datetime):
            start = start.date()
        if isinstance(end, datetime):
            end = end.date()
        if end <= start:
            return 0
        first = self._year_working_ordinals(start.year)
        passed = bisect_right(first, start.toordinal())
        if start.year == end.year:
            return bisect_right(first, end.toordinal()) - passed
        count = len(first) - passed
        for year in range(start.year + 1, end.year):
            count += len(self._year_working_ordinals(year))
        return count + bisect_right(self._year_working_ordinals(end.year), end.toordinal())

    # --- hours --------------------------------------------------------------------------

    @staticmethod
    def _at(day: date, minute: int, like: datetime | None = None) -> datetime:
        tzinfo = like.tzinfo if like is not None else None
        return datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=tzinfo)

    def close_of_day(self, day: date) -> datetime:
        """End of the last office interval of ``day``."""
        if isinstance(day, datetime):
            day = day.date()
        return self._at(day, self._closing)

    def is_office_time(self, moment: datetime) -> bool:
        if not self.is_working_day(moment.date()):
            return False
        minute = moment.hour * 60 + moment.minute
        return any(first <= minute < last for first, last in self._intervals)

    def _start_point(self, received_at: datetime, channel: Channel) -> tuple[date, int]:
        """Clock start as (working day, minute of the day); the hot path of ``due_at``."""
        day = received_at.date()
        if channel == Channel.SATURDAY_SESSION:
            # A Saturday session is out of hours even when that Saturday is a make-up day.
            return self.next_working_day(day), self._opening
        if day not in self._year_days_off(day.year):
            minute = received_at.hour * 60 + received_at.minute
            for first, last, _before in self._segments:
                if minute < first:
                    return day, first
                if minute < last:
                    return day, minute
        return self.next_working_day(day), self._opening

    def clock_start(self, received_at: datetime, channel: Channel = Channel.COUNTER) -> datetime:
        """When the processing clock starts for a dossier received at ``received_at``.

        Inside office hours on a working day: that minute. Before an opening on a working
        day: that opening. After the close or on a day off: the first opening of the next
        working day. A Saturday session: the first opening of the next working day.
        """
        _check_range(received_at)
        day, minute = self._start_point(received_at, channel)
        return self._at(day, minute, received_at)

    def due_at(
        self,
        received_at: datetime,
        processing_days: int,
        channel: Channel = Channel.COUNTER,
    ) -> datetime:
        """Appointment (hẹn trả) for a dossier with ``processing_days`` working days.

        0 days: the close of the clock-start day if the dossier is received at or before the
        same-day cutoff (15:00 sharp included), else the close of the next working day.
        Otherwise ``processing_days`` × the working hours of a day are walked through the
        office intervals of working days; landing exactly on an interval end stays there.
        """
        if processing_days < 0:
            raise ValidationError(
                [FieldError("processing_days", "negative", {"value": processing_days})]
            )
        if processing_days > MAX_PROCESSING_DAYS:
            raise ValidationError(
                [FieldError("processing_days", "out_of_range", {"max": MAX_PROCESSING_DAYS})]
            )
        _check_range(received_at)
        day, minute = self._start_point(received_at, channel)
        if processing_days == 0:
            # "Sau 15 giờ": the rule reads the time of receipt, and 15:00 sharp is still the
            # same day; from 15:01 the result is due the next working day. A dossier whose
            # clock starts on a later day (after hours, a day off) is judged at that opening.
            same_day = day == received_at.date()
            judged = received_at.hour * 60 + received_at.minute if same_day else minute
            if judged > self._cutoff:
                day = self.next_working_day(day)
            return self._at(day, self._closing, received_at)

        worked = 0
        for first, last, before in self._segments:
            if first <= minute < last:
                worked = before + (minute - first)
                break
        # N whole days of working time from a point `worked` minutes into a day lands at the
        # same point N working days later; from the very opening it is the close N-1 days later.
        if worked == 0:
            end_day = self.add_working_days(day, processing_days - 1)
            return self._at(end_day, self._closing, received_at)
        end_day = self.add_working_days(day, processing_days)
        for first, last, before in self._segments:
            if worked <= before + (last - first):
                return self._at(end_day, first + (worked - before), received_at)
        raise AssertionError("worked minutes exceed a working day")  # pragma: no cover


def _check_range(received_at: datetime) -> None:
    error = time_range_error(received_at, field="received_at")
    if error is not None:
        raise ValidationError([error])
