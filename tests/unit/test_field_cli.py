"""`session`, `visit` and `qr-board` driven end to end on a real database file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from hcc_desktop.cli.main import main
from hcc_desktop.core.clock import local_now
from tests.unit.test_cli import GOOD, _write, run

__all__ = ["db"]
from tests.unit.test_cli import db


def _json(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = run(db, *args, "--json", capsys=capsys)
    assert code == 0, err
    return json.loads(out)


def test_session_from_plan_to_summary_through_the_cli(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = local_now().date().isoformat()
    planned = _json(
        db, capsys, "session", "plan", "--quarter", "Khu phố 5", "--date", today,
        "--place", "Nhà văn hóa khu phố 5",
        "--officer", "Trần Thị Bình", "--officer", "Lê Văn Cường",
    )  # fmt: skip
    assert isinstance(planned, dict)
    assert planned["status"] == "planned"
    short = planned["id"][:8]
    listed = _json(db, capsys, "session", "list", "--quarter", "khu pho 5")
    assert [x["id"] for x in listed] == [planned["id"]]  # type: ignore[union-attr,index]
    assert _json(db, capsys, "session", "open", short)["status"] == "open"  # type: ignore[index]

    dossier = {k: v for k, v in GOOD.items() if k != "received_at"}
    code, out, err = run(db, "intake", str(_write(tmp_path, dossier)), capsys=capsys)
    assert code == 0, err
    shown_code = out.split()[0] if out.strip() else ""
    assert shown_code

    pdf = tmp_path / "summary.pdf"
    # Not registered with a server: closing does not try to sync.
    closed = _json(db, capsys, "session", "close", short, "--pdf", str(pdf))
    assert isinstance(closed, dict)
    assert closed["dossiers"] == 1
    assert closed["synced"] is False
    assert closed["session"]["status"] == "closed"
    assert [x["key"] for x in closed["by_procedure"]] == ["1.001193"]
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Khu phố 5" in text
    assert "Lê Văn Cường" in text

    summary = _json(db, capsys, "session", "summary", short)
    assert summary["codes"] == closed["codes"]  # type: ignore[index]
    figures = _json(db, capsys, "session", "summary", "--from", today, "--to", today)
    assert figures["quarters"][0]["dossiers"] == 1  # type: ignore[index]
    assert figures["report"]["quarters"]["Khu phố 5"]["received_total"] == 1  # type: ignore[index]
    # Closed: opening again is refused with a Vietnamese message.
    code, _, err = run(db, "session", "open", short, capsys=capsys)
    assert code == 1
    assert "buổi" in err.lower()


def test_home_visit_from_request_to_record_through_the_cli(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    today = local_now().date().isoformat()
    added = _json(
        db, capsys, "visit", "add", "--name", "Phạm Thị Dung", "--reason", "age,alone",
        "--quarter", "Khu phố 2", "--address", "12 Trần Phú", "--phone", "0912 000 111",
        "--consent-date", today, "--purpose", "Chứng thực bản sao", "--requested-by", "Con gái",
    )  # fmt: skip
    assert isinstance(added, dict)
    assert added["status"] == "requested"
    vid = added["id"][:8]
    due = _json(db, capsys, "visit", "list", "--due")
    assert [v["id"] for v in due] == [added["id"]]  # type: ignore[union-attr,index]
    residents = _json(db, capsys, "visit", "list", "--residents")
    assert residents[0]["reasons"] == ["age", "alone"]  # type: ignore[index]
    planned = _json(db, capsys, "visit", "plan", vid, "--date", today, "--officer", "Trần Thị Bình")
    assert planned["status"] == "planned"  # type: ignore[index]
    done = _json(
        db, capsys, "visit", "done", vid, "--outcome", "Đã tiếp nhận 1 hồ sơ",
        "--minutes", "40", "--dossiers", "1", "--ratings", "1",
    )  # fmt: skip
    assert done["status"] == "done"  # type: ignore[index]
    assert done["minutes_spent"] == 40  # type: ignore[index]
    assert _json(db, capsys, "visit", "list", "--due") == []
    # A second request for the same resident, by id.
    again = _json(
        db, capsys, "visit", "add", "--resident", added["resident_id"], "--purpose", "Trả kết quả"
    )
    assert again["resident_id"] == added["resident_id"]  # type: ignore[index]
    # No consent recorded: refused, naming the field in Vietnamese.
    code, _, err = run(
        db, "visit", "add", "--name", "Ngô Văn Em", "--reason", "disability",
        "--quarter", "Khu phố 2", "--address", "3 Lê Lợi", "--purpose", "x", capsys=capsys,
    )  # fmt: skip
    assert code == 2
    assert "consent_on" in err


def test_qr_board_through_the_cli(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "board.pdf"
    code, _, err = run(
        db, "qr-board", "--quarter", "Khu phố 1", str(out), "--procedure", "1.001193,1.004873",
        "--url", "1.001193=https://example.gov.vn/ks", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Khu phố 1" in text
    assert "Đăng ký khai sinh" in text
    code, _, err = run(
        db, "qr-board", "--quarter", "Khu phố 1", str(out), "--url-template", "ftp://x",
        capsys=capsys,
    )  # fmt: skip
    assert code == 2
    assert main(["--db", str(db), "qr-board", "--quarter", "Q", str(out), "--count", "3"]) == 0
