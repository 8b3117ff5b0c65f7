import csv
from datetime import UTC, date, datetime, timedelta

import pytest
from customer_fixtures import (
    BRANCH,
    KEY,
    SUPERVISOR,
    TELLER,
    TELLER2,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from sqlalchemy import inspect, select, text, update
from sqlalchemy.exc import DatabaseError
from visits import serve

import main
from models.audit.log import AuditLogRow
from models.audit.service import AuditFilter, AuditService, verify_audit
from models.customers.service import CustomerService, RevealField
from models.marketing.crosssell_service import CrossSellService, ReportKey
from models.marketing.follow_ups import FollowUpService
from models.store.database import open_store
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied
from queueing.crosssell.outcome import NotSuggested
from queueing.crosssell.rules import Outcome, RuleBook, RuleFileError
from queueing.customers.audit_chain import AuditAction
from queueing.customers.identity_keys import LookupKind
from queueing.customers.visits import NotYourVisit

TODAY = date(2026, 11, 23)
ID_NUMBER = "110105198006151234"
CARD = "6228481234567890"
PHONE = "13912345678"


@pytest.fixture
def rulebook():
    return RuleBook()


@pytest.fixture
def customers(store, clock, rulebook):
    return CustomerService(store, BRANCH, KEY, rulebook=rulebook, clock=clock, timezone="Asia/Shanghai")


@pytest.fixture
def crosssell(store, clock, rulebook):
    return CrossSellService(store, BRANCH, rulebook, clock=clock, timezone="Asia/Shanghai")


@pytest.fixture
def zhang(store):
    return add_customer(
        store, family="张", given="小三", id_number=ID_NUMBER, phone=PHONE, cards=(CARD,),
        holdings=(
            ("demand_deposit", "salary_account", "150000.40", None, None),
            ("time_deposit", "td_12m", "80000", TODAY + timedelta(days=12), None),
        ),
    )


@pytest.fixture
def serving(store, clock, zhang):
    """The ticket of zhang's visit that TELLER serves now: a teller opens a profile only in a visit."""
    return serve(store, TELLER, zhang, clock)


def audit_rows(store, action=None):
    with store.read_session() as session:
        stmt = select(AuditLogRow).order_by(AuditLogRow.seq)
        if action:
            stmt = stmt.where(AuditLogRow.action == action)
        return list(session.scalars(stmt))


@pytest.mark.parametrize(
    ("kind", "value"),
    [(LookupKind.ID_NUMBER, "110105 19800615 1234"), (LookupKind.CARD_NUMBER, "6228-4812-3456-7890"),
     (LookupKind.PHONE, "139 1234 5678")],
)
def test_lookup_by_each_number_returns_the_masked_profile(customers, zhang, kind, value):
    view = customers.lookup(TELLER, kind, value, ticket_id="A001")
    assert view.customer_id == zhang
    assert (view.masked_name, view.masked_id, view.masked_cards, view.masked_phone) == (
        "张*三", "110***********1234", ("622848******7890",), "139****5678")
    assert view.tier_code == "gold" and view.aum == 230000
    assert [h.maturing_soon for h in view.holdings] == [False, True]


def test_profile_carries_at_most_two_prompts_and_each_view_is_audited(store, customers, zhang, serving):
    view = customers.open_profile(TELLER, zhang, serving)
    assert [p.rule_code for p in view.prompts] == ["td_maturing_renewal", "td_maturing_wealth"]
    (row,) = audit_rows(store, AuditAction.PROFILE_VIEW)
    assert (row.staff_id, row.role, row.station_id, row.customer_id) == ("T1", "teller", "ST1", zhang)
    shown = ["td_maturing_renewal", "td_maturing_wealth"]
    assert row.detail == {"by": "customer_id", "ticket": serving, "prompts": shown}


def test_a_miss_is_audited_without_the_number(store, customers, zhang):
    assert customers.lookup(TELLER, LookupKind.PHONE, "13900000000") is None
    (row,) = audit_rows(store, AuditAction.LOOKUP_MISS)
    assert row.customer_id is None and "13900000000" not in str(row.detail)


def test_full_id_and_card_numbers_are_never_stored(store, customers, zhang, serving, tmp_path):
    customers.open_profile(TELLER, zhang, serving)
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("customers.db"))
    assert ID_NUMBER.encode() not in raw and CARD.encode() not in raw
    assert b"139****5678" in raw


