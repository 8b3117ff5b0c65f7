from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from queueing.core.errors import DomainError
from queueing.core.events import Event, EventType
from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import load_catalogue
from queueing.records.quality import correct_visit, rate_visit, record_quality
from queueing.records.visits import QualityKind, build_visits

TZ = "Asia/Shanghai"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def serve(engine, clock, counter, lines, category="CASH", wait=60.0, service=300.0):
    """Issue a ticket, call it at ``counter`` after ``wait`` s, serve it ``service`` s; return the ticket id."""
    (issued,) = engine.execute(lambda c: c.issue_ticket(category))
    clock.advance(wait)
    engine.execute(lambda c: c.call_next(counter))
    engine.execute(lambda c: c.start(counter))
    clock.advance(service)
    engine.execute(lambda c: c.finish(counter, lines))
    return issued.payload["ticket_id"]


def add(engine, change):
    """Store a quality or correction change as an event, as an application service would."""
    return engine.execute(lambda c: c.ctx.build(c.state.next_seq(c.ctx.station_id), [change]))


def visits(engine, catalogue):
    return {v.ticket_id: v for v in build_visits(engine.journal, catalogue, TZ)}


def test_record_of_one_visit(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("CASH_DEP", 1, 25_000), TransactionLine("PIN_RESET")],
                   wait=90, service=500)
    (v,) = visits(engine, catalogue).values()
    assert (v.ticket_id, v.number, v.category, v.counter_id, v.teller) == (ticket, "A001", "CASH", "C1", "T1")
    assert v.issued_at == datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert v.called_at == v.started_at == datetime(2026, 11, 23, 1, 1, 30, tzinfo=UTC)
    assert v.finished_at == datetime(2026, 11, 23, 1, 9, 50, tzinfo=UTC)
    assert v.day == date(2026, 11, 23)
    assert (v.wait_s, v.service_s) == (90, 500)
    # Deposit of 25,000: 1 + one further whole 10,000 = 2 units, 3 min; PIN reset 0.5 units, 4 min.
    assert [(line.code, line.quantity, line.amount, line.units, line.standard_s) for line in v.lines] == [
        ("CASH_DEP", 1, 25_000, 2, 180),
        ("PIN_RESET", 1, None, 0.5, 240),
    ]
    assert (v.units, v.standard_s, v.overrun_s, v.overran) == (2.5, 420, 80, True)
    assert (v.outcome, v.rating, v.quality, v.corrections) == ("completed", None, (), ())


def test_transferred_visit_counts_where_it_finished(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    engine.execute(lambda c: c.open_counter("C2", "T2"))
    engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(100)
    engine.execute(lambda c: c.transfer("C1", to_counter="C2"))
    engine.execute(lambda c: c.call_next("C2"))
    engine.execute(lambda c: c.start("C2"))
    clock.advance(200)
    engine.execute(lambda c: c.finish("C2", [TransactionLine("ACCT_OPEN")]))
    (v,) = visits(engine, catalogue).values()
    assert (v.counter_id, v.teller, v.service_s) == ("C2", "T2", 200)
    assert v.started_at == datetime(2026, 11, 23, 1, 1, 40, tzinfo=UTC)


def test_visit_across_midnight_counts_on_the_day_it_finished(engine, clock, catalogue):
    clock.set(datetime(2026, 11, 23, 15, 50, tzinfo=UTC))  # 23:50 in Shanghai
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    serve(engine, clock, "C1", [TransactionLine("CASH_WDL", 1, 2_000)], wait=60, service=900)
    (v,) = visits(engine, catalogue).values()
    assert v.finished_at == datetime(2026, 11, 23, 16, 6, tzinfo=UTC)
    assert v.day == date(2026, 11, 24)


def test_teller_switching_counters(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    first = serve(engine, clock, "C1", [TransactionLine("CASH_DEP", 1, 100)])
    engine.execute(lambda c: c.close_counter("C1"))
    engine.execute(lambda c: c.open_counter("C2", "T1"))
    second = serve(engine, clock, "C2", [TransactionLine("CASH_DEP", 1, 100)])
    records = visits(engine, catalogue)
    assert (records[first].counter_id, records[first].teller) == ("C1", "T1")
    assert (records[second].counter_id, records[second].teller) == ("C2", "T1")


def test_rating_quality_and_correction_keep_history(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("CASH_DEP", 1, 30_000)])
    v = visits(engine, catalogue)[ticket]
    add(engine, rate_visit(v.ticket_id, 2))
    add(engine, rate_visit(v.ticket_id, 4))  # pressed again: the last rating counts
    (minor,) = add(engine, record_quality(v.ticket_id, QualityKind.ERROR_MINOR, "SUP1", "wrong slip"))
    add(engine, record_quality(v.ticket_id, "complaint", "SUP1"))
    v = visits(engine, catalogue)[ticket]
    assert v.rating == 4
    assert [(m.kind, m.by, m.note) for m in v.quality] == [
        (QualityKind.ERROR_MINOR, "SUP1", "wrong slip"),
        (QualityKind.COMPLAINT, "SUP1", ""),
    ]
    assert (v.count(QualityKind.ERROR_MINOR), v.count(QualityKind.COMPLAINT)) == (1, 1)
    original_lines = v.lines
    clock.advance(3600)
    (fix,) = add(engine, correct_visit(v, "SUP1", "it was a withdrawal", catalogue,
                                       transactions=[TransactionLine("CASH_WDL", 1, 30_000)],
                                       void_quality=[minor.id]))
    v = visits(engine, catalogue)[ticket]
    assert [line.code for line in v.lines] == ["CASH_WDL"]
    assert v.units == 3
    assert [m.kind for m in v.quality] == [QualityKind.COMPLAINT]
    (correction,) = v.corrections
    assert (correction.event_id, correction.by, correction.reason, correction.at) == (
        fix.id, "SUP1", "it was a withdrawal", fix.at
    )
    changes = {c.field: c for c in correction.changes}
    assert changes["transactions"].before == original_lines
    assert changes["transactions"].after == v.lines
    assert [m.event_id for m in changes["void_quality"].before] == [minor.id, v.quality[0].event_id]


def test_second_correction_sees_the_first(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("CASH_DEP", 1, 100)])
    add(engine, correct_visit(visits(engine, catalogue)[ticket], "SUP1", "wrong teller", catalogue, teller="T9"))
    add(engine, correct_visit(visits(engine, catalogue)[ticket], "SUP1", "back", catalogue, teller="T1"))
    v = visits(engine, catalogue)[ticket]
    assert v.teller == "T1"
    assert [(c.changes[0].before, c.changes[0].after) for c in v.corrections] == [("T1", "T9"), ("T9", "T1")]


