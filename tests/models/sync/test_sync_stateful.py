"""Hypothesis drives two stations with random commands, link drops, stalls, lost COMMIT answers and restores.

Whatever the order, after the link is back and both have synced: upstream holds
exactly the stations' events, each once, no number was issued twice, and the
projections (counter sessions too) equal a replay of the journal.
"""

import shutil
import sqlite3
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule
from pg_server import open_test_upstream, shared_server
from projection_checks import assert_projections_match_journal
from sqlalchemy import func, select
from tcp_proxy import TcpProxy, at_commit

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.station.open import open_station
from models.store.tables import EventRow, TicketRow
from models.sync.pg_upstream import Deadlines
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.errors import DomainError
from queueing.core.tickets import TransactionLine

SETTLE_TRIES = 4  # the link is whole again: a sync may still miss FAST's deadlines on a loaded machine, not four


def _syncs_within(station, tries: int) -> bool:
    """True once a sync succeeds; each failure must be a deadline (a slow machine), never another refusal."""
    for _ in range(tries):
        if station.sync_now():
            return True
        if not station.offline_reason.startswith("DeadlineExceeded"):
            return False
    return False


FAST = Deadlines(connect_s=2, statement_ms=1500, idle_in_transaction_ms=1500, call_s=0.6)
STATIONS = (0, 1)


