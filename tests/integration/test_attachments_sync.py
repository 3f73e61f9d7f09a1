"""Attachments through a real server process (PostgreSQL and SQLite): scans made
on one device reach the unit's other devices byte for byte; uploads resume
after a cut; tampered chunks are refused; other units cannot fetch the files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hcc_desktop.cli.main import main as cli_main
from hcc_desktop.core.errors import SyncError
from hcc_desktop.server.attachments import AttachmentStore
from hcc_desktop.server.models import (
    AttachmentBlob,
    AttachmentChunk,
    AttachmentHolder,
    AttachmentUpload,
)
from hcc_desktop.services.attachments.transfer import AttachmentSync
from tests.conftest import birth_draft
from tests.integration.conftest import Harness, new_unit_code
from tests.integration.sync_support import (
    Device,
    Fleet,
)
from tests.scan_pages import photo_page, write_pages

# The file keyring, a device template per module and a fleet of devices:
# fixtures of tests/integration/conftest.py.
pytestmark = pytest.mark.usefixtures("file_keyring")


def _files(device: Device, **options: Any) -> AttachmentSync:
    return AttachmentSync(device.services.attachments, device.sync, **options)


def _scanned(device: Device, tmp_path: Path, pages: int = 2) -> tuple[str, str]:
    d = device.accept(birth_draft())
    info = device.services.attachments.attach(
        dossier=d.code, component="1.001193-02", sources=write_pages(tmp_path / d.code, pages)
    )
    return d.code, info.sha256


def test_scans_on_one_device_are_saved_byte_for_byte_on_another(
    fleet: Fleet, harness: Harness, tmp_path: Path
) -> None:
    unit = new_unit_code()
    url = harness.server.base_url
    counter, laptop = fleet.device("quay-1", unit, url), fleet.device("laptop", unit, url)
    code, sha = _scanned(counter, tmp_path)
    counter.sync.sync()
    sent = _files(counter).sync()
    assert (sent.uploaded_files, sent.records_sent) == (1, 1)
    assert counter.services.attachments.pending_uploads() == []

    laptop.sync.sync()  # the records: the dossier arrives, its file not yet
    assert laptop.services.attachments.of_dossier(code) == []
    out = tmp_path / "saved"
    status = cli_main(
        ["--db", str(laptop.services.db.path), "attachments", code, "--save", str(out)]
    )
    assert status == 0
    saved = list(out.iterdir())
    assert len(saved) == 1
    assert hashlib.sha256(saved[0].read_bytes()).hexdigest() == sha
    listed = laptop.services.attachments.of_dossier(code)
    assert [(a.component_id, a.sha256, a.present) for a in listed] == [("1.001193-02", sha, True)]
    assert laptop.services.attachments.files.verify(sha)
    # Held for reuse on the laptop too.
    assert [h.sha256 for h in laptop.services.attachments.documents("079203001234")] == [sha]
    # Sending it again stores nothing twice.
    with harness.store.db.read() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(AttachmentBlob).where(AttachmentBlob.sha256 == sha)
            )
            == 1
        )


def test_an_upload_cut_in_the_middle_resumes_with_only_the_missing_chunks(
    fleet: Fleet, harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = new_unit_code()
    device = fleet.device("quay-1", unit, harness.server.base_url)
    d = device.accept(birth_draft())
    info = device.services.attachments.attach(
        dossier=d.code, component="2", sources=[write_pages(tmp_path, 1)[0]], mode="gray"
    )
    device.sync.sync()
    chunk = 16 * 1024
    chunks = -(-info.size // chunk)
    assert chunks >= 4
    # Streams of two chunks: the cable is pulled as the second one starts.
    files = _files(device, chunk_size=chunk, stream_chunks=2)
    real_body = files._body
    streams = {"n": 0}

    def cut_after_two(*args: Any) -> Iterator[memoryview]:
        streams["n"] += 1
        if streams["n"] > 1:
            raise SyncError("server_unreachable", detail="cable pulled")
        yield from real_body(*args)

    monkeypatch.setattr(files, "_body", cut_after_two)
    with pytest.raises(SyncError):
        files.sync()
    server = AttachmentStore(harness.store.db)
    assert server.received_bytes(unit, info.sha256) == 2 * chunk
    assert device.services.attachments.pending_uploads() != []

    monkeypatch.setattr(files, "_body", real_body)
    resumed = files.sync()
    assert resumed.uploaded_bytes == info.size - 2 * chunk  # only what was missing
    assert resumed.records_sent == 1
    with harness.store.db.read() as s:
        assert s.get(AttachmentHolder, (info.sha256, unit)) is not None
        assert s.get(AttachmentUpload, (unit, info.sha256)) is None
        blob = s.get(AttachmentBlob, info.sha256)
        assert blob is not None
        assert len(blob.chunk_hashes) == chunks


def test_a_stream_cut_in_the_middle_keeps_the_chunks_that_completed(
    fleet: Fleet, harness: Harness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit = new_unit_code()
    device = fleet.device("quay-1", unit, harness.server.base_url)
    d = device.accept(birth_draft())
    info = device.services.attachments.attach(
        dossier=d.code, component="2", sources=[write_pages(tmp_path, 1)[0]], mode="gray"
    )
    device.sync.sync()
    chunk = 16 * 1024
    chunks = -(-info.size // chunk)
    assert chunks >= 6
    files = _files(device, chunk_size=chunk)  # the whole file in one stream
    real_body = files._body

    def cut_in_the_fourth(*args: Any) -> Iterator[memoryview]:
        body = real_body(*args)
        for _ in range(3):
            yield next(body)
        yield next(body)[: chunk // 2]
        raise SyncError("server_unreachable", detail="cable pulled")

    monkeypatch.setattr(files, "_body", cut_in_the_fourth)
    with pytest.raises(SyncError):
        files.sync()
    # Opening the upload again waits for the cut stream to record what it took:
    # the chunks the server read whole before the cut (bytes it had not read
    # yet when the connection closed are gone with it), never the half one.
    data = device.services.attachments.read(info.sha256)
    _parts, manifest = _manifest(data, chunk)
    opened = harness.device(unit).http.post("/api/v1/attachments/uploads", json=manifest).json()
    kept = chunks - len(opened["missing"])
    assert 0 <= kept <= 3
    assert opened["missing"] == list(range(kept, chunks))
    assert AttachmentStore(harness.store.db).received_bytes(unit, info.sha256) == kept * chunk

    monkeypatch.setattr(files, "_body", real_body)
    resumed = files.sync()
    assert resumed.uploaded_bytes == info.size - kept * chunk  # only what was missing
    assert resumed.uploaded_files == 1
    with harness.store.db.read() as s:
        assert s.get(AttachmentHolder, (info.sha256, unit)) is not None
    assert harness.device(unit).http.get(f"/api/v1/attachments/files/{info.sha256}").content == data


def _stream(client: Any, sha: str, indices: str, body: bytes) -> Any:
    return client.http.put(
        f"/api/v1/attachments/uploads/{sha}/stream", params={"chunks": indices}, content=body
    )


def test_a_stream_is_refused_at_a_tampered_chunk_and_keeps_those_before(
    harness: Harness,
) -> None:
    client = harness.device(new_unit_code())
    data = photo_page()[20000:25000]
    chunks, manifest = _manifest(data)
    sha = manifest["sha256"]
    client.http.post("/api/v1/attachments/uploads", json=manifest).raise_for_status()

    tampered = b"X" + chunks[2][1:]
    r = _stream(client, sha, "0-4", b"".join([chunks[0], chunks[1], tampered, *chunks[3:]]))
    assert r.status_code == 400
    assert r.json()["error"] == "chunk_hash_mismatch"
    server = AttachmentStore(harness.store.db)
    assert server.received_bytes(client.unit_code, sha) == 2 * 1024
    opened = client.http.post("/api/v1/attachments/uploads", json=manifest).json()
    assert opened == {"complete": False, "missing": [2, 3, 4]}
    # A body that does not fill the chunks it announces is refused; nothing is held.
    r = _stream(client, sha, "2-4", b"".join(chunks[2:])[:-1])
    assert r.status_code == 400
    assert r.json()["error"] == "bad_request"
    assert client.http.get(f"/api/v1/attachments/files/{sha}").status_code == 404

    # The rest, in one stream: the file is finished with its last byte.
    r = _stream(client, sha, "2-4", b"".join(chunks[2:]))
    assert r.json() == {"complete": True, "missing": []}
    with harness.store.db.read() as s:
        assert s.get(AttachmentUpload, (client.unit_code, sha)) is None
        assert s.get(AttachmentHolder, (sha, client.unit_code)) is not None
    assert client.http.get(f"/api/v1/attachments/files/{sha}").content == data

    # Chunks that match a manifest of tampered chunks still fail the whole-file hash.
    other = photo_page()[30000:34000]
    parts, bad = _manifest(other)
    bad["sha256"] = hashlib.sha256(b"not these bytes").hexdigest()
    client.http.post("/api/v1/attachments/uploads", json=bad).raise_for_status()
    r = _stream(client, bad["sha256"], f"0-{len(parts) - 1}", other)
    assert r.status_code == 400
    assert r.json()["error"] == "attachment_hash_mismatch"
    with harness.store.db.read() as s:
        assert s.get(AttachmentBlob, bad["sha256"]) is None
        assert s.get(AttachmentHolder, (bad["sha256"], client.unit_code)) is None


def _manifest(data: bytes, size: int = 1024) -> tuple[list[bytes], dict[str, Any]]:
    chunks = [data[i : i + size] for i in range(0, len(data), size)]
    return chunks, {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "chunk_size": size,
        "chunks": [hashlib.sha256(c).hexdigest() for c in chunks],
    }


def test_a_tampered_chunk_is_refused_and_a_tampered_file_never_stored(harness: Harness) -> None:
    client = harness.device(new_unit_code())
    data = photo_page()[:5000]
    chunks, manifest = _manifest(data)
    sha = manifest["sha256"]
    opened = client.http.post("/api/v1/attachments/uploads", json=manifest)
    assert opened.status_code == 200
    assert opened.json()["missing"] == list(range(len(chunks)))

    tampered = b"X" + chunks[1][1:]
    r = client.http.put(f"/api/v1/attachments/uploads/{sha}/chunks/1", content=tampered)
    assert r.status_code == 400
    assert r.json()["error"] == "chunk_hash_mismatch"
    server = AttachmentStore(harness.store.db)
    assert server.received_bytes(client.unit_code, sha) == 0

    # A manifest that matches tampered chunks still fails the whole-file hash.
    bad_chunks = [chunks[0], tampered, *chunks[2:]]
    bad = dict(manifest, chunks=[hashlib.sha256(c).hexdigest() for c in bad_chunks])
    client.http.post("/api/v1/attachments/uploads", json=bad).raise_for_status()
    for i, c in enumerate(bad_chunks):
        client.http.put(
            f"/api/v1/attachments/uploads/{sha}/chunks/{i}", content=c
        ).raise_for_status()
    r = client.http.post(f"/api/v1/attachments/uploads/{sha}/finish")
    assert r.status_code == 400
    assert r.json()["error"] == "attachment_hash_mismatch"
    with harness.store.db.read() as s:
        assert s.get(AttachmentBlob, sha) is None
        assert s.get(AttachmentHolder, (sha, client.unit_code)) is None
    assert client.http.get(f"/api/v1/attachments/files/{sha}").status_code == 404


def test_another_units_device_cannot_fetch_or_claim_the_file(
    fleet: Fleet, harness: Harness, tmp_path: Path
) -> None:
    unit, other = new_unit_code(), new_unit_code()
    device = fleet.device("quay-1", unit, harness.server.base_url)
    _code, sha = _scanned(device, tmp_path, pages=1)
    device.sync.sync()
    _files(device).sync()
    own = harness.device(unit)
    assert own.http.get(f"/api/v1/attachments/files/{sha}").status_code == 200

    stranger = harness.device(other)
    r = stranger.http.get(f"/api/v1/attachments/files/{sha}")
    assert r.status_code == 404
    assert sha not in r.text or r.json()["error"] == "not_found"
    # Knowing the hash is not enough: the record is refused, and an upload
    # without the bytes never completes.
    record = {"id": "x-1", "dossier_id": "d-1", "sha256": sha}
    r = stranger.http.post("/api/v1/attachments/records", json={"records": [record]})
    assert r.status_code == 409
    assert r.json()["error"] == "attachment_not_uploaded"
    data = device.services.attachments.read(sha)
    _chunks, manifest = _manifest(data, 1024 * 1024)
    stranger.http.post("/api/v1/attachments/uploads", json=manifest).raise_for_status()
    r = stranger.http.post(f"/api/v1/attachments/uploads/{sha}/finish")
    assert r.json()["complete"] is False
    assert stranger.http.get(f"/api/v1/attachments/files/{sha}").status_code == 404
    # Nor are the unit's records visible to it.
    assert stranger.http.get("/api/v1/attachments/records").json()["records"] == []
    assert len(own.http.get("/api/v1/attachments/records").json()["records"]) == 1


def test_usb_bundles_carry_the_files_and_a_tampered_file_is_refused(
    fleet: Fleet, harness: Harness, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hcc_desktop.core.formats.files_bundle import files_path
    from hcc_desktop.server.cli import main as server_main

    unit = new_unit_code()
    url = harness.server.base_url
    laptop, counter = fleet.device("laptop", unit, url), fleet.device("quay-1", unit, url)
    code, sha = _scanned(laptop, tmp_path)
    stick = tmp_path / "usb" / "thu-bay.hccbundle"
    stick.parent.mkdir()
    assert cli_main(["--db", str(laptop.services.db.path), "sync", "export", str(stick)]) == 0
    assert "1 tệp đính kèm" in capsys.readouterr().out
    carried = files_path(stick)
    assert carried.is_file()

    # A copy with one byte of the file changed is refused, nothing stored.
    lines = carried.read_bytes().split(b"\n")
    broken = tmp_path / "usb" / "broken.hccbundle"
    broken.write_bytes(stick.read_bytes())
    lines[3] = lines[3][:40] + (b"A" if lines[3][40:41] != b"A" else b"B") + lines[3][41:]
    files_path(broken).write_bytes(b"\n".join(lines))
    db_url = harness.store.db.url
    assert server_main(["server", "import-bundle", "--database", db_url, str(broken)]) == 1
    capsys.readouterr()
    with harness.store.db.read() as s:
        assert s.get(AttachmentBlob, sha) is None

    assert server_main(["server", "import-bundle", "--database", db_url, "--json", str(stick)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["attachments"] == {
        "device_id": laptop.device_id,
        "files": 1,
        "stored": 1,
        "records": 1,
    }
    # The counter, online, gets the dossier and then the file, byte for byte.
    counter.sync.sync()
    assert _files(counter).ensure_local(code) == [sha]
    assert counter.services.attachments.files.verify(sha)
    # Once online, the laptop sends no byte again.
    again = _files(laptop).sync()
    assert (again.uploaded_bytes, again.records_sent) == (0, 1)


def test_the_attachment_endpoints_need_a_device_token(harness: Harness) -> None:
    with harness.server.client("not-a-token") as http:
        r = http.get("/api/v1/attachments/records")
        assert r.status_code == 401
        assert r.json()["error"] == "credential_invalid"
        r = http.put(f"/api/v1/attachments/uploads/{'0' * 64}/chunks/0", content=b"x")
        assert r.status_code == 401


def test_chunks_kept_as_private_files_and_a_lost_one_is_asked_again(harness: Harness) -> None:
    root = harness.server.files
    if root is None:
        pytest.skip("this server keeps the chunks in its database")
    client = harness.device(new_unit_code())
    data = photo_page()[:5000]
    chunks, manifest = _manifest(data)
    sha = manifest["sha256"]
    client.http.post("/api/v1/attachments/uploads", json=manifest).raise_for_status()
    for i, c in enumerate(chunks):
        client.http.put(f"/api/v1/attachments/uploads/{sha}/chunks/{i}", content=c)
    paths = [root / h[:2] / f"{h}.chunk" for h in manifest["chunks"]]
    assert [p.read_bytes() for p in paths] == chunks
    assert {p.stat().st_mode & 0o777 for p in paths} == {0o600}
    assert {p.parent.stat().st_mode & 0o777 for p in paths} | {root.stat().st_mode & 0o777} == {
        0o700
    }
    with harness.store.db.read() as s:
        stored = s.scalar(
            select(func.count())
            .select_from(AttachmentChunk)
            .where(AttachmentChunk.sha256.in_(manifest["chunks"]))
        )
    assert stored == 0  # the bytes are not in the database

    # A chunk file lost (a crash before the upload finished): asked for again.
    paths[2].unlink()
    r = client.http.post(f"/api/v1/attachments/uploads/{sha}/finish")
    assert r.json() == {"complete": False, "missing": [2]}
    r = client.http.post(f"/api/v1/attachments/uploads/{sha}/finish")
    assert r.json() == {"complete": False, "missing": [2]}
    # A damaged copy of a chunk is replaced when the chunk comes again.
    paths[1].write_bytes(bytes(len(chunks[1])))
    for i in (2, 1):
        client.http.put(
            f"/api/v1/attachments/uploads/{sha}/chunks/{i}", content=chunks[i]
        ).raise_for_status()
    assert paths[1].read_bytes() == chunks[1]
    assert client.http.post(f"/api/v1/attachments/uploads/{sha}/finish").json()["complete"]
    fetched = client.http.get(f"/api/v1/attachments/files/{sha}")
    assert fetched.status_code == 200
    assert fetched.content == data
