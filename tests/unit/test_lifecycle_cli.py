"""The lifecycle commands of the CLI, end to end on a real database file:
transition, status, worklist, apology, rate, print and book."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.conftest import INIT
from tests.unit.test_cli import run

# Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days.
DOSSIER = {
    "procedure": "1.004873",
    "applicant": {
        "full_name": "Nguyễn Thị Ánh Tuyết",
        "id_number": "052303001234",
        "date_of_birth": "2003-03-15",
        "phone": "0912345678",
        "address": "Số 12 đường Quang Trung, khu phố 5, phường Hoài Nhơn Bắc",
    },
    "components": [{"id": "1.004873-01", "form": "original", "count": 1}],
    "received_at": "2026-11-16 09:00",
}


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _intake(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], **over: str) -> str:
    f = tmp_path / "d.json"
    f.write_text(json.dumps({**DOSSIER, **over}, ensure_ascii=False), "utf-8")
    code, out, err = run(db, "intake", str(f), capsys=capsys)
    assert code == 0, err
    return str(json.loads(out)["code"])


def _status(db: Path, code: str, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    rc, out, err = run(db, "status", code, "--json", *extra, capsys=capsys)
    assert rc == 0, err
    return json.loads(out)


def test_full_life_with_supplement_clock_stop(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    assert _status(db, code, capsys)["due_at"] == "2026-11-19 09:00"
    steps = [
        ("handover", "2026-11-16 10:00", "--receiver", "Lê Văn Cường", "--department", "Tư pháp"),
        ("request-supplement", "2026-11-17 10:00", "--reason", "Thiếu trích lục ly hôn"),
        ("supplement-received", "2026-11-19 10:00"),
        ("finish", "2026-11-23 10:00", "--receiver", "Trần Thị Bình"),
        ("return", "2026-11-23 14:00"),
    ]
    for action, at, *extra in steps:
        rc, _, err = run(db, "transition", code, action, "--at", at, *extra, capsys=capsys)
        assert rc == 0, err
    s = _status(db, code, capsys)
    assert s["status"] == 10
    # Waited Wednesday and Thursday: the appointment moves two working days.
    assert s["original_due_at"] == "2026-11-19 09:00"
    assert s["due_at"] == "2026-11-23 09:00"
    assert s["timeliness"] == "on_time"
    kinds = [e["kind"] for e in s["timeline"]]
    assert kinds == [
        "received",
        "handed_over",
        "supplement_requested",
        "supplement_received",
        "processed",
        "returned",
    ]
    assert s["timeline"][1]["data"]["receiver"] == "Lê Văn Cường"
    assert s["timeline"][-1]["data"]["collector"]["full_name"] == "Nguyễn Thị Ánh Tuyết"


def test_refused_transition_exits_non_zero_with_a_message(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    rc, _, err = run(db, "transition", code, "return", capsys=capsys)
    assert rc == 1
    # A sentence, not the code (issue 9, item 11).
    assert f"Không thể thực hiện thao tác này với hồ sơ {code}" in err
    assert "transition_not_allowed" not in err
    rc, _, err = run(db, "transition", code, "refuse", capsys=capsys)
    assert rc == 2
    assert "Lý do (reason): Nhập lý do" in err
    rc, _, err = run(db, "transition", code, "finish", "--at", "16/11/2026", capsys=capsys)
    assert rc == 2
    assert "--at" in err


def test_status_as_of_reports_late_while_open(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    assert _status(db, code, capsys, "--as-of", "2026-11-19 16:00")["timeliness"] is None
    assert _status(db, code, capsys, "--as-of", "2026-11-20 08:00")["timeliness"] == "late"


def test_worklist_lists_codes_by_urgency(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = _intake(db, tmp_path, capsys, received_at="2026-11-16 09:00")  # due 19/11
    today = _intake(db, tmp_path, capsys, received_at="2026-11-18 09:30")  # due 23/11
    soon = _intake(db, tmp_path, capsys, received_at="2026-11-20 09:00")  # due 26/11
    waiting = _intake(db, tmp_path, capsys, received_at="2026-11-20 10:00")
    ready = _intake(db, tmp_path, capsys, received_at="2026-11-20 11:00")
    run(db, "transition", waiting, "request-supplement", "--at", "2026-11-20 11:00",
        "--reason", "Thiếu giấy", capsys=capsys)  # fmt: skip
    run(db, "transition", ready, "finish", "--at", "2026-11-20 15:00", capsys=capsys)
    rc, out, err = run(
        db, "worklist", "--as-of", "2026-11-23 08:00", "--within", "2", "--json", capsys=capsys
    )
    assert rc == 0, err
    w = json.loads(out)
    assert w["overdue"] == [late]
    assert w["due_today"] == [today]
    assert w["due_soon"] == [soon]
    assert w["waiting_supplement"] == [waiting]
    assert w["ready_to_return"] == [ready]


def test_print_every_form_and_the_book(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    refused = _intake(db, tmp_path, capsys)
    stopped = _intake(db, tmp_path, capsys)
    run(db, "transition", code, "request-supplement", "--at", "2026-11-17 08:00",
        "--reason", "Thiếu giấy tờ", "--missing", "Trích lục ly hôn", capsys=capsys)  # fmt: skip
    run(db, "transition", refused, "refuse", "--at", "2026-11-16 10:00",
        "--reason", "Không thuộc thẩm quyền", capsys=capsys)  # fmt: skip
    run(db, "transition", stopped, "stop", "--at", "2026-11-16 10:00",
        "--reason", "Có tranh chấp", capsys=capsys)  # fmt: skip
    rc, _, err = run(db, "apology", code, "--new-due", "2026-11-27 16:00", "--at",
                     "2026-11-20 08:00", "--reason", "Chờ xác minh", capsys=capsys)  # fmt: skip
    assert rc == 0, err
    expectations = {
        ("01", code): "GIẤY TIẾP NHẬN HỒ SƠ",
        ("02", code): "Trích lục ly hôn",
        ("03", refused): "Không thuộc thẩm quyền",
        ("04", code): "ngày 27/11/2026",
        ("05", stopped): "Có tranh chấp",
        ("06", code): "PHIẾU KIỂM SOÁT",
    }
    for (form, key), needle in expectations.items():
        out = tmp_path / f"{form}.pdf"
        rc, _, err = run(db, "print", form, key, str(out), capsys=capsys)
        assert rc == 0, (form, err)
        text = " ".join(page.extract_text() for page in PdfReader(out).pages)
        assert needle in " ".join(text.split()), form
    # A form whose event never happened is refused clearly.
    rc, _, err = run(db, "print", "03", code, str(tmp_path / "x.pdf"), capsys=capsys)
    assert rc == 1
    assert "chưa có bước này: không thể in mẫu này" in err  # a sentence, not no_such_event
    assert not (tmp_path / "x.pdf").exists()
    pdf = tmp_path / "book.pdf"
    xlsx = tmp_path / "book.xlsx"
    for out in (pdf, xlsx):
        rc, _, err = run(db, "book", "--from", "2026-11-01", "--to", "2026-11-30", str(out),
                         capsys=capsys)  # fmt: skip
        assert rc == 0, err
    book_text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "SỔ THEO DÕI HỒ SƠ" in book_text
    # The code may wrap inside its narrow column.
    assert code in book_text.replace("- ", "-").replace(" -", "-")
    sheet = load_workbook(xlsx).active
    values = {c.value for row in sheet.iter_rows() for c in row}
    assert {code, refused, stopped} <= values

    rc, _, err = run(db, "book", "--from", "2026-11-30", "--to", "2026-11-01",
                     str(pdf), capsys=capsys)  # fmt: skip
    assert rc == 2


def test_book_names_the_department_that_handled_the_dossier(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    run(db, "transition", code, "handover", "--at", "2026-11-16 10:00", "--receiver",
        "Lê Văn Cường", "--department", "Tư pháp - Hộ tịch", capsys=capsys)  # fmt: skip
    run(db, "transition", code, "finish", "--at", "2026-11-18 10:00", capsys=capsys)
    xlsx = tmp_path / "book.xlsx"
    rc, _, err = run(db, "book", "--from", "2026-11-16", "--to", "2026-11-16", str(xlsx),
                     capsys=capsys)  # fmt: skip
    assert rc == 0, err
    row = next(r for r in load_workbook(xlsx).active.iter_rows(values_only=True) if code in r)
    # Back at the counter after "finish", but the book names who handled it.
    assert "Tư pháp - Hộ tịch" in row


def test_rate_from_the_command_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    run(db, "transition", code, "finish", "--at", "2026-11-17 10:00", capsys=capsys)
    run(db, "transition", code, "return", "--at", "2026-11-17 14:00", capsys=capsys)
    rc, out, err = run(db, "rate", code, "--convenience", "3", "--overall", "2", capsys=capsys)
    assert rc == 0, err
    assert out.split() == [code, "3", "2"]
    kinds = [e["kind"] for e in _status(db, code, capsys)["timeline"]]
    assert kinds[-1] == "rated"


def test_an_action_dated_in_the_future_is_refused_and_the_dossier_stays_usable(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys)
    rc, _, err = run(db, "transition", code, "finish", "--at", "9999-12-31 00:00", capsys=capsys)
    assert rc == 2
    assert "(at): Thời điểm không được sau thời gian hiện tại" in err
    assert "hồ sơ sẽ bị khóa" in err
    # Nothing was recorded: a real action now still goes through.
    rc, _, err = run(db, "transition", code, "finish", capsys=capsys)
    assert rc == 0, err
    assert _status(db, code, capsys)["status"] == 9


def test_worklist_details_give_lateness_in_working_days(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Received Tue 17/11/2026 09:00, 3 working days → due Fri 20/11 09:00.
    late = _intake(db, tmp_path, capsys, received_at="2026-11-17 09:00")
    for as_of, days in (("2026-11-22 10:00", 0), ("2026-11-23 10:00", 1)):
        rc, out, err = run(db, "worklist", "--as-of", as_of, "--json", "--details", capsys=capsys)
        assert rc == 0, err
        entry = json.loads(out)["details"]["overdue"][0]
        assert entry["code"] == late
        assert entry["working_days_late"] == days
    rc, out, _ = run(db, "worklist", "--as-of", "2026-11-23 10:00", capsys=capsys)
    assert "trễ 1 ngày làm việc" in out
