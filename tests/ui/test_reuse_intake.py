"""Reuse at intake: the second dossier of the same identity number is offered
the first one's scans, with a preview; taking one marks the paper reused and
links the file."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hcc_desktop.services import Services
from hcc_desktop.services.dossiers.intake import ComponentInput
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.intake.dialog import IntakeDialog
from tests.scan_pages import write_pages
from tests.ui.conftest import birth_draft, show_active
from tests.ui.test_intake_dialog import BIRTH, CCCD, fill_applicant, open_preview

PAPER = "1.001193-02"


@pytest.fixture
def dialog(qtbot: QtBot, services: Services, runner: TaskRunner) -> Iterator[IntakeDialog]:
    d = IntakeDialog(services, runner)
    show_active(qtbot, d)
    qtbot.waitUntil(lambda: not d.loading_catalog)  # the finder's catalog: read on the runner
    yield d
    d.reset_form()


def _first_dossier(services: Services, tmp_path: Path) -> tuple[str, str]:
    draft = birth_draft(id_number=CCCD, date_of_birth="15/03/2003")
    draft = replace(draft, components=(ComponentInput("1.001193-01"), ComponentInput(PAPER)))
    first = services.intake.accept(draft)
    info = services.attachments.attach(
        dossier=first.code, component=PAPER, sources=write_pages(tmp_path, 1)
    )
    return first.code, info.sha256


def test_held_scans_are_offered_previewed_and_reused(
    qtbot: QtBot,
    dialog: IntakeDialog,
    services: Services,
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    first_code, sha = _first_dossier(services, tmp_path)
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    fill_applicant(dialog)
    qtbot.waitUntil(lambda: dialog.reuse.widget.isVisibleTo(dialog), timeout=10_000)
    (offer,) = dialog.reuse.offers()
    assert offer.component_id == PAPER
    assert [(d.sha256, d.dossier_code) for d in offer.matching] == [(sha, first_code)]

    picker = dialog.reuse.open_dialog()
    qtbot.addWidget(picker)
    picker.select(PAPER, sha)
    preview = picker.preview_selected()
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count() == 1)  # read on the task runner
    preview.reject()
    picker.use_selected()
    picker.accept()
    model = dialog.checklist_model
    row = next(i for i, r in enumerate(model.rows()) if r.component_id == PAPER)
    assert model.row(row).reused
    assert model.row(row).ticked
    if not model.row(0).ticked:
        model.toggle_tick(0)

    with qtbot.waitSignal(dialog.dossier_accepted, timeout=10_000) as accepted:
        dialog.accept_button.click()
    second = accepted.args[0]
    assert runner.wait_idle(20_000)
    qtbot.waitUntil(lambda: bool(services.attachments.of_dossier(second.code)), timeout=10_000)
    (linked,) = services.attachments.of_dossier(second.code)
    assert (linked.kind, linked.sha256, linked.component_id) == ("reused", sha, PAPER)
    comp = next(c for c in services.dossiers.get(second.code).components if c.component_id == PAPER)
    assert comp.reused_digital
    open_preview(qtbot, dialog).reject()


def test_another_citizen_is_offered_nothing(
    qtbot: QtBot, dialog: IntakeDialog, services: Services, runner: TaskRunner, tmp_path: Path
) -> None:
    _first_dossier(services, tmp_path)
    dialog.choose_procedure(BIRTH)
    dialog._runner.wait_idle()  # the catalog is read on the task runner
    fill_applicant(dialog)
    dialog.applicant.id_number.setText("001099000001")
    dialog.reuse.look_up()
    assert runner.wait_idle(10_000)
    assert not dialog.reuse.widget.isVisibleTo(dialog)
    assert dialog.reuse.offers() == []
