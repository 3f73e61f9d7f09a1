"""`audit verify`: a row edited behind the lifecycle's back is named (issue 12 item 3)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.unit.test_cli import run
from tests.unit.test_lifecycle_cli import _intake


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, "init", "--officer", "Trần Thị Bình", capsys=capsys)[0] == 0
    return path


def _live(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    done = _intake(db, tmp_path, capsys)
    steps = [
        ("handover", "2026-11-16 10:00", "--receiver", "Lê Văn Cường", "--department", "Tư pháp"),
        ("request-supplement", "2026-11-17 10:00", "--reason", "Thiếu trích lục ly hôn"),
        ("supplement-received", "2026-11-19 10:00"),
        ("finish", "2026-11-23 10:00", "--receiver", "Trần Thị Bình"),
        ("return", "2026-11-23 14:00"),
    ]
    for action, at, *extra in steps:
        rc, _, err = run(db, "transition", done, action, "--at", at, *extra, capsys=capsys)
        assert rc == 0, err
    open_one = _intake(db, tmp_path, capsys)
    return done, open_one


def test_a_store_written_by_the_lifecycle_verifies(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _live(db, tmp_path, capsys)
    rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert rc == 0
    assert "toàn vẹn" in out
    rc, out, _ = run(db, "audit", "verify", "--json", capsys=capsys)
    assert rc == 0
    assert json.loads(out) == {"ok": True, "findings": []}


def test_status_edited_to_returned_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _done, open_one = _live(db, tmp_path, capsys)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE dossiers SET status = 10 WHERE code = ?", (open_one,))
    rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert rc == 1
    assert out.strip() == (
        f"Hồ sơ {open_one}: dữ liệu hồ sơ khác với lịch sử sự kiện (trạng thái)."
    )
    rc, out, _ = run(db, "audit", "verify", "--json", capsys=capsys)
    assert rc == 1
    finding = json.loads(out)["findings"][0]
    assert finding["code"] == open_one
    assert finding["columns"] == ["status"]


def test_dropped_event_after_trigger_removal_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done, _open_one = _live(db, tmp_path, capsys)
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER dossier_events_no_delete")
        con.execute(
            "DELETE FROM dossier_events WHERE kind = 'returned' AND dossier_id = "
            "(SELECT id FROM dossiers WHERE code = ?)",
            (done,),
        )
    rc, out, _ = run(db, "audit", "verify", "--json", capsys=capsys)
    assert rc == 1
    finding = json.loads(out)["findings"][0]
    assert finding["code"] == done
    assert finding["columns"] == ["status", "returned_at"]
