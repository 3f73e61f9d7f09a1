"""Deadline reminders: the controller, the panel, snoozing, the tray rule."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from pytestqt.qtbot import QtBot

from hcc_desktop.core.clock import local_today
from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.common.changes import change_hub, notify_dossiers_changed
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from hcc_desktop.ui.worklists.reminders import (
    REPEAT_AFTER,
    ReminderController,
    ReminderGroup,
    ReminderPanel,
    summary_text,
)
from tests.ui.conftest import UI_DRAFT, birth_draft, show_active

BIRTH = "1.001193"  # same day
MARITAL_STATUS = "1.004873"  # 3 working days

PEOPLE = [
    {"full_name": "Nguyễn Văn An", "id_number": "052090001234", "date_of_birth": "15/03/1990"},
    {
        "full_name": "Đặng Thị Hồng Đào",
        "id_number": "052185004321",
        "date_of_birth": "02/09/1985",
        "gender": "Nữ",
    },
    {"full_name": "Lê Minh Tuấn", "id_number": "052078005555", "date_of_birth": "01/01/1978"},
]


def previous_working_day(services: Services, day: date) -> date:
    calendar = services.settings.calendar()
    day -= timedelta(days=1)
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


class Clock:
    """A settable "now" for the controller (the services keep the real clock)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Notifications:
    """Stands in for the system tray: records what would have been shown."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, message: str) -> None:
        self.shown.append((title, message))


@pytest.fixture
def clock(services: Services) -> Clock:
    # 10:00 on the last working day before today: earlier dossiers are in the
    # past for the real clock too, and the day has a "due today".
    return Clock(datetime.combine(previous_working_day(services, local_today()), time(10, 0)))


@pytest.fixture
def notifications() -> Notifications:
    return Notifications()


@pytest.fixture
def controller(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    clock: Clock,
    notifications: Notifications,
) -> Iterator[tuple[ReminderController, ReminderPanel]]:
    c = ReminderController(services, runner, notifier=notifications, clock=clock)
    panel = ReminderPanel()
    qtbot.addWidget(panel)
    c.reminders_changed.connect(panel.show_reminders)
    panel.snooze_requested.connect(c.snooze)
    yield c, panel
    c.stop()


def accept(
    services: Services, person: int, received_at: datetime, procedure: str = BIRTH
) -> Dossier:
    draft = birth_draft(
        services=services,
        **(UI_DRAFT | PEOPLE[person] | {"procedure_code": procedure, "received_at": received_at}),
    )
    return services.intake.accept(draft)


def overdue_dossier(services: Services, clock: Clock, person: int = 0) -> Dossier:
    day = previous_working_day(services, clock.now.date())
    return accept(services, person, datetime.combine(day, time(9, 0)))


def due_next_working_day(services: Services, clock: Clock, person: int = 1) -> Dossier:
    target = services.settings.calendar().next_working_day(clock.now.date())
    day = target
    for _ in range(40):
        day = previous_working_day(services, day)
        received = datetime.combine(day, time(9, 0))
        due = services.intake.preview_due(procedure_code=MARITAL_STATUS, received_at=received)
        if due.date() == target:
            return accept(services, person, received, MARITAL_STATUS)
    raise AssertionError("no receipt day gives an appointment on the next working day")


def checked(qtbot: QtBot, c: ReminderController) -> None:
    """Run one check and wait for its result."""
    with qtbot.waitSignal(c.reminders_changed, timeout=10_000):
        c.check()
    qtbot.waitUntil(lambda: not c.is_loading(), timeout=10_000)


# -- the panel ---------------------------------------------------------------------------


def test_panel_lists_overdue_and_due_next_working_day(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    notifications: Notifications,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    late = overdue_dossier(services, clock)
    soon = due_next_working_day(services, clock)
    checked(qtbot, c)

    assert panel.shown_ids(ReminderGroup.OVERDUE) == [late.id]
    assert panel.shown_ids(ReminderGroup.DUE_TODAY) == []
    assert panel.shown_ids(ReminderGroup.DUE_TOMORROW) == [soon.id]
    assert not panel.is_calm()
    assert panel.is_expanded()
    # The next working day is named with its date.
    tomorrow = services.settings.calendar().next_working_day(clock.now.date())
    title = panel.columns[ReminderGroup.DUE_TOMORROW].title.text()
    assert tomorrow.strftime("%d/%m/%Y") in title
    assert title.endswith("(1)")
    assert panel.columns[ReminderGroup.OVERDUE].title.text() == "Overdue (1)"
    assert panel.columns[ReminderGroup.DUE_TODAY].none_label.text() == "None"

    # The apology is one click away on an overdue card, not on a due-tomorrow one.
    late_card = panel.cards(ReminderGroup.OVERDUE)[0]
    soon_card = panel.cards(ReminderGroup.DUE_TOMORROW)[0]
    assert late_card.apology_button is not None
    assert soon_card.apology_button is None
    # Snoozing "until the appointment day" only makes sense while it is ahead.
    assert len(late_card.snooze_actions()) == 2
    labels = [label for label, _until in soon_card.snooze_actions()]
    assert labels[0] == "For 1 hour"
    assert labels[-1] == f"Until the appointment day ({soon.due_at:%d/%m/%Y})"
    assert soon_card.snooze_actions()[-1][1] == datetime.combine(soon.due_at.date(), time())

    # At start-up something is due: one tray message with the summary.
    assert len(notifications.shown) == 1
    title, message = notifications.shown[0]
    assert title == "Dossier deadlines"
    assert message.startswith("Overdue dossiers: 1, ")
    assert c.current is not None
    assert message == summary_text(c.current)
    assert panel.summary.text() == message


def test_nothing_due_is_one_calm_line_and_no_notification(
    qtbot: QtBot, notifications: Notifications, controller: tuple[ReminderController, ReminderPanel]
) -> None:
    c, panel = controller
    checked(qtbot, c)
    assert c.current is not None
    assert c.current.empty
    assert panel.is_calm()
    assert not panel.is_expanded()
    assert panel.summary.text() == "No dossier is due"
    assert panel.toggle_button.isHidden()
    assert notifications.shown == []
    # Checking again (the timer) still says nothing.
    checked(qtbot, c)
    assert notifications.shown == []


def test_snoozed_dossier_disappears_until_the_snooze_ends(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    late = overdue_dossier(services, clock, 0)
    other = overdue_dossier(services, clock, 2)
    checked(qtbot, c)
    assert sorted(panel.shown_ids(ReminderGroup.OVERDUE)) == sorted([late.id, other.id])

    # Through the card's menu, as the officer does: "For 1 hour".
    card = next(card for card in panel.cards() if card.dossier.id == late.id)
    hour = card.snooze_menu.actions()[0]
    assert card.snooze_actions()[0] == ("For 1 hour", clock.now + timedelta(hours=1))
    with qtbot.waitSignal(c.reminders_changed, timeout=10_000):
        hour.trigger()
    qtbot.waitUntil(lambda: not c.is_loading() and c.runner.pending_count == 0, timeout=10_000)
    assert panel.shown_ids(ReminderGroup.OVERDUE) == [other.id]
    assert [d.id for d in services.lifecycle.reminders(as_of=clock.now).overdue] == [other.id]

    # Still hidden a little later, back once the hour has passed.
    clock.now += timedelta(minutes=30)
    checked(qtbot, c)
    assert panel.shown_ids(ReminderGroup.OVERDUE) == [other.id]
    clock.now += timedelta(minutes=31)
    checked(qtbot, c)
    assert sorted(panel.shown_ids(ReminderGroup.OVERDUE)) == sorted([late.id, other.id])


def test_the_panel_follows_dossier_changes(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    late = overdue_dossier(services, clock)
    checked(qtbot, c)
    assert panel.shown_ids() == [late.id]
    services.lifecycle.transition(late.id, Action.FINISH)
    with qtbot.waitSignal(c.reminders_changed, timeout=10_000):
        notify_dossiers_changed([late.id])
    qtbot.waitUntil(panel.is_calm, timeout=10_000)
    assert panel.shown_ids() == []


# -- the tray rule -----------------------------------------------------------------------


def test_the_same_reminder_is_not_repeated_every_check(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    notifications: Notifications,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, _panel = controller
    overdue_dossier(services, clock, 0)
    checked(qtbot, c)
    assert len(notifications.shown) == 1

    # Five minutes later nothing changed: silence.
    clock.now += timedelta(minutes=5)
    checked(qtbot, c)
    assert len(notifications.shown) == 1

    # A new dossier needing attention is told at once.
    overdue_dossier(services, clock, 2)
    clock.now += timedelta(minutes=5)
    checked(qtbot, c)
    assert len(notifications.shown) == 2
    assert notifications.shown[-1][1].startswith("Overdue dossiers: 2")

    # While they stay due, again after an hour, not before.
    clock.now += REPEAT_AFTER - timedelta(minutes=1)
    checked(qtbot, c)
    assert len(notifications.shown) == 2
    clock.now += timedelta(minutes=1)
    checked(qtbot, c)
    assert len(notifications.shown) == 3


def test_todays_same_day_intake_is_not_news(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    notifications: Notifications,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    # A birth registration received this morning is due at 17:00 today.
    received = accept(services, 0, clock.now.replace(hour=8, minute=0))
    checked(qtbot, c)
    assert panel.shown_ids(ReminderGroup.DUE_TODAY) == [received.id]
    assert notifications.shown == []
    # Something else becoming overdue is.
    overdue_dossier(services, clock, 2)
    checked(qtbot, c)
    assert len(notifications.shown) == 1
    assert notifications.shown[0][1] == "Overdue dossiers: 1, due today: 1"


def test_an_apologised_dossier_shows_its_new_appointment_not_a_second_apology(
    qtbot: QtBot,
    services: Services,
    clock: Clock,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    late = overdue_dossier(services, clock)
    checked(qtbot, c)
    card = panel.cards(ReminderGroup.OVERDUE)[0]
    assert card.apology_button is not None
    # Lateness in working days.
    assert "working days late" in card.when_label.text() or "less than a working day" in (
        card.when_label.text()
    )
    new_due = datetime.combine(clock.now.date(), time(17, 0))
    services.lifecycle.issue_apology(
        late.code, new_due_at=new_due, reason="Chờ xác minh", at=clock.now
    )
    checked(qtbot, c)
    # At risk against the new appointment (due today), without the apology action.
    assert panel.shown_ids(ReminderGroup.OVERDUE) == []
    assert panel.shown_ids(ReminderGroup.DUE_TODAY) == [late.id]
    card = panel.cards(ReminderGroup.DUE_TODAY)[0]
    assert card.apology_button is None
    assert card.when_label.text() == "new appointment 17:00"


def test_summary_in_vietnamese(
    qtbot: QtBot,
    vietnamese: None,
    services: Services,
    clock: Clock,
    controller: tuple[ReminderController, ReminderPanel],
) -> None:
    c, panel = controller
    overdue_dossier(services, clock)
    due_next_working_day(services, clock)
    checked(qtbot, c)
    assert c.current is not None
    tomorrow = c.current.tomorrow
    if tomorrow == clock.now.date() + timedelta(days=1):
        expected = "1 hồ sơ quá hạn, 1 đến hạn ngày mai"
    else:
        expected = f"1 hồ sơ quá hạn, 1 đến hạn ngày {tomorrow:%d/%m/%Y}"
    assert panel.summary.text() == expected
    assert panel.columns[ReminderGroup.OVERDUE].title.text() == "Quá hạn (1)"
    card = panel.cards(ReminderGroup.OVERDUE)[0]
    assert card.apology_button is not None
    assert card.apology_button.text() == "Xin lỗi / hẹn lại"
    assert card.snooze_button.text() == "Tạm ẩn"
    panel.show_reminders(replace(c.current, overdue=(), due_tomorrow=()))
    assert panel.summary.text() == "Không có hồ sơ đến hạn"


def test_interval_comes_from_the_settings(
    qtbot: QtBot, services: Services, controller: tuple[ReminderController, ReminderPanel]
) -> None:
    c, _panel = controller
    assert c.timer.interval() == 5 * 60_000
    services.settings.save(replace(services.settings.load(), reminder_interval_minutes=12))
    change_hub().settings_changed.emit()
    # Read again on the task runner.
    qtbot.waitUntil(lambda: c.timer.interval() == 12 * 60_000)


# -- in the main window ----------------------------------------------------------------


@pytest.fixture
def window(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    clock: Clock,
    notifications: Notifications,
) -> Iterator[MainWindow]:
    w = MainWindow(services, runner, clock=clock, notifier=notifications)
    show_active(qtbot, w)
    yield w
    for dialog in w.open_dialogs():
        dialog.close()


def test_main_window_checks_at_start_and_f8_reaches_the_panel(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    clock: Clock,
    notifications: Notifications,
) -> None:
    late = overdue_dossier(services, clock)
    w = MainWindow(services, runner, clock=clock, notifier=notifications)
    show_active(qtbot, w)
    qtbot.waitUntil(lambda: w.reminder_panel.shown_ids() == [late.id], timeout=10_000)
    assert len(notifications.shown) == 1
    assert w.reminders_action.shortcut().toString() == "F8"
    w.reminder_panel.toggle()
    assert not w.reminder_panel.is_expanded()
    w.reminders_action.trigger()
    assert w.reminder_panel.is_expanded()
    assert w.reminder_panel.cards()[0].open_button.hasFocus()


def test_apology_button_opens_the_apology_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, clock: Clock
) -> None:
    apology = pytest.importorskip("hcc_desktop.ui.dossier.apology")
    late = overdue_dossier(services, clock)
    notify_dossiers_changed([late.id])
    qtbot.waitUntil(lambda: window.reminder_panel.shown_ids() == [late.id], timeout=10_000)
    card = window.reminder_panel.cards(ReminderGroup.OVERDUE)[0]
    assert card.apology_button is not None
    card.apology_button.click()
    # The dossier is read on the task runner, then the dialog opens.
    qtbot.waitUntil(
        lambda: any(isinstance(d, apology.ApologyDialog) for d in window.open_dialogs())
    )
    dialogs = [d for d in window.open_dialogs() if isinstance(d, apology.ApologyDialog)]
    assert len(dialogs) == 1
    assert late.code in dialogs[0].windowTitle()


def test_open_button_opens_the_dossier(
    qtbot: QtBot, window: MainWindow, services: Services, clock: Clock
) -> None:
    dossier_dialog = pytest.importorskip("hcc_desktop.ui.dossier.dialog")
    late = overdue_dossier(services, clock)
    notify_dossiers_changed([late.id])
    qtbot.waitUntil(lambda: window.reminder_panel.shown_ids() == [late.id], timeout=10_000)
    window.reminder_panel.cards()[0].open_button.click()
    opened = [d for d in window.open_dialogs() if isinstance(d, dossier_dialog.DossierDialog)]
    assert len(opened) == 1
