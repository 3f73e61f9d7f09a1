"""CLI for the data the reports need: ``import-online``, ``export-portal``,
``backlog import`` and the complaints register (``complaint add|list|resolve``).

Import faults are printed in Vietnamese, one line per fault, naming the record
(or row) counted from 1 and the field, e.g.
``Bản ghi 3, trường NgayTiepNhan: ngày giờ không đúng dạng yyyyMMddHHmmss``.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from hcc_desktop.cli.common import CliError, fmt_time, parse_time, print_json
from hcc_desktop.cli.lifecycle import parse_day
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Complaint, ComplaintChannel
from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.exchange.store import ImportResult

# Vietnamese text of the codes an import can report.
VI_MESSAGES = {
    "required": "bắt buộc, chưa có giá trị",
    "invalid": "giá trị không hợp lệ ({value})",
    "unknown": "mã thủ tục {code} không có trong danh mục",
    "duplicate": "trùng với bản ghi {first}",
    "date_format": "ngày giờ không đúng dạng yyyyMMddHHmmss ({value})",
    "time_format": "thời gian không đúng dạng YYYY-MM-DD HH:MM hoặc dd/MM/yyyy HH:mm ({value})",
    "before_received": "sớm hơn thời điểm tiếp nhận",
    "not_received": "hồ sơ mới đăng ký (trạng thái 1), trung tâm chưa tiếp nhận",
    "not_an_object": "phải là một đối tượng JSON",
    "not_a_list": "tệp phải chứa một danh sách (mảng JSON) các hồ sơ",
    "too_long": "quá dài (tối đa {max} ký tự)",
    "phone_format": "số điện thoại không hợp lệ",
    "in_future": "thời điểm ở tương lai",
    "columns_missing": "thiếu cột: {columns}",
    "unreadable": "không đọc được tệp {path}: {reason}",
    "not_json": "tệp {path} không phải JSON hợp lệ (dòng {line})",
    "unsupported": "chỉ nhận tệp .csv hoặc .xlsx",
    "before_from": "ngày kết thúc trước ngày bắt đầu",
}
# Field names of the backlog sheet, as the officer reads them.
VI_COLUMNS = {
    "code": "mã hồ sơ",
    "procedure": "mã thủ tục",
    "name": "chủ hồ sơ",
    "id_number": "số giấy tờ",
    "phone": "số điện thoại",
    "address": "địa chỉ",
    "received_at": "thời điểm tiếp nhận",
    "due_at": "ngày hẹn trả",
}
_WHERE = re.compile(r"^(records|rows)\[(\d+)\](?:\.(.*))?$")


def describe_vi(e: FieldError) -> str:
    """One import fault in Vietnamese: "Bản ghi 3, trường MaTTHC: …"."""
    template = VI_MESSAGES.get(e.code, e.code)
    try:
        text = template.format(**e.params)
    except (KeyError, IndexError):
        text = template
    m = _WHERE.match(e.field)
    if m is None:
        return f"{e.field}: {text}" if e.field not in ("file", "header") else text.capitalize()
    kind, number, field = m.groups()
    lead = f"Bản ghi {number}" if kind == "records" else f"Dòng {number}"
    if not field:
        return f"{lead}: {text}"
    if kind == "rows":
        field = VI_COLUMNS.get(field, field)
    return f"{lead}, trường {field}: {text}"


def _rejected(exc: ValidationError, what: str) -> int:
    print(f"lỗi: tệp {what} bị từ chối, không có hồ sơ nào được ghi", file=sys.stderr)
    for e in exc.errors:
        print(f"  {describe_vi(e)}", file=sys.stderr)
    return 2


def _print_result(result: ImportResult, as_json: bool) -> None:
    if as_json:
        print_json(result.to_json())
        return
    print(f"thêm mới: {len(result.added)}")
    print(f"cập nhật: {len(result.updated)}")
    for code, fields in result.updated.items():
        print(f"  {code}: {', '.join(fields)}")
    print(f"không đổi: {len(result.unchanged)}")
    if result.skipped:
        print(f"bỏ qua (mã đã dùng cho hồ sơ tiếp nhận tại đơn vị): {len(result.skipped)}")
        for code in result.skipped:
            print(f"  {code}")


def cmd_import_online(services: Services, args: argparse.Namespace) -> int:
    try:
        result = services.portal.import_file(Path(args.file))
    except ValidationError as exc:
        return _rejected(exc, "hồ sơ trực tuyến")
    _print_result(result, args.json)
    return 0


def cmd_export_portal(services: Services, args: argparse.Namespace) -> int:
    start = parse_day(args.start, "--from")
    end = parse_day(args.end, "--to")
    try:
        result = services.portal.export_file(Path(args.file), start=start, end=end)
    except ValidationError as exc:
        for e in exc.errors:
            print(f"lỗi: {describe_vi(e)}", file=sys.stderr)
        return 2
    print(f"đã xuất {result.count} hồ sơ vào {result.path}")
    return 0


def cmd_backlog(services: Services, args: argparse.Namespace) -> int:
    try:
        result = services.backlog.import_file(Path(args.file))
    except ValidationError as exc:
        return _rejected(exc, "hồ sơ tồn")
    _print_result(result, args.json)
    return 0


def complaint_json(c: Complaint, as_of: datetime | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": c.id,
        "received_at": fmt_time(c.received_at),
        "channel": c.channel.value,
        "content": c.content,
        "dossier": c.dossier_code,
        "officer": c.officer,
        "due_at": fmt_time(c.due_at),
        "resolved_at": fmt_time(c.resolved_at),
        "resolution": c.resolution,
        "resolved_by": c.resolved_by,
    }
    if as_of is not None:
        data["overdue"] = (c.resolved_at or as_of).date() > c.due_at.date()
    return data


def cmd_complaint(services: Services, args: argparse.Namespace) -> int:
    svc = services.complaints
    if args.complaint_command == "add":
        c = svc.add(
            content=args.content,
            channel=args.channel,
            received_at=parse_time(args.received, "--received") if args.received else None,
            dossier=args.dossier or "",
            officer=args.officer or "",
        )
        if args.json:
            print_json(complaint_json(c))
        else:
            print(f"{c.id}\t{fmt_time(c.received_at)}\thạn xử lý {fmt_time(c.due_at)}")
    elif args.complaint_command == "list":
        as_of = parse_time(args.as_of, "--as-of") if args.as_of else local_now()
        items = svc.list(open_only=args.open)
        if args.json:
            print_json([complaint_json(c, as_of) for c in items])
        else:
            for c in items:
                state = f"đã xử lý {fmt_time(c.resolved_at)}" if c.resolved_at else "đang xử lý"
                about = " ".join(p for p in (c.dossier_code or "", c.officer) if p)
                print(f"{c.id[:8]}\t{fmt_time(c.received_at)}\t{c.channel.value}\t{state}\t"
                      f"{about}\t{c.content}")  # fmt: skip
    elif args.complaint_command == "resolve":
        c = svc.resolve(
            args.id,
            resolution=args.resolution,
            at=parse_time(args.at, "--at") if args.at else None,
            resolved_by=args.by or "",
        )
        if args.json:
            print_json(complaint_json(c))
        else:
            print(f"{c.id}\tđã xử lý {fmt_time(c.resolved_at)}")
    else:  # pragma: no cover - argparse requires a sub-command
        raise CliError("complaint: add, list or resolve")
    return 0


def add_commands(sub: Any) -> None:
    p = sub.add_parser(
        "import-online", help="import dossiers from the national portal (JSON, §8 field names)"
    )
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import_online)

    p = sub.add_parser("export-portal", help="write the unit's dossiers in the portal's format")
    p.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    p.add_argument("file")
    p.set_defaults(func=cmd_export_portal)

    p = sub.add_parser("backlog", help="open dossiers carried over from an earlier system")
    bsub = p.add_subparsers(dest="backlog_command", required=True)
    b = bsub.add_parser("import", help="import a .csv or .xlsx sheet")
    b.add_argument("file")
    b.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_backlog)

    p = sub.add_parser("complaint", help="complaints register (phản ánh, kiến nghị)")
    csub = p.add_subparsers(dest="complaint_command", required=True)
    c = csub.add_parser("add")
    c.add_argument("--received", help='"YYYY-MM-DD HH:MM" (default: now)')
    c.add_argument("--channel", required=True, choices=[k.value for k in ComplaintChannel])
    c.add_argument("--content", required=True)
    c.add_argument("--dossier", help="the dossier's code, if it concerns one")
    c.add_argument("--officer", help="the officer it concerns, if any")
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("list")
    c.add_argument("--open", action="store_true", help="only those not yet resolved")
    c.add_argument("--as-of", help='for "overdue": "YYYY-MM-DD HH:MM" (default: now)')
    c.add_argument("--json", action="store_true")
    c = csub.add_parser("resolve")
    c.add_argument("id", help="the complaint's id (or its first 8 characters)")
    c.add_argument("--resolution", required=True, help="how it was handled")
    c.add_argument("--at", help='"YYYY-MM-DD HH:MM" (default: now)')
    c.add_argument("--by", help="who handled it (default: the officer in settings)")
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_complaint)
