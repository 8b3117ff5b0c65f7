"""The waiting tickets with the calling policy's order kept beside them, so a call does not scan the queue.

The policy's order never changes while tickets wait: priority is a head start, so
every ticket's effective wait grows alike and the order within a category is the
order of the "virtual starts" (start of the wait less the class's head start); the
overdue rule looks at the longest real wait of a category, its oldest ticket. So
three kinds of heap answer ``choose_next``: per category by virtual start, per
category by issue time, and per counter for the tickets transferred to it.

Heaps are lazy: an entry whose ticket has left the queue, or was moved to another
category or counter, is dropped when it comes to the top. The reducer fills the
index by setting ``state.waiting[id] = ticket`` as it always did (``WaitingTickets``
is a dict); a state whose ``waiting`` is a plain dict (a filtered view) is scanned
instead, with the same result.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from datetime import datetime, timedelta
from itertools import count
from typing import Any

from queueing.core.categories import BranchConfig
from queueing.core.tickets import PriorityClass, Ticket

# (order key ..., arrival number, ticket id, ticket): the arrival number keeps the queue's insertion order on ties.
_Entry = tuple[Any, ...]
# Read at every ticket queued (a member read off its enum class in Python 3.11 goes through a slow hook).
_APPOINTMENT = PriorityClass.APPOINTMENT
_MARGIN = timedelta(milliseconds=1)


def virtual_start(ticket: Ticket, config: BranchConfig) -> datetime:
    """When the ticket's effective wait began (policy.effective_start; kept here so policy can import this)."""
    start = ticket.queued_at
    if ticket.priority is PriorityClass.APPOINTMENT and ticket.appointment_at is not None:
        start = ticket.appointment_at
    return start - timedelta(seconds=config.policy.head_start_s.get(ticket.priority, 0.0))


def late_since(ticket: Ticket) -> datetime:
    """From when the overdue and any-counter rules count a ticket's wait: its issue, or for an appointment
    checked in before its booked time, that time. A customer who came half an hour early is early, not
    waiting: counted from the check-in, the appointment passed its category's limits before it was due and
    was called at any counter ahead of everyone, a transfers-only window included."""
    booked = ticket.appointment_at
    if booked is not None and ticket.priority is _APPOINTMENT and booked > ticket.issued_at:
        return booked
    return ticket.issued_at


def queued_since(ticket: Ticket) -> datetime:
    """From when the customer has waited in the queue they are in now (the live wait the supervisor's alerts, the
    queue screens and the waiting figures show): the transfer for a ticket sent to the end of a queue, otherwise
    ``late_since`` (the issue, or an early appointment's booked time). A report's wait is the first call's, from
    the issue (Ticket.waited_s)."""
    since = late_since(ticket)
    return ticket.queued_at if ticket.queued_at > since else since


def live_wait_s(ticket: Ticket, end: datetime) -> float:
    """Seconds the customer has waited in a queue until ``end`` (now while it waits, else its last call): from
    ``queued_since``, less the time at a counter. A ticket called before and back in a queue (transferred with
    its place kept, the transfer dialog's default) has waited until its first call and again since it last left a
    counter (``left_counter_at``); the time it was served counts as no wait, so a long service followed by a
    keep-place transfer raises no overdue alert. A wait between two counters before the last one is not counted
    (one transfer is the common case; a ticket that went through several counters is aged from its last).
    One sent to the end of a queue waits from the transfer (its ``queued_at``), as before."""
    since = queued_since(ticket)
    first, left = ticket.first_called_at, ticket.left_counter_at
    if first is None or left is None or left < first or left > end:  # never called, or not back from a counter
        return max(0.0, (end - since).total_seconds())
    before = max(0.0, (first - since).total_seconds())
    return before + max(0.0, (end - (left if left > since else since)).total_seconds())


