"""Server commands: ``serve`` and ``server enrol|revoke|devices|import-bundle|publish``,
``server unit set-province``, ``server reviewer add|revoke|list`` and ``server report``.

``add_commands(subparsers)`` registers them on the application's top-level
parser; every command is standalone (it opens the server's database, never the
device's). Each command migrates the server database first. Exit codes: 0
success, 1 error, 2 invalid input. ``--database`` defaults to the environment
variable ``HCC_SERVER_DATABASE`` (keeps a password out of the process list).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from hcc_desktop.cli.common import print_json
from hcc_desktop.cli.common import report_technical as report
from hcc_desktop.core.errors import CatalogError, HccError, ValidationError
from hcc_desktop.core.formats import safe_json
from hcc_desktop.server.limits import DEFAULT_FAILURE_LIMIT, DEFAULT_REGISTRATION_LIMIT

DATABASE_ENV = "HCC_SERVER_DATABASE"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765

Command = Callable[[argparse.Namespace], int]


class _Usage(Exception):
    """Invalid input detected after parsing (exit code 2)."""


def _open_store(args: argparse.Namespace) -> Any:
    from hcc_desktop.server.db import ServerDatabase
    from hcc_desktop.server.store import SyncStore

    url = args.database or os.environ.get(DATABASE_ENV)
    if not url:
        raise _Usage(f"give --database URL (or set {DATABASE_ENV})")
    db = ServerDatabase(url)
    try:
        db.upgrade()
    except BaseException:
        db.dispose()
        raise
    return SyncStore(db)


def _guarded(command: Callable[[argparse.Namespace, Any], int]) -> Command:
    """Open the store, run the command, map errors to exit codes, close."""

    def run(args: argparse.Namespace) -> int:
        try:
            store = _open_store(args)
        except _Usage as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except HccError as exc:
            report(exc, catalog_verb="published")
            return 1
        try:
            return int(command(args, store))
        except _Usage as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except (ValidationError, CatalogError) as exc:
            report(exc, catalog_verb="published")
            return 2
        except HccError as exc:
            report(exc, catalog_verb="published")
            return 1
        except OSError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        except SQLAlchemyError as exc:
            print(f"error: database: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
        finally:
            store.db.dispose()

    run.__name__ = command.__name__
    return run


def cmd_enrol(args: argparse.Namespace, store: Any) -> int:
    if not 1 <= args.valid_days <= 365:
        raise _Usage("--valid-days must be between 1 and 365")
    ticket = store.enrol(
        args.unit,
        unit_name=args.unit_name,
        valid_for=timedelta(days=args.valid_days),
        province=args.province,
    )
    if args.json:
        print_json(ticket.to_json())
    else:
        print(ticket.code)
        print(
            f"one-time enrolment code for unit {ticket.unit_code}, valid until "
            f"{ticket.expires_at.isoformat(timespec='minutes')}",
            file=sys.stderr,
        )
    return 0


def cmd_revoke(args: argparse.Namespace, store: Any) -> int:
    info = store.revoke(args.device_id)
    print(f"revoked {info.id} (unit {info.unit_code}, slot {info.slot})")
    return 0


def cmd_devices(args: argparse.Namespace, store: Any) -> int:
    devices = store.devices(args.unit)
    if args.json:
        print_json([d.to_json() for d in devices])
        return 0
    for d in devices:
        seen = d.last_seen_at.isoformat(timespec="minutes") if d.last_seen_at else "never"
        status = "active" if d.active else "revoked"
        print(f"{d.unit_code}\t{d.slot}\t{status}\t{d.id}\t{d.name}\tlast seen {seen}")
    return 0


def cmd_audit_verify(args: argparse.Namespace, store: Any) -> int:
    """The server's own chain per unit: 0 when it verifies, 1 naming the first break."""
    findings = store.verify_unit_chain(args.unit)
    if args.json:
        print_json(
            [
                {
                    "unit_code": f.unit_code,
                    "kind": f.kind,
                    "seq": f.seq,
                    "record_kind": f.record_kind,
                    "record_id": f.record_id,
                }
                for f in findings
            ]
        )
        return 1 if findings else 0
    if not findings:
        print("the units' chains verify")
        return 0
    for f in findings:
        where = f"entry {f.seq}" if f.seq is not None else "no entry"
        print(f"{f.unit_code}\t{f.kind}\t{where}\t{f.record_kind} {f.record_id}")
    first = findings[0]
    print(
        f"first broken link: unit {first.unit_code}, {first.kind} "
        f"({first.record_kind} {first.record_id})",
        file=sys.stderr,
    )
    return 1


