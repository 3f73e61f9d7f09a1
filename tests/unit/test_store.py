"""The local store: schema, migrations with backup, pragmas, append-only history."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from hcc_desktop.db.migrate import current_revision, head_revision, upgrade
from hcc_desktop.services import Services, open_services
from tests import keyed

from ..conftest import birth_draft


def test_new_database_is_at_head_with_wal_and_seed(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "new.db")
    try:
        key = keyed.key_of(tmp_path / "new.db")
        assert current_revision(tmp_path / "new.db", key=key) == head_revision()
        assert svc.migration.from_revision is None
        assert svc.migration.backup is None
        with svc.db.write() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert len(svc.catalog.list()) >= 12
        settings = svc.settings.load()
        assert len(settings.device_id) == 36
        assert {o.day.isoformat() for o in svc.settings.calendar_overrides()} >= {
            "2025-04-26",
            "2025-05-02",
        }
    finally:
        svc.close()


def test_reopening_keeps_device_identity_and_takes_no_backup(tmp_path: Path) -> None:
    first = open_services(tmp_path / "a.db")
    device = first.settings.load().device_id
    first.close()
    again = open_services(tmp_path / "a.db")
    try:
        assert again.settings.load().device_id == device
        assert again.migration.backup is None
    finally:
        again.close()


def test_old_database_is_backed_up_then_upgraded_and_indexed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade(path, revision="0001")
    con = keyed.connect(path)
    con.execute(
        "INSERT INTO procedures (code, name, field, processing_days, processing_alt_note, "
        "fees_json, fee_note, result, legal_basis, online_level, active, search_key, updated_at, "
        "version) VALUES ('2.000815', 'Chứng thực bản sao', 'Chứng thực', 0, '', '[]', '', '', "
        "'', '', 1, '', '2026-01-01 00:00:00', 1)"
    )
    con.execute(
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
    con.commit()
    con.close()

    svc = open_services(path)
    try:
        assert svc.migration.from_revision == "0001"
        assert svc.migration.to_revision == head_revision()
        backup = svc.migration.backup
        assert backup is not None
        assert backup.exists()
        # The copy is the old file, intact (encrypted with the store's key: issue 12).
        assert current_revision(backup, key=keyed.key_of(path)) == "0001"
        # The dossier written before the search index existed is found by it.
        hits = svc.dossiers.search("dang thi hong")
        assert [h.code for h in hits] == ["000.17.22.H56-260105-0001"]
    finally:
        svc.close()


def test_history_is_append_only(services: Services) -> None:
    dossier = services.intake.accept(birth_draft())
    with pytest.raises(IntegrityError, match="append-only"), services.db.write() as s:
        s.execute(text("UPDATE dossier_events SET actor = 'x'"))
    with pytest.raises(IntegrityError, match="append-only"), services.db.write() as s:
        s.execute(text("DELETE FROM dossier_events"))
    events = services.dossiers.timeline(dossier.id)
    assert [e.kind for e in events] == ["received"]
    assert events[0].actor == "Trần Thị Bình"


def test_dossier_code_is_unique_in_the_schema(services: Services) -> None:
    d = services.intake.accept(birth_draft())
    with pytest.raises(IntegrityError), services.db.write() as s:
        s.execute(
            text(
                "INSERT INTO dossiers SELECT NULL, 'other-id', code, unit_code, device_id, "
                "procedure_code, procedure_name, procedure_field, status, channel, received_at, "
                "clock_start_at, due_at, processing_days, owner_name, owner_id_type, "
                "owner_id_number, owner_dob, owner_gender, owner_id_issued_on, owner_phone, "
                "owner_address, owner_email, submitter_json, sets_count, fee_amount, fee_method, "
                "result_delivery, received_by, book_no, order_no, note, created_at, updated_at, "
                "version, search_text, original_due_at, holder, supplement_count, "
                "waiting_since, resume_status, ended_at, timeliness, proposed_due_at, "
                "returned_at, server_rev, paid_online, e_result, origin, session_id "
                "FROM dossiers WHERE id = :id"
            ),
            {"id": d.id},
        )


def test_schema_head_constant_matches_alembic() -> None:
    from hcc_desktop.db.migrate import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_models_match_the_migrations(tmp_path: Path) -> None:
    """The ORM models and the Alembic head describe the same schema, so a
    column added to one and forgotten in the other fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from hcc_desktop.db.models import Base

    path = tmp_path / "m.db"
    upgrade(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    # The FTS5 shadow tables are not models.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("dossier_fts"))]
    assert diff == []


def test_upgrade_to_0005_gives_calendar_days_their_status_and_source(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade(path, revision="0003")
    con = keyed.connect(path)
    # As seeded before: swap days without a source; one day the officer added.
    con.executemany(
        "INSERT INTO calendar_overrides (day, kind, note) VALUES (?, ?, ?)",
        [
            ("2026-01-02", "off", "Nghỉ hoán đổi dịp Tết Dương lịch"),
            ("2026-08-31", "off", "Nghỉ hoán đổi dịp Quốc khánh"),
            ("2026-09-03", "off", "Nghỉ bù do đơn vị tự thêm"),
        ],
    )
    con.commit()
    con.close()
    svc = open_services(path)
    try:
        days = {o.day.isoformat(): o for o in svc.settings.calendar_overrides()}
        assert days["2026-01-02"].status == "confirmed"
        assert "12729/VPCP-KGVX" in days["2026-01-02"].source
        assert days["2026-08-31"].to_confirm
        assert days["2026-09-03"].status == "confirmed"  # the officer's own day is kept
        assert days["2026-09-03"].note == "Nghỉ bù do đơn vị tự thêm"
        # 24/11 was applied silently before; now it is in the table, to confirm.
        assert days["2026-11-24"].to_confirm
        assert not svc.settings.calendar().is_working_day(days["2026-11-24"].day)
    finally:
        svc.close()


def test_upgrade_to_0012_indexes_the_ratings_by_time(tmp_path: Path) -> None:
    """The report reads the ratings of its period by index, not by a full scan."""
    from tests import keyed

    path = tmp_path / "r.db"
    upgrade(path, revision="0009")
    con = keyed.connect(path)
    assert "ix_dossier_ratings_rated_at" not in {
        r[1] for r in con.execute("PRAGMA index_list(dossier_ratings)")
    }
    con.close()
    upgrade(path)
    con = keyed.connect(path)
    plan = " ".join(
        str(r[3])
        for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT overall FROM dossier_ratings"
            " WHERE rated_at >= '2026-10-01' AND rated_at < '2027-01-01'"
        )
    )
    con.close()
    assert "ix_dossier_ratings_rated_at" in plan
