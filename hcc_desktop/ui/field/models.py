"""Table models of the field work window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from hcc_desktop.core.field import FieldSession, HomeVisit, SessionStatus, VisitStatus

ModelIndex = QModelIndex | QPersistentModelIndex


def session_status_label(status: SessionStatus) -> str:
    return {
        SessionStatus.PLANNED: QCoreApplication.translate("FieldWork", "planned"),
        SessionStatus.OPEN: QCoreApplication.translate("FieldWork", "open"),
        SessionStatus.CLOSED: QCoreApplication.translate("FieldWork", "closed"),
        SessionStatus.CANCELLED: QCoreApplication.translate("FieldWork", "cancelled"),
    }[status]


def visit_status_label(status: VisitStatus) -> str:
    return {
        VisitStatus.REQUESTED: QCoreApplication.translate("FieldWork", "to plan"),
        VisitStatus.PLANNED: QCoreApplication.translate("FieldWork", "planned"),
        VisitStatus.DONE: QCoreApplication.translate("FieldWork", "done"),
        VisitStatus.CANCELLED: QCoreApplication.translate("FieldWork", "cancelled"),
    }[status]


class _ListModel(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any:
        return self._items[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:
        return ()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = self.headers()
        return names[section] if 0 <= section < len(names) else None

    def cells(self, item: Any) -> tuple[str, ...]:
        return ()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(item)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None


class SessionsModel(_ListModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Day"),
            self.tr("Hours"),
            self.tr("Quarter"),
            self.tr("Place"),
            self.tr("Officers"),
            self.tr("Status"),
            self.tr("Dossiers"),
        )

    def cells(self, x: FieldSession) -> tuple[str, ...]:
        return (
            x.day.strftime("%d/%m/%Y"),
            f"{x.start:%H:%M}–{x.end:%H:%M}",
            x.quarter,
            x.place,
            ", ".join(x.officers),
            session_status_label(x.status),
            str(x.dossier_count),
        )


class VisitsModel(_ListModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Resident"),
            self.tr("Quarter"),
            self.tr("Address"),
            self.tr("Purpose"),
            self.tr("Requested"),
            self.tr("Status"),
            self.tr("Visit day"),
            self.tr("Officer"),
            self.tr("Outcome"),
        )

    def cells(self, v: HomeVisit) -> tuple[str, ...]:
        return (
            v.resident_name,
            v.quarter,
            v.address,
            v.purpose,
            f"{v.requested_at:%d/%m/%Y} · {v.requested_by}",
            visit_status_label(v.status),
            v.planned_on.strftime("%d/%m/%Y") if v.planned_on else "",
            v.officer,
            v.outcome,
        )
