"""The person block of the intake dialog (applicant or submitter) and the
reader of CCCD QR codes typed by a USB scanner into any of its fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import FieldError, QrParseError
from hcc_desktop.core.identity import (
    MAX_ADDRESS_LENGTH,
    MAX_NAME_LENGTH,
    CccdQrData,
    PersonInput,
    gender_from_cccd,
    looks_like_cccd_qr,
    parse_cccd_qr,
)
from hcc_desktop.ui.common.messages import error_message, field_message
from hcc_desktop.ui.intake.fields import EnterMovesFocus, MessageLabel, set_error_state

# 12 digits then a bar: where a CCCD QR starts inside whatever was typed.
_QR_HEAD = re.compile(r"[0-9]{12}[ \t]*\|")
_QR_DIGITS_TYPED = re.compile(r"[0-9]{12}[ \t]*$")
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_FINISH_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
DATE_MASK = "99/99/9999;_"


def date_text(value: str | date | None) -> str:
    """A date as the dd/MM/yyyy the date fields show."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def masked_date_value(edit: QLineEdit) -> str:
    """The typed date, or "" when the mask holds no digit at all."""
    text = edit.text()
    return "" if not any(ch.isdigit() for ch in text) else text


@dataclass
class _Typed:
    """Keys typed one after another into one widget, with the widget's state
    before each of them, so that the digits of a QR can be taken back out."""

    widget: QWidget
    text: str
    before: list[tuple[str, int]]


def _snapshot(widget: QWidget) -> tuple[str, int]:
    if isinstance(widget, QLineEdit):
        return widget.text(), widget.cursorPosition()
    if isinstance(widget, QComboBox):
        return "", widget.currentIndex()
    return "", 0


def _restore(widget: QWidget, state: tuple[str, int]) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(state[0])
        widget.setCursorPosition(state[1])
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(state[1])


