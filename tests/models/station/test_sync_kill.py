"""kill -9 of a station process in the middle of writes, again and again, online and offline.

After each restart no acknowledged event is missing, the station's file passes
``PRAGMA integrity_check`` and its own sequence is gapless; at the end upstream
holds every event once. Run as a script, this file is the station:
``python test_sync_kill.py UPSTREAM LOCAL`` prints ``ACK <seq>`` after each command returns.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pg_server import free_port, open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sync_branch import synced

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
ROUNDS = 6


def station_main(upstream: str, local: str) -> None:
    from models.station.open import open_station
    from models.station.service import StationService
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import DomainError
    from queueing.core.tickets import TransactionLine

    station = open_station(load_branch_config(), "B1", "ST1", upstream=upstream, local=local)
    assert isinstance(station, StationService)
    print(f"START online={station.online}", flush=True)
    actions = [
        lambda: station.issue_ticket("CASH"),
        lambda: station.call_next("C1"),
        lambda: station.start("C1"),
        lambda: station.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)]),
    ]
    step = 0
    while True:
        try:
            actions[step % len(actions)]()
        except DomainError:
            pass
        step += 1
        print(f"ACK {station.local.state.station_seq.get('ST1', 0)}", flush=True)


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def _local_seqs(path: Path) -> list[int]:
    """The station's own sequence numbers: in its journal, or held by a command still in doubt."""
    with sqlite3.connect(path) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT seq FROM event WHERE station_id = 'ST1' UNION "
                "SELECT seq FROM in_doubt_event WHERE station_id = 'ST1' ORDER BY seq"
            )
        ]


@pytest.mark.postgres
def test_kill_9_in_the_middle_of_writes_loses_no_acknowledged_event(pg_url, tmp_path):
    from projection_checks import assert_projections_match_journal
    from sqlalchemy import select

    from models.branch.service import BranchService
    from models.station.open import open_station
    from models.store.tables import EventRow
    from queueing.core.categories import load_branch_config

    config = load_branch_config()
    store = open_test_upstream(pg_url)
    setup = BranchService(store, config, "B1", "SETUP")
    setup.ensure_branch("Kill branch")
    setup.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    setup.open_counter("C1", "T1")
    local = tmp_path / "st1.db"
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nothing"  # refused at once: offline
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), str(HERE.parent), str(ROOT / "tests")])}
    rng = random.Random(7)
    acked = 0
    for round_ in range(ROUNDS):
        upstream = pg_url if round_ % 2 == 0 else dead
        proc = subprocess.Popen(
            [sys.executable, __file__, upstream, str(local)], env=env, stdout=subprocess.PIPE, text=True
        )
        first = proc.stdout.readline()
        assert first.startswith("START"), first
        deadline = time.monotonic() + rng.uniform(0.5, 1.5)
        lines = []
        while time.monotonic() < deadline:
            lines.append(proc.stdout.readline())
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        acks = [int(line.split()[1]) for line in lines if line.startswith("ACK")]
        assert acks, f"round {round_}: the station acknowledged nothing before the kill"
        acked = max(acked, acks[-1])
        assert _integrity(local) == "ok"
        # Offline, the journal holds every acknowledged event; online a few may wait in the outbox until restart.
        station = open_station(config, "B1", "ST1", upstream=dead, local=str(local))
        seqs = _local_seqs(local)
        assert seqs == list(range(1, len(seqs) + 1)), "the station's own sequence has a gap"
        assert len(seqs) >= acked, f"acknowledged {acked}, the station holds {len(seqs)}"
        station.close()  # frees the station file for the next round's process
        station.local.store.close()

    station = open_station(config, "B1", "ST1", upstream=pg_url, local=str(local))
    assert synced(station) and station.sync_status().backlog == 0
    with store.read_session() as session:
        upstream_seqs = session.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1")).all()
    assert sorted(upstream_seqs) == list(range(1, len(_local_seqs(local)) + 1))
    with sqlite3.connect(local) as conn:
        assert conn.execute("SELECT count(*) FROM in_doubt_event").fetchone()[0] == 0
    assert_projections_match_journal(store, config, "B1")
    store.close()


if __name__ == "__main__":
    station_main(sys.argv[1], sys.argv[2])
