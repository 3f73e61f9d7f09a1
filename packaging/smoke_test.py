#!/usr/bin/env python3
"""Smoke test of the one-folder bundle (dist/hcc-desktop), from the bundle only.

    python3 packaging/smoke_test.py [--bundle dist/hcc-desktop] [--startup-runs N]

Runs every program from the bundle in a temporary directory with PYTHONPATH
unset and HCC_DESKTOP_HOME pointing into that directory, so nothing of the
source tree or the developer's data can be used: the CLI's ``--version``,
``init``, ``demo``, ``intake`` with a receipt (fonts embedded), ``book`` to
.xlsx, ``report export`` (when the bundle has it), the upgrade of an older
release's database (with its backup copy), the GUI with
``--quit-after-show -platform offscreen``, and the central server (``serve`` on
127.0.0.1, ``server enrol``, then this device's ``device register`` and
``sync``). With ``--startup-runs N`` it also times the GUI's start-up from the
bundle against ``python main.py`` from the source tree, side by side.

Needs pypdf and openpyxl in the Python running it (the dev venv has them) to read
the outputs back; the bundle itself needs nothing from outside.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
UNIT = "000.17.22.H56"

INTAKE = {
    "procedure": "1.001193",
    "applicant": {
        "full_name": "Nguyễn Thị Ánh Tuyết",
        "id_number": "052303001234",
        "date_of_birth": "2003-03-15",
        "phone": "0912345678",
        "address": "Số 12 đường Quang Trung, khu phố 5, phường Hoài Nhơn Bắc",
    },
    "components": [
        {"id": "1.001193-01", "form": "original", "count": 1},
        {"id": "1.001193-02", "form": "original", "count": 1},
    ],
    "channel": "counter",
    "received_at": "2026-11-20 14:20",
}


class SmokeFailure(Exception):
    pass


class Bundle:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.cli_exe = folder / f"hcc-desktop-cli{EXE_SUFFIX}"
        self.gui_exe = folder / f"hcc-desktop{EXE_SUFFIX}"
        self.work = work
        self.db = work / "device.db"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(HCC_DESKTOP_HOME=str(work / "home"), HCC_LANG="vi")
        # The CLI and the GUI log in as the first administrator (issue 12).
        env.update(HCC_USER="binh", HCC_PASSWORD="smoke-test-password")
        env.pop("QT_QPA_PLATFORM", None)  # the GUI is told -platform offscreen itself
        self.env = env

    def run(self, *args: str, timeout: float = 300, db: bool = True) -> str:
        cmd = [str(self.cli_exe), *(["--db", str(self.db)] if db else []), *args]
        started = time.monotonic()
        done = subprocess.run(
            cmd, cwd=self.work, env=self.env, capture_output=True, timeout=timeout, check=False
        )
        took = time.monotonic() - started
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        print(f"  {' '.join(args[:3])}: exit {done.returncode} in {took:.1f} s", flush=True)
        if done.returncode != 0:
            raise SmokeFailure(f"{' '.join(cmd)} -> {done.returncode}\n{out}\n{err}")
        return out


def check_fonts_embedded(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    names: list[str] = []
    for page in PdfReader(pdf).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            name = str(font.get("/BaseFont"))
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if not embedded:
                raise SmokeFailure(f"{pdf.name}: font {name} is not embedded")
            names.append(name)
    if not names:
        raise SmokeFailure(f"{pdf.name}: no fonts")
    return sorted(set(names))


def pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=2) as response:
        data: dict[str, object] = json.loads(response.read())
        return data


def smoke_cli(b: Bundle) -> None:
    version = b.run("--version", db=False).strip()
    if not version.startswith("HCC Desktop "):
        raise SmokeFailure(f"--version printed {version!r}")
    print(f"  version: {version}")
    b.run("init", "--unit-code", UNIT, "--admin-user", "binh", "--full-name", "Trần Thị Bình")
    b.run("demo", "--dossiers", "120", "--months", "2")

    intake = b.work / "intake.json"
    intake.write_text(json.dumps(INTAKE, ensure_ascii=False), "utf-8")
    receipt = b.work / "receipt.pdf"
    dossier = json.loads(b.run("intake", str(intake), "--receipt", str(receipt)))
    text = pdf_text(receipt)
    for expected in ("GIẤY TIẾP NHẬN HỒ SƠ", "Nguyễn Thị Ánh Tuyết", dossier["code"]):
        if expected not in text:
            raise SmokeFailure(f"receipt lacks {expected!r}")
    print(f"  receipt fonts (embedded): {', '.join(check_fonts_embedded(receipt))}")

    book = b.work / "book.xlsx"
    b.run("book", "--from", "2026-11-01", "--to", "2026-11-30", str(book))
    with zipfile.ZipFile(book) as z:
        if "xl/workbook.xml" not in z.namelist():
            raise SmokeFailure("book.xlsx is not a workbook")
    from openpyxl import load_workbook

    sheet = load_workbook(book, read_only=True).worksheets[0]
    cells = " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
    if "Nguyễn Thị Ánh Tuyết" not in cells:
        raise SmokeFailure("book.xlsx lacks the dossier taken in")

    if " report " in f" {b.run('--help', db=False)} ".replace(",", " ").replace("{", " "):
        period = ("--from", "2026-11-01", "--to", "2026-11-30")
        for suffix, member in ((".xlsx", "xl/workbook.xml"), (".docx", "word/document.xml")):
            report = b.work / f"report{suffix}"
            b.run("report", "export", *period, str(report))
            with zipfile.ZipFile(report) as z:
                if member not in z.namelist():
                    raise SmokeFailure(f"{report.name} lacks {member}")
        report = b.work / "report.pdf"
        b.run("report", "export", *period, str(report))
        check_fonts_embedded(report)
    else:
        print("  report export: not in this build (skipped)")


def smoke_upgrade(b: Bundle) -> None:
    """A database left by an older release (the first schema revision, made by the source
    tree's migrations) is upgraded by the bundle after a backup copy, as after an upgrade."""
    old = b.work / "old-release.db"
    make_old = (
        "import sys; from pathlib import Path; from hcc_desktop.db.migrate import upgrade; "
        "upgrade(Path(sys.argv[1]), revision='0001')"
    )
    subprocess.run([sys.executable, "-c", make_old, str(old)], cwd=ROOT, check=True)
    # A store from before officer accounts asks for its first administrator once (issue 12);
    # ``init`` on it migrates it (with its backup copy) and keeps its data.
    b.run("--db", str(old), "init", "--admin-user", "binh", db=False)
    b.run("--db", str(old), "settings", "show", db=False)
    backups = list(b.work.glob("old-release.db.*.0001.bak"))
    if len(backups) != 1:
        raise SmokeFailure(f"no backup copy before the upgrade: {sorted(b.work.iterdir())}")
    # The store is encrypted now (issue 12): read it with its key, from the bundle's
    # keyring (HCC_DESKTOP_HOME of the bundle's environment).
    read_revision = (
        "import sys; from hcc_desktop.services.encryption import connect_store; "
        "con = connect_store(sys.argv[1]); "
        "print(con.execute('SELECT version_num FROM alembic_version').fetchone()[0])"
    )
    revision = subprocess.run(
        [sys.executable, "-c", read_revision, str(old)],
        cwd=ROOT,
        env={**os.environ, "HCC_DESKTOP_HOME": b.env["HCC_DESKTOP_HOME"]},
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if revision == "0001":
        raise SmokeFailure("the old database was not upgraded")
    print(f"  upgraded 0001 -> {revision}, backup {backups[0].name}")


def run_gui(b: Bundle, exe: Sequence[str], *, cwd: Path, env: dict[str, str]) -> float:
    """Start the GUI with --quit-after-show; returns the wall-clock seconds to its exit."""
    cmd = [*exe, "--db", str(b.db), "--quit-after-show", "-platform", "offscreen"]
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, timeout=120, check=False)
    took = time.perf_counter() - started
    if done.returncode != 0:
        out = (done.stdout + done.stderr).decode("utf-8", "replace")
        raise SmokeFailure(f"{' '.join(cmd)} -> {done.returncode}\n{out}")
    return took


def run_cli(exe: Sequence[str], *, cwd: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([*exe, "--version"], cwd=cwd, env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def smoke_gui(b: Bundle) -> None:
    took = run_gui(b, [str(b.gui_exe)], cwd=b.work, env=b.env)
    print(f"  GUI --quit-after-show (offscreen): {took:.2f} s")
    # Every module of the app imports in the bundle: windows opened later (the reports
    # dashboard and its charts…) find their Qt modules and libraries too.
    report = b.work / "self-check.txt"
    env = dict(b.env, HCC_BUNDLE_SELF_CHECK=str(report), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([str(b.gui_exe)], cwd=b.work, env=env, capture_output=True, timeout=120)
    found = report.read_text("utf-8") if report.exists() else done.stderr.decode(errors="replace")
    if done.returncode != 0:
        raise SmokeFailure(f"modules that do not import in the bundle:\n{found}")
    print("  every module of the app imports in the bundle")


def smoke_server(b: Bundle) -> None:
    port = free_port()
    database = f"sqlite:///{(b.work / 'server.db').as_posix()}"
    log = (b.work / "server.log").open("wb")
    server = subprocess.Popen(
        [
            str(b.cli_exe),
            "serve",
            "--database",
            database,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        cwd=b.work,
        env=b.env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        health: dict[str, object] | None = None
        while health is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SmokeFailure("server did not start:\n" + (b.work / "server.log").read_text())
            try:
                health = get_json(f"{url}/api/v1/health")
            except OSError:
                time.sleep(0.1)  # polling a port with a deadline
        print(f"  server health: {health}")
        enrol = json.loads(
            b.run("server", "enrol", "--database", database, "--unit", UNIT, "--json", db=False)
        )
        b.run("device", "register", "--server", url, "--code", enrol["code"])
        result = json.loads(b.run("sync", "--json"))
        if not result.get("pushed"):
            raise SmokeFailure(f"the sync sent nothing: {result}")
        status = json.loads(b.run("sync", "status", "--json"))
        if status.get("pending"):
            raise SmokeFailure(f"changes left after sync: {status}")
        print(f"  sync: sent {result['pushed']}, received {result.get('pulled')}")
        devices = b.run("server", "devices", "--database", database, "--json", db=False)
        if UNIT not in devices:
            raise SmokeFailure(f"server does not list the device: {devices}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def startup_comparison(b: Bundle, runs: int) -> None:
    """Start-up to exit, bundle vs source tree, alternating runs after one warm-up each:
    the GUI with --quit-after-show (window shown, lists loaded) and the CLI's --version."""
    python = os.environ.get("HCC_SOURCE_PYTHON") or sys.executable
    cases = {
        "GUI": (run_gui_in(b), [str(b.gui_exe)], [python, str(ROOT / "main.py")]),
        "CLI": (run_cli, [str(b.cli_exe)], [python, "-m", "hcc_desktop"]),
    }
    for name, (run, bundle, source) in cases.items():
        run(bundle, cwd=b.work, env=b.env)
        run(source, cwd=ROOT, env=b.env)
        frozen, plain = [], []
        for _ in range(runs):
            frozen.append(run(bundle, cwd=b.work, env=b.env))
            plain.append(run(source, cwd=ROOT, env=b.env))
        f, p = statistics.median(frozen), statistics.median(plain)
        print(
            f"  {name} start-up to exit, median of {runs}: bundle {f:.2f} s, "
            f"source {p:.2f} s, ratio {f / p:.2f}"
        )


def run_gui_in(b: Bundle) -> Callable[..., float]:
    def run(exe: Sequence[str], *, cwd: Path, env: dict[str, str]) -> float:
        return run_gui(b, exe, cwd=cwd, env=env)

    return run


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "hcc-desktop")
    parser.add_argument("--startup-runs", type=int, default=0)
    args = parser.parse_args(argv)
    folder = args.bundle.resolve()
    if not (folder / f"hcc-desktop-cli{EXE_SUFFIX}").exists():
        print(f"no bundle in {folder}: run packaging/build.py first", file=sys.stderr)
        return 2
    print(f"bundle {folder}: {folder_size(folder) / 1e6:.0f} MB", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hcc-smoke-") as tmp:
        b = Bundle(folder, Path(tmp))
        try:
            print("CLI", flush=True)
            smoke_cli(b)
            print("upgrade of an older release's database", flush=True)
            smoke_upgrade(b)
            print("GUI", flush=True)
            smoke_gui(b)
            print("server and sync", flush=True)
            smoke_server(b)
            if args.startup_runs:
                print("start-up", flush=True)
                startup_comparison(b, args.startup_runs)
        except SmokeFailure as exc:
            print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
            return 1
    print(f"smoke test passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
