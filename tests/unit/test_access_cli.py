"""``citizen export ID_NUMBER OUT`` and ``audit access`` (issue 12 item 4): the exact
contract, exit codes, and a deleted access entry named by ``audit verify``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from tests import keyed
from tests.conftest import INIT
from tests.unit.test_cli import run
from tests.unit.test_lifecycle_cli import _intake

ID_NUMBER = "052303001234"  # the applicant of test_lifecycle_cli's DOSSIER


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _counter(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    assert run(db, "user", "add", "an", "--role", "counter", capsys=capsys)[0] == 0


def test_show_is_logged_and_listed(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    assert run(db, "show", code, capsys=capsys)[0] == 0
    rc, out, err = run(db, "audit", "access", "--id-number", ID_NUMBER, "--json", capsys=capsys)
    assert rc == 0, err
    entries = json.loads(out)
    assert [(e["action"], e["dossier_code"], e["officer"]) for e in entries] == [
        ("open", code, "binh")
    ]
    rc, out, _ = run(db, "audit", "access", "--user", "nobody", capsys=capsys)
    assert rc == 0
    assert out.strip() == "Không có mục nhật ký truy cập nào phù hợp"
    rc, out, _ = run(db, "audit", "access", "--since", "2100-01-01", "--json", capsys=capsys)
    assert json.loads(out) == []


def test_citizen_export_contract(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    out_zip = tmp_path / "cong-dan.zip"
    rc, out, err = run(db, "citizen", "export", ID_NUMBER, str(out_zip), capsys=capsys)
    assert rc == 0, err
    assert str(out_zip) in out
    with zipfile.ZipFile(out_zip) as z:
        names = set(z.namelist())
        data = json.loads(z.read("citizen.json"))
    assert {"citizen.json", "citizen.pdf"} <= names
    assert [d["code"] for d in data["dossiers"]] == [code]
    assert data["access_log"][-1]["action"] == "export"
    rc, out, _ = run(db, "audit", "access", "--json", capsys=capsys)
    assert [e["action"] for e in json.loads(out)] == ["export"]


def test_citizen_export_refusals(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _intake(db, tmp_path, capsys)
    out_zip = tmp_path / "x.zip"
    rc, _out, err = run(db, "citizen", "export", "12-ab", str(out_zip), capsys=capsys)
    assert rc == 2
    assert "Không phải số định danh" in err
    rc, _out, err = run(db, "citizen", "export", "079203001111", str(out_zip), capsys=capsys)
    assert rc == 1
    assert "079203001111" in err
    assert not out_zip.exists()
    _counter(db, capsys, monkeypatch)
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    rc, _out, _err = run(
        db, "--user", "an", "citizen", "export", ID_NUMBER, str(out_zip), capsys=capsys
    )
    assert rc == 4
    rc, _out, _err = run(db, "--user", "an", "audit", "access", capsys=capsys)
    assert rc == 4
    assert not out_zip.exists()


def test_deleted_access_entry_is_named_by_audit_verify(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    for _ in range(3):
        assert run(db, "show", code, capsys=capsys)[0] == 0
    assert run(db, "audit", "verify", capsys=capsys)[0] == 0
    with keyed.connect(db) as con:
        con.execute("DROP TRIGGER access_log_no_delete")
        con.execute(
            "DELETE FROM access_log WHERE device_seq = (SELECT min(device_seq) FROM access_log)"
        )
    rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert rc == 1
    assert out.startswith("Nhật ký truy cập: bản ghi mở hồ sơ")
    assert "hụt số thứ tự" in out


def test_saved_attachments_are_logged_and_exported_decrypted(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    from tests.scan_pages import write_pages

    code = _intake(db, tmp_path, capsys)
    pages = [str(p) for p in write_pages(tmp_path / "scan", 2)]
    assert run(db, "attach", code, "1.004873-01", *pages, capsys=capsys)[0] == 0
    rc, out, _ = run(db, "attachments", code, "--json", capsys=capsys)
    sha = json.loads(out)[0]["sha256"]
    rc, _out, err = run(db, "attachments", code, "--save", str(tmp_path / "o"), capsys=capsys)
    assert rc == 0, err
    rc, out, _ = run(db, "audit", "access", "--json", capsys=capsys)
    (saved,) = json.loads(out)
    assert (saved["action"], saved["dossier_code"], saved["id_number"]) == (
        "attachment",
        code,
        ID_NUMBER,
    )
    out_zip = tmp_path / "c.zip"
    assert run(db, "citizen", "export", ID_NUMBER, str(out_zip), capsys=capsys)[0] == 0
    with zipfile.ZipFile(out_zip) as z:
        data = json.loads(z.read("citizen.json"))
        (held,) = data["attachments"]
        assert hashlib.sha256(z.read(held["file"])).hexdigest() == sha
