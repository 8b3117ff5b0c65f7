"""A TCP proxy a test puts between a station and its server, to cut, stall and restore the link.

- ``up``: bytes flow both ways.
- ``stall()``: connections stay open but nothing flows (a silent link: the
  kernel still acknowledges what the client sends, so only a deadline notices).
- ``cut()``: every open connection is closed and new ones are closed at once.
- ``restore()``: back to ``up`` for new and still-open connections.
"""

from __future__ import annotations

import selectors
import socket
import threading
from collections.abc import Iterator

import pytest


class TcpProxy:
    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = int(self._listener.getsockname()[1])
        self.mode = "up"
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
                    if self.mode != "up":
                        break
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    key.data.sendall(data)
        except OSError:
            return
        finally:
            sel.close()
            _close(client)
            if server is not None:
                _close(server)
            with self._guard:
                if entry in self._pairs:
                    self._pairs.remove(entry)


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
