"""Ids and PINs an older version saved before today's rules: they still work (found by review)."""
from __future__ import annotations

from sqlalchemy import update
from staff_sessions import add_accounts, session_of

import models.staff.service as staff_service
from models.staff.service import StaffService
from models.store.tables import StaffRow
from queueing.core.events import EventType
from queueing.core.roles import Role

ZWNJ = "\u200c"  # Cf; part of ordinary Persian / Indic spelling


def test_a_counter_an_older_version_configured_can_still_be_reconfigured(service):
    old_id = f"می{ZWNJ}ز1"   # as an older version accepted and journaled it
    service.run(lambda c: c._event(EventType.COUNTER_CONFIGURED,
                                   {"counter_id": old_id, "name": "Desk", "profile": {"CASH": 1}}))
    assert old_id in service.state.counters                 # replay is fine...
    # ...and the administrator can still change its profile: only a new id is held to the invisible-character rule
    service.run(lambda c: c.configure_counter(old_id, "Desk", {"CASH": 1, "TRANSFER": 2}))
    assert service.state.counters[old_id].profile == {"CASH": 1, "TRANSFER": 2}


def test_a_pin_an_older_version_hashed_in_full_width_digits_still_signs_in(store, service, clock):
    admin = session_of("B1", "A1", Role.ADMINISTRATOR, "ST1")
    add_accounts(store, admin)
    staff = StaffService(store, "B1", clock)
    staff.add(admin, "T1", "Li", "teller", "1234")
    # a46a27b's hash_pin took "１２３４" (isdigit) and hashed it as typed
    with store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T1")
                        .values(pin_hash=staff_service._hasher.hash("１２３４")))
    # the teller types the very same PIN the same way: it was refused, normalised to "1234" before the check
    assert staff.verify("T1", "１２３４", "ST1").staff_id == "T1"


def test_an_account_an_older_version_saved_with_an_invisible_character_can_be_saved_again(store, service, clock):
    from sqlalchemy import insert

    admin = session_of("B1", "A1", Role.ADMINISTRATOR, "ST1")
    add_accounts(store, admin)
    with store.write_session() as session:
        session.execute(insert(StaffRow), [{"branch_id": "B1", "id": f"T{ZWNJ}9", "name": "Old", "role": "teller",
                                            "pin_hash": "-", "active": True}])  # fmt: skip
    saved = StaffService(store, "B1", clock).add(admin, f"T{ZWNJ}9", "Old Name", "teller", "1357")
    assert saved.id == f"T{ZWNJ}9" and saved.name == "Old Name"
