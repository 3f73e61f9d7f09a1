"""The settings' values and their stored form, free of SQLAlchemy (issue 14): the
settings service stores them; the start-up's early read (``services/early.py``) reads
them on its own connection before the services are imported."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, time
from typing import Any

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import CalendarOverride, OfficeHours, PaperSize, UnitInfo
from hcc_desktop.core.worktime import STATUS_CONFIRMED

SETTINGS_TABLE = "settings"  # Setting.__tablename__
SETTINGS_KEY = "app"  # the row holding AppSettings as JSON
CALENDAR_TABLE = "calendar_overrides"  # CalendarOverrideRow.__tablename__


@dataclass(frozen=True)
class AppSettings:
    """Everything an administrator or officer can set, as one value."""

    unit_code: str = "000.17.22.H56"
    unit_name: str = "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc"
    parent_body: str = "UBND PHƯỜNG HOÀI NHƠN BẮC"
    place_name: str = "Hoài Nhơn Bắc"
    unit_phone: str = ""
    public_lookup_url: str = ""
    device_id: str = ""
    device_name: str = "Quầy 1"
    device_slot: int = 0
    # No longer the actor (issue 12: the logged-in officer is); kept so that stored and
    # synced settings still load. Neither the CLI nor the UI sets it any more.
    officer_name: str = ""
    officer_phone: str = ""
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    paper_size: PaperSize = PaperSize.A4
    printer_name: str = ""
    language: str = "vi"
    book_no: str = ""
    # Who signs letters (Mẫu 04 apology, Mẫu 05 stop notice) for the unit.
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    due_soon_days: int = 2
    # Reminders: how often the app re-checks deadlines (minutes).
    reminder_interval_minutes: int = 5
    # Sync with the central server (docs/sync.md); empty: not enrolled.
    server_url: str = ""
    # Plain http:// to a server that is not on this computer (loopback) is
    # refused unless this is set: tokens and citizens' data would cross the
    # network readable by anyone on the way.
    allow_insecure_http: bool = False
    sync_interval_minutes: int = 15
    sync_warn_days: int = 3  # warn the officer after this many days without a sync
    # The app locks after this many minutes without input (0: never); issue 12.
    idle_lock_minutes: int = 5
    # Complaints register: handling deadline in working days after receipt.
    # 10 is a working assumption, not confirmed against the regulations.
    complaint_days: int = 10
    # Scheduled backups (services/backups): daily when enabled, into this folder (a USB
    # stick is just a folder; empty: the data directory's "backups"), keeping the newest N.
    backup_enabled: bool = True
    backup_folder: str = ""
    backup_keep: int = 7

    def unit_info(self) -> UnitInfo:
        return UnitInfo(
            unit_code=self.unit_code,
            unit_name=self.unit_name,
            parent_body=self.parent_body,
            place_name=self.place_name,
            public_lookup_url=self.public_lookup_url,
            device_id=self.device_id,
            device_name=self.device_name,
            device_slot=self.device_slot,
            phone=self.unit_phone,
        )

    def effective_book_no(self, year: int) -> str:
        """Book number printed on receipts; one book a year by default."""
        return self.book_no or f"01/{year}"

    @property
    def changes(self) -> Changes:
        """What storing these settings changed (a mutating call returned them)."""
        return Changes(settings=True)


def _hours_to_json(hours: OfficeHours) -> dict[str, Any]:
    return {
        "intervals": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in hours.intervals],
        "same_day_cutoff": hours.same_day_cutoff.strftime("%H:%M"),
    }


def _hours_from_json(data: dict[str, Any]) -> OfficeHours:
    return OfficeHours(
        intervals=tuple(
            (time.fromisoformat(a), time.fromisoformat(b)) for a, b in data["intervals"]
        ),
        same_day_cutoff=time.fromisoformat(data["same_day_cutoff"]),
    )


def _to_json(settings: AppSettings) -> dict[str, Any]:
    data = asdict(settings)
    data["office_hours"] = _hours_to_json(settings.office_hours)
    data["paper_size"] = settings.paper_size.value
    return data


def _from_json(data: dict[str, Any]) -> AppSettings:
    known = set(AppSettings.__dataclass_fields__)
    kwargs = {k: v for k, v in data.items() if k in known}
    if "office_hours" in kwargs:
        kwargs["office_hours"] = _hours_from_json(kwargs["office_hours"])
    if "paper_size" in kwargs:
        kwargs["paper_size"] = PaperSize(kwargs["paper_size"])
    return AppSettings(**kwargs)


def override_from_values(
    day: date, kind: str, note: str, status: str | None, source: str | None
) -> CalendarOverride:
    """A calendar override from its stored columns."""
    return CalendarOverride(
        day=day, kind=kind, note=note, status=status or STATUS_CONFIRMED, source=source or ""
    )
