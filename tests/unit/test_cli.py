"""The command line, driven end to end on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from hcc_desktop.cli.main import main
from tests.conftest import INIT

GOOD = {
    "procedure": "1.001193",
    "applicant": {
        "full_name": "Nguyễn Thị Ánh Tuyết",
        "id_number": "052303001234",
        "date_of_birth": "2003-03-15",
        "phone": "+84 912 345 678",
        "address": "Số 12 đường Quang Trung, khu phố 5, phường Hoài Nhơn Bắc",
        "email": "tuyet@example.com",
    },
    "components": [
        {"id": "1.001193-01", "form": "original", "count": 1},
        {"id": "1.001193-02", "form": "original", "count": 1},
    ],
    "channel": "counter",
    "received_at": "2026-11-20 14:20",
}


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _write(tmp_path: Path, data: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_catalog_list_and_show(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "catalog", "list", "--json", capsys=capsys)
    assert code == 0
    listed = {p["code"]: p for p in json.loads(out)}
    assert listed["1.001193"]["name"] == "Đăng ký khai sinh"
    code, out, _ = run(db, "catalog", "show", "1.004222", "--json", capsys=capsys)
    shown = json.loads(out)
    assert shown["processing_days"] == 7
    assert {"id", "name", "required"} <= set(shown["components"][0])
    code, _, err = run(db, "catalog", "show", "9.999999", capsys=capsys)
    assert code == 1
    # A Vietnamese sentence, not the code (issue 9, item 11).
    assert err == "lỗi: Thủ tục 9.999999 không có trong danh mục\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--days", "0", "--received", "2026-11-23 14:59"], "2026-11-23 17:00"),
        (["--days", "0", "--received", "2026-11-23 15:00"], "2026-11-23 17:00"),  # sharp
        (["--days", "0", "--received", "2026-11-23 15:01"], "2026-11-25 17:00"),  # 24/11 off
        (["--days", "3", "--received", "2026-11-23 12:00"], "2026-11-27 11:30"),  # lunch
        (["--days", "1", "--received", "2026-11-21 09:00", "--channel", "saturday_session"],
         "2026-11-23 17:00"),
        (["--procedure", "1.004222", "--received", "2026-02-12 10:00"], "2026-03-02 10:00"),
        (["--days", "2", "--received", "2025-04-29 16:00"], "2025-05-06 16:00"),
    ],
)  # fmt: skip
def test_due_date(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, out, _ = run(db, "due-date", *args, capsys=capsys)
    assert code == 0
    assert out.strip() == expected


def test_due_date_rejects_a_bad_time(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(db, "due-date", "--days", "1", "--received", "23/11/2026", capsys=capsys)
    assert code == 2
    assert "YYYY-MM-DD HH:MM" in err


def test_intake_prints_dossier_and_writes_receipt(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    receipt = tmp_path / "receipt.pdf"
    code, out, err = run(
        db, "intake", str(_write(tmp_path, GOOD)), "--receipt", str(receipt), capsys=capsys
    )
    assert code == 0, err
    d = json.loads(out)
    assert d["code"] == "000.17.22.H56-261120-0001"
    assert d["status"] == 2
    assert d["received_at"] == "2026-11-20 14:20"
    assert d["due_at"] == "2026-11-20 17:00"
    assert d["applicant"]["phone"] == "0912345678"
    assert len(d["id"]) == 36

    text = "\n".join(page.extract_text() for page in PdfReader(receipt).pages)
    flat = " ".join(text.split())
    for expected in (
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Nguyễn Thị Ánh Tuyết",
        "Đăng ký khai sinh",
        "000.17.22.H56-261120-0001",
        "14 giờ 20 phút, ngày 20/11/2026",
        "17 giờ 00 phút, ngày 20/11/2026",
        "052303001234",
        "Trần Thị Bình",
    ):
        assert expected in flat, expected

    code, out, _ = run(db, "search", "anh tuyet", "--json", capsys=capsys)
    assert [(h["code"], h["full_name"]) for h in json.loads(out)] == [
        ("000.17.22.H56-261120-0001", "Nguyễn Thị Ánh Tuyết")
    ]


def test_invalid_intake_names_every_field_and_stores_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["applicant"]["id_number"] = "052399001234"  # year digits disagree with 2003
    bad["applicant"]["phone"] = "0123"
    bad["applicant"]["email"] = "not-an-email"
    bad["components"] = bad["components"][:1]
    bad["channel"] = "teleport"
    code, out, err = run(db, "intake", str(_write(tmp_path, bad)), capsys=capsys)
    assert code == 2
    assert out == ""
    for field in (
        "applicant.id_number",
        "applicant.phone",
        "applicant.email",
        "components",
        "channel",
    ):
        assert field in err
    code, out, _ = run(db, "search", "tuyet", "--json", capsys=capsys)
    assert json.loads(out) == []


def test_malformed_intake_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", "utf-8")
    assert run(db, "intake", str(path), capsys=capsys)[0] == 2
    code, _, err = run(
        db, "intake", str(_write(tmp_path, {"procedure": 5, "components": "x"})), capsys=capsys
    )
    assert code == 2
    assert "procedure" in err
    assert "applicant" in err
    assert "components" in err


def test_intake_from_stdin_in_a_real_process(db: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "hcc_desktop", "--db", str(db), "intake", "-"],
        input=json.dumps(GOOD, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["code"].endswith("-0001")


def test_demo_then_search(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "demo", "--dossiers", "300", capsys=capsys)
    assert code == 0
    assert "đã tạo 300 hồ sơ" in out
    code, out, _ = run(db, "search", "nguyen", "--json", "--limit", "1000", capsys=capsys)
    hits = json.loads(out)
    assert 0 < len(hits) < 300
    assert all("nguyen" in h["full_name"].lower().replace("ễ", "e") for h in hits)
    codes = [h["code"] for h in json.loads(run(db, "search", "h56", "--json", "--limit", "1000",
                                                capsys=capsys)[1])]  # fmt: skip
    assert len(codes) == len(set(codes)) == 300


def test_catalog_export_import_roundtrip(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "cat.json"
    assert run(db, "catalog", "export", str(out_file), capsys=capsys)[0] == 0
    code, out, _ = run(db, "catalog", "import", str(out_file), "--json", capsys=capsys)
    assert code == 0
    assert json.loads(out)["added"] == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hcc-catalog", "version": 1, "procedures": []}', "utf-8")
    code, _, err = run(db, "catalog", "import", str(bad), capsys=capsys)
    assert code == 2
    assert "Tệp danh mục thủ tục bị từ chối; chưa nhập gì" in err


def test_settings_set(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "settings", "set", "device-slot", "3", capsys=capsys)
    assert code == 0
    assert json.loads(out)["device_slot"] == 3
    code, _, err = run(db, "settings", "set", "unit-code", "bad code!", capsys=capsys)
    assert code == 2
    assert "unit_code" in err


def test_intake_takes_an_unusual_receipt_time_only_when_told(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rehearsals and imports: a date far ahead of the clock needs --allow-unusual-date."""
    future = dict(GOOD, received_at="2030-10-18 15:10")  # a Friday, after 15:00
    path = str(_write(tmp_path, future))
    code, out, err = run(db, "intake", path, capsys=capsys)
    assert code == 2
    assert "--allow-unusual-date" in err
    assert "bất thường" in err
    code, out, err = run(db, "intake", path, "--allow-unusual-date", capsys=capsys)
    assert code == 0, err
    d = json.loads(out)
    assert d["code"] == "000.17.22.H56-301018-0001"
    assert d["due_at"] == "2030-10-21 17:00"


