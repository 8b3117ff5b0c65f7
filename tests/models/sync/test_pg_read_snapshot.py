"""A read of the branch's state from PostgreSQL sees one moment, however many statements it takes.

The state a station (or a screen on the server) loads is the projections plus the journal position they
reflect, read in several statements. Under PostgreSQL's default READ COMMITTED each statement sees what
committed before it, so another station's command committing between the position and the counters was in
the counters, and then applied again on top by the catch-up from that position: a call applied twice leaves
the counter without its customer, and the next command of this station wrote that counter upstream (a chaos
run found its projection parted from the journal). A read session is one REPEATABLE READ snapshot.
"""

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import counters_of, tickets_of
from sqlalchemy import event
from sync_branch import station_on, upstream_branch

from models.branch.journal import events_after
from models.branch.state_loader import load_from_projections
from models.sync.upstream import UpstreamBranch
from queueing.core.reducer import replay
from queueing.core.state import BranchState

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1", "C2")) as made:
        yield made


def _replayed_to(store, config, position: int) -> BranchState:
    state = BranchState(config)
    with store.read_session() as session:
        replay(state, [e for p, e in events_after(session, "B1", 0) if p <= position])
    return state


def _commit_between_statements(engine, statement_part: str, action) -> list[bool]:
    """Run ``action`` (another station's committed command) just before the first statement naming
    ``statement_part``; the list says whether it ran."""
    fired: list[bool] = []

    def before(_conn, _cursor, statement, *_rest) -> None:
        if statement_part in statement and not fired:
            fired.append(True)
            action()

    event.listen(engine, "before_cursor_execute", before)
    return fired


def test_state_loaded_while_another_station_commits_is_the_state_at_its_position(tmp_path, branch, pg_url):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    other.issue_ticket("CASH")
    fired = _commit_between_statements(store.engine, "FROM counter", lambda: other.call_next("C1"))
    with store.read_session() as session:
        loaded, position = load_from_projections(session, config, "B1")
    assert fired
    replayed = _replayed_to(store, config, position)
    assert counters_of(loaded) == counters_of(replayed)
    assert tickets_of(loaded) == tickets_of(replayed)
    assert loaded.counters["C1"].current is None  # the call came after the position read: the catch-up brings it


def test_station_mirror_loaded_meanwhile_keeps_the_counter_its_customer(tmp_path, branch, pg_url):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    ticket = other.issue_ticket("CASH").ticket
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    fired = _commit_between_statements(st.upstream_store.engine, "FROM ticket", lambda: other.call_next("C1"))
    mirror = UpstreamBranch(st.upstream_store, config, st._ctx)
    assert fired
    with st.upstream_store.write_session(lock_key="B1") as session:
        mirror._catch_up(session)
    assert mirror.state.counters["C1"].current == ticket.id
    assert not mirror.state.tickets[ticket.id].conflict
