"""sync server: the units' field work: Saturday sessions, home-service register, visits

Revision ID: s0012
Revises: s0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0012"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0011"
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


_TABLES = ("field_sessions", "home_residents", "home_visits")


def upgrade() -> None:
    for name in _TABLES:
        op.create_table(
            name,
            sa.Column("id", sa.String(length=64), nullable=False),
            sa.Column("unit_code", sa.String(length=32), nullable=False),
            sa.Column("rev", sa.BigInteger(), nullable=False),
            sa.Column("data", _DOC, nullable=False),
            sa.Column("last_device", sa.String(length=64), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        )
        op.create_index(f"ix_{name}_unit_rev", name, ["unit_code", "rev"])


def downgrade() -> None:
    for name in reversed(_TABLES):
        op.drop_index(f"ix_{name}_unit_rev", table_name=name)
        op.drop_table(name)
