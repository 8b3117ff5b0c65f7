"""Cross-sell rules: loaded from TOML, conditions compiled with rule-engine (never eval), held by a RuleBook.

A rule file with an error is refused as a whole with its file, rule, line and reason; the RuleBook
keeps the last good rule set in force.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import rule_engine

from queueing.config_files import LANGUAGES
from queueing.customers import ProductKind
from queueing.errors import ConfigError
from queueing.profile_facts import FACT_TYPES

# What a rule may offer: every product kind, plus offers that are not a holding of their own.
EXTRA_OFFERS = frozenset(
    {"time_deposit_renewal", "loan_insurance", "merchant_services", "relationship_manager", "birthday_greeting"}
)
OFFERS = frozenset(k.value for k in ProductKind) | EXTRA_OFFERS
RISK_RATED_OFFERS = frozenset({ProductKind.WEALTH_PRODUCT.value, ProductKind.FUND.value})
RULE_KEYS = frozenset({"code", "product", "priority", "condition", "cooldown_days", "risk_level", "reason", "script"})


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    INTERESTED = "interested"  # creates a follow-up with a date
    DECLINED = "declined"  # starts the rule's cool-down for the product
    REFERRED = "referred"  # handed to a relationship manager
    NOT_OFFERED = "not_offered"


# An answered prompt starts the rule's cool-down for its product; "not offered" was never put to the customer.
COOL_DOWN_OUTCOMES = frozenset({Outcome.ACCEPTED, Outcome.INTERESTED, Outcome.DECLINED, Outcome.REFERRED})


class RuleFileError(ConfigError):
    """A rule file the branch cannot use; carries the file, the rule code (if known), the line and the reason."""

    def __init__(self, source: str, line: int | None, rule: str | None, reason: str) -> None:
        where = f"{source}:{line}" if line else source
        subject = f" rule {rule!r}:" if rule else ""
        super().__init__(f"{where}:{subject} {reason}")
        self.source, self.line, self.rule, self.reason = source, line, rule, reason


@dataclass(frozen=True)
class CrossSellRule:
    code: str
    product: str
    priority: int  # higher is shown first
    condition: str
    reasons: dict[str, str]
    scripts: dict[str, str]
    cooldown_days: int
    risk_level: int | None
    line: int
    order: int  # position in the file, the tie-breaker between equal priorities
    compiled: rule_engine.Rule = field(repr=False, compare=False)

    def matches(self, facts: dict[str, Any]) -> bool:
        return self.compiled.matches(facts)

    def reason(self, language: str = "en") -> str:
        return self.reasons.get(language) or self.reasons["en"]

    def script(self, language: str = "en") -> str:
        return self.scripts.get(language) or self.scripts["en"]


@dataclass(frozen=True)
class RuleSet:
    source: str
    rules: tuple[CrossSellRule, ...]  # best first

    def by_code(self, code: str) -> CrossSellRule | None:
        return next((r for r in self.rules if r.code == code), None)


def _context() -> rule_engine.Context:
    # Unknown symbols and type errors are caught when the rule compiles, not at the counter.
    return rule_engine.Context(type_resolver=FACT_TYPES, default_timezone="utc", mapping_attribute_lookup=False)


class _Locator:
    """Line numbers of rules and their keys (tomllib reports none for valid TOML)."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i + 1 for i, line in enumerate(self.lines) if line.strip().startswith("[[rule]]")]

    def line_of(self, index: int, key: str | None = None) -> int | None:
        if index >= len(self.headers):
            return None
        start = self.headers[index]
        if key is None:
            return start
        end = self.headers[index + 1] if index + 1 < len(self.headers) else len(self.lines) + 1
        pattern = re.compile(rf"^\s*({re.escape(key)}\s*[.=]|\[rule\.{re.escape(key)}\])")
        for number in range(start, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start


def _compile(condition: str) -> rule_engine.Rule:
    compiled = rule_engine.Rule(condition, context=_context())
    result_type = compiled.statement.expression.result_type
    if result_type not in (rule_engine.DataType.BOOLEAN, rule_engine.DataType.UNDEFINED):
        raise ValueError(f"condition must be true or false, it gives {result_type.name}")
    return compiled


def _texts(raw: dict[str, Any], key: str) -> dict[str, str]:
    texts = raw.get(key)
    if not isinstance(texts, dict):
        raise ValueError(f"'{key}' table is missing")
    missing = [lang for lang in LANGUAGES if not isinstance(texts.get(lang), str) or not texts[lang].strip()]
    if missing:
        raise ValueError(f"'{key}' missing for {', '.join(missing)}")
    return {lang: texts[lang].strip() for lang in LANGUAGES}


def _whole(raw: dict[str, Any], key: str, low: int, high: int, default: int | None = None) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"'{key}' must be a whole number from {low} to {high}, got {value!r}")
    return value


