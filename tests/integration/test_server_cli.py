"""Server administration commands and the server's own migrations."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from hcc_desktop.db.migrate import upgrade as upgrade_device_database
from hcc_desktop.server import cli
from hcc_desktop.server.cli import add_commands, main
from hcc_desktop.server.db import SCHEMA_HEAD, ServerDatabase, head_revision
from hcc_desktop.server.models import Base
from hcc_desktop.server.store import UNIT_CODE, SyncStore
from hcc_desktop.services.settings import UNIT_CODE as DEVICE_UNIT_CODE

from .conftest import ROOT, PgCluster, new_unit_code


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server' / 'sync.db'}"


def test_every_command_is_standalone() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    add_commands(sub)
    leaves = [
        ["serve"],
        ["server", "enrol", "--unit", "X"],
        ["server", "revoke", "d"],
        ["server", "devices"],
        ["server", "import-bundle", "f"],
        ["server", "publish"],
    ]
    for argv in leaves:
        args = parser.parse_args(argv)
        assert args.standalone is True
        assert callable(args.func)


def test_enrol_devices_and_revoke(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    unit = new_unit_code()
    code, out, err = run(capsys, "server", "enrol", "--database", sqlite_url, "--unit", unit)
    assert code == 0
    enrolment = out.strip()
    assert len(enrolment) == 19  # XXXX-XXXX-XXXX-XXXX
    assert unit in err

    code, out, _ = run(
        capsys, "server", "enrol", "--database", sqlite_url, "--unit", unit,
        "--unit-name", "Phường Hoài Nhơn Bắc", "--valid-days", "2", "--json",
    )  # fmt: skip
    assert code == 0
    ticket = json.loads(out)
    assert ticket["unit_code"] == unit
    assert set(ticket) == {"code", "unit_code", "expires_at"}

    db = ServerDatabase(sqlite_url)
    try:
        registration = SyncStore(db).register(enrolment, "laptop-1", "Laptop thứ Bảy")
    finally:
        db.dispose()
    assert registration.device_slot == 0

    code, out, _ = run(capsys, "server", "devices", "--database", sqlite_url, "--json")
    assert code == 0
    (device,) = json.loads(out)
    assert device["device_id"] == "laptop-1"
    assert device["name"] == "Laptop thứ Bảy"
    assert device["status"] == "active"
    assert device["unit_code"] == unit

    code, out, _ = run(capsys, "server", "revoke", "--database", sqlite_url, "laptop-1")
    assert code == 0
    assert "revoked laptop-1" in out
    code, out, _ = run(capsys, "server", "devices", "--database", sqlite_url)
    assert code == 0
    assert "revoked" in out
    assert "laptop-1" in out

    code, _, err = run(capsys, "server", "revoke", "--database", sqlite_url, "nobody")
    assert code == 1
    assert "device_not_found" in err


def test_invalid_input_exits_2(
    capsys: pytest.CaptureFixture[str], sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "server", "enrol", "--database", sqlite_url, "--unit", "bad unit!")
    assert code == 2
    assert "unit_code" in err
    code, _, err = run(
        capsys, "server", "enrol", "--database", sqlite_url, "--unit", "U1", "--valid-days", "0"
    )
    assert code == 2
    monkeypatch.delenv(cli.DATABASE_ENV, raising=False)
    code, _, err = run(capsys, "server", "devices")
    assert code == 2
    assert "--database" in err
    # The environment variable stands in for --database.
    monkeypatch.setenv(cli.DATABASE_ENV, sqlite_url)
    assert run(capsys, "server", "devices")[0] == 0


def test_database_problems_are_reported_not_raised(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "server", "devices", "--database", "mysql://u@h/db")
    assert code == 1
    assert "database_url_invalid" in err
    # Nobody listens on port 1.
    url = "postgresql://hcc@127.0.0.1:1/hcc"
    code, _, err = run(capsys, "server", "devices", "--database", url)
    assert code == 1
    assert "database_unavailable" in err
    assert "Traceback" not in err
    # A device's database is not a server's: refused, left as it was.
    device_db = tmp_path / "hcc.db"
    upgrade_device_database(device_db)
    before = device_db.read_bytes()
    code, _, err = run(capsys, "server", "devices", "--database", f"sqlite:///{device_db}")
    assert code == 1
    assert "migration_failed" in err
    assert device_db.read_bytes() == before


def test_serve_checks_its_tls_files(capsys: pytest.CaptureFixture[str], sqlite_url: str) -> None:
    code, _, err = run(capsys, "serve", "--database", sqlite_url, "--cert", "cert.pem")
    assert code == 2
    assert "--cert and --key go together" in err
    missing = ("--cert", "/nonexistent/cert.pem", "--key", "/nonexistent/key.pem")
    code, _, err = run(capsys, "serve", "--database", sqlite_url, *missing)
    assert code == 2
    assert "/nonexistent/cert.pem" in err


def test_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hcc_desktop.server.cli", "server", "enrol", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "--unit" in result.stdout


def test_the_unit_code_rule_is_the_devices() -> None:
    assert UNIT_CODE.pattern == DEVICE_UNIT_CODE.pattern


# --- migrations ---------------------------------------------------------------------------


def test_schema_head_is_alembics_head() -> None:
    assert head_revision() == SCHEMA_HEAD


def _schema_differences(url: str) -> list[Any]:
    db = ServerDatabase(url)
    try:
        with db.write_engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        db.dispose()
    # SQLite's revision counter is managed in SQL (PostgreSQL has a SEQUENCE).
    return [
        d for d in differences if not (d[0] == "remove_table" and d[1].name == "revision_counter")
    ]


def test_migrations_build_the_models_schema_on_sqlite(
    capsys: pytest.CaptureFixture[str], sqlite_url: str
) -> None:
    assert run(capsys, "server", "devices", "--database", sqlite_url)[0] == 0
    assert _schema_differences(sqlite_url) == []


def test_migrations_run_on_an_empty_postgresql_database(
    capsys: pytest.CaptureFixture[str], pg_cluster: PgCluster
) -> None:
    url = pg_cluster.create_database(migrated=False)
    db = ServerDatabase(url)
    try:
        with db.write_engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        db.dispose()
    code, out, _ = run(capsys, "server", "devices", "--database", url, "--json")
    assert code == 0
    assert json.loads(out) == []
    assert _schema_differences(url) == []
    # Applied once: a second opening finds the head and does nothing.
    db = ServerDatabase(url)
    try:
        assert db.upgrade() == SCHEMA_HEAD
    finally:
        db.dispose()
