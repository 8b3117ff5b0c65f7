"""Conversion figures per rule, teller, tier and week, from the service to the CLI's CSV, XLSX and PDF."""

import secrets
from datetime import date, timedelta

import pytest
from customer_fixtures import BRANCH, KEY, SUPERVISOR, TELLER, TELLER2, add_customer, make_clock, make_store
from staff_sessions import add_accounts, credentials_file, session_of
from visits import serve

from models.customers.service import CustomerService
from models.marketing.crosssell_service import CrossSellService
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role
from queueing.crosssell.report import Dimension, Pitch, build_report, week_of
from queueing.crosssell.rules import Outcome, RuleBook

TODAY = date(2026, 11, 23)


def test_build_report_counts_and_rates():
    day = date(2026, 11, 23)
    pitches = [
        Pitch("r1", "T1", "gold", day, Outcome.ACCEPTED),
        Pitch("r1", "T1", "gold", day, Outcome.DECLINED),
        Pitch("r1", "T2", "standard", day + timedelta(days=7), Outcome.INTERESTED),
        Pitch("r2", "T2", None, day, Outcome.NOT_OFFERED),
        Pitch("r2", "T2", "gold", day + timedelta(days=40), Outcome.ACCEPTED),  # outside the period
    ]
    report = build_report(pitches, day, day + timedelta(days=13), {"standard": 0, "gold": 2})
    by_rule = {line.key: line for line in report.lines[Dimension.RULE]}
    assert (by_rule["r1"].offered, by_rule["r1"].accepted, by_rule["r1"].conversion) == (3, 1, 1 / 3)
    assert (by_rule["r2"].offered, by_rule["r2"].not_offered, by_rule["r2"].conversion) == (0, 1, None)
    assert [line.key for line in report.lines[Dimension.TIER]] == ["standard", "gold", "—"]
    assert [line.key for line in report.lines[Dimension.WEEK]] == ["2026-W48", "2026-W49"]
    assert [line.key for line in report.lines[Dimension.TELLER]] == ["T1", "T2"]  # most accepted first
    assert (report.total.offered, report.total.accepted, report.total.not_offered) == (3, 1, 1)
    with pytest.raises(ValueError):
        build_report(pitches, day, day - timedelta(days=1))
    assert week_of(date(2027, 1, 1)) == "2026-W53"


@pytest.fixture
def setup(tmp_path):
    store = make_store(tmp_path / "c.db")
    clock = make_clock()
    rules = RuleBook()
    customers = CustomerService(store, BRANCH, KEY, rulebook=rules, clock=clock, timezone="Asia/Shanghai")
    crosssell = CrossSellService(store, BRANCH, rules, clock=clock, timezone="Asia/Shanghai")
    yield store, clock, customers, crosssell
    store.close()


def test_the_tier_is_kept_with_each_pitch_and_days_are_local(setup):
    store, clock, customers, crosssell = setup
    rich = add_customer(store, family="张", given="三", id_number="110105198006151234", phone="13912345678",
                        holdings=(("demand_deposit", "salary_account", "150000", None, None),
                                  ("time_deposit", "td_12m", "900000", TODAY + timedelta(days=12), None)))
    plain = add_customer(store, family="Kim", given="Ann", id_number="800615-1234567", phone="01012345678",
                         holdings=(("demand_deposit", "salary_account", "8000", None, None),))
    for actor, cid, outcome in ((TELLER, rich, Outcome.ACCEPTED), (TELLER2, plain, Outcome.DECLINED)):
        visit = serve(store, actor, cid, clock)
        prompt = customers.open_profile(actor, cid, visit).prompts[0]
        crosssell.record_outcome(actor, cid, prompt, outcome, visit)
    tiers = {line.key: line for line in crosssell.report(SUPERVISOR, TODAY, TODAY).lines[Dimension.TIER]}
    rich_tier = customers.open_profile(SUPERVISOR, rich).tier_code
    plain_tier = customers.open_profile(SUPERVISOR, plain).tier_code
    assert rich_tier != plain_tier
    assert (tiers[rich_tier].accepted, tiers[plain_tier].declined) == (1, 1)
    # The clock is 09:00 in Shanghai (01:00 UTC): the pitches belong to the 23rd there, not the 22nd.
    assert crosssell.report(SUPERVISOR, TODAY - timedelta(days=1), TODAY - timedelta(days=1)).total.offered == 0
    with pytest.raises(PermissionDenied):
        crosssell.report(TELLER, TODAY, TODAY)
    with pytest.raises(DomainError, match="before it starts"):
        crosssell.report(SUPERVISOR, TODAY, TODAY - timedelta(days=1))


