"""Cross-sell rules: loaded from TOML, conditions compiled with rule-engine (never eval), held by a RuleBook.

A rule file with an error is refused as a whole with its file, rule, line and reason; the RuleBook
keeps the last good rule set in force.
"""

from __future__ import annotations

import re
import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rule_engine

from queueing.config.files import config_file, key_path, parse_config, read_text
from queueing.config.schemas.crosssell import CrossSellFile, RuleEntry
from queueing.core.errors import ConfigError
from queueing.crosssell.check import SAMPLE_CUSTOMERS, too_deep
from queueing.crosssell.offers import EXTRA_OFFERS, OFFERS, RISK_RATED_OFFERS  # noqa: F401 (named here too)
from queueing.crosssell.outcome import COOL_DOWN_OUTCOMES, Outcome  # noqa: F401 (named here too)
from queueing.customers.profile_facts import FACT_TYPES


class RuleFileError(ConfigError):
    """A rule file the branch cannot use; carries the file, the rule code (if known), the line and the reason."""

    def __init__(self, source: str, line: int | None, rule: str | None, reason: str, key: str = "") -> None:
        where = f"{source}:{line}" if line else source
        subject = f" rule {rule!r}:" if rule else ""
        keyed = f" {key}:" if key else ""
        super().__init__(f"{where}:{subject}{keyed} {reason}", file=source, key=key, reason=reason)
        self.source, self.line, self.rule = source, line, rule


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
    reason = too_deep(condition)
    if reason:
        raise ValueError(reason)
    try:
        compiled = rule_engine.Rule(condition, context=_context())
    except RecursionError:
        raise ValueError("condition nests too deeply") from None
    result_type = compiled.statement.expression.result_type
    if result_type not in (rule_engine.DataType.BOOLEAN, rule_engine.DataType.UNDEFINED):
        raise ValueError(f"condition must be true or false, it gives {result_type.name}")
    for sample in SAMPLE_CUSTOMERS:
        try:
            compiled.matches(sample)
        except (rule_engine.errors.EngineError, RecursionError) as exc:
            message = str(exc) or type(exc).__name__
            raise ValueError(f"fails on a sample customer ({message}); it would be skipped at the counter") from None
    return compiled


def _rule(entry: RuleEntry, index: int, at: _Locator, source: str) -> CrossSellRule:
    def fail(key: str | None, reason: str) -> RuleFileError:
        path = key_path("rule", index, key) if key else key_path("rule", index)
        return RuleFileError(source, at.line_of(index, key), entry.code, reason, path)

    if entry.product not in OFFERS:
        raise fail("product", f"unknown product {entry.product!r}")
    try:
        compiled = _compile(entry.condition)
    except (rule_engine.errors.EngineError, ValueError) as exc:
        raise fail("condition", f"bad condition: {getattr(exc, 'message', None) or exc}") from None
    if entry.risk_level is None and entry.product in RISK_RATED_OFFERS:
        raise fail(None, f"'risk_level' (1-5) is required for {entry.product}")
    return CrossSellRule(
        code=entry.code,
        product=entry.product,
        priority=entry.priority,
        condition=entry.condition.strip(),
        reasons={lang: text.strip() for lang, text in entry.reason.as_dict().items()},
        scripts={lang: text.strip() for lang, text in entry.script.as_dict().items()},
        cooldown_days=entry.cooldown_days,
        risk_level=entry.risk_level,
        line=at.line_of(index) or 0,
        order=index,
        compiled=compiled,
    )


def parse_rules(text: str, source: str = "<text>") -> RuleSet:
    """All rules of a file, best first; raises RuleFileError for the first problem found."""
    at = _Locator(text)
    try:
        doc = parse_config(text, source, CrossSellFile)
    except ConfigError as exc:
        raise _located(exc, text, at, source) from None
    rules = [_rule(entry, index, at, source) for index, entry in enumerate(doc.rule)]
    seen: set[str] = set()
    for rule in rules:
        if rule.code in seen:
            raise RuleFileError(source, rule.line, rule.code, "rule code appears twice", key_path("rule", rule.order))
        seen.add(rule.code)
    rules.sort(key=lambda r: (-r.priority, r.order))
    return RuleSet(source=source, rules=tuple(rules))


def _located(exc: ConfigError, text: str, at: _Locator, source: str) -> RuleFileError:
    """The loader's error with the line and the code of the rule it names (tomllib names the line itself)."""
    found = re.match(r"^rule\[(\d+)\](?:\.(\w+))?", exc.key)
    if not found:
        return RuleFileError(source, _line_from_message(exc.reason), None, exc.reason, exc.key)
    index = int(found[1])
    entry = tomllib.loads(text)["rule"][index]  # valid TOML: the schema, not the parser, refused it
    code = entry.get("code") if isinstance(entry, dict) and isinstance(entry.get("code"), str) else None
    return RuleFileError(source, at.line_of(index, found[2]), code, exc.reason, exc.key)


def _line_from_message(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def default_rules_path() -> Path:
    return config_file("crosssell_rules.toml")


def load_rules(path: Path | str | None = None) -> RuleSet:
    file = Path(path) if path else default_rules_path()
    try:
        text = read_text(file)
    except ConfigError as exc:
        raise RuleFileError(str(file), None, None, exc.reason) from None
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
