"""sync server: the units' Saturday session rotas (issue 13)

Revision ID: s0010
Revises: s0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0010"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0003"
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "field_sessions",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("last_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_sessions")),
    )
    op.create_index("ix_field_sessions_unit_rev", "field_sessions", ["unit_code", "rev"])


def downgrade() -> None:
    op.drop_index("ix_field_sessions_unit_rev", table_name="field_sessions")
    op.drop_table("field_sessions")
