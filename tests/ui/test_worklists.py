"""Worklists of the main window: counts, lists, filters, shortcuts, the model."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import Action, Channel, Dossier, DossierStatus
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.ui.common.changes import notify_dossiers_changed
from hcc_desktop.ui.common.table_models import Column, DossierTableModel, Progress
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from hcc_desktop.ui.worklists.panel import KINDS, WorklistKind
from tests.ui.conftest import UI_DRAFT, birth_draft, show_active

BIRTH = "1.001193"  # same day
COPY_CERTIFICATION = "2.000815"  # same day, field "Chứng thực"
MARITAL_STATUS = "1.004873"  # 3 working days
OTHER_OFFICER = "Lê Văn Hòa"

# Valid CCCDs (Bình Định, 052): digit 0 = man, 1 = woman, born in the 1900s.
PEOPLE = [
    {"full_name": "Nguyễn Văn An", "id_number": "052090001234", "date_of_birth": "15/03/1990"},
    {
        "full_name": "Đặng Thị Hồng Đào",
        "id_number": "052185004321",
        "date_of_birth": "02/09/1985",
        "gender": "Nữ",
    },
    {"full_name": "Lê Minh Tuấn", "id_number": "052078005555", "date_of_birth": "01/01/1978"},
    {
        "full_name": "Phạm Thị Thu Hà",
        "id_number": "052192006666",
        "date_of_birth": "12/12/1992",
        "gender": "Nữ",
    },
]


def previous_working_day(services: Services, day: date) -> date:
    calendar = services.settings.calendar()
    day -= timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


@pytest.fixture
def as_of(services: Services) -> datetime:
    """The moment the window lives in: 10:00 on the last working day before
    today, so that dossiers received earlier are in the past for the real
    clock too, and "due today" exists whatever day the tests run."""
    return datetime.combine(previous_working_day(services, local_today()), time(10, 0))


Accept = Callable[..., Dossier]


@pytest.fixture
def accept(services: Services) -> Accept:
    """``accept(person_index, received_at, procedure=…, channel=…, received_by=…)``."""

    def do(
        person: int,
        received_at: datetime,
        *,
        procedure: str = BIRTH,
        channel: Channel = Channel.COUNTER,
        received_by: str | None = None,
    ) -> Dossier:
        draft = birth_draft(
            services=services,
            **(
                UI_DRAFT
                | PEOPLE[person]
                | {"procedure_code": procedure, "received_at": received_at}
            ),
        )
        return services.intake.accept(
            replace(draft, channel=channel.value, received_by=received_by)
        )

    return do


def received_for_due(services: Services, procedure: str, due_day: date) -> datetime:
    """A receipt time (09:00 on an earlier working day) giving an appointment on ``due_day``."""
    day = due_day
    for _ in range(40):
        day = previous_working_day(services, day)
        received = datetime.combine(day, time(9, 0))
        due = services.intake.preview_due(procedure_code=procedure, received_at=received)
        if due.date() == due_day:
            return received
    raise AssertionError(f"no receipt day gives {procedure} an appointment on {due_day}")


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, runner: TaskRunner, as_of: datetime
) -> Iterator[MainWindow]:
    w = MainWindow(services, runner, clock=lambda: as_of, notifier=lambda title, text: None)
    show_active(qtbot, w)
    yield w
    for dialog in w.open_dialogs():
        dialog.close()


def counts(window: MainWindow) -> dict[WorklistKind, int | None]:
    return {kind: window.worklists.count(kind) for kind in KINDS}


def loaded(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the worklists reflect the latest request."""
    window.worklists.reload()
    qtbot.waitUntil(
        lambda: not window.worklists.is_loading() and window.worklists.snapshot is not None,
        timeout=10_000,
    )


def shown_codes(window: MainWindow) -> list[str]:
    return [d.code for d in window.model.rows()]


# -- counts -----------------------------------------------------------------------------


