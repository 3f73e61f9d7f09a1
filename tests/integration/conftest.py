"""Integration fixtures of the sync server: a throw-away PostgreSQL cluster, real
server processes on 127.0.0.1, and helpers that talk to them over HTTP.

One PostgreSQL cluster per session (initdb + pg_ctl); one database per test
module (copied from a migrated template) with one server process on it, per
backend; tests of a module keep apart by using their own units. Tests that
must break or restart a server get their own database.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import count
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from hcc_desktop.server.db import ServerDatabase
from hcc_desktop.server.store import SyncStore

ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ["postgresql", "sqlite"]
SERVER_START_DEADLINE = 60.0
# httpx builds (and loads CA files into) a new SSL context per client unless given
# one: ~60 ms per client, which adds up over hundreds of short-lived clients.
DEFAULT_TLS = ssl.create_default_context()


# --- PostgreSQL -------------------------------------------------------------------------


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", str(path))) or (0,)


def find_pg_bin() -> Path | None:
    """A directory holding initdb and pg_ctl: $HCC_PG_BIN, PATH, then the distributions'
    usual places (Debian/Ubuntu keep them off PATH in /usr/lib/postgresql/N/bin)."""
    candidates: list[Path] = []
    if os.environ.get("HCC_PG_BIN"):
        candidates.append(Path(os.environ["HCC_PG_BIN"]))
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(Path(found).resolve().parent)
    for pattern in (
        "usr/lib/postgresql/*/bin",
        "usr/pgsql-*/bin",
        "opt/homebrew/opt/postgresql@*/bin",
    ):
        candidates += sorted(Path("/").glob(pattern), key=_version_key, reverse=True)
    candidates += [Path("/usr/local/pgsql/bin"), Path("/usr/local/bin"), Path("/usr/bin")]
    for directory in candidates:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    return None


def _os_user() -> str | None:
    """initdb refuses to run as root: as root, run the cluster as an unprivileged user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    SUPERUSER = "hcc"
    TEMPLATE = "hcc_server_template"

    def __init__(self, bindir: Path, *, durable: bool = False) -> None:
        self.bindir = bindir
        # Tests trade durability for speed; benchmarks measure a real set-up.
        self.durable = durable
        self.os_user = _os_user()
        # Short path under /tmp: the unix socket path must stay under ~100 bytes,
        # and the unprivileged user must be able to reach it.
        self.base = Path(tempfile.mkdtemp(prefix="hcc-pg-", dir="/tmp"))
        self.data = self.base / "data"
        self.log = self.base / "postgres.log"
        self.port = 0
        self._names = count(1)
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update(LC_ALL="C", LANG="C")
        kwargs: dict[str, Any] = {}
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.base)
        return subprocess.run(
            list(args),
            cwd=self.base,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            **kwargs,
        )

    def _check(self, result: subprocess.CompletedProcess[str], what: str) -> None:
        if result.returncode != 0:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            raise RuntimeError(
                f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}\n{log}"
            )

    def start(self) -> None:
        self._check(
            self._run(
                str(self.bindir / "initdb"),
                "-D", str(self.data),
                "-U", self.SUPERUSER,
                "--auth=trust",
                "-E", "UTF8",
                "--locale=C",
                "--no-sync",
            ),
            "initdb",
        )  # fmt: skip
        for attempt in range(3):
            self.port = free_port()
            options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1"
            if not self.durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            result = self._run(
                str(self.bindir / "pg_ctl"),
                "-D", str(self.data),
                "-l", str(self.log),
                "-w", "-t", "60",
                "-o", options,
                "start",
            )  # fmt: skip
            if result.returncode == 0:
                break
            if attempt == 2:
                self._check(result, "pg_ctl start")
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {self.TEMPLATE}")
        db = ServerDatabase(self.url(self.TEMPLATE))
        try:
            db.upgrade()
        finally:
            db.dispose()

    def stop(self) -> None:
        if self.port:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.base, ignore_errors=True)

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def connect(self, dbname: str) -> psycopg.Connection[Any]:
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=self.SUPERUSER, dbname=dbname, autocommit=True
        )

    def create_database(self, *, migrated: bool = True) -> str:
        """A new database: a copy of the migrated template, or empty (from template0)."""
        name = f"hcc_t{next(self._names)}"
        template = self.TEMPLATE if migrated else "template0"
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return self.url(name)


_PG_BIN = find_pg_bin()


def pytest_report_header(config: pytest.Config) -> list[str]:
    if _PG_BIN is None:
        return [
            "!" * 78,
            "PostgreSQL: NO initdb/pg_ctl FOUND (PATH, /usr/lib/postgresql/*/bin, $HCC_PG_BIN)",
            "            every PostgreSQL variant of the sync server tests will be SKIPPED",
            "!" * 78,
        ]
    user = _os_user()
    return [f"PostgreSQL: {_PG_BIN}" + (f" (run as OS user {user!r})" if user else "")]


