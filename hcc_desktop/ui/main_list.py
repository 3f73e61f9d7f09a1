"""The main window's dossier list: search, today's dossiers and the worklists
in one table, its header and empty texts, the selection and the keyboard
between the search box and the table. A mixin of ``MainWindow``."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QMenu

from hcc_desktop.core.changes import Changes
from hcc_desktop.services.dossiers.query import DossierSummary
from hcc_desktop.services.settings import AppSettings
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.table_models import Column
from hcc_desktop.ui.worklists.operations import received_on_day, search_dossiers
from hcc_desktop.ui.worklists.panel import WorklistKind, WorklistSnapshot, is_filtered


class DossierListMixin:
    """Search, today's list and worklists shown in ``MainWindow``'s table."""

    # -- the list --------------------------------------------------------------

    def search_text(self) -> str:
        return self.search.text().strip()

    def current_kind(self) -> WorklistKind:
        return self.worklists.current_kind()

    def show_list(self, kind: WorklistKind | str) -> None:
        """Show one of the lists of the count bar (Ctrl+1 … Ctrl+6)."""
        self.worklists.set_kind(kind)

    def _list_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_list(str(action.data()))

    def _kind_changed(self, kind_value: str) -> None:
        kind = WorklistKind(kind_value)
        if self.search.text():
            # Choosing a list leaves the search.
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        self._apply_default_sort(kind)
        self.refresh()
        if self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            if self.selected_dossier() is None:
                self.table.selectRow(0)

    def _apply_default_sort(self, kind: WorklistKind) -> None:
        """Today's intake newest first; worklists most urgent first (the service's order)."""
        header = self.table.horizontalHeader()
        if kind is WorklistKind.TODAY:
            header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)
        else:
            header.setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)

    def _filters_changed(self) -> None:
        if not self.search_text() and self.current_kind() is WorklistKind.TODAY:
            self.refresh()

    def refresh(self) -> None:
        """Reload what the table shows (search results, today's dossiers or a
        worklist) and, on the task runner, every worklist count."""
        self._search_timer.stop()
        text = self.search_text()
        kind = self.current_kind()
        if text:
            # The store is searched on the task runner, not on the GUI thread.
            self._show_rows(
                [], self.tr("Search results ({count})").format(count="…"), self.tr("Loading…")
            )
            self.runner.run(
                search_dossiers,
                self.services,
                text,
                on_done=self._search_done,
                on_error=self._search_failed,
            )
        elif kind is WorklistKind.TODAY:
            self._today = self._clock().date()
            # Today's list is read on the task runner, not on the GUI thread; the
            # rows shown stay (and keep their selection) until it arrives.
            self.header_label.setText(
                self._filtered(self.tr("Dossiers received today ({count})").format(count="…"))
            )
            self.runner.run(
                received_on_day,
                self.services,
                self._today,
                on_done=self._today_done,
                on_error=self._search_failed,
            )
        else:
            self._show_worklist(kind, self.worklists.snapshot)
        self.worklists.reload()

    def _today_done(self, outcome: tuple[date, list[DossierSummary]]) -> None:
        day, received = outcome
        if self._closed or self.search_text() or self.current_kind() is not WorklistKind.TODAY:
            return  # the user moved on meanwhile: a newer refresh shows its own
        if day != self._today:
            return
        self.worklists.note_officers(received)
        rows = [d for d in received if self.worklists.matches(d)]
        self.worklists.set_count(WorklistKind.TODAY, len(rows))
        self._show_rows(
            rows,
            self._filtered(self.tr("Dossiers received today ({count})").format(count=len(rows))),
            self.tr("No dossier has been received today.\nPress F2 to receive one.")
            if not rows and not received
            else self.tr("No dossier received today matches the filters."),
        )
        wanted, self._select_when_loaded = self._select_when_loaded, None
        if wanted:
            self.select_dossier(wanted)

    def _search_done(self, outcome: tuple[str, list[DossierSummary]]) -> None:
        text, rows = outcome
        if self._closed or text != self.search_text():
            return  # typed on (or left the search) meanwhile: a newer refresh shows its own
        self._show_rows(
            rows,
            self.tr("Search results ({count})").format(count=len(rows)),
            self.tr("No dossier matches “{text}”.").format(text=text),
        )

    def _search_failed(self, exc: BaseException) -> None:
        if not self._closed:
            show_error(self, exc)

    def _filtered(self, header: str) -> str:
        if is_filtered(self.worklists.current_filter()):
            return self.tr("{header} – filtered").format(header=header)
        return header

    def _worklists_loaded(self, snapshot: WorklistSnapshot) -> None:
        kind = self.current_kind()
        if not self.search_text() and kind is not WorklistKind.TODAY:
            self._show_worklist(kind, snapshot)

    def _show_worklist(self, kind: WorklistKind, snapshot: WorklistSnapshot | None) -> None:
        if snapshot is None:
            self._show_rows([], self._worklist_header(kind, 0, 0, None), self.tr("Loading…"))
            return
        rows = list(snapshot.rows(kind))
        count = snapshot.count(kind)
        self._show_rows(
            rows,
            self._filtered(self._worklist_header(kind, len(rows), count, snapshot.within)),
            self._worklist_empty(kind, snapshot.within),
            now=snapshot.as_of,
        )

    def _worklist_header(
        self, kind: WorklistKind, shown: int, count: int, within: int | None
    ) -> str:
        titles = {
            WorklistKind.OVERDUE: self.tr("Overdue dossiers ({count})"),
            WorklistKind.DUE_TODAY: self.tr("Dossiers due today ({count})"),
            WorklistKind.DUE_SOON: self.tr(
                "Dossiers due in the next {days} working days ({count})"
            ),
            WorklistKind.WAITING: self.tr("Dossiers waiting for the citizen's papers ({count})"),
            WorklistKind.READY: self.tr("Results ready to be returned ({count})"),
        }
        if within == 1 and kind is WorklistKind.DUE_SOON:
            title = self.tr("Dossiers due on the next working day ({count})")
        else:
            title = titles[kind]
        number = (
            str(count)
            if shown >= count
            else self.tr("{shown} of {count}").format(shown=shown, count=count)
        )
        if within is None:
            number = "…"
        return title.format(count=number, days=within if within is not None else "…")

    def _worklist_empty(self, kind: WorklistKind, within: int) -> str:
        texts = {
            WorklistKind.OVERDUE: self.tr("No dossier is overdue."),
            WorklistKind.DUE_TODAY: self.tr("No dossier is due today."),
            WorklistKind.DUE_SOON: self.tr(
                "No dossier is due in the next {days} working days."
            ).format(days=within),
            WorklistKind.WAITING: self.tr("No dossier is waiting for additional papers."),
            WorklistKind.READY: self.tr("No result is waiting to be returned."),
        }
        text = texts[kind]
        if is_filtered(self.worklists.current_filter()):
            text += "\n" + self.tr("(Filters are applied: Alt+R clears them.)")
        return text

    def _show_rows(
        self,
        rows: list[DossierSummary],
        header: str,
        empty: str,
        *,
        now: datetime | None = None,
    ) -> None:
        selected = self.selected_dossier()
        self.model.set_rows(rows, now=now or self._clock())
        self.header_label.setText(header)
        self.empty_label.setText(empty)
        self.stack.setCurrentWidget(self.table if rows else self.empty_label)
        if selected is not None:
            self.select_dossier(selected.id)
        self._selection_changed()
        self.list_refreshed.emit(len(rows))

    def _hub_settings_changed(self) -> None:
        """The settings changed: read them on the task runner (a sync may have
        brought them, so the service's copy is not always fresh) and apply them."""
        if not self._closed:
            self.runner.run(self.services.settings.load, on_done=self._settings_read)

    def _settings_read(self, settings: AppSettings) -> None:
        if not self._closed:
            self.apply_settings(settings)
            self.worklists.apply_settings(settings)

    def _changed(self, changes: Changes) -> None:
        """An operation changed data (the change hub): reload what it touches."""
        if changes.settings:
            self._hub_settings_changed()
        if changes.catalog and not self._closed:
            self.worklists.reload_choices()
        if changes.touches_dossiers and not self._closed:
            self.refresh()

    def _check_day_change(self) -> None:
        if self._clock().date() != self._today:
            self._today = self._clock().date()
            if not self.search_text():
                self.refresh()
            else:
                self.worklists.reload()
            self.reminder_controller.check()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_dossier(self) -> DossierSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(rows[0].row())

    def select_dossier(self, dossier_id: str) -> bool:
        row = self.model.row_of(dossier_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_args: object) -> None:
        selected = self.selected_dossier()
        self.reprint_action.setEnabled(selected is not None)
        self.open_action.setEnabled(selected is not None)
        self.apology_action.setEnabled(selected is not None and selected.ended_at is None)

    def _row_activated(self, index: object) -> None:
        self.open_selected()

    def _table_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.reprint_action)
        menu.addAction(self.apology_action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                if self.selected_dossier() is None:
                    self.table.selectRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.refresh()
                if self.model.rowCount() > 0:
                    self.table.setFocus()
                    if self.selected_dossier() is None:
                        self.table.selectRow(0)
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)
