"""Catalog lookup, search without diacritics, and all-or-nothing import/export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hcc_desktop.core.errors import CatalogError, NotFound
from hcc_desktop.services import Services


def test_seed_has_the_common_ward_procedures(services: Services) -> None:
    codes = {p.code for p in services.catalog.list()}
    assert codes >= {
        "1.001193", "1.000894", "1.000656", "1.004873", "2.000635", "1.004859",
        "2.000815", "2.000884", "2.001035", "1.001612", "1.004222", "1.012753",
    }  # fmt: skip
    birth = services.catalog.get("1.001193")
    assert birth.name == "Đăng ký khai sinh"
    assert birth.processing_days == 0
    with pytest.raises(NotFound):
        services.catalog.get("9.999999")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("khai sinh", "1.001193"),
        ("Khai Sinh", "1.001193"),
        ("đăng ký khai sinh", "1.001193"),
        ("dang ky khai sinh", "1.001193"),
        ("1.0011", "1.001193"),
        ("chung thuc chu ky", "2.000884"),
        ("kết hôn", "1.000894"),
    ],
)
def test_search_with_or_without_diacritics(services: Services, typed: str, expected: str) -> None:
    assert services.catalog.search(typed)[0].code == expected


def _export(services: Services, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "catalog.json"
    services.catalog.export_file(path)
    return json.loads(path.read_text("utf-8"))


def test_export_then_import_is_a_no_op(services: Services, tmp_path: Path) -> None:
    data = _export(services, tmp_path)
    assert data["format"] == "hcc-catalog"
    report = services.catalog.import_file(tmp_path / "catalog.json")
    assert report.added == ()
    assert report.updated == {}
    assert len(report.unchanged) == len(data["procedures"])


def test_import_reports_changes_and_can_replace(services: Services, tmp_path: Path) -> None:
    data = _export(services, tmp_path)
    birth = next(p for p in data["procedures"] if p["code"] == "1.001193")
    birth["processing_days"] = 1
    birth["components"][0]["name"] = "Tờ khai đăng ký khai sinh (mẫu mới)"
    new = dict(birth, code="1.999999", name="Thủ tục thử nghiệm")
    new["components"] = [dict(c, id="1.999999-" + c["id"][-2:]) for c in birth["components"]]
    keep = [p for p in data["procedures"] if p["code"] in ("1.001193", "2.000815")]
    path = tmp_path / "update.json"
    path.write_text(json.dumps(dict(data, procedures=[*keep, new]), ensure_ascii=False), "utf-8")

    report = services.catalog.import_file(path, replace=True)
    assert report.added == ("1.999999",)
    assert set(report.updated["1.001193"]) == {"processing_days", "components"}
    assert report.unchanged == ("2.000815",)
    assert "1.000894" in report.deactivated
    assert services.catalog.get("1.001193").processing_days == 1
    assert services.catalog.get("1.000894").active is False
    assert "1.000894" not in {p.code for p in services.catalog.list()}


def test_bad_file_is_refused_whole_with_every_problem(services: Services, tmp_path: Path) -> None:
    data = _export(services, tmp_path)
    data["procedures"][0]["processing_days"] = -1
    data["procedures"][1]["code"] = "not-a-code"
    data["procedures"][2]["components"] = []
    data["procedures"][3]["name"] = "Đổi tên nhưng sẽ không được áp dụng"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = services.catalog.get(data["procedures"][3]["code"]).name
    with pytest.raises(CatalogError) as err:
        services.catalog.import_file(path)
    text = " | ".join(err.value.problems)
    assert "procedures.0.processing_days" in text
    assert "procedures.1.code" in text
    assert "procedures.2.components" in text
    assert services.catalog.get(data["procedures"][3]["code"]).name == before


@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"format": "other", "version": 1, "procedures": []}', b"\xff\xfe"],
)
def test_garbage_files_are_refused(services: Services, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(CatalogError):
        services.catalog.import_file(path)


def test_duplicate_codes_refused(services: Services, tmp_path: Path) -> None:
    data = _export(services, tmp_path)
    data["procedures"].append(data["procedures"][0])
    path = tmp_path / "dup.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(CatalogError, match="duplicate"):
        services.catalog.import_file(path)
