"""A station's file takes the branch's journal order for its own offline events (models/station/journal_order.py),
on a SQLite upstream: after a double call both stores name the same winner, across a restart of the station and a
link that dies between any two steps of the sync, with every event held once in each store."""

from __future__ import annotations

import pytest
from projection_checks import assert_projections_match_journal
from sqlalchemy import select
from sync_branch import station_on, synced

import models.branch.reorder as reorder
from models.station.sync import StationSync
from models.store.tables import EventRow
from models.sync.tables import TicketConflictRow
from models.sync.upstream import UpstreamBranch
from queueing.core.tickets import TicketStatus, TransactionLine


def _journal(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(EventRow.id).where(EventRow.branch_id == "B1").order_by(EventRow.position)))


def _conflicts(store, ticket_id: str) -> set[tuple[str, str]]:
    with store.read_session() as s:
        rows = s.execute(
            select(TicketConflictRow.event_id, TicketConflictRow.reason).where(TicketConflictRow.ticket_id == ticket_id)
        )
        return {(event_id, reason) for event_id, reason in rows}


def _offline(station) -> None:
    station.link_lost(ConnectionResetError("test: link cut"))


def _double_call(tmp_path, sqlite_branch):
    """ST1 calls its own ticket offline and starts serving; ST2, online, called it first in upstream's journal."""
    config, clock, url, _upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    ticket = st1.issue_ticket("CASH").ticket
    assert synced(st2)
    _offline(st1)
    clock.advance(20)
    st1.call_next("C1", "TC1")
    st1.start("C1")
    clock.advance(20)
    st2.issue_ticket("CASH")  # one more of the others' events before ST1's push
    st2.call_ticket("C2", ticket.id, "asked for by name", "TC2")
    clock.advance(20)
    return st1, st2, ticket


def _agrees(st1, upstream, config, ticket_id: str) -> None:
    """ST1's file holds the branch's journal in its order, each event once, and what that order decides."""
    assert _journal(st1.local.store) == _journal(upstream)
    mine = st1.local.state.tickets[ticket_id]
    assert (mine.status, mine.counter) == (TicketStatus.CALLED, "C2")
    assert st1.local.state.counters["C1"].current is None
    assert _conflicts(st1.local.store, ticket_id) == _conflicts(upstream, ticket_id) != set()
    assert_projections_match_journal(st1.local.store, config, "B1")


def test_the_station_names_the_branchs_winner_and_keeps_it_after_a_restart(tmp_path, sqlite_branch):
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket = _double_call(tmp_path, sqlite_branch)
    assert synced(st1) and synced(st2)
    _agrees(st1, upstream, config, ticket.id)
    st2.start("C2")
    st2.finish("C2", [TransactionLine("CASH_DEPOSIT", 1)])
    assert synced(st1)
    st1.close()
    again = station_on(tmp_path, url, config, clock, "ST1")
    try:
        served = again.local.state.tickets[ticket.id]
        assert (served.status, served.counter, served.staff) == (TicketStatus.DONE, "C2", "TC2")
        assert _journal(again.local.store) == _journal(upstream)
        assert_projections_match_journal(again.local.store, config, "B1")
    finally:
        again.close()


def test_a_restart_between_the_push_and_the_pull_folds_the_file_from_its_journal(tmp_path, sqlite_branch, monkeypatch):
    """The state kept from before the offline work is gone with the process: the file is folded from its start."""
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket = _double_call(tmp_path, sqlite_branch)

    def cut(self, up, batch_s):
        raise ConnectionResetError("test: link cut after the push")

    with monkeypatch.context() as patched:
        patched.setattr(StationSync, "_pull", cut)
        assert not st1.sync_now()
    assert st1.local.state.tickets[ticket.id].status is TicketStatus.SERVING  # pushed, not pulled yet
    st1.close()
    again = station_on(tmp_path, url, config, clock, "ST1")
    try:
        assert synced(again)
        _agrees(again, upstream, config, ticket.id)
    finally:
        again.close()


def test_a_push_whose_answer_was_lost_is_placed_once_at_the_next_sync(tmp_path, sqlite_branch, monkeypatch):
    """The push's COMMIT reached upstream and its answer never came back: the next sync sends it again (upstream
    keeps it once) and the file still takes the branch's order, no event lost or held twice."""
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket = _double_call(tmp_path, sqlite_branch)
    receive = UpstreamBranch.receive

    def answer_lost(self, *args, **kwargs):
        receive(self, *args, **kwargs)
        raise ConnectionResetError("test: the COMMIT's answer was lost")

    with monkeypatch.context() as patched:
        patched.setattr(UpstreamBranch, "receive", answer_lost)
        assert not st1.sync_now()
    with upstream.read_session() as s:
        pushed = list(s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)))
    assert pushed == list(range(1, len(pushed) + 1)) and len(pushed) >= 3  # committed upstream, answer lost
    assert synced(st1) and synced(st2)
    _agrees(st1, upstream, config, ticket.id)


