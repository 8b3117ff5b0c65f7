import pytest
from sqlalchemy import func, select

from models.branch.service import BranchService
from models.branch.state_loader import load_from_journal, load_from_projections
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from queueing.core.categories import load_branch_config
from queueing.core.errors import NothingWaiting, UnknownCategory
from queueing.core.tickets import TransactionLine


def _count(store, row):
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(row))


def test_visit_is_recorded(service, store, clock):
    issued = service.issue_ticket("CASH").ticket
    assert issued.number == "A001"
    clock.advance(90)
    assert service.call_next("C1").ticket.id == issued.id
    service.start("C1")
    clock.advance(240)
    service.finish("C1", [TransactionLine("CASH_DEPOSIT", 1), TransactionLine("PASSBOOK", 2)])
    with store.read_session() as s:
        rec = s.get(ServiceRecordRow, issued.id)
        assert rec.wait_s == 90 and rec.service_s == 240 and rec.staff_id == "T1"
        assert [t["code"] for t in rec.transactions] == ["CASH_DEPOSIT", "PASSBOOK"]


def test_a_second_station_sees_the_first(service, store, clock):
    other = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    service.issue_ticket("TRANSFER")
    assert other.call_next("C2").ticket.number == "B001"
    with pytest.raises(NothingWaiting):
        service.call_next("C1")


def test_refused_command_writes_nothing(service, store):
    before, state = _count(store, EventRow), service.state
    with pytest.raises(UnknownCategory):
        service.issue_ticket("NOPE")
    assert _count(store, EventRow) == before
    assert service.state is state  # nothing reached the state, so it is not rebuilt


def test_failure_mid_command_leaves_no_partial_state(service, store, monkeypatch):
    import models.sync.projection as mod

    service.issue_ticket("CASH")
    events_before, tickets_before = _count(store, EventRow), _count(store, TicketRow)

    def broken(session, rows):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(mod, "write_projected", broken)
    state = service.state
    with pytest.raises(RuntimeError):
        service.issue_and_call("C1", "CASH")
    monkeypatch.undo()
    assert service.state is not state  # events were applied and rolled back: rebuilt from the store
    assert (_count(store, EventRow), _count(store, TicketRow)) == (events_before, tickets_before)
    # The in-memory state was rebuilt: the next number is still A002 and the seq is gapless.
    ticket = service.issue_ticket("CASH").ticket
    assert ticket.number == "A002"
    with store.read_session() as s:
        seqs = s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))


def test_projections_equal_replay(service, store, clock):
    for cat in ("CASH", "TRANSFER", "CASH", "TRANSFER"):
        service.issue_ticket(cat)
        clock.advance(30)
    service.call_next("C1")
    service.start("C1")
    clock.advance(100)
    service.finish("C1", [TransactionLine("X", 1)])
    service.call_next("C1")
    service.transfer("C1", to_category="TRANSFER", keep_place=False)
    service.call_next("C2")
    service.park("C2")
    service.pause("C2", "lunch")
    config = load_branch_config()
    with store.read_session() as s:
        fast, pos_a = load_from_projections(s, config, "B1")
        slow, pos_b = load_from_journal(s, config, "B1")
    assert pos_a == pos_b
    strip = lambda t: {k: getattr(t, k) for k in t.__slots__ if k != "transactions"}  # noqa: E731
    assert {k: strip(v) for k, v in fast.tickets.items()} == {k: strip(v) for k, v in slow.tickets.items()}
    assert fast.counters == slow.counters
    assert fast.sequences == slow.sequences and fast.station_seq == slow.station_seq
    assert set(fast.waiting) == set(slow.waiting)  # order in the dict does not matter to the policy
