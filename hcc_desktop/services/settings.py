"""Unit, device and officer settings, office hours and the holiday table."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import replace
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hcc_desktop.core.changes import NO_CHANGES, Changes
from hcc_desktop.core.domain import CalendarOverride
from hcc_desktop.core.errors import FieldError, NotFound, ValidationError
from hcc_desktop.core.text import nfc
from hcc_desktop.core.worktime import (
    OVERRIDE_STATUSES,
    STATUS_CONFIRMED,
    STATUS_TO_CONFIRM,
    WorkCalendar,
    seed_overrides,
)
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import CalendarOverrideRow, Setting
from hcc_desktop.services.session import OfficerSession, guarded
from hcc_desktop.services.settings_values import (
    SETTINGS_KEY,
    AppSettings,
    _from_json,
    _to_json,
    override_from_values,
)

__all__ = ["AppSettings", "SettingsService", "validate_settings"]

UNIT_CODE = re.compile(r"^[0-9A-Za-z]{1,8}(\.[0-9A-Za-z]{1,8}){0,5}$")
MAX_DEVICE_SLOT = 9
MAX_BACKUPS_KEPT = 365


MAX_IDLE_LOCK_MINUTES = 240


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def validate_settings(settings: AppSettings) -> AppSettings:
    """NFC-normalise and check; raises ValidationError naming every bad field."""
    errors: list[FieldError] = []
    s = replace(
        settings,
        unit_code=nfc(settings.unit_code),
        unit_name=nfc(settings.unit_name),
        parent_body=nfc(settings.parent_body),
        place_name=nfc(settings.place_name),
        device_name=nfc(settings.device_name),
        officer_name=nfc(settings.officer_name),
        officer_phone=nfc(settings.officer_phone),
        unit_phone=nfc(settings.unit_phone),
        public_lookup_url=nfc(settings.public_lookup_url),
        book_no=nfc(settings.book_no),
        signer_title=nfc(settings.signer_title),
        signer_name=nfc(settings.signer_name),
        server_url=nfc(settings.server_url).strip().rstrip("/"),
        backup_folder=nfc(settings.backup_folder).strip(),
    )
    if not UNIT_CODE.match(s.unit_code):
        errors.append(FieldError("unit_code", "unit_code_format"))
    if not s.unit_name:
        errors.append(FieldError("unit_name", "required"))
    elif s.parent_body and _same_text(s.parent_body, s.unit_name):
        # The header prints the parent body over the center: two different bodies.
        errors.append(FieldError("parent_body", "same_as_unit_name"))
    if not 0 <= s.device_slot <= MAX_DEVICE_SLOT:
        errors.append(FieldError("device_slot", "out_of_range", {"max": MAX_DEVICE_SLOT}))
    if s.public_lookup_url and not s.public_lookup_url.startswith(("http://", "https://")):
        errors.append(FieldError("public_lookup_url", "url_format"))
    if s.language not in ("vi", "en"):
        errors.append(FieldError("language", "unsupported"))
    if not 0 <= s.due_soon_days <= 30:
        errors.append(FieldError("due_soon_days", "out_of_range", {"max": 30}))
    if not 1 <= s.reminder_interval_minutes <= 120:
        errors.append(FieldError("reminder_interval_minutes", "out_of_range", {"max": 120}))
    if not 1 <= s.sync_interval_minutes <= 1440:
        errors.append(FieldError("sync_interval_minutes", "out_of_range", {"max": 1440}))
    if not 1 <= s.sync_warn_days <= 60:
        errors.append(FieldError("sync_warn_days", "out_of_range", {"max": 60}))
    if not 0 <= s.idle_lock_minutes <= MAX_IDLE_LOCK_MINUTES:
        errors.append(
            FieldError("idle_lock_minutes", "out_of_range", {"max": MAX_IDLE_LOCK_MINUTES})
        )
    if not 1 <= s.complaint_days <= 90:
        errors.append(FieldError("complaint_days", "out_of_range", {"max": 90}))
    if not 1 <= s.backup_keep <= MAX_BACKUPS_KEPT:
        errors.append(FieldError("backup_keep", "out_of_range", {"max": MAX_BACKUPS_KEPT}))
    if s.server_url and not s.server_url.startswith(("http://", "https://")):
        errors.append(FieldError("server_url", "url_format"))
    try:
        WorkCalendar(hours=s.office_hours)
    except ValidationError as exc:
        errors.extend(exc.errors)
    if errors:
        raise ValidationError(errors)
    return s


class SettingsService:
    """Reads and writes settings; builds the work calendar from them."""

    KEY = SETTINGS_KEY

    def __init__(self, db: Database, *, session: OfficerSession | None = None) -> None:
        self._db = db
        # The officer logged in (open_services shares it): changing the settings and the
        # calendar is the administrator's (core/permissions).
        self._session = session
        self._cache: AppSettings | None = None
        self._calendar: WorkCalendar | None = None

    @property
    def session(self) -> OfficerSession | None:
        """The store's officer session (the services built over these settings share it)."""
        return self._session

    # -- settings ------------------------------------------------------------

    def ensure_initialised(self, session: Session) -> None:
        """First start: a device id, default settings and the seeded swap days."""
        row = session.get(Setting, self.KEY)
        if row is None:
            settings = AppSettings(device_id=str(uuid.uuid4()))
            session.add(Setting(key=self.KEY, value=json.dumps(_to_json(settings))))
            for o in seed_overrides():
                session.merge(_override_row(o))

    def cached(self) -> AppSettings | None:
        """The settings last read or saved, without touching the store (None before the
        first read): for what a screen needs at once and can do without, such as the
        printer a print preview preselects. Reads go through ``load`` on the task runner."""
        return self._cache

    def load(self) -> AppSettings:
        """The unit's and device's settings (cached until the next save)."""
        if self._cache is None:
            with self._db.read() as s:
                row = s.get(Setting, self.KEY)
                self._cache = _from_json(json.loads(row.value)) if row else AppSettings()
        return self._cache

    @guarded("settings.save")
    def save(self, settings: AppSettings) -> AppSettings:
        """Validate and store (administrators only); the device id can never be changed
        here."""
        return self._store(settings)

    def save_from_server(self, settings: AppSettings) -> AppSettings:
        """Store the unit's settings the server published (a pull, whoever runs the
        sync): the administrator's decision made there, not a change made here."""
        return self._store(settings)

    def set_due_soon_days(self, days: int) -> Changes:
        """How many days ahead the worklists call a dossier "due soon": a display
        preference of the device that any officer sets; nothing is written, and
        nothing changed, when it is already ``days``."""
        current = self.load()
        if current.due_soon_days == days:
            return NO_CHANGES
        return self._store(replace(current, due_soon_days=days)).changes

    def _store(self, settings: AppSettings) -> AppSettings:
        current = self.load()
        settings = validate_settings(replace(settings, device_id=current.device_id))
        with self._db.write() as s:
            s.merge(Setting(key=self.KEY, value=json.dumps(_to_json(settings))))
        self._cache = settings
        self._calendar = None
        return settings

    # -- calendar ------------------------------------------------------------

    def calendar_overrides(self) -> list[CalendarOverride]:
        """The calendar overrides (extra days off, make-up working days), by day."""
        with self._db.read() as s:
            rows = s.scalars(select(CalendarOverrideRow).order_by(CalendarOverrideRow.day))
            return [_override(r) for r in rows]

    @guarded("settings.confirm_calendar_day")
    def confirm_calendar_day(self, day: date, *, source: str = "") -> CalendarOverride:
        """An administrator confirms a "to confirm" day, optionally citing its document."""
        with self._db.write() as s:
            row = s.get(CalendarOverrideRow, day)
            if row is None:
                raise NotFound("calendar_day_not_found", day=day.isoformat())
            row.status = STATUS_CONFIRMED
            cited = " ".join(nfc(source).split())
            if cited:
                row.source = cited
            result = _override(row)
        self._calendar = None
        return result

    @guarded("settings.remove_calendar_day")
    def remove_calendar_day(self, day: date) -> CalendarOverride:
        """Take a day out of the table: it follows the law (and the weekend) again."""
        with self._db.write() as s:
            row = s.get(CalendarOverrideRow, day)
            if row is None:
                raise NotFound("calendar_day_not_found", day=day.isoformat())
            result = _override(row)
            s.delete(row)
        self._calendar = None
        return result

    @guarded("settings.set_calendar_overrides")
    def set_calendar_overrides(self, overrides: list[CalendarOverride]) -> Changes:
        """Replace the whole table (the settings dialog edits it as a list;
        administrators only); the settings changed."""
        return self.set_calendar_from_server(overrides)

    def set_calendar_from_server(self, overrides: list[CalendarOverride]) -> Changes:
        """Replace the whole table with the calendar the server published (a pull,
        whoever runs the sync)."""
        errors: list[FieldError] = []
        seen: set[date] = set()
        for i, o in enumerate(overrides):
            if o.kind not in ("off", "work"):
                errors.append(FieldError(f"overrides[{i}].kind", "invalid"))
            if o.status not in OVERRIDE_STATUSES:
                errors.append(FieldError(f"overrides[{i}].status", "invalid"))
            if o.day in seen:
                errors.append(FieldError(f"overrides[{i}].day", "duplicate", {"day": str(o.day)}))
            seen.add(o.day)
        if errors:
            raise ValidationError(errors)
        with self._db.write() as s:
            s.execute(delete(CalendarOverrideRow))
            for o in overrides:
                s.add(_override_row(o))
        self._calendar = None
        return Changes(settings=True)

    def calendar(self) -> WorkCalendar:
        """The work calendar: the overrides and the office hours (built once per change)."""
        if self._calendar is None:
            self._calendar = WorkCalendar(
                overrides=self.calendar_overrides(), hours=self.load().office_hours
            )
        return self._calendar


def _override(r: CalendarOverrideRow) -> CalendarOverride:
    return override_from_values(r.day, r.kind, r.note, r.status, r.source)


def _override_row(o: CalendarOverride) -> CalendarOverrideRow:
    return CalendarOverrideRow(
        day=o.day,
        kind=o.kind,
        note=nfc(o.note),
        status=o.status if o.status in OVERRIDE_STATUSES else STATUS_TO_CONFIRM,
        source=nfc(o.source),
    )
