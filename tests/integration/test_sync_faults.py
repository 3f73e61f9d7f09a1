"""Sync under faults, against a real server process (PostgreSQL and SQLite): lost
responses, a server restart, a client killed mid-push, a batch sent twice, a
revoked device, bundles (good, tampered, truncated) and TLS with a private CA."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import signal
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from hcc_desktop.core.domain import Action
from hcc_desktop.core.errors import SyncError
from hcc_desktop.db.models import SyncStateRow
from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store import SyncStore
from hcc_desktop.services.sync.credentials import load_credential
from hcc_desktop.services.sync.service import SyncService
from tests.conftest import FakeClock, applicant, birth_draft, marriage_status_draft
from tests.integration.conftest import ROOT, Harness, ServerProcess, new_unit_code
from tests.integration.sync_support import (
    Device,
    FaultProxy,
    Fleet,
    applied_batches,
    server_view,
)

DEADLINE = 60.0  # seconds to wait for a fault to be reached; never a synchronisation sleep


# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


@pytest.fixture
def proxy(harness: Harness) -> Iterator[FaultProxy]:
    p = FaultProxy(harness.server.port)
    yield p
    p.close()


def saved_batches(device: Device) -> list[dict[str, object]]:
    """The push batches saved and not yet answered, in sending order."""
    with device.services.db.read() as s:
        rows = s.scalars(
            select(SyncStateRow)
            .where(SyncStateRow.key.like("push_batch%"))
            .order_by(SyncStateRow.key)
        ).all()
        return [json.loads(row.value) for row in rows]


def pending_batch(device: Device) -> dict[str, object] | None:
    saved = saved_batches(device)
    return saved[0] if saved else None


def converged(devices: list[Device], store: SyncStore, unit: str) -> None:
    server = server_view(store, unit)
    assert len(set(server.dossiers.values())) == len(server.dossiers)
    for device in devices:
        assert device.dossiers() == server.dossiers, device.name
        assert device.event_ids() == server.events, device.name
        assert device.outbox() == 0, device.name
        assert pending_batch(device) is None


def server_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hcc_desktop.server.cli", "server", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_lost_response_is_resent_with_the_same_batch_and_applied_once(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> None:
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, proxy.url)
    counter = fleet.device("counter", unit, harness.server.base_url)
    for name in ("Lê Thị Cúc", "Võ Văn Em", "Đặng Thị Giang"):
        laptop.accept(birth_draft(owner=applicant(full_name=name)))
    proxy.arm("drop", on_push=1)
    with pytest.raises(SyncError) as caught:
        laptop.sync.sync()
    assert caught.value.code == "server_unreachable"
    assert proxy.tripped.is_set()
    # The server committed the batch; the device does not know it yet.
    assert len(server_view(harness.store, unit).dossiers) == 3
    assert laptop.outbox() == 6
    assert laptop.sync.status().last_error == "server_unreachable"
    saved = pending_batch(laptop)
    assert saved is not None
    assert saved["batch_id"] == proxy.batch_ids[0]

    proxy.release()
    result = laptop.sync.sync()
    assert (result.pushed, result.duplicates, result.rejected) == (6, 0, 0)
    assert proxy.batch_ids == [proxy.batch_ids[0]] * 2  # resent under the same id
    assert applied_batches(harness.store, laptop.device_id) == [proxy.batch_ids[0]]
    assert laptop.sync.status().last_error is None
    counter.sync.sync()
    converged([laptop, counter], harness.store, unit)


def test_the_same_batch_sent_twice_is_applied_once(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> None:
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, proxy.url)
    d = laptop.accept(marriage_status_draft())
    laptop.handover(d.code, "Lê Văn Cường")
    proxy.arm("drop", on_push=1)
    with pytest.raises(SyncError, match="server_unreachable"):
        laptop.sync.sync()
    proxy.release()
    batch = pending_batch(laptop)
    assert batch is not None
    before = server_view(harness.store, unit)
    credential = load_credential(laptop.device_id)
    assert credential is not None
    with harness.server.client(credential.token) as http:
        again = http.post("/api/v1/push", json=batch)
    assert again.status_code == 200
    # The unit's three records (the store's administrator travels with them).
    kinds = {i["id"]: i["kind"] for i in batch["items"]}
    results = [r for r in again.json()["results"] if kinds[r["id"]] != "account"]
    assert [r["status"] for r in results] == ["applied"] * 3
    assert server_view(harness.store, unit) == before  # a replay writes nothing
    result = laptop.sync.sync()  # and a third time, by the device itself
    assert result.pushed == 3
    assert server_view(harness.store, unit) == before
    assert len(applied_batches(harness.store, laptop.device_id)) == 1
    converged([laptop], harness.store, unit)


def two_batches_waiting(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> tuple[str, Device, Device]:
    """A unit, a laptop behind the proxy with 1,020 outbox items (two
    batches) and a counter of the same unit."""
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, proxy.url)
    counter = fleet.device("counter", unit, harness.server.base_url)
    for _ in range(510):
        laptop.accept(birth_draft())
    return unit, laptop, counter


def kill_sync_when(device: Device, proxy: FaultProxy, condition: Callable[[], bool]) -> None:
    """Run ``sync`` for ``device`` in a child process and SIGKILL it once the
    proxy holds a push response and ``condition`` holds."""
    sync = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hcc_desktop.cli.sync",
            "--db",
            str(device.services.db.path),
            "sync",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert proxy.tripped.wait(DEADLINE), sync.stderr.read() if sync.stderr else ""
        assert wait_for(condition)
    finally:
        sync.send_signal(signal.SIGKILL)
        sync.wait(timeout=DEADLINE)
        if sync.stderr:
            sync.stderr.close()
    assert sync.returncode == -signal.SIGKILL


def test_a_client_killed_mid_push_loses_and_doubles_nothing(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> None:
    unit, laptop, counter = two_batches_waiting(fleet, harness, proxy)
    # The first batch is acknowledged; the second is committed by the server
    # while its response is held back, and the client is killed waiting for it.
    proxy.arm("hold", on_push=2)
    # The first batch's results are recorded while the second is in flight.
    kill_sync_when(laptop, proxy, lambda: laptop.outbox() == 20)
    proxy.release()
    assert laptop.outbox() == 20  # the first 1,000 were confirmed before the kill
    assert len(server_view(harness.store, unit).dossiers) == 510

    result = laptop.sync.sync()
    assert result.pushed == 20
    first, second = proxy.batch_ids[0], proxy.batch_ids[1]
    assert proxy.batch_ids == [first, second, second]
    assert sorted(applied_batches(harness.store, laptop.device_id)) == sorted([first, second])
    counter.sync.sync()
    converged([laptop, counter], harness.store, unit)
    assert len(counter.dossiers()) == 510


def test_a_client_killed_with_two_batches_saved_sends_them_again_in_order(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> None:
    unit, laptop, counter = two_batches_waiting(fleet, harness, proxy)
    # The server commits the first batch and its response is held back; the
    # device has saved the second meanwhile (saved before it may leave).
    proxy.arm("hold", on_push=1)
    kill_sync_when(laptop, proxy, lambda: len(saved_batches(laptop)) == 2)
    proxy.release()
    first, second = (str(b["batch_id"]) for b in saved_batches(laptop))
    assert proxy.batch_ids == [first]  # the second was saved, never sent
    assert laptop.outbox() == 1020
    assert len(server_view(harness.store, unit).dossiers) == 500

    result = laptop.sync.sync()
    assert (result.pushed, result.duplicates) == (1020, 0)
    assert proxy.batch_ids == [first, first, second]
    assert sorted(applied_batches(harness.store, laptop.device_id)) == sorted([first, second])
    counter.sync.sync()
    converged([laptop, counter], harness.store, unit)
    assert len(counter.dossiers()) == 510


def wait_for(condition: Callable[[], bool]) -> bool:
    """Poll ``condition`` until it holds or DEADLINE passes: for a state that
    another process reaches on its own, never a synchronisation sleep."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def test_a_dossier_changed_while_its_batch_is_in_flight_is_sent_again(
    fleet: Fleet, harness: Harness, proxy: FaultProxy
) -> None:
    """The server gets the version that was sent; the newer local one stays
    queued and follows in the same sync, or, after a lost response, in the
    sync that sends the lost batch again (then compared with what that batch
    holds, as saved)."""
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, proxy.url)
    counter = fleet.device("counter", unit, harness.server.base_url)
    first = laptop.accept(birth_draft())
    second = laptop.accept(birth_draft())

    changed: list[str] = []

    def change_once(phase: str, _done: int, _total: int) -> None:
        # Called with the first batch read and saved, before it leaves.
        if phase == "push" and not changed:
            changed.append(laptop.handover(first.code, "Lê Văn Cường").code)

    result = laptop.sync.sync(progress=change_once)
    assert changed == [first.code]
    # Two dossiers and their events; then the hand-over event; then the
    # dossier again, as it is now.
    assert (result.pushed, result.duplicates) == (6, 0)
    assert laptop.outbox() == 0
    assert server_view(harness.store, unit).dossier_data[first.id]["status"] == 4

    proxy.arm("drop", on_push=1)
    laptop.handover(second.code, "Lê Văn Cường")
    with pytest.raises(SyncError):
        laptop.sync.sync()
    proxy.release()
    laptop.services.lifecycle.transition(second.code, Action.FINISH)
    result = laptop.sync.sync()
    # The lost batch is answered again (its dossier was the handed-over one);
    # the finished dossier and its event go after it.
    assert (result.pushed, result.duplicates) == (2 + 2, 0)
    assert laptop.outbox() == 0
    assert server_view(harness.store, unit).dossier_data[second.id]["status"] == 9
    counter.sync.sync()
    converged([laptop, counter], harness.store, unit)


