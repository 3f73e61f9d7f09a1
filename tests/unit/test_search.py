"""Dossier search: code, name, CCCD, phone, procedure; case and diacritics ignored."""

from __future__ import annotations

from datetime import date

import pytest

from hcc_desktop.core.text import fold
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.query import fts_query

from ..conftest import applicant, birth_draft


@pytest.fixture
def three(services: Services) -> Services:
    services.intake.accept(birth_draft())
    services.intake.accept(
        birth_draft(owner=applicant(full_name="Đặng Thị Hồng Đào", id_number="052190012345",
                                    date_of_birth="1990-02-01", phone="0356789012"))
    )  # fmt: skip
    services.intake.accept(
        birth_draft(owner=applicant(full_name="Trần Đức Dũng", id_number="052085009876",
                                    date_of_birth="1985-12-30", phone="02563822123"))
    )  # fmt: skip
    return services


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("dang thi", ["Đặng Thị Hồng Đào"]),
        ("ĐẶNG THỊ HỒ", ["Đặng Thị Hồng Đào"]),
        ("ĐẶNG", ["Trần Đức Dũng", "Đặng Thị Hồng Đào", "Nguyễn Văn An"]),  # "Đăng ký …"
        ("dao", ["Đặng Thị Hồng Đào"]),
        ("Đào", ["Đặng Thị Hồng Đào"]),
        ("dung", ["Trần Đức Dũng"]),
        ("duc dun", ["Trần Đức Dũng"]),  # prefix of the last word while typing
        ("0523", []),
        ("052190", ["Đặng Thị Hồng Đào"]),
        ("0356 789", ["Đặng Thị Hồng Đào"]),
        ("+84356789012", ["Đặng Thị Hồng Đào"]),
        ("02563822", ["Trần Đức Dũng"]),
        ("261123-0002", ["Đặng Thị Hồng Đào"]),
        ("000.17.22.H56-261123-0003", ["Trần Đức Dũng"]),
        ("nguyen khai sinh", ["Nguyễn Văn An"]),
        ("nguyen tran", []),
        ("   ", []),
        ('"; DROP TABLE dossiers; --', []),
    ],
)
def test_search(three: Services, typed: str, names: list[str]) -> None:
    assert [h.full_name for h in three.dossiers.search(typed)] == names


def test_all_three_share_the_procedure(three: Services) -> None:
    hits = three.dossiers.search("khai sinh")
    assert len(hits) == 3
    assert [h.code[-4:] for h in hits] == ["0003", "0002", "0001"]  # newest first


def test_todays_list(three: Services) -> None:
    assert len(three.dossiers.received_on(date(2026, 11, 23))) == 3
    assert three.dossiers.received_on(date(2026, 11, 24)) == []


def test_fold_and_query() -> None:
    assert fold("Đặng Thị Hồng ĐÀO") == "dang thi hong dao"
    assert fts_query("Nguyễn  Văn") == '"nguyen"* AND "van"*'
    assert fts_query("H56-2611") == '"h56 2611"*'
    assert fts_query("+84 912") == '"0912"*'
    assert fts_query("0912 345 678") == '"0912345678"*'
    assert fts_query("An 0912") == '"an"* AND "0912"*'
    assert fts_query("+84912345678") == '"0912345678"*'
    assert fts_query("***") == ""


def test_by_codes_keeps_the_order_given_and_skips_unknown_codes(three: Services) -> None:
    codes = [h.code for h in three.dossiers.received_on(date(2026, 11, 23))]
    wanted = [codes[2], "000.17.22.H56-000000-9999", codes[0]]
    assert [d.code for d in three.dossiers.by_codes(wanted)] == [codes[2], codes[0]]
    assert three.dossiers.by_codes([]) == []
