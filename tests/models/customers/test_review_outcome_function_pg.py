"""Adversarial review (PostgreSQL): the server's outcome function is what a station's login may call directly
(README: "the server's functions, which a station's login could call directly"); it checks the visit and the
consent, but records any rule code and product it is given, and the piece-rate pays per accepted product."""

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import select, text
from test_visit_rule_pg import TELLER, branch  # noqa: F401 - fixture
from visits import serve

from models.customers.station_writes_pg import OUTCOME_FUNCTION
from models.customers.tables import CrossSellOutcomeRow

pytestmark = pytest.mark.postgres


def test_the_outcome_function_refuses_a_rule_and_product_no_rule_file_holds(branch):  # noqa: F811
    admin, station, (zhang, _), clock = branch
    visit = serve(admin, TELLER, zhang, clock)  # the teller's own live visit: the visit rule holds
    with station.engine.begin() as conn:
        for n in range(5):
            conn.execute(
                text(f"SELECT {OUTCOME_FUNCTION}('B1', :c, 'T1', 'ST1', now(), :rule, 'loan', 'accepted', "
                     ":t, NULL, NULL, '{}', '{standard}', '{0}', NULL)"),
                {"c": zhang, "t": visit, "rule": f"invented_{n}"},
            )
    with admin.read_session() as session:
        paid = session.scalars(select(CrossSellOutcomeRow.rule_code).where(CrossSellOutcomeRow.outcome == "accepted"))
        invented = [r for r in paid if r.startswith("invented_")]
    assert invented == [], f"the server recorded (and the piece rate pays 4 units each for) {invented}"
