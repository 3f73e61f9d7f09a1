"""Tamper-evident hash chains (issue 12 item 3): canonical encoding and checks.

Pure functions, no database. A record (a dossier event, an access-log entry) is
a plain mapping of its content. Its hash is SHA-256 over a canonical encoding of
that content plus ``prev_hash``:

- JSON with sorted keys, no insignificant whitespace, ``ensure_ascii=False``;
- every string NFC-normalised (so "Nguyễn" typed decomposed hashes the same);
- datetimes in one fixed form: naive ISO ``YYYY-MM-DDTHH:MM:SS.ffffff``; an
  aware datetime is first converted to UTC and written with a ``Z`` suffix;
- dates as ``YYYY-MM-DD``; tuples as lists; ``None`` as ``null``.

Two chains are checked:

- per dossier: each event's ``prev_hash`` names an existing event of the same
  dossier or is :data:`GENESIS` (the receipt). Two devices appending offline
  fork the chain; a fork verifies as long as every link names a known event.
  Exactly one genesis event (the receipt) per dossier.
- per device: the records a device wrote, ordered by ``device_seq``, are
  linear and gap-free (1, 2, 3 …) and each ``device_prev_hash`` is the previous
  record's hash (:data:`GENESIS` for sequence 1).

Every finding names the record and what is wrong (:class:`Break`), so the CLI
and the UI can print the first broken link in Vietnamese.
"""

from __future__ import annotations

import hashlib
import json
import operator
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import orjson

GENESIS = "0" * 64

_normalize = unicodedata.normalize
# What json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False) builds
# on every call, built once.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class BreakKind(StrEnum):
    HASH_MISMATCH = "hash_mismatch"  # content (or prev_hash) edited after writing
    UNKNOWN_PREV = "unknown_prev"  # prev_hash names no event of the dossier: one dropped
    NO_GENESIS = "no_genesis"  # the receipt event is missing
    EXTRA_GENESIS = "extra_genesis"  # a second receipt-like root
    DUPLICATE_HASH = "duplicate_hash"  # the same content replayed under a new id
    DEVICE_GAP = "device_gap"  # a device sequence number is missing
    DEVICE_DUPLICATE_SEQ = "device_duplicate_seq"
    DEVICE_PREV_MISMATCH = "device_prev_mismatch"  # reordered or dropped device record


@dataclass(frozen=True)
class Break:
    kind: BreakKind
    record_id: str
    scope: str  # dossier id or device id
    detail: str = ""


