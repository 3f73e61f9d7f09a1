"""Enrolment, registration, credentials and error shapes, over HTTP against a real
server process (PostgreSQL and SQLite), plus TLS."""

from __future__ import annotations

import ipaddress
import ssl
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store import SyncStore

from .conftest import DEFAULT_TLS, Harness, ServerProcess, dossier_data, item, new_unit_code


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    assert set(body) - {"params"} == {"error", "detail"}
    assert isinstance(body["detail"], str)
    assert "Traceback" not in response.text


def test_health_needs_no_credential(harness: Harness) -> None:
    with harness.server.client() as http:
        response = http.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert datetime.fromisoformat(body["server_time"]).tzinfo is not None


def test_devices_get_the_lowest_free_slot_and_keep_it(harness: Harness) -> None:
    unit = new_unit_code()
    first, second, third = (harness.device(unit) for _ in range(3))
    assert [first.slot, second.slot, third.slot] == [0, 1, 2]
    assert first.unit_code == unit

    # Registering again with its current token keeps the slot and the bundle
    # key, and replaces the token: the old one stops working.
    again = harness.device(unit, device_id=first.device_id, token=first.token)
    assert again.slot == 0
    assert again.bundle_key == first.bundle_key
    assert again.token != first.token
    assert_error(first.http.get("/api/v1/changes"), 401, "credential_invalid")
    assert again.http.get("/api/v1/changes").status_code == 200

    # A revoked device frees its slot for the next one.
    harness.store.revoke(second.device_id)
    assert harness.device(unit).slot == 1
    assert harness.device(unit).slot == 3
    # Another unit numbers its own slots.
    assert harness.device(new_unit_code()).slot == 0


def test_registration_response_shape(harness: Harness) -> None:
    unit = new_unit_code()
    code = harness.enrol(unit)
    device_id = str(uuid.uuid4())
    response = harness.register_raw(code, device_id)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "device_id",
        "unit_code",
        "device_slot",
        "token",
        "bundle_key",
        "server_time",
    }
    assert body["device_id"] == device_id
    assert body["unit_code"] == unit
    assert len(body["token"]) >= 40
    assert datetime.fromisoformat(body["server_time"]).tzinfo is not None
    # The code is typed by a person: case, spaces and look-alikes do not matter.
    other = harness.enrol(unit)
    typed = " " + other.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert harness.register_raw(typed, str(uuid.uuid4())).status_code == 200


def test_used_expired_and_unknown_codes_are_refused(harness: Harness) -> None:
    unit = new_unit_code()
    code = harness.enrol(unit)
    assert harness.register_raw(code, str(uuid.uuid4())).status_code == 200
    assert_error(harness.register_raw(code, str(uuid.uuid4())), 400, "enrolment_code_used")

    expired = harness.enrol(unit, valid_for=timedelta(seconds=-1))
    assert_error(harness.register_raw(expired, str(uuid.uuid4())), 400, "enrolment_code_expired")

    assert_error(
        harness.register_raw("ABCD-EFGH-JKMN-PQRS", str(uuid.uuid4())),
        400,
        "enrolment_code_invalid",
    )


def test_no_free_slot_leaves_the_code_unused(harness: Harness) -> None:
    unit = new_unit_code()
    devices = [harness.device(unit) for _ in range(10)]
    assert sorted(d.slot for d in devices) == list(range(10))
    code = harness.enrol(unit)
    assert_error(harness.register_raw(code, str(uuid.uuid4())), 409, "no_free_slot")
    harness.store.revoke(devices[4].device_id)
    response = harness.register_raw(code, str(uuid.uuid4()))
    assert response.status_code == 200
    assert response.json()["device_slot"] == 4


def test_a_device_holding_another_units_dossiers_is_refused_before_the_code_is_used(
    harness: Harness,
) -> None:
    unit, other_unit = new_unit_code(), new_unit_code()
    code = harness.enrol(unit)
    with harness.server.client() as http:
        refused = http.post(
            "/api/v1/devices/register",
            json={
                "code": code,
                "device_id": str(uuid.uuid4()),
                "device_name": "Máy xã cũ",
                "held_units": [unit, other_unit],
            },
        )
        assert_error(refused, 409, "unit_mismatch")
        assert refused.json()["params"] == {"device_unit": other_unit, "server_unit": unit}
        malformed = http.post(
            "/api/v1/devices/register",
            json={"code": code, "device_id": str(uuid.uuid4()), "held_units": "x"},
        )
        assert_error(malformed, 400, "bad_request")
        # Holding only the code's unit (a device restored from a backup) is fine.
        kept = http.post(
            "/api/v1/devices/register",
            json={"code": code, "device_id": str(uuid.uuid4()), "held_units": [unit]},
        )
    assert kept.status_code == 200, kept.text
    assert kept.json()["unit_code"] == unit