def cmd_import_bundle(args: argparse.Namespace, store: Any) -> int:
    from hcc_desktop.core.formats.files_bundle import files_path
    from hcc_desktop.server.attachments import AttachmentStore, files_from_environment

    outcome = store.import_bundle(Path(args.file))
    data = outcome.to_json()
    if files_path(args.file).is_file():  # the attachments carried with it
        files = files_from_environment(args.files)
        data["attachments"] = AttachmentStore(store.db, files).import_files(
            store, files_path(args.file)
        )
    if args.json:
        print_json(data)
    else:
        replay = " (already imported: nothing changed)" if data["replayed"] else ""
        print(
            f"bundle {data['batch_id']} from {data['device_id']}: "
            f"applied {data['applied']}, duplicate {data['duplicate']}, "
            f"conflict {data['conflict']}, rejected {data['rejected']}{replay}"
        )
        if "attachments" in data:
            a = data["attachments"]
            print(f"attachments: {a['files']} files ({a['stored']} new), {a['records']} records")
    return 0


def cmd_publish(args: argparse.Namespace, store: Any) -> int:
    if not (args.catalog or args.calendar or args.unit_settings):
        raise _Usage("nothing to publish: give --catalog, --calendar or --unit-settings")
    if bool(args.unit) != bool(args.unit_settings):
        raise _Usage("--unit and --unit-settings go together")
    # Read and check every file before publishing anything.
    catalog = Path(args.catalog).read_bytes() if args.catalog else None
    unit_settings: Any = None
    if args.unit_settings:
        try:
            unit_settings = safe_json.loads(Path(args.unit_settings).read_bytes())
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _Usage(f"{args.unit_settings}: not valid JSON ({exc})") from None
        from hcc_desktop.server.store import validate_unit_settings

        validate_unit_settings(unit_settings)
    if catalog is not None:
        from hcc_desktop.core.formats.catalog_file import parse_catalog_file

        parse_catalog_file(catalog)
    if args.calendar:
        from hcc_desktop.core.worktime import load_default_overrides

        load_default_overrides(Path(args.calendar))
    outcomes = []
    if catalog is not None:
        outcomes.append(store.publish_catalog(catalog))
    if args.calendar:
        outcomes.append(store.publish_calendar(Path(args.calendar)))
    if unit_settings is not None:
        outcomes.append(store.publish_unit_settings(args.unit, unit_settings))
    if args.json:
        print_json([o.to_json() for o in outcomes])
    else:
        for o in outcomes:
            scope = f"unit {o.scope}" if o.scope else "every unit"
            state = f"published as revision {o.rev}" if o.changed else "unchanged"
            print(f"{o.kind} for {scope}: {state}")
    return 0


def _provinces(store: Any) -> Any:
    from hcc_desktop.server.reviewers import Provinces

    return Provinces(store.db)


def cmd_set_province(args: argparse.Namespace, store: Any) -> int:
    province = None if args.none else args.province
    if province is None and not args.none:
        raise _Usage("give a PROVINCE or --none")
    _provinces(store).set_province(args.unit, province)
    print(f"unit {args.unit}: province {province or '(none)'}")
    return 0


def cmd_reviewer_add(args: argparse.Namespace, store: Any) -> int:
    info, token = _provinces(store).add_reviewer(args.province, args.name or "")
    if args.json:
        print_json({**info.to_json(), "token": token})
    else:
        print(token)
        print(
            f"reviewer {info.id} of province {info.province}: keep this token, "
            "it is shown only once",
            file=sys.stderr,
        )
    return 0


def cmd_reviewer_revoke(args: argparse.Namespace, store: Any) -> int:
    info = _provinces(store).revoke_reviewer(args.reviewer_id)
    print(f"revoked {info.id} (province {info.province})")
    return 0