def test_adjustment_arriving_before_its_visit_still_lands(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("ACCT_OPEN")])
    v = visits(engine, catalogue)[ticket]
    (rated,) = add(engine, rate_visit(v.ticket_id, 5))
    journal = [rated, *(e for e in engine.journal if e.id != rated.id)]
    (v,) = build_visits(journal, catalogue, TZ)
    assert v.rating == 5


def test_unknown_code_and_duplicate_finish(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("RETIRED_CODE"), TransactionLine("ACCT_OPEN")])
    finish = next(e for e in engine.journal if e.type is EventType.SERVICE_FINISHED)
    again = replace(finish, id="dup", seq=999, payload={**finish.payload, "service_seconds": 1.0})
    (v,) = build_visits([*engine.journal, again], catalogue, TZ)
    assert v.ticket_id == ticket and v.service_s == 300
    assert [(line.code, line.known, line.units) for line in v.lines] == [
        ("RETIRED_CODE", False, 0),
        ("ACCT_OPEN", True, 1),
    ]


def test_events_survive_a_round_trip_through_dicts(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("CASH_DEP", 2, 50_000)])
    add(engine, record_quality(ticket, "error_major", "SUP1"))
    stored = [Event.from_dict(e.to_dict()) for e in engine.journal]
    assert build_visits(stored, catalogue, TZ) == build_visits(engine.journal, catalogue, TZ)
    (v,) = build_visits(stored, catalogue, TZ)
    assert v.lines[0].amount == 50_000 and v.units == 5  # 2 bases cover 20,000; 3 further whole steps


def test_quality_changes_are_checked(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("ACCT_OPEN")])
    v = visits(engine, catalogue)[ticket]
    with pytest.raises(DomainError, match="1 to 5"):
        rate_visit(v.ticket_id, 6)
    with pytest.raises(DomainError, match="unknown quality"):
        record_quality(v.ticket_id, "error_medium", "SUP1")
    with pytest.raises(DomainError, match="reason"):
        correct_visit(v, "SUP1", "  ", catalogue, teller="T2")
    with pytest.raises(DomainError, match="changes nothing"):
        correct_visit(v, "SUP1", "same", catalogue, teller="T1")
    with pytest.raises(DomainError, match="unknown transaction type"):
        correct_visit(v, "SUP1", "typo", catalogue, transactions=[TransactionLine("CASH_DEPP")])
    with pytest.raises(DomainError, match="no quality mark"):
        correct_visit(v, "SUP1", "void", catalogue, void_quality=["nope"])
    # An outcome is one of the known words: free text here would carry anything, at any length, into the journal.
    with pytest.raises(DomainError, match="unknown visit outcome 'x+': one of completed, incomplete, referred"):
        correct_visit(v, "SUP1", "typed", catalogue, outcome="x" * 100_000)
    _, payload = correct_visit(v, "SUP1", "sent to loans", catalogue, outcome="referred")
    assert payload["changes"] == {"outcome": "referred"}


def test_a_finish_names_a_known_outcome(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    with pytest.raises(DomainError, match="unknown visit outcome 'done'"):
        engine.execute(lambda c: c.finish("C1", [TransactionLine("ACCT_OPEN")], "done"))
    (finished,) = engine.execute(lambda c: c.finish("C1", [TransactionLine("ACCT_OPEN")], "incomplete"))
    assert finished.payload["outcome"] == "incomplete"


def test_quality_kind_from_a_newer_version_is_not_counted(engine, clock, catalogue):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = serve(engine, clock, "C1", [TransactionLine("ACCT_OPEN")])
    add(engine, (EventType.VISIT_QUALITY_RECORDED, {"ticket_id": ticket, "kind": "praise", "by": "SUP1"}))
    add(engine, record_quality(ticket, "complaint", "SUP1"))
    (v,) = build_visits(engine.journal, catalogue, TZ)
    assert [m.kind for m in v.quality] == [QualityKind.COMPLAINT]
