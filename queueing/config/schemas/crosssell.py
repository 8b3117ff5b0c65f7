"""Schema of crosssell_rules.toml; the condition itself is compiled and tried in queueing.crosssell.rules."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from queueing.config.schemas.common import Code, Names, Table, form

# Far longer than any rule a branch writes; a longer one is a mistake or an attack on the parser.
MAX_CONDITION_CHARS = 2000


class RuleEntry(Table):
    code: Code
    product: Annotated[str, form(r"^[a-z_]{1,40}$", "a product code in small letters")]
    priority: Annotated[int, Meta(ge=0, le=1000)]
    condition: Annotated[str, form(r"\S", "text that is not blank", max_length=MAX_CONDITION_CHARS)]
    reason: Names
    script: Names
    cooldown_days: Annotated[int, Meta(ge=0, le=3650)] = 30
    risk_level: Annotated[int, Meta(ge=1, le=5)] | None = None


class CrossSellFile(Table):
    rule: Annotated[list[RuleEntry], Meta(min_length=1, max_length=500)]
