"""The CLI and the store's key (issue 12): the recovery key printed once by ``init``,
exit code 5 with a Vietnamese sentence for a missing or wrong key, HCC_RECOVERY_KEY."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from hcc_desktop.cli.main import EXIT_STORE_KEY, main
from hcc_desktop.services.encryption import (
    RECOVERY_ENV,
    decode_recovery_key,
    encode_recovery_key,
    forget_store_key,
)
from tests import keyed
from tests.conftest import INIT


def run(db: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _recovery_line(out: str) -> str:
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if "KHÓA KHÔI PHỤC" in line)
    return lines[head + 1].strip()


def test_init_prints_the_recovery_key_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    code, out, _ = run(db, *INIT, capsys=capsys)
    assert code == 0
    recovery = _recovery_line(out)
    assert decode_recovery_key(recovery) == keyed.key_of(db)
    code, out, err = run(db, *INIT, capsys=capsys)
    assert code == 0
    assert "KHÓA KHÔI PHỤC" not in out + err


def test_another_command_on_a_new_store_prints_it_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "cli.db"
    code, out, err = run(db, "catalog", "list", "--json", capsys=capsys)
    # The store and its key are made before the login, which a store without accounts
    # refuses (exit 3: "init --admin-user" first); the key was shown all the same.
    assert code == 3
    assert out == ""  # stdout stays what a script reads
    assert decode_recovery_key(_recovery_line(err)) == keyed.key_of(db)


def test_a_missing_or_wrong_key_exits_5_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cli.db"
    code, out, _ = run(db, *INIT, capsys=capsys)
    recovery = _recovery_line(out)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()

    forget_store_key(db)
    code, out, err = run(db, "catalog", "list", capsys=capsys)
    assert code == EXIT_STORE_KEY == 5
    assert "HCC_RECOVERY_KEY" in err
    assert "khóa" in err.lower()
    assert "Traceback" not in err

    monkeypatch.setenv(RECOVERY_ENV, encode_recovery_key(b"\x01" * 32))
    code, _, err = run(db, "catalog", "list", capsys=capsys)
    assert code == 5
    assert "không mở được" in err
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest

    monkeypatch.setenv(RECOVERY_ENV, "xyz")
    assert run(db, "catalog", "list", capsys=capsys)[0] == 5

    monkeypatch.setenv(RECOVERY_ENV, recovery)
    assert run(db, "catalog", "list", capsys=capsys)[0] == 0
    monkeypatch.delenv(RECOVERY_ENV)
    assert run(db, "catalog", "list", capsys=capsys)[0] == 0  # the key is back in the keyring