@pytest.fixture(scope="session")
def pg_cluster(request: pytest.FixtureRequest) -> Iterator[PgCluster]:
    if _PG_BIN is None:
        message = (
            "PostgreSQL binaries (initdb, pg_ctl) not found on PATH, in /usr/lib/postgresql/*/bin "
            "or $HCC_PG_BIN: the PostgreSQL variants of the sync server tests are SKIPPED"
        )
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("")
            reporter.write_line(f"!!! {message} !!!", red=True, bold=True)
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    cluster = PgCluster(_PG_BIN)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def _new_database(request: pytest.FixtureRequest, backend: str, directory: Path) -> str:
    if backend == "postgresql":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        return cluster.create_database()
    return f"sqlite:///{directory / 'server.db'}"


# --- server processes ---------------------------------------------------------------------

# The shared servers take hundreds of registrations and deliberate failures a
# minute from 127.0.0.1; the rate limits have tests with servers of their own.
NO_RATE_LIMITS = ("--failure-limit", "0", "--registration-limit", "0")


class ServerProcess:
    """``python -m hcc_desktop.server.cli serve`` on a free port of 127.0.0.1."""

    def __init__(
        self,
        database_url: str,
        log_path: Path,
        *,
        cert: Path | None = None,
        key: Path | None = None,
        ca: Any = None,
        extra_args: tuple[str, ...] = NO_RATE_LIMITS,
    ) -> None:
        self.database_url = database_url
        self.extra_args = extra_args
        self.log_path = log_path
        self.cert, self.key = cert, key
        self.verify: Any = ca if ca is not None else DEFAULT_TLS
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        # The attachments' chunk folder (``--files``); None: in the database.
        self.files: Path | None = None

    @property
    def base_url(self) -> str:
        scheme = "https" if self.cert else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def start(self) -> None:
        for _attempt in range(3):
            self.port = self.port or free_port()
            if self._launch():
                return
            self.port = 0  # taken meanwhile by someone else: try another
        raise RuntimeError(f"server did not start; log:\n{self.log_text()}")

    def _launch(self) -> bool:
        cmd = [
            sys.executable, "-m", "hcc_desktop.server.cli", "serve",
            "--database", self.database_url,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--log-level", "info",
        ]  # fmt: skip
        if self.cert and self.key:
            cmd += ["--cert", str(self.cert), "--key", str(self.key)]
        cmd += self.extra_args
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + SERVER_START_DEADLINE
        with httpx.Client(base_url=self.base_url, verify=self.verify, timeout=2) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    return False
                try:
                    if client.get("/api/v1/health").status_code == 200:
                        return True
                except httpx.TransportError:
                    pass
                time.sleep(0.05)  # polling the port with a deadline, not synchronising
        self.stop()
        raise RuntimeError(
            f"server not healthy within {SERVER_START_DEADLINE}s:\n{self.log_text()}"
        )

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.base_url, headers=headers, verify=self.verify, timeout=30)


# --- devices and data -------------------------------------------------------------------------


_units = count(1)
_codes = count(1)


def new_unit_code() -> str:
    """A unit code no other test uses (valid for the device's UNIT_CODE rule)."""
    return f"T{next(_units):03d}.{uuid.uuid4().hex[:6].upper()}"


def dossier_data(unit_code: str, *, code: str | None = None, **fields: Any) -> dict[str, Any]:
    """A dossier snapshot in wire form: the server needs only id, code and unit_code."""
    data: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "code": code or f"{unit_code}-261123-{next(_codes):04d}",
        "unit_code": unit_code,
        "status": 2,
        "owner_name": "Nguyễn Văn An",
        "received_at": "2026-11-23T09:30:00",
        "version": 1,
        "components": [],
    }
    data.update(fields)
    return data


def event_data(dossier_id: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "dossier_id": dossier_id,
        "kind": "received",
        "at": "2026-11-23T09:30:00",
        "actor": "Trần Thị Bình",
    }
    data.update(fields)
    return data


def rating_data(dossier_id: str, **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "dossier_id": dossier_id,
        "convenience": 1,
        "overall": 1,
        "comment": "Rất hài lòng",
    }
    data.update(fields)
    return data


