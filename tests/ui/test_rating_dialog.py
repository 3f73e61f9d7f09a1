"""The satisfaction screen: big buttons a citizen can use, stored ratings."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from hcc_desktop.core.domain import Action, Dossier, Satisfaction
from hcc_desktop.services import Services
from hcc_desktop.ui.common.tasks import TaskRunner
from hcc_desktop.ui.dossier.dialog import DossierDialog
from hcc_desktop.ui.dossier.rating import RatingDialog
from tests.conftest import OFFICER
from tests.ui.conftest import show_active

AcceptDossier = Callable[..., Dossier]
WAIT = 10_000


@pytest.fixture
def processed(services: Services, accept_dossier: AcceptDossier) -> Dossier:
    dossier = accept_dossier()
    return services.lifecycle.transition(dossier.id, Action.FINISH)


@pytest.fixture
def rating(
    qtbot: QtBot, services: Services, runner: TaskRunner, processed: Dossier
) -> RatingDialog:
    dialog = RatingDialog(services, runner, processed.code)
    show_active(qtbot, dialog)
    return dialog


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_answers_are_large_buttons(rating: RatingDialog) -> None:
    for row in (rating.convenience, rating.overall):
        texts = [b.text() for b in row.buttons.values()]
        assert texts == ["Very satisfied", "Satisfied", "Not satisfied"]
        for button in row.buttons.values():
            assert button.height() >= 64
            assert not button.icon().isNull()
    assert rating.save_button.height() >= 48
    assert rating.convenience.first_button().hasFocus()


def test_clicking_the_big_buttons_and_saving_stores_the_rating(
    qtbot: QtBot, services: Services, processed: Dossier, rating: RatingDialog
) -> None:
    click(qtbot, rating.convenience.buttons[Satisfaction.VERY_SATISFIED])
    click(qtbot, rating.convenience.buttons[Satisfaction.SATISFIED])  # changed their mind
    click(qtbot, rating.overall.buttons[Satisfaction.VERY_SATISFIED])
    click(qtbot, rating.criteria["trips"].buttons[Satisfaction.VERY_SATISFIED])
    click(qtbot, rating.criteria["attitude"].buttons[Satisfaction.NOT_SATISFIED])
    rating.comment.setText("Cán bộ hướng dẫn tận tình")
    assert rating.convenience.value() is Satisfaction.SATISFIED
    assert not rating.convenience.buttons[Satisfaction.VERY_SATISFIED].isChecked()

    with qtbot.waitSignal(rating.rated, timeout=WAIT) as stored:
        click(qtbot, rating.save_button)

    ratings = services.lifecycle.ratings(processed.code)
    assert len(ratings) == 1
    r = ratings[0]
    assert stored.args == [r]
    assert r.convenience is Satisfaction.SATISFIED
    assert r.overall is Satisfaction.VERY_SATISFIED
    assert r.criteria == {"trips": 3, "attitude": 1}
    assert r.comment == "Cán bộ hướng dẫn tận tình"
    assert r.by_citizen is True
    assert r.rated_by == "citizen"
    assert rating.pages.currentWidget() is rating.done_page
    assert "Satisfied" in rating.thanks_detail.text()
    assert services.dossiers.timeline(processed.id)[-1].kind == "rated"


def test_the_officer_can_enter_the_answers_for_the_citizen(
    qtbot: QtBot, services: Services, processed: Dossier, rating: RatingDialog
) -> None:
    click(qtbot, rating.convenience.buttons[Satisfaction.NOT_SATISFIED])
    click(qtbot, rating.overall.buttons[Satisfaction.SATISFIED])
    rating.by_officer.setChecked(True)
    with qtbot.waitSignal(rating.rated, timeout=WAIT):
        qtbot.keyClick(rating, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (r,) = services.lifecycle.ratings(processed.id)
    assert r.by_citizen is False
    assert r.rated_by == OFFICER
    assert r.convenience is Satisfaction.NOT_SATISFIED


def test_both_questions_must_be_answered(
    qtbot: QtBot, services: Services, processed: Dossier, rating: RatingDialog
) -> None:
    click(qtbot, rating.overall.buttons[Satisfaction.SATISFIED])
    click(qtbot, rating.save_button)
    assert rating.convenience_message.isVisible()
    assert rating.convenience_message.text() == "Please choose one of the three answers"
    assert not rating.overall_message.isVisible()
    assert rating.convenience.first_button().hasFocus()
    assert services.lifecycle.ratings(processed.id) == []
    click(qtbot, rating.convenience.buttons[Satisfaction.VERY_SATISFIED])
    assert not rating.convenience_message.isVisible()


def test_an_optional_criterion_can_be_cleared_but_a_question_cannot(
    qtbot: QtBot, rating: RatingDialog
) -> None:
    row = rating.criteria["time"]
    click(qtbot, row.buttons[Satisfaction.SATISFIED])
    assert row.value() is Satisfaction.SATISFIED
    click(qtbot, row.buttons[Satisfaction.SATISFIED])
    assert row.value() is None
    assert rating.chosen_criteria() == {}
    click(qtbot, rating.overall.buttons[Satisfaction.SATISFIED])
    click(qtbot, rating.overall.buttons[Satisfaction.SATISFIED])
    assert rating.overall.value() is Satisfaction.SATISFIED


def test_a_dossier_not_yet_processed_cannot_be_rated(
    qtbot: QtBot, services: Services, runner: TaskRunner, accept_dossier: AcceptDossier
) -> None:
    dossier = accept_dossier()
    dialog = RatingDialog(services, runner, dossier.id)
    show_active(qtbot, dialog)
    dialog.convenience.set_value(3)
    dialog.overall.set_value(3)
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(dialog.general.isVisible, timeout=WAIT)
    assert dossier.code in dialog.general.text()
    assert dialog.pages.currentWidget() is not dialog.done_page
    assert services.lifecycle.ratings(dossier.id) == []


def test_reachable_from_the_dossier_window(
    qtbot: QtBot, services: Services, runner: TaskRunner, processed: Dossier
) -> None:
    window = DossierDialog(services, runner, processed.id)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: not window.loading)
    assert window.rating_button.isVisible()
    click(qtbot, window.rating_button)
    (dialog,) = [d for d in window.open_dialogs() if isinstance(d, RatingDialog)]
    qtbot.waitExposed(dialog)
    dialog.convenience.set_value(Satisfaction.VERY_SATISFIED)
    dialog.overall.set_value(Satisfaction.VERY_SATISFIED)
    with qtbot.waitSignal(window.dossier_changed, timeout=WAIT):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not window.loading)  # the window re-reads on the runner
    assert window.timeline_model.events()[-1].kind == "rated"
    dialog.close()


def test_rating_screen_speaks_vietnamese(
    qtbot: QtBot, vietnamese: None, services: Services, runner: TaskRunner, processed: Dossier
) -> None:
    dialog = RatingDialog(services, runner, processed.id)
    qtbot.addWidget(dialog)
    texts = [b.text() for b in dialog.convenience.buttons.values()]
    assert texts == ["Rất hài lòng", "Hài lòng", "Không hài lòng"]
    assert dialog.save_button.text() == "&Lưu đánh giá"
    assert dialog.by_officer.text().startswith("Cán bộ &nhập thay")
