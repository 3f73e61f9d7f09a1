"""What a mutating call changed (core.changes) and the results that carry it."""

from __future__ import annotations

from hcc_desktop.core.changes import NO_CHANGES, Changes
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.services.sync.results import RegistrationResult, SyncResult


def test_changes_name_ids_and_kinds_and_merge() -> None:
    assert not NO_CHANGES
    one = Changes.of_dossiers("a", "b")
    assert one.dossiers == ("a", "b")
    assert not one.all_dossiers
    assert one.touches_dossiers
    unknown = Changes.of_dossiers()
    assert unknown.all_dossiers
    assert unknown.dossiers == ()
    merged = one | Changes.of_dossiers("b", "c") | Changes(settings=True)
    assert merged.dossiers == ("a", "b", "c")
    assert merged.settings
    assert not merged.catalog
    assert not merged.all_dossiers
    assert Changes(catalog=True)
    assert Changes(complaints=("k",))


def test_results_say_what_they_changed() -> None:
    assert SyncResult(pulled=3).changes == Changes(all_dossiers=True)
    assert SyncResult(conflicts=1).changes.all_dossiers
    assert not SyncResult(pushed=5).changes  # pushing changes nothing here
    registration = RegistrationResult("dev", "H56.01", 1, "https://x", "")
    assert registration.changes == Changes(settings=True)
    assert ImportReport(added=("1.001193",)).changes == Changes(catalog=True)
    assert not ImportReport(unchanged=("1.001193",)).changes
