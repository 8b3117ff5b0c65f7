"""A Tally's totals do not depend on the order visits come in, and a line set's visits counted at once
(``add_group``, the store's way) give what counting them one by one (``add_lines``) gives."""

import random
from math import fsum

from queueing.core.transaction_types import load_catalogue
from queueing.records.output_tally import PricedLines, Tally, _copies
from queueing.records.visits import price_lines

CATALOGUE = load_catalogue()
# A big service time among small ones: added one after another in float, their total depends on the order.
TIMES = [7_200.001, *(0.1 * k + 0.001 for k in range(1, 40)), 0.3, 0.7, 19.999, 600.5, 1e6 + 0.1]
LINE_SETS = [
    [{"code": "CASH_DEP", "quantity": 1, "amount": 35_000}],
    [{"code": "ACCT_OPEN", "quantity": 1}, {"code": "ENQUIRY", "quantity": 1}],
    [{"code": "TRF_DOM", "quantity": 3, "amount": 12_345.67}],
    [{"code": "NOT_A_CODE", "quantity": 2}],
]


def _visits(seed: int):
    rng = random.Random(seed)
    return [(rng.choice(TIMES), rng.randrange(len(LINE_SETS)), rng.choice((None, 1, 4, 5))) for _ in range(400)]


def _one_by_one(visits) -> Tally:
    tally = Tally()
    for service_s, lines, rating in visits:
        tally.add_lines(service_s, price_lines(LINE_SETS[lines], CATALOGUE), rating)
    return tally


def _in_float(values) -> float:
    total = 0.0
    for value in values:
        total += value
    return total


def _shuffled(visits, seed: int):
    shuffled = visits[:]
    random.Random(seed).shuffle(shuffled)
    return shuffled


def test_the_times_are_order_sensitive_in_plain_float_sums():
    visits = _visits(1)
    times = [s for s, _, _ in visits]
    # else the tests below would prove nothing
    assert _in_float(times) != _in_float(s for s, _, _ in _shuffled(visits, 2))


def test_the_totals_do_not_depend_on_the_order():
    visits = _visits(1)
    first, second = _one_by_one(visits), _one_by_one(_shuffled(visits, 2))
    assert first.output(3600.0, 0) == second.output(3600.0, 0)
    assert fsum(first.service) == fsum(second.service)


def test_a_line_set_counted_at_once_equals_its_visits_one_by_one():
    visits = _visits(3)
    grouped = Tally()
    for index, raw in enumerate(LINE_SETS):
        priced = PricedLines(price_lines(raw, CATALOGUE))
        mine = [v for v in visits if v[1] == index]
        grouped.add_group([s for s, _, _ in mine], priced)
        rated = [r for _, _, r in mine if r is not None]
        grouped.add_ratings(sum(rated), len(rated))
    expected = _one_by_one(visits)
    assert grouped.output(3600.0, 0) == expected.output(3600.0, 0)
    assert grouped.short_pending == expected.short_pending > 0  # the 0.3 s and 0.7 s deposits are short


def test_merged_tallies_total_what_one_tally_of_every_visit_gives():
    visits = _visits(4)
    parts = [_one_by_one(visits[i::3]) for i in range(3)]
    merged = Tally()
    for part in parts:
        merged.merge(part)
    assert merged.output(1.0, 0) == _one_by_one(visits).output(1.0, 0)


def test_copies_sum_exactly_like_the_copies_themselves():
    rng = random.Random(5)
    for _ in range(2_000):
        value = rng.choice((0.1, 1 / 3, 180.0, 0.5, rng.uniform(0, 1e4), rng.uniform(-3, 3), 0.0))
        count = rng.randrange(0, 3_000)
        others = [rng.uniform(0, 100) for _ in range(3)]
        assert fsum([*others, *_copies(value, count)]) == fsum(others + [value] * count)


def test_a_report_from_the_visits_in_another_order_is_the_same_report():
    from datetime import UTC, date, datetime, timedelta

    from queueing.records.visits import VisitRecord
    from queueing.reports.piece_rate import load_scheme
    from queueing.reports.piece_rate_report import ReportPeriod, build_report

    records = []
    for n, (service_s, lines, rating) in enumerate(_visits(6)):
        finished = datetime(2026, 11, 2, 1, 0, tzinfo=UTC) + timedelta(minutes=n)
        records.append(
            VisitRecord(
                f"v{n}", f"A{n:03d}", "CASH", "regular", "C1", "ST", f"T{n % 3}", None, None, None, finished,
                finished.date(), 0.0, service_s, price_lines(LINE_SETS[lines], CATALOGUE), "completed", rating,
            )  # fmt: skip
        )
    period, scheme = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30), "UTC"), load_scheme()
    for teller in ("T0", "T1", "T2"):  # the precondition, per teller: their serving time is order-sensitive
        times = [r.service_s for r in records if r.teller == teller]
        assert _in_float(times) != _in_float(reversed(times))
    assert build_report(records, period, scheme) == build_report(list(reversed(records)), period, scheme)
