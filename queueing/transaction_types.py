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
started step counts) or "exact" (pro rata).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from queueing.config_files import localized_names, parse_toml, read_text
from queueing.errors import ConfigError

MEASURES = ("none", "amount", "count")
ROUNDINGS = ("down", "up", "exact")


@dataclass(frozen=True)
class UnitRule:
    base: float
    per_step: float = 0.0
    step: float = 0.0
    over: str = "none"
    included: float = 0.0
    rounding: str = "down"

    def _steps(self, beyond: float) -> float:
        if self.over == "none" or self.step <= 0 or beyond <= 0:
            return 0.0
        ratio = beyond / self.step
        if self.rounding == "exact":
            return ratio
        # A tiny tolerance keeps 20,000.0000001 from counting as a started step.
        return float(math.ceil(ratio - 1e-9) if self.rounding == "up" else math.floor(ratio + 1e-9))

    def units(self, quantity: float, amount: float | None = None) -> float:
        """Units of one transaction line of ``quantity`` items (and ``amount`` money)."""
        if self.over == "count":
            return self.base + self.per_step * self._steps(quantity - self.included)
        units = self.base * quantity
        if self.over == "amount" and amount is not None:
            units += self.per_step * self._steps(amount - self.included * quantity)
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

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]

    def units(self, quantity: float, amount: float | None = None) -> float:
        return self.rule.units(quantity, amount)

    def standard_for(self, quantity: float) -> float:
        """The standard time of a line of ``quantity`` items."""
        return self.standard_s * self.rule.items(quantity)


@dataclass(frozen=True)
class TransactionCatalogue:
    types: dict[str, TransactionType]

    def get(self, code: str) -> TransactionType | None:
        return self.types.get(code)

    def for_category(self, category: str) -> list[TransactionType]:
        """The types a teller can pick when serving ``category`` (in file order)."""
        return [t for t in self.types.values() if category in t.categories]


def _number(raw: dict[str, Any], key: str, where: str, default: float | None = None, positive: bool = False) -> float:
    value = raw.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0 or (positive and value == 0):
        kind = "a positive number" if positive else "a number >= 0"
        raise ConfigError(f"{where}: '{key}' must be {kind}, got {value!r}")
    return float(value)


def _rule(raw: Any, where: str) -> UnitRule:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'units' table is missing")
    over = raw.get("over", "none")
    if over not in MEASURES:
        raise ConfigError(f"{where}: units 'over' must be one of {', '.join(MEASURES)}, got {over!r}")
    rounding = raw.get("rounding", "down")
    if rounding not in ROUNDINGS:
        raise ConfigError(f"{where}: units 'rounding' must be one of {', '.join(ROUNDINGS)}, got {rounding!r}")
    base = _number(raw, "base", where)
    if over == "none":
        extra = sorted(set(raw) & {"per_step", "step", "included"})
        if extra:
            raise ConfigError(f"{where}: units {', '.join(extra)} need over = 'amount' or 'count'")
        return UnitRule(base=base)
    return UnitRule(
        base=base,
        per_step=_number(raw, "per_step", where),
        step=_number(raw, "step", where, positive=True),
        over=over,
        included=_number(raw, "included", where, default=0),
        rounding=rounding,
    )


def _type(raw: dict[str, Any], where: str, known_categories: set[str] | None) -> TransactionType:
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise ConfigError(f"{where}: 'code' is missing or empty")
    where = f"{where} ({code})"
    names = localized_names(raw, where)
    categories = raw.get("categories")
    if not isinstance(categories, list) or not categories or not all(isinstance(c, str) for c in categories):
        raise ConfigError(f"{where}: 'categories' must be a non-empty list of category codes")
    if known_categories is not None:
        unknown = [c for c in categories if c not in known_categories]
        if unknown:
            raise ConfigError(f"{where}: unknown categories {', '.join(unknown)}")
    return TransactionType(
        code=code,
        names=names,
        rule=_rule(raw.get("units"), where),
        standard_s=_number(raw, "standard_min", where, positive=True) * 60.0,
        categories=tuple(categories),
    )


def parse_catalogue(
    text: str, source: str = "<text>", known_categories: Iterable[str] | None = None
) -> TransactionCatalogue:
    """Read ``[[type]]`` entries; ``known_categories`` checks the category codes when given."""
    raw = parse_toml(text, source)
    entries = raw.get("type")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{source}: no [[type]] entries")
    known = set(known_categories) if known_categories is not None else None
    types: dict[str, TransactionType] = {}
    for index, entry in enumerate(entries, start=1):
        kind = _type(entry, f"{source}: type #{index}", known)
        if kind.code in types:
            raise ConfigError(f"{source}: transaction type {kind.code!r} appears twice")
        types[kind.code] = kind
    return TransactionCatalogue(types)


def default_catalogue_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "transaction_types.toml"


def load_catalogue(
    path: Path | str | None = None, known_categories: Iterable[str] | None = None
) -> TransactionCatalogue:
    file = Path(path) if path else default_catalogue_path()
    text = read_text(file)
    return parse_catalogue(text, str(file), known_categories)