def test_a_teller_cannot_reveal_and_the_attempt_is_logged(store, customers, zhang):
    with pytest.raises(PermissionDenied):
        customers.reveal(TELLER, zhang, RevealField.PHONE, "customer asked to confirm")
    (row,) = audit_rows(store, AuditAction.REVEAL_DENIED)
    assert (row.staff_id, row.customer_id, row.detail["field"]) == ("T1", zhang, "phone")



@pytest.mark.parametrize(
    "reason",
    ["x" * 1_000_000, "ok\x1b[2J\x00\u202eevil", "lone \ud800 half"],
    ids=["a megabyte", "control and direction characters", "a lone surrogate"],
)
def test_a_refused_reveal_keeps_no_hostile_reason_in_the_append_only_log(store, customers, zhang, reason):
    # The log cannot be cleaned up afterwards: what the refused teller typed is kept only as a clean reason
    # would be, and an unstorable one still leaves the refusal logged (and still refuses).
    with pytest.raises(PermissionDenied):
        customers.reveal(TELLER, zhang, RevealField.PHONE, reason)
    (row,) = audit_rows(store, AuditAction.REVEAL_DENIED)
    kept = row.detail["reason"]
    assert kept is None or (len(kept) <= 500 and kept.isprintable())
    assert row.detail["field"] == "phone"

def test_a_supervisor_reveals_with_a_reason_and_it_is_logged(store, customers, zhang):
    assert customers.reveal(SUPERVISOR, zhang, RevealField.PHONE, "callback about maturing deposit") == PHONE
    assert customers.reveal(SUPERVISOR, zhang, RevealField.NAME, "identity check at window") == "张小三"
    rows = audit_rows(store, AuditAction.REVEAL)
    assert [(r.staff_id, r.detail["field"], r.detail["reason"]) for r in rows] == [
        ("S1", "phone", "callback about maturing deposit"), ("S1", "name", "identity check at window")]
    with pytest.raises(DomainError, match="reason"):
        customers.reveal(SUPERVISOR, zhang, RevealField.PHONE, "  ok ")


def test_a_decline_suppresses_the_product_through_its_cool_down(store, customers, crosssell, zhang, clock, serving):
    def shown():  # at the customer's next visit (a visit's own answers do not change what it shows)
        return [p.rule_code for p in customers.open_profile(TELLER, zhang, serve(store, TELLER, zhang, clock)).prompts]

    renewal = customers.open_profile(TELLER, zhang, serving).prompts[0]
    crosssell.record_outcome(TELLER, zhang, renewal, Outcome.DECLINED, ticket_id=serving)
    assert [p.rule_code for p in customers.open_profile(TELLER, zhang, serving).prompts] == [
        "td_maturing_renewal", "td_maturing_wealth"]  # the visit shows again what it showed
    assert shown() == ["td_maturing_wealth", "salary_account_credit_card"]
    serving = serve(store, TELLER, zhang, clock)  # the next visit shows the card (the first one did not)
    card = customers.open_profile(TELLER, zhang, serving).prompts[1]
    crosssell.record_outcome(TELLER, zhang, card, Outcome.DECLINED, ticket_id=serving)
    assert shown() == ["td_maturing_wealth", "mobile_banking_enrolment"]
    clock.advance(59 * 86400)  # the deposit has matured by now; the card's 60-day cool-down still runs
    assert shown() == ["mobile_banking_enrolment", "gold_first_fund"]
    clock.advance(86400)
    assert shown() == ["salary_account_credit_card", "mobile_banking_enrolment"]


def test_interested_creates_a_dated_follow_up(store, clock, customers, crosssell, zhang, serving):
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[1]
    record = crosssell.record_outcome(TELLER, zhang, prompt, Outcome.INTERESTED, serving, TODAY + timedelta(days=3))
    assert record.follow_up is not None and record.follow_up.next_action_on == TODAY + timedelta(days=3)
    notes = FollowUpService(store, BRANCH, clock=clock, timezone="Asia/Shanghai")
    assert [d.follow_up.id for d in notes.due(TELLER, within_days=3)] == [record.follow_up_id]


def test_each_outcome_is_recorded_and_audited(store, customers, crosssell, zhang, serving):
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[0]
    record = crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket_id=serving)
    assert (record.rule_code, record.product, record.staff_id, record.ticket_id) == (
        "td_maturing_renewal", "time_deposit_renewal", "T1", serving)
    (row,) = audit_rows(store, AuditAction.PROMPT_OUTCOME)
    assert row.detail["outcome"] == "accepted" and row.detail["ticket"] == serving