def test_a_server_restarted_mid_sync(
    fresh_database: str, tmp_path: Path, device_template: Path, clock: FakeClock
) -> None:
    server = ServerProcess(fresh_database, tmp_path / "server.log")
    server.start()
    db = ServerDatabase(fresh_database)
    store = SyncStore(db)
    proxy = FaultProxy(server.port)
    fleet = Fleet(tmp_path, device_template, lambda unit: store.enrol(unit).code, clock)
    try:
        unit = new_unit_code()
        laptop = fleet.device("laptop", unit, proxy.url)
        counter = fleet.device("counter", unit, server.base_url)
        for _ in range(5):
            laptop.accept(birth_draft())
        counter.accept(marriage_status_draft())
        counter.sync.sync()
        proxy.arm("hold", on_push=1)
        failure: list[BaseException] = []

        def run() -> None:
            try:
                laptop.sync.sync()
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        assert proxy.tripped.wait(DEADLINE)
        server.restart()  # the held connection dies with the old process
        proxy.target_port = server.port
        worker.join(DEADLINE)
        assert not worker.is_alive()
        assert len(failure) == 1
        assert isinstance(failure[0], SyncError)
        assert failure[0].code == "server_unreachable"
        proxy.release()

        result = laptop.sync.sync()
        assert result.pushed == 10
        assert result.pulled == 2  # the counter's dossier and its event
        counter.sync.sync()
        converged([laptop, counter], store, unit)
        assert len(applied_batches(store, laptop.device_id)) == 1
    finally:
        fleet.close()
        proxy.close()
        server.stop()
        db.dispose()


