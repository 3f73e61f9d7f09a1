"""One place where screens hear that data changed (Anki's change hook idea).

Whoever changes dossiers through a service (intake, a transition, a sync that
pulled something) calls ``notify_dossiers_changed``; lists, counts and the
reminder panel listen to ``change_hub().dossiers_changed`` and refresh.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    # Ids of the dossiers that changed; empty when unknown (e.g. after a sync).
    dossiers_changed = Signal(list)
    settings_changed = Signal()


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


def notify_dossiers_changed(ids: list[str] | None = None) -> None:
    change_hub().dossiers_changed.emit(list(ids or []))
