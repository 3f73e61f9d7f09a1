"""Table models over the frozen dataclasses the services return."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Channel, DossierStatus, Timeliness
from hcc_desktop.core.lifecycle import classify
from hcc_desktop.core.messages import STATUS_NAMES
from hcc_desktop.core.text import fold
from hcc_desktop.services.dossiers.lists import DossierSummary
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP

CHANNEL_NAMES: dict[Channel, str] = {
    Channel.COUNTER: QT_TRANSLATE_NOOP("Channel", "Counter"),
    Channel.SATURDAY_SESSION: QT_TRANSLATE_NOOP("Channel", "Saturday session"),
    Channel.HOME_VISIT: QT_TRANSLATE_NOOP("Channel", "Home visit"),
    Channel.POSTAL: QT_TRANSLATE_NOOP("Channel", "Postal"),
    Channel.ONLINE: QT_TRANSLATE_NOOP("Channel", "Online"),
}

# The colours of urgency, the same in the lists, the count buttons, the
# reminder cards and the dossier window.
OVERDUE_COLOR = "#b3261e"
DUE_TODAY_COLOR = "#a15c00"

# Statuses after which an appointment no longer matters for the officer.
_CLOSED = {
    DossierStatus.NOT_ACCEPTED,
    DossierStatus.WITHDRAWN,
    DossierStatus.STOPPED,
    DossierStatus.PROCESSED,
    DossierStatus.RETURNED,
}


class Progress(StrEnum):
    """What the Tiến độ column says: the on-time verdict of an ended dossier,
    or where an open one stands against its appointment."""

    EARLY = "early"  # ended before the appointment date
    ON_TIME = "on_time"  # ended on the appointment date
    LATE = "late"  # ended after it, or still open with the date past
    DUE_TODAY = "due_today"  # open, the appointment is today
    IN_TIME = "in_time"  # open, the appointment is still ahead


PROGRESS_NAMES: dict[Progress, str] = {
    Progress.EARLY: QT_TRANSLATE_NOOP("Progress", "Early"),
    Progress.ON_TIME: QT_TRANSLATE_NOOP("Progress", "On time"),
    Progress.LATE: QT_TRANSLATE_NOOP("Progress", "Overdue"),
    Progress.DUE_TODAY: QT_TRANSLATE_NOOP("Progress", "Due today"),
    Progress.IN_TIME: QT_TRANSLATE_NOOP("Progress", "Within deadline"),
}

# Most urgent first when the column is sorted ascending.
_PROGRESS_RANK = {
    Progress.LATE: 0,
    Progress.DUE_TODAY: 1,
    Progress.IN_TIME: 2,
    Progress.ON_TIME: 3,
    Progress.EARLY: 4,
}


def progress_of(d: DossierSummary, now: datetime) -> Progress:
    """DOMAIN.md §3: dates, not hours, decide; waiting for a supplement stops
    the clock, and more than one supplement request counts as late."""
    if d.ended_at is not None or d.status in _CLOSED:
        verdict = d.timeliness
        if verdict is None and d.ended_at is not None:
            verdict = classify(due=d.due_at, ended=d.ended_at, supplement_count=d.supplement_count)
        return Progress(verdict.value) if verdict is not None else Progress.IN_TIME
    if d.supplement_count > 1:
        return Progress.LATE
    if d.status is DossierStatus.SUPPLEMENT_REQUESTED:
        # Clock stopped: the appointment moves by the waiting days.
        return Progress.IN_TIME
    if d.timeliness is Timeliness.LATE or now.date() > d.due_at.date():
        return Progress.LATE
    if now.date() == d.due_at.date():
        return Progress.DUE_TODAY
    return Progress.IN_TIME


def progress_name(progress: Progress) -> str:
    return QCoreApplication.translate("Progress", PROGRESS_NAMES[progress])


def late_days_text(days: int) -> str:
    """How late, in working days (never calendar days): "2 working days late"."""
    if days <= 0:
        return QCoreApplication.translate("Lateness", "late by less than a working day")
    return QCoreApplication.translate("Lateness", "{days} working days late").format(days=days)


def late_text(due: datetime, days: int) -> str:
    """ "due 20/11/2026 17:00 · 2 working days late" for an overdue dossier."""
    return QCoreApplication.translate("Lateness", "due {when} · {late}").format(
        when=format_datetime(due), late=late_days_text(days)
    )


def progress_text(d: DossierSummary, progress: Progress) -> str:
    """The Tiến độ cell: an overdue open dossier says by how many working days."""
    name = progress_name(progress)
    if progress is Progress.LATE and d.ended_at is None and d.days_late > 0:
        return f"{name} · {late_days_text(d.days_late)}"
    return name


def status_name(status: DossierStatus) -> str:
    return QCoreApplication.translate("DossierStatus", STATUS_NAMES[DossierStatus(status)])


def channel_name(channel: Channel) -> str:
    return QCoreApplication.translate("Channel", CHANNEL_NAMES[Channel(channel)])


def format_datetime(moment: datetime) -> str:
    """``dd/MM/yyyy HH:mm``, independent of the system locale."""
    return moment.strftime("%d/%m/%Y %H:%M")


class Column(IntEnum):
    CODE = 0
    OWNER = 1
    PROCEDURE = 2
    RECEIVED = 3
    DUE = 4
    STATUS = 5
    CHANNEL = 6
    OFFICER = 7
    # Added later; the view shows them next to the appointment and the status.
    PROGRESS = 8
    HOLDER = 9


def arrange_dossier_columns(header: QHeaderView) -> None:
    """The dossier lists' column order before the officer moves any: progress next to
    the appointment, the holder next to the status (the main window's list and the
    first list shown at start-up, so that nothing jumps when one replaces the other)."""
    header.moveSection(header.visualIndex(Column.PROGRESS), header.visualIndex(Column.DUE) + 1)
    header.moveSection(header.visualIndex(Column.HOLDER), header.visualIndex(Column.STATUS) + 1)


_HEADERS: dict[Column, str] = {
    Column.CODE: QT_TRANSLATE_NOOP("DossierTableModel", "Dossier code"),
    Column.OWNER: QT_TRANSLATE_NOOP("DossierTableModel", "Applicant"),
    Column.PROCEDURE: QT_TRANSLATE_NOOP("DossierTableModel", "Procedure"),
    Column.RECEIVED: QT_TRANSLATE_NOOP("DossierTableModel", "Received"),
    Column.DUE: QT_TRANSLATE_NOOP("DossierTableModel", "Appointment"),
    Column.STATUS: QT_TRANSLATE_NOOP("DossierTableModel", "Status"),
    Column.CHANNEL: QT_TRANSLATE_NOOP("DossierTableModel", "Channel"),
    Column.OFFICER: QT_TRANSLATE_NOOP("DossierTableModel", "Received by"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("DossierTableModel", "Progress"),
    Column.HOLDER: QT_TRANSLATE_NOOP("DossierTableModel", "Held by"),
}

_SORT_KEYS: dict[Column, Callable[[DossierSummary], Any]] = {
    Column.CODE: lambda d: d.code,
    Column.OWNER: lambda d: (fold(d.full_name.rsplit(" ", 1)[-1]), fold(d.full_name)),
    Column.PROCEDURE: lambda d: fold(d.procedure_display),
    Column.RECEIVED: lambda d: d.received_at,
    Column.DUE: lambda d: d.due_at,
    Column.STATUS: lambda d: int(d.status),
    Column.CHANNEL: lambda d: d.channel.value,
    Column.OFFICER: lambda d: fold(d.received_by),
    Column.HOLDER: lambda d: fold(holder_of(d)),
}


def holder_of(d: DossierSummary) -> str:
    """Who has the dossier now: nobody was handed it yet, so the receiving officer."""
    return d.holder or d.received_by


ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class TextRowsModel(QAbstractTableModel):
    """A read-only table whose display texts are computed once, when the
    rows change (``_texts``, one tuple a row), so painting never touches the
    database or reformats dates. Rows are numbered in the vertical header.

    A subclass sets ``COLUMNS``, the header texts (``_header_text``) and any
    other role (``_role_data``)."""

    COLUMNS = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._texts: list[tuple[str, ...]] = []

    def _header_text(self, section: int) -> str:
        raise NotImplementedError

    def _role_data(self, row: int, column: int, role: int) -> Any:
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._texts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._texts):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        return self._role_data(index.row(), index.column(), role)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self.COLUMNS:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._header_text(section)
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if 0 <= section < len(self._texts) else None
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


_Item = TypeVar("_Item")


class ItemsModel(QAbstractTableModel, Generic[_Item]):
    """A read-only table over a list of frozen items, one row each: ``set_items``,
    ``item(row)``, the row and column counts and the horizontal header. A subclass
    gives ``headers()`` (translated there, in its own context) and ``data``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[_Item] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def set_items(self, items: Sequence[_Item]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> _Item:
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None


class DossierTableModel(TextRowsModel):
    """A list of DossierSummary rows; display texts are computed once per
    ``set_rows`` so painting never touches the database or reformats dates."""

    COLUMNS = len(Column)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DossierSummary] = []
        self._progress: list[Progress] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._now = local_now()
        self._overdue_brush = QBrush(QColor(OVERDUE_COLOR))
        self._due_brush = QBrush(QColor(DUE_TODAY_COLOR))
        self._bold = QFont()
        self._bold.setBold(True)

    # -- data ----------------------------------------------------------------

    def set_rows(self, rows: Sequence[DossierSummary], *, now: datetime | None = None) -> None:
        """Replace the rows, keeping the current sort order."""
        self.beginResetModel()
        self._now = now or local_now()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self._fill_texts()
        self.endResetModel()

    @property
    def now(self) -> datetime:
        return self._now

    def progress_at(self, row: int) -> Progress:
        return self._progress[row]

    def rows(self) -> list[DossierSummary]:
        return list(self._rows)

    def row_at(self, row: int) -> DossierSummary:
        return self._rows[row]

    def row_of(self, dossier_id: str) -> int:
        """Row number of a dossier, -1 if it is not shown."""
        return next((i for i, d in enumerate(self._rows) if d.id == dossier_id), -1)

    def _fill_texts(self) -> None:
        self._progress = [progress_of(d, self._now) for d in self._rows]
        self._texts = [
            self._row_texts(d, p) for d, p in zip(self._rows, self._progress, strict=True)
        ]

    @staticmethod
    def _row_texts(d: DossierSummary, progress: Progress) -> tuple[str, ...]:
        return (
            d.code,
            d.full_name,
            # The catalog's short name; the full legal title is in the tooltip.
            d.procedure_display,
            format_datetime(d.received_at),
            format_datetime(d.due_at),
            status_name(d.status),
            channel_name(d.channel),
            d.received_by,
            progress_text(d, progress),
            holder_of(d),
        )

    def _is_overdue(self, d: DossierSummary) -> bool:
        return d.status not in _CLOSED and d.due_at < self._now

    # -- Qt model API --------------------------------------------------------

    def _role_data(self, row: int, col: int, role: int) -> Any:
        d = self._rows[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == Column.PROCEDURE:
                return f"{d.procedure_code} – {d.procedure_name}"
            if col == Column.OWNER:
                return "\n".join(x for x in (d.full_name, d.id_number, d.phone) if x)
            if col == Column.DUE and self._is_overdue(d):
                return QCoreApplication.translate("DossierTableModel", "Overdue")
            if col in (Column.OFFICER, Column.HOLDER):
                return self._texts[row][col] or None  # the name in full when elided
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == Column.DUE and self._is_overdue(d):
                return self._overdue_brush
            if col == Column.PROGRESS:
                progress = self._progress[row]
                if progress is Progress.LATE:
                    return self._overdue_brush
                if progress is Progress.DUE_TODAY:
                    return self._due_brush
            return None
        if role == Qt.ItemDataRole.FontRole:
            if col == Column.PROGRESS and self._progress[row] in (
                Progress.LATE,
                Progress.DUE_TODAY,
            ):
                return self._bold
            return None
        if role == ROW_ROLE:
            return d
        return None

    def _header_text(self, section: int) -> str:
        return QCoreApplication.translate("DossierTableModel", _HEADERS[Column(section)])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [(self._rows[i.row()].id, i.column()) for i in persistent]
        self._sort_rows(column, order)
        self._fill_texts()
        position = {d.id: i for i, d in enumerate(self._rows)}
        self.changePersistentIndexList(
            persistent, [self.index(position[key], col) for key, col in moved]
        )
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        key: Callable[[DossierSummary], Any]
        if column == Column.PROGRESS:
            now = self._now

            def key(d: DossierSummary) -> Any:
                return (_PROGRESS_RANK[progress_of(d, now)], d.due_at)

        else:
            key = _SORT_KEYS[Column(column)]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
