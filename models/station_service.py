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
import time
from collections.abc import Callable
from datetime import datetime

from filelock import FileLock, Timeout
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.branch_service import BranchService
from models.collector import collector_paused
from models.in_doubt import (
    CommandOutcomeUnknown,
    CommitUncertain,
    committed_upstream,
    forget,
    in_doubt,
    keep_aside,
    voids_for,
)
from models.link_errors import failure_line, is_link_failure
from models.location import resolve_url, sqlite_file
from models.offline_numbers import (
    LEASE_LOW,
    Lease,
    issue_offline,
    issue_online,
    lease_block,
    leases_of_day,
    register_station,
    unused,
)
from models.pg_deadline import DeadlineExceeded
from models.pg_upstream import Deadlines, prepare_upstream
from models.push_batch import PushBatch
from models.push_read import own_events_after
from models.staff_mirror import mirror_staff, replay_sessions
from models.station_commands import Numbering, Plan, StationCommands
from models.station_identity import (
    Anchor,
    StationIdTaken,
    StationRestored,
    claim_incarnation,
    new_incarnation,
    own_events_upstream,
    record_clock,
    restored_from_backup,
    upstream_view,
    write_anchor,
)
from models.store import Store
from models.store_errors import StationFileInUse, StoreUnavailable
from models.sync_status import CLOCK_WARN_S, SyncStatus
from models.sync_tables import NumberLeaseRow, SyncCursorRow
from models.sync_upstream import ClaimLost, Positioned, UpstreamBranch
from models.upsert import insert_ignore, upsert
from models.utc import aware
from models.views import CommandResult, QueueSnapshot, TicketView
from queueing.categories import BranchConfig
from queueing.clock import Clock, CorrectedClock, SystemClock
from queueing.commands import Commands, business_date
from queueing.errors import DomainError
from queueing.events import Event
from queueing.hlc import HlcTimestamp

# Candidates for "upstream is gone"; _unreachable() tells them from failures of the station's own file.
log = logging.getLogger(__name__)
UNREACHABLE = (DBAPIError, StoreUnavailable, DeadlineExceeded, OSError)
PUSH_BATCH = 10000
MAX_RETRY_PAUSE_S = 60.0  # the longest the sync worker waits before trying again after a failure
STAFF_MIRROR_S = 60.0  # online, new or changed staff accounts reach the station's copy within a minute


class UpstreamUnreachable(DomainError):
    """A service that needs upstream (customer look-up) while the station works offline."""

    code = "upstream_unreachable"




