"""Upstream credentials never on a command line: a libpq service file and password file, owner-only."""

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import text
from sqlalchemy.engine import make_url

import main
from models.sync.pg_upstream import open_upstream
from models.sync.upstream_secrets import upstream_url
from queueing.core.errors import ConfigError


@pytest.fixture
def libpq_files(tmp_path, monkeypatch):
    service, passfile = tmp_path / "pg_service.conf", tmp_path / "pgpass"
    monkeypatch.setenv("PGSERVICEFILE", str(service))
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    return service, passfile


def _write(path, body, mode=0o600):
    path.write_text(body)
    path.chmod(mode)


def test_a_password_in_the_url_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(ConfigError, match="holds a password, which every user of this PC can read"):
        upstream_url("postgresql+psycopg://station:s3cret@10.0.0.5/branch", None)
    argv = ["--db", str(tmp_path / "st.db"), "sync", "status", "--upstream", "postgresql+psycopg://u:pw@h/db"]
    assert main.main(argv) == 2
    err = capsys.readouterr().err
    assert "holds a password" in err and "pw" not in err.replace("password", "") and err.count("\n") == 1


def test_files_open_to_others_are_refused_and_named(libpq_files):
    service, passfile = libpq_files
    _write(service, "[branch]\nhost=127.0.0.1\ndbname=branch\nuser=station\n", mode=0o644)
    with pytest.raises(ConfigError, match=f"{service}: open to other users .*chmod 600"):
        upstream_url(None, "branch")
    service.chmod(0o600)
    _write(passfile, "127.0.0.1:5432:branch:station:s3cret\n", mode=0o640)
    with pytest.raises(ConfigError, match=f"{passfile}: open to other users"):
        upstream_url(None, "branch")
    with pytest.raises(ConfigError, match=f"{passfile}: open to other users"):
        upstream_url("postgresql+psycopg://station@127.0.0.1/branch", None)


def test_an_unknown_service_or_a_password_in_the_service_file_is_refused(libpq_files):
    service, _ = libpq_files
    with pytest.raises(ConfigError, match="no libpq service file"):
        upstream_url(None, "branch")
    _write(service, "[branch]\nhost=127.0.0.1\npassword=s3cret\n")
    with pytest.raises(ConfigError, match=r"no service \[other\] \(services: branch\)"):
        upstream_url(None, "other")
    with pytest.raises(ConfigError, match="holds a password; keep it in the password file"):
        upstream_url(None, "branch")
    with pytest.raises(ConfigError, match="not both"):
        upstream_url("postgresql+psycopg://h/db", "branch")


@pytest.mark.postgres
def test_a_station_reaches_upstream_by_service_name(libpq_files, pg_url):
    service, passfile = libpq_files
    url = make_url(pg_url)
    _write(service, f"[branch]\nhost={url.host}\nport={url.port}\ndbname={url.database}\nuser={url.username}\n")
    _write(passfile, f"{url.host}:{url.port}:{url.database}:{url.username}:unused-with-trust\n")
    resolved = upstream_url(None, "branch")
    assert "service=branch" in resolved and url.host not in resolved
    store = open_upstream(resolved)
    try:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT current_database()")).scalar() == url.database
    finally:
        store.close()


def test_a_service_file_not_utf8_or_with_a_byte_order_mark_is_refused_naming_it(libpq_files):
    """Latin-1 bytes escaped as an internal error; a mark made libpq miss "[branch]" later, at connect."""
    service, passfile = libpq_files
    service.write_bytes(b"[branch]\nhost=db\n# caf\xe9\n")
    service.chmod(0o600)
    with pytest.raises(ConfigError, match=f"{service}: not UTF-8 text \\(byte 22\\)"):
        upstream_url(None, "branch")
    service.write_bytes(b"\xef\xbb\xbf[branch]\nhost=db\n")
    with pytest.raises(ConfigError, match=f"{service}: starts with a byte-order mark"):
        upstream_url(None, "branch")
    service.write_bytes(b"[branch]\nhost=db\n")
    passfile.write_bytes(b"\xef\xbb\xbfdb:5432:branch:station:s3cret\n")
    passfile.chmod(0o600)
    with pytest.raises(ConfigError, match=f"{passfile}: starts with a byte-order mark"):
        upstream_url(None, "branch")
    passfile.write_bytes(b"db:5432:branch:station:s3cr\xe9t\n")  # libpq's own business: any bytes
    assert upstream_url(None, "branch") == "postgresql+psycopg:///?service=branch"