def cmd_reviewer_list(args: argparse.Namespace, store: Any) -> int:
    reviewers = _provinces(store).reviewers(args.province)
    if args.json:
        print_json([r.to_json() for r in reviewers])
        return 0
    for r in reviewers:
        status = "revoked" if r.revoked_at else "active"
        print(f"{r.province}\t{status}\t{r.id}\t{r.name}")
    return 0


def _day(value: str) -> Any:
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


# Column heads of Biểu II.06a in the text output.
_REPORT_HEADS = (
    ("received_total", "Tổng nhận"),
    ("received_online", "Trực tuyến"),
    ("received_direct", "Trực tiếp"),
    ("carried_over", "Kỳ trước"),
    ("finished", "Đã giải quyết"),
    ("finished_early", "Trước hạn"),
    ("finished_on_time", "Đúng hạn"),
    ("finished_late", "Quá hạn"),
    ("open", "Đang giải quyết"),
    ("open_on_time", "Trong hạn"),
    ("open_late", "Quá hạn"),
)


def _print_part(title: str, part: dict[str, Any]) -> None:
    print(title)
    print("\t".join(["Lĩnh vực", *(head for _, head in _REPORT_HEADS)]))
    for row in [*part["rows"], {**part["total"], "field": "Tổng cộng"}]:
        print("\t".join([row["field"] or "(chưa rõ)", *(str(row[k]) for k, _ in _REPORT_HEADS)]))
    for name, r in part["rates"].items():
        if name == "processing_days":
            shown = f"{r['rate']:.2f} ngày làm việc" if r["rate"] is not None else "—"
        else:
            shown = f"{100 * r['rate']:.2f} %" if r["rate"] is not None else "—"
        print(f"  {name}: {r['num']}/{r['den']} = {shown}")
    k = part["complaints"]
    print(
        f"  Phản ánh, kiến nghị: tiếp nhận {k['received']}, đã xử lý {k['resolved']}"
        f" (đúng hạn {k['resolved_on_time']}), còn tồn {k['open_at_end']}"
        f" (quá hạn {k['open_overdue']})"
    )
    index = part["index766"]
    print(f"  Ước tính Chỉ số 766: {index['total']:.2f} / {index['max']:g}", end="")
    print(f" (quy về thang 100: {index['on_100']:.2f})" if index["on_100"] is not None else "")
    for g in index["groups"]:
        print(f"    {g['name']}: {g['points']:.2f} / {g['max']:g}")
        for i in g["indicators"]:
            shown = "không áp dụng" if i["points"] is None else f"{i['points']:.2f} / {i['max']:g}"
            print(f"      {i['name']}: {shown}")
            if i["lack_text"]:
                print(f"        {i['lack_text']}")
    _print_sessions(part.get("sessions"))
    print()


def _print_sessions(held: dict[str, Any] | None) -> None:
    """The Saturday sessions held in the period (issue 13): per quarter, per session."""
    if not held or not held["total"]["sessions"]:
        return
    total = held["total"]
    print(
        f"  Buổi tiếp nhận thứ Bảy: {total['sessions']} buổi, {total['dossiers']} hồ sơ, "
        f"phí {total['fees_total']} đ, trả {total['returns']} kết quả, "
        f"đánh giá {'/'.join(str(v) for v in total['ratings'].values())} (mức 3/2/1)"
    )
    groups = (("khu phố", held.get("per_quarter", [])), ("buổi", held.get("per_session", [])))
    for title, lines in groups:
        for x in lines:
            procedures = ", ".join(f"{p['code']}: {p['count']}" for p in x["by_procedure"])
            print(
                f"    {title} {x['label']}: {x['sessions']} buổi, {x['dossiers']} hồ sơ "
                f"({procedures}), phí {x['fees_total']} đ, trả {x['returns']}, "
                f"đánh giá {'/'.join(str(v) for v in x['ratings'].values())}"
            )


