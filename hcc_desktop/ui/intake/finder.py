"""Procedure finder: a search field with a list of matches under it, driven
from the keyboard (type, ↓/↑, Enter) or the mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.domain import Procedure
from hcc_desktop.services.catalog import search_procedures

MAX_VISIBLE_ROWS = 8


def procedure_title(procedure: Procedure) -> str:
    return f"{procedure.code} – {procedure.name}"


class ProcedureFinder(QWidget):
    """Type part of a name (diacritics optional) or of a code; choose with Enter.

    The list is an overlay child of the window rather than a popup window, so
    the keyboard focus never leaves the search field while choosing.
    """

    procedure_chosen = Signal(object)  # Procedure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The catalog, read once on the task runner by the window (set_procedures):
        # typing searches it here, never the store on the GUI thread.
        self._procedures: list[Procedure] | None = None
        self._chosen: Procedure | None = None
        self._matches: list[Procedure] = []

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find a procedure by name or code…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_text_edited)
        self.setFocusProxy(self.edit)

        self.popup = QListWidget()
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFrameShape(QFrame.Shape.Box)
        self.popup.setWordWrap(True)
        self.popup.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.popup.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.popup.itemClicked.connect(self._on_item_clicked)
        self.popup.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)

    # -- accessors ------------------------------------------------------------------

    def chosen(self) -> Procedure | None:
        return self._chosen

    def is_popup_visible(self) -> bool:
        return self.popup.isVisible()

    def popup_codes(self) -> list[str]:
        return [p.code for p in self._matches]

    def current_popup_code(self) -> str | None:
        row = self.popup.currentRow()
        return self._matches[row].code if 0 <= row < len(self._matches) else None

    @property
    def loading(self) -> bool:
        """True until the catalog has been handed over (set_procedures)."""
        return self._procedures is None

    # -- changing -------------------------------------------------------------------

    def set_procedures(self, procedures: list[Procedure]) -> None:
        """The catalog to search (the active procedures). What was typed before it
        arrived is searched now, so an officer quicker than the read loses nothing."""
        self._procedures = list(procedures)
        text = self.edit.text()
        if self.edit.hasFocus() and text.strip() and text != self._chosen_title():
            self._fill(text)
            self._show_popup()

    def set_procedure(self, procedure: Procedure | None) -> None:
        """Show ``procedure`` as chosen without emitting ``procedure_chosen``."""
        self._chosen = procedure
        self.edit.setText(procedure_title(procedure) if procedure else "")
        self.edit.setCursorPosition(0)
        self._hide_popup()

    def choose_row(self, row: int) -> None:
        if not 0 <= row < len(self._matches):
            return
        procedure = self._matches[row]
        self.set_procedure(procedure)
        self.procedure_chosen.emit(procedure)

    # -- the list ---------------------------------------------------------------------

    def _on_text_edited(self, text: str) -> None:
        if text.strip():
            self._fill(text)
            self._show_popup()
        else:
            self._hide_popup()

    def _fill(self, text: str) -> None:
        self._matches = search_procedures(self._procedures or [], text)
        self.popup.clear()
        for p in self._matches:
            item = QListWidgetItem(f"{p.code}   {p.name}")
            item.setToolTip(f"{p.name}\n{p.field}" if p.field else p.name)
            self.popup.addItem(item)
        if not self._matches:
            empty = QListWidgetItem(self.tr("No procedure matches “%1”").replace("%1", text))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.popup.addItem(empty)

    def _show_popup(self) -> None:
        window = self.window()
        if self.popup.parentWidget() is not window:
            self.popup.setParent(window)
        width = self.edit.width()
        self.popup.setFixedWidth(width)
        self.popup.doItemsLayout()
        rows = max(1, min(self.popup.count(), MAX_VISIBLE_ROWS))
        height = sum(self.popup.sizeHintForRow(i) for i in range(rows))
        height += 2 * self.popup.frameWidth() + 2
        self.popup.setFixedHeight(min(height, max(120, window.height() // 2)))
        self.popup.move(self.edit.mapTo(window, QPoint(0, self.edit.height())))
        self.popup.show()
        self.popup.raise_()

    def _hide_popup(self) -> None:
        self.popup.hide()

    def _move(self, step: int) -> None:
        if not self._matches:
            return
        row = self.popup.currentRow()
        row = 0 if row < 0 else max(0, min(len(self._matches) - 1, row + step))
        self.popup.setCurrentRow(row)
        self.popup.scrollToItem(self.popup.item(row))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.choose_row(self.popup.row(item))

    def _restore_text(self) -> None:
        self.edit.setText(procedure_title(self._chosen) if self._chosen else "")
        self.edit.setCursorPosition(0)

    # -- keys -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit:
            return False
        if event.type() == QEvent.Type.FocusOut:
            self._hide_popup()
            if self._chosen is not None or not self.edit.text().strip():
                self._restore_text()
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        visible = self.popup.isVisible()
        if key == Qt.Key.Key_Down:
            if not visible:
                self._fill(self.edit.text() if self.edit.text() != self._chosen_title() else "")
                self._show_popup()
            self._move(1)
            return True
        if key == Qt.Key.Key_Up and visible:
            self._move(-1)
            return True
        if key == Qt.Key.Key_PageDown and visible:
            self._move(MAX_VISIBLE_ROWS - 1)
            return True
        if key == Qt.Key.Key_PageUp and visible:
            self._move(-(MAX_VISIBLE_ROWS - 1))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if visible and self._matches:
                self.choose_row(max(0, self.popup.currentRow()))
            elif self._chosen is not None:
                self._restore_text()
                self.procedure_chosen.emit(self._chosen)
            return True
        if key == Qt.Key.Key_Escape and visible:
            self._hide_popup()
            self._restore_text()
            return True
        return False

    def _chosen_title(self) -> str:
        return procedure_title(self._chosen) if self._chosen else ""
