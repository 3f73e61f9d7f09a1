"""The access log and the citizen's export (issue 12 item 4), on real stores."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.errors import AuthError, NotFound, PermissionDenied, ValidationError
from hcc_desktop.services import Services
from hcc_desktop.services.access import AccessFilter
from hcc_desktop.services.audit import verify_store
from tests import keyed
from tests.conftest import birth_draft


def _counter(services: Services) -> None:
    services.accounts.add(
        user_name="an", password="mat-khau-quay", role=Role.COUNTER, full_name="Lê An"
    )
    services.accounts.authenticate("an", "mat-khau-quay")


def _entries(services: Services, **kw: object) -> list:
    return services.access.entries(AccessFilter(**kw))  # type: ignore[arg-type]


def test_open_print_and_book_are_logged_in_the_device_chain(services: Services) -> None:
    d = services.intake.accept(birth_draft(services=services))
    services.access.opened(d)
    services.printing.receipt_pdf(d)
    today = d.received_at.date()
    services.printing.tracking_book_xlsx(today, today)
    entries = _entries(services)
    assert [e.action for e in entries] == ["export", "print", "open"]  # newest first
    opened = entries[-1]
    assert opened.dossier_code == d.code
    assert opened.id_number == "079203001234"
    assert opened.officer == "binh"
    assert "Mẫu 01" in entries[1].detail
    assert "Sổ theo dõi" in entries[0].detail
    assert entries[0].dossier_id is None
    # One device chain: the receipt event is 1, then the three entries.
    assert sorted(e.device_seq for e in entries) == [2, 3, 4]
    assert verify_store(services.db, services.settings.load().device_id) == []
    # An event written after the entries continues the same chain.
    services.lifecycle.transition(d.code, "finish")
    assert verify_store(services.db, services.settings.load().device_id) == []


def test_filters(services: Services) -> None:
    a = services.intake.accept(birth_draft(services=services))
    b = services.intake.accept(birth_draft(services=services, id_number="079203009999"))
    services.access.opened(a)
    services.access.opened(b)
    services.printing.receipt_pdf(b)
    assert {e.dossier_code for e in _entries(services, id_number="079203009999")} == {b.code}
    assert [e.action for e in _entries(services, action="print")] == ["print"]
    assert _entries(services, user="nobody") == []
    day = a.received_at.date()
    assert len(_entries(services, since=day, until=day)) == 3
    assert _entries(services, until=day.replace(year=day.year - 1)) == []


def test_the_log_is_append_only(services: Services) -> None:
    d = services.intake.accept(birth_draft(services=services))
    services.access.opened(d)
    path = services.db.path
    with keyed.connect(path) as con, pytest.raises(Exception, match="append-only"):
        con.execute("UPDATE access_log SET officer = 'x'")
    with keyed.connect(path) as con, pytest.raises(Exception, match="append-only"):
        con.execute("DELETE FROM access_log")


def test_a_counter_officer_can_neither_read_nor_export(services: Services) -> None:
    d = services.intake.accept(birth_draft(services=services))
    _counter(services)
    services.access.opened(d)  # their own accesses are logged all the same
    with pytest.raises(PermissionDenied) as caught:
        services.access.entries()
    assert caught.value.code == "access_log_not_allowed"
    with pytest.raises(PermissionDenied):
        services.citizens.export("079203001234", services.db.path.parent / "x.zip")
    assert not (services.db.path.parent / "x.zip").exists()


def test_a_failed_entry_refuses_the_access(services: Services) -> None:
    d = services.intake.accept(birth_draft(services=services))
    services.session.log_out()
    with pytest.raises(AuthError):
        services.printing.receipt_pdf(d)


def test_edited_or_deleted_entries_are_named_by_verify(services: Services) -> None:
    d = services.intake.accept(birth_draft(services=services))
    first = services.access.opened(d)
    services.access.opened(d)
    third = services.access.opened(d)
    device = services.settings.load().device_id
    path = services.db.path
    with keyed.connect(path) as con:
        con.execute("DROP TRIGGER access_log_no_update")
        con.execute("UPDATE access_log SET officer = 'ai-do' WHERE id = ?", (first.id,))
    found = verify_store(services.db, device)
    assert [(f.record, f.kind, f.event_id) for f in found] == [
        ("access", "hash_mismatch", first.id)
    ]
    with keyed.connect(path) as con:
        con.execute("DROP TRIGGER access_log_no_delete")
        con.execute("DELETE FROM access_log WHERE id = ?", (first.id,))
    found = verify_store(services.db, device)
    assert found
    assert found[0].record == "access"
    assert found[0].kind == "device_gap"
    assert found[0].event_id != third.id  # the entry after the hole is named
    assert found[0].event_kind == "open"


def test_citizen_export(services: Services, tmp_path: Path) -> None:
    d = services.intake.accept(birth_draft(services=services, gender="male"))
    services.printing.receipt_pdf(d)
    services.lifecycle.transition(d.code, "finish")
    services.field.visits.add_resident(
        full_name="Nguyễn Văn An",
        reasons=("age",),
        quarter="Khu phố 3",
        address="123 Lê Lợi",
        phone="0912345678",
        consent_on=d.received_at.date(),
    )
    out = tmp_path / "out" / "an.zip"
    out.parent.mkdir()
    result = services.citizens.export("079203001234", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not [p for p in out.parent.iterdir() if p.name != "an.zip"]  # no temp left
    assert result.dossiers == 1
    assert result.home_entries == 1
    with zipfile.ZipFile(out) as z:
        data = json.loads(z.read("citizen.json").decode("utf-8"))
        pdf = z.read("citizen.pdf")
    assert data["format"] == "hcc-citizen-export/1"
    assert data["citizen"]["full_name"] == "Nguyễn Văn An"
    dossier = data["dossiers"][0]
    assert dossier["code"] == d.code
    assert next(e["kind"] for e in dossier["events"]) == "received"
    assert len(dossier["events"]) == 2
    assert dossier["components"]
    assert "fee" in dossier
    assert data["home_service"][0]["matched_by"] == "phone"
    actions = [a["action"] for a in data["access_log"]]
    assert actions == ["print", "export"]  # the receipt, then this export itself
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "DỮ LIỆU CÁ NHÂN CỦA CÔNG DÂN" in text
    assert "Nguyễn Văn An" in text
    assert d.code in text
    # In the officer's words, not the store's codes.
    assert "Giới tính: Nam" in text
    assert "male" not in text
    assert "cash" not in text
    assert "transfer" not in text
    # The export is in the log.
    assert _entries(services, action="export")[0].id_number == "079203001234"
    assert verify_store(services.db, services.settings.load().device_id) == []


def test_citizen_export_refuses_bad_and_unknown_numbers(services: Services, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        services.citizens.export("12ab", tmp_path / "x.zip")
    with pytest.raises(NotFound) as caught:
        services.citizens.export("079203001111", tmp_path / "x.zip")
    assert caught.value.code == "citizen_not_found"
    assert not (tmp_path / "x.zip").exists()


def test_a_pending_entry_edited_stops_the_push(services: Services) -> None:
    from hcc_desktop.services.audit import verify_pending

    d = services.intake.accept(birth_draft(services=services))
    entry = services.access.opened(d)
    services.access.opened(d)
    device = services.settings.load().device_id
    assert verify_pending(services.db, device) == []
    with keyed.connect(services.db.path) as con:
        con.execute("DROP TRIGGER access_log_no_update")
        con.execute("UPDATE access_log SET detail = 'khác' WHERE id = ?", (entry.id,))
    found = verify_pending(services.db, device)
    assert [(f.record, f.kind, f.event_id) for f in found] == [
        ("access", "hash_mismatch", entry.id)
    ]
    with keyed.connect(services.db.path) as con:
        con.execute("DROP TRIGGER access_log_no_delete")
        con.execute("DELETE FROM access_log WHERE id = ?", (entry.id,))
    assert {f.kind for f in verify_pending(services.db, device)} == {"device_gap"}


def test_a_store_from_before_gets_the_access_log(tmp_path: Path) -> None:
    from hcc_desktop.db.migrate import SCHEMA_HEAD, upgrade

    path = tmp_path / "old.db"
    upgrade(path, revision="0013_accounts")
    assert upgrade(path).to_revision == SCHEMA_HEAD  # through 0014_access_log
