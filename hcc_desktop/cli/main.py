"""Command line for administrators and scripts: ``python -m hcc_desktop``.

Exit codes: 0 success, 1 error (not found, storage, printing), 2 invalid input.
Machine-readable output with ``--json``; times as ``YYYY-MM-DD HH:MM`` local.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from hcc_desktop.cli import accounts as accounts_cli
from hcc_desktop.cli import argparse_text, login, text
from hcc_desktop.cli import attachments as attachments_cli
from hcc_desktop.cli import audit as audit_cli
from hcc_desktop.cli import backups as backups_cli
from hcc_desktop.cli import calendar as calendar_cli
from hcc_desktop.cli import citizen as citizen_cli
from hcc_desktop.cli import exchange as exchange_cli
from hcc_desktop.cli import field as field_cli
from hcc_desktop.cli import lifecycle as lifecycle_cli
from hcc_desktop.cli import reports as reports_cli
from hcc_desktop.cli import sync as sync_cli
from hcc_desktop.cli.common import (
    TIME_FORMAT,
    CliError,
    fail,
    fmt_time,
    parse_time,
    print_json,
    report,
)
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Channel, Dossier, PaperSize, Procedure
from hcc_desktop.core.errors import (
    AuthError,
    CatalogError,
    HccError,
    PermissionDenied,
    StoreKeyError,
    ValidationError,
)
from hcc_desktop.core.formats import safe_json
from hcc_desktop.core.identity import PersonInput
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.core.version import version_line
from hcc_desktop.core.worktime import WorkCalendar, receipt_time_errors
from hcc_desktop.server import cli as server_cli
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.catalog import procedure_to_json
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.settings import AppSettings


def procedure_json(p: Procedure) -> dict[str, Any]:
    """The catalog file's shape of a procedure, plus whether it is active."""
    return {**procedure_to_json(p), "active": p.active}


def dossier_json(d: Dossier) -> dict[str, Any]:
    def person(p: Any) -> dict[str, Any] | None:
        if p is None:
            return None
        return {
            "full_name": p.full_name,
            "id_type": p.id_type.value,
            "id_number": p.id_number,
            "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None,
            "gender": p.gender.value if p.gender else None,
            "phone": p.phone,
            "address": p.address,
            "email": p.email,
        }

    return {
        "id": d.id,
        "code": d.code,
        "status": int(d.status),
        "procedure": d.procedure_code,
        "procedure_name": d.procedure_name,
        "channel": d.channel.value,
        "received_at": fmt_time(d.received_at),
        "clock_start_at": fmt_time(d.clock_start_at),
        "due_at": fmt_time(d.due_at),
        "processing_days": d.processing_days,
        "applicant": person(d.owner),
        "submitter": person(d.submitter),
        "components": [
            {
                "id": c.component_id,
                "name": c.name,
                "form": c.form.value,
                "count": c.count,
                "reused_digital": c.reused_digital,
                "digitised": c.digitised,
            }
            for c in d.components
        ],
        "sets_count": d.sets_count,
        "fee_amount": d.fee_amount,
        "fee_method": d.fee_method.value if d.fee_method else None,
        "result_delivery": d.result_delivery.value,
        "received_by": d.received_by,
        "book_no": d.book_no,
        "order_no": d.order_no,
        "unit_code": d.unit_code,
        "device_id": d.device_id,
        "version": d.version,
        # None = not recorded (dossiers from before these flags existed)
        "paid_online": d.paid_online,
        "e_result": d.e_result,
        "origin": d.origin.value,
    }


def summary_json(d: DossierSummary) -> dict[str, Any]:
    return {
        "id": d.id,
        "code": d.code,
        "full_name": d.full_name,
        "id_number": d.id_number,
        "phone": d.phone,
        "procedure": d.procedure_code,
        "procedure_name": d.procedure_name,
        "status": int(d.status),
        "received_at": fmt_time(d.received_at),
        "due_at": fmt_time(d.due_at),
    }


# -- intake file ------------------------------------------------------------------

