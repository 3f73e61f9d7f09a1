"""Pieces shared by the command-line modules (device, lifecycle, sync, server)."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Any

from hcc_desktop.cli import text
from hcc_desktop.core.errors import CatalogError, HccError, ValidationError

TIME_FORMAT = "%Y-%m-%d %H:%M"


class CliError(Exception):
    """Bad command-line input or a refused request; ``exit_code`` 2 by default."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = code


def fmt_time(moment: datetime | None) -> str | None:
    return moment.strftime(TIME_FORMAT) if moment else None


def parse_time(value: str, what: str) -> datetime:
    try:
        return datetime.strptime(value.strip(), TIME_FORMAT)
    except ValueError:
        raise CliError(text.say(text.BAD_TIME, what=what, value=repr(value))) from None


# Vietnamese sentences for the field errors of the rules at the edges (issue 9 item 12,
# issue 12 item 7); other errors still print their code.
_FIELD_MESSAGES: dict[tuple[str, str], str] = {
    ("received_at", "out_of_range"): (
        "thời gian tiếp nhận phải trong khoảng {min} – {max} (kiểm tra năm đã gõ)"
    ),
    ("received_at", "unusual_date"): (
        "thời gian tiếp nhận bất thường: trước {min} hoặc quá một ngày sau hiện tại; "
        "nếu đúng là vậy, thêm --allow-unusual-date"
    ),
    ("fee_amount", "out_of_range"): "phí, lệ phí quá lớn (tối đa {max} đồng)",
    ("at", "in_future"): (
        "thời điểm thao tác không được sau thời gian hiện tại (muộn nhất {max}); "
        "hồ sơ sẽ bị khóa nếu ghi một thời điểm ở tương lai"
    ),
    ("processing_days", "out_of_range"): "số ngày giải quyết quá lớn (tối đa {max})",
    ("full_name", "too_long"): "họ tên quá dài (tối đa {max} ký tự)",
    ("address", "too_long"): "địa chỉ quá dài (tối đa {max} ký tự)",
}
_ERROR_MESSAGES: dict[str, str] = {
    "calendar_day_not_found": "ngày {day} không có trong bảng lịch làm việc",
}


def _field_sentence(e: Any) -> str:
    template = _FIELD_MESSAGES.get((e.field.rsplit(".", 1)[-1], e.code))
    if template is None:
        return str(e.describe())
    try:
        return f"{e.field}: " + template.format(**e.params)
    except (KeyError, IndexError):
        return str(e.describe())


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def report(exc: HccError, *, catalog_verb: str = text.VERB_IMPORTED) -> None:
    """An error on stderr as sentences in the CLI's language: a headline, then one
    line per field at fault or catalog problem."""
    lines = text.error_lines(exc, catalog_verb=catalog_verb)
    print(text.error_line(lines[0]), file=sys.stderr)
    for line in lines[1:]:
        print(line, file=sys.stderr)


def fail(message: str) -> None:
    """One error sentence on stderr."""
    print(text.error_line(message), file=sys.stderr)


def report_technical(exc: HccError, *, catalog_verb: str = "imported") -> None:
    """An error on stderr with its codes, in English: the central server's command
    line, run by its administrators and their scripts."""
    if isinstance(exc, ValidationError):
        print("error: invalid input", file=sys.stderr)
        for e in exc.errors:
            print(f"  {_field_sentence(e)}", file=sys.stderr)
    elif isinstance(exc, CatalogError):
        print(f"error: catalog file rejected, nothing {catalog_verb}", file=sys.stderr)
        for p in exc.problems:
            print(f"  {p}", file=sys.stderr)
    elif exc.code in _ERROR_MESSAGES:
        print(f"error: {_ERROR_MESSAGES[exc.code].format(**exc.params)}", file=sys.stderr)
    else:
        print(f"error: {exc.describe()}", file=sys.stderr)
