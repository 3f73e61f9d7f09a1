#!/usr/bin/env python3
"""Benchmarks of attachments (issue 13). Figures go to docs/benchmarks.md.

    python3 bench/attachments_bench.py attach [--pages 10] [--repeat 5]
    python3 bench/attachments_bench.py sync [--mb 1024] [--rounds 3] [--postgresql]
        [--database URL] [--database-store]

``attach``: image files of scanned pages → the stored PDF (build, compress,
hash, durable write, record), as the counter does it; 200-dpi grayscale PNG
(what a document scanner writes) and 300-dpi JPEG (a phone or a camera).

``sync``: a device uploads ``--mb`` MB (default 1 GB) of attachments (files
of 2 MB) to a real server process on loopback, each file streamed (checked
in 1 MB chunks), and the same bytes are POSTed in one bare HTTP request to a
sink on the same stack (uvicorn + Starlette, body read and dropped; uvicorn
parses with httptools when it is installed, as the project's dependencies
have it, else h11); ``--rounds`` rounds with new
bytes each, the two interleaved (which goes first alternates). The ratio of
the two throughputs (bare time ÷ attachments time) is the figure. The server
keeps the chunks in a folder (``serve --files``) unless ``--database-store``.
``HCC_BENCH_TMP``: where the temporary stores go (the device's and the
server's copies of the bytes: 2 × MB per round); removed at the end.
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


def _attachments(services: object, dossier_id: str, megabytes: int) -> list[bytes]:
    """``megabytes`` MB of new attachments (2 MB files of random bytes, like
    scans: not compressible) stored on the device and pending upload."""
    from hcc_desktop.db.models import AttachmentRow

    file_size = 2 * 1024 * 1024
    blobs: list[bytes] = []
    device_id = services.settings.load().device_id  # type: ignore[attr-defined]
    with services.db.write() as s:  # type: ignore[attr-defined]
        while sum(map(len, blobs)) < megabytes * 1024 * 1024:
            data = os.urandom(file_size)
            sha = services.attachments.files.put(data)  # type: ignore[attr-defined]
            blobs.append(data)
            s.add(
                AttachmentRow(
                    id=str(uuid.uuid4()), dossier_id=dossier_id, component_row_id=None,
                    kind="result", name="bench", owner_id_number="079203001234",
                    sha256=sha, size=len(data), pages=1, device_id=device_id,
                    created_at=datetime.now(UTC),
                )
            )  # fmt: skip
    return blobs


def _ours(sync: object, total: int) -> float:
    start = time.perf_counter()
    result = sync.push()  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    assert result.uploaded_bytes == total, result
    return elapsed


def _bare(url: str, blobs: list[bytes]) -> float:
    """The floor: the same bytes in one POST, streamed from the files as they
    are (Content-Length known). Not one 1 GB ``bytes`` body: httpx sends such
    a body at a tenth of the speed (15 MB/s at 400 MB, 4 MB/s at 1 GB here,
    against 140–180 MB/s streamed), which would flatter the ratio."""
    import httpx

    total = sum(map(len, blobs))
    start = time.perf_counter()
    with httpx.Client(timeout=600) as client:
        response = client.post(url, content=iter(blobs), headers={"Content-Length": str(total)})
    elapsed = time.perf_counter() - start
    assert response.json()["received"] == total
    return elapsed


def bench_sync(
    megabytes: int,
    database_url: str | None,
    rounds: int,
    files: bool,
    parallel: int = 4,
    files_ahead: int = 4,
) -> None:

    from hcc_desktop.server.db import ServerDatabase
    from hcc_desktop.server.store import SyncStore
    from hcc_desktop.services import open_services
    from hcc_desktop.services.attachments.transfer import AttachmentSync
    from tests.conftest import birth_draft

    tmp = Path(tempfile.mkdtemp(prefix="hcc-att-bench-", dir=os.environ.get("HCC_BENCH_TMP")))
    os.environ["HCC_DESKTOP_HOME"] = str(tmp / "home")
    os.environ["PYTHON_KEYRING_BACKEND"] = FILE_KEYRING
    url = database_url or f"sqlite:///{tmp / 'server.db'}"
    db = ServerDatabase(url)
    db.upgrade()
    store = SyncStore(db)
    port, sink_port = _free_port(), _free_port()
    store_args = ["--files", str(tmp / "server-files")] if files else []
    prefix = os.environ.get("HCC_BENCH_SERVER_PREFIX", "").split()
    server = subprocess.Popen(
        [*prefix, sys.executable, "-m", "hcc_desktop.server.cli", "serve", "--database", url,
           "--host", "127.0.0.1", "--port", str(port), *store_args],
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
        sync = AttachmentSync(
            services.attachments, services.sync, parallel=parallel, files_ahead=files_ahead
        )
        ratios: list[float] = []
        for r in range(rounds):
            blobs = _attachments(services, d.id, megabytes)
            total = sum(map(len, blobs))
            mb = total / 1024 / 1024

            # Interleaved: which goes first alternates from one round to the next.
            sink_url = f"http://127.0.0.1:{sink_port}/sink"
            if r % 2 == 0:
                ours_s, bare_s = _ours(sync, total), _bare(sink_url, blobs)
            else:
                bare_s, ours_s = _bare(sink_url, blobs), _ours(sync, total)
            ratios.append(bare_s / ours_s)
            print(
                json.dumps(
                    {
                        "benchmark": "attachments-sync-loopback",
                        "round": r + 1,
                        "backend": db.dialect,
                        "server_store": "files" if files else "database",
                        "megabytes": round(mb),
                        "parallel": parallel,
                        "files_ahead": files_ahead,
                        "ratio": round(bare_s / ours_s, 2),
                        "attachments_s": round(ours_s, 2),
                        "attachments_mb_s": round(mb / ours_s, 1),
                        "bare_http_s": round(bare_s, 2),
                        "bare_http_mb_s": round(mb / bare_s, 1),
                    }
                ),
                flush=True,
            )
            blobs.clear()
        print(
            json.dumps(
                {
                    "benchmark": "attachments-sync-loopback",
                    "median_ratio": round(statistics.median(ratios), 2),
                    "ratios": [round(x, 2) for x in ratios],
                }
            )
        )
        services.close()
    finally:
        if os.environ.get("HCC_BENCH_SERVER_PREFIX"):
            server.send_signal(2)  # a profiler in front writes its output on SIGINT
        else:
            server.terminate()
        sink.terminate()
        server.wait(60)
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
    s.add_argument("--mb", type=int, default=1024)
    s.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    s.add_argument("--parallel", type=int, default=4, help="chunk requests in flight")
    s.add_argument("--files-ahead", type=int, default=4, help="files uploaded side by side")
    s.add_argument(
        "--database-store",
        action="store_true",
        help="keep the chunks in the server's database (no --files folder)",
    )
    s.add_argument("--database", help="server database URL (default: a temporary SQLite file)")
    s.add_argument(
        "--postgresql", action="store_true", help="a throw-away durable PostgreSQL cluster"
    )
    args = p.parse_args()

    def run(url: str | None) -> None:
        store = not args.database_store
        bench_sync(args.mb, url, args.rounds, store, args.parallel, args.files_ahead)

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
            bench_sync(
                args.mb,
                cluster.create_database(),
                args.rounds,
                not args.database_store,
                args.parallel,
                args.files_ahead,
            )
        finally:
            cluster.stop()
    else:
        bench_sync(
            args.mb,
            args.database,
            args.rounds,
            not args.database_store,
            args.parallel,
            args.files_ahead,
        )


if __name__ == "__main__":
    main()
