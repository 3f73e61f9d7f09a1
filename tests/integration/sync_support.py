"""Helpers of the device sync tests: real device stores registered with a real
server process, what the server holds, and a TCP proxy that breaks connections."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.db.models import DossierEventRow, DossierRow, OutboxRow, RatingRow
from hcc_desktop.server.models import AppliedBatch, DossierDoc, EventDoc, RatingDoc
from hcc_desktop.server.store import SyncStore
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.intake import IntakeDraft
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.services.sync.service import SyncService
from tests import keyed
from tests.conftest import FakeClock, log_in_admin

FILE_KEYRING = "hcc_desktop.services.sync.credentials.EncryptedFileKeyring"


@dataclass
class Device:
    """One device: its own SQLite store, settings and SyncService."""

    name: str
    services: Services
    sync: SyncService
    clock: FakeClock

    @property
    def device_id(self) -> str:
        return self.services.settings.load().device_id

    def accept(self, draft: IntakeDraft) -> Dossier:
        return self.services.intake.accept(draft)

    def handover(self, key: str, receiver: str) -> Dossier:
        return self.services.lifecycle.transition(
            key, Action.HANDOVER, details=TransitionInput(receiver=receiver)
        )

    def dossiers(self) -> dict[str, str]:
        """id → code of every dossier held."""
        with self.services.db.read() as s:
            return dict(s.execute(select(DossierRow.id, DossierRow.code)).all())

    def event_ids(self) -> set[str]:
        with self.services.db.read() as s:
            return set(s.scalars(select(DossierEventRow.id)))

    def rating_ids(self) -> set[str]:
        with self.services.db.read() as s:
            return set(s.scalars(select(RatingRow.id)))

    def outbox(self) -> int:
        """The unit's records waiting (as ``SyncStatus.pending``): the accounts a sync
        queued are counted apart (tests/integration/test_sync_accounts.py)."""
        with self.services.db.read() as s:
            query = select(func.count()).select_from(OutboxRow)
            return int(s.scalar(query.where(OutboxRow.kind != "account")) or 0)

    def close(self) -> None:
        self.services.close()


def make_device_template(directory: Path) -> Path:
    """A new device's store (migrated, seed catalog) without its first-start
    settings: a copy opens as a fresh device with its own device id, in a few
    milliseconds instead of migrating and loading the catalog again."""
    plain = directory / "device-template-plain.db"
    open_services(plain, encrypted=False).close()
    conn = keyed.connect(plain)
    try:
        conn.execute("DELETE FROM settings")
        conn.execute("DELETE FROM calendar_overrides")
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to copy
    finally:
        conn.close()
    # Encrypted with a key the tests keep (tests/keyed.py): made once per module, outside
    # any test's keyring; each copy gets the key in its own test's keyring.
    return keyed.encrypt_copy(plain, directory / "device-template.db")


class Fleet:
    """Creates devices registered with a server; closes them at the end."""

    def __init__(
        self, tmp_path: Path, template: Path, enrol: Callable[[str], str], clock: FakeClock
    ) -> None:
        self.tmp_path = tmp_path
        self.template = template
        self.enrol = enrol
        self.clock = clock
        self.devices: list[Device] = []

    def device(
        self,
        name: str,
        unit_code: str,
        server_url: str,
        *,
        register: bool = True,
        **sync_options: Any,
    ) -> Device:
        path = self.tmp_path / f"{name}.db"
        keyed.copy_store(self.template, path)
        services = open_services(path, clock=self.clock)
        log_in_admin(services, "Trần Thị Bình")  # the settings are the administrator's
        services.settings.save(replace(services.settings.load(), device_name=name))
        sync = SyncService(
            services.db,
            settings=services.settings,
            catalog=services.catalog,
            clock=self.clock,
            **sync_options,
        )
        device = Device(name, services, sync, self.clock)
        self.devices.append(device)
        if register:
            sync.register(server_url, self.enrol(unit_code), device_name=name)
        return device

    def close(self) -> None:
        for device in self.devices:
            device.close()


# -- what the server holds -------------------------------------------------------------------


@dataclass(frozen=True)
class ServerView:
    dossiers: dict[str, str]  # id → code
    dossier_data: dict[str, dict[str, Any]]
    revs: dict[str, int]
    events: set[str]
    ratings: set[str]


def server_view(store: SyncStore, unit_code: str) -> ServerView:
    with store.db.read() as s:
        rows = s.execute(
            select(DossierDoc.id, DossierDoc.code, DossierDoc.data, DossierDoc.rev).where(
                DossierDoc.unit_code == unit_code
            )
        ).all()
        events = set(s.scalars(select(EventDoc.id).where(EventDoc.unit_code == unit_code)))
        ratings = set(s.scalars(select(RatingDoc.id).where(RatingDoc.unit_code == unit_code)))
    return ServerView(
        dossiers={r.id: r.code for r in rows},
        dossier_data={r.id: r.data for r in rows},
        revs={r.id: r.rev for r in rows},
        events=events,
        ratings=ratings,
    )


def applied_batches(store: SyncStore, device_id: str) -> list[str]:
    with store.db.read() as s:
        return list(
            s.scalars(select(AppliedBatch.batch_id).where(AppliedBatch.device_id == device_id))
        )


# -- a proxy that loses responses -------------------------------------------------------------

_PUSH = re.compile(rb"POST /api/v1/push HTTP/1\.[01]\r\n")
_BATCH_ID = re.compile(rb'"batch_id"\s*:\s*"([^"]+)"')


@dataclass
class _Link:
    client: socket.socket
    upstream: socket.socket
    sent: bytearray = field(default_factory=bytearray)
    pushes_seen: int = 0
    ids_noted: int = 0
    doomed: bool = False  # the response now on its way must not reach the client


class FaultProxy:
    """A TCP proxy on 127.0.0.1 in front of the server.

    ``arm("drop", on_push=n)``: the n-th push request (counted from arming)
    reaches the server, which commits it, but the connection is closed as its
    response comes back: the client never learns the outcome.
    ``arm("hold", on_push=n)``: the response is swallowed and the client left
    waiting until ``release()`` (or the client dies). ``tripped`` is set when
    either happens. ``batch_ids`` lists the batch id of every push forwarded.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._lock = threading.Lock()
        self._mode = "pass"
        self._trigger = 0
        self._pushes = 0
        self.batch_ids: list[str] = []
        self.tripped = threading.Event()
        self._links: list[_Link] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, mode: str, *, on_push: int = 1) -> None:
        assert mode in ("drop", "hold")
        with self._lock:
            self._mode, self._trigger, self._pushes = mode, on_push, 0
            self.tripped.clear()

    def release(self) -> None:
        """Back to plain forwarding; a held client gets its connection closed."""
        with self._lock:
            self._mode = "pass"
            held = [link for link in self._links if link.doomed]
        for link in held:
            self._close(link)

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            self._close(link)

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            link = _Link(client, upstream)
            with self._lock:
                self._links.append(link)
            threading.Thread(target=self._client_to_server, args=(link,), daemon=True).start()
            threading.Thread(target=self._server_to_client, args=(link,), daemon=True).start()

    def _client_to_server(self, link: _Link) -> None:
        while True:
            try:
                data = link.client.recv(65536)
            except OSError:
                data = b""
            if not data:
                self._close(link)
                return
            link.sent += data
            pushes = len(_PUSH.findall(link.sent))
            with self._lock:
                while link.pushes_seen < pushes:
                    link.pushes_seen += 1
                    self._pushes += 1
                    if self._mode != "pass" and self._pushes == self._trigger:
                        link.doomed = True
            self._note_batch_ids(link)
            try:
                link.upstream.sendall(data)
            except OSError:
                self._close(link)
                return

    def _note_batch_ids(self, link: _Link) -> None:
        found = [m.decode() for m in _BATCH_ID.findall(link.sent)]
        with self._lock:
            self.batch_ids += found[link.ids_noted :]
            link.ids_noted = len(found)

    def _server_to_client(self, link: _Link) -> None:
        while True:
            try:
                data = link.upstream.recv(65536)
            except OSError:
                data = b""
            if not data:
                self._close(link)
                return
            with self._lock:
                doomed, mode = link.doomed, self._mode
            if doomed:
                self.tripped.set()
                if mode == "drop":
                    self._close(link)
                    return
                continue  # hold: swallow the response, leave the client waiting
            try:
                link.client.sendall(data)
            except OSError:
                self._close(link)
                return

    def _close(self, link: _Link) -> None:
        for sock in (link.client, link.upstream):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        with self._lock:
            if link in self._links:
                self._links.remove(link)
