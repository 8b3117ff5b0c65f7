"""The station's service: the BranchService commands, online upstream or offline on its own file.

Online, each command is one upstream transaction (``UpstreamBranch.run``).
Before it commits, its events, after those of other stations it caught up
with, are recorded in the station's own SQLite journal, so a lost
acknowledgement never loses a fact: the event waits there and the next push
sends it again (the upstream insert is idempotent on the event id).
Offline (a connection error or a deadline), the command runs on the local
state instead: numbers from the station's leased block or its own series, and
``call_next`` only calls tickets this station issued. ``sync_now`` pushes the
backlog in sequence order, pulls what others did, tops up the leases and goes
back online; a ``SyncWorker`` calls it in the background.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from filelock import FileLock
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.branch.day_plan import DayPlan
from models.branch.offline_numbers import (
    Lease,
    issue_offline,
    issue_online,
    leases_of_day,
)
from models.branch.records import CommandResult, QueueSnapshot, TicketView
from models.branch.service import BranchService
from models.station.commands import Numbering, Plan, StationCommands
from models.station.identity import (
    BranchStoreWentBack,
    StationRestored,
    new_incarnation,
    restored_from_backup,
)
from models.station.in_doubt import (
    CommandOutcomeUnknown,
    CommitUncertain,
    committed_upstream,
    forget,
    in_doubt,
    keep_aside,
    voids_for,
)
from models.station.sync import UNREACHABLE, StationSync, may_be_stale
from models.store.database import Store
from models.store.errors import StoreUnavailable
from models.store.upsert import Executor, upsert
from models.sync.link_errors import failure_line, is_link_failure
from models.sync.pg_upstream import Deadlines
from models.sync.status import SyncStatus
from models.sync.tables import NumberLeaseRow, SyncCursorRow
from models.sync.upstream import ClaimLost, Positioned, UpstreamBranch
from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock, CorrectedClock, SystemClock
from queueing.core.commands import Commands, business_date
from queueing.core.day_end import DayEndFirst
from queueing.core.errors import DomainError
from queueing.core.events import Event
from queueing.core.hlc import HlcTimestamp

if TYPE_CHECKING:
    from models.station.open import SyncWorker

log = logging.getLogger(__name__)


class UpstreamUnreachable(DomainError):
    """A service that needs upstream (customer look-up) while the station works offline."""

    code = "upstream_unreachable"


class StationService(StationSync, StationCommands):
    """BranchService's commands and queries for one station, plus ``sync_now`` and ``sync_status``."""

    def __init__(
        self,
        local: Store,
        upstream: Store,
        config: BranchConfig,
        branch_id: str,
        station_id: str,
        clock: Clock | None = None,
        deadlines: Deadlines = Deadlines(),
        day: DayPlan | None = None,
    ) -> None:
        # One clock and one hybrid logical clock for the station, online and offline alike.
        self.clock = CorrectedClock(clock or SystemClock())
        # The estimates are the local state's: its journal holds the breaks the supervisor set, once pulled.
        # The day end runs where this station's commands run (``_end_days``), never straight into its own file.
        self.local = BranchService(local, config, branch_id, station_id, self.clock, day, end_days=False)
        self.upstream_store = upstream
        self.config = config
        self.branch_id = branch_id
        self.station_id = station_id
        self.deadlines = deadlines
        self._ctx = self.local.ctx
        self._lock = threading.RLock()
        self._upstream: UpstreamBranch | None = None
        self._online = False
        self._prepared = False  # upstream schema checked and migrated (at the first successful sync)
        self.offline_reason = "not connected yet"
        self._staff_mirrored = float("-inf")
        self._anchored = -1  # the acknowledged sequence the anchor file last recorded
        self._unsynced = False  # a settle was committed without an fsync since the last synced write
        self.clock_offset_s = 0.0  # upstream's clock minus this PC's, measured at each sync
        self.worker: SyncWorker | None = None  # set by open_station(worker=True)
        self.file_lock: FileLock | None = None  # held by open_station for the life of the process
        self._local_writer: ThreadPoolExecutor | None = None  # keeps a command locally beside its upstream statements
        # The highest own sequence number known to stand in this file where upstream's journal has it (see
        # StationSync._pull); unknown after a start, so the first pull asks where upstream put them.
        self._placed = 0
        self._load_cursor()
        # Local projections refer to the branch row; offline the station may never have seen upstream.
        self.local.ensure_branch(branch_id)
        own_top = self.local.state.station_seq.get(station_id, 0)
        # Restored from a backup: offline work would reuse sequence numbers upstream holds (models.station.identity).
        self._restored = restored_from_backup(local, self._incarnation, own_top)
        # A command left in doubt by a crash or a lost link keeps its sequence numbers until it is settled.
        pending = in_doubt(local, branch_id, station_id)
        self._doubtful = _tickets_of(pending)
        if pending:
            self.local.reserve_seq(pending[-1].seq)

    # -- cursor and status ---------------------------------------------------
    def _load_cursor(self) -> None:
        with self.local.store.read_session() as session:
            row = session.get(SyncCursorRow, (self.branch_id, self.station_id))
            self._acked = row.acked_seq if row else 0
            self._pulled = row.pulled_position if row else 0
            self._last_sync = row.last_sync_at if row else None
            self._tag = row.series_tag if row else None
            known = row.incarnation if row and row.incarnation else None
            self._leases = self._my_leases(session)
        self._incarnation = known or new_incarnation()
        if known is None:
            self._save_cursor()

    def _my_leases(self, session: Session) -> list[Lease]:
        rows = session.scalars(select(NumberLeaseRow).where(NumberLeaseRow.station_id == self.station_id))
        return [Lease(r.business_date, r.category, r.first_seq, r.last_seq, r.station_id) for r in rows]

    def _save_cursor(self) -> None:
        row = {
            "branch_id": self.branch_id,
            "station_id": self.station_id,
            "acked_seq": self._acked,
            "pulled_position": self._pulled,
            "last_sync_at": self._last_sync,
            "series_tag": self._tag,
            "incarnation": self._incarnation,
        }
        with self.local.store.write_session() as session:
            upsert(session, SyncCursorRow.__table__, [row], ["branch_id", "station_id"])
        self._unsynced = False  # this COMMIT was synced, and with it every write before it (one WAL)

    @property
    def store(self) -> Store:
        """The branch's shared store, for services that read tables other than the event journal.

        Events are synced, and the staff accounts are copied down for an offline sign-in
        (``models.staff.mirror``); customer tables are read upstream only.
        """
        return self.upstream_store

    @property
    def state(self):
        """The station's own view of the branch (the local state, with everything pulled)."""
        return self.local.state

    @property
    def online(self) -> bool:
        return self._online

    def sync_status(self) -> SyncStatus:
        """Never blocks: in-memory figures, for the status bar every second."""
        own = self.local.state.station_seq.get(self.station_id, 0)
        return SyncStatus(self._online, max(0, own - self._acked), self._last_sync, self.clock_offset_s)

    status = sync_status  # the status-bar provider protocol of models/sync/status_provider.py

    # -- running a command ---------------------------------------------------
    def _execute(self, plan: Plan) -> CommandResult:
        with self._lock:
            self._end_days()

            def checked(c: Commands, n: Numbering) -> list[Event]:
                # Online, upstream's state caught up under the branch lock is the one to ask: this station's
                # copy may not have pulled another station's last tickets of yesterday yet.
                if self._online:
                    c.require_day_ended()
                return plan(c, n)

            try:
                return self._execute_once(checked)
            except DayEndFirst:  # nothing was decided nor written
                # Pulled first, then ended: this station's file records the tickets before their expiry.
                self.tick()
            return self._execute_once(plan)

    def _end_days(self) -> None:
        """Close what earlier business days left waiting or parked, as a command of its own when one is due.

        Online, upstream decides on the whole branch; offline, only this station's own tickets (the only
        ones it may call offline: a wrong clock here never closes the branch's queue), and none a command
        in doubt named. A day end that cannot run now is tried again at the next command or sync step.
        """
        skip = frozenset(self._doubtful)
        if not self.local.day_end_due(None if self._online else self.station_id, skip):
            return

        def plan(c: Commands, n: Numbering) -> list[Event]:
            # Decided where it runs: a command that goes offline on the way runs this again on the station's file.
            return c.end_past_days() if self._online else c.end_past_days(self.station_id, skip)

        try:
            self._execute_once(plan)
        except DomainError as exc:  # in doubt, or a restored file: the command itself says so if it must
            log.warning("station %s: earlier days' tickets not closed yet: %s", self.station_id, exc)

    def end_past_days(self) -> None:
        """The day end, if one is due (a station opening on a new business day)."""
        with self._lock:
            self._end_days()

    def tick(self) -> bool:
        """The background step (StationSync.tick), then the day end if the business day rolled meanwhile."""
        with self._lock:
            super().tick()
            self._end_days()
            return self._online

    def _execute_once(self, plan: Plan) -> CommandResult:
        with self._lock:
            if self._online:
                result = self._try_online(plan)
                if result is not None:
                    return result
            return self._offline_run(plan)

    def _try_online(self, plan: Plan) -> CommandResult | None:
        """The command upstream; None once the station has gone offline without recording it.

        Raises CommandOutcomeUnknown when the link died at the COMMIT and upstream could not be
        asked in time: nothing is reported done that may not be, and nothing is run offline twice.
        """
        failure: BaseException = ClaimLost("the ticket was taken twice in a row")
        for attempt in range(2):
            try:
                return self._online_run(plan)
            except ClaimLost as exc:
                failure = exc
                self._upstream = None  # a stale view: reload from upstream and decide again
                continue
            except CommitUncertain as exc:
                settled = self._settle_after_commit_failure(exc)
                if settled is not None:
                    return settled
                # Rolled back, and upstream answers again (a refusal is raised). The voids that keep this
                # station's sequence gapless go up first, then the command is decided again on fresh state.
                failure = self._unreachable(exc.__cause__ or exc)
                try:
                    self._push(self._ensure_upstream(), self.deadlines.call_s)
                except UNREACHABLE as again:
                    failure = self._unreachable(again)
                    break
                continue
            except UNREACHABLE as exc:
                failure = self._unreachable(exc)
                if attempt == 0 and may_be_stale(failure):
                    self.upstream_store.engine.dispose()
                    continue
                break
        self._go_offline(failure)
        return None

    def _settle_after_commit_failure(self, exc: CommitUncertain) -> CommandResult | None:
        """Ask upstream how a COMMIT without an answer ended; the command's result if it stood, None if not.

        Raises CommandOutcomeUnknown (the station goes offline, the events stay in doubt) when
        upstream cannot be asked within one more call deadline.
        """
        cause = exc.__cause__ or exc
        self.upstream_store.engine.dispose()  # the connection that lost its answer must not be reused
        try:
            committed = self._resolve(exc.events, self.deadlines.call_s)
        except UNREACHABLE as again:
            self._go_offline(self._unreachable(again))
            raise CommandOutcomeUnknown(
                "the link dropped while the branch server was saving this command; whether it was saved "
                "is checked when the link is back (nothing is lost and nothing is done twice)"
            ) from cause
        if committed:
            self._last_sync = self.clock.now()
            return self.local.result_of(exc.events)
        return None

    def _resolve(self, events: list[Event], seconds: float) -> bool:
        """Settle in-doubt ``events`` by asking upstream; True if they were committed there."""
        with self._deadline(seconds):
            committed = committed_upstream(self.upstream_store, self.branch_id, events)
        if committed and self._acked >= events[0].seq - 1:
            self._acked = max(self._acked, events[-1].seq)
        self._settle(events, events if committed else voids_for(self._ctx, events))
        return committed

    def _settle(self, in_doubt_events: list[Event], outcome: list[Event], fsync: bool = True) -> None:
        """Record what ``in_doubt_events`` turned out to be and drop them from the in-doubt table, in one write.

        ``fsync=False`` where the in-doubt rows are synced and the outcome is upstream's committed journal:
        if a power cut loses this write, the rows are found in doubt again and settled the same way.
        """
        self.local.record_many(outcome, then=lambda session: forget(session, in_doubt_events), fsync=fsync)
        self._doubtful -= _tickets_of(in_doubt_events)
        self._unsynced = self._unsynced or not fsync

    def tickets_in_doubt(self) -> frozenset[str]:
        return frozenset(self._doubtful)

    def _resolve_in_doubt(self, seconds: float) -> None:
        """At a sync, before the push: settle what earlier commands left in doubt (a lost answer, a crash)."""
        pending = in_doubt(self.local.store, self.branch_id, self.station_id)
        if pending:
            self._resolve(pending, seconds)

    def _online_run(self, plan: Plan) -> CommandResult:
        up = self._ensure_upstream()

        def decide(c: Commands, session: Executor) -> list[Event]:
            held = c.state.station_seq.get(self.station_id, 0)
            if held < self._acked:
                # Decided here, the command would number this station's events (and the branch's tickets) again.
                raise BranchStoreWentBack(
                    f"{self.upstream_store.label} holds this station's events only up to {held} of the {self._acked} "
                    "it acknowledged (restored from a backup?): working offline until they are sent again"
                )

            def issue(**ticket: object) -> list[Event]:
                # Read under the branch lock: a block leased a moment ago is skipped too.
                leases = leases_of_day(session, self.branch_id, business_date(c.state, self.clock.now()))
                return issue_online(c, leases, seen=self.local.state, **ticket)

            return plan(c, Numbering(issue))

        # The local journal holds everything up to where upstream's view starts (a pull since may have taken some of
        # what the view catches up with: those are skipped), and all of this station's own events stand in the
        # branch's order: the caught events and then this command's go into the file in upstream's order.
        pulled = self._pulled
        contiguous = up.position <= pulled and not self._own_unplaced()
        if not contiguous:
            # The command's events reach the file before others' that upstream holds first; the pull after it puts
            # them in the branch's order, folding from this copy should the two meet (BranchService.record_in_order).
            self.local.hold_base()
        kept: list[Event] = []

        def keep(caught: Positioned, events: list[Event]) -> Future[None]:
            # Other stations' events are committed upstream already: recorded here in upstream's order
            # (as a pull would). This command's own events wait in doubt until the COMMIT answers.
            if caught:
                self._ctx.hlc.receive(HlcTimestamp.decode(max(e.hlc for _p, e in caught)))
            recorded = [e for p, e in caught if p > pulled] if contiguous else []
            now = self.clock.now()

            def write() -> None:
                # One local transaction for both: a command costs the station's file two writes, not three.
                if recorded or events:
                    self.local.record_many(recorded, then=lambda conn: keep_aside(conn, events, now))
                kept.extend(events)

            # Beside upstream's statements: the COMMIT waits for this synced write, not the statements too.
            return self._beside().submit(write)

        try:
            with self._deadline(self.deadlines.call_s):
                up.run(decide, keep)
        except BaseException as exc:
            self._upstream = None
            if kept and up.commit_sent:
                self.local.reserve_seq(kept[-1].seq)
                self._doubtful |= _tickets_of(kept)
                raise CommitUncertain(kept) from exc
            if kept:
                # No COMMIT left: the command did not happen. Its numbers are free again, kept by no row.
                try:
                    self.local.record_many([], then=lambda conn: forget(conn, kept))
                except BaseException:
                    # Still kept: in doubt until upstream is asked (it says no: voids), their numbers held meanwhile.
                    self.local.reserve_seq(kept[-1].seq)
                    self._doubtful |= _tickets_of(kept)
                    raise
            raise
        own = kept
        if own:
            # Committed upstream, and kept aside here by a synced write: this write need not wait for the disk.
            self._settle(own, own, fsync=False)
        self._acked = max(self._acked, own[-1].seq) if own else self._acked
        self._last_sync = self.clock.now()
        if contiguous:
            self._pulled = up.position
            if own:  # recorded right after what upstream holds before them: in the branch's order
                self._placed = max(self._placed, own[-1].seq)
        else:
            try:
                self._pull(up, self.deadlines.call_s)
            except UNREACHABLE as exc:
                self._go_offline(self._unreachable(exc))
        # Views are built after the commit: the branch lock is held no longer than the writes need.
        return self.local.result_of(own)

    def _beside(self) -> ThreadPoolExecutor:
        if self._local_writer is None:
            self._local_writer = ThreadPoolExecutor(1, thread_name_prefix=f"station-{self.station_id}-local")
        return self._local_writer

    def _offline_run(self, plan: Plan) -> CommandResult:
        if self._restored:
            raise StationRestored(
                f"the file of station {self.station_id} was restored from a backup: it holds fewer of its own "
                "events than the branch server has; it works again once it has synced with the branch server"
            )
        tag = self._tag or f"{self.station_id}-"
        # This command's events may land before others' that upstream holds first: the state as it is now is kept
        # to fold again from, should their order change what the pull decides (BranchService.record_in_order).
        self.local.hold_base()

        def decide(c: Commands) -> list[Event]:
            events = plan(c, Numbering(lambda **t: issue_offline(c, self._leases, tag, **t)))
            if self._doubtful & _tickets_of(events):
                # What the lost answer did to this ticket is not known yet: acting on it now could do it twice.
                raise CommandOutcomeUnknown(
                    "the branch server has not answered about this ticket's last step yet; "
                    "it is checked as soon as the link is back"
                )
            return events

        return self.local.run(decide)

    def upstream_deadline(self):
        """The deadline of one upstream call, for the station's other services (staff) that ask upstream."""
        return self._deadline(self.deadlines.call_s)

    def link_lost(self, exc: BaseException) -> None:
        """Another service of this station found upstream unreachable: go offline (``exc`` again if it was not that)."""
        with self._lock:
            self._go_offline(self._unreachable(exc))

    def _deadline(self, seconds: float) -> AbstractContextManager[object]:
        return self.upstream_store.deadline(seconds)

    def _ensure_upstream(self) -> UpstreamBranch:
        if self._upstream is None:
            with self._deadline(self.deadlines.call_s):
                self._upstream = UpstreamBranch(self.upstream_store, self.config, self._ctx)
        return self._upstream

    def _unreachable(self, exc: BaseException) -> BaseException:
        """``exc`` if it says upstream is unreachable; any failure of the station's own file is raised again."""
        own_file = isinstance(exc, StoreUnavailable) and str(exc).startswith(self.local.store.label)
        if is_link_failure(exc) and not own_file:
            return exc
        raise exc

    def note_failure(self, exc: BaseException) -> None:
        """A sync step failed for a reason other than the link: offline, with that reason on show."""
        with self._lock:
            self._online = False
            self._upstream = None
            self.offline_reason = f"sync failed: {failure_line(exc)}"

    def _go_offline(self, exc: BaseException) -> None:
        self._online = False
        self._upstream = None
        self.offline_reason = failure_line(exc)
        # Broken connections must not be handed out again: the next attempt connects afresh.
        self.upstream_store.engine.dispose()
        try:
            self._save_cursor()
        except Exception:  # the local file is what matters; the cursor is rewritten at the next sync
            pass

    # -- set-up (as BranchService) ------------------------------------------
    def ensure_branch(self, name: str) -> None:
        self.local.ensure_branch(name)
        with self._deadline(self.deadlines.call_s * 4):
            BranchService(self.upstream_store, self.config, self.branch_id, self.station_id, self.clock).ensure_branch(
                name
            )

    def branch_name(self) -> str:
        return self.local.branch_name()


    # -- queries (the local state: it holds everything pulled) ---------------
    def refresh(self) -> int:
        return self.local.refresh()

    def snapshot(self, counter_id: str | None = None, ahead: bool = False) -> QueueSnapshot:
        return self.local.snapshot(counter_id, ahead)

    def ticket(self, ticket_id: str) -> TicketView:
        return self.local.ticket(ticket_id)

    def close(self) -> None:
        """Stop the background sync, if any, and keep the cursor."""
        if self.worker is not None:
            self.worker.stop()  # before the lock: the worker's step takes it
        with self._lock:
            self._save_cursor()
            self._anchor()
            if self._local_writer is not None:
                self._local_writer.shutdown()
                self._local_writer = None
            self.local.close()
        if self.file_lock is not None:
            self.file_lock.release()


def _tickets_of(events: list[Event]) -> set[str]:
    return {e.payload["ticket_id"] for e in events if "ticket_id" in e.payload}

