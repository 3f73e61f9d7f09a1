"""Every word the officer sees is Vietnamese (issue 9, item 11).

Each window and dialog is opened in Vietnamese and every text a person can read
is collected (labels, buttons, tooltips, placeholders, titles, tabs, group
boxes, menus and actions, table headers, combo box items); a text made of
common English words fails. Qt's own strings (standard buttons, the line edit's
context menu, the message box's details button, the non-native file dialog)
come from our qtbase_vi translation, since Qt ships none for Vietnamese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action
from hcc_desktop.core.errors import CatalogError, CatalogIssue, SyncError
from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.lifecycle import TransitionInput
from hcc_desktop.ui.common.i18n import qt_translation_file
from hcc_desktop.ui.common.messages import error_message
from hcc_desktop.ui.common.preview import PdfPreviewDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.apology import ApologyDialog
from hcc_desktop.ui.dossier.dialog import DossierDialog
from hcc_desktop.ui.dossier.rating import RatingDialog
from hcc_desktop.ui.dossier.return_dialog import ReturnDialog
from hcc_desktop.ui.dossier.transition import TransitionDialog
from hcc_desktop.ui.intake.dialog import IntakeDialog
from hcc_desktop.ui.main_window import MainWindow
from hcc_desktop.ui.settings.dialog import SettingsDialog
from hcc_desktop.ui.sync.controller import SyncController, sync_error_text
from hcc_desktop.ui.sync.dialog import SyncDialog
from hcc_desktop.ui.worklists.book import BookDialog
from tests.ui.conftest import AcceptDossier

# Common English words that are not also Vietnamese words written without marks
# ("in", "do", "an", "to", "con", "ban" are Vietnamese, so they are not listed).


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH = _words(
    """
    the and of is are not was were be been this that these those with from for into
    your you our their which what when where who how there here will would should can
    cannot could file files open save cancel close yes apply reset help discard abort
    retry ignore name date search select all copy paste undo redo delete new folder
    back forward view details detail show hide type size look none today status
    officer sync server device list add remove edit refresh export import about quit
    exit time day days done next previous finish warning information question loading
    please unknown settings dossier dossiers procedure procedures print receipt
    error errors address phone gender male female birth number code unit book report
    reason result results received due overdue late send sent pending conflict
    conflicts register registered never last keep local version page pages copies
    choose drive directory computer modified kind parent recent places sidebar step
    up down more less other others only also each every some any
    """
)
# Names, abbreviations, formats and key names that are the same in Vietnamese.
ALLOWED = _words(
    """
    hcc desktop pdf qr cccd cmnd a4 a5 excel xlsx json url http https www gov vn email
    e-mail ok id zalo vneid dd mm yyyy hh ctrl shift alt esc enter tab del f1 f2 f3 f4
    f5 f6 f7 f8 f9 f10 f11 f12 pgup pgdown
    """
)
_TAGS = re.compile(r"<[^>]+>")
_PLACEHOLDER = re.compile(r"\{\w*\}|%\d|&(?=\w)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def english_words(text: str) -> list[str]:
    """The common English words in a text (mnemonics, tags and shortcuts removed)."""
    plain = _PLACEHOLDER.sub("", _TAGS.sub(" ", text.split("\t")[0]))
    return [w for w in _WORD.findall(plain) if w.lower() in ENGLISH and w.lower() not in ALLOWED]


def is_english(text: str) -> bool:
    return bool(english_words(text))


def _model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model: no header
        return
    for section in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every text of ``root`` and its children a person can read."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        where = f"{type(w).__name__} {w.objectName()}".strip()
        if w.isWindow():
            yield where + " title", w.windowTitle()
        yield where + " tooltip", w.toolTip()
        yield where + " what's this", w.whatsThis()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where + " placeholder", w.placeholderText()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where + " tab", w.tabText(i)
                yield where + " tab tooltip", w.tabToolTip(i)
        elif isinstance(w, QComboBox):
            yield where + " placeholder", w.placeholderText()
            for i in range(w.count()):
                yield where + " item", w.itemText(i)
        elif isinstance(w, QSpinBox):
            yield where + " suffix", w.suffix()
            yield where + " prefix", w.prefix()
            yield where + " special", w.specialValueText()
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            for text in _model_texts(w.model()):
                yield where + " header", text
        for action in w.actions():
            yield where + " action", action.text()
            yield where + " action tooltip", action.toolTip()
            yield where + " action status tip", action.statusTip()
            menu = action.menu()
            if isinstance(menu, QMenu):
                yield where + " menu", menu.title()
                for sub in menu.actions():
                    yield where + " menu action", sub.text()


def assert_vietnamese(root: QWidget) -> None:
    english = sorted(
        {f"{where}: {text!r}" for where, text in visible_texts(root) if text and is_english(text)}
    )
    assert english == [], "English text in the Vietnamese interface"


# -- the heuristic itself -----------------------------------------------------------------


def test_the_heuristic_tells_english_from_vietnamese() -> None:
    assert is_english("Cancel")
    assert is_english("&Open the file")
    assert is_english("Show Details...")
    assert not is_english("Hủy")
    assert not is_english("In giấy tiếp nhận (A4)")  # "in" is Vietnamese
    assert not is_english("Mã hồ sơ: 000.17.22.H56-261120-0001")
    assert not is_english("Xuất tệp PDF {count}")


# -- Qt's own strings -----------------------------------------------------------------------


def test_our_translation_of_qt_is_shipped() -> None:
    assert qt_translation_file("vi").exists()


STANDARD = {
    QDialogButtonBox.StandardButton.Ok: "Đồng ý",
    QDialogButtonBox.StandardButton.Cancel: "Hủy",
    QDialogButtonBox.StandardButton.Save: "Lưu",
    QDialogButtonBox.StandardButton.Open: "Mở",
    QDialogButtonBox.StandardButton.Close: "Đóng",
    QDialogButtonBox.StandardButton.Yes: "&Có",
    QDialogButtonBox.StandardButton.No: "&Không",
    QDialogButtonBox.StandardButton.Apply: "Áp dụng",
    QDialogButtonBox.StandardButton.Reset: "Đặt lại",
    QDialogButtonBox.StandardButton.Discard: "Không lưu",
    QDialogButtonBox.StandardButton.Help: "Trợ giúp",
    QDialogButtonBox.StandardButton.RestoreDefaults: "Khôi phục mặc định",
}


def test_standard_buttons_speak_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    box = QDialogButtonBox()
    qtbot.addWidget(box)
    for which in STANDARD:
        box.addButton(which)
    texts = {which: box.button(which).text() for which in STANDARD}
    assert texts == STANDARD


def test_line_edit_and_spin_box_context_menus_speak_vietnamese(
    qtbot: QtBot, vietnamese: None
) -> None:
    edit = QLineEdit("Nguyễn Văn An")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[:7] == ["&Hoàn tác", "&Làm lại", "&Cắt", "Sao &chép", "&Dán", "Xóa", "Chọn tất cả"]
    plain = QTextEdit()
    qtbot.addWidget(plain)
    plain.setPlainText("Khu phố 1")
    text_menu = plain.createStandardContextMenu()
    assert text_menu is not None
    words = [a.text() for a in text_menu.actions() if not a.isSeparator()]
    assert words
    assert not [w for w in words if is_english(w)]


def test_message_box_details_button_speaks_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Lỗi", "Không lưu được")
    qtbot.addWidget(box)
    box.setDetailedText("Traceback …")
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    assert "Xem chi tiết…" in texts
    assert "Đồng ý" in texts
    assert "Hủy" in texts


def test_qt_file_dialog_speaks_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    """Where the platform has no native file dialog, Qt's own is used: in Vietnamese."""
    dialog = QFileDialog(None, "Chọn tệp danh mục", "", "Tệp danh mục (*.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tìm t&rong:", "&Tên tệp:", "&Loại tệp:"} <= labels
    tips = {button.toolTip() for button in dialog.findChildren(QAbstractButton)}
    assert {"Quay lại", "Tiếp", "Thư mục cha", "Tạo thư mục mới"} <= tips
    assert_vietnamese(dialog)


