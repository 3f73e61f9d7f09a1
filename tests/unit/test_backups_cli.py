"""`backup DEST` and `restore FILE` on the command line (issue 12 items 1 and 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcc_desktop.services.backups.manifest import manifest_path
from tests import keyed
from tests.conftest import INIT
from tests.unit.test_cli import run
from tests.unit.test_lifecycle_cli import _intake


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _codes(path: Path) -> set[str]:
    con = keyed.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT code FROM dossiers")}
    finally:
        con.close()


def test_backup_then_restore(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    first = _intake(db, tmp_path, capsys)
    rc, out, err = run(db, "backup", str(dest), capsys=capsys)
    assert rc == 0, err
    backup = Path(out.strip())
    assert backup.parent == dest
    assert backup.suffix == ".hccbak"
    assert manifest_path(backup).exists()
    second = _intake(db, tmp_path, capsys)
    assert _codes(db) == {first, second}

    rc, out, err = run(db, "restore", str(backup), "--yes", capsys=capsys)
    assert rc == 0, err
    assert "Đã khôi phục" in out
    assert _codes(db) == {first}
    rc, _, _ = run(db, "audit", "verify", capsys=capsys)
    assert rc == 0
    assert len(list(tmp_path.glob("cli.db.*.before-restore.bak"))) == 1


def test_backup_json_and_keep(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    written = []
    for _ in range(3):
        rc, out, err = run(db, "backup", str(dest), "--keep", "2", "--json", capsys=capsys)
        assert rc == 0, err
        data = json.loads(out)
        written.append(data["file"])
        assert data["counts"]["dossiers"] == 0
        assert len(data["sha256"]) == 64
    assert len(list(dest.glob("*.hccbak"))) == 2
    assert data["pruned"] == [written[0]]


def test_backup_into_a_missing_folder(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, err = run(db, "backup", str(tmp_path / "unplugged"), capsys=capsys)
    assert rc == 1
    assert out == ""
    assert "Không thấy thư mục sao lưu" in err
    assert "USB" in err


def test_restore_refuses_a_damaged_backup_in_vietnamese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    _intake(db, tmp_path, capsys)
    rc, out, _ = run(db, "backup", str(dest), capsys=capsys)
    backup = Path(out.strip())
    data = bytearray(backup.read_bytes())
    data[-10] ^= 0xFF
    backup.write_bytes(bytes(data))
    before = db.read_bytes()
    rc, out, err = run(db, "restore", str(backup), "--yes", capsys=capsys)
    assert rc == 2
    assert "bị hỏng" in err
    assert "không có gì bị thay thế" in err
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.before-restore.bak"))


def test_restore_asks_and_a_no_replaces_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    rc, out, _ = run(db, "backup", str(dest), capsys=capsys)
    backup = Path(out.strip())
    code = _intake(db, tmp_path, capsys)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    questions: list[str] = []
    monkeypatch.setattr("builtins.input", lambda q: questions.append(q) or "k")
    rc, _, _ = run(db, "restore", str(backup), capsys=capsys)
    assert rc == 1
    assert len(questions) == 1
    assert "bản sao an toàn" in questions[0]
    assert _codes(db) == {code}
    monkeypatch.setattr("builtins.input", lambda q: "c")
    rc, _, err = run(db, "restore", str(backup), capsys=capsys)
    assert rc == 0, err
    assert _codes(db) == set()


def test_restore_without_a_terminal_needs_yes(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    rc, out, _ = run(db, "backup", str(dest), capsys=capsys)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    rc, _, err = run(db, "restore", out.strip(), capsys=capsys)
    assert rc == 2
    assert "--yes" in err


def test_backup_and_restore_are_the_administrators(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "usb"
    dest.mkdir()
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    assert run(db, "user", "add", "an", "--role", "counter", capsys=capsys)[0] == 0
    rc, out, err = run(db, "backup", str(dest), capsys=capsys)
    assert rc == 0, err
    backup = out.strip()
    code = _intake(db, tmp_path, capsys)
    # The backup's counter officer (exit 4) and a wrong password (exit 3): nothing
    # replaced; the store in place is not asked (it may be the damaged one).
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    assert run(db, "--user", "an", "backup", str(dest), capsys=capsys)[0] == 4
    assert (
        run(
            db,
            "--user",
            "an",
            "export-portal",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            str(tmp_path / "p.json"),
            capsys=capsys,
        )[0]
        == 4
    )
    assert run(db, "--user", "an", "restore", backup, "--yes", capsys=capsys)[0] == 4
    monkeypatch.setenv("HCC_PASSWORD", "wrong-password")
    assert run(db, "restore", backup, "--yes", capsys=capsys)[0] == 3
    assert _codes(db) == {code}
    assert not list(tmp_path.glob("*.before-restore.bak"))
    assert len(list(dest.glob("*.hccbak"))) == 1
