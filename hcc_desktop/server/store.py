"""The sync server's transactional logic (docs/sync.md), free of HTTP.

Revisions and cursors
---------------------
Every stored change gets ``rev`` from one server-wide monotonic counter (a
PostgreSQL SEQUENCE, a counter row on SQLite). A device pulls "everything of
my unit with rev > cursor" and then stores the page's cursor. That is only
safe if no revision lower than a cursor handed out can still appear later.
With concurrent writers it could: writer A takes rev 7, writer B takes rev 8
and commits first, a reader sees 8 and moves its cursor to 8, then A commits
7, which that reader never pulls. So writers are serialised for their whole
transaction (``ServerDatabase.write``: ``pg_advisory_xact_lock`` taken before
any revision is drawn; ``BEGIN IMMEDIATE`` on SQLite), and a writer only
draws revisions while holding the lock. Commits therefore become visible in
revision order, every snapshot sees a prefix of the revisions, and a reader
reads one snapshot (REPEATABLE READ), so the highest revision it sees is a
safe cursor. PostgreSQL releases transaction locks after the commit is
visible, so the next writer's revisions are always above everything a reader
can already see. A rolled-back writer leaves a gap, which is harmless.

The volume (tens of dossiers per ward per day) is far below what one writer
at a time can absorb, so the global lock costs nothing that matters.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

from cryptography.fernet import Fernet
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    Table,
    Text,
    bindparam,
    cast,
    column,
    func,
    insert,
    literal,
    null,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from hcc_desktop.core.errors import FieldError, NotFound, SyncError, ValidationError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.core.formats.bundle import (
    BUNDLE_REVOKED_DEVICE,
    BUNDLE_UNKNOWN_DEVICE,
    BundleHeader,
    read_bundle,
)
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.models import (
    GLOBAL_SCOPE,
    AppliedBatch,
    ComplaintDoc,
    Device,
    DossierDoc,
    EnrolmentCode,
    EventDoc,
    PublishedDoc,
    RatingDoc,
    Unit,
    UtcDateTime,
)

MAX_BATCH_ITEMS = 1000
# A bundle carries a whole outbox (no request size to worry about); it is
# still applied in one transaction.
MAX_BUNDLE_ITEMS = 100_000
DEFAULT_PAGE = 500
MAX_PAGE = 1000
ENROLMENT_VALID_DAYS = 7
DEVICE_SLOTS = range(10)  # the device numbers its dossiers slot×1000 + seq
TOUCH_INTERVAL = timedelta(minutes=1)
MAX_ID_LENGTH = 64
# Same rule as the device's settings (hcc_desktop.services.settings.UNIT_CODE),
# repeated here so the server does not import the device services at start-up.
UNIT_CODE = re.compile(r"^[0-9A-Za-z]{1,8}(\.[0-9A-Za-z]{1,8}){0,5}$")
# A province's code (the province's identifier in the unit codes, e.g. H56).
PROVINCE_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")
DEVICE_ID = re.compile(r"^[0-9A-Za-z._-]{1,64}$")
# Crockford's base 32: no I, L, O, U, so a code read aloud or typed is unambiguous.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 16  # 80 bits

KINDS_PUSHED = ("dossier", "event", "rating", "complaint")
KINDS_PUBLISHED = ("catalog", "calendar", "unit_settings")
UNIT_SETTINGS_KEYS = ("unit_name", "parent_body", "place_name", "public_lookup_url", "unit_phone")

# HTTP status of each error code the API returns (docs/sync.md, "Errors").
HTTP_STATUS = {
    "credential_missing": 401,
    "credential_invalid": 401,
    "credential_revoked": 401,
    "enrolment_code_invalid": 400,
    "enrolment_code_used": 400,
    "enrolment_code_expired": 400,
    "bad_request": 400,
    "forbidden": 403,
    "not_found": 404,
    "no_free_slot": 409,
    "unit_mismatch": 409,
    "batch_too_large": 413,
    "device_too_old": 426,
    "server_error": 500,
    "report_unavailable": 501,
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def sha256_hex(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_enrolment_code(code: str) -> str:
    """Upper case, separators dropped, Crockford's look-alikes mapped (O→0, I/L→1)."""
    cleaned = re.sub(r"[\s-]", "", code).upper()
    return cleaned.translate(str.maketrans("OIL", "011"))


def _format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _bad_request(detail: str) -> SyncError:
    return SyncError("bad_request", detail=detail)


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


