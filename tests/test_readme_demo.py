"""The README's demo facts are the demo's: accounts and PINs, counters, simulated tellers, the starting queue,
the demo customers and the first customers' card and phone (a reader types them at the kiosk)."""

import re
import secrets
from datetime import date
from pathlib import Path

from models.branch.prepare import DEMO_CUSTOMERS, DEMO_QUEUE, prepare_demo_station, seed_demo_customers
from models.demo.branch_setup import load_demo_branch
from models.store.database import open_store
from ui.app.composition import demo_account_lines

# Line breaks are the editor's: compared as one line.
README = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())


def test_every_demo_account_and_pin_is_in_the_readme_as_the_console_prints_it():
    demo = load_demo_branch()
    for entry in demo.staff:
        assert f"`{entry['id']}` {entry['name']}, PIN `{entry['pin']}`" in README, entry["id"]
    lines = demo_account_lines(demo)
    assert lines[0] == "  demo teller T1001 (Li Na): PIN 1111"
    assert len(lines) == len(demo.staff)


def test_counters_simulated_tellers_queue_and_customers_match():
    demo = load_demo_branch()
    words = {6: "Six", 5: "Five", 7: "Seven"}
    assert f"{words[len(demo.counters)]} counters" in README
    ids = [s["id"] for s in demo.simulated]
    assert f"{len(ids)} simulated tellers (`{ids[0]}` to `{ids[-1]}`" in README
    assert f"starts with {len(DEMO_QUEUE)} tickets waiting" in README
    assert f"{DEMO_CUSTOMERS} demo customers" in README


def test_the_first_demo_customers_card_and_phone_are_the_readmes(tmp_path):
    store = open_store(str(tmp_path / "demo.db"))
    try:
        station = prepare_demo_station(store, "DEMO-TEST")
        first, second = seed_demo_customers(store, station.demo.id, secrets.token_bytes(32), date(2026, 11, 23), 2)
    finally:
        store.close()
    found = re.search(r"customer (C\d+) \(card `(\d+)`, phone `([^`]+)`\)", README)
    assert found is not None
    assert found.groups() == (first.customer_no, first.card_number, first.phone)
    assert f"{second.customer_no} (card `{second.card_number}`)" in README
