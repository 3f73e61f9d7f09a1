"""The complaints register's operations: service calls run on the task runner."""

from __future__ import annotations

from typing import Any

from hcc_desktop.core.domain import Complaint
from hcc_desktop.services import Services


def add_complaint(services: Services, **fields: Any) -> Complaint:
    """Record a new complaint (``fields``: those of ``ComplaintService.add``)."""
    return services.complaints.add(**fields)


def resolve_complaint(services: Services, complaint_id: str, resolution: str) -> Complaint:
    """Record how a complaint was handled."""
    return services.complaints.resolve(complaint_id, resolution=resolution)
