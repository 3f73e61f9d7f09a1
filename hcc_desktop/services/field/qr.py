"""QR boards: a quarter's poster linking to the most used procedures' pages.

The link of a procedure is its own URL when one is set, else the template
(``{code}`` replaced by the procedure code; by default the national public
service portal's page). Both are kept in the ``field.qr`` setting.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select

from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.core.field import (
    DEFAULT_PROCEDURE_URL,
    QrBoard,
    QrLink,
    next_sessions,
    procedure_url,
)
from hcc_desktop.core.text import nfc
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import DossierRow, Setting
from hcc_desktop.printing.field import render_qr_board
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.field.sessions import FieldSessionService
from hcc_desktop.services.settings import SettingsService

SETTING_KEY = "field.qr"
DEFAULT_COUNT = 6
MAX_COUNT = 9  # three rows of three on an A4 poster
USAGE_DAYS = 365


@dataclass(frozen=True)
class QrSettings:
    template: str = DEFAULT_PROCEDURE_URL
    urls: dict[str, str] = field(default_factory=dict)  # procedure code -> URL


def _check_url(url: str, where: str) -> str:
    url = nfc(url).strip()
    if not url.startswith(("https://", "http://")) or " " in url:
        raise ValidationError([FieldError(where, "url_format")])
    return url


class QrBoardService:
    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        catalog: CatalogService,
        sessions: FieldSessionService,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._settings = settings
        self._catalog = catalog
        self._sessions = sessions
        self._clock = clock

    def qr_settings(self) -> QrSettings:
        """The QR boards' URL template and settings (defaults when never saved)."""
        with self._db.read() as s:
            row = s.get(Setting, SETTING_KEY)
            data = json.loads(row.value) if row is not None else {}
        return QrSettings(
            template=str(data.get("template") or DEFAULT_PROCEDURE_URL),
            urls={str(k): str(v) for k, v in (data.get("urls") or {}).items()},
        )

    def save_qr_settings(
        self, *, template: str | None = None, urls: dict[str, str] | None = None
    ) -> QrSettings:
        """Change the URL template and/or the procedures' own URLs (an empty URL
        removes a procedure's own one)."""
        current = self.qr_settings()
        new_template = current.template
        if template is not None:
            new_template = (
                _check_url(template, "url_template") if template.strip() else DEFAULT_PROCEDURE_URL
            )
        merged = dict(current.urls)
        for code, url in (urls or {}).items():
            code = code.strip()
            self._catalog.get(code)  # NotFound for an unknown procedure
            if url.strip():
                merged[code] = _check_url(url, "url")
            else:
                merged.pop(code, None)
        value = json.dumps({"template": new_template, "urls": merged}, ensure_ascii=False)
        with self._db.write() as s:
            row = s.get(Setting, SETTING_KEY)
            if row is None:
                s.add(Setting(key=SETTING_KEY, value=value))
            else:
                row.value = value
        return QrSettings(new_template, merged)

    def most_used(self, count: int = DEFAULT_COUNT) -> list[str]:
        """Codes of the active procedures most received over the last year, then
        the catalog's order to fill the board."""
        since = self._clock() - timedelta(days=USAGE_DAYS)
        active = [p.code for p in self._catalog.list()]
        with self._db.read() as s:
            used = [
                code
                for code, _n in s.execute(
                    select(DossierRow.procedure_code, func.count())
                    .where(DossierRow.received_at >= since)
                    .group_by(DossierRow.procedure_code)
                    .order_by(func.count().desc(), DossierRow.procedure_code)
                ).all()
                if code in active
            ]
        ordered = used + [c for c in active if c not in used]
        return ordered[:count]

    def board(
        self, *, quarter: str, codes: list[str] | None = None, count: int = DEFAULT_COUNT
    ) -> QrBoard:
        """A quarter's QR board: ``codes``, or the ``count`` most used procedures."""
        quarter = " ".join(nfc(quarter).split())
        errors: list[FieldError] = []
        if not quarter:
            errors.append(FieldError("quarter", "required"))
        if not 1 <= count <= MAX_COUNT:
            errors.append(FieldError("count", "out_of_range", {"min": 1, "max": MAX_COUNT}))
        if codes is not None and len(codes) > MAX_COUNT:
            errors.append(FieldError("procedures", "too_long", {"max": MAX_COUNT}))
        if errors:
            raise ValidationError(errors)
        qr = self.qr_settings()
        chosen = codes if codes else self.most_used(count)
        links = []
        for code in chosen:
            p = self._catalog.get(code.strip())
            url = qr.urls.get(p.code) or procedure_url(qr.template, p.code)
            links.append(QrLink(p.code, p.short_name or p.name, url))
        settings = self._settings.load()
        today = self._clock().date()
        sessions = next_sessions(self._sessions.list(date_from=today), quarter, today)
        return QrBoard(
            unit_name=settings.unit_name,
            parent_body=settings.parent_body,
            quarter=quarter,
            links=tuple(links),
            sessions=sessions,
            phone=settings.unit_phone,
        )

    def board_pdf(
        self, *, quarter: str, codes: list[str] | None = None, count: int = DEFAULT_COUNT
    ) -> bytes:
        """The quarter's A4 QR poster as PDF bytes."""
        return render_qr_board(
            self.board(quarter=quarter, codes=codes, count=count), today=self._clock().date()
        )
