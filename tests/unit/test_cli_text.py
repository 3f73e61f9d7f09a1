"""The command line speaks Vietnamese sentences, not codes (issue 9, item 11).

Exit codes and --json output do not change; only the words do. The sentences are
those of the window: one English source (core/messages.py, cli/text.py) and one
translation (resources/translations/hcc_desktop_vi.ts).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from hcc_desktop.cli import text
from hcc_desktop.cli.main import main
from hcc_desktop.cli.sync import describe
from hcc_desktop.core import messages
from hcc_desktop.core.errors import SyncError
from tests.conftest import INIT
from tests.unit.test_cli import GOOD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _vietnamese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(text.LANG_ENV, raising=False)
    text.set_language(None)


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    text.set_language(None)
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _write(tmp_path: Path, data: Any, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_a_cccd_with_a_letter_and_zero_copies_are_sentences(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["applicant"]["id_number"] = "05230300123A"
    bad["components"][0]["count"] = 0
    code, out, err = run(db, "intake", str(_write(tmp_path, bad)), capsys=capsys)
    assert (code, out) == (2, "")
    assert err.startswith("lỗi: Một số thông tin không hợp lệ; chưa lưu gì:\n")
    assert (
        "Chủ hồ sơ – Số giấy tờ tùy thân (applicant.id_number): Đây không phải số CCCD "
        "(12 chữ số, không có chữ cái)"
    ) in err
    assert "hãy kiểm tra lại số đã nhập" in err
    assert "(components[0].count): Số bản phải từ 1 đến 99: hãy sửa lại" in err
    for code_word in ("passport_format", "out_of_range", "max=99", "error:"):
        assert code_word not in err


def test_english_on_request_with_the_same_exit_code(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = json.loads(json.dumps(GOOD))
    bad["components"][0]["count"] = 0
    path = _write(tmp_path, bad)
    code, _, err = run(db, "--lang", "en", "intake", str(path), capsys=capsys)
    assert code == 2
    assert "The number of copies must be between 1 and 99: correct it" in err
    monkeypatch.setenv(text.LANG_ENV, "en")
    code, out, _ = run(db, "catalog", "list", capsys=capsys)
    assert code == 0
    assert "\tsame day\n" in out


def test_a_missing_file_is_a_sentence(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "không-có.json"
    code, out, err = run(db, "intake", str(missing), capsys=capsys)
    assert (code, out) == (1, "")
    assert err == f"lỗi: Không có tệp {missing}: hãy kiểm tra tên tệp và thư mục\n"
    code, _, err = run(db, "catalog", "import", str(missing), capsys=capsys)
    assert code == 2
    assert "Errno" not in err
    assert f"Không đọc được tệp {missing} (không có tệp này)" in err


def test_catalog_list_says_working_days_in_vietnamese(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(db, "catalog", "list", capsys=capsys)
    assert code == 0
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert lines["1.001193"].endswith("\ttrong ngày")
    assert lines["1.004222"].endswith("\t7 ngày làm việc")
    assert "same day" not in out
    assert " days" not in out
    code, out, _ = run(db, "catalog", "show", "1.004222", capsys=capsys)
    assert "thời hạn giải quyết: 7 ngày làm việc" in out
    assert "(bắt buộc)" in out
    # The JSON is unchanged by the language.
    code, out, _ = run(db, "catalog", "show", "1.004222", "--json", capsys=capsys)
    assert json.loads(out)["processing_days"] == 7


def test_catalog_import_faults_are_located_sentences(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "cat.json"
    assert run(db, "catalog", "export", str(exported), capsys=capsys)[0] == 0
    data = json.loads(exported.read_text("utf-8"))
    first = data["procedures"][0]["code"]
    data["procedures"][0]["name"] = "   "
    data["procedures"][0]["components"][1]["name"] = ""
    data["procedures"][2]["processing_days"] = -1
    data["procedures"][3]["code"] = "1.12"
    data["procedures"][4]["comment"] = "x"
    code, _, err = run(db, "catalog", "import", str(_write(tmp_path, data)), capsys=capsys)
    assert code == 2
    lines = err.splitlines()
    assert lines[0] == "lỗi: Tệp danh mục thủ tục bị từ chối; chưa nhập gì:"
    third = data["procedures"][2]["code"]
    assert lines[1:] == [
        f"  Thủ tục thứ 1 (mã {first}) – Tên thủ tục đang để trống: hãy điền vào",
        f"  Thủ tục thứ 1 (mã {first}), giấy tờ thứ 2 – Tên giấy tờ đang để trống: hãy điền vào",
        f"  Thủ tục thứ 3 (mã {third}) – Thời hạn giải quyết (ngày làm việc) phải từ 0 trở lên: "
        "hãy sửa lại",
        "  Thủ tục thứ 4 (mã 1.12) – Mã thủ tục không đúng dạng: hãy ghi một chữ số, dấu chấm "
        "và sáu chữ số (ví dụ 1.001193)",
        f"  Thủ tục thứ 5 (mã {data['procedures'][4]['code']}) có trường không xác định "
        "“comment”: hãy xóa đi hoặc sửa lại tên cho đúng",
    ]


def test_not_json_and_wrong_format_are_sentences(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "hcc-catalog",\n  "version": }', "utf-8")
    code, _, err = run(db, "catalog", "import", str(broken), capsys=capsys)
    assert code == 2
    assert "  Tệp không đúng định dạng JSON (dòng 2, cột 14)" in err
    other = _write(tmp_path, {"format": "other", "version": 2, "procedures": []}, "other.json")
    code, _, err = run(db, "catalog", "import", str(other), capsys=capsys)
    assert "Đây không phải là tệp danh mục thủ tục của HCC Desktop" in err
    assert "Không hỗ trợ tệp danh mục phiên bản 2" in err
    assert "Danh sách thủ tục chưa có mục nào: hãy thêm ít nhất một mục" in err


def test_sync_refusals_are_sentences() -> None:
    message = describe(SyncError("server_rejected", reason="http_404", detail="Not Found"))
    assert "http_404" not in message
    assert "máy chủ trả lời lỗi 404" in message
    message = describe(SyncError("not_registered"))
    assert "Máy này chưa đăng ký với máy chủ đồng bộ" in message
    assert "device register --server URL --code MÃ" in message


def test_a_broken_pipe_is_quiet(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe:
        def write(self, _text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["--db", str(db), "catalog", "list"]) == 1
    assert capsys.readouterr().err == ""


def test_a_broken_pipe_in_a_real_process(db: Path) -> None:
    """`python -m hcc_desktop catalog list | head -0`: no complaint, the usual exit code."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "hcc_desktop", "--db", str(db), "catalog", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before anything is written
    _, err = proc.communicate(timeout=120)
    assert err.decode("utf-8") == ""
    assert proc.returncode == 1


