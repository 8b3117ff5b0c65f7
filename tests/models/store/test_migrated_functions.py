"""A store migrated from empty runs the same server functions and index as the modules define today.

The migrations write their SQL out as each revision made it (a store migrated before a change and a new
one must not differ). So a change to a function's or an index's SQL in its module needs a revision of its
own: without one, these tests fail, naming the function, instead of the stores of branches that migrated
earlier quietly running the old one.
"""

import importlib

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import text

from models.customers import station_lookups_pg, station_writes_pg
from models.store.database import open_store
from models.store.visit_ratings import INDEX_NAME, create_index_sql

LIVE_FUNCTIONS = (
    (station_lookups_pg.FUNCTION_SIGNATURES, station_lookups_pg.CREATE_FUNCTIONS),
    (station_writes_pg.FUNCTION_SIGNATURES, station_writes_pg.CREATE_FUNCTIONS),
)


DEFINITION = text("SELECT pg_get_functiondef(CAST(:s AS regprocedure))")


def _definitions(conn, signatures) -> dict[str, str]:
    return {signature: conn.execute(DEFINITION, {"s": signature}).scalar_one() for signature in signatures}


def test_the_rating_index_of_a_migrated_sqlite_store_is_the_one_the_queries_are_written_for(tmp_path):
    store = open_store(str(tmp_path / "branch.db"))
    try:
        with store.engine.connect() as conn:
            made = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": INDEX_NAME}).scalar_one()
    finally:
        store.close()
    assert made == create_index_sql("sqlite")


@pytest.mark.postgres
def test_a_migrated_postgresql_store_runs_the_functions_and_index_the_modules_define(pg_url):
    store = open_store(pg_url)
    try:
        with store.engine.begin() as conn:
            signatures = [s for signatures, _ in LIVE_FUNCTIONS for s in signatures]
            migrated = _definitions(conn, signatures)
            migrated_index = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"), {"n": INDEX_NAME}
            ).scalar_one()
            # What the modules would create today, on the same database: CREATE OR REPLACE, and the index under
            # another name beside the migrated one.
            for _, statements in LIVE_FUNCTIONS:
                for statement in statements:
                    conn.execute(text(statement))
            live = _definitions(conn, signatures)
            conn.execute(text(create_index_sql("postgresql").replace(INDEX_NAME, "ix_live_check", 1)))
            live_index = conn.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_live_check'")
            ).scalar_one()
    finally:
        store.close()
    changed = [s for s in signatures if migrated[s] != live[s]]
    assert not changed, f"changed in their module without a migration: {changed}"
    assert migrated_index == live_index.replace("ix_live_check", INDEX_NAME)


@pytest.mark.postgres
def test_0026_downgrades_to_the_functions_0021_and_0020_made_and_back(pg_url):
    """0026 takes its downgrade's SQL from the revisions that made it (their files never change)."""
    import importlib

    from alembic import command

    from models.store.database import alembic_config

    store = open_store(pg_url)
    signatures = [station_lookups_pg.FUNCTION_SIGNATURES[0], station_writes_pg.FUNCTION_SIGNATURES[1]]
    try:
        with store.engine.begin() as conn:
            upgraded = _definitions(conn, signatures)
            config = alembic_config(store.url)
            config.attributes["connection"] = conn
            command.downgrade(config, "0025_pin_guess")
            downgraded = _definitions(conn, signatures)
            for revision, name in (("0021_phone_forms", "CREATE_PROFILE_0021"), ("0020_credit_visit", "OUTCOME_0020")):
                conn.execute(text(getattr(importlib.import_module(f"models.migrations.versions.{revision}"), name)))
            made_then = _definitions(conn, signatures)
            command.upgrade(config, "head")
            again = _definitions(conn, signatures)
    finally:
        store.close()
    assert downgraded == made_then != upgraded
    assert again == upgraded


@pytest.mark.postgres
def test_0033_downgrades_to_the_functions_0026_made_and_its_tables_and_back(pg_url):
    """0033 replaces both functions 0026 made and adds the published rulebook; down and up again, nothing is left
    of it but what the revision makes (a rulebook is published by the branch, never by a revision)."""
    from alembic import command

    from models.store.database import alembic_config

    store = open_store(pg_url)
    signatures = [station_lookups_pg.FUNCTION_SIGNATURES[0], station_writes_pg.FUNCTION_SIGNATURES[1]]
    tables = text("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'crosssell_rulebook%'")
    try:
        with store.engine.begin() as conn:
            upgraded = _definitions(conn, signatures)
            config = alembic_config(store.url)
            config.attributes["connection"] = conn
            command.downgrade(config, "0032_ticket_conflict")
            downgraded, tables_down = _definitions(conn, signatures), conn.scalar(tables)
            version = importlib.import_module("models.migrations.versions.0026_visit_at_the_counter")
            for statement in (version.PROFILE_0026, version.OUTCOME_0026):
                conn.execute(text(statement))
            made_then = _definitions(conn, signatures)
            command.upgrade(config, "head")
            again, tables_up = _definitions(conn, signatures), conn.scalar(tables)
            published = conn.scalar(text("SELECT count(*) FROM crosssell_rulebook"))
    finally:
        store.close()
    assert downgraded == made_then != upgraded
    assert again == upgraded
    assert (tables_down, tables_up, published) == (0, 3, 0)
