"""``audit verify``: are the hash chains intact and each dossier's row what its events make it?

Exit 0 when everything verifies, 1 at the first broken link (printed in
Vietnamese: dossier code and what is wrong); ``--json`` lists every finding.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.cli.common import fmt_time, print_json
from hcc_desktop.core.messages import QT_TRANSLATE_NOOP
from hcc_desktop.services import Services
from hcc_desktop.services.access import AccessFilter
from hcc_desktop.services.audit import AuditFinding, verify_store

_COLUMNS = {
    "status": "trạng thái",
    "supplement_count": "số lần yêu cầu bổ sung",
    "ended_at": "thời điểm kết thúc",
    "returned_at": "thời điểm trả kết quả",
    "timeliness": "kết quả đúng/trễ hạn",
    "due_at": "hạn trả kết quả",
}


_EVENT_KINDS = {
    "received": "tiếp nhận",
    "returned": "trả kết quả",
    "receipt_corrected": "cập nhật thông tin tiếp nhận",
}

_CHAIN = {
    "hash_mismatch": "nội dung đã bị sửa sau khi ghi (mã băm không khớp)",
    "unknown_prev": "sự kiện liền trước trong chuỗi không còn (bị xoá)",
    "no_genesis": "thiếu sự kiện tiếp nhận (gốc của chuỗi)",
    "extra_genesis": "có thêm một sự kiện gốc thứ hai (tiếp nhận bị chèn lại)",
    "duplicate_hash": "là bản sao của một sự kiện cũ được chèn lại",
    "device_gap": "chuỗi của máy bị hụt số thứ tự (một bản ghi bị xoá)",
    "device_duplicate_seq": "trùng số thứ tự trong chuỗi của máy (bản ghi bị chèn lại)",
    "device_prev_mismatch": "không nối với bản ghi liền trước của máy (bị đảo thứ tự hoặc xoá)",
    "receipt_edited": "không còn khớp với thông tin tiếp nhận trong hồ sơ (bị sửa trực tiếp)",
    "unhashed": "không có mã băm (chưa được ghi vào chuỗi)",
}


_ACCESS_ACTIONS = {
    "open": "mở hồ sơ",
    "print": "in phiếu",
    "export": "xuất dữ liệu",
    "attachment": "mở/lưu tệp đính kèm",
}

_ACCESS_CHAIN = {
    "hash_mismatch": "đã bị sửa sau khi ghi (mã băm không khớp)",
    "device_gap": "đứng sau một bản ghi đã bị xoá khỏi chuỗi của máy (hụt số thứ tự)",
    "device_duplicate_seq": "trùng số thứ tự trong chuỗi của máy (bản ghi bị chèn lại)",
    "device_prev_mismatch": (
        "không nối với bản ghi liền trước của máy (bản ghi trước đó bị sửa, xoá hoặc đảo thứ tự)"
    ),
}


def finding_text(f: AuditFinding) -> str:
    if f.record == "access":
        what = _ACCESS_ACTIONS.get(f.event_kind, f.event_kind)
        about = f", hồ sơ {f.code}" if f.code else ""
        problem = _ACCESS_CHAIN.get(f.kind, _CHAIN.get(f.kind, f.kind))
        return f"Nhật ký truy cập: bản ghi {what} ({f.event_id}{about}; {f.detail}) {problem}."
    if f.kind in _CHAIN:
        what = _EVENT_KINDS.get(f.event_kind, f.event_kind)
        extra = ""
        if f.kind == "hash_mismatch" and f.event_kind == "received":
            extra = " (thông tin tiếp nhận của hồ sơ như người nộp, CCCD đã bị sửa?)"
        return f"Hồ sơ {f.code}: sự kiện {what} ({f.event_id}) {_CHAIN[f.kind]}{extra}."
    if f.kind == "no_events":
        return f"Hồ sơ {f.code}: không có sự kiện nào trong lịch sử (thiếu sự kiện tiếp nhận)."
    names = ", ".join(_COLUMNS.get(c, c) for c in f.columns)
    return f"Hồ sơ {f.code}: dữ liệu hồ sơ khác với lịch sử sự kiện ({names})."


def cmd_verify(services: Services, args: argparse.Namespace) -> int:
    findings = verify_store(services.db, services.settings.load().device_id)
    if args.json:
        print_json(
            {
                "ok": not findings,
                "findings": [
                    {
                        "dossier_id": f.dossier_id,
                        "code": f.code,
                        "kind": f.kind,
                        "columns": list(f.columns),
                        "event_id": f.event_id,
                        "event_kind": f.event_kind,
                        "detail": f.detail,
                        "record": f.record,
                    }
                    for f in findings
                ],
            }
        )
    elif findings:
        print(finding_text(findings[0]))
    else:
        print("Lịch sử hồ sơ toàn vẹn: mọi hồ sơ khớp với lịch sử sự kiện.")
    return 1 if findings else 0


def _date(raw: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(text.say(BAD_DATE, value=raw))


BAD_DATE = QT_TRANSLATE_NOOP("Cli", "{value} is not a date: write YYYY-MM-DD or DD/MM/YYYY")
ACCESS_ROW = QT_TRANSLATE_NOOP("Cli", "{at}  {user}  {action}  {code}  {id_number}  {detail}")
NO_ACCESS = QT_TRANSLATE_NOOP("Cli", "No access-log entry matches")


def cmd_access(services: Services, args: argparse.Namespace) -> int:
    entries = services.access.entries(
        AccessFilter(
            id_number=args.id_number or "",
            user=args.user_filter or "",
            action=args.action or "",
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    )
    if args.json:
        print_json([e.as_json(fmt_time) for e in entries])
        return 0
    if not entries:
        print(text.say(NO_ACCESS))
    for e in entries:
        print(
            text.say(
                ACCESS_ROW,
                at=fmt_time(e.at) or "",
                user=e.officer,
                action=_ACCESS_ACTIONS.get(e.action, e.action),
                code=e.dossier_code or "-",
                id_number=e.id_number or "-",
                detail=e.detail,
            )
        )
    return 0


def cmd_audit(services: Services, args: argparse.Namespace) -> int:
    if args.audit_command == "access":
        return cmd_access(services, args)
    return cmd_verify(services, args)


def add_commands(sub: Any) -> None:
    p = sub.add_parser("audit", help="check the store's history")
    asub = p.add_subparsers(dest="audit_command", required=True)
    c = asub.add_parser(
        "verify", help="check every dossier row against its events (exit 1: broken)"
    )
    c.add_argument("--json", action="store_true")
    c = asub.add_parser(
        "access",
        help="who opened, printed or exported citizens' data (leader, administrator)",
    )
    c.add_argument("--id-number", help="only entries about this identity number")
    # After ``access``, ``--user`` filters; the officer acting is ``--user`` before the
    # command (or HCC_USER), as for every command.
    c.add_argument(
        "--user", "--officer", dest="user_filter", metavar="U", help="only this officer's entries"
    )
    c.add_argument("--action", choices=["open", "print", "export", "attachment"])
    c.add_argument("--since", type=_date, help="from this day (YYYY-MM-DD)")
    c.add_argument("--until", type=_date, help="to this day, inclusive")
    c.add_argument("--limit", type=int, default=2000)
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit, role="leader")
