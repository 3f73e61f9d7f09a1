"""Checks on the shipped seed catalog data (resources/catalog/seed_catalog.json)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SEED = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "seed_catalog.json"

# DOMAIN.md §7: the procedures every ward counter needs from day one.
DOMAIN_CODES = {
    "1.001193",
    "1.000894",
    "1.000656",
    "1.004873",
    "2.000635",
    "1.004859",
    "2.000815",
    "2.000884",
    "2.001035",
    "1.001612",
    "1.004222",
    "1.012753",
}
UNITS = {"dossier", "copy", "page"}
PROCEDURE_KEYS = {
    "code",
    "name",
    "short_name",
    "field",
    "processing_days",
    "processing_days_alt",
    "processing_alt_note",
    "fees",
    "fee_note",
    "result",
    "legal_basis",
    "online_level",
    "components",
}
COMPONENT_KEYS = {
    "id",
    "name",
    "originals",
    "certified",
    "copies",
    "required",
    "condition",
    "reusable",
}


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def procedures(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    procs: list[dict[str, Any]] = catalog["procedures"]
    return procs


@pytest.fixture(scope="module")
def by_code(procedures: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["code"]: p for p in procedures}


def _is_int(value: object) -> bool:
    # bool is a subclass of int; a count or an amount written as true/false is a data error.
    return isinstance(value, int) and not isinstance(value, bool)


def _strings(value: object, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path, key
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def test_format_header(catalog: dict[str, Any]) -> None:
    assert catalog["format"] == "hcc-catalog"
    assert catalog["version"] == 1
    assert catalog["published_by"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", catalog["published_at"])
    assert isinstance(catalog["procedures"], list)
    assert catalog["procedures"]


def test_domain_procedures_present(by_code: dict[str, dict[str, Any]]) -> None:
    assert set(by_code) >= DOMAIN_CODES, sorted(DOMAIN_CODES - set(by_code))


def test_codes_match_pattern_and_are_unique(procedures: list[dict[str, Any]]) -> None:
    codes = [p["code"] for p in procedures]
    assert all(re.fullmatch(r"\d\.\d{6}", c) for c in codes), codes
    assert len(codes) == len(set(codes))


def test_procedure_fields(procedures: list[dict[str, Any]]) -> None:
    for p in procedures:
        where = p["code"]
        assert set(p) == PROCEDURE_KEYS, where
        for key in ("name", "field", "result", "legal_basis"):
            assert p[key].strip(), f"{where}: {key}"
        assert _is_int(p["processing_days"]), where
        assert p["processing_days"] >= 0, where
        alt = p["processing_days_alt"]
        if alt is None:
            assert p["processing_alt_note"] == "", where
        else:
            assert _is_int(alt), where
            assert alt >= 0, where
            assert alt != p["processing_days"], where
            assert p["processing_alt_note"].strip(), where
        assert p["online_level"] in {"full", "partial"}, where


def test_fees(procedures: list[dict[str, Any]]) -> None:
    for p in procedures:
        for f in p["fees"]:
            where = f"{p['code']}: {f}"
            assert {"name", "amount", "unit", "note"} <= set(f), where
            assert set(f) <= {"name", "amount", "unit", "note", "first_units", "max_total"}, where
            assert all(
                _is_int(f.get(k, 0)) and f.get(k, 0) >= 0 for k in ("first_units", "max_total")
            ), where
            assert f["name"].strip(), where
            assert _is_int(f["amount"]), where
            assert f["amount"] >= 0, where
            assert f["unit"] in UNITS, where
            if f["amount"] == 0:
                # A zero amount is only meaningful with a note: free, or set by the province.
                assert f["note"].strip(), where
        if not p["fees"]:
            assert p["fee_note"].strip(), p["code"]


def test_component_ids_unique_and_prefixed(procedures: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for p in procedures:
        assert p["components"], p["code"]
        for c in p["components"]:
            assert re.fullmatch(re.escape(p["code"]) + r"-\d{2}", c["id"]), c["id"]
            assert c["id"] not in seen, c["id"]
            seen.add(c["id"])


def test_component_fields(procedures: list[dict[str, Any]]) -> None:
    for p in procedures:
        for c in p["components"]:
            where = c["id"]
            assert set(c) == COMPONENT_KEYS, where
            assert c["name"].strip(), where
            assert len(c["name"]) <= 140, where
            counts = (c["originals"], c["certified"], c["copies"])
            assert all(_is_int(n) and n >= 0 for n in counts), where
            assert any(n > 0 for n in counts), where
            assert isinstance(c["required"], bool), where
            assert isinstance(c["reusable"], bool), where
            if not c["required"]:
                assert c["condition"].strip(), where


def test_every_procedure_has_a_required_component(procedures: list[dict[str, Any]]) -> None:
    for p in procedures:
        assert any(c["required"] for c in p["components"]), p["code"]


def test_power_of_attorney_is_conditional_where_submitter_may_differ(
    by_code: dict[str, dict[str, Any]],
) -> None:
    for code in ("1.001193", "1.000656", "1.004873", "2.000635", "1.004859", "1.001612"):
        poa = [c for c in by_code[code]["components"] if "ủy quyền" in c["name"].lower()]
        assert poa, code
        assert all(not c["required"] and c["condition"] for c in poa), code


def test_all_strings_are_nfc(catalog: dict[str, Any]) -> None:
    bad = [path for path, s in _strings(catalog) if not unicodedata.is_normalized("NFC", s)]
    assert not bad, bad


def test_file_text_is_nfc() -> None:
    # Escaped sequences (\u0301) would pass the parsed check; the raw text must be NFC too.
    text = SEED.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "\\u" not in text


def _fee(p: dict[str, Any], unit: str) -> list[int]:
    return [f["amount"] for f in p["fees"] if f["unit"] == unit]


def test_statutory_fee_figures(by_code: dict[str, dict[str, Any]]) -> None:
    # Thông tư 281/2016/TT-BTC: bản sao trích lục hộ tịch.
    assert _fee(by_code["2.000635"], "copy") == [8000]
    # Thông tư 226/2016/TT-BTC: chứng thực.
    assert sorted(_fee(by_code["2.000815"], "page")) == [1000, 2000]
    assert "200.000" in by_code["2.000815"]["fee_note"]
    assert _fee(by_code["2.000884"], "dossier") == [10000]
    assert _fee(by_code["2.001035"], "dossier") == [50000]
    # Thông tư 75/2022/TT-BTC: đăng ký thường trú, trực tiếp / trực tuyến.
    assert _fee(by_code["1.004222"], "dossier") == [20000]
    assert "10.000" in by_code["1.004222"]["fees"][0]["note"]


def test_statutory_processing_times(by_code: dict[str, dict[str, Any]]) -> None:
    days = {code: (p["processing_days"], p["processing_days_alt"]) for code, p in by_code.items()}
    assert days["1.001193"][0] == 0
    assert days["1.000894"] == (0, 5)
    assert days["1.000656"][0] == 0
    assert days["1.004873"][0] == 3
    assert days["2.000635"][0] == 0
    assert days["2.000815"][0] == 0
    assert days["2.000884"][0] == 0
    assert days["2.001035"][0] == 2
    assert days["1.001612"][0] == 3
    assert days["1.004222"][0] == 7
    assert days["1.012753"][0] == 20


def test_loader_accepts_seed() -> None:
    # The app's own parser is the contract; the seed must pass it unchanged.
    from hcc_desktop.services.catalog import parse_catalog

    parsed = parse_catalog(SEED.read_bytes())
    assert {p.code for p in parsed} >= DOMAIN_CODES
