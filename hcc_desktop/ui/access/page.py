"""The access log ("Nhật ký truy cập"): who opened, printed or exported which
citizen's data, for the center leader and the administrator.

Filters by identity number, officer, action and date range; the list is read on
the task runner (the service checks the role again: a counter officer gets an
error, not the list). "Export citizen's data…" writes ``citizen export`` for the
identity number in the filter.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_now
from hcc_desktop.core.errors import HccError
from hcc_desktop.services import Services
from hcc_desktop.services.access import AccessEntry, AccessFilter
from hcc_desktop.services.access.export import CitizenExport
from hcc_desktop.ui.access.operations import export_citizen, read_entries
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.table_models import ItemsModel
from hcc_desktop.ui.common.tasks import TaskRunner

ModelIndex = QModelIndex | QPersistentModelIndex


def action_label(action: str) -> str:
    # Literal context: lupdate cannot read a context held in a variable.
    return {
        "open": QCoreApplication.translate("Access", "Opened"),
        "print": QCoreApplication.translate("Access", "Printed"),
        "export": QCoreApplication.translate("Access", "Exported"),
        "attachment": QCoreApplication.translate("Access", "File opened or saved"),
    }.get(action, action)


class AccessModel(ItemsModel[AccessEntry]):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Time"),
            self.tr("Officer"),
            self.tr("Action"),
            self.tr("Dossier"),
            self.tr("Identity number"),
            self.tr("Detail"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        e = self._items[index.row()]
        column = index.column()
        if column == 0:
            return e.at.strftime("%d/%m/%Y %H:%M:%S")
        if column == 1:
            return f"{e.officer_name} ({e.officer})" if e.officer_name else e.officer
        if column == 2:
            return action_label(e.action)
        if column == 3:
            return e.dossier_code or ""
        if column == 4:
            return e.id_number
        return e.detail


class AccessLogDialog(QDialog):
    """The leader's and administrator's access-log page."""

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        id_number: str = "",
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.setWindowTitle(self.tr("Access log"))
        self.resize(980, 560)
        self.id_number = QLineEdit(id_number)
        self.id_number.setPlaceholderText(self.tr("Citizen's identity number"))
        self.officer = QLineEdit()
        self.officer.setPlaceholderText(self.tr("Officer's user name"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), "")
        for value in ("open", "print", "export", "attachment"):
            self.action.addItem(action_label(value), value)
        today = QDate(local_now().date())  # the Vietnam wall clock, as the entries
        self.use_dates = QCheckBox(self.tr("From"))
        self.since = QDateEdit(today.addDays(-30))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.search_button = QPushButton(self.tr("Show"))
        self.search_button.clicked.connect(self.reload)
        self.id_number.returnPressed.connect(self.reload)
        self.officer.returnPressed.connect(self.reload)
        self.export_button = QPushButton(self.tr("Export citizen's data…"))
        self.export_button.clicked.connect(self.choose_export)
        filters = QHBoxLayout()
        filters.addWidget(self.id_number, 2)
        filters.addWidget(self.officer, 1)
        filters.addWidget(self.action, 1)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(self.search_button)
        self.model = AccessModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.reload()

    def query(self) -> AccessFilter:
        since = until = None
        if self.use_dates.isChecked():
            since = self.since.date().toPython()
            until = self.until.date().toPython()
        return AccessFilter(
            id_number=self.id_number.text().strip(),
            user=self.officer.text().strip(),
            action=str(self.action.currentData() or ""),
            since=since,  # type: ignore[arg-type]
            until=until,  # type: ignore[arg-type]
        )

    def reload(self) -> None:
        self._runner.run(
            read_entries,
            self._services,
            self.query(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, entries: list[AccessEntry]) -> None:
        self.model.set_items(entries)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("{count} entries").format(count=len(entries)))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, HccError):
            raise exc
        self.model.set_items([])
        self.status.setText(error_message(exc))

    def choose_export(self) -> None:
        number = self.id_number.text().strip()
        if not number:
            self.status.setText(self.tr("Type the citizen's identity number first"))
            self.id_number.setFocus()
            return
        out, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export citizen's data"), f"cong-dan-{number}.zip", "ZIP (*.zip)"
        )
        if out:
            self.export_to(number, out)

    def export_to(self, id_number: str, out: str) -> None:
        """Run ``citizen export`` on the task runner (the dialog's "Export…")."""
        self._runner.run(
            export_citizen,
            self._services,
            id_number,
            out,
            on_done=self._exported,
            on_error=self._failed,
        )

    def _exported(self, result: CitizenExport) -> None:
        self.status.setText(
            self.tr("The data of citizen {id_number} were written to {path}").format(
                id_number=result.id_number, path=str(result.path)
            )
        )
        self.reload()
