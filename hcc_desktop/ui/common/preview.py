"""Print preview of a PDF slip: look, print (with copies), save."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPageSize, QPainter, QPalette, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.errors import HccError
from hcc_desktop.services.printing import PrintService
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.screen import fit_to_screen
from hcc_desktop.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)

# Pages are rasterised for printing; above this resolution the image of an A4
# page would take hundreds of megabytes for no visible gain on a slip.
MAX_RENDER_DPI = 300
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 5.0
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|]+')


def safe_file_name(name: str) -> str:
    """A file name without the characters Windows refuses."""
    cleaned = _UNSAFE_FILE_CHARS.sub("-", name).strip(" .")
    return cleaned or "document"


class PdfPreviewDialog(QDialog):
    """Shows PDF bytes page by page and prints or saves them.

    ``copies`` presets the print dialog (Mẫu 01 is printed in two copies);
    ``printer_name`` is preselected when that printer exists; ``file_name`` is
    the suggested name when saving (default: the title).
    """

    printed = Signal(int)  # number of pages sent to the printer
    saved = Signal(str)  # path written

    def __init__(
        self,
        pdf: bytes,
        *,
        title: str,
        copies: int = 2,
        printer_name: str = "",
        file_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._pdf = bytes(pdf)
        self._title = title
        self._copies = max(1, copies)
        self._printer_name = printer_name
        name = file_name or title
        self._file_name = safe_file_name(name if name.lower().endswith(".pdf") else name + ".pdf")

        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument(self)
        if self._pdf:
            self._document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self._document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        palette = self.view.palette()
        palette.setColor(QPalette.ColorRole.Dark, QColor("#7d838a"))
        self.view.setPalette(palette)

        self.zoom_out_button = self._tool_button(
            self.tr("− Zoom out"), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.zoom_in_button = self._tool_button(
            self.tr("+ Zoom in"), QKeySequence.StandardKey.ZoomIn
        )
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit &width"))
        self.fit_button.setToolTip(self.tr("Fit the page to the window width (Ctrl+0)"))
        self.fit_button.clicked.connect(self.fit_width)
        QShortcut(QKeySequence("Ctrl+0"), self).activated.connect(self.fit_width)
        self.pages_label = QLabel()

        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_button)
        tools.addStretch(1)
        tools.addWidget(self.pages_label)

        self.print_button = QPushButton(self.tr("&Print… (Ctrl+P)"))
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(820, 900))

        if self._pdf:
            self._show_document()
        else:
            # Opened before its document (read on the task runner): set_pdf fills it.
            self.pages_label.setText(self.tr("Loading…"))
            self.print_button.setEnabled(False)
            self.save_button.setEnabled(False)
        self.print_button.setFocus()

    def _show_document(self) -> None:
        ok = self._document.status() == QPdfDocument.Status.Ready and self.page_count() > 0
        if ok:
            self.pages_label.setText(self.tr("{count} page(s)").format(count=self.page_count()))
        else:
            log.error("PDF preview cannot load the document: %s", self._document.error())
            self.pages_label.setText(self.tr("The document cannot be displayed"))
        self.print_button.setEnabled(ok)
        self.save_button.setEnabled(True)

    def read_failed(self, exc: BaseException) -> None:
        """The document could not be read (set_pdf will not come): close, and say why."""
        parent = self.parentWidget()
        self.close()
        if not isinstance(exc, HccError):
            raise exc
        show_error(parent, exc, log_it=False)

    def set_pdf(self, pdf: bytes) -> None:
        """The document of a preview opened while it was being read (empty ``pdf``)."""
        self._pdf = bytes(pdf)
        self._document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document.load(self._buffer)
        self._show_document()
        self.print_button.setFocus()

    def _tool_button(self, text: str, key: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setShortcut(key)
        button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
        button.setMinimumWidth(32)
        return button

    # -- for callers and tests -------------------------------------------------

    def document(self) -> QPdfDocument:
        return self._document

    def page_count(self) -> int:
        return self._document.pageCount()

    def pdf_bytes(self) -> bytes:
        return self._pdf

    @property
    def copies(self) -> int:
        return self._copies

    @property
    def suggested_file_name(self) -> str:
        return self._file_name

    # -- zoom ------------------------------------------------------------------

    def _effective_zoom(self) -> float:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.page_count() == 0:
            return self.view.zoomFactor()
        page_width_px = self._document.pagePointSize(0).width() * self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(MIN_ZOOM, usable / page_width_px) if page_width_px > 0 else 1.0

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, factor)))

    def zoom_in(self) -> None:
        self._set_zoom(self._effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    # -- printing --------------------------------------------------------------

    def _make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self._printer_name and self._printer_name in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(self._printer_name)
        printer.setDocName(self._title)
        printer.setCopyCount(self._copies)
        printer.setCollateCopies(True)
        if self.page_count() > 0:
            size = self._document.pagePointSize(0)
            printer.setPageSize(
                QPageSize(
                    QSizeF(size.width(), size.height()),
                    QPageSize.Unit.Point,
                    "",
                    QPageSize.SizeMatchPolicy.FuzzyMatch,
                )
            )
        # The PDF carries its own margins; mapping it 1:1 onto the paper keeps
        # the legal form at its true scale.
        printer.setFullPage(True)
        return printer

    def print_document(self) -> None:
        """Ask for the printer (copies preset) and print."""
        if self.page_count() == 0:
            return
        printer = self._make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self._title))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = self.print_to(printer)
        except Exception as exc:
            show_error(self, exc)
            return
        if pages == 0:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("The printer could not be started.")
            )

    def print_to(self, printer: QPrinter) -> int:
        """Render every page onto ``printer``; returns the number of pages sent.

        When the printer cannot make copies itself (no CUPS, PDF output) the
        document is sent ``copyCount()`` times.
        """
        count = self.page_count()
        if count == 0:
            return 0
        copies = max(1, printer.copyCount())
        runs = 1 if printer.supportsMultipleCopies() else copies
        resolution = printer.resolution()
        dpi = min(resolution, MAX_RENDER_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        sent = 0
        try:
            for run in range(runs):
                for page in range(count):
                    if run or page:
                        printer.newPage()
                    size = self._document.pagePointSize(page)
                    image = self._document.render(
                        page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                    )
                    target = QRectF(
                        0, 0, size.width() * resolution / 72, size.height() * resolution / 72
                    )
                    painter.drawImage(target, image)
                    sent += 1
        finally:
            painter.end()
        self.printed.emit(sent)
        return sent

    # -- saving ----------------------------------------------------------------

    def save_pdf(self) -> Path | None:
        """Ask where to save and write the PDF atomically; returns the path."""
        settings = QSettings()
        folder = str(settings.value("paths/pdf_dir", "") or "")
        suggested = str(Path(folder) / self._file_name) if folder else self._file_name
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), suggested, self.tr("PDF documents (*.pdf)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            PrintService.save(self._pdf, target)
        except HccError as exc:
            show_error(self, exc)
            return None
        settings.setValue("paths/pdf_dir", str(target.parent))
        self.saved.emit(str(target))
        return target


def open_preview_read_by(
    parent: QWidget,
    runner: TaskRunner,
    read: Callable[..., bytes],
    *args: Any,
    title: str,
    copies: int = 1,
) -> PdfPreviewDialog:
    """Open a preview at once, "loading", of the document ``read(*args)`` returns on
    the task runner (a stored scan: read and decrypted off the GUI thread); deleted
    when closed."""
    dialog = PdfPreviewDialog(b"", title=title, copies=copies, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    runner.run(read, *args, on_done=dialog.set_pdf, on_error=dialog.read_failed)
    return dialog
