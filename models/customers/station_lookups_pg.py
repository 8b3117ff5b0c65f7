"""The server's customer look-ups for stations (PostgreSQL): SECURITY DEFINER functions, masked answers only.

A station connects as a role that cannot read the customer tables (``main.py db grant-station``,
models/sync/station_grants.py). It asks these functions instead: ``counterline_customer_profile``
returns the masked profile (masked name, ID, cards and phone, holdings, notes, open complaints,
recent pitches) and ``counterline_customer_reveal`` returns a sealed name or phone only when the
named account is active and may reveal. Both write their ``customer_access`` row in the caller's
transaction, so no look-up leaves no trace; the service writes its chained audit entry in the
same transaction (models/customers/service.py). The functions check the account they are told
is asking against the staff table; the role authenticates the station, the PIN the person.

A phone look-up hands the function the hashes of every form the number may be stored under (its canonical
form and the older ones, queueing/customers/phones.py) in ``p_digest``, joined by commas (hex digests hold
none): the signature, and so every station role's grant on it, stays as it was, and a station not yet
upgraded, sending one digest, is answered as before. The function takes at most MAX_FORMS of them, so one
call (and its one ``customer_access`` row) cannot try a whole range of numbers.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.customers.queries import from_cents
from models.customers.visit_sql import LIVE_VISIT
from models.staff.session import StaffSession
from queueing.crosssell.rules import COOL_DOWN_OUTCOMES
from queueing.customers.phones import MAX_FORMS
from queueing.customers.profiles import (
    Channel,
    Complaint,
    ComplaintStatus,
    Customer,
    FollowUp,
    Holding,
    ProductKind,
    Segment,
)

PROFILE_FUNCTION = "counterline_customer_profile"
REVEAL_FUNCTION = "counterline_customer_reveal"
MASKED_FUNCTION = "counterline_customer_masked"
FUNCTION_SIGNATURES = (
    f"{PROFILE_FUNCTION}(text, text, text, bigint, text, text, timestamptz, integer, text[], text)",
    f"{REVEAL_FUNCTION}(text, bigint, text, text, text, text)",
    f"{MASKED_FUNCTION}(text, bigint, text, text)",
)

# Inside each function: v_role := the role of the active account p_staff (the kiosk where v_kiosk_may).
ACTIVE_ACCOUNT = """
    IF p_staff = 'KIOSK' AND v_kiosk_may THEN
        v_role := 'kiosk';
    ELSE
        SELECT role INTO v_role FROM staff WHERE branch_id = p_branch AND id = p_staff AND active;
        IF v_role IS NULL THEN
            RAISE EXCEPTION 'account % is not active in branch %', p_staff, p_branch USING ERRCODE = '42501';
        END IF;
    END IF;
