"""Dossier code allocation: ``<unit identifier>-<YYMMDD>-<NNNN>``.

Devices of one unit receive dossiers offline on the same day, so the sequence
cannot come from a shared counter. Each device of a unit holds a *slot*
(0–9, given at enrolment; unique within the unit) and numbers its dossiers of
the day inside its own block: slot ``s`` uses ``s*1000 + 1`` … ``s*1000 + 999``.
The counter PC (slot 0) issues 0001, 0002 …, a Saturday-session laptop in slot
1 issues 1001, 1002 … Two devices with different slots can therefore never
produce the same code, with or without a network; on one device the counter row
is read and bumped inside the same ``BEGIN IMMEDIATE`` transaction that inserts
the dossier, so concurrent writers (app and CLI) serialise on it, and a
UNIQUE index on ``dossiers.code`` is the last line of defence.
999 dossiers per device per day is far above a ward's load (~60 a day);
beyond it allocation fails loudly with CodeSpaceExhausted.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from hcc_desktop.core.errors import CodeSpaceExhausted
from hcc_desktop.db.models import BookCounter, CodeCounter

BLOCK = 1000
PER_DEVICE_PER_DAY = BLOCK - 1


def format_code(unit_code: str, day: date, seq: int) -> str:
    return f"{unit_code}-{day:%y%m%d}-{seq:04d}"


def next_code(session: Session, *, unit_code: str, day: date, device_slot: int) -> str:
    """Allocate the next code of ``day`` for this device; call inside a write transaction."""
    key = (unit_code, f"{day:%y%m%d}", device_slot)
    counter = session.get(CodeCounter, key)
    if counter is None:
        counter = CodeCounter(unit_code=unit_code, day=key[1], device_slot=device_slot, last_seq=0)
        session.add(counter)
    if counter.last_seq >= PER_DEVICE_PER_DAY:
        raise CodeSpaceExhausted(day=str(day), device_slot=device_slot)
    counter.last_seq += 1
    return format_code(unit_code, day, device_slot * BLOCK + counter.last_seq)


def next_order_no(session: Session, *, book_no: str) -> int:
    """Next order number (số thứ tự) in this device's paper tracking book."""
    counter = session.get(BookCounter, book_no)
    if counter is None:
        counter = BookCounter(book_no=book_no, last_no=0)
        session.add(counter)
    counter.last_no += 1
    return counter.last_no
