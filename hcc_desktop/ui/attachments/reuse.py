"""Reuse at intake: when the citizen's identity number is typed and the
procedure chosen, the papers that a document already digitised for them can
meet are offered (reusable papers of the catalog), each with a preview. A
paper met this way is ticked as "digitised copy reused"; once the dossier is
accepted the held file is linked to it (services/attachments: reuse)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hcc_desktop.core.domain import Dossier
from hcc_desktop.services import Services
from hcc_desktop.services.attachments import HeldDocument, ReuseOffer
from hcc_desktop.ui.common.errors import show_error
from hcc_desktop.ui.common.tasks import TaskRunner, shared_runner

if TYPE_CHECKING:
    from hcc_desktop.ui.intake.dialog import IntakeDialog

SHA_ROLE = Qt.ItemDataRole.UserRole
COMPONENT_ROLE = Qt.ItemDataRole.UserRole + 1
LOOKUP_DELAY_MS = 250


class ReuseDialog(QDialog):
    """Each reusable paper and the documents held that may meet it."""

    def __init__(
        self,
        services: Services,
        offers: list[ReuseOffer],
        chosen: dict[str, str],
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner or shared_runner()
        self._chosen = dict(chosen)
        self.setWindowTitle(self.tr("Documents already digitised for this citizen"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Paper / document"),
                self.tr("From dossier"),
                self.tr("Date"),
                self.tr("Pages"),
            ]
        )
        self.tree.setColumnWidth(0, 380)
        for offer in offers:
            top = QTreeWidgetItem([offer.component_name])
            top.setData(0, COMPONENT_ROLE, offer.component_id)
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(top)
            for doc in (*offer.matching, *offer.others):
                top.addChild(self._item(offer, doc, doc in offer.matching))
            top.setExpanded(True)
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.use_button = QPushButton(self.tr("&Use for this paper"))
        self.clear_button = QPushButton(self.tr("&Do not reuse"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.use_button.clicked.connect(self.use_selected)
        self.clear_button.clicked.connect(self.clear_selected)
        self.tree.itemDoubleClicked.connect(lambda *_: self.use_selected())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.preview_button, self.use_button, self.clear_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(760, 420)
        self._mark()

    def _item(self, offer: ReuseOffer, doc: HeldDocument, matching: bool) -> QTreeWidgetItem:
        name = doc.name if matching else self.tr("{name} (another paper)").format(name=doc.name)
        item = QTreeWidgetItem(
            [name, doc.dossier_code, f"{doc.created_at:%d/%m/%Y}", str(doc.pages)]
        )
        item.setData(0, SHA_ROLE, doc.sha256)
        item.setData(0, COMPONENT_ROLE, offer.component_id)
        return item

    def _mark(self) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            chosen = self._chosen.get(str(top.data(0, COMPONENT_ROLE)))
            for j in range(top.childCount()):
                child = top.child(j)
                on = child.data(0, SHA_ROLE) == chosen
                font = child.font(0)
                font.setBold(on)
                child.setFont(0, font)
                child.setText(0, child.text(0).removeprefix("✔ "))
                if on:
                    child.setText(0, "✔ " + child.text(0))

    def _selected(self) -> QTreeWidgetItem | None:
        item = self.tree.currentItem()
        return item if item is not None and item.data(0, SHA_ROLE) else None

    def select(self, component_id: str, sha256: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                child = top.child(j)
                if (child.data(0, COMPONENT_ROLE), child.data(0, SHA_ROLE)) == (
                    component_id,
                    sha256,
                ):
                    self.tree.setCurrentItem(child)

    def use_selected(self) -> None:
        item = self._selected()
        if item is not None:
            self._chosen[str(item.data(0, COMPONENT_ROLE))] = str(item.data(0, SHA_ROLE))
            self._mark()

    def clear_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._chosen.pop(str(item.data(0, COMPONENT_ROLE)), None)
            self._mark()

    def preview_selected(self) -> QDialog | None:
        item = self._selected()
        if item is None:
            return None
        from hcc_desktop.ui.attachments.reading import read_logged
        from hcc_desktop.ui.common.preview import open_preview_read_by

        # Opens at once, "loading": the access is logged, then the file read and
        # decrypted, on the task runner.
        dialog = open_preview_read_by(
            self,
            self._runner,
            read_logged(self._services, "xem giấy tờ đã số hoá"),
            str(item.data(0, SHA_ROLE)),
            title=item.text(0).removeprefix("✔ "),
        )
        self.preview_dialog = dialog
        return dialog

    def chosen(self) -> dict[str, str]:
        return dict(self._chosen)


class IntakeReuse(QObject):
    """The intake dialog's line "documents held for this citizen" and its picks."""

    def __init__(self, intake: IntakeDialog, services: Services, runner: TaskRunner) -> None:
        super().__init__(intake)
        self._intake = intake
        self._services = services
        self._runner = runner
        self._offers: list[ReuseOffer] = []
        self._chosen: dict[str, str] = {}
        self._asked: tuple[str, str] = ("", "")
        self.widget = QWidget()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Use he&ld documents…"))
        self.button.clicked.connect(self.open_dialog)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.widget.hide()
        self.dialog: ReuseDialog | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        intake.applicant.id_number.textChanged.connect(self._timer.start)
        intake.checklist_model.modelReset.connect(self._timer.start)
        intake.dossier_accepted.connect(self._link_accepted)

    def offers(self) -> list[ReuseOffer]:
        return list(self._offers)

    def look_up(self) -> None:
        procedure = self._intake.checklist_model.procedure()
        id_number = self._intake.applicant.id_number.text().strip()
        asked = (procedure.code if procedure else "", id_number)
        if asked == self._asked:
            return
        self._asked = asked
        self._chosen.clear()
        if not all(asked) or len(id_number) < 9:
            self._show([])
            return
        self._runner.run(
            self._services.attachments.reuse_offers,
            procedure_code=asked[0],
            id_number=asked[1],
            on_done=self._offers_ready,
            on_error=lambda _exc: self._show([]),
        )

    def _offers_ready(self, offers: object) -> None:
        assert isinstance(offers, list)
        self._show([o for o in offers if o.matching or o.others])

    def _show(self, offers: list[ReuseOffer]) -> None:
        self._offers = offers
        papers = sum(1 for o in offers if o.matching)
        self.label.setText(
            self.tr(
                "Documents already digitised for this citizen may meet {papers} of the"
                " papers (of {total} reusable)."
            ).format(papers=papers, total=len(offers))
        )
        self.widget.setVisible(bool(offers))

    def open_dialog(self) -> ReuseDialog:
        self.dialog = ReuseDialog(
            self._services, self._offers, self._chosen, self._intake, runner=self._runner
        )
        self.dialog.accepted.connect(self._picked)
        self.dialog.open()
        return self.dialog

    def _picked(self) -> None:
        assert self.dialog is not None
        self.apply(self.dialog.chosen())

    def apply(self, chosen: dict[str, str]) -> None:
        """Tick the papers met by a held document as reused (and untick the others)."""
        model = self._intake.checklist_model
        for row, r in enumerate(model.rows()):
            cid = r.component_id
            if cid is None:
                continue
            wanted = cid in chosen
            was = cid in self._chosen
            if wanted != r.reused and (wanted or was):
                model.toggle_reused(row)
        self._chosen = dict(chosen)

    def chosen(self) -> dict[str, str]:
        return dict(self._chosen)

    def _link_accepted(self, dossier: Dossier) -> None:
        links = [
            (c.component_id, self._chosen[c.component_id])
            for c in dossier.components
            if c.reused_digital and c.component_id in self._chosen
        ]
        self._chosen = {}
        self._asked = ("", "")
        if links:
            self._runner.run(_link, self._services, dossier.code, links, on_error=self._link_failed)

    def _link_failed(self, exc: BaseException) -> None:
        show_error(self._intake, exc)


def _link(services: Services, code: str, links: list[tuple[str, str]]) -> None:
    for component_id, sha in links:
        services.attachments.reuse(dossier=code, component=component_id, sha256=sha)
