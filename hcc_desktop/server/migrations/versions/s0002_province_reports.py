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
from sqlalchemy.dialects import postgresql

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None

# Frozen copies of core.lifecycle.TERMINAL_EVENTS and the supplement event kinds:
# a migration must not change when the code does.
_TERMINAL = "('refused', 'withdrawn', 'stopped', 'processed', 'returned')"
_TERMINAL_STATUSES = "('3', '7', '8', '9', '10')"

_DOC = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

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

CREATE FUNCTION hcc_report_event_verdict(v text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN coalesce((v::jsonb) ->> 'timeliness', '');
EXCEPTION WHEN others THEN
    RETURN '';
END $$;
"""

# One row of report_dossiers from a dossier document ``d`` (alias of a row
# with columns id, unit_code, data).
# An event that ends a dossier: by kind, or by the status it leads to.
_TERMINAL_EVENT = (
    f"(e.data ->> 'kind' IN {_TERMINAL} OR e.data ->> 'to_status' IN {_TERMINAL_STATUSES})"
)

_SUPPLEMENT_EVENT = "e.data ->> 'kind' IN ('supplement_requested', 'supplement_received')"

# The rows of report_dossiers for the dossier documents of ``{source}`` (a
# table with columns id, unit_code, data).
_DOSSIER_SELECT = f"""
SELECT d.id, d.unit_code,
    coalesce(d.data ->> 'procedure_field', ''),
    coalesce(d.data ->> 'procedure_code', ''),
    coalesce(d.data ->> 'channel', ''),
    hcc_report_ts(d.data ->> 'received_at'),
    hcc_report_ts(coalesce(d.data ->> 'original_due_at', d.data ->> 'due_at')),
    first_end.at, coalesce(first_end.verdict, ''),
    (SELECT count(*) FROM events e WHERE e.dossier_id = d.id AND {_SUPPLEMENT_EVENT}),
    CASE d.data -> 'paid_online' WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END,
    CASE d.data -> 'e_result' WHEN 'true'::jsonb THEN true WHEN 'false'::jsonb THEN false END,
    c.n, c.digitised, c.unknown, c.reused, coalesce(c.ids, '[]'::jsonb)
FROM {{source}} d
LEFT JOIN LATERAL (
    SELECT hcc_report_ts(e.data ->> 'at') AS at,
        hcc_report_event_verdict(e.data ->> 'data_json') AS verdict
    FROM events e WHERE e.dossier_id = d.id AND {_TERMINAL_EVENT}
    ORDER BY 1, 2 LIMIT 1
) first_end ON true
CROSS JOIN LATERAL (
    SELECT count(*) AS n,
        count(*) FILTER (WHERE x -> 'digitised' = 'true'::jsonb) AS digitised,
        count(*) FILTER (WHERE coalesce(x -> 'digitised', 'null'::jsonb) = 'null'::jsonb)
            AS unknown,
        count(*) FILTER (WHERE x -> 'reused_digital' = 'true'::jsonb) AS reused,
        jsonb_agg(x -> 'component_id') FILTER (WHERE jsonb_typeof(x -> 'component_id') = 'string')
            AS ids
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d.data -> 'components') = 'array'
        THEN d.data -> 'components' ELSE '[]'::jsonb END) x
) c
"""
_DOSSIER_COLUMNS = (
    "dossier_id, unit_code, field, procedure_code, channel, received_at, due_at, end_at,"
    " end_verdict, supplements, paid_online, e_result, components, digitised,"
    " digitised_unknown, reused, component_ids"
)
_DOSSIER_UPSERT = """
ON CONFLICT (dossier_id) DO UPDATE SET
    unit_code = excluded.unit_code, field = excluded.field,
    procedure_code = excluded.procedure_code, channel = excluded.channel,
    received_at = excluded.received_at, due_at = excluded.due_at,
    paid_online = excluded.paid_online, e_result = excluded.e_result,
    components = excluded.components, digitised = excluded.digitised,
    digitised_unknown = excluded.digitised_unknown, reused = excluded.reused,
    component_ids = excluded.component_ids