def test_cli_report_crosssell_for_a_simulated_month(tmp_path, capsys):
    from openpyxl import load_workbook

    import main
    from models.demo.customers import generate_customers
    from models.demo.pitches import simulate_pitches
    from models.store.database import open_store

    db = tmp_path / "month.db"
    store = open_store(str(db))
    key = secrets.token_bytes(32)
    try:
        generate_customers(store, "DEMO", key, 200, today=date(2026, 11, 1), seed=3)
        tellers = tuple(session_of("DEMO", t, Role.TELLER, "SIM") for t in ("T1001", "T1002", "T1003"))
        add_accounts(store, *tellers)
        who = credentials_file(store, "DEMO", tmp_path)
        run = simulate_pitches(store, "DEMO", key, tellers, 200, date(2026, 11, 2), 5, visits_per_day=20, seed=3)
    finally:
        store.close()
    assert run.visits == 100 and run.pitches > 50
    base = ["--db", str(db), "report", "crosssell", "--branch", "DEMO", "--from", "2026-11-01", "--to", "2026-11-30",
            "--as", who]
    for fmt, language in (("csv", "en"), ("xlsx", "es"), ("pdf", "zh_CN")):
        out = tmp_path / f"crosssell.{fmt}"
        assert main.main([*base, "--out", str(out), "--language", language]) == 0
        assert out.stat().st_size > 500
    summary = capsys.readouterr().out.splitlines()[0]
    assert f"{run.pitches} prompts offered" not in summary  # "not offered" ones are not counted as offered
    lines = (tmp_path / "crosssell.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Grouped by,Key,Offered,Interested,Accepted,Declined,Referred,Not offered,Conversion"
    assert any(line.startswith("Teller,T1001,") for line in lines) and lines[-1].startswith("Total,,")
    book = load_workbook(tmp_path / "crosssell.xlsx")
    assert book.sheetnames == ["Total general", "Regla", "Cajero", "Nivel", "Semana"]
    assert main.main([*base, "--out", str(tmp_path / "x.txt")]) == 2


@pytest.mark.parametrize(("zone", "local_hour"), [("America/Mexico_City", 19), ("Asia/Shanghai", 7)])
def test_a_pitch_late_or_early_in_the_branchs_day_counts_on_that_day(tmp_path, zone, local_hour):
    """A SQLite store compared a bound in the branch's zone as if its digits were UTC: in Mexico City the period
    ended at 18:00 on its last day, in Shanghai a day began at 08:00 (models/store/utc_datetime.py)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from queueing.core.clock import ManualClock

    store = make_store(tmp_path / "c.db")
    moment = datetime(2026, 11, 30, local_hour, 30, tzinfo=ZoneInfo(zone))
    clock = ManualClock(moment.astimezone(UTC))
    customers = CustomerService(store, BRANCH, KEY, rulebook=RuleBook(), clock=clock, timezone=zone)
    crosssell = CrossSellService(store, BRANCH, RuleBook(), clock=clock, timezone=zone)
    cid = add_customer(
        store, family="García", given="Ana", id_number="GAAA800615MDFRRN09", phone="5512345678",
        holdings=(("demand_deposit", "salary_account", "150000", None, None),),
    )  # fmt: skip
    visit = serve(store, TELLER, cid, clock)
    prompt = customers.open_profile(TELLER, cid, visit).prompts[0]
    crosssell.record_outcome(TELLER, cid, prompt, Outcome.ACCEPTED, visit)
    november = crosssell.report(SUPERVISOR, date(2026, 11, 1), date(2026, 11, 30))
    assert (november.total.offered, november.total.accepted) == (1, 1)
    last_day = crosssell.report(SUPERVISOR, date(2026, 11, 30), date(2026, 11, 30))
    assert last_day.total.accepted == 1
    december = crosssell.report(SUPERVISOR, date(2026, 12, 1), date(2026, 12, 31))
    assert december.total.offered == 0
