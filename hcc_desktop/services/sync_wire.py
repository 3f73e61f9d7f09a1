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
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
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


@dataclass(frozen=True)
class WireDossier:
    """A dossier's wire form, checked: column values, component lines, search text."""

    values: dict[str, Any]
    lines: list[dict[str, Any]]
    search_text: str

    @property
    def id(self) -> str:
        return str(self.values["id"])

    @property
    def code(self) -> str:
        return str(self.values["code"])


def parse_dossier(data: Mapping[str, Any]) -> WireDossier:
    """Check a dossier's wire form without touching any session; WireError if malformed."""
    values = _values_from_wire(_DOSSIER_TABLE, data, DOSSIER_LOCAL_ONLY)
    lines = _component_values(data.get("components"))
    try:
        # What the app reads back must be valid (statuses, channels, people …);
        # the probe row is never added to a session.
        submitter = dossier_from_row(DossierRow(**values)).submitter
    except (ValueError, KeyError, TypeError) as exc:
        raise WireError(f"dossier {values['id']}: {exc}") from exc
    text = search_text(
        code=values["code"],
        owner_name=values["owner_name"],
        owner_id_number=values["owner_id_number"],
        owner_phone=values["owner_phone"],
        procedure_code=values["procedure_code"],
        procedure_name=values["procedure_name"],
        submitter=submitter,
    )
    return WireDossier(values, lines, text)


def ensure_procedures(s: Session, dossiers: Iterable[WireDossier]) -> None:
    """A dossier may name a procedure this device's catalog lacks (published
    later, or a province's extra one): keep the dossier, with an inactive
    placeholder procedure that a later catalog replaces."""
    wanted = {d.values["procedure_code"]: d.values for d in dossiers}
    if not wanted:
        return
    with s.no_autoflush:
        known = set(s.scalars(select(ProcedureRow.code).where(ProcedureRow.code.in_(wanted))))
    missing = [values for code, values in wanted.items() if code not in known]
    for values in missing:
        code = values["procedure_code"]
        name = values.get("procedure_name") or code
        s.add(
            ProcedureRow(
                code=code,
                name=name,
                field=values.get("procedure_field") or "",
                processing_days=values.get("processing_days") or 0,
                active=False,
                search_key=f"{fold(code)} {fold(name)}",
                updated_at=datetime.now(UTC),
                version=1,
            )
        )
    if missing:
        s.flush()  # before the dossiers that refer to them


def bump_code_counters(s: Session, codes: Iterable[str]) -> None:
    """Never hand out again a code that exists elsewhere: after a reinstall
    (same device id, same slot) or when this device later takes over a freed
    slot, the local counter of that slot and day must be past every code seen."""
    highest: dict[tuple[str, str, int], int] = {}
    for code in codes:
        m = CODE_PATTERN.match(code)
        if m is None:
            continue
        slot, seq = divmod(int(m["seq"]), BLOCK)
        key = (m["unit"], m["day"], slot)
        if seq > highest.get(key, 0):
            highest[key] = seq
    for key, seq in highest.items():
        counter = s.get(CodeCounter, key)
        if counter is None:
            s.add(CodeCounter(unit_code=key[0], day=key[1], device_slot=key[2], last_seq=seq))
        elif counter.last_seq < seq:
            counter.last_seq = seq


def _insert_dossier(s: Session, wd: WireDossier, rev: int) -> DossierRow:
    row = DossierRow(**wd.values)
    row.components = [DossierComponentRow(dossier_id=wd.id, **line) for line in wd.lines]
    row.search_text = wd.search_text
    row.server_rev = rev
    s.add(row)
    return row


def _replace_dossier(s: Session, row: DossierRow, wd: WireDossier, rev: int) -> DossierRow:
    for name, value in wd.values.items():
        setattr(row, name, value)
    # Delete the old lines before inserting new ones with the same ids.
    row.components.clear()
    s.flush()
    row.components.extend(DossierComponentRow(dossier_id=row.id, **line) for line in wd.lines)
    row.search_text = wd.search_text
    row.server_rev = rev
    return row


def write_dossier(
    s: Session, data: Mapping[str, Any], *, rev: int, existing: DossierRow | None
) -> DossierRow:
    """Insert or replace one dossier (components too) from its wire form.

    Recomputes the search text, records ``rev`` as the server revision seen and
    bumps the code counter. A malformed record raises WireError before the
    session is touched.
    """
    wd = parse_dossier(data)
    ensure_procedures(s, [wd])
    if existing is None:
        row = _insert_dossier(s, wd, rev)
    else:
        row = _replace_dossier(s, existing, wd, rev)
    bump_code_counters(s, [wd.code])
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


def _in_chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _add_all(
    s: Session,
    items: Sequence[tuple[Mapping[str, Any], Callable[[], Any]]],
    out: PageOutcome,
) -> list[Mapping[str, Any]]:
    """Run every ``add`` in one savepoint; if the database refuses one of them,
    again one by one so that only the faulty records are skipped. Returns the
    changes applied."""
    if not items:
        return []
    try:
        with s.begin_nested():
            for _change, add in items:
                add()
            s.flush()
        return [change for change, _add in items]
    except IntegrityError:
        pass
    done = []
    for change, add in items:
        try:
            with s.begin_nested():
                add()
                s.flush()
            done.append(change)
        except IntegrityError as exc:
            out.skipped.append(_skip(change, "integrity", str(exc.orig)[:500]))
    return done


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
    is returned in ``parked`` for the caller to keep and offer again. Records
    the device cannot take are returned in ``skipped`` with the reason.
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
    _apply_dossiers(s, [c for c in changes if c.get("kind") == "dossier"], unit_code, now, out)
    docs = [*parked, *(c for c in changes if c.get("kind") in ("event", "rating"))]
    _apply_docs(s, docs, out)
    return out


