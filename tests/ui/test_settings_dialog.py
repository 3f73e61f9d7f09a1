"""The settings dialog: saving through the settings service, errors next to fields."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import CalendarOverride, PaperSize
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.settings.dialog import SettingsDialog


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, runner: TaskRunner) -> SettingsDialog:
    d = SettingsDialog(services, runner=runner)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    qtbot.waitUntil(lambda: not d.loading)  # the settings are read on the runner
    return d


def holidays_shown(dialog: SettingsDialog) -> dict[str, str]:
    table = dialog.holidays_table
    shown: dict[str, str] = {}
    for row in range(table.rowCount()):
        day, reason = table.item(row, 0), table.item(row, 1)
        assert day is not None
        assert reason is not None
        shown[day.text()] = reason.text()
    return shown


def test_shows_the_saved_settings(dialog: SettingsDialog, services: Services) -> None:
    s = services.settings.load()
    assert dialog.unit_name.text() == s.unit_name
    assert dialog.unit_code.text() == s.unit_code
    assert dialog.device_slot.value() == s.device_slot
    assert dialog.officer_name.text() == "Trần Thị Bình"
    assert dialog.morning_start.time() == QTime(7, 0)
    assert dialog.afternoon_end.time() == QTime(17, 0)
    assert dialog.cutoff.time() == QTime(15, 0)
    assert dialog.printer.currentData() == ""
    assert dialog.language.currentData() == "vi"
    # The Government's announced swap days were seeded into the editable table.
    assert (date(2025, 4, 26), "work") in {(o.day, o.kind) for o in dialog.overrides()}
    assert (date(2025, 5, 2), "off") in {(o.day, o.kind) for o in dialog.overrides()}


def test_ok_saves_every_tab(qtbot: QtBot, dialog: SettingsDialog, services: Services) -> None:
    dialog.unit_name.setText("Trung tâm Phục vụ hành chính công phường Tam Quan")
    dialog.unit_code.setText("000.17.22.H57")
    dialog.lookup_url.setText("https://dichvucong.example.gov.vn/tra-cuu?ma={code}")
    dialog.device_name.setText("Laptop Thứ Bảy")
    dialog.device_slot.setValue(3)
    dialog.officer_phone.setText("0905123456")
    dialog.morning_start.setTime(QTime(7, 30))
    dialog.afternoon_end.setTime(QTime(17, 30))
    dialog.cutoff.setTime(QTime(15, 30))
    dialog.paper.setCurrentIndex(dialog.paper.findData("A5"))
    dialog.book_no.setText("02/2026")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    before = len(dialog.overrides())
    dialog.add_override()
    row = dialog.overrides_table.rowCount() - 1
    day_edit = dialog.overrides_table.cellWidget(row, 0)
    kind = dialog.overrides_table.cellWidget(row, 1)
    assert isinstance(day_edit, QDateEdit)
    assert isinstance(kind, QComboBox)
    day_edit.setDate(QDate(2030, 9, 3))
    kind.setCurrentIndex(kind.findData("off"))
    note = dialog.overrides_table.item(row, 2)
    assert note is not None
    note.setText("Nghỉ bù Quốc khánh (thông báo riêng)")

    with qtbot.waitSignal(dialog.settings_saved, timeout=10_000):
        dialog.ok_button.click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    s = services.settings.load()
    assert s.unit_name == "Trung tâm Phục vụ hành chính công phường Tam Quan"
    assert s.unit_code == "000.17.22.H57"
    assert s.device_name == "Laptop Thứ Bảy"
    assert s.device_slot == 3
    assert s.officer_phone == "0905123456"
    assert s.office_hours.intervals[0] == (time(7, 30), time(11, 30))
    assert s.office_hours.intervals[1] == (time(13, 30), time(17, 30))
    assert s.office_hours.same_day_cutoff == time(15, 30)
    assert s.paper_size is PaperSize.A5
    assert s.book_no == "02/2026"
    assert s.language == "en"
    overrides = services.settings.calendar_overrides()
    assert len(overrides) == before + 1
    assert CalendarOverride(date(2030, 9, 3), "off", "Nghỉ bù Quốc khánh (thông báo riêng)") in (
        overrides
    )
    assert not services.settings.calendar().is_working_day(date(2030, 9, 3))


def test_bad_unit_code_is_shown_next_to_the_field(
    qtbot: QtBot, dialog: SettingsDialog, services: Services
) -> None:
    saved = services.settings.load()
    dialog.tabs.setCurrentIndex(SettingsDialog.TAB_LANGUAGE)
    dialog.unit_code.setText("000 17 22")
    dialog.lookup_url.setText("dichvucong.gov.vn")
    dialog.ok_button.click()

    qtbot.waitUntil(lambda: dialog.error_text("unit_code") != "")
    assert dialog.error_text("unit_code") == (
        "The unit identifier code is not valid (for example 000.17.22.H56)"
    )
    assert dialog.error_text("public_lookup_url") == (
        "The address must start with http:// or https://"
    )
    assert dialog.unit_code.property("error") is True
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == SettingsDialog.TAB_UNIT
    assert dialog.unit_code.hasFocus() or not dialog.isActiveWindow()
    assert services.settings.load() == saved
    assert dialog.ok_button.isEnabled()

    # Fixing it clears the error and saves.
    dialog.unit_code.setText("000.17.22.H56")
    dialog.lookup_url.setText("")
    with qtbot.waitSignal(dialog.settings_saved, timeout=10_000):
        dialog.ok_button.click()
    assert dialog.error_text("unit_code") == ""
    assert dialog.unit_code.property("error") is False


def test_field_error_is_in_vietnamese_with_the_translation(
    qtbot: QtBot, vietnamese: None, dialog: SettingsDialog
) -> None:
    dialog.unit_code.setText("sai mã")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_text("unit_code") != "")
    assert dialog.error_text("unit_code") == (
        "Mã định danh đơn vị không đúng định dạng (ví dụ 000.17.22.H56)"
    )


def test_office_hours_out_of_order_are_refused(
    qtbot: QtBot, dialog: SettingsDialog, services: Services
) -> None:
    saved = services.settings.load()
    dialog.morning_end.setTime(QTime(6, 30))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_text("office_hours") != "")
    assert "each session must start before it ends" in dialog.error_text("office_hours")
    assert dialog.tabs.currentIndex() == SettingsDialog.TAB_HOURS
    assert services.settings.load() == saved


def test_duplicate_day_off_names_its_line(
    qtbot: QtBot, dialog: SettingsDialog, services: Services
) -> None:
    before = services.settings.calendar_overrides()
    first = dialog.overrides()[0]
    dialog.add_override()
    row = dialog.overrides_table.rowCount() - 1
    day_edit = dialog.overrides_table.cellWidget(row, 0)
    assert isinstance(day_edit, QDateEdit)
    day_edit.setDate(QDate(first.day.year, first.day.month, first.day.day))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error_text("overrides") != "")
    assert dialog.error_text("overrides") == (
        f"Line {row + 1}: The date {first.day:%d/%m/%Y} is listed twice"
    )
    assert services.settings.calendar_overrides() == before


def test_remove_day(dialog: SettingsDialog) -> None:
    count = dialog.overrides_table.rowCount()
    first = dialog.overrides()[0]
    dialog.overrides_table.selectRow(0)
    dialog.remove_override()
    assert dialog.overrides_table.rowCount() == count - 1
    assert first not in dialog.overrides()


def test_statutory_holidays_of_the_year_are_listed(dialog: SettingsDialog) -> None:
    dialog.holiday_year.setValue(2026)
    shown = holidays_shown(dialog)
    # Tết 2026: Monday 16 to Friday 20 February; 30/4 and 1/5; 2/9.
    for day in ("16/02/2026", "17/02/2026", "20/02/2026", "30/04/2026", "01/05/2026", "02/09/2026"):
        assert any(day in key for key in shown), day
    # Plain weekends are not listed; the table is for holidays only.
    assert not any("07/03/2026" in key for key in shown)
    dialog.holiday_year.setValue(2025)
    assert any("30/04/2025" in key for key in holidays_shown(dialog))


def test_cancel_saves_nothing(dialog: SettingsDialog, services: Services) -> None:
    saved = services.settings.load()
    dialog.unit_name.setText("Không lưu")
    dialog.reject()
    assert services.settings.load() == saved


def test_days_to_confirm_are_listed_as_such_and_can_be_confirmed(
    qtbot: QtBot, dialog: SettingsDialog, services: Services
) -> None:
    rows = {o.day: i for i, o in enumerate(dialog.overrides())}
    culture = date(2026, 11, 24)
    assert dialog.override_status(rows[culture]) == "to_confirm"
    assert dialog.override_status(rows[date(2026, 1, 2)]) == "confirmed"
    status = dialog.overrides_table.cellWidget(rows[culture], 3)
    assert isinstance(status, QComboBox)
    assert status.currentText() == "To confirm"
    source = dialog.overrides_table.item(rows[date(2026, 1, 2)], 4)
    assert source is not None
    assert "12729/VPCP-KGVX" in source.text()
    # Saving keeps every status and source as they were.
    before = services.settings.calendar_overrides()
    with qtbot.waitSignal(dialog.settings_saved, timeout=10_000):
        dialog.ok_button.click()
    assert services.settings.calendar_overrides() == before


def test_confirming_a_day_in_the_dialog(
    qtbot: QtBot, dialog: SettingsDialog, services: Services
) -> None:
    rows = {o.day: i for i, o in enumerate(dialog.overrides())}
    row = rows[date(2026, 11, 24)]
    dialog.overrides_table.selectRow(row)
    dialog.confirm_override()
    source = dialog.overrides_table.item(row, 4)
    assert source is not None
    source.setText("Văn bản số 1/TB ngày 01/11/2026")
    with qtbot.waitSignal(dialog.settings_saved, timeout=10_000):
        dialog.ok_button.click()
    saved = {o.day: o for o in services.settings.calendar_overrides()}
    assert saved[date(2026, 11, 24)].status == "confirmed"
    assert saved[date(2026, 11, 24)].source == "Văn bản số 1/TB ngày 01/11/2026"
    assert saved[date(2026, 8, 31)].to_confirm
