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
import sqlite3
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, Integer, Table, func, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session, selectinload

from hcc_desktop.core.clock import to_local
from hcc_desktop.core.domain import CalendarOverride, DocForm
from hcc_desktop.core.text import fold
from hcc_desktop.db.models import (
    AccessLogRow,
    CodeCounter,
    ComplaintRow,
    DossierComponentRow,
    DossierEventRow,
    DossierRow,
    FieldSessionRow,
    HomeResidentRow,
    HomeVisitRow,
    ProcedureRow,
    RatingRow,
    SyncConflictRow,
)
from hcc_desktop.services.dossiers.codes import BLOCK
from hcc_desktop.services.dossiers.query import dossier_from_row, search_text

# Columns that never travel: local row number, folded search text, sync bookkeeping.
DOSSIER_LOCAL_ONLY = frozenset({"pk", "search_text", "server_rev"})
# Fields left out when telling an officer how two versions of a dossier differ.
BOOKKEEPING_FIELDS = frozenset({"version", "updated_at", "created_at"})
UNIT_SETTINGS_FIELDS = ("unit_name", "parent_body", "place_name", "public_lookup_url", "unit_phone")
CODE_PATTERN = re.compile(r"^(?P<unit>.+)-(?P<day>\d{6})-(?P<seq>\d{4})$")

_DOSSIER_TABLE: Table = DossierRow.__table__  # type: ignore[assignment]
_COMPONENT_TABLE: Table = DossierComponentRow.__table__  # type: ignore[assignment]
_EVENT_TABLE: Table = DossierEventRow.__table__  # type: ignore[assignment]
_ACCESS_TABLE: Table = AccessLogRow.__table__  # type: ignore[assignment]
_RATING_TABLE: Table = RatingRow.__table__  # type: ignore[assignment]
_COMPLAINT_TABLE: Table = ComplaintRow.__table__  # type: ignore[assignment]
_SESSION_TABLE: Table = FieldSessionRow.__table__  # type: ignore[assignment]
_RESIDENT_TABLE: Table = HomeResidentRow.__table__  # type: ignore[assignment]
_VISIT_TABLE: Table = HomeVisitRow.__table__  # type: ignore[assignment]
_COUNTER_TABLE: Table = CodeCounter.__table__  # type: ignore[assignment]


class WireError(ValueError):
    """A wire record that cannot become a row (missing or ill-typed field)."""


# -- columns -------------------------------------------------------------------------------

# How a column's value travels: ISO text for dates and times, JSON scalars otherwise.
_TEXT, _INT, _BOOL, _DATE, _DATETIME, _DATETIME_UTC = range(6)


@dataclass(frozen=True, slots=True)
class _Column:
    name: str
    kind: int
    nullable: bool
    primary_key: bool
    default: Any  # the column's scalar default (None when it has none)
    has_default: bool


@cache
def _columns(table: Table) -> tuple[_Column, ...]:
    """The columns of ``table``, read once from its definition (pulls check
    every value of tens of thousands of rows against them)."""
    found = []
    for column in table.columns:
        kind_type = column.type
        if isinstance(kind_type, DateTime):
            kind = _DATETIME_UTC if kind_type.timezone else _DATETIME
        elif isinstance(kind_type, Date):
            kind = _DATE
        elif isinstance(kind_type, Boolean):
            kind = _BOOL
        elif isinstance(kind_type, Integer):
            kind = _INT
        else:
            kind = _TEXT
        default = column.default
        found.append(
            _Column(
                name=column.name,
                kind=kind,
                nullable=bool(column.nullable),
                primary_key=column.primary_key,
                # The models' defaults are plain values; a computed one is not
                # applied to pulled rows (a missing NOT NULL value is refused).
                default=getattr(default, "arg", None) if default and default.is_scalar else None,
                has_default=default is not None,
            )
        )
    return tuple(found)


# -- values ------------------------------------------------------------------------------


