"""The officer logged in: one place for the whole app (``services.session``).

The CLI logs in once per command, the UI at start-up (and after an idle lock). Every
service that records who acted (intake ``received_by``, lifecycle ``actor``, ratings,
complaints, field sessions and visits) asks this session, never a free-text setting.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from hcc_desktop.core.accounts import Officer, Permission
from hcc_desktop.core.errors import AuthError, PermissionDenied
from hcc_desktop.core.permissions import SERVICE_METHODS


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


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(key: str) -> Callable[[_F], _F]:
    """Check the role before the method runs: ``key`` names its row in
    ``core/permissions.SERVICE_METHODS`` ("settings.save"), the one table of who may do
    what. The service's ``_session`` is asked (``PermissionDenied``, ``not_allowed``;
    ``AuthError``, ``not_logged_in``) before the arguments are looked at. A service built
    without a session (a test's or a tool's, never ``open_services``') checks nothing.
    """
    permission = SERVICE_METHODS[key]  # a method named nowhere in the table fails at import

    def wrap(method: _F) -> _F:
        @functools.wraps(method)
        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            session: OfficerSession | None = getattr(self, "_session", None)
            if session is not None:
                session.require(permission)
            return method(self, *args, **kwargs)

        checked.__guarded__ = key  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return wrap
