"""The access log page ("Nhật ký truy cập") and the citizen's export (issue 12 item 4)."""
