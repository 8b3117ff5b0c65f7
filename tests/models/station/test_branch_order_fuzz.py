"""A seeded fuzzer over three stations going offline and online on a SQLite upstream; after a full sync
each station's file holds the branch's journal in its order, its projections say what its journal says, and its
state in memory says what upstream's journal says."""

from __future__ import annotations

import random

import pytest
from projection_checks import assert_projections_match_journal, counters_of, tickets_of
from sqlalchemy import select
from sync_branch import station_on, synced, upstream_branch

from models.branch.state_loader import load_from_journal
from models.store.tables import EventRow
from models.sync.tables import TicketConflictRow
from queueing.core.errors import DomainError
from queueing.core.tickets import TicketStatus, TransactionLine

COUNTERS = ("C1", "C2", "C3")


def _journal(store) -> list[str]:
    with store.read_session() as s:
        return list(s.scalars(select(EventRow.id).where(EventRow.branch_id == "B1").order_by(EventRow.position)))


def _conflicts(store) -> set[tuple[str, str, str]]:
    with store.read_session() as s:
        rows = s.execute(select(TicketConflictRow.event_id, TicketConflictRow.ticket_id, TicketConflictRow.reason))
        return {(e, t, r) for e, t, r in rows}


def _step(rng: random.Random, st, counter: str, clock) -> None:
    state = st.local.state
    waiting = sorted(t.id for t in state.tickets.values() if t.status is TicketStatus.WAITING)
    parked = sorted(t.id for t in state.tickets.values() if t.status is TicketStatus.PARKED and t.counter == counter)
    teller = f"T{counter}"
    action = rng.choice(
        ["issue", "issue", "next", "by_name", "start", "finish", "finish", "no_show", "transfer", "park",
         "return", "pause", "resume", "move", "recall", "sign_in", "sign_out", "end_day", "day"]
    )
    if action == "issue":
        st.issue_ticket(rng.choice(("CASH", "TRANSFER")), rng.choice(("regular", "vip", "elderly")))
    elif action == "next":
        st.call_next(counter, teller)
    elif action == "by_name" and waiting:
        st.call_ticket(counter, rng.choice(waiting), "asked for by name", teller)
    elif action == "start":
        st.start(counter)
    elif action == "finish":
        st.finish(counter, [TransactionLine("CASH_DEPOSIT", 1)])
    elif action == "no_show":
        st.no_show(counter)
    elif action == "transfer":
        st.transfer(counter, to_category=rng.choice(("CASH", "TRANSFER")), to_counter=rng.choice(COUNTERS + (None,)),
                    keep_place=rng.random() < 0.5)
    elif action == "park":
        st.park(counter)
    elif action == "return" and parked:
        st.return_parked(counter, rng.choice(parked))
    elif action == "pause":
        st.pause(counter, "lunch")
    elif action == "resume":
        st.resume(counter)
    elif action == "move" and waiting:
        st.move_ticket(rng.choice(waiting), to_counter=rng.choice(COUNTERS))
    elif action == "recall":
        st.recall(counter)
    elif action == "sign_in":
        st.sign_in(rng.choice(COUNTERS), rng.choice(("TC1", "TC2", "TC3")))
    elif action == "sign_out":
        st.sign_out(counter, teller)
    elif action == "end_day":
        st.end_past_days()
    elif action == "day" and rng.random() < 0.3:
        clock.advance(16 * 3600)
    clock.advance(rng.randint(1, 40))


def _flaky(monkeypatch, rng: random.Random, share: float) -> None:
    """Upstream's pull, own_after and receive die now and then (the link gone between two steps of a sync)."""
    from models.sync.upstream import UpstreamBranch

    for name in ("pull", "own_after", "receive", "run"):
        real = getattr(UpstreamBranch, name)

        def flaky(self, *args, _real=real, _name=name, **kwargs):
            if faults["on"] and rng.random() < share:
                if _name in ("receive", "run") and rng.random() < 0.5:
                    _real(self, *args, **kwargs)  # committed, the answer lost
                raise ConnectionResetError(f"fuzz: link cut in {_name}")
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(UpstreamBranch, name, flaky)


faults = {"on": False}


@pytest.mark.parametrize("seed", range(int(__import__("os").environ.get("FUZZ_SEEDS", "6"))))
def test_three_stations_offline_and_online_agree_with_the_branch_after_a_full_sync(tmp_path, seed, monkeypatch):
    rng = random.Random(seed)
    faults["on"] = False
    _flaky(monkeypatch, random.Random(seed + 1000), float(__import__("os").environ.get("FUZZ_FAULTS", "0")))
    with upstream_branch(
        str(tmp_path / "upstream.db"), counters=COUNTERS, profile={"CASH": 1, "TRANSFER": 2}
    ) as (upstream, config, clock):
        url = str(tmp_path / "upstream.db")
        stations = [station_on(tmp_path, url, config, clock, f"ST{n}") for n in (1, 2, 3)]
        faults["on"] = True
        try:
            for _ in range(int(__import__("os").environ.get("FUZZ_STEPS", "70"))):
                n = rng.randrange(3)
                st = stations[n]
                roll = rng.random()
                if roll < 0.12:
                    st.link_lost(ConnectionResetError("fuzz: link cut"))
                    continue
                if roll < 0.24:
                    try:
                        synced(st)
                    except ConnectionResetError:
                        pass
                    continue
                if roll < 0.27 and __import__("os").environ.get("FUZZ_RESTARTS"):
                    st.close()
                    faults["on"] = False
                    stations[n] = station_on(tmp_path, url, config, clock, f"ST{n + 1}")
                    faults["on"] = True
                    continue
                try:
                    _step(rng, st, COUNTERS[n], clock)
                except (DomainError, ConnectionResetError):
                    pass
            faults["on"] = False
            for _ in range(3):
                for st in stations:
                    assert synced(st), st.offline_reason
            with upstream.read_session() as s:
                branch, _pos = load_from_journal(s, config, "B1")
            for st in stations:
                name = st.station_id
                assert _journal(st.local.store) == _journal(upstream), f"{name}: journal order"
                assert_projections_match_journal(st.local.store, config, "B1")
                assert _conflicts(st.local.store) == _conflicts(upstream), f"{name}: conflict rows"
                mine = st.local.state
                assert tickets_of(mine) == tickets_of(branch), f"{name}: tickets in memory"
                assert counters_of(mine) == counters_of(branch), f"{name}: counters in memory"
                assert mine.sessions == branch.sessions, f"{name}: sessions in memory"
        finally:
            for st in stations:
                st.close()