@pytest.mark.parametrize(
    "received", ["9999-12-31 23:59", "1899-12-31 23:59", "1999-12-31 08:00", "2099-01-01 08:00"]
)
def test_an_impossible_or_unusual_receipt_time_is_a_validation_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], received: str
) -> None:
    path = str(_write(tmp_path, dict(GOOD, received_at=received)))
    for command in (["intake", path], ["due-date", "--days", "3", "--received", received]):
        code, out, err = run(db, *command, capsys=capsys)
        assert code == 2, (command, err)
        assert "Traceback" not in err
        assert "(received_at): Thời gian tiếp nhận" in err
        assert out == ""


def test_the_impossible_stays_refused_with_allow_unusual_date(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_write(tmp_path, dict(GOOD, received_at="9999-12-31 23:59")))
    code, _, err = run(db, "intake", path, "--allow-unusual-date", capsys=capsys)
    assert code == 2
    assert "01/01/1900 – 31/12/2100" in err
    code, _, err = run(
        db, "due-date", "--days", "3", "--received", "9999-12-31 23:59",
        "--allow-unusual-date", capsys=capsys,
    )  # fmt: skip
    assert code == 2
    code, out, _ = run(
        db, "due-date", "--days", "1", "--received", "1999-12-31 08:00",
        "--allow-unusual-date", capsys=capsys,
    )  # fmt: skip
    assert code == 0
    assert out.strip() == "2000-01-04 08:00"  # 1/1/2000 a Saturday, observed Mon 3/1


