"""``audit verify``: are the hash chains intact and each dossier's row what its events make it?

Exit 0 when everything verifies, 1 at the first broken link (printed in
Vietnamese: dossier code and what is wrong); ``--json`` lists every finding.
"""

from __future__ import annotations

import argparse
from typing import Any

from hcc_desktop.cli.common import print_json
from hcc_desktop.services import Services
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


def finding_text(f: AuditFinding) -> str:
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


def cmd_audit(services: Services, args: argparse.Namespace) -> int:
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


def add_commands(sub: Any) -> None:
    p = sub.add_parser("audit", help="check the store's history")
    asub = p.add_subparsers(dest="audit_command", required=True)
    c = asub.add_parser(
        "verify", help="check every dossier row against its events (exit 1: broken)"
    )
    c.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit, role="leader")