def _canon(value: Any) -> Any:
    # Exact types first (the audit encodes every event of a store): the same result
    # as the general checks below, without their abstract-class look-ups.
    kind = type(value)
    if kind is str:
        return _normalize("NFC", value)
    if kind is dict:
        out = {}
        for k, v in value.items():
            k = _normalize("NFC", k) if type(k) is str else _canon_key(k)
            vkind = type(v)
            if vkind is str:
                v = _normalize("NFC", v)
            elif not (v is None or vkind is int or vkind is bool or vkind is float):
                v = _canon(v)
            out[k] = v
        return out
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if kind is list:
        return [_canon(v) for v in value]
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            utc = value.astimezone(UTC).replace(tzinfo=None)
            return utc.isoformat(timespec="microseconds") + "Z"
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {_canon_key(k): _canon(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canon(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    raise TypeError(f"cannot canonicalise {type(value).__name__}")


def _canon_key(key: object) -> str:
    if type(key) is str:
        return _normalize("NFC", key)
    if not isinstance(key, str):
        raise TypeError("mapping keys must be strings")
    return unicodedata.normalize("NFC", key)


def _datetime_text(value: Any) -> str:
    """A datetime or a date as :func:`_canon` writes it (orjson's ``default``)."""
    if type(value) is datetime and value.tzinfo is None:
        return value.isoformat(timespec="microseconds")
    if isinstance(value, datetime):
        return str(_canon(value))
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot canonicalise {type(value).__name__}")


# Types orjson writes byte for byte as the standard encoder writes _canon's copy
# (strings: same escapes, checked for every code point; integers up to 64 bits,
# larger ones it refuses; keys sorted by code point). Floats are not among them
# (exponents, NaN), nor the types orjson writes and _canon refuses (UUIDs, plain
# enums, dataclasses).
_PLAIN = frozenset({str, int, bool, type(None)})
_DATES = frozenset({datetime, date})
_FAST = orjson.OPT_SORT_KEYS | orjson.OPT_PASSTHROUGH_DATETIME


def _plain(value: Any) -> bool:
    """Whether orjson may encode ``value`` for :func:`canonical_bytes` (no float, no
    other type than str, int, bool, None, dict, list, tuple, datetime and date)."""
    kind = type(value)
    if kind is dict:
        values: Iterable[Any] = value.values()
    elif kind is list or kind is tuple:
        values = value
    else:
        return kind in _PLAIN or kind in _DATES
    for item in values:
        kind = type(item)
        if kind in _PLAIN or kind in _DATES:
            continue
        if not _plain(item):
            return False
    return True


def canonical_bytes(content: Mapping[str, Any]) -> bytes:
    """The canonical UTF-8 encoding of ``content`` (see module docstring).

    Hashing a push or a store's history encodes tens of thousands of records:
    orjson writes them directly when that gives the same bytes as encoding
    :func:`_canon`'s copy with the standard encoder: plain values only
    (``_plain``), every key text (orjson refuses others, as _canon does) and the
    text written already NFC. JSON's quotes and escapes never combine with a
    neighbour, so a whole NFC text means every key and string in it is NFC.
    Anything else takes the walk.
    """
    if type(content) is dict and _plain(content):
        try:
            raw = orjson.dumps(content, default=_datetime_text, option=_FAST)
        except TypeError:  # a key that is not text, a lone surrogate, a huge integer
            pass
        else:
            if raw.isascii() or unicodedata.is_normalized("NFC", raw.decode("utf-8")):
                return raw
    return _ENCODER.encode(_canon(content)).encode("utf-8")


def record_hash(content: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 hex of the canonical content with ``prev_hash`` folded in."""
    payload = dict(content)
    payload["prev_hash"] = prev_hash
    return hashlib.sha256(canonical_bytes(payload)).hexdigest()


@dataclass(frozen=True)
class ChainedEvent:
    """One dossier event as stored: its content, prev_hash and stored hash."""

    id: str
    dossier_id: str
    content: Mapping[str, Any]
    prev_hash: str
    hash: str


def verify_dossier_chain(events: Iterable[ChainedEvent]) -> list[Break]:
    """All breaks of the per-dossier chains in ``events`` (any order, any dossiers)."""
    by_dossier: dict[str, list[ChainedEvent]] = {}
    for event in events:
        by_dossier.setdefault(event.dossier_id, []).append(event)
    breaks: list[Break] = []
    for dossier_id in sorted(by_dossier):
        breaks.extend(_verify_one_dossier(dossier_id, by_dossier[dossier_id]))
    return breaks


def _verify_one_dossier(dossier_id: str, events: Sequence[ChainedEvent]) -> list[Break]:
    breaks: list[Break] = []
    known: set[str] = set()
    seen_content: dict[str, str] = {}
    for event in events:
        expected = record_hash(event.content, event.prev_hash)
        if expected != event.hash:
            breaks.append(Break(BreakKind.HASH_MISMATCH, event.id, dossier_id))
        # The same (content, prev_hash) is the same hashed payload, so the expected
        # hash identifies a replay: one canonical encoding per event, not two. A
        # content with its own "prev_hash" key (which record_hash overwrites) would
        # not be told apart that way; it keeps the separate encoding.
        if "prev_hash" in event.content:
            body = hashlib.sha256(canonical_bytes(event.content)).hexdigest() + event.prev_hash
        else:
            body = expected
        if body in seen_content:
            breaks.append(Break(BreakKind.DUPLICATE_HASH, event.id, dossier_id, seen_content[body]))
        else:
            seen_content[body] = event.id
        known.add(event.hash)
    roots = [e for e in events if e.prev_hash == GENESIS]
    if not roots:
        first = events[0].id if events else ""
        breaks.append(Break(BreakKind.NO_GENESIS, first, dossier_id))
    for extra in roots[1:]:
        breaks.append(Break(BreakKind.EXTRA_GENESIS, extra.id, dossier_id))
    for event in events:
        if event.prev_hash != GENESIS and event.prev_hash not in known:
            breaks.append(Break(BreakKind.UNKNOWN_PREV, event.id, dossier_id, event.prev_hash))
    return breaks


@dataclass(frozen=True)
class DeviceRecord:
    """One record in a device's own chain (event or access-log entry)."""

    id: str
    device_id: str
    device_seq: int
    device_prev_hash: str
    hash: str


def verify_device_chain(records: Iterable[DeviceRecord]) -> list[Break]:
    """Per device: sequence 1.. gap-free and each record links to the previous hash."""
    ordered = sorted(records, key=lambda r: (r.device_id, r.device_seq))  # stable
    walker = DeviceChainWalker()
    return [b for record in ordered for b in walker.feed(record)]


class DeviceChainWalker:
    """:func:`verify_device_chain` as a stream: feed the records ordered by
    (device_id, device_seq), ties in the order they were written down; each call
    returns the breaks of that record. Holds one device's position only, so a
    whole store's chain is checked without holding it (services/audit)."""

    def __init__(self) -> None:
        self._device: str | None = None
        self._prev_hash = GENESIS
        self._expected_seq = 1

    def feed(self, record: DeviceRecord) -> list[Break]:
        device_id = record.device_id
        if device_id != self._device:
            self._device, self._prev_hash, self._expected_seq = device_id, GENESIS, 1
        if record.device_seq < self._expected_seq:
            return [
                Break(BreakKind.DEVICE_DUPLICATE_SEQ, record.id, device_id, str(record.device_seq))
            ]
        breaks: list[Break] = []
        if record.device_seq > self._expected_seq:
            breaks.append(
                Break(BreakKind.DEVICE_GAP, record.id, device_id, str(self._expected_seq))
            )
            self._prev_hash = record.device_prev_hash  # resynchronise after reporting
        if record.device_prev_hash != self._prev_hash:
            breaks.append(Break(BreakKind.DEVICE_PREV_MISMATCH, record.id, device_id))
        self._prev_hash = record.hash
        self._expected_seq = record.device_seq + 1
        return breaks


def device_head(records: Iterable[DeviceRecord]) -> str:
    """The hash of the device's last record (:data:`GENESIS` when none): what gets signed."""
    last: DeviceRecord | None = None
    for record in records:
        if last is None or record.device_seq > last.device_seq:
            last = record
    return GENESIS if last is None else last.hash


# -- what a dossier event's hash covers ----------------------------------------------------

# The dossier's fixed receipt fields, folded into the receipt (genesis) event's
# content: a later direct edit of the owner or CCCD in the row breaks that hash.
RECEIPT_FIELDS = (
    "owner_name",
    "owner_id_number",
    "owner_phone",
    "owner_address",
    "procedure_code",
    "received_at",
)
EVENT_FIELDS = (
    "dossier_id",
    "kind",
    "at",
    "actor",
    "from_status",
    "to_status",
    "reason",
    "device_id",
    "recorded_at",
    "device_seq",
    "device_prev_hash",
)


_EVENT_GETTER = operator.attrgetter(*EVENT_FIELDS)


def _utc_naive(value: Any) -> Any:
    if type(value) is str or value is None:  # most columns: no datetime check
        return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


def _get(source: Any, name: str) -> Any:
    if isinstance(source, Mapping):
        return source.get(name)
    return getattr(source, name, None)


_UNPARSED: Any = object()


def event_content(event: Any, receipt: Any = None, *, data: Any = _UNPARSED) -> dict[str, Any]:
    """The hashed content of one dossier event (a row or a mapping of its columns).

    Datetimes are taken as stored (an aware one as UTC, naive), ``data_json`` as
    parsed JSON (so re-serialising it on the way does not matter). ``receipt``
    (the dossier row or mapping) is given for the genesis event only: its
    :data:`RECEIPT_FIELDS` join the content. ``data``, when given, is ``data_json``
    already parsed by :func:`parse_event_data` (the audit parses each event once).
    """
    if isinstance(event, Mapping):
        values = [event.get(name) for name in EVENT_FIELDS]
    else:
        try:
            values = list(_EVENT_GETTER(event))  # one call for all (the audit's rows)
        except AttributeError:
            values = [getattr(event, name, None) for name in EVENT_FIELDS]
    content: dict[str, Any] = {
        name: _utc_naive(value) for name, value in zip(EVENT_FIELDS, values, strict=True)
    }
    if data is _UNPARSED:
        data = parse_event_data(_get(event, "data_json"))
    content["data"] = data
    if receipt is not None:
        content["receipt"] = {name: _utc_naive(_get(receipt, name)) for name in RECEIPT_FIELDS}
    return content


def parse_event_data(data_json: Any) -> Any:
    """An event's ``data_json`` as its hash covers it: parsed JSON, or the text
    itself when it is not JSON (``{}`` when empty)."""
    raw = data_json or "{}"
    try:
        return json.loads(raw)
    except ValueError:
        return raw


# -- the same content read from the wire (the server's side) -------------------------------

_WIRE_DATETIMES = ("at", "recorded_at")


def _wire_datetime(value: Any) -> Any:
    """An ISO text as the device's stored naive datetime (the wire strips time zones
    the same way: an aware value becomes naive UTC)."""
    if not isinstance(value, str):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return _utc_naive(moment)


def wire_event_content(
    data: Mapping[str, Any], receipt: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """:func:`event_content` of an event as it travels (JSON: datetimes as ISO text).

    The server recomputes a pushed event's hash with this; the device hashed the
    stored row, whose datetimes are naive and whose ``data_json`` is text.
    """
    values = dict(data)
    for name in _WIRE_DATETIMES:
        values[name] = _wire_datetime(values.get(name))
    if receipt is not None:
        receipt = dict(receipt)
        receipt["received_at"] = _wire_datetime(receipt.get("received_at"))
    return event_content(values, receipt)


def original_receipt(
    receipt: Mapping[str, Any], corrections: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """The receipt fields as received: ``receipt`` (the dossier's fields now) with each
    ``receipt_corrected`` event's data (``before``/``after``) undone, newest last in
    ``corrections`` (they are undone newest first)."""
    out = {name: receipt.get(name) for name in RECEIPT_FIELDS}
    for data in reversed(corrections):
        before = data.get("before") if isinstance(data, Mapping) else None
        if not isinstance(before, Mapping):
            continue
        for name, value in before.items():
            if name in out:
                out[name] = value
    return out


# -- the signed device-chain head ----------------------------------------------------------
#
# Each push carries the head of the pushing device's chain (the sequence number
# and hash of its newest record in the batch) signed with the device's Ed25519
# key. The token alone (which a copied keyring file or a captured request may
# leak) cannot vouch for a chain: the private key never leaves the device.


def head_message(batch_id: str, device_id: str, device_seq: int, head_hash: str) -> bytes:
    """The bytes a device signs for one push: the batch, the device and its chain head."""
    return canonical_bytes(
        {
            "purpose": "hcc-device-chain-head",
            "batch_id": batch_id,
            "device_id": device_id,
            "device_seq": device_seq,
            "hash": head_hash,
        }
    )


def new_signing_key() -> tuple[str, str]:
    """A fresh Ed25519 key pair as (private, public), both raw bytes in base64."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = _b64(_private_raw(Ed25519PrivateKey.generate()))
    return private, public_key_of(private)


def _b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode("ascii")


def _private_raw(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(
        key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
    )


def _private_key(private_b64: str) -> Any:
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))


def public_key_of(private_b64: str) -> str:
    """The base64 raw public key of a base64 raw private key."""
    from cryptography.hazmat.primitives import serialization

    public = _private_key(private_b64).public_key()
    return _b64(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def sign_head(private_b64: str, message: bytes) -> str:
    """The base64 Ed25519 signature of ``message``."""
    return _b64(_private_key(private_b64).sign(message))


def valid_public_key(public_b64: Any) -> bool:
    """Whether ``public_b64`` is a base64 raw Ed25519 public key."""
    import base64
    import binascii

    if not isinstance(public_b64, str) or len(public_b64) > 64:
        return False
    try:
        raw = base64.b64decode(public_b64, validate=True)
    except (binascii.Error, ValueError):
        return False
    return len(raw) == 32


def verify_head(public_b64: str, message: bytes, signature_b64: Any) -> bool:
    """Whether ``signature_b64`` is the device's signature of ``message``."""
    import base64
    import binascii

    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(signature_b64, str) or len(signature_b64) > 128:
        return False
    try:
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64, validate=True))
        public.verify(base64.b64decode(signature_b64, validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


# -- access-log entries (issue 12 item 4) ----------------------------------------------------
#
# An access-log entry belongs to no dossier's chain (a book export covers many
# dossiers, a reprint none's history): it is a record of the writing device's own
# chain only, hashed over its content with ``device_prev_hash`` as its previous hash.

ACCESS_FIELDS = (
    "at",
    "officer",
    "officer_name",
    "role",
    "action",
    "dossier_id",
    "dossier_code",
    "id_number",
    "detail",
    "device_id",
    "device_seq",
)


def access_content(entry: Any) -> dict[str, Any]:
    """The hashed content of one access-log entry: a row, a mapping of its columns,
    or its wire form (``at`` as ISO text), all hashing the same."""
    content: dict[str, Any] = {name: _get(entry, name) for name in ACCESS_FIELDS}
    content["at"] = _utc_naive(_wire_datetime(content["at"]))
    content["record"] = "access"  # never the same content as an event's
    return content


def access_hash(entry: Any) -> str:
    """The hash an access-log entry must carry (its previous hash: ``device_prev_hash``)."""
    return record_hash(access_content(entry), str(_get(entry, "device_prev_hash") or ""))