def test_conversion_per_rule_product_and_teller(store, clock, customers, crosssell, zhang, serving):
    renewal, wealth = customers.open_profile(TELLER, zhang, serving).prompts
    crosssell.record_outcome(TELLER, zhang, renewal, Outcome.ACCEPTED, serving)
    crosssell.record_outcome(TELLER, zhang, wealth, Outcome.DECLINED, serving)
    # Two more customers in the same position, each served by T2 (an answered pitch cools down for its customer).
    for n, outcome in enumerate((Outcome.NOT_OFFERED, Outcome.REFERRED)):
        twin = add_customer(
            store, family="张", given=f"小{n}", id_number=f"11010519800615200{n}", phone=f"1391234000{n}",
            holdings=(("demand_deposit", "salary_account", "150000.40", None, None),
                      ("time_deposit", "td_12m", "80000", TODAY + timedelta(days=12), None)),
        )
        crosssell.record_outcome(TELLER2, twin, renewal, outcome, serve(store, TELLER2, twin, clock))
    since, until = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    by_rule = {r.key: r for r in crosssell.conversion(SUPERVISOR, since, until, ReportKey.RULE)}
    assert (by_rule["td_maturing_renewal"].offered, by_rule["td_maturing_renewal"].conversion) == (2, 0.5)
    assert by_rule["td_maturing_wealth"].conversion == 0.0
    by_teller = {r.key: r.conversion for r in crosssell.conversion(SUPERVISOR, since, until, ReportKey.TELLER)}
    assert by_teller == {"T1": 0.5, "T2": 0.0}
    by_product = {r.key for r in crosssell.conversion(SUPERVISOR, since, until, ReportKey.PRODUCT)}
    assert by_product == {"time_deposit_renewal", "wealth_product"}
    accepted = crosssell.outcomes(SUPERVISOR, since, until, Outcome.ACCEPTED)
    assert [(o.staff_id, o.product) for o in accepted] == [("T1", "time_deposit_renewal")]
    with pytest.raises(PermissionDenied):
        crosssell.conversion(TELLER, since, until)


def test_reloading_rules_is_for_supervisors_and_a_bad_file_changes_nothing(crosssell, rulebook, tmp_path):
    bad = tmp_path / "bad.toml"
    names = '{ en = "x", zh_CN = "x", ko = "x", es = "x" }'
    rule = f'[[rule]]\ncode = "x"\nproduct = "pension"\npriority = 1\ncondition = "age >"\nreason = {names}\n'
    bad.write_text(rule + f"script = {names}\n", encoding="utf-8")
    with pytest.raises(PermissionDenied):
        crosssell.reload_rules(TELLER, bad)
    before = rulebook.rules
    with pytest.raises(RuleFileError) as caught:
        crosssell.reload_rules(SUPERVISOR, bad)
    assert caught.value.line == 5 and rulebook.rules is before


def test_audit_chain_verifies_and_detects_a_changed_row(store, customers, zhang, serving):
    for _ in range(3):
        customers.open_profile(TELLER, zhang, serving)
    assert [v.broken for v in verify_audit(store)] == [None]
    with store.write_session() as session, pytest.raises(DatabaseError, match="append-only"):
        session.execute(update(AuditLogRow).where(AuditLogRow.seq == 2).values(staff_id="X"))
    with store.engine.begin() as conn:  # someone with the file drops the guard and edits
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(update(AuditLogRow).where(AuditLogRow.seq == 2).values(staff_id="X"))
    (verdict,) = verify_audit(store)
    assert verdict.broken.seq == 2


def test_cli_audit_verify_prints_ok_or_the_broken_row(store, customers, zhang, serving, capsys, tmp_path):
    customers.open_profile(TELLER, zhang, serving)
    customers.open_profile(TELLER, zhang, serving)
    db = str(tmp_path / "customers.db")
    assert main.main(["--db", db, "audit", "verify"]) == 0
    assert capsys.readouterr().out.startswith("OK")
    with store.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        conn.execute(text("DELETE FROM audit_log WHERE seq = 1"))
    assert main.main(["--db", db, "audit", "verify"]) == 1
    assert "BROKEN branch B1 station ST1 at entry 2" in capsys.readouterr().out


