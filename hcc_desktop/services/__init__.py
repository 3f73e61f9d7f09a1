"""Services: the only way the UI and the CLI touch the store.

Every method takes and returns plain frozen dataclasses; one write is one
``with db.write()`` transaction inside a service method.

``Services`` and ``open_services`` live in ``services/wiring.py`` and are imported on
first use: importing this package (as every ``services.*`` module does) must not
import SQLAlchemy, so that the desktop program can look the store's key up in the
keyring (``services.encryption``) while its first window paints (issue 14).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hcc_desktop.services.wiring import Services, open_services

__all__ = ["Services", "open_services"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from hcc_desktop.services import wiring

        value = getattr(wiring, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