# -- the program's windows and dialogs ---------------------------------------------------


def test_main_window_has_no_english(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner
) -> None:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    assert_vietnamese(window)


def test_the_walk_reads_the_texts(qtbot: QtBot, services: Services, runner: TaskRunner) -> None:
    """Without the translation the same walk finds English: it does see the texts."""
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    texts = [text for _where, text in visible_texts(window) if text]
    assert len(texts) > 40
    assert len([t for t in texts if is_english(t)]) > 20


def test_dialogs_have_no_english(
    qtbot: QtBot,
    vietnamese: None,
    services: Services,
    runner: TaskRunner,
    accept_dossier: AcceptDossier,
) -> None:
    dossier = accept_dossier()
    processed = accept_dossier()
    services.lifecycle.transition(
        processed.id, Action.HANDOVER, details=TransitionInput(receiver="Lê Văn Cường")
    )
    services.lifecycle.transition(processed.id, Action.FINISH)
    controller = SyncController(services, runner, watch_network=False)
    dialogs: list[QWidget] = [
        IntakeDialog(services, runner),
        SettingsDialog(services, runner=runner),
        DossierDialog(services, runner, dossier.id),
        ApologyDialog(services, runner, dossier.id),
        ReturnDialog(services, runner, processed.code),
        RatingDialog(services, runner, processed.id),
        BookDialog(services, runner),
        SyncDialog(controller),
        PdfPreviewDialog(b"not a pdf", title="Giấy tiếp nhận"),
        *(TransitionDialog(services, runner, dossier.id, action) for action in (Action.HANDOVER,)),
    ]
    # What the dialogs read on the task runner (the dossier for its title, the
    # settings, the calendar) is shown before they are looked at, however loaded
    # the machine.
    assert runner.wait_idle(10_000)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert_vietnamese(dialog)