def test_counts_follow_a_transition(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    earlier = previous_working_day(services, as_of.date())
    late = accept(0, datetime.combine(earlier, time(9, 0)))  # due that day 17:00
    today = accept(1, as_of.replace(hour=8, minute=0))  # same day: due at 17:00
    soon_day = services.settings.calendar().next_working_day(as_of.date())
    soon = accept(2, received_for_due(services, MARITAL_STATUS, soon_day), procedure=MARITAL_STATUS)
    notify_dossiers_changed([late.id, today.id, soon.id])

    overdue = window.worklists.buttons[WorklistKind.OVERDUE]
    qtbot.waitUntil(lambda: overdue.count_label.text() == "1", timeout=10_000)
    assert counts(window) == {
        WorklistKind.TODAY: 1,
        WorklistKind.OVERDUE: 1,
        WorklistKind.DUE_TODAY: 1,
        WorklistKind.DUE_SOON: 1,
        WorklistKind.WAITING: 0,
        WorklistKind.READY: 0,
    }
    # Overdue in red, nothing in calm grey.
    assert overdue.tone() == "alert"
    assert window.worklists.buttons[WorklistKind.WAITING].tone() == "zero"
    assert window.worklists.buttons[WorklistKind.DUE_TODAY].tone() == "warn"

    # The department finishes the late dossier: it leaves "overdue" for "ready to return".
    services.lifecycle.transition(late.id, Action.FINISH)
    notify_dossiers_changed([late.id])
    qtbot.waitUntil(lambda: overdue.count_label.text() == "0", timeout=10_000)
    assert window.worklists.count(WorklistKind.READY) == 1
    assert overdue.tone() == "zero"

    # A supplement request stops the clock: "awaiting papers".
    services.lifecycle.transition(
        today.id, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy chứng sinh"
    )
    notify_dossiers_changed([today.id])
    waiting = window.worklists.buttons[WorklistKind.WAITING]
    qtbot.waitUntil(lambda: waiting.count_label.text() == "1", timeout=10_000)
    assert window.worklists.count(WorklistKind.DUE_TODAY) == 0


def test_each_list_shows_its_dossiers_most_urgent_first(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    day1 = previous_working_day(services, as_of.date())
    day2 = previous_working_day(services, day1)
    newer = accept(0, datetime.combine(day1, time(9, 0)))
    older = accept(1, datetime.combine(day2, time(9, 0)))
    notify_dossiers_changed([])
    loaded(qtbot, window)

    window.show_list(WorklistKind.OVERDUE)
    qtbot.waitUntil(lambda: len(window.model.rows()) == 2, timeout=10_000)
    # The longest overdue first, as the service orders them.
    assert shown_codes(window) == [older.code, newer.code]
    assert window.header_label.text() == "Overdue dossiers (2)"
    row = window.model.row_of(older.id)
    # How late, in working days (day1 and today after the appointment day day2).
    late = services.settings.calendar().working_days_late(older.due_at, as_of)
    assert late == 2
    assert window.model.index(row, Column.PROGRESS).data() == "Overdue · 2 working days late"
    assert window.model.index(row, Column.PROGRESS).data(Qt.ItemDataRole.ForegroundRole)
    assert window.model.index(row, Column.STATUS).data() == "Received"
    assert window.model.index(row, Column.HOLDER).data() == "Trần Thị Bình"
    assert window.model.index(row, Column.DUE).data() == older.due_at.strftime("%d/%m/%Y %H:%M")

    # An empty list says so, calmly.
    window.show_list(WorklistKind.READY)
    assert window.stack.currentWidget() is window.empty_label
    assert window.empty_label.text() == "No result is waiting to be returned."


def test_shortcuts_switch_the_lists(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    late = accept(0, datetime.combine(previous_working_day(services, as_of.date()), time(9, 0)))
    notify_dossiers_changed([late.id])
    loaded(qtbot, window)
    assert window.current_kind() is WorklistKind.TODAY
    assert window.search.hasFocus()

    qtbot.keyClick(window.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_kind() is WorklistKind.OVERDUE
    assert window.worklists.buttons[WorklistKind.OVERDUE].isChecked()
    assert shown_codes(window) == [late.code]
    # The list has the keyboard: arrows and Enter work at once.
    assert window.table.hasFocus()
    assert window.selected_dossier() is not None

    for number, kind in enumerate(KINDS, start=1):
        qtbot.keyClick(
            window.table, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert window.current_kind() is kind
        assert window.list_actions[kind].shortcut().toString() == f"Ctrl+{number}"

    # Choosing a list leaves a search.
    window.search.setText("Nguyễn")
    window.refresh()
    assert window.header_label.text().startswith("Search results")
    qtbot.keyClick(window.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.search.text() == ""
    assert window.header_label.text() == "Overdue dossiers (1)"


def test_clicking_a_count_switches_the_list(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    today = accept(0, as_of.replace(hour=8, minute=0))
    notify_dossiers_changed([today.id])
    loaded(qtbot, window)
    qtbot.mouseClick(window.worklists.buttons[WorklistKind.DUE_TODAY], Qt.MouseButton.LeftButton)
    assert window.current_kind() is WorklistKind.DUE_TODAY
    assert shown_codes(window) == [today.code]
    assert window.model.index(0, Column.PROGRESS).data() == "Due today"


# -- filters ----------------------------------------------------------------------------


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not a choice"
    combo.setCurrentIndex(index)


def test_filters_narrow_the_lists(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    day = previous_working_day(services, as_of.date())
    birth = accept(0, datetime.combine(day, time(9, 0)))
    copy = accept(1, datetime.combine(day, time(9, 5)), procedure=COPY_CERTIFICATION)
    home = accept(2, datetime.combine(day, time(9, 10)), channel=Channel.HOME_VISIT)
    other = accept(3, datetime.combine(day, time(9, 15)), received_by=OTHER_OFFICER)
    notify_dossiers_changed([])
    loaded(qtbot, window)
    window.show_list(WorklistKind.OVERDUE)
    qtbot.waitUntil(lambda: len(window.model.rows()) == 4, timeout=10_000)
    panel = window.worklists
    overdue = panel.buttons[WorklistKind.OVERDUE]
    assert overdue.count_label.text() == "4"
    assert not panel.clear_button.isEnabled()
    assert panel.procedure_combo.currentText() == "All procedures"

    choose(panel.procedure_combo, COPY_CERTIFICATION)
    qtbot.waitUntil(lambda: shown_codes(window) == [copy.code], timeout=10_000)
    assert overdue.count_label.text() == "1"
    assert panel.clear_button.isEnabled()
    assert window.header_label.text() == "Overdue dossiers (1) – filtered"

    panel.clear_filters()
    choose(panel.field_combo, "Chứng thực")
    qtbot.waitUntil(lambda: shown_codes(window) == [copy.code], timeout=10_000)

    panel.clear_filters()
    choose(panel.channel_combo, Channel.HOME_VISIT.value)
    qtbot.waitUntil(lambda: shown_codes(window) == [home.code], timeout=10_000)
    assert panel.channel_combo.currentText() == "Home visit"

    panel.clear_filters()
    qtbot.waitUntil(lambda: panel.officer_combo.findData(OTHER_OFFICER) >= 0, timeout=10_000)
    choose(panel.officer_combo, OTHER_OFFICER)
    qtbot.waitUntil(lambda: shown_codes(window) == [other.code], timeout=10_000)

    # Nothing matches: the count drops to zero and the list says why.
    choose(panel.procedure_combo, BIRTH)
    choose(panel.channel_combo, Channel.POSTAL.value)
    qtbot.waitUntil(lambda: overdue.count_label.text() == "0", timeout=10_000)
    assert window.stack.currentWidget() is window.empty_label
    assert "Filters are applied" in window.empty_label.text()

    panel.clear_filters()
    qtbot.waitUntil(lambda: overdue.count_label.text() == "4", timeout=10_000)
    assert sorted(shown_codes(window)) == sorted(d.code for d in (birth, copy, home, other))


def test_filters_apply_to_todays_list(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    birth = accept(0, as_of.replace(hour=8, minute=0))
    copy = accept(1, as_of.replace(hour=8, minute=30), procedure=COPY_CERTIFICATION)
    notify_dossiers_changed([])
    qtbot.waitUntil(lambda: not window.runner.is_busy())
    assert sorted(shown_codes(window)) == sorted([birth.code, copy.code])
    choose(window.worklists.procedure_combo, BIRTH)
    qtbot.waitUntil(lambda: not window.runner.is_busy())
    assert shown_codes(window) == [birth.code]
    assert window.header_label.text() == "Dossiers received today (1) – filtered"
    qtbot.waitUntil(lambda: window.worklists.count(WorklistKind.TODAY) == 1, timeout=10_000)


def test_due_soon_horizon_can_be_changed_and_is_remembered(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    calendar = services.settings.calendar()
    in_two = calendar.add_working_days(as_of.date(), 2)
    dossier = accept(
        0, received_for_due(services, MARITAL_STATUS, in_two), procedure=MARITAL_STATUS
    )
    notify_dossiers_changed([dossier.id])
    soon = window.worklists.buttons[WorklistKind.DUE_SOON]
    assert window.worklists.within() == services.settings.load().due_soon_days == 2
    qtbot.waitUntil(lambda: soon.count == 1, timeout=10_000)
    assert soon.title_label.text() == "Due within 2 days"

    window.worklists.due_soon_spin.setValue(1)
    qtbot.waitUntil(lambda: soon.count == 0, timeout=10_000)
    assert soon.title_label.text() == "Due next working day"
    qtbot.waitUntil(lambda: services.settings.load().due_soon_days == 1, timeout=10_000)


# -- opening a dossier -----------------------------------------------------------------


def test_enter_and_double_click_open_the_dossier_window(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    dossier_dialog = pytest.importorskip("hcc_desktop.ui.dossier.dialog")
    late = accept(0, datetime.combine(previous_working_day(services, as_of.date()), time(9, 0)))
    notify_dossiers_changed([late.id])
    loaded(qtbot, window)
    qtbot.keyClick(window.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)

    def opened() -> list[object]:
        return [d for d in window.open_dialogs() if isinstance(d, dossier_dialog.DossierDialog)]

    assert len(opened()) == 1
    # The same dossier again brings its window forward instead of a second one.
    window.open_dossier(late.id)
    assert len(opened()) == 1
    for dialog in opened():
        dialog.close()
    qtbot.waitUntil(lambda: not opened())

    rect = window.table.visualRect(window.model.index(0, Column.OWNER))
    # A real double click starts with a press on the row.
    qtbot.mousePress(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(opened()) == 1)


def test_apology_action_opens_the_apology_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, accept: Accept, as_of: datetime
) -> None:
    apology = pytest.importorskip("hcc_desktop.ui.dossier.apology")
    late = accept(0, datetime.combine(previous_working_day(services, as_of.date()), time(9, 0)))
    notify_dossiers_changed([late.id])
    loaded(qtbot, window)
    window.show_list(WorklistKind.OVERDUE)
    assert window.select_dossier(late.id)
    assert window.apology_action.isEnabled()
    window.apology_action.trigger()
    # The dossier is read on the task runner, then the dialog opens.
    qtbot.waitUntil(
        lambda: any(isinstance(d, apology.ApologyDialog) for d in window.open_dialogs())
    )
    dialogs = [d for d in window.open_dialogs() if isinstance(d, apology.ApologyDialog)]
    assert len(dialogs) == 1
    assert late.code in dialogs[0].windowTitle()


# -- the model --------------------------------------------------------------------------


def test_model_with_progress_and_holder_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, accept: Accept, as_of: datetime
) -> None:
    day = previous_working_day(services, as_of.date())
    late = accept(0, datetime.combine(day, time(9, 0)))
    accept(1, as_of.replace(hour=8, minute=0))
    ended = accept(2, datetime.combine(day, time(9, 30)))
    services.lifecycle.transition(
        late.id, Action.HANDOVER, details=TransitionInput(receiver="Nguyễn Thị Phương")
    )
    services.lifecycle.transition(ended.id, Action.FINISH, at=datetime.combine(day, time(10, 0)))
    lists = services.lifecycle.worklists(as_of=as_of)
    rows = [*lists.overdue, *lists.due_today, *lists.ready_to_return]
    model = DossierTableModel()
    model.set_rows(rows, now=as_of)
    assert model.rowCount() == 3
    assert model.columnCount() == len(Column) == 10
    qtmodeltester.check(model, force_py=True)
    progress = {model.row_at(r).id: model.progress_at(r) for r in range(model.rowCount())}
    assert progress[late.id] is Progress.LATE
    # Finished on the appointment date (at 10:00, due 17:00): dates decide, so on time.
    assert progress[ended.id] is Progress.ON_TIME
    assert sorted(p.value for p in progress.values()) == ["due_today", "late", "on_time"]
    row = model.row_of(late.id)
    assert model.index(row, Column.HOLDER).data() == "Nguyễn Thị Phương"
    assert model.index(row, Column.STATUS).data() == "Being processed"

    model.sort(Column.PROGRESS, Qt.SortOrder.AscendingOrder)
    assert [model.progress_at(r) for r in range(3)] == [
        Progress.LATE,
        Progress.DUE_TODAY,
        Progress.ON_TIME,
    ]
    model.sort(Column.HOLDER, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_waiting_for_papers_is_not_overdue_while_the_clock_is_stopped(
    services: Services, accept: Accept, as_of: datetime
) -> None:
    d = accept(0, as_of.replace(hour=8, minute=0))
    services.lifecycle.transition(d.id, Action.REQUEST_SUPPLEMENT, reason="Thiếu giấy chứng sinh")
    summary = services.lifecycle.worklists(as_of=as_of).waiting_supplement[0]
    assert summary.status is DossierStatus.SUPPLEMENT_REQUESTED
    model = DossierTableModel()
    model.set_rows([summary], now=as_of + timedelta(days=30))
    assert model.progress_at(0) is Progress.IN_TIME
    assert model.index(0, Column.PROGRESS).data() == "Within deadline"
    # A second request counts as late whatever the dates (DOMAIN.md §3).
    model.set_rows([replace(summary, supplement_count=2)], now=as_of)
    assert model.progress_at(0) is Progress.LATE


def test_worklists_speak_vietnamese(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner, as_of: datetime
) -> None:
    w = MainWindow(services, runner, clock=lambda: as_of, notifier=lambda title, text: None)
    qtbot.addWidget(w)
    titles = [w.worklists.buttons[k].title_label.text() for k in KINDS]
    assert titles == [
        "Tiếp nhận hôm nay",
        "Quá hạn",
        "Đến hạn hôm nay",
        "Đến hạn trong 2 ngày tới",
        "Chờ bổ sung",
        "Chờ trả kết quả",
    ]
    assert w.worklists.procedure_combo.currentText() == "Tất cả"
    headers = [
        w.model.headerData(c, Qt.Orientation.Horizontal) for c in (Column.PROGRESS, Column.HOLDER)
    ]
    assert headers == ["Tiến độ", "Người đang giữ"]
    w.show_list(WorklistKind.OVERDUE)
    qtbot.waitUntil(lambda: w.header_label.text() == "Hồ sơ quá hạn (0)", timeout=10_000)


def test_vietnamese_mnemonics_of_the_main_window_are_unique(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner, as_of: datetime
) -> None:
    w = MainWindow(services, runner, clock=lambda: as_of, notifier=lambda title, text: None)
    qtbot.addWidget(w)
    texts = [a.text() for a in w.menuBar().actions()]
    texts += [label.text() for label in w.findChildren(QLabel) if label.buddy() is not None]
    texts += [b.text() for b in w.findChildren(QAbstractButton) if "&" in b.text()]
    keys = [re.search(r"&(\w)", t.replace("&&", "")) for t in texts]
    letters = [m.group(1).lower() for m in keys if m]
    assert len(letters) >= 10
    assert len(letters) == len(set(letters)), texts
    # Typed without an input method: every mnemonic is a plain Latin letter.
    assert all(letter.isascii() for letter in letters), texts
