"""The officer logged in: one place for the whole app (``services.session``).

The CLI logs in once per command, the UI at start-up (and after an idle lock). Every
service that records who acted (intake ``received_by``, lifecycle ``actor``, ratings,
complaints, field sessions and visits) asks this session, never a free-text setting.
"""

from __future__ import annotations

import threading

from hcc_desktop.core.accounts import Officer, Permission
from hcc_desktop.core.errors import AuthError, PermissionDenied


class OfficerSession:
    """Who is logged in on this store; thread-safe (the GUI and the task runner read it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._officer: Officer | None = None

    @property
    def officer(self) -> Officer | None:
        with self._lock:
            return self._officer

    def log_in(self, officer: Officer) -> None:
        with self._lock:
            self._officer = officer

    def log_out(self) -> None:
        with self._lock:
            self._officer = None

    def current(self) -> Officer:
        """The logged-in officer; ``AuthError("not_logged_in")`` when nobody is."""
        officer = self.officer
        if officer is None:
            raise AuthError("not_logged_in")
        return officer

    def actor_name(self) -> str:
        """The name events and slips record: the logged-in officer's full name."""
        return self.current().display_name

    def can(self, permission: Permission | str) -> bool:
        officer = self.officer
        return officer is not None and officer.can(permission)

    def require(self, permission: Permission | str) -> Officer:
        """The logged-in officer if the role allows ``permission``, else ``PermissionDenied``."""
        officer = self.current()
        if not officer.can(permission):
            raise PermissionDenied(
                "not_allowed", permission=str(permission), role=officer.role.value
            )
        return officer
