"""The unit's wall clock.

Appointments are legal times in Vietnam (UTC+7, no daylight saving since
1975), whatever time zone the computer is set to, so "now" is taken in that
zone and handled as a naive local datetime everywhere in the core.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_now() -> datetime:
    return datetime.now(VIETNAM).replace(tzinfo=None)


def local_today() -> date:
    return local_now().date()


def to_local(moment: datetime) -> datetime:
    """An aware datetime (e.g. a UTC stamp) as naive Vietnam time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM).replace(tzinfo=None)
