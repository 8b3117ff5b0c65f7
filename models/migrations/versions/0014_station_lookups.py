"""customer_access: what stations asked the server's customer functions; on PostgreSQL those functions

Revision ID: 0014_station_lookups
Revises: 0013_customer_sealed

The SECURITY DEFINER functions (models/customers/station_lookups_pg.py) are owned by whoever migrates, the
database's owner; ``main.py db grant-station ROLE`` lets a station's role execute them.

The functions' SQL is written out here as this revision created them, not imported from those modules: a
later change to a module must come with a revision of its own, or a store migrated before the change and a
new one would run different functions (tests/models/store/test_migrated_functions.py holds the two equal).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0014_station_lookups"
down_revision = "0013_customer_sealed"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# As this revision created them (models/customers/station_lookups_pg.py and station_writes_pg.py of the time).
FUNCTION_SIGNATURES = (
    'counterline_customer_profile(text, text, text, bigint, text, text, timestamptz, integer, text[])',
    'counterline_customer_reveal(text, bigint, text, text, text, text)',
    'counterline_customer_masked(text, bigint, text, text)',
    'counterline_add_follow_up(text, bigint, text, text, timestamptz, text, text, date, text)',
    'counterline_record_outcome(text, bigint, text, text, timestamptz, text, text, text, text, text, date, text[], text[], bigint[])',
)
ACCESS_GUARDS = (
    "CREATE OR REPLACE FUNCTION customer_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'customer_access is append-only'; END $$",
    'CREATE TRIGGER customer_access_no_change BEFORE UPDATE OR DELETE ON customer_access FOR EACH ROW EXECUTE FUNCTION customer_access_append_only()',
)

CREATE_PROFILE = """
CREATE OR REPLACE FUNCTION counterline_customer_profile(
    p_branch text, p_kind text, p_digest text, p_customer bigint, p_staff text, p_station text,
    p_since timestamptz, p_notes integer, p_outcomes text[]
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := true;
    v_role text;
    v_id bigint;
    v_doc jsonb;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    IF p_customer IS NOT NULL THEN
        SELECT id INTO v_id FROM customer WHERE id = p_customer AND branch_id = p_branch;
    ELSIF p_kind = 'card' THEN
        SELECT c.id INTO v_id FROM customer c JOIN customer_card k ON k.customer_id = c.id
         WHERE k.card_hash = p_digest AND c.branch_id = p_branch LIMIT 1;
    ELSIF p_kind = 'id' THEN
        SELECT id INTO v_id FROM customer WHERE id_hash = p_digest AND branch_id = p_branch LIMIT 1;
    ELSIF p_kind = 'phone' THEN
        SELECT id INTO v_id FROM customer WHERE phone_hash = p_digest AND branch_id = p_branch LIMIT 1;
    ELSE
        RAISE EXCEPTION 'unknown look-up kind %', p_kind USING ERRCODE = '22023';
    END IF;
    INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, at)
    VALUES (p_branch, p_station, p_staff, v_role, v_id,
            CASE WHEN v_id IS NULL THEN 'lookup_miss' ELSE 'profile_view' END, clock_timestamp());
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT jsonb_build_object(
        'id', c.id, 'customer_no', c.customer_no, 'name_masked', c.name_masked, 'greeting', c.greeting,
        'id_masked', c.id_masked, 'phone_masked', c.phone_masked, 'birth_date', c.birth_date,
        'segment', c.segment, 'risk_rating', c.risk_rating, 'marketing_consent', c.marketing_consent,
        'aum_prev_month_cents', c.aum_prev_month_cents, 'fx_transactions_90d', c.fx_transactions_90d,
        'cards', COALESCE((SELECT jsonb_agg(k.card_masked ORDER BY k.id) FROM customer_card k
                           WHERE k.customer_id = c.id), '[]'::jsonb),
        'holdings', COALESCE((SELECT jsonb_agg(to_jsonb(h)) FROM holding h WHERE h.customer_id = c.id), '[]'::jsonb),
        'notes', COALESCE((SELECT jsonb_agg(to_jsonb(f)) FROM (
                     (SELECT * FROM follow_up WHERE customer_id = c.id ORDER BY at DESC, id DESC LIMIT p_notes)
                     UNION
                     SELECT * FROM follow_up
                      WHERE customer_id = c.id AND next_action_on IS NOT NULL AND done_at IS NULL) f), '[]'::jsonb),
        'complaints', COALESCE((SELECT jsonb_agg(to_jsonb(m)) FROM complaint m
                                WHERE m.customer_id = c.id AND m.status = 'open'), '[]'::jsonb),
        'pitches', COALESCE((SELECT jsonb_agg(jsonb_build_object('product', o.product, 'rule_code', o.rule_code,
                                                                 'at', o.at))
                             FROM crosssell_outcome o
                             WHERE o.customer_id = c.id AND o.outcome = ANY(p_outcomes) AND o.at >= p_since),
                            '[]'::jsonb)
    ) INTO v_doc FROM customer c WHERE c.id = v_id;
    RETURN v_doc;
