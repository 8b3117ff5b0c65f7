"""The server judges a cross-sell answer by the branch's published rulebook; a visit's own answers start no
cool-down in the profile (crosssell_rulebook, crosssell_rulebook_rule, crosssell_rulebook_tier;
counterline_record_outcome, counterline_customer_profile on PostgreSQL)

Revision ID: 0033_published_rulebook
Revises: 0032_ticket_conflict

A station's login may call counterline_record_outcome directly. It checked the visit and the consent, then
recorded any rule code and product it was given, with the tier from the caller's own thresholds: a teller could
be paid piece-rate for invented "accepted" answers. The server knew no rulebook. Now the branch's rulebook (each
rule's code, product, risk ceiling and cool-down) and its tier thresholds are published to these tables by
whoever holds the files (models/marketing/rulebook_publish.py), and the function refuses, with an SQLSTATE of
class RB and a message naming the rule, an answer to a rule the published rulebook does not hold, to a product
the rule does not offer, to a product the customer holds or may not be offered (risk) or answered within its
cool-down, and a visit's third rule; the tier comes from the published thresholds.

The profile function left a visit's own answers in the cool-downs it returns (SQLite left them out): a visit
transferred, parked and returned or reopened after a restart hid a prompt it had shown, or refused its answer.

Not published here: a revision never reads the branch's files. ``db upgrade`` publishes the files at hand to
every branch that has none yet, and the supervisor's screen publishes the branch's own at its start; until one
of them has run, the function refuses every new answer (SQLSTATE RB001) rather than pay for unscreened ones.

Both functions keep their signatures (CREATE OR REPLACE keeps their grants); their SQL is written out as this
revision made it (tests/models/store/test_migrated_functions.py holds it equal to the modules).
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0033_published_rulebook"
down_revision = "0032_ticket_conflict"
branch_labels = None
depends_on = None

PROFILE_0033 = """
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
                             WHERE o.customer_id = c.id AND o.outcome = ANY(p_outcomes) AND o.at >= p_since
                               AND (p_ticket IS NULL OR o.ticket_id IS NULL OR o.ticket_id <> p_ticket)),
                            '[]'::jsonb)
    ) INTO v_doc FROM customer c WHERE c.id = v_id;
    RETURN v_doc;
