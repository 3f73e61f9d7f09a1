"""Shared fixtures: every test gets its own data directory and database file."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import fields as dataclass_fields
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.identity import PersonInput
from hcc_desktop.services import Services, early, open_services
from hcc_desktop.services.accounts import make_hasher
from hcc_desktop.services.accounts import service as accounts_service
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft

# A Monday morning in office hours (Vietnam time), used as "now" by default.
NOW = datetime(2026, 11, 23, 9, 30)


OFFICER = "Trần Thị Bình"
# The administrator every test store gets (``services``; the CLI's ``init --admin-user``).
ADMIN_USER = "binh"
ADMIN_PASSWORD = "mat-khau-thu"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HCC_DESKTOP_HOME", str(tmp_path / "home"))
    # The CLI logs in from the environment: the administrator of ``init_cli``.
    monkeypatch.setenv("HCC_USER", ADMIN_USER)
    monkeypatch.setenv("HCC_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.delenv("HCC_NEW_PASSWORD", raising=False)
    # Argon2id at the library's cost is ~0.1 s a hash: tests use a tiny cost.
    monkeypatch.setattr(accounts_service, "default_hasher", fast_hasher)
    monkeypatch.setattr(early, "default_hasher", fast_hasher)  # the start-up's own check


def fast_hasher() -> PasswordHasher:
    return make_hasher(fast=True)


def log_in_admin(svc: Services, full_name: str = OFFICER) -> None:
    """Create the store's first administrator (``full_name`` on events) and log in."""
    svc.accounts.create_first_admin(
        user_name=ADMIN_USER, password=ADMIN_PASSWORD, full_name=full_name
    )


class FakeClock:
    """The services' clock in tests: pinned at ``now`` (a test moves it by setting
    ``now``); ``None`` follows the Vietnam wall clock."""

    def __init__(self, now: datetime | None) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now if self.now is not None else local_now()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def services_clock(clock: FakeClock) -> FakeClock:
    """The clock ``services`` runs on: ``clock`` (tests/ui/conftest.py: the wall clock)."""
    return clock


@pytest.fixture
def services(tmp_path: Path, services_clock: FakeClock) -> Iterator[Services]:
    """A fresh database with the seed catalog and its administrator (OFFICER) logged in."""
    svc = open_services(tmp_path / "hcc.db", clock=services_clock)
    log_in_admin(svc)
    yield svc
    # Work a window queued on the shared task runner must not outlive its database.
    tasks = sys.modules.get("hcc_desktop.ui.common.tasks")
    if tasks is not None:
        assert tasks.shared_runner().wait_idle(10_000)
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


_PERSON_FIELDS = {f.name for f in dataclass_fields(PersonInput)}


def birth_draft(*, services: Services | None = None, **overrides: object) -> IntakeDraft:
    """A complete Đăng ký khai sinh dossier.

    ``overrides``: fields of the draft (``received_at=…``, ``procedure_code=…``) or of the
    applicant (``full_name=…``, ``id_number=…``). With ``services``, the papers are the
    required ones of the procedure in its catalog.
    """
    person = {k: str(overrides.pop(k)) for k in list(overrides) if k in _PERSON_FIELDS}
    fields: dict[str, object] = {
        "procedure_code": "1.001193",
        "owner": applicant(**person),
        "components": (
            ComponentInput("1.001193-01", "original", 1),
            ComponentInput("1.001193-02", "original", 1),
        ),
        "received_at": NOW,
    }
    fields.update(overrides)
    if services is not None and "components" not in overrides:
        procedure = services.catalog.get(str(fields["procedure_code"]))
        fields["components"] = tuple(
            ComponentInput(c.id) for c in procedure.components if c.required
        )
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


# ``init`` of a test store through the CLI: its first administrator (HCC_USER, HCC_PASSWORD).
INIT = ("init", "--admin-user", ADMIN_USER, "--full-name", OFFICER)
