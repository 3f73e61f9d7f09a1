"""sync server: the units' officer accounts (issue 12 item 1: accounts sync)

One row per account of a unit, the record as merged from its devices' pushes (the
Argon2id hash, never a password); a user name is unique in its unit.

Revision ID: s0015_accounts
Revises: s0013_event_chain
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "s0015_accounts"
# Re-chained by the lead after the other server revisions of this round.
down_revision = "s0014_access_log"
branch_labels = None
depends_on = None

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("data", _DOC, nullable=False),
        sa.Column("last_device", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("unit_code", "user_name", name="uq_accounts_unit_user_name"),
    )
    op.create_index("ix_accounts_unit_rev", "accounts", ["unit_code", "rev"])


def downgrade() -> None:
    op.drop_index("ix_accounts_unit_rev", table_name="accounts")
    op.drop_table("accounts")
