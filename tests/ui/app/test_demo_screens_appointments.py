"""The demo prints the appointments it booked for the first demo customers, once a day; none without customers."""

import secrets
from datetime import UTC, date, datetime

from models.branch.prepare import prepare_demo_station, seed_demo_customers
from models.store.database import open_store
from queueing.core.clock import ManualClock
from ui.app.demo_screens import book_demo_appointments


def test_the_demo_prints_its_appointments_once(tmp_path, capsys):
    store = open_store(str(tmp_path / "demo.db"))
    try:
        station = prepare_demo_station(store, "DEMO-TEST", ManualClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC)))
        samples = seed_demo_customers(store, station.demo.id, secrets.token_bytes(32), date(2026, 11, 23), count=3)
        book_demo_appointments(station)
        lines = capsys.readouterr().out.splitlines()
        assert lines == [
            f"  demo appointment: customer {samples[0].customer_no} at 10:15 (CASH); kiosk check-in from 09:45",
            f"  demo appointment: customer {samples[1].customer_no} at 12:00 (LOANS); kiosk check-in from 11:30",
        ]
        book_demo_appointments(station)
        assert capsys.readouterr().out == ""
    finally:
        store.close()


def test_a_store_without_customers_gets_no_appointments_and_no_error(tmp_path, capsys):
    store = open_store(str(tmp_path / "demo.db"))
    try:
        book_demo_appointments(prepare_demo_station(store, "DEMO-TEST"))
        assert capsys.readouterr().out == ""
    finally:
        store.close()