def _to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_wire(column: _Column, value: Any) -> Any:
    name, kind = column.name, column.kind
    if value is None:
        if not column.nullable and not column.primary_key:
            raise WireError(f"{name} must not be null")
        return None
    if kind == _TEXT:
        if not isinstance(value, str):
            raise WireError(f"{name} must be text")
        return value
    if kind == _INT:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise WireError(f"{name} must be an integer")
    if kind == _BOOL:
        if isinstance(value, bool) or value in (0, 1):
            return bool(value)
        raise WireError(f"{name} must be true or false")
    try:
        if kind == _DATE:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise WireError(f"{name}: not an ISO 8601 date/time: {value!r}") from None
    if moment.tzinfo is not None:
        moment = (
            moment.astimezone(UTC).replace(tzinfo=None)
            if kind == _DATETIME_UTC
            else to_local(moment)
        )
    return moment


# How SQLAlchemy reads stored dates and times back on SQLite.
_READ_DATE = sqlite.DATE().result_processor(sqlite.dialect(), None)
_READ_DATETIME = sqlite.DATETIME().result_processor(sqlite.dialect(), None)


def _date_wire(stored: Any) -> Any:
    if isinstance(stored, str) and len(stored) == 10:
        return stored  # already "YYYY-MM-DD"
    return _to_wire(_READ_DATE(stored) if _READ_DATE else stored)


def _datetime_wire(stored: Any) -> Any:
    """Stored text to the wire's ISO text, as reading it with SQLAlchemy and
    ``isoformat()`` gives: the stored form is ``YYYY-MM-DD HH:MM:SS.ffffff``,
    and ``isoformat()`` leaves out a zero fraction."""
    if isinstance(stored, str) and len(stored) == 26 and stored[10] == " " and stored[19] == ".":
        time_part = stored[11:19] if stored.endswith(".000000") else stored[11:]
        return f"{stored[:10]}T{time_part}"
    return _to_wire(_READ_DATETIME(stored) if _READ_DATETIME else stored)


# Stored value (as SQLite returns it) → wire value, for the columns that need it.
_STORED_TO_WIRE: dict[int, Callable[[Any], Any]] = {
    _BOOL: bool,
    _DATE: _date_wire,
    _DATETIME: _datetime_wire,
    _DATETIME_UTC: _datetime_wire,
}


class _WireShape:
    """The travelling columns of a table, in table order, and which need ISO text."""

    def __init__(self, table: Table, skip: Iterable[str] = ()) -> None:
        skipped = set(skip)
        self.table = table
        columns = [c for c in _columns(table) if c.name not in skipped]
        self.names = tuple(c.name for c in columns)
        self.dated = tuple(c.name for c in columns if c.kind >= _DATE)
        self._from_stored = tuple(
            (i, _STORED_TO_WIRE[c.kind]) for i, c in enumerate(columns) if c.kind in _STORED_TO_WIRE
        )
        self.sql_columns = ", ".join(f'"{name}"' for name in self.names)

    def from_stored(self, row: Sequence[Any]) -> dict[str, Any]:
        """The wire form of a row read through the driver (no SQLAlchemy
        result processing: a push reads every queued row)."""
        values = list(row)
        for i, convert in self._from_stored:
            if values[i] is not None:
                values[i] = convert(values[i])
        return dict(zip(self.names, values, strict=True))

    def from_values(self, values: Iterable[Any]) -> dict[str, Any]:
        data = dict(zip(self.names, values, strict=True))
        for name in self.dated:
            value = data[name]
            if value is not None:
                data[name] = _to_wire(value)
        return data

    def from_object(self, row: Any) -> dict[str, Any]:
        return self.from_values([getattr(row, name) for name in self.names])


_DOSSIER_WIRE = _WireShape(_DOSSIER_TABLE, DOSSIER_LOCAL_ONLY)
_COMPONENT_WIRE = _WireShape(_COMPONENT_TABLE, ("dossier_id",))
_DOC_WIRES = {
    "event": _WireShape(_EVENT_TABLE),
    "rating": _WireShape(_RATING_TABLE),
    "complaint": _WireShape(_COMPLAINT_TABLE),
    "field_session": _WireShape(_SESSION_TABLE),
    "home_resident": _WireShape(_RESIDENT_TABLE),
    "home_visit": _WireShape(_VISIT_TABLE),
    # The access log (issue 12 item 4): pushed so the server keeps it in the unit's
    # chain; never pulled (each device's log is its own chain).
    "access": _WireShape(_ACCESS_TABLE),
}


