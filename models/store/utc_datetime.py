"""The column type of every moment the store keeps: written in UTC, whatever zone the value came in.

SQLite has no time zone type: SQLAlchemy's DATETIME writes the wall-clock digits and drops the offset. The
program keeps moments in UTC, but a bound made in the branch's zone (a report's local midnight, say) was
compared as if its digits were UTC: in Mexico City a period's last six hours fell out of it, in Shanghai a
day's bound came eight hours late. Converted here on the way in, such a value means what it says on every
store; PostgreSQL's timestamptz converted it already. A value without a zone is taken as UTC, as before.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, datetime) and value.tzinfo is not None and value.tzinfo is not UTC:
            return value.astimezone(UTC)
        return value
