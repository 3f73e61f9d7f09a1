"""sync server: the devices' access logs (issue 12 item 4), kept in the units' chains

Revision ID: s0014_access_log
Revises: s0013_event_chain
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "s0014_access_log"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0013_event_chain"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "access_log",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=True),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")),
    )
    op.create_index("ix_access_log_unit_rev", "access_log", ["unit_code", "rev"])
    op.create_index("ix_access_log_origin_device", "access_log", ["origin_device"])


def downgrade() -> None:
    op.drop_index("ix_access_log_origin_device", table_name="access_log")
    op.drop_index("ix_access_log_unit_rev", table_name="access_log")
    op.drop_table("access_log")
