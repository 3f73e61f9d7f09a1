"""Attachments: scans per component, reuse of held documents, results as files,
and their transfer to the unit's other devices through the server."""

from hcc_desktop.services.attachments.files import AttachmentError, FileStore
from hcc_desktop.services.attachments.pages import MAX_PDF_BYTES, BuiltPdf, PageSource
from hcc_desktop.services.attachments.service import (
    AttachmentInfo,
    AttachmentService,
    HeldDocument,
    ReuseOffer,
    attachments_root,
)

__all__ = [
    "MAX_PDF_BYTES",
    "AttachmentError",
    "AttachmentInfo",
    "AttachmentService",
    "BuiltPdf",
    "FileStore",
    "HeldDocument",
    "PageSource",
    "ReuseOffer",
    "attachments_root",
]
