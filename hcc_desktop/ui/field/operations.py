"""The field-work window's reads and writes: service calls run on the task runner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hcc_desktop.services import Services


@dataclass(frozen=True)
class FieldSetup:
    """What the window needs besides its lists: this computer and the QR address."""

    device_id: str
    printer_name: str
    url_template: str


def read_field_setup(services: Services) -> FieldSetup:
    """Runs on the task runner: this computer's id and printer, the QR boards' address."""
    settings = services.settings.load()
    return FieldSetup(
        device_id=settings.device_id,
        printer_name=settings.printer_name,
        url_template=services.field.qr.qr_settings().template,
    )


def write_board(services: Services, path: str, quarter: str, count: int) -> str:
    """Runs on the task runner: the quarter's QR board (reportlab) written to ``path``."""
    data = services.field.qr.board_pdf(quarter=quarter, count=count)
    Path(path).write_bytes(data)
    return path
