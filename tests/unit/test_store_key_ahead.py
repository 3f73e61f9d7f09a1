"""The store key looked up ahead (issue 14): on a thread of its own, without SQLAlchemy,
handed to ``open_services``; what ``unlock_store`` raises is raised where it is
collected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desktop.core.errors import StoreKeyError
from hcc_desktop.services import open_services
from hcc_desktop.services.encryption import UnlockAhead, forget_store_key, load_store_key
from tests.conftest import FakeClock, birth_draft, log_in_admin

ROOT = Path(__file__).resolve().parents[2]


def test_the_key_package_imports_no_sqlalchemy() -> None:
    probe = (
        "import json, sys\n"
        "import hcc_desktop.services.encryption\n"
        "print(json.dumps(sorted(m for m in ('sqlalchemy', 'hcc_desktop.services.wiring',"
        " 'hcc_desktop.db.engine') if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout) == []


def test_a_new_store_is_opened_with_the_key_looked_up_ahead(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = tmp_path / "hcc.db"
    ahead = UnlockAhead(store)
    unlock = ahead.result()
    assert unlock.new_recovery_key is not None  # made for this new store, shown once
    svc = open_services(store, clock=clock, unlock=unlock)
    try:
        assert svc.recovery_key == unlock.new_recovery_key
        log_in_admin(svc)
        code = svc.intake.accept(birth_draft(services=svc)).code
    finally:
        svc.close()
    assert load_store_key(store) == unlock.key
    # The next start: the same key, nothing to show; the dossier is there.
    again = UnlockAhead(store).result()
    assert again.key == unlock.key
    assert again.new_recovery_key is None
    svc = open_services(store, clock=clock, unlock=again)
    try:
        assert svc.recovery_key is None
        assert svc.dossiers.get(code).code == code
    finally:
        svc.close()


def test_a_missing_key_is_raised_where_the_result_is_collected(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = tmp_path / "hcc.db"
    open_services(store, clock=clock).close()
    forget_store_key(store)
    ahead = UnlockAhead(store)
    with pytest.raises(StoreKeyError) as caught:
        ahead.result()
    assert caught.value.code == "key_missing"
    with pytest.raises(StoreKeyError):
        ahead.result()  # collected again: the same error, not a None key
