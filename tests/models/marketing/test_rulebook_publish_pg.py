"""Who publishes the branch's rulebook to a PostgreSQL store, and when (models/marketing/rulebook_publish.py).

The server refuses every new answer of a branch with no published rulebook (RB001), so the moments a store
reaches 0033 or a branch is made publish one: ``db upgrade`` seeds each branch that has none with the files at
hand, ``branch init`` publishes the new branch's, the supervisor's screen publishes the branch's own at its start,
and a reload publishes what it loaded (tests/models/customers/test_answer_screen_pg.py).
"""

import logging
import uuid
from datetime import UTC, datetime

import pytest
from customer_fixtures import make_pg_store
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import insert, select
from sqlalchemy.engine import make_url

import main
from models.marketing.rulebook_publish import publish_at_start, publish_files, rulebook_digest
from models.marketing.rulebook_tables import PublishedRulebookRow, PublishedRuleRow
from models.store.database import open_store
from models.store.tables import BranchRow
from models.sync.station_grants import grant_station
from queueing.crosssell.rules import RuleSet, load_rules
from queueing.customers.tiers import load_tiers

pytestmark = pytest.mark.postgres
AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def _published(store) -> dict[str, tuple[str, int]]:
    """branch -> (digest, rules) as the store holds them."""
    with store.read_session() as session:
        books = {b.branch_id: b.digest for b in session.scalars(select(PublishedRulebookRow))}
        return {
            branch: (digest, len(session.scalars(select(PublishedRuleRow).where(PublishedRuleRow.branch_id == branch))
                                 .all()))
            for branch, digest in books.items()
        }


def _one_rule() -> RuleSet:
    rules = load_rules()
    return RuleSet(rules.source, rules.rules[:1])


def test_db_upgrade_seeds_each_branch_without_a_rulebook_and_leaves_a_published_one_alone(pg_url, capsys):
    store = make_pg_store(pg_url)  # branch B1
    with store.write_session() as session:
        session.execute(insert(BranchRow.__table__), [{"id": "B2", "name": "Other", "timezone": "UTC"}])
    publish_files(store, ("B2",), _one_rule(), load_tiers(), "supervisor screen", AT)  # B2's own, smaller
    own = _published(store)["B2"]
    assert main.main(["--db", pg_url, "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "branch B1: cross-sell rulebook published" in out and "branch B2" not in out
    full = load_rules()
    assert _published(store) == {"B1": (rulebook_digest(full, load_tiers()), len(full.rules)), "B2": own}
    assert main.main(["--db", pg_url, "db", "upgrade"]) == 0  # again: nothing to seed
    assert "rulebook published" not in capsys.readouterr().out
    store.close()


def test_branch_init_publishes_the_new_branchs_rulebook(pg_url):
    store = open_store(pg_url)
    try:
        assert main.main(["--db", pg_url, "branch", "init", "--id", "SH01", "--name", "P", "--timezone", "UTC"]) == 0
        assert _published(store)["SH01"][1] == len(load_rules().rules)
    finally:
        store.close()


def test_the_supervisor_screen_publishes_at_its_start_only_what_changed_and_a_station_login_cannot(pg_url, caplog):
    store = make_pg_store(pg_url)
    publish_files(store, ("B1",), _one_rule(), load_tiers(), "supervisor screen", AT)
    started = publish_at_start(store, "B1", "supervisor screen", AT)
    assert started is not None and started.written and started.rules == len(load_rules().rules)
    again = publish_at_start(store, "B1", "supervisor screen", AT)
    assert again is not None and not again.written  # the same files: nothing written
    role = f"station_{uuid.uuid4().hex[:8]}"
    grant_station(store, role)
    station = open_store(make_url(pg_url).set(username=role))
    publish_files(store, ("B1",), _one_rule(), load_tiers(), "supervisor screen", AT)
    before = _published(store)
    try:
        with caplog.at_level(logging.WARNING):
            assert publish_at_start(station, "B1", "admin screen", AT) is None  # the screen starts anyway
    finally:
        station.close()
    assert "was not published" in caplog.text
    assert _published(store) == before
    store.close()


def test_db_upgrade_with_a_rule_file_it_refuses_upgrades_and_says_nothing_was_published(pg_url, tmp_path, capsys):
    store = make_pg_store(pg_url)
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "crosssell_rules.toml").write_text('[[rule]]\ncode = "x"\nproduct = "no_such_product"\n')
    try:
        assert main.main(["--config", str(folder), "--db", pg_url, "db", "upgrade"]) == 1
        err = capsys.readouterr().err
        assert "the cross-sell rulebook was not published" in err and "crosssell_rules.toml:1" in err
        assert _published(store) == {}
    finally:
        store.close()
