"""Worklists of the main window: large count buttons (today's dossiers,
overdue, due today, due soon, waiting for a supplement, ready to return) and
the filters that narrow them.

The counts and lists come from ``services.lifecycle.worklists`` on the task
runner, all five lists in one job, so switching between them (one click or
Ctrl+1…Ctrl+6) is instant and never touches the database on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Channel, Procedure
from hcc_desktop.core.errors import HccError
from hcc_desktop.core.text import fold
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import WorklistFilter
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP
from hcc_desktop.ui.common.table_models import (
    DUE_TODAY_COLOR,
    OVERDUE_COLOR,
    channel_name,
    holder_of,
)
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

# Rows fetched per list; the counts are exact whatever this is.
LIST_LIMIT = 500
# Time moves dossiers between lists (due soon → due today → overdue) even when
# nobody changes anything; other devices' changes arrive by sync.
RELOAD_INTERVAL_MS = 120_000
SAVE_DELAY_MS = 800
MAX_DUE_SOON_DAYS = 30


class WorklistKind(StrEnum):
    """The lists of the count bar, in shortcut order (Ctrl+1 … Ctrl+6)."""

    TODAY = "today"
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    WAITING = "waiting_supplement"
    READY = "ready_to_return"


KINDS: tuple[WorklistKind, ...] = tuple(WorklistKind)

KIND_TITLES: dict[WorklistKind, str] = {
    WorklistKind.TODAY: QT_TRANSLATE_NOOP("WorklistPanel", "Received today"),
    WorklistKind.OVERDUE: QT_TRANSLATE_NOOP("WorklistPanel", "Overdue"),
    WorklistKind.DUE_TODAY: QT_TRANSLATE_NOOP("WorklistPanel", "Due today"),
    WorklistKind.DUE_SOON: QT_TRANSLATE_NOOP("WorklistPanel", "Due soon"),
    WorklistKind.WAITING: QT_TRANSLATE_NOOP("WorklistPanel", "Awaiting papers"),
    WorklistKind.READY: QT_TRANSLATE_NOOP("WorklistPanel", "Ready to return"),
}


def kind_title(kind: WorklistKind) -> str:
    return QCoreApplication.translate("WorklistPanel", KIND_TITLES[kind])


def shortcut_of(kind: WorklistKind) -> str:
    return f"Ctrl+{KINDS.index(kind) + 1}"


@dataclass(frozen=True)
class WorklistSnapshot:
    """Every list and count at one moment, for one filter."""

    as_of: datetime
    within: int
    filters: WorklistFilter
    lists: Mapping[WorklistKind, tuple[DossierSummary, ...]]
    counts: Mapping[WorklistKind, int]

    def rows(self, kind: WorklistKind) -> tuple[DossierSummary, ...]:
        return self.lists.get(kind, ())

    def count(self, kind: WorklistKind) -> int:
        return self.counts.get(kind, 0)


def is_filtered(filters: WorklistFilter) -> bool:
    return bool(
        filters.procedure_code or filters.field or filters.officer or filters.channel is not None
    )


def matches(d: DossierSummary, filters: WorklistFilter, fields: Mapping[str, str]) -> bool:
    """The worklist filter applied to an already loaded row (today's list);
    ``fields`` maps procedure codes to their field (lĩnh vực)."""
    if filters.procedure_code and d.procedure_code != filters.procedure_code:
        return False
    if filters.field and fields.get(d.procedure_code, "") != filters.field:
        return False
    if filters.officer and filters.officer not in (d.received_by, d.holder):
        return False
    return filters.channel is None or d.channel == filters.channel


def load_worklists(
    services: Services,
    as_of: datetime,
    within: int,
    filters: WorklistFilter,
    fields: Mapping[str, str],
) -> WorklistSnapshot:
    """Runs on the task runner: the five worklists and today's intake."""
    w = services.lifecycle.worklists(as_of=as_of, within=within, filters=filters, limit=LIST_LIMIT)
    today = tuple(
        d for d in services.dossiers.received_on(as_of.date()) if matches(d, filters, fields)
    )
    lists = {
        WorklistKind.TODAY: today,
        WorklistKind.OVERDUE: w.overdue,
        WorklistKind.DUE_TODAY: w.due_today,
        WorklistKind.DUE_SOON: w.due_soon,
        WorklistKind.WAITING: w.waiting_supplement,
        WorklistKind.READY: w.ready_to_return,
    }
    counts = {kind: int(w.counts.get(kind.value, len(rows))) for kind, rows in lists.items()}
    counts[WorklistKind.TODAY] = len(today)
    return WorklistSnapshot(
        as_of=as_of, within=w.within, filters=filters, lists=lists, counts=counts
    )


class ReloadGate:
    """One load at a time on the task runner: a load asked for while one runs
    is not queued behind it but merged into a single load after it."""

    def __init__(self) -> None:
        self.loading = False
        self._again = False

    def start(self) -> bool:
        """True when a load may start now; otherwise it is noted for later."""
        if self.loading:
            self._again = True
            return False
        self.loading = True
        self._again = False
        return True

    def finish(self) -> None:
        """The load ended (done or failed)."""
        self.loading = False

    @property
    def pending(self) -> bool:
        """Another load was asked for while the last one ran."""
        return self._again


def read_catalog_choices(services: Services) -> list[Procedure]:
    """Runs on the task runner: every procedure (the inactive ones too: old dossiers
    name them), for the filters' lists."""
    return services.catalog.list(include_inactive=True)


def save_due_soon_days(services: Services, days: int) -> Changes:
    """Runs on the task runner: remember the officer's "due soon" horizon;
    the settings change is announced when it was stored."""
    return services.settings.set_due_soon_days(days)


# Tones of a count button: what its number means at a glance.
TONE_ALERT = "alert"  # overdue: red
TONE_WARN = "warn"  # due today: amber
TONE_NORMAL = "normal"
TONE_ZERO = "zero"  # nothing there: calm grey

_TONE_COLOURS = {
    TONE_ALERT: OVERDUE_COLOR,
    TONE_WARN: DUE_TODAY_COLOR,
    TONE_NORMAL: "#1d3557",
    TONE_ZERO: "#9aa0a6",
}

COUNT_BAR_STYLE = """
QPushButton[role="count"] {
    border: 1px solid #c9ced6;
    border-radius: 6px;
    background: palette(base);
    padding: 0;
}
QPushButton[role="count"]:hover { border-color: #7a8ca5; }
QPushButton[role="count"]:checked {
    border: 2px solid #1565c0;
    background: #e8f0fe;
}
QPushButton[role="count"][tone="alert"] { border-left: 6px solid #b3261e; }
QPushButton[role="count"][tone="alert"]:checked {
    border: 2px solid #1565c0;
    border-left: 6px solid #b3261e;
}
QComboBox[active="true"] { border: 2px solid #1565c0; border-radius: 3px; }
"""


class ElidedLabel(QLabel):
    """One line that is cut with "…" when it does not fit; the full text is the tooltip."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(text, parent)
        self._mode = mode
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), self._mode, rect.width())
        painter.drawText(rect, int(self.alignment()), text)


class CountButton(QPushButton):
    """A large, checkable button: the count on top, the list's name below."""

    def __init__(self, kind: WorklistKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.count: int | None = None
        self.setCheckable(True)
        # Ctrl+1…6 is the keyboard path; a click must not pull the focus away
        # from the list the officer is reading.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setProperty("role", "count")
        self.setProperty("tone", TONE_ZERO)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.count_label = QLabel("–")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.count_label.setFont(font)
        self.key_label = QLabel(shortcut_of(kind))
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        self.key_label.setFont(small)
        self.key_label.setStyleSheet("color: #80868b;")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        # Cut with "…" only when the window is very narrow (half a screen).
        self.title_label = ElidedLabel()
        for label in (self.count_label, self.key_label, self.title_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.key_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 10, 6)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        self.set_title(kind_title(kind))

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self._describe()

    def set_count(self, count: int | None) -> None:
        self.count = count
        self.count_label.setText("–" if count is None else f"{count:,}".replace(",", "."))
        if not count:
            tone = TONE_ZERO
        elif self.kind is WorklistKind.OVERDUE:
            tone = TONE_ALERT
        elif self.kind is WorklistKind.DUE_TODAY:
            tone = TONE_WARN
        else:
            tone = TONE_NORMAL
        self.setProperty("tone", tone)
        self.count_label.setStyleSheet(f"color: {_TONE_COLOURS[tone]};")
        self.title_label.setStyleSheet(
            "color: #80868b;" if tone == TONE_ZERO else "color: palette(text);"
        )
        self.style().unpolish(self)
        self.style().polish(self)
        self._describe()

    def tone(self) -> str:
        return str(self.property("tone"))

    def _describe(self) -> None:
        count = "–" if self.count is None else str(self.count)
        self.setAccessibleName(f"{self.title_label.text()}: {count}")
        self.setToolTip(f"{self.title_label.text()} ({shortcut_of(self.kind)})")

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.sizeHint() if layout is not None else super().sizeHint()
        return QSize(max(hint.width(), 100), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(90, self.sizeHint().height())


class WorklistPanel(QWidget):
    """The count bar and the filter row; owns the worklist snapshot.

    The main window shows the rows of ``current_kind()`` from ``snapshot``
    and places ``due_soon_label`` and ``due_soon_spin`` above its table.
    """

    kind_changed = Signal(str)  # WorklistKind value
    filters_changed = Signal()
    loaded = Signal(object)  # WorklistSnapshot

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        *,
        clock: Callable[[], datetime] = local_now,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self._clock = clock
        self.snapshot: WorklistSnapshot | None = None
        self._gate = ReloadGate()
        self._error_shown = False
        self._officers: set[str] = set()
        self._fields: dict[str, str] = {}
        self.setStyleSheet(COUNT_BAR_STYLE)

        self.buttons: dict[WorklistKind, CountButton] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        for i, kind in enumerate(KINDS):
            button = CountButton(kind)
            self.buttons[kind] = button
            self.group.addButton(button, i)
            bar.addWidget(button, 1)
        self.group.idClicked.connect(self._button_clicked)
        self.buttons[WorklistKind.TODAY].setChecked(True)
        self._kind = WorklistKind.TODAY

        self.procedure_combo = self._combo(self.tr("All procedures"), 5)
        self.field_combo = self._combo(self.tr("All fields"), 4)
        self.officer_combo = self._combo(self.tr("All officers"), 4)
        self.channel_combo = self._combo(self.tr("All channels"), 4)
        for channel in Channel:
            self.channel_combo.addItem(channel_name(channel), channel.value)
        self.procedure_combo.view().setMinimumWidth(460)
        self.field_combo.view().setMinimumWidth(260)
        # (label, combo, share of the room left)
        labels = (
            (self.tr("&Procedure:"), self.procedure_combo, 3),
            (self.tr("F&ield:"), self.field_combo, 2),
            (self.tr("O&fficer:"), self.officer_combo, 2),
            (self.tr("Cha&nnel:"), self.channel_combo, 1),
        )
        self.filter_row = QHBoxLayout()
        self.filter_row.setContentsMargins(0, 0, 0, 0)
        self.filter_row.setSpacing(6)
        for text, combo, stretch in labels:
            label = QLabel(text)
            label.setBuddy(combo)
            self.filter_row.addSpacing(4)
            self.filter_row.addWidget(label)
            self.filter_row.addWidget(combo, stretch)
            combo.currentIndexChanged.connect(self._filter_edited)
        self.clear_button = QPushButton(self.tr("Clea&r filters"))
        self.clear_button.setToolTip(
            self.tr("Show the lists for every procedure, field, officer and channel")
        )
        self.clear_button.clicked.connect(self.clear_filters)
        self.clear_button.setEnabled(False)
        self.filter_row.addWidget(self.clear_button)

        # The window hands the settings over (read on the task runner); the defaults
        # until then (``apply_settings``).
        settings = settings or AppSettings()
        self.due_soon_spin = QSpinBox()
        self.due_soon_spin.setRange(0, MAX_DUE_SOON_DAYS)
        self.due_soon_spin.setValue(settings.due_soon_days)
        self.due_soon_spin.setSuffix(self.tr(" working days"))
        self.due_soon_spin.setToolTip(
            self.tr("“Due soon” lists the dossiers due within this many working days after today")
        )
        self.due_soon_label = QLabel(self.tr("Due soon &within:"))
        self.due_soon_label.setBuddy(self.due_soon_spin)
        self.due_soon_spin.valueChanged.connect(self._within_edited)
        # The logged-in officer is a choice of the officer filter from the start.
        self._officers.add(logged_in_name(services))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addLayout(self.filter_row)

        self._saving_within = 0  # horizon saves still on the task runner
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_within)
        self.reload_timer = QTimer(self)
        self.reload_timer.setInterval(RELOAD_INTERVAL_MS)
        self.reload_timer.timeout.connect(self.reload)
        self.reload_timer.start()

        self.procedure_combo.setEnabled(False)
        self.field_combo.setEnabled(False)
        self.reload_choices()
        self._update_titles()

    def _combo(self, everything: str, length: int) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, "")
        # Narrow at least, wider when the window has room; long names show in full
        # in the (wider) drop-down list and the tooltip.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(length)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return combo

    # -- the lists -------------------------------------------------------------

    def current_kind(self) -> WorklistKind:
        return self._kind

    def set_kind(self, kind: WorklistKind | str) -> None:
        """Show a list: its button is checked and ``kind_changed`` is emitted,
        even for the list already shown (the main window then leaves a search)."""
        self._kind = WorklistKind(kind)
        self.buttons[self._kind].setChecked(True)
        self.kind_changed.emit(self._kind.value)

    def _button_clicked(self, index: int) -> None:
        self.set_kind(KINDS[index])

    def rows(self, kind: WorklistKind | None = None) -> tuple[DossierSummary, ...]:
        if self.snapshot is None:
            return ()
        return self.snapshot.rows(kind or self._kind)

    def count(self, kind: WorklistKind) -> int | None:
        return self.buttons[kind].count

    def set_count(self, kind: WorklistKind, count: int) -> None:
        self.buttons[kind].set_count(count)

    def within(self) -> int:
        return int(self.due_soon_spin.value())

    def apply_settings(self, settings: AppSettings) -> None:
        """Settings saved elsewhere: the "due soon" horizon and the officer."""
        # While the officer's own edit waits to be saved, the spin box is newer.
        editing = self._save_timer.isActive() or self._saving_within > 0
        if settings.due_soon_days != self.within() and not editing:
            self.due_soon_spin.blockSignals(True)
            self.due_soon_spin.setValue(settings.due_soon_days)
            self.due_soon_spin.blockSignals(False)
            self._update_titles()
            self.reload()

    def shutdown(self) -> None:
        """The window closes: no more loads."""
        self.reload_timer.stop()
        self._save_timer.stop()

    def _update_titles(self) -> None:
        days = self.within()
        if days == 0:
            soon = self.tr("Due soon (0 days)")
        elif days == 1:
            soon = self.tr("Due next working day")
        else:
            soon = self.tr("Due within {days} days").format(days=days)
        self.buttons[WorklistKind.DUE_SOON].set_title(soon)

    # -- filters ---------------------------------------------------------------

    def current_filter(self) -> WorklistFilter:
        channel = str(self.channel_combo.currentData() or "")
        return WorklistFilter(
            procedure_code=str(self.procedure_combo.currentData() or ""),
            field=str(self.field_combo.currentData() or ""),
            officer=str(self.officer_combo.currentData() or ""),
            channel=Channel(channel) if channel else None,
        )

    def matches(self, d: DossierSummary) -> bool:
        return matches(d, self.current_filter(), self._fields)

    def clear_filters(self) -> None:
        combos = (self.procedure_combo, self.field_combo, self.officer_combo, self.channel_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._filter_edited()

    def reload_choices(self) -> None:
        """Fill the procedure and field lists from the catalog, read on the task
        runner; the two lists stay disabled until their first filling."""
        self.runner.run(
            read_catalog_choices,
            self.services,
            on_done=self._choices_loaded,
            on_error=self._choices_failed,
        )

    def _choices_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, HccError):
            raise exc
        log.error("the catalog could not be read for the filters: %r", exc)
        self._choices_loaded([])

    def _choices_loaded(self, procedures: list[Procedure]) -> None:
        self.procedure_combo.setEnabled(True)
        self.field_combo.setEnabled(True)
        self._fields = {p.code: p.field for p in procedures}
        active = sorted((p for p in procedures if p.active), key=lambda p: fold(p.display_name))
        fields = sorted({p.field for p in active if p.field}, key=fold)
        self._refill(
            self.procedure_combo,
            [(p.display_name, p.code, f"{p.code} – {p.name}") for p in active],
        )
        self._refill(self.field_combo, [(f, f, f) for f in fields])
        self._refill_officers()

    def note_officers(self, rows: Iterable[DossierSummary]) -> None:
        """Officers seen in loaded lists become choices of the officer filter."""
        before = len(self._officers)
        for d in rows:
            self._officers.add(d.received_by)
            self._officers.add(holder_of(d))
        if len(self._officers) != before:
            self._refill_officers()

    def _refill_officers(self) -> None:
        names = sorted((n for n in self._officers if n), key=lambda n: fold(n.rsplit(" ", 1)[-1]))
        self._refill(self.officer_combo, [(n, n, n) for n in names])

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, str, str]]) -> None:
        """Replace the choices after "All …", keeping the current one if still there."""
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, data, tip in items:
            combo.addItem(text, data)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if current and index < 0:
            self._filter_edited()

    def _filter_edited(self, *_args: object) -> None:
        filters = self.current_filter()
        self.clear_button.setEnabled(is_filtered(filters))
        for combo in (
            self.procedure_combo,
            self.field_combo,
            self.officer_combo,
            self.channel_combo,
        ):
            # A string: the style sheet matches it, and no Python object is kept in Qt.
            combo.setProperty("active", "true" if combo.currentIndex() > 0 else "false")
            combo.style().unpolish(combo)
            combo.style().polish(combo)
        self.filters_changed.emit()
        self.reload()

    def _within_edited(self, _value: int) -> None:
        self._update_titles()
        self._save_timer.start()
        self.reload()

    def _save_within(self) -> None:
        self._saving_within += 1
        self.runner.run_change(
            save_due_soon_days,
            self.services,
            self.within(),
            on_done=self._within_saved,
            on_error=self._within_not_saved,
        )

    def _within_saved(self, changes: Changes) -> None:
        self._saving_within -= 1
        if changes:
            log.info("due-soon horizon saved")

    def _within_not_saved(self, exc: BaseException) -> None:
        self._saving_within -= 1
        # The lists already use the new value; only remembering it failed.
        log.warning("the due-soon horizon could not be saved: %r", exc)

    # -- loading -----------------------------------------------------------------

    def reload(self) -> None:
        """Reload every list and count on the task runner; requests made while
        one load runs are merged into one more load after it."""
        if not self._gate.start():
            return
        self.runner.run(
            load_worklists,
            self.services,
            self._clock(),
            self.within(),
            self.current_filter(),
            dict(self._fields),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def is_loading(self) -> bool:
        return self._gate.loading

    def _loaded(self, snapshot: WorklistSnapshot) -> None:
        self._gate.finish()
        self._error_shown = False
        current = snapshot.filters == self.current_filter() and snapshot.within == self.within()
        if current:
            self.snapshot = snapshot
            for kind in KINDS:
                self.buttons[kind].set_count(snapshot.count(kind))
            self.note_officers(r for rows in snapshot.lists.values() for r in rows)
            self.loaded.emit(snapshot)
        if self._gate.pending or not current:
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._gate.finish()
        log.error("worklists could not be loaded", exc_info=exc)
        if not self._error_shown:
            # Once: the reload timer would otherwise open a dialog every few minutes.
            self._error_shown = True
            from hcc_desktop.ui.common.errors import show_error

            show_error(self.window(), exc)
        if self._gate.pending:
            self.reload()
