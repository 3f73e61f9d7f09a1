"""The satisfaction screen (DOMAIN §5): made for the citizen's hand.

The officer may turn the screen towards the citizen, who answers two
questions with large buttons (Rất hài lòng / Hài lòng / Không hài lòng),
optionally four criteria and a comment; or the officer enters the answers on
the citizen's behalf ("Cán bộ nhập thay"). Stored through the task runner.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.domain import Rating, Satisfaction
from hcc_desktop.ui.accounts.current import logged_in_name
from hcc_desktop.ui.common.dialog_parts import (
    DIALOG_STYLESHEET,
    DossierChangeDialog,
    add_submit_keys,
    esc,
    set_tab_chain,
)
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

LEVELS = (Satisfaction.VERY_SATISFIED, Satisfaction.SATISFIED, Satisfaction.NOT_SATISFIED)
COLORS = {
    Satisfaction.VERY_SATISFIED: "#2e7d32",
    Satisfaction.SATISFIED: "#1565c0",
    Satisfaction.NOT_SATISFIED: "#c62828",
}
BIG_BUTTON_HEIGHT = 76
SMALL_BUTTON_HEIGHT = 34
ICON_SIZE = 40
CONTEXT = "RatingDialog"

SATISFACTION_NAMES: dict[Satisfaction, str] = {
    Satisfaction.VERY_SATISFIED: QT_TRANSLATE_NOOP("RatingDialog", "Very satisfied"),
    Satisfaction.SATISFIED: QT_TRANSLATE_NOOP("RatingDialog", "Satisfied"),
    Satisfaction.NOT_SATISFIED: QT_TRANSLATE_NOOP("RatingDialog", "Not satisfied"),
}

# Optional criteria (RATING_CRITERIA of the service) and their answers, best first.
CRITERIA: tuple[tuple[str, str, tuple[str, str, str]], ...] = (
    (
        "time",
        QT_TRANSLATE_NOOP("RatingDialog", "Processing time compared with the rules"),
        (
            QT_TRANSLATE_NOOP("RatingDialog", "Earlier"),
            QT_TRANSLATE_NOOP("RatingDialog", "On time"),
            QT_TRANSLATE_NOOP("RatingDialog", "Late"),
        ),
    ),
    (
        "trips",
        QT_TRANSLATE_NOOP("RatingDialog", "Number of trips you had to make"),
        (
            QT_TRANSLATE_NOOP("RatingDialog", "No extra trip"),
            QT_TRANSLATE_NOOP("RatingDialog", "One extra trip"),
            QT_TRANSLATE_NOOP("RatingDialog", "Two or more"),
        ),
    ),
    (
        "attitude",
        QT_TRANSLATE_NOOP("RatingDialog", "Attitude of the officers"),
        (
            SATISFACTION_NAMES[Satisfaction.VERY_SATISFIED],
            SATISFACTION_NAMES[Satisfaction.SATISFIED],
            SATISFACTION_NAMES[Satisfaction.NOT_SATISFIED],
        ),
    ),
    (
        "publication",
        QT_TRANSLATE_NOOP("RatingDialog", "Publication of the procedure"),
        (
            QT_TRANSLATE_NOOP("RatingDialog", "Complete, easy to find"),
            QT_TRANSLATE_NOOP("RatingDialog", "Published"),
            QT_TRANSLATE_NOOP("RatingDialog", "Incomplete"),
        ),
    ),
)


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def satisfaction_name(value: Satisfaction | int) -> str:
    return _t(SATISFACTION_NAMES[Satisfaction(int(value))])


def face_pixmap(level: Satisfaction, color: str, size: int) -> QPixmap:
    """A plain drawn face: smiling, content or sad (no emoji font needed)."""
    ratio = 2.0  # sharp on high-DPI screens
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(size / 14)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    m = pen.widthF()
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    p.setBrush(QColor(color))
    r = size / 14
    for x in (size * 0.36, size * 0.64):
        p.drawEllipse(QPointF(x, size * 0.4), r, r)
    p.setBrush(Qt.BrushStyle.NoBrush)
    mouth = QRectF(size * 0.3, size * 0.42, size * 0.4, size * 0.32)
    if level is Satisfaction.VERY_SATISFIED:
        p.drawArc(mouth, 200 * 16, 140 * 16)
    elif level is Satisfaction.SATISFIED:
        p.drawLine(QPointF(size * 0.34, size * 0.68), QPointF(size * 0.66, size * 0.66))
    else:
        p.drawArc(QRectF(size * 0.3, size * 0.62, size * 0.4, size * 0.3), 20 * 16, 140 * 16)
    p.end()
    return pixmap


def face_icon(level: Satisfaction, size: int = ICON_SIZE) -> QIcon:
    icon = QIcon()
    icon.addPixmap(face_pixmap(level, COLORS[level], size), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(face_pixmap(level, "#ffffff", size), QIcon.Mode.Normal, QIcon.State.On)
    return icon


def _button_style(color: str, *, big: bool) -> str:
    radius = 10 if big else 4
    size = "15pt" if big else "10pt"
    weight = "bold" if big else "normal"
    return f"""
