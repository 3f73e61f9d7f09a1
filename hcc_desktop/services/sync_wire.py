"""Rows of the local store ⇄ the wire JSON of docs/sync.md, and applying pulled changes.

The wire form of a row is every column (dates ISO 8601) but the local-only
ones: ``pk`` (a local integer), ``search_text`` (recomputed on each device)
and ``server_rev`` (this device's bookkeeping). Columns are read from the
table definitions, so a column added by a migration travels without a change
here. Timestamps of ``DateTime(timezone=True)`` columns travel as naive UTC,
the others (legal times) as naive Vietnam time, exactly as stored.

Nothing here writes to the outbox: a pulled change must never be pushed back.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.clock import to_local
from hcc_desktop.db.models import (
    CodeCounter,
    DossierComponentRow,
    DossierEventRow,
    DossierRow,
    OutboxRow,
    ProcedureRow,
    RatingRow,
    SyncConflictRow,
)
from hcc_desktop.domain import CalendarOverride, DocForm
from hcc_desktop.errors import CatalogError
from hcc_desktop.services.catalog import CatalogService, parse_catalog
from hcc_desktop.services.codes import BLOCK
from hcc_desktop.services.dossiers import dossier_from_row, search_text
from hcc_desktop.text import fold

# Columns that never travel: local row number, folded search text, sync bookkeeping.
DOSSIER_LOCAL_ONLY = frozenset({"pk", "search_text", "server_rev"})
# Fields left out when telling an officer how two versions of a dossier differ.
BOOKKEEPING_FIELDS = frozenset({"version", "updated_at", "created_at"})
UNIT_SETTINGS_FIELDS = ("unit_name", "parent_body", "place_name", "public_lookup_url", "unit_phone")
CODE_PATTERN = re.compile(r"^(?P<unit>.+)-(?P<day>\d{6})-(?P<seq>\d{4})$")

_DOSSIER_TABLE: Table = DossierRow.__table__  # type: ignore[assignment]
_COMPONENT_TABLE: Table = DossierComponentRow.__table__  # type: ignore[assignment]
_EVENT_TABLE: Table = DossierEventRow.__table__  # type: ignore[assignment]
_RATING_TABLE: Table = RatingRow.__table__  # type: ignore[assignment]


class WireError(ValueError):
    """A wire record that cannot become a row (missing or ill-typed field)."""


# -- values ------------------------------------------------------------------------------


def _to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_wire(table: Table, name: str, value: Any) -> Any:
    column = table.columns[name]
    if value is None:
        if not column.nullable and not column.primary_key:
            raise WireError(f"{name} must not be null")
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is not None:
                moment = (
                    moment.astimezone(UTC).replace(tzinfo=None)
                    if kind.timezone
                    else to_local(moment)
                )
            return moment
        if isinstance(kind, Date):
            return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise WireError(f"{name}: not an ISO 8601 date/time: {value!r}") from None
    if isinstance(kind, Boolean):
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise WireError(f"{name} must be true or false")
    if isinstance(kind, Integer):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise WireError(f"{name} must be an integer")
    if not isinstance(value, str):
        raise WireError(f"{name} must be text")
    return value


def _row_to_wire(table: Table, row: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    skipped = set(skip)
    return {c.name: _to_wire(getattr(row, c.name)) for c in table.columns if c.name not in skipped}


def _values_from_wire(
    table: Table, data: Mapping[str, Any], skip: Iterable[str] = ()
) -> dict[str, Any]:
    """Column values of ``table`` found in ``data``; unknown keys (a newer
    device's columns) are ignored, missing non-null columns refused."""
    if not isinstance(data, Mapping):
        raise WireError("data must be an object")
    skipped = set(skip)
    values: dict[str, Any] = {}
    for column in table.columns:
        name = column.name
        if name in skipped:
            continue
        if name in data:
            values[name] = _from_wire(table, name, data[name])
        elif not column.nullable and column.default is None and not column.primary_key:
            raise WireError(f"{name} is missing")
    for key in ("id",):
        if key in table.columns and not values.get(key):
            raise WireError(f"{key} is missing")
    return values


# -- rows to wire ---------------------------------------------------------------------------


def dossier_to_wire(row: DossierRow) -> dict[str, Any]:
    """The dossier with its components, as pushed (and compared) on the wire."""
    data = _row_to_wire(_DOSSIER_TABLE, row, DOSSIER_LOCAL_ONLY)
    data["components"] = [
        _row_to_wire(_COMPONENT_TABLE, c, ("dossier_id",)) for c in row.components
    ]
    return data


def event_to_wire(row: DossierEventRow) -> dict[str, Any]:
    return _row_to_wire(_EVENT_TABLE, row)


def rating_to_wire(row: RatingRow) -> dict[str, Any]:
    return _row_to_wire(_RATING_TABLE, row)


def load_dossier(s: Session, dossier_id: str) -> DossierRow | None:
    return s.scalars(
        select(DossierRow)
        .options(selectinload(DossierRow.components))
        .where(DossierRow.id == dossier_id)
    ).first()


# -- rows from wire -------------------------------------------------------------------------


def _component_values(raw: Any) -> list[dict[str, Any]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise WireError("components must be a list")
    lines = [_values_from_wire(_COMPONENT_TABLE, item, ("dossier_id",)) for item in raw]
    for line in lines:
        try:
            DocForm(line["form"])
        except (KeyError, ValueError):
            raise WireError(f"component {line.get('id')}: bad form") from None
    return lines


def _ensure_procedure(s: Session, row: DossierRow) -> None:
    """A dossier may name a procedure this device's catalog lacks (published
    later, or a province's extra one): keep the dossier, with an inactive
    placeholder procedure that a later catalog replaces."""
    if s.get(ProcedureRow, row.procedure_code) is not None:
        return
    s.add(
        ProcedureRow(
            code=row.procedure_code,
            name=row.procedure_name,
            field=row.procedure_field or "",
            processing_days=row.processing_days,
            active=False,
            search_key=f"{fold(row.procedure_code)} {fold(row.procedure_name)}",
            updated_at=datetime.now(UTC),
            version=1,
        )
    )
    s.flush()


def bump_code_counter(s: Session, code: str) -> None:
    """Never hand out again a code that exists elsewhere: after a reinstall
    (same device id, same slot) or when this device later takes over a freed
    slot, the local counter of that slot and day must be past every code seen."""
    m = CODE_PATTERN.match(code)
    if m is None:
        return
    slot, seq = divmod(int(m["seq"]), BLOCK)
    if seq == 0:
        return
    key = (m["unit"], m["day"], slot)
    counter = s.get(CodeCounter, key)
    if counter is None:
        s.add(CodeCounter(unit_code=key[0], day=key[1], device_slot=slot, last_seq=seq))
    elif counter.last_seq < seq:
        counter.last_seq = seq


def write_dossier(
    s: Session, data: Mapping[str, Any], *, rev: int, existing: DossierRow | None
) -> DossierRow:
    """Insert or replace a dossier (components too) from its wire form.

    Recomputes the search text, records ``rev`` as the server revision seen and
    bumps the code counter. A malformed record raises WireError before the
    session is touched.
    """
    values = _values_from_wire(_DOSSIER_TABLE, data, DOSSIER_LOCAL_ONLY)
    lines = _component_values(data.get("components"))
    try:
        # What the app reads back must be valid (statuses, channels, people …);
        # the probe is never added to the session.
        submitter = dossier_from_row(DossierRow(**values)).submitter
    except (ValueError, KeyError, TypeError) as exc:
        raise WireError(f"dossier {values['id']}: {exc}") from exc
    if existing is None:
        row = DossierRow(**values)
        s.add(row)
    else:
        row = existing
        for name, value in values.items():
            setattr(row, name, value)
        # Delete the old lines before inserting new ones with the same ids.
        row.components.clear()
        s.flush()
    row.components.extend(DossierComponentRow(dossier_id=row.id, **line) for line in lines)
    row.search_text = search_text(
        code=row.code,
        owner_name=row.owner_name,
        owner_id_number=row.owner_id_number,
        owner_phone=row.owner_phone,
        procedure_code=row.procedure_code,
        procedure_name=row.procedure_name,
        submitter=submitter,
    )
    row.server_rev = rev
    _ensure_procedure(s, row)
    bump_code_counter(s, row.code)
    s.flush()
    return row


def doc_row_from_wire(kind: str, data: Mapping[str, Any]) -> DossierEventRow | RatingRow:
    if kind == "event":
        return DossierEventRow(**_values_from_wire(_EVENT_TABLE, data))
    if kind == "rating":
        return RatingRow(**_values_from_wire(_RATING_TABLE, data))
    raise WireError(f"unknown kind {kind!r}")


def calendar_from_wire(document: Any) -> list[CalendarOverride]:
    """The ``calendar`` document: ``{"overrides": [{"day", "kind", "note"}]}``."""
    if not isinstance(document, Mapping) or not isinstance(document.get("overrides"), list):
        raise WireError("calendar: expected {'overrides': [...]}")
    result = []
    for item in document["overrides"]:
        if not isinstance(item, Mapping):
            raise WireError("calendar: each override must be an object")
        try:
            day = date.fromisoformat(item["day"])
        except (KeyError, TypeError, ValueError):
            raise WireError(f"calendar: bad day {item.get('day')!r}") from None
        kind, note = item.get("kind"), item.get("note", "")
        if not isinstance(kind, str) or not isinstance(note, str):
            raise WireError("calendar: kind and note must be text")
        result.append(CalendarOverride(day=day, kind=kind, note=note))
    return result


def unit_settings_from_wire(document: Any) -> dict[str, str]:
    """The ``unit_settings`` document: the printed unit fields, text only."""
    if not isinstance(document, Mapping):
        raise WireError("unit_settings: expected an object")
    values: dict[str, str] = {}
    for key in UNIT_SETTINGS_FIELDS:
        if key in document:
            value = document[key]
            if not isinstance(value, str):
                raise WireError(f"unit_settings: {key} must be text")
            values[key] = value
    return values


# -- conflicts -------------------------------------------------------------------------------


def record_conflict(
    s: Session,
    *,
    dossier_id: str,
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    server_rev: int,
    now: datetime,
) -> bool:
    """Record (or refresh) the open conflict of a dossier; True when new.

    One open conflict per dossier: a later detection updates it with the
    newest local and server versions.
    """
    current = s.scalars(
        select(SyncConflictRow).where(
            SyncConflictRow.dossier_id == dossier_id, SyncConflictRow.resolved_at.is_(None)
        )
    ).first()
    local_json = json.dumps(local, ensure_ascii=False, sort_keys=True)
    server_json = json.dumps(server, ensure_ascii=False, sort_keys=True)
    if current is not None:
        current.local_json = local_json
        if server_rev >= current.server_rev:
            current.server_json = server_json
            current.server_rev = server_rev
        return False
    s.add(
        SyncConflictRow(
            id=str(uuid.uuid4()),
            dossier_id=dossier_id,
            detected_at=now,
            local_json=local_json,
            server_json=server_json,
            server_rev=server_rev,
            resolution="",
        )
    )
    return True


def open_conflict_ids(s: Session) -> set[str]:
    return set(
        s.scalars(select(SyncConflictRow.dossier_id).where(SyncConflictRow.resolved_at.is_(None)))
    )


def differences(local: Mapping[str, Any], server: Mapping[str, Any]) -> list[str]:
    """Fields whose values differ (components compared as a whole)."""
    keys = (set(local) | set(server)) - BOOKKEEPING_FIELDS
    return sorted(k for k in keys if local.get(k) != server.get(k))


# -- applying a pulled page --------------------------------------------------------------------


@dataclass
class PageOutcome:
    applied: int = 0  # rows inserted or replaced (catalog counts as one)
    conflicts: int = 0  # new conflicts
    skipped: list[dict[str, Any]] = field(default_factory=list)  # refused, with why
    parked: list[dict[str, Any]] = field(default_factory=list)  # waiting for their dossier


def _skip(change: Mapping[str, Any], reason: str, detail: str = "") -> dict[str, Any]:
    data = change.get("data")
    return {
        "rev": change.get("rev"),
        "kind": change.get("kind"),
        "id": data.get("id") if isinstance(data, Mapping) else None,
        "reason": reason,
        "detail": detail,
    }


def _dossier_exists(s: Session, dossier_id: Any) -> bool:
    if not isinstance(dossier_id, str):
        return False
    return s.scalar(select(DossierRow.pk).where(DossierRow.id == dossier_id)) is not None


def apply_page(
    s: Session,
    changes: Sequence[Mapping[str, Any]],
    *,
    catalog: CatalogService,
    unit_code: str,
    parked: Sequence[Mapping[str, Any]] = (),
    now: datetime,
) -> PageOutcome:
    """Apply pulled dossiers, events, ratings and the catalog in the caller's transaction.

    ``calendar`` and ``unit_settings`` changes are the caller's (they go through
    the settings service). A dossier with a pending outbox entry or an open
    conflict is never overwritten: the pulled version becomes (or refreshes) a
    conflict. Events and ratings are inserted when new; one whose dossier has
    not arrived yet (its dossier's latest revision may come in a later page)
    is returned in ``parked`` for the caller to keep and offer again.
    """
    out = PageOutcome()
    catalogs = [c for c in changes if c.get("kind") == "catalog"]
    if catalogs:
        latest = max(catalogs, key=lambda c: int(c.get("rev") or 0))
        try:
            procedures = parse_catalog(json.dumps(latest.get("data"), ensure_ascii=False))
        except CatalogError as exc:
            out.skipped.append(_skip(latest, "invalid", "; ".join(exc.problems)[:500]))
        else:
            with s.begin_nested():
                catalog.load_into(s, procedures, replace=True)
            out.applied += 1

    dossiers = [c for c in changes if c.get("kind") == "dossier"]
    ids = [c["data"].get("id") for c in dossiers if isinstance(c.get("data"), Mapping)]
    protected = open_conflict_ids(s)
    if ids:
        protected |= set(
            s.scalars(
                select(OutboxRow.entity_id).where(
                    OutboxRow.kind == "dossier", OutboxRow.entity_id.in_(ids)
                )
            )
        )
    for change in dossiers:
        _apply_dossier(s, change, protected, unit_code, now, out)

    docs = [dict(p) for p in parked]
    docs += [dict(c) for c in changes if c.get("kind") in ("event", "rating")]
    for change in docs:
        _apply_doc(s, change, out)
    return out


def _apply_dossier(
    s: Session,
    change: Mapping[str, Any],
    protected: set[str],
    unit_code: str,
    now: datetime,
    out: PageOutcome,
) -> None:
    data = change.get("data")
    rev = change.get("rev")
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        out.skipped.append(_skip(change, "invalid", "no dossier id"))
        return
    if not isinstance(rev, int):
        out.skipped.append(_skip(change, "invalid", "no revision"))
        return
    if data.get("unit_code") != unit_code:
        out.skipped.append(_skip(change, "wrong_unit"))
        return
    dossier_id = data["id"]
    local = load_dossier(s, dossier_id)
    if local is not None and local.server_rev is not None and rev <= local.server_rev:
        return  # already have this version or a newer one
    if local is not None and dossier_id in protected:
        if record_conflict(
            s,
            dossier_id=dossier_id,
            local=dossier_to_wire(local),
            server=dict(data),
            server_rev=rev,
            now=now,
        ):
            out.conflicts += 1
        return
    clash = s.scalar(
        select(DossierRow.id).where(
            DossierRow.code == data.get("code"), DossierRow.id != dossier_id
        )
    )
    if clash is not None:
        # Two devices were given the same slot: keep ours, tell the officer.
        out.skipped.append(_skip(change, "duplicate_code", f"local dossier {clash}"))
        return
    try:
        with s.begin_nested():
            write_dossier(s, data, rev=rev, existing=local)
    except WireError as exc:
        out.skipped.append(_skip(change, "invalid", str(exc)[:500]))
        return
    except IntegrityError as exc:
        out.skipped.append(_skip(change, "integrity", str(exc.orig)[:500]))
        return
    out.applied += 1


def _apply_doc(s: Session, change: dict[str, Any], out: PageOutcome) -> None:
    kind = change.get("kind")
    data = change.get("data")
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        out.skipped.append(_skip(change, "invalid", "no id"))
        return
    model = DossierEventRow if kind == "event" else RatingRow
    if s.get(model, data["id"]) is not None:
        return  # append-only: the same id is the same record
    if not _dossier_exists(s, data.get("dossier_id")):
        out.parked.append(change)
        return
    try:
        row = doc_row_from_wire(str(kind), data)
    except WireError as exc:
        out.skipped.append(_skip(change, "invalid", str(exc)[:500]))
        return
    try:
        with s.begin_nested():
            s.add(row)
            s.flush()
    except IntegrityError as exc:
        out.skipped.append(_skip(change, "integrity", str(exc.orig)[:500]))
        return
    out.applied += 1


__all__ = [
    "DOSSIER_LOCAL_ONLY",
    "PageOutcome",
    "WireError",
    "apply_page",
    "bump_code_counter",
    "calendar_from_wire",
    "differences",
    "doc_row_from_wire",
    "dossier_to_wire",
    "event_to_wire",
    "load_dossier",
    "open_conflict_ids",
    "rating_to_wire",
    "record_conflict",
    "unit_settings_from_wire",
    "write_dossier",
]
