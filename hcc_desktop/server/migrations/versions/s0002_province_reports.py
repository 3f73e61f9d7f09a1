"""sync server: provinces, provincial reviewers and the report tables

Units get a province code; provincial reviewers get a credential (a token
stored hashed, like a device's). On PostgreSQL, three narrow tables hold what
the province report reads, kept by statement-level triggers on the synced
documents (so every write path fills them: push, bundle import, a manual
INSERT): ``report_dossiers`` (one row per dossier: the receipt fields that
never change and the time of its first terminal event), ``report_supplements``
(supplement requests and receipts with the appointment each receipt recorded)
and ``report_ratings``. The report then scans a few million short rows
instead of parsing JSON documents. Existing documents are copied in here.
On SQLite (a single ward's server) the tables exist but nothing fills them:
the province report needs PostgreSQL.

Revision ID: s0002
Revises: s0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

# Frozen copies of core.lifecycle.TERMINAL_EVENTS and the supplement event kinds:
# a migration must not change when the code does.
_TERMINAL = "('refused', 'withdrawn', 'stopped', 'processed', 'returned')"

_FUNCTIONS = r"""
CREATE FUNCTION hcc_report_ts(v text) RETURNS timestamp
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN v::timestamp;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

CREATE FUNCTION hcc_report_event_due(v text) RETURNS timestamp
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN ((v::jsonb) ->> 'due_at')::timestamp;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
"""

# One row of report_dossiers from a dossier document ``d`` (alias of a row
# with columns id, unit_code, data).
_DOSSIER_SELECT = f"""
SELECT d.id, d.unit_code,
    coalesce(d.data ->> 'procedure_field', ''),
    coalesce(d.data ->> 'channel', ''),
    hcc_report_ts(d.data ->> 'received_at'),
    hcc_report_ts(coalesce(d.data ->> 'original_due_at', d.data ->> 'due_at')),
    (SELECT min(hcc_report_ts(e.data ->> 'at')) FROM events e
        WHERE e.dossier_id = d.id AND e.data ->> 'kind' IN {_TERMINAL}),
    CASE WHEN jsonb_typeof(d.data -> 'fee_amount') = 'number'
        THEN (d.data ->> 'fee_amount')::numeric > 0 ELSE false END,
    coalesce(d.data -> 'paid_online' = 'true'::jsonb, false),
    coalesce(d.data -> 'e_result' = 'true'::jsonb, false),
    CASE WHEN jsonb_typeof(d.data -> 'components') = 'array'
        THEN jsonb_array_length(d.data -> 'components') ELSE 0 END,
    CASE WHEN jsonb_typeof(d.data -> 'components') = 'array'
            AND jsonb_array_length(d.data -> 'components') > 0
        THEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(d.data -> 'components') c
            WHERE (c -> 'digitised') IS DISTINCT FROM 'true'::jsonb)
        ELSE false END,
    CASE WHEN jsonb_typeof(d.data -> 'components') = 'array'
        THEN EXISTS (SELECT 1 FROM jsonb_array_elements(d.data -> 'components') c
            WHERE c -> 'reused_digital' = 'true'::jsonb)
        ELSE false END
"""
_DOSSIER_COLUMNS = (
    "dossier_id, unit_code, field, channel, received_at, due_at, end_at, fee_bearing,"
    " paid_online, e_result, components, all_digitised, any_reused"
)
_DOSSIER_UPSERT = """
ON CONFLICT (dossier_id) DO UPDATE SET
    unit_code = excluded.unit_code, field = excluded.field, channel = excluded.channel,
    received_at = excluded.received_at, due_at = excluded.due_at,
    fee_bearing = excluded.fee_bearing, paid_online = excluded.paid_online,
    e_result = excluded.e_result, components = excluded.components,
    all_digitised = excluded.all_digitised, any_reused = excluded.any_reused
"""
_SUPPLEMENT_SELECT = """
SELECT e.id, e.dossier_id,
    CASE e.data ->> 'kind' WHEN 'supplement_requested' THEN 1 ELSE 2 END,
    hcc_report_ts(e.data ->> 'at'),
    CASE WHEN e.data ->> 'kind' = 'supplement_received'
        THEN hcc_report_event_due(e.data ->> 'data_json') END
"""
_SUPPLEMENT_WHERE = "e.data ->> 'kind' IN ('supplement_requested', 'supplement_received')"
_RATING_SELECT = """
SELECT r.id, r.dossier_id, r.unit_code, hcc_report_ts(r.data ->> 'rated_at'),
    CASE WHEN jsonb_typeof(r.data -> 'overall') = 'number'
        THEN (r.data ->> 'overall')::numeric::int END
