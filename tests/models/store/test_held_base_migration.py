"""Migration 0034: the station's saved base (held_base) comes and goes with the revision, on SQLite and PostgreSQL."""

import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import inspect

from models.store.database import alembic_config, head_revision, open_store


def _down_and_up(url: str) -> tuple[bool, bool, bool]:
    store = open_store(url)
    try:
        at_head = "held_base" in inspect(store.engine).get_table_names()
        with store.engine.begin() as conn:
            config = alembic_config(store.url)
            config.attributes["connection"] = conn
            command.downgrade(config, "0033_published_rulebook")
            down = "held_base" in inspect(conn).get_table_names()
            command.upgrade(config, "head")
            up = "held_base" in inspect(conn).get_table_names()
        assert store.current_revision() == head_revision()
        return at_head, down, up
    finally:
        store.close()


def test_sqlite_store_gets_the_table_and_gives_it_back(tmp_path):
    assert _down_and_up(str(tmp_path / "store.db")) == (True, False, True)


@pytest.mark.postgres
def test_postgres_store_gets_the_table_and_gives_it_back(pg_url):
    assert _down_and_up(pg_url) == (True, False, True)
