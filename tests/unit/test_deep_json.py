"""JSON nested 5,000 levels deep is invalid input everywhere it comes in: exit 2
with a message in the CLI (no traceback), a 400 on the server (see the
integration tests), never a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest

from hcc_desktop.cli.main import main
from hcc_desktop.core.formats import safe_json, wire_json
from hcc_desktop.server.cli import main as server_main
from tests.conftest import INIT

DEEP_ARRAY = "[" * 5000 + "]" * 5000
DEEP_OBJECT = '{"a":' * 5000 + "1" + "}" * 5000


@pytest.fixture
def deep(tmp_path: Path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text(DEEP_ARRAY, "utf-8")
    return path


def test_safe_json_reports_deep_nesting_as_invalid_json() -> None:
    for raw in (DEEP_ARRAY, DEEP_OBJECT, DEEP_ARRAY.encode()):
        with pytest.raises(ValueError, match="nested too deeply"):
            safe_json.loads(raw)
    assert safe_json.loads("[[1]]") == [[1]]


def test_wire_requests_nested_too_deeply_are_not_json() -> None:
    for raw in (DEEP_ARRAY, DEEP_OBJECT):
        with pytest.raises(ValueError, match="nested too deeply"):
            wire_json.loads_request(raw.encode())


def _device_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    db = tmp_path / "cli.db"
    if not db.exists():
        assert main(["--db", str(db), *INIT]) == 0
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    return code, capsys.readouterr().err


def test_catalog_import_of_deep_json_exits_2_in_vietnamese(
    tmp_path: Path, deep: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _device_cli(tmp_path, capsys, "catalog", "import", str(deep))
    assert code == 2
    assert "Tệp không đúng định dạng JSON" in err
    assert "Traceback" not in err
    assert "RecursionError" not in err


def test_intake_of_deep_json_exits_2_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for body in (DEEP_ARRAY, DEEP_OBJECT):
        path = tmp_path / "intake.json"
        path.write_text(body, "utf-8")
        code, err = _device_cli(tmp_path, capsys, "intake", str(path))
        assert code == 2
        assert "không đúng định dạng JSON" in err
        assert "RecursionError" not in err


@pytest.mark.parametrize("option", ["--catalog", "--calendar", "--unit-settings"])
def test_server_publish_of_deep_json_exits_2(
    tmp_path: Path, deep: Path, capsys: pytest.CaptureFixture[str], option: str
) -> None:
    args = ["server", "publish", "--database", f"sqlite:///{tmp_path / 'server.db'}"]
    args += [option, str(deep)]
    if option == "--unit-settings":
        args += ["--unit", "H56.01"]
    assert server_main(args) == 2
    err = capsys.readouterr().err
    assert "nested too deeply" in err or "not_json" in err
    assert "RecursionError" not in err