def cmd_report(args: argparse.Namespace, store: Any) -> int:
    from hcc_desktop.server.reports import province_report

    report = province_report(
        store.db, province=args.province, start=args.start, end=args.end, unit=args.unit
    ).to_json()
    if args.json:
        print_json(report)
        return 0
    period = f"{args.start:%d/%m/%Y} – {args.end:%d/%m/%Y}"
    for unit in report["units"]:
        _print_part(f"Đơn vị {unit['unit']} {unit['name']} ({period})", unit)
    if args.unit is None:
        _print_part(f"Toàn tỉnh {report['province']} ({period})", report["province_total"])
    return 0


def _files_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--files",
        metavar="DIR",
        help="keep the attachments' bytes in this folder on the server's disk (made 0700), "
        "not in the database: much faster uploads; back it up with the database "
        "(default: $HCC_SERVER_FILES, else the database)",
    )


def cmd_serve(args: argparse.Namespace) -> int:
    if bool(args.cert) != bool(args.key):
        print("error: --cert and --key go together", file=sys.stderr)
        return 2
    for path in (args.cert, args.key):
        if path and not Path(path).is_file():
            print(f"error: {path}: no such file", file=sys.stderr)
            return 2
    url = args.database or os.environ.get(DATABASE_ENV)
    if not url:
        print(f"error: give --database URL (or set {DATABASE_ENV})", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=getattr(logging, args.log_level.upper()),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.failure_limit < 0 or args.registration_limit < 0:
        print("error: the rate limits must be 0 (off) or more", file=sys.stderr)
        return 2
    import uvicorn

    from hcc_desktop.server import app as server_app
    from hcc_desktop.server.attachment_files import FILES_ENV

    if args.files:
        # Read by create_app, in this process and in each worker's.
        os.environ[FILES_ENV] = str(Path(args.files).resolve())

    limits = {
        "failure_limit": args.failure_limit,
        "registration_limit": args.registration_limit,
    }
    target: Any
    try:
        if args.workers == 1:
            target = server_app.create_app(url, **limits)
        else:
            # Each worker process builds its own app (its own connection pool
            # and rate limits) from the environment; the schema is upgraded
            # once, here, before any of them starts.
            server_app.migrate_database(url)
            server_app.export_worker_config(url, log_level=args.log_level, **limits)
            target = server_app.WORKER_FACTORY
    except HccError as exc:
        report(exc, catalog_verb="published")
        return 1
    scheme = "https" if args.cert else "http"
    print(f"serving {scheme}://{args.host}:{args.port}/api/v1", file=sys.stderr, flush=True)
    uvicorn.run(
        target,
        factory=args.workers > 1,
        workers=args.workers,
        host=args.host,
        port=args.port,
        ssl_certfile=args.cert,
        ssl_keyfile=args.key,
        log_level=args.log_level,
        access_log=args.access_log,
        server_header=False,
    )
    return 0


def _database_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--database",
        metavar="URL",
        help=f"postgresql+psycopg://user@host/db or sqlite:///path (default: ${DATABASE_ENV})",
    )


