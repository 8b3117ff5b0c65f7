"""A real PostgreSQL server in a temporary folder on a free loopback port, for tests and benchmarks.

It is started with the initdb, pg_ctl and postgres binaries on PATH. As root the
server runs as the ``postgres`` user (PostgreSQL refuses to run as root), so the
folder is handed to that user. If the server cannot start, ``start`` raises
PgServerError with the reason and the server log: a test using it fails, never skips.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest


def open_test_upstream(url: str):
    """The test's own view of the branch's PostgreSQL store, for setting it up and checking it.

    Not a station's: a station's 2-second deadlines (models/sync/pg_upstream.Deadlines) are there to notice a dead
    link, and four test processes on two cores can stall one for longer between two statements of a setup read,
    which the server then ends as a silent client's. Stations under test keep their own deadlines.
    """
    from models.sync.pg_upstream import Deadlines, open_upstream

    return open_upstream(url, Deadlines(connect_s=10, statement_ms=120_000, idle_in_transaction_ms=120_000, call_s=60))


class PgServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One throwaway server: ``start()``, ``create_database()``, ``url(name)``, ``stop()``."""

    user = "postgres"

    def __init__(self, base: Path | None = None, durable: bool = False) -> None:
        # Tests trade durability for speed; the benchmark measures with fsync on.
        self.durable = durable
        self.folder = Path(tempfile.mkdtemp(prefix="counterline-pg-", dir=base))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()
        self._as_root = os.geteuid() == 0

    # -- running binaries ----------------------------------------------------
    def _run(self, *argv: str, timeout: float = 60) -> None:
        cmd = ["runuser", "-u", self.user, "--", *argv] if self._as_root else list(argv)
        for tool in ("initdb", "pg_ctl", "postgres"):
            if shutil.which(tool) is None:
                raise PgServerError(f"PostgreSQL binary {tool!r} is not on PATH")
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PgServerError(f"{' '.join(argv[:2])}: {exc}\n{self._log_tail()}") from exc
        if result.returncode != 0:
            raise PgServerError(
                f"{' '.join(argv[:2])} failed ({result.returncode}): {result.stderr.strip()}\n{self._log_tail()}"
            )

    def _log_tail(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    # -- life cycle ----------------------------------------------------------
    def start(self) -> PgServer:
        if self._as_root:
            shutil.chown(self.folder, self.user)
        self._run("initdb", "-D", str(self.data), "-U", self.user, "-A", "trust", "-E", "UTF8", "--no-sync")
        self.log.touch()
        if self._as_root:
            shutil.chown(self.log, self.user)
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{self.folder}' "
            "-c max_connections=200 -c shared_buffers=64MB"
        )
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        self._wait_ready()
        return self

    def _wait_ready(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        last: Exception | None = None
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(self.dsn("postgres"), connect_timeout=2):
                    return
            except psycopg.Error as exc:
                last = exc
                time.sleep(0.1)
        raise PgServerError(f"server on port {self.port} did not accept connections: {last}\n{self._log_tail()}")

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=30)
            except PgServerError:
                pass  # already stopped; the folder goes anyway
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- databases -----------------------------------------------------------
    def dsn(self, database: str, port: int | None = None) -> str:
        return f"host=127.0.0.1 port={port or self.port} user={self.user} dbname={database}"

    def url(self, database: str, port: int | None = None) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{port or self.port}/{database}"

    def create_database(self, name: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# -- sharing one server -------------------------------------------------------
_shared: PgServer | None = None


def shared_server() -> PgServer:
    """One server for the whole test session (stopped at exit); each test takes a fresh database on it."""
    global _shared
    if _shared is None:
        server = PgServer()
        try:
            server.start()
        except BaseException:
            server.stop()
            raise
        atexit.register(server.stop)
        _shared = server
    return _shared


# Test modules import pg_server_fixture and pg_url_fixture to get the fixtures ``pg_server`` and ``pg_url``.
@pytest.fixture(scope="session", name="pg_server")
def pg_server_fixture() -> PgServer:
    return shared_server()


@pytest.fixture(name="pg_url")
def pg_url_fixture(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)
