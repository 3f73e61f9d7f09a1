"""A dossier's timeline: event names and details in words, and the table model
that shows them in the dossier window (all texts in the ``TimelineModel``
translation context)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from hcc_desktop.core.domain import Channel, DocForm, DossierEvent, ReturnMethod, Timeliness
from hcc_desktop.core.messages import EVENT_NAMES, TIMELINESS_NAMES
from hcc_desktop.core.text import format_money
from hcc_desktop.ui.common.messages import QT_TRANSLATE_NOOP
from hcc_desktop.ui.common.table_models import (
    TextRowsModel,
    channel_name,
    format_datetime,
    status_name,
)

TIMELINE = "TimelineModel"


WITHIN_DEADLINE = QT_TRANSLATE_NOOP("TimelineModel", "Within the deadline")

RETURN_METHODS: dict[ReturnMethod, str] = {
    ReturnMethod.COUNTER: QT_TRANSLATE_NOOP("TimelineModel", "at the counter"),
    ReturnMethod.POSTAL: QT_TRANSLATE_NOOP("TimelineModel", "by post"),
    ReturnMethod.HOME: QT_TRANSLATE_NOOP("TimelineModel", "at home"),
}

SATISFACTION: dict[int, str] = {
    3: QT_TRANSLATE_NOOP("TimelineModel", "very satisfied"),
    2: QT_TRANSLATE_NOOP("TimelineModel", "satisfied"),
    1: QT_TRANSLATE_NOOP("TimelineModel", "not satisfied"),
}

DOC_FORMS: dict[DocForm, str] = {
    DocForm.ORIGINAL: QT_TRANSLATE_NOOP("TimelineModel", "original"),
    DocForm.CERTIFIED: QT_TRANSLATE_NOOP("TimelineModel", "certified copy"),
    DocForm.COPY: QT_TRANSLATE_NOOP("TimelineModel", "photocopy"),
}

_RED = "#b3261e"
_GREEN = "#1b5e20"
_AMBER = "#8a5300"
_EVENT_COLORS = {
    "refused": _RED,
    "withdrawn": _RED,
    "stopped": _RED,
    "supplement_requested": _AMBER,
    "payment_requested": _AMBER,
    "apology_issued": _AMBER,
    "processed": _GREEN,
    "returned": _GREEN,
}


def translate_timeline(text: str) -> str:
    """``text`` translated in the timeline's context."""
    return QCoreApplication.translate(TIMELINE, text)


_tl = translate_timeline


def timeliness_name(value: Timeliness | None) -> str:
    return _tl(TIMELINESS_NAMES[value]) if value is not None else _tl(WITHIN_DEADLINE)


def event_name(kind: str) -> str:
    return _tl(EVENT_NAMES[kind]) if kind in EVENT_NAMES else kind


