"""Device side of the offline-first batch sync with the central server (docs/sync.md).

How a sync runs
---------------
1. Push. The outbox is sent oldest first in batches of at most
   ``PUSH_BATCH`` items. A batch (its ``batch_id`` and the exact items) is
   written to ``sync_state["push_batch"]`` *before* it is sent, and removed
   in the transaction that records its results; so a batch whose response was
   lost (timeout, dropped connection, the process killed) is sent again with
   the same ``batch_id`` and the server, which keeps the response of every
   committed batch, replays it instead of applying it twice.
   Results, in one local transaction (which also takes and saves the next
   batch): a dossier ``applied``/``duplicate`` gets its ``server_rev``; its
   outbox row is deleted only if the dossier is still exactly what was sent
   (a dossier changed again meanwhile stays queued and goes with the next
   batch). Events and ratings are immutable: deleted.
   ``conflict``: a ``sync_conflicts`` row with both versions; the outbox row
   stays (the local change has not reached the server) but conflicted
   dossiers are held back from pushes until an officer resolves them.
   ``rejected``: the outbox row is deleted, so that a record the server will
   never take does not block the queue or loop forever, and the item (kind,
   id, dossier code, reason) is kept in ``sync_state["rejected"]`` for the
   officer and the administrator to see (``status().rejected``,
   ``rejected_items()``). The row itself stays in the local store.
2. Pull. Pages of ``GET /changes`` until ``more`` is false; each page and its
   cursor are applied in one local transaction (``sync_wire.apply_page``).
   ``calendar`` and ``unit_settings`` documents go through the settings
   service just before their page's transaction: they are whole documents,
   so applying one again after a crash is harmless. Nothing pulled is queued
   in the outbox.

``cancel`` is checked between batches and pages, so a cancelled sync stops
between two committed steps. Every failure is a SyncError with a code (see
``ERROR_CODES``), recorded with its time in ``sync_state["last_error"]``.

Events or ratings pulled before their dossier (the dossier's latest revision
can come in a later page) wait in ``sync_state["parked"]``; records the
device cannot take (malformed, another unit's, a code already used here) are
listed in ``sync_state["pull_skipped"]``.

TLS: ``https://`` servers are verified against certifi's public roots; a
private CA (self-signed server certificate) is given with the ``HCC_SYNC_CA``
environment variable (a PEM file) or ``ca_file=``.
"""

from __future__ import annotations

import json
import os
import ssl
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, and_, delete, func, not_, or_, select
from sqlalchemy.orm import Session

from hcc_desktop import __version__
from hcc_desktop.core.clock import local_now, to_local
from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import ConflictError, FieldError, NotFound, SyncError, ValidationError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.core.version import PROTOCOL_HEADER, PROTOCOL_VERSION, VERSION_HEADER
from hcc_desktop.db.engine import Database
from hcc_desktop.db.models import (
    DossierRow,
    OutboxRow,
    SyncConflictRow,
    SyncStateRow,
)
from hcc_desktop.services.catalog import CatalogService
from hcc_desktop.services.dossiers.query import dossier_from_row
from hcc_desktop.services.settings import SettingsService, validate_settings
from hcc_desktop.services.sync.outbox import enqueue
from hcc_desktop.services.sync.wire import (
    DossierSnapshot,
    PageOutcome,
    WireError,
    among,
    apply_page,
    calendar_from_wire,
    differences,
    dossier_to_wire,
    load_dossier,
    read_doc_wires,
    read_dossier_snapshots,
    record_conflict,
    same_dossier,
    snapshot_to_wire,
    unit_settings_from_wire,
    write_dossier,
)

if TYPE_CHECKING:
    import httpx

    from hcc_desktop.services.sync.credentials import Credential


def _httpx() -> Any:
    """httpx, imported on first network use (it costs start-up time)."""
    import httpx

    return httpx


def load_credential(device_id: str) -> Credential | None:
    # keyring and its backends load on first use: they cost start-up time.
    from hcc_desktop.services.sync import credentials

    return credentials.load_credential(device_id)


def store_credential(device_id: str, token: str, bundle_key: str) -> None:
    from hcc_desktop.services.sync import credentials

    credentials.store_credential(device_id, token, bundle_key)


# The server's limits (items per push, changes per page): fewer round trips
# and local commits for a large first sync.
PUSH_BATCH = 1000
PULL_PAGE = 1000
CA_ENV = "HCC_SYNC_CA"
DEFAULT_TIMEOUT = 30.0
# Kept in sync_state for the officer to see; older entries are dropped.
MAX_KEPT_ITEMS = 200

ERROR_CODES = (
    "not_registered",
    "server_unreachable",
    "tls_error",
    "credential_revoked",
    "credential_invalid",
    "server_rejected",
    "server_error",
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "no_free_slot",
    "bundle_write_failed",
    "unit_mismatch",
    "credential_unreadable",
    "credential_store_failed",
    "device_too_old",
)
# What this device tells the server it runs (module attributes: tests play an old device).
DEVICE_VERSION = __version__
DEVICE_PROTOCOL = PROTOCOL_VERSION

# Error codes of the server passed through as they are.
_PASSED_THROUGH = {
    "device_too_old",
    "credential_revoked",
    "credential_invalid",
    "enrolment_code_invalid",
    "enrolment_code_used",
    "enrolment_code_expired",
    "no_free_slot",
    "unit_mismatch",
}

