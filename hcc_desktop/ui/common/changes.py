"""One place where screens hear that data changed (Anki's change hook idea).

A mutating call runs as an operation on the task runner
(``TaskRunner.run_change``): it returns its result with the ``Changes`` it
made (hcc_desktop/core/changes.py), and the runner announces them once here.
Screens listen to ``change_hub().changed`` and refresh what the kinds touch.
``dossiers_changed`` and ``settings_changed`` are the older, one-kind signals:
an announcement emits them too, and code that still emits one of them directly
reaches the ``changed`` listeners as well (once: no echo either way).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hcc_desktop.core.changes import Changes


class ChangeHub(QObject):
    changed = Signal(object)  # Changes: every announcement, once
    # Ids of the dossiers that changed; empty when unknown (e.g. after a sync).
    dossiers_changed = Signal(list)
    settings_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.announcing = False
        self.dossiers_changed.connect(self._dossiers_emitted)
        self.settings_changed.connect(self._settings_emitted)

    def announce(self, changes: Changes) -> None:
        self.announcing = True
        try:
            self.changed.emit(changes)
            if changes.touches_dossiers:
                self.dossiers_changed.emit([] if changes.all_dossiers else list(changes.dossiers))
            if changes.settings:
                self.settings_changed.emit()
        finally:
            self.announcing = False

    def _dossiers_emitted(self, ids: list[str]) -> None:
        if not self.announcing:
            self.changed.emit(Changes.of_dossiers(*ids))

    def _settings_emitted(self) -> None:
        if not self.announcing:
            self.changed.emit(Changes(settings=True))


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    global _hub
    if _hub is None:
        _hub = ChangeHub()
    return _hub


def announce(changes: Changes) -> None:
    """Tell every screen what changed (the task runner calls this for operations)."""
    if changes:
        change_hub().announce(changes)


def notify_dossiers_changed(ids: list[str] | None = None) -> None:
    """Announce changed dossiers (ids, or none: which ones is not known).

    Kept for code outside operations; an operation returns its ``Changes`` instead.
    """
    announce(Changes.of_dossiers(*(ids or [])))