@dataclass(frozen=True)
class EnrolmentTicket:
    code: str  # shown once; only its hash is stored
    unit_code: str
    expires_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "unit_code": self.unit_code,
            "expires_at": self.expires_at.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class Registration:
    device_id: str
    unit_code: str
    device_slot: int
    token: str
    bundle_key: str
    server_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.device_id,
            "unit_code": self.unit_code,
            "device_slot": self.device_slot,
            "token": self.token,
            "bundle_key": self.bundle_key,
            "server_time": self.server_time.isoformat(timespec="seconds"),
        }


@dataclass(frozen=True)
class DeviceIdentity:
    """Who is calling, from the bearer token."""

    id: str
    unit_code: str
    slot: int
    last_seen_at: datetime | None = None
    # Own writes from this moment on are not sent back to the device.
    registered_at: datetime | None = None


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    unit_code: str
    name: str
    slot: int
    created_at: datetime
    registered_at: datetime
    revoked_at: datetime | None
    last_seen_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def to_json(self) -> dict[str, Any]:
        def stamp(moment: datetime | None) -> str | None:
            return moment.isoformat(timespec="seconds") if moment else None

        return {
            "device_id": self.id,
            "unit_code": self.unit_code,
            "name": self.name,
            "slot": self.slot,
            "status": "active" if self.active else "revoked",
            "created_at": stamp(self.created_at),
            "registered_at": stamp(self.registered_at),
            "revoked_at": stamp(self.revoked_at),
            "last_seen_at": stamp(self.last_seen_at),
        }


def _device_info(row: Device) -> DeviceInfo:
    return DeviceInfo(
        id=row.id,
        unit_code=row.unit_code,
        name=row.name,
        slot=row.slot,
        created_at=row.created_at,
        registered_at=row.registered_at,
        revoked_at=row.revoked_at,
        last_seen_at=row.last_seen_at,
    )


@dataclass(frozen=True)
class BatchOutcome:
    response: dict[str, Any]
    replayed: bool  # the batch had been applied before; nothing was written now

    def counts(self) -> dict[str, int]:
        result = {"applied": 0, "duplicate": 0, "conflict": 0, "rejected": 0}
        for item in self.response["results"]:
            result[item["status"]] += 1
        return result


@dataclass(frozen=True)
class ImportOutcome:
    header: BundleHeader
    batch: BatchOutcome

    def to_json(self) -> dict[str, Any]:
        return {
            "device_id": self.header.device_id,
            "batch_id": self.header.batch_id,
            "created_at": self.header.created_at,
            "items": self.header.items,
            "replayed": self.batch.replayed,
            **self.batch.counts(),
        }


@dataclass(frozen=True)
class PublishOutcome:
    kind: str
    scope: str  # "" for every unit
    rev: int
    changed: bool  # False: the same document was already published

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "unit_code": self.scope or None,
            "rev": self.rev,
            "changed": self.changed,
        }