"""
_END_AT_UPDATE = f"""
UPDATE report_dossiers f SET end_at = least(f.end_at, t.first_end)
FROM (SELECT e.dossier_id, min(hcc_report_ts(e.data ->> 'at')) AS first_end
      FROM {{source}} e WHERE e.data ->> 'kind' IN {_TERMINAL}
      GROUP BY e.dossier_id) t
WHERE f.dossier_id = t.dossier_id AND t.first_end IS NOT NULL
    AND (f.end_at IS NULL OR t.first_end < f.end_at)
"""

_TRIGGERS = f"""
CREATE FUNCTION hcc_report_dossiers_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_dossiers ({_DOSSIER_COLUMNS})
    {_DOSSIER_SELECT} FROM changed d
    {_DOSSIER_UPSERT};
    RETURN NULL;
END $$;

CREATE TRIGGER hcc_report_dossiers_insert AFTER INSERT ON dossiers
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_dossiers_sync();
CREATE TRIGGER hcc_report_dossiers_update AFTER UPDATE ON dossiers
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_dossiers_sync();

CREATE FUNCTION hcc_report_events_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_supplements (event_id, dossier_id, kind, at, due_at)
    {_SUPPLEMENT_SELECT} FROM changed e WHERE {_SUPPLEMENT_WHERE}
    ON CONFLICT (event_id) DO NOTHING;
    {_END_AT_UPDATE.format(source="changed")};
    RETURN NULL;
END $$;

CREATE TRIGGER hcc_report_events_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_events_sync();

CREATE FUNCTION hcc_report_ratings_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_ratings (rating_id, dossier_id, unit_code, rated_at, overall)
    {_RATING_SELECT} FROM changed r
    ON CONFLICT (rating_id) DO NOTHING;
    RETURN NULL;
END $$;

CREATE TRIGGER hcc_report_ratings_insert AFTER INSERT ON ratings
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION hcc_report_ratings_sync();
"""

_BACKFILL = f"""
INSERT INTO report_dossiers ({_DOSSIER_COLUMNS})
{_DOSSIER_SELECT} FROM dossiers d;
INSERT INTO report_supplements (event_id, dossier_id, kind, at, due_at)
{_SUPPLEMENT_SELECT} FROM events e WHERE {_SUPPLEMENT_WHERE};
INSERT INTO report_ratings (rating_id, dossier_id, unit_code, rated_at, overall)
{_RATING_SELECT} FROM ratings r;
"""


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("province", sa.String(length=32), nullable=True))
        batch.create_index("ix_units_province", ["province"])
    op.create_table(
        "reviewers",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviewers")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_reviewers_token_hash")),
    )
    op.create_table(
        "report_dossiers",
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("end_at", sa.DateTime(), nullable=True),
        sa.Column("fee_bearing", sa.Boolean(), nullable=False),
        sa.Column("paid_online", sa.Boolean(), nullable=False),
        sa.Column("e_result", sa.Boolean(), nullable=False),
        sa.Column("components", sa.Integer(), nullable=False),
        sa.Column("all_digitised", sa.Boolean(), nullable=False),
        sa.Column("any_reused", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_report_dossiers")),
    )
    op.create_index(
        "ix_report_dossiers_unit_received", "report_dossiers", ["unit_code", "received_at"]
    )
    op.create_table(
        "report_supplements",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_report_supplements")),
    )
    op.create_index("ix_report_supplements_dossier", "report_supplements", ["dossier_id"])
    op.create_table(
        "report_ratings",
        sa.Column("rating_id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=True),
        sa.Column("overall", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("rating_id", name=op.f("pk_report_ratings")),
    )
    op.create_index("ix_report_ratings_unit_rated", "report_ratings", ["unit_code", "rated_at"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTIONS)
    op.execute(_BACKFILL)
    op.execute(_TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER hcc_report_ratings_insert ON ratings")
        op.execute("DROP TRIGGER hcc_report_events_insert ON events")
        op.execute("DROP TRIGGER hcc_report_dossiers_update ON dossiers")
        op.execute("DROP TRIGGER hcc_report_dossiers_insert ON dossiers")
        for name in ("ratings_sync", "events_sync", "dossiers_sync"):
            op.execute(f"DROP FUNCTION hcc_report_{name}()")
        op.execute("DROP FUNCTION hcc_report_event_due(text)")
        op.execute("DROP FUNCTION hcc_report_ts(text)")
    op.drop_table("report_ratings")
    op.drop_table("report_supplements")
    op.drop_table("report_dossiers")
    op.drop_table("reviewers")
    with op.batch_alter_table("units") as batch:
        batch.drop_index("ix_units_province")
        batch.drop_column("province")