"""
_SUPPLEMENT_SELECT = """
SELECT e.id, e.dossier_id, e.unit_code,
    CASE e.data ->> 'kind' WHEN 'supplement_requested' THEN 1 ELSE 2 END,
    hcc_report_ts(e.data ->> 'at'),
    CASE WHEN e.data ->> 'kind' = 'supplement_received'
        THEN hcc_report_event_due(e.data ->> 'data_json') END
"""
_SUPPLEMENT_WHERE = _SUPPLEMENT_EVENT
_RATING_SELECT = """
SELECT r.id, r.dossier_id, r.unit_code, hcc_report_ts(r.data ->> 'rated_at'),
    CASE WHEN jsonb_typeof(r.data -> 'overall') = 'number'
        THEN (r.data ->> 'overall')::numeric::int END
"""
# The end (first terminal event) and the number of supplement events of the
# dossiers that ``{source}`` events belong to.
_END_AT_UPDATE = f"""
UPDATE report_dossiers f SET
    end_at = CASE WHEN t.first_end IS NOT NULL AND (f.end_at IS NULL OR t.first_end < f.end_at
            OR (t.first_end = f.end_at AND t.verdict < f.end_verdict))
        THEN t.first_end ELSE f.end_at END,
    end_verdict = CASE WHEN t.first_end IS NOT NULL AND (f.end_at IS NULL
            OR t.first_end < f.end_at OR (t.first_end = f.end_at AND t.verdict < f.end_verdict))
        THEN t.verdict ELSE f.end_verdict END,
    supplements = f.supplements + t.supplements
FROM (SELECT e.dossier_id,
        min(hcc_report_ts(e.data ->> 'at')) FILTER (WHERE {_TERMINAL_EVENT}) AS first_end,
        (array_agg(hcc_report_event_verdict(e.data ->> 'data_json')
            ORDER BY hcc_report_ts(e.data ->> 'at'),
                hcc_report_event_verdict(e.data ->> 'data_json'))
            FILTER (WHERE {_TERMINAL_EVENT}))[1] AS verdict,
        count(*) FILTER (WHERE {_SUPPLEMENT_EVENT}) AS supplements
      FROM {{source}} e WHERE {_TERMINAL_EVENT} OR {_SUPPLEMENT_EVENT}
      GROUP BY e.dossier_id) t
WHERE f.dossier_id = t.dossier_id
"""

_TRIGGERS = f"""
CREATE FUNCTION hcc_report_dossiers_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_dossiers ({_DOSSIER_COLUMNS})
    {_DOSSIER_SELECT.format(source="changed")}
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
    INSERT INTO report_supplements (event_id, dossier_id, unit_code, kind, at, due_at)
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
{_DOSSIER_SELECT.format(source="dossiers")};
INSERT INTO report_supplements (event_id, dossier_id, unit_code, kind, at, due_at)
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
        sa.Column("procedure_code", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("end_at", sa.DateTime(), nullable=True),
        sa.Column("end_verdict", sa.String(length=8), nullable=False),
        sa.Column("supplements", sa.Integer(), nullable=False),
        sa.Column("paid_online", sa.Boolean(), nullable=True),
        sa.Column("e_result", sa.Boolean(), nullable=True),
        sa.Column("components", sa.Integer(), nullable=False),
        sa.Column("digitised", sa.Integer(), nullable=False),
        sa.Column("digitised_unknown", sa.Integer(), nullable=False),
        sa.Column("reused", sa.Integer(), nullable=False),
        sa.Column("component_ids", _DOC, nullable=False),
        sa.PrimaryKeyConstraint("dossier_id", name=op.f("pk_report_dossiers")),
    )
    op.create_index(
        "ix_report_dossiers_unit_received", "report_dossiers", ["unit_code", "received_at"]
    )
    op.create_table(
        "report_supplements",
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("dossier_id", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_report_supplements")),
    )
    op.create_index("ix_report_supplements_dossier", "report_supplements", ["dossier_id", "at"])
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
        op.execute("DROP FUNCTION hcc_report_event_verdict(text)")
        op.execute("DROP FUNCTION hcc_report_event_due(text)")
        op.execute("DROP FUNCTION hcc_report_ts(text)")
    op.drop_table("report_ratings")
    op.drop_table("report_supplements")
    op.drop_table("report_dossiers")
    op.drop_table("reviewers")
    with op.batch_alter_table("units") as batch:
        batch.drop_index("ix_units_province")
        batch.drop_column("province")
