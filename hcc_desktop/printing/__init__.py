"""Printed legal forms of Circular 03/2025/TT-VPCP as PDF bytes (reportlab; no Qt)."""

from hcc_desktop.printing.forms import (
    lookup_url,
    qr_payload,
    render_receipt,
    render_supplement_guidance,
)

__all__ = ["lookup_url", "qr_payload", "render_receipt", "render_supplement_guidance"]
