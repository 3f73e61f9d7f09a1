"""Report data (0006): the new flags, their honest NULL default, bears_fee."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from hcc_desktop.core.domain import DossierOrigin, Fee, Procedure
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.db.migrate import upgrade
from hcc_desktop.services import open_services
from hcc_desktop.services.demo import generate
from hcc_desktop.services.sync.apply import apply_page
from tests import keyed
from tests.conftest import INIT, log_in_admin
from tests.unit.test_cli import run
from tests.unit.test_lifecycle_cli import DOSSIER

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
    con = keyed.connect(path)
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
    con = keyed.connect(path)
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


# -- intake and lifecycle record the flags -------------------------------------------


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def _intake(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: dict) -> dict:
    f = tmp_path / "d.json"
    f.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    code, out, err = run(db, "intake", str(f), capsys=capsys)
    assert code == 0, err
    return dict(json.loads(out))


def test_intake_records_flags_false_by_default_never_null(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = _intake(db, tmp_path, capsys, DOSSIER)
    assert (d["paid_online"], d["e_result"], d["origin"]) == (False, False, "local")
    assert [c["digitised"] for c in d["components"]] == [False]


def test_intake_json_keys_digitised_paid_online_e_result(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = {
        **DOSSIER,
        "components": [{"id": "1.004873-01", "digitised": True, "reused_digital": True}],
        "paid_online": True,
        "e_result": True,
    }
    d = _intake(db, tmp_path, capsys, data)
    assert (d["paid_online"], d["e_result"]) == (True, True)
    assert d["components"][0]["digitised"] is True
    assert d["components"][0]["reused_digital"] is True


def test_intake_rejects_non_boolean_flags(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "d.json"
    bad = {**DOSSIER, "paid_online": "yes", "components": [{"id": "1.004873-01", "digitised": 1}]}
    f.write_text(json.dumps(bad, ensure_ascii=False), "utf-8")
    code, _, err = run(db, "intake", str(f), capsys=capsys)
    assert code == 2
    assert "paid_online: expected true or false" in err
    assert "components[0].digitised: expected true or false" in err


def test_finish_records_e_result_and_payment_records_paid_online(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys, DOSSIER)["code"]
    steps = [
        ("request-payment", "2026-11-16 10:00", "--amount", "20000"),
        ("payment-received", "2026-11-16 11:00", "--online"),
        ("finish", "2026-11-17 10:00", "--e-result"),
    ]
    for action, at, *extra in steps:
        rc, _, err = run(db, "transition", code, action, "--at", at, *extra, capsys=capsys)
        assert rc == 0, err
    rc, out, _ = run(db, "status", code, "--json", capsys=capsys)
    status = json.loads(out)
    assert (status["paid_online"], status["e_result"]) == (True, True)
    finished = next(e for e in status["timeline"] if e["kind"] == "processed")
    assert finished["data"]["e_result"] is True
    paid = next(e for e in status["timeline"] if e["kind"] == "payment_received")
    assert paid["data"]["paid_online"] is True


def test_e_result_flag_only_with_finish(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys, DOSSIER)["code"]
    rc, _, err = run(db, "transition", code, "handover", "--receiver", "A", "--e-result",
                     capsys=capsys)  # fmt: skip
    assert rc == 2
    assert "--e-result" in err


def test_demo_fills_the_report_flags_realistically(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "demo.db")
    try:
        # The complaints register is the leader's (core/permissions): read as its admin.
        log_in_admin(svc)
        generate(svc, count=600, seed=7, end_day=date(2026, 11, 20), months=3)
        with svc.db.read() as s:
            digitised = s.execute(text("SELECT avg(digitised) FROM dossier_components")).scalar()
            reused = s.execute(
                text(
                    "SELECT avg(dc.reused_digital) FROM dossier_components dc "
                    "JOIN procedure_components pc ON pc.id = dc.component_id WHERE pc.reusable"
                )
            ).scalar()
            paid = s.execute(
                text(
                    "SELECT avg(d.paid_online) FROM dossiers d "
                    "JOIN procedures p ON p.code = d.procedure_code WHERE p.bears_fee"
                )
            ).scalar()
            online = s.execute(
                text("SELECT count(*) FROM dossiers WHERE channel = 'online' AND origin = 'portal'")
            ).scalar()
            nulls = s.execute(
                text("SELECT count(*) FROM dossiers WHERE paid_online IS NULL OR e_result IS NULL")
            ).scalar()
        assert 0.9 < digitised < 0.99
        assert 0.45 < reused < 0.75
        assert 0.75 < paid < 0.95
        assert online > 10
        assert nulls == 0
        complaints = svc.complaints.list()
        assert len(complaints) == 5
        assert any(c.resolved_at is not None for c in complaints)
    finally:
        svc.close()


# -- complaints register ----------------------------------------------------------------


def test_complaint_add_list_resolve_cli(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _intake(db, tmp_path, capsys, DOSSIER)["code"]
    rc, out, err = run(db, "complaint", "add", "--received", "2026-11-16 09:00", "--channel",
                       "hotline", "--content", "Chờ lâu", "--dossier", code, "--officer",
                       "Lê Văn Cường", "--json", capsys=capsys)  # fmt: skip
    assert rc == 0, err
    added = json.loads(out)
    assert added["dossier"] == code
    # 10 working days (the setting's default); 24/11 is a day off from 2026.
    assert added["due_at"] == "2026-12-01 09:00"
    rc, out, _ = run(db, "complaint", "list", "--open", "--as-of", "2026-12-02 08:00", "--json",
                     capsys=capsys)  # fmt: skip
    listed = json.loads(out)
    assert [(c["id"], c["overdue"]) for c in listed] == [(added["id"], True)]
    rc, out, err = run(db, "complaint", "resolve", added["id"][:8], "--resolution",
                       "Đã xin lỗi công dân", "--at", "2026-11-20 10:00", "--json",
                       capsys=capsys)  # fmt: skip
    assert rc == 0, err
    assert json.loads(out)["resolved_at"] == "2026-11-20 10:00"
    rc, out, _ = run(db, "complaint", "list", "--open", "--json", capsys=capsys)
    assert json.loads(out) == []
    rc, out, _ = run(db, "complaint", "list", "--as-of", "2026-12-02 08:00", "--json",
                     capsys=capsys)  # fmt: skip
    assert json.loads(out)[0]["overdue"] is False  # handled before its deadline
    rc, _, err = run(db, "complaint", "resolve", added["id"], "--resolution", "lại",
                     capsys=capsys)  # fmt: skip
    assert rc == 1
    assert "đã được xử lý" in err  # complaint_resolved, said in Vietnamese


def test_complaint_validation(services_path: Path) -> None:
    svc = open_services(services_path)
    try:
        log_in_admin(svc)  # the complaints register is the leader's (core/permissions)
        with pytest.raises(ValidationError) as caught:
            svc.complaints.add(content="  ", channel="fax", dossier="NOPE")
        assert {(e.field, e.code) for e in caught.value.errors} == {
            ("content", "required"),
            ("channel", "invalid"),
            ("dossier", "unknown"),
        }
        assert svc.complaints.list() == []
    finally:
        svc.close()


@pytest.fixture
def services_path(tmp_path: Path) -> Path:
    return tmp_path / "c.db"


def test_a_pulled_complaint_waits_for_its_dossier_and_newer_versions_win(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "p.db")
    try:
        log_in_admin(svc)  # the complaints register is the leader's (core/permissions)
        unit = svc.settings.load().unit_code
        data = {
            "id": "11111111-1111-4111-8111-111111111111",
            "unit_code": unit,
            "received_at": "2026-11-20T09:00:00",
            "channel": "phone",
            "content": "Trả chậm",
            "dossier_id": "22222222-2222-4222-8222-222222222222",
            "officer": "",
            "due_at": "2026-12-04T09:00:00",
            "resolved_at": None,
            "resolution": "",
            "resolved_by": "",
            "device_id": "other",
            "created_at": "2026-11-20T02:00:00",
            "updated_at": "2026-11-20T02:00:00",
            "version": 1,
        }
        change = {"rev": 7, "kind": "complaint", "data": data}
        now = datetime.now(UTC)
        with svc.db.write() as s:
            out = apply_page(s, [change], catalog=svc.catalog, unit_code=unit, now=now)
        assert out.parked == [change]  # its dossier has not arrived
        assert svc.complaints.list() == []
        with svc.db.write() as s:
            out = apply_page(
                s, [{**change, "data": {**data, "dossier_id": None}}], catalog=svc.catalog,
                unit_code=unit, now=now,
            )  # fmt: skip
        assert out.applied == 1
        older = {**data, "dossier_id": None, "content": "cũ", "version": 1}
        newer = {**older, "content": "Đã xử lý", "resolution": "Xong", "version": 2,
                 "resolved_at": "2026-11-21T10:00:00"}  # fmt: skip
        with svc.db.write() as s:
            apply_page(s, [{"rev": 8, "kind": "complaint", "data": older}], catalog=svc.catalog,
                       unit_code=unit, now=now)  # fmt: skip
        assert svc.complaints.list()[0].content == "Trả chậm"  # same version: kept
        with svc.db.write() as s:
            apply_page(s, [{"rev": 9, "kind": "complaint", "data": newer}], catalog=svc.catalog,
                       unit_code=unit, now=now)  # fmt: skip
        assert svc.complaints.list()[0].resolution == "Xong"
        assert svc.complaints.list()[0].version == 2
    finally:
        svc.close()
