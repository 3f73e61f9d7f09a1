"""event chain: prev_hash, hash, device_seq, device_prev_hash on dossier_events

Plain ADD COLUMN (nullable), then a backfill of every existing event so an old
store verifies: events are taken in one order, (at, recorded_at, id), which is
both each dossier's order and each device's order; a receipt (a dossier's first
event) also hashes the dossier's fixed receipt fields (core/chain.py). The
append-only triggers are dropped for the backfill and created again.

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from hcc_desktop.core.chain import GENESIS, RECEIPT_FIELDS, event_content, record_hash

revision = "0011"
down_revision = "0009"
branch_labels = None
depends_on = None

_NO_UPDATE = (
    "CREATE TRIGGER dossier_events_no_update BEFORE UPDATE ON dossier_events "
    "BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END"
)
_NO_DELETE = (
    "CREATE TRIGGER dossier_events_no_delete BEFORE DELETE ON dossier_events "
    "BEGIN SELECT RAISE(ABORT, 'dossier_events is append-only'); END"
)


def upgrade() -> None:
    op.add_column("dossier_events", sa.Column("prev_hash", sa.String(length=64), nullable=True))
    op.add_column("dossier_events", sa.Column("hash", sa.String(length=64), nullable=True))
    op.add_column("dossier_events", sa.Column("device_seq", sa.Integer(), nullable=True))
    op.add_column(
        "dossier_events", sa.Column("device_prev_hash", sa.String(length=64), nullable=True)
    )
    op.create_index(op.f("ix_dossier_events_hash"), "dossier_events", ["hash"])
    op.create_index("ix_dossier_events_device_seq", "dossier_events", ["device_id", "device_seq"])
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    dossiers = sa.table(
        "dossiers",
        sa.column("id"),
        *(
            sa.column(n, sa.DateTime) if n == "received_at" else sa.column(n)
            for n in RECEIPT_FIELDS
        ),
    )
    events = sa.table(
        "dossier_events",
        sa.column("id"),
        sa.column("dossier_id"),
        sa.column("kind"),
        sa.column("at", sa.DateTime),
        sa.column("actor"),
        sa.column("from_status"),
        sa.column("to_status"),
        sa.column("reason"),
        sa.column("data_json"),
        sa.column("device_id"),
        sa.column("recorded_at", sa.DateTime),
        sa.column("prev_hash"),
        sa.column("hash"),
        sa.column("device_seq"),
        sa.column("device_prev_hash"),
    )
    rows = (
        bind.execute(sa.select(events).order_by(events.c.at, events.c.recorded_at, events.c.id))
        .mappings()
        .all()
    )
    if not rows:
        return
    receipts = {r["id"]: dict(r) for r in bind.execute(sa.select(dossiers)).mappings()}
    op.execute("DROP TRIGGER IF EXISTS dossier_events_no_update")
    dossier_head: dict[str, str] = {}
    device_head: dict[str, tuple[int, str]] = {}
    for row in rows:
        values = dict(row)
        prev = dossier_head.get(values["dossier_id"], GENESIS)
        seq, dev_prev = device_head.get(values["device_id"], (0, GENESIS))
        values["device_seq"] = seq + 1
        values["device_prev_hash"] = dev_prev
        receipt = receipts.get(values["dossier_id"]) if prev == GENESIS else None
        digest = record_hash(event_content(values, receipt), prev)
        bind.execute(
            events.update()
            .where(events.c.id == values["id"])
            .values(
                prev_hash=prev,
                hash=digest,
                device_seq=seq + 1,
                device_prev_hash=dev_prev,
            )
        )
        dossier_head[values["dossier_id"]] = digest
        device_head[values["device_id"]] = (seq + 1, digest)
    op.execute(_NO_UPDATE)


def downgrade() -> None:
    op.drop_index("ix_dossier_events_device_seq", table_name="dossier_events")
    op.drop_index(op.f("ix_dossier_events_hash"), table_name="dossier_events")
    op.execute("DROP TRIGGER IF EXISTS dossier_events_no_update")
    op.execute("DROP TRIGGER IF EXISTS dossier_events_no_delete")
    with op.batch_alter_table("dossier_events", schema=None) as batch_op:
        batch_op.drop_column("device_prev_hash")
        batch_op.drop_column("device_seq")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
    op.execute(_NO_UPDATE)
    op.execute(_NO_DELETE)
