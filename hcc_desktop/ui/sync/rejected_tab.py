"""The sync screen's rejected tab: the records the server refused, kept for review."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from hcc_desktop.services.sync.service import RejectedItem
from hcc_desktop.ui.sync.controller import reason_text
from hcc_desktop.ui.sync.fields import cell, kind_name, review_table


class SyncRejectedTab(QWidget):
    """What the server refused (newest first): when, which dossier, which record, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rejected: list[RejectedItem] = []

        intro = QLabel(
            self.tr(
                "The server refused these records. They are still kept on this device; "
                "tell the administrator of the sync server."
            )
        )
        intro.setWordWrap(True)
        self.rejected_table = review_table(
            [self.tr("Time"), self.tr("Dossier code"), self.tr("Record"), self.tr("Reason")]
        )
        header = self.rejected_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.rejected_table, 1)

    def set_rejected(self, rejected: list[RejectedItem]) -> None:
        """Show ``rejected`` (oldest first, as the service gives them) newest first."""
        self.rejected = list(reversed(rejected))
        self._fill_rejected()

    def _fill_rejected(self) -> None:
        table = self.rejected_table
        table.setRowCount(len(self.rejected))
        for row, entry in enumerate(self.rejected):
            try:
                at = datetime.fromisoformat(entry.at).strftime("%d/%m/%Y %H:%M")
            except ValueError:
                at = entry.at
            table.setItem(row, 0, cell(at))
            table.setItem(row, 1, cell(entry.code or "—"))
            table.setItem(row, 2, cell(kind_name(entry.kind)))
            reason = reason_text(entry.reason)
            reason = reason[:1].upper() + reason[1:]
            table.setItem(row, 3, cell(reason, f"{reason}\n{entry.detail}".strip()))
        table.resizeRowsToContents()