def test_a_revoked_device_is_told_so_and_keeps_its_outbox(fleet: Fleet, harness: Harness) -> None:
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    laptop.accept(birth_draft())
    harness.store.revoke(laptop.device_id)
    with pytest.raises(SyncError) as caught:
        laptop.sync.sync()
    assert caught.value.code == "credential_revoked"
    assert laptop.outbox() == 2
    assert laptop.sync.status().last_error == "credential_revoked"
    assert server_view(harness.store, unit).dossiers == {}


def test_a_bundle_carried_by_hand_then_an_online_sync_duplicates_nothing(
    fleet: Fleet, harness: Harness, tmp_path: Path
) -> None:
    unit = new_unit_code()
    laptop = fleet.device("laptop", unit, harness.server.base_url)
    counter = fleet.device("counter", unit, harness.server.base_url)
    d = laptop.accept(marriage_status_draft())
    laptop.handover(d.code, "Lê Văn Cường")
    laptop.accept(birth_draft(channel="saturday_session"))
    bundle = tmp_path / "laptop.hccbundle"
    assert laptop.sync.export_bundle(bundle) == 5
    assert laptop.outbox() == 5  # kept until an online sync confirms
    database = harness.store.db.url

    # A damaged file is refused with a clear message and nothing applied.
    raw = bundle.read_bytes()
    tampered, truncated = tmp_path / "tampered.hccbundle", tmp_path / "truncated.hccbundle"
    flip = raw.rindex(b"\n", 0, len(raw) - 1) + 40  # inside the sealed token
    tampered.write_bytes(raw[:flip] + bytes([raw[flip] ^ 0x01]) + raw[flip + 1 :])
    truncated.write_bytes(raw[: len(raw) // 2])
    for path, code in ((tampered, "bundle_tampered"), (truncated, "bundle_truncated")):
        refused = server_cli("import-bundle", "--database", database, str(path))
        assert refused.returncode == 1, refused.stderr
        assert code in refused.stderr
    assert server_view(harness.store, unit).dossiers == {}

    imported = server_cli("import-bundle", "--database", database, str(bundle), "--json")
    assert imported.returncode == 0, imported.stderr
    report = json.loads(imported.stdout)
    # The five records and the laptop's administrator (accounts travel in bundles too).
    assert (report["items"], report["applied"], report["rejected"]) == (6, 6, 0)
    after_import = server_view(harness.store, unit)
    assert len(after_import.dossiers) == 2

    result = laptop.sync.sync()
    assert (result.pushed, result.duplicates) == (5, 5)
    assert server_view(harness.store, unit) == after_import
    counter.sync.sync()
    converged([laptop, counter], harness.store, unit)


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "server.pem", directory / "server.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_tls_with_a_private_ca(
    tmp_path: Path, device_template: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Transport only: one SQLite-backed server is enough."""
    cert, key = _self_signed(tmp_path)
    url = f"sqlite:///{tmp_path / 'tls-server.db'}"
    server = ServerProcess(
        url,
        tmp_path / "server.log",
        cert=cert,
        key=key,
        ca=ssl.create_default_context(cafile=str(cert)),
    )
    server.start()
    db = ServerDatabase(url)
    store = SyncStore(db)
    fleet = Fleet(tmp_path, device_template, lambda unit: store.enrol(unit).code, clock)
    try:
        unit = new_unit_code()
        with pytest.raises(SyncError) as caught:
            fleet.device("untrusting", unit, server.base_url)
        assert caught.value.code == "tls_error"
        monkeypatch.setenv("HCC_SYNC_CA", str(cert))
        laptop = fleet.device("laptop", unit, server.base_url)
        laptop.accept(birth_draft())
        assert laptop.sync.sync().pushed == 2
        monkeypatch.delenv("HCC_SYNC_CA")
        explicit = SyncService(
            laptop.services.db,
            settings=laptop.services.settings,
            catalog=laptop.services.catalog,
            ca_file=cert,
        )
        assert explicit.sync().pushed == 0
        with httpx.Client(verify=False) as insecure:  # the server really speaks TLS
            assert insecure.get(f"{server.base_url}/api/v1/health").status_code == 200
    finally:
        fleet.close()
        server.stop()
        db.dispose()
