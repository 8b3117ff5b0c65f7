"""The branch database goes away under a station that writes straight to it: the teller must not be told it is
online, the clock keeps going, and the banner says the screen is stale rather than that an action failed."""

import pytest
from station_harness import Harness, wait_until

from models.store.errors import StoreUnavailable

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
UNREACHABLE = {"en": "unreachable", "zh_CN": "无法连接", "ko": "연결 안 됨", "es": "Sin acceso"}


@pytest.mark.parametrize("language", list(UNREACHABLE))
def test_status_bar_does_not_say_online_while_the_database_cannot_be_reached(qtbot, tmp_path, monkeypatch, language):
    h = Harness(qtbot, tmp_path, language=language)
    try:
        h.sign_in()
        online = h.window.status.connection.text()
        snapshot = h.branch.snapshot

        def down(*_a, **_k):
            raise StoreUnavailable("branch.db: unable to open database file")

        monkeypatch.setattr(h.branch, "snapshot", down)
        h.clock.advance(120)
        h.window.refresh()
        wait_until(lambda: h.window.banner.isVisible())
        wait_until(lambda: not h.window.runner.busy)
        status, banner = h.window.status, h.window.banner.text()
        assert status.connection.text() != online and UNREACHABLE[language] in status.connection.text(), banner
        assert status.clock.text() == h.i18n.format_datetime(h.clock.now()), "the clock stopped"
        assert "Nothing was changed" not in banner and "No se cambió nada" not in banner, banner
        # The database answers again: so does the status bar.
        monkeypatch.setattr(h.branch, "snapshot", snapshot)
        h.window.refresh()
        wait_until(lambda: status.connection.text() == online)
    finally:
        monkeypatch.undo()
        h.close()
