"""Lifecycle rules of a dossier: which action is allowed when, and on-time
classification (DOMAIN.md §3). Pure functions over plain values; the service
in ``services/lifecycle.py`` applies them to the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hcc_desktop.core.domain import Action, DossierStatus, Timeliness

S = DossierStatus


@dataclass(frozen=True)
class Rule:
    """What an action needs and does."""

    allowed_from: frozenset[DossierStatus]
    # None: go back to the status the dossier had before it started waiting
    # (for a supplement or a payment).
    to: DossierStatus | None
    event_kind: str
    needs_reason: bool = False


RULES: dict[Action, Rule] = {
    Action.HANDOVER: Rule(frozenset({S.RECEIVED, S.PROCESSING}), S.PROCESSING, "handed_over"),
    Action.REQUEST_SUPPLEMENT: Rule(
        frozenset({S.RECEIVED, S.PROCESSING}),
        S.SUPPLEMENT_REQUESTED,
        "supplement_requested",
        needs_reason=True,
    ),
    Action.SUPPLEMENT_RECEIVED: Rule(
        frozenset({S.SUPPLEMENT_REQUESTED}), None, "supplement_received"
    ),
    Action.REQUEST_PAYMENT: Rule(
        frozenset({S.RECEIVED, S.PROCESSING}), S.FINANCIAL_OBLIGATION, "payment_requested"
    ),
    Action.PAYMENT_RECEIVED: Rule(frozenset({S.FINANCIAL_OBLIGATION}), None, "payment_received"),
    Action.REFUSE: Rule(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED}),
        S.NOT_ACCEPTED,
        "refused",
        needs_reason=True,
    ),
    Action.WITHDRAW: Rule(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION}),
        S.WITHDRAWN,
        "withdrawn",
        needs_reason=True,
    ),
    Action.STOP: Rule(
        frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.FINANCIAL_OBLIGATION}),
        S.STOPPED,
        "stopped",
        needs_reason=True,
    ),
    Action.FINISH: Rule(frozenset({S.RECEIVED, S.PROCESSING}), S.PROCESSED, "processed"),
    Action.RETURN: Rule(frozenset({S.PROCESSED}), S.RETURNED, "returned"),
}

# Events that end a dossier for the on-time count; "processed" comes before
# "returned", so the first terminal event is the processing end when both exist.
TERMINAL_EVENTS = frozenset({"refused", "withdrawn", "stopped", "processed", "returned"})
TERMINAL_STATUSES = frozenset({S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED, S.PROCESSED, S.RETURNED})
# Statuses whose deadline clock runs (waiting for a supplement stops it).
CLOCK_RUNNING = frozenset({S.RECEIVED, S.PROCESSING, S.FINANCIAL_OBLIGATION})
# Actions after which nothing else may happen.
CLOSED_STATUSES = frozenset({S.NOT_ACCEPTED, S.WITHDRAWN, S.STOPPED, S.RETURNED})


def allowed_actions(status: DossierStatus) -> tuple[Action, ...]:
    """Actions an officer may take on a dossier in ``status``, in menu order."""
    return tuple(a for a, rule in RULES.items() if status in rule.allowed_from)


def classify(
    *,
    due: date | datetime,
    ended: date | datetime | None,
    supplement_count: int,
    as_of: date | datetime | None = None,
) -> Timeliness | None:
    """On-time classification of DOMAIN.md §3.

    ``due`` is the appointment already moved by supplement waiting time.
    An ended dossier compares its end date with the appointment date; more
    than one supplement request is late whatever the dates. An open dossier
    is late once ``as_of`` is past its appointment date, otherwise None
    (still on time, not decided).
    """
    due_day = due.date() if isinstance(due, datetime) else due
    if ended is not None:
        if supplement_count > 1:
            return Timeliness.LATE
        end_day = ended.date() if isinstance(ended, datetime) else ended
        if end_day < due_day:
            return Timeliness.EARLY
        if end_day == due_day:
            return Timeliness.ON_TIME
        return Timeliness.LATE
    if supplement_count > 1:
        return Timeliness.LATE
    if as_of is not None:
        as_of_day = as_of.date() if isinstance(as_of, datetime) else as_of
        if as_of_day > due_day:
            return Timeliness.LATE
    return None