# Faults of the intake file's shape (Vietnamese in the .ts file).
INTAKE_INVALID = QT_TRANSLATE_NOOP("Cli", "The intake file is not valid; nothing was saved:")
FILE_NOT_OBJECT = QT_TRANSLATE_NOOP(
    "Cli", "The intake file must hold one JSON object (between braces): correct it"
)
PROCEDURE_REQUIRED = QT_TRANSLATE_NOOP(
    "Cli", "procedure: missing: give the procedure's code (for example 1.001193)"
)
MUST_BE_OBJECT = QT_TRANSLATE_NOOP("Cli", "{where}: must be a JSON object (between braces)")
MUST_BE_TEXT = QT_TRANSLATE_NOOP("Cli", "{where}: must be a text in quotation marks")
MUST_BE_LIST = QT_TRANSLATE_NOOP("Cli", "{where}: must be a list (between square brackets)")
MUST_BE_NUMBER = QT_TRANSLATE_NOOP("Cli", "{where}: must be a whole number")
MUST_BE_DONG = QT_TRANSLATE_NOOP("Cli", "{where}: must be a whole number of đồng")
ONE_OF = QT_TRANSLATE_NOOP("Cli", "{where}: must be one of {values}")
INSECURE_HTTP_WARNING = QT_TRANSLATE_NOOP(
    "Cli",
    "warning: sync over plain http:// to another computer is now allowed: the device's "
    "token and citizens' data cross the network unencrypted; use it only on a trusted "
    "network, and switch to https:// as soon as you can",
)
UNKNOWN_KEY = QT_TRANSLATE_NOOP(
    "Cli", "settings: there is no setting {key} that can be changed here: see settings show"
)

_PERSON_KEYS = ("full_name", "id_number", "date_of_birth", "phone", "address", "email", "gender",
                "id_type", "id_issued_on")  # fmt: skip


def _person_input(raw: Any, where: str, problems: list[str]) -> PersonInput | None:
    if not isinstance(raw, dict):
        problems.append(text.say(MUST_BE_OBJECT, where=where))
        return None
    values: dict[str, Any] = {}
    for key in _PERSON_KEYS:
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(text.say(MUST_BE_TEXT, where=f"{where}.{key}"))
            continue
        values[key] = value
    return PersonInput(**values)


