"""Attachments to and from the sync server, apart from the records.

Files go up as one streamed request each (the chunks the server lacks, one
after another); the server cuts the stream into chunks of about 1 MB, checks
each against the hash announced when the upload was opened and records those
that completed, so an upload cut in the middle resumes without resending what
arrived.
A file's record (dossier, component, hash) is sent once its bytes are held by
the unit. The unit's other devices pull the records with the sync and fetch a
file when it is needed (a dossier opened, ``attachments --save``), checking its
hash before keeping it.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hcc_desktop.core.errors import SyncError
from hcc_desktop.db.models import SyncStateRow
from hcc_desktop.services.attachments.files import AttachmentError
from hcc_desktop.services.attachments.service import AttachmentService, record_json

if TYPE_CHECKING:
    import httpx

    from hcc_desktop.services.sync.service import SyncService

CHUNK_SIZE = 1024 * 1024
# Kept for callers that set it: with streamed files the requests in flight are
# the files side by side.
PARALLEL = 4
# Files uploaded side by side (each read, opened and streamed by its own worker).
FILES_AHEAD = 4
# Chunks per streamed request: a file up to this size goes in one request; a
# larger one in several, each answered once its chunks are recorded (what a
# cut or a crash of the server can cost is bounded by it).
STREAM_CHUNKS = 32
# Files described and opened by one request (at most twice the files side by side).
OPEN_BATCH = 16
# A file still incomplete after this many passes over its missing chunks: the upload gives up.
ROUNDS = 4
CURSOR_KEY = "attachments_cursor"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TransferResult:
    uploaded_files: int
    uploaded_bytes: int  # chunk bytes actually sent (a resumed upload sends only the rest)
    records_sent: int
    records_pulled: int
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "uploaded_files": self.uploaded_files,
            "uploaded_bytes": self.uploaded_bytes,
            "records_sent": self.records_sent,
            "records_pulled": self.records_pulled,
            "cancelled": self.cancelled,
        }


class _Cancelled(Exception):
    """The user cancelled while a file was being streamed."""


def state_missing(state: dict[str, Any]) -> list[int]:
    return [int(i) for i in state.get("missing", [])]


def _ranges(indices: list[int]) -> str:
    """[0, 1, 2, 5, 7, 8] → ``0-2,5,7-8`` (the server's ``chunks`` parameter)."""
    out: list[str] = []
    start = prev = indices[0]
    for i in [*indices[1:], None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if i is not None:
            start = prev = i
    return ",".join(out)


class AttachmentSync:
    """Moves this device's attachments through the sync server."""

    def __init__(
        self,
        attachments: AttachmentService,
        sync: SyncService,
        *,
        chunk_size: int = CHUNK_SIZE,
        parallel: int = PARALLEL,
        files_ahead: int = FILES_AHEAD,
        stream_chunks: int = STREAM_CHUNKS,
    ) -> None:
        self.stream_chunks = max(1, stream_chunks)
        self.parallel = max(1, parallel)
        self.files_ahead = max(1, files_ahead)
        self._attachments = attachments
        self._sync = sync
        self._db = attachments.db
        self.chunk_size = chunk_size

    def _client(self) -> httpx.Client:
        server_url, credential = self._sync._credential()
        return self._sync._client(server_url, credential.token)

    def _call(self, client: httpx.Client, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        return self._sync._call(client, method, path, **kwargs)

    # -- push -----------------------------------------------------------------------------

    def sync(
        self, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
    ) -> TransferResult:
        """Send what this device attached, then pull the unit's records."""
        with self._client() as client:
            pushed = self._push(client, progress or (lambda *_: None), cancel or (lambda: False))
            if pushed.cancelled:
                return pushed
            pulled = self._pull(client)
        return TransferResult(
            pushed.uploaded_files, pushed.uploaded_bytes, pushed.records_sent, pulled
        )

    def push(
        self, *, progress: Progress | None = None, cancel: Callable[[], bool] | None = None
    ) -> TransferResult:
        """Send the files and records the server does not hold yet; ``progress`` in bytes."""
        with self._client() as client:
            return self._push(client, progress or (lambda *_: None), cancel or (lambda: False))

    def _push(
        self, client: httpx.Client, progress: Progress, cancel: Callable[[], bool]
    ) -> TransferResult:
        pending = self._attachments.pending_uploads()
        files = {a.sha256: a.size for a in pending if a.kind != "reused"}
        # A reused document's file came from another dossier: send it too when
        # this device made it (the server ignores what the unit holds already).
        for a in pending:
            if a.kind == "reused" and self._attachments.files.has(a.sha256):
                files.setdefault(a.sha256, a.size)
        sent, uploaded, finished = self._send_files(
            client, files, cancel, partial(progress, "upload"), sum(files.values())
        )
        if not finished:
            return TransferResult(uploaded, sent, 0, 0, cancelled=True)
        records = [record_json(a) for a in pending]
        for i in range(0, len(records), 500):
            batch = records[i : i + 500]
            self._call(client, "POST", "/api/v1/attachments/records", json={"records": batch})
            self._attachments.mark_uploaded([str(r["id"]) for r in batch])
        return TransferResult(uploaded, sent, len(records), 0)

    def _send_files(
        self,
        client: httpx.Client,
        files: dict[str, int],
        cancel: Callable[[], bool],
        progress: Callable[[int, int], None],
        total: int,
    ) -> tuple[int, int, bool]:
        """Send the chunks the server lacks. Files are described (their chunk
        hashes) and opened a batch at a time, one request per batch; then a
        few go side by side, each streamed by a worker of its own: one request
        carries the chunks the server lacks, and the server finishes the file
        with its last byte. Returns (bytes sent, files completed, finished;
        False: cancelled)."""
        sent = uploaded = 0
        lock = threading.Lock()
        stop = threading.Event()  # cancelled, or a request failed: start nothing new
        file_pool = ThreadPoolExecutor(
            max_workers=self.files_ahead, thread_name_prefix="hcc-upload-file"
        )
        describe_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="hcc-upload-hash")
        batch = max(1, min(OPEN_BATCH, self.files_ahead * 2))

        def halted() -> bool:
            if not stop.is_set() and cancel():
                stop.set()
            return stop.is_set()

        def count(n: int) -> None:
            nonlocal sent
            with lock:
                sent += n
                progress(sent, total)

        def upload(sha: str, missing: list[int]) -> bool:
            nonlocal uploaded
            try:
                chunks = self._split(sha) if missing else []
                for _round in range(ROUNDS):
                    if not missing:
                        with lock:
                            uploaded += 1
                        return True
                    step = self.stream_chunks
                    for start in range(0, len(missing), step):
                        if halted():
                            return False
                        part = missing[start : start + step]
                        try:
                            state = self._stream(client, sha, chunks, part, count, halted)
                        except _Cancelled:
                            return False  # cut short: the server kept the chunks that arrived
                    # Complete; else lost on the server before it finished: again.
                    missing = [] if state.get("complete") else state_missing(state)
                raise SyncError("server_error", detail="the upload did not complete")
            except BaseException:
                stop.set()
                raise

        pending: set[Future[bool]] = set()
        results: list[Future[bool]] = []
        try:
            shas = list(files)
            for first in range(0, len(shas), batch):
                if halted():
                    break
                described = list(describe_pool.map(self._describe, shas[first : first + batch]))
                opened = self._call(
                    client, "POST", "/api/v1/attachments/uploads", json={"files": described}
                )
                for state in opened.get("files", []):
                    missing = [] if state.get("complete") else state_missing(state)
                    future = file_pool.submit(upload, str(state["sha256"]), missing)
                    pending.add(future)
                    results.append(future)
                # The next batch is opened while this one streams, no further ahead.
                while len(pending) > batch:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        future.result()  # a failure stops the upload
            done_all = [f.result() for f in results]
            return sent, uploaded, all(done_all) and not halted()
        finally:
            stop.set()
            describe_pool.shutdown(wait=True, cancel_futures=True)
            file_pool.shutdown(wait=True, cancel_futures=True)

    def _split(self, sha: str) -> list[memoryview]:
        data = memoryview(self._attachments.read(sha))
        step = self.chunk_size
        return [data[i : i + step] for i in range(0, len(data), step)] or [data]

    def _describe(self, sha: str) -> dict[str, Any]:
        """The file's description for opening its upload (its chunks' hashes).
        A damaged local file is caught by the server's check of the whole hash."""
        chunks = self._split(sha)
        return {
            "sha256": sha,
            "size": sum(len(c) for c in chunks),
            "chunk_size": self.chunk_size,
            "chunks": [hashlib.sha256(c).hexdigest() for c in chunks],
        }

    @staticmethod
    def _body(
        chunks: list[memoryview],
        indices: list[int],
        count: Callable[[int], None],
        halted: Callable[[], bool],
    ) -> Iterator[memoryview]:
        """The chunks to send, one after another; each counted once handed to
        the connection. Cancelled: the stream stops short (the request fails
        and the server records the chunks that completed)."""
        for i in indices:
            if halted():
                raise _Cancelled
            yield chunks[i]
            count(len(chunks[i]))

    def _stream(
        self,
        client: httpx.Client,
        sha: str,
        chunks: list[memoryview],
        indices: list[int],
        count: Callable[[int], None],
        halted: Callable[[], bool],
    ) -> dict[str, Any]:
        """The chunks ``indices`` in one streamed request; the server's state after it."""
        return self._call(
            client,
            "PUT",
            f"/api/v1/attachments/uploads/{sha}/stream",
            params={"chunks": _ranges(indices)},
            content=self._body(chunks, indices, count, halted),
            headers={
                "Content-Type": "application/octet-stream",
                "Content-Length": str(sum(len(chunks[i]) for i in indices)),
            },
        )

    # -- USB ------------------------------------------------------------------------------

    def export_files(self, path: Path) -> int:
        """Write the pending attachments' records and files as a sealed
        attachment bundle (``FILE.files`` next to ``sync export FILE``); they stay
        pending until an online sync confirms them. Returns the number of files."""
        from hcc_desktop.core.formats.files_bundle import write_files_bundle

        _url, credential = self._sync._credential()
        pending = self._attachments.pending_uploads()
        shas = [a.sha256 for a in pending if self._attachments.files.has(a.sha256)]
        files = [(sha, self._attachments.read(sha)) for sha in dict.fromkeys(shas)]
        write_files_bundle(
            path,
            device_id=credential.device_id,
            bundle_key=credential.bundle_key,
            records=[record_json(a) for a in pending],
            files=files,
        )
        return len(files)

    # -- pull -----------------------------------------------------------------------------

    def _cursor(self) -> int:
        with self._db.read() as s:
            row = s.get(SyncStateRow, CURSOR_KEY)
            return int(json.loads(row.value)) if row else 0

    def _pull(self, client: httpx.Client) -> int:
        since, pulled = self._cursor(), 0
        while True:
            page = self._call(client, "GET", "/api/v1/attachments/records", params={"since": since})
            records = [r for r in page.get("records", []) if isinstance(r, dict)]
            pulled += self._attachments.record_remote(records)
            since = int(page.get("next", since))
            with self._db.write() as s:
                s.merge(SyncStateRow(key=CURSOR_KEY, value=json.dumps(since)))
            if not page.get("more"):
                return pulled

    def pull(self) -> int:
        """Pull the unit's attachment records page by page; how many were new here."""
        with self._client() as client:
            return self._pull(client)

    # -- fetch ----------------------------------------------------------------------------

    def fetch(self, sha256: str) -> None:
        """Fetch one file from the server into the local store (hash checked)."""
        if self._attachments.files.has(sha256):
            return
        with self._client() as client:
            self._fetch(client, sha256)

    def _fetch(self, client: httpx.Client, sha256: str) -> None:
        from hcc_desktop.services.sync.client import lazy_httpx as _httpx

        path = f"/api/v1/attachments/files/{sha256}"
        try:
            with client.stream("GET", path, headers={"Accept-Encoding": "identity"}) as response:
                if response.status_code >= 400:
                    response.read()
                    self._raise_for(response)

                def body() -> Iterator[bytes]:
                    yield from response.iter_bytes(256 * 1024)

                self._attachments.store_fetched(sha256, body())
        except _httpx().TimeoutException as exc:
            raise SyncError("server_unreachable", reason="timeout", detail=str(exc)) from exc
        except _httpx().TransportError as exc:
            raise SyncError("server_unreachable", detail=str(exc) or type(exc).__name__) from exc

    @staticmethod
    def _raise_for(response: httpx.Response) -> None:
        try:
            body = json.loads(response.content)
        except ValueError:
            body = {}
        code = body.get("error") if isinstance(body, dict) else None
        if response.status_code in (403, 404):
            raise AttachmentError("attachment_unavailable", status=response.status_code)
        raise SyncError("server_rejected", reason=str(code or f"http_{response.status_code}"))

    def ensure_local(self, dossier: str, *, pull: bool = True) -> list[str]:
        """Fetch the dossier's files this device lacks; returns the hashes fetched.

        With ``pull``, when no file is known missing, the unit's records are
        pulled first (``attachments --save`` on a device that has not synced
        since). Without it (a dossier being opened) nothing goes over the
        network unless a file is known to be missing.
        """
        missing = [a.sha256 for a in self._attachments.of_dossier(dossier) if not a.present]
        if not missing:
            if not pull:
                return []
            with self._client() as client:
                self._pull(client)
            missing = [a.sha256 for a in self._attachments.of_dossier(dossier) if not a.present]
            if not missing:
                return []
        with self._client() as client:
            for sha in dict.fromkeys(missing):
                self._fetch(client, sha)
        return list(dict.fromkeys(missing))
