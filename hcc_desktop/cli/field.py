"""Field work commands (issue 13): ``session plan|list|open|close|summary``,
``visit add|list|plan|done`` and ``qr-board``.

Human output is Vietnamese; ``--json`` gives the same data for scripts. Ids
may be shortened to their first 8 characters, as the lists print them.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from datetime import date, time
from pathlib import Path
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import CliError, parse_time, print_json
from hcc_desktop.core.errors import SyncError
from hcc_desktop.core.field import FieldSession, HomeResident, HomeVisit, SessionSummary
from hcc_desktop.core.periods import Period
from hcc_desktop.core.text import format_money
from hcc_desktop.services import Services

STATUS_VI = {
    "planned": "đã lên lịch",
    "open": "đang mở",
    "closed": "đã đóng",
    "cancelled": "đã hủy",
    "requested": "chờ lên lịch",
    "done": "đã thực hiện",
}


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{what}: ghi ngày theo dạng YYYY-MM-DD, không phải {value!r}") from None


def _clock(value: str, what: str) -> time:
    try:
        return time.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{what}: ghi giờ theo dạng HH:MM, không phải {value!r}") from None


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date | time):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, int | str):
        return value.value
    return value


def _as_json(obj: Any) -> Any:
    return _jsonable(asdict(obj))


def _session_line(x: FieldSession) -> str:
    return (
        f"{x.id[:8]}\t{x.day:%d/%m/%Y} {x.start:%H:%M}–{x.end:%H:%M}\t{x.quarter}\t"
        f"{STATUS_VI.get(x.status.value, x.status.value)}\t{x.dossier_count} hồ sơ\t"
        f"{x.place}\t{', '.join(x.officers)}"
    )


def _print_summary(sm: SessionSummary) -> None:
    ses = sm.session
    print(f"Buổi tiếp nhận {ses.quarter}, {ses.day:%d/%m/%Y} ({STATUS_VI[ses.status.value]})")
    print(f"Hồ sơ tiếp nhận: {sm.dossiers}")
    for line in sm.by_procedure:
        print(f"  {line.key}\t{line.count}\t{line.label}")
    print(f"Phí, lệ phí đã thu: {format_money(sm.fees_total)}")
    for line in sm.fees_by_method:
        print(f"  {line.label}: {line.count} hồ sơ, {format_money(line.amount)}")
    print(f"Kết quả đã trả: {sm.returns}")
    print("Đánh giá: " + "; ".join(f"{x.label}: {x.count}" for x in sm.ratings))


def _write_pdf(path: str, data: bytes, *, quiet: bool = False) -> None:
    Path(path).write_bytes(data)
    # With --json, stdout holds only the JSON document.
    print(f"đã ghi {path}", file=sys.stderr if quiet else sys.stdout)


# -- session ------------------------------------------------------------------------


def cmd_session(services: Services, args: argparse.Namespace) -> int:
    sessions = services.field.sessions
    command = args.session_command
    if command == "plan":
        x = sessions.plan(
            quarter=args.quarter,
            day=_day(args.date, "--date"),
            place=args.place or "",
            start=_clock(args.start, "--start") if args.start else None,
            end=_clock(args.end, "--end") if args.end else None,
            officers=args.officer or [],
            note=args.note or "",
        )
        if args.json:
            print_json(_as_json(x))
        else:
            print(f"đã lên lịch buổi {x.id[:8]}: {_session_line(x)}")
        return 0
    if command == "list":
        found = sessions.list(
            date_from=_day(args.date_from, "--from") if args.date_from else None,
            date_to=_day(args.date_to, "--to") if args.date_to else None,
            quarter=args.quarter or "",
        )
        if args.json:
            print_json([_as_json(x) for x in found])
        else:
            for x in found:
                print(_session_line(x))
        return 0
    if command == "open":
        x = sessions.open(args.id)
        if args.json:
            print_json(_as_json(x))
        else:
            print(
                f"đã mở buổi {x.id[:8]} ({x.quarter}, {x.day:%d/%m/%Y}): hồ sơ tiếp nhận "
                "trên máy này được ghi vào buổi cho đến khi đóng"
            )
        return 0
    if command == "close":
        sm = sessions.close(args.id)
        if args.pdf:
            _write_pdf(args.pdf, services.field.summary_pdf(sm), quiet=args.json)
        synced = _sync_after_close(services, skip=args.no_sync, quiet=args.json)
        if args.json:
            data = _as_json(sm)
            data["synced"] = synced
            print_json(data)
        else:
            _print_summary(sm)
        return 0
    # summary
    if args.id:
        sm = sessions.summary(args.id)
        if args.pdf:
            _write_pdf(args.pdf, services.field.summary_pdf(sm), quiet=args.json)
        if args.json:
            print_json(_as_json(sm))
        else:
            _print_summary(sm)
        return 0
    if not (args.date_from and args.date_to):
        raise CliError("cho biết mã buổi (ID), hoặc khoảng thời gian --from và --to")
    start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if end < start:
        raise CliError("--to trước --from")
    per_session, per_quarter = sessions.figures(date_from=start, date_to=end)
    if args.json:
        # The periodic report's figures (Biểu II.06a row, rates) of the session
        # dossiers received in the period, per session and per quarter.
        report = services.reports.sessions(Period(start, end))
        print_json(
            {
                "sessions": [_as_json(f) for f in per_session],
                "quarters": [_as_json(f) for f in per_quarter],
                "report": {
                    "sessions": {k: g.to_json() for k, g in report.sessions.items()},
                    "quarters": {k: g.to_json() for k, g in report.quarters.items()},
                },
            }
        )
        return 0
    print("Theo buổi:")
    for f in per_session:
        print(
            f"  {f.label}\t{f.dossiers} hồ sơ\t{format_money(f.fees_total)}\t"
            f"trả {f.returns}\tđánh giá {f.ratings}"
        )
    print("Theo khu phố:")
    for f in per_quarter:
        print(
            f"  {f.label}\t{f.sessions} buổi\t{f.dossiers} hồ sơ\t"
            f"{format_money(f.fees_total)}\ttrả {f.returns}\tđánh giá {f.ratings}"
        )
    return 0


def _sync_after_close(services: Services, *, skip: bool, quiet: bool) -> bool:
    """Closing a session syncs when the device is registered (the office sees its
    dossiers the same day); a failed sync leaves them in the outbox for later."""
    if skip or not services.sync.status().registered:
        return False
    try:
        result = services.sync.sync()
    except SyncError as exc:
        reason = text.error_lines(exc)[0]
        print(f"chưa đồng bộ được: {reason}; sẽ gửi lần sau", file=sys.stderr)
        return False
    if not quiet:
        print(f"đã đồng bộ: gửi {result.pushed}, nhận {result.pulled}")
    return True


# -- visit --------------------------------------------------------------------------


def _visit_line(v: HomeVisit) -> str:
    when = f"{v.planned_on:%d/%m/%Y}" if v.planned_on else "—"
    return (
        f"{v.id[:8]}\t{STATUS_VI.get(v.status.value, v.status.value)}\t{when}\t{v.officer}\t"
        f"{v.resident_name}\t{v.quarter}\t{v.address}\t{v.purpose}"
    )


def _resident_line(r: HomeResident) -> str:
    return (
        f"{r.id[:8]}\t{r.full_name}\t{r.quarter}\t{r.address}\t{r.phone}\t"
        f"{','.join(x.value for x in r.reasons)}\tđồng ý {r.consent_on:%d/%m/%Y}"
    )


def cmd_visit(services: Services, args: argparse.Namespace) -> int:
    visits = services.field.visits
    command = args.visit_command
    if command == "add":
        resident_id = args.resident
        if not resident_id:
            if not args.name:
                raise CliError("cho biết --resident ID, hoặc --name … để ghi người dân mới")
            reasons = [r for value in (args.reason or []) for r in value.split(",") if r.strip()]
            resident = visits.add_resident(
                full_name=args.name,
                reasons=reasons,
                quarter=args.quarter or "",
                address=args.address or "",
                phone=args.phone or "",
                consent_on=_day(args.consent_date, "--consent-date") if args.consent_date else None,
                note=args.note or "",
            )
            resident_id = resident.id
        v = visits.request(
            resident_id=resident_id,
            purpose=args.purpose,
            requested_by=args.requested_by or "",
            requested_at=parse_time(args.requested_at, "--requested-at")
            if args.requested_at
            else None,
        )
        if args.json:
            print_json(_as_json(v))
        else:
            print(f"đã ghi yêu cầu {v.id[:8]} (người dân {v.resident_id[:8]})")
        return 0
    if command == "list":
        if args.residents:
            found_r = visits.residents(quarter=args.quarter or "")
            if args.json:
                print_json([_as_json(r) for r in found_r])
            else:
                for r in found_r:
                    print(_resident_line(r))
            return 0
        found = (
            list(visits.due(horizon_days=args.days))
            if args.due
            else visits.visits(status=args.status or "", quarter=args.quarter or "")
        )
        if args.json:
            print_json([_as_json(v) for v in found])
        else:
            for v in found:
                print(_visit_line(v))
        return 0
    if command == "plan":
        v = visits.plan(args.id, day=_day(args.date, "--date"), officer=args.officer)
    else:  # done
        v = visits.record(
            args.id,
            outcome=args.outcome,
            minutes_spent=args.minutes,
            dossiers_received=args.dossiers,
            results_delivered=args.results,
            ratings_taken=args.ratings,
            done_at=parse_time(args.at, "--at") if args.at else None,
        )
    if args.json:
        print_json(_as_json(v))
    else:
        print(_visit_line(v))
    return 0


# -- qr-board -----------------------------------------------------------------------


def cmd_qr_board(services: Services, args: argparse.Namespace) -> int:
    urls: dict[str, str] = {}
    for item in args.url or []:
        code, sep, url = item.partition("=")
        if not sep:
            raise CliError(f"--url: ghi theo dạng MÃ_THỦ_TỤC=URL, không phải {item!r}")
        urls[code.strip()] = url.strip()
    if urls or args.url_template is not None:
        services.field.qr.save_qr_settings(template=args.url_template, urls=urls)
    codes = [c for value in (args.procedure or []) for c in value.split(",") if c.strip()]
    data = services.field.qr.board_pdf(quarter=args.quarter, codes=codes or None, count=args.count)
    _write_pdf(args.out, data)
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser("session", help="Saturday sessions: plan, list, open, close, summary")
    ssub = p.add_subparsers(dest="session_command", required=True)
    c = ssub.add_parser("plan", help="add a session to the rota")
    c.add_argument("--quarter", required=True, help="residential quarter (khu phố)")
    c.add_argument("--date", required=True, help="the session's day, YYYY-MM-DD")
    c.add_argument("--place", help="where (e.g. the quarter's culture house)")
    c.add_argument("--start", help="HH:MM (default 07:30)")
    c.add_argument("--end", help="HH:MM (default 11:30)")
    c.add_argument("--officer", action="append", help="an officer (repeat for each)")
    c.add_argument("--note")
    c.add_argument("--json", action="store_true")
    c = ssub.add_parser("list", help="the rota")
    c.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD")
    c.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD")
    c.add_argument("--quarter")
    c.add_argument("--json", action="store_true")
    c = ssub.add_parser("open", help="open the session on this device (its day only)")
    c.add_argument("id")
    c.add_argument("--json", action="store_true")
    c = ssub.add_parser("close", help="close the session, print its summary, sync")
    c.add_argument("id")
    c.add_argument("--pdf", help="write the summary to this PDF")
    c.add_argument("--no-sync", action="store_true", help="do not sync after closing")
    c.add_argument("--json", action="store_true")
    c = ssub.add_parser("summary", help="one session's summary, or figures of a period")
    c.add_argument("id", nargs="?")
    c.add_argument("--pdf", help="write the summary to this PDF (with ID)")
    c.add_argument("--from", dest="date_from", help="first day, YYYY-MM-DD (without ID)")
    c.add_argument("--to", dest="date_to", help="last day, YYYY-MM-DD (without ID)")
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_session)

    p = sub.add_parser("visit", help="home visits: add, list, plan, done")
    vsub = p.add_subparsers(dest="visit_command", required=True)
    c = vsub.add_parser("add", help="record a visit request (and a new resident)")
    c.add_argument("--resident", help="id of a resident already on the register")
    c.add_argument("--name", help="new resident: full name")
    c.add_argument("--reason", action="append", help="age|disability|alone|illness|other")
    c.add_argument("--quarter", help="new resident: quarter (khu phố)")
    c.add_argument("--address", help="new resident: address")
    c.add_argument("--phone", help="new resident: contact phone")
    c.add_argument("--consent-date", help="new resident: day consent was recorded, YYYY-MM-DD")
    c.add_argument("--note", help="new resident: note")
    c.add_argument("--purpose", required=True, help="what the visit is for")
    c.add_argument("--requested-by", help="who asked (the resident, a relative, the quarter…)")
    c.add_argument("--requested-at", help='"YYYY-MM-DD HH:MM" (default now)')
    c.add_argument("--json", action="store_true")
    c = vsub.add_parser("list", help="visits (or --due: the worklist; --residents: the register)")
    c.add_argument("--due", action="store_true", help="requests to plan and visits due soon")
    c.add_argument("--days", type=int, default=7, help="with --due: days ahead (default 7)")
    c.add_argument("--status", choices=["requested", "planned", "done", "cancelled"])
    c.add_argument("--quarter")
    c.add_argument("--residents", action="store_true", help="list the register instead")
    c.add_argument("--json", action="store_true")
    c = vsub.add_parser("plan", help="give a visit its day and officer")
    c.add_argument("id")
    c.add_argument("--date", required=True, help="YYYY-MM-DD")
    c.add_argument("--officer", required=True)
    c.add_argument("--json", action="store_true")
    c = vsub.add_parser("done", help="record a planned visit as done")
    c.add_argument("id")
    c.add_argument("--outcome", required=True)
    c.add_argument("--minutes", type=int, required=True, help="time spent, minutes")
    c.add_argument("--dossiers", type=int, default=0, help="dossiers received")
    c.add_argument("--results", type=int, default=0, help="results delivered")
    c.add_argument("--ratings", type=int, default=0, help="ratings taken")
    c.add_argument("--at", help='"YYYY-MM-DD HH:MM" (default now)')
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_visit)

    p = sub.add_parser("qr-board", help="a quarter's A4 poster of procedure QR codes")
    p.add_argument("--quarter", required=True)
    p.add_argument("out", help="OUT.pdf")
    p.add_argument("--procedure", action="append", help="procedure code(s) (default: most used)")
    p.add_argument("--count", type=int, default=6, help="how many procedures (1–9, default 6)")
    p.add_argument("--url", action="append", help="CODE=URL: a procedure's own page (saved)")
    p.add_argument("--url-template", help="URL with {code} for the others (saved)")
    p.set_defaults(func=cmd_qr_board)


__all__ = ["add_commands"]
