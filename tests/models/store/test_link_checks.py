"""A role that opens the branch's server store (kiosk, hall display, supervisor) finds out in seconds that the link
died: libpq's keepalives and TCP user timeout, unless the URL sets its own; a SQLite file has no link."""

from sqlalchemy.engine import make_url

from models.store.database import Store, _link_checks, server_engine


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
