"""The words of the forms of Circular 03/2025/TT-VPCP (Phụ lục I), one block per form.

Titles and fixed sentences live here as data; the layout modules (forms.py,
slips.py, book_xlsx.py) only place them. A change of circular is an edit of
this file, not of layout code. Placeholders in braces are filled with
``str.format`` from escaped data (the layout code escapes before formatting);
``<b>`` marks what the form prints in bold.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

# The national header (Decree 30/2020/NĐ-CP), shared by every form.
NATION: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"

# --- Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả ---------------------------------
RECEIPT: Final = MappingProxyType(
    {
        "title": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "doc_title": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        "code": "Mã hồ sơ: <b>{code}</b>",
        # One line per copy (liên), printed under the code.
        "copy_1": "(Liên 1: Lưu)",
        "copy_2": "(Liên 2: Giao người nộp hồ sơ)",
        "lookup": "Tra cứu: {url}",
        "lookup_code": "Dùng mã hồ sơ để tra cứu tình trạng hồ sơ.",
        "intro": "{unit} tiếp nhận hồ sơ của Ông (Bà): <b>{name}</b>",
        "submitter": "Người nộp hồ sơ: {name}",
        "request": "Nội dung yêu cầu giải quyết: <b>{procedure}</b> (mã {code})",
        "item_components": "1. Thành phần hồ sơ nộp gồm:",
        "item_sets": "2. Số lượng hồ sơ: {sets:02d} bộ",
        "item_days": "3. Thời gian giải quyết hồ sơ theo quy định là: {days}",
        "item_received": "4. Thời gian nhận hồ sơ: {when}",
        "item_due": "5. Thời gian trả kết quả giải quyết hồ sơ: <b>{when}</b>",
        # A reprint after the appointment moved: the promise, then the new one.
        "item_due_original": "5. Thời gian trả kết quả giải quyết hồ sơ: {when}",
        "item_due_adjusted": (
            "Thời gian trả kết quả được điều chỉnh: <b>{when}</b> (lý do: {reason})"
        ),
        "item_delivery": "6. Đăng ký nhận kết quả tại:",
        "fee": "Phí, lệ phí: {fee}",
        "book": "Vào Sổ theo dõi hồ sơ, Quyển số: {book}, Số thứ tự: {order}",
        "sign_left": "NGƯỜI NỘP HỒ SƠ",
        "sign_right": "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "closing": (
            "Ghi chú: Giấy này được lập thành 02 liên: Liên 1 lưu tại {unit}; "
            "Liên 2 giao người nộp hồ sơ."
        ),
        "days_same_day": "trong ngày",
        "days": "{days:02d} ngày làm việc",
        "reason_supplement": "bổ sung, hoàn thiện hồ sơ",
        "reason_extension": "gia hạn thời gian giải quyết theo văn bản xin lỗi",
    }
)

# --- Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ -----------------------------------
SUPPLEMENT: Final = MappingProxyType(
    {
        "title": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "doc_title": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        "code": "Mã hồ sơ: <b>{code}</b>",
        "applicant": "Hồ sơ của Ông (Bà): <b>{name}</b>",
        "request": "Nội dung yêu cầu giải quyết: <b>{procedure}</b> (mã {code})",
        "ask": "Yêu cầu Ông (Bà) hoàn thiện hồ sơ gồm những nội dung như sau:",
        "reason": "Lý do: {reason}",
        "contact": (
            "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, "
            "Ông (Bà) liên hệ với {officer}{phone} để được hướng dẫn."
        ),
        "contact_phone": " số điện thoại {phone}",
        "lookup": "Ông (Bà) có thể tra cứu quy định của thủ tục tại: {hint}",
        "sign_right": "NGƯỜI HƯỚNG DẪN",
    }
)

# --- Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ ----------------------------------
REFUSAL: Final = MappingProxyType(
    {
        "title": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "doc_title": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        "intro": "{unit} tiếp nhận hồ sơ của Ông (Bà): <b>{name}</b>",
        "refusal": (
            "Qua xem xét, {unit} thông báo không tiếp nhận, giải quyết hồ sơ này "
            "với lý do cụ thể như sau: {reason}"
        ),
        "closing": "Xin thông báo cho Ông/Bà được biết và thực hiện.",
        "sign_left": "NGƯỜI NỘP HỒ SƠ",
        "sign_right": "NGƯỜI TỪ CHỐI",
    }
)

# --- Mẫu 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết -------------------
APOLOGY: Final = MappingProxyType(
    {
        "title": "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "doc_title": "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
        "received": (
            "Ngày {day}, {unit} tiếp nhận giải quyết hồ sơ của Ông/Bà, mã hồ sơ <b>{code}</b>, "
            "nội dung yêu cầu giải quyết: {procedure}."
        ),
        "promised": ("Thời hạn trả kết quả theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả: {when}."),
        "delay": (
            "Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết đúng thời hạn. "
            "Lý do: {reason}"
        ),
        "apology": "Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi Ông/Bà.",
        "extension": (
            "Chúng tôi đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ và hẹn trả "
            "kết quả giải quyết hồ sơ vào <b>{when}</b>."
        ),
        "closing": "Mong nhận được sự cảm thông của Ông/Bà vì sự chậm trễ này.",
    }
)

# --- Mẫu 05: Thông báo dừng giải quyết hồ sơ -----------------------------------------
STOP: Final = MappingProxyType(
    {
        "title": "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "doc_title": "Thông báo dừng giải quyết hồ sơ",
        "received": (
            "Ngày {day}, {unit} tiếp nhận hồ sơ của Ông/Bà, mã hồ sơ <b>{code}</b>, "
            "nội dung yêu cầu giải quyết: {procedure}."
        ),
        "stop": "{unit} thông báo dừng giải quyết hồ sơ của Ông/Bà. Lý do: {reason}",
        "closing": "Xin thông báo để Ông/Bà được biết.",
    }
)

# Letters (04, 05) are addressed to the applicant and signed by a head of body.
ADDRESSEE: Final = "Kính gửi: Ông/Bà <b>{name}</b>"
SEAL_NOTE: Final = "(Ký, ghi rõ họ tên và đóng dấu)"

# --- Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ --------------------------------
CONTROL: Final = MappingProxyType(
    {
        "title": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "doc_title": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        "handling_body": "Cơ quan (bộ phận) giải quyết hồ sơ: {body}",
        "cooperating_body": "Cơ quan phối hợp giải quyết hồ sơ: {body}",
        "code": "Mã hồ sơ: <b>{code}</b>",
        "owner": "Kèm theo hồ sơ của: <b>{name}</b>",
        "phone": "Số điện thoại: {phone}",
        "request": "Nội dung yêu cầu giải quyết: {procedure}",
        "received": "Ngày, giờ nhận: {when}",
        "due": "Ngày, giờ hẹn trả: <b>{when}</b>",
        "overall": "Kết quả giải quyết hồ sơ: <b>{result}</b>",
        "head_body": "TÊN CƠ QUAN,<br/>BỘ PHẬN",
        "head_time": "THỜI GIAN GIAO,<br/>NHẬN HỒ SƠ",
        "head_result": "Kết quả giải quyết hồ sơ (Trước hạn/đúng hạn/quá hạn)",
        "head_note": "GHI CHÚ",
        # Each hand-over row: "1. Giao: <body>" over "Nhận: <body>" (rows numbered).
        "give": "Giao: {body}",
        "take": "Nhận: {body}",
        # The one-stop section, in the rows of hand-overs to or from it.
        "one_stop": "Bộ phận tiếp nhận và trả kết quả",
        "citizen": "Người nộp hồ sơ",
        "giver": "Người giao",
        "receiver": "Người nhận",
    }
)

# --- Mẫu 07: Sổ theo dõi hồ sơ ---------------------------------------------------------
BOOK_TITLE: Final = "SỔ THEO DÕI HỒ SƠ"
BOOK_DOC_TITLE: Final = "Sổ theo dõi hồ sơ"
BOOK_NO_ROWS: Final = "Không có hồ sơ trong kỳ"
# Columns shared by the PDF and the .xlsx book ("\n": preferred break).
BOOK_COLUMNS: Final = (
    "TT",
    "Mã hồ sơ",
    "Tên TTHC\n(trích yếu)",
    "Số lượng\nhồ sơ\n(bộ)",
    "Tên cá nhân,\ntổ chức",
    "Địa chỉ,\nsố điện thoại",
    "Cơ quan\nchủ trì\ngiải quyết",
    "Ngày, giờ\nnhận hồ sơ",
    "Hẹn trả\nkết quả",
    "Ngày có\nkết quả",
    "Ngày trả\nkết quả",
    "Người\ntiếp nhận",
    "Ký nhận\n(người nhận kết quả)",
    "Ghi chú",
)

TIMELINESS: Final = MappingProxyType(
    {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn"}
)
