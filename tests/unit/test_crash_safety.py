"""A killed process never corrupts the store or loses an acknowledged dossier."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hcc_desktop.services import open_services
from tests import keyed

BURST = r"""
import sys
from datetime import datetime
from hcc_desktop.core.identity import PersonInput
from hcc_desktop.services import open_services
from hcc_desktop.services.dossiers.intake import ComponentInput, IntakeDraft

svc = open_services(sys.argv[1], clock=lambda: datetime(2026, 11, 23, 16, 0))
owner = PersonInput(full_name="Phạm Thị Hương", id_number="052190001234",
                    date_of_birth="1990-05-01", phone="0987654321",
                    address="Khu phố 7, phường Hoài Nhơn Bắc")
print("ready", flush=True)
i = 0
while True:
    i += 1
    d = svc.intake.accept(IntakeDraft(
        procedure_code="2.000815", owner=owner, received_by="Cán bộ A",
        components=(ComponentInput("2.000815-01", "original", 1),),
        received_at=datetime(2026, 11, 23, 8, 0), note=f"burst {i}"))
    # Acknowledge only after accept() returned, i.e. after the commit.
    print(d.code, flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 17, 60])
def test_kill_during_a_burst_of_intakes(tmp_path: Path, kill_after: int) -> None:
    db = tmp_path / "burst.db"
    open_services(db).close()
    proc = subprocess.Popen(
        [sys.executable, "-c", BURST, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    acknowledged = []
    for _ in range(kill_after):
        acknowledged.append(proc.stdout.readline().strip())
    os.kill(proc.pid, signal.SIGKILL)  # no clean-up, no atexit, mid-transaction
    proc.wait(timeout=30)
    # Lines already written to the pipe before the kill were acknowledged too.
    acknowledged += [line.strip() for line in proc.stdout if line.strip()]

    con = keyed.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.execute("INSERT INTO dossier_fts(dossier_fts) VALUES ('integrity-check')")
        stored = {r[0] for r in con.execute("SELECT code FROM dossiers")}
        assert set(acknowledged) <= stored
        # Every stored dossier is whole: its history event and its component.
        (n_dossiers,) = con.execute("SELECT count(*) FROM dossiers").fetchone()
        (n_events,) = con.execute("SELECT count(*) FROM dossier_events").fetchone()
        (n_components,) = con.execute("SELECT count(*) FROM dossier_components").fetchone()
        assert n_dossiers == n_events == n_components >= kill_after
        (last_seq,) = con.execute("SELECT max(last_seq) FROM code_counters").fetchone()
        assert last_seq == n_dossiers  # the counter moved with the rows, never ahead
    finally:
        con.close()

    # The store opens and keeps numbering after the last stored dossier.
    svc = open_services(db)
    try:
        assert svc.dossiers.count() == n_dossiers
        assert len(svc.dossiers.search("huong", limit=1000)) == n_dossiers
    finally:
        svc.close()
