"""Attachments on the server: files uploaded in chunks, stored once per hash,
fetched only by devices of a unit that holds them.

Protocol (docs/sync.md, "Attachments"):

``POST /api/v1/attachments/uploads`` ``{sha256, size, chunk_size, chunks: [sha256…]}``
    opens (or resumes) this unit's upload of a file; answers ``{complete,
    missing: [index…]}``: the chunks still to send, so a cut upload resumes
    without resending what arrived. ``{files: [{sha256, …}, …]}`` (up to 64)
    opens several in one transaction and answers ``{files: [{sha256,
    complete, missing}, …]}``.
``PUT /api/v1/attachments/uploads/{sha256}/chunks/{index}`` (raw bytes)
    one chunk, refused (``chunk_hash_mismatch``) unless it hashes to what the
    upload announced.
``POST /api/v1/attachments/uploads/{sha256}/finish``
    the whole file is checked against its hash, then kept once (a file another
    unit sent already is not stored twice) and this unit holds it.
``PUT /api/v1/attachments/uploads/{sha256}/stream?chunks=0-511`` (raw bytes)
    the listed chunks one after another in one request (what the device
    sends): each chunk is cut out of the stream at its boundary, checked
    against its announced hash and stored as soon as it is complete; the
    stream is refused at the first chunk that does not match (those before it
    are kept). Chunks that completed before a cut are recorded, so the upload
    resumes with the rest. When the last missing chunk arrives the file is
    finished in the same request (as ``finish``). One device check and, for a
    whole file, one transaction that says the unit holds it.
``POST /api/v1/attachments/records`` ``{records: [...]}`` / ``GET …/records?since=``
    which dossier and component a file belongs to, for the unit's other devices.
``GET /api/v1/attachments/files/{sha256}``
    the file's bytes, only to a device of a unit that holds it (else 404).

A unit holds a file only after sending every byte of it: knowing a hash is
not enough to fetch another unit's file.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from sqlalchemy import delete, select, text
from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse, StreamingResponse

from hcc_desktop.core.errors import SyncError
from hcc_desktop.server.attachment_files import ChunkFiles, files_from_environment
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.models import (
    AttachmentBlob,
    AttachmentChunk,
    AttachmentHolder,
    AttachmentRecord,
    AttachmentUpload,
    Device,
    DossierDoc,
)
from hcc_desktop.server.store import HTTP_STATUS, DeviceIdentity, SyncStore, utc_now

CHUNK_SIZE = 1024 * 1024
MAX_CHUNK_SIZE = 4 * 1024 * 1024
MAX_FILE_SIZE = 512 * 1024 * 1024
MAX_RECORDS = 1000
MAX_OPEN = 64  # uploads opened by one request
MAX_REMEMBERED = 4096  # opened uploads whose description is kept for their stream
RECORDS_PAGE = 500
# Complete chunks of a stream waiting to be checked and stored while the next
# ones are read off the socket.
STREAM_AHEAD = 4
# On a long stream, received chunks are recorded every so many (and at its end
# or cut), so that a server crash costs at most these again.
MARK_EVERY = 16
# Chunks of one stream checked and written side by side (the whole-file hash
# runs beside them in any case). 3 measured no better than 1 on the shared
# 2-core machine (100 MB, load 9-10, interleaved: ratios 0.21-0.39 against
# 0.23-0.40): more threads waiting for the same cores.
TAKE_AHEAD = 1
# How long opening an upload waits for an earlier stream of it to settle (a
# stream whose device is gone ends when the server sees the connection close).
SETTLE_SECONDS = 30.0

HTTP_STATUS.setdefault("chunk_hash_mismatch", 400)
HTTP_STATUS.setdefault("attachment_hash_mismatch", 400)
HTTP_STATUS.setdefault("attachment_not_uploaded", 409)


def _is_sha(value: object) -> bool:
    return (
        isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    )


def _chunk_count(size: int, chunk_size: int) -> int:
    return max(1, -(-size // chunk_size))


MAX_AHEAD = 8  # chunks kept in memory while an earlier one is late


class _RunningHash:
    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.next = 0
        self.ahead: dict[int, bytes] = {}
        self.broken = False

    def add(self, index: int, data: bytes) -> None:
        if index < self.next:
            return
        self.ahead[index] = data
        while self.next in self.ahead:
            self.digest.update(self.ahead.pop(self.next))
            self.next += 1
        if len(self.ahead) > MAX_AHEAD:
            self.broken = True


@dataclass(frozen=True)
class UploadState:
    complete: bool
    missing: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"complete": self.complete, "missing": self.missing}


@dataclass
class _Plan:
    """One streamed request's upload: its manifest and the chunks it carries."""

    unit: str
    sha: str
    size: int
    chunk_size: int
    manifest: list[str]
    received: list[int]
    indices: list[int]
    lengths: list[int]
    whole: Any  # hashlib's running hash of the whole file, or None