def test_supervisors_browse_with_filters_and_pages(store, customers, zhang, clock, serving):
    for _ in range(5):
        customers.open_profile(TELLER, zhang, serving)
        clock.advance(60)
    customers.open_profile(TELLER2, zhang, serve(store, TELLER2, zhang, clock))
    audit = AuditService(store, BRANCH, clock)
    page = audit.browse(SUPERVISOR, AuditFilter(staff_id="T1"), page=2, page_size=2)
    assert (page.total, page.pages, [e.seq for e in page.entries]) == (5, 3, [3, 2])
    assert audit.browse(SUPERVISOR, AuditFilter(staff_id="T2")).entries[0].staff_id == "T2"
    assert audit_rows(store, AuditAction.AUDIT_BROWSE)[0].staff_id == "S1"
    with pytest.raises(PermissionDenied):
        audit.browse(TELLER)


def test_export_csv(store, customers, zhang, clock, serving, tmp_path):
    for _ in range(2):
        customers.open_profile(TELLER, zhang, serving)
        clock.advance(60)
    customers.reveal(SUPERVISOR, zhang, RevealField.NAME, "identity check")
    out = tmp_path / "audit.csv"
    assert AuditService(store, BRANCH, clock).export_csv(SUPERVISOR, out, AuditFilter(customer_id=zhang)) == 3
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["action"], r["station_id"], r["seq"]) for r in rows] == [
        ("profile_view", "ST1", "1"), ("profile_view", "ST1", "2"), ("reveal", "SUP", "1")]
    assert rows[1]["prev_hash"] == rows[0]["hash"] and rows[2]["prev_hash"] == "0" * 64  # a chain per station
    with pytest.raises(PermissionDenied):
        AuditService(store, BRANCH, clock).export_csv(TELLER, out)
    assert [(v.station_id, v.broken) for v in verify_audit(store)] == [("ST1", None), ("SUP", None)]


def test_the_migration_creates_the_tables_and_the_guards(tmp_path):
    migrated = open_store(str(tmp_path / "migrated.db"))
    try:
        names = set(inspect(migrated.engine).get_table_names())
        assert {"customer", "customer_card", "holding", "follow_up", "complaint", "crosssell_outcome",
                "audit_log"} <= names
        with migrated.engine.connect() as conn:
            triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert {"audit_log_no_update", "audit_log_no_delete"} <= triggers
    finally:
        migrated.close()


def test_an_outcome_sent_again_after_a_lost_answer_counts_once(store, clock, customers, crosssell, zhang, serving):
    # The station's call committed but its answer was lost on the network; the teller presses the key again.
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[0]
    first = crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket_id=serving)
    again = crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket_id=serving)
    assert again.id == first.id
    since, until = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    assert [r.id for r in crosssell.outcomes(SUPERVISOR, since, until, Outcome.ACCEPTED)] == [first.id]
    assert len(audit_rows(store, AuditAction.PROMPT_OUTCOME)) == 1
    with pytest.raises(DomainError, match="already recorded as accepted"):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.DECLINED, ticket_id=serving)
    next_visit = serve(store, TELLER, zhang, clock)
    with pytest.raises(NotSuggested):  # the pitch is in its cool-down: the next visit does not show it
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket_id=next_visit)
    shown = customers.open_profile(TELLER, zhang, next_visit).prompts[0]
    crosssell.record_outcome(TELLER, zhang, shown, Outcome.ACCEPTED, ticket_id=next_visit)  # another visit counts


def test_an_outcome_without_a_ticket_sent_again_counts_once(store, customers, crosssell, zhang):
    # A supervisor's answer outside a visit (a profile opened from the supervisor's screens): no ticket to key the
    # answer on. The caller makes one id per answer and sends it again with the retry; the first call committed,
    # its answer was lost.
    prompt = customers.open_profile(SUPERVISOR, zhang).prompts[0]
    first = crosssell.record_outcome(SUPERVISOR, zhang, prompt, Outcome.ACCEPTED, request_id="answer-1")
    again = crosssell.record_outcome(SUPERVISOR, zhang, prompt, Outcome.ACCEPTED, request_id="answer-1")
    assert again.id == first.id
    since, until = datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC)
    assert [r.id for r in crosssell.outcomes(SUPERVISOR, since, until, Outcome.ACCEPTED)] == [first.id]
    assert len(audit_rows(store, AuditAction.PROMPT_OUTCOME)) == 1
    with pytest.raises(DomainError, match="already recorded as accepted"):
        crosssell.record_outcome(SUPERVISOR, zhang, prompt, Outcome.DECLINED, request_id="answer-1")
    # An id is no key to another customer's answer: it neither reads nor overwrites it.
    other = add_customer(store, family="王", given="六", id_number="110105198001013333", phone="13900000002")
    with pytest.raises(DomainError, match="another answer"):
        crosssell.record_outcome(SUPERVISOR, other, prompt, Outcome.ACCEPTED, request_id="answer-1")
    with pytest.raises(NotSuggested):  # answered: in its cool-down, no longer suggested
        crosssell.record_outcome(SUPERVISOR, zhang, prompt, Outcome.ACCEPTED, request_id="answer-2")
    shown = customers.open_profile(SUPERVISOR, zhang).prompts[0]
    later = crosssell.record_outcome(SUPERVISOR, zhang, shown, Outcome.ACCEPTED, request_id="answer-2")
    assert later.id != first.id  # another answer counts


