"""The station sync tests again, every connection to PostgreSQL made as the role ``db grant-station`` grants.

What a station needs (journal, leases, projections, sync tables, staff) is found by running them:
the database is migrated by its owner, then the tests' ``pg_url`` is the station role's.
"""

import uuid
from collections.abc import Iterator

import pytest
from pg_server import PgServer, pg_server_fixture  # noqa: F401 - fixture
from sqlalchemy.engine import make_url
from tcp_proxy import proxy_fixture  # noqa: F401 - fixture
from test_sync_station import (  # noqa: F401 - the tests, collected again here, and their fixtures
    branch,
    test_cut_link_offline_numbers_then_reconnect_pushes_once,
    test_online_command_is_upstream_and_in_the_local_journal,
    test_silent_link_goes_offline_within_3_s_and_keeps_working,
    test_station_goes_back_online_by_itself,
    test_ticket_called_twice_offline_is_kept_flagged_and_listed,
)

from models.store.database import open_store
from models.sync.station_grants import grant_station

pytestmark = pytest.mark.postgres


@pytest.fixture(name="pg_url")
def station_role_url(pg_server: PgServer) -> Iterator[str]:
    name = pg_server.create_database()
    owner = open_store(pg_server.url(name))  # the owner migrates; the station's role could not
    role = f"station_{uuid.uuid4().hex[:8]}"
    grant_station(owner, role)
    owner.close()
    yield make_url(pg_server.url(name)).set(username=role).render_as_string(hide_password=False)
    pg_server.drop_database(name)
