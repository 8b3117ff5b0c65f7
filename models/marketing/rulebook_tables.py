"""The branch's cross-sell rulebook and tier thresholds as published to the branch store (PostgreSQL's copy).

A station's login may call the outcome function directly (models/customers/station_writes_pg.py), so the server
must judge an answer without the rule file, which only the PCs hold. Whoever holds the files and writes with
the owner's login (the supervisor's screen at its start, a reload, ``db upgrade``, ``branch init``) publishes
what the screen needs: each rule's code, product, risk ceiling and cool-down, the tiers' thresholds and the
product kinds that are no assets. A station's role only reads these tables (models/sync/station_grants.py).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKeyConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.store.base import Base
from models.store.utc_datetime import UTCDateTime


class PublishedRulebookRow(Base):
    """One per branch: a branch without one has no answer recorded on the server (nothing to judge it by)."""

    __tablename__ = "crosssell_rulebook"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(500))  # the rule file, as the publisher named it
    digest: Mapped[str] = mapped_column(String(64))  # of what is published: an unchanged file is not written again
    non_asset_kinds: Mapped[str] = mapped_column(String(200))  # comma-joined: left out of the tier's AUM
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(String(64))


class PublishedRuleRow(Base):
    __tablename__ = "crosssell_rulebook_rule"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    product: Mapped[str] = mapped_column(String(40))
    risk_level: Mapped[int | None] = mapped_column(Integer)
    cooldown_days: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        ForeignKeyConstraint(["branch_id"], ["crosssell_rulebook.branch_id"], ondelete="CASCADE"),
    )


class PublishedTierRow(Base):
    __tablename__ = "crosssell_rulebook_tier"
    branch_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    rank: Mapped[int] = mapped_column(Integer)
    min_aum_cents: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        ForeignKeyConstraint(["branch_id"], ["crosssell_rulebook.branch_id"], ondelete="CASCADE"),
    )
