"""Pushes: the push request, the batch applier (one transaction per batch) and bundle import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Table,
    Text,
    bindparam,
    insert,
    select,
)
from sqlalchemy.orm import Session

from hcc_desktop.core.accounts import account_wire_errors, merge_account
from hcc_desktop.core.chain import GENESIS
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.core.formats.bundle import (
    BUNDLE_REVOKED_DEVICE,
    BUNDLE_UNKNOWN_DEVICE,
    read_bundle,
)
from hcc_desktop.server.models import (
    AccessDoc,
    AccountDoc,
    AppliedBatch,
    Device,
    DossierDoc,
    EventDoc,
    RatingDoc,
    UtcDateTime,
)
from hcc_desktop.server.store.chain import (
    ChainRejected,
    EventChainCheck,
    accept_device_key,
    append_unit_chain,
    check_signed_head,
)
from hcc_desktop.server.store.common import (
    DEVICE_ID,
    KINDS_PUSHED,
    MAX_BATCH_ITEMS,
    MAX_BUNDLE_ITEMS,
    MAX_ID_LENGTH,
    MAX_RECORD_BYTES,
    VERSIONED_MODELS,
    BatchOutcome,
    DeviceIdentity,
    ImportOutcome,
    StoreBase,
    among,
    bad_request,
    copy_rows,
    doc_table,
    draw_revisions,
    high_water,
    id_chunks,
    json_text,
)

# --- push request parsing -------------------------------------------------------------


@dataclass(slots=True)
class PushItem:
    index: int
    id: str | int  # the device's outbox item id, echoed back as given
    kind: Any  # checked per item: a bad kind rejects only that item
    data: Any
    base_rev: Any


def parse_push_request(
    body: Any, *, max_items: int = MAX_BATCH_ITEMS
) -> tuple[str, list[PushItem]]:
    """Check the envelope of a push; per-item faults are left for ``rejected`` results.

    The envelope must be right (400 otherwise) because results are keyed by
    item id; a bad record only rejects itself, so one bug on a device cannot
    block its whole outbox.
    """
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object")
    batch_id = body.get("batch_id")
    if not isinstance(batch_id, str) or not DEVICE_ID.match(batch_id):
        raise bad_request("batch_id must be a string of 1-64 letters, digits, '.', '_', '-'")
    items = body.get("items")
    if not isinstance(items, list):
        raise bad_request("items must be a list")
    if len(items) > max_items:
        raise SyncError("batch_too_large", items=len(items), max=max_items)
    parsed: list[PushItem] = []
    seen: set[str | int] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise bad_request(f"items[{index}] must be an object")
        item_id = item.get("id")
        valid_id = (isinstance(item_id, str) and 0 < len(item_id) <= MAX_ID_LENGTH) or (
            isinstance(item_id, int) and not isinstance(item_id, bool)
        )
        if not valid_id:
            raise bad_request(f"items[{index}].id must be a string or an integer")
        assert isinstance(item_id, str | int)
        if item_id in seen:
            raise bad_request(f"items[{index}].id {item_id!r} appears twice in the batch")
        seen.add(item_id)
        parsed.append(
            PushItem(index, item_id, item.get("kind"), item.get("data"), item.get("base_rev"))
        )
    return batch_id, parsed


class _Rejected(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def _text_field(data: Mapping[str, Any], name: str, max_length: int = MAX_ID_LENGTH) -> str:
    value = data.get(name)
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise _Rejected("invalid_item", f"data.{name} must be a string of 1-{max_length} chars")
    return value


def _check_item(item: PushItem, unit_code: str) -> _Checked:
    if item.kind not in KINDS_PUSHED:
        raise _Rejected("invalid_item", "kind must be one of " + ", ".join(KINDS_PUSHED))
    data = item.data
    if not isinstance(data, dict):
        raise _Rejected("invalid_item", "data must be an object")
    _text_field(data, "id")
    # Serialised once: the NUL check reads it and the row stores it as it is.
    try:
        raw = wire_json.dumps(data)
    except TypeError:
        # NaN, Infinity, a lone surrogate, a huge integer: PostgreSQL's JSONB
        # would refuse the whole batch for it.
        raise _Rejected("invalid_item", "data holds a value JSON cannot store") from None
    if len(raw) > MAX_RECORD_BYTES // 4 and len(raw.encode("utf-8")) > MAX_RECORD_BYTES:
        raise _Rejected("invalid_item", f"data is over {MAX_RECORD_BYTES} bytes")
    if "\\u0000" in raw:
        # PostgreSQL's JSONB cannot hold NUL characters.
        raise _Rejected("invalid_item", "data holds a NUL character")
    if item.kind == "dossier":
        _text_field(data, "code")
        if _text_field(data, "unit_code", 32) != unit_code:
            raise _Rejected("wrong_unit")
        base = item.base_rev
        if base is not None and (not isinstance(base, int) or isinstance(base, bool)):
            raise _Rejected("invalid_item", "base_rev must be an integer or null")
    elif item.kind == "access":
        # An access-log entry may concern no dossier (a book export); its chain
        # check names its device.
        _text_field(data, "device_id")
    elif item.kind in VERSIONED_MODELS:
        # A complaint may concern no dossier, a session none; both name their unit.
        if _text_field(data, "unit_code", 32) != unit_code:
            raise _Rejected("wrong_unit")
        if item.kind == "account":
            problem = account_wire_errors(data)
            if problem:
                raise _Rejected("invalid_item", problem)
    else:
        _text_field(data, "dossier_id")
        if "unit_code" in data and data["unit_code"] != unit_code:
            raise _Rejected("wrong_unit")
    return _Checked(item, data, raw)


# --- the batch applier -------------------------------------------------------------------
#
# A batch is applied in three steps, with a fixed number of statements whatever
# its size: load what the server holds for every id of the batch (one query per
# table and chunk of ids), decide every item in memory, then write with one
# statement per table (INSERT … SELECT FROM jsonb_to_recordset(…) on
# PostgreSQL, an executemany on SQLite). Each item's JSON is serialised once,
# by the NUL check, and stored as that text. Revisions for the whole batch are
# drawn in one statement, under the writers' lock.


class _Checked(NamedTuple):
    item: PushItem
    data: dict[str, Any]
    raw: str  # ``data`` as JSON text


@dataclass
class _DossierState:
    id: str
    unit_code: str
    code: str
    data: dict[str, Any]  # as stored, or as pushed in this batch
    raw: str  # JSON text to write; "" until this batch writes the dossier
    last_device: str
    rev: int  # negative: provisional, replaced when revisions are drawn
    stored: bool  # False: inserted by this batch


class _NewDoc(NamedTuple):
    rev: int  # provisional
    data: dict[str, Any]
    raw: str


@dataclass
class _Plan:
    """What a batch will write, with provisional revisions -1, -2, …"""

    dossier_inserts: dict[str, _DossierState] = field(default_factory=dict)
    dossier_updates: dict[str, _DossierState] = field(default_factory=dict)
    docs: dict[str, list[_NewDoc]] = field(
        default_factory=lambda: {"event": [], "rating": [], "access": []}
    )
    # Complaints and sessions to write: (kind, id) -> (provisional rev, data, raw,
    # already stored).
    versioned: dict[tuple[str, str], tuple[int, dict[str, Any], str, bool]] = field(
        default_factory=dict
    )
    count: int = 0

    def next_rev(self) -> int:
        self.count += 1
        return -self.count


def _version(data: Mapping[str, Any]) -> int:
    value = data.get("version")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


_DOC_MODELS: dict[str, type[EventDoc] | type[RatingDoc] | type[AccessDoc]] = {
    "event": EventDoc,
    "rating": RatingDoc,
    "access": AccessDoc,
}


class BatchApplier:
    def __init__(self, session: Session, device: Device, now: datetime) -> None:
        self.s = session
        self.postgresql = session.get_bind().dialect.name == "postgresql"
        self.device = device
        self.unit = device.unit_code
        self.now = now
        self.plan = _Plan()
        self.dossiers: dict[str, _DossierState] = {}
        self.code_holder: dict[str, str] = {}  # code -> dossier id, in this unit
        # Unit of each stored dossier that only events or ratings of the batch refer to.
        self.dossier_units: dict[str, str] = {}
        self.docs_seen: dict[tuple[str, str], tuple[str, int]] = {}  # (kind,id)->(unit,rev)
        # Stored complaints and sessions of the batch: (kind, id) -> (unit, rev, data).
        self.versioned: dict[tuple[str, str], tuple[str, int, dict[str, Any]]] = {}
        self.chain = EventChainCheck(session, device, self.postgresql)
        # Stored dossiers' data for the receipt events of the batch (their hash covers it).
        self.receipts: dict[str, dict[str, Any]] = {}
        # The unit's accounts by user name (the names the batch pushes): name -> id.
        self.account_names: dict[str, str] = {}
        # Accounts to write: id -> (user name, the device to leave out of the pulls:
        # "" when the merged record differs from what the device sent, so it gets it too).
        self.account_rows: dict[str, tuple[str, str]] = {}

    def run(self, items: Sequence[PushItem]) -> list[dict[str, Any]]:
        results: list[dict[str, Any] | None] = [None] * len(items)
        checked: list[_Checked] = []
        for item in items:
            try:
                checked.append(_check_item(item, self.unit))
            except _Rejected as exc:
                results[item.index] = _rejected(item, exc)
        self._prefetch(checked)
        # Dossiers first: an event may come before its dossier in a batch.
        ordered = [c for c in checked if c.item.kind == "dossier"]
        ordered += [c for c in checked if c.item.kind != "dossier"]
        for entry in ordered:
            try:
                if entry.item.kind == "dossier":
                    results[entry.item.index] = self._dossier(entry)
                elif entry.item.kind == "account":
                    results[entry.item.index] = self._account(entry)
                elif entry.item.kind in VERSIONED_MODELS:
                    results[entry.item.index] = self._versioned(entry)
                elif entry.item.kind == "access":
                    results[entry.item.index] = self._access(entry)
                else:
                    results[entry.item.index] = self._doc(entry)
            except _Rejected as exc:
                results[entry.item.index] = _rejected(entry.item, exc)
        final = [r for r in results if r is not None]
        assert len(final) == len(items)
        self._write(final)
        self.chain.save()
        return final

    def _prefetch(self, checked: Sequence[_Checked]) -> None:
        pushed = {c.data["id"] for c in checked if c.item.kind == "dossier"}
        referred = {
            c.data["dossier_id"] for c in checked if c.item.kind in ("event", "rating")
        } - pushed
        t = DossierDoc.__table__.c
        for chunk in id_chunks(pushed, self.postgresql):
            query = select(t.id, t.unit_code, t.code, t.data, t.last_device, t.rev).where(
                among(t.id, chunk, self.postgresql)
            )
            for dossier_id, unit_code, code, data, last_device, rev in self.s.execute(query).all():
                self.dossiers[dossier_id] = _DossierState(
                    dossier_id, unit_code, code, data, "", last_device, rev, stored=True
                )
        # Events and ratings only need to know their dossier's unit.
        for chunk in id_chunks(referred, self.postgresql):
            query = select(t.id, t.unit_code).where(among(t.id, chunk, self.postgresql))
            for dossier_id, unit_code in self.s.execute(query).all():
                self.dossier_units[dossier_id] = unit_code
        events = [c.data for c in checked if c.item.kind == "event"]
        self.chain.prefetch(events, pushed)
        receipts = {e["dossier_id"] for e in events if e.get("prev_hash") == GENESIS} - pushed
        for chunk in id_chunks(receipts, self.postgresql):
            query = select(t.id, t.data).where(among(t.id, chunk, self.postgresql))
            for dossier_id, data in self.s.execute(query).all():
                self.receipts[dossier_id] = data
        codes = {c.data["code"] for c in checked if c.item.kind == "dossier"}
        for chunk in id_chunks(codes, self.postgresql):
            query = select(t.code, t.id).where(
                t.unit_code == self.unit, among(t.code, chunk, self.postgresql)
            )
            for code, dossier_id in self.s.execute(query).all():
                self.code_holder[code] = dossier_id
        for kind, model in _DOC_MODELS.items():
            ids = {c.data["id"] for c in checked if c.item.kind == kind}
            for chunk in id_chunks(ids, self.postgresql):
                c = doc_table(model).c
                seen = select(c.id, c.unit_code, c.rev).where(among(c.id, chunk, self.postgresql))
                for doc_id, unit_code, rev in self.s.execute(seen).all():
                    self.docs_seen[(kind, doc_id)] = (unit_code, rev)
        for kind, versioned_model in VERSIONED_MODELS.items():
            ids = {c.data["id"] for c in checked if c.item.kind == kind}
            for chunk in id_chunks(ids, self.postgresql):
                k = doc_table(versioned_model).c
                query = select(k.id, k.unit_code, k.rev, k.data).where(
                    among(k.id, chunk, self.postgresql)
                )
                for doc_id, unit_code, rev, data in self.s.execute(query).all():
                    self.versioned[(kind, doc_id)] = (unit_code, rev, data)
        names = {c.data["user_name"] for c in checked if c.item.kind == "account"}
        for chunk in id_chunks(names, self.postgresql):
            a = doc_table(AccountDoc).c
            query = select(a.user_name, a.id).where(
                a.unit_code == self.unit, among(a.user_name, chunk, self.postgresql)
            )
            for row in self.s.execute(query).all():
                self.account_names[str(row[0])] = str(row[1])

    def _dossier(self, entry: _Checked) -> dict[str, Any]:
        item, data = entry.item, entry.data
        dossier_id, code = data["id"], data["code"]
        state = self.dossiers.get(dossier_id)
        if state is not None and state.unit_code != self.unit:
            raise _Rejected("wrong_unit")
        try:
            self.chain.check_receipt(data)
        except ChainRejected as exc:
            raise _Rejected(exc.reason, exc.detail) from None
        holder = self.code_holder.get(code)
        if state is None:
            if holder is not None and holder != dossier_id:
                raise _Rejected("duplicate_code", f"code {code} belongs to another dossier")
            state = _DossierState(
                dossier_id,
                self.unit,
                code,
                data,
                entry.raw,
                self.device.id,
                self.plan.next_rev(),
                stored=False,
            )
            self.dossiers[dossier_id] = state
            self.code_holder[code] = dossier_id
            self.plan.dossier_inserts[dossier_id] = state
            return {"id": item.id, "status": "applied", "rev": state.rev}
        if state.data == data:
            return {"id": item.id, "status": "duplicate", "rev": state.rev}
        if holder is not None and holder != dossier_id:
            raise _Rejected("duplicate_code", f"code {code} belongs to another dossier")
        if item.base_rev == state.rev or state.last_device == self.device.id:
            if state.code != code:
                self.code_holder.pop(state.code, None)
                self.code_holder[code] = dossier_id
            state.code, state.data, state.raw = code, data, entry.raw
            state.last_device = self.device.id
            state.rev = self.plan.next_rev()
            if state.stored:
                # Re-inserted at the end: updates are written in revision order.
                self.plan.dossier_updates.pop(dossier_id, None)
                self.plan.dossier_updates[dossier_id] = state
            return {"id": item.id, "status": "applied", "rev": state.rev}
        return {
            "id": item.id,
            "status": "conflict",
            "rev": state.rev,
            "server": {"rev": state.rev, "data": state.data},
        }

    def _seen_before(self, entry: _Checked) -> dict[str, Any] | None:
        """The result of a record this unit's device sent before (a replayed batch):
        a duplicate, never applied twice; another unit's id is refused."""
        seen = self.docs_seen.get((entry.item.kind, entry.data["id"]))
        if seen is None:
            return None
        unit_code, rev = seen
        if unit_code != self.unit:
            raise _Rejected("wrong_unit")
        return {"id": entry.item.id, "status": "duplicate", "rev": rev}

    def _doc(self, entry: _Checked) -> dict[str, Any]:
        item, data = entry.item, entry.data
        duplicate = self._seen_before(entry)
        if duplicate is not None:
            return duplicate
        dossier = self.dossiers.get(data["dossier_id"])
        if item.kind == "event":
            # Before the other checks: an event whose links verify continues the
            # device's chain even when refused for another reason (its dossier
            # missing), so one refusal does not stop the device's later events.
            receipt = dossier.data if dossier else self.receipts.get(data["dossier_id"])
            try:
                self.chain.check(data, receipt)
            except ChainRejected as exc:
                raise _Rejected(exc.reason, exc.detail) from None
        unit = dossier.unit_code if dossier else self.dossier_units.get(data["dossier_id"])
        if unit is None:
            raise _Rejected("unknown_dossier", "send the dossier in this or an earlier batch")
        if unit != self.unit:
            raise _Rejected("wrong_unit")
        rev = self.plan.next_rev()
        self.plan.docs[item.kind].append(_NewDoc(rev, data, entry.raw))
        self.docs_seen[(item.kind, data["id"])] = (self.unit, rev)
        return {"id": item.id, "status": "applied", "rev": rev}

    def _access(self, entry: _Checked) -> dict[str, Any]:
        """An access-log entry: checked as a record of the device's chain (its hash,
        its place in the sequence), then kept in the unit's chain; never pulled."""
        item, data = entry.item, entry.data
        duplicate = self._seen_before(entry)
        if duplicate is not None:
            return duplicate
        try:
            self.chain.check_access(data)
        except ChainRejected as exc:
            raise _Rejected(exc.reason, exc.detail) from None
        rev = self.plan.next_rev()
        self.plan.docs[item.kind].append(_NewDoc(rev, data, entry.raw))
        self.docs_seen[(item.kind, data["id"])] = (self.unit, rev)
        return {"id": item.id, "status": "applied", "rev": rev}

    def _versioned(self, entry: _Checked) -> dict[str, Any]:
        """The newest version of a complaint or a session wins (``version`` grows
        with each change on the device); an older or equal one is a duplicate."""
        item, data = entry.item, entry.data
        key = (item.kind, data["id"])
        stored = self.versioned.get(key)
        if stored is not None:
            unit_code, rev, held = stored
            if unit_code != self.unit:
                raise _Rejected("wrong_unit")
            if held == data or _version(held) >= _version(data):
                return {"id": item.id, "status": "duplicate", "rev": rev}
        rev = self.plan.next_rev()
        self.plan.versioned[key] = (rev, data, entry.raw, stored is not None)
        self.versioned[key] = (self.unit, rev, data)
        return {"id": item.id, "status": "applied", "rev": rev}

    def _account(self, entry: _Checked) -> dict[str, Any]:
        """An officer account: merged part by part into the one held
        (core/accounts.merge_account); a new account under a user name another
        account of the unit holds is refused (``user_name_taken``), never merged."""
        item, pushed = entry.item, entry.data
        key = ("account", pushed["id"])
        stored = self.versioned.get(key)
        held: dict[str, Any] | None = None
        if stored is not None:
            unit_code, rev, held = stored
            if unit_code != self.unit:
                raise _Rejected("wrong_unit")
            if pushed["user_name"] != held.get("user_name"):
                raise _Rejected("invalid_item", "an account's user name does not change")
        else:
            holder = self.account_names.get(pushed["user_name"])
            if holder is not None and holder != pushed["id"]:
                raise _Rejected(
                    "user_name_taken",
                    f"user name {pushed['user_name']} belongs to another account of the unit",
                )
        merged = merge_account(held, pushed)
        if stored is not None and merged == held:
            return {"id": item.id, "status": "duplicate", "rev": stored[1]}
        as_sent = merged == pushed
        raw = entry.raw if as_sent else wire_json.dumps(merged)
        rev = self.plan.next_rev()
        self.plan.versioned[key] = (rev, merged, raw, stored is not None)
        self.versioned[key] = (self.unit, rev, merged)
        self.account_names[pushed["user_name"]] = pushed["id"]
        self.account_rows[pushed["id"]] = (
            pushed["user_name"],
            self.device.id if as_sent else "",
        )
        return {"id": item.id, "status": "applied", "rev": rev}

    def _write(self, results: list[dict[str, Any]]) -> None:
        if self.plan.count == 0:
            return  # nothing new: every result is a duplicate, a conflict or a rejection
        # Provisional revision -k is the k-th of the block.
        first = draw_revisions(self.s, self.plan.count) - 1

        def resolve(rev: int) -> int:
            return first - rev if rev < 0 else rev

        for result in results:
            if "rev" in result:
                result["rev"] = resolve(result["rev"])
            if "server" in result:
                result["server"]["rev"] = resolve(result["server"]["rev"])
        # Updates before inserts, in revision order: a code may move from one
        # dossier to another, and (unit, code) is unique at every statement.
        if self.plan.dossier_updates:
            table = doc_table(DossierDoc)
            update_rows = table.update().where(table.c.id == bindparam("b_id"))
            self.s.execute(
                update_rows.values(
                    code=bindparam("b_code"),
                    data=self._json_param("b_data"),
                    last_device=bindparam("b_device"),
                    rev=bindparam("b_rev"),
                    updated_at=bindparam("b_now", type_=UtcDateTime()),
                ),
                [
                    {
                        "b_id": state.id,
                        "b_code": state.code,
                        "b_data": state.raw,
                        "b_device": state.last_device,
                        "b_rev": resolve(state.rev),
                        "b_now": self.now,
                    }
                    for state in self.plan.dossier_updates.values()
                ],
            )
        self._insert(
            doc_table(DossierDoc),
            ("id", "code"),
            [(resolve(s.rev), s.data, s.raw) for s in self.plan.dossier_inserts.values()],
            {"unit_code": self.unit, "last_device": self.device.id, "updated_at": self.now},
        )
        for kind, docs in self.plan.docs.items():
            self._insert(
                doc_table(_DOC_MODELS[kind]),
                ("id", "dossier_id"),
                [(resolve(doc.rev), doc.data, doc.raw) for doc in docs],
                {"unit_code": self.unit, "origin_device": self.device.id, "created_at": self.now},
            )
        chained: list[tuple[int, str, str, Any]] = [
            (resolve(st.rev), "dossier", st.id, st.data)
            for st in (*self.plan.dossier_updates.values(), *self.plan.dossier_inserts.values())
        ]
        for kind, docs in self.plan.docs.items():
            chained += [(resolve(doc.rev), kind, doc.data["id"], doc.data) for doc in docs]
        for (kind, doc_id), (rev, data, _raw, _stored) in self.plan.versioned.items():
            chained.append((resolve(rev), kind, doc_id, data))
        append_unit_chain(self.s, self.unit, self.device.id, chained, self.now)
        # Complaints and sessions are few: plain statements, one per record.
        for (kind, doc_id), (rev, _data, raw, stored) in self.plan.versioned.items():
            table = doc_table(VERSIONED_MODELS[kind])
            values = {
                "rev": resolve(rev),
                "data": self._json_value(raw),
                "last_device": self.device.id,
                "updated_at": self.now,
            }
            if kind == "account":
                values["user_name"], values["last_device"] = self.account_rows[doc_id]
            if stored:
                self.s.execute(table.update().where(table.c.id == doc_id).values(values))
            else:
                self.s.execute(table.insert().values(id=doc_id, unit_code=self.unit, **values))

    def _json_value(self, raw: str) -> ColumnElement[Any]:
        return json_text(raw, self.postgresql)

    def _json_param(self, name: str) -> ColumnElement[Any]:
        return json_text(bindparam(name, type_=Text()), self.postgresql)

    def _insert(
        self,
        table: Table,
        keys: tuple[str, ...],
        rows: Sequence[tuple[int, Any, str]],
        fixed: dict[str, Any],
    ) -> None:
        """Insert ``rows`` (rev, data, data as JSON text), with ``fixed`` values in every row.

        The ``keys`` columns hold the members of ``data`` of the same name. One
        ``COPY`` stream on PostgreSQL, the JSON texts as they are (PostgreSQL
        parses each once into JSONB); an executemany on SQLite (``copy_rows``).
        """
        names = [*keys, "rev", "data", *fixed]
        constant = tuple(fixed.values())
        copy_rows(
            self.s,
            table,
            names,
            ((*(data[k] for k in keys), rev, raw, *constant) for rev, data, raw in rows),
            json_texts=("data",),
        )


