"""SyncService and the sync commands without a server: errors, status, argument parsing."""

from __future__ import annotations

import argparse
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from hcc_desktop.cli.sync import add_commands, describe
from hcc_desktop.core.errors import NotFound, SyncError, ValidationError
from hcc_desktop.db.models import SyncStateRow
from hcc_desktop.services import Services
from hcc_desktop.services.sync.credentials import store_credential
from hcc_desktop.services.sync.service import SyncService
from tests.conftest import FakeClock, birth_draft


@pytest.fixture(autouse=True)
def _file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    # Never touch the developer's own keyring.
    monkeypatch.setenv(
        "PYTHON_KEYRING_BACKEND", "hcc_desktop.services.sync.credentials.EncryptedFileKeyring"
    )


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="command")
    add_commands(sub)
    return p


def run(services: Services, *argv: str) -> int:
    args = parser().parse_args(argv)
    return int(args.func(services, args))


def service(services: Services, clock: FakeClock) -> SyncService:
    return SyncService(
        services.db, settings=services.settings, catalog=services.catalog, clock=clock
    )


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # nothing listens once the socket is closed


def enrolled_offline(services: Services, url: str) -> None:
    """The state registration leaves behind, for a server that is not there."""
    settings = services.settings.save(replace(services.settings.load(), server_url=url))
    store_credential(settings.device_id, "tok_offline", "a" * 43 + "=")


def test_an_unregistered_device_cannot_sync_and_says_so(
    services: Services, clock: FakeClock
) -> None:
    sync = service(services, clock)
    services.intake.accept(birth_draft())
    with pytest.raises(SyncError) as caught:
        sync.sync()
    assert caught.value.code == "not_registered"
    with pytest.raises(SyncError, match="not_registered"):
        sync.export_bundle(Path("x.bundle"))
    status = sync.status()
    assert not status.registered
    assert status.pending == 2
    assert status.last_error == "not_registered"
    assert status.last_error_at == clock.now
    assert not status.warn


def test_an_unreachable_server_keeps_the_outbox(services: Services, clock: FakeClock) -> None:
    enrolled_offline(services, f"http://127.0.0.1:{closed_port()}")
    sync = service(services, clock)
    services.intake.accept(birth_draft())
    with pytest.raises(SyncError) as caught:
        sync.sync()
    assert caught.value.code == "server_unreachable"
    status = sync.status()
    assert status.registered
    assert status.pending == 2
    assert status.last_error == "server_unreachable"
    assert "Không kết nối được máy chủ" in describe(caught.value)


def test_a_missing_ca_file_is_a_tls_error(
    services: Services, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enrolled_offline(services, "https://127.0.0.1:9")
    monkeypatch.setenv("HCC_SYNC_CA", str(tmp_path / "missing-ca.pem"))
    with pytest.raises(SyncError) as caught:
        service(services, clock).sync()
    assert caught.value.code == "tls_error"


def test_warns_after_too_many_days_without_a_sync(services: Services, clock: FakeClock) -> None:
    enrolled_offline(services, f"http://127.0.0.1:{closed_port()}")
    sync = service(services, clock)
    with services.db.write() as s:
        last = clock.now - timedelta(days=2)
        s.merge(SyncStateRow(key="last_sync_at", value=json.dumps(last.isoformat())))
    status = sync.status()
    assert status.days_since_sync == 2
    assert not status.warn
    clock.now += timedelta(days=2)  # 4 days, the limit is 3
    status = sync.status()
    assert status.days_since_sync == 4
    assert status.warn
    services.settings.save(replace(services.settings.load(), sync_warn_days=7))
    assert not sync.status().warn


def test_conflict_resolution_input_is_checked(services: Services, clock: FakeClock) -> None:
    sync = service(services, clock)
    assert sync.conflicts() == []
    with pytest.raises(ValidationError):
        sync.resolve_conflict("x", "mine")
    with pytest.raises(NotFound):
        sync.resolve_conflict("no-such-conflict", "local")


def test_register_checks_its_input_before_calling(services: Services, clock: FakeClock) -> None:
    sync = service(services, clock)
    with pytest.raises(ValidationError) as caught:
        sync.register("ftp://server", "ABCD")
    assert caught.value.errors[0].field == "server_url"
    with pytest.raises(SyncError, match="server_unreachable"):
        sync.register(f"http://127.0.0.1:{closed_port()}", "ABCD-EFGH")
    assert services.settings.load().server_url == ""


# -- command line ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "func", "extra"),
    [
        (["sync"], "cmd_sync", {"json": False}),
        (["sync", "--json"], "cmd_sync", {"json": True}),
        (["sync", "status"], "cmd_sync_status", {"json": False}),
        (["sync", "status", "--json"], "cmd_sync_status", {"json": True}),
        (["sync", "--json", "status"], "cmd_sync_status", {"json": True}),
        (["sync", "export", "out.bundle"], "cmd_sync_export", {"file": "out.bundle"}),
        (["sync", "conflicts", "--json"], "cmd_sync_conflicts", {"json": True}),
        (["sync", "resolve", "c1", "--keep", "server"], "cmd_sync_resolve", {"keep": "server"}),
        (
            ["device", "register", "--server", "http://s", "--code", "AB-CD", "--name", "Máy 2"],
            "cmd_device_register",
            {"server": "http://s", "code": "AB-CD", "name": "Máy 2", "json": False},
        ),
    ],
)
def test_command_line_parsing(argv: list[str], func: str, extra: dict[str, object]) -> None:
    args = parser().parse_args(argv)
    assert args.func.__name__ == func
    for key, value in extra.items():
        assert getattr(args, key) == value