class TwoStationsOverAFlakyLink(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.server = shared_server()
        self.db = self.server.create_database()
        self.config = load_branch_config()
        self.clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        self.store = open_test_upstream(self.server.url(self.db))
        setup = BranchService(self.store, self.config, "B1", "SETUP", self.clock)
        setup.ensure_branch("Hypothesis branch")
        for cid in ("C1", "C2"):
            set_up_counter(setup, cid, cid, {"CASH": 1, "TRANSFER": 1})
            setup.open_counter(cid)
        self.proxy = TcpProxy(self.server.port).start()
        url = self.server.url(self.db, port=self.proxy.port)
        self.folder = self.server.folder.parent / f"{self.db}-stations"
        self.folder.mkdir()
        self.stations = [
            open_station(
                self.config,
                "B1",
                f"ST{i}",
                upstream=url,
                local=str(self.folder / f"{i}.db"),
                clock=self.clock,
                deadlines=FAST,
            )
            for i in STATIONS
        ]
        self.url = url
        self.stalled = False
        self.backups: dict[int, str] = {}

    def _open(self, i: int):
        return open_station(
            self.config,
            "B1",
            f"ST{i}",
            upstream=self.url,
            local=str(self.folder / f"{i}.db"),
            clock=self.clock,
            deadlines=FAST,
        )

    def _try(self, action) -> None:
        try:
            action()
        except DomainError:
            pass
        self.clock.advance(20)

    @rule(i=st.sampled_from(STATIONS), category=st.sampled_from(["CASH", "TRANSFER"]))
    def issue(self, i, category):
        self._try(lambda: self.stations[i].issue_ticket(category))

    @rule(i=st.sampled_from(STATIONS))
    def call_next(self, i):
        self._try(lambda: self.stations[i].call_next(f"C{i + 1}"))

    @rule(i=st.sampled_from(STATIONS))
    def call_any_waiting_ticket(self, i):
        # Offline, both stations may call the same ticket: a conflict, kept and flagged.
        waiting = self.stations[i].snapshot().waiting
        if waiting:
            self._try(lambda: self.stations[i].call_ticket(f"C{i + 1}", waiting[-1].id, "asked for by name"))

    @rule(i=st.sampled_from(STATIONS))
    def serve(self, i):
        self._try(lambda: self.stations[i].start(f"C{i + 1}"))
        self._try(lambda: self.stations[i].finish(f"C{i + 1}", [TransactionLine("CASH_DEPOSIT", 1)]))

    @rule(i=st.sampled_from(STATIONS), teller=st.sampled_from(["T1", "T2"]), counter=st.sampled_from(["C1", "C2"]))
    def sign_in(self, i, teller, counter):
        # Offline, two stations may take one counter, or one teller two counters: a clash, kept and flagged.
        self._try(lambda: self.stations[i].sign_in(counter, teller))

    @rule(i=st.sampled_from(STATIONS), teller=st.sampled_from(["T1", "T2"]), counter=st.sampled_from(["C1", "C2"]))
    def sign_out(self, i, teller, counter):
        self._try(lambda: self.stations[i].sign_out(counter, teller, keep_open=True))

    @rule()
    def cut(self):
        self.proxy.cut()

    @precondition(lambda self: not self.stalled)
    @rule()
    def stall(self):
        self.proxy.stall()
        self.stalled = True

    @rule()
    def restore(self):
        self.proxy.restore()
        self.stalled = False

    @precondition(lambda self: not self.stalled)
    @rule(i=st.sampled_from(STATIONS))
    def sync(self, i):
        self.stations[i].sync_now()

    @precondition(lambda self: not self.stalled)
    @rule(i=st.sampled_from(STATIONS))
    def commit_outcome_unknown(self, i):
        """The COMMIT of an online issue reaches upstream; its answer never comes back."""
        station = self.stations[i]
        if not station.online:
            self._try(lambda: station.issue_ticket("CASH"))
            return
        disarm = at_commit(station.upstream_store.engine, self.proxy.drop_answers)
        try:
            self._try(lambda: station.issue_ticket("CASH"))
        finally:
            # The fault is this command's: if the link was already dead and no COMMIT left, it must not fire at the
            # next one (the teardown's sync after the restore would then lose its answers too).
            if disarm():
                self.stalled = True  # nothing answers until a restore

    @rule(i=st.sampled_from(STATIONS))
    def take_backup(self, i):
        target = str(self.folder / f"{i}-backup.db")
        with sqlite3.connect(self.folder / f"{i}.db") as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        self.backups[i] = target

    @precondition(lambda self: bool(self.backups))
    @rule(data=st.data(), crashed=st.booleans())
    def station_restored(self, data, crashed):
        """The PC's disk comes back from its backup; the station starts again on the older file.

        ``crashed``: the PC died first, so the anchor beside the file never recorded the station's last
        acknowledged events (only a clean close or a sync writes it): the file cannot tell it was restored.
        """
        i = data.draw(st.sampled_from(sorted(self.backups)))
        if crashed:
            self.stations[i]._anchor = lambda: None
        self.stations[i].close()
        self.stations[i].local.store.close()
        self.stations[i].upstream_store.close()
        path = self.folder / f"{i}.db"
        for extra in ("", "-wal", "-shm"):
            path.with_name(path.name + extra).unlink(missing_ok=True)
        shutil.copyfile(self.backups[i], path)  # the file as the backup holds it (nothing has it open now)
        self.stations[i] = self._open(i)

    def teardown(self) -> None:
        try:
            self.proxy.restore()
            for _round in range(2):
                for station in self.stations:
                    assert _syncs_within(station, SETTLE_TRIES), station.offline_reason
            assert all(s.sync_status().backlog == 0 for s in self.stations)
            with self.store.read_session() as session:
                upstream = session.scalars(select(EventRow.id).where(EventRow.station_id != "SETUP")).all()
                numbers = session.execute(
                    select(TicketRow.number, func.count()).group_by(TicketRow.number).having(func.count() > 1)
                ).all()
            own = set()
            for station in self.stations:
                with station.local.store.read_session() as session:
                    own |= set(session.scalars(select(EventRow.id).where(EventRow.station_id == station.station_id)))
            assert len(upstream) == len(set(upstream)) and set(upstream) == own
            assert numbers == []
            assert_projections_match_journal(self.store, self.config, "B1")
        finally:
            self.proxy.close()
            for station in self.stations:
                station.close()
                station.local.store.close()
                station.upstream_store.close()
            self.store.close()
            self.server.drop_database(self.db)


TwoStationsOverAFlakyLink.TestCase.settings = settings(
    max_examples=5,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_two_stations_over_a_flaky_link = pytest.mark.postgres(TwoStationsOverAFlakyLink.TestCase)
