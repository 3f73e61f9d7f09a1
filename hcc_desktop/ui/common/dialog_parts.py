"""Pieces shared by the small dialogs of the dossier's life (transition,
return, apology, rating) and the tracking book.

- widgets and layout helpers: the heading, the red box for what is not about
  one field, the green "done" message, a field with its message under it, the
  dialog's button row, a page of a stacked dialog, the print preview;
- ``FieldErrors``: a ValidationError shown next to the fields at fault;
- ``DossierChangeDialog``: one change of one dossier stored through the task
  runner (busy state, refusals, the change hub), then an optional "done" page
  and a form to print.

Nothing here calls ``tr()``: the texts come from the dialogs, so they keep
their translation contexts.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.changes import Changes
from hcc_desktop.core.domain import Dossier, DossierEvent
from hcc_desktop.core.errors import (
    ConflictError,
    FieldError,
    HccError,
    TransitionError,
    ValidationError,
)
from hcc_desktop.services import Services
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.common.changes import announce
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.messages import error_message, field_label, field_message
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.intake.fields import (
    ERROR_COLOR,
    ERROR_STYLESHEET,
    MessageLabel,
    set_error_state,
)

# The intake's field style, plus the multi-line and list fields of these dialogs.
DIALOG_STYLESHEET = (
    ERROR_STYLESHEET
    + f"""
QPlainTextEdit[error="true"], QListWidget[error="true"] {{
    border: 1px solid {ERROR_COLOR};
}}
"""
)

HINT_STYLE = "color: #5f6368;"
SUBMIT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# == widgets ===========================================================================


def summary_html(dossier: Dossier) -> str:
    """``code · applicant · procedure`` for the top of the small dialogs."""
    return (
        f"<b>{esc(dossier.code)}</b> · {esc(dossier.owner.full_name)} · "
        f"{esc(dossier.procedure_name)}"
    )


def summary_label(dossier: Dossier) -> QLabel:
    label = QLabel(summary_html(dossier))
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def heading_label(text: str) -> QLabel:
    """The title at the top of a dialog's form, a little larger and bold."""
    heading = QLabel(text)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    heading.setFont(font)
    return heading


def hint_label(text: str) -> QLabel:
    """A grey, wrapped explanation under the heading."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(HINT_STYLE)
    return hint


def officer_label(officer: str, not_set: str) -> QLabel:
    """Who records the change; ``not_set`` (in red) when Settings has no name."""
    label = QLabel(officer or not_set)
    if not officer:
        label.setStyleSheet(f"color: {ERROR_COLOR};")
    return label


def error_box() -> QLabel:
    """A red framed message for what is not about one field (e.g. a refused action)."""
    box = QLabel()
    box.setWordWrap(True)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStyleSheet(
        f"QLabel {{ color: {ERROR_COLOR}; background: #fdecea; border: 1px solid #f5c2c0;"
        " border-radius: 3px; padding: 6px 8px; }"
    )
    box.hide()
    return box


def done_label() -> QLabel:
    """A green framed confirmation at the top of a dialog's "done" page."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet(
        "QLabel { background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
        " border-radius: 3px; padding: 8px 10px; }"
    )
    return label


def boxed(widget: QWidget, message: QLabel, *, spacing: int = 1) -> QWidget:
    """A field with its error message under it."""
    box = QWidget()
    v = QVBoxLayout(box)
    v.setContentsMargins(0, 0, 0, 0)
    v.setSpacing(spacing)
    v.addWidget(widget)
    v.addWidget(message)
    return box


def dialog_button(
    text: str, tooltip: str = "", *, primary: bool = False, min_width: int = 0
) -> QPushButton:
    """A button of the dialog's button row. The ``primary`` one is the bold
    default (Enter); the others never take Enter for themselves."""
    button = QPushButton(text)
    if tooltip:
        button.setToolTip(tooltip)
    if min_width:
        button.setMinimumWidth(min_width)
    if primary:
        button.setDefault(True)
        bold = button.font()
        bold.setBold(True)
        button.setFont(bold)
    else:
        button.setAutoDefault(False)
    return button


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons at the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def page(*parts: QWidget | QLayout | int, buttons: QLayout) -> QWidget:
    """A page of a stacked dialog: ``parts`` from the top (a number is a gap),
    the spare room, then the buttons."""
    widget = QWidget()
    v = QVBoxLayout(widget)
    v.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, int):
            v.addSpacing(part)
        elif isinstance(part, QLayout):
            v.addLayout(part)
        else:
            v.addWidget(part)
    v.addStretch(1)
    v.addLayout(buttons)
    return widget


