"""Published documents (catalog, calendar, unit settings) for every device to pull."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.text import nfc
from hcc_desktop.server.models import (
    PublishedDoc,
)
from hcc_desktop.server.store.common import (
    KINDS_PUBLISHED,
    UNIT_CODE,
    UNIT_SETTINGS_KEYS,
    PublishOutcome,
    draw_revisions,
)
from hcc_desktop.server.store.enrolment import EnrolmentMixin


class PublishMixin(EnrolmentMixin):
    def publish(self, kind: str, data: dict[str, Any], *, unit_code: str = "") -> PublishOutcome:
        """Store the latest ``kind`` document (already validated) under a new revision."""
        if kind not in KINDS_PUBLISHED:
            raise ValueError(kind)
        with self.db.write() as s:
            if unit_code:
                self._ensure_unit(s, unit_code, None)
            row = s.get(PublishedDoc, (kind, unit_code))
            if row is not None and row.data == data:
                return PublishOutcome(kind, unit_code, row.rev, changed=False)
            rev = draw_revisions(s, 1)
            if row is None:
                s.add(
                    PublishedDoc(
                        kind=kind, scope=unit_code, rev=rev, data=data, published_at=self.clock()
                    )
                )
            else:
                row.rev, row.data, row.published_at = rev, data, self.clock()
            return PublishOutcome(kind, unit_code, rev, changed=True)

    def publish_catalog(self, raw: bytes | str) -> PublishOutcome:
        """Publish a catalog file (the ``catalog export`` format) to every unit.

        Refused as a whole (CatalogError listing every problem) when a device
        would refuse it.
        """
        from hcc_desktop.core.formats.catalog_file import parse_catalog_file

        parse_catalog_file(raw)
        document = json.loads(raw)
        return self.publish("catalog", document)

    def publish_calendar(self, path: Path) -> PublishOutcome:
        """Publish a calendar overrides file (``hcc-calendar-overrides``) to every unit."""
        from hcc_desktop.core.worktime import seed_overrides

        # The file's days, then the package's days beyond the Labour Code (to confirm): a
        # device replaces its table with this document, so they must travel with it.
        overrides = seed_overrides(path=Path(path))
        by_day = {o.day: o for o in overrides}
        document = {
            "overrides": [
                {
                    "day": day.isoformat(),
                    "kind": by_day[day].kind,
                    "note": by_day[day].note,
                    "status": by_day[day].status,
                    "source": by_day[day].source,
                }
                for day in sorted(by_day)
            ]
        }
        return self.publish("calendar", document)

    def publish_unit_settings(self, unit_code: str, settings: Any) -> PublishOutcome:
        """Publish the unit's printed settings (unit name, parent body, place name, …)."""
        unit_code = unit_code.strip()
        if not UNIT_CODE.match(unit_code):
            raise ValidationError([FieldError("unit_code", "unit_code_format")])
        return self.publish("unit_settings", validate_unit_settings(settings), unit_code=unit_code)


def validate_unit_settings(settings: Any) -> dict[str, str]:
    """The ``unit_settings`` document: every key present, NFC text, checked like the device.

    Raises ValidationError naming every faulty key.
    """
    if not isinstance(settings, dict):
        raise ValidationError([FieldError("unit_settings", "not_an_object")])
    errors = [FieldError(key, "unknown") for key in sorted(set(settings) - set(UNIT_SETTINGS_KEYS))]
    document: dict[str, str] = {}
    for key in UNIT_SETTINGS_KEYS:
        value = settings.get(key, "")
        if isinstance(value, str):
            document[key] = nfc(value)
        else:
            errors.append(FieldError(key, "not_text"))
            document[key] = ""
    if not document["unit_name"] and not any(e.field == "unit_name" for e in errors):
        errors.append(FieldError("unit_name", "required"))
    url = document["public_lookup_url"]
    if url and not url.startswith(("http://", "https://")):
        errors.append(FieldError("public_lookup_url", "url_format"))
    if errors:
        raise ValidationError(errors)
    return document
