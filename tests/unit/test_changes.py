"""What a mutating call changed (core.changes) and the results that carry it."""

from __future__ import annotations

from datetime import datetime

import pytest

from hcc_desktop.core.changes import NO_CHANGES, Changes, changes_of
from hcc_desktop.services import Services
from hcc_desktop.services.catalog import ImportReport
from hcc_desktop.services.sync.results import RegistrationResult, SyncResult
from tests.conftest import birth_draft


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


def test_a_sync_result_carries_the_settings_and_catalog_it_pulled() -> None:
    assert SyncResult(settings_changed=True).changes == Changes(settings=True)
    assert SyncResult(catalog_changed=True).changes == Changes(catalog=True)
    assert "settings_changed" not in SyncResult().to_json()  # the CLI's output stays


def test_snooze_and_the_calendar_table_return_what_they_changed(services: Services) -> None:
    dossier = services.intake.accept(birth_draft())
    until = datetime(2030, 1, 1, 8, 0)
    assert services.lifecycle.snooze(dossier.code, until=until) == Changes.of_dossiers(dossier.id)
    overrides = services.settings.calendar_overrides()
    assert services.settings.set_calendar_overrides(overrides) == Changes(settings=True)


def test_what_a_write_returns_says_what_it_changed(services: Services) -> None:
    """The UI announces changes_of(result): never a Changes of its own making."""
    dossier = services.intake.accept(birth_draft())
    assert changes_of(dossier) == Changes.of_dossiers(dossier.id)
    saved = services.settings.save(services.settings.load())
    assert changes_of(saved) == Changes(settings=True)
    assert changes_of(Changes(catalog=True)) == Changes(catalog=True)
    assert changes_of(SyncResult(pulled=1)) == Changes(all_dossiers=True)
    with pytest.raises(TypeError):
        changes_of("a value that says nothing")


def test_the_due_soon_horizon_changes_the_settings_only_when_it_differs(
    services: Services,
) -> None:
    days = services.settings.load().due_soon_days
    assert services.settings.set_due_soon_days(days) == NO_CHANGES
    assert services.settings.set_due_soon_days(days + 1) == Changes(settings=True)
    assert services.settings.load().due_soon_days == days + 1
