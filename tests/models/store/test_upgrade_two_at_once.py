"""Two stations started together after an update both find the branch store behind: one migrates, the other waits
for it and finds nothing left to do (models.store.database.Store.upgrade)."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures

from models.store.database import alembic_config, head_revision, open_store

BEFORE = "0027_staff_typed_stage"  # the last migration adds a column: the second to add it failed
ROOT = Path(__file__).resolve().parents[3]


def _started_together(target: str, wait_for_both) -> list[tuple[int, str]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    code = "import sys; from models.store.database import open_store; open_store(sys.argv[1]).close()"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", code, target], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        for _ in range(2)
    ]
    wait_for_both()
    return [(p.wait(120), p.stdout.read().decode()[-600:]) for p in starts]


def _at(store, revision: str) -> None:
    with store.engine.begin() as conn:
        cfg = alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@pytest.mark.postgres
def test_two_stations_starting_together_both_open_the_upgraded_postgres_store(pg_url, pg_server):
    store = open_store(pg_url, upgrade=False)
    _at(store, BEFORE)
    store.close()
    dsn = pg_server.dsn(pg_url.rsplit("/", 1)[1])
    holder = psycopg.connect(dsn)  # holds both upgrades at the table the last migration alters: they meet there
    holder.execute("LOCK TABLE ticket IN SHARE MODE")

    def release_once_both_wait() -> None:
        with psycopg.connect(dsn, autocommit=True) as watch:
            for _ in range(400):
                waiting = watch.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type IN ('Lock', 'Advisory') "
                    "AND (query ILIKE 'ALTER TABLE%' OR query ILIKE '%pg_advisory_xact_lock%')"
                ).fetchone()[0]
                if waiting == 2:
                    break
                time.sleep(0.05)
        holder.rollback()
        holder.close()

    outcomes = _started_together(pg_url, release_once_both_wait)
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    check = open_store(pg_url, upgrade=False)
    assert check.current_revision() == head_revision()
    check.close()


def test_two_programs_upgrading_one_sqlite_file_both_open_it(tmp_path):
    path = tmp_path / "branch.db"
    store = open_store(str(path), upgrade=False)
    _at(store, BEFORE)
    store.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # both wait for the write lock, then take it in turn

    def release() -> None:
        time.sleep(3.0)  # both programs started (Python and the store's modules take about a second) and waiting
        holder.execute("ROLLBACK")
        holder.close()

    outcomes = _started_together(str(path), release)
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    check = open_store(str(path), upgrade=False)
    assert check.current_revision() == head_revision()
    check.close()