# -- one source per message -------------------------------------------------------------------


def test_every_error_message_has_a_vietnamese_sentence_for_the_cli() -> None:
    """The CLI reads the same translation as the UI: no code may lack a finished one."""
    table = text._table("vi")
    sources = [
        *((messages.CONTEXT, t) for t in messages.FIELD_MESSAGES.values()),
        *((messages.CONTEXT, t) for t in messages.FIELD_SPECIFIC.values()),
        *((messages.CONTEXT, t) for t in messages.ERROR_MESSAGES.values()),
        *((messages.CONTEXT, t) for t in messages.FIELD_LABELS.values()),
        *((messages.CONTEXT, t) for t in messages.PERSON_ROLES.values()),
        *((messages.CONTEXT, t) for t in messages.CATALOG_MESSAGES.values()),
        *((messages.CONTEXT, t) for t in messages.CATALOG_FIELDS.values()),
        *((messages.REASONS_CONTEXT, t) for t in messages.REASONS.values()),
    ]
    assert len(sources) > 200
    missing = sorted(s for s in sources if s not in table)
    assert missing == [], "translate them (scripts/update_translations.py --fill …)"


def test_a_malformed_intake_file_is_explained(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, {"procedure": 5, "components": "x", "fee_amount": "1000"})
    code, out, err = run(db, "intake", str(path), capsys=capsys)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "lỗi: Tệp hồ sơ tiếp nhận không hợp lệ; chưa lưu gì:",
        "  procedure: bị thiếu: hãy ghi mã thủ tục (ví dụ 1.001193)",
        "  applicant: phải là một đối tượng JSON (trong dấu ngoặc nhọn)",
        "  components: phải là một danh sách (trong dấu ngoặc vuông)",
        "  fee_amount: phải là một số nguyên (đồng)",
    ]
    broken = tmp_path / "broken.json"
    broken.write_text('{"procedure": ', "utf-8")
    code, _, err = run(db, "intake", str(broken), capsys=capsys)
    assert code == 2
    assert err == (
        "lỗi: Tệp hồ sơ tiếp nhận không đúng định dạng JSON (dòng 1, cột 15): hãy sửa lại\n"
    )
    code, _, err = run(db, "due-date", "--days", "1", "--received", "23/11/2026", capsys=capsys)
    assert code == 2
    assert "hãy ghi thời điểm theo dạng YYYY-MM-DD HH:MM" in err


