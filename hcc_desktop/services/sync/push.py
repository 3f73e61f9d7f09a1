"""Pushing the outbox to the server in batches (see services/sync/service.py's docstring)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Table, and_, delete, func, not_, or_, select
from sqlalchemy.orm import Session

from hcc_desktop.core.chain import head_message, public_key_of, sign_head
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats import wire_json
from hcc_desktop.db.models import (
    OutboxRow,
    SyncConflictRow,
    SyncStateRow,
)
from hcc_desktop.services.audit import PendingCheck
from hcc_desktop.services.sync.accounts import (
    ACCOUNT_CLASHES,
    ACCOUNT_KIND,
    clash,
    queue_accounts,
)
from hcc_desktop.services.sync.outbox import KINDS, VERSIONED_KINDS
from hcc_desktop.services.sync.wire import (
    DossierSnapshot,
    among,
    read_doc_wires,
    read_dossier_snapshots,
    record_conflict,
    same_dossier,
    snapshot_to_wire,
)

if TYPE_CHECKING:
    import httpx


from hcc_desktop.services.sync.client import SyncBase, SyncRun
from hcc_desktop.services.sync.state import (
    CHAIN_KEY_SENT,
    CURSOR,
    PUSH_BATCH_KEY,
    REJECTED,
    append_capped,
    get_state,
    set_state,
    with_dossier_codes,
)

# The server's limits (items per push, changes per page): fewer round trips
# and local commits for a large first sync.
PUSH_BATCH = 1000

_OUTBOX: Table = OutboxRow.__table__  # type: ignore[assignment]


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


# Signs a batch: (batch_id, items) -> the members to add to it ("chain_head", and
# "public_key" until the server has acknowledged this device's key).
HeadSigner = Callable[[str, Sequence[Mapping[str, Any]]], "dict[str, Any]"]


def head_signer(device_id: str, private_key: str, *, send_key: bool = False) -> HeadSigner:
    """A signer of the newest event of ``device_id`` in a batch (see core/chain).

    ``send_key``: add the public key to each batch (a device registered before
    signing sends it once, with its credential, in its next push).
    """
    public = public_key_of(private_key)

    def sign(batch_id: str, items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        extra: dict[str, Any] = {"public_key": public} if send_key else {}
        best: tuple[int, str] | None = None
        for item in items:
            data = item.get("data") or {}
            seq, digest = data.get("device_seq"), data.get("hash")
            # Access-log entries continue the same device chain as events.
            if item.get("kind") not in ("event", "access") or data.get("device_id") != device_id:
                continue
            if isinstance(seq, int) and isinstance(digest, str) and (best is None or seq > best[0]):
                best = (seq, digest)
        if best is not None:
            message = head_message(batch_id, device_id, best[0], best[1])
            signature = sign_head(private_key, message)
            extra["chain_head"] = {"device_seq": best[0], "hash": best[1], "signature": signature}
        return extra

    return sign


def _encode_batch(
    items: list[dict[str, Any]], signer: HeadSigner | None = None, batch_id: str | None = None
) -> tuple[dict[str, Any], str]:
    batch: dict[str, Any] = {"batch_id": batch_id or str(uuid.uuid4()), "items": items}
    if signer is not None:
        batch.update(signer(batch["batch_id"], items))
    # Encoded once: the saved text is the request body.
    try:
        return batch, wire_json.dumps(batch)
    except TypeError:
        # A value orjson refuses (say a lone surrogate): the standard encoder
        # escapes it, and the server rejects that one record.
        return batch, json.dumps(batch, separators=(",", ":"))


# What a push counts (SyncResult): the batch's results, accounts apart.
_COUNTS = ("pushed", "duplicates", "conflicts", "rejected", "removed", "accounts")


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


class PushMixin(SyncBase):
    # Set for a sync's push: signs each batch's device-chain head.
    _signer: HeadSigner | None = None

    def _push(self, run: SyncRun) -> bool:
        """Send the outbox; False when cancelled.

        While a batch is in flight (sent by the helper thread), this thread
        records the results of the one before and reads, encodes and saves
        the next, in one local transaction: the device's work and the
        server's overlap. A batch is saved before it is sent, so at most two
        are saved at a time (the one in flight and the next); after a crash
        they are sent again in order. The server applies batches in the order
        they arrive, one at a time: the next leaves only once the previous
        has been answered. Each batch's history is checked before it leaves
        (``PendingCheck``), the next one's while this one is in flight.
        """
        client, ahead, totals, progress, cancel = run
        # What each batch carries is checked before it leaves (the issue 12 rule:
        # the app checks its history during sync), the next batch while the
        # server applies this one; a break stops the push before its batch.
        pending_check = PendingCheck(self._db, self._settings.load().device_id)
        checked: set[str] = set()

        def check(batch: _Batch) -> None:
            if batch.body["batch_id"] in checked:
                return
            broken = pending_check.check_items(batch.body["items"])
            if broken:
                first = broken[0]
                raise SyncError(
                    "chain_broken", code=first.code, event=first.event_id, kind=first.kind
                )
            checked.add(batch.body["batch_id"])

        self._signer = self._chain_signer()
        with self._db.read() as s:
            pending = int(s.scalar(select(func.count()).select_from(OutboxRow)) or 0)
        sent = 0
        with self._db.write() as s:
            # Accounts changed here join the outbox now (services/sync/accounts).
            queue_accounts(s)
            queue = self._saved_batches(s)
            batch = queue.pop(0) if queue else self._save(s, self._read_batch(s, None))
        previous: tuple[_Batch, Mapping[str, Any]] | None = None
        while batch is not None:
            progress("push", sent, pending)
            check(batch)  # done already when it was read while the one before was in flight
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
            broken: SyncError | None = None
            if following is not None:
                try:
                    check(following)
                except SyncError as exc:
                    broken = exc  # raised once the batch in flight is answered and recorded
            previous = (batch, in_flight.result())
            sent += len(batch.body["items"])
            progress("push", min(sent, pending), pending)
            if broken is not None:
                # The next batch stays saved, unsent: checked again next time.
                self._count(totals, self._commit_push(previous)[0])
                raise broken
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

    def _chain_signer(self) -> HeadSigner:
        """This device's head signer (its key pair made on first use)."""
        from hcc_desktop.services.sync import credentials

        device_id = self._settings.load().device_id
        private = credentials.signing_key(device_id)
        with self._db.read() as s:
            sent = get_state(s, CHAIN_KEY_SENT)
        return head_signer(device_id, private, send_key=sent != public_key_of(private))

    @staticmethod
    def _count(totals: dict[str, int], outcome: Mapping[str, int]) -> None:
        for key in ("pushed", "duplicates", "conflicts", "rejected", "accounts"):
            totals[key] = totals.get(key, 0) + outcome[key]

    def _post(self, client: httpx.Client, batch: _Batch) -> dict[str, Any]:
        return self._call(
            client,
            "POST",
            "/api/v1/push",
            content=batch.text.encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )

    # -- push ---------------------------------------------------------------------------------

    def _cursor(self) -> int:
        with self._db.read() as s:
            return int(get_state(s, CURSOR, 0))

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
        ids: dict[str, list[str]] = {kind: [] for kind in KINDS}
        for _seq, kind, entity_id in rows:
            ids.setdefault(kind, []).append(entity_id)
        snapshots = read_dossier_snapshots(s, ids["dossier"])
        dossiers = {i: snapshot_to_wire(snapshot) for i, snapshot in snapshots.items()}
        docs = {kind: read_doc_wires(s, kind, ids[kind]) for kind in KINDS if kind != "dossier"}
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
        return _Prepared(_encode_batch(items, self._signer), seqs, vanished, last, snapshots)

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
            text = row.value
            if "batch_id" in body and "chain_head" not in body and self._signer is not None:
                # Saved before this device signed its heads: signed now, same batch id.
                body, text = _encode_batch(body["items"], self._signer, body["batch_id"])
            seqs = self._outbox_seqs(s, body["items"])
            batches.append(_Batch(body, text, row.key, max(seqs.values(), default=None)))
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

    def _save(self, s: Session, prepared: _Prepared) -> _Batch | None:
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
            batch, text = _encode_batch([item for item, _ in kept], self._signer)
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
        counts = dict.fromkeys(_COUNTS, 0)
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
        counts = dict.fromkeys(_COUNTS, 0)
        now = datetime.now(UTC)
        rejected: list[dict[str, Any]] = []
        # Accounts are counted apart from the unit's records (SyncResult.accounts) and
        # their refusals listed for the administrator (ACCOUNT_CLASHES), not the officer.
        clashes: list[dict[str, Any]] = []
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
        # Complaints and sessions change too (resolved, opened, closed): one
        # changed since it was sent stays queued.
        versioned_now = {
            kind: read_doc_wires(
                s, kind, [i["data"]["id"] for i in items.values() if i["kind"] == kind]
            )
            for kind in VERSIONED_KINDS
        }

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
            if kind == ACCOUNT_KIND:
                if status in ("applied", "duplicate"):
                    counts["accounts"] += 1
                    still = versioned_now[kind].get(entity_id) == data
                else:
                    still = True
                    clashes.append(
                        clash(
                            uid=entity_id,
                            user_name=str(data.get("user_name", "")),
                            reason=str(result.get("reason") or status),
                            detail=str(result.get("detail", "")),
                            at=self._clock().isoformat(timespec="seconds"),
                            device_id=str(data.get("device_id") or ""),
                        )
                    )
                if seq is not None and still:
                    done.append(seq)
            elif status in ("applied", "duplicate"):
                counts["pushed"] += 1
                counts["duplicates"] += status == "duplicate"
                still = True
                if kind == "dossier" and entity_id in current:
                    if isinstance(result.get("rev"), int):
                        revs.append((result["rev"], entity_id))
                    # Changed again since it was read: stays queued.
                    still = unchanged(entity_id, data)
                elif kind in versioned_now:
                    still = versioned_now[kind].get(entity_id) == data
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
        append_capped(s, REJECTED, with_dossier_codes(s, rejected))
        append_capped(s, ACCOUNT_CLASHES, clashes)
        if isinstance(batch.body.get("public_key"), str):
            # Answered: the server holds this device's key now.
            set_state(s, CHAIN_KEY_SENT, batch.body["public_key"])
        # Another process may have recorded this batch already and saved another.
        saved = s.get(SyncStateRow, batch.key)
        if saved is not None and _is_batch(saved.value, batch.body["batch_id"]):
            s.delete(saved)
            s.flush()
        return counts