def show_page(dialog: QDialog, pages: QStackedWidget, page: QWidget) -> None:
    """Switch for good to ``page`` and fit the dialog's height to it: a short
    "done" page must not sit in the empty space of a long form. The other
    pages leave the stack (they stay alive, hidden): a stack sizes itself by
    all its pages."""
    pages.setCurrentWidget(page)
    for widget in [pages.widget(i) for i in range(pages.count())]:
        if widget is not page:
            pages.removeWidget(widget)
            # Still owned by the dialog (its fields stay readable), just hidden.
            widget.setParent(dialog)
            widget.hide()
    pages.updateGeometry()
    layout = dialog.layout()
    height = dialog.sizeHint().height()
    if layout is not None:
        layout.invalidate()
        layout.activate()
        # Wrapped messages: the height they need at the dialog's actual width.
        if layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(dialog.width())
    dialog.resize(dialog.width(), height + 16)  # a little air above the buttons


def add_submit_keys(widget: QWidget, slot: Callable[[], object]) -> None:
    """Ctrl+Enter (either Enter key) saves from anywhere in the dialog."""
    for keys in SUBMIT_KEYS:
        QShortcut(QKeySequence(keys), widget).activated.connect(slot)


class _EnterSubmits(QObject):
    """Event filter: Enter in an editable combo box (its list closed) submits."""

    def __init__(self, combo: QComboBox, slot: Callable[[], object]) -> None:
        super().__init__(combo)
        self._combo = combo
        self._slot = slot

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self._combo.view().isVisible()
        ):
            self._slot()
            return True
        return False


def enter_submits(combo: QComboBox, slot: Callable[[], object]) -> None:
    """Enter typed in the editable ``combo`` calls ``slot`` (the dialog's submit),
    as it does in a line edit; an editable combo box would otherwise eat it."""
    f = _EnterSubmits(combo, slot)
    combo.installEventFilter(f)
    line = combo.lineEdit()
    if line is not None:
        line.installEventFilter(f)


def set_tab_chain(chain: Sequence[QWidget]) -> None:
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def printer_of(services: Services) -> str:
    """The printer a print preview preselects: from the settings the task runner read
    last (never a read on the GUI thread); the system's default before any."""
    settings = services.settings.cached()
    return settings.printer_name if settings is not None else ""


def pdf_preview(
    parent: QWidget,
    services: Services,
    pdf: bytes,
    *,
    title: str,
    file_name: str,
    copies: int = 1,
) -> PdfPreviewDialog:
    """The print preview of ``pdf`` for the officer's printer; deleted when
    closed. Not shown yet: the caller connects what it needs, then opens it."""
    preview = PdfPreviewDialog(
        pdf,
        title=title,
        copies=copies,
        printer_name=printer_of(services),
        file_name=file_name,
        parent=parent,
    )
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return preview


# == errors next to the fields ==========================================================


def readable_params(err: FieldError) -> FieldError:
    """ISO times in an error's parameters as dd/MM/yyyy HH:mm for the message."""
    params: dict[str, Any] = {}
    for key, value in err.params.items():
        if isinstance(value, str) and len(value) >= 16 and value[10:11] == "T":
            with contextlib.suppress(ValueError):
                value = datetime.fromisoformat(value)
        params[key] = value
    return FieldError(err.field, err.code, params)