# sync_state keys
CURSOR = "cursor"
PUSH_BATCH_KEY = "push_batch"
LAST_SYNC = "last_sync_at"
LAST_ERROR = "last_error"
REJECTED = "rejected"
PARKED = "parked"
PULL_SKIPPED = "pull_skipped"
LAST_EXPORT = "last_export"

Progress = Callable[[str, int, int], None]

_OUTBOX: Table = OutboxRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class RegistrationResult:
    device_id: str
    unit_code: str
    device_slot: int
    server_url: str
    server_time: str


@dataclass(frozen=True)
class SyncResult:
    pushed: int = 0  # items the server took (applied or already held)
    pulled: int = 0  # changes applied locally
    conflicts: int = 0  # new conflicts (push and pull)
    rejected: int = 0  # items the server refused
    duplicates: int = 0  # pushed items the server already held
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "cancelled": self.cancelled,
        }


@dataclass(frozen=True)
class SyncStatus:
    registered: bool
    server_url: str
    last_sync_at: datetime | None  # Vietnam time
    last_error: str | None
    last_error_at: datetime | None
    pending: int  # outbox entries
    open_conflicts: int
    rejected: int  # items the server refused (kept for review)
    days_since_sync: int | None
    warn: bool  # unsynced for longer than settings.sync_warn_days
    skipped: int = 0  # pulled records this device could not take (kept for review)
    last_error_params: Mapping[str, str] = field(default_factory=dict)

    @property
    def last_failure(self) -> SyncError | None:
        """The last error with its parameters (the units, the reason…), for its message."""
        if not self.last_error:
            return None
        return SyncError(self.last_error, **dict(self.last_error_params))

    def to_json(self) -> dict[str, Any]:
        def stamp(moment: datetime | None) -> str | None:
            return moment.isoformat(sep=" ", timespec="minutes") if moment else None

        return {
            "registered": self.registered,
            "server_url": self.server_url,
            "last_sync_at": stamp(self.last_sync_at),
            "last_error": self.last_error,
            "last_error_at": stamp(self.last_error_at),
            "last_error_params": dict(self.last_error_params),
            "pending": self.pending,
            "open_conflicts": self.open_conflicts,
            "rejected": self.rejected,
            "days_since_sync": self.days_since_sync,
            "warn": self.warn,
            "skipped": self.skipped,
        }


@dataclass(frozen=True)
class FieldDifference:
    field: str
    local: Any
    server: Any


@dataclass(frozen=True)
class SyncConflict:
    """A dossier changed here and on another device since they last agreed."""

    id: str
    dossier_id: str
    code: str
    detected_at: datetime  # Vietnam time
    server_rev: int
    fields: tuple[str, ...]  # the fields that differ
    differences: tuple[FieldDifference, ...]


@dataclass(frozen=True)
class RejectedItem:
    kind: str
    entity_id: str
    code: str  # the dossier's code ("" when unknown)
    reason: str
    detail: str
    at: str


def _result(totals: Mapping[str, int], *, cancelled: bool = False) -> SyncResult:
    return SyncResult(
        pushed=totals["pushed"],
        pulled=totals["pulled"],
        conflicts=totals["conflicts"],
        rejected=totals["rejected"],
        duplicates=totals["duplicates"],
        cancelled=cancelled,
    )


# -- sync_state helpers ------------------------------------------------------------------


def _get(s: Session, key: str, default: Any = None) -> Any:
    row = s.get(SyncStateRow, key)
    return json.loads(row.value) if row is not None else default


def _set(s: Session, key: str, value: Any) -> None:
    s.merge(SyncStateRow(key=key, value=json.dumps(value, ensure_ascii=False)))


def _drop(s: Session, key: str) -> None:
    s.execute(delete(SyncStateRow).where(SyncStateRow.key == key))


def _append_capped(s: Session, key: str, entries: Sequence[Mapping[str, Any]]) -> None:
    if entries:
        kept = list(_get(s, key, [])) + [dict(e) for e in entries]
        _set(s, key, kept[-MAX_KEPT_ITEMS:])


def _with_dossier_codes(s: Session, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rejected items with their dossier's code: an event or a rating names
    only its dossier's id, which means nothing to an officer."""
    ids = [e["dossier_id"] for e in entries if not e["code"] and e.get("dossier_id")]
    codes: dict[str, str] = {}
    if ids:
        query = select(DossierRow.id, DossierRow.code).where(among(DossierRow.id, ids))
        codes = {str(row[0]): str(row[1]) for row in s.execute(query).all()}
    for entry in entries:
        dossier_id = entry.pop("dossier_id", None)
        if not entry["code"]:
            entry["code"] = codes.get(dossier_id or "", "")
    return entries


def _error_params(error: Mapping[str, Any] | None) -> dict[str, str]:
    params = error.get("params") if error else None
    return {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}


def _random_uuids(count: int) -> list[str]:
    """``count`` random (version 4) UUID strings, as ``str(uuid.uuid4())``
    gives, at a fraction of its cost: a large outbox needs one per item."""
    found = []
    digits = os.urandom(16 * count).hex()
    for start in range(0, 32 * count, 32):
        h = digits[start : start + 32]
        variant = "89ab"[int(h[16], 16) & 3]
        found.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}")
    return found


