"""Dossier codes: unique per unit and day across devices working offline."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from hcc_desktop.core.errors import CodeSpaceExhausted, ValidationError
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.codes import format_code, next_code
from tests.conftest import log_in_admin

from ..conftest import FakeClock, birth_draft

CODE = re.compile(r"^000\.17\.22\.H56-\d{6}-\d{4}$")


def _device(tmp_path: Path, name: str, slot: int, clock: FakeClock) -> Services:
    svc = open_services(tmp_path / f"{name}.db", clock=clock)
    log_in_admin(svc, "Lê Văn Hòa")  # the settings are the administrator's
    svc.settings.save(replace(svc.settings.load(), device_slot=slot, device_name=name))
    return svc


def test_code_format() -> None:
    assert format_code("000.17.22.H56", date(2026, 11, 23), 7) == "000.17.22.H56-261123-0007"
    assert format_code("000.17.22.H56", date(2026, 1, 2), 1001) == "000.17.22.H56-260102-1001"


def test_one_device_numbers_the_day_consecutively(services: Services, clock: FakeClock) -> None:
    codes = [services.intake.accept(birth_draft()).code for _ in range(3)]
    assert codes == [
        "000.17.22.H56-261123-0001",
        "000.17.22.H56-261123-0002",
        "000.17.22.H56-261123-0003",
    ]
    # The next day starts again at 0001.
    clock.now = datetime(2026, 11, 24, 8, 30)
    nxt = services.intake.accept(birth_draft(received_at=datetime(2026, 11, 24, 8, 0)))
    assert nxt.code == "000.17.22.H56-261124-0001"


def test_three_offline_devices_on_one_day_never_collide(tmp_path: Path, clock: FakeClock) -> None:
    clock.now = datetime(2026, 11, 24, 16, 0)
    devices = [_device(tmp_path, f"dev{slot}", slot, clock) for slot in (0, 1, 2)]
    try:
        codes: list[str] = []
        for i in range(40):
            for svc in devices:
                at = datetime(2026, 11, 24, 7, 0) + timedelta(minutes=i)
                codes.append(svc.intake.accept(birth_draft(received_at=at)).code)
        assert len(codes) == 120
        assert len(set(codes)) == 120
        assert all(CODE.match(c) for c in codes)
        by_slot = {c[-4] for c in codes}
        assert by_slot == {"0", "1", "2"}
        assert "000.17.22.H56-261124-1001" in codes  # slot 1 numbers from 1001
        assert "000.17.22.H56-261124-2040" in codes  # slot 2, fortieth dossier
    finally:
        for svc in devices:
            svc.close()


def test_slot_block_is_bounded(services: Services) -> None:
    with services.db.write() as s:
        for _ in range(999):
            next_code(s, unit_code="U", day=date(2026, 11, 23), device_slot=3)
        with pytest.raises(CodeSpaceExhausted):
            next_code(s, unit_code="U", day=date(2026, 11, 23), device_slot=3)


def test_slot_must_be_a_single_digit(services: Services) -> None:
    with pytest.raises(ValidationError) as err:
        services.settings.save(replace(services.settings.load(), device_slot=10))
    assert err.value.for_field("device_slot") is not None


def test_concurrent_writers_on_one_file_get_distinct_codes(tmp_path: Path) -> None:
    """The app and the CLI may write the same file at once: codes stay unique."""
    import subprocess
    import sys

    db = tmp_path / "shared.db"
    open_services(db).close()
    script = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from datetime import datetime\n"
        "from hcc_desktop.services import open_services\n"
        "from hcc_desktop.core.identity import PersonInput\n"
        "from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft\n"
        "svc = open_services(sys.argv[1], clock=lambda: datetime(2026, 11, 23, 10, 0))\n"
        "owner = PersonInput(full_name='Nguyễn Văn An', id_number='079203001234',\n"
        "    date_of_birth='2003-03-15', phone='0912345678', address='12 Lê Lợi, khu phố 1')\n"
        "for _ in range(25):\n"
        "    d = svc.intake.accept(IntakeDraft(procedure_code='1.001193', owner=owner,\n"
        "        components=(ComponentInput('1.001193-01'), ComponentInput('1.001193-02')),\n"
        "        received_at=datetime(2026, 11, 23, 9, 0), received_by='CB'))\n"
        "    print(d.code, flush=True)\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    codes = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0
        codes += out.split()
    assert len(codes) == 75
    assert len(set(codes)) == 75
    svc = open_services(db)
    try:
        assert svc.dossiers.count() == 75
    finally:
        svc.close()