class PolicyIndex:
    """Heaps over the waiting tickets in the policy's orders (built for one BranchConfig)."""

    def __init__(self, config: BranchConfig, tickets: Iterable[Ticket]) -> None:
        self.config = config
        # virtual_start's head starts, made once: a timedelta per push and per check costs more than the heap.
        self._head_starts = {
            klass: timedelta(seconds=s) for klass, s in config.policy.head_start_s.items() if s
        }
        # Per category, a wait (now less the oldest ticket's issue) short enough that policy.late_key is None for
        # it at every counter: below both of its limits by a millisecond, which the float seconds late_key
        # compares cannot round across. choose_next then skips late_key at most calls.
        self.not_late_before: dict[str, timedelta] = {}
        for code, cat in config.categories.items():
            limits = [cat.max_wait_s] + ([cat.any_counter_after_s] if cat.any_counter_after_s is not None else [])
            soonest = min(limits)
            if 0.0 <= soonest < 1e8:  # not a NaN, nor out of timedelta's range
                self.not_late_before[code] = timedelta(seconds=soonest) - _MARGIN
        self.by_category: dict[str, list[_Entry]] = {}
        self.oldest: dict[str, list[_Entry]] = {}
        self.targeted: dict[str, list[_Entry]] = {}
        self._arrivals = count()
        for ticket in tickets:
            self.push(ticket)

    def _virtual_start(self, ticket: Ticket) -> datetime:
        """virtual_start(ticket, self.config)."""
        start = ticket.queued_at
        if ticket.priority is _APPOINTMENT and ticket.appointment_at is not None:
            start = ticket.appointment_at
        head = self._head_starts.get(ticket.priority)
        return start - head if head is not None else start

    def push(self, ticket: Ticket) -> None:
        n = next(self._arrivals)
        order = (self._virtual_start(ticket), ticket.queued_at, ticket.number, n, ticket.id, ticket)
        if ticket.target_counter is not None:
            heapq.heappush(self.targeted.setdefault(ticket.target_counter, []), order)
            return
        # get, not setdefault(code, []): that makes an empty list at every ticket issued to throw away.
        code = ticket.category
        line, oldest = self.by_category.get(code), self.oldest.get(code)
        if line is None or oldest is None:
            line, oldest = self.by_category.setdefault(code, []), self.oldest.setdefault(code, [])
        heapq.heappush(line, order)
        since = ticket.issued_at if ticket.appointment_at is None else late_since(ticket)
        heapq.heappush(oldest, (since, ticket.number, n, ticket.id, ticket))

    def _head(
        self, waiting: dict[str, Ticket], heap: list[_Entry] | None, code: str | None, target: str | None
    ) -> Ticket | None:
        """The first ticket of ``heap`` that still waits there as it was pushed; stale entries are dropped."""
        while heap:
            if self.holds(waiting, heap[0], code, target):
                return heap[0][-1]
            heapq.heappop(heap)
        return None

    def holds(self, waiting: dict[str, Ticket], entry: _Entry, code: str | None, target: str | None) -> bool:
        """True while the entry's ticket waits in that heap's place (category ``code`` or counter ``target``)
        with the order it was pushed with; False for an entry gone stale."""
        ticket: Ticket = entry[-1]
        return (
            waiting.get(entry[-2]) is ticket
            and ticket.target_counter == target
            and (code is None or ticket.category == code)
            and self._unchanged(entry, ticket)
        )

    def _unchanged(self, entry: _Entry, ticket: Ticket) -> bool:
        if len(entry) == 5:  # an oldest-first entry
            return entry[0] == late_since(ticket) and entry[1] == ticket.number
        return (
            entry[1] == ticket.queued_at
            and entry[2] == ticket.number
            and entry[0] == self._virtual_start(ticket)
        )

    def category_head(self, waiting: dict[str, Ticket], code: str) -> Ticket | None:
        """The category's ticket first in the policy's order (leaving the overdue rule aside)."""
        heap = self.by_category.get(code)
        # _head and holds() inline: this runs at every call, and the top is mostly the ticket called last (stale).
        # The virtual start is not worked out again: it follows from the queued_at compared here, the priority and
        # the appointment time, which no event changes (and the index is built anew for another config).
        while heap:
            entry = heap[0]
            ticket: Ticket = entry[-1]
            if (
                waiting.get(entry[-2]) is ticket
                and ticket.target_counter is None
                and ticket.category == code
                and entry[1] == ticket.queued_at
                and entry[2] == ticket.number
            ):
                return ticket
            heapq.heappop(heap)
        return None

    def oldest_head(self, waiting: dict[str, Ticket], code: str) -> Ticket | None:
        """The category's ticket waiting longest by ``late_since``: the one the overdue rule looks at."""
        heap = self.oldest.get(code)
        while heap:  # as in category_head
            entry = heap[0]
            ticket: Ticket = entry[-1]
            if (
                waiting.get(entry[-2]) is ticket
                and ticket.target_counter is None
                and ticket.category == code
                and entry[0] == (ticket.issued_at if ticket.appointment_at is None else late_since(ticket))
                and entry[1] == ticket.number
            ):
                return ticket
            heapq.heappop(heap)
        return None

    def targeted_head(self, waiting: dict[str, Ticket], counter_id: str) -> Ticket | None:
        """The first of the tickets transferred to ``counter_id``."""
        return self._head(waiting, self.targeted.get(counter_id), None, counter_id)


class WaitingTickets(dict[str, Ticket]):
    """``BranchState.waiting``: a dict of the waiting tickets in issue order, with a PolicyIndex beside it."""

    __slots__ = ("_index",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._index: PolicyIndex | None = None
        self.update(*args, **kwargs)

    def __setitem__(self, key: str, ticket: Ticket) -> None:
        dict.__setitem__(self, key, ticket)  # not super(): a proxy object made at every ticket queued
        if self._index is not None:
            self._index.push(ticket)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, ticket in dict(*args, **kwargs).items():
            self[key] = ticket

    def setdefault(self, key: str, default: Ticket) -> Ticket:
        if key not in self:
            self[key] = default
        return self[key]

    def index(self, config: BranchConfig) -> PolicyIndex:
        """The index for ``config`` (built on first use, and again if the branch's settings changed)."""
        if self._index is None or self._index.config is not config:
            self._index = PolicyIndex(config, self.values())
        return self._index

    # A copy is a new queue: it builds its own index when asked, never shares this one.
    def copy(self) -> WaitingTickets:
        return WaitingTickets(self)

    def __copy__(self) -> WaitingTickets:
        return WaitingTickets(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> WaitingTickets:
        import copy

        return WaitingTickets({key: copy.deepcopy(ticket, memo) for key, ticket in self.items()})

    def __reduce__(self) -> tuple[Any, ...]:
        return (WaitingTickets, (dict(self),))
