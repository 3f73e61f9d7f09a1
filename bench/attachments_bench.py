#!/usr/bin/env python3
"""Benchmarks of attachments (issue 13). Figures go to docs/benchmarks.md.

    python3 bench/attachments_bench.py attach [--pages 10] [--repeat 5]
    python3 bench/attachments_bench.py sync [--mb 100] [--backend sqlite|postgresql URL]

``attach``: image files of scanned pages → the stored PDF (build, compress,
hash, durable write, record), as the counter does it; 200-dpi grayscale PNG
(what a document scanner writes) and 300-dpi JPEG (a phone or a camera).

``sync``: a device uploads ``--mb`` MB of attachments (files of ~2 MB) to a
real server process on loopback, in 1 MB chunks, and the same bytes are then
POSTed in one bare HTTP request to a sink on the same stack (uvicorn +
Starlette, body read and dropped) in the same run: the ratio of the two
throughputs is the figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scan_pages import write_pages  # noqa: E402

FILE_KEYRING = "hcc_desktop.services.sync.credentials.EncryptedFileKeyring"


def bench_attach(pages: int, repeat: int) -> None:
    from hcc_desktop.services import open_services
    from tests.conftest import birth_draft

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HCC_DESKTOP_HOME"] = str(Path(tmp) / "home")
        services = open_services(Path(tmp) / "hcc.db")
        services.accounts.create_first_admin(
            user_name="bench", password="bench-password", full_name="Trần Thị Bình"
        )
        for label, dpi, fmt in (("png-200dpi", 200, "PNG"), ("jpeg-300dpi", 300, "JPEG")):
            files = write_pages(Path(tmp) / label, pages, dpi=dpi, fmt=fmt)
            times, sizes = [], []
            for _ in range(repeat):
                d = services.intake.accept(birth_draft())
                start = time.perf_counter()
                info = services.attachments.attach(
                    dossier=d.code, component="1.001193-02", sources=files
                )
                times.append(time.perf_counter() - start)
                sizes.append(info.size)
            print(
                json.dumps(
                    {
                        "benchmark": f"attach-{pages}-pages-{label}",
                        "median_s": round(statistics.median(times), 3),
                        "max_s": round(max(times), 3),
                        "pdf_kb_per_page": round(statistics.median(sizes) / pages / 1024, 1),
                        "repeat": repeat,
                    }
                )
            )
        services.close()


SINK = """
import sys, uvicorn
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
async def sink(request):
    n = 0
    async for part in request.stream():
        n += len(part)
    return JSONResponse({"received": n})
app = Starlette(routes=[Route("/sink", sink, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def bench_sync(megabytes: int, database_url: str | None) -> None:
    import httpx

    from hcc_desktop.db.models import AttachmentRow
    from hcc_desktop.server.db import ServerDatabase
    from hcc_desktop.server.store import SyncStore
    from hcc_desktop.services import open_services
    from hcc_desktop.services.attachments.transfer import AttachmentSync
    from tests.conftest import birth_draft

    tmp = Path(tempfile.mkdtemp(prefix="hcc-att-bench-"))
    os.environ["HCC_DESKTOP_HOME"] = str(tmp / "home")
    os.environ["PYTHON_KEYRING_BACKEND"] = FILE_KEYRING
    url = database_url or f"sqlite:///{tmp / 'server.db'}"
    db = ServerDatabase(url)
    db.upgrade()
    store = SyncStore(db)
    port, sink_port = _free_port(), _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "hcc_desktop.server.cli", "serve", "--database", url,
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(sink_port)], cwd=ROOT)
    try:
        _wait(f"http://127.0.0.1:{port}/api/v1/health")
        _wait(f"http://127.0.0.1:{sink_port}/sink")
        services = open_services(tmp / "hcc.db")
        services.accounts.create_first_admin(
            user_name="bench", password="bench-password", full_name="Trần Thị Bình"
        )
        unit = "000.17.22.H56"
        code = store.enrol(unit, unit_name="Phường thử", valid_for=timedelta(days=1)).code
        services.sync.register(f"http://127.0.0.1:{port}", code, device_name="bench")
        d = services.intake.accept(birth_draft())
        services.sync.sync()
        file_size = 2 * 1024 * 1024
        total = 0
        blobs: list[bytes] = []
        device_id = services.settings.load().device_id
        with services.db.write() as s:
            while total < megabytes * 1024 * 1024:
                data = os.urandom(file_size)
                sha = services.attachments.files.put(data)
                blobs.append(data)
                s.add(
                    AttachmentRow(
                        id=str(uuid.uuid4()), dossier_id=d.id, component_row_id=None,
                        kind="result", name="bench", owner_id_number="079203001234",
                        sha256=sha, size=len(data), pages=1, device_id=device_id,
                        created_at=datetime.now(UTC),
                    )
                )  # fmt: skip
                total += len(data)
        files = AttachmentSync(services.attachments, services.sync)
        start, cpu = time.perf_counter(), time.process_time()
        result = files.push()
        ours = time.perf_counter() - start
        client_cpu = time.process_time() - cpu
        assert result.uploaded_bytes == total, result
        payload = b"".join(blobs)
        start = time.perf_counter()
        with httpx.Client(timeout=600) as client:
            r = client.post(f"http://127.0.0.1:{sink_port}/sink", content=payload)
        bare = time.perf_counter() - start
        assert r.json()["received"] == total
        mb = total / 1024 / 1024
        print(
            json.dumps(
                {
                    "benchmark": "attachments-sync-loopback",
                    "backend": db.dialect,
                    "megabytes": round(mb),
                    "attachments_s": round(ours, 2),
                    "attachments_mb_s": round(mb / ours, 1),
                    "bare_http_s": round(bare, 2),
                    "bare_http_mb_s": round(mb / bare, 1),
                    "ratio": round(bare / ours, 2),
                    "device_cpu_s": round(client_cpu, 2),
                }
            )
        )
        services.close()
    finally:
        server.terminate()
        sink.terminate()
        server.wait(10)
        sink.wait(10)
        db.dispose()
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    a = sub.add_parser("attach")
    a.add_argument("--pages", type=int, default=10)
    a.add_argument("--repeat", type=int, default=5)
    s = sub.add_parser("sync")
    s.add_argument("--mb", type=int, default=100)
    s.add_argument("--database", help="server database URL (default: a temporary SQLite file)")
    s.add_argument(
        "--postgresql", action="store_true", help="a throw-away durable PostgreSQL cluster"
    )
    args = p.parse_args()
    if args.what == "attach":
        bench_attach(args.pages, args.repeat)
    elif args.postgresql:
        from tests.integration.conftest import PgCluster, find_pg_bin

        bindir = find_pg_bin()
        if bindir is None:
            raise SystemExit("no PostgreSQL binaries (initdb, pg_ctl) found")
        cluster = PgCluster(bindir, durable=True)
        cluster.start()
        try:
            bench_sync(args.mb, cluster.create_database())
        finally:
            cluster.stop()
    else:
        bench_sync(args.mb, args.database)


if __name__ == "__main__":
    main()
