"""The answer's screen inside the server's outcome function (PostgreSQL), against the branch's published rulebook.

A station's login may call ``counterline_record_outcome`` without the service, naming any rule and product; the
piece rate pays per accepted answer. So the function judges the answer by the rulebook the branch published
(models/marketing/rulebook_publish.py) as the service judges it by the rule file (CrossSellService.
_check_suggested): the rule must be in the rulebook and offer that product; the customer must not hold the
product, nor be rated below its risk, nor have answered it within its cool-down (this visit's own answers left
out, as the profile leaves them out: a transferred, parked or reopened visit answers what it showed); and one
visit answers at most MAX_PROMPTS_PER_VISIT rules, as many as it can show. The rule's condition and the order
of the prompts stay with the service (rule_engine has no SQL); the cap bounds what a forged call can claim.

A refusal raises one of the SQLSTATEs below (class ``RB``, implementation-defined, used by nothing else), with
the rule and product quoted as JSON strings (a hostile code's quotes, newlines and length do not reach the log as
they were). Each snippet needs ``v_rule`` (crosssell_rulebook_rule), ``v_book`` (crosssell_rulebook), ``v_zone``
(text) and ``v_today`` (date) declared.
"""

from __future__ import annotations

from queueing.crosssell.outcome import COOL_DOWN_OUTCOMES
from queueing.crosssell.screen import MAX_PROMPTS_PER_VISIT

RULEBOOK_MISSING = "RB001"  # the branch published no rulebook: nothing to judge an answer by
NOT_IN_RULEBOOK = "RB002"  # no such rule, or the rule offers another product
NOT_SUGGESTED = "RB003"  # the rule exists, but the profile would not have shown it in this visit
REFUSALS = frozenset({RULEBOOK_MISSING, NOT_IN_RULEBOOK, NOT_SUGGESTED})
_COOL_DOWN = ", ".join(f"'{o.value}'" for o in sorted(COOL_DOWN_OUTCOMES))
_QUOTED_CHARS = 80

SCREEN_ANSWER = f"""
    SELECT * INTO v_book FROM crosssell_rulebook WHERE branch_id = p_branch;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'branch % has no cross-sell rulebook published: no answer is recorded', to_json(p_branch)
              USING ERRCODE = '{RULEBOOK_MISSING}';
    END IF;
    SELECT * INTO v_rule FROM crosssell_rulebook_rule WHERE branch_id = p_branch AND code = p_rule;
    IF NOT FOUND OR v_rule.product IS DISTINCT FROM p_product THEN
        RAISE EXCEPTION 'no cross-sell rule % offering % in the rulebook of branch %',
              to_json(left(p_rule, {_QUOTED_CHARS})), to_json(left(p_product, {_QUOTED_CHARS})), to_json(p_branch)
              USING ERRCODE = '{NOT_IN_RULEBOOK}';
    END IF;
    IF EXISTS (SELECT 1 FROM holding WHERE customer_id = p_customer
                AND (kind = v_rule.product OR product_code = v_rule.product)) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: customer % holds %', to_json(p_rule), p_customer,
              to_json(v_rule.product) USING ERRCODE = '{NOT_SUGGESTED}';
    END IF;
    IF v_rule.risk_level IS NOT NULL
       AND v_rule.risk_level > COALESCE((SELECT risk_rating FROM customer WHERE id = p_customer), 0) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: % is above the risk rating of customer %',
              to_json(p_rule), to_json(v_rule.product), p_customer USING ERRCODE = '{NOT_SUGGESTED}';
    END IF;
    -- The branch's calendar day, by the server's clock or the caller's if earlier: a station's clock set ahead
    -- does not end a cool-down early.
    SELECT COALESCE(timezone, 'UTC') INTO v_zone FROM branch WHERE id = p_branch;
    v_today := (LEAST(p_at, now()) AT TIME ZONE COALESCE(v_zone, 'UTC'))::date;
    IF EXISTS (SELECT 1 FROM crosssell_outcome o
                WHERE o.customer_id = p_customer AND o.product = v_rule.product AND o.outcome IN ({_COOL_DOWN})
                  AND (p_ticket IS NULL OR o.ticket_id IS NULL OR o.ticket_id <> p_ticket)
                  AND v_today - (o.at AT TIME ZONE COALESCE(v_zone, 'UTC'))::date < v_rule.cooldown_days) THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: customer % answered % within its cool-down',
              to_json(p_rule), p_customer, to_json(v_rule.product) USING ERRCODE = '{NOT_SUGGESTED}';
    END IF;
    IF p_ticket IS NOT NULL AND (
        SELECT count(DISTINCT o.rule_code) FROM crosssell_outcome o
         WHERE o.branch_id = p_branch AND o.ticket_id = p_ticket AND o.customer_id = p_customer
    ) >= {MAX_PROMPTS_PER_VISIT} THEN
        RAISE EXCEPTION 'cross-sell rule % was not suggested: visit % answered the % prompts a visit shows',
              to_json(p_rule), to_json(p_ticket), {MAX_PROMPTS_PER_VISIT} USING ERRCODE = '{NOT_SUGGESTED}';
    END IF;
"""

# The customer's tier from the holdings, by the published thresholds and non-asset kinds (the caller's are not
# taken: the conversion report counts by tier). Needs ``v_aum`` (bigint) and ``v_tier`` (text).
PUBLISHED_TIER = """
    SELECT COALESCE(sum(balance_cents) FILTER (
               WHERE kind <> ALL (string_to_array(v_book.non_asset_kinds, ','))), 0) INTO v_aum
      FROM holding WHERE customer_id = p_customer;
    SELECT code INTO v_tier FROM crosssell_rulebook_tier
     WHERE branch_id = p_branch AND min_aum_cents <= v_aum ORDER BY min_aum_cents DESC LIMIT 1;
    IF v_tier IS NULL THEN  -- below the lowest threshold (a negative balance): the lowest tier, as tier_for
        SELECT code INTO v_tier FROM crosssell_rulebook_tier WHERE branch_id = p_branch ORDER BY rank LIMIT 1;
    END IF;
"""
