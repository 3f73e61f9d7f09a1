"""Issue 9, item 13: the main lists at 1366×768, and Enter in editable combo boxes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action, Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.common.table_models import Column
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
COPY_CERTIFICATION = "2.000815"


@pytest.fixture
def window(qtbot: QtBot, services: Services, runner: TaskRunner) -> Iterator[MainWindow]:
    w = MainWindow(services, runner)
    show_active(qtbot, w)
    yield w
    for dialog in w.open_dialogs():
        dialog.close()


def test_main_list_shows_short_names_without_horizontal_scrolling_at_1366x768(
    qtbot: QtBot, window: MainWindow, accept_dossier: AcceptDossier
) -> None:
    accept_dossier(procedure_code=COPY_CERTIFICATION)
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.width() == 1366)
    table = window.table
    index = window.model.index(0, Column.PROCEDURE)
    text = window.model.data(index)
    assert text == "Chứng thực bản sao"
    assert "cơ quan, tổ chức" in window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible())
    assert table.horizontalScrollBar().maximum() == 0
    # The procedure column has the room its short names need.
    needed = table.fontMetrics().horizontalAdvance("Cấp GCN quyền sử dụng đất lần đầu")
    assert table.columnWidth(Column.PROCEDURE) >= needed
