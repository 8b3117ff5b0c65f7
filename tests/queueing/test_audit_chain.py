from dataclasses import replace
from datetime import UTC, datetime, timedelta

from queueing.audit_chain import GENESIS_HASH, AuditEntry, seal, verify_chain

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def chain(n=5):
    entries, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        entry = seal(
            AuditEntry("B1", seq, T0 + timedelta(seconds=seq), "t1", "teller", "S1", 100 + seq, "profile_view",
                       {"ticket": f"A{seq:03}"}, prev)
        )
        entries.append(entry)
        prev = entry.hash
    return entries


def test_an_intact_chain_verifies():
    assert verify_chain(chain()) is None
    assert verify_chain([]) is None


def test_a_changed_row_is_detected():
    entries = chain()
    entries[2] = replace(entries[2], customer_id=999)
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 3 and "content" in broken.reason


def test_a_changed_row_with_a_recomputed_hash_breaks_the_next_link():
    entries = chain()
    entries[2] = seal(replace(entries[2], action="reveal"))
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 4 and "previous hash" in broken.reason


def test_a_deleted_row_is_detected():
    entries = chain()
    del entries[1]
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 3


def test_an_inserted_row_is_detected():
    entries = chain()
    forged = seal(replace(entries[1], staff_id="intruder", prev_hash=entries[1].hash))
    entries.insert(2, forged)
    broken = verify_chain(entries)
    assert broken is not None and broken.seq == 2 and "sequence" in broken.reason


def test_stored_times_with_or_without_zone_hash_the_same():
    entry = chain(1)[0]
    naive = replace(entry, at=entry.at.replace(tzinfo=None))
    assert verify_chain([naive]) is None
