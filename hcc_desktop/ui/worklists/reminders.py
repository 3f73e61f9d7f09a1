"""Deadline reminders: a controller that checks every few minutes and a panel
at the bottom of the main window.

``ReminderController`` asks ``services.lifecycle.reminders()`` on the task
runner at start-up, on a timer (``settings.reminder_interval_minutes``) and
whenever dossiers change; ``ReminderPanel`` lists what is overdue, due today
and due on the next working day, each with "open", "apology / new
appointment" and "snooze". A short summary also goes to the system tray when
there is one (see ``ReminderController.should_notify`` for when).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import Reminders
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.common.changes import change_hub
from hcc_desktop.ui.common.table_models import (
    DUE_TODAY_COLOR,
    OVERDUE_COLOR,
    format_datetime,
    late_text,
)
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.worklists.panel import ElidedLabel, ReloadGate

log = logging.getLogger(__name__)

Notifier = Callable[[str, str], object]  # (title, message)

# The same summary is shown again at most this often while nothing new is due.
REPEAT_AFTER = timedelta(hours=1)
MORNING = time(7, 30)
MAX_CARDS = 30  # per group; the worklists show the rest
TRAY_MESSAGE_MS = 15_000


class ReminderGroup(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_TOMORROW = "due_tomorrow"


def reminder_groups(rem: Reminders) -> dict[ReminderGroup, tuple[DossierSummary, ...]]:
    return {
        ReminderGroup.OVERDUE: rem.overdue,
        ReminderGroup.DUE_TODAY: rem.due_today,
        ReminderGroup.DUE_TOMORROW: rem.due_tomorrow,
    }


def load_reminders(services: Services, as_of: datetime) -> Reminders:
    """Runs on the task runner."""
    return services.lifecycle.reminders(as_of=as_of)


def snooze_job(services: Services, dossier_id: str, until: datetime) -> Changes:
    """Runs on the task runner: silence one dossier's reminder until ``until``;
    every screen hears that the dossier changed."""
    return services.lifecycle.snooze(dossier_id, until=until)


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def weekday_and_date(day: date) -> str:
    """ "Thứ Ba, 24/11/2026" in the interface language."""
    name = QLocale().dayName(QDate(day.year, day.month, day.day).dayOfWeek())
    return f"{name[:1].upper()}{name[1:]}, {_day(day)}"


def tomorrow_title(rem: Reminders) -> str:
    """The third group's name: "due tomorrow" only when the next working day is tomorrow."""
    if rem.tomorrow == rem.as_of.date() + timedelta(days=1):
        return QCoreApplication.translate("ReminderController", "Due tomorrow ({day})").format(
            day=weekday_and_date(rem.tomorrow)
        )
    return QCoreApplication.translate("ReminderController", "Due next working day ({day})").format(
        day=weekday_and_date(rem.tomorrow)
    )


def summary_text(rem: Reminders) -> str:
    """The one-line summary, e.g. "Overdue dossiers: 3, due today: 5, due tomorrow:
    2" — in Vietnamese "3 hồ sơ quá hạn, 5 đến hạn hôm nay, 2 đến hạn ngày mai".
    Groups with none are left out; the first part names the dossiers."""
    if rem.empty:
        return QCoreApplication.translate("ReminderController", "No dossier is due")
    if rem.tomorrow == rem.as_of.date() + timedelta(days=1):
        later = (
            QCoreApplication.translate("ReminderController", "Dossiers due tomorrow: {count}"),
            QCoreApplication.translate("ReminderController", "due tomorrow: {count}"),
        )
    else:
        later = (
            QCoreApplication.translate("ReminderController", "Dossiers due on {day}: {count}"),
            QCoreApplication.translate("ReminderController", "due on {day}: {count}"),
        )
    parts = [
        (
            len(rem.overdue),
            QCoreApplication.translate("ReminderController", "Overdue dossiers: {count}"),
            QCoreApplication.translate("ReminderController", "overdue: {count}"),
        ),
        (
            len(rem.due_today),
            QCoreApplication.translate("ReminderController", "Dossiers due today: {count}"),
            QCoreApplication.translate("ReminderController", "due today: {count}"),
        ),
        (len(rem.due_tomorrow), *later),
    ]
    texts: list[str] = []
    for count, first, other in parts:
        if count:
            template = other if texts else first
            texts.append(template.format(count=count, day=_day(rem.tomorrow)))
    return ", ".join(texts)


@dataclass(frozen=True)
class SnoozeChoice:
    label: str
    until: datetime


