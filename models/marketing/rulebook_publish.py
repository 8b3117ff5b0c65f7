"""Publish the branch's rulebook and tiers to its store, so the server judges answers as the stations screen them.

The server's outcome function (models/customers/station_writes_pg.py) refuses an answer to a rule the published
rulebook does not hold, or to a product its rule does not offer, and screens it as the profile did (held, risk,
cool-down); the tier it keeps with the answer comes from the published thresholds. Only PostgreSQL reads the copy:
on SQLite the service itself screens every answer against the rule file (CrossSellService._check_suggested).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from models.marketing.rulebook_tables import PublishedRulebookRow, PublishedRuleRow, PublishedTierRow
from models.store.database import Store
from models.store.tables import BranchRow
from queueing.core.errors import ConfigError
from queueing.crosssell.rules import RuleSet, load_rules
from queueing.customers.profiles import NON_ASSET_KINDS
from queueing.customers.tiers import TierTable, load_tiers

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Published:
    branch_id: str
    written: bool  # False: the store held this very rulebook already (or, ``only_if_none``, another one)
    rules: int
    digest: str


def _content(rules: RuleSet, tiers: TierTable) -> dict[str, list]:
    """What the server judges by: nothing of a rule's wording or condition (those stay with the screen)."""
    return {
        "rules": sorted([r.code, r.product, r.risk_level, r.cooldown_days] for r in rules.rules),
        "tiers": [[t.code, t.rank, int(t.min_aum * 100)] for t in tiers.tiers],
        "non_asset": sorted(kind.value for kind in NON_ASSET_KINDS),
    }


def rulebook_digest(rules: RuleSet, tiers: TierTable) -> str:
    text = json.dumps(_content(rules, tiers), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def publish_rulebook(
    session: Session, branch_id: str, rules: RuleSet, tiers: TierTable, by: str, at: datetime,
    only_if_none: bool = False,
) -> Published:  # fmt: skip
    """Replace the branch's published rulebook and tiers with ``rules`` and ``tiers`` (in ``session``'s
    transaction). ``only_if_none``: leave a branch that has one alone (a seed, not the branch's own files)."""
    digest = rulebook_digest(rules, tiers)
    # The header row's lock orders two publishers of one branch (two supervisors' screens starting at once).
    held = session.execute(
        select(PublishedRulebookRow.digest).where(PublishedRulebookRow.branch_id == branch_id).with_for_update()
    ).scalar_one_or_none()
    if held is not None and (held == digest or only_if_none):
        return Published(branch_id, False, len(rules.rules), held)
    content = _content(rules, tiers)
    header = {
        "source": rules.source[:500],
        "digest": digest,
        "non_asset_kinds": ",".join(content["non_asset"]),
        "published_at": at,
        "published_by": by[:64],
    }
    if held is None:
        session.execute(insert(PublishedRulebookRow), [{"branch_id": branch_id, **header}])
    else:
        session.execute(
            PublishedRulebookRow.__table__.update().where(PublishedRulebookRow.branch_id == branch_id).values(header)
        )
        session.execute(delete(PublishedRuleRow).where(PublishedRuleRow.branch_id == branch_id))
        session.execute(delete(PublishedTierRow).where(PublishedTierRow.branch_id == branch_id))
    if rules.rules:
        session.execute(insert(PublishedRuleRow), [
            {"branch_id": branch_id, "code": code, "product": product, "risk_level": risk, "cooldown_days": days}
            for code, product, risk, days in content["rules"]
        ])  # fmt: skip
    session.execute(insert(PublishedTierRow), [
        {"branch_id": branch_id, "code": code, "rank": rank, "min_aum_cents": cents}
        for code, rank, cents in content["tiers"]
    ])  # fmt: skip
    return Published(branch_id, True, len(rules.rules), digest)


def publish_files(
    store: Store, branch_ids: tuple[str, ...] | None, rules: RuleSet, tiers: TierTable, by: str, at: datetime,
    only_if_none: bool = False,
) -> tuple[Published, ...]:  # fmt: skip
    """Publish to each of ``branch_ids`` (None: every branch of the store) on a PostgreSQL store; nothing
    elsewhere (SQLite has no server function to read it)."""
    if store.dialect != "postgresql":
        return ()
    with store.write_session() as session:
        ids = branch_ids
        if ids is None:
            ids = tuple(session.scalars(select(BranchRow.id).order_by(BranchRow.id)))
        return tuple(publish_rulebook(session, b, rules, tiers, by, at, only_if_none) for b in ids)


def publish_at_start(store: Store, branch_id: str, by: str, at: datetime) -> Published | None:
    """The branch's files (the rule file and tiers.toml of the config folder) published as its supervisor's or
    administrator's screen starts, when they differ from what the store holds. A file the loader refuses, or a
    login that may not write the copy (a station's role), is logged and passed over: the screen works on, and the
    server keeps what was published before."""
    if store.dialect != "postgresql":
        return None  # before the files are read: rule_engine's import is a second a SQLite screen need not wait
    try:
        published = publish_files(store, (branch_id,), load_rules(), load_tiers(), by, at)
    except ConfigError as exc:
        log.warning("the cross-sell rulebook of branch %s was not published: %s", branch_id, exc)
        return None
    except DBAPIError as exc:
        log.warning("the cross-sell rulebook of branch %s was not published: %s", branch_id, exc.orig or exc)
        return None
    return published[0] if published else None
