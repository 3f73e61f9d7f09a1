"""The one-time recovery key dialog (hcc_desktop/ui/encryption/recovery.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hcc_desktop.ui.encryption.recovery import RecoveryKeyDialog

KEY = "U4C7-6LIW-HK5F-WZS3-KVKU-HJWD-CW6A-3DQV-64VP-LWLS-MTZO-JLTS-Z4YQ"


def test_the_dialog_shows_the_key_and_goes_only_once_confirmed(qtbot: QtBot) -> None:
    dialog = RecoveryKeyDialog(KEY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.key_field.text() == KEY
    assert dialog.key_field.isReadOnly()
    assert not dialog.ok_button.isEnabled()
    # Escape, reject() and the window's close are all refused before the confirmation.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.accept()
    assert not dialog.close()
    assert dialog.isVisible()
    assert dialog.result() == 0
    dialog.confirm.setChecked(True)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
