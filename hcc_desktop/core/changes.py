"""What a mutating call changed (Anki's ``OpChanges``): screens refresh from it.

A mutating service call hands back (alongside or inside its result) a
``Changes``; the UI's task runner announces it once on the change hub
(``hcc_desktop/ui/common/changes.py``) and every screen decides from its kinds
whether to reload.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Ids and kinds of what changed."""

    dossiers: tuple[str, ...] = ()  # ids of dossiers created or changed
    all_dossiers: bool = False  # dossiers changed whose ids are not known (a sync pulled them)
    complaints: tuple[str, ...] = ()  # ids of complaints created or changed
    settings: bool = False  # the unit's or the device's settings, the calendar
    catalog: bool = False  # the procedure catalog
    accounts: tuple[str, ...] = ()  # user names of officer accounts created or changed

    @classmethod
    def of_dossiers(cls, *ids: str) -> Changes:
        """The dossiers ``ids`` changed (none given: some dossiers, which ones unknown)."""
        return cls(dossiers=tuple(i for i in ids if i), all_dossiers=not any(ids))

    @property
    def touches_dossiers(self) -> bool:
        return self.all_dossiers or bool(self.dossiers)

    def __bool__(self) -> bool:
        return (
            self.touches_dossiers
            or bool(self.complaints)
            or self.settings
            or self.catalog
            or bool(self.accounts)
        )

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            dossiers=tuple(dict.fromkeys(self.dossiers + other.dossiers)),
            all_dossiers=self.all_dossiers or other.all_dossiers,
            complaints=tuple(dict.fromkeys(self.complaints + other.complaints)),
            settings=self.settings or other.settings,
            catalog=self.catalog or other.catalog,
            accounts=tuple(dict.fromkeys(self.accounts + other.accounts)),
        )


NO_CHANGES = Changes()


def changes_of(result: object) -> Changes:
    """What a mutating service call changed, read from what it returned: a
    ``Changes`` itself, or a result that carries one as ``result.changes`` (a stored
    ``Dossier``, ``Complaint`` or ``AppSettings``, a ``SyncResult``, an
    ``ImportReport`` …). The UI announces exactly this, never a guess of its own."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    if isinstance(changes, Changes):
        return changes
    raise TypeError(f"{type(result).__name__} does not say what it changed")


__all__ = ["NO_CHANGES", "Changes", "changes_of"]
