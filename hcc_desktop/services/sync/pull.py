"""Pulling the unit's changes from the server page by page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from hcc_desktop.core.errors import SyncError, ValidationError
from hcc_desktop.services.sync.accounts import ACCOUNT_CLASHES
from hcc_desktop.services.sync.apply import PageOutcome, apply_page
from hcc_desktop.services.sync.client import SyncBase, SyncRun
from hcc_desktop.services.sync.state import (
    CURSOR,
    PARKED,
    PULL_SKIPPED,
    append_capped,
    drop_state,
    get_state,
    set_state,
)
from hcc_desktop.services.sync.wire import (
    WireError,
    calendar_from_wire,
    unit_settings_from_wire,
)

PULL_PAGE = 1000


class PullMixin(SyncBase):
    # Officer accounts the last page applied (counted apart: SyncResult.accounts).
    _accounts_taken = 0

    def _pull(self, run: SyncRun) -> bool:
        """Pull the unit's changes page by page; False when cancelled."""
        client, ahead, totals, progress, cancel = run

        def fetch(since: int) -> dict[str, Any]:
            return self._call(
                client, "GET", "/api/v1/changes", params={"since": since, "limit": PULL_PAGE}
            )

        cursor = self._cursor()
        progress("pull", 0, 0)
        page = fetch(cursor)
        while True:
            # The next page is fetched while this one is written: fetching
            # changes nothing here, and the cursor only moves with a page.
            hint = page.get("cursor")
            following = (
                ahead.submit(fetch, hint)
                if page.get("more") and isinstance(hint, int) and hint >= cursor
                else None
            )
            cursor, more, applied, conflicts, changed = self._apply_pulled(page, cursor)
            totals["accounts"] = totals.get("accounts", 0) + self._accounts_taken
            totals["pulled"] += applied
            totals["conflicts"] += conflicts
            # What else the page changed here, for the sync's Changes.
            for kind in changed:
                totals[kind] = 1
            if not more or following is None:
                return True
            if cancel():
                return False
            progress("pull", totals["pulled"], 0)
            page = following.result()

    def _cursor(self) -> int:
        with self._db.read() as s:
            return int(get_state(s, CURSOR, 0))

    # -- pull ---------------------------------------------------------------------------------

    def _apply_pulled(
        self, page: Mapping[str, Any], since: int
    ) -> tuple[int, bool, int, int, set[str]]:
        changes = page.get("changes")
        cursor = page.get("cursor")
        if not isinstance(changes, list) or not isinstance(cursor, int) or cursor < since:
            raise SyncError("server_error", detail="malformed changes page")
        applied = 0
        changed: set[str] = set()  # "settings", "catalog"
        skipped: list[dict[str, Any]] = []
        # Whole documents through the settings service, before the page commits:
        # applying one again after a crash changes nothing.
        for kind in ("calendar", "unit_settings"):
            docs = [c for c in changes if isinstance(c, dict) and c.get("kind") == kind]
            if docs:
                latest = max(docs, key=lambda c: int(c.get("rev") or 0))
                try:
                    if self._apply_document(kind, latest.get("data")):
                        changed.add("settings")
                    applied += 1
                except (WireError, ValidationError) as exc:
                    skipped.append(
                        {
                            "rev": latest.get("rev"),
                            "kind": kind,
                            "reason": "invalid",
                            "detail": str(exc)[:500],
                        }
                    )
        rows = [c for c in changes if isinstance(c, dict)]
        with self._db.write() as s:
            parked = get_state(s, PARKED, [])
            outcome: PageOutcome = apply_page(
                s,
                rows,
                catalog=self._catalog,
                unit_code=self._settings.load().unit_code,
                parked=parked,
                now=datetime.now(UTC),
            )
            if outcome.parked:
                set_state(s, PARKED, outcome.parked)
            elif parked:
                drop_state(s, PARKED)
            append_capped(s, PULL_SKIPPED, skipped + outcome.skipped)
            append_capped(s, ACCOUNT_CLASHES, outcome.account_clashes)
            set_state(s, CURSOR, cursor)
        self._accounts_taken = outcome.accounts
        if outcome.catalog:
            changed.add("catalog")
        more = bool(page.get("more"))
        return cursor, more, applied + outcome.applied, outcome.conflicts, changed

    def _apply_document(self, kind: str, data: Any) -> bool:
        """Apply a whole calendar or unit-settings document; True when it changed them."""
        if kind == "calendar":
            overrides = calendar_from_wire(data)
            by_day = sorted(overrides, key=lambda o: o.day)
            changed = sorted(self._settings.calendar_overrides(), key=lambda o: o.day) != by_day
            self._settings.set_calendar_from_server(overrides)
            return changed
        values: dict[str, Any] = dict(unit_settings_from_wire(data))
        current = self._settings.load()
        if any(getattr(current, k) != v for k, v in values.items()):
            self._settings.save_from_server(replace(current, **values))
            return True
        return False