class StationService(StationCommands):
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
    ) -> None:
        # One clock and one hybrid logical clock for the station, online and offline alike.
        self.clock = CorrectedClock(clock or SystemClock())
        self.local = BranchService(local, config, branch_id, station_id, self.clock)
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
        self.clock_offset_s = 0.0  # upstream's clock minus this PC's, measured at each sync
        self.worker: SyncWorker | None = None  # set by open_station(worker=True)
        self.file_lock: FileLock | None = None  # held by open_station for the life of the process
        self._load_cursor()
        # Local projections refer to the branch row; offline the station may never have seen upstream.
        self.local.ensure_branch(branch_id)
        own_top = self.local.state.station_seq.get(station_id, 0)
        # Restored from a backup: offline work would reuse sequence numbers upstream holds (models.station_identity).
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
            self._incarnation = row.incarnation if row and row.incarnation else None
            self._leases = self._my_leases(session)
        if self._incarnation is None:
            self._incarnation = new_incarnation()
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

    @property
    def store(self) -> Store:
        """The branch's shared store, for services that read tables other than the event journal.

        Events are synced, and the staff accounts are copied down for an offline sign-in
        (``models.staff_mirror``); customer tables are read upstream only.
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

    status = sync_status  # the status-bar provider protocol of ui/sync_status.py

    # -- running a command ---------------------------------------------------
    def _execute(self, plan: Plan) -> CommandResult:
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
                if attempt == 0 and _may_be_stale(failure):
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
        if committed:
            self.local.record_many(events, then=lambda session: forget(session, events))
            if self._acked >= events[0].seq - 1:
                self._acked = max(self._acked, events[-1].seq)
        else:
            self.local.record_many(voids_for(self._ctx, events), then=lambda session: forget(session, events))
        self._doubtful -= _tickets_of(events)
        return committed

    def tickets_in_doubt(self) -> frozenset[str]:
        return frozenset(self._doubtful)

    def _resolve_in_doubt(self, seconds: float) -> None:
        """At a sync, before the push: settle what earlier commands left in doubt (a lost answer, a crash)."""
        pending = in_doubt(self.local.store, self.branch_id, self.station_id)
        if pending:
            self._resolve(pending, seconds)

    def _online_run(self, plan: Plan) -> CommandResult:
        up = self._ensure_upstream()
        own: list[Event] = []

        def decide(c: Commands, session: Session) -> list[Event]:
            def issue(**ticket: object) -> list[Event]:
                # Read under the branch lock: a block leased a moment ago is skipped too.
                leases = leases_of_day(session, self.branch_id, business_date(c.state, self.clock.now()))
                return issue_online(c, leases, **ticket)

            return plan(c, Numbering(issue))

        contiguous = up.position == self._pulled  # the local journal holds everything up to where upstream starts

        def before_commit(caught: Positioned, events: list[Event]) -> None:
            # Other stations' events are committed upstream already: recorded here in upstream's order
            # (as a pull would). This command's own events wait in doubt until the COMMIT answers.
            if contiguous and caught:
                self.local.record_many([e for _p, e in caught])
            if events:
                with self.local.store.write_session() as session:
                    keep_aside(session, events, self.clock.now())
                self.local.reserve_seq(events[-1].seq)
                self._doubtful |= _tickets_of(events)
            own.extend(events)

        try:
            with self._deadline(self.deadlines.call_s):
                up.run(decide, before_commit)
        except BaseException as exc:
            self._upstream = None
            if own:
                raise CommitUncertain(own) from exc
            raise
        if own:
            self.local.record_many(own, then=lambda session: forget(session, own))
            self._doubtful -= _tickets_of(own)
        self._acked = max(self._acked, own[-1].seq) if own else self._acked
        self._last_sync = self.clock.now()
        if contiguous:
            self._pulled = up.position
        else:
            try:
                self._pull(up, self.deadlines.call_s)
            except UNREACHABLE as exc:
                self._go_offline(self._unreachable(exc))
        # Views are built after the commit: the branch lock is held no longer than the writes need.
        return self.local.result_of(own)

    def _offline_run(self, plan: Plan) -> CommandResult:
        if self._restored:
            raise StationRestored(
                f"the file of station {self.station_id} was restored from a backup: it holds fewer of its own "
                "events than the branch server has; it works again once it has synced with the branch server"
            )
        tag = self._tag or f"{self.station_id}-"

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

    def _deadline(self, seconds: float):
        watch = getattr(self.upstream_store, "watch", None)
        if watch is None:
            return _no_deadline()
        return watch.deadline(seconds)

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

    # -- sync ----------------------------------------------------------------
    def sync_now(self) -> bool:
        """Push the backlog, pull what others did, top up the leases, go online. False if upstream is unreachable."""
        with self._lock:
            for attempt in range(2):
                try:
                    self._sync_once()
                    break
                except StationIdTaken as exc:
                    self._online = False
                    self._upstream = None
                    self.offline_reason = str(exc)
                    return False
                except UNREACHABLE as exc:
                    failure = self._sync_failure(exc)
                    if attempt == 0 and _may_be_stale(failure):
                        self.upstream_store.engine.dispose()
                        continue
                    self._go_offline(failure)
                    return False
            self._online = True
            self._restored = False
            self._last_sync = self.clock.now()
            self._save_cursor()
            self._anchor()
            return True

    def tick(self) -> bool:
        """The background step: offline, try to sync; online, pull what the other stations did. True if online."""
        with self._lock:
            if not self._online:
                return self.sync_now()
            try:
                self._pull(self._ensure_upstream(), self.deadlines.call_s)
                self._anchor()
                if time.monotonic() - self._staff_mirrored >= STAFF_MIRROR_S:
                    with self._deadline(self.deadlines.call_s):
                        self._mirror_staff()
            except UNREACHABLE as exc:
                self._go_offline(self._unreachable(exc))
            return self._online

    def _sync_once(self) -> None:
        # A deadline per step, not for the whole sync: a long backlog goes batch after batch.
        batch_s = self.deadlines.call_s * 4
        if not self._prepared:
            with self._deadline(batch_s):
                prepare_upstream(self.upstream_store)
            self._prepared = True
        with self._deadline(self.deadlines.call_s):
            self._measure_clock()
        self._resolve_in_doubt(batch_s)
        with self._deadline(batch_s):
            self._check_identity()
        up = self._ensure_upstream()
        self._push(up, batch_s)
        with self._deadline(self.deadlines.call_s):
            self._register_and_lease(up)
        self._pull(up, batch_s)
        with self._deadline(batch_s):
            self._mirror_staff()

    def _sync_failure(self, exc: BaseException) -> BaseException:
        """``exc`` if upstream is unreachable; otherwise the station goes offline saying why, and it is raised."""
        try:
            return self._unreachable(exc)
        except BaseException:
            self._online = False
            self._upstream = None
            self.offline_reason = f"sync failed: {failure_line(exc)}"
            raise

    def _measure_clock(self) -> None:
        """Upstream's clock against this PC's (NTP's midpoint rule); event times are corrected by it."""
        if not self.clock.measurable or self.upstream_store.dialect != "postgresql":
            return  # a simulated clock, or upstream on this very PC
        with self.upstream_store.read_session() as session:
            before = self.clock.base.now()
            server = aware(session.scalar(text("SELECT clock_timestamp()")))
            after = self.clock.base.now()
        offset = (server - (before + (after - before) / 2)).total_seconds()
        self.clock_offset_s = offset
        self.clock.offset_s = offset
        if abs(offset) > CLOCK_WARN_S:
            log.warning(
                "station %s: this PC's clock is %.1f s off upstream's; event times are corrected",
                self.station_id,
                offset,
            )

    def _anchor(self) -> None:
        """Record, beside the file, how far upstream holds this station's events (when that moved)."""
        if self._anchored != self._acked:
            write_anchor(self.local.store, Anchor(self._incarnation, self._acked))
            self._anchored = self._acked

    def _check_identity(self) -> None:
        """Before a push: is this file the one that syncs as this station? Pull back what a restore lost."""
        own_top = self.local.state.station_seq.get(self.station_id, 0)
        with self.upstream_store.read_session() as session:
            view = upstream_view(session, self.branch_id, self.station_id)
        if view.incarnation not in (None, self._incarnation) and own_top > 0:
            raise StationIdTaken(
                f"station id {self.station_id} is used by another station file at {self.upstream_store.label}; "
                "this PC keeps its events but no longer syncs: give it a station id of its own"
            )
        if view.top_seq > own_top:
            # A restored file (or a replacement PC's new one): the station's own events come back as they are.
            with self.upstream_store.read_session() as session:
                lost = own_events_upstream(session, self.branch_id, self.station_id, own_top)
            log.warning("station %s takes back %d of its own events from upstream", self.station_id, len(lost))
            self.local.record_many(lost)
            self._acked = max(self._acked, view.top_seq)

    def _mirror_staff(self) -> None:
        """Staff accounts down (for an offline sign-in), this station's counter sessions up."""
        mirror_staff(self.upstream_store, self.local.store, self.branch_id)
        replay_sessions(self.upstream_store, self.local.store, self.branch_id, self.station_id)
        self._staff_mirrored = time.monotonic()

    def _own_events_after(self, seq: int) -> PushBatch:
        with self.local.store.read_session() as session:
            return own_events_after(session, self.branch_id, self.station_id, seq, PUSH_BATCH)

    def _push(self, up: UpstreamBranch, batch_s: float) -> None:
        while True:
            with collector_paused():  # the batch is read, pushed and freed inside
                ack = self._push_batch(self._ensure_upstream(), batch_s)
            if ack is None:
                return
            if ack <= self._acked:
                raise StoreUnavailable(f"upstream acknowledged {ack}, not beyond {self._acked}: push made no progress")
            self._acked = ack

    def _push_batch(self, up: UpstreamBranch, batch_s: float) -> int | None:
        """Push the next batch of this station's events; upstream's acknowledgement, None if none is left."""
        batch = self._own_events_after(self._acked)
        if not batch:
            return None
        try:
            with self._deadline(batch_s):
                return up.receive(batch, self.station_id)
        except Exception as exc:
            self._upstream = None  # its state may hold the refused batch
            if is_link_failure(exc):
                raise
            refusal = failure_line(exc)
        # The database refused the batch: again one event at a time, quarantining what it refuses.
        log.warning("upstream refused a push of %d events (%s): retrying one by one", len(batch), refusal)
        with self._deadline(batch_s):
            return self._ensure_upstream().receive_one_by_one(batch, self.station_id, self.clock.now())

    def _pull(self, up: UpstreamBranch, batch_s: float) -> None:
        while True:
            with self._deadline(batch_s):
                batch, reached = up.pull(self._pulled, self.station_id)
            if reached == self._pulled:
                break
            if batch:
                self.local.record_many([e for _p, e in batch])
                # Later events of this station are ordered after what it has seen of the others.
                self._ctx.hlc.receive(HlcTimestamp.decode(max(e.hlc for _p, e in batch)))
            self._pulled = reached

    def _register_and_lease(self, up: UpstreamBranch) -> None:
        now = self.clock.now()
        new: list[Lease] = []
        try:
            with self.upstream_store.write_session(lock_key=self.branch_id) as session:
                up._catch_up(session)
                tag = register_station(session, self.branch_id, self.station_id, now)
                claim_incarnation(session, self.branch_id, self.station_id, self._incarnation)
                record_clock(session, self.branch_id, self.station_id, self.clock_offset_s, now)
                day = business_date(up.state, now)
                for code, cat in self.config.categories.items():
                    mine = [x for x in self._leases if x.category == code and x.business_date == day]
                    left = sum(len(unused(self.local.state, cat.prefix, x)) for x in mine)
                    if left < LEASE_LOW:
                        new.append(lease_block(session, up.state, self.branch_id, self.station_id, code, now))
        except BaseException:
            self._upstream = None  # its state may hold what the rolled-back transaction caught up with
            raise
        # Held here only now that upstream committed them: a block or a tag whose COMMIT failed is
        # never used (a lost answer merely wastes ten numbers, which upstream keeps skipping).
        self._tag = tag
        self._leases.extend(new)
        rows = [_lease_row(self.branch_id, x, now) for x in self._leases]
        with self.local.store.write_session() as session:
            insert_ignore(
                session, NumberLeaseRow.__table__, rows, ["branch_id", "business_date", "category", "first_seq"]
            )

    # -- set-up (as BranchService) ------------------------------------------
    def ensure_branch(self, name: str) -> None:
        self.local.ensure_branch(name)
        with self._deadline(self.deadlines.call_s * 4):
            BranchService(self.upstream_store, self.config, self.branch_id, self.station_id, self.clock).ensure_branch(
                name
            )

    def branch_name(self) -> str:
        return self.local.branch_name()

    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self.local.subscribe(listener)

    # -- queries (the local state: it holds everything pulled) ---------------
    def refresh(self) -> int:
        return self.local.refresh()

    def snapshot(self, counter_id: str | None = None) -> QueueSnapshot:
        return self.local.snapshot(counter_id)

    def ticket(self, ticket_id: str) -> TicketView:
        return self.local.ticket(ticket_id)

    def close(self) -> None:
        """Stop the background sync, if any, and keep the cursor."""
        if self.worker is not None:
            self.worker.stop()  # before the lock: the worker's step takes it
        with self._lock:
            self._save_cursor()
            self._anchor()
        if self.file_lock is not None:
            self.file_lock.release()


def hold_station_file(store: Store) -> FileLock | None:
    """Lock the station's own file for this process; refuse, naming it, if another process holds it.

    Two processes on one station file would both number their events from the same sequence.
    The lock is the operating system's: it goes with the process, however that ends.
    """
    path = sqlite_file(store.url)
    if path is None:
        return None
    lock = FileLock(f"{path}.lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        store.close()
        raise StationFileInUse(
            f"{path} is in use by another Counterline station on this PC; close that one first"
        ) from None
    return lock


def _tickets_of(events: list[Event]) -> set[str]:
    return {e.payload["ticket_id"] for e in events if "ticket_id" in e.payload}


def _may_be_stale(failure: BaseException) -> bool:
    """A quick link error may come from a pooled connection the link lost earlier: worth one retry on a new one.

    A deadline is not retried: the link is silent, and the 3-second promise holds.
    """
    return not isinstance(failure, DeadlineExceeded)


def _lease_row(branch_id: str, lease: Lease, now: datetime) -> dict[str, object]:
    return {
        "branch_id": branch_id,
        "business_date": lease.business_date,
        "category": lease.category,
        "first_seq": lease.first_seq,
        "last_seq": lease.last_seq,
        "station_id": lease.station_id,
        "leased_at": now,
    }


class _no_deadline:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


class SyncWorker:
    """A daemon thread that keeps a station in sync: reconnects when offline, pulls when online."""

    def __init__(self, station: StationService, interval_s: float = 1.0) -> None:
        self.station = station
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"sync-{station.station_id}", daemon=True)

    def start(self) -> SyncWorker:
        self._thread.start()
        return self

    def _loop(self) -> None:
        # Nothing stops this loop but stop(): a failure is logged, shown (offline_reason) and retried
        # after a pause that doubles up to a minute, and resets once a step succeeds.
        pause = self.interval_s
        while not self._stop.wait(pause):
            try:
                self.station.tick()
                pause = self.interval_s
            except Exception as exc:
                self.station.note_failure(exc)
                log.exception("sync step of station %s failed; retrying in %.0f s", self.station.station_id, pause)
                pause = min(MAX_RETRY_PAUSE_S, max(pause * 2, self.interval_s))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def open_station(
    config: BranchConfig,
    branch_id: str,
    station_id: str,
    upstream: str | None = None,
    local: str | None = None,
    clock: Clock | None = None,
    deadlines: Deadlines = Deadlines(),
    worker: bool = False,
) -> BranchService | StationService:
    """The service a station window calls.

    No ``upstream``, or the same store as ``local``: the single-PC branch, a
    BranchService on that file, no sync needed. Otherwise a StationService with
    its own SQLite journal at ``local`` and sync to ``upstream``; it starts
    offline and goes online at the first successful sync (tried here at once).
    """
    from models.pg_upstream import make_upstream
    from models.store import open_store

    local_store = open_store(local)
    if upstream is None or local_store.url == resolve_url(upstream):
        return BranchService(local_store, config, branch_id, station_id, clock)
    owner = hold_station_file(local_store)
    # Not connected yet: the first sync checks and migrates the upstream schema; until then the station is offline.
    upstream_store = make_upstream(upstream, deadlines)
    station = StationService(local_store, upstream_store, config, branch_id, station_id, clock, deadlines)
    station.file_lock = owner
    station.sync_now()
    if worker:
        station.worker = SyncWorker(station).start()
    return station
