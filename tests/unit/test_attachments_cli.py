"""``attach``, ``attachments`` and ``documents`` on the command line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import INIT
from tests.scan_pages import text_page, write_pages
from tests.unit.test_cli import run

BIRTH = {
    "procedure": "1.001193",
    "applicant": {
        "full_name": "Nguyễn Thị Ánh Tuyết",
        "id_number": "052303001234",
        "date_of_birth": "2003-03-15",
        "phone": "0912345678",
        "address": "Số 12 đường Quang Trung, khu phố 5, phường Hoài Nhơn Bắc",
    },
    "components": [
        {"id": "1.001193-01", "form": "original", "count": 1},
        {"id": "1.001193-02", "form": "original", "count": 1},
    ],
    "received_at": "2026-11-16 09:00",
}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _intake(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    f = tmp_path / "d.json"
    f.write_text(json.dumps(BIRTH, ensure_ascii=False), "utf-8")
    code, out, err = run(db, "intake", str(f), capsys=capsys)
    assert code == 0, err
    return str(json.loads(out)["code"])


def test_attach_list_save_and_documents(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    pages = [str(p) for p in write_pages(tmp_path / "scan", 3)]
    status, out, err = run(db, "attach", code, "1.001193-02", *pages, capsys=capsys)
    assert status == 0, err
    assert f"Đã đính kèm vào hồ sơ {code}, thành phần 1.001193-02: 3 trang" in out

    status, out, _ = run(db, "attachments", code, "--json", capsys=capsys)
    listed = json.loads(out)
    assert [(a["component_id"], a["pages"], a["kind"]) for a in listed] == [
        ("1.001193-02", 3, "scan")
    ]
    assert set(listed[0]) >= {"component_id", "sha256", "size", "pages"}
    sha = listed[0]["sha256"]

    out_dir = tmp_path / "out"
    status, out, err = run(db, "attachments", code, "--save", str(out_dir), capsys=capsys)
    assert status == 0, err
    (saved,) = out_dir.iterdir()
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == sha
    assert saved.stat().st_size == listed[0]["size"]
    assert f"Đã ghi 1 tệp vào thư mục {out_dir}" in out

    status, out, _ = run(db, "documents", "052303001234", "--json", capsys=capsys)
    assert [(d["sha256"], d["dossier_code"]) for d in json.loads(out)] == [(sha, code)]

    # A second dossier of the same citizen reuses it.
    second = _intake(db, tmp_path, capsys)
    status, out, err = run(db, "attach", second, "2", "--reuse", sha, capsys=capsys)
    assert status == 0, err
    status, out, _ = run(db, "show", second, capsys=capsys)
    comp = json.loads(out)["components"][1]
    assert (comp["reused_digital"], comp["digitised"]) == (True, True)


def test_a_corrupt_image_is_refused_in_vietnamese_and_nothing_attached(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    bad = tmp_path / "trang-2.jpg"
    bad.write_bytes(text_page(200, "JPEG")[:3000])
    status, out, err = run(db, "attach", code, "1.001193-02", str(bad), capsys=capsys)
    assert status == 1
    assert "Tệp trang-2.jpg không phải ảnh hoặc PDF đọc được" in err
    status, out, _ = run(db, "attachments", code, "--json", capsys=capsys)
    assert json.loads(out) == []
    status, _out, err = run(db, "attach", code, "9", str(bad), capsys=capsys)
    assert status == 1
    assert "không có thành phần 9" in err
    status, out, _ = run(db, "documents", "001099000001", capsys=capsys)
    assert "Chưa có giấy tờ số hóa nào" in out