def _chain_head(request: Any) -> Any:
    return request.get("chain_head") if isinstance(request, dict) else None


def _rejected(item: PushItem, exc: _Rejected) -> dict[str, Any]:
    result: dict[str, Any] = {"id": item.id, "status": "rejected", "reason": exc.reason}
    if exc.detail:
        result["detail"] = exc.detail
    return result


class PushMixin(StoreBase):
    # push ---------------------------------------------------------------------------------

    def apply_batch(
        self,
        device: DeviceIdentity,
        request: Any,
        *,
        max_items: int = MAX_BATCH_ITEMS,
        source: str = "push",
        revoked_code: str = "credential_revoked",
    ) -> BatchOutcome:
        """Apply a push request in one transaction; a known batch_id replays its response."""
        batch_id, items = parse_push_request(request, max_items=max_items)
        now = self.clock()
        with self.db.write() as s:
            row = s.get(Device, device.id)
            # Checked again inside the lock: a revocation may have landed since
            # the token was checked.
            if row is None or row.revoked_at is not None:
                raise SyncError(revoked_code, device_id=device.id)
            if source == "push":
                row.last_seen_at = now
            prior = s.get(AppliedBatch, (device.id, batch_id))
            if prior is not None:
                return BatchOutcome(prior.response, replayed=True)
            accept_device_key(row, request.get("public_key"))
            check_signed_head(row, batch_id, items, _chain_head(request))
            results = BatchApplier(s, row, now).run(items)
            response = {"batch_id": batch_id, "cursor_hint": high_water(s), "results": results}
            c = AppliedBatch.__table__.c
            s.execute(
                insert(AppliedBatch).values(
                    {
                        c.device_id: device.id,
                        c.batch_id: batch_id,
                        c.response: json_text(wire_json.dumps(response), self.db.is_postgresql),
                        c.applied_at: now,
                        c.source: source,
                    }
                )
            )
            return BatchOutcome(response, replayed=False)

    # bundles ----------------------------------------------------------------------------

    def bundle_key(self, device_id: str) -> str:
        with self.db.read() as s:
            device = s.get(Device, device_id)
        if device is None:
            raise SyncError(BUNDLE_UNKNOWN_DEVICE, device_id=device_id)
        if device.revoked_at is not None:
            raise SyncError(BUNDLE_REVOKED_DEVICE, device_id=device_id)
        return device.bundle_key

    def import_bundle(self, path: Path | str) -> ImportOutcome:
        """Apply a bundle file exactly as its push (same batch_id idempotency)."""
        bundle = read_bundle(path, self.bundle_key)
        with self.db.read() as s:
            device = s.get(Device, bundle.header.device_id)
        if device is None:
            raise SyncError(BUNDLE_UNKNOWN_DEVICE, device_id=bundle.header.device_id)
        identity = DeviceIdentity(device.id, device.unit_code, device.slot)
        outcome = self.apply_batch(
            identity,
            bundle.request,
            max_items=MAX_BUNDLE_ITEMS,
            source="bundle",
            revoked_code=BUNDLE_REVOKED_DEVICE,
        )
        return ImportOutcome(bundle.header, outcome)
