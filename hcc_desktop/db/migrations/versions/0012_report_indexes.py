"""report indexes: ratings by the time they were given

The periodic report reads the ratings given in its period
(``rated_at in [start, end)``); without an index that is a scan of every
rating ever stored (≈ 0.3 s on the 1,000,000-dossier benchmark store).

Revision ID: 0012_report_indexes
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0012_report_indexes"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossier_ratings_rated_at", "dossier_ratings", ["rated_at"])


def downgrade() -> None:
    op.drop_index("ix_dossier_ratings_rated_at", table_name="dossier_ratings")
