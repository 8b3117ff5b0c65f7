"""Many demo customers fast, for the look-up benchmark: a million in a minute or two, not a quarter of an hour.

models.demo.customers asks Faker for every customer (about 0.4 ms each before writing). Here Faker
fills small pools once (bench.bulk_numbers), numpy draws the other columns of a whole batch at once
(bench.bulk_holdings), and the rows go in with the driver's executemany, one transaction per batch,
with synchronous=OFF and a large page cache while building only; a second process draws the next batches
while this one writes. ID, card and phone numbers are unique, hashed with the branch key and masked
exactly as an import does (the same functions the look-up uses). SQLite only: values are written in
SQLAlchemy's SQLite storage formats.
"""

from __future__ import annotations

import hmac
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Connection, Table, func, select

from bench.bulk_holdings import HoldingColumns, draw_holdings
from bench.bulk_numbers import NumberSource
from models.customers.seal import CustomerSeal
from models.customers.tables import ComplaintRow, CustomerCardRow, CustomerRow, FollowUpRow, HoldingRow
from models.demo.customers import LOCALES, SAMPLES_KEPT, DemoResult, DemoSample
from models.store.database import Store
from models.store.tables import BranchRow
from models.store.upsert import insert_ignore
from queueing.customers.identity_keys import LookupKind
from queueing.customers.masking import mask_card_number, mask_id_number, mask_phone
from queueing.customers.profiles import Segment

BUILD_CACHE_KIB = 512 * 1024  # page cache while building: the hash indexes stay in memory
MIDNIGHT = " 00:00:00.000000"  # SQLAlchemy's SQLite DATETIME text for a date at 00:00
SEGMENTS = tuple(s.value for s in Segment)
SEGMENT_WEIGHTS = (0.85, 0.12, 0.03)
RISK_WEIGHTS = (0.25, 0.15, 0.25, 0.20, 0.10, 0.05)  # not assessed, 1 ... 5
NOTE_TEXTS = (
    "Asked about mortgage rates",
    "Wants a call before the deposit matures",
    "Interested in the pension plan",
    "Will bring documents for the loan",
)
COMPLAINT_CATEGORIES = ("fees", "waiting_time", "card", "staff")

CUSTOMER_COLUMNS = (
    "id", "branch_id", "customer_no", "name_sealed", "name_masked", "greeting", "id_hash", "id_masked",
    "phone_sealed", "phone_hash", "phone_masked", "birth_date", "segment", "risk_rating", "marketing_consent",
    "aum_prev_month_cents", "fx_transactions_90d",
)  # fmt: skip
CARD_COLUMNS = ("customer_id", "card_hash", "card_masked")
HOLDING_COLUMNS = ("customer_id", "kind", "product_code", "balance_cents", "opened_on", "matures_on", "risk_level")
NOTE_COLUMNS = ("branch_id", "customer_id", "staff_id", "channel", "at", "text", "next_action_on")
COMPLAINT_COLUMNS = ("customer_id", "opened_at", "category", "text", "status", "resolved_at")


_HASH_PREFIX = {kind: f"{kind.value}:".encode() for kind in LookupKind}


def fast_lookup_hash(branch_key: bytes, kind: LookupKind, normalized: str) -> str:
    """queueing.customers.identity_keys.lookup_hash for an already normalized value, in one C call."""
    return hmac.digest(branch_key, _HASH_PREFIX[kind] + normalized.encode(), "sha256").hex()


def _days_before(today: date, days: np.ndarray) -> list[str]:
    """'YYYY-MM-DD' (SQLite's DATE text) for ``today`` minus each number of days."""
    return np.datetime_as_string(np.datetime64(today, "D") - days.astype("timedelta64[D]")).tolist()


@dataclass
class _Rows:
    """One batch's rows, as tuples in the column orders above: what the filling process hands the writer."""

    customers: list[tuple]
    cards: list[tuple]
    holdings: list[tuple]
    notes: list[tuple]
    complaints: list[tuple]
    samples: list[tuple[int, DemoSample]]


