"""Report commands: ``report`` (Biểu II.06a and the rates), ``report export``
(.xlsx, .pdf, .docx) and ``index766`` (the Decision 766 estimate).

The period is ``--from D --to D`` (YYYY-MM-DD, both inclusive) or
``--preset week|month|quarter|half|year [--date D]`` (the preset period that
contains D, today by default).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from hcc_desktop.cli.common import CliError, print_json
from hcc_desktop.core.index766 import Index766, percent
from hcc_desktop.core.periods import Period, Preset, period_label, preset_period
from hcc_desktop.core.reports import PeriodicReport
from hcc_desktop.services import Services
from hcc_desktop.services.reports.service import NO_FIELD


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{what}: expected 'YYYY-MM-DD', got {value!r}") from None


def period_of(args: argparse.Namespace) -> tuple[Period, str]:
    """The period of the command line and its Vietnamese name."""
    if args.preset:
        if args.date_from or args.date_to:
            raise CliError("--preset cannot be combined with --from/--to")
        day = _day(args.date, "--date") if args.date else date.today()
        p = preset_period(args.preset, day)
        return p, period_label(p, args.preset)
    if not (args.date_from and args.date_to):
        raise CliError("give --from and --to, or --preset")
    start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if end < start:
        raise CliError("--to is before --from")
    p = Period(start, end)
    return p, period_label(p)


def _period_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", help="last day (inclusive), YYYY-MM-DD")
    p.add_argument("--preset", choices=[x.value for x in Preset])
    p.add_argument("--date", help="a day inside the preset period (default today)")


def details_json(services: Services, period: Period) -> dict[str, Any]:
    """The dossier codes behind every figure of the total and of each field."""
    found = services.reports.all_details(period, dimension="field")
    return {
        "total": {k: list(v) for k, v in found.pop(None, {}).items()},
        "rows": {
            (key or NO_FIELD): {k: list(v) for k, v in block.items()}
            for key, block in sorted(found.items(), key=lambda kv: kv[0] or "")
        },
    }


def cmd_report(services: Services, args: argparse.Namespace) -> int:
    if getattr(args, "report_command", None) == "export":
        return cmd_export(services, args)
    period, _label = period_of(args)
    rep = services.reports.periodic(period)
    if args.json or args.details:
        data = rep.to_json()
        if args.details:
            data["details"] = details_json(services, period)
        print_json(data)
        return 0
    _print_table(rep)
    return 0


def _print_table(rep: PeriodicReport) -> None:
    heads = (
        "Lĩnh vực",
        "(3)",
        "(4)",
        "(5)",
        "(6)",
        "(7)",
        "(8)",
        "(9)",
        "(10)",
        "(11)",
        "(12)",
        "(13)",
    )
    print(f"Biểu II.06a: {rep.start} → {rep.end}")
    print(f"{heads[0]:<40}" + "".join(f"{h:>7}" for h in heads[1:]))
    for r in (*rep.rows, rep.total.row):
        print(f"{r.field[:40]:<40}" + "".join(f"{v:>7}" for v in r.columns()))
    for name, rate in rep.rates.items():
        shown = (
            f"{rate.rate:.2f}" if name == "processing_days" and rate.rate else percent(rate.rate)
        )
        print(f"  {name:<16} {shown:>8}  ({rate.num:g}/{rate.den})")


def cmd_export(services: Services, args: argparse.Namespace) -> int:
    period, label = period_of(args)
    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".pdf", ".docx"):
        raise CliError("report export: the file must end in .xlsx, .pdf or .docx")
    services.reports.export(period, out, label=label)
    print(f"written {out}", file=sys.stderr)
    return 0


def _print_index(index: Index766) -> None:
    for g in index.groups:
        print(f"{g.name:<40} {g.points:6.2f} / {g.max:g}")
        for i in g.indicators:
            pts = "n/a" if i.points is None else f"{i.points:.2f}"
            print(f"   {i.name[:60]:<60} {percent(i.rate):>8} {pts:>6} / {i.max:g}")
            if i.lack_text:
                print(f"      {i.lack_text}")
    print(f"{'Tổng':<40} {index.total:6.2f} / {index.max:g}")


def cmd_index766(services: Services, args: argparse.Namespace) -> int:
    period, _label = period_of(args)
    index = services.reports.index766(period)
    if args.json:
        print_json(index.to_json())
    else:
        _print_index(index)
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("report", help="Biểu II.06a and the rates of a period (export: files)")
    _period_options(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--details", action="store_true", help="with the dossiers behind each figure")
    rsub = p.add_subparsers(dest="report_command")
    e = rsub.add_parser("export", help="write the report as .xlsx, .pdf (06a) or .docx (draft)")
    _period_options(e)
    e.add_argument("out", help="OUT.xlsx | OUT.pdf | OUT.docx")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("index766", help="Decision 766 estimate of a period")
    _period_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_index766)
