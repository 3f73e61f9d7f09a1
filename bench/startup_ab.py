#!/usr/bin/env python3
"""The start-up of two trees of the code, interleaved: before against after.

    git archive COMMIT | tar -x -C /tmp/before
    .venv/bin/python bench/startup_ab.py /tmp/before [--pairs 5] [--dossiers 100000]

Runs ``main.py --quit-after-show`` of the tree given (before) and of this one (after),
alternating, on one copy of the demo store, with this venv, and prints the median of the
pairs' ratios (after / before) of the first paint, the lists (in-process and wall from
spawn) and the peak RSS at the lists, with the load average. A floor measures how far a
figure is from the bare library; this measures what a change did, in the same minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from floors import _run_child, load  # noqa: E402
from run import LOGIN_ENV, RESULTS, demo_db, machine  # noqa: E402

from hcc_desktop.services.encryption.keys import (  # noqa: E402
    encode_recovery_key,
    load_store_key,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other tree (with its main.py)")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--dossiers", type=int, default=100_000)
    args = parser.parse_args()
    db = demo_db(args.dossiers)
    key = load_store_key(db)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "startup.db"
        shutil.copyfile(db, work)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HCC_DESKTOP_HOME=tmp, **LOGIN_ENV)
        if key is not None:
            env["HCC_RECOVERY_KEY"] = encode_recovery_key(key)

        def start(tree: Path) -> dict[str, float]:
            # The tree's own package first (its main.py's folder is first on sys.path).
            cmd = [sys.executable, str(tree / "main.py"), "--db", str(work), "--quit-after-show"]
            figures, wall, rss = _run_child(cmd, dict(env, PYTHONPATH=str(tree)), "lists")
            return {"shown": figures["shown"], "lists": figures["lists"], "wall": wall,
                    "rss": rss}  # fmt: skip

        before, after = args.before.resolve(), ROOT
        start(before)  # the OS file cache warmed for both
        start(after)
        loads = [load()]
        runs: dict[Path, list[dict[str, float]]] = {before: [], after: []}
        for i in range(args.pairs):
            for tree in (before, after) if i % 2 == 0 else (after, before):
                runs[tree].append(start(tree))
            loads.append(load())
    result: dict[str, object] = {"benchmark": f"startup_ab_{args.dossiers}"}
    for k in ("shown", "lists", "wall", "rss"):
        ratios = [a[k] / b[k] for a, b in zip(runs[after], runs[before], strict=True)]
        result[k] = {
            "ratio": round(statistics.median(ratios), 2),
            "ratios": [round(r, 2) for r in ratios],
            "after_median": round(statistics.median(r[k] for r in runs[after]), 1),
            "before_median": round(statistics.median(r[k] for r in runs[before]), 1),
        }
    result.update(pairs=args.pairs, before=str(before), load_average_1_5_15=loads)
    print(json.dumps(result, ensure_ascii=False), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"startup_ab_{args.dossiers}-{stamp}.json").write_text(
        json.dumps({**result, "machine": machine()}, ensure_ascii=False, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