@pytest.mark.parametrize(
    "argv",
    [
        ["sync", "export"],
        ["sync", "resolve", "c1"],
        ["sync", "resolve", "c1", "--keep", "both"],
        ["sync", "bogus"],
        ["device", "register", "--server", "http://s"],
    ],
)
def test_command_line_refuses_incomplete_commands(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parser().parse_args(argv)
    assert caught.value.code == 2
    capsys.readouterr()


def test_sync_command_fails_clearly_when_not_registered(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(services, "sync") == 1
    err = capsys.readouterr().err
    assert "Máy này chưa đăng ký với máy chủ đồng bộ" in err
    assert "device register" in err
    assert run(services, "sync", "status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    assert status["registered"] is False
    assert status["last_error"] == "not_registered"
    assert status["rejected_items"] == []
    assert run(services, "sync", "conflicts") == 0
    assert "không có xung đột nào cần giải quyết" in capsys.readouterr().out
    # The status in sentences: the last error too, not its code (issue 9, item 11).
    assert run(services, "sync", "status") == 0
    out = capsys.readouterr().out
    assert "máy chủ: - (chưa đăng ký)" in out
    assert "lỗi gần nhất (" in out
    assert "Máy này chưa đăng ký với máy chủ đồng bộ" in out
    assert "not_registered" not in out


# -- answers of a misbehaving server ------------------------------------------------------------


class ScriptedServer:
    """A real HTTP server on 127.0.0.1 that answers from a script and records requests."""

    def __init__(self) -> None:
        self.answers: list[tuple[int, bytes]] = []
        self.bodies: list[dict[str, Any]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                owner.bodies.append(json.loads(self.rfile.read(length)))
                status, body = owner.answers.pop(0)
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def scripted() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    yield server
    server.close()


@pytest.mark.parametrize(
    ("status", "body", "code", "params"),
    [
        (500, b'{"error": "server_error", "detail": "logged"}', "server_error", {"status": 500}),
        (502, b"<html>Bad gateway</html>", "server_error", {"status": 502}),
        (200, b"not json", "server_error", {"status": 200}),
        (200, b'{"batch_id": "another", "results": []}', "server_error", {}),
        (
            400,
            b'{"error": "bad_request", "detail": "no"}',
            "server_rejected",
            {"reason": "bad_request"},
        ),
        (413, b'{"error": "batch_too_large"}', "server_rejected", {"reason": "batch_too_large"}),
        (401, b'{"error": "credential_missing"}', "credential_invalid", {}),
        (401, b'{"error": "credential_revoked"}', "credential_revoked", {}),
    ],
)
def test_server_failures_map_to_codes_and_the_batch_is_resent_unchanged(
    services: Services,
    clock: FakeClock,
    scripted: ScriptedServer,
    status: int,
    body: bytes,
    code: str,
    params: dict[str, object],
) -> None:
    enrolled_offline(services, scripted.url)
    sync = service(services, clock)
    services.intake.accept(birth_draft())
    scripted.answers.append((status, body))
    with pytest.raises(SyncError) as caught:
        sync.sync()
    assert caught.value.code == code
    for key, value in params.items():
        assert caught.value.params[key] == value
    assert sync.status().pending == 2
    assert sync.status().last_error == code
    # The next attempt sends the very same batch: same id, same items.
    scripted.answers.append((status, body))
    with pytest.raises(SyncError):
        sync.sync()
    first, second = scripted.bodies
    assert first == second
    # The dossier, its receipt and the store's first administrator (accounts travel).
    assert sorted(item["kind"] for item in first["items"]) == ["account", "dossier", "event"]


def test_a_refused_registration_keeps_its_parameters_for_the_message(
    services: Services, clock: FakeClock, scripted: ScriptedServer
) -> None:
    sync = service(services, clock)
    services.intake.accept(birth_draft())
    unit = services.settings.load().unit_code
    scripted.answers.append(
        (
            409,
            b'{"error": "unit_mismatch", "detail": "other unit",'
            b' "params": {"device_unit": "'
            + unit.encode()
            + b'", "server_unit": "000.00.99.H99"}}',
        )
    )
    with pytest.raises(SyncError) as caught:
        sync.register(scripted.url, "ABCD-EFGH-JKMN-PQRS")
    assert caught.value.code == "unit_mismatch"
    assert caught.value.params == {"device_unit": unit, "server_unit": "000.00.99.H99"}
    # The device told the server which units it holds.
    assert scripted.bodies[0]["held_units"] == [unit]
    # Not registered yet: the refusal is the device's last error, with its units.
    status = sync.status()
    assert status.last_failure is not None
    assert status.last_failure.code == "unit_mismatch"
    assert status.last_failure.params == caught.value.params
    assert status.to_json()["last_error_params"] == caught.value.params


def test_a_registered_device_keeps_its_last_sync_error_when_a_registration_fails(
    services: Services, clock: FakeClock, scripted: ScriptedServer
) -> None:
    enrolled_offline(services, f"http://127.0.0.1:{closed_port()}")
    sync = service(services, clock)
    services.intake.accept(birth_draft())
    with pytest.raises(SyncError):
        sync.sync()
    scripted.answers.append((400, b'{"error": "enrolment_code_used", "detail": "used"}'))
    with pytest.raises(SyncError) as caught:
        sync.register(scripted.url, "ABCD-EFGH-JKMN-PQRS")
    assert caught.value.code == "enrolment_code_used"
    assert sync.status().last_error == "server_unreachable"


# -- plain http:// only to this computer (issue 12.6) ---------------------------------------


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8765", True),
        ("http://127.8.9.10", True),
        ("http://localhost:8765", True),
        ("http://[::1]:8765", True),
        ("http://192.168.1.10:8765", False),
        ("http://sync.example.vn", False),
        ("http://127.0.0.1.example.vn", False),
        ("http://0.0.0.0:8765", False),
    ],
)
def test_loopback_urls(url: str, loopback: bool) -> None:
    from hcc_desktop.services.sync.client import is_loopback_url

    assert is_loopback_url(url) is loopback


def test_plain_http_to_another_computer_is_refused(services: Services, clock: FakeClock) -> None:
    sync = service(services, clock)
    with pytest.raises(SyncError) as caught:
        sync.register("http://192.0.2.1:8765", "ABCD-EFGH")
    assert caught.value.code == "insecure_http"
    assert services.settings.load().server_url == ""
    # A device registered before the rule cannot sync over it either.
    enrolled_offline(services, "http://192.0.2.1:8765")
    with pytest.raises(SyncError) as caught:
        sync.sync()
    assert caught.value.code == "insecure_http"


def test_plain_http_is_allowed_when_the_settings_say_so(
    services: Services, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    services.settings.save(replace(services.settings.load(), allow_insecure_http=True))
    sync = service(services, clock)
    # 0.0.0.0 is not loopback by its name, yet connects to this computer,
    # where nothing listens: refused at once, after the transport check.
    with pytest.raises(SyncError) as caught:
        sync.register(f"http://0.0.0.0:{closed_port()}", "ABCD-EFGH")
    assert caught.value.code == "server_unreachable"
    assert "plain http://" in caplog.text


def test_cli_refuses_plain_http_in_vietnamese(
    services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(services, "device", "register", "--server", "http://192.0.2.1", "--code", "AB")
    assert code == 1
    err = capsys.readouterr().err
    assert "http://192.0.2.1" in err
    assert "allow-insecure-http" in err
    assert "Từ chối" in err


def test_describe_new_server_errors_in_vietnamese() -> None:
    for exc in (
        SyncError("device_id_taken", device_id="d1"),
        SyncError("rate_limited", retry_after="42"),
        SyncError("insecure_http", url="http://x"),
    ):
        message = describe(exc)
        assert message
        assert message != exc.code
    assert "42" in describe(SyncError("rate_limited", retry_after="42"))