def _apply_dossiers(
    s: Session,
    changes: Sequence[Mapping[str, Any]],
    unit_code: str,
    now: datetime,
    out: PageOutcome,
) -> None:
    latest: dict[str, Mapping[str, Any]] = {}
    for change in changes:
        data, rev = change.get("data"), change.get("rev")
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            out.skipped.append(_skip(change, "invalid", "no dossier id"))
        elif not isinstance(rev, int) or isinstance(rev, bool):
            out.skipped.append(_skip(change, "invalid", "no revision"))
        elif data.get("unit_code") != unit_code:
            out.skipped.append(_skip(change, "wrong_unit"))
        elif data["id"] not in latest or rev > latest[data["id"]]["rev"]:
            latest[data["id"]] = change
    if not latest:
        return
    ids = list(latest)
    local: dict[str, DossierRow] = {}
    pending: set[str] = set()
    code_owner: dict[str, str] = {}
    codes = [str(c["data"].get("code")) for c in latest.values()]
    for chunk in _in_chunks(ids):
        local.update(
            (r.id, r)
            for r in s.scalars(
                select(DossierRow)
                .options(selectinload(DossierRow.components))
                .where(DossierRow.id.in_(chunk))
            )
        )
        pending.update(
            s.scalars(
                select(OutboxRow.entity_id).where(
                    OutboxRow.kind == "dossier", OutboxRow.entity_id.in_(chunk)
                )
            )
        )
    for chunk in _in_chunks(codes):
        query = select(DossierRow.code, DossierRow.id).where(DossierRow.code.in_(chunk))
        code_owner.update((code, dossier_id) for code, dossier_id in s.execute(query))
    protected = pending | open_conflict_ids(s)

    inserts: list[tuple[Mapping[str, Any], WireDossier]] = []
    updates: list[tuple[Mapping[str, Any], WireDossier, DossierRow]] = []
    for change in sorted(latest.values(), key=lambda c: int(c["rev"])):
        data, rev = change["data"], int(change["rev"])
        row = local.get(data["id"])
        if row is not None and row.server_rev is not None and rev <= row.server_rev:
            continue  # already have this version or a newer one
        if row is not None and row.id in protected:
            if record_conflict(
                s,
                dossier_id=row.id,
                local=dossier_to_wire(row),
                server=dict(data),
                server_rev=rev,
                now=now,
            ):
                out.conflicts += 1
            continue
        owner = code_owner.get(str(data.get("code")))
        if owner is not None and owner != data["id"]:
            # Two devices were given the same slot: keep ours, tell the officer.
            out.skipped.append(_skip(change, "duplicate_code", f"local dossier {owner}"))
            continue
        try:
            wd = parse_dossier(data)
        except WireError as exc:
            out.skipped.append(_skip(change, "invalid", str(exc)[:500]))
            continue
        code_owner[wd.code] = wd.id
        if row is None:
            inserts.append((change, wd))
        else:
            updates.append((change, wd, row))

    ensure_procedures(s, [wd for _c, wd in inserts] + [wd for _c, wd, _r in updates])
    applied = _add_all(
        s,
        [(c, partial(_insert_dossier, s, wd, int(c["rev"]))) for c, wd in inserts],
        out,
    )
    applied += _add_all(
        s,
        [(c, partial(_replace_dossier, s, row, wd, int(c["rev"]))) for c, wd, row in updates],
        out,
    )
    bump_code_counters(s, [str(c["data"]["code"]) for c in applied])
    out.applied += len(applied)


def _apply_docs(s: Session, changes: Sequence[Mapping[str, Any]], out: PageOutcome) -> None:
    wanted: dict[tuple[str, str], Mapping[str, Any]] = {}
    for change in changes:
        kind, data = change.get("kind"), change.get("data")
        if kind not in ("event", "rating"):
            continue
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            out.skipped.append(_skip(change, "invalid", "no id"))
            continue
        wanted.setdefault((str(kind), data["id"]), change)
    if not wanted:
        return
    existing: set[tuple[str, str]] = set()
    for kind, model in (("event", DossierEventRow), ("rating", RatingRow)):
        ids = [i for k, i in wanted if k == kind]
        for chunk in _in_chunks(ids):
            existing.update(
                (kind, i) for i in s.scalars(select(model.id).where(model.id.in_(chunk)))
            )
    dossier_ids = sorted({str(c["data"].get("dossier_id")) for c in wanted.values()})
    present: set[str] = set()
    for chunk in _in_chunks(dossier_ids):
        present.update(s.scalars(select(DossierRow.id).where(DossierRow.id.in_(chunk))))
    rows: list[tuple[Mapping[str, Any], Callable[[], Any]]] = []
    for key, change in wanted.items():
        if key in existing:
            continue  # append-only: the same id is the same record
        if change["data"].get("dossier_id") not in present:
            out.parked.append(dict(change))
            continue
        try:
            row = doc_row_from_wire(key[0], change["data"])
        except WireError as exc:
            out.skipped.append(_skip(change, "invalid", str(exc)[:500]))
            continue
        rows.append((change, partial(s.add, row)))
    out.applied += len(_add_all(s, rows, out))


__all__ = [
    "DOSSIER_LOCAL_ONLY",
    "PageOutcome",
    "WireDossier",
    "WireError",
    "apply_page",
    "bump_code_counters",
    "calendar_from_wire",
    "differences",
    "doc_row_from_wire",
    "dossier_to_wire",
    "ensure_procedures",
    "event_to_wire",
    "load_dossier",
    "open_conflict_ids",
    "parse_dossier",
    "rating_to_wire",
    "record_conflict",
    "unit_settings_from_wire",
    "write_dossier",
]
