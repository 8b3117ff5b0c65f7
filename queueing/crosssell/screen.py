"""Which cross-sell prompts a customer gets today: every rule screened, at most two prompts, best first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

import rule_engine

from queueing.crosssell.rules import CrossSellRule, RuleSet
from queueing.customers.profiles import Customer

MAX_PROMPTS_PER_VISIT = 2


class Suppression(StrEnum):
    NO_CONSENT = "no_consent"  # the customer opted out of marketing
    ALREADY_HELD = "already_held"
    COOL_DOWN = "cool_down"  # answered recently (accepted, interested, declined or referred)
    RISK_TOO_HIGH = "risk_too_high"  # product risk above the customer's rating (or no rating)
    NOT_MATCHED = "not_matched"  # the condition is false
    EVALUATION_ERROR = "evaluation_error"  # the condition failed on this profile
    OVER_LIMIT = "over_limit"  # matched, but two better prompts come first


@dataclass(frozen=True)
class Decline:
    """An answered prompt: the product may not be offered again within the rule's cool-down."""

    product: str
    rule_code: str
    on: date


@dataclass(frozen=True)
class Prompt:
    rule_code: str
    product: str
    priority: int
    reasons: dict[str, str]
    scripts: dict[str, str]
    risk_level: int | None

    def reason(self, language: str = "en") -> str:
        return self.reasons.get(language) or self.reasons["en"]

    def script(self, language: str = "en") -> str:
        return self.scripts.get(language) or self.scripts["en"]


@dataclass(frozen=True)
class Screening:
    rule: CrossSellRule
    suppression: Suppression | None  # None: prompt shown

    @property
    def shown(self) -> bool:
        return self.suppression is None


def _held(rule: CrossSellRule, facts: dict[str, Any]) -> bool:
    return rule.product in facts["kinds"] or rule.product in facts["product_codes"]


def _cooling_down(rule: CrossSellRule, declines: tuple[Decline, ...], today: date) -> bool:
    return any(d.product == rule.product and (today - d.on).days < rule.cooldown_days for d in declines)


def _too_risky(rule: CrossSellRule, customer: Customer) -> bool:
    if rule.risk_level is None:
        return False
    return customer.risk_rating is None or rule.risk_level > customer.risk_rating


def _suppression(
    rule: CrossSellRule, customer: Customer, facts: dict[str, Any], declines: tuple[Decline, ...], today: date
) -> Suppression | None:
    if not customer.marketing_consent:
        return Suppression.NO_CONSENT
    if _held(rule, facts):
        return Suppression.ALREADY_HELD
    if _cooling_down(rule, declines, today):
        return Suppression.COOL_DOWN
    if _too_risky(rule, customer):
        return Suppression.RISK_TOO_HIGH
    try:
        matched = rule.matches(facts)
    except rule_engine.errors.EngineError:
        return Suppression.EVALUATION_ERROR
    return None if matched else Suppression.NOT_MATCHED


def screen(
    rules: RuleSet,
    customer: Customer,
    facts: dict[str, Any],
    today: date,
    declines: tuple[Decline, ...] = (),
    limit: int = MAX_PROMPTS_PER_VISIT,
) -> tuple[Screening, ...]:
    """Every rule with the reason it is suppressed (or None when shown), best first."""
    results: list[Screening] = []
    shown = 0
    for rule in rules.rules:
        reason = _suppression(rule, customer, facts, declines, today)
        if reason is None:
            if shown >= limit:
                reason = Suppression.OVER_LIMIT
            else:
                shown += 1
        results.append(Screening(rule, reason))
    return tuple(results)


def to_prompt(rule: CrossSellRule) -> Prompt:
    return Prompt(
        rule_code=rule.code,
        product=rule.product,
        priority=rule.priority,
        reasons=dict(rule.reasons),
        scripts=dict(rule.scripts),
        risk_level=rule.risk_level,
    )


def select_prompts(
    rules: RuleSet,
    customer: Customer,
    facts: dict[str, Any],
    today: date,
    declines: tuple[Decline, ...] = (),
    limit: int = MAX_PROMPTS_PER_VISIT,
) -> tuple[Prompt, ...]:
    """At most ``limit`` prompts for this visit, best first."""
    if not customer.marketing_consent:
        return ()
    return tuple(to_prompt(s.rule) for s in screen(rules, customer, facts, today, declines, limit) if s.shown)
