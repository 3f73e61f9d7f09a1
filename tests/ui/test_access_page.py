"""The access-log page (issue 12 item 4): the leader sees it and exports a citizen's
data from it; a counter officer neither sees the action nor reads the log."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from hcc_desktop.core.accounts import Role
from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
from hcc_desktop.ui.access.page import AccessLogDialog
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.main_window import MainWindow


def _as(services: Services, user: str, role: Role) -> None:
    services.accounts.add(user_name=user, password="mat-khau-" + user, role=role)
    services.accounts.authenticate(user, "mat-khau-" + user)


def test_the_leader_sees_the_page_filters_and_exports(
    qtbot: QtBot,
    services: Services,
    runner: TaskRunner,
    accept_dossier: Callable[..., Dossier],
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    d = accept_dossier()
    services.access.opened(d)
    _as(services, "ba", Role.LEADER)
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    assert w.access_log_action.isVisible()
    dialog = w.open_access_log()
    assert isinstance(dialog, AccessLogDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    assert dialog.model.item(0).dossier_code == d.code
    dialog.id_number.setText("079203009999")
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    out = tmp_path / "cong-dan.zip"
    dialog.export_to(d.owner.id_number, str(out))
    qtbot.waitUntil(lambda: out.exists())
    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("citizen.json"))["dossiers"][0]["code"] == d.code
    dialog.id_number.setText(d.owner.id_number)
    dialog.action.setCurrentIndex(dialog.action.findData("export"))
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.item(0).officer == "ba"
    dialog.grab().save(str(tmp_path / "access.png"))


def test_a_counter_officer_neither_sees_nor_reads_it(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: Callable[..., Dossier]
) -> None:
    accept_dossier()
    _as(services, "an", Role.COUNTER)
    w = MainWindow(services, runner)
    qtbot.addWidget(w)
    assert not w.access_log_action.isVisible()
    assert not w.access_log_action.isEnabled()
    # Opened anyway (a shortcut, a script): the service refuses, the page says why.
    dialog = AccessLogDialog(services, runner)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "lãnh đạo" in dialog.status.text() or "leader" in dialog.status.text())
    assert dialog.model.rowCount() == 0


def test_opening_the_dossier_window_is_logged(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: Callable[..., Dossier]
) -> None:
    from hcc_desktop.ui.dossier.dialog import DossierDialog

    d = accept_dossier()
    dialog = DossierDialog(services, runner, d.code)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading)
    entries = services.access.entries()
    assert [(e.action, e.dossier_code) for e in entries] == [("open", d.code)]


def test_the_dossier_window_offers_the_export_to_the_leader_only(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: Callable[..., Dossier]
) -> None:
    from hcc_desktop.ui.dossier.dialog import DossierDialog

    d = accept_dossier()
    services.accounts.add(user_name="an", password="mat-khau-an", role=Role.COUNTER)
    _as(services, "ba", Role.LEADER)
    leader_view = DossierDialog(services, runner, d.code)
    qtbot.addWidget(leader_view)
    assert not leader_view.citizen_export_button.isHidden()
    services.accounts.authenticate("an", "mat-khau-an")
    counter_view = DossierDialog(services, runner, d.code)
    qtbot.addWidget(counter_view)
    assert counter_view.citizen_export_button.isHidden()
    qtbot.waitUntil(lambda: not leader_view.loading and not counter_view.loading)