def _parse_ranges(text_: str, limit: int) -> list[int]:
    """``0-3,7,9-10`` → [0, 1, 2, 3, 7, 9, 10]."""
    out: list[int] = []
    try:
        for part in text_.split(","):
            first, _, last = part.partition("-")
            a, b = int(first), int(last or first)
            if a < 0 or b < a or len(out) + b - a + 1 > limit:
                raise ValueError(part)
            out.extend(range(a, b + 1))
    except ValueError:
        raise SyncError("bad_request", detail="chunks must be ranges like 0-3,7") from None
    return out


class AttachmentStore:
    """The server's side of attachments over its database."""

    def __init__(self, db: ServerDatabase, files: ChunkFiles | None = None) -> None:
        self.db = db
        # The chunks' bytes: files on the server's disk, else rows of the database.
        self.files = files
        # The whole-file hash, computed while the chunks arrive (in order, or a
        # few out of order), so that finishing need not read the file back.
        self._running: dict[tuple[str, str], _RunningHash] = {}
        self._running_lock = threading.Lock()
        # Streams being received, per (unit, file): opening the upload again
        # (a device resuming after a cut) waits for them to record what they
        # took, so that it is told exactly what is still missing. Per process.
        self._streams: dict[tuple[str, str], list[asyncio.Event]] = {}
        # Uploads just opened, nothing received yet: (size, chunk size, manifest).
        self._opened: dict[tuple[str, str], tuple[int, int, list[str]]] = {}

    async def settled(self, unit: str, sha: str) -> None:
        """Wait (a bounded time) until this process receives no stream of the upload."""
        pending = list(self._streams.get((unit, sha), ()))
        if pending:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(e.wait() for e in pending)), SETTLE_SECONDS)

    def _hash_along(self, key: tuple[str, str], index: int, data: bytes) -> None:
        with self._running_lock:
            running = self._running.get(key)
            if running is None:
                if index != 0:
                    return
                running = self._running[key] = _RunningHash()
            running.add(index, data)
            if running.broken:
                del self._running[key]

    def _running_digest(self, key: tuple[str, str], count: int) -> str | None:
        with self._running_lock:
            running = self._running.pop(key, None)
        if running is None or running.next != count:
            return None
        return running.digest.hexdigest()

    # -- upload ---------------------------------------------------------------------------

    @staticmethod
    def _manifest(body: Any) -> tuple[str, int, int, list[str]]:
        """A file's description for opening its upload, checked."""
        if not isinstance(body, dict):
            raise SyncError("bad_request", detail="the body must be a JSON object")
        sha, size = body.get("sha256"), body.get("size")
        chunk_size, chunks = body.get("chunk_size", CHUNK_SIZE), body.get("chunks")
        if not isinstance(sha, str) or not _is_sha(sha):
            raise SyncError("bad_request", detail="sha256 must be 64 hex digits")
        if not isinstance(size, int) or not 0 <= size <= MAX_FILE_SIZE:
            raise SyncError("bad_request", detail=f"size must be 0..{MAX_FILE_SIZE}")
        if not isinstance(chunk_size, int) or not 1024 <= chunk_size <= MAX_CHUNK_SIZE:
            raise SyncError("bad_request", detail="chunk_size out of range")
        count = _chunk_count(size, chunk_size)
        if not isinstance(chunks, list) or len(chunks) != count or not all(map(_is_sha, chunks)):
            raise SyncError("bad_request", detail=f"chunks must list {count} chunk hashes")
        return sha, size, chunk_size, chunks

    def open_upload(self, device: DeviceIdentity, body: Any) -> UploadState:
        manifest = self._manifest(body)
        with self.db.write(serialise=False) as s:
            self._lazy_commit(s)
            state = self._open(s, device.unit_code, *manifest)
        self._remember(device.unit_code, manifest, state)
        return state

    def _remember(
        self, unit: str, manifest: tuple[str, int, int, list[str]], state: UploadState
    ) -> None:
        """Keep a freshly opened upload's description for its stream, which then
        needs no read of the database (a miss, in another worker process say,
        reads it)."""
        sha, size, chunk_size, chunks = manifest
        if state.complete or len(state.missing) != _chunk_count(size, chunk_size):
            return
        with self._running_lock:
            self._opened[(unit, sha)] = (size, chunk_size, chunks)
            while len(self._opened) > MAX_REMEMBERED:
                del self._opened[next(iter(self._opened))]

    def open_uploads(self, device: DeviceIdentity, body: Any) -> list[tuple[str, UploadState]]:
        """Open (or resume) several uploads in one transaction (``{files: [...]}``)."""
        files = body.get("files") if isinstance(body, dict) else None
        if not isinstance(files, list) or not 1 <= len(files) <= MAX_OPEN:
            raise SyncError("bad_request", detail=f"files must list 1..{MAX_OPEN} files")
        manifests = [self._manifest(f) for f in files]
        with self.db.write(serialise=False) as s:
            self._lazy_commit(s)
            states = [(m, self._open(s, device.unit_code, *m)) for m in manifests]
        for m, state in states:
            self._remember(device.unit_code, m, state)
        return [(m[0], state) for m, state in states]

    def _open(
        self, s: Any, unit: str, sha: str, size: int, chunk_size: int, chunks: list[str]
    ) -> UploadState:
        count = _chunk_count(size, chunk_size)
        if s.get(AttachmentHolder, (sha, unit)) is not None:
            return UploadState(True, [])
        upload = s.get(AttachmentUpload, (unit, sha))
        if upload is not None and (
            upload.size != size or upload.chunk_size != chunk_size or upload.chunk_hashes != chunks
        ):
            # Another description of the same file: start it again.
            with self._running_lock:
                self._running.pop((unit, sha), None)
            s.delete(upload)
            s.flush()
            upload = None
        if upload is None:
            upload = AttachmentUpload(
                unit_code=unit,
                sha256=sha,
                size=size,
                chunk_size=chunk_size,
                chunk_hashes=chunks,
                received=[],
                received_bytes=0,
                created_at=utc_now(),
            )
            s.add(upload)
        have = set(upload.received)
        return UploadState(False, [i for i in range(count) if i not in have])

    def put_chunk(self, device: DeviceIdentity, sha: str, index: int, data: bytes) -> None:
        """Keep one chunk of this unit's upload once it hashes to what was announced."""
        unit = device.unit_code
        digest = hashlib.sha256(data).hexdigest()  # outside the transaction
        with self.db.write(serialise=False) as s:
            self._lazy_commit(s)
            # Chunks of one upload arrive side by side: one at a time on its row.
            upload = s.get(AttachmentUpload, (unit, sha), with_for_update=True)
            if upload is None:
                raise SyncError("not_found", detail="no upload of this file is open")
            count = _chunk_count(upload.size, upload.chunk_size)
            if not 0 <= index < count:
                raise SyncError("bad_request", detail=f"chunk index must be 0..{count - 1}")
            expected_len = min(upload.chunk_size, upload.size - index * upload.chunk_size)
            if len(data) != max(0, expected_len):
                raise SyncError("bad_request", detail=f"chunk {index} must be {expected_len} bytes")
            if digest != upload.chunk_hashes[index]:
                raise SyncError("chunk_hash_mismatch", detail=f"chunk {index} does not match")
            # Written before the chunk is marked received (same transaction):
            # a chunk marked received is on the disk or in the database.
            self._keep_chunk(s, digest, data)
            fresh = index not in upload.received
            if fresh:
                upload.received = [*upload.received, index]
                upload.received_bytes += len(data)
        if fresh:
            self._hash_along((unit, sha), index, data)

    def _lazy_commit(self, s: Any) -> None:
        """An upload's opening and its "received" marks need not wait for the
        disk: lost in a crash, the chunks are simply asked for again; the commit
        that finishes the file is synchronous and flushes the log before it."""
        if self.db.is_postgresql:
            s.execute(text("SET LOCAL synchronous_commit = off"))

    # -- streamed upload ------------------------------------------------------------------

    def _stream_plan(self, unit: str, sha: str, indices: list[int]) -> _Plan | None:
        """What the stream of ``indices`` must hold (None: the unit holds the file)."""
        with self._running_lock:
            opened = self._opened.pop((unit, sha), None)
        if opened is not None:  # just opened, nothing received yet
            size, chunk_size, manifest = opened
            received: list[int] = []
        else:
            with self.db.read() as s:
                if s.get(AttachmentHolder, (sha, unit)) is not None:
                    return None
                upload = s.get(AttachmentUpload, (unit, sha))
                if upload is None:
                    raise SyncError("not_found", detail="no upload of this file is open")
                size, chunk_size = upload.size, upload.chunk_size
                manifest, received = list(upload.chunk_hashes), list(upload.received)
        count = _chunk_count(size, chunk_size)
        if not indices or len(set(indices)) != len(indices):
            raise SyncError("bad_request", detail="chunks must list distinct chunk indexes")
        if not all(0 <= i < count for i in indices):
            raise SyncError("bad_request", detail=f"chunk indexes must be 0..{count - 1}")
        lengths = [max(0, min(chunk_size, size - i * chunk_size)) for i in indices]
        # The whole file's hash on the way when the stream is the whole file in order.
        whole = hashlib.sha256() if indices == list(range(count)) else None
        return _Plan(unit, sha, size, chunk_size, manifest, received, indices, lengths, whole)

    def _take_chunk(self, plan: _Plan, index: int, data: bytes) -> None:
        """Check one chunk of a stream against the manifest and store it."""
        digest = hashlib.sha256(data).hexdigest()
        if digest != plan.manifest[index]:
            raise SyncError("chunk_hash_mismatch", detail=f"chunk {index} does not match")
        if self.files is not None:
            self.files.put(digest, data, durable=True)  # marked received later, in a batch
        else:
            with self.db.write(serialise=False) as s:
                self._lazy_commit(s)
                self._keep_chunk(s, digest, data)
                self._mark(s, plan, [index])

    def _mark(self, s: Any, plan: _Plan, indices: list[int]) -> None:
        upload = s.get(AttachmentUpload, (plan.unit, plan.sha), with_for_update=True)
        if upload is None:
            return  # finished (or started again) meanwhile
        have = set(upload.received)
        fresh = [i for i in indices if i not in have]
        if fresh:
            upload.received = [*upload.received, *fresh]
            upload.received_bytes += sum(
                max(0, min(plan.chunk_size, plan.size - i * plan.chunk_size)) for i in fresh
            )

    def _record_received(self, plan: _Plan, indices: list[int]) -> None:
        """Record chunks a stream stored in the chunk folder (one transaction)."""
        if not indices or self.files is None:
            return  # in the database each chunk is recorded with its bytes
        with self.db.write(serialise=False) as s:
            self._lazy_commit(s)
            self._mark(s, plan, indices)

    def _finish_stream(self, plan: _Plan, taken: list[int]) -> UploadState:
        """Every chunk is in (earlier ones and this stream's): check the whole
        file and hold it, in one transaction."""
        earlier = [i for i in plan.received if i not in set(taken)]
        lost = self._lost_chunks(plan.manifest, earlier)
        if lost:
            with self.db.write(serialise=False) as s:
                self._lazy_commit(s)
                upload = s.get(AttachmentUpload, (plan.unit, plan.sha), with_for_update=True)
                if upload is not None:
                    upload.received = [i for i in upload.received if i not in lost]
                self._mark(s, plan, taken if self.files is not None else [])
            return UploadState(False, sorted(lost))
        if plan.whole is not None:
            whole = plan.whole.hexdigest()
        else:  # a resumed upload: read the file back
            digest = hashlib.sha256()
            for part in self._chunks(plan.manifest):
                digest.update(part)
            whole = digest.hexdigest()
        if whole != plan.sha:
            with self.db.write(serialise=False) as s:
                upload = s.get(AttachmentUpload, (plan.unit, plan.sha))
                if upload is not None:
                    s.delete(upload)
            raise SyncError("attachment_hash_mismatch", detail="the file does not match")
        if self.files is not None:
            # The chunk files reach the disk before the commit says the file is
            # held: this stream's were flushed as they were written.
            earlier_files = [plan.manifest[i] for i in earlier]
            self.files.flush(c for c in earlier_files if self.files.has(c))
            self.files.flush((plan.manifest[i] for i in taken), folders_only=True)
        with self.db.write(serialise=False) as s:
            # Few statements: each is a round trip to the database.
            s.execute(
                delete(AttachmentUpload).where(
                    AttachmentUpload.unit_code == plan.unit, AttachmentUpload.sha256 == plan.sha
                )
            )
            self._insert_new(
                s,
                AttachmentBlob,
                sha256=plan.sha,
                size=plan.size,
                chunk_size=plan.chunk_size,
                chunk_hashes=plan.manifest,
                created_at=utc_now(),
            )
            self._insert_new(s, AttachmentHolder, sha256=plan.sha, unit_code=plan.unit)
        return UploadState(True, [])

    def _insert_new(self, s: Any, model: Any, **values: Any) -> None:
        """INSERT … ON CONFLICT DO NOTHING (the row may be there: stored once)."""
        from sqlalchemy.dialects import postgresql, sqlite

        dialect = postgresql if self.db.is_postgresql else sqlite
        s.execute(dialect.insert(model).values(**values).on_conflict_do_nothing())

    async def receive_stream(
        self, device: DeviceIdentity, sha: str, indices: list[int], body: AsyncIterator[bytes]
    ) -> UploadState:
        """Take the chunks ``indices`` from one streamed body (see the module's
        docstring). The socket is read on the event loop while the chunks
        before are checked and written on worker threads."""
        plan = await run_in_threadpool(self._stream_plan, device.unit_code, sha, indices)
        if plan is None:
            return UploadState(True, [])
        queue: asyncio.Queue[tuple[int, bytes] | BaseException | None] = asyncio.Queue(STREAM_AHEAD)
        refused = False  # a chunk did not match: the rest of the body is read and dropped

        async def read() -> None:
            # Cut the body at the chunks' boundaries as the bytes arrive.
            position, have = 0, 0  # chunk (into indices), bytes of it so far
            parts: list[bytes] = []

            async def empty_chunks() -> None:
                nonlocal position
                while position < len(indices) and plan.lengths[position] == 0:
                    await queue.put((indices[position], b""))
                    position += 1

            try:
                await empty_chunks()
                async for part in body:
                    if refused:
                        continue
                    view = memoryview(part)
                    while view:
                        if position == len(indices):
                            raise SyncError("bad_request", detail="more bytes than the chunks")
                        piece = view[: plan.lengths[position] - have]
                        # The common case, a part inside one chunk, is not copied here.
                        parts.append(part if len(piece) == len(part) else bytes(piece))
                        have += len(piece)
                        view = view[len(piece) :]
                        if have == plan.lengths[position]:
                            chunk = parts[0] if len(parts) == 1 else b"".join(parts)
                            parts, have = [], 0
                            await queue.put((indices[position], chunk))
                            position += 1
                            await empty_chunks()
                if position != len(indices) and not refused:
                    raise SyncError("bad_request", detail="fewer bytes than the chunks")
                await queue.put(None)
            except asyncio.CancelledError:
                raise
            except BaseException as exc:  # a cut (ClientDisconnect) included
                await queue.put(exc)

        key = (plan.unit, sha)
        ended = asyncio.Event()
        self._streams.setdefault(key, []).append(ended)
        reader = asyncio.create_task(read())
        taken: list[int] = []
        recorded = 0
        finished = False
        # Chunks being checked and written (in stream order), a few side by
        # side: the check, the write and its flush of one need not wait for
        # those of the chunk before.
        working: deque[tuple[int, asyncio.Future[None]]] = deque()
        # In the database a chunk is recorded with its bytes: one at a time, so
        # that none after a refused one is recorded.
        ahead = TAKE_AHEAD if self.files is not None else 1

        async def settle_oldest() -> None:
            index, work = working.popleft()
            await work  # a refused chunk raises here, after those before it are taken
            taken.append(index)

        try:
            cut = False
            while True:
                item = await queue.get()
                if item is None:
                    break
                if isinstance(item, ClientDisconnect):
                    cut = True  # nobody to answer; the chunks that completed are recorded
                    break
                if isinstance(item, BaseException):
                    raise item
                index, data = item
                working.append(
                    (
                        index,
                        asyncio.ensure_future(
                            run_in_threadpool(self._take_chunk, plan, index, data)
                        ),
                    )
                )
                if plan.whole is not None:  # in order, beside the chunks' own checks
                    await run_in_threadpool(plan.whole.update, data)
                try:
                    while len(working) >= ahead:
                        await settle_oldest()
                except SyncError:
                    refused = True
                    await self._refused(working, queue)
                    raise
                if len(taken) - recorded >= MARK_EVERY:
                    await run_in_threadpool(self._record_received, plan, taken[recorded:])
                    recorded = len(taken)
            try:
                while working:
                    await settle_oldest()
            except SyncError:
                # The body has been read already (or the device is gone): nothing to drop.
                await asyncio.gather(*(work for _i, work in working), return_exceptions=True)
                working.clear()
                raise
            if cut:
                return UploadState(False, [])
            have = set(plan.received) | set(taken)
            missing = [i for i in range(len(plan.manifest)) if i not in have]
            if missing:
                return UploadState(False, missing)
            finished = True
            return await run_in_threadpool(self._finish_stream, plan, taken)
        finally:
            reader.cancel()
            try:
                if not finished and len(taken) > recorded:
                    # Cut, refused at a chunk, or only part of the file sent: the
                    # chunks that completed are kept and not asked for again.
                    await run_in_threadpool(self._record_received, plan, taken[recorded:])
            finally:
                ended.set()
                streams = self._streams.get(key, [])
                streams.remove(ended)
                if not streams:
                    self._streams.pop(key, None)

    @staticmethod
    async def _refused(working: deque[tuple[int, asyncio.Future[None]]], queue: Any) -> None:
        """A chunk was refused: the chunks after it are not taken (their work is
        waited for), and the rest of the body is read and dropped so that the
        device reads the answer rather than a connection reset."""
        await asyncio.gather(*(work for _i, work in working), return_exceptions=True)
        working.clear()
        while not isinstance(await queue.get(), BaseException | None):
            pass

    def finish_upload(self, device: DeviceIdentity, sha: str) -> UploadState:
        """Check the whole file against its hash; then the unit holds it (stored once)."""
        unit = device.unit_code
        with self.db.read() as s:
            if s.get(AttachmentHolder, (sha, unit)) is not None:
                return UploadState(True, [])
            upload = s.get(AttachmentUpload, (unit, sha))
            if upload is None:
                raise SyncError("not_found", detail="no upload of this file is open")
            count = _chunk_count(upload.size, upload.chunk_size)
            have = set(upload.received)
            missing = [i for i in range(count) if i not in have]
            if missing:
                return UploadState(False, missing)
            manifest = list(upload.chunk_hashes)
            size, chunk_size = upload.size, upload.chunk_size
            received = list(upload.received)
        lost = self._lost_chunks(manifest, received)
        if lost:
            with self.db.write(serialise=False) as s:
                upload = s.get(AttachmentUpload, (unit, sha), with_for_update=True)
                if upload is not None:
                    upload.received = [i for i in upload.received if i not in lost]
            with self._running_lock:
                self._running.pop((unit, sha), None)
            return UploadState(False, sorted(lost))
        whole = self._running_digest((unit, sha), count)
        if whole is None:  # resumed after a restart, say: read the file back
            digest = hashlib.sha256()
            for part in self._chunks(manifest):
                digest.update(part)
            whole = digest.hexdigest()
        with self.db.write(serialise=False) as s:
            upload = s.get(AttachmentUpload, (unit, sha))
            if upload is not None:
                s.delete(upload)
            if whole != sha:
                raise SyncError("attachment_hash_mismatch", detail="the file does not match")
            if self.files is not None:
                # The chunk files reach the disk before the commit says the file is held.
                self.files.flush(c for c in manifest if self.files.has(c))
            if s.get(AttachmentBlob, sha) is None:
                s.add(
                    AttachmentBlob(
                        sha256=sha,
                        size=size,
                        chunk_size=chunk_size,
                        chunk_hashes=manifest,
                        created_at=utc_now(),
                    )
                )
            if s.get(AttachmentHolder, (sha, unit)) is None:
                s.add(AttachmentHolder(sha256=sha, unit_code=unit))
            return UploadState(True, [])

    def _keep_chunk(self, s: Any, digest: str, data: bytes) -> None:
        """Store a chunk once (its hash checked by the caller)."""
        if self.files is not None:
            self.files.put(digest, data)
        elif s.get(AttachmentChunk, digest) is None:
            s.add(AttachmentChunk(sha256=digest, data=data))
            s.flush()

    def _lost_chunks(self, manifest: list[str], received: list[int]) -> list[int]:
        """Received chunks whose bytes are nowhere (their file lost in a crash
        before the upload finished): to be sent again."""
        if self.files is None:
            return []
        absent = self.files.missing(manifest[i] for i in received)
        if not absent:
            return []
        with self.db.read() as s:
            in_db = set(
                s.scalars(select(AttachmentChunk.sha256).where(AttachmentChunk.sha256.in_(absent)))
            )
        return [i for i in received if manifest[i] in absent - in_db]

    def _chunks(self, manifest: list[str]) -> Iterator[bytes]:
        for chunk_sha in manifest:
            if self.files is not None:
                found = self.files.read(chunk_sha)
                if found is not None:
                    yield found
                    continue
            with self.db.read() as s:
                data = s.scalar(
                    select(AttachmentChunk.data).where(AttachmentChunk.sha256 == chunk_sha)
                )
            if data is None:
                raise SyncError("server_error", detail=f"chunk {chunk_sha} is missing")
            yield bytes(data)

    def received_bytes(self, unit: str, sha: str) -> int:
        """Bytes of chunks accepted so far for a unit's open upload (0 when none)."""
        with self.db.read() as s:
            upload = s.get(AttachmentUpload, (unit, sha))
            return upload.received_bytes if upload else 0

    def import_files(self, sync: SyncStore, path: Path | str) -> dict[str, Any]:
        """Apply an attachment bundle (``FILE.files`` next to a sync bundle):
        each file checked by hash, kept once, held by the device's unit, then
        its records, as an online upload would."""
        from hcc_desktop.core.formats.files_bundle import read_files_bundle

        bundle = read_files_bundle(path, sync.bundle_key)
        try:
            with self.db.read() as s:
                device = s.get(Device, bundle.header.device_id)
            assert device is not None  # bundle_key() refused an unknown device
            identity = DeviceIdentity(device.id, device.unit_code, device.slot)
            stored = 0
            for sha, data in bundle.files():
                with self.db.write(serialise=False) as s:
                    if s.get(AttachmentBlob, sha) is None:
                        manifest = []
                        for i in range(_chunk_count(len(data), CHUNK_SIZE)):
                            part = data[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE]
                            part_sha = hashlib.sha256(part).hexdigest()
                            self._keep_chunk(s, part_sha, part)
                            manifest.append(part_sha)
                        if self.files is not None:
                            self.files.flush(c for c in manifest if self.files.has(c))
                        s.add(
                            AttachmentBlob(
                                sha256=sha,
                                size=len(data),
                                chunk_size=CHUNK_SIZE,
                                chunk_hashes=manifest,
                                created_at=utc_now(),
                            )
                        )
                        stored += 1
                    if s.get(AttachmentHolder, (sha, device.unit_code)) is None:
                        s.add(AttachmentHolder(sha256=sha, unit_code=device.unit_code))
            added = self.add_records(identity, {"records": bundle.records})
        finally:
            bundle.close()
        return {
            "device_id": bundle.header.device_id,
            "files": bundle.header.files,
            "stored": stored,
            "records": added,
        }

    # -- records --------------------------------------------------------------------------

    def add_records(self, device: DeviceIdentity, body: Any) -> int:
        records = body.get("records") if isinstance(body, dict) else None
        if not isinstance(records, list) or len(records) > MAX_RECORDS:
            raise SyncError("bad_request", detail=f"records must be a list of ≤ {MAX_RECORDS}")
        unit = device.unit_code
        for r in records:
            if not isinstance(r, dict) or not _is_sha(r.get("sha256")):
                raise SyncError("bad_request", detail="each record needs a sha256")
            rid, dossier_id = r.get("id"), r.get("dossier_id")
            if not isinstance(rid, str) or not rid or not isinstance(dossier_id, str):
                raise SyncError("bad_request", detail="each record needs id and dossier_id")
        added = 0
        with self.db.write(serialise=False) as s:
            # Three queries for the batch, not three per record: each is a round trip.
            held = set(
                s.scalars(
                    select(AttachmentHolder.sha256).where(
                        AttachmentHolder.unit_code == unit,
                        AttachmentHolder.sha256.in_({r["sha256"] for r in records}),
                    )
                )
            )
            owners: dict[str, str] = {
                row[0]: row[1]
                for row in s.execute(
                    select(DossierDoc.id, DossierDoc.unit_code).where(
                        DossierDoc.id.in_({r["dossier_id"] for r in records})
                    )
                )
            }
            existing: dict[str, str] = {
                row[0]: row[1]
                for row in s.execute(
                    select(AttachmentRecord.id, AttachmentRecord.unit_code).where(
                        AttachmentRecord.id.in_({r["id"] for r in records})
                    )
                )
            }
            for r in records:
                rid, dossier_id = r["id"], r["dossier_id"]
                if r["sha256"] not in held:
                    raise SyncError("attachment_not_uploaded", detail=r["sha256"])
                owner = owners.get(dossier_id)
                if owner is not None and owner != unit:
                    raise SyncError("forbidden", detail="the dossier belongs to another unit")
                if rid in existing:
                    if existing[rid] != unit:
                        raise SyncError("forbidden", detail="the record belongs to another unit")
                    continue
                existing[rid] = unit  # the same id twice in a batch is added once
                s.add(
                    AttachmentRecord(
                        id=rid,
                        unit_code=unit,
                        dossier_id=dossier_id,
                        sha256=r["sha256"],
                        data=r,
                        device_id=device.id,
                        created_at=utc_now(),
                    )
                )
                added += 1
        return added

    def records_since(self, device: DeviceIdentity, since: int, limit: int) -> dict[str, Any]:
        limit = max(1, min(limit, RECORDS_PAGE))
        with self.db.read() as s:
            rows = s.execute(
                select(AttachmentRecord.seq, AttachmentRecord.data)
                .where(AttachmentRecord.unit_code == device.unit_code, AttachmentRecord.seq > since)
                .order_by(AttachmentRecord.seq)
                .limit(limit + 1)
            ).all()
        more = len(rows) > limit
        rows = rows[:limit]
        return {
            "records": [data for _seq, data in rows],
            "next": rows[-1][0] if rows else since,
            "more": more,
        }

    # -- download -------------------------------------------------------------------------

    def open_file(self, device: DeviceIdentity, sha: str) -> tuple[int, list[str]]:
        """The file's size and chunks, for a device of a unit that holds it."""
        with self.db.read() as s:
            held = s.get(AttachmentHolder, (sha, device.unit_code)) is not None
            blob = s.get(AttachmentBlob, sha) if held else None
            if blob is None:
                # The same answer whether the file is absent or another unit's.
                raise SyncError("not_found", detail="no such file for this unit")
            return blob.size, list(blob.chunk_hashes)

    def iter_file(self, manifest: list[str]) -> Iterator[bytes]:
        return self._chunks(manifest)


