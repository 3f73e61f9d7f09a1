"""sync server: tamper-evident history (issue 12 item 3): device keys and chain heads,
the server's own chain per unit

Revision ID: s0013_event_chain
Revises: s0012
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0013_event_chain"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("public_key", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("chain_seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "unit_chain",
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data_hash", sa.String(length=64), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit_code", "seq", name=op.f("pk_unit_chain")),
    )

    op.create_index("ix_events_origin_device", "events", ["origin_device"])


def downgrade() -> None:
    op.drop_index("ix_events_origin_device", table_name="events")
    op.drop_table("unit_chain")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("chain_hash")
        batch.drop_column("chain_seq")
        batch.drop_column("public_key")
