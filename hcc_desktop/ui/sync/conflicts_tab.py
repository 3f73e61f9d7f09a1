"""The sync screen's conflicts tab: dossiers changed here and elsewhere, and settling them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from hcc_desktop.core.domain import Dossier
from hcc_desktop.core.errors import HccError
from hcc_desktop.services.sync.service import SyncConflict
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.sync.controller import SyncController
from hcc_desktop.ui.sync.fields import cell, field_name, format_value, review_table
from hcc_desktop.ui.sync.operations import resolve_job
from hcc_desktop.ui.sync.status import format_moment


class SyncConflictsTab(QWidget):
    """The open conflicts, what differs in the selected one, and the two ways to settle it."""

    conflict_resolved = Signal(str, str)  # dossier id, "local" | "server"
    reload_requested = Signal()  # the review lists are out of date

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sync = controller.sync
        self.runner = controller.runner
        self.conflicts: list[SyncConflict] = []
        self._resolving_code = ""
        self._resolving_keep = ""

        intro = QLabel(
            self.tr(
                "These dossiers were changed both on this device and on another one since "
                "they were last synchronised. Compare the two versions and choose the one to "
                "keep for each dossier."
            )
        )
        intro.setWordWrap(True)
        self.conflict_table = review_table(
            [self.tr("Dossier code"), self.tr("Found at"), self.tr("What differs")]
        )
        header = self.conflict_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.setMaximumHeight(170)
        self.conflict_table.itemSelectionChanged.connect(self._conflict_selected)

        self.difference_title = QLabel()
        self.difference_table = review_table(
            [self.tr("Information"), self.tr("On this device"), self.tr("On the server")]
        )
        header = self.difference_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.keep_local_button = QPushButton(self.tr("&Keep this device's version"))
        self.keep_local_button.setToolTip(
            self.tr("This device's version is sent to the server at the next sync")
        )
        self.keep_local_button.clicked.connect(self.keep_local)
        self.take_server_button = QPushButton(self.tr("Take the se&rver's version"))
        self.take_server_button.setToolTip(
            self.tr("The server's version replaces the dossier on this device")
        )
        self.take_server_button.clicked.connect(self.take_server)
        self.conflict_message = QLabel()
        self.conflict_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local_button)
        buttons.addWidget(self.take_server_button)
        buttons.addWidget(self.conflict_message, 1)

        self.no_conflict_label = QLabel(self.tr("There is no conflict to resolve."))
        self.no_conflict_label.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.no_conflict_label)
        layout.addWidget(self.conflict_table)
        layout.addWidget(self.difference_title)
        layout.addWidget(self.difference_table, 1)
        layout.addLayout(buttons)

    def set_conflicts(self, conflicts: list[SyncConflict]) -> None:
        """Show ``conflicts``, keeping the selected one selected."""
        selected = self.selected_conflict()
        self.conflicts = conflicts
        self._fill_conflicts(selected.id if selected else None)

    def _fill_conflicts(self, keep_selected: str | None) -> None:
        table = self.conflict_table
        table.setRowCount(len(self.conflicts))
        now = self.controller.clock()
        select = 0
        for row, conflict in enumerate(self.conflicts):
            fields = ", ".join(field_name(f) for f in conflict.fields)
            table.setItem(row, 0, cell(conflict.code))
            table.setItem(row, 1, cell(format_moment(conflict.detected_at, now)))
            table.setItem(row, 2, cell(fields))
            if conflict.id == keep_selected:
                select = row
        has = bool(self.conflicts)
        self.no_conflict_label.setVisible(not has)
        for widget in (
            self.conflict_table,
            self.difference_table,
            self.difference_title,
            self.keep_local_button,
            self.take_server_button,
        ):
            widget.setVisible(has)
        if has:
            table.selectRow(select)
        self._conflict_selected()

    def selected_conflict(self) -> SyncConflict | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def _conflict_selected(self) -> None:
        conflict = self.selected_conflict()
        table = self.difference_table
        if conflict is None:
            table.setRowCount(0)
            self.difference_title.clear()
            self.keep_local_button.setEnabled(False)
            self.take_server_button.setEnabled(False)
            return
        self.difference_title.setText(
            self.tr("Dossier {code}: what differs").format(code=conflict.code)
        )
        table.setRowCount(len(conflict.differences))
        for row, diff in enumerate(conflict.differences):
            table.setItem(row, 0, cell(field_name(diff.field)))
            table.setItem(row, 1, cell(format_value(diff.field, diff.local)))
            table.setItem(row, 2, cell(format_value(diff.field, diff.server)))
        table.resizeRowsToContents()
        self.keep_local_button.setEnabled(True)
        self.take_server_button.setEnabled(True)

    def keep_local(self) -> None:
        self._resolve("local")

    def take_server(self) -> None:
        self._resolve("server")

    def _resolve(self, keep: str) -> None:
        conflict = self.selected_conflict()
        if conflict is None:
            return
        self.keep_local_button.setEnabled(False)
        self.take_server_button.setEnabled(False)
        self.conflict_message.clear()
        self._resolving_code = conflict.code
        self._resolving_keep = keep
        self.runner.run_change(
            resolve_job,
            self.sync,
            conflict.id,
            keep,
            on_done=self._resolved,
            on_error=self._resolve_failed,
        )

    def _resolved(self, dossier: Dossier) -> None:
        dossier_id, keep = dossier.id, self._resolving_keep
        code = self._resolving_code
        if keep == "local":
            text = self.tr(
                "Dossier {code}: this device's version is kept and goes to the server at the "
                "next sync."
            )
        else:
            text = self.tr("Dossier {code}: the server's version replaced this device's.")
        self.conflict_message.setText(text.format(code=code))
        self.conflict_resolved.emit(dossier_id, keep)
        self.controller.refresh_status()
        self.reload_requested.emit()

    def _resolve_failed(self, exc: BaseException) -> None:
        self._conflict_selected()
        if isinstance(exc, HccError):
            self.conflict_message.setText(error_message(exc))
            self.conflict_message.setStyleSheet("color: #c62828;")
            self.reload_requested.emit()
        else:
            show_error(self, exc)