def test_a_value_outside_a_list_names_the_allowed_values(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "cat.json"
    assert run(db, "catalog", "export", str(exported), capsys=capsys)[0] == 0
    data = json.loads(exported.read_text("utf-8"))
    with_fee = next(i for i, p in enumerate(data["procedures"]) if p["fees"])
    data["procedures"][with_fee]["fees"][0]["unit"] = "bundle"
    code, _, err = run(db, "catalog", "import", str(_write(tmp_path, data)), capsys=capsys)
    assert code == 2
    assert (
        f"Thủ tục thứ {with_fee + 1} (mã {data['procedures'][with_fee]['code']}), khoản phí "
        "thứ 1 – Đơn vị tính phí phải là một trong các giá trị “dossier”, “copy”, “page”: "
        "hãy sửa lại"
    ) in err


def test_worklist_headings_are_vietnamese(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(db, "worklist", capsys=capsys)
    assert code == 0
    assert out.splitlines() == [
        "Quá hạn (0)",
        "Đến hạn hôm nay (0)",
        "Sắp đến hạn (0)",
        "Chờ bổ sung (0)",
        "Chờ trả kết quả (0)",
    ]


def test_a_catalog_field_without_a_label_is_named_as_in_the_file() -> None:
    from hcc_desktop.core.errors import CatalogIssue

    words = text.catalogue()
    issue = CatalogIssue("empty", "brand_new_field", procedure=2, procedure_code="1.000894")
    assert words.catalog_issue(issue) == (
        "Thủ tục thứ 2 (mã 1.000894) – “brand_new_field” đang để trống: hãy điền vào"
    )
    top = CatalogIssue("unknown_field", "", params={"name": "extra"}, location="extra")
    assert words.catalog_issue(top) == (
        "Tệp có trường không xác định “extra”: hãy xóa đi hoặc sửa lại tên cho đúng"
    )


def test_argparse_own_errors_speak_the_cli_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mistyped command is answered in Vietnamese too, not in argparse's English."""
    from hcc_desktop.cli.main import main as cli_main

    monkeypatch.delenv("HCC_LANG", raising=False)
    db = str(tmp_path / "hcc.db")
    with pytest.raises(SystemExit) as stop:
        cli_main(["--db", db, "transition"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "lỗi: thiếu tham số bắt buộc: code, action" in err
    assert "cách dùng:" in err
    with pytest.raises(SystemExit):
        cli_main(["--db", db, "catalog", "frob"])
    assert "giá trị không hợp lệ: 'frob'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli_main(["--lang", "en", "--db", db, "transition"])
    assert "the following arguments are required: code, action" in capsys.readouterr().err


def test_status_names_the_status_the_verdict_and_the_events_in_vietnamese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        db, "intake", str(_write(tmp_path, GOOD)), "--allow-unusual-date", capsys=capsys
    )
    assert code == 0
    dossier = json.loads(out)["code"]
    code, out, _ = run(db, "status", dossier, capsys=capsys)
    assert code == 0
    first, event = out.splitlines()[:2]
    assert f"{dossier}  trạng thái 2 (Được tiếp nhận)  hẹn trả " in first
    assert "kết quả:" in first
    assert "Tiếp nhận hồ sơ" in event
    assert "received" not in out
    assert "status" not in out