def _is_batch(saved: str, batch_id: str) -> bool:
    """Whether the saved batch text is the batch ``batch_id``: read from the
    head of the text this module wrote, without decoding its 1,000 items."""
    head = json.dumps({"batch_id": batch_id}, ensure_ascii=False, separators=(",", ":"))
    if saved.startswith(head[:-1] + ","):
        return True
    return bool(json.loads(saved).get("batch_id") == batch_id)


def _encode_batch(items: list[dict[str, Any]]) -> tuple[dict[str, Any], str]:
    batch = {"batch_id": str(uuid.uuid4()), "items": items}
    # Encoded once: the saved text is the request body.
    try:
        return batch, wire_json.dumps(batch)
    except TypeError:
        # A value orjson refuses (say a lone surrogate): the standard encoder
        # escapes it, and the server rejects that one record.
        return batch, json.dumps(batch, separators=(",", ":"))


class _Run(NamedTuple):
    """What one sync's push and pull share."""

    client: httpx.Client
    ahead: ThreadPoolExecutor  # the helper thread that works a step ahead
    totals: dict[str, int]
    progress: Progress
    cancel: Callable[[], bool]


class _Batch(NamedTuple):
    """A batch saved in sync_state: sent as it is, until its results are recorded."""

    body: dict[str, Any]
    text: str  # ``body`` as JSON: the saved value and the request body
    key: str  # its sync_state key
    last_seq: int | None  # the newest outbox row it holds; None: none left
    # Known when this process read the batch (not for one saved by a run that
    # crashed): the outbox row of each item, the dossiers as they were read.
    seqs: tuple[int, ...] | None = None
    snapshots: Mapping[str, DossierSnapshot] | None = None


def _saved_key(first_seq: int) -> str:
    """The sync_state key of a batch starting at outbox row ``first_seq``:
    keys sort in sending order (a key of the older, single-slot form,
    ``push_batch`` itself, sorts first)."""
    return f"{PUSH_BATCH_KEY}.{first_seq:012d}"


class _Prepared:
    """A batch read and encoded but not yet saved: ``seqs`` are the outbox
    rows of its items, ``vanished`` rows whose record is gone."""

    def __init__(
        self,
        encoded: tuple[dict[str, Any], str],
        seqs: list[int],
        vanished: list[int],
        last_seq: int | None,
        snapshots: Mapping[str, DossierSnapshot],
    ) -> None:
        self.batch, self.text = encoded
        self.seqs = seqs
        self.vanished = vanished
        self.last_seq = last_seq
        self.snapshots = snapshots


def is_tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    return "[SSL" in text or "CERTIFICATE_VERIFY_FAILED" in text


