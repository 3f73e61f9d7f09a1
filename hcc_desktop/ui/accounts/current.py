"""The name of the officer logged in, for what the screens show beside an action."""

from __future__ import annotations

from hcc_desktop.services import Services


def logged_in_name(services: Services) -> str:
    """The logged-in officer's name as events record it ("" when nobody is)."""
    officer = services.session.officer
    return officer.display_name if officer else ""
