"""Reading a stored scan for a preview: the access is logged before the bytes are
read (issue 12 item 4: no entry, nothing shown). Runs on the task runner."""

from __future__ import annotations

from collections.abc import Callable

from hcc_desktop.services import Services


def read_logged(services: Services, detail: str) -> Callable[[str], bytes]:
    """A reader for ``open_preview_read_by``: logs the access to ``sha256``, then reads it."""

    def read(sha256: str) -> bytes:
        services.access.attachment(sha256, detail=detail)
        return services.attachments.read(sha256)

    return read
