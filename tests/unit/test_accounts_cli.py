"""The CLI acts as an officer: ``init --admin-user``, ``--user``/HCC_USER, ``user …``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcc_desktop.cli.main import main
from tests.conftest import ADMIN_PASSWORD, ADMIN_USER, INIT


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def test_a_store_without_accounts_asks_for_its_first_admin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    code, _out, err = run(path, "search", "x", capsys=capsys)
    assert code == 3
    assert "init --admin-user" in err
    code, _out, err = run(path, "init", capsys=capsys)
    assert code == 3
    code, out, err = run(path, *INIT, capsys=capsys)
    assert code == 0, err
    assert ADMIN_USER in out


def test_wrong_password_exit_3_in_vietnamese(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HCC_PASSWORD", "wrong-password")
    code, _out, err = run(db, "search", "x", capsys=capsys)
    assert code == 3
    assert "Sai tên đăng nhập hoặc mật khẩu" in err
    code, _out, err = run(db, "--user", "nobody", "search", "x", capsys=capsys)
    assert code == 3
    assert "Sai tên đăng nhập hoặc mật khẩu" in err


def test_five_failures_lock_the_account(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    assert run(db, "user", "add", "an", "--role", "counter", capsys=capsys)[0] == 0
    monkeypatch.setenv("HCC_PASSWORD", "wrong-password")
    for _ in range(5):
        assert run(db, "--user", "an", "search", "x", capsys=capsys)[0] == 3
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    code, _out, err = run(db, "--user", "an", "search", "x", capsys=capsys)
    assert code == 3
    assert "bị khóa đến" in err


def test_user_commands_and_roles(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    code, out, err = run(
        db, "user", "add", "an", "--role", "counter", "--full-name", "Lê Văn An", capsys=capsys
    )
    assert code == 0, err
    code, out, _ = run(db, "user", "list", "--json", capsys=capsys)
    rows = {r["user"]: r for r in json.loads(out)}
    assert rows["an"]["role"] == "counter"
    assert rows["an"]["full_name"] == "Lê Văn An"
    # A counter officer: counter work yes, settings and accounts no (exit 4).
    monkeypatch.setenv("HCC_USER", "an")
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    assert run(db, "search", "x", capsys=capsys)[0] == 0
    code, _out, err = run(db, "settings", "set", "unit_name", "X", capsys=capsys)
    assert code == 4, err
    assert run(db, "user", "list", capsys=capsys)[0] == 4
    assert run(db, "user", "lock", ADMIN_USER, capsys=capsys)[0] == 4
    # Own password: allowed.
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-moi")
    assert run(db, "user", "passwd", "an", capsys=capsys)[0] == 0
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-moi")
    assert run(db, "search", "x", capsys=capsys)[0] == 0
    # The administrator locks and unlocks.
    monkeypatch.setenv("HCC_USER", ADMIN_USER)
    monkeypatch.setenv("HCC_PASSWORD", ADMIN_PASSWORD)
    assert run(db, "user", "lock", "an", capsys=capsys)[0] == 0
    assert run(db, "--user", "an", "search", "x", capsys=capsys)[0] == 3
    assert run(db, "user", "unlock", "an", capsys=capsys)[0] == 0


def test_the_logged_in_officer_is_the_actor(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.unit.test_cli import GOOD

    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    run(db, "user", "add", "an", "--role", "counter", "--full-name", "Lê Văn An", capsys=capsys)
    monkeypatch.setenv("HCC_USER", "an")
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    path = tmp_path / "in.json"
    path.write_text(json.dumps({**GOOD, "received_by": "Someone Else"}), "utf-8")
    code, out, err = run(db, "intake", str(path), capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["received_by"] == "Lê Văn An"
    dossier = json.loads(out)["code"]
    with pytest.raises(SystemExit) as gone:  # --as is gone: argparse refuses it
        run(db, "transition", dossier, "handover", "--as", "X", capsys=capsys)
    assert gone.value.code == 2
    code, out, err = run(
        db,
        "transition",
        dossier,
        "handover",
        "--receiver",
        "Phòng Tư pháp",
        "--json",
        capsys=capsys,
    )
    assert code == 0, err
    code, out, err = run(db, "show", dossier, capsys=capsys)
    assert [e["actor"] for e in json.loads(out)["timeline"]][-1] == "Lê Văn An"


def test_user_role_gives_another_role_but_not_the_last_admins(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HCC_NEW_PASSWORD", "mat-khau-an")
    assert run(db, "user", "add", "an", "--role", "counter", capsys=capsys)[0] == 0
    code, out, err = run(db, "user", "role", "an", "--role", "leader", capsys=capsys)
    assert code == 0, err
    assert "an nay có vai trò: lãnh đạo trung tâm" in out
    code, out, _err = run(db, "user", "list", "--json", capsys=capsys)
    assert {a["user"]: a["role"] for a in json.loads(out)}["an"] == "leader"
    # The leader may not give roles (exit 4), nor may the last administrator lose his.
    monkeypatch.setenv("HCC_PASSWORD", "mat-khau-an")
    assert run(db, "--user", "an", "user", "role", "an", "--role", "admin", capsys=capsys)[0] == 4
    monkeypatch.setenv("HCC_PASSWORD", ADMIN_PASSWORD)
    code, _out, err = run(db, "user", "role", ADMIN_USER, "--role", "counter", capsys=capsys)
    assert code != 0
    assert err
