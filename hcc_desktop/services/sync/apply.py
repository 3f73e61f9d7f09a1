"""Applying a pulled page of changes to the device's store, in one transaction.

The wire format of each record lives in ``wire``; this module writes a page of
them (dossiers, events, ratings, complaints, field records) with their parking,
conflicts and skips.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hcc_desktop.core.errors import CatalogError
from hcc_desktop.db.models import (
    OutboxRow,
    SyncConflictRow,
)
from hcc_desktop.services.catalog import CatalogService, parse_catalog
from hcc_desktop.services.sync.accounts import ACCOUNT_KIND, apply_accounts
from hcc_desktop.services.sync.wire import (
    _COMPLAINT_TABLE,
    _COMPONENT_TABLE,
    _DOSSIER_TABLE,
    _EVENT_TABLE,
    _RATING_TABLE,
    _RESIDENT_TABLE,
    _SESSION_TABLE,
    _VISIT_TABLE,
    DOSSIER_LOCAL_ONLY,
    DossierSnapshot,
    WireDossier,
    WireError,
    _RowWriter,
    among,
    bump_code_counters,
    calendar_from_wire,
    differences,
    doc_row_from_wire,
    dossier_to_wire,
    ensure_procedures,
    event_to_wire,
    load_dossier,
    open_conflict_ids,
    parse_dossier,
    rating_to_wire,
    read_doc_wires,
    read_dossier_snapshots,
    read_dossier_wires,
    record_conflict,
    same_dossier,
    snapshot_to_wire,
    unit_settings_from_wire,
    write_dossier,
)

# -- applying a pulled page --------------------------------------------------------------------


@dataclass
class PageOutcome:
    applied: int = 0  # rows inserted or replaced (catalog counts as one)
    conflicts: int = 0  # new conflicts
    skipped: list[dict[str, Any]] = field(default_factory=list)  # refused, with why
    parked: list[dict[str, Any]] = field(default_factory=list)  # waiting for their dossier
    catalog: bool = False  # the procedure catalog was replaced
    accounts: int = 0  # officer accounts taken (counted apart from the unit's records)
    account_clashes: list[dict[str, Any]] = field(default_factory=list)  # not taken: why


def _skip(change: Mapping[str, Any], reason: str, detail: str = "") -> dict[str, Any]:
    data = change.get("data")
    return {
        "rev": change.get("rev"),
        "kind": change.get("kind"),
        "id": data.get("id") if isinstance(data, Mapping) else None,
        "reason": reason,
        "detail": detail,
    }


_T = TypeVar("_T")


def _in_savepoints(
    s: Session,
    items: Sequence[tuple[Mapping[str, Any], _T]],
    write: Callable[[Session, Sequence[_T]], None],
    out: PageOutcome,
) -> list[Mapping[str, Any]]:
    """``write`` every item in one savepoint; if the database refuses one of
    them, again one by one so that only the faulty records are skipped.
    Returns the changes applied."""
    if not items:
        return []
    try:
        with s.begin_nested():
            write(s, [item for _change, item in items])
        return [change for change, _item in items]
    except IntegrityError:
        pass
    done = []
    for change, item in items:
        try:
            with s.begin_nested():
                write(s, [item])
            done.append(change)
        except IntegrityError as exc:
            out.skipped.append(_skip(change, "integrity", str(exc.orig)[:500]))
    return done


_DOSSIER_WRITER = _RowWriter(_DOSSIER_TABLE, ("pk",))
_COMPONENT_WRITER = _RowWriter(_COMPONENT_TABLE)
_DOC_WRITERS = {"event": _RowWriter(_EVENT_TABLE), "rating": _RowWriter(_RATING_TABLE)}
_COMPLAINT_WRITER = _RowWriter(_COMPLAINT_TABLE)
# Field work (issue 13): kind -> (table, writer, the column naming the record it
# needs first and that record's table).
_FIELD_KINDS: dict[str, tuple[Table, _RowWriter, str | None, Table | None]] = {
    "field_session": (_SESSION_TABLE, _RowWriter(_SESSION_TABLE), None, None),
    "home_resident": (_RESIDENT_TABLE, _RowWriter(_RESIDENT_TABLE), None, None),
    "home_visit": (_VISIT_TABLE, _RowWriter(_VISIT_TABLE), "resident_id", _RESIDENT_TABLE),
}


@dataclass(frozen=True)
class _DossierWrite:
    """A pulled dossier to write: its checked form, its revision and, for
    one held here, the search text it has now."""

    wd: WireDossier
    rev: int
    old_search_text: str | None = None


def _insert_lines(s: Session, writes: Sequence[_DossierWrite]) -> None:
    _COMPONENT_WRITER.insert(
        s,
        [
            _COMPONENT_WRITER.row({**line, "dossier_id": w.wd.id})
            for w in writes
            for line in w.wd.lines
        ],
    )


def _insert_dossiers(s: Session, writes: Sequence[_DossierWrite]) -> None:
    rows = [
        _DOSSIER_WRITER.row({**w.wd.values, "search_text": w.wd.search_text, "server_rev": w.rev})
        for w in writes
    ]
    _DOSSIER_WRITER.insert(s, rows)  # dossiers_fts_ai indexes each new row
    _insert_lines(s, writes)


def _update_dossiers(s: Session, writes: Sequence[_DossierWrite]) -> None:
    # Only the columns the wire carries are replaced (an older sender's record
    # leaves a newer column as it is). search_text is set only when it
    # changes: dossiers_fts_au re-indexes every row whose UPDATE names it,
    # and that costs more than the rest of the update.
    rows = []
    for w in writes:
        values = {**w.wd.values, "server_rev": w.rev}
        if w.wd.search_text != w.old_search_text:
            values["search_text"] = w.wd.search_text
        rows.append(values)
    _DOSSIER_WRITER.update(s, "id", rows)
    # Delete the old lines before inserting new ones with the same ids.
    lines = _COMPONENT_TABLE.c
    s.execute(delete(_COMPONENT_TABLE).where(among(lines.dossier_id, [w.wd.id for w in writes])))
    _insert_lines(s, writes)


def _insert_docs(s: Session, rows: Sequence[tuple[str, list[Any]]]) -> None:
    for kind, writer in _DOC_WRITERS.items():
        writer.insert(s, [row for row_kind, row in rows if row_kind == kind])


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
            out.catalog = True
    _apply_dossiers(s, [c for c in changes if c.get("kind") == "dossier"], unit_code, now, out)
    docs = [*parked, *(c for c in changes if c.get("kind") in ("event", "rating"))]
    _apply_docs(s, [c for c in docs if c.get("kind") in ("event", "rating")], out)
    complaints = [c for c in docs if c.get("kind") == "complaint"]
    complaints += [c for c in changes if c.get("kind") == "complaint"]
    _apply_complaints(s, complaints, unit_code, out)
    # Residents before the visits that name them.
    for kind in _FIELD_KINDS:
        wanted = [c for c in (*parked, *changes) if c.get("kind") == kind]
        _apply_versioned(s, kind, wanted, unit_code, out)
    accounts = [c for c in changes if c.get("kind") == ACCOUNT_KIND]
    if accounts:
        taken = apply_accounts(
            s, accounts, unit_code=unit_code, at=now.isoformat(timespec="seconds")
        )
        out.accounts += taken.applied
        out.account_clashes += taken.clashes
        out.skipped += taken.skipped
    return out


def _apply_versioned(
    s: Session, kind: str, changes: Sequence[Mapping[str, Any]], unit_code: str, out: PageOutcome
) -> None:
    """Field work records (a Saturday session, a resident of the home-service
    register, a home visit): the newest ``version`` wins; one changed here and
    not pushed yet is kept (its push brings it to the server, whose copy then
    comes back); a visit whose resident has not arrived yet is parked."""
    table, writer, parent_column, parent_table = _FIELD_KINDS[kind]
    latest: dict[str, Mapping[str, Any]] = {}
    for change in changes:
        data = change.get("data")
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            out.skipped.append(_skip(change, "invalid", f"no {kind} id"))
        elif data.get("unit_code") != unit_code:
            out.skipped.append(_skip(change, "wrong_unit"))
        elif data["id"] not in latest or int(change.get("rev") or 0) > int(
            latest[data["id"]].get("rev") or 0
        ):
            latest[data["id"]] = change
    if not latest:
        return
    ids = list(latest)
    c = table.c
    held = dict(s.execute(select(c.id, c.version).where(among(c.id, ids))).all())
    pending = set(
        s.scalars(
            select(OutboxRow.entity_id).where(
                OutboxRow.kind == kind, among(OutboxRow.entity_id, ids)
            )
        ).all()
    )
    present: set[str] = set()
    if parent_column is not None and parent_table is not None:
        wanted = [str(ch["data"].get(parent_column)) for ch in latest.values()]
        present = set(
            s.scalars(select(parent_table.c.id).where(among(parent_table.c.id, wanted))).all()
        )
    rows: list[tuple[Mapping[str, Any], list[Any]]] = []
    for record_id, change in latest.items():
        data = change["data"]
        if record_id in pending:
            continue
        version = data.get("version")
        if record_id in held and (not isinstance(version, int) or version <= held[record_id]):
            continue
        if parent_column is not None and data.get(parent_column) not in present:
            out.parked.append(dict(change))
            continue
        try:
            rows.append((change, writer.row_from_wire(data)))
        except WireError as exc:
            out.skipped.append(_skip(change, "invalid", str(exc)[:500]))

    def write(s: Session, items: Sequence[list[Any]]) -> None:
        replaced = [row[0] for row in items]
        s.execute(delete(table).where(among(c.id, replaced)))
        writer.insert(s, items)

    out.applied += len(_in_savepoints(s, rows, write, out))


def _apply_complaints(
    s: Session, changes: Sequence[Mapping[str, Any]], unit_code: str, out: PageOutcome
) -> None:
    """Complaints of the unit's register: the newest version wins (``version``);
    one changed here and not pushed yet is kept (the push brings it to the
    server, whose newer copy then comes back); one about a dossier this device
    has not received yet is parked like an event."""
    latest: dict[str, Mapping[str, Any]] = {}
    for change in changes:
        data = change.get("data")
        if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
            out.skipped.append(_skip(change, "invalid", "no complaint id"))
        elif data.get("unit_code") != unit_code:
            out.skipped.append(_skip(change, "wrong_unit"))
        elif data["id"] not in latest or int(change.get("rev") or 0) > int(
            latest[data["id"]].get("rev") or 0
        ):
            latest[data["id"]] = change
    if not latest:
        return
    ids = list(latest)
    table = _COMPLAINT_TABLE.c
    held = dict(s.execute(select(table.id, table.version).where(among(table.id, ids))).all())
    pending = set(
        s.scalars(
            select(OutboxRow.entity_id).where(
                OutboxRow.kind == "complaint", among(OutboxRow.entity_id, ids)
            )
        ).all()
    )
    wanted_dossiers = [
        str(c["data"]["dossier_id"]) for c in latest.values() if c["data"].get("dossier_id")
    ]
    present = set(
        s.scalars(
            select(_DOSSIER_TABLE.c.id).where(among(_DOSSIER_TABLE.c.id, wanted_dossiers))
        ).all()
    )
    rows: list[tuple[Mapping[str, Any], list[Any]]] = []
    for complaint_id, change in latest.items():
        data = change["data"]
        if complaint_id in pending:
            continue
        version = data.get("version")
        if complaint_id in held and (not isinstance(version, int) or version <= held[complaint_id]):
            continue
        if data.get("dossier_id") and data["dossier_id"] not in present:
            out.parked.append(dict(change))
            continue
        try:
            rows.append((change, _COMPLAINT_WRITER.row_from_wire(data)))
        except WireError as exc:
            out.skipped.append(_skip(change, "invalid", str(exc)[:500]))

    def write(s: Session, items: Sequence[list[Any]]) -> None:
        replaced = [row[0] for row in items]
        s.execute(delete(_COMPLAINT_TABLE).where(among(table.id, replaced)))
        _COMPLAINT_WRITER.insert(s, items)

    out.applied += len(_in_savepoints(s, rows, write, out))


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
    dossiers = _DOSSIER_TABLE.c
    # Dossiers held here: their server_rev and search text.
    local: dict[str, tuple[int | None, str]] = {}
    protected: set[str] = set()  # pending outbox entry or open conflict
    code_owner: dict[str, str] = {}
    codes = [str(c["data"].get("code")) for c in latest.values()]
    held_here = select(dossiers.id, dossiers.server_rev, dossiers.search_text).where(
        among(dossiers.id, ids)
    )
    local.update((i, (rev, text)) for i, rev, text in s.execute(held_here).all())
    protected.update(
        s.scalars(
            select(OutboxRow.entity_id).where(
                OutboxRow.kind == "dossier", among(OutboxRow.entity_id, ids)
            )
        ).all()
    )
    protected.update(
        s.scalars(
            select(SyncConflictRow.dossier_id).where(
                among(SyncConflictRow.dossier_id, ids), SyncConflictRow.resolved_at.is_(None)
            )
        ).all()
    )
    owners = select(dossiers.code, dossiers.id).where(among(dossiers.code, codes))
    code_owner.update((code, dossier_id) for code, dossier_id in s.execute(owners).all())

    conflicted: list[tuple[str, Mapping[str, Any], int]] = []
    inserts: list[tuple[Mapping[str, Any], _DossierWrite]] = []
    updates: list[tuple[Mapping[str, Any], _DossierWrite]] = []
    for change in sorted(latest.values(), key=lambda c: int(c["rev"])):
        data, rev = change["data"], int(change["rev"])
        held = data["id"] in local
        seen, old_text = local.get(data["id"], (None, None))
        if seen is not None and rev <= seen:
            continue  # already have this version or a newer one
        if held and data["id"] in protected:
            conflicted.append((data["id"], data, rev))
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
        if held:
            updates.append((change, _DossierWrite(wd, rev, old_text)))
        else:
            inserts.append((change, _DossierWrite(wd, rev)))

    if conflicted:
        mine = read_dossier_wires(s, [dossier_id for dossier_id, _data, _rev in conflicted])
        for dossier_id, data, rev in conflicted:
            if record_conflict(
                s,
                dossier_id=dossier_id,
                local=mine[dossier_id][1],
                server=dict(data),
                server_rev=rev,
                now=now,
            ):
                out.conflicts += 1
    ensure_procedures(s, [w.wd for _change, w in inserts + updates])
    applied = _in_savepoints(s, inserts, _insert_dossiers, out)
    applied += _in_savepoints(s, updates, _update_dossiers, out)
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
    for kind, table in (("event", _EVENT_TABLE), ("rating", _RATING_TABLE)):
        ids = [i for k, i in wanted if k == kind]
        if ids:
            query = select(table.c.id).where(among(table.c.id, ids))
            existing.update((kind, i) for i in s.scalars(query).all())
    dossier_ids = sorted({str(c["data"].get("dossier_id")) for c in wanted.values()})
    dossiers = _DOSSIER_TABLE.c
    present = set(s.scalars(select(dossiers.id).where(among(dossiers.id, dossier_ids))).all())
    rows: list[tuple[Mapping[str, Any], tuple[str, list[Any]]]] = []
    for key, change in wanted.items():
        if key in existing:
            continue  # append-only: the same id is the same record
        if change["data"].get("dossier_id") not in present:
            out.parked.append(dict(change))
            continue
        writer = _DOC_WRITERS[key[0]]
        try:
            row = writer.row_from_wire(change["data"])
        except WireError as exc:
            out.skipped.append(_skip(change, "invalid", str(exc)[:500]))
            continue
        rows.append((change, (key[0], row)))
    out.applied += len(_in_savepoints(s, rows, _insert_docs, out))


__all__ = [
    "DOSSIER_LOCAL_ONLY",
    "DossierSnapshot",
    "PageOutcome",
    "WireDossier",
    "WireError",
    "among",
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
    "read_doc_wires",
    "read_dossier_snapshots",
    "read_dossier_wires",
    "record_conflict",
    "same_dossier",
    "snapshot_to_wire",
    "unit_settings_from_wire",
    "write_dossier",
]
