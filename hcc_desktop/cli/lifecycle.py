"""CLI commands that follow a dossier after intake: transition, status,
worklist, apology, rate, print (Mẫu 01–06) and book (Mẫu 07)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import CliError, fmt_time, parse_time, print_json
from hcc_desktop.core.domain import (
    Action,
    Channel,
    Collector,
    DocForm,
    DossierEvent,
    DossierStatus,
    MissingComponent,
    PaperSize,
    ReturnMethod,
    Timeliness,
)
from hcc_desktop.core.messages import EVENT_NAMES, QT_TRANSLATE_NOOP, STATUS_NAMES, TIMELINESS_NAMES
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput, WorklistFilter
from hcc_desktop.services.dossiers.query import DossierSummary

BOOK_SUFFIX = QT_TRANSLATE_NOOP(
    "Cli", "book: the name of the output file must end in .pdf or .xlsx"
)

# Headings of `worklist` (the JSON keeps the English keys).
WORKLIST_TITLES = {
    "overdue": QT_TRANSLATE_NOOP("Cli", "Overdue ({count})"),
    "due_today": QT_TRANSLATE_NOOP("Cli", "Due today ({count})"),
    "due_soon": QT_TRANSLATE_NOOP("Cli", "Due soon ({count})"),
    "waiting_supplement": QT_TRANSLATE_NOOP("Cli", "Awaiting papers ({count})"),
    "ready_to_return": QT_TRANSLATE_NOOP("Cli", "Ready to return ({count})"),
}

FORMS = ("01", "02", "03", "04", "05", "06")


def parse_day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(text.say(text.BAD_DAY, what=what, value=repr(value))) from None


# The form of a missing paper after "NAME:" (English or Vietnamese without marks).
MISSING_FORMS = {
    "original": DocForm.ORIGINAL,
    "ban-chinh": DocForm.ORIGINAL,
    "certified": DocForm.CERTIFIED,
    "chung-thuc": DocForm.CERTIFIED,
    "copy": DocForm.COPY,
    "photo": DocForm.COPY,
}


def parse_missing(value: str) -> MissingComponent:
    """``NAME`` (a photocopy) or ``NAME:FORM`` with FORM original, certified or copy."""
    name, sep, form = value.rpartition(":")
    key = form.strip().lower()
    if sep and key in MISSING_FORMS and name.strip():
        return MissingComponent.typed(" ".join(name.split()), MISSING_FORMS[key])
    if sep and name.strip() and key and " " not in key:
        forms = ", ".join(MISSING_FORMS)
        raise CliError(f"--missing: unknown form {form.strip()!r} (use one of: {forms})")
    return MissingComponent.typed(" ".join(value.split()))


def _actor(services: Services, args: argparse.Namespace) -> str:
    """The logged-in officer (issue 12: no more ``--as``)."""
    return services.session.actor_name()


def event_json(e: DossierEvent) -> dict[str, Any]:
    return {
        "kind": e.kind,
        "at": fmt_time(e.at),
        "actor": e.actor,
        "from_status": int(e.from_status) if e.from_status else None,
        "to_status": int(e.to_status) if e.to_status else None,
        "reason": e.reason,
        "data": e.data,
    }


def status_json(services: Services, key: str, as_of: datetime | None) -> dict[str, Any]:
    d = services.dossiers.get(key)
    verdict = services.lifecycle.timeliness(d, as_of=as_of)
    return {
        "code": d.code,
        "id": d.id,
        "status": int(d.status),
        "status_name": d.status.name.lower(),
        "procedure": d.procedure_code,
        "applicant": d.owner.full_name,
        "received_at": fmt_time(d.received_at),
        "due_at": fmt_time(d.due_at),
        "original_due_at": fmt_time(d.original_due_at),
        "effective_due_at": fmt_time(services.lifecycle.effective_due(d, as_of=as_of)),
        "proposed_due_at": fmt_time(d.proposed_due_at),
        "holder": d.holder,
        "supplement_count": d.supplement_count,
        "ended_at": fmt_time(d.ended_at),
        "returned_at": fmt_time(d.returned_at),
        "timeliness": verdict.value if verdict else None,
        "paid_online": d.paid_online,
        "e_result": d.e_result,
        "origin": d.origin.value,
        "allowed_actions": [a.value for a in services.lifecycle.allowed_actions(d)],
        "timeline": [event_json(e) for e in services.dossiers.timeline(d.id)],
    }


def cmd_transition(services: Services, args: argparse.Namespace) -> int:
    action = Action(args.action)
    at = parse_time(args.at, "--at") if args.at else None
    missing = tuple(parse_missing(m) for m in args.missing or ())
    collector = None
    if action is Action.RETURN:
        if args.collector_name or args.collector_id:
            collector = Collector(
                full_name=args.collector_name or "",
                id_number=args.collector_id or "",
                authorised=args.authorised,
                phone=args.collector_phone or "",
            )
        else:
            # Collected by the applicant in person unless told otherwise.
            owner = services.dossiers.get(args.code).owner
            collector = Collector(owner.full_name, owner.id_number, phone=owner.phone)
    details = TransitionInput(
        receiver=args.receiver or ("" if action is not Action.FINISH else _actor(services, args)),
        department=args.department or "",
        amount=args.amount or 0,
        missing=missing,
        collector=collector,
        method=ReturnMethod(args.method),
        note=args.note or "",
        e_result=bool(args.e_result),
        paid_online=bool(args.online),
    )
    if args.e_result and action is not Action.FINISH:
        raise CliError("--e-result: only with the finish action")
    if args.online and action is not Action.PAYMENT_RECEIVED:
        raise CliError("--online: only with the payment-received action")
    d = services.lifecycle.transition(
        args.code,
        action,
        at=at,
        actor=_actor(services, args),
        reason=args.reason or "",
        details=details,
    )
    if args.json:
        print_json(status_json(services, d.code, at))
    else:
        print(f"{d.code}\t{int(d.status)}\t{fmt_time(d.due_at)}")
    return 0


STATUS_LINE = QT_TRANSLATE_NOOP(
    "Cli", "{code}  status {status} ({name})  due {due}  result: {timeliness}"
)


def cmd_status(services: Services, args: argparse.Namespace) -> int:
    as_of = parse_time(args.as_of, "--as-of") if args.as_of else None
    data = status_json(services, args.code, as_of)
    if args.json:
        print_json(data)
    else:
        verdict = data["timeliness"]
        print(
            text.say(
                STATUS_LINE,
                code=data["code"],
                status=data["status"],
                name=text.translate("DossierStatus", STATUS_NAMES[DossierStatus(data["status"])]),
                due=data["due_at"],
                timeliness=(
                    text.translate("TimelineModel", TIMELINESS_NAMES[Timeliness(verdict)])
                    if verdict
                    else "—"
                ),
            )
        )
        for e in data["timeline"]:
            kind = e["kind"]
            name = (
                text.translate("TimelineModel", EVENT_NAMES[kind]) if kind in EVENT_NAMES else kind
            )
            print(f"  {e['at']}  {name:<30} {e['actor']}  {e['reason']}")
    return 0


def _worklist_entry(d: DossierSummary) -> dict[str, Any]:
    return {
        "code": d.code,
        "applicant": d.full_name,
        "procedure": d.procedure_code,
        "status": int(d.status),
        "due_at": fmt_time(d.due_at),
        "holder": d.holder,
        "timeliness": d.timeliness.value if d.timeliness else None,
        # Lateness in working days (DOMAIN §3), never calendar days.
        "working_days_late": d.days_late,
        "proposed_due_at": fmt_time(d.proposed_due_at) if d.proposed_due_at else None,
    }


def cmd_worklist(services: Services, args: argparse.Namespace) -> int:
    as_of = parse_time(args.as_of, "--as-of") if args.as_of else None
    filters = WorklistFilter(
        procedure_code=args.procedure or "",
        field=args.field or "",
        officer=args.officer or "",
        channel=Channel(args.channel) if args.channel else None,
    )
    w = services.lifecycle.worklists(
        as_of=as_of, within=args.within, filters=filters, limit=args.limit
    )
    names = ("overdue", "due_today", "due_soon", "waiting_supplement", "ready_to_return")
    if args.json:
        data: dict[str, Any] = {name: [d.code for d in getattr(w, name)] for name in names}
        data["counts"] = w.counts
        data["as_of"] = fmt_time(w.as_of)
        data["within"] = w.within
        if args.details:
            data["details"] = {
                name: [_worklist_entry(d) for d in getattr(w, name)] for name in names
            }
        print_json(data)
    else:
        for name in names:
            print(text.say(WORKLIST_TITLES[name], count=w.counts[name]))
            for d in getattr(w, name):
                line = f"  {d.code}\t{fmt_time(d.due_at)}\t{d.full_name}\t{d.procedure_name}"
                if name == "overdue":
                    line += f"\ttrễ {d.days_late} ngày làm việc"
                if d.proposed_due_at is not None:
                    line += f"\thẹn mới {fmt_time(d.proposed_due_at)}"
                print(line)
    return 0


def cmd_apology(services: Services, args: argparse.Namespace) -> int:
    d = services.lifecycle.issue_apology(
        args.code,
        new_due_at=parse_time(args.new_due, "--new-due"),
        reason=args.reason,
        at=parse_time(args.at, "--at") if args.at else None,
        actor=_actor(services, args),
        signer_title=args.signer_title or "",
        signer_name=args.signer_name or "",
    )
    if args.out:
        services.printing.save(services.printing.apology_pdf(d), Path(args.out))
    print(f"{d.code}\t{fmt_time(d.proposed_due_at)}")
    return 0


def cmd_rate(services: Services, args: argparse.Namespace) -> int:
    r = services.lifecycle.rate(
        args.code,
        convenience=args.convenience,
        overall=args.overall,
        comment=args.comment or "",
        by_citizen=not args.by_officer,
        rated_by=_actor(services, args) if args.by_officer else "",
        at=parse_time(args.at, "--at") if args.at else None,
    )
    print(f"{args.code}\t{int(r.convenience)}\t{int(r.overall)}")
    return 0


def cmd_print(services: Services, args: argparse.Namespace) -> int:
    paper = PaperSize(args.paper) if args.paper else None
    p = services.printing
    render = {
        "01": p.receipt_pdf,
        "02": p.supplement_request_pdf,
        "03": p.refusal_pdf,
        "04": p.apology_pdf,
        "05": p.stop_notice_pdf,
        "06": p.control_slip_pdf,
    }[args.form]
    p.save(render(args.code, paper=paper), Path(args.out))
    print(args.out)
    return 0


def cmd_book(services: Services, args: argparse.Namespace) -> int:
    start = parse_day(args.date_from, "--from")
    end = parse_day(args.date_to, "--to")
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        data = services.printing.tracking_book_pdf(start, end)
    elif suffix == ".xlsx":
        data = services.printing.tracking_book_xlsx(start, end)
    else:
        raise CliError(text.say(BOOK_SUFFIX))
    services.printing.save(data, out)
    print(out)
    return 0


def add_commands(sub: Any) -> None:
    """Register the lifecycle commands on the top-level subparsers."""
    actions = [a.value for a in Action]
    p = sub.add_parser("transition", help="apply a lifecycle action to a dossier")
    p.add_argument("code")
    p.add_argument("action", choices=actions)
    p.add_argument("--at", help='when it happened, "YYYY-MM-DD HH:MM" (default: now)')
    p.add_argument("--reason", help="why (required for refuse, withdraw, stop, supplement)")
    p.add_argument("--receiver", help="handover/finish: who receives the dossier")
    p.add_argument("--department", help="handover: the specialist department")
    p.add_argument("--amount", type=int, help="request-payment: amount in đồng")
    p.add_argument(
        "--missing",
        action="append",
        metavar="NAME[:FORM]",
        help="request-supplement: a missing paper; FORM original, certified or copy (default copy)",
    )
    p.add_argument("--collector-name", help="return: who collected (default: the applicant)")
    p.add_argument("--collector-id", help="return: the collector's CCCD/ID number")
    p.add_argument("--collector-phone")
    p.add_argument("--authorised", action="store_true", help="return: collector is authorised")
    p.add_argument("--method", default="counter", choices=[m.value for m in ReturnMethod])
    p.add_argument("--note")
    p.add_argument(
        "--e-result", action="store_true", help="finish: the result was issued electronically"
    )
    p.add_argument("--online", action="store_true", help="payment-received: paid online")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_transition)

    p = sub.add_parser("status", help="a dossier's status, appointment, timeline, timeliness")
    p.add_argument("code")
    p.add_argument("--as-of", help='evaluate at "YYYY-MM-DD HH:MM" (default: now)')
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("worklist", help="overdue, due today, due soon, waiting, ready lists")
    p.add_argument("--as-of", help='evaluate at "YYYY-MM-DD HH:MM" (default: now)')
    p.add_argument("--within", type=int, help="due soon: within N working days (default 2)")
    p.add_argument("--procedure")
    p.add_argument("--field")
    p.add_argument("--officer")
    p.add_argument("--channel", choices=[c.value for c in Channel])
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--details", action="store_true", help="with --json: add each entry's data")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_worklist)

    p = sub.add_parser("apology", help="record an apology with a new appointment (Mẫu 04)")
    p.add_argument("code")
    p.add_argument("--new-due", required=True, help='"YYYY-MM-DD HH:MM"')
    p.add_argument("--reason", required=True)
    p.add_argument("--at")
    p.add_argument(
        "--signer-title",
        help="head of the body that caused the delay, e.g. 'TRƯỞNG PHÒNG KINH TẾ' "
        "(default: the signer in settings)",
    )
    p.add_argument("--signer-name", help="name of that head (default: settings)")
    p.add_argument("--out", help="also write Mẫu 04 to this PDF")
    p.set_defaults(func=cmd_apology)

    p = sub.add_parser("rate", help="record the citizen's satisfaction rating")
    p.add_argument("code")
    p.add_argument("--convenience", type=int, required=True, choices=[1, 2, 3])
    p.add_argument("--overall", type=int, required=True, choices=[1, 2, 3])
    p.add_argument("--comment")
    p.add_argument("--by-officer", action="store_true", help="the officer filled it in")
    p.add_argument("--at")
    p.set_defaults(func=cmd_rate)

    p = sub.add_parser("print", help="print a legal slip (Mẫu 01–06) of a dossier to a PDF")
    p.add_argument("form", choices=FORMS)
    p.add_argument("code")
    p.add_argument("out")
    p.add_argument("--paper", choices=["A4", "A5"])
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("book", help="the tracking book (Mẫu 07) for a period, PDF or .xlsx")
    p.add_argument("--from", dest="date_from", required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD")
    p.add_argument("out", help="OUT.pdf or OUT.xlsx")
    p.set_defaults(func=cmd_book)
