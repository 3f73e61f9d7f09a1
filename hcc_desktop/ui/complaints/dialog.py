"""The complaints register (phản ánh, kiến nghị): a list, a form to add one,
and a button to record how the selected one was handled.

Every service call runs on the task runner; the list reloads after each change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.domain import Complaint, ComplaintChannel
from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.table_models import ItemsModel
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.complaints.operations import add_complaint, resolve_complaint

ModelIndex = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b3261e")


def channel_label(channel: ComplaintChannel) -> str:
    # Literal context: lupdate cannot read a context held in a variable.
    return {
        ComplaintChannel.COUNTER: QCoreApplication.translate("Complaints", "At the counter"),
        ComplaintChannel.PHONE: QCoreApplication.translate("Complaints", "Phone"),
        ComplaintChannel.EMAIL: QCoreApplication.translate("Complaints", "E-mail"),
        ComplaintChannel.PORTAL: QCoreApplication.translate("Complaints", "Public service portal"),
        ComplaintChannel.LETTER: QCoreApplication.translate("Complaints", "Letter"),
        ComplaintChannel.HOTLINE: QCoreApplication.translate("Complaints", "Hotline"),
        ComplaintChannel.OTHER: QCoreApplication.translate("Complaints", "Other"),
    }[channel]


def _fmt(moment: datetime | None) -> str:
    return moment.strftime("%d/%m/%Y %H:%M") if moment else ""


class ComplaintsModel(ItemsModel[Complaint]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._as_of = local_now()

    def set_items(self, items: Sequence[Complaint], as_of: datetime | None = None) -> None:
        if as_of is not None:
            self._as_of = as_of
        super().set_items(items)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Received"),
            self.tr("Channel"),
            self.tr("Content"),
            self.tr("Dossier / officer"),
            self.tr("Deadline"),
            self.tr("Handled"),
            self.tr("How it was handled"),
        )

    def overdue(self, c: Complaint) -> bool:
        return (c.resolved_at or self._as_of).date() > c.due_at.date()

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        c = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            about = " · ".join(p for p in (c.dossier_code or "", c.officer) if p)
            return (
                _fmt(c.received_at),
                channel_label(c.channel),
                c.content,
                about,
                _fmt(c.due_at),
                _fmt(c.resolved_at) or self.tr("open"),
                c.resolution,
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (2, 6):
            return c.content if col == 2 else c.resolution
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5) and self.overdue(c):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        return None


class ComplaintsDialog(QDialog):
    """List, add and resolve complaints."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.setWindowTitle(self.tr("Complaints and petitions"))
        self.resize(980, 600)

        self.open_only = QCheckBox(self.tr("Only those not yet handled"))
        self.model = ComplaintsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.resolve_button = QPushButton(self.tr("Record &handling…"))
        self.resolve_button.setEnabled(False)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.received = QDateTimeEdit()
        self.received.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.received.setCalendarPopup(True)
        self.channel = QComboBox()
        for channel in ComplaintChannel:
            self.channel.addItem(channel_label(channel), channel.value)
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(64)
        self.dossier = QLineEdit()
        self.dossier.setPlaceholderText(self.tr("dossier code, if it concerns one"))
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("the officer it concerns, if any"))
        self.add_button = QPushButton(self.tr("&Add to the register"))
        add_box = QGroupBox(self.tr("New complaint or petition"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Content"), self.content)
        form.addRow(self.tr("Dossier"), self.dossier)
        form.addRow(self.tr("Officer concerned"), self.officer)
        form.addRow("", self.add_button)

        top = QHBoxLayout()
        top.addWidget(self.open_only)
        top.addStretch(1)
        top.addWidget(self.resolve_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(add_box)
        layout.addWidget(buttons)

        self.open_only.toggled.connect(self.reload)
        self.add_button.clicked.connect(self.add_complaint)
        self.resolve_button.clicked.connect(self.ask_resolution)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._reset_form()
        self.reload()

    # -- list -------------------------------------------------------------------------

    def reload(self) -> None:
        self._runner.run(
            self._services.complaints.list,
            open_only=self.open_only.isChecked(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, items: list[Complaint]) -> None:
        self.model.set_items(items, local_now())
        self.status.setStyleSheet("")
        still_open = sum(1 for c in items if c.resolved_at is None)
        self.status.setText(
            self.tr("{count} complaints listed, {open} not yet handled").format(
                count=len(items), open=still_open
            )
        )
        self._selection_changed()

    def _selected(self) -> Complaint | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        c = self._selected()
        self.resolve_button.setEnabled(c is not None and c.resolved_at is None)

    # -- changes ------------------------------------------------------------------------

    def _reset_form(self) -> None:
        now = local_now().replace(second=0, microsecond=0)
        self.received.setDateTime(QDateTime(now))
        self.content.clear()
        self.dossier.clear()
        self.officer.clear()

    def add_complaint(self) -> None:
        moment = self.received.dateTime().toPython()
        assert isinstance(moment, datetime)
        self.add_button.setEnabled(False)
        self._runner.run_change(
            add_complaint,
            self._services,
            content=self.content.toPlainText(),
            channel=str(self.channel.currentData()),
            received_at=moment,
            dossier=self.dossier.text(),
            officer=self.officer.text(),
            on_done=self._added,
            on_error=self._failed,
        )

    def _added(self, _c: Complaint) -> None:
        self.add_button.setEnabled(True)
        self._reset_form()
        self.reload()

    def ask_resolution(self) -> None:
        c = self._selected()
        if c is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Record handling"), self.tr("How was it handled?")
        )
        if ok:
            self.resolve(c.id, text)

    def resolve(self, complaint_id: str, resolution: str) -> None:
        self._runner.run_change(
            resolve_complaint,
            self._services,
            complaint_id,
            resolution=resolution,
            on_done=self._resolved,
            on_error=self._failed,
        )

    def _resolved(self, _c: Complaint) -> None:
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        text = error_message(exc) if isinstance(exc, HccError) else str(exc)
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {OVERDUE.name()};")
