"""CLI contract of `report`, `report export` and `index766`, the exports read
back (openpyxl, pypdf, python-docx), and the figures of dossiers written by the
real intake and lifecycle services."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from hcc_desktop.cli.main import main
from hcc_desktop.core.domain import Action, Satisfaction
from hcc_desktop.core.periods import Period
from hcc_desktop.core.reports import check_identities
from hcc_desktop.services import Services
from tests.conftest import FakeClock, birth_draft
from tests.unit.test_reports import build

ROW_KEYS = {
    "field",
    "received_total",
    "received_online",
    "received_direct",
    "carried_over",
    "finished",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "open",
    "open_on_time",
    "open_late",
}
RATES = {"on_time", "online", "digitised", "e_result", "paid_online", "reused", "satisfied"}


def _run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["--db", str(db), *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def db(services: Services, tmp_path: Path) -> Path:
    build(services)
    return tmp_path / "hcc.db"


def test_report_json_contract(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _run(db, capsys, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert (data["from"], data["to"]) == ("2026-11-01", "2026-11-30")
    assert len(data["rows"]) == 3
    for row in [*data["rows"], data["total"]]:
        assert set(row) >= ROW_KEYS
        assert row["received_total"] == row["finished"] + row["open"]
    assert data["total"]["received_total"] == 18
    assert set(data["rates"]) >= RATES
    for rate in data["rates"].values():
        assert set(rate) == {"num", "den", "rate"}
    assert data["rates"]["paid_online"] == {"num": 1, "den": 3, "rate": 1 / 3}
    assert "details" not in data


def test_report_details_lists_the_dossiers(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _run(db, capsys, "report", "--from", "2026-11-01", "--to", "2026-11-30", "--details")
    details = data["details"]
    assert details["total"]["finished_late"] == sorted(
        f"000.17.22.H56-{n}" for n in ("h3", "h10", "c2", "d1")
    )
    assert details["rows"]["Đất đai"]["carried_over"] == ["000.17.22.H56-d1"]
    for row in data["rows"]:
        for key in ROW_KEYS - {"field"}:
            assert len(details["rows"][row["field"]][key]) == row[key]
    for name in RATES:
        assert len(details["total"][f"{name}.num"]) == data["rates"][name]["num"]
        assert len(details["total"][f"{name}.den"]) == data["rates"][name]["den"]


def test_preset_and_period_errors(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _run(db, capsys, "report", "--preset", "month", "--date", "2026-11-17", "--json")
    assert (data["from"], data["to"]) == ("2026-11-01", "2026-11-30")
    assert data["total"]["received_total"] == 18
    assert main(["--db", str(db), "report", "--from", "2026-11-30", "--to", "2026-11-01"]) == 2
    assert main(["--db", str(db), "report", "--from", "2026-11-01"]) == 2


def test_index766_contract(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _run(db, capsys, "index766", "--from", "2026-11-01", "--to", "2026-11-30", "--json")
    assert {"total", "max", "groups"} <= set(data)
    assert len(data["groups"]) == 6
    for g in data["groups"]:
        assert {"name", "max", "points", "indicators"} <= set(g)
        for i in g["indicators"]:
            assert {"name", "num", "den", "rate", "threshold", "max", "points"} <= set(i)
    pay = next(i for g in data["groups"] for i in g["indicators"] if i["key"] == "paid_online")
    # 1 of 3 fee-bearing dossiers paid online: 10 × (1/3 ÷ 0.8); 2 more reach 80 %.
    assert pay["points"] == pytest.approx(round(10 * (1 / 3) / 0.8, 2))
    assert pay["lack"] == 2
    assert data["total"] == pytest.approx(sum(g["points"] for g in data["groups"]), abs=0.05)
    assert data["max"] == sum(g["max"] for g in data["groups"])


def test_exports_read_back(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    period = ["--from", "2026-11-01", "--to", "2026-11-30"]
    for suffix in ("xlsx", "pdf", "docx"):
        out = tmp_path / f"bc.{suffix}"
        assert main(["--db", str(db), "report", "export", *period, str(out)]) == 0
        assert out.stat().st_size > 0
    wb = load_workbook(tmp_path / "bc.xlsx")
    ws = wb["Biểu II.06a"]
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=9, max_row=12, max_col=13)]
    assert values[1][1] == "Hộ tịch"
    assert values[1][2:] == [12, 2, 9, 1, 8, 2, 4, 2, 4, 2, 2]
    assert values[3][1] == "Tổng cộng"
    assert values[3][2] == 18
    assert [ws.cell(8, c).value for c in (1, 13)] == ["(1)", "(13)"]
    assert wb["Tỷ lệ"].max_row > 10

    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "bc.pdf").pages)
    for needle in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Biểu II.06a/VPCP/KSTT",
        "NGƯỜI LẬP BIỂU",
        "THỦ TRƯỞNG ĐƠN VỊ",
        "(13)",
        "Hộ tịch",
        "Tổng cộng",
    ):
        assert needle in text, needle
    page = PdfReader(tmp_path / "bc.pdf").pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape

    doc = Document(str(tmp_path / "bc.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    for needle in (
        "BÁO CÁO",
        "Kết quả giải quyết thủ tục hành chính",
        "Nơi nhận:",
        "tổng cộng 15 hồ sơ",
        "đạt 66,67% (8/12 hồ sơ)",
        "Số hồ sơ quá hạn là 7 hồ sơ",
    ):
        assert needle in body + cells, needle
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Số: ……/BC-" in cells
    assert any(len(t.columns) == 13 for t in doc.tables)  # the 06a table
    assert any("Thanh toán trực tuyến" in c for c in cells.splitlines())  # the 766 table
    assert main(["--db", str(db), "report", "export", *period, str(tmp_path / "x.csv")]) == 2


def test_figures_of_dossiers_written_by_the_services(services: Services, clock: FakeClock) -> None:
    """The events the real intake and lifecycle write are read the way the rules say."""
    day = datetime(2026, 11, 23, 8, 0)
    early = services.intake.accept(birth_draft(received_at=day))
    late = services.intake.accept(birth_draft(received_at=day))
    waiting = services.intake.accept(birth_draft(received_at=day))
    services.lifecycle.transition(early.code, Action.FINISH, at=day + timedelta(hours=1))
    clock.now = late.due_at + timedelta(days=2, hours=1)  # actions are never dated ahead
    services.lifecycle.transition(late.code, Action.FINISH, at=late.due_at + timedelta(days=2))
    services.lifecycle.transition(
        waiting.code, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy", at=day + timedelta(hours=2)
    )
    services.lifecycle.rate(
        early.code, convenience=Satisfaction.VERY_SATISFIED, overall=Satisfaction.VERY_SATISFIED
    )
    rep = services.reports.periodic(Period(date(2026, 11, 1), date(2026, 11, 30)))
    row = rep.total.row
    check_identities(row)
    assert (row.received_direct, row.finished, row.open) == (3, 2, 1)
    # Same-day procedure received 08:00, finished 09:00: on time (the due date).
    assert early.due_at.date() == day.date()
    assert (row.finished_on_time, row.finished_late, row.open_on_time) == (1, 1, 1)
    stored = services.dossiers.get(late.code)
    assert stored.timeliness is not None
    assert stored.timeliness.value == "late"
    assert rep.total.ratings[3] == 1


def test_portal_imports_count_once_and_finish_by_their_events(
    services: Services, tmp_path: Path
) -> None:
    """Online dossiers imported twice (then updated) are one online receipt; their
    history, turned into events by import-online, classifies them."""
    from tests.unit.test_exchange import portal_record

    nov = Period(date(2026, 11, 1), date(2026, 11, 30))
    path = tmp_path / "portal.json"
    path.write_text(json.dumps([portal_record()], ensure_ascii=False), "utf-8")
    services.portal.import_file(path)
    services.portal.import_file(path)
    row = services.reports.periodic(nov).total.row
    # Open at the end of November, due 19/11: overdue.
    assert (row.received_online, row.received_direct, row.open, row.open_late) == (1, 0, 1, 1)
    finished = portal_record(
        TrangThaiHoSo=10, NgayKetThucXuLy="20261120090000", NgayTra="20261121083000"
    )
    path.write_text(json.dumps([finished], ensure_ascii=False), "utf-8")
    services.portal.import_file(path)
    rep = services.reports.periodic(nov)
    row = rep.total.row
    # Due 19/11, processed 20/11 (returned 21/11): late, counted once.
    assert (row.received_online, row.finished, row.finished_late, row.open) == (1, 1, 1, 0)
    assert (rep.rates["online"].num, rep.rates["online"].den) == (1, 1)
    assert (rep.rates["paid_online"].num, rep.rates["paid_online"].den) == (1, 1)
    assert (rep.rates["digitised"].num, rep.rates["e_result"].num) == (1, 0)
    assert rep.total.unrecorded["e_result"] == 1  # the portal does not say


def test_a_dossier_ended_while_waiting_has_the_verdict_of_its_window(
    services: Services,
) -> None:
    """Refused while waiting for a supplement: the wait does not count (the lifecycle
    moves the appointment and records the verdict on the event); the report agrees."""
    day = datetime(2026, 11, 2, 8, 0)  # Monday
    d = services.intake.accept(birth_draft(received_at=day))  # due the same day
    services.lifecycle.transition(
        d.code, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy", at=day + timedelta(hours=1)
    )
    services.lifecycle.transition(
        d.code, Action.REFUSE, reason="Không bổ sung", at=datetime(2026, 11, 6, 9, 0)
    )
    stored = services.dossiers.get(d.code)
    assert stored.timeliness is not None
    rep = services.reports.periodic(Period(date(2026, 11, 1), date(2026, 11, 30)))
    assert rep.total.row.finished == 1
    verdict = {"early": "finished_early", "on_time": "finished_on_time", "late": "finished_late"}
    assert getattr(rep.total.row, verdict[stored.timeliness.value]) == 1
    # Without the recorded verdict the appointment of the events (2/11) would make it late.
    assert stored.timeliness.value != "late"