class SyncService:
    """Registration, push/pull, conflicts and bundles of this device."""

    def __init__(
        self,
        db: Database,
        *,
        settings: SettingsService,
        catalog: CatalogService,
        clock: Callable[[], datetime] = local_now,
        ca_file: Path | str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self._db = db
        self._settings = settings
        self._catalog = catalog
        self._clock = clock
        self._ca_file = ca_file
        self._timeout = timeout
        self._ssl: tuple[str, ssl.SSLContext] | None = None
        self._running = threading.Lock()

    # -- HTTP ------------------------------------------------------------------------------

    def _verify(self) -> ssl.SSLContext:
        """The TLS context: the CA file when one is configured, else certifi's
        roots; built once per CA (loading a trust store takes tens of ms)."""
        ca = str(self._ca_file or os.environ.get(CA_ENV) or "")
        if self._ssl is None or self._ssl[0] != ca:
            try:
                context = (
                    ssl.create_default_context(cafile=ca) if ca else _httpx().create_ssl_context()
                )
            except (OSError, ssl.SSLError) as exc:
                raise SyncError("tls_error", ca_file=ca, detail=str(exc)) from exc
            self._ssl = (ca, context)
        return self._ssl[1]

    def _client(self, server_url: str, token: str | None = None) -> httpx.Client:
        # Every request says which version and sync protocol this device runs:
        # a server newer than the device's protocol refuses it (device_too_old).
        headers = {
            "User-Agent": f"hcc-desktop/{DEVICE_VERSION}",
            VERSION_HEADER: DEVICE_VERSION,
            PROTOCOL_HEADER: str(DEVICE_PROTOCOL),
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return _httpx().Client(
            base_url=server_url,
            headers=headers,
            verify=self._verify(),
            timeout=_httpx().Timeout(self._timeout, connect=min(self._timeout, 10.0)),
        )

    @staticmethod
    def _call(client: httpx.Client, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = client.request(method, path, **kwargs)
        except _httpx().TimeoutException as exc:
            raise SyncError("server_unreachable", reason="timeout", detail=str(exc)) from exc
        except _httpx().TransportError as exc:
            if is_tls_failure(exc):
                raise SyncError("tls_error", detail=str(exc)) from exc
            raise SyncError("server_unreachable", detail=str(exc) or type(exc).__name__) from exc
        try:
            body = wire_json.loads(response.content)
        except ValueError:
            body = None
        status = response.status_code
        if status >= 500:
            raise SyncError("server_error", status=status)
        if status >= 400:
            code = body.get("error") if isinstance(body, dict) else None
            detail = body.get("detail", "") if isinstance(body, dict) else response.text[:200]
            if code in _PASSED_THROUGH:
                params = body.get("params") if isinstance(body, dict) else None
                if not isinstance(params, dict):
                    params = {}
                raise SyncError(str(code), **{str(k): str(v) for k, v in params.items()})
            if code == "credential_missing":
                raise SyncError("credential_invalid")
            raise SyncError(
                "server_rejected", reason=str(code or f"http_{status}"), detail=str(detail)
            )
        if not isinstance(body, dict):
            raise SyncError("server_error", status=status, detail="response is not a JSON object")
        return body

    # -- errors -------------------------------------------------------------------------------

    def _record_error(self, exc: SyncError) -> None:
        entry = {
            "code": exc.code,
            "at": self._clock().isoformat(timespec="seconds"),
            "params": {k: str(v) for k, v in exc.params.items()},
        }
        with self._db.write() as s:
            _set(s, LAST_ERROR, entry)

    def _credential(self) -> tuple[str, Credential]:
        settings = self._settings.load()
        credential = load_credential(settings.device_id)
        if not settings.server_url or credential is None:
            raise SyncError("not_registered")
        return settings.server_url, credential

    # -- registration -------------------------------------------------------------------------

    def register(
        self, server_url: str, code: str, *, device_name: str | None = None
    ) -> RegistrationResult:
        """Enrol this device with a one-time code from ``server enrol``.

        Stores the token and bundle key in the keyring and the server URL, unit
        and slot in the settings. Refused (``unit_mismatch``) when the device
        already holds dossiers of another unit: by the server, which then
        leaves the code unused, or by the device for an older server.
        """
        try:
            return self._register(server_url, code, device_name)
        except SyncError as exc:
            # A registered device keeps its last sync error: a refused new
            # enrolment says nothing of how its syncs go.
            if not self.status().registered:
                self._record_error(exc)
            raise

    def _register(self, server_url: str, code: str, device_name: str | None) -> RegistrationResult:
        url = server_url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValidationError([FieldError("server_url", "url_format")])
        if not code.strip():
            raise ValidationError([FieldError("code", "required")])
        settings = self._settings.load()
        name = (device_name or "").strip() or settings.device_name
        # The units of the dossiers held here: the server refuses a code of
        # another unit without using it up.
        with self._db.read() as s:
            held = sorted(s.scalars(select(DossierRow.unit_code).distinct().limit(100)))
        with self._client(url) as client:
            body = self._call(
                client,
                "POST",
                "/api/v1/devices/register",
                json={
                    "code": code.strip(),
                    "device_id": settings.device_id,
                    "device_name": name,
                    "held_units": held,
                },
            )
        try:
            unit_code = str(body["unit_code"])
            slot = int(body["device_slot"])
            token = str(body["token"])
            bundle_key = str(body["bundle_key"])
        except (KeyError, TypeError, ValueError):
            raise SyncError("server_error", detail="incomplete registration response") from None
        if body.get("device_id", settings.device_id) != settings.device_id:
            raise SyncError("server_error", detail="registration for another device id")
        with self._db.read() as s:
            other = s.scalar(
                select(DossierRow.unit_code).where(DossierRow.unit_code != unit_code).limit(1)
            )
        if other is not None:
            raise SyncError("unit_mismatch", device_unit=other, server_unit=unit_code)
        updated = replace(
            settings,
            server_url=url,
            unit_code=unit_code,
            device_slot=slot,
            device_name=name,
            unit_name=str(body.get("unit_name") or settings.unit_name),
        )
        validate_settings(updated)  # before the credential is stored
        store_credential(settings.device_id, token, bundle_key)
        self._settings.save(updated)
        with self._db.write() as s:
            if url != settings.server_url or unit_code != settings.unit_code:
                # Another server (or unit): its revisions mean nothing here.
                for key in (CURSOR, PARKED):
                    _drop(s, key)
            _drop(s, LAST_ERROR)
        return RegistrationResult(
            device_id=settings.device_id,
            unit_code=unit_code,
            device_slot=slot,
            server_url=url,
            server_time=str(body.get("server_time", "")),
        )

    # -- status -------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        settings = self._settings.load()
        try:
            registered = bool(settings.server_url) and (
                load_credential(settings.device_id) is not None
            )
        except SyncError:
            registered = False
        now = self._clock()
        with self._db.read() as s:
            pending = int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)
            oldest = s.scalar(select(func.min(OutboxRow.created_at)))
            conflicts = int(
                s.scalar(
                    select(func.count())
                    .select_from(SyncConflictRow)
                    .where(SyncConflictRow.resolved_at.is_(None))
                )
                or 0
            )
            last_sync_raw = _get(s, LAST_SYNC)
            error = _get(s, LAST_ERROR)
            rejected = len(_get(s, REJECTED, []))
            skipped = len(_get(s, PULL_SKIPPED, []))
        last_sync = datetime.fromisoformat(last_sync_raw) if last_sync_raw else None
        days = (now.date() - last_sync.date()).days if last_sync else None
        # Unsynced since the last sync, or (never synced) since the oldest change.
        since = last_sync or (to_local(oldest) if oldest is not None else None)
        warn = (
            registered
            and since is not None
            and (pending > 0 or last_sync is not None)
            and (now - since).days > settings.sync_warn_days
        )
        return SyncStatus(
            registered=registered,
            server_url=settings.server_url,
            last_sync_at=last_sync,
            last_error=error.get("code") if error else None,
            last_error_at=datetime.fromisoformat(error["at"]) if error else None,
            pending=pending,
            open_conflicts=conflicts,
            rejected=rejected,
            days_since_sync=days,
            warn=bool(warn),
            skipped=skipped,
            last_error_params=_error_params(error),
        )

    def rejected_items(self) -> list[RejectedItem]:
        """Items the server refused (newest last), kept for review."""
        with self._db.read() as s:
            entries = _get(s, REJECTED, [])
        return [
            RejectedItem(
                kind=str(e.get("kind", "")),
                entity_id=str(e.get("entity_id", "")),
                code=str(e.get("code", "")),
                reason=str(e.get("reason", "")),
                detail=str(e.get("detail", "")),
                at=str(e.get("at", "")),
            )
            for e in entries
        ]

    # -- sync ---------------------------------------------------------------------------------

    def sync(
        self,
        *,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> SyncResult:
        """Push the outbox, then pull the unit's changes.

        ``progress(phase, done, total)``: phase ``"push"`` (items sent so far,
        pending at the start) or ``"pull"`` (changes applied so far, total 0:
        unknown). ``cancel()`` is asked between batches and pages. Two calls on
        one service run one after the other.
        """
        with self._running:
            try:
                return self._sync(progress or (lambda _p, _d, _t: None), cancel or (lambda: False))
            except SyncError as exc:
                self._record_error(exc)
                raise

    def _sync(self, progress: Progress, cancel: Callable[[], bool]) -> SyncResult:
        server_url, credential = self._credential()
        totals = {"pushed": 0, "pulled": 0, "conflicts": 0, "rejected": 0, "duplicates": 0}
        # One helper thread works a step ahead: it reads and encodes the next
        # push batch while the server applies this one, and fetches the next
        # page of changes while this one is written. Only reads and requests
        # run ahead; what is saved or committed is decided here, in order.
        with (
            self._client(server_url, credential.token) as client,
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="hcc-sync-ahead") as ahead,
        ):
            if cancel():
                return _result(totals, cancelled=True)
            run = _Run(client, ahead, totals, progress, cancel)
            if not self._push(run) or not self._pull(run):
                return _result(totals, cancelled=True)
        progress("pull", totals["pulled"], totals["pulled"])
        with self._db.write() as s:
            _set(s, LAST_SYNC, self._clock().isoformat(timespec="seconds"))
            _drop(s, LAST_ERROR)
        return _result(totals)

    def _push(self, run: _Run) -> bool:
        """Send the outbox; False when cancelled.

        While a batch is in flight (sent by the helper thread), this thread
        records the results of the one before and reads, encodes and saves
        the next, in one local transaction: the device's work and the
        server's overlap. A batch is saved before it is sent, so at most two
        are saved at a time (the one in flight and the next); after a crash
        they are sent again in order. The server applies batches in the order
        they arrive, one at a time: the next leaves only once the previous
        has been answered.
        """
        client, ahead, totals, progress, cancel = run
        with self._db.read() as s:
            pending = int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)
        sent = 0
        with self._db.write() as s:
            queue = self._saved_batches(s)
            batch = queue.pop(0) if queue else self._save(s, self._read_batch(s, None))
        previous: tuple[_Batch, Mapping[str, Any]] | None = None
        while batch is not None:
            progress("push", sent, pending)
            in_flight = ahead.submit(self._post, client, batch)
            following: _Batch | None = None
            if queue:
                following = queue.pop(0)
                prepared = None
            elif batch.last_seq is not None:
                prepared = self._prepare_batch(batch.last_seq)
            else:
                prepared = None
            if prepared is not None and not (prepared.seqs or prepared.vanished):
                prepared = None  # nothing after this batch: no transaction for it
            if previous is not None or prepared is not None:
                # On a failure the executor waits for the request on the way out.
                outcome, saved = self._commit_push(previous, prepared=prepared)
                self._count(totals, outcome)
                following = following or saved
            previous = (batch, in_flight.result())
            sent += len(batch.body["items"])
            progress("push", min(sent, pending), pending)
            if cancel():
                # The next batch, if saved already, goes first next time.
                self._count(totals, self._commit_push(previous)[0])
                return False
            if following is None:
                # The end of the line read so far: record the last batch and
                # look again from the head of the outbox (rows left queued by
                # a dossier changed while in flight, rows added meanwhile).
                outcome, following = self._commit_push(previous, from_head=True)
                self._count(totals, outcome)
                previous = None
            batch = following
        return True

    @staticmethod
    def _count(totals: dict[str, int], outcome: Mapping[str, int]) -> None:
        for key in ("pushed", "duplicates", "conflicts", "rejected"):
            totals[key] += outcome[key]

    def _post(self, client: httpx.Client, batch: _Batch) -> dict[str, Any]:
        return self._call(
            client,
            "POST",
            "/api/v1/push",
            content=batch.text.encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )

    def _pull(self, run: _Run) -> bool:
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
            cursor, more, applied, conflicts = self._apply_pulled(page, cursor)
            totals["pulled"] += applied
            totals["conflicts"] += conflicts
            if not more or following is None:
                return True
            if cancel():
                return False
            progress("pull", totals["pulled"], 0)
            page = following.result()

    # -- push ---------------------------------------------------------------------------------

    def _cursor(self) -> int:
        with self._db.read() as s:
            return int(_get(s, CURSOR, 0))

    @staticmethod
    def _pending_rows(
        s: Session, limit: int | None, *, after: int | None = None
    ) -> list[tuple[int, str, str]]:
        """``(seq, kind, entity_id)`` of the outbox rows to push, oldest first
        (after ``seq`` ``after`` when given); dossiers with an open conflict
        wait for the officer."""
        conflicted = select(SyncConflictRow.dossier_id).where(SyncConflictRow.resolved_at.is_(None))
        query = (
            select(OutboxRow.seq, OutboxRow.kind, OutboxRow.entity_id)
            .where(not_(and_(OutboxRow.kind == "dossier", OutboxRow.entity_id.in_(conflicted))))
            .order_by(OutboxRow.seq)
        )
        if after is not None:
            query = query.where(OutboxRow.seq > after)
        if limit is not None:
            query = query.limit(limit)
        return [(seq, kind, entity_id) for seq, kind, entity_id in s.execute(query).all()]

    @staticmethod
    def _items(
        s: Session, rows: Sequence[tuple[int, str, str]]
    ) -> tuple[list[dict[str, Any]], list[int], list[int], dict[str, DossierSnapshot]]:
        """Push items for outbox rows, in their order, the ``seq`` of each
        item, the ``seq`` of the rows whose record is gone (nothing left to
        send) and the dossiers' snapshots."""
        ids: dict[str, list[str]] = {"dossier": [], "event": [], "rating": [], "complaint": []}
        for _seq, kind, entity_id in rows:
            ids.setdefault(kind, []).append(entity_id)
        snapshots = read_dossier_snapshots(s, ids["dossier"])
        dossiers = {i: snapshot_to_wire(snapshot) for i, snapshot in snapshots.items()}
        docs = {
            kind: read_doc_wires(s, kind, ids[kind]) for kind in ("event", "rating", "complaint")
        }
        items: list[dict[str, Any]] = []
        seqs: list[int] = []
        vanished: list[int] = []
        for (seq, kind, entity_id), item_id in zip(rows, _random_uuids(len(rows)), strict=True):
            item: dict[str, Any] = {"id": item_id, "kind": kind}
            if kind == "dossier" and entity_id in dossiers:
                item["base_rev"], item["data"] = dossiers[entity_id]
            elif kind in docs and entity_id in docs[kind]:
                item["data"] = docs[kind][entity_id]
            else:
                vanished.append(seq)
                continue
            items.append(item)
            seqs.append(seq)
        return items, seqs, vanished, snapshots

    def _read_batch(self, s: Session, after: int | None) -> _Prepared:
        rows = self._pending_rows(s, PUSH_BATCH, after=after)
        items, seqs, vanished, snapshots = self._items(s, rows)
        last = rows[-1][0] if rows else None
        return _Prepared(_encode_batch(items), seqs, vanished, last, snapshots)

    def _prepare_batch(self, after: int) -> _Prepared:
        """The batch after outbox row ``after``, read (not saved): the
        transaction that saves it (``_save``) checks what changed meanwhile."""
        with self._db.read() as s:
            return self._read_batch(s, after)

    def _saved_batches(self, s: Session) -> list[_Batch]:
        """Batches saved and not yet answered, in sending order."""
        key = SyncStateRow.key
        rows = s.scalars(
            select(SyncStateRow)
            .where(or_(key == PUSH_BATCH_KEY, key.like(PUSH_BATCH_KEY + ".%")))
            .order_by(key)
        ).all()
        batches = []
        for row in rows:
            body = dict(json.loads(row.value))
            seqs = self._outbox_seqs(s, body["items"])
            batches.append(_Batch(body, row.value, row.key, max(seqs.values(), default=None)))
        return batches

    @staticmethod
    def _outbox_seqs(s: Session, items: Sequence[Mapping[str, Any]]) -> dict[tuple[str, str], int]:
        """``(kind, entity id) → outbox seq`` of the items still queued."""
        wanted: dict[str, list[str]] = {}
        for item in items:
            wanted.setdefault(item["kind"], []).append(item["data"]["id"])
        found: dict[tuple[str, str], int] = {}
        for kind, ids in wanted.items():
            query = select(OutboxRow.entity_id, OutboxRow.seq).where(
                OutboxRow.kind == kind, among(OutboxRow.entity_id, ids)
            )
            found.update(((kind, e), seq) for e, seq in s.execute(query).all())
        return found

    @staticmethod
    def _save(s: Session, prepared: _Prepared) -> _Batch | None:
        """Save ``prepared`` (minus the rows gone since it was read: another
        process pushed them) as the next batch to send; None when nothing is left."""
        if prepared.vanished:
            s.execute(delete(_OUTBOX).where(among(_OUTBOX.c.seq, prepared.vanished)))
        if not prepared.seqs:
            return None
        present = set(s.scalars(select(OutboxRow.seq).where(among(OutboxRow.seq, prepared.seqs))))
        batch, text, seqs = prepared.batch, prepared.text, prepared.seqs
        if len(present) < len(seqs):
            kept = [(i, q) for i, q in zip(batch["items"], seqs, strict=True) if q in present]
            if not kept:
                return None
            batch, text = _encode_batch([item for item, _ in kept])
            seqs = [seq for _, seq in kept]
        key = _saved_key(seqs[0])
        s.merge(SyncStateRow(key=key, value=text))
        return _Batch(batch, text, key, prepared.last_seq, tuple(seqs), prepared.snapshots)

    def _commit_push(
        self,
        done: tuple[_Batch, Mapping[str, Any]] | None,
        *,
        prepared: _Prepared | None = None,
        from_head: bool = False,
    ) -> tuple[dict[str, int], _Batch | None]:
        """In one local transaction: record the results of the batch ``done``
        and save the next batch, ``prepared`` or, with ``from_head``, read
        from the head of the outbox when ``done`` moved the queue (a batch
        that moved nothing leaves the rest for the next sync)."""
        counts = {"pushed": 0, "duplicates": 0, "conflicts": 0, "rejected": 0, "removed": 0}
        with self._db.write() as s:
            if done is not None:
                counts = self._record(s, *done)
            following = None
            if prepared is not None:
                following = self._save(s, prepared)
            elif from_head and counts["removed"] + counts["conflicts"] > 0:
                following = self._save(s, self._read_batch(s, None))
        return counts, following

    def _record(self, s: Session, batch: _Batch, response: Mapping[str, Any]) -> dict[str, int]:
        """Record the server's results for ``batch`` (see the module's docstring)."""
        items = {item["id"]: item for item in batch.body["items"]}
        results = response.get("results")
        if response.get("batch_id") != batch.body["batch_id"] or not isinstance(results, list):
            raise SyncError("server_error", detail="push response does not match the batch")
        counts = {"pushed": 0, "duplicates": 0, "conflicts": 0, "rejected": 0, "removed": 0}
        now = datetime.now(UTC)
        rejected: list[dict[str, Any]] = []
        # Load what the results refer to in a few queries, not one per item.
        if batch.seqs is not None:
            outboxes = {
                (item["kind"], item["data"]["id"]): seq
                for item, seq in zip(batch.body["items"], batch.seqs, strict=True)
            }
        else:
            outboxes = self._outbox_seqs(s, list(items.values()))
        dossier_ids = [i["data"]["id"] for i in items.values() if i["kind"] == "dossier"]
        # The dossiers as they are now, to tell whether one changed since it was sent.
        current = read_dossier_snapshots(s, dossier_ids)
        sent = batch.snapshots or {}
        # Complaints change too (resolved): one changed since it was sent stays queued.
        complaints_now = read_doc_wires(
            s, "complaint", [i["data"]["id"] for i in items.values() if i["kind"] == "complaint"]
        )

        def unchanged(dossier_id: str, data: Mapping[str, Any]) -> bool:
            before = sent.get(dossier_id)
            if before is not None:
                return same_dossier(current[dossier_id], before)
            return snapshot_to_wire(current[dossier_id])[1] == data

        revs: list[tuple[int, str]] = []
        done: list[int] = []
        for result in results:
            item = items.get(result.get("id")) if isinstance(result, dict) else None
            if item is None:
                continue
            kind, data = item["kind"], item["data"]
            entity_id = data["id"]
            status = result.get("status")
            seq = outboxes.get((kind, entity_id))
            if status in ("applied", "duplicate"):
                counts["pushed"] += 1
                counts["duplicates"] += status == "duplicate"
                still = True
                if kind == "dossier" and entity_id in current:
                    if isinstance(result.get("rev"), int):
                        revs.append((result["rev"], entity_id))
                    # Changed again since it was read: stays queued.
                    still = unchanged(entity_id, data)
                elif kind == "complaint":
                    still = complaints_now.get(entity_id) == data
                if seq is not None and still:
                    done.append(seq)
            elif status == "conflict" and kind == "dossier":
                server = result.get("server") or {}
                mine = current.get(entity_id)
                if record_conflict(
                    s,
                    dossier_id=entity_id,
                    local=snapshot_to_wire(mine)[1] if mine is not None else data,
                    server=server.get("data") or {},
                    server_rev=int(server.get("rev") or result.get("rev") or 0),
                    now=now,
                ):
                    counts["conflicts"] += 1
            else:
                counts["rejected"] += 1
                rejected.append(
                    {
                        "kind": kind,
                        "entity_id": entity_id,
                        "dossier_id": data.get("dossier_id", entity_id),
                        "code": data.get("code", ""),
                        "reason": str(result.get("reason") or status),
                        "detail": str(result.get("detail", "")),
                        "at": self._clock().isoformat(timespec="seconds"),
                    }
                )
                if seq is not None:
                    done.append(seq)
        if revs:
            s.connection().exec_driver_sql("UPDATE dossiers SET server_rev = ? WHERE id = ?", revs)
        if done:
            s.execute(delete(_OUTBOX).where(among(_OUTBOX.c.seq, done)))
        counts["removed"] = len(done)
        _append_capped(s, REJECTED, _with_dossier_codes(s, rejected))
        # Another process may have recorded this batch already and saved another.
        saved = s.get(SyncStateRow, batch.key)
        if saved is not None and _is_batch(saved.value, batch.body["batch_id"]):
            s.delete(saved)
            s.flush()
        return counts

    # -- pull ---------------------------------------------------------------------------------

    def _apply_pulled(self, page: Mapping[str, Any], since: int) -> tuple[int, bool, int, int]:
        changes = page.get("changes")
        cursor = page.get("cursor")
        if not isinstance(changes, list) or not isinstance(cursor, int) or cursor < since:
            raise SyncError("server_error", detail="malformed changes page")
        applied = 0
        skipped: list[dict[str, Any]] = []
        # Whole documents through the settings service, before the page commits:
        # applying one again after a crash changes nothing.
        for kind in ("calendar", "unit_settings"):
            docs = [c for c in changes if isinstance(c, dict) and c.get("kind") == kind]
            if docs:
                latest = max(docs, key=lambda c: int(c.get("rev") or 0))
                try:
                    self._apply_document(kind, latest.get("data"))
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
            parked = _get(s, PARKED, [])
            outcome: PageOutcome = apply_page(
                s,
                rows,
                catalog=self._catalog,
                unit_code=self._settings.load().unit_code,
                parked=parked,
                now=datetime.now(UTC),
            )
            if outcome.parked:
                _set(s, PARKED, outcome.parked)
            elif parked:
                _drop(s, PARKED)
            _append_capped(s, PULL_SKIPPED, skipped + outcome.skipped)
            _set(s, CURSOR, cursor)
        return cursor, bool(page.get("more")), applied + outcome.applied, outcome.conflicts

    def _apply_document(self, kind: str, data: Any) -> None:
        if kind == "calendar":
            self._settings.set_calendar_overrides(calendar_from_wire(data))
        else:
            values: dict[str, Any] = dict(unit_settings_from_wire(data))
            current = self._settings.load()
            if any(getattr(current, k) != v for k, v in values.items()):
                self._settings.save(replace(current, **values))

    # -- conflicts ------------------------------------------------------------------------------

    def conflicts(self) -> list[SyncConflict]:
        """Open conflicts, oldest first, with the fields that differ."""
        with self._db.read() as s:
            rows = list(
                s.scalars(
                    select(SyncConflictRow)
                    .where(SyncConflictRow.resolved_at.is_(None))
                    .order_by(SyncConflictRow.detected_at)
                )
            )
            found = []
            for row in rows:
                dossier = load_dossier(s, row.dossier_id)
                local = dossier_to_wire(dossier) if dossier else json.loads(row.local_json)
                server = json.loads(row.server_json)
                names = differences(local, server)
                found.append(
                    SyncConflict(
                        id=row.id,
                        dossier_id=row.dossier_id,
                        code=str(local.get("code") or server.get("code") or ""),
                        detected_at=to_local(row.detected_at),
                        server_rev=row.server_rev,
                        fields=tuple(names),
                        differences=tuple(
                            FieldDifference(n, local.get(n), server.get(n)) for n in names
                        ),
                    )
                )
            return found

    def resolve_conflict(self, conflict_id: str, keep: str) -> Dossier:
        """Settle a conflict: ``keep="local"`` pushes this device's version next
        (over the server's revision), ``keep="server"`` replaces the local
        dossier by the server's copy and drops its pending push."""
        if keep not in ("local", "server"):
            raise ValidationError([FieldError("keep", "invalid", {"value": keep})])
        with self._db.write() as s:
            conflict = s.get(SyncConflictRow, conflict_id)
            if conflict is None:
                raise NotFound("conflict_not_found", id=conflict_id)
            if conflict.resolved_at is not None:
                raise ConflictError("conflict_already_resolved", id=conflict_id)
            row = load_dossier(s, conflict.dossier_id)
            if row is None:
                raise NotFound("dossier_not_found", key=conflict.dossier_id)
            if keep == "local":
                row.server_rev = conflict.server_rev
                enqueue(s, "dossier", row.id)
            else:
                try:
                    row = write_dossier(
                        s, json.loads(conflict.server_json), rev=conflict.server_rev, existing=row
                    )
                except WireError as exc:
                    raise SyncError("server_rejected", reason="invalid_server_copy") from exc
                s.execute(
                    delete(OutboxRow).where(
                        OutboxRow.kind == "dossier", OutboxRow.entity_id == row.id
                    )
                )
            conflict.resolved_at = datetime.now(UTC)
            conflict.resolution = keep
            s.flush()
            return dossier_from_row(row)

    # -- bundles --------------------------------------------------------------------------------

    def export_bundle(self, path: Path | str) -> int:
        """Write the pending outbox as a sealed bundle file (docs/sync.md) for
        ``server import-bundle``; the outbox stays as it is until an online
        sync confirms the items. Returns the number of items."""
        from hcc_desktop.core.formats.bundle import write_bundle

        try:
            return self._export_bundle(Path(path), write_bundle)
        except SyncError as exc:
            self._record_error(exc)
            raise

    def _export_bundle(self, path: Path, write_bundle: Callable[..., Any]) -> int:
        settings = self._settings.load()
        credential = load_credential(settings.device_id)
        if credential is None:
            raise SyncError("not_registered")
        with self._db.read() as s:
            items, _seqs, _vanished, _snapshots = self._items(s, self._pending_rows(s, None))
        batch = {"batch_id": str(uuid.uuid4()), "items": items}
        try:
            write_bundle(
                path,
                device_id=settings.device_id,
                bundle_key=credential.bundle_key,
                batch=batch,
            )
        except (OSError, ValueError) as exc:
            raise SyncError("bundle_write_failed", path=str(path), detail=str(exc)) from exc
        with self._db.write() as s:
            _set(
                s,
                LAST_EXPORT,
                {
                    "at": self._clock().isoformat(timespec="seconds"),
                    "path": str(path),
                    "items": len(items),
                    "batch_id": batch["batch_id"],
                },
            )
        return len(items)


__all__ = [
    "CA_ENV",
    "ERROR_CODES",
    "PULL_PAGE",
    "PUSH_BATCH",
    "FieldDifference",
    "RegistrationResult",
    "RejectedItem",
    "SyncConflict",
    "SyncResult",
    "SyncService",
    "SyncStatus",
]
