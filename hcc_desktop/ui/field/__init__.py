"""The field work window (Công tác lưu động): Saturday sessions, home visits, QR boards."""