@dataclass(frozen=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    cursor: int
    more: bool

    def to_json(self) -> dict[str, Any]:
        return {"changes": self.changes, "cursor": self.cursor, "more": self.more}


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
        raise _bad_request("the body must be a JSON object")
    batch_id = body.get("batch_id")
    if not isinstance(batch_id, str) or not DEVICE_ID.match(batch_id):
        raise _bad_request("batch_id must be a string of 1-64 letters, digits, '.', '_', '-'")
    items = body.get("items")
    if not isinstance(items, list):
        raise _bad_request("items must be a list")
    if len(items) > max_items:
        raise SyncError("batch_too_large", items=len(items), max=max_items)
    parsed: list[PushItem] = []
    seen: set[str | int] = set()
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise _bad_request(f"items[{index}] must be an object")
        item_id = item.get("id")
        valid_id = (isinstance(item_id, str) and 0 < len(item_id) <= MAX_ID_LENGTH) or (
            isinstance(item_id, int) and not isinstance(item_id, bool)
        )
        if not valid_id:
            raise _bad_request(f"items[{index}].id must be a string or an integer")
        assert isinstance(item_id, str | int)
        if item_id in seen:
            raise _bad_request(f"items[{index}].id {item_id!r} appears twice in the batch")
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
        raise _Rejected("invalid_item", "kind must be dossier, event, rating or complaint")
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
    elif item.kind == "complaint":
        # A complaint may concern no dossier; it always names its unit.
        if _text_field(data, "unit_code", 32) != unit_code:
            raise _Rejected("wrong_unit")
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
    docs: dict[str, list[_NewDoc]] = field(default_factory=lambda: {"event": [], "rating": []})
    # Complaints to write: id -> (provisional rev, data, raw, already stored).
    complaints: dict[str, tuple[int, dict[str, Any], str, bool]] = field(default_factory=dict)
    count: int = 0

    def next_rev(self) -> int:
        self.count += 1
        return -self.count


def _chunks(values: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    batch: list[str] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _id_chunks(values: Iterable[str], postgresql: bool) -> Iterable[list[str]]:
    """Sorted chunks of ids for ``_among``: one JSON parameter per chunk on PostgreSQL,
    one parameter per id on SQLite."""
    return _chunks(sorted(values), 5000 if postgresql else 500)


def _among(col: ColumnElement[str], values: list[str], postgresql: bool) -> ColumnElement[bool]:
    """``col IN values``, probing ``col``'s index once per value whatever the table's size.

    On PostgreSQL the values go as one JSON array and are joined as a
    subquery: ``col = ANY($1)`` would be planned once for every array size
    (psycopg prepares repeated statements) and may become a sequential scan
    comparing every row with every value.
    """
    if postgresql:
        listed = cast(literal(json.dumps(values), Text()), JSONB())
        return col.in_(select(func.jsonb_array_elements_text(listed).column_valued("value")))
    return col.in_(values)


def _json_text(value: str | ColumnElement[Any], postgresql: bool) -> ColumnElement[Any]:
    """JSON text for a JSON column, stored as it is (JSONB parses it on PostgreSQL).

    The text is made once (``json.dumps``) instead of again by the driver.
    """
    bound = literal(value, Text()) if isinstance(value, str) else value
    return cast(bound, JSONB()) if postgresql else bound


def _version(data: Mapping[str, Any]) -> int:
    value = data.get("version")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _table(
    model: type[DossierDoc] | type[EventDoc] | type[RatingDoc] | type[ComplaintDoc],
) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


_DOC_MODELS: dict[str, type[EventDoc] | type[RatingDoc]] = {"event": EventDoc, "rating": RatingDoc}
# Rows per INSERT statement: bounds the statement's size for a 100,000-item bundle.
INSERT_ROWS = 2000


class _BatchApplier:
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
        # Stored complaints of the batch: id -> (unit, rev, data).
        self.complaints: dict[str, tuple[str, int, dict[str, Any]]] = {}

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
                elif entry.item.kind == "complaint":
                    results[entry.item.index] = self._complaint(entry)
                else:
                    results[entry.item.index] = self._doc(entry)
            except _Rejected as exc:
                results[entry.item.index] = _rejected(entry.item, exc)
        final = [r for r in results if r is not None]
        assert len(final) == len(items)
        self._write(final)
        return final

    def _prefetch(self, checked: Sequence[_Checked]) -> None:
        pushed = {c.data["id"] for c in checked if c.item.kind == "dossier"}
        referred = {
            c.data["dossier_id"] for c in checked if c.item.kind in ("event", "rating")
        } - pushed
        t = DossierDoc.__table__.c
        for chunk in self._chunks(pushed):
            query = select(t.id, t.unit_code, t.code, t.data, t.last_device, t.rev).where(
                self._among(t.id, chunk)
            )
            for dossier_id, unit_code, code, data, last_device, rev in self.s.execute(query).all():
                self.dossiers[dossier_id] = _DossierState(
                    dossier_id, unit_code, code, data, "", last_device, rev, stored=True
                )
        # Events and ratings only need to know their dossier's unit.
        for chunk in self._chunks(referred):
            query = select(t.id, t.unit_code).where(self._among(t.id, chunk))
            for dossier_id, unit_code in self.s.execute(query).all():
                self.dossier_units[dossier_id] = unit_code
        codes = {c.data["code"] for c in checked if c.item.kind == "dossier"}
        for chunk in self._chunks(codes):
            query = select(t.code, t.id).where(t.unit_code == self.unit, self._among(t.code, chunk))
            for code, dossier_id in self.s.execute(query).all():
                self.code_holder[code] = dossier_id
        for kind, model in _DOC_MODELS.items():
            ids = {c.data["id"] for c in checked if c.item.kind == kind}
            for chunk in self._chunks(ids):
                c = _table(model).c
                seen = select(c.id, c.unit_code, c.rev).where(self._among(c.id, chunk))
                for doc_id, unit_code, rev in self.s.execute(seen).all():
                    self.docs_seen[(kind, doc_id)] = (unit_code, rev)
        complaint_ids = {c.data["id"] for c in checked if c.item.kind == "complaint"}
        for chunk in self._chunks(complaint_ids):
            k = _table(ComplaintDoc).c
            query = select(k.id, k.unit_code, k.rev, k.data).where(self._among(k.id, chunk))
            for doc_id, unit_code, rev, data in self.s.execute(query).all():
                self.complaints[doc_id] = (unit_code, rev, data)

    def _chunks(self, values: set[str]) -> Iterable[list[str]]:
        return _id_chunks(values, self.postgresql)

    def _among(self, col: ColumnElement[str], values: list[str]) -> ColumnElement[bool]:
        return _among(col, values, self.postgresql)

    def _dossier(self, entry: _Checked) -> dict[str, Any]:
        item, data = entry.item, entry.data
        dossier_id, code = data["id"], data["code"]
        state = self.dossiers.get(dossier_id)
        if state is not None and state.unit_code != self.unit:
            raise _Rejected("wrong_unit")
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

    def _doc(self, entry: _Checked) -> dict[str, Any]:
        item, data = entry.item, entry.data
        seen = self.docs_seen.get((item.kind, data["id"]))
        if seen is not None:
            unit_code, rev = seen
            if unit_code != self.unit:
                raise _Rejected("wrong_unit")
            return {"id": item.id, "status": "duplicate", "rev": rev}
        dossier = self.dossiers.get(data["dossier_id"])
        unit = dossier.unit_code if dossier else self.dossier_units.get(data["dossier_id"])
        if unit is None:
            raise _Rejected("unknown_dossier", "send the dossier in this or an earlier batch")
        if unit != self.unit:
            raise _Rejected("wrong_unit")
        rev = self.plan.next_rev()
        self.plan.docs[item.kind].append(_NewDoc(rev, data, entry.raw))
        self.docs_seen[(item.kind, data["id"])] = (self.unit, rev)
        return {"id": item.id, "status": "applied", "rev": rev}

    def _complaint(self, entry: _Checked) -> dict[str, Any]:
        """The newest version of a complaint wins (``version`` grows with each
        change on the device); an older or equal one is a duplicate."""
        item, data = entry.item, entry.data
        stored = self.complaints.get(data["id"])
        if stored is not None:
            unit_code, rev, held = stored
            if unit_code != self.unit:
                raise _Rejected("wrong_unit")
            if held == data or _version(held) >= _version(data):
                return {"id": item.id, "status": "duplicate", "rev": rev}
        rev = self.plan.next_rev()
        self.plan.complaints[data["id"]] = (rev, data, entry.raw, stored is not None)
        self.complaints[data["id"]] = (self.unit, rev, data)
        return {"id": item.id, "status": "applied", "rev": rev}

    def _write(self, results: list[dict[str, Any]]) -> None:
        if self.plan.count == 0:
            return  # nothing new: every result is a duplicate, a conflict or a rejection
        # Provisional revision -k is the k-th of the block.
        first = _draw_revisions(self.s, self.plan.count) - 1

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
            table = _table(DossierDoc)
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
            _table(DossierDoc),
            ("id", "code"),
            [(resolve(s.rev), s.data, s.raw) for s in self.plan.dossier_inserts.values()],
            {"unit_code": self.unit, "last_device": self.device.id, "updated_at": self.now},
        )
        for kind, docs in self.plan.docs.items():
            self._insert(
                _table(_DOC_MODELS[kind]),
                ("id", "dossier_id"),
                [(resolve(doc.rev), doc.data, doc.raw) for doc in docs],
                {"unit_code": self.unit, "origin_device": self.device.id, "created_at": self.now},
            )
        # Complaints are few: plain statements, one per complaint.
        table = _table(ComplaintDoc)
        for complaint_id, (rev, _data, raw, stored) in self.plan.complaints.items():
            values = {
                "rev": resolve(rev),
                "data": self._json_value(raw),
                "last_device": self.device.id,
                "updated_at": self.now,
            }
            if stored:
                self.s.execute(table.update().where(table.c.id == complaint_id).values(values))
            else:
                self.s.execute(
                    table.insert().values(id=complaint_id, unit_code=self.unit, **values)
                )

    def _json_value(self, raw: str) -> ColumnElement[Any]:
        return _json_text(raw, self.postgresql)

    def _json_param(self, name: str) -> ColumnElement[Any]:
        return _json_text(bindparam(name, type_=Text()), self.postgresql)

    def _insert(
        self,
        table: Table,
        keys: tuple[str, ...],
        rows: Sequence[tuple[int, Any, str]],
        fixed: dict[str, Any],
    ) -> None:
        """Insert ``rows`` (rev, data, data as JSON text), with ``fixed`` values in every row.

        The ``keys`` columns hold the members of ``data`` of the same name.
        PostgreSQL: one INSERT … SELECT FROM jsonb_to_recordset(document) per
        INSERT_ROWS rows, the document assembled from the JSON texts as they
        are (one statement, one round trip, one text parameter). SQLite,
        in-process: an executemany.
        """
        for start in range(0, len(rows), INSERT_ROWS):
            part = rows[start : start + INSERT_ROWS]
            if self.postgresql:
                document = "[" + ",".join(f'{{"r":{rev},"d":{raw}}}' for rev, _, raw in part) + "]"
                records = (
                    func.jsonb_to_recordset(cast(bindparam("records", document, Text()), JSONB()))
                    .table_valued(column("r", BigInteger()), column("d", JSONB()))
                    .render_derived(with_types=True)
                )
                doc = records.c.d
                picked: list[ColumnElement[Any]] = [doc[key].astext for key in keys]
                picked += [records.c.r, doc]
                picked += [bindparam(f"f_{n}", v, type_=table.c[n].type) for n, v in fixed.items()]
                names = [*keys, "rev", "data", *fixed]
                self.s.execute(table.insert().from_select(names, select(*picked)))
            else:
                values = {f"v_{n}": v for n, v in fixed.items()}
                statement = table.insert().values(
                    {
                        n: bindparam(f"v_{n}", type_=Text() if n == "data" else table.c[n].type)
                        for n in [*keys, "rev", "data", *fixed]
                    }
                )
                self.s.execute(
                    statement,
                    [
                        {**{f"v_{k}": data[k] for k in keys}, "v_rev": rev, "v_data": raw, **values}
                        for rev, data, raw in part
                    ],
                )


def _rejected(item: PushItem, exc: _Rejected) -> dict[str, Any]:
    result: dict[str, Any] = {"id": item.id, "status": "rejected", "reason": exc.reason}
    if exc.detail:
        result["detail"] = exc.detail
    return result


def _draw_revisions(s: Session, count: int) -> int:
    """The first of ``count`` new consecutive revisions. Only call holding the writers' lock.

    The lock makes the block consecutive: nobody else draws meanwhile.
    """
    if s.get_bind().dialect.name == "postgresql":
        top = s.execute(
            text("SELECT setval('hcc_revision', nextval('hcc_revision') + :n - 1)"), {"n": count}
        ).scalar_one()
    else:
        top = s.execute(
            text("UPDATE revision_counter SET value = value + :n WHERE id = 1 RETURNING value"),
            {"n": count},
        ).scalar_one()
    return int(top) - count + 1


def _high_water(s: Session) -> int:
    """The newest revision drawn so far (under the writers' lock: the newest committed)."""
    if s.get_bind().dialect.name == "postgresql":
        value = s.execute(
            text("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hcc_revision")
        ).scalar_one()
    else:
        value = s.execute(text("SELECT value FROM revision_counter WHERE id = 1")).scalar_one()
    return int(value)


class _Change(NamedTuple):
    rev: int
    kind: str
    dossier_id: str  # a dossier's own id, an event's or a rating's dossier; else ""
    data: dict[str, Any]


# --- the store -------------------------------------------------------------------------------


class SyncStore:
    """Everything the server does, one transaction per public method."""

    def __init__(self, db: ServerDatabase, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock

    # enrolment and devices ------------------------------------------------------------

    def enrol(
        self,
        unit_code: str,
        *,
        unit_name: str | None = None,
        valid_for: timedelta = timedelta(days=ENROLMENT_VALID_DAYS),
        province: str | None = None,
    ) -> EnrolmentTicket:
        """Create a one-time enrolment code for ``unit_code`` (the unit is created if new).

        ``province``: put the unit in that province (kept when not given).
        """
        unit_code = unit_code.strip()
        if not UNIT_CODE.match(unit_code):
            raise ValidationError([FieldError("unit_code", "unit_code_format")])
        if province is not None:
            province = province.strip()
            if not PROVINCE_CODE.match(province):
                raise ValidationError([FieldError("province", "province_code_format")])
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        now = self.clock()
        with self.db.write() as s:
            unit = self._ensure_unit(s, unit_code, unit_name)
            if province is not None:
                unit.province = province
            s.add(
                EnrolmentCode(
                    code_hash=sha256_hex(raw),
                    unit_code=unit_code,
                    created_at=now,
                    expires_at=now + valid_for,
                )
            )
        return EnrolmentTicket(_format_code(raw), unit_code, now + valid_for)

    def _ensure_unit(self, s: Session, unit_code: str, name: str | None) -> Unit:
        unit = s.get(Unit, unit_code)
        if unit is None:
            unit = Unit(code=unit_code, name=_nfc(name or ""), created_at=self.clock())
            s.add(unit)
            # No ORM relationships: rows referring to the unit must find it flushed.
            s.flush()
        elif name:
            unit.name = _nfc(name)
        return unit

    def register(
        self, code: str, device_id: str, device_name: str, held_units: Sequence[str] = ()
    ) -> Registration:
        """Enrol a device with a one-time code; a known active device keeps its slot.

        ``held_units``: the units of the dossiers the device already holds. A
        device holding another unit's dossiers is refused (``unit_mismatch``)
        before the code is used: the code stays good for the right device.
        """
        if not DEVICE_ID.match(device_id):
            raise _bad_request("device_id must be 1-64 letters, digits, '.', '_', '-'")
        name = _nfc(device_name)[:200]
        now = self.clock()
        token = secrets.token_urlsafe(32)
        with self.db.write() as s:
            ticket = s.get(EnrolmentCode, sha256_hex(normalise_enrolment_code(code)))
            if ticket is None:
                raise SyncError("enrolment_code_invalid")
            if ticket.used_at is not None:
                raise SyncError("enrolment_code_used")
            if now >= ticket.expires_at:
                raise SyncError("enrolment_code_expired")
            unit_code = ticket.unit_code
            foreign = sorted(set(held_units) - {unit_code})
            if foreign:
                raise SyncError("unit_mismatch", device_unit=foreign[0], server_unit=unit_code)
            device = s.get(Device, device_id)
            if device is not None and device.revoked_at is None:
                if device.unit_code != unit_code:
                    raise _bad_request(
                        f"device {device_id} is enrolled in unit {device.unit_code}; "
                        "revoke it there first"
                    )
                device.token_hash = sha256_hex(token)
                device.name = name or device.name
                device.registered_at = now
            else:
                held = set(
                    s.scalars(
                        select(Device.slot).where(
                            Device.unit_code == unit_code, Device.revoked_at.is_(None)
                        )
                    )
                )
                free = [slot for slot in DEVICE_SLOTS if slot not in held]
                if not free:
                    raise SyncError("no_free_slot", unit_code=unit_code)
                # A revoked device coming back gets a new bundle key: bundles
                # written with the old one (perhaps on a stolen laptop) stay refused.
                bundle_key = Fernet.generate_key().decode("ascii")
                if device is None:
                    device = Device(id=device_id, created_at=now)
                    s.add(device)
                device.unit_code = unit_code
                device.name = name
                device.slot = free[0]
                device.token_hash = sha256_hex(token)
                device.bundle_key = bundle_key
                device.registered_at = now
                device.revoked_at = None
            ticket.used_at = now
            ticket.used_by = device_id
            return Registration(
                device_id=device_id,
                unit_code=unit_code,
                device_slot=device.slot,
                token=token,
                bundle_key=device.bundle_key,
                server_time=now,
            )

    def authenticate(self, authorization: str | None) -> DeviceIdentity:
        """The device behind an ``Authorization: Bearer …`` header, or a credential_* error."""
        if not authorization or not authorization.strip():
            raise SyncError("credential_missing")
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise SyncError("credential_invalid")
        digest = sha256_hex(token)
        with self.db.read() as s:
            device = s.scalars(select(Device).where(Device.token_hash == digest)).first()
        # The lookup goes by hash, so timing reveals nothing about the token;
        # the constant-time comparison guards against a collation surprise.
        if device is None or not hmac.compare_digest(device.token_hash, digest):
            raise SyncError("credential_invalid")
        if device.revoked_at is not None:
            raise SyncError("credential_revoked")
        return DeviceIdentity(
            device.id, device.unit_code, device.slot, device.last_seen_at, device.registered_at
        )

    def touch(self, device: DeviceIdentity) -> None:
        """Record that the device called, at most once per TOUCH_INTERVAL."""
        now = self.clock()
        if device.last_seen_at is not None and now - device.last_seen_at < TOUCH_INTERVAL:
            return
        # No revision is drawn: no need to queue behind the writers' lock.
        with self.db.write(serialise=False) as s:
            row = s.get(Device, device.id)
            if row is not None:
                row.last_seen_at = now

    def revoke(self, device_id: str) -> DeviceInfo:
        """Revoke a device: its token and bundle key stop working, its slot is freed."""
        with self.db.write() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise NotFound("device_not_found", device_id=device_id)
            if device.revoked_at is None:
                device.revoked_at = self.clock()
            return _device_info(device)

    def devices(self, unit_code: str | None = None) -> list[DeviceInfo]:
        with self.db.read() as s:
            query = select(Device).order_by(Device.unit_code, Device.slot, Device.created_at)
            if unit_code:
                query = query.where(Device.unit_code == unit_code)
            return [_device_info(d) for d in s.scalars(query)]

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
            results = _BatchApplier(s, row, now).run(items)
            response = {"batch_id": batch_id, "cursor_hint": _high_water(s), "results": results}
            c = AppliedBatch.__table__.c
            s.execute(
                insert(AppliedBatch).values(
                    {
                        c.device_id: device.id,
                        c.batch_id: batch_id,
                        c.response: _json_text(wire_json.dumps(response), self.db.is_postgresql),
                        c.applied_at: now,
                        c.source: source,
                    }
                )
            )
            return BatchOutcome(response, replayed=False)

    # pull ---------------------------------------------------------------------------------

    def changes_since(self, device: DeviceIdentity, since: int, limit: int) -> ChangesPage:
        """The unit's changes after ``since`` made by other devices, oldest first.

        Two refinements of plain rev order (docs/sync.md, "Pull"):

        - A device's own writes are left out only from its latest registration
          on: a device registering again after losing its database gets back
          what it had pushed before.
        - An event or rating never comes before its dossier. A dossier changed
          after its history was written has a higher rev than that history; when
          a page holds an event whose dossier the device has not had yet, the
          dossier's current snapshot is moved (or, if it lies beyond the page,
          copied) just before the event. A copy comes again at its own place,
          with the same rev and data.
        """
        if since < 0:
            raise _bad_request("since must be >= 0")
        if not 1 <= limit <= MAX_PAGE:
            raise _bad_request(f"limit must be between 1 and {MAX_PAGE}")
        unit, fetch = device.unit_code, limit + 1
        scopes = (GLOBAL_SCOPE, unit)
        with self.db.read() as s:
            found = [
                _Change(rev, kind, dossier_id or "", data)
                for rev, kind, dossier_id, data in s.execute(
                    self._changes_query(device, since, fetch, scopes)
                ).all()
            ]
            more = len(found) > limit
            page = found[:limit]
            # Without more, everything of the unit up to this snapshot's newest
            # revision has been seen (own writes included): skip past it at once.
            cursor = page[-1].rev if more else max(since, self._unit_high_water(s, unit, scopes))
            changes = self._dossiers_first(s, device, since, page)
        return ChangesPage(changes, cursor, more)

    def _changes_query(
        self, device: DeviceIdentity, since: int, fetch: int, scopes: tuple[str, str]
    ) -> Select[tuple[int, str, str | None, dict[str, Any]]]:
        """The first ``fetch`` changes after ``since``: (rev, kind, dossier id, data).

        One statement: each branch walks its table's (unit_code, rev) index and
        stops after ``fetch`` rows, and only the rows of the page leave the
        database (and have their JSON decoded).
        """
        branches: list[Select[Any]] = []
        models: tuple[tuple[str, Any], ...] = (
            ("dossier", DossierDoc),
            ("event", EventDoc),
            ("rating", RatingDoc),
            ("complaint", ComplaintDoc),
        )
        for kind, model in models:
            c = _table(model).c
            dossier_id: Any
            if kind == "dossier":
                dossier_id, mine = c.id, self._not_own(device, c.last_device, c.updated_at)
            elif kind == "complaint":
                # The complaint's dossier, if any, travels inside its data.
                dossier_id = cast(null(), String())
                mine = self._not_own(device, c.last_device, c.updated_at)
            else:
                dossier_id, mine = (
                    c.dossier_id,
                    self._not_own(device, c.origin_device, c.created_at),
                )
            branch = (
                select(
                    c.rev, literal(kind, String()).label("kind"), dossier_id.label("ref"), c.data
                )
                .where(c.unit_code == device.unit_code, c.rev > since, mine)
                .order_by(c.rev)
                .limit(fetch)
                .subquery()
            )
            branches.append(select(branch))
        p = PublishedDoc.__table__.c
        published = (
            select(p.rev, p.kind, cast(null(), String()).label("ref"), p.data)
            .where(p.scope.in_(scopes), p.rev > since)
            .order_by(p.rev)
            .limit(fetch)
            .subquery()
        )
        branches.append(select(published))
        changes = union_all(*branches).subquery()
        return (
            select(changes.c.rev, changes.c.kind, changes.c.ref, changes.c.data)
            .order_by(changes.c.rev)
            .limit(fetch)
        )

    @staticmethod
    def _not_own(device: DeviceIdentity, writer: Any, written_at: Any) -> Any:
        if device.registered_at is None:
            return writer != device.id
        return or_(writer != device.id, written_at < device.registered_at)

    def _dossiers_first(
        self, s: Session, device: DeviceIdentity, since: int, page: list[_Change]
    ) -> list[dict[str, Any]]:
        in_page = {c.dossier_id: c for c in page if c.kind == "dossier"}
        needed = {c.dossier_id for c in page if c.kind in ("event", "rating")} - set(in_page)
        ahead: dict[str, _Change] = {}
        t = DossierDoc.__table__.c
        for chunk in _id_chunks(needed, self.db.is_postgresql):
            # Only dossiers the device has not had: changed after ``since`` and
            # not its own (it holds those). One query per page.
            query = select(t.id, t.rev, t.data).where(
                _among(t.id, chunk, self.db.is_postgresql),
                t.unit_code == device.unit_code,
                t.rev > since,
                self._not_own(device, t.last_device, t.updated_at),
            )
            for dossier_id, rev, data in s.execute(query).all():
                ahead[dossier_id] = _Change(rev, "dossier", dossier_id, data)
        changes: list[dict[str, Any]] = []
        sent: set[str] = set()
        for change in page:
            if change.kind == "dossier":
                if change.dossier_id in sent:
                    continue
                sent.add(change.dossier_id)
            elif change.kind in ("event", "rating"):
                dossier_id = change.dossier_id
                early = in_page.get(dossier_id) or ahead.get(dossier_id)
                if early is not None and dossier_id not in sent:
                    sent.add(dossier_id)
                    changes.append({"rev": early.rev, "kind": "dossier", "data": early.data})
            changes.append({"rev": change.rev, "kind": change.kind, "data": change.data})
        return changes

    @staticmethod
    def _unit_high_water(s: Session, unit: str, scopes: tuple[str, str]) -> int:
        tops = [
            s.execute(select(func.max(DossierDoc.rev)).where(DossierDoc.unit_code == unit)),
            s.execute(select(func.max(EventDoc.rev)).where(EventDoc.unit_code == unit)),
            s.execute(select(func.max(RatingDoc.rev)).where(RatingDoc.unit_code == unit)),
            s.execute(select(func.max(ComplaintDoc.rev)).where(ComplaintDoc.unit_code == unit)),
            s.execute(select(func.max(PublishedDoc.rev)).where(PublishedDoc.scope.in_(scopes))),
        ]
        return max((int(t.scalar() or 0) for t in tops), default=0)

    # published documents -----------------------------------------------------------------

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
            rev = _draw_revisions(s, 1)
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

    def ping(self) -> None:
        with self.db.read() as s:
            s.execute(text("SELECT 1"))


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
            document[key] = _nfc(value)
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


def error_detail(exc: SyncError) -> str:
    """A one-line English description of an error for the API's ``detail`` field."""
    detail = exc.params.get("detail")
    if isinstance(detail, str):
        return detail
    return DETAILS.get(exc.code, exc.describe())


DETAILS = {
    "credential_missing": "no Authorization: Bearer token",
    "credential_invalid": "unknown token",
    "credential_revoked": "this device has been revoked",
    "enrolment_code_invalid": "unknown enrolment code",
    "enrolment_code_used": "this enrolment code has already been used",
    "enrolment_code_expired": "this enrolment code has expired",
    "no_free_slot": "every device slot (0-9) of the unit is taken",
    "unit_mismatch": "the device holds dossiers of another unit than the enrolment code's",
    "batch_too_large": f"at most {MAX_BATCH_ITEMS} items per batch",
    "device_too_old": "this device's version is too old for the server: install the "
    "server's version or newer",
    "server_error": "internal error, logged on the server",
    "forbidden": "this credential may not do that",
    "report_unavailable": "the province report needs a PostgreSQL server database",
}

__all__ = [
    "HTTP_STATUS",
    "MAX_BATCH_ITEMS",
    "MAX_PAGE",
    "BatchOutcome",
    "ChangesPage",
    "DeviceIdentity",
    "DeviceInfo",
    "EnrolmentTicket",
    "ImportOutcome",
    "PublishOutcome",
    "Registration",
    "SyncStore",
    "error_detail",
    "parse_push_request",
    "utc_now",
    "validate_unit_settings",
]