async def _raw_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise SyncError("bad_request", detail=f"chunk over {limit} bytes")
    parts: list[bytes] = []
    size = 0
    async for part in request.stream():
        size += len(part)
        if size > limit:
            raise SyncError("bad_request", detail=f"chunk over {limit} bytes")
        parts.append(part)
    return b"".join(parts)


def add_routes(
    app: FastAPI,
    sync: SyncStore,
    json_body: Any,
    authenticate: Any = None,
    files: ChunkFiles | None = None,
) -> AttachmentStore:
    """Register the attachment endpoints on the sync server's app; ``authenticate``
    is the app's device check (failures counted by its rate limits); ``files``
    the chunk folder (None: chunks in the database)."""
    store = AttachmentStore(sync.db, files)
    app.state.attachments = store

    async def device_of(request: Request) -> DeviceIdentity:
        if authenticate is not None:
            device: DeviceIdentity = await authenticate(request)
            return device
        return await run_in_threadpool(sync.authenticate, request.headers.get("authorization"))

    def checked_sha(sha: str) -> str:
        if not _is_sha(sha):
            raise SyncError("bad_request", detail="sha256 must be 64 lower-case hex digits")
        return sha

    @app.post("/api/v1/attachments/uploads")
    async def open_upload(request: Request) -> JSONResponse:
        device = await device_of(request)
        body = await json_body(request, limit=4 * 1024 * 1024, too_large="bad_request")
        many = isinstance(body, dict) and "files" in body
        described = body.get("files") if many else [body]
        for f in described if isinstance(described, list) else []:
            if isinstance(f, dict) and isinstance(f.get("sha256"), str):
                await store.settled(device.unit_code, f["sha256"])
        if many:
            states = await run_in_threadpool(store.open_uploads, device, body)
            return JSONResponse({"files": [{"sha256": h, **st.to_json()} for h, st in states]})
        state = await run_in_threadpool(store.open_upload, device, body)
        return JSONResponse(state.to_json())

    @app.put("/api/v1/attachments/uploads/{sha}/chunks/{index}")
    async def put_chunk(sha: str, index: int, request: Request) -> JSONResponse:
        device = await device_of(request)
        data = await _raw_body(request, MAX_CHUNK_SIZE)
        await run_in_threadpool(store.put_chunk, device, checked_sha(sha), index, data)
        return JSONResponse({"index": index, "size": len(data)})

    @app.put("/api/v1/attachments/uploads/{sha}/stream")
    async def stream_upload(sha: str, request: Request) -> JSONResponse:
        device = await device_of(request)
        limit = MAX_FILE_SIZE // 1024 + 1  # chunks of at least 1 kB
        indices = _parse_ranges(request.query_params.get("chunks", ""), limit)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_FILE_SIZE:
            raise SyncError("bad_request", detail=f"over {MAX_FILE_SIZE} bytes")
        state = await store.receive_stream(device, checked_sha(sha), indices, request.stream())
        return JSONResponse(state.to_json())

    @app.post("/api/v1/attachments/uploads/{sha}/finish")
    async def finish_upload(sha: str, request: Request) -> JSONResponse:
        device = await device_of(request)
        state = await run_in_threadpool(store.finish_upload, device, checked_sha(sha))
        return JSONResponse(state.to_json())

    @app.post("/api/v1/attachments/records")
    async def add_records(request: Request) -> JSONResponse:
        device = await device_of(request)
        body = await json_body(request, limit=8 * 1024 * 1024, too_large="batch_too_large")
        added = await run_in_threadpool(store.add_records, device, body)
        return JSONResponse({"added": added})

    @app.get("/api/v1/attachments/records")
    async def records(request: Request) -> JSONResponse:
        device = await device_of(request)
        try:
            since = int(request.query_params.get("since") or 0)
            limit = int(request.query_params.get("limit") or RECORDS_PAGE)
        except ValueError:
            raise SyncError("bad_request", detail="since and limit are integers") from None
        page = await run_in_threadpool(store.records_since, device, since, limit)
        return JSONResponse(page)

    @app.get("/api/v1/attachments/files/{sha}")
    async def fetch(sha: str, request: Request) -> StreamingResponse:
        device = await device_of(request)
        size, manifest = await run_in_threadpool(store.open_file, device, checked_sha(sha))
        return StreamingResponse(
            iterate_in_threadpool(store.iter_file(manifest)),
            media_type="application/pdf",
            headers={"Content-Length": str(size), "X-Content-SHA256": sha},
        )

    return store


__all__ = [
    "CHUNK_SIZE",
    "AttachmentStore",
    "ChunkFiles",
    "UploadState",
    "add_routes",
    "files_from_environment",
]
