"""What the logged-in officer's role may use in the main window: the rest is hidden.

The services check the role again (``OfficerSession.require``); hiding is for the
officer, not the defence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hcc_desktop.core.accounts import Permission, Role
from hcc_desktop.core.permissions import WINDOW_ACTIONS
from hcc_desktop.services.session import OfficerSession

ROLE_NAMES = {
    Role.COUNTER: "Counter officer",
    Role.LEADER: "Center leader",
    Role.ADMIN: "Administrator",
}
# QT_TRANSLATE_NOOP for lupdate: the names above are translated in context "Roles".
_ = (
    QCoreApplication.translate("Roles", "Counter officer"),
    QCoreApplication.translate("Roles", "Center leader"),
    QCoreApplication.translate("Roles", "Administrator"),
)

# The main window's action attribute -> what it needs: core/permissions, the one table
# the CLI and the services read too.
ACTIONS: dict[str, Permission] = WINDOW_ACTIONS


def role_name(role: Role) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES[role])


def officer_text(session: OfficerSession) -> str:
    """The status bar's "who is logged in"."""
    officer = session.officer
    if officer is None:
        return QCoreApplication.translate("Roles", "Nobody logged in")
    return QCoreApplication.translate("Roles", "Officer: {name} ({role})").format(
        name=officer.display_name, role=role_name(officer.role)
    )


def apply_role(window: Any, session: OfficerSession) -> None:
    """Hide (and disable, so shortcuts do nothing) what the role may not use."""
    for name, permission in ACTIONS.items():
        action = getattr(window, name, None)
        if action is None:
            continue
        allowed = session.can(permission)
        action.setVisible(allowed)
        action.setEnabled(allowed)
    # Menus left without a visible action disappear too (Catalog, Reports).
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            menu_action.setVisible(any(a.isVisible() for a in menu.actions()))
