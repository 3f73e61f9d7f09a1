"""How dossier fields and records are shown on the sync screen (conflicts, rejected items)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableWidget,
    QTableWidgetItem,
)

from hcc_desktop.core.domain import Channel, DossierStatus
from hcc_desktop.core.text import format_money
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP
from hcc_desktop.ui.common.table_models import Progress, channel_name, progress_name, status_name

# -- how dossier fields are shown in a conflict -------------------------------------------

FIELD_NAMES: dict[str, str] = {
    "code": QT_TRANSLATE_NOOP("SyncFields", "Dossier code"),
    "unit_code": QT_TRANSLATE_NOOP("SyncFields", "Unit"),
    "device_id": QT_TRANSLATE_NOOP("SyncFields", "Receiving device"),
    "procedure_code": QT_TRANSLATE_NOOP("SyncFields", "Procedure code"),
    "procedure_name": QT_TRANSLATE_NOOP("SyncFields", "Procedure"),
    "procedure_field": QT_TRANSLATE_NOOP("SyncFields", "Field"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "channel": QT_TRANSLATE_NOOP("SyncFields", "Channel"),
    "received_at": QT_TRANSLATE_NOOP("SyncFields", "Received at"),
    "clock_start_at": QT_TRANSLATE_NOOP("SyncFields", "Processing time starts"),
    "due_at": QT_TRANSLATE_NOOP("SyncFields", "Appointment"),
    "processing_days": QT_TRANSLATE_NOOP("SyncFields", "Processing time (working days)"),
    "owner_name": QT_TRANSLATE_NOOP("SyncFields", "Applicant"),
    "owner_id_type": QT_TRANSLATE_NOOP("SyncFields", "Type of identity paper"),
    "owner_id_number": QT_TRANSLATE_NOOP("SyncFields", "ID number"),
    "owner_dob": QT_TRANSLATE_NOOP("SyncFields", "Date of birth"),
    "owner_gender": QT_TRANSLATE_NOOP("SyncFields", "Gender"),
    "owner_id_issued_on": QT_TRANSLATE_NOOP("SyncFields", "Date of issue"),
    "owner_phone": QT_TRANSLATE_NOOP("SyncFields", "Phone"),
    "owner_address": QT_TRANSLATE_NOOP("SyncFields", "Address"),
    "owner_email": QT_TRANSLATE_NOOP("SyncFields", "E-mail"),
    "submitter_json": QT_TRANSLATE_NOOP("SyncFields", "Submitter"),
    "sets_count": QT_TRANSLATE_NOOP("SyncFields", "Number of sets"),
    "fee_amount": QT_TRANSLATE_NOOP("SyncFields", "Fees and charges"),
    "fee_method": QT_TRANSLATE_NOOP("SyncFields", "Payment method"),
    "result_delivery": QT_TRANSLATE_NOOP("SyncFields", "Where the result is collected"),
    "received_by": QT_TRANSLATE_NOOP("SyncFields", "Receiving officer"),
    "book_no": QT_TRANSLATE_NOOP("SyncFields", "Book number"),
    "order_no": QT_TRANSLATE_NOOP("SyncFields", "Order number in the book"),
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "original_due_at": QT_TRANSLATE_NOOP("SyncFields", "Original appointment"),
    "holder": QT_TRANSLATE_NOOP("SyncFields", "Held by"),
    "supplement_count": QT_TRANSLATE_NOOP("SyncFields", "Supplement requests"),
    "waiting_since": QT_TRANSLATE_NOOP("SyncFields", "Waiting for papers since"),
    "resume_status": QT_TRANSLATE_NOOP("SyncFields", "Status after the wait"),
    "ended_at": QT_TRANSLATE_NOOP("SyncFields", "Processing ended at"),
    "timeliness": QT_TRANSLATE_NOOP("SyncFields", "On-time result"),
    "proposed_due_at": QT_TRANSLATE_NOOP("SyncFields", "Proposed new appointment"),
    "returned_at": QT_TRANSLATE_NOOP("SyncFields", "Result returned at"),
    "components": QT_TRANSLATE_NOOP("SyncFields", "Dossier papers"),
}

VALUE_NAMES: dict[tuple[str, str], str] = {
    ("owner_gender", "male"): QT_TRANSLATE_NOOP("SyncFields", "Male"),
    ("owner_gender", "female"): QT_TRANSLATE_NOOP("SyncFields", "Female"),
    ("owner_id_type", "cccd"): QT_TRANSLATE_NOOP("SyncFields", "Citizen identity card (CCCD)"),
    ("owner_id_type", "cmnd"): QT_TRANSLATE_NOOP("SyncFields", "Identity card (CMND)"),
    ("owner_id_type", "passport"): QT_TRANSLATE_NOOP("SyncFields", "Passport"),
    ("fee_method", "cash"): QT_TRANSLATE_NOOP("SyncFields", "Cash"),
    ("fee_method", "transfer"): QT_TRANSLATE_NOOP("SyncFields", "Bank transfer"),
    ("fee_method", "exempt"): QT_TRANSLATE_NOOP("SyncFields", "Exempt"),
    ("result_delivery", "counter"): QT_TRANSLATE_NOOP("SyncFields", "At the Center"),
    ("result_delivery", "postal"): QT_TRANSLATE_NOOP("SyncFields", "By post"),
    ("form", "original"): QT_TRANSLATE_NOOP("SyncFields", "original"),
    ("form", "certified"): QT_TRANSLATE_NOOP("SyncFields", "certified copy"),
    ("form", "copy"): QT_TRANSLATE_NOOP("SyncFields", "photocopy"),
}

KIND_NAMES: dict[str, str] = {
    "dossier": QT_TRANSLATE_NOOP("SyncFields", "Dossier"),
    "event": QT_TRANSLATE_NOOP("SyncFields", "Dossier step"),
    "rating": QT_TRANSLATE_NOOP("SyncFields", "Satisfaction rating"),
    "access": QT_TRANSLATE_NOOP("SyncFields", "Access-log entry"),
}

_DATE_FIELDS = {"owner_dob", "owner_id_issued_on"}
_STATUS_FIELDS = {"status", "resume_status"}


def _tf(text: str) -> str:
    return QCoreApplication.translate("SyncFields", text)


def field_name(field: str) -> str:
    """A dossier field's name for the officer (unknown ones as they are)."""
    return _tf(FIELD_NAMES[field]) if field in FIELD_NAMES else field


