"""The checklist of dossier papers (thành phần hồ sơ): a table model, a
keyboard-first view, and the small dialog that adds a paper not on the list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from hcc_desktop.core.domain import ComponentSpec, DocForm, Procedure
from hcc_desktop.services.dossiers.intake import (
    MAX_COUNT,
    ComponentInput,
    is_authorisation,
    missing_required,
)
from hcc_desktop.ui.intake.fields import ERROR_COLOR

ModelIndex = QModelIndex | QPersistentModelIndex

COL_TICK, COL_NAME, COL_FORM, COL_COUNT, COL_REUSED, COL_SCANNED = range(6)
FORMS = (DocForm.ORIGINAL, DocForm.CERTIFIED, DocForm.COPY)
_MISSING_BACKGROUND = QColor("#fdecea")


def form_label(form: DocForm) -> str:
    # Literal contexts: lupdate cannot read a context held in a variable.
    return {
        DocForm.ORIGINAL: QCoreApplication.translate("Checklist", "Original"),
        DocForm.CERTIFIED: QCoreApplication.translate("Checklist", "Certified copy"),
        DocForm.COPY: QCoreApplication.translate("Checklist", "Photocopy"),
    }[form]


def catalog_count(spec: ComponentSpec, form: DocForm) -> int:
    return {
        DocForm.ORIGINAL: spec.originals,
        DocForm.CERTIFIED: spec.certified,
        DocForm.COPY: spec.copies,
    }[form]


def default_form(spec: ComponentSpec) -> DocForm:
    """The form the catalog asks for most: originals, then certified copies, then copies."""
    if spec.originals > 0:
        return DocForm.ORIGINAL
    if spec.certified > 0:
        return DocForm.CERTIFIED
    if spec.copies > 0:
        return DocForm.COPY
    return DocForm.ORIGINAL


@dataclass
class ChecklistRow:
    spec: ComponentSpec | None  # None: an extra paper typed by the officer
    name: str
    form: DocForm
    count: int
    ticked: bool = False
    reused: bool = False
    scanned: bool = False  # digitised at intake (số hóa)

    @property
    def component_id(self) -> str | None:
        return self.spec.id if self.spec else None

    def default_count(self, form: DocForm) -> int:
        return max(1, catalog_count(self.spec, form)) if self.spec else 1


class ChecklistModel(QAbstractTableModel):
    """One row per checklist line of the procedure, then the extra papers."""

    checklist_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._procedure: Procedure | None = None
        self._rows: list[ChecklistRow] = []
        self._has_submitter = False
        self._missing: set[int] = set()

    # -- content -----------------------------------------------------------------

    def set_procedure(self, procedure: Procedure | None) -> None:
        self.beginResetModel()
        self._procedure = procedure
        self._rows = []
        self._missing = set()
        if procedure is not None:
            for spec in sorted(procedure.components, key=lambda c: c.position):
                form = default_form(spec)
                self._rows.append(
                    ChecklistRow(spec, spec.name, form, max(1, catalog_count(spec, form)))
                )
        self.endResetModel()
        self.checklist_changed.emit()

    def procedure(self) -> Procedure | None:
        return self._procedure

    def row(self, row: int) -> ChecklistRow:
        return self._rows[row]

    def rows(self) -> list[ChecklistRow]:
        return list(self._rows)

    def set_has_submitter(self, on: bool) -> None:
        if on == self._has_submitter:
            return
        self._has_submitter = on
        if self._rows:
            self._changed_rows(0, len(self._rows) - 1)
        self.checklist_changed.emit()

    def is_required(self, row: int) -> bool:
        spec = self._rows[row].spec
        return spec is not None and (
            spec.required or (self._has_submitter and is_authorisation(spec))
        )

    def component_inputs(self) -> tuple[ComponentInput, ...]:
        """The ticked lines as the core takes them; extra papers without a name are skipped."""
        return tuple(
            ComponentInput(
                component_id=r.component_id,
                form=r.form.value,
                count=r.count,
                name="" if r.spec else r.name,
                reused_digital=r.reused,
                digitised=r.scanned,
            )
            for r in self._rows
            if r.ticked and (r.spec is not None or r.name.strip())
        )

    def input_rows(self) -> list[int]:
        """Model row of each item of ``component_inputs()``, in the same order."""
        return [
            i
            for i, r in enumerate(self._rows)
            if r.ticked and (r.spec is not None or r.name.strip())
        ]

    def missing_specs(self) -> list[ComponentSpec]:
        if self._procedure is None:
            return []
        return missing_required(
            self._procedure, self.component_inputs(), has_submitter=self._has_submitter
        )

    def set_missing(self, component_ids: list[str] | set[str]) -> None:
        """Highlight these lines as missing until they are ticked."""
        ids = set(component_ids)
        self._missing = {i for i, r in enumerate(self._rows) if r.component_id in ids}
        if self._rows:
            self._changed_rows(0, len(self._rows) - 1)

    def missing_rows(self) -> list[int]:
        return sorted(self._missing)

    # -- edits used by the keyboard ---------------------------------------------------

    def toggle_tick(self, row: int) -> None:
        self.set_ticked(row, not self._rows[row].ticked)

    def set_ticked(self, row: int, on: bool) -> None:
        r = self._rows[row]
        if r.ticked == on:
            return
        r.ticked = on
        if not on:
            r.reused = False
            r.scanned = False
        if on:
            self._missing.discard(row)
        self._changed_rows(row, row)
        self.checklist_changed.emit()

    def set_form(self, row: int, form: DocForm) -> None:
        r = self._rows[row]
        if r.form == form:
            return
        if r.count == r.default_count(r.form):
            r.count = r.default_count(form)
        r.form = form
        self._changed_rows(row, row)
        self.checklist_changed.emit()

    def set_count(self, row: int, count: int) -> None:
        count = max(1, min(MAX_COUNT, count))
        r = self._rows[row]
        if r.count == count:
            return
        r.count = count
        self._changed_rows(row, row)
        self.checklist_changed.emit()

    def toggle_reused(self, row: int) -> None:
        r = self._rows[row]
        if r.spec is None or not r.spec.reusable:
            return
        r.reused = not r.reused
        if r.reused:
            # A digitised copy already held stands for the paper: it counts as received.
            r.ticked = True
            self._missing.discard(row)
        self._changed_rows(row, row)
        self.checklist_changed.emit()

    def toggle_scanned(self, row: int) -> None:
        """Mark a received paper as scanned (digitised) at the counter; ticks it."""
        r = self._rows[row]
        r.scanned = not r.scanned
        if r.scanned and not r.ticked:
            r.ticked = True
            self._missing.discard(row)
        self._changed_rows(row, row)
        self.checklist_changed.emit()

    def set_all_scanned(self, on: bool) -> None:
        """Scanned or not, every received paper at once."""
        for r in self._rows:
            r.scanned = on and r.ticked
        if self._rows:
            self._changed_rows(0, len(self._rows) - 1)
        self.checklist_changed.emit()

    def add_extra(self, name: str, form: DocForm, count: int) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(
            ChecklistRow(None, name.strip(), form, max(1, min(MAX_COUNT, count)), ticked=True)
        )
        self.endInsertRows()
        self.checklist_changed.emit()
        return row

    def remove_extra(self, row: int) -> bool:
        if not 0 <= row < len(self._rows) or self._rows[row].spec is not None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._missing = {i - (i > row) for i in self._missing if i != row}
        self.endRemoveRows()
        self.checklist_changed.emit()
        return True

    def _changed_rows(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, COL_SCANNED))

    # -- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_TICK: "✔",
                COL_NAME: self.tr("Paper"),
                COL_FORM: self.tr("Form"),
                COL_COUNT: self.tr("Count"),
                COL_REUSED: self.tr("Reused"),
                COL_SCANNED: self.tr("Scanned"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_TICK:
            return self.tr("Received (Space)")
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_REUSED:
            return self.tr("Use a digitised copy already held instead of the paper (key S)")
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_SCANNED:
            return self.tr("The paper was scanned (digitised) at the counter (key D)")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        r = self._rows[index.row()]
        col = index.column()
        if col == COL_TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if col in (COL_FORM, COL_COUNT) or (col == COL_NAME and r.spec is None):
            return base | Qt.ItemFlag.ItemIsEditable
        if col == COL_REUSED and r.spec is not None and r.spec.reusable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if col == COL_SCANNED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        r = self._rows[row]
        col = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_MISSING_BACKGROUND) if row in self._missing else None
        if col == COL_TICK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if r.ticked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Received") if r.ticked else self.tr("Not received")
            return None
        if col == COL_NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return r.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._name_tooltip(row)
            if role == Qt.ItemDataRole.FontRole and r.spec is None:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.UserRole:
                return self.is_required(row)
            return None
        if col == COL_FORM:
            if role == Qt.ItemDataRole.DisplayRole:
                return form_label(r.form)
            if role == Qt.ItemDataRole.EditRole:
                return r.form.value
            return None
        if col == COL_COUNT:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return r.count
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if col == COL_SCANNED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if r.scanned else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("Scanned") if r.scanned else self.tr("Not scanned")
            return None
        if (
            col == COL_REUSED
            and r.spec is not None
            and r.spec.reusable
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            return Qt.CheckState.Checked if r.reused else Qt.CheckState.Unchecked
        return None

    def _name_tooltip(self, row: int) -> str:
        r = self._rows[row]
        if r.spec is None:
            return self.tr("Extra paper, not on the checklist (Delete removes it)")
        parts = [r.spec.name]
        if self.is_required(row):
            if r.spec.required:
                parts.append(self.tr("Required"))
            else:
                parts.append(self.tr("Required: the dossier is submitted by an authorised person"))
        if r.spec.condition:
            parts.append(self.tr("When: %1").replace("%1", r.spec.condition))
        asked = [
            f"{form_label(f)}: {catalog_count(r.spec, f)}"
            for f in FORMS
            if catalog_count(r.spec, f) > 0
        ]
        if asked:
            parts.append(", ".join(asked))
        return "\n".join(parts)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        r = self._rows[row]
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if col == COL_TICK:
                self.set_ticked(row, checked)
                return True
            if col == COL_REUSED and r.spec is not None and r.spec.reusable:
                if checked != r.reused:
                    self.toggle_reused(row)
                return True
            if col == COL_SCANNED:
                if checked != r.scanned:
                    self.toggle_scanned(row)
                return True
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        if col == COL_FORM:
            try:
                self.set_form(row, DocForm(value))
            except ValueError:
                return False
            return True
        if col == COL_COUNT:
            try:
                self.set_count(row, int(value))
            except (TypeError, ValueError):
                return False
            return True
        if col == COL_NAME and r.spec is None:
            r.name = str(value).strip()
            self._changed_rows(row, row)
            self.checklist_changed.emit()
            return True
        return False


class _NameDelegate(QStyledItemDelegate):
    """The paper's name, word-wrapped, after a red asterisk when it is required."""

    GUTTER = 14
    PAD = 4

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(self.PAD, 2, -self.PAD, -2)
        painter.save()
        if index.data(Qt.ItemDataRole.UserRole):
            star_font = QFont(opt.font)
            star_font.setBold(True)
            painter.setFont(star_font)
            painter.setPen(QColor(ERROR_COLOR))
            painter.drawText(
                QRect(rect.left(), rect.top(), self.GUTTER, rect.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                "*",
            )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(group, role))
        painter.setFont(opt.font)
        painter.drawText(
            rect.adjusted(self.GUTTER, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            | int(Qt.TextFlag.TextWordWrap),
            text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        # The view gives the column width when it asks for a row height.
        column = opt.rect.width() if opt.rect.width() > 1 else 240
        width = max(40, column - 2 * self.PAD - self.GUTTER)
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), opt.text
        )
        return QSize(width, bounds.height() + 8)