def test_no_outcome_is_recorded_for_a_customer_who_opted_out_of_marketing(store, clock, customers, crosssell, zhang,
                                                                          serving):
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[0]
    opted_out = add_customer(store, family="李", given="四", id_number="110105198001011111", phone="13900000000",
                             consent=False)
    with pytest.raises(DomainError, match="opted out of marketing"):
        crosssell.record_outcome(TELLER, opted_out, prompt, Outcome.ACCEPTED, serve(store, TELLER, opted_out, clock))
    assert audit_rows(store, AuditAction.PROMPT_OUTCOME) == []


def test_an_outcome_is_not_pinned_on_another_customers_ticket(store, customers, crosssell, zhang, clock, serving):
    # The teller serves another customer now (identified at the kiosk): a pitch to zhang did not happen in it.
    other = add_customer(store, family="王", given="五", id_number="110105198001012222", phone="13900000001")
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[0]
    visit = serve(store, TELLER, other, clock)
    with pytest.raises(NotYourVisit, match=f"ticket {visit} is not your visit with customer {zhang}"):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket_id=visit)
    with pytest.raises(NotYourVisit):  # nor is its profile opened by it
        customers.open_profile(TELLER, zhang, visit)
    assert audit_rows(store, AuditAction.PROMPT_OUTCOME) == []
    own = customers.open_profile(TELLER, other, visit).prompts[0]
    crosssell.record_outcome(TELLER, other, own, Outcome.DECLINED, ticket_id=visit)  # its own customer's


@pytest.mark.parametrize(("code", "product"), [("made_up_rule", "wealth_product"),
                                                ("td_maturing_renewal", "wealth_product")])
def test_an_outcome_for_a_prompt_no_rule_makes_is_refused(store, crosssell, zhang, code, product):
    # The prompt comes from the caller: an accepted pitch of a product no rule offers still earns piece rate.
    from queueing.crosssell.screen import Prompt

    made_up = Prompt(code, product, 1, {"en": "why"}, {"en": "say"}, None)
    with pytest.raises(DomainError, match="no cross-sell rule"):
        crosssell.record_outcome(TELLER, zhang, made_up, Outcome.ACCEPTED, ticket_id="A001")
    assert audit_rows(store, AuditAction.PROMPT_OUTCOME) == []


@pytest.mark.parametrize("note", ["x" * 100_000, "call\x00back", "\u202eevil"], ids=["long", "NUL", "direction"])
def test_an_interested_outcomes_note_is_checked_as_any_follow_up_note(store, customers, crosssell, zhang, serving,
                                                                      note):
    prompt = customers.open_profile(TELLER, zhang, serving).prompts[0]
    with pytest.raises(DomainError, match="follow-up note"):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.INTERESTED, serving, note=note)
    assert audit_rows(store, AuditAction.PROMPT_OUTCOME) == []


def test_an_exported_cell_a_spreadsheet_would_run_is_shown_as_text(store, customers, zhang, clock, tmp_path):
    """A staff id is the administrator's free text: "=HYPERLINK(...)" must open as text, as in every export."""
    from staff_sessions import add_accounts, session_of

    from queueing.core.roles import Role

    odd = session_of(BRANCH, '=HYPERLINK("http://x.test")', Role.TELLER, "@ST9")
    add_accounts(store, odd)
    customers.open_profile(odd, zhang, serve(store, odd, zhang, clock))
    out = tmp_path / "audit.csv"
    AuditService(store, BRANCH, clock).export_csv(SUPERVISOR, out, AuditFilter(station_id="@ST9"))
    with out.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["staff_id"], row["station_id"]) == ('\'=HYPERLINK("http://x.test")', "'@ST9")
    assert row["detail"].startswith("{") and row["action"] == "profile_view"
