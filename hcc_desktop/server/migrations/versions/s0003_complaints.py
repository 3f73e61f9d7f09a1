"""sync server: the units' complaints registers

Revision ID: s0003
Revises: s0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0003"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0002"
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("last_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaints")),
    )
    op.create_index("ix_complaints_unit_rev", "complaints", ["unit_code", "rev"])


def downgrade() -> None:
    op.drop_index("ix_complaints_unit_rev", table_name="complaints")
    op.drop_table("complaints")
