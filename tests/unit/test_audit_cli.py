"""`audit verify`: a row edited behind the lifecycle's back is named (issue 12 item 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests import keyed
from tests.conftest import INIT
from tests.unit.test_cli import run
from tests.unit.test_lifecycle_cli import _intake


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
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
    with keyed.connect(db) as con:
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
    with keyed.connect(db) as con:
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


# -- the stored hash chains (migration 0011, services/audit/stamp.py) ----------------------


def _findings(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    rc, out, _ = run(db, "audit", "verify", "--json", capsys=capsys)
    assert rc == 1
    return list(json.loads(out)["findings"])


def test_owner_and_cccd_edited_in_the_row_are_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done, _open_one = _live(db, tmp_path, capsys)
    with keyed.connect(db) as con:
        con.execute(
            "UPDATE dossiers SET owner_name = 'Kẻ Mạo Danh', owner_id_number = '001099000001' "
            "WHERE code = ?",
            (done,),
        )
    rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert rc == 1
    assert out.startswith(f"Hồ sơ {done}: sự kiện tiếp nhận (")
    assert "mã băm không khớp" in out
    assert "CCCD" in out
    first = _findings(db, capsys)[0]
    assert (first["code"], first["kind"], first["event_kind"]) == (
        done,
        "hash_mismatch",
        "received",
    )


def test_a_deleted_middle_event_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done, _open_one = _live(db, tmp_path, capsys)
    with keyed.connect(db) as con:
        con.execute("DROP TRIGGER dossier_events_no_delete")
        con.execute(
            "DELETE FROM dossier_events WHERE kind = 'handed_over' AND dossier_id = "
            "(SELECT id FROM dossiers WHERE code = ?)",
            (done,),
        )
    findings = _findings(db, capsys)
    kinds = {(f["code"], f["kind"]) for f in findings}
    assert findings[0]["code"] == done
    assert findings[0]["kind"] == "unknown_prev"  # the next event names a missing one
    assert (done, "device_gap") in kinds  # and the device's own chain has a hole


def test_reordered_events_are_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done, _open_one = _live(db, tmp_path, capsys)
    with keyed.connect(db) as con:
        con.execute("DROP TRIGGER dossier_events_no_update")
        ids = dict(
            con.execute(
                "SELECT kind, id FROM dossier_events WHERE dossier_id = "
                "(SELECT id FROM dossiers WHERE code = ?)",
                (done,),
            ).fetchall()
        )
        at = dict(con.execute("SELECT id, at FROM dossier_events").fetchall())
        a, b = ids["handed_over"], ids["supplement_requested"]
        con.execute("UPDATE dossier_events SET at = ? WHERE id = ?", (at[b], a))
        con.execute("UPDATE dossier_events SET at = ? WHERE id = ?", (at[a], b))
    first = _findings(db, capsys)[0]
    assert (first["code"], first["kind"], first["event_id"]) == (done, "hash_mismatch", a)


def test_a_replayed_event_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    done, _open_one = _live(db, tmp_path, capsys)
    with keyed.connect(db) as con:
        con.execute(
            "INSERT INTO dossier_events SELECT 'replayed-0000', dossier_id, kind, at, actor, "
            "from_status, to_status, reason, data_json, device_id, recorded_at, prev_hash, "
            "hash, device_seq, device_prev_hash FROM dossier_events WHERE kind = "
            "'supplement_requested' AND dossier_id = (SELECT id FROM dossiers WHERE code = ?)",
            (done,),
        )
    findings = _findings(db, capsys)
    assert (findings[0]["code"], findings[0]["kind"], findings[0]["event_id"]) == (
        done,
        "duplicate_hash",
        "replayed-0000",
    )
    _rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert "bản sao của một sự kiện cũ" in out


def test_an_old_store_is_backfilled_and_verifies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from hcc_desktop.db.migrate import upgrade

    path = tmp_path / "old.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    done, _open_one = _live(path, tmp_path, capsys)
    # Back to the schema before the chain (its columns gone), then upgraded again.
    from alembic import command

    from hcc_desktop.db.engine import make_engine
    from hcc_desktop.db.migrate import alembic_config

    key = keyed.key_of(path)
    engine = make_engine(path, write=False, key=key)
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    engine.dispose()
    with keyed.connect(path) as con:
        cols = [r[1] for r in con.execute("PRAGMA table_info(dossier_events)")]
    assert "hash" not in cols
    upgrade(path, key=key)
    with keyed.connect(path) as con:
        assert (
            con.execute("SELECT count(*) FROM dossier_events WHERE hash IS NULL").fetchone()[0] == 0
        )
    # The store from before accounts asks for its first administrator once.
    rc, _out, err = run(path, "audit", "verify", capsys=capsys)
    assert rc == 3, err
    assert run(path, *INIT, capsys=capsys)[0] == 0
    rc, out, _ = run(path, "audit", "verify", capsys=capsys)
    assert rc == 0, out
    # New events written after the upgrade extend the backfilled chains.
    rc, _, err = run(
        path,
        "transition",
        _open_one,
        "handover",
        "--at",
        "2026-11-24 09:00",
        "--receiver",
        "Lê Văn Cường",
        "--department",
        "Tư pháp",
        capsys=capsys,
    )
    assert rc == 0, err
    assert run(path, "audit", "verify", capsys=capsys)[0] == 0
    with keyed.connect(path) as con:
        con.execute("UPDATE dossiers SET owner_id_number = '001099000001' WHERE code = ?", (done,))
    assert run(path, "audit", "verify", capsys=capsys)[0] == 1


def test_an_event_without_hash_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An event from a device that does not write hashes (or with them stripped)."""
    done, _open_one = _live(db, tmp_path, capsys)
    with keyed.connect(db) as con:
        con.execute(
            "INSERT INTO dossier_events (id, dossier_id, kind, at, actor, from_status, "
            "to_status, reason, data_json, device_id, recorded_at) SELECT 'legacy-0000', "
            "dossier_id, 'handed_over', at, actor, 9, 9, '', '{}', 'old-device', recorded_at "
            "FROM dossier_events WHERE kind = 'returned' AND dossier_id = "
            "(SELECT id FROM dossiers WHERE code = ?)",
            (done,),
        )
    first = _findings(db, capsys)[0]
    assert (first["code"], first["kind"], first["event_id"]) == (done, "unhashed", "legacy-0000")
    _rc, out, _ = run(db, "audit", "verify", capsys=capsys)
    assert "không có mã băm" in out
