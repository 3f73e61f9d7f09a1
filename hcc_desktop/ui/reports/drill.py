"""The dossiers behind one figure of the dashboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.dialog_parts import DIALOG_STYLESHEET
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.table_models import Column, DossierTableModel
from hcc_desktop.ui.reports.jobs import DrillResult

# What the leader needs to recognise a dossier; the rest stays hidden.
SHOWN = (
    Column.CODE,
    Column.OWNER,
    Column.PROCEDURE,
    Column.RECEIVED,
    Column.DUE,
    Column.STATUS,
)


class DrillDownDialog(QDialog):
    """A list of dossiers (code, applicant, procedure, received, appointment,
    status now); a double-click opens the dossier window when one can be opened."""

    def __init__(
        self,
        result: DrillResult,
        title: str,
        *,
        open_dossier: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.result = result
        self._open_dossier = open_dossier
        self.setWindowTitle(title)
        self.setStyleSheet(DIALOG_STYLESHEET)
        self.model = DossierTableModel(self)
        self.model.set_rows(result.dossiers)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.RECEIVED, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        for column in Column:
            self.table.setColumnHidden(column, column not in SHOWN)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.resizeColumnsToContents()
        # The procedure's name takes what is left; the other columns fit their text.
        header.setSectionResizeMode(Column.PROCEDURE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._activated)

        count = len(result.dossiers)
        text = self.tr("Dossiers: {n}").format(n=count)
        if result.missing:
            text += " · " + self.tr("complaints not about a dossier: {n}").format(n=result.missing)
        if open_dossier is not None and count:
            text += " · " + self.tr("double-click a row to open the dossier")
        heading = parts.heading_label(title)
        heading.setWordWrap(True)
        self.count_label = parts.hint_label(text)
        close = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"), primary=True)
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(parts.button_row(close))
        fit_to_screen(self, QSize(1000, 560))

    def codes(self) -> list[str]:
        """The codes listed, in the order shown."""
        return [self.model.row_at(i).code for i in range(self.model.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        if self._open_dossier is None or not index.isValid():
            return
        self._open_dossier(self.model.row_at(index.row()).id)