# -- error sentences the UI shows -------------------------------------------------------------


def test_catalog_import_errors_are_vietnamese_sentences(vietnamese: None) -> None:
    exc = CatalogError(
        [
            CatalogIssue(
                "empty",
                "components.name",
                procedure=3,
                procedure_code="1.001193",
                row=2,
                params={"min": 1},
                location="procedures.2.components.1.name",
            ),
            CatalogIssue("not_json", params={"line": 4, "column": 7}),
        ]
    )
    text = error_message(exc)
    assert "Thủ tục thứ 3 (mã 1.001193), giấy tờ thứ 2 – Tên giấy tờ đang để trống" in text
    assert "hãy điền vào" in text
    assert "Tệp không đúng định dạng JSON (dòng 4, cột 7)" in text
    assert "procedures.2" not in text
    assert not is_english(text)


@pytest.mark.parametrize("status", [404, 409, 418])
def test_sync_refusals_by_http_status_are_sentences(vietnamese: None, status: int) -> None:
    text = sync_error_text(SyncError("server_rejected", reason=f"http_{status}", detail=""))
    assert f"http_{status}" not in text
    assert f"máy chủ trả lời lỗi {status}" in text
    assert not is_english(text)


def test_an_unknown_refusal_reason_is_still_a_sentence(vietnamese: None) -> None:
    text = sync_error_text(SyncError("server_rejected", reason="quota_exceeded"))
    assert text.startswith("Máy chủ từ chối đồng bộ")
    assert "lý do mà chương trình không nhận biết được (quota_exceeded)" in text


def test_all_standard_buttons_of_the_app_speak_vietnamese(qtbot: QtBot, vietnamese: None) -> None:
    """The buttons of QMessageBox.question() & co. come from the same strings."""
    app = QApplication.instance()
    assert app is not None
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
    )
    assert not [b.text() for b in box.buttons() if is_english(b.text())]


def test_the_window_and_the_cli_share_one_source_per_message() -> None:
    """ui/common/messages.py holds no table of its own: the CLI cannot miss a code the UI has."""
    from hcc_desktop.core import messages as core_messages
    from hcc_desktop.ui.common import messages as ui_messages

    for name in ("FIELD_MESSAGES", "FIELD_SPECIFIC", "ERROR_MESSAGES", "FIELD_LABELS"):
        assert getattr(ui_messages, name) is getattr(core_messages, name), name
    from hcc_desktop.ui.sync import controller

    assert controller.REASONS is core_messages.REASONS


def test_file_dialogs_stay_native_where_the_platform_has_them() -> None:
    """Windows and desktop Linux show their own (Vietnamese) file dialogs; only where there
    is none does Qt's, translated above, appear. Nothing may force Qt's own."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "hcc_desktop" / "ui"
    forcing = [
        str(path.relative_to(ui))
        for path in sorted(ui.rglob("*.py"))
        if "DontUseNativeDialog" in path.read_text("utf-8")
    ]
    assert forcing == []
