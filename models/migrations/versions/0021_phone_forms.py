"""counterline_customer_profile finds a phone under any of the forms it may be stored in (PostgreSQL)

Revision ID: 0021_phone_forms
Revises: 0020_credit_visit

A phone is now stored in one canonical form (E.164, read in the branch's region); customers stored before keep
the hash of the number as it was typed, which cannot be recomputed. A look-up therefore hashes the canonical
form and the few older forms of the typed number (queueing/customers/phones.py) and the function matches any
of them: the station passes them in p_digest joined by commas, so the signature and every grant on it stay
(CREATE OR REPLACE), and a station not yet upgraded, sending one digest, is answered as before. At most 10
forms per call: one call, logged once, cannot try a range of numbers. The earliest form that matches wins.

The function's SQL is written out as this revision made it (tests/models/store/test_migrated_functions.py
holds it equal to models/customers/station_lookups_pg.py).
"""

from __future__ import annotations

from alembic import op

revision = "0021_phone_forms"
down_revision = "0020_credit_visit"
branch_labels = None
depends_on = None

CREATE_PROFILE_0021 = """
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
               AND t.staff_id = p_staff
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

# The function as 0020 made it (the visit rule, one digest per look-up), for a downgrade.
CREATE_PROFILE_0020 = """
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
               AND t.staff_id = p_staff
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


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CREATE_PROFILE_0021)  # the same signature as 0020's: CREATE OR REPLACE keeps its grants


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CREATE_PROFILE_0020)
