"""The application-service facade the UI and the CLI call.

Each command is one transaction: catch up with what other stations wrote,
check the command against the rules, append its events, apply them and write
the projections, then commit, or leave no trace at all.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select

from models.branch.break_journal import counter_events, day_breaks
from models.branch.break_outlook import BreakOutlook
from models.branch.command_connection import CommandConnection
from models.branch.day_plan import DayPlan
from models.branch.held_base import drop_saved, read_saved, save_base
from models.branch.journal import append, event_id_at
from models.branch.records import CallView, CommandResult, CounterView, QueueSnapshot, TicketView
from models.branch.reorder import record_in_order, state_before
from models.branch.state_loader import events_to_apply, load_from_projections
from models.staff.session import StaffSession
from models.station.counter_guard import authorize_configure
from models.store.database import Store
from models.store.tables import BranchRow, CategoryRow
from models.store.upsert import Executor, insert_ignore
from models.store.write_marks import WriteMarks
from models.sync.projection import apply_and_project
from models.sync.status import ALWAYS_ONLINE, SyncStatus
from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock, SystemClock
from queueing.core.commands import Commands, day_end_date, local_day
from queueing.core.day_end import DayEndFirst, left_over
from queueing.core.events import Event, StationContext
from queueing.core.policy import call_order
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.text_rules import BRANCH_NAME, clean_text
from queueing.core.tickets import PriorityClass, TransactionLine
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.break_plan import Break
from queueing.waits.estimate import WaitEstimate, ahead_of_new, estimate_wait, estimate_waits
from queueing.waits.outlook import ArrivalRates, Outlook

Decide = Callable[[Commands], list[Event]]

log = logging.getLogger(__name__)


class BranchService:
    """Commands and queries of one station on one branch. Safe to call from worker threads."""

    def __init__(
        self,
        store: Store,
        config: BranchConfig,
        branch_id: str,
        station_id: str,
        clock: Clock | None = None,
        day: DayPlan | None = None,
        end_days: bool = True,
    ) -> None:
        """``day``: the branch's hours and tellers' rota (staffing.toml, ``load_day_plan``) for the estimates;
        without it they know no breaks ahead and expect arrivals for Outlook's default horizon.
        ``end_days``: close what earlier business days left waiting or parked before a command or a snapshot
        (``end_past_days``); off for a station's own file, whose StationService decides where that runs."""
        self.store = store
        self.config = config
        self.branch_id = branch_id
        self.station_id = station_id
        self.clock = clock or SystemClock()
        self.ctx = StationContext(branch_id, station_id, self.clock)
        self._lock = threading.RLock()
        self._reserved_seq = 0  # this station's sequence numbers held by in-doubt commands (models.station.in_doubt)
        self._arrivals = ArrivalRates()  # the day's arrivals per category and class, for the estimates
        # How long each kind of pause lasts, for the estimates (the shipped alerts.toml's pause limits).
        self.pause_lengths_s: dict[str, float] = dict(AlertSettings().pause_limit_s)
        self.day = day or DayPlan()
        self._end_days = end_days
        self._breaks = BreakOutlook(self.day, config.timezone, self._read_day)
        self._marks = WriteMarks()  # lets a command skip the catch-up query when nobody else wrote
        self._connection = CommandConnection(store)
        self._stale = False  # the state may hold a failed transaction's events: rebuilt before it is used again
        self._last_id: str | None = None  # the id of the event at self._position: the journal read so far
        # When this service found the journal restored from a backup behind what it had read (it rebuilt its state
        # from the store as it is then); None while it never was. The supervisor's screen says so.
        self.journal_restored_at: datetime | None = None
        # A copy of the state as of a journal position, kept while events may still be put in another order after
        # it (a station's file taking the branch's order: record_in_order); None when none is kept.
        self._base: tuple[int, BranchState] | None = None
        # Whether the store holds a saved base for this station (models.branch.held_base), and whether it was
        # looked for since this service started: a station's file, restarted before its sync, keeps its base.
        self._base_saved = False
        self._base_looked = False
        # Ticket numbers this service saw handed out before the journal went back to a backup: customers hold those
        # slips, and a kiosk that wrote them straight into the store keeps no journal to send them again.
        self._handed_out: dict[tuple[date, str], int] = {}
        self._reload()

    # -- set-up --------------------------------------------------------------
    def ensure_branch(self, name: str) -> None:
        """Create the branch and its categories if this store does not have them yet."""
        name = clean_text(BRANCH_NAME, name)
        with self.store.write_session() as session:
            insert_ignore(
                session,
                BranchRow.__table__,
                [{"id": self.branch_id, "name": name, "timezone": self.config.timezone}],
                ["id"],
            )
            rows = [
                {
                    "branch_id": self.branch_id,
                    "code": c.code,
                    "prefix": c.prefix,
                    "names": c.names,
                    "target_wait_s": c.target_wait_s,
                    "max_wait_s": c.max_wait_s,
                    "typical_service_s": c.typical_service_s,
                }
                for c in self.config.categories.values()
            ]
            insert_ignore(session, CategoryRow.__table__, rows, ["branch_id", "code"])

    # -- connection (a branch's own store is always there; StationService syncs) --
    @property
    def online(self) -> bool:
        return True

    def sync_status(self) -> SyncStatus:
        return ALWAYS_ONLINE

    def tickets_in_doubt(self) -> frozenset[str]:
        """None: a command on the branch's own store knows its outcome when it returns."""
        return frozenset()

    status = sync_status  # the status bar's provider (models/sync/status_provider.py)

    def close(self) -> None:
        """Give back the commands' connection; the store itself belongs to whoever opened it."""
        with self._lock:
            self._connection.drop()

    def branch_name(self) -> str:
        with self.store.read_session() as session:
            return session.scalar(select(BranchRow.name).where(BranchRow.id == self.branch_id)) or self.branch_id

    # -- the transaction -----------------------------------------------------
    def _reload(self) -> None:
        self._marks.forget()
        with self.store.read_session() as session:
            state, self._position = load_from_projections(session, self.config, self.branch_id)
            self._last_id = event_id_at(session, self.branch_id, self._position)
        self._stale = False
        self._take(state)

    def _take(self, state: BranchState) -> None:
        """Work on ``state``, built afresh from the store: with what this service knows beyond the store (its reserved
        sequence numbers, the numbers it saw handed out before a restore)."""
        self.state = state
        self._breaks.stale()
        self._apply_reserve()
        state.handed_out.update(self._handed_out)
        self.commands = Commands(state, self.ctx)

    def reserve_seq(self, seq: int) -> None:
        """Keep this station's next events above ``seq`` (held by events whose outcome is not known yet)."""
        with self._lock:
            self._reserved_seq = max(self._reserved_seq, seq)
            self._apply_reserve()

    def _apply_reserve(self) -> None:
        if self.state.station_seq.get(self.station_id, 0) < self._reserved_seq:
            self.state.station_seq[self.station_id] = self._reserved_seq

    def _forget_failed(self) -> None:
        """After a transaction that failed with events already applied to the state: rebuild it from the store.

        With the store still out of reach (the link that failed the COMMIT is down) that fails too, and the state
        keeps events that may never have been saved and a journal position past what was read: a retry of the same
        ticket id would be told it stands, and other stations' events before that position never caught up. So it
        is marked stale and rebuilt first at the next command or read (``_fresh``), never used as it is.
        """
        self._stale = True
        try:
            self._reload()
        except Exception as exc:
            log.warning("branch %s: the state is rebuilt at the next command or read (%s)", self.branch_id, exc)

    def _fresh(self) -> None:
        if self._stale:
            self._reload()

    def _catch_up(self, session: Executor) -> None:
        if self._position and event_id_at(session, self.branch_id, self._position) != self._last_id:
            # The journal ends before the position read so far, or holds another event there: the store was
            # restored from a backup (as a station notices, models.station.identity.branch_went_back). The state
            # holds tickets the store no longer has and would skip the new events at or below that position.
            log.warning("branch %s: the journal went back behind position %s; rebuilt", self.branch_id, self._position)
            self._handed_out = _handed_out(self.state)
            # This writer's own sequence numbers, too: a station that pulled the lost events holds them, and the
            # same number on another event would stop its every pull (UNIQUE station, seq).
            self._reserved_seq = max(self._reserved_seq, self.state.station_seq.get(self.station_id, 0))
            self._reload()
            self.journal_restored_at = self.clock.now()
        for position, event in events_to_apply(session, self.state, self.branch_id, self._position):
            apply(self.state, event)
            self._breaks.note((event,))
            self._position = position
            self._last_id = event.id

    def day_end_due(self, issued_by: str | None = None, skip: frozenset[str] = frozenset()) -> bool:
        """True when the state holds a ticket an earlier business day left waiting or parked (``left_over``)."""
        with self._lock:
            day = day_end_date(self.state, self.clock.now())
            return bool(left_over(self.state, day, issued_by, skip))

    def end_past_days(self) -> CommandResult:
        """Close as expired what earlier business days left waiting or parked, as one command (none: no events).

        Safe from several stations at once: the command decides after catching up under the branch
        lock, so a ticket another station has closed is not closed again.
        """
        return self._run(Commands.end_past_days)

    def run(self, decide: Decide) -> CommandResult:
        """Run one command as one transaction, after the day end if one is due (its own transaction: a refused
        command does not take it back). Due is decided on the state caught up under the branch lock, not on this
        service's view before it: another writer's tickets of yesterday are never called this morning."""
        with self._lock:
            if self._end_days:
                try:
                    return self._run(decide, day_end_first=True)
                except DayEndFirst:  # nothing was decided nor written
                    self.end_past_days()
            return self._run(decide)

    def _run(self, decide: Decide, day_end_first: bool = False) -> CommandResult:
        with self._lock:
            self._fresh()
            own_seq = self.state.next_seq(self.station_id)
            try:
                kept = self._connection.get()
                with self.store.write_transaction(lock_key=self.branch_id, kept=kept) as conn:
                    seen = self._marks.look(conn)
                    if not seen.unchanged:  # someone else wrote since this station's last command
                        self._catch_up(conn)
                    if day_end_first:
                        self.commands.require_day_ended()
                    events = list(decide(self.commands))
                    for event in events:
                        self._position = append(conn, event)
                        self._last_id = event.id
                    # The one projection path: the same as a push or a pull takes (models.sync.projection).
                    apply_and_project(conn, self.state, events)
                    noted = self._marks.note(conn, seen)
                self._marks.keep(noted)
                self._breaks.note(events)
            except BaseException:
                self._connection.drop()
                # Only this station's own events can have reached the state and then been rolled back
                # (what catch-up applied is committed). A refused command ("nobody waits") applied
                # nothing, and rebuilding the state costs a large store most of a second.
                if self.state.next_seq(self.station_id) != own_seq:
                    self._forget_failed()
                raise
            return self._result(events)

    def record_many(
        self, events: Sequence[Event], then: Callable[[Executor], None] | None = None, fsync: bool = True
    ) -> list[Event]:
        """Record events decided elsewhere (a station's sync pull): one transaction, projected in one batch.

        Events already in this store (same id) are skipped; returns those recorded. ``then`` runs
        in the same transaction (settling in-doubt events together with their outcome). ``fsync``:
        as ``Store.write_transaction``'s.
        """
        from models.sync.upstream import record_new  # sync builds on this module, not the other way round

        with self._lock:
            self._fresh()
            try:
                # A Core transaction, catching up only when another writer wrote, as ``run`` does: an online
                # station records every command of its own here, twice (kept aside, then settled).
                with self.store.write_transaction(lock_key=self.branch_id, fsync=fsync) as conn:
                    seen = self._marks.look(conn)
                    if not seen.unchanged:
                        self._catch_up(conn)
                    recorded = record_new(conn, self.state, events)
                    if then is not None:
                        then(conn)
                    if recorded:
                        self._position = recorded[-1][0]
                        self._last_id = recorded[-1][1].id
                    noted = self._marks.note(conn, seen)
                self._marks.keep(noted)
                self._breaks.note(event for _position, event in recorded)
            except BaseException:
                self._forget_failed()
                raise
            return [event for _position, event in recorded]

    def hold_base(self) -> None:
        """Keep a copy of the state as it is now, unless one is kept: ``record_in_order`` folds from it instead of
        from the journal's start, should it have to put events after this point in another order.

        The copy is saved in the store too (models.branch.held_base), before the command that needs it: after a
        restart, the one saved before it is folded from. A copy that cannot be saved is kept in memory only."""
        with self._lock:
            self._fresh()
            self._look_for_saved_base()
            if self._base is None:
                state = self.state
                self._base = (self._position, copy.deepcopy(state, {id(state.config): state.config}))
                if self._base_looked:  # else the file may keep one from before this run's commands: not replaced
                    self._save_base(*self._base)

    def drop_base(self) -> None:
        """The journal is in its final order: the copy ``hold_base`` kept is no longer needed."""
        with self._lock:
            self._look_for_saved_base()
            self._base = None
            if self._base_saved or not self._base_looked:
                try:
                    with self.store.write_transaction(lock_key=self.branch_id) as conn:
                        drop_saved(conn, self.branch_id, self.station_id)
                    self._base_saved = False
                except Exception as exc:  # still a base of the journal as it stands; dropped at the next chance
                    log.warning("branch %s: the saved base stays for now (%s)", self.branch_id, exc)

    def _look_for_saved_base(self) -> None:
        """Once per service: take the base the store kept for this station, if it may still be folded from."""
        if self._base_looked:
            return
        try:
            with self.store.read_session() as session:
                saved = read_saved(session, self.config, self.branch_id, self.station_id)
        except Exception as exc:  # a store without the table yet, a link down: folded from the start if need be
            log.warning("branch %s: no saved base read (%s)", self.branch_id, exc)
            return
        self._base_looked = True
        self._base_saved = saved.found
        # One taken in memory since the restart while the file could not be read comes after this run's commands
        # so far: the saved one, from before them, is the one a fold can start from.
        if saved.base is not None and (self._base is None or saved.base[0] < self._base[0]):
            self._base = saved.base

    def _save_base(self, position: int, state: BranchState) -> None:
        if position <= 0 or self._last_id is None:  # a base of nothing: the fold from the start costs nothing
            return
        try:
            with self.store.write_transaction(lock_key=self.branch_id) as conn:
                save_base(conn, self.branch_id, self.station_id, position, self._last_id, state, self.clock.now())
            self._base_saved = True
        except Exception as exc:
            log.warning("branch %s: the base is kept in memory only (%s)", self.branch_id, exc)

    def record_in_order(self, order: Sequence[Event]) -> list[Event]:
        """Record events decided elsewhere so that the journal ends in ``order``, moving those it holds already
        where the order puts them (models.branch.reorder), in one transaction; returns the events recorded.

        Where a move changes what the events decide, the state is folded again from the first event that moved
        (from the copy ``hold_base`` kept, or the journal's start), and the rows from there are written again.
        """
        with self._lock:
            self._fresh()
            self._look_for_saved_base()
            base, self._base = self._base, None  # folded into, or stale once an event before it moved
            folded_into: list[int] = []

            def before(first: int) -> BranchState:
                folded_into.append(first)
                return state_before(conn, self.config, self.branch_id, first, base)

            try:
                with self.store.write_transaction(lock_key=self.branch_id) as conn:
                    seen = self._marks.look(conn)
                    if not seen.unchanged:
                        self._catch_up(conn)
                    done = record_in_order(conn, self.state, self.branch_id, order, before)
                    if done.last_id is not None:
                        self._position, self._last_id = done.top, done.last_id
                    # Untouched, and the journal before it stands: kept. Otherwise the saved copy goes with this
                    # transaction: once an event before it moved, its position and event alone no longer show it.
                    kept = base is not None and done.folded is None and (done.first is None or base[0] < done.first)
                    if (self._base_saved or not self._base_looked) and not kept:
                        drop_saved(conn, self.branch_id, self.station_id)
                    noted = self._marks.note(conn, seen)
                self._marks.keep(noted)
            except BaseException:
                # Nothing of the transaction stands, so the journal before the copy stands too. A copy the fold
                # began from has changed: the saved one (the drop rolled back with the rest) is read again instead.
                if not folded_into:
                    self._base = base
                elif self._base_saved:
                    self._base_looked = False
                self._forget_failed()
                raise
            if kept:
                self._base = base
            else:
                self._base_saved, self._base_looked = False, True  # none in the file now
            if done.folded is not None:
                self._take(done.folded)
            else:
                self._breaks.note(event for _position, event in done.fresh)
            return [event for _position, event in done.fresh]

    def result_of(self, events: Sequence[Event]) -> CommandResult:
        """The views of what ``events`` (already recorded here) changed, as ``run`` returns them."""
        with self._lock:
            return self._result(events)

    def _result(self, events: Sequence[Event]) -> CommandResult:
        now = self.clock.now()
        ticket_ids = dict.fromkeys(e.payload["ticket_id"] for e in events if "ticket_id" in e.payload)
        estimates = {t: found for t in ticket_ids if (found := self._estimate(t, now))}
        counter_ids = dict.fromkeys(
            c for e in events for c in (e.payload.get("counter_id"), e.payload.get("from_counter")) if c
        )
        tickets = tuple(
            TicketView.of(self.state.tickets[t], now, estimates.get(t)) for t in ticket_ids if t in self.state.tickets
        )
        counters = tuple(
            self._counter_view(self.state.counters[c], now) for c in counter_ids if c in self.state.counters
        )
        return CommandResult(tuple(str(e.type) for e in events), tickets, counters)

    def _estimate(self, ticket_id: str, now: datetime) -> WaitEstimate | None:
        """The ticket's estimate as estimate_waits gives it, without the gamma quantile of every other ticket."""
        if ticket_id not in self.state.waiting:
            return None
        return estimate_wait(self.state, now, ticket_id, self._outlook(now))

    def _outlook(self, now: datetime) -> Outlook:
        """What the branch knows of the time ahead: its counters' breaks and pauses (models.branch.break_outlook),
        the customers the day's arrivals so far say are still to come, until the kiosk stops issuing."""
        plans = self._breaks.plans(self.state, now, self.pause_lengths_s)
        rates = self._arrivals.rates(self.state, now)
        horizon = self._breaks.horizon_s(self.state, now)
        return Outlook(plans, rates) if horizon is None else Outlook(plans, rates, horizon)

    def _read_day(self, day: date, since: datetime) -> tuple[list[Break], list[Event]]:
        """The day's planned breaks and the counter events from ``since`` on, from this store's journal (a synced
        station's holds what it pulled: the supervisor's changes reach its estimates at its next sync)."""
        with self.store.read_session() as session:
            breaks = day_breaks(session, self.branch_id, self.day.rota, day, self.config.timezone)
            return breaks, counter_events(session, self.branch_id, since)

    def _counter_view(self, counter, now: datetime) -> CounterView:
        current = self.state.tickets.get(counter.current) if counter.current else None
        held = self.state.sessions.get(counter.id)
        return CounterView.of(counter, TicketView.of(current, now) if current else None, held)

    # -- commands ------------------------------------------------------------
    def configure_counter(
        self, session: StaffSession, counter_id: str, name: str, profile: dict[str, int]
    ) -> CommandResult:
        """A counter's name and profile: the branch's set-up, for an administrator of this branch only."""
        authorize_configure(session, self.branch_id, self.store)
        return self.run(lambda c: c.configure_counter(counter_id, name, profile))

    def open_counter(self, counter_id: str, staff_id: str | None = None) -> CommandResult:
        return self.run(lambda c: c.open_counter(counter_id, staff_id))

    def close_counter(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.close_counter(counter_id))

    def sign_in(self, counter_id: str, staff_id: str) -> CommandResult:
        return self.run(lambda c: c.sign_in(counter_id, staff_id))

    def sign_out(self, counter_id: str, staff_id: str, keep_open: bool = False) -> CommandResult:
        return self.run(lambda c: c.sign_out(counter_id, staff_id, keep_open))

    def release_counter(self, counter_id: str, by: str) -> CommandResult:
        return self.run(lambda c: c.release_counter(counter_id, by))

    def pause(self, counter_id: str, reason: str) -> CommandResult:
        return self.run(lambda c: c.pause(counter_id, reason))

    def resume(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.resume(counter_id))

    def issue_ticket(
        self,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        appointment_at: datetime | None = None,
        ticket_id: str | None = None,
    ) -> CommandResult:
        return self.run(lambda c: c.issue_ticket(category, priority, customer_id, appointment_at, ticket_id))

    def issue_and_call(
        self,
        counter_id: str,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        staff_id: str | None = None,
    ) -> CommandResult:
        """Issue a ticket and call it at once, for a customer the teller serves straight away."""

        def decide(c: Commands) -> list[Event]:
            issued = c.issue_ticket(category, priority, customer_id)
            for event in issued:
                apply(self.state, event)  # the call must see the new ticket; rolled back by run() on failure
            called = c.call_ticket(counter_id, issued[0].payload["ticket_id"], "served at once", staff_id)
            return issued + called

        # run() applies the issue event again; the reducer ignores a repeated issue.
        return self.run(decide)

    def call_next(self, counter_id: str, staff_id: str | None = None) -> CommandResult:
        return self.run(lambda c: c.call_next(counter_id, staff_id))

    def call_ticket(self, counter_id: str, ticket_id: str, reason: str, staff_id: str | None = None) -> CommandResult:
        return self.run(lambda c: c.call_ticket(counter_id, ticket_id, reason, staff_id))

    def recall(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.recall(counter_id))

    def no_show(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.no_show(counter_id))

    def start(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.start(counter_id))

    def finish(
        self, counter_id: str, transactions: Sequence[TransactionLine], outcome: str = "completed"
    ) -> CommandResult:
        return self.run(lambda c: c.finish(counter_id, list(transactions), outcome))

    def transfer(
        self, counter_id: str, to_category: str | None = None, to_counter: str | None = None, keep_place: bool = True
    ) -> CommandResult:
        return self.run(lambda c: c.transfer(counter_id, to_category, to_counter, keep_place))

    def link_customer(self, counter_id: str, customer_id: str) -> CommandResult:
        return self.run(lambda c: c.link_customer(counter_id, customer_id))

    def park(self, counter_id: str) -> CommandResult:
        return self.run(lambda c: c.park(counter_id))

    def return_parked(self, counter_id: str, ticket_id: str) -> CommandResult:
        return self.run(lambda c: c.return_parked(counter_id, ticket_id))

    def move_ticket(
        self,
        ticket_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        seen_transfers: int | None = None,
    ) -> CommandResult:
        return self.run(lambda c: c.move_ticket(ticket_id, to_category, to_counter, seen_transfers))

    def resolve_conflict(self, ticket_id: str, staff_id: str, note: str) -> CommandResult:
        return self.run(lambda c: c.resolve_conflict(ticket_id, staff_id, note))

    def resolve_clash(self, event_id: str, staff_id: str, note: str) -> CommandResult:
        return self.run(lambda c: c.resolve_clash(event_id, staff_id, note))

    # -- queries -------------------------------------------------------------
    def refresh(self) -> int:
        """Catch up with events other stations wrote; returns the journal position."""
        with self._lock:
            self._fresh()
            with self.store.read_session() as session:
                self._catch_up(session)
            return self._position

    def snapshot(self, counter_id: str | None = None, ahead: bool = False) -> QueueSnapshot:
        """The branch now; with ``ahead``, also how many a new ticket of each category would have ahead of it.

        A business day that rolled while nobody ran a command is ended first: the hall and the supervisor
        never count yesterday's queue."""
        with self._lock:
            self.refresh()
            if self._end_days and self.day_end_due():
                try:
                    self.end_past_days()
                except Exception:  # a read must not fail for a write it does in passing; tried at the next one
                    log.warning("branch %s: closing earlier days' tickets failed", self.branch_id, exc_info=True)
            return self._snapshot(counter_id, ahead)

    def _snapshot(self, counter_id: str | None, ahead: bool = False) -> QueueSnapshot:
        state: BranchState = self.state
        now = self.clock.now()
        outlook = self._outlook(now)
        estimates = estimate_waits(state, now, outlook)
        if counter_id is not None:
            ordered = call_order(state, counter_id, now)
        else:
            far = float("inf")
            ordered = sorted(
                state.waiting.values(),
                key=lambda t: (estimates[t.id].mean_s if t.id in estimates else far, t.issued_at),
            )
        waiting = tuple(TicketView.of(t, now, estimates.get(t.id)) for t in ordered)
        counts: dict[str, int] = dict.fromkeys(self.config.categories, 0)
        for ticket in state.waiting.values():
            counts[ticket.category] = counts.get(ticket.category, 0) + 1
        parked = tuple(TicketView.of(t, now) for t in (state.parked_at(counter_id) if counter_id else ()))
        names = {c.id: c.name for c in state.counters.values()}
        # Today's calls only: the list is emptied by the day's first ticket, and until then a hall display opened
        # (or left on) overnight showed yesterday's last calls as the latest.
        today = local_day(self.config.timezone, now)
        calls = tuple(
            CallView.of(c, names.get(c.counter, c.counter))
            for c in reversed(state.recent_calls)
            if local_day(self.config.timezone, c.at) >= today
        )
        ahead_counts = {}
        for code in self.config.categories if ahead else ():
            # The outlook the ticket's own estimate will have once issued (one more arrival of its kind).
            after = replace(outlook, rates=self._arrivals.rates_with(state, now, (code, PriorityClass.REGULAR)))
            found = ahead_of_new(state, now, code, after)
            if found is not None:
                ahead_counts[code] = found
        return QueueSnapshot(
            at=now,
            business_date=state.business_date,
            counters=tuple(self._counter_view(c, now) for c in sorted(state.counters.values(), key=lambda c: c.id)),
            waiting=waiting,
            waiting_by_category=counts,
            parked=parked,
            recent_calls=calls,
            conflicts=len(state.conflicts),
            position=self._position,
            ahead_by_category=ahead_counts,
            journal_restored_at=self.journal_restored_at,
        )

    def ticket(self, ticket_id: str) -> TicketView:
        with self._lock:
            self._fresh()
            now = self.clock.now()
            return TicketView.of(self.state.ticket(ticket_id), now, self._estimate(ticket_id, now))


def _handed_out(state: BranchState) -> dict[tuple[date, str], int]:
    """The last numbers ``state`` knows handed out, by day and category (its own day's and those it kept)."""
    seen = dict(state.handed_out)
    if state.business_date is not None:
        for category, last in state.sequences.items():
            key = (state.business_date, category)
            seen[key] = max(seen.get(key, 0), last)
    return seen
