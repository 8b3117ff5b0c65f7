"""A branch on a SQLite upstream file (no server needed) for the station tests."""

import pytest
from sync_branch import upstream_branch


@pytest.fixture
def sqlite_branch(tmp_path):
    """(config, clock, upstream file, upstream store): counters C1 and C2 open, the clock at 09:00 in Shanghai."""
    upstream_path = str(tmp_path / "upstream.db")
    with upstream_branch(upstream_path) as (upstream, config, clock):
        yield config, clock, upstream_path, upstream
