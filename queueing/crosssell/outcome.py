"""What became of a cross-sell prompt: kept apart from the rules (queueing/crosssell/rules.py), which load rule_engine.

rule_engine builds its parser on import (over a second); reports and queries that only
name an outcome need not pay for it at a station's start.
"""

from __future__ import annotations

from enum import StrEnum

from queueing.core.errors import DomainError


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    INTERESTED = "interested"  # creates a follow-up with a date
    DECLINED = "declined"  # starts the rule's cool-down for the product
    REFERRED = "referred"  # handed to a relationship manager
    NOT_OFFERED = "not_offered"


# An answered prompt starts the rule's cool-down for its product; "not offered" was never put to the customer.
COOL_DOWN_OUTCOMES = frozenset({Outcome.ACCEPTED, Outcome.INTERESTED, Outcome.DECLINED, Outcome.REFERRED})


class NotSuggested(DomainError):
    """An answer to a prompt the visit did not show: a rule no rule file holds, a product above the customer's risk
    rating, one already held or in its cool-down, or one past the visit's two best. It earns nothing and is refused."""

    code = "prompt_not_shown"


class RulesNotPublished(DomainError):
    """The branch server holds no published rulebook to judge an answer by (PostgreSQL, after an upgrade before the
    branch's files were published): nothing is recorded until ``db upgrade`` or the supervisor's screen publishes
    them (models/marketing/rulebook_publish.py)."""

    code = "rules_not_published"