def test_a_pull_cut_half_way_through_the_window_records_nothing_and_is_taken_again(
    tmp_path, sqlite_branch, monkeypatch
):
    config, clock, url, upstream = sqlite_branch
    st1, st2, ticket = _double_call(tmp_path, sqlite_branch)
    pull = UpstreamBranch.pull
    calls: list[int] = []

    def one_by_one(self, after, station_id, limit=5000):
        calls.append(after)
        if len(calls) >= 2:  # the first batch came, the link died before the next (the sync's retry too)
            raise ConnectionResetError("test: link cut half-way through the pull")
        return pull(self, after, station_id, limit=1)

    held = _journal(st1.local.store)
    with monkeypatch.context() as patched:
        patched.setattr(UpstreamBranch, "pull", one_by_one)
        assert not st1.sync_now()
    assert len(calls) >= 2
    assert _journal(st1.local.store) == held  # nothing of the window taken: the next pull starts from the same place
    assert synced(st1)
    _agrees(st1, upstream, config, ticket.id)


def test_offline_work_that_meets_nothing_pulled_is_placed_without_folding_again(tmp_path, sqlite_branch, monkeypatch):
    """ST1 serves its own customer at C1 offline while ST2 serves its own at C2: the file moves its events after
    ST2's, as upstream holds them, and only adds ST2's to its state (the costly fold is for a clash only)."""
    config, clock, url, upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    _offline(st1)
    mine = st1.issue_ticket("CASH").ticket
    st1.call_next("C1", "TC1")
    clock.advance(30)
    theirs = st2.issue_ticket("CASH").ticket
    st2.call_ticket("C2", theirs.id, "asked for by name", "TC2")

    def no_fold(*args, **kwargs):
        raise AssertionError("folded again for events that meet nothing")

    monkeypatch.setattr(reorder, "project_again_from", no_fold)
    assert synced(st1)
    assert _journal(st1.local.store) == _journal(upstream)
    state = st1.local.state
    assert (state.tickets[mine.id].counter, state.tickets[theirs.id].counter) == ("C1", "C2")
    assert_projections_match_journal(st1.local.store, config, "B1")


@pytest.mark.parametrize("kind", ["ticket", "counter"])
def test_offline_work_that_meets_a_pulled_event_is_folded_again(tmp_path, sqlite_branch, monkeypatch, kind):
    """The fold happens where the orders meet: the same ticket, or the same counter (a pause there)."""
    config, clock, url, upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    ticket = st1.issue_ticket("CASH").ticket
    assert synced(st2)
    _offline(st1)
    st1.call_next("C1", "TC1")
    clock.advance(30)
    if kind == "ticket":
        st2.call_ticket("C2", ticket.id, "asked for by name", "TC2")
    else:
        st2.pause("C1", "lunch")
    folds: list[int] = []
    fold = reorder.project_again_from

    def counted(session, state, branch_id, first):
        folds.append(first)
        return fold(session, state, branch_id, first)

    monkeypatch.setattr(reorder, "project_again_from", counted)
    assert synced(st1)
    assert len(folds) == 1
    assert _journal(st1.local.store) == _journal(upstream)
    assert_projections_match_journal(st1.local.store, config, "B1")


def test_an_online_call_after_a_pull_records_what_upstream_caught_up_with_first(tmp_path, sqlite_branch, monkeypatch):
    """ST1's last pull went past where its view of upstream stands; the kiosk then issues a ticket and ST1 calls
    it. The command's catch-up brings the issue: the file records it before the call, in upstream's order (once it
    recorded the call first, of a ticket it did not know, and then the issue: the customer waited on its screen)."""
    config, clock, url, upstream = sqlite_branch
    from models.branch.service import BranchService

    st1 = station_on(tmp_path, url, config, clock, "ST1")
    kiosk = BranchService(upstream, config, "B1", "KIOSK", clock)
    st1.issue_ticket("CASH")
    kiosk.issue_ticket("CASH")
    assert st1.tick()  # pulled past the position ST1's view of upstream stands at
    clock.advance(10)
    ticket = kiosk.issue_ticket("CASH").ticket

    def no_fold(*args, **kwargs):
        raise AssertionError("folded again for a command decided on upstream's state")

    monkeypatch.setattr(reorder, "project_again_from", no_fold)
    st1.call_ticket("C1", ticket.id, "asked for by name", "TC1")
    called = st1.local.state.tickets[ticket.id]
    assert (called.status, called.counter) == (TicketStatus.CALLED, "C1")
    assert _journal(st1.local.store) == _journal(upstream)
    assert_projections_match_journal(st1.local.store, config, "B1")