def draft_from_json(data: Any, *, officer: str) -> IntakeDraft:
    """Build an IntakeDraft from the ``intake`` file; structural faults raise CliError."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise CliError(text.say(FILE_NOT_OBJECT))
    procedure = data.get("procedure")
    if not isinstance(procedure, str) or not procedure:
        problems.append(text.say(PROCEDURE_REQUIRED))
    owner = _person_input(data.get("applicant"), "applicant", problems)
    submitter = None
    if data.get("submitter") is not None:
        submitter = _person_input(data["submitter"], "submitter", problems)
    components: list[ComponentInput] = []
    raw_components = data.get("components", [])
    if not isinstance(raw_components, list):
        problems.append(text.say(MUST_BE_LIST, where="components"))
        raw_components = []
    for i, c in enumerate(raw_components):
        if not isinstance(c, dict):
            problems.append(text.say(MUST_BE_OBJECT, where=f"components[{i}]"))
            continue
        cid, form, count = c.get("id"), c.get("form", "original"), c.get("count", 1)
        if cid is not None and not isinstance(cid, str):
            problems.append(text.say(MUST_BE_TEXT, where=f"components[{i}].id"))
            continue
        if not isinstance(form, str):
            problems.append(text.say(MUST_BE_TEXT, where=f"components[{i}].form"))
            continue
        if not isinstance(count, int) or isinstance(count, bool):
            problems.append(text.say(MUST_BE_NUMBER, where=f"components[{i}].count"))
            continue
        components.append(
            ComponentInput(
                component_id=cid,
                form=form,
                count=count,
                name=str(c.get("name", "")),
                reused_digital=bool(c.get("reused_digital", False)),
                digitised=bool(c.get("digitised", False)),
            )
        )
    received_at = None
    if data.get("received_at") is not None:
        try:
            received_at = parse_time(str(data["received_at"]), "received_at")
        except CliError as exc:
            problems.append(str(exc))
    fee_amount = data.get("fee_amount")
    if fee_amount is not None and (not isinstance(fee_amount, int) or isinstance(fee_amount, bool)):
        problems.append(text.say(MUST_BE_DONG, where="fee_amount"))
        fee_amount = None
    quantities: dict[str, int] = {}
    for key in ("fee_pages", "fee_copies"):
        value = data.get(key, 1)
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(text.say(MUST_BE_NUMBER, where=key))
            value = 1
        quantities[key] = value
    sets_count = data.get("sets_count", 1)
    if not isinstance(sets_count, int) or isinstance(sets_count, bool):
        problems.append(text.say(MUST_BE_NUMBER, where="sets_count"))
        sets_count = 1
    flags: dict[str, bool] = {}
    for key in ("paid_online", "e_result"):
        value = data.get(key, False)
        if not isinstance(value, bool):
            problems.append(f"{key}: expected true or false")
            value = False
        flags[key] = value
    for i, c in enumerate(raw_components):
        if isinstance(c, dict) and not isinstance(c.get("digitised", False), bool):
            problems.append(f"components[{i}].digitised: expected true or false")
    if problems or owner is None or not isinstance(procedure, str):
        raise CliError(text.say(INTAKE_INVALID) + "\n" + "\n".join(f"  {p}" for p in problems))
    return IntakeDraft(
        procedure_code=procedure,
        owner=owner,
        submitter=submitter,
        components=tuple(components),
        channel=str(data.get("channel", Channel.COUNTER.value)),
        received_at=received_at,
        fee_amount=fee_amount,
        fee_pages=quantities["fee_pages"],
        fee_copies=quantities["fee_copies"],
        fee_method=data.get("fee_method"),
        result_delivery=str(data.get("result_delivery", "counter")),
        sets_count=sets_count,
        note=str(data.get("note", "")),
        use_alt_processing=bool(data.get("use_alt_processing", False)),
        # The logged-in officer receives it, whatever the file says (issue 12).
        received_by=officer,
        allow_future=True,
        paid_online=flags["paid_online"],
        e_result=flags["e_result"],
    )


# -- commands ---------------------------------------------------------------------

# Lines of `init` and `demo` (Vietnamese in the .ts file).
INIT_DATABASE = QT_TRANSLATE_NOOP("Cli", "database: {path}")
INIT_NEW = QT_TRANSLATE_NOOP("Cli", "new")
INIT_SCHEMA = QT_TRANSLATE_NOOP("Cli", "schema: {start} -> {end}")
INIT_BACKUP = QT_TRANSLATE_NOOP("Cli", "backup copy: {path}")
INIT_ENCRYPTED = QT_TRANSLATE_NOOP(
    "Cli", "the database was not encrypted: it is now, and the plain copy was securely removed"
)
RECOVERY_KEY_HEAD = QT_TRANSLATE_NOOP(
    "Cli",
    "RECOVERY KEY of the database (shown only this once): write it down and keep it "
    "locked away. Without it the data cannot be opened if this computer's keyring is lost "
    "(set HCC_RECOVERY_KEY to it).",
)
INIT_UNIT = QT_TRANSLATE_NOOP("Cli", "unit: {code} {name}")
INIT_DEVICE = QT_TRANSLATE_NOOP("Cli", "device: {device}, device number {slot}")
INIT_PROCEDURES = QT_TRANSLATE_NOOP("Cli", "procedures: {count}")
DEMO_CREATED = QT_TRANSLATE_NOOP("Cli", "created {count} dossiers from {first} to {last}")

# Lines of `catalog show` and `catalog import` (Vietnamese in the .ts file).
SHOW_HEAD = QT_TRANSLATE_NOOP("Cli", "{code} {name} ({field}); processing time: {time}")
REQUIRED = QT_TRANSLATE_NOOP("Cli", "required")
CONDITIONAL = QT_TRANSLATE_NOOP("Cli", "when: {condition}")
ADDED = QT_TRANSLATE_NOOP("Cli", "added: {count} {codes}")
UPDATED = QT_TRANSLATE_NOOP("Cli", "updated: {count}")
UNCHANGED = QT_TRANSLATE_NOOP("Cli", "unchanged: {count}")
DEACTIVATED = QT_TRANSLATE_NOOP("Cli", "no longer in use: {count} {codes}")
EXPORTED = QT_TRANSLATE_NOOP("Cli", "exported {count} procedures to {path}")
INIT_ADMIN = QT_TRANSLATE_NOOP("Cli", "first administrator created: {user}")


def _init_login(services: Services, args: argparse.Namespace) -> None:
    """``init`` on a store without accounts creates its first administrator
    (``--admin-user``); on a store with accounts it logs in like any command (the
    administrator given by ``--admin-user`` when neither ``--user`` nor HCC_USER is)."""
    if services.accounts.needs_first_admin():
        if not args.admin_user:
            raise CliError(text.say(login.FIRST_ADMIN_HINT), login.EXIT_LOGIN)
        password = login.new_password(args.admin_user, variable=login.PASSWORD_ENV)
        services.accounts.create_first_admin(
            user_name=args.admin_user, password=password, full_name=args.full_name
        )
        print(text.say(INIT_ADMIN, user=services.session.current().user_name))
        return
    if not args.user and not os.environ.get(login.USER_ENV) and args.admin_user:
        args.user = args.admin_user
    login.log_in(services, args)


def cmd_init(services: Services, args: argparse.Namespace) -> int:
    settings = services.settings.load()
    changes: dict[str, Any] = {}
    for key in ("unit_code", "unit_name", "device_slot", "device_name"):
        value = getattr(args, key, None)
        if value is not None:
            changes[key] = value
    if changes:
        settings = services.settings.save(replace(settings, **changes))
    m = services.migration
    print(text.say(INIT_DATABASE, path=services.db.path))
    if services.encrypted_now:
        print(text.say(INIT_ENCRYPTED))
    start = m.from_revision or text.say(INIT_NEW)
    print(text.say(INIT_SCHEMA, start=start, end=m.to_revision))
    if m.backup:
        print(text.say(INIT_BACKUP, path=m.backup))
    print(text.say(INIT_UNIT, code=settings.unit_code, name=settings.unit_name))
    print(text.say(INIT_DEVICE, device=settings.device_id, slot=settings.device_slot))
    print(text.say(INIT_PROCEDURES, count=len(services.catalog.list())))
    return 0


def cmd_catalog(services: Services, args: argparse.Namespace) -> int:
    if args.catalog_command == "list":
        procedures = services.catalog.list()
        if args.json:
            print_json([procedure_json(p) for p in procedures])
        else:
            for p in procedures:
                days = text.processing_time(p.processing_days)
                print(f"{p.code}\t{p.name}\t{p.field}\t{days}")
    elif args.catalog_command == "show":
        p = services.catalog.get(args.code)
        if args.json:
            print_json(procedure_json(p))
        else:
            print(
                text.say(
                    SHOW_HEAD,
                    code=p.code,
                    name=p.name,
                    field=p.field,
                    time=text.processing_time(p.processing_days),
                )
            )
            for c in p.components:
                flag = (
                    text.say(REQUIRED)
                    if c.required
                    else text.say(CONDITIONAL, condition=c.condition)
                )
                print(f"  [{c.id}] {c.name} ({flag})")
    elif args.catalog_command == "import":
        report = services.catalog.import_file(Path(args.file), replace=args.replace)
        if args.json:
            print_json(report.to_json())
        else:
            added = " ".join(report.added)
            print(text.say(ADDED, count=len(report.added), codes=added).rstrip())
            print(text.say(UPDATED, count=len(report.updated)))
            for code, fields in report.updated.items():
                print(f"  {code}: {', '.join(fields)}")
            print(text.say(UNCHANGED, count=len(report.unchanged)))
            gone = " ".join(report.deactivated)
            print(text.say(DEACTIVATED, count=len(report.deactivated), codes=gone).rstrip())
    elif args.catalog_command == "export":
        n = services.catalog.export_file(Path(args.file))
        print(text.say(EXPORTED, count=n, path=args.file))
    return 0


def _check_receipt_time(received: datetime, args: argparse.Namespace) -> None:
    errors = receipt_time_errors(
        received, local_now(), allow_unusual=bool(getattr(args, "allow_unusual_date", False))
    )
    if errors:
        raise ValidationError(errors)


def _note_unconfirmed(calendar: WorkCalendar, received: datetime, due: datetime) -> None:
    """The appointment leans on a day an administrator has not confirmed: say so."""
    for o in calendar.unconfirmed_days(received, due):
        kind = "ngày nghỉ" if o.kind == "off" else "ngày làm bù"
        label = f"{o.day:%d/%m/%Y}" + (f" ({o.note})" if o.note else "")
        print(
            f"lưu ý: hẹn trả tính theo {kind} {label} chưa được xác nhận "
            "(quản trị viên xác nhận bằng 'calendar confirm' hoặc bỏ bằng 'calendar remove')",
            file=sys.stderr,
        )


def cmd_due_date(services: Services, args: argparse.Namespace) -> int:
    received = parse_time(args.received, "--received")
    _check_receipt_time(received, args)
    try:
        channel = Channel(args.channel)
    except ValueError:
        values = ", ".join(c.value for c in Channel)
        raise CliError(text.say(ONE_OF, where="--channel", values=values)) from None
    calendar: WorkCalendar = services.settings.calendar()
    if args.procedure:
        due = services.intake.preview_due(
            procedure_code=args.procedure,
            received_at=received,
            channel=channel.value,
            use_alt_processing=args.alt,
        )
    else:
        due = calendar.due_at(received, args.days, channel)
    print(due.strftime(TIME_FORMAT))
    _note_unconfirmed(calendar, received, due)
    return 0


def _officer(services: Services) -> str:
    return services.session.actor_name()


def cmd_intake(services: Services, args: argparse.Namespace) -> int:
    raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    try:
        data = safe_json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CliError(text.say(text.NOT_JSON, line=exc.lineno, column=exc.colno)) from exc
    draft = draft_from_json(data, officer=_officer(services))
    if draft.received_at is not None:
        _check_receipt_time(draft.received_at, args)
    draft = replace(draft, allow_unusual_date=bool(args.allow_unusual_date))
    dossier = services.intake.accept(draft)
    _note_unconfirmed(services.settings.calendar(), dossier.received_at, dossier.due_at)
    if args.receipt:
        pdf = services.printing.receipt_pdf(
            dossier, paper=PaperSize(args.paper) if args.paper else None
        )
        services.printing.save(pdf, Path(args.receipt))
    print_json(dossier_json(dossier))
    return 0


def cmd_show(services: Services, args: argparse.Namespace) -> int:
    d = services.dossiers.get(args.code)
    # Logged before anything is printed: no entry, no data (issue 12 item 4).
    services.access.opened(d)
    data = dossier_json(d)
    data["timeline"] = [
        {
            "kind": e.kind,
            "at": fmt_time(e.at),
            "actor": e.actor,
            "from_status": int(e.from_status) if e.from_status else None,
            "to_status": int(e.to_status) if e.to_status else None,
            "reason": e.reason,
        }
        for e in services.dossiers.timeline(d.id)
    ]
    print_json(data)
    return 0


def cmd_print_receipt(services: Services, args: argparse.Namespace) -> int:
    pdf = services.printing.receipt_pdf(
        args.code, paper=PaperSize(args.paper) if args.paper else None
    )
    services.printing.save(pdf, Path(args.out))
    print(args.out)
    return 0


def cmd_search(services: Services, args: argparse.Namespace) -> int:
    hits = services.dossiers.search(args.text, limit=args.limit)
    if args.json:
        print_json([summary_json(h) for h in hits])
    else:
        for h in hits:
            print(f"{h.code}\t{h.full_name}\t{h.id_number}\t{h.phone}\t{h.procedure_name}")
    return 0


def cmd_demo(services: Services, args: argparse.Namespace) -> int:
    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    result = services.demo.generate(
        count=args.dossiers,
        seed=args.seed,
        months=args.months,
        progress=progress if sys.stderr.isatty() else None,
    )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    first, last = result.first_day, result.last_day
    print(text.say(DEMO_CREATED, count=result.created, first=first, last=last))
    return 0


def _yes_no(value: str, where: str) -> bool:
    word = value.strip().lower()
    if word in ("true", "yes", "on", "1", "có"):
        return True
    if word in ("false", "no", "off", "0", "không"):
        return False
    raise CliError(text.say(ONE_OF, where=where, values="true, false"))


# The device's identity, the hours (their own command) and the old free-text officer.
_NOT_SETTABLE = ("device_id", "office_hours", "officer_name")


def cmd_settings(services: Services, args: argparse.Namespace) -> int:
    settings = services.settings.load()
    if args.settings_command == "set":
        field = args.key.replace("-", "_")
        if field not in AppSettings.__dataclass_fields__ or field in _NOT_SETTABLE:
            raise CliError(text.say(UNKNOWN_KEY, key=args.key))
        current = getattr(settings, field)
        value: Any = args.value
        if isinstance(current, bool):
            value = _yes_no(value, f"settings {args.key}")
            if field == "allow_insecure_http" and value:
                print(text.say(INSECURE_HTTP_WARNING), file=sys.stderr)
        elif isinstance(current, int):
            try:
                value = int(value)
            except ValueError:
                raise CliError(text.say(MUST_BE_NUMBER, where=f"settings {args.key}")) from None
        elif field == "paper_size":
            value = PaperSize(value.upper())
        settings = services.settings.save(replace(settings, **{field: value}))
    data = {k: getattr(settings, k) for k in AppSettings.__dataclass_fields__}
    data["office_hours"] = [
        [a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in settings.office_hours.intervals
    ]
    data["paper_size"] = settings.paper_size.value
    print_json(data)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hcc_desktop", description=__doc__)
    parser.add_argument(
        "--version",
        action="version",
        version=version_line(),
    )
    parser.add_argument("--db", type=Path, help="database file (default: the user's data dir)")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="the officer acting (default: $HCC_USER); password from $HCC_PASSWORD or a prompt",
    )
    parser.add_argument(
        "--lang",
        choices=text.LANGUAGES,
        help=f"language of messages (default: ${text.LANG_ENV}, else vi); "
        "--json output and exit codes do not change",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="create or upgrade the database, load the seed catalog")
    p.add_argument("--unit-code")
    p.add_argument("--unit-name")
    p.add_argument("--device-slot", type=int)
    p.add_argument("--device-name")
    p.add_argument(
        "--admin-user",
        metavar="NAME",
        help="create the first administrator (password from HCC_PASSWORD or a prompt)",
    )
    p.add_argument("--full-name", default="", help="the first administrator's full name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("catalog", help="procedure catalog")
    csub = p.add_subparsers(dest="catalog_command", required=True)
    c = csub.add_parser("list")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("show")
    c.add_argument("code")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("import")
    c.add_argument("file")
    c.add_argument("--replace", action="store_true", help="deactivate procedures not in the file")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("export")
    c.add_argument("file")
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("due-date", help="appointment for a dossier received at a given time")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--procedure")
    g.add_argument("--days", type=int)
    p.add_argument("--received", required=True, help='"YYYY-MM-DD HH:MM"')
    p.add_argument("--channel", default="counter")
    p.add_argument("--alt", action="store_true", help="use the procedure's alternative time")
    p.add_argument(
        "--allow-unusual-date",
        action="store_true",
        help="accept a time before 2000 or more than a day ahead",
    )
    p.set_defaults(func=cmd_due_date)

    p = sub.add_parser("intake", help="accept a dossier described by a JSON file")
    p.add_argument("file", help="JSON file, or - for standard input")
    p.add_argument("--receipt", help="also write the receipt (Mẫu 01) to this PDF")
    p.add_argument("--paper", choices=["A4", "A5"])
    p.add_argument(
        "--allow-unusual-date",
        action="store_true",
        help="accept a receipt time before 2000 or more than a day ahead",
    )
    p.set_defaults(func=cmd_intake)

    p = sub.add_parser("show", help="one dossier with its timeline, as JSON")
    p.add_argument("code")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("receipt", help="(re)print the receipt (Mẫu 01) of a dossier to a PDF")
    p.add_argument("code")
    p.add_argument("out")
    p.add_argument("--paper", choices=["A4", "A5"])
    p.set_defaults(func=cmd_print_receipt)

    p = sub.add_parser("search", help="search dossiers (code, name, CCCD, phone, procedure)")
    p.add_argument("text")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("demo", help="fill the database with synthetic dossiers")
    p.add_argument("--dossiers", type=int, required=True)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--months", type=int)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("settings", help="show or change settings")
    ssub = p.add_subparsers(dest="settings_command", required=True)
    ssub.add_parser("show")
    s = ssub.add_parser("set")
    s.add_argument("key")
    s.add_argument("value")
    p.set_defaults(func=cmd_settings)

    lifecycle_cli.add_commands(sub)
    calendar_cli.add_commands(sub)
    audit_cli.add_commands(sub)
    backups_cli.add_commands(sub)
    exchange_cli.add_commands(sub)
    sync_cli.add_commands(sub)
    reports_cli.add_commands(sub)
    field_cli.add_commands(sub)
    attachments_cli.add_commands(sub)
    accounts_cli.add_commands(sub)
    citizen_cli.add_commands(sub)
    server_cli.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _run(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's final flush
        return code
    except BrokenPipeError:
        # The reader went away (``… | head``): stop quietly, as a Unix tool does.
        _silence_stdout()
        return 1


# The store's key is missing or wrong (README; the accounts helper uses 3 and 4).
EXIT_STORE_KEY = 5


def show_recovery_key(services: Services, *, to_stdout: bool) -> None:
    """Print the recovery key made by this open, once: on stdout for ``init``, on
    stderr for any other command (its stdout may be a script's JSON)."""
    if services.recovery_key is None:
        return
    out = sys.stdout if to_stdout else sys.stderr
    print(text.say(RECOVERY_KEY_HEAD), file=out)
    print(f"    {services.recovery_key}", file=out)


def _silence_stdout() -> None:
    """Send what is left in stdout's buffer to /dev/null, so that Python's final
    flush does not print a second broken-pipe complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _run(argv: Sequence[str] | None) -> int:
    argparse_text.install(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    text.set_language(args.lang)
    if getattr(args, "standalone", False):
        # Server-side commands: they never touch this device's database.
        return int(args.func(args))
    try:
        services = open_services(args.db)
    except StoreKeyError as exc:
        report(exc)
        return EXIT_STORE_KEY
    except HccError as exc:
        report(exc)
        return 1
    show_recovery_key(services, to_stdout=args.command == "init")
    try:
        if args.command == "init":
            _init_login(services, args)
        else:
            login.log_in(services, args)
        return int(args.func(services, args))
    except AuthError as exc:
        report(exc)
        return login.EXIT_LOGIN
    except PermissionDenied as exc:
        report(exc)
        return login.EXIT_NOT_ALLOWED
    except CliError as exc:
        fail(str(exc))
        return exc.exit_code
    except (ValidationError, CatalogError) as exc:
        report(exc)
        return 2
    except HccError as exc:
        report(exc)
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        fail(text.os_error(exc))
        return 1
    finally:
        services.close()


__all__ = ["main"]
