"""The whole-store history check (``audit verify``, the start-up banner): time and peak memory.

Each measurement runs in a fresh child process (peak RSS is the child's own
``ru_maxrss``, the store opened and migrated first and not counted in the time).
``--base DIR`` runs the same measurement on another checkout's ``hcc_desktop``
(e.g. ``git archive <commit> hcc_desktop | tar -x -C DIR``) for a before/after on
the same machine in the same run. The store is copied first (a migration may run).

    .venv/bin/python bench/audit_bench.py --store STORE.db [--base DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(store: Path, batch: int | None, profile: str | None) -> None:
    from hcc_desktop.services import open_services
    from hcc_desktop.services.audit import verify_store

    svc = open_services(store)
    device_id = svc.settings.load().device_id
    kwargs = {"batch_size": batch} if batch else {}
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu = time.process_time()
    started = time.perf_counter()
    if profile:
        import cProfile

        cProfile.runctx(
            "found = verify_store(svc.db, device_id, **kwargs)", globals(), locals(), profile
        )
        found: list[object] = []
    else:
        found = verify_store(svc.db, device_id, **kwargs)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "cpu_s": round(cpu, 2),
                "peak_rss_mib": round(peak / 1024, 1),
                "rss_before_mib": round(before / 1024, 1),
                "findings": len(found),
            }
        )
    )


def measure(store: Path, base: Path | None, batch: int | None) -> dict[str, float]:
    env = dict(os.environ)
    if base is not None:
        env["PYTHONPATH"] = str(base)
    argv = [sys.executable, __file__, "--child", str(store)]
    if batch:
        argv += ["--batch", str(batch)]
    out = subprocess.run(argv, env=env, check=True, capture_output=True, text=True, cwd=base)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path)
    parser.add_argument("--base", type=Path, help="a checkout's root holding hcc_desktop/")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch", type=int)
    parser.add_argument("--child", type=Path)
    parser.add_argument("--profile", help="cProfile output (child only)")
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.batch, args.profile)
        return
    with tempfile.TemporaryDirectory() as tmp:
        from hcc_desktop.services.encryption.keys import load_store_key, save_store_key

        store = Path(tmp) / "audit.db"
        shutil.copyfile(args.store, store)
        key = load_store_key(args.store)
        if key is not None:
            save_store_key(store, key)
        measure(store, None, args.batch)  # migrates the copy once, warms the file cache
        sides = {"after": None, "before": args.base} if args.base else {"after": None}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
        for _ in range(args.repeat):
            for name, base in sides.items():  # interleaved: load hits both sides alike
                runs[name].append(measure(store, base, args.batch))
        for name, results in runs.items():
            print(
                json.dumps(
                    {
                        "side": name,
                        "store": args.store.name,
                        "median_s": statistics.median(r["seconds"] for r in results),
                        "median_cpu_s": statistics.median(r["cpu_s"] for r in results),
                        "peak_rss_mib": max(r["peak_rss_mib"] for r in results),
                        "rss_before_mib": max(r["rss_before_mib"] for r in results),
                        "findings": results[0]["findings"],
                        "n": len(results),
                    }
                )
            )


if __name__ == "__main__":
    main()