QPushButton {{
    border: 2px solid {color}; border-radius: {radius}px; background: #ffffff;
    color: {color}; font-size: {size}; font-weight: {weight}; padding: 4px 10px;
}}
QPushButton:hover {{ background: {color}1a; }}
QPushButton:checked {{ background: {color}; color: #ffffff; }}
QPushButton:focus {{ border: 3px solid #212121; }}
"""


class ChoiceRow(QWidget):
    """Three answers, at most one chosen; ``optional`` rows can be cleared by
    clicking the chosen answer again."""

    changed = Signal()

    def __init__(
        self,
        labels: tuple[str, str, str],
        *,
        big: bool,
        optional: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._optional = optional
        self.buttons: dict[Satisfaction, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12 if big else 4)
        for level, text in zip(LEVELS, labels, strict=True):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setStyleSheet(_button_style(COLORS[level], big=big))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if big:
                button.setIcon(face_icon(level))
                button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
                button.setFixedHeight(BIG_BUTTON_HEIGHT)
                button.setMinimumWidth(220)
            else:
                button.setFixedHeight(SMALL_BUTTON_HEIGHT)
                button.setMinimumWidth(110)
            button.clicked.connect(self._on_clicked)
            self.buttons[level] = button
            row.addWidget(button)

    def _on_clicked(self, checked: bool) -> None:
        sender = self.sender()
        for button in self.buttons.values():
            if button is not sender:
                button.setChecked(False)
        if not checked and not self._optional and isinstance(sender, QAbstractButton):
            sender.setChecked(True)
        self.changed.emit()

    def value(self) -> Satisfaction | None:
        return next((lv for lv, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: Satisfaction | int | None) -> None:
        for level, button in self.buttons.items():
            button.setChecked(value is not None and int(level) == int(value))

    def first_button(self) -> QPushButton:
        return self.buttons[LEVELS[0]]


class RatingDialog(DossierChangeDialog):
    """Rate dossier ``key`` (id or code)."""

    rated = Signal(object)  # the stored Rating

    # == building ====================================================================

    def _initial_size(self) -> QSize:
        return QSize(1100, 720)

    def _first_field(self) -> QWidget:
        return self.convenience.first_button()

    def _build(self) -> None:
        d = self._dossier
        self._rating: Rating | None = None
        self.setWindowTitle(self.tr("Satisfaction rating – dossier {code}").format(code=d.code))
        self.setStyleSheet(DIALOG_STYLESHEET + "QDialog { background: #fafafa; }")
        title = QLabel(self.tr("How satisfied are you?"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold; color: #0d47a1;")
        subtitle = QLabel(
            self.tr(
                "Dossier {code} – {procedure}.<br>Please tell us how you found the service: "
                "your answer helps us serve you better."
            ).format(code=esc(d.code), procedure=esc(d.procedure_name))
        )
        subtitle.setTextFormat(Qt.TextFormat.RichText)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("font-size: 11pt; color: #37474f;")

        names = (
            self.tr("Very satisfied"),
            self.tr("Satisfied"),
            self.tr("Not satisfied"),
        )
        self.convenience = ChoiceRow(names, big=True, optional=False)
        self.overall = ChoiceRow(names, big=True, optional=False)
        self.convenience_message = self.errors.add("convenience")
        self.overall_message = self.errors.add("overall")
        for message in (self.convenience_message, self.overall_message):
            # Read by the citizen too: as legible as the question.
            big = message.font()
            big.setPointSizeF(max(big.pointSizeF(), 9.0) * 1.25)
            big.setBold(True)
            message.setFont(big)

        def question(text: str) -> QLabel:
            label = QLabel(text)
            label.setStyleSheet("font-size: 13pt; font-weight: bold; color: #212121;")
            return label

        self.criteria: dict[str, ChoiceRow] = {}
        criteria_box = QGroupBox(self.tr("More details (optional)"))
        grid = QGridLayout(criteria_box)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, (name, label, answers) in enumerate(CRITERIA):
            text = QLabel(_t(label))
            text.setStyleSheet("font-size: 10.5pt;")
            best, middle, worst = (_t(a) for a in answers)
            row = ChoiceRow((best, middle, worst), big=False, optional=True)
            self.criteria[name] = row
            grid.addWidget(text, i, 0)
            grid.addWidget(row, i, 1)
        grid.setColumnStretch(1, 1)
        self.criteria_message = self.errors.add("criteria", group=True)
        grid.addWidget(self.criteria_message, len(CRITERIA), 0, 1, 2)

        self.comment = QLineEdit()
        self.comment.setMaxLength(2000)
        self.comment.setPlaceholderText(self.tr("Your suggestion, if any"))
        self.comment.setMinimumHeight(32)
        self.comment_message = self.errors.add("comment", self.comment)
        comment_label = QLabel(self.tr("&Comment (optional)"))
        comment_label.setBuddy(self.comment)

        officer = logged_in_name(self._services)
        self.by_officer = QCheckBox(
            self.tr("E&ntered by the officer for the citizen ({officer})").format(
                officer=officer or "—"
            )
        )
        self.save_button = QPushButton(self.tr("&Save the rating"))
        self.save_button.setMinimumSize(240, 56)
        self.save_button.setStyleSheet(
            "QPushButton { font-size: 14pt; font-weight: bold; background: #0d47a1;"
            " color: #ffffff; border-radius: 8px; padding: 6px 18px; }"
            "QPushButton:focus { border: 3px solid #212121; }"
            "QPushButton:disabled { background: #90a4ae; }"
        )
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button = QPushButton(self.tr("Close"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.setToolTip(self.tr("Close without rating (Esc)"))

        form_page = QWidget()
        v = QVBoxLayout(form_page)
        v.setContentsMargins(12, 8, 12, 8)
        v.setSpacing(6)
        v.addWidget(title)
        v.addWidget(subtitle)
        v.addSpacing(6)
        v.addWidget(question(self.tr("1. How convenient was it to carry out the procedure?")))
        v.addWidget(self.convenience)
        v.addWidget(self.convenience_message)
        v.addStretch(1)
        v.addWidget(question(self.tr("2. Overall, how satisfied are you?")))
        v.addWidget(self.overall)
        v.addWidget(self.overall_message)
        v.addStretch(1)
        v.addWidget(criteria_box)
        v.addStretch(1)
        v.addWidget(comment_label)
        v.addWidget(self.comment)
        v.addWidget(self.comment_message)
        v.addWidget(self.general)
        v.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.by_officer)
        bottom.addStretch(1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        v.addLayout(bottom)

        done_page = QWidget()
        self.thanks = QLabel(self.tr("Thank you for your rating!"))
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setStyleSheet("font-size: 24pt; font-weight: bold; color: #2e7d32;")
        self.thanks_detail = QLabel()
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail.setWordWrap(True)
        self.thanks_detail.setStyleSheet("font-size: 12pt; color: #37474f;")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setMinimumSize(200, 48)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        dv = QVBoxLayout(done_page)
        dv.addStretch(1)
        dv.addWidget(self.thanks)
        dv.addWidget(self.thanks_detail)
        dv.addSpacing(24)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addStretch(1)
        dv.addLayout(row)
        dv.addStretch(2)
        self.done_page = done_page

        self._stack_pages(form_page, done_page, margins=0)
        self._busy_widgets = [self.save_button]

        self.convenience.changed.connect(lambda: self.errors.clear("convenience"))
        self.overall.changed.connect(lambda: self.errors.clear("overall"))
        self.comment.textEdited.connect(lambda _t: self.errors.clear("comment"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        add_submit_keys(self, self.save)

        self._chain = [
            *self.convenience.buttons.values(),
            *self.overall.buttons.values(),
            *(b for r in self.criteria.values() for b in r.buttons.values()),
            self.comment,
            self.by_officer,
            self.cancel_button,
            self.save_button,
        ]
        set_tab_chain(self._chain)

    # == public accessors ============================================================

    def rating(self) -> Rating | None:
        return self._rating

    def chosen_criteria(self) -> dict[str, int]:
        return {
            name: int(value)
            for name, row in self.criteria.items()
            if (value := row.value()) is not None
        }

    # == saving ======================================================================

    def save(self) -> None:
        if not self._ready_to_store():
            return
        self.clear_errors()
        missing = [
            (row, message)
            for row, message in (
                (self.convenience, self.convenience_message),
                (self.overall, self.overall_message),
            )
            if row.value() is None
        ]
        for _row, message in missing:
            message.show_error(self.tr("Please choose one of the three answers"))
        if missing:
            missing[0][0].first_button().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        by_officer = self.by_officer.isChecked()
        self._store(
            self._services.lifecycle.rate,
            self._dossier.id,
            convenience=self.convenience.value(),
            overall=self.overall.value(),
            criteria=self.chosen_criteria(),
            comment=self.comment.text(),
            by_citizen=not by_officer,
            rated_by="",
        )

    def _stored(self, rating: Rating) -> None:
        self._rating = rating
        self.rated.emit(rating)
        self.thanks_detail.setText(
            self.tr("Convenience: {convenience} · Overall: {overall}").format(
                convenience=satisfaction_name(rating.convenience),
                overall=satisfaction_name(rating.overall),
            )
        )
        self.pages.setCurrentWidget(self.done_page)
        self.close_button.setDefault(True)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
