"""A hall display and a kiosk on the branch's PostgreSQL store (``display`` and ``kiosk`` roles open it with
``open_store``) whose link goes silent: the cable pulled, a switch that drops packets. Nothing answers and
nothing fails fast; only a deadline notices."""

import time

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from screens_harness import OFFSCREEN_NOISE, QUIET, Recorder
from sync_branch import upstream_branch
from tcp_proxy import proxy_fixture, through  # noqa: F401 - fixture

from models.branch.prepare import prepare_station
from models.store.database import open_store
from ui.common.i18n import LanguageManager
from ui.display.window import DisplayWindow

pytestmark = [pytest.mark.postgres, pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)]


def test_a_display_on_a_silent_link_says_it_is_reconnecting_within_seconds(qtbot, qapp, pg_url, proxy):
    """The poll waited for the kernel's TCP retransmissions (about 15 minutes) with no banner: the hall showed the
    last calls as live while no call reached it."""
    with upstream_branch(pg_url, ("C1",)):
        pass
    store = open_store(through(proxy, pg_url))
    try:
        station = prepare_station(store, "HALL-display", branch_id="B1")
        i18n = LanguageManager(qapp)
        i18n.set_language("en")
        display = DisplayWindow(station.branch, i18n, QUIET, Recorder(), "Test branch", poll_ms=200)
        qtbot.addWidget(display)
        display.show()
        qtbot.waitUntil(lambda: display.snapshot is not None, timeout=10_000)
        proxy.stall()
        started = time.monotonic()
        qtbot.waitUntil(lambda: display.reconnecting, timeout=20_000)
        assert time.monotonic() - started < 20
        proxy.restore()
        qtbot.waitUntil(lambda: not display.reconnecting, timeout=20_000)  # the link back: the banner leaves
    finally:
        proxy.restore()
        store.close()
