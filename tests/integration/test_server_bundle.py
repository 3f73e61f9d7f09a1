"""Sync bundles: the file format, and ``server import-bundle`` on both backends."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import func, select

from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.formats.bundle import MAGIC, read_bundle, read_header, write_bundle
from hcc_desktop.server.cli import main
from hcc_desktop.server.models import AppliedBatch, DossierDoc

from .conftest import DeviceClient, Harness, dossier_data, event_data, item, new_unit_code

KEY = Fernet.generate_key().decode()


def batch_for(unit_code: str, size: int = 2) -> dict[str, Any]:
    items = []
    for _ in range(size):
        dossier = dossier_data(unit_code, owner_name="Lê Thị Hồng Nhung")
        items += [item("dossier", dossier), item("event", event_data(dossier["id"]))]
    return {"batch_id": str(uuid.uuid4()), "items": items}


# --- the format alone ---------------------------------------------------------------------


def test_write_then_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "out.hccbundle"
    batch = batch_for("000.17.22.H56")
    header = write_bundle(path, device_id="dev-1", bundle_key=KEY, batch=batch)
    assert header.items == 4
    raw = path.read_bytes()
    lines = raw.split(b"\n")
    assert lines[0] == MAGIC
    assert json.loads(lines[1]) == header.to_json()
    assert raw.endswith(b"\n")
    # Sealed: the content is not readable in the file.
    assert b"H\xe1\xbb\x93ng" not in raw
    assert read_header(path) == header

    looked_up: list[str] = []

    def lookup(device_id: str) -> str:
        looked_up.append(device_id)
        return KEY

    bundle = read_bundle(path, lookup)
    assert looked_up == ["dev-1"]
    assert bundle.header == header
    assert bundle.request == batch
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))


def refused(path: Path, key: str = KEY) -> str:
    with pytest.raises(SyncError) as info:
        read_bundle(path, lambda _device: key)
    return info.value.code


def test_damaged_bundles_are_refused_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "b.hccbundle"

    def fresh() -> bytes:
        write_bundle(path, device_id="dev-1", bundle_key=KEY, batch=batch_for("U1"))
        return path.read_bytes()

    # gzip of random ids: the size differs from one bundle to the next, so every
    # position is taken from the file it damages.
    def token_start(raw: bytes) -> int:
        return raw.index(b"\n", len(MAGIC) + 1) + 1

    # A byte flipped in the token (not in its last characters, where base 64
    # may carry unused padding bits).
    for where in (0, 40, 0.5):
        raw = fresh()
        start = token_start(raw)
        offset = start + (int((len(raw) - start) * where) if isinstance(where, float) else where)
        flip(path, offset)
        assert refused(path) == "bundle_tampered", where
    # Cut short anywhere (a USB stick pulled out too soon).
    for cut in ("in magic", "in header", "before token", "in token", "last newline"):
        raw = fresh()
        length = {
            "in magic": 3,
            "in header": len(MAGIC) + 5,
            "before token": token_start(raw),
            "in token": token_start(raw) + 100,
            "last newline": len(raw) - 1,
        }[cut]
        path.write_bytes(raw[:length])
        assert refused(path) == "bundle_truncated", cut
    # Another device's key.
    fresh()
    assert refused(path, key=Fernet.generate_key().decode()) == "bundle_tampered"
    # Not a bundle at all.
    path.write_bytes(b"PK\x03\x04 a zip file")
    assert refused(path) == "bundle_not_a_bundle"


def test_a_header_that_disagrees_with_the_sealed_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "b.hccbundle"
    write_bundle(path, device_id="dev-1", bundle_key=KEY, batch=batch_for("U1"))
    magic, header, token, _ = path.read_bytes().split(b"\n")
    for change in ({"items": 1}, {"batch_id": "another"}, {"created_at": "2020-01-01"}):
        edited = json.dumps({**json.loads(header), **change}).encode()
        path.write_bytes(b"\n".join([magic, edited, token, b""]))
        assert refused(path) == "bundle_mismatch"
    path.write_bytes(b"\n".join([magic, b"{not json", token, b""]))
    assert refused(path) == "bundle_tampered"


# --- import into the server ---------------------------------------------------------------


def import_bundle(
    harness: Harness, capsys: pytest.CaptureFixture[str], path: Path
) -> tuple[int, Any]:
    code = main(
        ["server", "import-bundle", "--database", harness.store.db.url, str(path), "--json"]
    )
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else err)


def write_for(device: DeviceClient, path: Path, batch: dict[str, Any]) -> None:
    write_bundle(path, device_id=device.device_id, bundle_key=device.bundle_key, batch=batch)


def stored_batches(harness: Harness, device_id: str) -> int:
    with harness.store.db.read() as s:
        query = select(func.count()).where(AppliedBatch.device_id == device_id)
        return int(s.execute(query).scalar_one())


def test_a_bundle_is_applied_once_like_a_push(
    harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unit = new_unit_code()
    laptop, counter = harness.device(unit), harness.device(unit)
    batch = batch_for(unit, size=3)
    path = tmp_path / "saturday.hccbundle"
    write_for(laptop, path, batch)

    code, report = import_bundle(harness, capsys, path)
    assert code == 0
    assert report["replayed"] is False
    assert (report["applied"], report["duplicate"], report["conflict"], report["rejected"]) == (
        6,
        0,
        0,
        0,
    )
    assert report["device_id"] == laptop.device_id
    changes, _ = counter.pull_all()
    sent = [i["data"] for i in batch["items"]]
    # Dossiers of a batch are applied (and numbered) before their history.
    assert [c["data"] for c in changes] == sent[0::2] + sent[1::2]

    # Imported twice: applied once.
    code, again = import_bundle(harness, capsys, path)
    assert code == 0
    assert again["replayed"] is True
    assert counter.pull_all()[0] == changes
    assert stored_batches(harness, laptop.device_id) == 1

    # The laptop later syncs online with the same batch id: the same response.
    online = laptop.push_ok(batch["items"], batch_id=batch["batch_id"])
    assert [r["status"] for r in online["results"]] == ["applied"] * 6
    # Pushed again under a new batch id: duplicates, nothing changes.
    again_online = laptop.push_ok(batch["items"])
    assert {r["status"] for r in again_online["results"]} == {"duplicate"}

    # Plain output for a person.
    assert main(["server", "import-bundle", "--database", harness.store.db.url, str(path)]) == 0
    assert "already imported" in capsys.readouterr().out


def test_refused_bundles_apply_nothing(
    harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unit = new_unit_code()
    laptop = harness.device(unit)
    path = tmp_path / "b.hccbundle"

    def assert_refused(code: str) -> None:
        status, err = import_bundle(harness, capsys, path)
        assert status == 1
        assert code in err
        assert stored_batches(harness, laptop.device_id) == 0
        with harness.store.db.read() as s:
            count = s.execute(select(func.count()).where(DossierDoc.unit_code == unit)).scalar_one()
        assert count == 0

    write_for(laptop, path, batch_for(unit))
    raw = path.read_bytes()
    flip(path, len(raw) - 30)
    assert_refused("bundle_tampered")

    path.write_bytes(raw[: len(raw) // 2])
    assert_refused("bundle_truncated")

    write_bundle(
        path,
        device_id=laptop.device_id,
        bundle_key=Fernet.generate_key().decode(),
        batch=batch_for(unit),
    )
    assert_refused("bundle_tampered")

    write_bundle(path, device_id="no-such-device", bundle_key=KEY, batch=batch_for(unit))
    assert_refused("bundle_unknown_device")

    write_for(laptop, path, batch_for(unit))
    harness.store.revoke(laptop.device_id)
    assert_refused("bundle_revoked_device")

    missing = tmp_path / "missing.hccbundle"
    status, err = import_bundle(harness, capsys, missing)
    assert status == 1
    assert "missing.hccbundle" in err


def test_a_bundle_with_records_of_another_unit_rejects_them(
    harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    laptop = harness.device(new_unit_code())
    path = tmp_path / "b.hccbundle"
    batch = batch_for(new_unit_code(), size=1)
    write_for(laptop, path, batch)
    code, report = import_bundle(harness, capsys, path)
    assert code == 0
    assert report["rejected"] == 2
    assert report["applied"] == 0
