"""Wrong PINs lock an account: 5 in a row lock it for 1 minute, the next 5 for 5, then 30, then for good.

The count lives in the account's row (in the store that checked the PIN: upstream online, the
station's file offline), so restarting the program or the station does not reset it. A locked
account is refused without checking its PIN, so a locked account tells an attacker nothing.
After the last stage it is unlocked: a teller's by a supervisor or administrator, any other by an administrator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from models.store.utc import aware_or_none
from queueing.core.errors import DomainError

WRONG_PINS_PER_STAGE = 5
# The lock after the 1st, 2nd and 3rd run of wrong PINs; the 4th run locks until someone unlocks.
STAGE_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
FINAL_STAGE = len(STAGE_DELAYS) + 1


class AccountLocked(DomainError):
    """Too many wrong PINs: ``seconds`` until the next try, or None until a supervisor unlocks it."""

    code = "account_locked"

    def __init__(self, message: str, seconds: int | None, **details: object) -> None:
        super().__init__(message, seconds=seconds, **details)
        self.seconds = seconds


@dataclass(frozen=True)
class LockState:
    failed_pins: int = 0
    lock_stage: int = 0
    locked_until: datetime | None = None

    @classmethod
    def of(cls, row: Any) -> LockState:
        """The count a row keeps (an account's ``staff`` row, or an unknown id's ``pin_guess`` row)."""
        return cls(row.failed_pins or 0, row.lock_stage or 0, aware_or_none(row.locked_until))

    def keep_in(self, row: Any) -> None:
        """Write this count into ``row`` (either kind ``of`` reads)."""
        row.failed_pins, row.lock_stage, row.locked_until = self.failed_pins, self.lock_stage, self.locked_until

    def refusal(
        self, staff_id: str, now: datetime, wrong_pin: bool = False, role: str = "teller"
    ) -> AccountLocked | None:
        """Why a sign-in is refused right now without looking at the PIN, or None.

        ``wrong_pin``: the lock comes from the PIN just tried (it was checked, and wrong). ``role``: the account's,
        which says who may lift the final lock (a supervisor a teller's, an administrator any other's).
        """
        if self.lock_stage >= FINAL_STAGE:
            unlocker = "supervisor" if role == "teller" else "administrator"
            who = "a supervisor" if role == "teller" else "an administrator"
            return AccountLocked(
                f"account {staff_id} is locked after repeated wrong PINs: {who} must unlock it",
                None,
                wrong_pin=wrong_pin,
                unlocker=unlocker,
            )
        if self.locked_until is not None and now < self.locked_until:
            seconds = max(1, int((self.locked_until - now).total_seconds() + 0.999))
            minutes = -(-seconds // 60)
            return AccountLocked(
                f"too many wrong PINs for {staff_id}: try again in {minutes} min", seconds, wrong_pin=wrong_pin
            )
        return None

    def after_wrong_pin(self, now: datetime) -> LockState:
        failed = self.failed_pins + 1
        if failed < WRONG_PINS_PER_STAGE:
            return LockState(failed, self.lock_stage, self.locked_until)
        stage = self.lock_stage + 1
        until = now + STAGE_DELAYS[stage - 1] if stage < FINAL_STAGE else None
        return LockState(0, stage, until)


CLEAR = LockState()
