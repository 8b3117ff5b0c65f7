"""A TCP proxy a test puts between a station and its server, to cut, stall and restore the link.

- ``up``: bytes flow both ways.
- ``stall()``: connections stay open but nothing flows (a silent link: the
  kernel still acknowledges what the client sends, so only a deadline notices).
- ``cut()``: every open connection is closed and new ones are closed at once.
- ``drop_answers()``: what the client sends reaches the server; nothing comes
  back (the COMMIT arrives, its answer is lost on the way home).
- ``cut_after(n)``: the link dies once ``n`` more bytes have crossed it.
- ``trickle(bytes_per_s)``: bytes cross, slowly.
- ``restore()``: back to ``up`` for new and still-open connections.

``at_commit(engine, action)`` runs ``action`` (say ``proxy.drop_answers``) just
before the next COMMIT leaves the client: a fault placed exactly at the COMMIT.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Callable, Iterator

import pytest


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self.mode = "up"
        self._budget = 0
        self._rate = 1000
        self._pairs: list[tuple[socket.socket, socket.socket | None]] = []
        self._guard = threading.Lock()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, name="tcp-proxy", daemon=True)

    def start(self) -> TcpProxy:
        self._thread.start()
        return self

    # -- control -------------------------------------------------------------
    def stall(self) -> None:
        self.mode = "stalled"

    def restore(self) -> None:
        self.mode = "up"

    def drop_answers(self) -> None:
        self.mode = "drop_answers"

    def cut_after(self, n: int) -> None:
        self._budget = n
        self.mode = "counted"

    def trickle(self, bytes_per_s: int) -> None:
        self._rate = bytes_per_s
        self.mode = "trickle"

    def cut(self) -> None:
        self.mode = "cut"
        with self._guard:
            pairs, self._pairs = self._pairs, []
        for client, server in pairs:
            _close(client)
            if server is not None:
                _close(server)

    def close(self) -> None:
        self._closed.set()
        self.cut()
        self._listener.close()
        self._thread.join(timeout=5)

    # -- plumbing ------------------------------------------------------------
    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _addr = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            if self.mode == "cut":
                _close(client)
                continue
            threading.Thread(target=self._pump, args=(client,), daemon=True).start()

    def _pump(self, client: socket.socket) -> None:
        server: socket.socket | None = None
        entry: list = [client, None]
        with self._guard:
            self._pairs.append(entry)  # type: ignore[arg-type]
        sel = selectors.DefaultSelector()
        try:
            while not self._closed.is_set() and self.mode != "cut" and entry in self._pairs:
                if self.mode == "stalled":
                    threading.Event().wait(0.02)
                    continue
                if server is None:
                    server = socket.create_connection(self.target, timeout=5)
                    entry[1] = server
                    sel.register(client, selectors.EVENT_READ, server)
                    sel.register(server, selectors.EVENT_READ, client)
                for key, _mask in sel.select(timeout=0.02):
                    if self.mode in ("stalled", "cut"):
                        break
                    if not self._forward(key.fileobj, key.data, from_server=key.fileobj is server):
                        return
        except (OSError, ValueError):
            # A cut closes the sockets under this thread: a closed socket (fd -1) refused by the selector is that
            # cut arriving, as a reset is, not a fault of the proxy.
            return
        finally:
            sel.close()
            _close(client)
            if server is not None:
                _close(server)
            with self._guard:
                if entry in self._pairs:
                    self._pairs.remove(entry)


    def _forward(self, source, target, from_server: bool) -> bool:
        """Move one read's bytes as the mode says; False when the connection is over."""
        chunk = 64 if self.mode == "trickle" else 65536
        data = source.recv(chunk)
        if not data:
            return False
        if self.mode == "drop_answers" and from_server:
            return True
        if self.mode == "counted":
            self._budget -= len(data)
            if self._budget < 0:
                threading.Thread(target=self.cut, daemon=True).start()
                return False
        if self.mode == "trickle":
            threading.Event().wait(len(data) / max(1, self._rate))
        target.sendall(data)
        return True


def at_commit(engine, action) -> Callable[[], bool]:
    """Run ``action`` once, just before the next COMMIT on ``engine`` is sent to the server.

    Returns ``disarm``: it removes the fault if no COMMIT came (a command that failed before its COMMIT must not
    leave it armed for whatever commits next) and says whether it fired.
    """
    from sqlalchemy import event

    fired: list[bool] = []

    def fire(_conn) -> None:
        fired.append(True)
        action()

    event.listen(engine, "commit", fire, once=True)

    def disarm() -> bool:
        if not fired and event.contains(engine, "commit", fire):
            event.remove(engine, "commit", fire)
        return bool(fired)

    return disarm


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def through(proxy: TcpProxy, url: str) -> str:
    """``url`` (a server on loopback) with its port replaced by the proxy's."""
    port = url.split(":")[-1].split("/")[0]
    return url.replace(f":{port}/", f":{proxy.port}/")


# Test modules import proxy_fixture (with pg_server_fixture) to get the fixture ``proxy`` before the shared server.
@pytest.fixture(name="proxy")
def proxy_fixture(pg_server) -> Iterator[TcpProxy]:
    p = TcpProxy(pg_server.port).start()
    yield p
    p.close()
