from queueing.core.transaction_types import load_catalogue
from ui.station.finish_dialog import ordered_types


def test_most_used_first_then_the_ticket_category_then_the_rest():
    catalogue = load_catalogue()
    codes = [t.code for t in ordered_types(catalogue, "FX", ["TRF_DOM", "CASH_DEP"])]
    assert codes[:2] == ["TRF_DOM", "CASH_DEP"]
    fx = [t.code for t in catalogue.for_category("FX") if t.code not in ("TRF_DOM", "CASH_DEP")]
    assert codes[2 : 2 + len(fx)] == fx
    assert sorted(codes) == sorted(catalogue.types)
