"""Instants read back from the store: SQLite hands back naive datetimes, and everything stored is UTC."""

from __future__ import annotations

from datetime import UTC, datetime


def aware(value: datetime) -> datetime:
    """``value`` with UTC attached if it came back naive; an aware one as it is."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def aware_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else aware(value)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC: naive ones taken as UTC, aware ones converted."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def as_utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)
