"""The period's figures written into sentences, the way the wards' own reports
write them ("… đã tiếp nhận tổng cộng 2.764 hồ sơ, … trước hạn đạt 98,15%
(2.713/2.764 hồ sơ)"). Used by the draft narrative report (.docx)."""

from __future__ import annotations

from datetime import date

from hcc_desktop.core.index766 import Index766, percent
from hcc_desktop.core.reports import PeriodicReport, Rate

RATE_NAMES = {
    "on_time": "Hồ sơ giải quyết trước hạn và đúng hạn",
    "overdue": "Hồ sơ quá hạn",
    "progress": "Hồ sơ đã và đang giải quyết trong hạn",
    "online": "Hồ sơ trực tuyến (TTHC có cung cấp trực tuyến)",
    "online_partial": "Dịch vụ công trực tuyến một phần",
    "online_full": "Dịch vụ công trực tuyến toàn trình",
    "digitised": "Hồ sơ được số hóa",
    "e_result": "Kết quả giải quyết điện tử",
    "paid_online": "Hồ sơ thanh toán trực tuyến",
    "reused": "Hồ sơ tái sử dụng dữ liệu số hóa",
    "synced": "Hồ sơ đã đồng bộ",
    "satisfied": "Lượt đánh giá hài lòng",
    "processing_days": "Thời gian giải quyết bình quân (ngày làm việc)",
}
RATING_NAMES = {3: "rất hài lòng", 2: "hài lòng", 1: "không hài lòng"}


def n(value: float) -> str:
    """2764 -> "2.764"."""
    return f"{int(value):,}".replace(",", ".")


def fraction(rate: Rate, noun: str = "hồ sơ") -> str:
    return f"{percent(rate.rate)} ({n(rate.num)}/{n(rate.den)} {noun})"


def _d(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y")


def section_results(rep: PeriodicReport) -> list[str]:
    t = rep.total.row
    r = rep.rates
    out = [
        f"Từ ngày {_d(rep.start)} đến ngày {_d(rep.end)}, Trung tâm đã tiếp nhận tổng cộng "
        f"{n(t.received_online + t.received_direct)} hồ sơ (trực tuyến {n(t.received_online)}, "
        f"trực tiếp và qua dịch vụ bưu chính {n(t.received_direct)}); hồ sơ tồn kỳ trước "
        f"chuyển sang {n(t.carried_over)} hồ sơ; tổng số hồ sơ phải giải quyết "
        f"{n(t.received_total)} hồ sơ."
    ]
    if t.finished:
        out.append(
            f"Đã giải quyết {n(t.finished)} hồ sơ, trong đó trước hạn {n(t.finished_early)}, "
            f"đúng hạn {n(t.finished_on_time)}, quá hạn {n(t.finished_late)}; hồ sơ giải quyết "
            f"trước hạn và đúng hạn đạt {fraction(r['on_time'])}."
        )
    else:
        out.append("Trong kỳ chưa có hồ sơ được giải quyết xong.")
    out.append(
        f"Đang giải quyết {n(t.open)} hồ sơ (trong hạn {n(t.open_on_time)}, quá hạn "
        f"{n(t.open_late)}). Số hồ sơ quá hạn là {n(r['overdue'].num)} hồ sơ, chiếm "
        f"{percent(r['overdue'].rate)}."
    )
    days = r.get("processing_days")
    if days is not None and days.rate is not None:
        out.append(
            f"Thời gian giải quyết bình quân {f'{days.rate:.1f}'.replace('.', ',')} ngày làm việc."
        )
    return out


def section_online(rep: PeriodicReport) -> list[str]:
    r = rep.rates
    parts = []
    if r["online_partial"].den:
        parts.append(f"dịch vụ công trực tuyến một phần đạt {fraction(r['online_partial'])}")
    if r["online_full"].den:
        parts.append(f"dịch vụ công trực tuyến toàn trình đạt {fraction(r['online_full'])}")
    if not parts:
        return ["Trong kỳ không có hồ sơ của thủ tục có cung cấp dịch vụ công trực tuyến."]
    out = ["Trung tâm đã triển khai " + " và ".join(parts) + "."]
    if r["paid_online"].den:
        out.append(
            f"Hồ sơ có phí, lệ phí được thanh toán trực tuyến đạt {fraction(r['paid_online'])}."
        )
    return out


def section_digital(rep: PeriodicReport) -> list[str]:
    r = rep.rates
    u = rep.total.unrecorded
    out = []
    dig = r["digitised"]
    if dig.den:
        out.append(
            f"Tỷ lệ hồ sơ được số hóa đạt {fraction(dig)}, còn {n(dig.den - dig.num)} hồ sơ "
            f"chưa số hóa, chiếm {percent(1 - (dig.rate or 0))}."
        )
    if r["e_result"].den:
        out.append(f"Kết quả giải quyết TTHC được cấp điện tử đạt {fraction(r['e_result'])}.")
    if r["reused"].den:
        out.append(f"Hồ sơ tái sử dụng dữ liệu số hóa đạt {fraction(r['reused'])}.")
    missing = [f"{RATE_NAMES[k].lower()}: {n(v)} hồ sơ" for k, v in u.items() if v]
    if missing:
        out.append("Chưa ghi nhận thông tin (tính là chưa đạt) — " + "; ".join(missing) + ".")
    return out or ["Trong kỳ không có hồ sơ để tính các chỉ tiêu số hóa."]


def section_satisfaction(rep: PeriodicReport, index: Index766 | None) -> list[str]:
    out = []
    rated = sum(rep.total.ratings.values())
    if rated:
        levels = ", ".join(
            f"{n(c)} lượt “{RATING_NAMES[k]}”" for k, c in rep.total.ratings.items() if c
        )
        out.append(
            f"Với {n(rated)} lượt đánh giá, trong đó {levels}; tỷ lệ hài lòng đạt "
            f"{percent(rep.rates['satisfied'].rate)}."
        )
    else:
        out.append("Trong kỳ chưa có lượt đánh giá mức độ hài lòng.")
    c = rep.complaints
    out.append(
        f"Tiếp nhận {n(c.received)} phản ánh, kiến nghị; đã xử lý {n(c.resolved)} "
        f"({n(c.resolved_on_time)} đúng hạn); còn {n(c.open_at_end)} chưa xử lý "
        f"({n(c.open_overdue)} quá hạn)."
    )
    if index is not None:
        out.append(
            f"Điểm ước tính theo Bộ chỉ số 766/QĐ-TTg: {f'{index.total:.2f}'.replace('.', ',')}"
            f"/{index.max:g} điểm của các chỉ số đo được"
            + (
                f" (quy đổi {f'{index.on_100:.2f}'.replace('.', ',')}/100 điểm)."
                if index.on_100 is not None
                else "."
            )
        )
    return out
