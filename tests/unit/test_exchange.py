"""import-online, export-portal and backlog import, on real database files."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, update

from hcc_desktop.core.domain import Channel, DossierOrigin, DossierStatus, Timeliness
from hcc_desktop.core.errors import ValidationError
from hcc_desktop.db.models import DossierEventRow, DossierRow, OutboxRow
from hcc_desktop.services import Services, open_services
from hcc_desktop.services.dossiers.lifecycle import WorklistFilter
from tests.conftest import INIT, log_in_admin
from tests.unit.test_cli import run

from ..conftest import FakeClock, birth_draft


def portal_record(**over: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "MaHoSo": "000.17.22.H56-261110-9001",
        "MaTTHC": "1.004222",
        "TenTTHC": "Đăng ký thường trú",
        "MaLinhVuc": "CT",
        "KenhThucHien": 2,
        "ChuHoSo": "Phạm Thị Hoa",
        "SoGiayToChuHoSo": "052190001234",
        "LoaiDoiTuong": 1,
        "SoDienThoai": "0912 345 678",
        "Email": "hoa@example.vn",
        "TrichYeuHoSo": "Đăng ký thường trú cho con",
        "NgayTiepNhan": "20261110080000",
        "NgayHenTra": "20261119170000",
        "TrangThaiHoSo": 4,
        "HoSoCoThanhPhanSoHoa": True,
        "DuocThanhToanTrucTuyen": True,
        "ThanhPhanHoSo": [
            {"MaThanhPhanHoSo": "1.004222-01", "DuocSoHoa": True, "DuocTaiSuDung": False},
            {"MaThanhPhanHoSo": "1.004222-02", "DuocSoHoa": True, "DuocTaiSuDung": True},
        ],
        "QuaTrinhXuLy": [
            {
                "NguoiXuLy": "Trần Thị Bình",
                "ThoiDiemXuLy": "20261110080000",
                "NoiDungXuLy": "Tiếp nhận hồ sơ",
                "TrangThai": 2,
            },
            {
                "NguoiXuLy": "Lê Văn Cường",
                "ThoiDiemXuLy": "20261110100000",
                "NoiDungXuLy": "Chuyển Công an phường",
                "TrangThai": 4,
            },
        ],
    }
    record.update(over)
    return record


def _write(tmp_path: Path, data: object, name: str = "portal.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def _events(services: Services, code: str) -> list[tuple[str, datetime, int | None]]:
    d = services.dossiers.get(code)
    return [(e.kind, e.at, e.to_status) for e in services.dossiers.timeline(d.id)]


# -- import-online ------------------------------------------------------------------


def test_import_online_adds_a_dossier_with_history_and_flags(
    services: Services, tmp_path: Path
) -> None:
    result = services.portal.import_file(_write(tmp_path, [portal_record()]))
    assert result.added == ("000.17.22.H56-261110-9001",)
    d = services.dossiers.get("000.17.22.H56-261110-9001")
    assert d.origin is DossierOrigin.PORTAL
    assert d.channel is Channel.ONLINE
    assert d.status is DossierStatus.PROCESSING
    assert d.owner.phone == "0912345678"
    assert d.procedure_field == "Đăng ký, quản lý cư trú"  # from the catalog, for the 06a rows
    assert d.due_at == datetime(2026, 11, 19, 17, 0)
    assert d.paid_online is True
    assert d.e_result is None  # the portal does not say
    assert [(c.component_id, c.digitised, c.reused_digital) for c in d.components] == [
        ("1.004222-01", True, False),
        ("1.004222-02", True, True),
    ]
    assert d.holder == "Lê Văn Cường"
    assert [(k, s) for k, _, s in _events(services, d.code)] == [
        ("received", 2),
        ("handed_over", 4),
    ]
    with services.db.read() as s:
        kinds = dict(s.execute(select(OutboxRow.kind, func.count()).group_by(OutboxRow.kind)).all())
    assert kinds == {"dossier": 1, "event": 2}  # written through the outbox: it syncs


def test_import_twice_is_unchanged_then_an_update_appends_only_new_events(
    services: Services, tmp_path: Path
) -> None:
    path = _write(tmp_path, [portal_record()])
    services.portal.import_file(path)
    again = services.portal.import_file(path)
    assert again.unchanged == ("000.17.22.H56-261110-9001",)
    assert again.added == ()
    assert again.updated == {}
    assert again.events_added == 0
    # The portal finished and returned it, late.
    finished = portal_record(
        TrangThaiHoSo=10,
        NgayKetThucXuLy="20261120090000",
        NgayTra="20261121083000",
        SoDienThoai="0987654321",
    )
    result = services.portal.import_file(_write(tmp_path, [finished]))
    assert set(result.updated["000.17.22.H56-261110-9001"]) == {"owner_phone", "history"}
    assert result.events_added == 2
    d = services.dossiers.get("000.17.22.H56-261110-9001")
    assert d.status is DossierStatus.RETURNED
    assert d.ended_at == datetime(2026, 11, 20, 9, 0)  # processed wins over returned
    assert d.returned_at == datetime(2026, 11, 21, 8, 30)
    assert d.timeliness is Timeliness.LATE
    assert [k for k, _, _ in _events(services, d.code)] == [
        "received",
        "handed_over",
        "processed",
        "returned",
        "receipt_corrected",  # the phone changed: recorded, so the receipt's hash still holds
    ]
    # Importing the final state again adds nothing.
    assert services.portal.import_file(_write(tmp_path, [finished])).events_added == 0
    with services.db.read() as s:
        assert s.execute(select(func.count()).select_from(DossierEventRow)).scalar_one() == 5
    from hcc_desktop.services.audit import verify_chains

    assert verify_chains(services.db) == []
    with services.db.write() as s:  # a phone changed behind the import's back is still seen
        s.execute(update(DossierRow).values(owner_phone="0911111111"))
    assert [f.kind for f in verify_chains(services.db)] == ["receipt_edited"]


def test_import_supplement_and_refusal_become_events(services: Services, tmp_path: Path) -> None:
    steps = [
        {"NguoiXuLy": "A", "ThoiDiemXuLy": "20261110090000", "NoiDungXuLy": "", "TrangThai": 5},
        {"NguoiXuLy": "A", "ThoiDiemXuLy": "20261112090000", "NoiDungXuLy": "", "TrangThai": 4},
    ]
    supplemented = portal_record(MaHoSo="P-1", QuaTrinhXuLy=steps, TrangThaiHoSo=9,
                                 NgayKetThucXuLy="20261118100000")  # fmt: skip
    refused = portal_record(MaHoSo="P-2", QuaTrinhXuLy=[], TrangThaiHoSo=3, KenhThucHien=3,
                            NgayKetThucXuLy="20261110150000")  # fmt: skip
    services.portal.import_records([supplemented, refused])
    assert [k for k, _, _ in _events(services, "P-1")] == [
        "received",
        "supplement_requested",
        "supplement_received",
        "processed",
    ]
    p1 = services.dossiers.get("P-1")
    assert (p1.supplement_count, p1.timeliness) == (1, Timeliness.EARLY)
    p2 = services.dossiers.get("P-2")
    assert p2.channel is Channel.POSTAL
    assert _events(services, "P-2")[-1] == ("refused", datetime(2026, 11, 10, 15, 0), 3)


def test_import_is_validated_as_a_whole_and_names_record_and_field(
    services: Services, tmp_path: Path
) -> None:
    bad = [
        portal_record(MaHoSo="OK-1"),
        portal_record(MaHoSo="BAD-2", NgayTiepNhan="10/11/2026", MaTTHC="9.999999"),
        portal_record(MaHoSo="OK-1", KenhThucHien=7),
    ]
    with pytest.raises(ValidationError) as caught:
        services.portal.import_records(bad)
    fields = {(e.field, e.code) for e in caught.value.errors}
    assert ("records[2].NgayTiepNhan", "date_format") in fields
    assert ("records[3].KenhThucHien", "invalid") in fields
    assert ("records[3].MaHoSo", "duplicate") not in fields  # record 3 is already wrong
    assert services.dossiers.search("OK-1") == []  # nothing written
    with pytest.raises(ValidationError) as caught:
        services.portal.import_records([portal_record(MaTTHC="9.999999")])
    assert [(e.field, e.code) for e in caught.value.errors] == [("records[1].MaTTHC", "unknown")]


def test_imported_dossiers_join_worklists_and_reminders(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    services.portal.import_records([portal_record(NgayHenTra="20261120170000")])
    clock.now = datetime(2026, 11, 23, 9, 0)
    lists = services.lifecycle.worklists(filters=WorklistFilter(channel=Channel.ONLINE))
    assert [d.code for d in lists.overdue] == ["000.17.22.H56-261110-9001"]
    assert [d.code for d in services.lifecycle.reminders().overdue] == ["000.17.22.H56-261110-9001"]


def test_a_code_received_here_is_skipped_not_overwritten(services: Services) -> None:
    local = services.intake.accept(birth_draft())
    result = services.portal.import_records([portal_record(MaHoSo=local.code)])
    assert result.skipped == (local.code,)
    assert services.dossiers.get(local.code).origin is DossierOrigin.LOCAL


# -- export-portal -------------------------------------------------------------------


def test_export_portal_round_trips_into_another_database(
    services: Services, tmp_path: Path, clock: FakeClock
) -> None:
    d = services.intake.accept(birth_draft(received_at=datetime(2026, 11, 23, 8, 0)))
    clock.now = datetime(2026, 11, 23, 10, 5)  # actions are never dated ahead of the clock
    services.lifecycle.transition(d.code, "finish", at=datetime(2026, 11, 23, 10, 0))
    services.portal.import_records([portal_record()])
    out = tmp_path / "out.json"
    result = services.portal.export_file(
        out, start=datetime(2026, 11, 1).date(), end=datetime(2026, 11, 30).date()
    )
    assert result.count == 2
    records = json.loads(out.read_text("utf-8"))
    mine = next(r for r in records if r["MaHoSo"] == d.code)
    assert mine["KenhThucHien"] == 1
    assert mine["NgayTiepNhan"] == "20261123080000"
    assert mine["TrangThaiHoSo"] == 9
    assert mine["NgayKetThucXuLy"] == "20261123100000"
    assert mine["DuocThanhToanTrucTuyen"] is False
    assert [s["TrangThai"] for s in mine["QuaTrinhXuLy"]] == [2, 9]
    other = open_services(tmp_path / "other.db", clock=clock)
    try:
        log_in_admin(other)  # the portal's exchange is the administrator's
        assert len(other.portal.import_file(out).added) == 2
        copy = other.dossiers.get(d.code)
        assert (copy.status, copy.ended_at, copy.timeliness) == (
            DossierStatus.PROCESSED,
            datetime(2026, 11, 23, 10, 0),
            Timeliness.ON_TIME,
        )
        assert other.dossiers.get("000.17.22.H56-261110-9001").channel is Channel.ONLINE
    finally:
        other.close()


# -- backlog import ------------------------------------------------------------------

HEADER = ["code", "procedure code", "applicant name", "id number", "phone", "address",
          "received time", "appointment"]  # fmt: skip


def test_backlog_import_from_xlsx_and_csv(services: Services, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADER)
    ws.append(["CU-0001", "1.004222", "Võ Văn Tám", "052190001234", "912345678",
               "Khu phố 2", datetime(2026, 9, 25, 8, 0), datetime(2026, 10, 6, 17, 0)])  # fmt: skip
    xlsx = tmp_path / "backlog.xlsx"
    wb.save(xlsx)
    result = services.backlog.import_file(xlsx)
    assert result.added == ("CU-0001",)
    d = services.dossiers.get("CU-0001")
    assert d.origin is DossierOrigin.BACKLOG
    assert (d.received_at, d.due_at) == (datetime(2026, 9, 25, 8), datetime(2026, 10, 6, 17))
    assert d.status is DossierStatus.RECEIVED
    assert d.owner.phone == "0912345678"
    assert [k for k, _, _ in _events(services, d.code)] == ["received"]
    # Vietnamese headers, semicolons, dd/MM/yyyy; the same code again is unchanged.
    csv = tmp_path / "backlog.csv"
    csv.write_text(
        "Mã hồ sơ;Mã thủ tục;Chủ hồ sơ;Số giấy tờ;Số điện thoại;Địa chỉ;Ngày tiếp nhận;"
        "Ngày hẹn trả\n"
        "CU-0001;1.004222;Võ Văn Tám;052190001234;0912345678;Khu phố 2;25/09/2026 08:00;"
        "06/10/2026 17:00\n"
        "CU-0002;1.004194;Đỗ Thị Hạnh;052190004321;;Khu phố 3;01/10/2026 09:30;\n",
        "utf-8",
    )
    again = services.backlog.import_file(csv)
    assert again.unchanged == ("CU-0001",)
    assert again.added == ("CU-0002",)
    computed = services.dossiers.get("CU-0002").due_at
    assert computed > datetime(2026, 10, 1, 9, 30)  # from the catalog (3 working days)


def test_backlog_rows_are_checked_as_a_whole(services: Services) -> None:
    rows = [
        HEADER,
        ["CU-1", "1.004222", "Võ Văn Tám", "052190001234", "", "", "2026-09-25 08:00", ""],
        ["CU-1", "1.004222", "", "052190001234", "", "", "hôm qua", ""],
        ["CU-3", "9.999999", "Lê Ba", "x", "", "", "2026-09-25 08:00", "2026-09-20 08:00"],
    ]
    with pytest.raises(ValidationError) as caught:
        services.backlog.import_rows(rows)
    fields = {(e.field, e.code) for e in caught.value.errors}
    assert fields == {
        ("rows[2].code", "duplicate"),
        ("rows[2].name", "required"),
        ("rows[2].received_at", "time_format"),
        ("rows[3].procedure", "unknown"),
        ("rows[3].id_number", "invalid"),
        ("rows[3].due_at", "before_received"),
    }
    assert services.dossiers.search("CU-1") == []


# -- CLI ------------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "cli.db"
    assert run(path, *INIT, capsys=capsys)[0] == 0
    return path


def test_cli_import_online_reports_and_rejects_in_vietnamese(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path, [portal_record()])
    code, out, err = run(db, "import-online", str(good), "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["added"] == ["000.17.22.H56-261110-9001"]
    code, out, _ = run(db, "import-online", str(good), capsys=capsys)
    assert "không đổi: 1" in out
    bad = _write(
        tmp_path, [portal_record(MaHoSo="X"), portal_record(NgayTiepNhan="2026")], "b.json"
    )
    code, _, err = run(db, "import-online", str(bad), capsys=capsys)
    assert code == 2
    assert "không có hồ sơ nào được ghi" in err
    assert "Bản ghi 2, trường NgayTiepNhan: ngày giờ không đúng dạng yyyyMMddHHmmss" in err


def test_cli_export_portal_and_backlog(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(db, "import-online", str(_write(tmp_path, [portal_record()])), capsys=capsys)
    out_file = tmp_path / "export.json"
    code, out, err = run(
        db, "export-portal", "--from", "2026-11-10", "--to", "2026-11-10", str(out_file),
        capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert [r["MaHoSo"] for r in json.loads(out_file.read_text("utf-8"))] == [
        "000.17.22.H56-261110-9001"
    ]
    sheet = tmp_path / "b.csv"
    sheet.write_text(",".join(HEADER) + "\nCU-9,1.004222,Võ Văn Tám,052190001234,,,"
                     "2026-09-25 08:00,\n", "utf-8")  # fmt: skip
    code, out, err = run(db, "backlog", "import", str(sheet), "--json", capsys=capsys)
    assert code == 0, err
    assert json.loads(out)["added"] == ["CU-9"]
    sheet.write_text(",".join(HEADER) + "\nCU-9,1.004222,,052190001234,,,,\n", "utf-8")
    code, _, err = run(db, "backlog", "import", str(sheet), capsys=capsys)
    assert code == 2
    assert "Dòng 1, trường chủ hồ sơ: bắt buộc" in err
    assert "Dòng 1, trường thời điểm tiếp nhận: bắt buộc" in err


def test_an_ended_record_needs_its_end_date(services: Services) -> None:
    with pytest.raises(ValidationError) as caught:
        services.portal.import_records([portal_record(TrangThaiHoSo=9, QuaTrinhXuLy=[])])
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("records[1].NgayKetThucXuLy", "required")
    ]
