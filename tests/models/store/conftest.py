import pytest
from sqlalchemy import text


@pytest.fixture
def scratch(store):
    """A table of the store's own tests to write to, apart from the product's tables."""
    with store.engine.begin() as conn:
        conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