class FieldErrors:
    """The messages of one form: each core field name has a message label
    (under its field) and the widgets that get the red border; what no field
    claims goes to the ``general`` box."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, MessageLabel] = {}
        self._widgets: dict[str, tuple[QWidget, ...]] = {}
        self._groups: set[str] = set()

    def add(
        self,
        name: str,
        *widgets: QWidget,
        label: MessageLabel | None = None,
        group: bool = False,
    ) -> MessageLabel:
        """Claim the field ``name`` (with ``group``, also ``name.<anything>``,
        each message then named after its own field); the first widget is the
        one focused. Returns the message label to place under the field."""
        label = label if label is not None else MessageLabel()
        self.labels[name] = label
        self._widgets[name] = widgets
        if group:
            self._groups.add(name)
        return label

    def _claimed_by(self, field: str) -> str | None:
        if field in self.labels:
            return field
        return next((g for g in self._groups if field.startswith(g + ".")), None)

    def clear(self, name: str) -> None:
        label = self.labels.get(name)
        if label is not None and not label.isHidden():
            label.clear_message()
            for widget in self._widgets[name]:
                set_error_state(widget, False)

    def clear_all(self) -> None:
        for name, label in self.labels.items():
            label.clear_message()
            for widget in self._widgets[name]:
                set_error_state(widget, False)
        self.general.hide()
        self.general.clear()

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and label.isVisible() else ""

    def general_message(self) -> str:
        return self.general.text() if self.general.isVisible() else ""

    def show_general(self, text: str) -> None:
        self.general.setText(text)
        self.general.show()

    def show(self, exc: ValidationError, order: Sequence[QWidget] = ()) -> None:
        """Each message under its field; the first faulty field in ``order``
        (the tab order) gets the focus."""
        faulty: list[QWidget] = []
        general: list[str] = []
        for err in exc.errors:
            err = readable_params(err)
            text = field_message(err)
            name = self._claimed_by(err.field)
            if name is None:
                general.append(f"{field_label(err.field)}: {text}")
                continue
            if name in self._groups:
                text = f"{field_label(err.field)}: {text}"
            self.labels[name].show_error(text)
            widgets = self._widgets[name]
            for widget in widgets:
                set_error_state(widget, True)
            if widgets:
                faulty.append(widgets[0])
        if general:
            self.show_general("\n".join(general))
        targets = sorted(faulty, key=lambda w: order.index(w) if w in order else len(order))
        if targets:
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(targets[0], QLineEdit):
                targets[0].selectAll()

    def report(self, parent: QWidget, exc: BaseException, order: Sequence[QWidget] = ()) -> None:
        """A failed service call: a ValidationError under the fields, another
        error of the core in the general box, anything else in the error dialog."""
        if isinstance(exc, ValidationError):
            self.show(exc, order)
        elif isinstance(exc, HccError):
            self.show_general(error_message(exc))
        else:
            show_error(parent, exc)


# == the dialog of one change ==========================================================


class DossierChangeDialog(QDialog):
    """One change of dossier ``key`` (id or code), stored through the task runner.

    A subclass builds its form in ``_build`` (its widgets, ``self.errors``
    for the fields, ``_busy_widgets``, ``_chain`` for the tab order) and the
    pages with ``_stack_pages``; ``_store(fn, …)`` saves and ``_stored(result)``
    follows a success. The change hub hears of every success, and of a refusal
    because the dossier changed meanwhile (``_refused``), so that every view
    shows the real state.
    """

    MIN_WIDTH = 620

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        key: str | Dossier,
        parent: QWidget | None = None,
        *,
        events: Sequence[DossierEvent] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        # A window holding the dossier and its timeline (read on the task runner)
        # hands them over, so that opening the dialog reads nothing on the GUI
        # thread; given only a key (id or code), the dialog reads the dossier.
        self._dossier: Dossier = key if isinstance(key, Dossier) else services.dossiers.get(key)
        self._given_events = list(events) if events is not None else None
        self._busy = False
        self._result: Dossier | None = None
        self._preview: PdfPreviewDialog | None = None
        self._preview_details: tuple[str, str, int] = ("", "", 1)
        self._busy_widgets: list[QWidget] = []
        self._chain: list[QWidget] = []
        self.general = error_box()
        self.errors = FieldErrors(self.general)
        self.setStyleSheet(DIALOG_STYLESHEET)
        self._build()
        fit_to_screen(self, self._initial_size())

    # == for subclasses ==============================================================

    def _build(self) -> None:
        raise NotImplementedError

    def _first_field(self) -> QWidget | None:
        """Focused when the dialog opens on its form."""
        return self._chain[0] if self._chain else None

    def _initial_size(self) -> QSize:
        return self.sizeHint().expandedTo(QSize(self.MIN_WIDTH, 0))

    def _stack_pages(self, form_page: QWidget, done_page: QWidget, *, margins: int = -1) -> None:
        self.done_page = done_page
        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(done_page)
        layout = QVBoxLayout(self)
        if margins >= 0:
            layout.setContentsMargins(margins, margins, margins, margins)
        layout.addWidget(self.pages)

    def _show_done(self, button: QPushButton) -> None:
        """The "done" page, ``button`` its default."""
        show_page(self, self.pages, self.done_page)
        button.setDefault(True)
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _officer_field(self, not_set: str) -> QWidget:
        """The officer who records the change (``not_set`` when Settings has no
        name), with the core's message about it under it."""
        officer = logged_in_name(self._services)
        self.officer_label = officer_label(officer, not_set)
        return boxed(self.officer_label, self.errors.add("actor"))

    def _last_event_time(self) -> datetime | None:
        """When the dossier's last step happened: no action may be dated earlier."""
        if self._given_events is not None:
            return max((e.at for e in self._given_events), default=None)
        try:
            events = self._services.dossiers.timeline(self._dossier.id)
        except HccError:
            return None
        return max((e.at for e in events), default=None)

    # == accessors ===================================================================

    def dossier(self) -> Dossier:
        return self._dossier

    def stored_dossier(self) -> Dossier | None:
        """The dossier after the change, once it was stored."""
        return self._result

    def is_busy(self) -> bool:
        return self._busy

    def last_preview(self) -> PdfPreviewDialog | None:
        return self._preview

    def message(self, name: str) -> str:
        return self.errors.message(name)

    def general_message(self) -> str:
        return self.errors.general_message()

    def clear_errors(self) -> None:
        self.errors.clear_all()

    def show_validation(self, exc: ValidationError) -> None:
        """Each message under its field; the first faulty field gets the focus."""
        self.errors.show(exc, self._chain)

    # == storing =====================================================================

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in self._busy_widgets:
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _ready_to_store(self) -> bool:
        return not self._busy and self.pages.currentWidget() is not self.done_page

    def _store(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run the service call ``fn(*args, **kwargs)`` on the task runner; what it
        returns (the dossier, a rating) says what changed."""
        self._set_busy(True)
        self._runner.run_change(
            fn,
            *args,
            on_done=self._on_stored,
            on_error=self._on_store_failed,
            **kwargs,
        )

    def _on_stored(self, result: Any) -> None:
        self._set_busy(False)
        self._stored(result)

    def _stored(self, result: Any) -> None:
        raise NotImplementedError

    def _on_store_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, TransitionError | ConflictError):
            self._refused(exc)
        else:
            self.errors.report(self, exc, self._chain)

    def _refused(self, exc: HccError) -> None:
        """The dossier changed meanwhile (here or on another computer): say so,
        keep what was typed, and let every view show its real state."""
        self.errors.show_general(self._refusal_text(exc))
        announce(Changes.of_dossiers(self._dossier.id))

    def _refusal_text(self, exc: HccError) -> str:
        return error_message(exc)

    # == printing ====================================================================

    def _print(
        self,
        render: Callable[..., bytes],
        *args: Any,
        title: str,
        file_name: str,
        copies: int = 1,
    ) -> None:
        """Render a form on the task runner, then open its print preview."""
        if self._busy:
            return
        self._preview_details = (title, file_name, copies)
        self._set_busy(True)
        self._runner.run(render, *args, on_done=self._on_pdf_ready, on_error=self._on_print_failed)

    def _on_pdf_ready(self, pdf: bytes) -> None:
        self._set_busy(False)
        title, file_name, copies = self._preview_details
        preview = pdf_preview(
            self, self._services, pdf, title=title, file_name=file_name, copies=copies
        )
        preview.finished.connect(self._on_preview_closed)
        self._preview = preview
        preview.open()

    def _on_preview_closed(self, _result: int) -> None:
        self._preview = None
        self._after_preview()

    def _after_preview(self) -> None:
        """What follows the print preview."""

    def _on_print_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        show_error(self, exc)

    # == Qt ===========================================================================

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        first = self._first_field()
        if self.pages.currentIndex() == 0 and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self._busy:
            return
        if self.pages.currentWidget() is self.done_page:
            self.accept()
            return
        super().reject()