def _moment(value: str) -> str:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return parsed.strftime("%d/%m/%Y %H:%M")


def _components(value: Any) -> str:
    if not isinstance(value, list):
        return str(value)
    parts = []
    for c in value:
        if not isinstance(c, Mapping):
            continue
        form = str(c.get("form", ""))
        form_text = _tf(VALUE_NAMES[("form", form)]) if ("form", form) in VALUE_NAMES else form
        parts.append(f"{c.get('name', '')} ({form_text} ×{c.get('count', 1)})")
    return "; ".join(parts) if parts else QCoreApplication.translate("SyncFields", "(none)")


def format_value(field: str, value: Any) -> str:
    """A wire value of a dossier field as the officer reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncFields", "(empty)")
    try:
        if field in _STATUS_FIELDS:
            return status_name(DossierStatus(int(value)))
        if field == "channel":
            return channel_name(Channel(value))
        if field == "timeliness":
            return progress_name(Progress(value))
    except ValueError:
        return str(value)
    if field == "components":
        return _components(value)
    if field == "fee_amount" and isinstance(value, int):
        return format_money(value)
    if field == "submitter_json" and isinstance(value, str):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, Mapping):
            return str(data.get("full_name") or value)
        return value
    if (field, str(value)) in VALUE_NAMES:
        return _tf(VALUE_NAMES[(field, str(value))])
    if isinstance(value, str):
        if field in _DATE_FIELDS:
            try:
                return date.fromisoformat(value).strftime("%d/%m/%Y")
            except ValueError:
                return value
        if field.endswith("_at") or field == "waiting_since":
            return _moment(value)
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncFields", "Yes")
        return QCoreApplication.translate("SyncFields", "No")
    return str(value)


def kind_name(kind: str) -> str:
    return _tf(KIND_NAMES[kind]) if kind in KIND_NAMES else kind


def cell(text: str, tooltip: str = "") -> QTableWidgetItem:
    """A read-only, selectable table cell with its text as tooltip."""
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(tooltip or text)
    return item


def review_table(headers: list[str]) -> QTableWidget:
    """A read-only, single-row-selection table for review lists."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.horizontalHeader().setHighlightSections(False)
    return table