def test_a_huge_fee_is_a_validation_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, dict(GOOD, fee_amount=2**63, fee_method="cash"))
    code, _out, err = run(db, "intake", str(path), capsys=capsys)
    assert code == 2
    assert "Phí, lệ phí (fee_amount): Phí, lệ phí quá lớn" in err
    assert "Traceback" not in err


def test_due_date_says_when_it_depends_on_an_unconfirmed_day(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        db, "due-date", "--days", "0", "--received", "2026-11-23 15:01", capsys=capsys
    )
    assert code == 0
    assert out.strip() == "2026-11-25 17:00"
    assert "24/11/2026" in err
    assert "chưa được xác nhận" in err
    code, out, err = run(
        db, "due-date", "--days", "0", "--received", "2026-11-25 09:00", capsys=capsys
    )
    assert code == 0
    assert err == ""


def test_calendar_list_confirm_and_remove(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "calendar", "list", "--json", capsys=capsys)
    assert code == 0
    rows = {r["date"]: r for r in json.loads(out)}
    assert rows["2026-11-24"]["status"] == "to_confirm"
    assert rows["2026-08-31"]["status"] == "to_confirm"
    assert rows["2026-01-02"]["status"] == "confirmed"
    assert "12729/VPCP-KGVX" in rows["2026-01-02"]["source"]
    code, out, _ = run(db, "calendar", "list", "--to-confirm", capsys=capsys)
    assert "2026-11-24\tnghỉ\tCHƯA XÁC NHẬN" in out
    assert "2026-01-02" not in out

    code, out, _ = run(
        db, "calendar", "confirm", "2026-11-24", "--source", "Văn bản số 1/TB ngày 1/11/2026",
        capsys=capsys,
    )  # fmt: skip
    assert code == 0
    assert "đã xác nhận" in out
    # Confirmed: the appointment over it carries no note any more.
    code, out, err = run(
        db, "due-date", "--days", "0", "--received", "2026-11-23 15:01", capsys=capsys
    )
    assert out.strip() == "2026-11-25 17:00"
    assert err == ""
    # Removed: 24/11/2026 is a working day again.
    assert run(db, "calendar", "remove", "2026-11-24", capsys=capsys)[0] == 0
    code, out, _ = run(
        db, "due-date", "--days", "0", "--received", "2026-11-23 15:01", capsys=capsys
    )
    assert out.strip() == "2026-11-24 17:00"
    code, _, err = run(db, "calendar", "remove", "2026-11-24", capsys=capsys)
    assert code == 1
    assert "không có trong bảng lịch" in err
    code, _, err = run(db, "calendar", "confirm", "24/11/2026", capsys=capsys)
    assert code == 2


def test_settings_allow_insecure_http_takes_a_boolean_and_warns(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(db, "settings", "set", "allow-insecure-http", "true", capsys=capsys)
    assert code == 0
    assert json.loads(out)["allow_insecure_http"] is True
    assert "http://" in err
    assert "mạng" in err  # the warning, in Vietnamese
    code, out, _err = run(db, "settings", "set", "allow-insecure-http", "false", capsys=capsys)
    assert code == 0
    assert json.loads(out)["allow_insecure_http"] is False
    code, _out, err = run(db, "settings", "set", "allow-insecure-http", "maybe", capsys=capsys)
    assert code == 2
