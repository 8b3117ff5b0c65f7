"""A visit handed over between stations: ST1, offline, serves and parks its customer and its teller signs out;
it syncs; T2 signs in at the same counter on ST2, online, brings the customer back and finishes. Upstream and
both stations' files end with the same split of the service, each teller's own part, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import select
from sync_branch import station_on, synced, upstream_branch

from models.store.tables import ServiceRecordRow
from queueing.core.tickets import TransactionLine


def _records(store) -> dict[str, tuple]:
    with store.read_session() as session:
        rows = session.execute(
            select(ServiceRecordRow.ticket_id, ServiceRecordRow.staff_id, ServiceRecordRow.service_s,
                   ServiceRecordRow.service_shares)  # fmt: skip
        )
        return {ticket: (staff, service_s, shares) for ticket, staff, service_s, shares in rows}


def _hand_over(tmp_path, url):
    with upstream_branch(url, ("C1",)) as (upstream, config, clock):
        st1 = station_on(tmp_path, url, config, clock, "ST1")
        st2 = station_on(tmp_path, url, config, clock, "ST2")
        st1._go_offline(RuntimeError("test: link down"))
        st1.sign_in("C1", "T1")
        ticket = st1.issue_ticket("CASH").ticket  # offline: its own customer, from its leased numbers
        st1.call_ticket("C1", ticket.id, "own customer", "T1")
        st1.start("C1")
        clock.advance(300)
        st1.park("C1")
        st1.sign_out("C1", "T1")
        clock.advance(120)
        assert synced(st1), st1.offline_reason
        assert synced(st2), st2.offline_reason
        st2.sign_in("C1", "T2")
        clock.advance(30)
        st2.return_parked("C1", ticket.id)
        clock.advance(400)
        st2.finish("C1", [TransactionLine("CASH_DEP", 1, 5000)])
        assert synced(st1) and synced(st2)
        expected = {ticket.id: ("T1", 700.0, [["T1", 300.0], ["T2", 400.0]])}
        for store in (upstream, st1.local.store, st2.local.store):
            assert _records(store) == expected
        st1.close()
        st2.close()


def test_an_offline_park_and_an_online_return_split_alike_everywhere(tmp_path):
    _hand_over(tmp_path, str(tmp_path / "upstream.db"))


@pytest.mark.postgres
def test_an_offline_park_and_an_online_return_split_alike_everywhere_on_postgres(tmp_path, pg_url):
    _hand_over(tmp_path, pg_url)