def item(kind: str, data: dict[str, Any], base_rev: int | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": str(uuid.uuid4()), "kind": kind, "data": data}
    if kind == "dossier":
        entry["base_rev"] = base_rev
    return entry


@dataclass
class DeviceClient:
    """A registered device talking to the server over HTTP."""

    server: ServerProcess
    device_id: str
    unit_code: str
    slot: int
    token: str
    bundle_key: str
    http: httpx.Client = field(repr=False)

    def push(self, items: list[dict[str, Any]], batch_id: str | None = None) -> httpx.Response:
        body = {"batch_id": batch_id or str(uuid.uuid4()), "items": items}
        return self.http.post("/api/v1/push", json=body)

    def push_ok(self, items: list[dict[str, Any]], batch_id: str | None = None) -> dict[str, Any]:
        response = self.push(items, batch_id)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def changes(self, since: int = 0, limit: int | None = None) -> dict[str, Any]:
        params = {"since": since} | ({"limit": limit} if limit is not None else {})
        response = self.http.get("/api/v1/changes", params=params)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def pull_all(
        self, since: int = 0, limit: int | None = None
    ) -> tuple[list[dict[str, Any]], int]:
        """Pull until ``more`` is false, as a device does; returns the changes and cursor."""
        changes: list[dict[str, Any]] = []
        cursor = since
        while True:
            page = self.changes(cursor, limit)
            changes += page["changes"]
            assert page["cursor"] >= cursor
            cursor = page["cursor"]
            if not page["more"]:
                return changes, cursor


@dataclass
class Harness:
    server: ServerProcess
    store: SyncStore
    clients: list[httpx.Client] = field(default_factory=list)

    def enrol(self, unit_code: str, *, valid_for: timedelta = timedelta(days=7)) -> str:
        return self.store.enrol(unit_code, unit_name="Phường thử", valid_for=valid_for).code

    def register_raw(
        self, code: str, device_id: str, name: str = "Máy 1", *, token: str | None = None
    ) -> httpx.Response:
        with self.server.client(token) as http:
            return http.post(
                "/api/v1/devices/register",
                json={"code": code, "device_id": device_id, "device_name": name},
            )

    def device(
        self, unit_code: str, device_id: str | None = None, *, token: str | None = None
    ) -> DeviceClient:
        """A newly registered device; ``token``: the current token of ``device_id``
        (an active device registers again only with it)."""
        device_id = device_id or str(uuid.uuid4())
        response = self.register_raw(self.enrol(unit_code), device_id, token=token)
        assert response.status_code == 200, response.text
        body = response.json()
        http = self.server.client(body["token"])
        self.clients.append(http)
        return DeviceClient(
            self.server,
            device_id,
            body["unit_code"],
            body["device_slot"],
            body["token"],
            body["bundle_key"],
            http,
        )

    def close(self) -> None:
        for client in self.clients:
            client.close()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def shared_database(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> str:
    return _new_database(request, backend, tmp_path_factory.mktemp(f"server-{backend}"))


@contextlib.contextmanager
def _serve(
    database_url: str, directory: Path, files: Path | None = None
) -> Iterator[ServerProcess]:
    extra = NO_RATE_LIMITS + (("--files", str(files)) if files is not None else ())
    server = ServerProcess(database_url, directory / "server.log", extra_args=extra)
    server.files = files
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def _store(database_url: str) -> Iterator[SyncStore]:
    db = ServerDatabase(database_url)
    db.upgrade()
    try:
        yield SyncStore(db)
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def shared_server(
    shared_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    """One server per backend for the session; tests keep apart by using their own units.

    Tests that publish global documents (catalog, calendar) must not use it: every
    unit's pull would show them.
    """
    # The PostgreSQL server keeps the attachments' bytes in a folder (as a
    # province's server should), the SQLite one in its database: both stores tested.
    files = (
        tmp_path_factory.mktemp("files") / "chunks"
        if shared_database.startswith("postgresql")
        else None
    )
    with _serve(shared_database, tmp_path_factory.mktemp("log"), files) as server:
        yield server


@pytest.fixture(scope="session")
def shared_store(shared_database: str) -> Iterator[SyncStore]:
    with _store(shared_database) as store:
        yield store


@pytest.fixture
def harness(shared_server: ServerProcess, shared_store: SyncStore) -> Iterator[Harness]:
    """The shared server, with an in-process store on the same database."""
    h = Harness(shared_server, shared_store)
    yield h
    h.close()


@pytest.fixture(scope="module")
def module_database(
    request: pytest.FixtureRequest, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> str:
    """A database of the module's own (per backend)."""
    return _new_database(request, backend, tmp_path_factory.mktemp(f"module-{backend}"))


@pytest.fixture(scope="module")
def module_harness(
    module_database: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Harness]:
    """A server and store of the module's own."""
    with (
        _serve(module_database, tmp_path_factory.mktemp("log")) as server,
        _store(module_database) as store,
    ):
        h = Harness(server, store)
        yield h
        h.close()


@pytest.fixture
def fresh_database(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    """A database of its own for one test (e.g. to break it)."""
    return _new_database(request, backend, tmp_path)


@pytest.fixture
def file_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Devices keep their credentials in the encrypted-file keyring (no OS keyring here)."""
    from tests.integration.sync_support import FILE_KEYRING

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", FILE_KEYRING)


@pytest.fixture(scope="module")
def device_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, seeded device store, copied for each device of the module's tests."""
    from tests.integration.sync_support import make_device_template

    return make_device_template(tmp_path_factory.mktemp("device"))


@pytest.fixture
def fleet(
    tmp_path: Path, device_template: Path, harness: Harness, clock: Any, file_keyring: None
) -> Iterator[Any]:
    """Devices of the test's unit, enrolled on the harness's server."""
    from tests.integration.sync_support import Fleet

    f = Fleet(tmp_path, device_template, harness.enrol, clock)
    yield f
    f.close()