def test_a_device_enrolled_in_one_unit_cannot_register_in_another(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    other_unit = new_unit_code()
    response = harness.register_raw(harness.enrol(other_unit), device.device_id)
    assert_error(response, 409, "device_id_taken")
    response = harness.register_raw(harness.enrol(other_unit), device.device_id, token=device.token)
    assert_error(response, 400, "bad_request")
    # Once revoked there, it may join the other unit.
    harness.store.revoke(device.device_id)
    moved = harness.device(other_unit, device_id=device.device_id)
    assert moved.unit_code == other_unit
    assert moved.bundle_key != device.bundle_key


def test_credentials_missing_invalid_revoked(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    body = {"batch_id": str(uuid.uuid4()), "items": []}
    with harness.server.client() as anonymous:
        assert_error(anonymous.get("/api/v1/changes"), 401, "credential_missing")
        assert_error(anonymous.post("/api/v1/push", json=body), 401, "credential_missing")
        wrong = {"Authorization": "Bearer " + "x" * 43}
        assert_error(anonymous.get("/api/v1/changes", headers=wrong), 401, "credential_invalid")
        basic = {"Authorization": "Basic " + device.token}
        assert_error(anonymous.get("/api/v1/changes", headers=basic), 401, "credential_invalid")
    assert device.http.get("/api/v1/changes").status_code == 200

    harness.store.revoke(device.device_id)
    assert_error(device.http.get("/api/v1/changes"), 401, "credential_revoked")
    assert_error(device.push([]), 401, "credential_revoked")
    response = device.http.get("/api/v1/changes")
    assert response.headers["www-authenticate"] == "Bearer"


def test_token_is_stored_hashed(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    with harness.store.db.read() as s:
        stored = s.execute(
            text("SELECT token_hash FROM devices WHERE id = :id"), {"id": device.device_id}
        ).scalar_one()
    assert device.token not in stored
    assert len(stored) == 64


def test_malformed_requests_get_json_errors(harness: Harness) -> None:
    device = harness.device(new_unit_code())
    with harness.server.client() as http:
        assert_error(
            http.post("/api/v1/devices/register", content=b"{not json"), 400, "bad_request"
        )
        assert_error(http.post("/api/v1/devices/register", json={"code": "X"}), 400, "bad_request")
        assert_error(http.get("/api/v1/nowhere"), 404, "not_found")
        assert_error(http.get("/api/v1/push"), 405, "method_not_allowed")
    assert_error(device.http.get("/api/v1/changes?since=abc"), 400, "bad_request")
    assert_error(device.http.get("/api/v1/changes?limit=0"), 400, "bad_request")
    assert_error(device.http.get("/api/v1/changes?since=-1"), 400, "bad_request")
    assert_error(device.http.post("/api/v1/push", json={"items": []}), 400, "bad_request")
    assert_error(
        device.http.post("/api/v1/push", json={"batch_id": "b1", "items": {}}), 400, "bad_request"
    )
    assert_error(
        device.http.post("/api/v1/push", json={"batch_id": "b1", "items": [{"kind": "x"}]}),
        400,
        "bad_request",
    )


def test_server_error_is_logged_not_shown(tmp_path: Path) -> None:
    # Breaks its database, so it has its own; the error path is the same on
    # both backends.
    database = f"sqlite:///{tmp_path / 'server.db'}"
    server = ServerProcess(database, tmp_path / "server.log")
    server.start()
    db = ServerDatabase(database)
    try:
        harness = Harness(server, SyncStore(db))
        device = harness.device(new_unit_code())
        with db.write_engine.begin() as conn:
            conn.execute(text("ALTER TABLE dossiers RENAME TO dossiers_gone"))
        response = device.push([item("dossier", dossier_data(device.unit_code))])
        assert_error(response, 500, "server_error")
        assert "dossiers" not in response.text
        harness.close()
    finally:
        db.dispose()
        server.stop()
    log = server.log_text()
    assert "error serving POST /api/v1/push" in log
    assert "Traceback" in log


# --- TLS ----------------------------------------------------------------------------------


def _self_signed(directory: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hcc-sync-test")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_serves_https_with_the_given_certificate(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    trusting = ssl.create_default_context(cafile=str(cert))
    url = f"sqlite:///{tmp_path / 'server.db'}"
    server = ServerProcess(url, tmp_path / "server.log", cert=cert, key=key, ca=trusting)
    server.start()
    try:
        assert server.base_url.startswith("https://")
        harness = Harness(server, SyncStore(ServerDatabase(url)))
        device = harness.device(new_unit_code())
        result = device.push_ok([item("dossier", dossier_data(device.unit_code))])
        assert result["results"][0]["status"] == "applied"
        harness.close()
        harness.store.db.dispose()
        # A client that does not trust the certificate refuses the connection.
        untrusting = httpx.Client(base_url=server.base_url)
        with untrusting, pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            untrusting.get("/api/v1/health")
        # Plain HTTP on the TLS port gets no answer.
        plain = httpx.Client(base_url=f"http://127.0.0.1:{server.port}", verify=DEFAULT_TLS)
        with plain, pytest.raises(httpx.HTTPError):
            plain.get("/api/v1/health").raise_for_status()
    finally:
        server.stop()