END
$fn$
"""

OUTCOME_0033 = """
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
    v_book crosssell_rulebook;
    v_rule crosssell_rulebook_rule;
    v_zone text;
    v_today date;
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
    -- A new answer only: one recorded before stays what it was, whatever a reload did to its rule since.
    
    SELECT * INTO v_book FROM crosssell_rulebook WHERE branch_id = p_branch;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'branch % has no cross-sell rulebook published: no answer is recorded', to_json(p_branch)
              USING ERRCODE = 'RB001';
    END IF;
    SELECT * INTO v_rule FROM crosssell_rulebook_rule WHERE branch_id = p_branch AND code = p_rule;
    IF NOT FOUND OR v_rule.product IS DISTINCT FROM p_product THEN
        RAISE EXCEPTION 'no cross-sell rule % offering % in the rulebook of branch %',
              to_json(left(p_rule, 80)), to_json(left(p_product, 80)), to_json(p_branch)
              USING ERRCODE = 'RB002';
    END IF;
    IF EXISTS (SELECT 1 FROM holding WHERE customer_id = p_customer
                AND (kind = v_rule.product OR product_code = v_rule.product)) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: customer % holds %', to_json(p_rule), p_customer,
              to_json(v_rule.product) USING ERRCODE = 'RB003';
    END IF;
    IF v_rule.risk_level IS NOT NULL
       AND v_rule.risk_level > COALESCE((SELECT risk_rating FROM customer WHERE id = p_customer), 0) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: % is above the risk rating of customer %',
              to_json(p_rule), to_json(v_rule.product), p_customer USING ERRCODE = 'RB003';
    END IF;
    -- The branch's calendar day, by the server's clock or the caller's if earlier: a station's clock set ahead
    -- does not end a cool-down early.
    SELECT COALESCE(timezone, 'UTC') INTO v_zone FROM branch WHERE id = p_branch;
    v_today := (LEAST(p_at, now()) AT TIME ZONE COALESCE(v_zone, 'UTC'))::date;
    IF EXISTS (SELECT 1 FROM crosssell_outcome o
                WHERE o.customer_id = p_customer AND o.product = v_rule.product AND o.outcome IN ('accepted', 'declined', 'interested', 'referred')
                  AND (p_ticket IS NULL OR o.ticket_id IS NULL OR o.ticket_id <> p_ticket)
                  AND v_today - (o.at AT TIME ZONE COALESCE(v_zone, 'UTC'))::date < v_rule.cooldown_days) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: customer % answered % within its cool-down',
              to_json(p_rule), p_customer, to_json(v_rule.product) USING ERRCODE = 'RB003';
    END IF;
    IF p_ticket IS NOT NULL AND (
        SELECT count(DISTINCT o.rule_code) FROM crosssell_outcome o
         WHERE o.branch_id = p_branch AND o.ticket_id = p_ticket AND o.customer_id = p_customer
    ) >= 2 THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: visit % answered the % prompts a visit shows',
              to_json(p_rule), to_json(p_ticket), 2 USING ERRCODE = 'RB003';
    END IF;

    IF p_follow_up_on IS NOT NULL THEN
        INSERT INTO follow_up (branch_id, customer_id, staff_id, at, channel, text, next_action_on)
        VALUES (p_branch, p_customer, p_staff, p_at, 'counter', p_note, p_follow_up_on) RETURNING * INTO v_note;
    END IF;
    
    SELECT COALESCE(sum(balance_cents) FILTER (
               WHERE kind <> ALL (string_to_array(v_book.non_asset_kinds, ','))), 0) INTO v_aum
      FROM holding WHERE customer_id = p_customer;
    SELECT code INTO v_tier FROM crosssell_rulebook_tier
     WHERE branch_id = p_branch AND min_aum_cents <= v_aum ORDER BY min_aum_cents DESC LIMIT 1;
    IF v_tier IS NULL THEN  -- below the lowest threshold (a negative balance): the lowest tier, as tier_for
        SELECT code INTO v_tier FROM crosssell_rulebook_tier WHERE branch_id = p_branch ORDER BY rank LIMIT 1;
    END IF;

    INSERT INTO crosssell_outcome (branch_id, customer_id, rule_code, product, outcome, staff_id, station_id,
                                   ticket_id, at, follow_up_id, tier, request_id)
    VALUES (p_branch, p_customer, p_rule, p_product, p_outcome, p_staff, p_station, p_ticket, p_at, v_note.id,
            v_tier, p_request)
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
    op.create_table(
        "crosssell_rulebook",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("non_asset_kinds", sa.String(200), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "crosssell_rulebook_rule",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("product", sa.String(40), nullable=False),
        sa.Column("risk_level", sa.Integer, nullable=True),
        sa.Column("cooldown_days", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["crosssell_rulebook.branch_id"], ondelete="CASCADE"),
    )
    op.create_table(
        "crosssell_rulebook_tier",
        sa.Column("branch_id", sa.String(32), primary_key=True),
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("min_aum_cents", sa.BigInteger, nullable=False),
        sa.ForeignKeyConstraint(["branch_id"], ["crosssell_rulebook.branch_id"], ondelete="CASCADE"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PROFILE_0033)
        op.execute(OUTCOME_0033)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_made_by("0026_visit_at_the_counter", "PROFILE_0026"))
        op.execute(_made_by("0026_visit_at_the_counter", "OUTCOME_0026"))
    op.drop_table("crosssell_rulebook_tier")
    op.drop_table("crosssell_rulebook_rule")
    op.drop_table("crosssell_rulebook")