class QrScanCatcher(QObject):
    """Watches key presses in a set of fields for a CCCD QR code.

    A USB scanner types ``<12 digits>|name|…`` then Enter. The 12 digits reach
    the field like any typing; on the ``|`` that follows them the field is put
    back as it was before those digits and every further key is captured
    (never reaching the field, so its Enter cannot press a dialog button) until
    Enter or Tab ends the code. A pasted code (Ctrl+V, or any edit that puts a
    whole code in a line edit) is caught too.
    """

    scanned = Signal(QWidget, str)  # the field it was typed into, the raw code
    # A paste longer than the field takes (the field, its maximum length): refused whole
    # rather than silently cut.
    too_long = Signal(QWidget, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typed: _Typed | None = None
        self._capture_widget: QWidget | None = None
        self._buffer = ""
        self._previous: dict[QLineEdit, str] = {}

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        if isinstance(widget, QLineEdit):
            self._previous[widget] = widget.text()
            widget.textChanged.connect(lambda text, w=widget: self._remember(w, text))
            widget.textEdited.connect(lambda text, w=widget: self._edited(w, text))

    # -- paste and input-method edits ------------------------------------------

    def _remember(self, widget: QLineEdit, text: str) -> None:
        if _QR_HEAD.search(text) is None:
            self._previous[widget] = text

    def _edited(self, widget: QLineEdit, text: str) -> None:
        m = _QR_HEAD.search(text)
        if m is None or not looks_like_cccd_qr(text[m.start() :]):
            return
        raw = text[m.start() :]
        widget.setText(self._previous.get(widget, ""))
        self.scanned.emit(widget, raw)

    # -- typing ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._capture_widget is not None:
            if kind == QEvent.Type.KeyPress:
                assert isinstance(event, QKeyEvent)
                return self._capture_key(event)
            if kind in (QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
                # Keep a character of the code from ever firing a shortcut.
                event.accept()
                return True
            if kind == QEvent.Type.FocusOut and watched is self._capture_widget:
                self._finish_capture()
            return False
        if kind == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            return self._typing_key(watched, event)
        if kind == QEvent.Type.ContextMenu and isinstance(watched, QLineEdit):
            assert isinstance(event, QContextMenuEvent)
            self._context_menu(watched, event)
            return True
        if kind in (QEvent.Type.FocusOut, QEvent.Type.MouseButtonPress):
            self._typed = None
        return False

    def _context_menu(self, widget: QLineEdit, event: QContextMenuEvent) -> None:
        """The field's own menu, its Paste going through the same checks as Ctrl+V
        (Qt's would cut a long text at the field's length without a word)."""
        menu = widget.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                paste = QAction(action.text(), menu)
                paste.setObjectName("edit-paste")
                paste.setShortcut(action.shortcut())
                paste.setEnabled(action.isEnabled())
                paste.triggered.connect(lambda _=False, w=widget: self._paste_from_menu(w))
                menu.insertAction(action, paste)
                menu.removeAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _paste_from_menu(self, widget: QLineEdit) -> None:
        if not self._refused_paste(widget):
            widget.paste()

    def _refused_paste(self, widget: QWidget) -> bool:
        """True when the clipboard's text must not be pasted as such: a CCCD QR code
        (read as a scan) or a text longer than the field takes (refused whole)."""
        raw = QGuiApplication.clipboard().text()
        if looks_like_cccd_qr(raw.strip()):
            self._typed = None
            self.scanned.emit(widget, raw)
            return True
        if isinstance(widget, QLineEdit) and not widget.inputMask():
            room = widget.maxLength() - len(widget.text()) + len(widget.selectedText())
            if len(" ".join(raw.split())) > room:
                self._typed = None
                self.too_long.emit(widget, widget.maxLength())
                return True
        return False

    def _typing_key(self, widget: QWidget, event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Paste):
            return self._refused_paste(widget)
        text = event.text()
        control = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if text == "|" and self._typed is not None and self._typed.widget is widget:
            m = _QR_DIGITS_TYPED.search(self._typed.text)
            if m is not None:
                _restore(widget, self._typed.before[m.start()])
                self._buffer = self._typed.text[m.start() :] + "|"
                self._typed = None
                self._capture_widget = widget
                return True
        if text and text.isprintable() and not control:
            if self._typed is None or self._typed.widget is not widget:
                self._typed = _Typed(widget, "", [])
            self._typed.before.append(_snapshot(widget))
            self._typed.text += text
        elif event.key() not in _MODIFIER_KEYS:
            self._typed = None
        return False

    def _capture_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _FINISH_KEYS:
            self._finish_capture()
        elif key == Qt.Key.Key_Escape:
            self._capture_widget = None
            self._buffer = ""
        elif event.text() and event.text().isprintable():
            self._buffer += event.text()
        return True

    def _finish_capture(self) -> None:
        widget, raw = self._capture_widget, self._buffer
        self._capture_widget = None
        self._buffer = ""
        if widget is not None:
            self.scanned.emit(widget, raw)


class PersonForm(QWidget):
    """Name, identity paper, birth date, gender, phone, address and e-mail of
    one person, with a message line under each field."""

    edited = Signal()
    qr_read = Signal()

    FIELDS = ("full_name", "id_number", "date_of_birth", "gender", "phone", "address", "email")

    def __init__(
        self, prefix: str, *, mnemonics: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.prefix = prefix
        self._issued_on: date | None = None

        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("As on the identity paper"))
        # The core's limits (core/identity.py): what the field takes, the service accepts.
        self.full_name.setMaxLength(MAX_NAME_LENGTH)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("12-digit CCCD, 9-digit CMND or passport"))
        self.id_number.setMaxLength(40)
        self.date_of_birth = QLineEdit()
        self.date_of_birth.setInputMask(DATE_MASK)
        self.date_of_birth.setToolTip(self.tr("Day/month/year, e.g. 15032003"))
        digits = self.date_of_birth.fontMetrics().horizontalAdvance("00/00/00000")
        self.date_of_birth.setMinimumWidth(digits + 16)
        self.date_of_birth.setMaximumWidth(digits + 40)
        self.gender = QComboBox()
        self.gender.addItem(self.tr("—"), "")
        self.gender.addItem(self.tr("Male"), "male")
        self.gender.addItem(self.tr("Female"), "female")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 0912 345 678"))
        self.phone.setMaxLength(20)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Permanent or current address"))
        self.address.setMaxLength(MAX_ADDRESS_LENGTH)
        self.email = QLineEdit()

        self._messages: dict[str, MessageLabel] = {f: MessageLabel() for f in self.FIELDS}
        self.status = MessageLabel()

        def label(text: str, buddy: QWidget) -> QLabel:
            lab = QLabel(text if mnemonics else text.replace("&", ""))
            lab.setBuddy(buddy)
            return lab

        def cell(*names: str) -> QWidget:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(1)
            row = QHBoxLayout()
            row.setSpacing(6)
            for i, name in enumerate(names):
                if i:
                    row.addSpacing(8)
                    row.addWidget(label(self._label_text(name), self.widget_for(name)))
                row.addWidget(self.widget_for(name))
            row.addStretch(1)
            v.addLayout(row)
            for name in names:
                v.addWidget(self._messages[name])
            return box

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        for name in ("full_name", "id_number"):
            form.addRow(label(self._label_text(name), self.widget_for(name)), self._boxed(name))
        form.addRow(
            label(self._label_text("date_of_birth"), self.date_of_birth),
            cell("date_of_birth", "gender"),
        )
        for name in ("phone", "address", "email"):
            form.addRow(label(self._label_text(name), self.widget_for(name)), self._boxed(name))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addLayout(form)

        self.catcher = QrScanCatcher(self)
        self.catcher.scanned.connect(self._on_scanned)
        self.catcher.too_long.connect(self._on_too_long)
        enter_moves = EnterMovesFocus(self)
        for w in self.input_widgets():
            # Qt runs the filter installed last first: the scanner's Enter must
            # reach the catcher before it could move the focus.
            w.installEventFilter(enter_moves)
            self.catcher.watch(w)
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self.edited)
        self.gender.activated.connect(lambda _i: self.edited.emit())
        # A number typed by hand no longer goes with the issue date read from a card.
        self.id_number.textEdited.connect(self._forget_issue_date)
        self.id_number.textEdited.connect(self._gender_from_id_number)

    def _label_text(self, name: str) -> str:
        return {
            "full_name": self.tr("Full &name"),
            "id_number": self.tr("&ID number"),
            "date_of_birth": self.tr("Date of &birth"),
            "gender": self.tr("&Gender"),
            "phone": self.tr("P&hone"),
            "address": self.tr("Add&ress"),
            "email": self.tr("E-&mail (optional)"),
        }[name]

    def _boxed(self, name: str) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(self.widget_for(name))
        v.addWidget(self._messages[name])
        return box

    # -- accessors ---------------------------------------------------------------

    def widget_for(self, name: str) -> QWidget:
        """The input widget of field ``name`` (``id_type``/``id_issued_on`` → ID number)."""
        if name in ("id_type", "id_issued_on"):
            name = "id_number"
        widget = getattr(self, name)
        assert isinstance(widget, QWidget)
        return widget

    def input_widgets(self) -> list[QWidget]:
        """The fields in tab order."""
        return [self.widget_for(f) for f in self.FIELDS]

    def message(self, name: str) -> str:
        """The message shown under a field ("" when none)."""
        if name in ("id_type", "id_issued_on"):
            name = "id_number"
        return self._messages[name].text()

    def person_input(self) -> PersonInput:
        return PersonInput(
            full_name=self.full_name.text(),
            id_number=self.id_number.text(),
            date_of_birth=masked_date_value(self.date_of_birth),
            phone=self.phone.text(),
            address=self.address.text(),
            email=self.email.text(),
            gender=str(self.gender.currentData() or ""),
            id_issued_on=self._issued_on,
        )

    def is_blank(self) -> bool:
        p = self.person_input()
        return not any(
            (
                p.full_name.strip(),
                p.id_number.strip(),
                p.date_of_birth,
                p.phone.strip(),
                p.address.strip(),
                p.email.strip(),
                p.gender,
            )
        )

    # -- editing -----------------------------------------------------------------

    def fill(self, data: PersonInput) -> None:
        """Put ``data`` in the fields; phone and e-mail are kept when ``data`` has none."""
        self.full_name.setText(data.full_name)
        self.id_number.setText(data.id_number)
        self.date_of_birth.setText(date_text(data.date_of_birth))
        self.gender.setCurrentIndex(max(0, self.gender.findData(data.gender or "")))
        if data.phone:
            self.phone.setText(data.phone)
        self.address.setText(data.address)
        if data.email:
            self.email.setText(data.email)
        issued = data.id_issued_on
        self._issued_on = issued if isinstance(issued, date) else None
        for edit in (self.full_name, self.address):
            edit.setCursorPosition(0)  # show the start of a long name or address

    def clear(self) -> None:
        for w in (self.full_name, self.id_number, self.date_of_birth, self.phone):
            w.clear()
        self.address.clear()
        self.email.clear()
        self.gender.setCurrentIndex(0)
        self._issued_on = None
        self.clear_errors()
        self.status.clear_message()

    def _forget_issue_date(self) -> None:
        self._issued_on = None

    def _gender_from_id_number(self, text: str) -> None:
        """A typed CCCD states the gender (4th digit): fill it while none is chosen."""
        if self.gender.currentData():
            return
        gender = gender_from_cccd(text)
        if gender is not None:
            self.gender.setCurrentIndex(max(0, self.gender.findData(gender.value)))

    def _on_too_long(self, widget: QWidget, limit: int) -> None:
        field = self._field_of(widget)
        self.clear_error(field)
        self.show_error(field, field_message(FieldError(field, "too_long", {"max": limit})))

    # -- errors ------------------------------------------------------------------

    def show_error(self, name: str, text: str) -> QWidget:
        """Show ``text`` under field ``name`` and return its widget."""
        widget = self.widget_for(name)
        key = "id_number" if name in ("id_type", "id_issued_on") else name
        label = self._messages[key]
        label.show_error(f"{label.text()}\n{text}" if label.text() else text)
        set_error_state(widget, True)
        return widget

    def clear_errors(self) -> None:
        for name, label in self._messages.items():
            label.clear_message()
            set_error_state(self.widget_for(name), False)

    def clear_error(self, name: str) -> None:
        self._messages[name].clear_message()
        set_error_state(self.widget_for(name), False)

    # -- QR ------------------------------------------------------------------------

    def _field_of(self, widget: QWidget) -> str:
        for name in self.FIELDS:
            if self.widget_for(name) is widget:
                return name
        return "full_name"

    def _on_scanned(self, widget: QWidget, raw: str) -> None:
        field = self._field_of(widget)
        try:
            data: CccdQrData = parse_cccd_qr(raw)
        except QrParseError as exc:
            self.status.clear_message()
            self.clear_error(field)
            self.show_error(field, error_message(exc))
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.clear_errors()
        self.fill(data.to_person_input())
        self.status.show_ok(self.tr("CCCD QR code read"))
        self.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        self.phone.selectAll()
        self.qr_read.emit()
        self.edited.emit()
