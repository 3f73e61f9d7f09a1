"""Versions on the wire, against a real server process: the health answer
names the server's version and protocol; a device older than the server's
protocol is refused with a message naming the version to install."""

from __future__ import annotations

import uuid

import pytest

from hcc_desktop.cli import sync as sync_cli
from hcc_desktop.cli import text
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.version import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    VERSION_HEADER,
    app_version,
)
from hcc_desktop.services.sync import client as sync_client
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import Fleet

# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


def play_old_device(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's devices say they run version 0.0.9 of protocol 0."""
    monkeypatch.setattr(sync_client, "DEVICE_VERSION", "0.0.9")
    monkeypatch.setattr(sync_client, "DEVICE_PROTOCOL", 0)


def test_health_names_the_servers_version_and_protocol(harness: Harness) -> None:
    with harness.server.client() as http:
        body = http.get("/api/v1/health").json()
    assert body["version"] == app_version()
    assert body["protocol"] == PROTOCOL_VERSION
    assert body["min_device_protocol"] <= PROTOCOL_VERSION


def test_a_device_of_an_older_protocol_is_refused_over_http(harness: Harness) -> None:
    code = harness.enrol(new_unit_code())
    with harness.server.client() as http:
        refused = http.post(
            "/api/v1/devices/register",
            json={"code": code, "device_id": str(uuid.uuid4()), "device_name": "Máy cũ"},
            headers={VERSION_HEADER: "0.0.9", PROTOCOL_HEADER: "0"},
        )
        assert refused.status_code == 426, refused.text
        body = refused.json()
        assert body["error"] == "device_too_old"
        assert body["params"]["required_version"] == app_version()
        assert body["params"]["device_version"] == "0.0.9"
        garbage = http.post(
            "/api/v1/devices/register",
            json={"code": code, "device_id": str(uuid.uuid4())},
            headers={PROTOCOL_HEADER: "new"},
        )
        assert garbage.status_code == 400
    # The refusal used nothing up: the code still enrols a current device.
    assert harness.register_raw(code, str(uuid.uuid4())).status_code == 200


def test_an_old_device_is_told_which_version_to_install(
    fleet: Fleet, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit, url = new_unit_code(), harness.server.base_url
    # A device registered while it was current...
    device = fleet.device("quay-1", unit, url)
    assert device.sync.sync().pushed == 0
    # ...is refused once its protocol is older than the server's, on every call.
    play_old_device(monkeypatch)
    with pytest.raises(SyncError) as caught:
        device.sync.sync()
    assert caught.value.code == "device_too_old"
    assert caught.value.params["required_version"] == app_version()
    assert caught.value.params["device_version"] == "0.0.9"
    assert device.sync.status().last_error == "device_too_old"

    fresh = fleet.device("moi", unit, url, register=False)
    with pytest.raises(SyncError) as refused:
        fresh.sync.register(url, harness.enrol(unit))
    assert refused.value.code == "device_too_old"

    # The officer reads, in Vietnamese, which version to install.
    monkeypatch.setattr(text, "_language", "vi")
    message = sync_cli.describe(refused.value)
    assert f"phiên bản {app_version()}" in message
    assert "0.0.9" in message
    monkeypatch.setattr(text, "_language", "en")
    assert f"HCC Desktop {app_version()} or newer" in sync_cli.describe(refused.value)
