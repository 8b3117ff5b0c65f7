"""counterline_record_outcome (PostgreSQL): an outcome sent again for the same ticket and rule counts once;
none for a customer who opted out of marketing

Revision ID: 0016_outcome_once
Revises: 0015_visit_rating

A station whose answer was lost on the network sends the same outcome again; the function now returns
the ticket's earlier outcome of the rule (marked ``repeated``) instead of writing a second one, and
writes nothing for a customer without marketing consent. SQLite does the same in
models/marketing/crosssell_service.py and needs no change to its schema.
"""

from __future__ import annotations

from alembic import op

revision = "0016_outcome_once"
down_revision = "0015_visit_rating"
branch_labels = None
depends_on = None

# The function as this revision creates it (models/customers/station_writes_pg.py of the time): written out, so
# a later change there needs a revision of its own (tests/models/store/test_migrated_functions.py).
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

    IF NOT (SELECT marketing_consent FROM customer WHERE id = p_customer) THEN
        RETURN jsonb_build_object('no_consent', true);
    END IF;
    IF p_ticket IS NOT NULL THEN
        -- An answer sent again (the first one's reply lost) counts once: the ticket's outcome of the rule.
        PERFORM pg_advisory_xact_lock(hashtext('crosssell|' || p_branch || '|' || p_ticket));
        SELECT * INTO v_outcome FROM crosssell_outcome
         WHERE branch_id = p_branch AND customer_id = p_customer AND ticket_id = p_ticket AND rule_code = p_rule
         ORDER BY id LIMIT 1;
        IF FOUND THEN
            SELECT * INTO v_note FROM follow_up WHERE id = v_outcome.follow_up_id;
            RETURN jsonb_build_object('outcome', to_jsonb(v_outcome), 'repeated', true,
                                      'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
        END IF;
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

# The function as 0014_station_lookups created it, for the downgrade (CREATE OR REPLACE keeps the grants).
PREVIOUS_OUTCOME = """
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


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CREATE_OUTCOME)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PREVIOUS_OUTCOME)
