"""A role that opens the branch's server store (kiosk, hall display, supervisor) finds out in seconds that the link
died: libpq's keepalives and TCP user timeout, unless the URL sets its own; a SQLite file has no link."""

from datetime import timedelta

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from models.store.database import Store, _link_checks, open_store, server_engine
from models.sync.pg_upstream import make_upstream


def test_a_server_store_gets_link_checks_and_the_url_keeps_its_own():
    checks = _link_checks(make_url("postgresql+psycopg://u@db.branch.local/counterline"))
    assert checks["tcp_user_timeout"] == 10_000 and checks["keepalives"] == 1 and checks["connect_timeout"] == 5
    own = _link_checks(make_url("postgresql+psycopg://u@h/db?connect_timeout=30&keepalives_idle=60"))
    assert "connect_timeout" not in own and "keepalives_idle" not in own and own["tcp_user_timeout"] == 10_000


def test_a_sqlite_store_has_no_link_to_cut(tmp_path):
    engine = server_engine(make_url(f"sqlite:///{tmp_path / 'x.db'}"))
    store = Store(engine.url, engine)
    try:
        assert store.watch is None
        with store.deadline(0.01):
            pass
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_moments_come_back_in_utc_from_a_server_in_another_zone(pg_url):
    """A server set to its own zone handed the program its moments in that zone (the same instants): a station's
    saved base refused to keep them, and it folded its whole file after a restart (make test runs in Pago Pago)."""
    with create_engine(pg_url).connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{make_url(pg_url).database}" SET timezone = \'Pacific/Pago_Pago\''))
        conn.commit()
    store = open_store(pg_url)
    try:
        with store.engine.connect() as conn:
            moment = conn.execute(text("SELECT now()")).scalar_one()
        assert moment.utcoffset() == timedelta(0)
        upstream = make_upstream(pg_url)
        with upstream.engine.connect() as conn:
            assert conn.execute(text("SELECT now()")).scalar_one().utcoffset() == timedelta(0)
        upstream.close()
    finally:
        store.close()


@pytest.mark.postgres
def test_a_day_of_cut_calls_leaves_no_connection_held(pg_url):
    """A station whose link drops hundreds of times a day has a call cut by its deadline each time: the watch lets
    each cut connection go (its check-in names none, being invalidated), or it holds them all until the program
    ends and scans them all at every check-in."""
    from sqlalchemy.exc import DBAPIError

    from models.store.deadline import DeadlineExceeded

    store = open_store(pg_url)
    try:
        for _ in range(12):
            with pytest.raises((DeadlineExceeded, DBAPIError)):
                with store.deadline(0.2), store.engine.connect() as conn:
                    conn.execute(text("SELECT pg_sleep(5)"))
            with store.deadline(10), store.engine.connect() as conn:  # the link is back
                assert conn.execute(text("SELECT 1")).scalar_one() == 1
        assert store.watch is not None and store.watch._held == {}
    finally:
        store.close()
