"""``calendar``: the editable table of extra days off and make-up working days.

A day no document supports (or that only the ``holidays`` package adds beyond the Labour
Code 2019, such as Ngày Văn hóa Việt Nam) is listed as "to confirm": the app applies it
and says so until an administrator confirms or removes it.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from hcc_desktop.cli.common import CliError, print_json
from hcc_desktop.core.domain import CalendarOverride
from hcc_desktop.services import Services

_KINDS = {"off": "nghỉ", "work": "làm bù"}
_STATUSES = {"confirmed": "đã xác nhận", "to_confirm": "CHƯA XÁC NHẬN"}


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{what}: cần dạng 'YYYY-MM-DD', nhận được {value!r}") from None


def override_json(o: CalendarOverride) -> dict[str, Any]:
    return {
        "date": o.day.isoformat(),
        "kind": o.kind,
        "note": o.note,
        "status": o.status,
        "source": o.source,
    }


def _line(o: CalendarOverride) -> str:
    parts = [o.day.isoformat(), _KINDS.get(o.kind, o.kind), _STATUSES.get(o.status, o.status)]
    parts.append(o.note or "—")
    parts.append(o.source or "—")
    return "\t".join(parts)


def cmd_calendar(services: Services, args: argparse.Namespace) -> int:
    settings = services.settings
    if args.calendar_command == "list":
        overrides = settings.calendar_overrides()
        if args.to_confirm:
            overrides = [o for o in overrides if o.to_confirm]
        if args.json:
            print_json([override_json(o) for o in overrides])
        else:
            for o in overrides:
                print(_line(o))
    elif args.calendar_command == "confirm":
        o = settings.confirm_calendar_day(_day(args.day, "day"), source=args.source or "")
        print(_line(o))
    elif args.calendar_command == "remove":
        o = settings.remove_calendar_day(_day(args.day, "day"))
        print(f"đã bỏ {o.day.isoformat()} ({_KINDS.get(o.kind, o.kind)}) khỏi bảng lịch")
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "calendar", help="extra days off and make-up working days (confirm or remove)"
    )
    csub = p.add_subparsers(dest="calendar_command", required=True)
    c = csub.add_parser("list", help="the table, with each day's status and source")
    c.add_argument("--to-confirm", action="store_true", help="only the days still to confirm")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("confirm", help="confirm a day marked 'to confirm'")
    c.add_argument("day", help="YYYY-MM-DD")
    c.add_argument("--source", help="the document: number and date")
    c = csub.add_parser("remove", help="take a day out of the table")
    c.add_argument("day", help="YYYY-MM-DD")
    p.set_defaults(func=cmd_calendar)
