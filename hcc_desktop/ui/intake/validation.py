"""The intake dialog's validation display: each error of a refused draft next
to its field, the first faulty field focused. A mixin of ``IntakeDialog``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from hcc_desktop.core.errors import FieldError, ValidationError
from hcc_desktop.ui.common.messages import field_label, field_message
from hcc_desktop.ui.intake.fields import set_error_state
from hcc_desktop.ui.intake.person import PersonForm

_INDEXED = "components["
_PERSON_FIELDS = (*PersonForm.FIELDS, "id_type", "id_issued_on")


class ValidationMixin:
    """Errors shown next to their fields in ``IntakeDialog``."""

    # == errors ======================================================================

    def clear_errors(self) -> None:
        self.finder_message.clear_message()
        set_error_state(self.finder.edit, False)
        self.checklist_message.clear_message()
        set_error_state(self.checklist, False)
        self.checklist_model.set_missing([])
        self.applicant.clear_errors()
        self.submitter.clear_errors()
        for name, label in self.reception_messages.items():
            label.clear_message()
            widget = self._reception_widget(name)
            if widget is not None:
                set_error_state(widget, False)
        set_error_state(self.alt_check, False)
        self.general_message.clear_message()

    def show_validation(self, exc: ValidationError) -> None:
        """Each message next to its field; focus the first faulty field, or the
        Mẫu 02 button when the only fault is missing papers."""
        faulty: list[QWidget] = []
        missing = False
        general: list[str] = []
        checklist_lines: list[str] = []
        for err in exc.errors:
            widget = self._show_field_error(err, general, checklist_lines)
            if err.field == "components" and err.code == "required_missing":
                missing = True
            if widget is not None:
                faulty.append(widget)
        if checklist_lines:
            self.checklist_message.show_error("\n".join(checklist_lines))
            set_error_state(self.checklist, True)
        if general:
            self.general_message.show_error("\n".join(general))
        self._update_guidance_button()
        others = [w for w in faulty if w is not self.checklist]
        if missing and not others and self.guidance_button.isEnabled():
            self.guidance_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        chain = self._tab_chain()
        targets = sorted(faulty, key=lambda w: chain.index(w) if w in chain else len(chain))
        if targets:
            target = targets[0]
            self._reveal(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(target, QLineEdit):
                target.selectAll()

    def _reveal(self, widget: QWidget) -> None:
        people = self.people_scroll.widget()
        if people is not None and people.isAncestorOf(widget):
            self.people_scroll.ensureWidgetVisible(widget)

    def _show_field_error(
        self, err: FieldError, general: list[str], checklist_lines: list[str]
    ) -> QWidget | None:
        field = err.field
        text = field_message(err)
        head, _, rest = field.partition(".")
        if field == "procedure":
            self.finder_message.show_error(text)
            set_error_state(self.finder.edit, True)
            return self.finder.edit
        if field == "components":
            if err.code == "required_missing":
                self.checklist_model.set_missing(list(err.params.get("ids", [])))
                text += "\n" + self.tr(
                    "Tick them if they were brought, or print the supplement guidance (Form 02)."
                )
            checklist_lines.append(text)
            return self.checklist
        if field.startswith(_INDEXED):
            index = int(field[len(_INDEXED) : field.index("]")])
            rows = self.checklist_model.input_rows()
            if 0 <= index < len(rows):
                row = rows[index]
                name = self.checklist_model.row(row).name
                checklist_lines.append(f"{row + 1}. {name}: {text}")
                self.checklist.setCurrentIndex(self.checklist_model.index(row, 1))
            else:
                checklist_lines.append(f"{field_label(field)}: {text}")
            return self.checklist
        if head == "applicant" and rest in _PERSON_FIELDS:
            return self.applicant.show_error(rest, text)
        if head == "submitter" and rest in _PERSON_FIELDS:
            if not self.submitter_check.isChecked():
                general.append(f"{field_label(field)}: {text}")
                return None
            return self.submitter.show_error(rest, text)
        if field == "use_alt_processing":
            set_error_state(self.alt_check, True)
            general.append(f"{field_label(field)}: {text}")
            return self.alt_check
        if field in self.reception_messages:
            self.reception_messages[field].show_error(text)
            widget = self._reception_widget(field)
            if widget is not None:
                set_error_state(widget, True)
            return widget
        general.append(f"{field_label(field)}: {text}")
        return None
