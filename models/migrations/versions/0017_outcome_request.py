"""crosssell_outcome.request_id: the station's own id of an answer, so an answer given outside a visit (no
ticket) and sent again after a lost reply counts once; counterline_record_outcome takes it (PostgreSQL)

Revision ID: 0017_outcome_request
Revises: 0016_outcome_once

0016 made an outcome with a ticket count once; one without a ticket was written again by every retry,
in conversion and in the piece rate. The station now makes one id per answer and repeats it with the
retry; a unique index on (branch_id, request_id) keeps the answer once. On PostgreSQL the outcome
function gains the parameter (a new signature): the roles that could run the old one may run the new.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = "0017_outcome_request"
down_revision = "0016_outcome_once"
branch_labels = None
depends_on = None

# Written out as this revision made them: a later edit of the live module must not change what it did.
OLD_SIGNATURE = (
    "counterline_record_outcome(text, bigint, text, text, timestamptz, text, text, text, text, text, date, text[],"
    " text[], bigint[])"
)
NEW_SIGNATURE = (
    "counterline_record_outcome(text, bigint, text, text, timestamptz, text, text, text, text, text, date, text[],"
    " text[], bigint[], text)"
)
# The roles (other than the owner) that may run a function, read before it is dropped.
GRANTEES = """
SELECT DISTINCT a.grantee::regrole::text FROM pg_proc p, aclexplode(p.proacl) a
 WHERE p.oid = to_regprocedure(:signature) AND a.privilege_type = 'EXECUTE' AND a.grantee <> 0
   AND a.grantee <> p.proowner
"""

# The function this revision creates.
OUTCOME_0017 = """
CREATE OR REPLACE FUNCTION counterline_record_outcome(
    p_branch text, p_customer bigint, p_staff text, p_station text, p_at timestamptz, p_rule text,
    p_product text, p_outcome text, p_ticket text, p_note text, p_follow_up_on date,
    p_non_asset text[], p_tier_codes text[], p_tier_mins bigint[], p_request text
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
    IF p_request IS NOT NULL THEN
        -- The station's id of this answer, sent again with its retry: the answer it names counts once, and
        -- only for the customer and rule it was given for (an id is no key to someone else's answer).
        PERFORM pg_advisory_xact_lock(hashtext('crosssell-request|' || p_branch || '|' || p_request));
        SELECT * INTO v_outcome FROM crosssell_outcome WHERE branch_id = p_branch AND request_id = p_request;
        IF FOUND THEN
            IF v_outcome.customer_id <> p_customer OR v_outcome.rule_code <> p_rule THEN
                RETURN jsonb_build_object('request_taken', true);
            END IF;
            SELECT * INTO v_note FROM follow_up WHERE id = v_outcome.follow_up_id;
            RETURN jsonb_build_object('outcome', to_jsonb(v_outcome), 'repeated', true,
                                      'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
        END IF;
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
                                   ticket_id, at, follow_up_id, tier, request_id)
    VALUES (p_branch, p_customer, p_rule, p_product, p_outcome, p_staff, p_station, p_ticket, p_at, v_note.id,
            COALESCE(v_tier, p_tier_codes[1]), p_request)
    RETURNING * INTO v_outcome;
    INSERT INTO customer_access (branch_id, station_id, staff_id, role, customer_id, action, at)
    VALUES (p_branch, p_station, p_staff, v_role, p_customer, 'prompt_outcome', clock_timestamp());
    RETURN jsonb_build_object('outcome', to_jsonb(v_outcome),
                              'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
END
$fn$
"""

# The function as 0016_outcome_once left it, for the downgrade.
OUTCOME_0016 = """
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


def _replace(old_signature: str, new_signature: str, create: str) -> None:
    bind = op.get_bind()
    grantees = bind.execute(sa.text(GRANTEES), {"signature": old_signature}).scalars().all()
    op.execute(f"DROP FUNCTION IF EXISTS {old_signature}")
    op.execute(create)
    op.execute(f"REVOKE ALL ON FUNCTION {new_signature} FROM PUBLIC")
    quote = bind.dialect.identifier_preparer.quote
    for role in grantees:
        op.execute(f"GRANT EXECUTE ON FUNCTION {new_signature} TO {quote(role.strip(chr(34)))}")


def upgrade() -> None:
    op.add_column("crosssell_outcome", sa.Column("request_id", sa.String(length=64), nullable=True))
    op.create_index(
        "uq_crosssell_outcome_request",
        "crosssell_outcome",
        ["branch_id", "request_id"],
        unique=True,
        sqlite_where=sa.text("request_id IS NOT NULL"),
        postgresql_where=sa.text("request_id IS NOT NULL"),
    )
    if op.get_bind().dialect.name == "postgresql":
        _replace(OLD_SIGNATURE, NEW_SIGNATURE, OUTCOME_0017)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _replace(NEW_SIGNATURE, OLD_SIGNATURE, OUTCOME_0016)
    op.drop_index("uq_crosssell_outcome_request", table_name="crosssell_outcome")
    with op.batch_alter_table("crosssell_outcome") as batch:
        batch.drop_column("request_id")
