"""A PostgreSQL role for stations: everything a station does, except reading the customers.

``main.py db grant-station ROLE`` creates the role (or brings an existing one up to date). It may append
to the event journal and the quarantine of refused events (never rewrite or delete either: reports
replay the one, the supervisor reads the other), add visit records and set their rating (never move or
delete one: piece-rate pays from them), read and write the leases, other projections and sync tables,
read the staff accounts and count wrong PINs in them (nothing else of an account: making, changing and
promoting accounts is an administrator's), append to the audit log, and execute the customer functions a
teller needs (models/customers/station_lookups_pg.py, models/customers/station_writes_pg.py); it holds
no privilege on the tables with customers' personal data, so a station's login cannot read them
directly. Nor may it run the reveal: the function trusts the account it is told is asking, and a station
PC holds the branch key that opens what the reveal returns, so a teller with the station's login could
read any customer's full name and phone in a supervisor's name. Reveals are the supervisor's screen's,
whose role reads the customer tables anyway. The published cross-sell rulebook
(models/marketing/rulebook_tables.py) it reads and may not write. Tables a later migration adds are not
covered until the command runs again after ``db upgrade``.
"""

from __future__ import annotations

import re
from typing import Any

from psycopg import sql
from sqlalchemy import Connection, text

from models.customers.station_lookups_pg import FUNCTION_SIGNATURES as LOOKUPS
from models.customers.station_lookups_pg import REVEAL_FUNCTION
from models.customers.station_writes_pg import FUNCTION_SIGNATURES as WRITES
from models.customers.tables import (
    CallResultRow,
    ComplaintRow,
    CrossSellOutcomeRow,
    CustomerAccessRow,
    CustomerCardRow,
    CustomerRow,
    FollowUpRow,
    HoldingRow,
)
from models.marketing.rulebook_tables import PublishedRulebookRow, PublishedRuleRow, PublishedTierRow
from models.store.database import Store
from models.store.tables import EventRow, ServiceRecordRow, StaffRow
from models.sync.tables import QuarantinedEventRow
from queueing.core.errors import ConfigError

CUSTOMER_TABLES = frozenset(
    row.__tablename__
    for row in (
        CustomerRow,
        CustomerCardRow,
        HoldingRow,
        FollowUpRow,
        ComplaintRow,
        CrossSellOutcomeRow,
        CallResultRow,
        CustomerAccessRow,
    )
)
# The journal is the branch's one source of truth, replayed by reports and rebuilds: a station adds its events
# (ON CONFLICT DO NOTHING needs no more) and reorders only its own file's, never upstream's. The quarantine is
# the supervisor's record of the events upstream refused: kept as received, never changed by anyone.
APPEND_ONLY = frozenset({"audit_log", EventRow.__tablename__, QuarantinedEventRow.__tablename__})
STAFF_TABLE = StaffRow.__tablename__
# What of an account a station writes upstream: the wrong-PIN count and its lock (models/staff/pin_lockout.py).
PIN_COUNT_COLUMNS = ("failed_pins", "lock_stage", "locked_until")
# The visit records piece-rate pays from: a station adds them (never changes one: a visit moved to another teller
# is a supervisor's correction, an event) and sets the rating the journal's feedback events give
# (models/store/visit_ratings.py).
RECORD_TABLE = ServiceRecordRow.__tablename__
RECORD_COLUMNS = ("rating",)
# The published rulebook is what the outcome function judges a station's answers by: the station reads it, never
# writes it (a teller's own rule would pay).
PUBLISHED_RULEBOOK = frozenset(row.__tablename__ for row in (PublishedRulebookRow, PublishedRuleRow, PublishedTierRow))
READ_ONLY = frozenset({"alembic_version"}) | PUBLISHED_RULEBOOK
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
REVEAL_SIGNATURES = tuple(s for s in LOOKUPS if s.startswith(f"{REVEAL_FUNCTION}("))
STATION_FUNCTIONS = tuple(s for s in (*LOOKUPS, *WRITES) if s not in REVEAL_SIGNATURES)


def grant_station(store: Store, role: str, password: str | None = None) -> dict[str, list[str]]:
    """Create or update ``role``; returns the tables by what the role may do with them."""
    if store.dialect != "postgresql":
        raise ConfigError("db grant-station: station roles are PostgreSQL roles; give --db postgresql+psycopg://...")
    if not _ROLE_NAME.fullmatch(role):
        raise ConfigError(f"db grant-station: {role!r} is not a role name (lower-case letters, digits, _)")
    quote = store.engine.dialect.identifier_preparer.quote
    name = quote(role)
    with store.engine.begin() as conn:
        _refuse_a_powerful_role(conn, role)
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        login = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT"
        conn.execute(text(f"{'ALTER' if exists else 'CREATE'} ROLE {name} {login}"))
        if password is not None:  # a literal the driver quotes: DDL takes no bound parameters
            driver: Any = conn.connection.driver_connection  # psycopg's own connection
            driver.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(password))
            )
        database = quote(conn.scalar(text("SELECT current_database()")))
        conn.execute(text(f"GRANT CONNECT ON DATABASE {database} TO {name}"))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {name}"))
        kinds = ("refused", "read", "append", "append, rate", "read, count wrong PINs", "read and write")
        granted: dict[str, list[str]] = {kind: [] for kind in kinds}
        for table in conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")):
            target = f"TABLE {quote(table)}"
            conn.execute(text(f"REVOKE ALL ON {target} FROM {name}"))
            if table in CUSTOMER_TABLES:
                granted["refused"].append(table)
            elif table in READ_ONLY:
                conn.execute(text(f"GRANT SELECT ON {target} TO {name}"))
                granted["read"].append(table)
            elif table in APPEND_ONLY:
                conn.execute(text(f"GRANT SELECT, INSERT ON {target} TO {name}"))
                granted["append"].append(table)
            elif table == RECORD_TABLE:
                conn.execute(text(f"GRANT SELECT, INSERT, UPDATE ({', '.join(RECORD_COLUMNS)}) ON {target} TO {name}"))
                granted["append, rate"].append(table)
            elif table == STAFF_TABLE:
                # A station checks PINs upstream and counts the wrong ones; accounts are the administrator's.
                conn.execute(text(f"GRANT SELECT, UPDATE ({', '.join(PIN_COUNT_COLUMNS)}) ON {target} TO {name}"))
                granted["read, count wrong PINs"].append(table)
            else:
                conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {target} TO {name}"))
                granted["read and write"].append(table)
        conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}"))
        for signature in STATION_FUNCTIONS:
            conn.execute(text(f"GRANT EXECUTE ON FUNCTION {signature} TO {name}"))
        for signature in REVEAL_SIGNATURES:  # a role granted before this version could run it
            conn.execute(text(f"REVOKE EXECUTE ON FUNCTION {signature} FROM {name}"))
    return granted


def _refuse_a_powerful_role(conn: Connection, role: str) -> None:
    """Never narrow the administrator's own role, a superuser or the database's owner."""
    found = conn.execute(
        text(
            "SELECT r.rolsuper, r.rolname = current_user AS me, "
            "r.oid = (SELECT datdba FROM pg_database WHERE datname = current_database()) AS owner "
            "FROM pg_roles r WHERE r.rolname = :r"
        ),
        {"r": role},
    ).first()
    if found is not None and (found.rolsuper or found.me or found.owner):
        raise ConfigError(
            f"db grant-station: {role} is a superuser, the database's owner or you: a station needs a role of its own"
        )
