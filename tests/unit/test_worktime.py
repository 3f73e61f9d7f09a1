"""Work calendar and appointment computation.

Every expected value is worked out by hand in the comments (weekdays checked against a
printed calendar); none is produced by the code under test. Default office hours:
07:00–11:30 (270 min) and 13:30–17:00 (210 min), 480 min a day, same-day cutoff 15:00.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, time
from pathlib import Path

import pytest

from hcc_desktop.core.domain import CalendarOverride, Channel, OfficeHours
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.core.worktime import (
    WorkCalendar,
    load_default_overrides,
    package_extra_days,
    seed_overrides,
)

MON_3_MAR_2025 = date(2025, 3, 3)  # an ordinary week: Mon 3 – Fri 7 March 2025, no holiday


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    """The calendar a ward uses: the law plus the shipped swap days."""
    return WorkCalendar(overrides=seed_overrides())


@pytest.fixture(scope="module")
def bare() -> WorkCalendar:
    """Only the holidays package and weekends, no override table."""
    return WorkCalendar()


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, us: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, us)


# --- weekends and ordinary days ------------------------------------------------------------


def test_weekend_days_are_off_with_their_names(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2025, 3, 7))  # Friday
    assert not cal.is_working_day(date(2025, 3, 8))  # Saturday
    assert not cal.is_working_day(date(2025, 3, 9))  # Sunday
    assert cal.is_working_day(date(2025, 3, 10))  # Monday
    assert cal.day_off_reason(date(2025, 3, 8)) == "Thứ Bảy"
    assert cal.day_off_reason(date(2025, 3, 9)) == "Chủ nhật"
    assert cal.day_off_reason(date(2025, 3, 10)) is None


def test_weekend_is_skipped_by_the_clock(cal: WorkCalendar) -> None:
    # Fri 7/3 16:00 is 270 + 150 = 420 min into the day; one day later is Mon 10/3 at the same
    # point: 13:30 + 150 min = 16:00.
    assert cal.due_at(at(2025, 3, 7, 16, 0), 1) == at(2025, 3, 10, 16, 0)


def test_examples_from_the_rules(cal: WorkCalendar) -> None:
    # Mon 07:00 + 1 day: the 480 min end exactly at Mon 17:00 and stay there.
    assert cal.due_at(at(2025, 3, 3, 7, 0), 1) == at(2025, 3, 3, 17, 0)
    # Mon 13:30 + 1 day: 210 min to Mon 17:00, 270 min on Tue end at 11:30 (an interval end).
    assert cal.due_at(at(2025, 3, 3, 13, 30), 1) == at(2025, 3, 4, 11, 30)
    # Mon 09:15 + 3 days: the same time three working days later.
    assert cal.due_at(at(2025, 3, 3, 9, 15), 3) == at(2025, 3, 6, 9, 15)
    # Mon 07:00 + 5 days: close of Friday.
    assert cal.due_at(at(2025, 3, 3, 7, 0), 5) == at(2025, 3, 7, 17, 0)
    # Wed 10:00 + 3 days: Thu, Fri, Mon → Mon 10/3 10:00.
    assert cal.due_at(at(2025, 3, 5, 10, 0), 3) == at(2025, 3, 10, 10, 0)


# --- clock start -------------------------------------------------------------------------


def test_inside_office_hours_the_clock_starts_at_once(cal: WorkCalendar) -> None:
    assert cal.clock_start(at(2025, 3, 3, 7, 0)) == at(2025, 3, 3, 7, 0)
    assert cal.clock_start(at(2025, 3, 3, 10, 5)) == at(2025, 3, 3, 10, 5)
    assert cal.clock_start(at(2025, 3, 3, 16, 59)) == at(2025, 3, 3, 16, 59)


def test_lunch_break_starts_the_clock_at_1330(cal: WorkCalendar) -> None:
    assert cal.clock_start(at(2025, 3, 3, 11, 30)) == at(2025, 3, 3, 13, 30)
    assert cal.clock_start(at(2025, 3, 3, 12, 10)) == at(2025, 3, 3, 13, 30)
    assert cal.clock_start(at(2025, 3, 3, 13, 29, 59)) == at(2025, 3, 3, 13, 30)
    # From 13:30 (270 min worked) one day ends Tue 11:30.
    assert cal.due_at(at(2025, 3, 3, 12, 10), 1) == at(2025, 3, 4, 11, 30)


def test_before_0700_on_a_working_day_starts_at_0700(cal: WorkCalendar) -> None:
    assert cal.clock_start(at(2025, 3, 3, 6, 15)) == at(2025, 3, 3, 7, 0)
    assert cal.clock_start(at(2025, 3, 3, 0, 0)) == at(2025, 3, 3, 7, 0)
    # From the opening two days end at the close of the second day, Tue 17:00.
    assert cal.due_at(at(2025, 3, 3, 6, 15), 2) == at(2025, 3, 4, 17, 0)


def test_after_1700_starts_next_working_day_0700(cal: WorkCalendar) -> None:
    assert cal.clock_start(at(2025, 3, 3, 17, 0)) == at(2025, 3, 4, 7, 0)
    assert cal.clock_start(at(2025, 3, 3, 21, 45)) == at(2025, 3, 4, 7, 0)
    # Friday evening → Monday morning.
    assert cal.clock_start(at(2025, 3, 7, 18, 30)) == at(2025, 3, 10, 7, 0)
    assert cal.due_at(at(2025, 3, 7, 18, 30), 1) == at(2025, 3, 10, 17, 0)


def test_non_working_day_starts_next_working_day_0700(cal: WorkCalendar) -> None:
    assert cal.clock_start(at(2025, 3, 8, 9, 0)) == at(2025, 3, 10, 7, 0)  # Sat → Mon
    assert cal.clock_start(at(2025, 3, 9, 15, 0)) == at(2025, 3, 10, 7, 0)  # Sun → Mon


def test_seconds_are_truncated_everywhere(cal: WorkCalendar) -> None:
    start = cal.clock_start(at(2025, 3, 3, 9, 15, 42, 500_000))
    assert start == at(2025, 3, 3, 9, 15)
    assert (start.second, start.microsecond) == (0, 0)
    due = cal.due_at(at(2025, 3, 3, 9, 15, 59, 999_999), 3)
    assert due == at(2025, 3, 6, 9, 15)
    assert (due.second, due.microsecond) == (0, 0)
    # 16:59:59 is still inside the afternoon interval, kept as 16:59.
    assert cal.clock_start(at(2025, 3, 3, 16, 59, 59)) == at(2025, 3, 3, 16, 59)


def test_is_office_time(cal: WorkCalendar) -> None:
    assert not cal.is_office_time(at(2025, 3, 3, 6, 59))
    assert cal.is_office_time(at(2025, 3, 3, 7, 0))
    assert cal.is_office_time(at(2025, 3, 3, 11, 29))
    assert not cal.is_office_time(at(2025, 3, 3, 11, 30))
    assert cal.is_office_time(at(2025, 3, 3, 13, 30))
    assert cal.is_office_time(at(2025, 3, 3, 16, 59))
    assert not cal.is_office_time(at(2025, 3, 3, 17, 0))
    assert not cal.is_office_time(at(2025, 3, 8, 10, 0))  # Saturday
    assert not cal.is_office_time(at(2025, 4, 30, 10, 0))  # holiday
    assert cal.is_office_time(at(2025, 4, 26, 10, 0))  # make-up Saturday


def test_close_of_day(cal: WorkCalendar) -> None:
    assert cal.close_of_day(MON_3_MAR_2025) == at(2025, 3, 3, 17, 0)


# --- same-day procedures (the 15:00 rule) ----------------------------------------------------


def test_same_day_before_the_cutoff_is_due_at_1700(cal: WorkCalendar) -> None:
    assert cal.due_at(at(2025, 3, 3, 8, 0), 0) == at(2025, 3, 3, 17, 0)
    assert cal.due_at(at(2025, 3, 3, 14, 59), 0) == at(2025, 3, 3, 17, 0)
    assert cal.due_at(at(2025, 3, 3, 14, 59, 59), 0) == at(2025, 3, 3, 17, 0)
    # Received at lunch: the clock starts at 13:30, before 15:00.
    assert cal.due_at(at(2025, 3, 3, 12, 0), 0) == at(2025, 3, 3, 17, 0)
    # Before opening: the clock starts at 07:00.
    assert cal.due_at(at(2025, 3, 3, 6, 30), 0) == at(2025, 3, 3, 17, 0)


def test_same_day_at_the_cutoff_sharp_is_still_due_the_same_day(cal: WorkCalendar) -> None:
    # "Sau 15 giờ": 15:00 sharp is not after 15:00.
    assert cal.due_at(at(2025, 3, 3, 15, 0), 0) == at(2025, 3, 3, 17, 0)
    assert cal.due_at(at(2025, 3, 3, 15, 0, 59), 0) == at(2025, 3, 3, 17, 0)
    assert cal.due_at(at(2025, 3, 7, 15, 0), 0) == at(2025, 3, 7, 17, 0)


def test_same_day_after_the_cutoff_is_due_next_working_day(cal: WorkCalendar) -> None:
    assert cal.due_at(at(2025, 3, 3, 15, 1), 0) == at(2025, 3, 4, 17, 0)
    assert cal.due_at(at(2025, 3, 3, 16, 30), 0) == at(2025, 3, 4, 17, 0)
    # After hours the clock starts Tue 07:00, so the result is Tue 17:00.
    assert cal.due_at(at(2025, 3, 3, 17, 30), 0) == at(2025, 3, 4, 17, 0)
    # Friday 15:01 → Monday 17:00.
    assert cal.due_at(at(2025, 3, 7, 15, 1), 0) == at(2025, 3, 10, 17, 0)
    # A cutoff inside the lunch break: received during lunch after it is next day, even
    # though the clock only starts at 13:30.
    lunch_cutoff = WorkCalendar(hours=OfficeHours(same_day_cutoff=time(12, 0)))
    assert lunch_cutoff.due_at(at(2025, 3, 3, 12, 0), 0) == at(2025, 3, 3, 17, 0)
    assert lunch_cutoff.due_at(at(2025, 3, 3, 12, 1), 0) == at(2025, 3, 4, 17, 0)


# --- Saturday sessions -----------------------------------------------------------------------


def test_saturday_session_starts_next_working_day(cal: WorkCalendar) -> None:
    sat = at(2025, 3, 8, 8, 0)
    assert cal.clock_start(sat, Channel.SATURDAY_SESSION) == at(2025, 3, 10, 7, 0)
    assert cal.due_at(sat, 0, Channel.SATURDAY_SESSION) == at(2025, 3, 10, 17, 0)
    # From Mon 07:00 three days end at the close of Wed.
    assert cal.due_at(sat, 3, Channel.SATURDAY_SESSION) == at(2025, 3, 12, 17, 0)
    # Whatever the hour of the session.
    late = at(2025, 3, 8, 16, 45)
    assert cal.due_at(late, 0, Channel.SATURDAY_SESSION) == at(2025, 3, 10, 17, 0)


def test_saturday_session_on_a_make_up_saturday_still_waits(cal: WorkCalendar) -> None:
    # Sat 26/4/2025 is worked, but a session dossier starts on the next working day:
    # Mon 28/4 (30/4, 1/5, 2/5 are off later that week).
    sat = at(2025, 4, 26, 9, 0)
    assert cal.clock_start(sat, Channel.SATURDAY_SESSION) == at(2025, 4, 28, 7, 0)
    assert cal.due_at(sat, 0, Channel.SATURDAY_SESSION) == at(2025, 4, 28, 17, 0)
    # At the counter on that make-up Saturday the clock starts at once.
    assert cal.clock_start(sat) == sat
    assert cal.due_at(sat, 0) == at(2025, 4, 26, 17, 0)


def test_other_channels_follow_counter_rules(cal: WorkCalendar) -> None:
    for channel in (Channel.HOME_VISIT, Channel.POSTAL):
        assert cal.clock_start(at(2025, 3, 3, 9, 0), channel) == at(2025, 3, 3, 9, 0)
        assert cal.due_at(at(2025, 3, 3, 9, 0), 1, channel) == at(2025, 3, 4, 9, 0)


# --- holidays --------------------------------------------------------------------------------


def test_tet_2026(cal: WorkCalendar) -> None:
    for day in range(16, 21):  # Mon 16 – Fri 20 February 2026
        assert not cal.is_working_day(date(2026, 2, day))
    reason = cal.day_off_reason(date(2026, 2, 17))
    assert reason is not None
    assert "Tết" in reason
    assert cal.is_working_day(date(2026, 2, 23))
    # Fri 13/2 15:30, same-day procedure: after the cutoff → next working day is Mon 23/2.
    assert cal.due_at(at(2026, 2, 13, 15, 30), 0) == at(2026, 2, 23, 17, 0)
    # Thu 12/2 10:00 + 3 days: Fri 13/2 (1), Mon 23/2 (2), Tue 24/2 (3) → Tue 24/2 10:00.
    assert cal.due_at(at(2026, 2, 12, 10, 0), 3) == at(2026, 2, 24, 10, 0)


def test_tet_2025_has_no_make_up_saturday(cal: WorkCalendar) -> None:
    # Tết Ất Tỵ: Mon 27 – Fri 31 January 2025 off (9 days with the weekends), no swap.
    for day in range(27, 32):
        assert not cal.is_working_day(date(2025, 1, day))
    assert not cal.is_working_day(date(2025, 2, 8))
    # Fri 24/1 10:00 + 1 day → next working day Mon 3/2 10:00.
    assert cal.due_at(at(2025, 1, 24, 10, 0), 1) == at(2025, 2, 3, 10, 0)


def test_30_april_1_may_2025_with_the_swap(cal: WorkCalendar, bare: WorkCalendar) -> None:
    assert not cal.is_working_day(date(2025, 4, 30))
    assert not cal.is_working_day(date(2025, 5, 1))
    assert not cal.is_working_day(date(2025, 5, 2))  # swapped day off
    assert cal.is_working_day(date(2025, 4, 26))  # make-up Saturday
    assert cal.day_off_reason(date(2025, 4, 26)) is None
    # Without the override table the make-up Saturday is an ordinary Saturday.
    assert not bare.is_working_day(date(2025, 4, 26))
    # Tue 29/4 10:00 + 1 day: Wed 30/4 – Sun 4/5 off → Mon 5/5 10:00.
    assert cal.due_at(at(2025, 4, 29, 10, 0), 1) == at(2025, 5, 5, 10, 0)
    assert cal.due_at(at(2025, 4, 29, 15, 1), 0) == at(2025, 5, 5, 17, 0)
    # Fri 25/4 10:00 + 1 day lands on the make-up Saturday.
    assert cal.due_at(at(2025, 4, 25, 10, 0), 1) == at(2025, 4, 26, 10, 0)


def test_30_april_1_may_2026_and_gio_to_observed(cal: WorkCalendar) -> None:
    # Giỗ Tổ 2026 falls on Sun 26/4 and is observed Mon 27/4.
    assert not cal.is_working_day(date(2026, 4, 27))
    reason = cal.day_off_reason(date(2026, 4, 27))
    assert reason is not None
    assert "Hùng Vương" in reason
    # Fri 24/4 10:00 + 2 days: Tue 28/4 (1), Wed 29/4 (2) → Wed 29/4 10:00.
    assert cal.due_at(at(2026, 4, 24, 10, 0), 2) == at(2026, 4, 29, 10, 0)
    # Fri 24/4 15:01 same-day → Tue 28/4 17:00.
    assert cal.due_at(at(2026, 4, 24, 15, 1), 0) == at(2026, 4, 28, 17, 0)
    # Thu 30/4 and Fri 1/5 off: Wed 29/4 16:00 + 1 day → Mon 4/5 16:00.
    assert cal.due_at(at(2026, 4, 29, 16, 0), 1) == at(2026, 5, 4, 16, 0)


def test_national_day_2025(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(date(2025, 9, 1))
    assert not cal.is_working_day(date(2025, 9, 2))
    assert cal.is_working_day(date(2025, 9, 3))
    # Fri 29/8 10:00 + 1 day → Wed 3/9 10:00.
    assert cal.due_at(at(2025, 8, 29, 10, 0), 1) == at(2025, 9, 3, 10, 0)


def test_national_day_2026_with_the_swap(cal: WorkCalendar) -> None:
    for day in (date(2026, 8, 31), date(2026, 9, 1), date(2026, 9, 2)):
        assert not cal.is_working_day(day)
    assert cal.is_working_day(date(2026, 8, 22))  # make-up Saturday
    # Fri 28/8 10:00 + 1 day → Thu 3/9 10:00.
    assert cal.due_at(at(2026, 8, 28, 10, 0), 1) == at(2026, 9, 3, 10, 0)
    # Fri 21/8 10:00 + 1 day → the make-up Sat 22/8 10:00.
    assert cal.due_at(at(2026, 8, 21, 10, 0), 1) == at(2026, 8, 22, 10, 0)


def test_vietnam_cultural_day_2026(cal: WorkCalendar) -> None:
    assert not cal.is_working_day(date(2026, 11, 24))
    reason = cal.day_off_reason(date(2026, 11, 24))
    assert reason is not None
    assert "Văn hóa" in unicodedata.normalize("NFC", reason)
    # Mon 23/11 10:00 + 1 day → Wed 25/11 10:00.
    assert cal.due_at(at(2026, 11, 23, 10, 0), 1) == at(2026, 11, 25, 10, 0)


def test_new_year_2026_swap(cal: WorkCalendar, bare: WorkCalendar) -> None:
    # Thu 1/1 holiday, Fri 2/1 swapped off, Sat 10/1 worked instead.
    assert not cal.is_working_day(date(2026, 1, 2))
    assert cal.is_working_day(date(2026, 1, 10))
    reason = cal.day_off_reason(date(2026, 1, 2))
    assert reason is not None
    assert "hoán đổi" in reason
    # Wed 31/12/2025 15:01 same-day → Mon 5/1/2026 17:00 (Fri 2/1 off, weekend).
    assert cal.due_at(at(2025, 12, 31, 15, 1), 0) == at(2026, 1, 5, 17, 0)
    # The package alone does not know the swap.
    assert bare.due_at(at(2025, 12, 31, 15, 1), 0) == at(2026, 1, 2, 17, 0)


# --- the officer's override table ------------------------------------------------------------


def test_extra_day_off_added_by_the_officer() -> None:
    note = "Nghỉ theo quyết định của UBND phường"
    plain = WorkCalendar()
    edited = WorkCalendar(overrides=[CalendarOverride(date(2025, 3, 5), "off", note)])
    # Tue 4/3 10:00 + 1 day: Wed 5/3 normally, Thu 6/3 once Wednesday is off.
    assert plain.due_at(at(2025, 3, 4, 10, 0), 1) == at(2025, 3, 5, 10, 0)
    assert edited.due_at(at(2025, 3, 4, 10, 0), 1) == at(2025, 3, 6, 10, 0)
    assert edited.day_off_reason(date(2025, 3, 5)) == note
    # Without a note the day still has a reason.
    unnamed = WorkCalendar(overrides=[CalendarOverride(date(2025, 3, 5), "off")])
    assert unnamed.day_off_reason(date(2025, 3, 5)) == "Ngày nghỉ"


def test_make_up_saturday_added_by_the_officer() -> None:
    plain = WorkCalendar()
    edited = WorkCalendar(overrides=[CalendarOverride(date(2025, 3, 8), "work", "Làm bù")])
    # Fri 7/3 10:00 + 1 day: Mon 10/3 normally, the Saturday once it is worked.
    assert plain.due_at(at(2025, 3, 7, 10, 0), 1) == at(2025, 3, 10, 10, 0)
    assert edited.due_at(at(2025, 3, 7, 10, 0), 1) == at(2025, 3, 8, 10, 0)
    assert edited.clock_start(at(2025, 3, 8, 8, 0)) == at(2025, 3, 8, 8, 0)
    assert edited.day_off_reason(date(2025, 3, 8)) is None


def test_work_override_beats_a_public_holiday() -> None:
    edited = WorkCalendar(overrides=[CalendarOverride(date(2025, 9, 2), "work")])
    assert edited.is_working_day(date(2025, 9, 2))
    assert not edited.is_working_day(date(2025, 9, 1))


def test_later_override_for_the_same_day_wins() -> None:
    edited = WorkCalendar(
        overrides=[
            CalendarOverride(date(2025, 3, 5), "off"),
            CalendarOverride(date(2025, 3, 5), "work"),
        ]
    )
    assert edited.is_working_day(date(2025, 3, 5))
    assert len(edited.overrides) == 1


def test_overrides_file_written_by_an_administrator(tmp_path: Path) -> None:
    path = tmp_path / "overrides.json"
    document = {
        "format": "hcc-calendar-overrides",
        "version": 1,
        "overrides": [
            {"date": "2025-03-05", "kind": "off", "note": "Nghỉ bầu cử"},
            {"date": "2025-03-08", "kind": "work", "note": "Làm bù"},
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    overrides = load_default_overrides(path)
    assert overrides == [
        CalendarOverride(date(2025, 3, 5), "off", "Nghỉ bầu cử"),
        CalendarOverride(date(2025, 3, 8), "work", "Làm bù"),
    ]
    cal = WorkCalendar(overrides=overrides)
    # Tue 4/3 10:00 + 3 days: Thu 6/3 (1), Fri 7/3 (2), Sat 8/3 (3).
    assert cal.due_at(at(2025, 3, 4, 10, 0), 3) == at(2025, 3, 8, 10, 0)


def test_shipped_overrides_file() -> None:
    overrides = load_default_overrides()
    kinds = {o.day: o.kind for o in overrides}
    assert kinds == {
        date(2025, 4, 26): "work",
        date(2025, 5, 2): "off",
        date(2026, 1, 2): "off",
        date(2026, 1, 10): "work",
        date(2026, 8, 22): "work",
        date(2026, 8, 31): "off",
    }
    for override in overrides:
        assert override.note
        assert unicodedata.is_normalized("NFC", override.note)
    # Every make-up day is a Saturday and every swapped day off a weekday.
    for override in overrides:
        assert (override.day.weekday() == 5) == (override.kind == "work")


# --- day arithmetic --------------------------------------------------------------------------


def test_next_working_day(cal: WorkCalendar) -> None:
    assert cal.next_working_day(date(2025, 3, 3)) == date(2025, 3, 4)  # strictly after
    assert cal.next_working_day(date(2025, 3, 7)) == date(2025, 3, 10)  # Fri → Mon
    assert cal.next_working_day(date(2025, 3, 8)) == date(2025, 3, 10)  # Sat → Mon
    assert cal.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)  # over Tết


def test_add_working_days(cal: WorkCalendar, bare: WorkCalendar) -> None:
    assert cal.add_working_days(date(2025, 3, 3), 0) == date(2025, 3, 3)
    assert cal.add_working_days(date(2025, 3, 8), 0) == date(2025, 3, 8)
    assert cal.add_working_days(date(2025, 3, 3), 4) == date(2025, 3, 7)
    assert cal.add_working_days(date(2025, 3, 3), 5) == date(2025, 3, 10)
    assert cal.add_working_days(date(2025, 3, 8), 1) == date(2025, 3, 10)  # from a Saturday
    # 20 working days from Mon 3/3/2025: four full weeks → Mon 31/3/2025.
    assert cal.add_working_days(date(2025, 3, 3), 20) == date(2025, 3, 31)
    # Over the year end: Thu 1/1/2026 holiday, Fri 2/1 swapped off → Mon 5/1/2026.
    assert cal.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert bare.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)
    # Mon 5/1 (1), …, Fri 9/1 (5), make-up Sat 10/1 (6).
    assert cal.add_working_days(date(2025, 12, 31), 6) == date(2026, 1, 10)


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.working_days_between(date(2025, 3, 7), date(2025, 3, 10)) == 1
    assert cal.working_days_between(date(2025, 3, 3), date(2025, 3, 10)) == 5
    assert cal.working_days_between(date(2025, 3, 3), date(2025, 3, 3)) == 0
    assert cal.working_days_between(date(2025, 3, 10), date(2025, 3, 3)) == 0
    # (Thu 12/2, Tue 24/2/2026]: Fri 13/2, Mon 23/2, Tue 24/2.
    assert cal.working_days_between(date(2026, 2, 12), date(2026, 2, 24)) == 3
    # (Mon 29/12/2025, Mon 5/1/2026]: Tue 30/12, Wed 31/12, Mon 5/1.
    assert cal.working_days_between(date(2025, 12, 29), date(2026, 1, 5)) == 3
    # Whole year 2025: starts on a Wednesday, 52 weeks + 1 day → 261 weekdays; weekday days
    # off: 1/1, 27–31/1, 7/4, 30/4, 1/5, 2/5, 1/9, 2/9 = 12; make-up Sat 26/4 → 261 − 12 + 1.
    assert cal.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 250
    # 2026: starts on a Thursday → 261 weekdays; weekday days off: 1/1, 2/1, 16–20/2, 27/4,
    # 30/4, 1/5, 31/8, 1/9, 2/9, 24/11 = 14; make-up Sat 10/1 and 22/8 → 261 − 14 + 2.
    assert cal.working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 249
    assert cal.working_days_between(date(2024, 12, 31), date(2026, 12, 31)) == 499


def test_negative_day_count_is_rejected(cal: WorkCalendar) -> None:
    with pytest.raises(ValidationError) as caught:
        cal.add_working_days(date(2025, 3, 3), -1)
    error = caught.value.for_field("n")
    assert error is not None
    assert error.code == "negative"


# --- custom office hours ---------------------------------------------------------------------


def test_custom_office_hours() -> None:
    # 07:30–11:30 (240 min) and 13:00–16:30 (210 min): 450 min a day; cutoff 14:00.
    hours = OfficeHours(
        intervals=((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30))),
        same_day_cutoff=time(14, 0),
    )
    cal = WorkCalendar(hours=hours)
    assert cal.hours == hours
    assert cal.working_minutes_per_day == 450
    assert cal.close_of_day(MON_3_MAR_2025) == at(2025, 3, 3, 16, 30)
    assert cal.clock_start(at(2025, 3, 3, 7, 0)) == at(2025, 3, 3, 7, 30)
    assert cal.clock_start(at(2025, 3, 3, 12, 0)) == at(2025, 3, 3, 13, 0)
    assert cal.clock_start(at(2025, 3, 3, 16, 30)) == at(2025, 3, 4, 7, 30)
    assert cal.due_at(at(2025, 3, 3, 7, 0), 1) == at(2025, 3, 3, 16, 30)
    assert cal.due_at(at(2025, 3, 3, 9, 0), 1) == at(2025, 3, 4, 9, 0)
    # From 13:00 (240 min worked) one day ends at Tue 11:30, the morning's end.
    assert cal.due_at(at(2025, 3, 3, 13, 0), 1) == at(2025, 3, 4, 11, 30)
    assert cal.due_at(at(2025, 3, 3, 13, 59), 0) == at(2025, 3, 3, 16, 30)
    assert cal.due_at(at(2025, 3, 3, 14, 0), 0) == at(2025, 3, 3, 16, 30)
    assert cal.due_at(at(2025, 3, 3, 14, 1), 0) == at(2025, 3, 4, 16, 30)


def test_three_interval_office_hours() -> None:
    # 08:00–10:00 (120), 10:30–12:00 (90), 13:00–17:00 (240): 450 min a day.
    hours = OfficeHours(
        intervals=(
            (time(8, 0), time(10, 0)),
            (time(10, 30), time(12, 0)),
            (time(13, 0), time(17, 0)),
        )
    )
    cal = WorkCalendar(hours=hours)
    assert cal.clock_start(at(2025, 3, 3, 10, 10)) == at(2025, 3, 3, 10, 30)
    # 10:30 is 120 min into the day: one day later the 120th minute ends the first interval.
    assert cal.due_at(at(2025, 3, 3, 10, 30), 1) == at(2025, 3, 4, 10, 0)
    # 11:00 is 150 min in: two days later, 30 min into the second interval → Wed 11:00.
    assert cal.due_at(at(2025, 3, 3, 11, 0), 2) == at(2025, 3, 5, 11, 0)


def test_single_interval_office_hours() -> None:
    cal = WorkCalendar(hours=OfficeHours(intervals=((time(8, 0), time(16, 0)),)))
    assert cal.working_minutes_per_day == 480
    # Mon 12:00 + 3 days → Thu 12:00; 12:00 is not a lunch break here.
    assert cal.clock_start(at(2025, 3, 3, 12, 0)) == at(2025, 3, 3, 12, 0)
    assert cal.due_at(at(2025, 3, 3, 12, 0), 3) == at(2025, 3, 6, 12, 0)


# --- invalid inputs --------------------------------------------------------------------------


def test_negative_processing_days(cal: WorkCalendar) -> None:
    with pytest.raises(ValidationError) as caught:
        cal.due_at(at(2025, 3, 3, 9, 0), -1)
    error = caught.value.for_field("processing_days")
    assert error is not None
    assert error.code == "negative"


@pytest.mark.parametrize(
    "intervals",
    [
        pytest.param((), id="no-interval"),
        pytest.param(((time(7, 0), time(12, 0)), (time(11, 0), time(17, 0))), id="overlap"),
        pytest.param(((time(13, 30), time(17, 0)), (time(7, 0), time(11, 30))), id="unordered"),
        pytest.param(((time(11, 0), time(7, 0)),), id="end-before-start"),
        pytest.param(((time(7, 0), time(7, 0)),), id="empty-interval"),
        pytest.param(((time(7, 0, 30), time(11, 0)),), id="seconds"),
    ],
)
def test_invalid_office_hours(intervals: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        WorkCalendar(hours=OfficeHours(intervals=intervals))
    error = caught.value.for_field("office_hours")
    assert error is not None
    assert error.code == "invalid"


def test_invalid_override_kind() -> None:
    with pytest.raises(ValidationError) as caught:
        WorkCalendar(overrides=[CalendarOverride(date(2025, 3, 5), "holiday")])
    assert caught.value.for_field("overrides[0]") is not None


def test_invalid_overrides_files(tmp_path: Path) -> None:
    wrong_format = tmp_path / "wrong.json"
    wrong_format.write_text(json.dumps({"format": "other", "version": 1, "overrides": []}))
    with pytest.raises(ValidationError) as caught:
        load_default_overrides(wrong_format)
    assert caught.value.for_field("format") is not None

    bad_entries = tmp_path / "bad.json"
    bad_entries.write_text(
        json.dumps(
            {
                "format": "hcc-calendar-overrides",
                "version": 1,
                "overrides": [
                    {"date": "2025-02-30", "kind": "off"},
                    {"date": "2025-03-05", "kind": "maybe"},
                ],
            }
        )
    )
    with pytest.raises(ValidationError) as caught:
        load_default_overrides(bad_entries)
    assert caught.value.for_field("overrides[0].date") is not None
    assert caught.value.for_field("overrides[1].kind") is not None

    not_json = tmp_path / "broken.json"
    not_json.write_text("{not json")
    with pytest.raises(ValidationError):
        load_default_overrides(not_json)

    with pytest.raises(ValidationError) as caught:
        load_default_overrides(tmp_path / "missing.json")
    assert caught.value.for_field("path") is not None


# --- days beyond the Labour Code: in the table, "to confirm" ---------------------------------


def test_package_days_beyond_the_labour_code_are_not_assumed_silently(bare: WorkCalendar) -> None:
    # Without the table, 24/11/2026 (Ngày Văn hóa Việt Nam) and the package's 31/8/2026
    # swap are ordinary weekdays: the law (art. 112) does not list them.
    assert bare.is_working_day(date(2026, 11, 24))
    assert bare.is_working_day(date(2026, 8, 31))
    # Statutory days stay.
    assert not bare.is_working_day(date(2026, 9, 2))
    assert not bare.is_working_day(date(2026, 2, 17))
    extras = {o.day: o for o in package_extra_days([2026, 2027])}
    assert set(extras) >= {date(2026, 11, 24), date(2027, 11, 24), date(2026, 8, 31)}
    assert all(o.to_confirm and o.kind == "off" and o.source for o in extras.values())
    assert extras[date(2026, 11, 24)].note == "Ngày Văn hóa Việt Nam"


def test_seed_table_flags_what_no_document_supports() -> None:
    seeded = {o.day: o for o in seed_overrides()}
    culture = seeded[date(2026, 11, 24)]
    assert culture.to_confirm
    assert seeded[date(2030, 11, 24)].to_confirm
    # The file's entry wins over the package's for the same day.
    assert seeded[date(2025, 5, 2)].status == "confirmed"
    assert "6150/TB-BLĐTBXH ngày 03/12/2024" in seeded[date(2025, 5, 2)].source
    assert "12729/VPCP-KGVX ngày 25/12/2025" in seeded[date(2026, 1, 10)].source
    # No official text found for the 31/8/2026 swap: applied but to confirm.
    assert seeded[date(2026, 8, 31)].to_confirm
    assert seeded[date(2026, 8, 22)].to_confirm
    # Every swap day of the shipped file cites a document number and date, or says none.
    for o in load_default_overrides():
        assert o.source
        assert ("số" in o.source and "ngày" in o.source) or o.to_confirm


def test_unconfirmed_days_an_appointment_depends_on(cal: WorkCalendar) -> None:
    # Mon 23/11/2026 15:01, same-day: due Wed 25/11 because of the to-confirm 24/11.
    due = cal.due_at(at(2026, 11, 23, 15, 1), 0)
    assert due == at(2026, 11, 25, 17, 0)
    assert [o.day for o in cal.unconfirmed_days(at(2026, 11, 23, 15, 1), due)] == [
        date(2026, 11, 24)
    ]
    assert cal.unconfirmed_days(date(2026, 11, 25), date(2026, 11, 30)) == ()
    confirmed = WorkCalendar(
        overrides=[CalendarOverride(date(2026, 11, 24), "off", "Ngày Văn hóa Việt Nam")]
    )
    assert confirmed.unconfirmed_days(date(2026, 11, 23), date(2026, 11, 25)) == ()


# --- lateness in working days ----------------------------------------------------------------


def test_lateness_counts_working_days_not_calendar_days(cal: WorkCalendar) -> None:
    due = at(2025, 3, 7, 17, 0)  # Friday 17:00
    assert cal.working_days_late(due, at(2025, 3, 7, 16, 0)) == 0
    assert cal.working_days_late(due, at(2025, 3, 8, 9, 0)) == 0  # Saturday
    assert cal.working_days_late(due, at(2025, 3, 9, 9, 0)) == 0  # Sunday: not 2
    assert cal.working_days_late(due, at(2025, 3, 10, 7, 0)) == 1  # Monday
    assert cal.working_days_late(due, at(2025, 3, 11, 7, 0)) == 2
    # Over the Tết 2026 break: due Fri 13/2, seen Mon 23/2 → 1 working day.
    assert cal.working_days_late(at(2026, 2, 13, 17, 0), at(2026, 2, 23, 8, 0)) == 1


def test_the_vietnam_calendar_loads_without_every_country_module() -> None:
    # holidays.countries imports ~250 country modules: a third of a second at start-up.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from hcc_desktop.core import worktime\n"
        "days = worktime._public_holidays(2026)\n"
        "assert days[date(2026, 9, 2)], days\n"
        "print(sorted(m for m in sys.modules if m.startswith('holidays.countries')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