def add_commands(subparsers: Any) -> None:
    """Register ``serve`` and ``server …`` on the top-level argparse subparsers."""
    p = subparsers.add_parser("serve", help="run the central sync server")
    _database_arg(p)
    p.add_argument("--host", default=DEFAULT_HOST)
    p.add_argument("--port", type=int, default=DEFAULT_PORT)
    p.add_argument("--cert", help="TLS certificate (PEM); with --key, serve HTTPS")
    p.add_argument("--key", help="TLS private key (PEM)")
    p.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    p.add_argument("--access-log", action="store_true", help="log every request")
    _files_arg(p)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes sharing the port (PostgreSQL; default 1)",
    )
    p.add_argument(
        "--failure-limit",
        type=int,
        default=DEFAULT_FAILURE_LIMIT,
        metavar="N",
        help="failed registrations or credentials per minute per client address and per "
        f"code or token before 429 (default {DEFAULT_FAILURE_LIMIT}; 0: no limit)",
    )
    p.add_argument(
        "--registration-limit",
        type=int,
        default=DEFAULT_REGISTRATION_LIMIT,
        metavar="N",
        help="registrations per minute per client address "
        f"(default {DEFAULT_REGISTRATION_LIMIT}; 0: no limit)",
    )
    p.set_defaults(func=cmd_serve, standalone=True)

    p = subparsers.add_parser("server", help="administer the central sync server")
    sub = p.add_subparsers(dest="server_command", required=True)

    c = sub.add_parser("enrol", help="make a one-time enrolment code for a unit's device")
    _database_arg(c)
    c.add_argument("--unit", required=True, help="unit identifier code, e.g. 000.17.22.H56")
    c.add_argument("--unit-name", help="the unit's name (kept on the server)")
    c.add_argument("--valid-days", type=int, default=7)
    c.add_argument("--province", help="put the unit in this province (e.g. H56)")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_enrol), standalone=True)

    c = sub.add_parser("unit", help="administer a unit")
    unit_sub = c.add_subparsers(dest="unit_command", required=True)
    u = unit_sub.add_parser("set-province", help="put a unit in a province")
    _database_arg(u)
    u.add_argument("unit")
    u.add_argument("province", nargs="?")
    u.add_argument("--none", action="store_true", help="take the unit out of any province")
    u.set_defaults(func=_guarded(cmd_set_province), standalone=True)

    c = sub.add_parser("reviewer", help="provincial reviewers' credentials")
    reviewer_sub = c.add_subparsers(dest="reviewer_command", required=True)
    r = reviewer_sub.add_parser("add", help="make a reviewer's token (printed once)")
    _database_arg(r)
    r.add_argument("--province", required=True)
    r.add_argument("--name", help="who holds it (kept on the server)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=_guarded(cmd_reviewer_add), standalone=True)
    r = reviewer_sub.add_parser("revoke", help="revoke a reviewer's token")
    _database_arg(r)
    r.add_argument("reviewer_id")
    r.set_defaults(func=_guarded(cmd_reviewer_revoke), standalone=True)
    r = reviewer_sub.add_parser("list", help="list reviewers")
    _database_arg(r)
    r.add_argument("--province", help="only this province")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=_guarded(cmd_reviewer_list), standalone=True)

    c = sub.add_parser("report", help="Biểu II.06a and rates of a province's units (PostgreSQL)")
    _database_arg(c)
    c.add_argument("--province", required=True)
    c.add_argument("--from", dest="start", required=True, type=_day, metavar="YYYY-MM-DD")
    c.add_argument("--to", dest="end", required=True, type=_day, metavar="YYYY-MM-DD")
    c.add_argument("--unit", help="only this unit of the province")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_report), standalone=True)

    c = sub.add_parser("revoke", help="revoke a device: its token and bundle key stop working")
    _database_arg(c)
    c.add_argument("device_id")
    c.set_defaults(func=_guarded(cmd_revoke), standalone=True)

    c = sub.add_parser("devices", help="list enrolled devices")
    _database_arg(c)
    c.add_argument("--unit", help="only this unit")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_devices), standalone=True)

    c = sub.add_parser("audit", help="check the server's tamper-evident chain per unit")
    audit_sub = c.add_subparsers(dest="audit_command", required=True)
    a = audit_sub.add_parser("verify", help="verify each unit's chain of accepted records")
    _database_arg(a)
    a.add_argument("--unit", help="only this unit")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_guarded(cmd_audit_verify), standalone=True)

    c = sub.add_parser("import-bundle", help="apply a sync bundle carried from a device")
    _database_arg(c)
    _files_arg(c)
    c.add_argument("file")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_import_bundle), standalone=True)

    c = sub.add_parser("publish", help="publish the catalog, calendar or a unit's settings")
    _database_arg(c)
    c.add_argument("--catalog", metavar="FILE.json", help="catalog file (catalog export format)")
    c.add_argument("--calendar", metavar="FILE.json", help="hcc-calendar-overrides file")
    c.add_argument("--unit", help="unit code for --unit-settings")
    c.add_argument(
        "--unit-settings",
        metavar="FILE.json",
        help="unit_name, parent_body, place_name, public_lookup_url, unit_phone",
    )
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=_guarded(cmd_publish), standalone=True)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m hcc_desktop.server.cli COMMAND …`` (the same commands, on their own)."""
    parser = argparse.ArgumentParser(prog="python -m hcc_desktop.server.cli")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