class _FormDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for form in FORMS:
            combo.addItem(form_label(form), form.value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: ModelIndex) -> None:  # type: ignore[override]
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _CountDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, MAX_COUNT)
        spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return spin

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractTableModel, index: ModelIndex) -> None:  # type: ignore[override]
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


class ChecklistView(QTableView):
    """Keyboard: ↑/↓ move, Space ticks, 1/2/3 choose the form, +/− the count,
    S the digitised copy already held, D scanned here, F2 edits the cell (the
    form when on the name), Insert adds a paper, Delete removes an added one,
    Enter goes to the next field."""

    add_requested = Signal()

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setItemDelegateForColumn(COL_NAME, _NameDelegate(self))
        self.setItemDelegateForColumn(COL_FORM, _FormDelegate(self))
        self.setItemDelegateForColumn(COL_COUNT, _CountDelegate(self))
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_TICK, COL_FORM, COL_COUNT, COL_REUSED, COL_SCANNED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Row heights follow the wrapped names, so they are refitted once the
        # columns have settled (a wider form column narrows the name column).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(self._fit_rows)
        header.geometriesChanged.connect(self._fit_rows)
        model.modelReset.connect(self._after_reset)
        model.rowsInserted.connect(self._fit_rows)
        model.dataChanged.connect(self._fit_rows)

    def _after_reset(self) -> None:
        self._fit_rows()
        if self._model.rowCount() > 0:
            self.setCurrentIndex(self._model.index(0, COL_NAME))

    def _fit_rows(self, *_args: object) -> None:
        self._fit_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()

    def commit_edit(self) -> None:
        """Write an open cell editor back to the model (before the form is read)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def focusInEvent(self, event: Any) -> None:
        if not self.currentIndex().isValid() and self._model.rowCount() > 0:
            self.setCurrentIndex(self._model.index(0, COL_NAME))
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        row = self.current_row()
        key = event.key()
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self.focusNextPrevChild(True)
            return
        if key == Qt.Key.Key_Insert and plain:
            self.add_requested.emit()
            return
        if row >= 0 and plain:
            if key == Qt.Key.Key_Space:
                self._model.toggle_tick(row)
                return
            if text in ("1", "2", "3"):
                self._model.set_form(row, FORMS[int(text) - 1])
                return
            if text in ("+", "="):
                self._model.set_count(row, self._model.row(row).count + 1)
                return
            if text in ("-", "_"):
                self._model.set_count(row, self._model.row(row).count - 1)
                return
            if text in ("s", "S"):
                self._model.toggle_reused(row)
                return
            if text in ("d", "D"):
                self._model.toggle_scanned(row)
                return
            if key == Qt.Key.Key_Delete:
                self._model.remove_extra(row)
                return
            if key == Qt.Key.Key_F2:
                col = self.currentIndex().column()
                if not self._model.flags(self.currentIndex()) & Qt.ItemFlag.ItemIsEditable:
                    col = COL_FORM
                target = self._model.index(row, col)
                self.setCurrentIndex(target)
                self.edit(target)
                return
        super().keyPressEvent(event)


class ExtraPaperDialog(QDialog):
    """Name, form and count of a paper the citizen brought that is not on the checklist."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add another paper"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Sổ hộ khẩu cũ"))
        self.name.setMinimumWidth(360)
        self.form = QComboBox()
        for form in FORMS:
            self.form.addItem(form_label(form), form.value)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_COUNT)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Name of the paper"), self.name)
        layout.addRow(self.tr("&Form"), self.form)
        layout.addRow(self.tr("&Count"), self.count)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Add"))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: ok.setEnabled(bool(t.strip())))
        layout.addRow(self.buttons)

    def values(self) -> tuple[str, DocForm, int]:
        return self.name.text().strip(), DocForm(self.form.currentData()), self.count.value()
