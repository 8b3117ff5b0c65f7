"""Wrong PINs for an id with no active account, counted and timed as an account's are.

An account's fifth wrong PIN locks it (models/staff/pin_lockout.py); an unknown or deactivated id used to be
refused at once, for ever, without hashing the PIN. Someone at a station could so tell accounts from other ids
by the fifth answer ("locked" against "refused"), or by the first one's time (an argon2 check takes tens of
milliseconds). Such an id now has its PIN checked against a decoy hash and its wrong PINs counted in
``pin_guess``, in the store that checked them, with the same stages and words as an account.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.staff.pin_lockout import LockState
from models.staff.tables import PinGuessRow
from models.store.upsert import insert_ignore
from queueing.core.text_rules import STAFF_ID

_KEY_LENGTH = STAFF_ID.max_chars


def guess_key(typed: str) -> str:
    """The id as counted: as an account's is looked up (spaces around it aside), cut to an id's length.

    PostgreSQL refuses a NUL in text: one typed or pasted is counted as the replacement character.
    """
    return typed.strip().replace("\x00", "\ufffd")[:_KEY_LENGTH]


def guess_row(session: Session, branch_id: str, key: str, now: datetime) -> PinGuessRow:
    """The count for ``key``, its row locked for the rest of the transaction (parallel tries are counted too)."""
    new = {"branch_id": branch_id, "staff_id": key, "failed_pins": 0, "lock_stage": 0, "last_at": now}
    insert_ignore(session, PinGuessRow.__table__, [new], ["branch_id", "staff_id"])
    return session.scalars(
        select(PinGuessRow)
        .where(PinGuessRow.branch_id == branch_id, PinGuessRow.staff_id == key)
        .with_for_update()
    ).one()


def note_guess(row: PinGuessRow, after: LockState, now: datetime) -> None:
    """Keep the count after a wrong PIN.

    Never forgotten, as an account's is not: a count that lapsed after a quiet month told an unknown id from an
    account (found by review). Each row costs whoever adds it an argon2 check at a station, which bounds how
    fast the table grows; an account made for the id deletes its row.
    """
    after.keep_in(row)
    row.last_at = now


def forget_guesses(session: Session, branch_id: str, staff_id: str) -> None:
    """An account made or brought back for ``staff_id`` starts with its own count, not the unknown id's."""
    session.execute(
        delete(PinGuessRow).where(PinGuessRow.branch_id == branch_id, PinGuessRow.staff_id == guess_key(staff_id))
    )

