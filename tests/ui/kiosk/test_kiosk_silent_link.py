"""A kiosk on the branch's PostgreSQL store (the ``kiosk`` role opens it with ``open_store``) whose link goes silent:
the cable pulled, a switch that drops packets. Nothing answers and nothing fails fast; only a deadline notices."""

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from screens_harness import OFFSCREEN_NOISE
from sync_branch import upstream_branch
from tcp_proxy import proxy_fixture, through  # noqa: F401 - fixture

from models.branch.prepare import prepare_station
from models.store.database import open_store
from ui.common.i18n import LanguageManager
from ui.kiosk.window import KioskWindow

pytestmark = [pytest.mark.postgres, pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)]


@pytest.fixture
def kiosk(qtbot, qapp, pg_url, proxy):
    with upstream_branch(pg_url, ("C1",)):
        pass
    store = open_store(through(proxy, pg_url))
    station = prepare_station(store, "HALL-kiosk", branch_id="B1")
    i18n = LanguageManager(qapp)
    i18n.set_language("en")
    window = KioskWindow(station.branch, i18n, None, "Test branch", poll_ms=200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.service_buttons), timeout=10_000)
    yield window
    proxy.restore()
    window.close()  # waits for the poll and the command under way, which the link back lets end
    store.close()


def test_on_a_silent_link_the_tiles_stop_showing_counts_as_live_within_seconds(qtbot, kiosk, proxy):
    """The poll waited for the kernel's TCP retransmissions (about 15 minutes) while the tiles kept their last
    counts of customers ahead, as if live."""
    assert "customers ahead" in kiosk.service_buttons["CASH"].text()
    proxy.stall()
    qtbot.waitUntil(lambda: kiosk.figures_stale, timeout=15_000)
    assert "ahead" not in kiosk.service_buttons["CASH"].text()
    assert kiosk.closed_note.text() == "The queue cannot be shown right now. Tickets may take a moment."


def test_a_touch_on_a_silent_link_is_told_within_seconds_that_no_ticket_came(qtbot, kiosk, proxy):
    """The ticket's command waited for the kernel's TCP retransmissions (about 15 minutes), every tile disabled and
    nothing said: a deadline cuts it (models.store.deadline), and the touch after the link is back gets a ticket."""
    proxy.stall()
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: kiosk.issue_failed, timeout=15_000)
    assert kiosk.closed_note.text() == "Sorry, no ticket could be issued. Please ask our staff."
    proxy.restore()
    qtbot.waitUntil(lambda: kiosk.service_buttons["CASH"].isEnabled(), timeout=15_000)
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: kiosk.last_ticket is not None, timeout=15_000)
    assert kiosk.service.state.tickets[kiosk.last_ticket.id].category == "CASH"
