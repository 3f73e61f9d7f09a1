"""accounts sync (issue 12 item 1): the parts' counters, the lock's time, pending flag

An account travels to the server and the unit's other devices (docs/sync.md,
"Accounts"). Its three parts change independently: the profile (full name, role,
``profile_version``), the password (``password_version``) and the administrator's lock
(``disabled_at``, UTC). ``sync_pending`` marks an account changed here since it was
last queued for a push; the accounts of a store from before this change are marked,
so the store's first sync pushes them once.

Revision ID: 0015_account_sync
Revises: 0013_accounts
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_account_sync"
# Re-chained by the lead after the other device revisions of this round.
down_revision = "0014_access_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(
            sa.Column("profile_version", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(
            sa.Column("password_version", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("sync_pending", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("sync_pending")
        batch.drop_column("disabled_at")
        batch.drop_column("password_version")
        batch.drop_column("profile_version")
