"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from hcc_desktop.core.identity import PersonInput
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft

# A Monday morning in office hours (Vietnam time), used as "now" by default.
NOW = datetime(2026, 11, 23, 9, 30)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCC_DESKTOP_HOME", str(tmp_path / "home"))


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def services(tmp_path: Path, clock: FakeClock) -> Iterator[Services]:
    svc = open_services(tmp_path / "hcc.db", clock=clock)
    svc.settings.save(replace(svc.settings.load(), officer_name="Trần Thị Bình"))
    yield svc
    svc.close()


def applicant(**overrides: str) -> PersonInput:
    base = {
        "full_name": "Nguyễn Văn An",
        "id_number": "079203001234",
        "date_of_birth": "2003-03-15",
        "phone": "0912345678",
        "address": "123 Lê Lợi, khu phố 3, phường Hoài Nhơn Bắc",
    }
    base.update(overrides)
    return PersonInput(**base)


def birth_draft(**overrides: object) -> IntakeDraft:
    """A complete Đăng ký khai sinh dossier."""
    fields: dict[str, object] = {
        "procedure_code": "1.001193",
        "owner": applicant(),
        "components": (
            ComponentInput("1.001193-01", "original", 1),
            ComponentInput("1.001193-02", "original", 1),
        ),
        "received_at": NOW,
    }
    fields.update(overrides)
    return IntakeDraft(**fields)  # type: ignore[arg-type]


def marriage_status_draft(**overrides: object) -> IntakeDraft:
    """A complete Cấp Giấy xác nhận tình trạng hôn nhân dossier (3 working days)."""
    fields: dict[str, object] = {
        "procedure_code": "1.004873",
        "owner": applicant(),
        "components": (ComponentInput("1.004873-01", "original", 1),),
        "received_at": NOW,
    }
    fields.update(overrides)
    return IntakeDraft(**fields)  # type: ignore[arg-type]
