"""Each visit's last customer rating, kept in ``service_record.rating`` so a report reads no journal for it.

The journal stays the truth: the column holds what replaying it gives
(``queueing.records.visits``: the last rating event of the ticket, in the branch's
store order, replaces every earlier one). It is set by reading the journal itself,
not by trusting the order a projection runs in: a rating that reached the store
before its visit's record (synced from the pad while the teller's station was
offline) is found when the record is written, and a rating pressed twice ends on
the later press whatever order a batch was applied in.

The rating events of a ticket are found through a partial index on the payload's
ticket id (``ix_event_rated_ticket``, migration 0015_visit_rating): the statements
here spell its expression and its ``type`` condition as the index does, or the
database would not use it.

Decision: a rating is counted when the payload holds a JSON integer (what the pad
writes, ``queueing.records.quality.rate_visit``); a last rating of any other shape
leaves the visit unrated rather than stopping a sync.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, text

from models.store.id_lists import IDS_PER_QUERY, id_chunks

RATED = "visit_rated"

# The index's expression and condition, per dialect: a query must repeat them exactly.
_TICKET = {"sqlite": "json_extract(payload, '$.ticket_id')", "postgresql": "(payload->>'ticket_id')"}
_RATING = {
    "sqlite": "CASE WHEN json_type(payload, '$.rating') = 'integer' THEN json_extract(payload, '$.rating') END",
    # Digits only, at most nine of them: a cast never fails, whatever a synced event holds.
    "postgresql": "CASE WHEN json_typeof(payload->'rating') = 'number' AND (payload->>'rating') ~ '^-?[0-9]{1,9}$' "
    "THEN (payload->>'rating')::integer END",
}
INDEX_NAME = "ix_event_rated_ticket"
# PostgreSQL takes the ids as one array parameter, however many (a push's 2,500 tickets): one statement,
# one round trip, and no statement text with hundreds of placeholders for the client to build and parse.
_ANY_IDS = {"postgresql": "= ANY(CAST(:tickets AS text[]))"}


def create_index_sql(dialect: str) -> str:
    return f"CREATE INDEX {INDEX_NAME} ON event (branch_id, {_TICKET[dialect]}, position) WHERE type = '{RATED}'"


@functools.cache  # built once per dialect: every command's projection asks, usually for no ticket at all
def _last_ratings_sql(dialect: str):
    select = (
        f"SELECT position, {_TICKET[dialect]}, {_RATING[dialect]} FROM event "
        f"WHERE type = '{RATED}' AND branch_id = :branch"
    )
    if dialect in _ANY_IDS:
        return text(f"{select} AND {_TICKET[dialect]} {_ANY_IDS[dialect]}")
    return text(f"{select} AND {_TICKET[dialect]} IN :tickets").bindparams(bindparam("tickets", expanding=True))


_UPDATE = text("UPDATE service_record SET rating = :rating WHERE ticket_id = :ticket AND branch_id = :branch")


def last_ratings(connection: Connection, branch_id: str, ticket_ids: Iterable[str]) -> dict[str, int | None]:
    """The last rating event's rating of each of ``ticket_ids`` that has one (None: not an integer)."""
    wanted = sorted(set(ticket_ids))
    found: list[tuple[int, str, Any]] = []
    dialect = connection.dialect.name
    stmt = _last_ratings_sql(dialect)
    step = max(len(wanted), 1) if dialect in _ANY_IDS else IDS_PER_QUERY
    for chunk in id_chunks(wanted, step):
        found.extend(connection.execute(stmt, {"branch": branch_id, "tickets": chunk}).all())
    found.sort(key=lambda row: row[0])
    return {ticket: _integer(rating) for _, ticket, rating in found}


def refresh_ratings(connection: Connection, branch_id: str, ticket_ids: Iterable[str]) -> None:
    """Set the rating column of the branch's records of ``ticket_ids`` from the journal (those rated at all)."""
    last = last_ratings(connection, branch_id, ticket_ids)
    if last:
        params = [{"rating": rating, "ticket": ticket, "branch": branch_id} for ticket, rating in last.items()]
        connection.execute(_UPDATE, params)


def backfill_ratings(connection: Connection) -> int:
    """Set every record's rating from the whole journal (a store from before the column); how many tickets are rated."""
    dialect = connection.dialect.name
    query = f"SELECT position, branch_id, {_TICKET[dialect]}, {_RATING[dialect]} FROM event WHERE type = '{RATED}'"
    rows = sorted(connection.execute(text(query)).all(), key=lambda row: row[0])
    last = {(branch, ticket): _integer(rating) for _, branch, ticket, rating in rows if ticket is not None}
    params = [{"rating": rating, "ticket": ticket, "branch": branch} for (branch, ticket), rating in last.items()]
    if params:
        connection.execute(_UPDATE, params)
    return len(params)


def _integer(value: Any) -> int | None:
    return None if value is None else int(value)