def snooze_choices(d: DossierSummary, group: ReminderGroup, rem: Reminders) -> list[SnoozeChoice]:
    """One hour; the next working morning; the appointment day when it is
    still ahead (a due-tomorrow dossier)."""
    now = rem.as_of
    morning = datetime.combine(rem.tomorrow, MORNING)
    choices = [
        SnoozeChoice(
            QCoreApplication.translate("ReminderController", "For 1 hour"),
            now.replace(second=0, microsecond=0) + timedelta(hours=1),
        ),
    ]
    if rem.tomorrow == now.date() + timedelta(days=1):
        choices.append(
            SnoozeChoice(
                QCoreApplication.translate("ReminderController", "Until tomorrow morning (07:30)"),
                morning,
            )
        )
    else:
        choices.append(
            SnoozeChoice(
                QCoreApplication.translate("ReminderController", "Until 07:30 on {day}").format(
                    day=weekday_and_date(rem.tomorrow)
                ),
                morning,
            )
        )
    if group is ReminderGroup.DUE_TOMORROW and d.due_at.date() > now.date():
        # The day starts at midnight: at the first check that day it is "due today".
        choices.append(
            SnoozeChoice(
                QCoreApplication.translate(
                    "ReminderController", "Until the appointment day ({day})"
                ).format(day=_day(d.due_at.date())),
                datetime.combine(d.due_at.date(), time()),
            )
        )
    return choices


