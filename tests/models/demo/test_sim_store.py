import json
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import select

import main
from models.branch.journal import append
from models.branch.state_loader import load_from_journal, load_from_projections
from models.demo.sim_store import BranchNotEmpty, SimStoreWriter, prepare_branch, write_simulation
from models.store.database import open_store
from models.store.tables import CounterRow, EventRow, ServiceRecordRow, StaffRow, TicketRow
from models.sync.projection import apply_and_project
from queueing.core.categories import default_config_path
from queueing.core.state import BranchState
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_config

SCENARIO = default_config_path().parent / "scenarios" / "city_weekday.toml"


@pytest.fixture(scope="module")
def spec():
    # Two days with no-shows, recalls, lunches, priorities and appointments.
    return replace(load_scenario(SCENARIO), days=2)


@pytest.fixture(scope="module")
def events(spec):
    return simulate(spec, seed=3, keep_events=True, estimates=False).events


def _rows(store, table, order):
    with store.read_session() as session:
        result = session.execute(select(table).order_by(*order))
        return [tuple(row) for row in result]


def _service_path(tmp_path, spec, events):
    """The rows BranchService.run writes: append, apply and project, event by event."""
    store = open_store(str(tmp_path / "reference.db"))
    prepare_branch(store, spec.config, "B1", "Reference")
    state = BranchState(spec.config)
    with store.write_session() as session:
        for event in events:
            event = replace(event, branch_id="B1")
            append(session, event)
            apply_and_project(session, state, [event])
    return store


TABLES = (
    (EventRow.__table__, ("position",)),
    (TicketRow.__table__, ("id",)),
    (ServiceRecordRow.__table__, ("ticket_id",)),
    (CounterRow.__table__, ("branch_id", "id")),
)


def test_bulk_rows_are_the_rows_the_service_writes(tmp_path, spec, events):
    reference = _service_path(tmp_path, spec, events)
    store = open_store(str(tmp_path / "bulk.db"))
    prepare_branch(store, spec.config, "B1", "Reference")
    writer = SimStoreWriter(store, spec.config, "B1", batch=700)  # several batches, tickets spanning them
    for event in events:
        writer(event)
    writer.flush()
    for table, key in TABLES:
        expected = _rows(reference, table, [table.c[k] for k in key])
        assert expected, table.name
        assert _rows(store, table, [table.c[k] for k in key]) == expected, table.name
    assert writer.counts.events == len(events)
    reference.close()
    store.close()


def test_a_day_cut_short_opens_as_a_live_day(tmp_path, spec):
    tz = ZoneInfo(spec.config.timezone)
    cut = datetime.combine(spec.start_date + timedelta(days=1), datetime.min.time(), tz).replace(hour=11)
    store = open_store(str(tmp_path / "live.db"))
    _, writer = write_simulation(store, spec, "B1", "Live", seed=5, until=cut, estimates=False)
    assert writer.last_at is not None and writer.last_at <= cut
    with store.read_session() as session:
        fast, position = load_from_projections(session, spec.config, "B1")
        proof, journal_position = load_from_journal(session, spec.config, "B1")
        staff = set(session.scalars(select(StaffRow.id).where(StaffRow.branch_id == "B1")))
    assert position == journal_position
    assert fast.business_date == cut.date()
    assert fast.waiting and set(fast.waiting) == set(proof.waiting)
    assert {c.id: (c.status, c.current) for c in fast.counters.values()} == {
        c.id: (c.status, c.current) for c in proof.counters.values()
    }
    assert any(c.status == "open" for c in fast.counters.values())
    assert staff == {f"T-{c.id}" for c in spec.counters}
    store.close()


def test_a_branch_with_events_is_refused(tmp_path, spec):
    store = open_store(str(tmp_path / "twice.db"))
    one_day = replace(spec, days=1)
    write_simulation(store, one_day, "B1", "Once", estimates=False)
    with pytest.raises(BranchNotEmpty, match="B1"):
        write_simulation(store, one_day, "B1", "Twice", estimates=False)
    write_simulation(store, one_day, "B2", "Another branch", estimates=False)
    store.close()


def test_simulate_cli_writes_into_the_named_store(tmp_path, capsys):
    db = tmp_path / "cli.db"
    argv = ["simulate", "--counters", "2", "--arrival-rate", "20", "--hours", "2", "--seed", "4"]
    assert main.main([*argv, "--db", str(db), "--branch", "S1", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "wrote" in err and str(db) in err
    customers = json.loads(out)["customers"]
    store = open_store(str(db))
    with store.read_session() as session:
        tickets = session.scalars(select(TicketRow).where(TicketRow.branch_id == "S1")).all()
    store.close()
    assert len(tickets) == customers > 0
    assert all(t.status in ("done", "no_show") for t in tickets)
    # Without --db nothing is written anywhere, and the same run reports the same figures.
    assert main.main([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["customers"] == customers
    # --db before the sub-command works too; a second run into the same branch is refused.
    assert main.main(["--db", str(db), *argv, "--branch", "S1"]) == 2
    assert "already has events" in capsys.readouterr().err


@pytest.mark.postgres
def test_simulate_writes_into_postgres(pg_url, capsys):
    argv = ["simulate", "--counters", "3", "--arrival-rate", "30", "--hours", "2", "--days", "2", "--json"]
    assert main.main([*argv, "--db", pg_url, "--branch", "PG1"]) == 0
    customers = json.loads(capsys.readouterr().out)["customers"]
    store = open_store(pg_url)
    with store.read_session() as session:
        tickets = session.scalars(select(TicketRow.status).where(TicketRow.branch_id == "PG1")).all()
        records = session.scalars(select(ServiceRecordRow.ticket_id).where(ServiceRecordRow.branch_id == "PG1")).all()
        state, _ = load_from_projections(session, simple_config(600.0, 300.0), "PG1")
    store.close()
    assert len(tickets) == customers and len(records) == tickets.count("done") > 0
    assert set(state.counters) == {"C1", "C2", "C3"}
