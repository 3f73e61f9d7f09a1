"""What the parts of the sync server's store share: limits, codes, results, SQL helpers."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Table,
    Text,
    bindparam,
    cast,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats.bundle import (
    BundleHeader,
)
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.models import (
    AccessDoc,
    AccountDoc,
    ComplaintDoc,
    Device,
    DossierDoc,
    EventDoc,
    FieldSessionDoc,
    HomeResidentDoc,
    HomeVisitDoc,
    RatingDoc,
)

MAX_BATCH_ITEMS = 1000
# One pushed record (a dossier with its components, an event …) is a few
# kilobytes; the cap keeps one record from weighing on every page that holds it.
MAX_RECORD_BYTES = 2 * 1024 * 1024
# A page of changes stops growing at this many bytes of records (a single
# larger record, stored before the cap existed, still goes alone).
MAX_PAGE_BYTES = 8 * 1024 * 1024
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

KINDS_PUSHED = (
    "dossier",
    "event",
    "rating",
    "complaint",
    "field_session",
    "home_resident",
    "home_visit",
    "access",  # a device's access-log entry (issue 12 item 4): kept, never pulled
    "account",
)
VersionedModel = (
    type[ComplaintDoc]
    | type[FieldSessionDoc]
    | type[HomeResidentDoc]
    | type[HomeVisitDoc]
    | type[AccountDoc]
)
# Records the devices change after making them (a complaint resolved, a Saturday
# session opened and closed, a home visit planned and recorded): the newest
# ``version`` wins, one row per id.
VERSIONED_MODELS: dict[str, VersionedModel] = {
    "complaint": ComplaintDoc,
    "field_session": FieldSessionDoc,
    "home_resident": HomeResidentDoc,
    "home_visit": HomeVisitDoc,
    # Officer accounts (issue 12): merged part by part, not replaced whole
    # (core/accounts.merge_account; push.BatchApplier._account).
    "account": AccountDoc,
}
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
    "device_id_taken": 409,
    "device_key_mismatch": 409,
    "chain_head_invalid": 403,
    "unit_mismatch": 409,
    "batch_too_large": 413,
    "device_too_old": 426,
    "rate_limited": 429,
    "server_error": 500,
    "report_unavailable": 501,
}


def utc_now() -> datetime:
    return datetime.now(UTC)


def sha256_hex(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def bearer_digest(authorization: str | None) -> str:
    """The SHA-256 of the token in an ``Authorization: Bearer …`` header; credential_missing
    or credential_invalid when there is none."""
    if not authorization or not authorization.strip():
        raise SyncError("credential_missing")
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise SyncError("credential_invalid")
    return sha256_hex(token)


def normalise_enrolment_code(code: str) -> str:
    """Upper case, separators dropped, Crockford's look-alikes mapped (O→0, I/L→1)."""
    cleaned = re.sub(r"[\s-]", "", code).upper()
    return cleaned.translate(str.maketrans("OIL", "011"))


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def bad_request(detail: str) -> SyncError:
    return SyncError("bad_request", detail=detail)


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


def device_info(row: Device) -> DeviceInfo:
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


def chunks(values: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    batch: list[str] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def id_chunks(values: Iterable[str], postgresql: bool) -> Iterable[list[str]]:
    """Sorted chunks of ids for ``_among``: one JSON parameter per chunk on PostgreSQL,
    one parameter per id on SQLite."""
    return chunks(sorted(values), 5000 if postgresql else 500)


def among(col: ColumnElement[str], values: list[str], postgresql: bool) -> ColumnElement[bool]:
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


def json_text(value: str | ColumnElement[Any], postgresql: bool) -> ColumnElement[Any]:
    """JSON text for a JSON column, stored as it is (JSONB parses it on PostgreSQL).

    The text is made once (``json.dumps``) instead of again by the driver.
    """
    bound = literal(value, Text()) if isinstance(value, str) else value
    return cast(bound, JSONB()) if postgresql else bound


def copy_rows(
    s: Session,
    table: Table,
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    json_texts: Collection[str] = (),
) -> None:
    """Insert ``rows`` (values of the columns ``names``, in that order) in the
    session's transaction: on PostgreSQL one ``COPY … FROM STDIN`` stream (a
    push writes thousands of rows a batch: one statement per row, even
    pipelined, cost more than PostgreSQL's own work), elsewhere an executemany.

    Values go through the columns' own bind processing (a UTC column's
    check, say), but for the ``json_texts`` columns: JSON text stored as it is
    (PostgreSQL parses it into JSONB).
    """
    rows = list(rows)
    if not rows:
        return
    connection = s.connection()
    dialect = connection.dialect
    if dialect.name != "postgresql":
        keys = [f"v_{name}" for name in names]
        statement = table.insert().values(
            {
                # A JSON text column takes the text as it is (no encoding again).
                name: bindparam(key, type_=Text()) if name in json_texts else bindparam(key)
                for name, key in zip(names, keys, strict=True)
            }
        )
        connection.execute(statement, [dict(zip(keys, row, strict=True)) for row in rows])
        return
    processors = [
        None if name in json_texts else table.c[name].type.bind_processor(dialect) for name in names
    ]
    if any(processors):
        rows = (
            [value if p is None else p(value) for p, value in zip(processors, row, strict=True)]
            for row in rows
        )
    columns = ", ".join(f'"{name}"' for name in names)
    driver: Any = connection.connection.driver_connection
    with (
        driver.cursor() as cursor,
        cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy,
    ):
        for row in rows:
            copy.write_row(row)


def draw_revisions(s: Session, count: int) -> int:
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


def high_water(s: Session) -> int:
    """The newest revision drawn so far (under the writers' lock: the newest committed)."""
    if s.get_bind().dialect.name == "postgresql":
        value = s.execute(
            text("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM hcc_revision")
        ).scalar_one()
    else:
        value = s.execute(text("SELECT value FROM revision_counter WHERE id = 1")).scalar_one()
    return int(value)


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
    "device_id_taken": "this device id belongs to an active device; register with a new "
    "device id, or with the device's current token, or revoke the device first",
    "device_key_mismatch": "the server holds another public key for this device; register "
    "the device again to replace it",
    "chain_head_invalid": "the push's device-chain head is missing, wrong or not signed with "
    "the device's key",
    "unit_mismatch": "the device holds dossiers of another unit than the enrolment code's",
    "batch_too_large": f"at most {MAX_BATCH_ITEMS} items per batch",
    "server_error": "internal error, logged on the server",
    "device_too_old": "this device's version is too old for the server: install the "
    "server's version or newer",
    "rate_limited": "too many failed attempts; try again later",
    "forbidden": "this credential may not do that",
    "report_unavailable": "the province report needs a PostgreSQL server database",
}


class StoreBase:
    """What every part of the store shares: the database and the clock."""

    def __init__(self, db: ServerDatabase, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.db = db
        self.clock = clock


def doc_table(
    model: type[DossierDoc] | type[EventDoc] | type[RatingDoc] | type[AccessDoc] | VersionedModel,
) -> Table:
    """The Core table of a document model (typed for SQLAlchemy Core statements)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
