"""Report data (0006): the new flags, their honest NULL default, bears_fee."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hcc_desktop.core.domain import DossierOrigin, Fee, Procedure
from hcc_desktop.db.migrate import upgrade
from hcc_desktop.services import open_services

_OLD_DOSSIER = (
    "INSERT INTO dossiers (id, code, unit_code, device_id, procedure_code, procedure_name, "
    "procedure_field, status, channel, received_at, clock_start_at, due_at, processing_days, "
    "owner_name, owner_id_type, owner_id_number, owner_phone, owner_address, owner_email, "
    "sets_count, fee_amount, result_delivery, received_by, book_no, order_no, note, "
    "created_at, updated_at, version) VALUES ('00000000-0000-4000-8000-000000000001', "
    "'000.17.22.H56-260105-0001', '000.17.22.H56', 'dev', '2.000815', 'Chứng thực bản sao', "
    "'Chứng thực', 2, 'counter', '2026-01-05 08:00:00', '2026-01-05 08:00:00', "
    "'2026-01-05 17:00:00', 0, 'Đặng Thị Hồng', 'cccd', '052190001234', '0987654321', "
    "'Khu phố 1', '', 1, 2000, 'counter', 'Cán bộ', '01/2026', 1, '', "
    "'2026-01-05 01:00:00', '2026-01-05 01:00:00', 1)"
)


def test_upgrade_from_0003_keeps_flags_not_recorded_and_derives_bears_fee(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    upgrade(path, revision="0003")
    con = sqlite3.connect(path)
    for code, fees in (
        ("2.000815", '[{"name": "Lệ phí", "amount": 2000, "unit": "page"}]'),
        ("1.001193", '[{"name": "Lệ phí", "amount": 0, "unit": "dossier", "note": "Miễn"}]'),
    ):
        con.execute(
            "INSERT INTO procedures (code, name, field, processing_days, processing_alt_note, "
            "fees_json, fee_note, result, legal_basis, online_level, active, search_key, "
            f"updated_at, version) VALUES ('{code}', 'Thủ tục', 'Chứng thực', 0, '', "
            f"'{fees}', '', '', '', '', 1, '', '2026-01-01 00:00:00', 1)"
        )
    con.execute(_OLD_DOSSIER)
    con.execute(
        "INSERT INTO dossier_components (id, dossier_id, position, component_id, name, form, "
        "count, reused_digital) VALUES ('c1', '00000000-0000-4000-8000-000000000001', 0, "
        "NULL, 'Bản chính', 'original', 1, 0)"
    )
    con.commit()
    con.close()

    upgrade(path)
    con = sqlite3.connect(path)
    try:
        fees = dict(con.execute("SELECT code, bears_fee FROM procedures").fetchall())
        assert fees == {"2.000815": 1, "1.001193": 0}
        row = con.execute("SELECT paid_online, e_result, origin FROM dossiers").fetchone()
        assert row == (None, None, "local")
        assert con.execute("SELECT digitised FROM dossier_components").fetchone() == (None,)
        assert con.execute("SELECT count(*) FROM complaints").fetchone() == (0,)
        # Queued again so the server learns the new snapshot fields.
        assert con.execute("SELECT count(*) FROM outbox WHERE kind = 'dossier'").fetchone() == (1,)
    finally:
        con.close()

    svc = open_services(path)
    try:
        d = svc.dossiers.get("000.17.22.H56-260105-0001")
        assert d.paid_online is None
        assert d.e_result is None
        assert d.origin is DossierOrigin.LOCAL
        assert d.components[0].digitised is None
    finally:
        svc.close()


def test_bears_fee_is_derived_from_fees_unless_given() -> None:
    free = Procedure("1.000001", "A", "F", 1, fees=(Fee("Lệ phí", 0, note="Miễn"),))
    paid = Procedure("1.000002", "B", "F", 1, fees=(Fee("Lệ phí", 8000),))
    forced = Procedure("1.000003", "C", "F", 1, bears_fee=True)
    assert (free.bears_fee, paid.bears_fee, forced.bears_fee) == (False, True, True)