"""

CREATE_PROFILE = f"""
CREATE OR REPLACE FUNCTION {PROFILE_FUNCTION}(
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
    {ACTIVE_ACCOUNT}
    IF p_customer IS NOT NULL THEN
        -- By id: only the customer of the visit the account serves (a look-up by number needs the number).
        {LIVE_VISIT}
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
        IF cardinality(v_digests) > {MAX_FORMS} THEN
            RAISE EXCEPTION 'at most {MAX_FORMS} phone forms in one look-up' USING ERRCODE = '22023';
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

CREATE_REVEAL = f"""
CREATE OR REPLACE FUNCTION {REVEAL_FUNCTION}(
    p_branch text, p_customer bigint, p_field text, p_staff text, p_station text, p_reason text
) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := false;
    v_role text;
    v_no text;
    v_sealed text;
BEGIN
    {ACTIVE_ACCOUNT}
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

# Who an appointment is for: the customer's number and masked name, nothing more (not logged: no profile).
CREATE_MASKED = f"""
CREATE OR REPLACE FUNCTION {MASKED_FUNCTION}(p_branch text, p_customer bigint, p_staff text, p_station text)
RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    v_kiosk_may constant boolean := true;
    v_role text;
BEGIN
    {ACTIVE_ACCOUNT}
    RETURN (SELECT jsonb_build_object('id', id, 'customer_no', customer_no, 'name_masked', name_masked)
              FROM customer WHERE id = p_customer AND branch_id = p_branch);
END
$fn$
"""

CREATE_FUNCTIONS = (CREATE_PROFILE, CREATE_REVEAL, CREATE_MASKED) + tuple(
    f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC" for signature in FUNCTION_SIGNATURES
)
ACCESS_GUARDS = (
    "CREATE OR REPLACE FUNCTION customer_access_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'customer_access is append-only'; END $$",
    "CREATE TRIGGER customer_access_no_change BEFORE UPDATE OR DELETE ON customer_access "
    "FOR EACH ROW EXECUTE FUNCTION customer_access_append_only()",
)


def profile_document(
    session: Session,
    actor: StaffSession,
    *,
    kind: str | None = None,
    digests: tuple[str, ...] = (),
    customer_id: int | None = None,
    ticket_id: str | None = None,
    since: datetime,
    notes: int,
) -> dict[str, Any] | None:
    """The masked profile the server returns (None: nobody matches; the miss is logged there too;
    {not_your_visit: true}: by id, and ``ticket_id`` is not the account's visit with that customer).

    Its pitches leave out ``ticket_id``'s own answers (0033), as queries.recent_pitches does on SQLite.

    ``digests``: one for an ID or card, a phone's few forms in order of preference.
    """
    return session.execute(
        text(
            f"SELECT {PROFILE_FUNCTION}(:branch, :kind, :digest, CAST(:customer AS bigint), :staff, :station, "
            ":since, :notes, CAST(:outcomes AS text[]), :ticket)"
        ),
        {
            "branch": actor.branch_id,
            "kind": kind,
            "digest": ",".join(digests) if digests else None,
            "customer": customer_id,
            "staff": actor.staff_id,
            "station": actor.station_id,
            "since": since,
            "notes": notes,
            "outcomes": sorted(o.value for o in COOL_DOWN_OUTCOMES),
            "ticket": ticket_id,
        },
    ).scalar_one()


def reveal_document(
    session: Session, actor: StaffSession, customer_id: int, field: str, reason: str
) -> dict[str, Any] | None:
    """{customer_no, sealed}, {denied: true} (logged there), or None when the branch has no such customer."""
    return session.execute(
        text(f"SELECT {REVEAL_FUNCTION}(:branch, :customer, :field, :staff, :station, :reason)"),
        {
            "branch": actor.branch_id,
            "customer": customer_id,
            "field": field,
            "staff": actor.staff_id,
            "station": actor.station_id,
            "reason": reason,
        },
    ).scalar_one()


def masked_customer(session: Session, actor: StaffSession, customer_id: int) -> dict[str, Any] | None:
    """{id, customer_no, name_masked} of the branch's customer, or None."""
    return session.execute(
        text(f"SELECT {MASKED_FUNCTION}(:branch, :customer, :staff, :station)"),
        {"branch": actor.branch_id, "customer": customer_id, "staff": actor.staff_id, "station": actor.station_id},
    ).scalar_one()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def follow_up_from(n: dict[str, Any]) -> FollowUp:
    """A follow_up row as the functions return it (to_jsonb)."""
    return FollowUp(
        id=n["id"],
        customer_id=n["customer_id"],
        staff_id=n["staff_id"],
        at=datetime.fromisoformat(n["at"]),
        channel=Channel(n["channel"]),
        text=n["text"],
        next_action_on=_day(n["next_action_on"]),
        owner_id=n["owner_id"],
        done_at=_moment(n["done_at"]),
        done_by=n["done_by"],
        result=n["result"],
    )


def customer_of(doc: dict[str, Any]) -> Customer:
    """The frozen Customer of a profile document (already masked by the server)."""
    return Customer(
        id=doc["id"],
        customer_no=doc["customer_no"],
        masked_name=doc["name_masked"],
        greeting_name=doc["greeting"],
        id_masked=doc["id_masked"],
        phone_masked=doc["phone_masked"],
        birth_date=date.fromisoformat(doc["birth_date"]),
        segment=Segment(doc["segment"]),
        risk_rating=doc["risk_rating"],
        marketing_consent=bool(doc["marketing_consent"]),
        cards_masked=tuple(doc["cards"]),
        aum_prev_month=from_cents(doc["aum_prev_month_cents"]),
        fx_transactions_90d=doc["fx_transactions_90d"],
        holdings=tuple(
            Holding(
                id=h["id"],
                kind=ProductKind(h["kind"]),
                product_code=h["product_code"],
                balance=from_cents(h["balance_cents"]),
                opened_on=date.fromisoformat(h["opened_on"]),
                matures_on=_day(h["matures_on"]),
                risk_level=h["risk_level"],
            )
            for h in doc["holdings"]
        ),
        follow_ups=tuple(follow_up_from(n) for n in doc["notes"]),
        complaints=tuple(
            Complaint(
                id=c["id"],
                customer_id=c["customer_id"],
                opened_at=datetime.fromisoformat(c["opened_at"]),
                category=c["category"],
                text=c["text"],
                status=ComplaintStatus(c["status"]),
                resolved_at=_moment(c["resolved_at"]),
            )
            for c in doc["complaints"]
        ),
    )
