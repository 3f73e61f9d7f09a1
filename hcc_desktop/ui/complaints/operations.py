"""The complaints register's operations: service calls run on the task runner."""

from __future__ import annotations

from typing import Any

from hcc_desktop.core.changes import Changes
from hcc_desktop.services import Services


def add_complaint(services: Services, **fields: Any) -> tuple[Any, Changes]:
    """Record a new complaint (``fields``: those of ``ComplaintService.add``)."""
    complaint = services.complaints.add(**fields)
    return complaint, Changes(complaints=(complaint.id,))


def resolve_complaint(
    services: Services, complaint_id: str, resolution: str
) -> tuple[Any, Changes]:
    """Record how a complaint was handled."""
    complaint = services.complaints.resolve(complaint_id, resolution=resolution)
    return complaint, Changes(complaints=(complaint.id,))