def _values_from_wire(
    table: Table, data: Mapping[str, Any], skip: Collection[str] = ()
) -> dict[str, Any]:
    """Column values of ``table`` found in ``data``; unknown keys (a newer
    device's columns) are ignored, missing non-null columns refused."""
    if not isinstance(data, Mapping):
        raise WireError("data must be an object")
    values: dict[str, Any] = {}
    for column in _columns(table):
        name = column.name
        if name in skip:
            continue
        if name in data:
            value = data[name]
            # Plain text and integers, most of a record, without a call.
            kind = column.kind
            if (kind == _TEXT and type(value) is str) or (kind == _INT and type(value) is int):
                values[name] = value
            else:
                values[name] = _from_wire(column, value)
        elif not column.nullable and not column.has_default and not column.primary_key:
            raise WireError(f"{name} is missing")
    if "id" in table.columns and not values.get("id"):
        raise WireError("id is missing")
    return values


def _datetime_text(value: datetime) -> str:
    return value.isoformat(" ", "microseconds")


# Python value → the form SQLAlchemy stores on SQLite (its default DATETIME
# storage format is exactly ``isoformat(" ", "microseconds")``, DATE is ISO,
# booleans 0/1); text and integers are stored as they are.
_STORE: dict[int, Callable[[Any], Any]] = {
    _BOOL: int,
    _DATE: date.isoformat,
    _DATETIME: _datetime_text,
    _DATETIME_UTC: _datetime_text,
}
# Rows per multi-row INSERT: bounded by SQLite's limit on parameters too.
_ROWS_PER_INSERT = 500


