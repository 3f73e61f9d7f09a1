"""officer accounts (issue 12 item 1)

One row per officer of the unit: a unique user name, the role, an Argon2id hash,
the lockout counters, an administrator's lock. ``uid``/``version``/``server_revision``
let the accounts sync later. A store from before has no row: the app and the CLI ask
for its first administrator once; its data stay as they are.

Revision ID: 0013_accounts
Revises: 0012_report_indexes
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_accounts"
down_revision = "0012_report_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("user_name", sa.String(length=32), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("failed_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("phone", sa.String(length=20), nullable=False, server_default=""),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("server_revision", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_accounts")),
        sa.UniqueConstraint("user_name", name=op.f("uq_accounts_user_name")),
    )


def downgrade() -> None:
    op.drop_table("accounts")
