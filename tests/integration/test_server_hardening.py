"""Sync hardening (issue 12, item 6), over HTTP against real server processes:
device ids bound to their credential, size limits, deep JSON, rate limits,
client disconnects, and several server processes over one PostgreSQL."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest

from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store import SyncStore
from hcc_desktop.server.store.common import MAX_PAGE_BYTES, MAX_RECORD_BYTES, DeviceIdentity

from .conftest import (
    DeviceClient,
    Harness,
    ServerProcess,
    dossier_data,
    event_data,
    item,
    new_unit_code,
)

DEEP = b"[" * 5000 + b"]" * 5000
LOG_DEADLINE = 30.0


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error"] == code
    return body


# --- a device id belongs to its credential ------------------------------------------------


def test_another_devices_id_cannot_be_taken_over(harness: Harness) -> None:
    unit = new_unit_code()
    victim = harness.device(unit)
    victim.push_ok([item("dossier", dossier_data(unit))])

    code = harness.enrol(unit)
    response = harness.register_raw(code, victim.device_id, name="Máy lạ")
    body = assert_error(response, 409, "device_id_taken")
    assert "token" not in body
    assert "bundle_key" not in body
    assert victim.bundle_key not in response.text
    # A wrong token proves nothing either.
    response = harness.register_raw(harness.enrol(unit), victim.device_id, token="x" * 43)
    assert_error(response, 409, "device_id_taken")

    # The real device keeps working, with its slot and name.
    assert victim.http.get("/api/v1/changes").status_code == 200
    [info] = [d for d in harness.store.devices(unit) if d.id == victim.device_id]
    assert info.active
    assert info.slot == victim.slot
    assert info.name == "Máy 1"
    # The code was not used up: a new identity may take it, in another slot.
    other = harness.register_raw(code, str(uuid.uuid4()))
    assert other.status_code == 200, other.text
    assert other.json()["device_slot"] != victim.slot
    assert other.json()["bundle_key"] != victim.bundle_key


# --- size limits ----------------------------------------------------------------------------


def test_an_oversized_record_is_rejected_alone(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    big = dossier_data(unit, note="x" * (MAX_RECORD_BYTES + 1))
    small = dossier_data(unit)
    results = writer.push_ok([item("dossier", big), item("dossier", small)])["results"]
    assert results[0]["status"] == "rejected"
    assert results[0]["reason"] == "invalid_item"
    assert results[1]["status"] == "applied"
    changes, _ = reader.pull_all()
    assert [c["data"]["id"] for c in changes] == [small["id"]]


def test_a_pull_page_is_capped_by_bytes(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    # Five records of 1.9 MB: 9.5 MB, over one page's 8 MB.
    size = MAX_RECORD_BYTES - 100_000
    dossiers = [dossier_data(unit, note="đ" * (size // 2)) for _ in range(5)]
    for dossier in dossiers:
        writer.push_ok([item("dossier", dossier)])
    page = reader.changes(0, limit=500)
    assert page["more"]
    assert 1 <= len(page["changes"]) < 5
    assert len(page["changes"]) * size <= MAX_PAGE_BYTES
    changes, _ = reader.pull_all(limit=500)
    assert [c["data"]["id"] for c in changes] == [d["id"] for d in dossiers]


def test_a_record_larger_than_the_byte_cap_goes_alone(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    dossiers = [dossier_data(unit) for _ in range(3)]
    writer.push_ok([item("dossier", d) for d in dossiers])
    identity = DeviceIdentity(reader.device_id, unit, reader.slot)
    got: list[str] = []
    cursor = 0
    while True:
        page = harness.store.changes_since(identity, cursor, 500, max_bytes=10)
        assert len(page.changes) == 1 or not page.more
        got += [c["data"]["id"] for c in page.changes]
        cursor = page.cursor
        if not page.more:
            break
    assert got == [d["id"] for d in dossiers]


def test_an_event_and_the_dossier_sent_ahead_of_it_count_together(harness: Harness) -> None:
    unit = new_unit_code()
    writer, reader = harness.device(unit), harness.device(unit)
    dossier = dossier_data(unit, status=2)
    event = event_data(dossier["id"])
    writer.push_ok([item("dossier", dossier), item("event", event)])
    writer.push_ok([item("dossier", dict(dossier, status=4))], batch_id=str(uuid.uuid4()))
    identity = DeviceIdentity(reader.device_id, unit, reader.slot)
    page = harness.store.changes_since(identity, 0, 500, max_bytes=10)
    # The event's page carries its dossier first, and nothing more.
    assert [c["kind"] for c in page.changes] == ["dossier", "event"]
    assert page.more


# --- deeply nested JSON ----------------------------------------------------------------------


def test_deeply_nested_json_is_a_bad_request(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    assert_error(
        device.http.post(
            "/api/v1/push", content=DEEP, headers={"Content-Type": "application/json"}
        ),
        400,
        "bad_request",
    )
    with harness.server.client() as http:
        assert_error(
            http.post(
                "/api/v1/devices/register",
                content=b'{"a":' * 5000 + b"1" + b"}" * 5000,
                headers={"Content-Type": "application/json"},
            ),
            400,
            "bad_request",
        )
    assert "RecursionError" not in harness.server.log_text()


# --- servers of their own: rate limits, disconnects ---------------------------------------


def _own_server(tmp_path: Path, *extra: str) -> tuple[ServerProcess, ServerDatabase]:
    database = f"sqlite:///{tmp_path / 'server.db'}"
    server = ServerProcess(database, tmp_path / "server.log", extra_args=extra)
    server.start()
    return server, ServerDatabase(database)


def test_failed_registrations_are_rate_limited(tmp_path: Path) -> None:
    server, db = _own_server(tmp_path, "--failure-limit", "3")
    try:
        harness = Harness(server, SyncStore(db))
        unit = new_unit_code()
        for _ in range(3):
            response = harness.register_raw("AAAA-BBBB-CCCC-DDDD", str(uuid.uuid4()))
            assert_error(response, 400, "enrolment_code_invalid")
        # Now even a good code waits: the address has failed too often.
        response = harness.register_raw(harness.enrol(unit), str(uuid.uuid4()))
        body = assert_error(response, 429, "rate_limited")
        retry = int(response.headers["Retry-After"])
        assert 1 <= retry <= 60
        assert body["params"]["retry_after"] == str(retry)
    finally:
        db.dispose()
        server.stop()


def test_failed_credentials_are_rate_limited(tmp_path: Path) -> None:
    server, db = _own_server(tmp_path, "--failure-limit", "3")
    try:
        harness = Harness(server, SyncStore(db))
        device = harness.device(new_unit_code())
        assert device.http.get("/api/v1/changes").status_code == 200
        wrong = {"Authorization": "Bearer " + "y" * 43}
        with server.client() as anonymous:
            for _ in range(3):
                response = anonymous.get("/api/v1/changes", headers=wrong)
                assert_error(response, 401, "credential_invalid")
            response = anonymous.get("/api/v1/changes", headers=wrong)
            assert_error(response, 429, "rate_limited")
            assert int(response.headers["Retry-After"]) >= 1
            # A missing credential is not a guess: it is not counted, but the
            # address stays limited.
        assert_error(device.http.get("/api/v1/changes"), 429, "rate_limited")
        harness.close()
    finally:
        db.dispose()
        server.stop()


def test_registrations_per_address_are_rate_limited(tmp_path: Path) -> None:
    server, db = _own_server(tmp_path, "--registration-limit", "2")
    try:
        harness = Harness(server, SyncStore(db))
        unit = new_unit_code()
        for _ in range(2):
            assert harness.register_raw(harness.enrol(unit), str(uuid.uuid4())).status_code == 200
        response = harness.register_raw(harness.enrol(unit), str(uuid.uuid4()))
        assert_error(response, 429, "rate_limited")
    finally:
        db.dispose()
        server.stop()


def _wait_for_log(server: ServerProcess, text: str) -> str:
    deadline = time.monotonic() + LOG_DEADLINE
    while time.monotonic() < deadline:
        log = server.log_text()
        if text in log:
            return log
        time.sleep(0.05)  # polling a log file with a deadline, not synchronising
    return server.log_text()


def test_a_client_disconnecting_mid_request_is_not_a_server_error(tmp_path: Path) -> None:
    server, db = _own_server(tmp_path)
    try:
        harness = Harness(server, SyncStore(db))
        device = harness.device(new_unit_code())
        head = (
            "POST /api/v1/push HTTP/1.1\r\n"
            f"Host: 127.0.0.1:{server.port}\r\n"
            f"Authorization: Bearer {device.token}\r\n"
            "Content-Type: application/json\r\n"
            "Content-Length: 100000\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(head + b'{"batch_id": "b1", "items": [')
        log = _wait_for_log(server, "disconnected during POST /api/v1/push")
        assert "disconnected during POST /api/v1/push" in log
        assert "error serving" not in log
        assert "Traceback" not in log
        # And the server goes on serving.
        assert device.http.get("/api/v1/changes").status_code == 200
        harness.close()
    finally:
        db.dispose()
        server.stop()


# --- several server processes over one PostgreSQL -------------------------------------------


def test_two_server_processes_and_four_devices_pushing_at_once(
    backend: str, fresh_database: str, tmp_path: Path
) -> None:
    if backend != "postgresql":
        pytest.skip("several server hosts share a PostgreSQL database")
    first = ServerProcess(fresh_database, tmp_path / "first.log")
    # The second runs as two uvicorn worker processes: three processes in all.
    second = ServerProcess(
        fresh_database,
        tmp_path / "second.log",
        extra_args=("--workers", "2", "--failure-limit", "0", "--registration-limit", "0"),
    )
    first.start()
    second.start()
    db = ServerDatabase(fresh_database)
    store = SyncStore(db)
    harnesses = [Harness(first, store), Harness(second, store)]
    try:
        unit = new_unit_code()
        devices = [harnesses[i % 2].device(unit) for i in range(4)]
        assert sorted(d.slot for d in devices) == [0, 1, 2, 3]
        per_device, errors = 15, []
        pushed: dict[str, list[str]] = {d.device_id: [] for d in devices}
        start = threading.Barrier(len(devices))

        def write(device: DeviceClient) -> None:
            try:
                start.wait(timeout=60)
                for n in range(per_device):
                    dossier = dossier_data(unit)
                    event = event_data(dossier["id"])
                    batch = [item("dossier", dossier), item("event", event)]
                    batch_id = str(uuid.uuid4())
                    body = device.push_ok(batch, batch_id=batch_id)
                    assert [r["status"] for r in body["results"]] == ["applied", "applied"]
                    if n % 5 == 0:
                        # A retried batch (a lost response) changes nothing.
                        assert device.push_ok(batch, batch_id=batch_id) == body
                    pushed[device.device_id] += [dossier["id"], event["id"]]
            except Exception as exc:  # surfaced in the main thread
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(d,)) for d in devices]
        for t in threads:
            t.start()
        # A device pulling in small pages during the pushes never skips a change.
        watcher = devices[0]
        seen: list[str] = []
        cursor = 0
        while any(t.is_alive() for t in threads):
            page = watcher.changes(cursor, limit=7)
            seen += [c["data"]["id"] for c in page["changes"]]
            cursor = page["cursor"]
        for t in threads:
            t.join()
        assert not errors, errors
        rest, _ = watcher.pull_all(cursor)
        seen += [c["data"]["id"] for c in rest]
        others = {i for d, ids in pushed.items() if d != watcher.device_id for i in ids}
        assert set(seen) == others

        everything = {i for ids in pushed.values() for i in ids}
        assert len(everything) == 4 * per_device * 2
        for device in devices:
            changes, _ = device.pull_all(limit=9)
            ids = [c["data"]["id"] for c in changes]
            # Nothing duplicated (a dossier sent ahead of its event is not
            # repeated in its own place here: each dossier changed once).
            assert not [i for i, n in Counter(ids).items() if n > 1]
            mine = set(pushed[device.device_id])
            assert set(ids) == everything - mine
        # The revisions are unique across both servers.
        with db.read() as s:
            from sqlalchemy import text

            revs = s.execute(
                text(
                    "SELECT rev FROM dossiers WHERE unit_code = :u "
                    "UNION ALL SELECT rev FROM events WHERE unit_code = :u"
                ),
                {"u": unit},
            ).scalars()
            listed = list(revs)
        assert len(listed) == len(set(listed)) == len(everything)
        assert "error serving" not in first.log_text() + second.log_text()
    finally:
        for h in harnesses:
            h.close()
        db.dispose()
        first.stop()
        second.stop()