class _RowWriter:
    """Writes rows of one table with plain SQL through the driver.

    A pull writes tens of thousands of rows: SQLAlchemy's per-row parameter
    processing cost more than SQLite's own work, so values are put in their
    stored form here. Rows go in multi-row INSERT statements: SQLite's FTS5
    flushes its pending index data at the end of each statement, so the
    dossiers' index trigger fired once per statement of one row (executemany)
    cost three times the insert itself. A value missing from the wire gets
    the column's default, as an ORM insert would.
    """

    def __init__(self, table: Table, skip: Collection[str] = ()) -> None:
        self.table = table
        columns = tuple(c for c in _columns(table) if c.name not in skip)
        self._columns = columns
        names = [c.name for c in columns]
        self._id_index = names.index("id") if "id" in names else None
        self._kinds = {c.name: c.kind for c in columns}
        self._defaults = tuple((c.name, c.default) for c in columns)
        self._converters = tuple(
            (i, _STORE[c.kind]) for i, c in enumerate(columns) if c.kind in _STORE
        )
        self._names = ", ".join(f'"{c.name}"' for c in columns)
        self._marks = "(" + ", ".join("?" for _ in columns) + ")"

    def row(self, values: Mapping[str, Any]) -> list[Any]:
        stored = [values.get(name, default) for name, default in self._defaults]
        for i, convert in self._converters:
            if stored[i] is not None:
                stored[i] = convert(stored[i])
        return stored

    def row_from_wire(self, data: Any) -> list[Any]:
        """``row(_values_from_wire(table, data))`` for a writer that skips no
        column, in one pass (pulled events and ratings are most of a pull):
        the same checks, the same errors."""
        if not isinstance(data, Mapping):
            raise WireError("data must be an object")
        stored: list[Any] = []
        for column in self._columns:
            kind = column.kind
            if column.name in data:
                value = data[column.name]
                # Plain text and integers, most of a record, without a call.
                if (kind == _TEXT and type(value) is str) or (kind == _INT and type(value) is int):
                    stored.append(value)
                    continue
                value = _from_wire(column, value)
            elif not column.nullable and not column.has_default and not column.primary_key:
                raise WireError(f"{column.name} is missing")
            else:
                value = column.default
            convert = _STORE.get(kind)
            stored.append(convert(value) if convert is not None and value is not None else value)
        if self._id_index is not None and not stored[self._id_index]:
            raise WireError("id is missing")
        return stored

    def insert(self, s: Session, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        connection = s.connection()
        limit = _parameter_limit(connection)
        per_statement = max(1, min(_ROWS_PER_INSERT, limit // len(self._defaults)))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join([self._marks] * len(chunk))
            connection.exec_driver_sql(
                f'INSERT INTO "{self.table.name}" ({self._names}) VALUES {values}',
                tuple(value for row in chunk for value in row),
            )

    def update(self, s: Session, key: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """``UPDATE … SET`` the columns named in each row (rows naming the
        same columns share one statement), ``WHERE key = row[key]``."""
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for values in rows:
            names = tuple(name for name in values if name != key)
            stored = []
            for name in names:
                value = values[name]
                convert = _STORE.get(self._kinds[name])
                stored.append(convert(value) if convert and value is not None else value)
            stored.append(values[key])
            groups.setdefault(names, []).append(tuple(stored))
        for names, params in groups.items():
            assignments = ", ".join(f'"{name}" = ?' for name in names)
            sql = f'UPDATE "{self.table.name}" SET {assignments} WHERE "{key}" = ?'
            s.connection().exec_driver_sql(sql, params)


def _parameter_limit(connection: Any) -> int:
    """SQLite's limit on parameters per statement (999 before SQLite 3.32)."""
    driver = connection.connection.driver_connection
    try:
        return int(driver.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):
        # sqlcipher3 (the encrypted store) has no getlimit; it is built with 250,000.
        return 999


def among(column: Any, values: Iterable[Any]) -> Any:
    """``column IN (values)`` with the values as one JSON parameter: one query
    for any number of ids, and no per-value work compiling the statement
    (SQLite searches the column's index for each value)."""
    listed = func.json_each(json.dumps(list(values))).table_valued("value")
    return column.in_(select(listed.c.value))


# -- rows to wire ---------------------------------------------------------------------------


def dossier_to_wire(row: DossierRow) -> dict[str, Any]:
    """The dossier with its components, as pushed (and compared) on the wire."""
    data = _DOSSIER_WIRE.from_object(row)
    data["components"] = [_COMPONENT_WIRE.from_object(c) for c in row.components]
    return data


def event_to_wire(row: DossierEventRow) -> dict[str, Any]:
    return _DOC_WIRES["event"].from_object(row)


def rating_to_wire(row: RatingRow) -> dict[str, Any]:
    return _DOC_WIRES["rating"].from_object(row)


def load_dossier(s: Session, dossier_id: str) -> DossierRow | None:
    return s.scalars(
        select(DossierRow)
        .options(selectinload(DossierRow.components))
        .where(DossierRow.id == dossier_id)
    ).first()


# A dossier as stored: its row (the wire's columns, then server_rev) and its
# components' rows in order. Equal snapshots give equal wire forms.
DossierSnapshot = tuple[tuple[Any, ...], tuple[tuple[Any, ...], ...]]


def read_dossier_snapshots(s: Session, ids: Sequence[str]) -> dict[str, DossierSnapshot]:
    """``id → snapshot`` of the dossiers among ``ids``, read with plain SQL:
    cheap to compare (has a dossier changed since it was read?) and to turn
    into the wire form (``snapshot_to_wire``)."""
    if not ids:
        return {}
    connection = s.connection()
    listed = (json.dumps(list(ids)),)
    rows = connection.exec_driver_sql(
        f"SELECT {_DOSSIER_WIRE.sql_columns}, server_rev FROM dossiers "
        "WHERE id IN (SELECT value FROM json_each(?))",
        listed,
    ).all()
    components: dict[str, list[tuple[Any, ...]]] = {row[0]: [] for row in rows}
    lines = connection.exec_driver_sql(
        f"SELECT dossier_id, {_COMPONENT_WIRE.sql_columns} FROM dossier_components "
        "WHERE dossier_id IN (SELECT value FROM json_each(?)) ORDER BY position",
        listed,
    ).all()
    for line in lines:
        components[line[0]].append(tuple(line[1:]))
    return {row[0]: (tuple(row), tuple(components[row[0]])) for row in rows}


def snapshot_to_wire(snapshot: DossierSnapshot) -> tuple[int | None, dict[str, Any]]:
    """``(server_rev, wire form)`` of a snapshot, as ``dossier_to_wire`` gives."""
    row, lines = snapshot
    data = _DOSSIER_WIRE.from_stored(row[:-1])
    data["components"] = [_COMPONENT_WIRE.from_stored(line) for line in lines]
    return row[-1], data


def same_dossier(a: DossierSnapshot, b: DossierSnapshot) -> bool:
    """Whether two snapshots hold the same dossier data (``server_rev`` aside)."""
    return a[1] == b[1] and a[0][:-1] == b[0][:-1]


def read_dossier_wires(
    s: Session, ids: Sequence[str]
) -> dict[str, tuple[int | None, dict[str, Any]]]:
    """``id → (server_rev, wire form)`` of the dossiers among ``ids`` (the same
    form as ``dossier_to_wire``), read with plain SQL: building ORM objects
    for thousands of rows cost more than the rest of a push."""
    return {
        dossier_id: snapshot_to_wire(snapshot)
        for dossier_id, snapshot in read_dossier_snapshots(s, ids).items()
    }


def read_doc_wires(s: Session, kind: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``id → wire form`` of the events (``kind="event"``), ratings or complaints among ``ids``."""
    if kind == "account":
        # Not a table copied column for column: services/sync/accounts.
        from hcc_desktop.services.sync.accounts import read_account_wires

        return read_account_wires(s, ids)
    shape = _DOC_WIRES[kind]
    found: dict[str, dict[str, Any]] = {}
    if ids:
        rows = (
            s.connection()
            .exec_driver_sql(
                f'SELECT {shape.sql_columns} FROM "{shape.table.name}" '
                "WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(list(ids)),),
            )
            .all()
        )
        for row in rows:
            data = shape.from_stored(row)
            found[data["id"]] = data
    return found


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


# What an unsaved DossierRow reads as: None for every column, no components.
_EMPTY_DOSSIER: dict[str, Any] = {
    **dict.fromkeys(c.name for c in _columns(_DOSSIER_TABLE)),
    "components": (),
}


def parse_dossier(data: Mapping[str, Any]) -> WireDossier:
    """Check a dossier's wire form without touching any session; WireError if malformed."""
    values = _values_from_wire(_DOSSIER_TABLE, data, DOSSIER_LOCAL_ONLY)
    lines = _component_values(data.get("components"))
    try:
        # What the app reads back must be valid (statuses, channels, people …).
        # A plain namespace stands in for the row: an ORM instance per pulled
        # dossier costs more than the check itself.
        probe = SimpleNamespace(**{**_EMPTY_DOSSIER, **values})
        submitter = dossier_from_row(cast(DossierRow, probe)).submitter
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
    if not highest:
        return
    # One statement for a page's hundreds of days (no counter is held as an
    # object in a session that applies pulled changes).
    table = _COUNTER_TABLE
    upsert = sqlite.insert(table)
    upsert = upsert.on_conflict_do_update(
        index_elements=[table.c.unit_code, table.c.day, table.c.device_slot],
        set_={"last_seq": upsert.excluded.last_seq},
        where=upsert.excluded.last_seq > table.c.last_seq,
    )
    s.execute(
        upsert,
        [
            {"unit_code": unit, "day": day, "device_slot": slot, "last_seq": seq}
            for (unit, day, slot), seq in highest.items()
        ],
    )


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
    """The ``calendar`` document: ``{"overrides": [{"day", "kind", "note", "status",
    "source"}]}`` (status and source optional: "confirmed", "")."""
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
        status, source = item.get("status", "confirmed"), item.get("source", "")
        if not all(isinstance(x, str) for x in (kind, note, status, source)):
            raise WireError("calendar: kind, note, status and source must be text")
        result.append(
            CalendarOverride(
                day=day,
                kind=str(kind),
                note=note,
                # An unknown status from a newer server is applied but flagged.
                status=status if status in ("confirmed", "to_confirm") else "to_confirm",
                source=str(source),
            )
        )
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