def _moment(value: object) -> str:
    if isinstance(value, datetime):
        return format_datetime(value)
    try:
        return format_datetime(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _counts(item: dict[str, Any]) -> str:
    parts = []
    for key, form in (
        ("originals", DocForm.ORIGINAL),
        ("certified", DocForm.CERTIFIED),
        ("copies", DocForm.COPY),
    ):
        n = int(item.get(key, 0) or 0)
        if n:
            parts.append(f"{n} {_tl(DOC_FORMS[form])}")
    return ", ".join(parts)


def event_details(event: DossierEvent) -> str:
    """What happened besides the status change: reason, people, papers, dates."""
    data = event.data
    parts: list[str] = []
    if event.reason:
        parts.append(event.reason)
    kind = event.kind
    if kind == "received":
        if data.get("channel"):
            try:
                parts.append(channel_name(Channel(str(data["channel"]))))
            except ValueError:
                parts.append(str(data["channel"]))
        if data.get("due_at"):
            parts.append(
                QCoreApplication.translate("TimelineModel", "appointment {due}").format(
                    due=_moment(data["due_at"])
                )
            )
    elif kind in ("handed_over", "processed"):
        giver = str(data.get("giver") or "")
        receiver = str(data.get("receiver") or "")
        if giver or receiver:
            parts.append(f"{giver or '—'} → {receiver or '—'}")
        if data.get("department"):
            parts.append(str(data["department"]))
        if kind == "processed" and data.get("timeliness"):
            with contextlib.suppress(ValueError):
                parts.append(timeliness_name(Timeliness(str(data["timeliness"]))))
    elif kind == "supplement_requested":
        missing = data.get("missing") or []
        if isinstance(missing, list) and missing:
            names = []
            for m in missing:
                if isinstance(m, dict):
                    counts = _counts(m)
                    names.append(f"{m.get('name', '')}" + (f" ({counts})" if counts else ""))
            parts.append(
                QCoreApplication.translate("TimelineModel", "to bring: {papers}").format(
                    papers="; ".join(names)
                )
            )
        count = int(str(data.get("count", 1) or 1))
        if count > 1:
            parts.append(
                QCoreApplication.translate("TimelineModel", "request no. {count}").format(
                    count=count
                )
            )
    elif kind == "supplement_received":
        waited = int(str(data.get("waited_days", 0) or 0))
        if waited:
            parts.append(
                QCoreApplication.translate(
                    "TimelineModel", "waited {days} working day(s); appointment {old} → {new}"
                ).format(
                    days=waited,
                    old=_moment(data.get("old_due_at", "")),
                    new=_moment(data.get("due_at", "")),
                )
            )
        else:
            parts.append(
                QCoreApplication.translate(
                    "TimelineModel", "no working day waited; appointment unchanged"
                )
            )
    elif kind == "payment_requested":
        amount = int(str(data.get("amount", 0) or 0))
        if amount:
            parts.append(
                QCoreApplication.translate("TimelineModel", "amount {amount}").format(
                    amount=format_money(amount)
                )
            )
    elif kind == "returned":
        collector = data.get("collector") or {}
        if isinstance(collector, dict):
            text = QCoreApplication.translate("TimelineModel", "collected by {name} ({id})").format(
                name=collector.get("full_name", ""), id=collector.get("id_number", "")
            )
            if collector.get("authorised"):
                text += ", " + QCoreApplication.translate("TimelineModel", "authorised person")
            parts.append(text)
        method = data.get("method")
        if method:
            try:
                parts.append(_tl(RETURN_METHODS[ReturnMethod(str(method))]))
            except ValueError:
                parts.append(str(method))
    elif kind == "apology_issued":
        if data.get("new_due_at"):
            parts.append(
                QCoreApplication.translate("TimelineModel", "new appointment {due}").format(
                    due=_moment(data["new_due_at"])
                )
            )
    elif kind == "rated":
        convenience = SATISFACTION.get(int(str(data.get("convenience", 0) or 0)), "")
        overall = SATISFACTION.get(int(str(data.get("overall", 0) or 0)), "")
        parts.append(
            QCoreApplication.translate(
                "TimelineModel", "convenience: {convenience}; overall: {overall}"
            ).format(
                convenience=_tl(convenience) if convenience else "—",
                overall=_tl(overall) if overall else "—",
            )
        )
        if data.get("by_citizen") is False:
            parts.append(QCoreApplication.translate("TimelineModel", "entered by the officer"))
    if data.get("note"):
        parts.append(
            QCoreApplication.translate("TimelineModel", "note: {note}").format(note=data["note"])
        )
    return " · ".join(p for p in parts if p)


class TimelineColumn(IntEnum):
    TIME = 0
    ACTION = 1
    ACTOR = 2
    STATUS = 3
    DETAILS = 4


_TIMELINE_HEADERS: dict[TimelineColumn, str] = {
    TimelineColumn.TIME: QT_TRANSLATE_NOOP("TimelineModel", "Time"),
    TimelineColumn.ACTION: QT_TRANSLATE_NOOP("TimelineModel", "Action"),
    TimelineColumn.ACTOR: QT_TRANSLATE_NOOP("TimelineModel", "By"),
    TimelineColumn.STATUS: QT_TRANSLATE_NOOP("TimelineModel", "Status"),
    TimelineColumn.DETAILS: QT_TRANSLATE_NOOP("TimelineModel", "Details"),
}


class TimelineModel(TextRowsModel):
    """A dossier's events, oldest first; texts computed once per ``set_events``."""

    COLUMNS = len(TimelineColumn)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._events: list[DossierEvent] = []

    def set_events(self, events: list[DossierEvent]) -> None:
        self.beginResetModel()
        self._events = sorted(events, key=lambda e: e.at)
        self._texts = [self._row_texts(e) for e in self._events]
        self.endResetModel()

    def events(self) -> list[DossierEvent]:
        return list(self._events)

    @staticmethod
    def _row_texts(e: DossierEvent) -> tuple[str, ...]:
        if e.from_status is not None and e.to_status is not None and e.from_status != e.to_status:
            change = f"{status_name(e.from_status)} → {status_name(e.to_status)}"
        elif e.from_status is None and e.to_status is not None:
            change = f"→ {status_name(e.to_status)}"
        else:
            change = ""
        return (
            format_datetime(e.at),
            event_name(e.kind),
            e.actor,
            change,
            event_details(e),
        )

    def _role_data(self, row: int, col: int, role: int) -> Any:
        event = self._events[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TimelineColumn.DETAILS and self._texts[row][col]:
                return self._texts[row][col]
            if col == TimelineColumn.STATUS and event.to_status is not None:
                return QCoreApplication.translate(
                    "TimelineModel", "National status code: {code}"
                ).format(code=int(event.to_status))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == TimelineColumn.ACTION:
            color = _EVENT_COLORS.get(event.kind)
            return QBrush(QColor(color)) if color else None
        if role == Qt.ItemDataRole.UserRole:
            return event
        return None

    def _header_text(self, section: int) -> str:
        return _tl(_TIMELINE_HEADERS[TimelineColumn(section)])