def _rule(raw: dict[str, Any], index: int, at: _Locator, source: str) -> CrossSellRule:
    code = raw.get("code") if isinstance(raw.get("code"), str) else None

    def fail(key: str | None, reason: str) -> RuleFileError:
        return RuleFileError(source, at.line_of(index, key), code, reason)

    if not code or not code.strip():
        raise fail(None, f"rule #{index + 1}: 'code' is missing or empty")
    unknown = sorted(set(raw) - RULE_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key {unknown[0]!r}")
    product = raw.get("product")
    if product not in OFFERS:
        raise fail("product", f"unknown product {product!r}")
    condition = raw.get("condition")
    if not isinstance(condition, str) or not condition.strip():
        raise fail("condition", "'condition' is missing or empty")
    try:
        compiled = _compile(condition)
    except (rule_engine.errors.EngineError, ValueError) as exc:
        raise fail("condition", f"bad condition: {getattr(exc, 'message', None) or exc}") from None
    checked: dict[str, Any] = {}
    for key, call in (
        ("priority", lambda: _whole(raw, "priority", 0, 1000)),
        ("cooldown_days", lambda: _whole(raw, "cooldown_days", 0, 3650, default=30)),
        ("reason", lambda: _texts(raw, "reason")),
        ("script", lambda: _texts(raw, "script")),
    ):
        try:
            checked[key] = call()
        except ValueError as exc:
            raise fail(key, str(exc)) from None
    risk_level = raw.get("risk_level")
    if risk_level is None and product in RISK_RATED_OFFERS:
        raise fail(None, f"'risk_level' (1-5) is required for {product}")
    if risk_level is not None:
        try:
            risk_level = _whole(raw, "risk_level", 1, 5)
        except ValueError as exc:
            raise fail("risk_level", str(exc)) from None
    return CrossSellRule(
        code=code,
        product=product,
        priority=checked["priority"],
        condition=condition.strip(),
        reasons=checked["reason"],
        scripts=checked["script"],
        cooldown_days=checked["cooldown_days"],
        risk_level=risk_level,
        line=at.line_of(index) or 0,
        order=index,
        compiled=compiled,
    )


def parse_rules(text: str, source: str = "<text>") -> RuleSet:
    """All rules of a file, best first; raises RuleFileError for the first problem found."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise RuleFileError(source, line, None, f"not valid TOML: {exc}") from None
    entries = raw.get("rule")
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(source, None, None, "no [[rule]] entries")
    at = _Locator(text)
    rules = [_rule(entry, index, at, source) for index, entry in enumerate(entries)]
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            raise RuleFileError(source, rule.line, rule.code, "rule code appears twice")
        seen.add(rule.code)
    rules.sort(key=lambda r: (-r.priority, r.order))
    return RuleSet(source=source, rules=tuple(rules))


def _line_from_message(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def default_rules_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "crosssell_rules.toml"


def load_rules(path: Path | str | None = None) -> RuleSet:
    file = Path(path) if path else default_rules_path()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(str(file), None, None, f"cannot read: {exc.strerror}") from None
    return parse_rules(text, str(file))


class RuleBook:
    """The rule set in force. ``reload`` swaps it only when the new file is valid, else raises and keeps the old."""

    def __init__(self, path: Path | str | None = None) -> None:
        self._lock = threading.Lock()
        self._path = Path(path) if path else default_rules_path()
        self._rules = load_rules(self._path)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def rules(self) -> RuleSet:
        return self._rules

    def reload(self, path: Path | str | None = None) -> RuleSet:
        """Load ``path`` (or the current file again); the supervisor may point to another file this way."""
        target = Path(path) if path else self._path
        fresh = load_rules(target)  # raises RuleFileError; nothing below runs then
        with self._lock:
            self._path, self._rules = target, fresh
        return fresh
