"""The visit rule follows the counter: a teller who takes a counter over may open its customer's profile and
record their answers (counterline_customer_profile, counterline_record_outcome; PostgreSQL)

Revision ID: 0026_visit_at_the_counter
Revises: 0025_pin_guess

When a teller's window closed with a customer at the counter, the next teller signed in there and served that
customer, but the functions (0020) required the ticket's caller to be the one asking: the teller in front of
the customer could not see the profile nor record the answers. A called or served ticket is now the visit of
whoever holds its counter (queueing/customers/visits.py). After the finish, a late answer (10 minutes) is the
finisher's: ``ticket.finished_by``, new here, says who was signed in at the counter when it finished (rows
from before: its caller), so a teller who left before the finish gains nothing from a colleague's. The visit's
piece-rate credit stays with its caller; an answer is the recorder's.

Both functions keep their signatures (CREATE OR REPLACE keeps their grants); their SQL is written out as this
revision made it (tests/models/store/test_migrated_functions.py holds it equal to the modules).
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0026_visit_at_the_counter"
down_revision = "0025_pin_guess"
branch_labels = None
depends_on = None

PROFILE_0026 = """
CREATE OR REPLACE FUNCTION counterline_customer_profile(
    p_branch text, p_kind text, p_digest text, p_customer bigint, p_staff text, p_station text,
    p_since timestamptz, p_notes integer, p_outcomes text[], p_ticket text
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := true;
    v_role text;
    v_id bigint;
    v_doc jsonb;
    v_visit boolean;
    v_digests text[];
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
        -- By id: only the customer of the visit the account serves (a look-up by number needs the number).
        
    IF p_ticket IS NULL THEN
        v_visit := v_role IN ('administrator', 'supervisor') AND has_table_privilege(session_user, 'customer', 'SELECT');
    ELSE
        v_visit := EXISTS (
            SELECT 1 FROM ticket t
             WHERE t.id = p_ticket AND t.branch_id = p_branch AND t.customer_id = p_customer::text
               AND ((t.status IN ('called', 'serving') AND EXISTS (
                        SELECT 1 FROM counter_session s
                         WHERE s.branch_id = p_branch AND s.counter_id = t.counter_id
                           AND s.staff_id = p_staff))));
    END IF;

        IF NOT v_visit THEN
            RETURN jsonb_build_object('not_your_visit', true);
        END IF;
        SELECT id INTO v_id FROM customer WHERE id = p_customer AND branch_id = p_branch;
    ELSIF p_kind = 'card' THEN
        SELECT c.id INTO v_id FROM customer c JOIN customer_card k ON k.customer_id = c.id
         WHERE k.card_hash = p_digest AND c.branch_id = p_branch LIMIT 1;
    ELSIF p_kind = 'id' THEN
        SELECT id INTO v_id FROM customer WHERE id_hash = p_digest AND branch_id = p_branch LIMIT 1;
    ELSIF p_kind = 'phone' THEN
        v_digests := string_to_array(p_digest, ',');
        IF cardinality(v_digests) > 10 THEN
            RAISE EXCEPTION 'at most 10 phone forms in one look-up' USING ERRCODE = '22023';
        END IF;
        SELECT id INTO v_id FROM customer WHERE phone_hash = ANY(v_digests) AND branch_id = p_branch
         ORDER BY array_position(v_digests, phone_hash), id LIMIT 1;
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

OUTCOME_0026 = """
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
    v_visit boolean;
BEGIN
    
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;

    IF p_request IS NOT NULL THEN
        -- The station's id of this answer, sent again with its retry: the answer it names counts once, and
        -- only for the customer, rule and account it was given for (an id is no key to someone else's answer).
        PERFORM pg_advisory_xact_lock(hashtext('crosssell-request|' || p_branch || '|' || p_request));
        SELECT * INTO v_outcome FROM crosssell_outcome WHERE branch_id = p_branch AND request_id = p_request;
        IF FOUND AND (v_outcome.customer_id <> p_customer OR v_outcome.rule_code <> p_rule
                      OR v_outcome.staff_id <> p_staff) THEN
            RETURN jsonb_build_object('request_taken', true);
        END IF;
    END IF;
    IF v_outcome.id IS NULL AND p_ticket IS NOT NULL THEN
        -- An answer sent again (the first one's reply lost) counts once: the ticket's outcome of the rule.
        PERFORM pg_advisory_xact_lock(hashtext('crosssell|' || p_branch || '|' || p_ticket));
        SELECT * INTO v_outcome FROM crosssell_outcome
         WHERE branch_id = p_branch AND customer_id = p_customer AND ticket_id = p_ticket AND rule_code = p_rule
         ORDER BY id LIMIT 1;
    END IF;
    IF v_outcome.id IS NULL OR v_outcome.staff_id <> p_staff THEN
        -- Anything but this account's own answer sent again needs its visit (piece-rate credit is at stake).
        
    IF p_ticket IS NULL THEN
        v_visit := v_role IN ('administrator', 'supervisor') AND has_table_privilege(session_user, 'customer', 'SELECT');
    ELSE
        v_visit := EXISTS (
            SELECT 1 FROM ticket t
             WHERE t.id = p_ticket AND t.branch_id = p_branch AND t.customer_id = p_customer::text
               AND ((t.status IN ('called', 'serving') AND EXISTS (
                        SELECT 1 FROM counter_session s
                         WHERE s.branch_id = p_branch AND s.counter_id = t.counter_id
                           AND s.staff_id = p_staff))
                    OR (t.status = 'done' AND COALESCE(t.finished_by, t.staff_id) = p_staff
                        AND t.finished_at >= now() - interval '10 minutes')));
    END IF;

        IF NOT v_visit THEN
            RETURN jsonb_build_object('not_your_visit', true);
        END IF;
    END IF;
    
    IF NOT EXISTS (SELECT 1 FROM customer WHERE id = p_customer AND branch_id = p_branch) THEN
        RETURN NULL;
    END IF;

    IF NOT (SELECT marketing_consent FROM customer WHERE id = p_customer) THEN
        RETURN jsonb_build_object('no_consent', true);
    END IF;
    IF v_outcome.id IS NOT NULL THEN
        SELECT * INTO v_note FROM follow_up WHERE id = v_outcome.follow_up_id;
        RETURN jsonb_build_object('outcome', to_jsonb(v_outcome), 'repeated', true,
                                  'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
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

def _made_by(revision_file: str, name: str) -> str:
    """A function's SQL as an earlier revision made it (a revision's file never changes once released)."""
    return str(getattr(importlib.import_module(f"models.migrations.versions.{revision_file}"), name))


def upgrade() -> None:
    # Who was signed in at the counter when the ticket finished: the late answer is theirs.
    op.add_column("ticket", sa.Column("finished_by", sa.String(32), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PROFILE_0026)
        op.execute(OUTCOME_0026)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_made_by("0021_phone_forms", "CREATE_PROFILE_0021"))
        op.execute(_made_by("0020_credit_visit", "OUTCOME_0020"))
    op.drop_column("ticket", "finished_by")
