"""The store on a real PostgreSQL server: migrations, refusal of a newer schema, branch ids, the claim."""

import psycopg
import pytest
from alembic.script import ScriptDirectory
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import inspect

from models.branch.service import BranchService
from models.store.base import Base
from models.store.database import alembic_config, open_store
from models.store.errors import NewerSchema
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import load_branch_config

pytestmark = pytest.mark.postgres


def test_fresh_database_upgrades_to_head(pg_url):
    store = open_store(pg_url)
    try:
        assert store.dialect == "postgresql"
        head = ScriptDirectory.from_config(alembic_config(store.url)).get_current_head()
        assert store.current_revision() == head
        tables = set(inspect(store.engine).get_table_names())
        assert {"event", "ticket", "counter", "number_lease", "sync_station", "sync_cursor"} <= tables
    finally:
        store.close()


def test_newer_schema_is_refused_on_postgres(pg_url, pg_server):
    open_store(pg_url).close()
    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server.dsn(name), autocommit=True) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(NewerSchema, match="newer Counterline"):
        open_store(pg_url)
    with pytest.raises(NewerSchema):
        open_upstream(pg_url)
    with psycopg.connect(pg_server.dsn(name)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"


def test_core_and_sync_tables_carry_their_branch():
    import models.store.tables
    import models.sync.tables

    # The store's marker and the branch table itself are about the database, not one branch.
    about_the_database = {"counterline_meta", "branch"}
    modules = {models.store.tables.__name__, models.sync.tables.__name__}
    tables = [
        m.local_table
        for m in Base.registry.mappers
        if m.class_.__module__ in modules and m.local_table.name not in about_the_database
    ]
    assert len(tables) >= 9
    assert [t.name for t in tables if "branch_id" not in t.c] == []


def test_two_branches_share_one_database(pg_url):
    store = open_store(pg_url)
    try:
        config = load_branch_config()
        for branch in ("B1", "B2"):
            svc = BranchService(store, config, branch, "ST1")
            svc.ensure_branch(branch)
            svc.configure_counter("C1", "1", {"CASH": 1})
            svc.open_counter("C1")
            svc.issue_ticket("CASH")
        # Same counter id and same ticket number in two branches: each branch sees its own.
        b1 = BranchService(store, config, "B1", "ST2")
        assert [t.number for t in b1.snapshot().waiting] == ["A001"]
        assert b1.call_next("C1").ticket.number == "A001"
        assert len(BranchService(store, config, "B2", "ST2").snapshot().waiting) == 1
    finally:
        store.close()
