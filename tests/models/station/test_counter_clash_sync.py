"""Two stations at one counter (one online, one offline: the README's sign-in clash, "upstream keeps that teller,
the teller here keeps working"), and a double call, on a SQLite upstream, through the station services."""

from __future__ import annotations

from staff_sessions import session_of
from sync_branch import station_on, synced

from models.station.counter_desk import CounterDesk
from queueing.core.roles import Role
from queueing.core.tickets import TicketStatus


class _Staff:
    """Every account still serving (the account check is not under test here)."""

    def still_serving(self, session) -> None:
        return None


def _offline(station) -> None:
    station.link_lost(ConnectionResetError("test: link cut"))
    assert not station.online


def test_clashing_offline_sign_in_leaves_the_counter_to_the_teller_upstream_kept(tmp_path, sqlite_branch):
    """ST2's T2 holds C1 online. ST1, offline, signs T1 in at C1 (allowed, a clash) and syncs. Upstream keeps T2's
    session (the clash is flagged), and the clashing sign-in's COUNTER_CLOSED/COUNTER_OPENED events change nothing:
    C1 still names T2, who can go on working (once C1 named T1 and T2 was refused at the next key press)."""
    config, clock, url, _upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    st2.sign_in("C1", "T2")
    assert synced(st1)
    _offline(st1)
    st1.sign_in("C1", "T1")  # offline: allowed, synced as a clash
    assert synced(st1)
    assert synced(st2)
    t2 = session_of("B1", "T2", Role.TELLER, "ST2")
    desk = CounterDesk(st2, _Staff())
    st2.issue_ticket("CASH")
    # Upstream kept T2's session (the README: "upstream keeps that teller")...
    assert st2.local.state.sessions["C1"].staff_id == "T2"
    # ...so T2 can still work at C1 (online: decided on upstream's state), not CounterNotHeld "(T1 is)".
    assert st2.local.state.counters["C1"].staff == "T2"
    desk.call_next(t2, "C1")


def test_second_call_at_one_counter_does_not_strand_the_first_customer(tmp_path, sqlite_branch):
    """T2 (ST2, online) calls a ticket at C1; T1 (ST1, offline, signed in at C1 as a clash) calls its own ticket at C1.
    After the sync, the call that came second in journal order is flagged (counter_busy) and changes nothing: C1
    keeps T2's customer, T1's ticket keeps waiting. (The second call once overwrote C1's current ticket, leaving the
    other customer CALLED at C1 out of every command's reach.)"""
    config, clock, url, _upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    st2.sign_in("C1", "T2")
    assert synced(st1)
    _offline(st1)
    st1.sign_in("C1", "T1")
    own = st1.issue_ticket("CASH").ticket
    clock.advance(10)
    st1.call_next("C1", "T1")
    clock.advance(10)
    theirs = st2.issue_ticket("CASH").ticket
    st2.call_next("C1", "T2")
    assert synced(st1)
    assert synced(st2)
    state = st2.local.state
    c1 = state.counters["C1"]
    stuck = [t.number for t in state.tickets.values()
             if t.status in (TicketStatus.CALLED, TicketStatus.SERVING) and c1.current != t.id]
    holds = state.tickets[c1.current].number
    # T2 presses Start for the customer at the window (theirs): upstream starts ST1's customer instead.
    started = st2.start("C1").ticket
    assert stuck == [] and started.id == theirs.id, (
        f"C1 holds {holds} ({own.number} is ST1's); {stuck} stays CALLED at C1 out of every command's reach; "
        f"T2's Start started {started.number}, not their own {theirs.number}"
    )


def test_supervisors_move_pulled_after_an_offline_call_leaves_the_customer_at_the_station(tmp_path, sqlite_branch):
    """ST1, offline, calls its own waiting ticket at C1. Meanwhile the supervisor (on the branch store) moves that
    ticket, still waiting there, to the TRANSFER queue. Upstream applies the move, then ST1's call. ST1's file
    applies its call, then the pulled move, which is flagged (moved_not_waiting) and changes nothing: both show the
    customer called at C1. (The move once put the customer standing at C1 back in the queue at ST1, for good.)"""
    from models.branch.service import BranchService

    config, clock, url, upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    supervisor = BranchService(upstream, config, "B1", "SUP", clock)
    ticket = st1.issue_ticket("CASH").ticket
    _offline(st1)
    clock.advance(30)
    st1.call_next("C1", "TC1")
    clock.advance(30)
    supervisor.move_ticket(ticket.id, to_category="TRANSFER")  # the supervisor's screen still shows it waiting
    clock.advance(30)
    assert synced(st1)
    supervisor.refresh()
    branch_view = supervisor.state.tickets[ticket.id]
    station_view = st1.local.state.tickets[ticket.id]
    assert (branch_view.status, branch_view.counter) == (TicketStatus.CALLED, "C1")
    assert (station_view.status, station_view.counter, st1.local.state.counters["C1"].current) == (
        TicketStatus.CALLED, "C1", ticket.id
    ), f"station ST1 shows {ticket.number} {station_view.status} at {station_view.counter}; the branch: CALLED at C1"


def test_after_a_double_call_the_station_file_and_the_branch_name_the_same_winner(tmp_path, sqlite_branch):
    """ST1 calls its own ticket offline and starts serving; ST2 (online) called the same ticket first in upstream's
    journal. "The first counter that called the ticket keeps it" is judged in each store's own order: upstream gives
    it to C2 and flags ST1's call, ST1's file (its own events first, the pulled ones after) gives it to C1 and flags
    ST2's. Synced both ways, they never agree: ST1's screen shows its teller serving the customer, and its Finish,
    decided upstream, is refused ("counter C1 has no current ticket")."""
    config, clock, url, upstream = sqlite_branch
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = station_on(tmp_path, url, config, clock, "ST2")
    ticket = st1.issue_ticket("CASH").ticket
    assert synced(st2)
    _offline(st1)
    clock.advance(20)
    st1.call_next("C1", "TC1")
    st1.start("C1")
    clock.advance(20)
    st2.call_ticket("C2", ticket.id, "asked for by name", "TC2")
    clock.advance(20)
    assert synced(st1) and synced(st2)
    up = st2.local.state.tickets[ticket.id]
    mine = st1.local.state.tickets[ticket.id]
    assert (mine.status, mine.counter) == (up.status, up.counter), (
        f"ST1's file: {mine.number} {mine.status} at {mine.counter}; the branch (and ST2): {up.status} at {up.counter}"
    )