class _Batch:
    """The rows of ``n`` customers with ids from ``first``, as tuples in the column orders above."""

    def __init__(self, numbers: NumberSource, rng: np.random.Generator, key: bytes, branch_id: str, today: date):
        self.numbers, self.rng, self.key, self.branch_id, self.today = numbers, rng, key, branch_id, today
        self.seal = CustomerSeal(key)
        self.customers: list[tuple] = []
        self.cards: list[tuple] = []
        self.holdings: list[tuple] = []
        self.notes: list[tuple] = []
        self.complaints: list[tuple] = []
        self.samples: list[tuple[int, DemoSample]] = []

    def rows(self) -> _Rows:
        return _Rows(self.customers, self.cards, self.holdings, self.notes, self.complaints, self.samples)

    def fill(self, first: int, n: int, is_sample: Callable[[int], bool]) -> None:
        rng = self.rng
        age_days = rng.integers(18 * 365 + 5, 88 * 365 + 1, n)
        segment = rng.choice(len(SEGMENTS), n, p=SEGMENT_WEIGHTS)
        holdings = draw_holdings(rng, segment != 0, age_days // 365)
        aum = holdings.asset_cents_per_owner(n)
        card_counts = np.where(rng.random(n) < 1 / 3, 2, 1)
        columns = zip(
            range(first, first + n),
            rng.integers(0, len(LOCALES), n).tolist(),
            _days_before(self.today, age_days),
            segment.tolist(),
            rng.choice(len(RISK_WEIGHTS), n, p=RISK_WEIGHTS).tolist(),
            (rng.random(n) < 0.75).tolist(),
            (aum * rng.uniform(0.8, 1.03, n)).astype(np.int64).tolist(),
            np.where(rng.random(n) < 0.15, rng.exponential(1 / 0.4, n).astype(np.int64), 0).tolist(),
            card_counts.tolist(),
            strict=True,
        )
        cards = iter(self.numbers.card_numbers(int(card_counts.sum())))
        for cid, locale, birth, seg, risk, consent, aum_prev, fx, card_count in columns:
            self._customer(cid, LOCALES[locale], birth, (SEGMENTS[seg], risk or None, int(consent), aum_prev, fx),
                           [next(cards) for _ in range(card_count)], is_sample(cid))  # fmt: skip
        self._holdings(first, holdings)
        self._notes_and_complaints(first, n)

    def _customer(self, cid: int, locale: str, birth: str, rest: tuple, cards: list[str], keep_sample: bool) -> None:
        """``rest``: segment, risk rating, consent, last month's AUM and FX transactions, as stored."""
        numbers, key = self.numbers, self.key
        family, given = numbers.name(locale)
        id_number, phone = numbers.id_number(locale, birth.replace("-", "")), numbers.phone(locale)
        customer_no = f"C{cid:09d}"
        sealed = self.seal.columns(self.branch_id, customer_no, family, given, phone.display)
        self.customers.append((
            cid, self.branch_id, customer_no, sealed["name_sealed"], sealed["name_masked"], sealed["greeting"],
            fast_lookup_hash(key, LookupKind.ID_NUMBER, id_number.normalized), mask_id_number(id_number.normalized),
            sealed["phone_sealed"], fast_lookup_hash(key, LookupKind.PHONE, phone.normalized),
            mask_phone(phone.normalized), birth, *rest,
        ))  # fmt: skip
        for number in cards:
            self.cards.append((cid, fast_lookup_hash(key, LookupKind.CARD_NUMBER, number), mask_card_number(number)))
        if keep_sample:
            self.samples.append((cid, DemoSample(customer_no, locale, id_number.display, cards[0], phone.display)))

    def _holdings(self, first: int, h: HoldingColumns) -> None:
        matures = [None if d is None else (self.today + timedelta(days=d)).isoformat() for d in h.matures_in_days]
        self.holdings = list(
            zip(
                (h.owner + first).tolist(),
                h.kind.tolist(),
                h.code.tolist(),
                h.cents.tolist(),
                _days_before(self.today, h.opened_days_ago),
                matures,
                h.risk_level.tolist(),
                strict=True,
            )
        )

    def _notes_and_complaints(self, first: int, n: int) -> None:
        rng, today = self.rng, self.today
        noted = np.flatnonzero(rng.random(n) < 0.05)
        at = _days_before(today, rng.integers(1, 61, len(noted)))
        next_on = _days_before(today, -rng.integers(-10, 21, len(noted)))
        texts = rng.integers(0, len(NOTE_TEXTS), len(noted)).tolist()
        for i, owner in enumerate(noted.tolist()):
            self.notes.append((self.branch_id, first + owner, "T1", "phone", at[i] + MIDNIGHT, NOTE_TEXTS[texts[i]],
                               next_on[i]))  # fmt: skip
        complained = np.flatnonzero(rng.random(n) < 0.02)
        opened = _days_before(today, rng.integers(1, 31, len(complained)))
        categories = rng.integers(0, len(COMPLAINT_CATEGORIES), len(complained)).tolist()
        for i, owner in enumerate(complained.tolist()):
            self.complaints.append((first + owner, opened[i] + MIDNIGHT, COMPLAINT_CATEGORIES[categories[i]],
                                    "Complaint recorded at the counter", "open", None))  # fmt: skip


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    missing = [name for name in columns if name not in table.c]
    if missing:
        raise ValueError(f"{table.name} has no column {', '.join(missing)}")
    return f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


@contextmanager
def _build_pragmas(conn: Connection):
    """No fsync and a large page cache on this connection while it builds; the store's settings after."""
    raw = conn.connection.driver_connection
    synchronous = raw.execute("PRAGMA synchronous").fetchone()[0]
    cache_size = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA synchronous={int(synchronous)}")
        raw.execute(f"PRAGMA cache_size={int(cache_size)}")


class _Filler:
    """Draws the batches, in order, from one stream of numbers and one generator: the same rows wherever it runs."""

    def __init__(self, seed: int | None, first: int, branch_key: bytes, branch_id: str, today: date, every: int):
        self.numbers = NumberSource(seed, stream=first)
        self.rng = np.random.default_rng(None if seed is None else [seed, first])
        self.key, self.branch_id, self.today, self.first, self.every = branch_key, branch_id, today, first, every

    def batch(self, start: int, n: int) -> _Rows:
        rows = _Batch(self.numbers, self.rng, self.key, self.branch_id, self.today)
        first, every = self.first, self.every
        rows.fill(first + start, n, lambda cid: (cid - first) % every == 0)
        return rows.rows()


_FILLER: _Filler | None = None  # the filling process's own


def _start_filler(*args: Any) -> None:
    global _FILLER
    _FILLER = _Filler(*args)


def _fill(start: int, n: int) -> _Rows:
    assert _FILLER is not None, "the filling process was started without its filler"
    return _FILLER.batch(start, n)


def _batches(filler_args: tuple, count: int, batch: int) -> Iterator[_Rows]:
    """The batches in order. With more than one, a process of their own draws them (two ahead at most) while
    this one writes: drawing and writing each take a core, where threads took turns with the interpreter's
    lock (binding a batch's parameters holds it as much as drawing the next does)."""
    starts = [(start, min(batch, count - start)) for start in range(0, count, batch)]
    if len(starts) <= 1:
        filler = _Filler(*filler_args)
        yield from (filler.batch(start, n) for start, n in starts)
        return
    # A fork: a spawned process would run the caller's script again to find its way here. The child only draws
    # numbers; the parent's open connections are left untouched there.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=_start_filler, initargs=filler_args) as drawer:
        ahead: deque[Future[_Rows]] = deque(drawer.submit(_fill, *job) for job in starts[:2])
        for job in starts[2:]:
            rows = ahead.popleft().result()
            ahead.append(drawer.submit(_fill, *job))
            yield rows
        while ahead:
            yield ahead.popleft().result()


def _write(conn: Connection, batch: _Rows) -> None:
    with conn.begin():
        for table, columns, rows in (
            (CustomerRow.__table__, CUSTOMER_COLUMNS, batch.customers),
            (CustomerCardRow.__table__, CARD_COLUMNS, batch.cards),
            (HoldingRow.__table__, HOLDING_COLUMNS, batch.holdings),
            (FollowUpRow.__table__, NOTE_COLUMNS, batch.notes),
            (ComplaintRow.__table__, COMPLAINT_COLUMNS, batch.complaints),
        ):
            if rows:
                conn.exec_driver_sql(_insert_sql(table, columns), rows)


def generate_bulk_customers(
    store: Store,
    branch_id: str,
    branch_key: bytes,
    count: int,
    *,
    today: date,
    seed: int | None = None,
    branch_name: str | None = None,
    batch: int = 50_000,
    samples: int = SAMPLES_KEPT,
    on_batch: Callable[[int], None] | None = None,
) -> DemoResult:
    """Add ``count`` customers to ``branch_id`` (a SQLite store), keeping ``samples`` spread evenly as DemoSamples.

    Numbers are unique within one call. The draws depend on ``seed`` and the first new id, so a seed
    repeats a store built from empty, and a second call appends customers with other numbers (not
    checked against those already stored). ``on_batch`` gets the number of customers written so far.
    """
    if store.dialect != "sqlite":
        raise ValueError(f"the bulk generator writes SQLite only, not {store.dialect}")
    started = time.perf_counter()
    sample_every = max(1, count // max(1, samples))
    with store.write_session() as session:
        branch = {"id": branch_id, "name": branch_name or branch_id, "timezone": "UTC"}
        insert_ignore(session, BranchRow.__table__, [branch], ["id"])
        first = (session.scalar(select(func.max(CustomerRow.id))) or 0) + 1
    filler_args = (seed, first, branch_key, branch_id, today, sample_every)
    customers = 0
    holdings = cards = 0
    kept: list[DemoSample] = []
    with store.engine.connect() as conn, _build_pragmas(conn):
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        for rows in _batches(filler_args, count, batch):
            _write(conn, rows)
            customers += len(rows.customers)
            holdings, cards = holdings + len(rows.holdings), cards + len(rows.cards)
            kept += [sample for _, sample in rows.samples][: samples - len(kept)]
            if on_batch is not None:
                on_batch(customers)
    return DemoResult(count, holdings, cards, time.perf_counter() - started, tuple(kept))