class TrayNotifier(QObject):
    """Shows the summary as a system tray message; a click brings the window."""

    activated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        icon = QApplication.windowIcon()
        if icon.isNull():
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.tray = QSystemTrayIcon(QIcon(icon), self)
        self.tray.setToolTip(QCoreApplication.applicationName())
        self.tray.messageClicked.connect(self.activated)
        self.tray.activated.connect(self._tray_activated)

    def _tray_activated(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        self.activated.emit()

    def __call__(self, title: str, message: str) -> None:
        if not self.tray.isVisible():
            self.tray.show()
        self.tray.showMessage(
            title, message, QSystemTrayIcon.MessageIcon.Information, TRAY_MESSAGE_MS
        )


def default_notifier(parent: QObject) -> TrayNotifier | None:
    """The tray when the desktop has one; otherwise the panel alone tells."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    return TrayNotifier(parent)


class ReminderController(QObject):
    """Checks deadlines on a timer and tells the panel and the tray."""

    reminders_changed = Signal(object)  # Reminders
    notified = Signal(str, str)  # title, message

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        notifier: Notifier | None = None,
        clock: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self._clock = clock
        self.notifier: Notifier | None = (
            notifier if notifier is not None else default_notifier(self)
        )
        self.current: Reminders | None = None
        self._gate = ReloadGate()
        self._notified_keys: frozenset[tuple[str, str]] = frozenset()
        self._notified_at: datetime | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        # The default interval until the settings, read on the task runner, arrive.
        self.apply_settings(settings or AppSettings())
        if settings is None:
            self.read_settings()
        hub = change_hub()
        # Kept to disconnect with QObject.disconnect(connection): in PySide6
        # 6.12 SignalInstance.disconnect() loses a reference to True on every
        # call, which ends in "Fatal Python error: bool_dealloc".
        self._connections = [hub.changed.connect(self._changed)]

    def read_settings(self) -> None:
        """Read the settings on the task runner, then apply them."""
        from hcc_desktop.ui.settings.operations import read_settings

        self.runner.run(read_settings, self.services, on_done=self.apply_settings)

    def apply_settings(self, settings: AppSettings) -> None:
        minutes = settings.reminder_interval_minutes
        self.timer.setInterval(max(1, minutes) * 60_000)

    def start(self) -> None:
        """Check now (start-up) and then every few minutes."""
        self.timer.start()
        self.check()

    def stop(self) -> None:
        """No more checks (the window closes): the timer stops and changes
        are no longer followed."""
        self.timer.stop()
        while self._connections:
            QObject.disconnect(self._connections.pop())

    def is_loading(self) -> bool:
        return self._gate.loading

    # -- checking --------------------------------------------------------------------

    def check(self) -> None:
        """Ask the service on the task runner; overlapping requests are merged."""
        if not self._gate.start():
            return
        self.runner.run(
            load_reminders,
            self.services,
            self._clock(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _changed(self, changes: Changes) -> None:
        """An operation changed data (the change hub): settings, then the reminders."""
        if changes.settings:
            self.read_settings()
        if changes.touches_dossiers:
            self.check()

    def _loaded(self, rem: Reminders) -> None:
        self._gate.finish()
        self.current = rem
        self.reminders_changed.emit(rem)
        if self.should_notify(rem):
            self._notify(rem)
        if self._gate.pending:
            self.check()

    def _failed(self, exc: BaseException) -> None:
        # A reminder check must never interrupt the counter with a dialog
        # every few minutes: the next check tries again.
        self._gate.finish()
        log.error("reminders could not be checked", exc_info=exc)
        if self._gate.pending:
            self.check()

    # -- the tray ------------------------------------------------------------------

    @staticmethod
    def keys(rem: Reminders) -> frozenset[tuple[str, str]]:
        return frozenset(
            (group.value, d.id) for group, rows in reminder_groups(rem).items() for d in rows
        )

    def should_notify(self, rem: Reminders) -> bool:
        """When the tray message is shown (the panel always shows the state):

        - never when nothing is due;
        - when something new needs attention: a (group, dossier) pair not in
          the last message, e.g. a dossier that became overdue overnight or
          moved into "due today". Dossiers received today do not count as new:
          a same-day procedure is due today the moment it is received, and the
          officer who just received it needs no message about it;
        - otherwise, while things stay due, again once REPEAT_AFTER (an hour)
          has passed since the last message — never every check.
        """
        if rem.empty or self.notifier is None:
            return False
        today = rem.as_of.date()
        received_today = {
            d.id
            for rows in reminder_groups(rem).values()
            for d in rows
            if d.received_at.date() == today
        }
        new = {key for key in self.keys(rem) - self._notified_keys if key[1] not in received_today}
        if new:
            return True
        if self._notified_at is None:
            # Only today's intakes are due: nothing to announce yet.
            return False
        return rem.as_of - self._notified_at >= REPEAT_AFTER

    def _notify(self, rem: Reminders) -> None:
        title = QCoreApplication.translate("ReminderController", "Dossier deadlines")
        message = summary_text(rem)
        self._notified_keys = self.keys(rem)
        self._notified_at = rem.as_of
        assert self.notifier is not None
        try:
            self.notifier(title, message)
        except Exception:
            log.exception("the reminder notification could not be shown")
        self.notified.emit(title, message)

    # -- snoozing ------------------------------------------------------------------

    def snooze(self, dossier_id: str, until: datetime) -> None:
        """Hide one dossier from the reminders until ``until``."""
        if self.current is not None:
            # Gone from the panel at once; the check after the write confirms it.
            self.current = _without(self.current, dossier_id)
            self.reminders_changed.emit(self.current)
        self.runner.run_change(
            snooze_job,
            self.services,
            dossier_id,
            until,
            on_done=self._snoozed,
            on_error=self._snooze_failed,
        )

    def _snoozed(self, _changes: Changes) -> None:
        self.check()

    def _snooze_failed(self, exc: BaseException) -> None:
        from hcc_desktop.ui.common.errors import show_error

        self.check()
        show_error(QApplication.activeWindow(), exc)


def _without(rem: Reminders, dossier_id: str) -> Reminders:
    return Reminders(
        as_of=rem.as_of,
        tomorrow=rem.tomorrow,
        overdue=tuple(d for d in rem.overdue if d.id != dossier_id),
        due_today=tuple(d for d in rem.due_today if d.id != dossier_id),
        due_tomorrow=tuple(d for d in rem.due_tomorrow if d.id != dossier_id),
    )


# -- the panel ------------------------------------------------------------------------


PANEL_STYLE = """
QFrame#reminderPanel { border-top: 1px solid #c9ced6; }
QFrame[role="reminder-card"] {
    border: 1px solid #d7dbe0;
    border-radius: 5px;
    background: palette(base);
}
QFrame[role="reminder-card"][group="overdue"] { border-left: 5px solid #b3261e; }
QFrame[role="reminder-card"][group="due_today"] { border-left: 5px solid #c77700; }
QFrame[role="reminder-card"][group="due_tomorrow"] { border-left: 5px solid #5b7db1; }
QFrame[role="reminder-card"] QPushButton, QFrame[role="reminder-card"] QToolButton {
    padding: 1px 8px;
}
"""

_GROUP_COLOURS = {
    ReminderGroup.OVERDUE: OVERDUE_COLOR,
    ReminderGroup.DUE_TODAY: DUE_TODAY_COLOR,
    ReminderGroup.DUE_TOMORROW: "#2f5597",
}


class ReminderCard(QFrame):
    """One due dossier: who, what, when, and what the officer can do about it."""

    open_requested = Signal(str)
    apology_requested = Signal(str)
    snooze_requested = Signal(str, object)  # dossier id, datetime

    def __init__(
        self,
        d: DossierSummary,
        group: ReminderGroup,
        rem: Reminders,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dossier = d
        self.group = group
        self.setProperty("role", "reminder-card")
        self.setProperty("group", group.value)
        name = ElidedLabel(d.full_name)
        bold = QFont(name.font())
        bold.setBold(True)
        name.setFont(bold)
        when = QLabel(self._when(d, group, rem))
        when.setStyleSheet(f"color: {_GROUP_COLOURS[group]};")
        self.when_label = when
        procedure = ElidedLabel(d.procedure_display)
        procedure.setToolTip(f"{d.procedure_code} – {d.procedure_name}")
        # The end of a code (day and number) is what tells dossiers apart.
        code = ElidedLabel(d.code, mode=Qt.TextElideMode.ElideLeft)
        code.setStyleSheet("color: #6b7280;")

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open dossier {code}").format(code=d.code))
        self.open_button.clicked.connect(self._open)
        self.apology_button: QPushButton | None = None
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(code, 1)
        buttons.addWidget(self.open_button)
        # An apology with a new appointment is on record: the card shows that appointment
        # and whether it is at risk, never a second apology.
        if group in (ReminderGroup.OVERDUE, ReminderGroup.DUE_TODAY) and not d.apologised:
            self.apology_button = QPushButton(self.tr("Apology / new date"))
            self.apology_button.setToolTip(
                self.tr("Write the apology letter (Mẫu 04) with a new appointment")
            )
            self.apology_button.clicked.connect(self._apology)
            buttons.addWidget(self.apology_button)
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setToolTip(self.tr("Hide this reminder for a while"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_menu = QMenu(self.snooze_button)
        self.snooze_choices = snooze_choices(d, group, rem)
        for i, choice in enumerate(self.snooze_choices):
            action = self.snooze_menu.addAction(choice.label)
            action.setData(i)
            action.triggered.connect(self._snooze_chosen)
        self.snooze_button.setMenu(self.snooze_menu)
        buttons.addWidget(self.snooze_button)

        top = QHBoxLayout()
        top.addWidget(name, 1)
        top.addWidget(when)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(procedure)
        layout.addLayout(buttons)
        self.setToolTip("\n".join(x for x in (d.code, d.full_name, d.phone, d.procedure_name) if x))

    def _when(self, d: DossierSummary, group: ReminderGroup, rem: Reminders) -> str:
        if d.apologised:
            due = d.current_due
            if group is ReminderGroup.OVERDUE:
                return self.tr("new appointment {when} passed").format(when=format_datetime(due))
            return self.tr("new appointment {time}").format(time=due.strftime("%H:%M"))
        if group is ReminderGroup.DUE_TODAY:
            return self.tr("due {time}").format(time=d.due_at.strftime("%H:%M"))
        if group is ReminderGroup.OVERDUE:
            return late_text(d.due_at, d.days_late)
        return self.tr("due {time}").format(time=d.due_at.strftime("%H:%M"))

    def _open(self) -> None:
        self.open_requested.emit(self.dossier.id)

    def _apology(self) -> None:
        self.apology_requested.emit(self.dossier.id)

    def _snooze_chosen(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            choice = self.snooze_choices[int(action.data())]
            self.snooze_requested.emit(self.dossier.id, choice.until)

    def snooze_actions(self) -> list[tuple[str, datetime]]:
        return [(c.label, c.until) for c in self.snooze_choices]

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._open()
        event.accept()


class _GroupColumn(QWidget):
    """One group (overdue, due today, due next working day) as a scrolling column."""

    def __init__(self, group: ReminderGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setStyleSheet(f"color: {_GROUP_COLOURS[group]};")
        self.container = QWidget()
        self.cards_layout = QVBoxLayout(self.container)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(4)
        self.cards_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.container)
        self.none_label = QLabel()
        self.none_label.setStyleSheet("color: #80868b;")
        self.none_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.none_label)
        layout.addWidget(self.scroll, 1)
        self.cards: list[ReminderCard] = []
        self.more_label: QLabel | None = None

    def clear(self) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        if self.more_label is not None:
            self.more_label.deleteLater()
            self.more_label = None


class ReminderPanel(QFrame):
    """The reminders at the bottom of the main window. With nothing due it is
    one calm line; otherwise three columns of cards that can be collapsed."""

    open_requested = Signal(str)
    apology_requested = Signal(str)
    snooze_requested = Signal(str, object)  # dossier id, datetime
    list_requested = Signal(str)  # ReminderGroup value: show the whole worklist

    BODY_HEIGHT = 190

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.reminders: Reminders | None = None
        self._shown_key: tuple[object, ...] | None = None
        self._user_collapsed = False

        self.title = QLabel(self.tr("Reminders:"))
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel(self.tr("Checking deadlines…"))
        self.summary.setStyleSheet("color: #80868b;")
        self.toggle_button = QToolButton()
        self.toggle_button.setAutoRaise(True)
        self.toggle_button.clicked.connect(self.toggle)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title)
        header.addWidget(self.summary, 1)
        header.addWidget(self.toggle_button)

        self.columns = {group: _GroupColumn(group) for group in ReminderGroup}
        self.body = QWidget()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        for column in self.columns.values():
            body.addWidget(column, 1)
        self.body.setFixedHeight(self.BODY_HEIGHT)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.body)
        self.body.hide()
        self.toggle_button.hide()

    # -- state ------------------------------------------------------------------------

    def is_calm(self) -> bool:
        return self.reminders is None or self.reminders.empty

    def is_expanded(self) -> bool:
        return not self.body.isHidden()

    def cards(self, group: ReminderGroup | None = None) -> list[ReminderCard]:
        groups = [group] if group is not None else list(ReminderGroup)
        return [card for g in groups for card in self.columns[g].cards]

    def shown_ids(self, group: ReminderGroup | None = None) -> list[str]:
        return [card.dossier.id for card in self.cards(group)]

    def show_reminders(self, rem: Reminders) -> None:
        was_calm = self.is_calm()
        self.reminders = rem
        self.summary.setText(summary_text(rem))
        if rem.empty:
            self.summary.setStyleSheet("color: #5f6368;")
            self.title.setStyleSheet("color: #5f6368;")
            self.body.hide()
            self.toggle_button.hide()
            self._fill(rem)
            return
        self.title.setStyleSheet("")
        self.summary.setStyleSheet(
            f"color: {_GROUP_COLOURS[ReminderGroup.OVERDUE]};" if rem.overdue else ""
        )
        self.toggle_button.show()
        if was_calm:
            # Something became due: show it even if the officer folded the panel.
            self._user_collapsed = False
        self._fill(rem)
        self._set_expanded(not self._user_collapsed)

    def _fill(self, rem: Reminders) -> None:
        groups = reminder_groups(rem)
        key = (
            rem.tomorrow,
            rem.as_of.date(),
            tuple(
                (g.value, d.id, d.due_at, d.full_name) for g, rows in groups.items() for d in rows
            ),
        )
        titles = {
            ReminderGroup.OVERDUE: self.tr("Overdue ({count})"),
            ReminderGroup.DUE_TODAY: self.tr("Due today ({count})"),
        }
        for group, rows in groups.items():
            column = self.columns[group]
            if group in titles:
                column.title.setText(titles[group].format(count=len(rows)))
            else:
                column.title.setText(f"{tomorrow_title(rem)} ({len(rows)})")
        if key == self._shown_key:
            return  # same dossiers: keep the cards (and the keyboard focus in them)
        self._shown_key = key
        for group, rows in groups.items():
            self._fill_column(self.columns[group], rows, rem)

    def _fill_column(
        self, column: _GroupColumn, rows: Sequence[DossierSummary], rem: Reminders
    ) -> None:
        column.clear()
        column.none_label.setText(self.tr("None"))
        column.none_label.setVisible(not rows)
        column.scroll.setVisible(bool(rows))
        for d in rows[:MAX_CARDS]:
            card = ReminderCard(d, column.group, rem)
            card.open_requested.connect(self.open_requested)
            card.apology_requested.connect(self.apology_requested)
            card.snooze_requested.connect(self.snooze_requested)
            column.cards_layout.insertWidget(column.cards_layout.count() - 1, card)
            column.cards.append(card)
        if len(rows) > MAX_CARDS:
            more = QLabel(
                self.tr("… and {count} more: see the worklist").format(count=len(rows) - MAX_CARDS)
            )
            more.setStyleSheet("color: #5f6368;")
            column.cards_layout.insertWidget(column.cards_layout.count() - 1, more)
            column.more_label = more

    # -- expanding --------------------------------------------------------------------

    def toggle(self) -> None:
        self._user_collapsed = self.is_expanded()
        self._set_expanded(not self._user_collapsed)

    def expand(self) -> None:
        self._user_collapsed = False
        self._set_expanded(not self.is_calm())

    def _set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle_button.setText(self.tr("Hide details ▾") if expanded else self.tr("Show ▴"))

    def focus_first(self) -> bool:
        """Keyboard: expand and put the focus on the first card's first button."""
        self.expand()
        cards = self.cards()
        if not cards:
            return False
        cards[0].open_button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True