END
$fn$
"""

CREATE_REVEAL = """
CREATE OR REPLACE FUNCTION counterline_customer_reveal(
    p_branch text, p_customer bigint, p_field text, p_staff text, p_station text, p_reason text
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := false;
    v_role text;
    v_no text;
    v_sealed text;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    IF p_field NOT IN ('name', 'phone') THEN
        RAISE EXCEPTION 'nothing to reveal in %', p_field USING ERRCODE = '22023';
    END IF;
    IF v_role NOT IN ('supervisor', 'administrator') THEN
        INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, reason, at)
        VALUES (p_branch, p_station, p_staff, v_role, p_customer, 'reveal_denied', p_field || ': ' || p_reason,
                clock_timestamp());
        RETURN jsonb_build_object('denied', true);
    END IF;
    SELECT customer_no, CASE WHEN p_field = 'phone' THEN phone_sealed ELSE name_sealed END
      INTO v_no, v_sealed FROM customer WHERE id = p_customer AND branch_id = p_branch;
    IF v_no IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, reason, at)
    VALUES (p_branch, p_station, p_staff, v_role, p_customer, 'reveal', p_field || ': ' || p_reason, clock_timestamp());
    RETURN jsonb_build_object('customer_no', v_no, 'sealed', v_sealed);
END
$fn$
"""

CREATE_MASKED = """
CREATE OR REPLACE FUNCTION counterline_customer_masked(p_branch text, p_customer bigint, p_staff text, p_station text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := true;
    v_role text;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    RETURN (SELECT jsonb_build_object('id', id, 'customer_no', customer_no, 'name_masked', name_masked)
              FROM customer WHERE id = p_customer AND branch_id = p_branch);
END
$fn$
"""

CREATE_NOTE = """
CREATE OR REPLACE FUNCTION counterline_add_follow_up(
    p_branch text, p_customer bigint, p_staff text, p_station text, p_at timestamptz, p_channel text,
    p_text text, p_next date, p_owner text
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := false;
    v_role text;
    v_note follow_up;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    
    IF NOT EXISTS (SELECT 1 FROM customer WHERE id = p_customer AND branch_id = p_branch) THEN
        RETURN NULL;
    END IF;

    IF p_owner IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM staff WHERE branch_id = p_branch AND id = p_owner AND active
    ) THEN
        RAISE EXCEPTION 'no active staff member % in branch %', p_owner, p_branch USING ERRCODE = '22023';
    END IF;
    INSERT INTO follow_up (branch_id, customer_id, staff_id, at, channel, text, next_action_on, owner_id)
    VALUES (p_branch, p_customer, p_staff, p_at, p_channel, p_text, p_next, p_owner) RETURNING * INTO v_note;
    INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, at)
    VALUES (p_branch, p_station, p_staff, v_role, p_customer, 'note_added', clock_timestamp());
    RETURN to_jsonb(v_note);
END
$fn$
"""

CREATE_OUTCOME = """
CREATE OR REPLACE FUNCTION counterline_record_outcome(
    p_branch text, p_customer bigint, p_staff text, p_station text, p_at timestamptz, p_rule text,
    p_product text, p_outcome text, p_ticket text, p_note text, p_follow_up_on date,
    p_non_asset text[], p_tier_codes text[], p_tier_mins bigint[]
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := false;
    v_role text;
    v_note follow_up;
    v_aum bigint;
    v_tier text;
    v_outcome crosssell_outcome;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    
    IF NOT EXISTS (SELECT 1 FROM customer WHERE id = p_customer AND branch_id = p_branch) THEN
        RETURN NULL;
    END IF;

    IF p_follow_up_on IS NOT NULL THEN
        INSERT INTO follow_up (branch_id, customer_id, staff_id, at, channel, text, next_action_on)
        VALUES (p_branch, p_customer, p_staff, p_at, 'counter', p_note, p_follow_up_on) RETURNING * INTO v_note;
    END IF;
    SELECT COALESCE(sum(balance_cents) FILTER (WHERE kind <> ALL (p_non_asset)), 0) INTO v_aum
      FROM holding WHERE customer_id = p_customer;
    SELECT code INTO v_tier FROM unnest(p_tier_codes, p_tier_mins) AS t(code, low)
     WHERE low <= v_aum ORDER BY low DESC LIMIT 1;
    INSERT INTO crosssell_outcome (branch_id, customer_id, rule_code, product, outcome, staff_id, station_id,
                                   ticket_id, at, follow_up_id, tier)
    VALUES (p_branch, p_customer, p_rule, p_product, p_outcome, p_staff, p_station, p_ticket, p_at, v_note.id,
            COALESCE(v_tier, p_tier_codes[1]))
    RETURNING * INTO v_outcome;
    INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, at)
    VALUES (p_branch, p_station, p_staff, v_role, p_customer, 'prompt_outcome', clock_timestamp());
    RETURN jsonb_build_object('outcome', to_jsonb(v_outcome),
                              'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
END
$fn$
"""

CREATE_FUNCTIONS = (CREATE_PROFILE, CREATE_REVEAL, CREATE_MASKED, CREATE_NOTE, CREATE_OUTCOME) + tuple(
    f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC" for signature in FUNCTION_SIGNATURES
)


def upgrade() -> None:
    op.create_table(
        "customer_access",
        sa.Column("id", RowId, autoincrement=True, nullable=False),
        sa.Column("branch_id", sa.String(length=32), nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.BigInteger(), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_access")),
    )
    op.create_index("ix_customer_access_branch_at", "customer_access", ["branch_id", "at"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*ACCESS_GUARDS, *CREATE_FUNCTIONS):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for signature in FUNCTION_SIGNATURES:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
    op.drop_index("ix_customer_access_branch_at", table_name="customer_access")
    op.drop_table("customer_access")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS customer_access_append_only()")
