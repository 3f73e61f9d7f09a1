"""Operations shared by the dossier action dialogs: a service call that changes one dossier."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hcc_desktop.core.changes import Changes


def change_dossier(
    fn: Callable[..., Any], dossier_id: str, *args: Any, **kwargs: Any
) -> tuple[Any, Changes]:
    """Runs on the task runner: ``fn(*args, **kwargs)``, which changes the dossier
    ``dossier_id`` (a transition, a rating, an apology letter…)."""
    return fn(*args, **kwargs), Changes.of_dossiers(dossier_id)
