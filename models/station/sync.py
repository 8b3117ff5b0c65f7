"""The sync half of a station: resolve what is in doubt, check identity and clock, push, lease, pull.

``StationService`` mixes this in; its command half (``models.station.service``) calls
``sync_now`` through the background ``SyncWorker`` (``models.station.open``).
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.branch.offline_numbers import (
    LEASE_LOW,
    Lease,
    lease_block,
    register_station,
    unused,
)
from models.branch.server_clock import server_offset_s
from models.staff.mirror import mirror_staff, push_station_locks
from models.station.identity import (
    Anchor,
    StationIdTaken,
    TakeBack,
    UpstreamView,
    branch_went_back,
    claim_incarnation,
    move_own_events,
    own_events_local,
    own_events_upstream,
    record_clock,
    take_back_plan,
    upstream_view,
    write_anchor,
)
from models.station.journal_order import in_branch_order, own_events_between
from models.store.collector import collector_paused
from models.store.deadline import DeadlineExceeded
from models.store.errors import StoreUnavailable
from models.store.upsert import insert_ignore
from models.sync.link_errors import failure_line, is_link_failure
from models.sync.pg_upstream import prepare_upstream
from models.sync.push_batch import PushBatch
from models.sync.push_read import own_events_after
from models.sync.status import CLOCK_WARN_S
from models.sync.tables import NumberLeaseRow
from models.sync.upstream import UpstreamBranch
from queueing.core.commands import business_date
from queueing.core.events import Event
from queueing.core.hlc import HlcTimestamp

if TYPE_CHECKING:
    from models.branch.service import BranchService
    from models.store.database import Store
    from models.sync.pg_upstream import Deadlines
    from queueing.core.categories import BranchConfig
    from queueing.core.clock import CorrectedClock
    from queueing.core.events import StationContext

log = logging.getLogger(__name__)
# Candidates for "upstream is gone"; StationService._unreachable() tells them from the station file's own failures.
UNREACHABLE = (DBAPIError, StoreUnavailable, DeadlineExceeded, OSError)
PUSH_BATCH = 10000
# A backlog's last few events ride with the batch before them: a transaction of its own (lock, catch-up,
# acknowledgement, a COMMIT the server flushes to disk) costs as much as pushing a few hundred more rows.
PUSH_TAIL = 200
STAFF_MIRROR_S = 60.0  # online, new or changed staff accounts reach the station's copy within a minute


# The share of a batch's deadline that a push retried event by event may spend taking events before it commits
# what it took (the rest of the deadline is the COMMIT's; the next round pushes what is left).
ONE_BY_ONE_SHARE = 0.5


class StationSync:
    """Sync steps of a StationService (the state they use is set up by StationService.__init__)."""

    if TYPE_CHECKING:
        # Set by StationService.__init__ and defined there; declared here so the sync half is type-checked.
        clock: CorrectedClock
        local: BranchService
        upstream_store: Store
        config: BranchConfig
        branch_id: str
        station_id: str
        deadlines: Deadlines
        _ctx: StationContext
        _lock: threading.RLock
        _incarnation: str
        _leases: list[Lease]
        _tag: str | None
        _last_sync: datetime | None
        _acked: int
        _pulled: int
        _placed: int
        _online: bool
        _prepared: bool
        _anchored: int
        _unsynced: bool
        _staff_mirrored: float
        _upstream: UpstreamBranch | None
        offline_reason: str
        clock_offset_s: float

        def _deadline(self, seconds: float) -> AbstractContextManager[object]: ...
        def _ensure_upstream(self) -> UpstreamBranch: ...
        def _go_offline(self, exc: BaseException) -> None: ...
        def _unreachable(self, exc: BaseException) -> BaseException: ...
        def _resolve_in_doubt(self, seconds: float) -> None: ...
        def _save_cursor(self) -> None: ...
        def note_failure(self, exc: BaseException) -> None: ...

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
                    if attempt == 0 and may_be_stale(failure):
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
        if not self._push(up, batch_s):
            with self._deadline(self.deadlines.call_s):
                self._register_and_lease(self._ensure_upstream())
        self._pull(self._ensure_upstream(), batch_s)
        with self._deadline(batch_s):
            self._mirror_staff()

    def _sync_failure(self, exc: BaseException) -> BaseException:
        """``exc`` if upstream is unreachable; otherwise the station goes offline saying why, and it is raised."""
        try:
            return self._unreachable(exc)
        except BaseException:
            self.note_failure(exc)
            raise

    def _measure_clock(self) -> None:
        """Upstream's clock against this PC's (NTP's midpoint rule); event times are corrected by it."""
        if not self.clock.measurable:
            return  # a simulated clock
        # Upstream on this very PC is read by this PC's clock (its kiosk and hall display read no other): nothing to
        # measure, and a step back the station took up meanwhile (the OS setting a fast clock right) goes, as a
        # server's measurement would replace it.
        on_server = self.upstream_store.dialect == "postgresql"
        offset = server_offset_s(self.upstream_store, self.clock.base) if on_server else 0.0
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
            if self._unsynced:
                # The anchor must not get ahead of the file: a synced write takes the settles before it to disk.
                self._save_cursor()
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
        if branch_went_back(view, self._acked, self._pulled):
            self._catch_up_with_restored_branch(view)
        if view.top_seq > self._acked:
            # A restored file (or a replacement PC's new one): the station's own events come back as they are.
            # Usually upstream merely holds what this file pushed when the answer got lost: nothing to take back,
            # and the push sends it again (upstream keeps it once) with the lease top-up riding along.
            with self.upstream_store.read_session() as session:
                theirs = own_events_upstream(session, self.branch_id, self.station_id, self._acked)
            with self.local.store.read_session() as session:
                mine = own_events_local(session, self.branch_id, self.station_id, self._acked)
            plan = take_back_plan(theirs, mine)
            if plan.lost:
                self._take_back(plan)
                self._acked = max(self._acked, view.top_seq)

    def _catch_up_with_restored_branch(self, view: UpstreamView) -> None:
        """The branch store went back to a backup: send again what it lost of this station's events, and pull
        again from before anything it may have taken since the restore.

        Upstream's journal up to this station's last event it still holds is the one this station saw (a backup
        is a prefix of the journal), and this station holds everything there. After it, positions may be
        reused by events this station never saw; pulling again from there records only those (the journal
        skips events it holds)."""
        log.warning(
            "station %s: the branch store holds this station's events up to %d of %d and its journal up to "
            "position %d of %d: restored from a backup; sending the lost events again and pulling from %d",
            self.station_id,
            view.top_seq,
            self._acked,
            view.top_position,
            self._pulled,
            view.own_position,
        )
        self._acked = min(self._acked, view.top_seq)
        self._pulled = min(self._pulled, view.own_position)
        self._upstream = None  # a view loaded before the restore holds what upstream no longer has
        self._save_cursor()

    def _take_back(self, plan: TakeBack) -> None:
        # Two local writes, each safe to repeat: after a crash between them the moved events are above
        # upstream's and the next sync only records the lost ones.
        if plan.moves:
            log.warning(
                "station %s: %d events made offline on a restored file move past upstream's sequence %d",
                self.station_id,
                len(plan.moves),
                plan.moves[0][1] - 1,
            )
            with self.local.store.write_session() as session:
                move_own_events(session, self.branch_id, self.station_id, plan.moves)
            self.local.reserve_seq(plan.moves[-1][1])
        if plan.lost:
            log.warning("station %s takes back %d of its own events from upstream", self.station_id, len(plan.lost))
            self.local.record_many(plan.lost)

    def _mirror_staff(self) -> None:
        """Locks typed here up, then staff accounts down, for an offline sign-in (sessions are events: they sync
        with the journal)."""
        push_station_locks(self.upstream_store, self.local.store, self.branch_id, self.station_id, self.clock.now())
        mirror_staff(self.upstream_store, self.local.store, self.branch_id)
        self._staff_mirrored = time.monotonic()

    def _own_events_after(self, seq: int) -> PushBatch:
        """The next batch: PUSH_BATCH events, or all that are left if that leaves fewer than PUSH_TAIL behind."""
        with self.local.store.read_session() as session:
            return own_events_after(session, self.branch_id, self.station_id, seq, PUSH_BATCH, tail=PUSH_TAIL)

    def _push(self, up: UpstreamBranch, batch_s: float) -> bool:
        """Push the backlog; True if the leases were topped up in the last batch's transaction."""
        while True:
            with collector_paused():  # the batch is read, pushed and freed inside
                ack, leased = self._push_batch(self._ensure_upstream(), batch_s)
            if ack is None:
                return False
            if ack <= self._acked:
                raise StoreUnavailable(f"upstream acknowledged {ack}, not beyond {self._acked}: push made no progress")
            self._acked = ack
            if leased:
                return True

    def _push_batch(self, up: UpstreamBranch, batch_s: float) -> tuple[int | None, bool]:
        """Push the next batch of this station's events: upstream's acknowledgement (None if none is left),
        and whether the leases were topped up in the same transaction (the backlog's last batch)."""
        batch = self._own_events_after(self._acked)
        if not batch:
            return None, False
        now = self.clock.now()
        held: list[tuple[str, list[Lease]]] = []

        def lease(session: Session) -> None:
            held.append(self._lease_upstream(session, up, now))

        # The last batch tops up the leases before its COMMIT: one transaction (and one flush) fewer.
        # A batch of exactly PUSH_BATCH may have more behind it (see _own_events_after); any other is the last.
        last = len(batch) != PUSH_BATCH
        try:
            with self._deadline(batch_s):
                ack = up.receive(batch, self.station_id, then=lease if last else None, acked=self._acked)
        except Exception as exc:
            self._upstream = None  # its state may hold the refused batch
            if is_link_failure(exc):
                raise
            refusal = failure_line(exc)
        else:
            if held:
                self._hold_leases(*held[0], now)
            return ack, bool(held)
        # The database refused the batch: again one event at a time, quarantining what it refuses.
        log.warning("upstream refused a push of %d events (%s): retrying one by one", len(batch), refusal)
        with self._deadline(batch_s):
            return (
                self._ensure_upstream().receive_one_by_one(
                    batch, self.station_id, self.clock.now(), budget_s=batch_s * ONE_BY_ONE_SHARE, acked=self._acked
                ),
                False,
            )

    def _pull(self, up: UpstreamBranch, batch_s: float) -> None:
        while True:
            with self._deadline(batch_s):
                batch, reached = up.pull(self._pulled, self.station_id)
                # Where upstream put this station's own events among the others' (only while some may be unplaced).
                own = up.own_after(self._pulled, self.station_id) if self._own_unplaced() else []
                while own and reached < own[-1][0]:
                    # Up to the last of them in one go: the file takes the branch's order in one transaction, or
                    # (the link gone half-way) not at all, and the next pull starts from the same place.
                    more, reached = up.pull(reached, self.station_id)
                    batch.extend(more)
            if reached == self._pulled:
                break
            unpushed = self._unpushed(own)
            if batch and (own or unpushed):
                self.local.record_in_order(in_branch_order(batch, self._own_events(own)) + unpushed)
            elif batch:
                self.local.record_many([e for _p, e in batch])
            if batch:
                # Later events of this station are ordered after what it has seen of the others.
                self._ctx.hlc.receive(HlcTimestamp.decode(max(e.hlc for _p, e in batch)))
            self._pulled = reached
            self._placed = max(self._placed, self._acked, max((seq for _p, seq in own), default=0))
            if not unpushed and not self._own_unplaced():
                self.local.drop_base()  # the file holds the branch's order to its end

    def _own_unplaced(self) -> bool:
        """Whether this station may have events its file holds before others' that upstream put first: made
        offline (or sent in a push whose answer was lost) since the last pull that placed its own events."""
        return self.local.state.station_seq.get(self.station_id, 0) > self._placed

    def _own_events(self, own: list[tuple[int, int]]) -> list[tuple[int, Event]]:
        """This station's events at upstream's positions ``own`` ((position, seq)), from its file."""
        if not own:
            return []
        with self.local.store.read_session() as session:
            found = own_events_between(session, self.branch_id, self.station_id, own[0][1], own[-1][1])
        by_seq = {e.seq: e for e in found}
        return [(position, by_seq[seq]) for position, seq in own if seq in by_seq]

    def _unpushed(self, own: list[tuple[int, int]]) -> list[Event]:
        """This station's events upstream does not hold yet: they go after everything pulled, as upstream will
        put them after it when they are pushed."""
        top = self.local.state.station_seq.get(self.station_id, 0)
        held = max(self._acked, max((seq for _p, seq in own), default=0))
        if top <= held:
            return []
        with self.local.store.read_session() as session:
            return own_events_between(session, self.branch_id, self.station_id, held + 1, top)

    def _register_and_lease(self, up: UpstreamBranch) -> None:
        now = self.clock.now()
        try:
            with self.upstream_store.write_session(lock_key=self.branch_id) as session:
                up._catch_up(session)
                tag, new = self._lease_upstream(session, up, now)
        except BaseException:
            self._upstream = None  # its state may hold what the rolled-back transaction caught up with
            raise
        self._hold_leases(tag, new, now)

    def _lease_upstream(self, session: Session, up: UpstreamBranch, now: datetime) -> tuple[str, list[Lease]]:
        """In an upstream transaction holding the branch lock: register the station, lease what runs low."""
        tag = register_station(session, self.branch_id, self.station_id, now)
        claim_incarnation(session, self.branch_id, self.station_id, self._incarnation)
        record_clock(session, self.branch_id, self.station_id, self.clock_offset_s, now)
        day = business_date(up.state, now)
        held = [_lease_row(self.branch_id, x, now) for x in self._leases if x.business_date == day]
        if held:
            # A branch store restored from a backup lost the blocks leased since: this station's go back before
            # another station is leased them (one number for two customers offline). Nothing while upstream has them.
            insert_ignore(session, NumberLeaseRow.__table__, held, _LEASE_KEY)
        new: list[Lease] = []
        for code, cat in self.config.categories.items():
            mine = [x for x in self._leases if x.category == code and x.business_date == day]
            left = sum(len(unused(self.local.state, cat.prefix, x)) for x in mine)
            if left < LEASE_LOW:
                new.append(lease_block(session, up.state, self.branch_id, self.station_id, code, now))
        return tag, new

    def _hold_leases(self, tag: str, new: list[Lease], now: datetime) -> None:
        # Held here only once upstream committed them: a block or a tag whose COMMIT failed is
        # never used (a lost answer merely wastes ten numbers, which upstream keeps skipping).
        self._tag = tag
        self._leases.extend(new)
        rows = [_lease_row(self.branch_id, x, now) for x in self._leases]
        with self.local.store.write_session() as session:
            insert_ignore(session, NumberLeaseRow.__table__, rows, _LEASE_KEY)


# A block of numbers is one row per branch, day, category and first number.
_LEASE_KEY = ["branch_id", "business_date", "category", "first_seq"]


def may_be_stale(failure: BaseException) -> bool:
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
