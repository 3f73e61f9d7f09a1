"""Export of the dossier tracking book (Sổ theo dõi hồ sơ, Mẫu 07).

The officer picks a period and a format (PDF to print, or an .xlsx workbook),
chooses where to save it; the book is produced on the task runner and a PDF
then opens in print preview.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.clock import local_today
from hcc_desktop.services import Services
from hcc_desktop.services.printing import PrintService
from hcc_desktop.ui.common import dialog_parts as parts
from hcc_desktop.ui.common.dialog_parts import DIALOG_STYLESHEET, FieldErrors
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

PDF, XLSX = "pdf", "xlsx"
LAST_DIR_KEY = "paths/book_dir"


def export_book(
    services: Services, start: date, end: date, fmt: str, path: Path
) -> tuple[Path, bytes]:
    """Worker side: render the book and write it atomically to ``path``."""
    if fmt == XLSX:
        data = services.printing.tracking_book_xlsx(start, end)
    else:
        data = services.printing.tracking_book_pdf(start, end)
    return PrintService.save(data, path), data


def _month_start(day: date) -> date:
    return day.replace(day=1)


class BookDialog(QDialog):
    """Choose a period and a format, save the book, preview a PDF."""

    exported = Signal(str)  # the path written

    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._busy = False
        self._preview: PdfPreviewDialog | None = None
        self.setWindowTitle(self.tr("Dossier tracking book (Form 07)"))
        self.setStyleSheet(DIALOG_STYLESHEET)
        self._build()
        self.this_month()
        fit_to_screen(self, self.sizeHint().expandedTo(QSize(560, 0)))

    def _build(self) -> None:
        heading = parts.heading_label(self.tr("Dossier tracking book (Form 07)"))
        hint = parts.hint_label(
            self.tr(
                "One row per dossier received in the period: code, procedure, applicant, "
                "received, appointment, returned, officer, collector."
            )
        )

        self.general = parts.error_box()
        self.errors = FieldErrors(self.general)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._clear_period_errors)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        # The core names the period's ends "from"/"to" (or "start"/"end").
        self.start_message = self.errors.add("from", self.start)
        self.end_message = self.errors.add("to", self.end)
        self.errors.add("start", self.start, label=self.start_message)
        self.errors.add("end", self.end, label=self.end_message)

        self.today_button = QPushButton(self.tr("Today"))
        self.month_button = QPushButton(self.tr("This month"))
        self.last_month_button = QPushButton(self.tr("Last month"))
        presets = QHBoxLayout()
        presets.setContentsMargins(0, 0, 0, 0)
        for b in (self.today_button, self.month_button, self.last_month_button):
            b.setAutoDefault(False)
            presets.addWidget(b)
        presets.addStretch(1)
        self.today_button.clicked.connect(self.today)
        self.month_button.clicked.connect(self.this_month)
        self.last_month_button.clicked.connect(self.last_month)

        self.pdf_radio = QRadioButton(self.tr("&PDF (to print and sign)"))
        self.xlsx_radio = QRadioButton(self.tr("&Excel workbook (.xlsx)"))
        self.formats = QButtonGroup(self)
        self.formats.addButton(self.pdf_radio)
        self.formats.addButton(self.xlsx_radio)
        self.pdf_radio.setChecked(True)
        formats = QHBoxLayout()
        formats.setContentsMargins(0, 0, 0, 0)
        formats.addWidget(self.pdf_radio)
        formats.addWidget(self.xlsx_radio)
        formats.addStretch(1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        start_label = QLabel(self.tr("&From"))
        start_label.setBuddy(self.start)
        end_label = QLabel(self.tr("&To"))
        end_label.setBuddy(self.end)
        form.addRow(start_label, parts.boxed(self.start, self.start_message))
        form.addRow(end_label, parts.boxed(self.end, self.end_message))
        preset_box = QWidget()
        preset_box.setLayout(presets)
        form.addRow("", preset_box)
        format_box = QWidget()
        format_box.setLayout(formats)
        form.addRow(self.tr("Format"), format_box)

        self.saved_message = parts.done_label()
        self.saved_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_message.hide()

        self.export_button = parts.dialog_button(
            self.tr("E&xport…"),
            self.tr("Choose where to save the book"),
            primary=True,
            min_width=130,
        )
        self.close_button = parts.dialog_button(self.tr("Close"), self.tr("Close (Esc)"))
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        buttons = parts.button_row(self.export_button, self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.saved_message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self._chain: list[QWidget] = [
            self.start,
            self.end,
            self.today_button,
            self.month_button,
            self.last_month_button,
            self.pdf_radio,
            self.xlsx_radio,
            self.export_button,
            self.close_button,
        ]
        parts.set_tab_chain(self._chain)

    # == period ======================================================================

    def set_period(self, start: date, end: date) -> None:
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))

    def period(self) -> tuple[date, date]:
        start = self.start.date().toPython()
        end = self.end.date().toPython()
        assert isinstance(start, date)
        assert isinstance(end, date)
        return start, end

    def today(self) -> None:
        today = local_today()
        self.set_period(today, today)

    def this_month(self) -> None:
        today = local_today()
        self.set_period(_month_start(today), today)

    def last_month(self) -> None:
        end = _month_start(local_today()) - timedelta(days=1)
        self.set_period(_month_start(end), end)

    def format(self) -> str:
        return XLSX if self.xlsx_radio.isChecked() else PDF

    def set_format(self, fmt: str) -> None:
        (self.xlsx_radio if fmt == XLSX else self.pdf_radio).setChecked(True)

    def _clear_period_errors(self, *_args: object) -> None:
        self.errors.clear("from")
        self.errors.clear("to")

    # == export ======================================================================

    def suggested_name(self) -> str:
        start, end = self.period()
        return f"So-theo-doi-ho-so_{start:%Y%m%d}-{end:%Y%m%d}.{self.format()}"

    def export(self) -> None:
        """Ask where to save, then export."""
        if self._busy:
            return
        folder = str(QSettings().value(LAST_DIR_KEY, "") or "")
        name = self.suggested_name()
        pdf = self.format() == PDF
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the tracking book"),
            str(Path(folder) / name) if folder else name,
            self.tr("PDF documents (*.pdf)") if pdf else self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{self.format()}":
            target = target.with_name(f"{target.name}.{self.format()}")
        QSettings().setValue(LAST_DIR_KEY, str(target.parent))
        self.export_to(target)

    def export_to(self, path: Path, fmt: str | None = None) -> None:
        """Produce the book for the chosen period into ``path`` (on the task runner)."""
        if self._busy:
            return
        if fmt is not None:
            self.set_format(fmt)
        self.errors.clear_all()
        self.saved_message.hide()
        start, end = self.period()
        self._set_busy(True)
        self._runner.run(
            export_book,
            self._services,
            start,
            end,
            self.format(),
            Path(path),
            on_done=self._on_exported,
            on_error=self._on_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.export_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _on_exported(self, result: tuple[Path, bytes]) -> None:
        self._set_busy(False)
        path, data = result
        self.saved_message.setText(self.tr("✔ Saved to {path}").format(path=parts.esc(str(path))))
        self.saved_message.show()
        self.exported.emit(str(path))
        if path.suffix.lower() == ".pdf":
            start, end = self.period()
            preview = parts.pdf_preview(
                self,
                self._services,
                data,
                title=self.tr("Dossier tracking book {start} – {end}").format(
                    start=f"{start:%d/%m/%Y}", end=f"{end:%d/%m/%Y}"
                ),
                file_name=path.name,
            )
            preview.destroyed.connect(self._on_preview_destroyed)
            self._preview = preview
            preview.open()

    def _on_preview_destroyed(self, *_args: object) -> None:
        self._preview = None

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.errors.report(self, exc, self._chain)

    # == accessors ===================================================================

    def last_preview(self) -> PdfPreviewDialog | None:
        return self._preview

    def is_busy(self) -> bool:
        return self._busy

    def period_error(self) -> str:
        return " ".join(m.text() for m in (self.start_message, self.end_message) if m.isVisible())

    def general_message(self) -> str:
        return self.errors.general_message()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self._busy:
            return
        super().reject()
