"""Transaction types: the business operations a teller records, with their weights.

A type's standard units (the piece-rate weight) follow a rule held in data:

    units = base x items + per_step x steps(measure beyond what the base includes)

``over`` names the measure the steps count:
- "none":   no steps; every item is worth ``base`` (an account opening: 1 each).
- "amount": the line's money amount; each item's base covers ``included`` of it,
            and each further ``step`` adds ``per_step`` (a cash deposit: 1, plus 1
            per further 10,000).
- "count":  the line's quantity is a head count handled as one batch; the base is
            paid once and each ``step`` of the count beyond ``included`` adds
            ``per_step`` (a payroll batch: 1 per 10 people, a started ten counting).

``rounding`` says how a part step counts: "down" (only whole steps), "up" (a
started step counts) or "exact" (pro rata). ``max_steps`` caps the steps of one
item (a counted batch is one item): the amount is typed by the teller at the
finish, and nothing else bounds what a slip of a zero would earn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from queueing.config.files import config_file, key_path, parse_config, read_text, refuse
from queueing.config.schemas.branch import TransactionTypesFile, UnitsTable

# A type without its own min_service_min: a visit under a tenth of the standard time is too short to be paid unseen.
DEFAULT_MIN_SHARE = 0.1


@dataclass(frozen=True)
class UnitRule:
    base: float
    per_step: float = 0.0
    step: float = 0.0
    over: str = "none"
    included: float = 0.0
    rounding: str = "down"
    max_steps: float | None = None  # per item; None: no cap

    def _steps(self, beyond: float, items: float) -> float:
        # Not "beyond <= 0": a NaN (a journal written before finish refused one) must earn nothing either.
        if self.over == "none" or self.step <= 0 or not 0 < beyond < math.inf:
            return 0.0
        ratio = beyond / self.step
        if self.rounding == "exact":
            steps = ratio
        else:
            # A tiny tolerance keeps 20,000.0000001 from counting as a started step.
            steps = float(math.ceil(ratio - 1e-9) if self.rounding == "up" else math.floor(ratio + 1e-9))
        return steps if self.max_steps is None else min(steps, self.max_steps * items)

    def units(self, quantity: float, amount: float | None = None) -> float:
        """Units of one transaction line of ``quantity`` items (and ``amount`` money)."""
        if not -math.inf < quantity < math.inf:
            return 0.0  # infinity or NaN, in a journal written before finish refused them
        if self.over == "count":
            return self.base + self.per_step * self._steps(quantity - self.included, 1.0)
        units = self.base * quantity
        if self.over == "amount" and amount is not None:
            units += self.per_step * self._steps(amount - self.included * quantity, max(quantity, 0.0))
        return units

    def items(self, quantity: float) -> float:
        """How many times the standard time applies: a counted batch is one item."""
        return 1.0 if self.over == "count" else quantity


@dataclass(frozen=True)
class TransactionType:
    code: str
    names: dict[str, str]
    rule: UnitRule
    # Time-limited-service target for one item, in seconds.
    standard_s: float
    categories: tuple[str, ...]
    # The shortest service of one item that earns units on its own (0: no minimum).
    min_service_s: float = 0.0

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]

    def units(self, quantity: float, amount: float | None = None) -> float:
        return self.rule.units(quantity, amount)

    def standard_for(self, quantity: float) -> float:
        """The standard time of a line of ``quantity`` items."""
        return self.standard_s * self.rule.items(quantity)

    def minimum_for(self, quantity: float) -> float:
        """The shortest service of a line of ``quantity`` items that earns units without review."""
        return self.min_service_s * self.rule.items(quantity)


@dataclass(frozen=True)
class TransactionCatalogue:
    types: dict[str, TransactionType]

    def get(self, code: str) -> TransactionType | None:
        return self.types.get(code)

    def for_category(self, category: str) -> list[TransactionType]:
        """The types a teller can pick when serving ``category`` (in file order)."""
        return [t for t in self.types.values() if category in t.categories]


def _rule(table: UnitsTable, source: str, where: str) -> UnitRule:
    if table.over == "none":
        extra = [k for k in ("per_step", "step", "included", "max_steps") if getattr(table, k) is not None]
        if extra:
            raise refuse(source, f"{where}.{extra[0]}", "needs over = 'amount' or 'count'")
        return UnitRule(base=table.base)
    for key in ("per_step", "step"):
        if getattr(table, key) is None:
            raise refuse(source, f"{where}.{key}", f"is required with over = {table.over!r}")
    return UnitRule(
        base=table.base,
        per_step=float(table.per_step or 0.0),
        step=float(table.step or 0.0),
        over=table.over,
        included=float(table.included or 0.0),
        rounding=table.rounding,
        max_steps=table.max_steps,
    )


def parse_catalogue(
    text: str, source: str = "<text>", known_categories: Iterable[str] | None = None
) -> TransactionCatalogue:
    """Read ``[[type]]`` entries; ``known_categories`` checks the category codes when given."""
    doc = parse_config(text, source, TransactionTypesFile)
    known = set(known_categories) if known_categories is not None else None
    types: dict[str, TransactionType] = {}
    for index, entry in enumerate(doc.type):
        where = key_path("type", index)
        if entry.code in types:
            raise refuse(source, f"{where}.code", f"transaction type {entry.code!r} appears twice")
        unknown = [c for c in entry.categories if known is not None and c not in known]
        if unknown:
            raise refuse(source, f"{where}.categories", f"unknown categories {', '.join(unknown)}")
        minimum = entry.standard_min * DEFAULT_MIN_SHARE if entry.min_service_min is None else entry.min_service_min
        if minimum > entry.standard_min:
            raise refuse(source, f"{where}.min_service_min", "must not be above standard_min")
        types[entry.code] = TransactionType(
            code=entry.code,
            names=entry.names.as_dict(),
            rule=_rule(entry.units, source, f"{where}.units"),
            standard_s=entry.standard_min * 60.0,
            categories=tuple(entry.categories),
            min_service_s=minimum * 60.0,
        )
    return TransactionCatalogue(types)


def default_catalogue_path() -> Path:
    return config_file("transaction_types.toml")


def load_catalogue(
    path: Path | str | None = None, known_categories: Iterable[str] | None = None
) -> TransactionCatalogue:
    file = Path(path) if path else default_catalogue_path()
    text = read_text(file)
    return parse_catalogue(text, str(file), known_categories)
