"""Entry point of the frozen desktop program (hcc-desktop[.exe]).

HCC_BUNDLE_SELF_CHECK=FILE makes it import every module of the app instead of
starting, write the failures to FILE and exit 1 if there are any: the smoke test
uses it to prove that no Qt module or library a window needs was pruned.
"""

import os

report = os.environ.get("HCC_BUNDLE_SELF_CHECK")
if report:
    import importlib
    import pkgutil

    import hcc_desktop

    failed = []
    for module in pkgutil.walk_packages(hcc_desktop.__path__, "hcc_desktop."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue  # loaded by Alembic as files / would run the command line
        try:
            importlib.import_module(module.name)
        except Exception as exc:
            failed.append(f"{module.name}: {exc!r}")
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(failed) or "ok")
    raise SystemExit(1 if failed else 0)

from hcc_desktop.ui.app import run  # noqa: E402

raise SystemExit(run())
