"""The server's writes on a customer for stations (PostgreSQL): a note or follow-up, a prompt's outcome.

A station's role holds no privilege on the customer tables (models/sync/station_grants.py), so what a
teller records about a customer goes through SECURITY DEFINER functions too. Each checks the
account, that the customer is in the branch, writes the row and its ``customer_access`` row in
the caller's transaction and returns the row written.

A prompt's outcome is screened there against the rulebook the branch published (models/customers/
answer_screen_sql.py), and the customer's tier kept with it is computed from the holdings with the published
thresholds. ``p_non_asset``, ``p_tier_codes`` and ``p_tier_mins`` stay in the signature (the station roles'
grants and the stations not yet upgraded call it so) but are not read: a caller's thresholds are its own word.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.customers.answer_screen_sql import PUBLISHED_TIER, SCREEN_ANSWER
from models.customers.station_lookups_pg import ACTIVE_ACCOUNT
from models.customers.visit_sql import ANSWER_VISIT
from models.staff.session import StaffSession
from queueing.customers.profiles import NON_ASSET_KINDS
from queueing.customers.tiers import TierTable

NOTE_FUNCTION = "counterline_add_follow_up"
OUTCOME_FUNCTION = "counterline_record_outcome"
FUNCTION_SIGNATURES = (
    f"{NOTE_FUNCTION}(text, bigint, text, text, timestamptz, text, text, date, text)",
    f"{OUTCOME_FUNCTION}(text, bigint, text, text, timestamptz, text, text, text, text, text, date, text[], text[],"
    " bigint[], text)",
)
_CUSTOMER_IN_BRANCH = """
    IF NOT EXISTS (SELECT 1 FROM customer WHERE id = p_customer AND branch_id = p_branch) THEN
        RETURN NULL;
    END IF;
"""

CREATE_NOTE = f"""
CREATE OR REPLACE FUNCTION {NOTE_FUNCTION}(
    p_branch text, p_customer bigint, p_staff text, p_station text, p_at timestamptz, p_channel text,
    p_text text, p_next date, p_owner text
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := false;
    v_role text;
    v_note follow_up;
BEGIN
    {ACTIVE_ACCOUNT}
    {_CUSTOMER_IN_BRANCH}
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

CREATE_OUTCOME = f"""
CREATE OR REPLACE FUNCTION {OUTCOME_FUNCTION}(
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
    {ACTIVE_ACCOUNT}
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
        {ANSWER_VISIT}
        IF NOT v_visit THEN
            RETURN jsonb_build_object('not_your_visit', true);
        END IF;
    END IF;
    {_CUSTOMER_IN_BRANCH}
    IF NOT (SELECT marketing_consent FROM customer WHERE id = p_customer) THEN
        RETURN jsonb_build_object('no_consent', true);
    END IF;
    IF v_outcome.id IS NOT NULL THEN
        SELECT * INTO v_note FROM follow_up WHERE id = v_outcome.follow_up_id;
        RETURN jsonb_build_object('outcome', to_jsonb(v_outcome), 'repeated', true,
                                  'follow_up', CASE WHEN v_note.id IS NULL THEN NULL ELSE to_jsonb(v_note) END);
    END IF;
    -- A new answer only: one recorded before stays what it was, whatever a reload did to its rule since.
    {SCREEN_ANSWER}
    IF p_follow_up_on IS NOT NULL THEN
        INSERT INTO follow_up (branch_id, customer_id, staff_id, at, channel, text, next_action_on)
        VALUES (p_branch, p_customer, p_staff, p_at, 'counter', p_note, p_follow_up_on) RETURNING * INTO v_note;
    END IF;
    {PUBLISHED_TIER}
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

CREATE_FUNCTIONS = (CREATE_NOTE, CREATE_OUTCOME) + tuple(
    f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC" for signature in FUNCTION_SIGNATURES
)


def add_follow_up(
    session: Session,
    actor: StaffSession,
    customer_id: int,
    at: datetime,
    channel: str,
    note: str,
    next_action_on: date | None,
    owner_id: str | None,
) -> dict[str, Any] | None:
    """The follow_up row written (None: the branch has no such customer)."""
    return session.execute(
        text(f"SELECT {NOTE_FUNCTION}(:branch, :customer, :staff, :station, :at, :channel, :text, :next, :owner)"),
        {
            "branch": actor.branch_id,
            "customer": customer_id,
            "staff": actor.staff_id,
            "station": actor.station_id,
            "at": at,
            "channel": channel,
            "text": note,
            "next": next_action_on,
            "owner": owner_id,
        },
    ).scalar_one()


def record_outcome(
    session: Session,
    actor: StaffSession,
    customer_id: int,
    at: datetime,
    prompt: tuple[str, str, str],
    ticket_id: str | None,
    follow_up: tuple[str, date] | None,
    tiers: TierTable,
    request_id: str | None = None,
) -> dict[str, Any] | None:
    """{outcome, follow_up} as written, or {outcome, follow_up, repeated} (the account's own answer sent again),
    {not_your_visit}, {no_consent}, {request_taken}; None: the branch has no such customer. ``prompt`` is (rule,
    product, outcome), ``follow_up`` (text, date); ``request_id``: the station's id of this answer, the same in
    its retry."""
    rule, product, outcome = prompt
    note, due = follow_up if follow_up is not None else (None, None)
    return session.execute(
        text(
            f"SELECT {OUTCOME_FUNCTION}(:branch, :customer, :staff, :station, :at, :rule, :product, :outcome, "
            ":ticket, :note, :due, CAST(:non_asset AS text[]), CAST(:codes AS text[]), CAST(:mins AS bigint[]), "
            ":request)"
        ),
        {
            "branch": actor.branch_id,
            "customer": customer_id,
            "staff": actor.staff_id,
            "station": actor.station_id,
            "at": at,
            "rule": rule,
            "product": product,
            "outcome": outcome,
            "ticket": ticket_id,
            "note": note,
            "due": due,
            "non_asset": sorted(kind.value for kind in NON_ASSET_KINDS),
            "codes": [tier.code for tier in tiers.tiers],
            "mins": [int(tier.min_aum * 100) for tier in tiers.tiers],
            "request": request_id,
        },
    ).scalar_one()
