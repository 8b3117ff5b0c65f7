"""The supervisor's audit log browser: filters, pages, export, and a teller refused by the service."""

import csv
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from models.audit.log import append_audit
from models.audit.service import AuditService
from models.store.database import open_store
from models.store.tables import BranchRow
from queueing.core.roles import Role
from ui.supervisor.audit_panel import AuditPanel

TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
OTHER = session_of("B1", "T2", Role.TELLER, "ST2")
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "SUP")


def _store(tmp_path):
    store = open_store(str(tmp_path / "audit.db"))
    start = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    with store.write_session() as session:
        for minute in range(130):
            actor = TELLER if minute % 2 else OTHER
            append_audit(session, "B1", actor, "profile_view", start + timedelta(minutes=minute), 42, {"n": minute})
        session.execute(insert(BranchRow.__table__), [{"id": "B1", "name": "Test", "timezone": "UTC"}])
    add_accounts(store, SUPERVISOR)
    return store


def test_supervisor_filters_pages_and_exports(qtbot, tmp_path):
    store = _store(tmp_path)
    panel = AuditPanel(AuditService(store, "B1"), SUPERVISOR)
    qtbot.addWidget(panel)
    panel.first_page()
    qtbot.waitUntil(lambda: panel.last is not None, timeout=3000)
    assert (panel.last.total, panel.model.rowCount()) == (130, 100)
    assert panel.next.isEnabled() and not panel.previous.isEnabled()
    panel.staff.setText("T1")
    panel.search.click()
    qtbot.waitUntil(lambda: panel.last.total == 65, timeout=3000)
    assert {panel.model.data(panel.model.index(r, 1)) for r in range(panel.model.rowCount())} == {"T1 (teller)"}
    out = tmp_path / "audit.csv"
    panel.export_to(str(out))
    qtbot.waitUntil(lambda: "65 entries written to" in panel.status.text(), timeout=3000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 65


def test_a_teller_is_refused_by_the_service(qtbot, tmp_path):
    panel = AuditPanel(AuditService(_store(tmp_path), "B1"), TELLER)
    qtbot.addWidget(panel)
    panel.first_page()
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=3000)
    assert panel.last is None and panel.model.rowCount() == 0
