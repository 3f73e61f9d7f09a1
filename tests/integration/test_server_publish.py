"""Catalog, calendar and unit settings published with the CLI reach devices' pulls.

Global documents show up in every unit's pull, so this module has a database
and a server of its own (per backend).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hcc_desktop.core.worktime import DEFAULT_OVERRIDES_PATH
from hcc_desktop.server.cli import main
from hcc_desktop.services.catalog import SEED_CATALOG

from .conftest import Harness, new_unit_code

UNIT_SETTINGS = {
    "unit_name": "Trung tâm Phục vụ hành chính công phường Hoài Nhơn Bắc",
    "parent_body": "UBND PHƯỜNG HOÀI NHƠN BẮC",
    "place_name": "Hoài Nhơn Bắc",
    "public_lookup_url": "https://dichvucong.example.vn/tra-cuu?ma={code}",
    "unit_phone": "0256 3861 234",
}


def publish(harness: Harness, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    url = harness.store.db.url
    code = main(["server", "publish", "--database", url, "--json", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else err)


def kinds(changes: list[dict[str, Any]]) -> list[str]:
    return [c["kind"] for c in changes]


def test_published_documents_reach_the_units_devices(
    module_harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unit, other_unit = new_unit_code(), new_unit_code()
    device = module_harness.device(unit)
    stranger = module_harness.device(other_unit)
    settings_file = tmp_path / "unit.json"
    settings_file.write_text(json.dumps(UNIT_SETTINGS, ensure_ascii=False), encoding="utf-8")

    code, outcomes = publish(
        module_harness,
        capsys,
        "--catalog", str(SEED_CATALOG),
        "--calendar", str(DEFAULT_OVERRIDES_PATH),
        "--unit", unit,
        "--unit-settings", str(settings_file),
    )  # fmt: skip
    assert code == 0
    assert [o["kind"] for o in outcomes] == ["catalog", "calendar", "unit_settings"]
    assert all(o["changed"] for o in outcomes)

    changes, cursor = device.pull_all()
    assert kinds(changes) == ["catalog", "calendar", "unit_settings"]
    catalog, calendar, settings = (c["data"] for c in changes)
    assert catalog == json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    seed_overrides = json.loads(DEFAULT_OVERRIDES_PATH.read_text(encoding="utf-8"))["overrides"]
    assert calendar["overrides"][0] == {
        "day": seed_overrides[0]["date"],
        "kind": seed_overrides[0]["kind"],
        "note": seed_overrides[0]["note"],
        "status": seed_overrides[0]["status"],
        "source": seed_overrides[0]["source"],
    }
    # The file's days, then what the holidays package adds beyond the Labour Code, to
    # confirm: a device replaces its table with this document.
    published = {o["day"]: o for o in calendar["overrides"]}
    assert {o["date"] for o in seed_overrides} <= set(published)
    assert published["2026-11-24"]["status"] == "to_confirm"
    assert published["2026-08-31"]["status"] == "to_confirm"
    assert settings == UNIT_SETTINGS
    assert cursor == max(o["rev"] for o in outcomes)

    # Another unit gets the catalog and calendar, not this unit's settings.
    stranger_changes, _ = stranger.pull_all()
    assert kinds(stranger_changes) == ["catalog", "calendar"]

    # Publishing the same again changes nothing; a new version replaces the old
    # one, and a device that already had the old one gets only the new one.
    code, outcomes = publish(module_harness, capsys, "--catalog", str(SEED_CATALOG))
    assert code == 0
    assert outcomes[0]["changed"] is False
    assert device.changes(cursor)["changes"] == []
    changed_settings = dict(UNIT_SETTINGS, unit_phone="0256 3861 999")
    settings_file.write_text(json.dumps(changed_settings), encoding="utf-8")
    code, outcomes = publish(
        module_harness, capsys, "--unit", unit, "--unit-settings", str(settings_file)
    )
    assert code == 0
    assert outcomes[0]["rev"] > cursor
    later, _ = device.pull_all(cursor)
    assert later == [{"rev": outcomes[0]["rev"], "kind": "unit_settings", "data": changed_settings}]
    # A device enrolled now gets one copy of each, the latest.
    newcomer = module_harness.device(unit)
    fresh, _ = newcomer.pull_all()
    assert kinds(fresh) == ["catalog", "calendar", "unit_settings"]
    assert fresh[-1]["data"] == changed_settings


def test_a_broken_catalog_is_refused_and_nothing_published(
    module_harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    device = module_harness.device(new_unit_code())
    _, cursor = device.pull_all()
    catalog = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    catalog["procedures"][0]["processing_days"] = -1
    del catalog["procedures"][1]["components"]
    broken = tmp_path / "catalog.json"
    broken.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
    good_settings = tmp_path / "unit.json"
    good_settings.write_text(json.dumps(UNIT_SETTINGS), encoding="utf-8")

    code, err = publish(
        module_harness,
        capsys,
        "--catalog", str(broken),
        "--unit", device.unit_code,
        "--unit-settings", str(good_settings),
    )  # fmt: skip
    assert code == 2
    assert "catalog file rejected" in err
    assert "processing_days" in err
    assert "components" in err
    # Checked as a whole: not even the valid unit settings went out.
    assert device.changes(cursor)["changes"] == []

    not_json = tmp_path / "garbage.json"
    not_json.write_text("{", encoding="utf-8")
    assert publish(module_harness, capsys, "--catalog", str(not_json))[0] == 2
    assert device.changes(cursor)["changes"] == []


@pytest.mark.parametrize(
    ("settings", "fault"),
    [
        ({**UNIT_SETTINGS, "unit_name": " "}, "unit_name: required"),
        ({**UNIT_SETTINGS, "public_lookup_url": "ftp://x"}, "public_lookup_url: url_format"),
        ({**UNIT_SETTINGS, "printer": "HP"}, "printer: unknown"),
        ({**UNIT_SETTINGS, "unit_phone": 123}, "unit_phone: not_text"),
        ([UNIT_SETTINGS], "unit_settings: not_an_object"),
    ],
)
def test_bad_unit_settings_are_refused(
    module_harness: Harness,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    settings: Any,
    fault: str,
) -> None:
    path = tmp_path / "unit.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    code, err = publish(
        module_harness, capsys, "--unit", new_unit_code(), "--unit-settings", str(path)
    )
    assert code == 2
    assert "invalid input" in err
    assert fault in err


def test_a_bad_calendar_is_refused(
    module_harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(
        json.dumps(
            {
                "format": "hcc-calendar-overrides",
                "version": 1,
                "overrides": [{"date": "2026-02-30", "kind": "holiday", "note": ""}],
            }
        ),
        encoding="utf-8",
    )
    code, err = publish(module_harness, capsys, "--calendar", str(path))
    assert code == 2
    assert "overrides[0].date" in err
    assert "overrides[0].kind" in err


def test_publish_needs_something_to_publish(
    module_harness: Harness, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert publish(module_harness, capsys)[0] == 2
    path = tmp_path / "unit.json"
    path.write_text(json.dumps(UNIT_SETTINGS), encoding="utf-8")
    code, err = publish(module_harness, capsys, "--unit-settings", str(path))
    assert code == 2
    assert "--unit and --unit-settings go together" in err
