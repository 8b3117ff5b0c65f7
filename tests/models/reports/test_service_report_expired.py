"""The service report keeps a ticket the day end closed apart: issued, not served, nobody's no-show."""

from datetime import timedelta

from models.reports.service_queries import load_counts
from queueing.core.tickets import TransactionLine

DAY_S = timedelta(days=1).total_seconds()


def test_reports_count_an_expired_ticket_as_issued_and_expired_only(service, store, clock):
    for _ in range(4):
        service.issue_ticket("CASH")
    service.call_next("C1")
    service.start("C1")
    service.finish("C1", [TransactionLine("X", 1)])
    service.call_next("C1")
    service.park("C1")
    clock.advance(DAY_S)  # A001 served, A002 parked and A003, A004 waiting when the day ended
    yesterday = service.state.business_date
    service.issue_ticket("CASH")
    with store.read_session() as s:
        counts = load_counts(s, ["B1"], yesterday, yesterday)[("B1", "CASH")]
    assert (counts.issued, counts.served, counts.no_shows, counts.expired) == (4, 1, 0, 3)
