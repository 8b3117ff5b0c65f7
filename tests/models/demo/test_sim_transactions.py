"""simulate --db records the branch's transaction types, so a simulated store's piece-rate report has units and pay."""

from dataclasses import replace

from staff_sessions import credentials_file

import main
from models.cli.simulate_run import with_transaction_mix
from models.store.database import open_store
from queueing.core.transaction_types import load_catalogue
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate


def test_the_mix_draws_each_categorys_own_types_and_leaves_the_queue_as_it_was():
    spec = load_scenario("resources/scenarios/city_weekday.toml")
    mixed = with_transaction_mix(spec)
    catalogue = load_catalogue()
    assert set(mixed.transaction_mix) == set(spec.config.categories)
    for category, codes in mixed.transaction_mix.items():
        assert codes and all(category in catalogue.get(code).categories for code in codes)
    one_day = replace(spec, days=1)
    plain = simulate(one_day, seed=3, estimates=False)
    typed = simulate(with_transaction_mix(one_day), seed=3, estimates=False)
    assert [c.wait_s for c in plain.customers] == [c.wait_s for c in typed.customers]
    finished = [e for e in typed.events if e.type == "service_finished"]
    codes = {line["code"] for e in finished for line in e.payload["transactions"]}
    assert codes and codes <= set(catalogue.types) and len(codes) > 5


def test_a_simulated_store_has_units_and_pay(tmp_path, capsys):
    db = tmp_path / "sim.db"
    scenario = ["simulate", "--scenario", "resources/scenarios/city_weekday.toml", "--days", "1", "--seed", "2"]
    assert main.main([*scenario, "--db", str(db), "--branch", "SIM"]) == 0
    capsys.readouterr()
    store = open_store(str(db))
    try:  # the report is asked for by a signed-in supervisor of the simulated branch
        who = credentials_file(store, "SIM", tmp_path)
    finally:
        store.close()
    out = tmp_path / "piece.csv"
    argv = ["--db", str(db), "report", "piece-rate", "--branch", "SIM", "--from", "2026-11-23", "--to", "2026-11-23",
            "--as", who]
    assert main.main([*argv, "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    visits = int(summary.split(" visits")[0].split()[-1])
    units = float(summary.split(" net units")[0].split()[-1])
    pay = float(summary.split("pay ")[1].split()[0])
    assert visits > 200 and units > visits * 0.5 and pay > 0, summary
    # In another language the workbook's sheet names are translated too.
    from openpyxl import load_workbook

    book_path = tmp_path / "piece.xlsx"
    assert main.main([*argv, "--out", str(book_path), "--language", "es"]) == 0
    book = load_workbook(book_path)
    assert book.sheetnames == ["Cajeros", "Unidades por tipo"]
    names = {row[3].value for row in book["Unidades por tipo"].iter_rows(min_row=2)}
    assert "Depósito en efectivo" in names, names
