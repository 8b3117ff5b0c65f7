from dataclasses import replace
from datetime import UTC, datetime, timedelta

from queueing.customers.audit_chain import GENESIS_HASH, AuditEntry, seal, verify_chain

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
KEY = b"audit-key-for-tests-0123456789ab"


def chain(n=5):
    entries, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        entry = seal(
            AuditEntry("B1", seq, T0 + timedelta(seconds=seq), "t1", "teller", "S1", 100 + seq, "profile_view",
                       {"ticket": f"A{seq:03}"}, prev),
            KEY,
        )
        entries.append(entry)
        prev = entry.hash
    return entries


def test_an_intact_chain_verifies():
    assert verify_chain(chain(), KEY) is None
    assert verify_chain([], KEY) is None


def test_a_changed_row_is_detected():
    entries = chain()
    entries[2] = replace(entries[2], customer_id=999)
    broken = verify_chain(entries, KEY)
    assert broken is not None and broken.seq == 3 and "content" in broken.reason


def test_a_changed_row_with_a_recomputed_hash_breaks_the_next_link():
    entries = chain()
    entries[2] = seal(replace(entries[2], action="reveal"), KEY)
    broken = verify_chain(entries, KEY)
    assert broken is not None and broken.seq == 4 and "previous hash" in broken.reason


def test_a_deleted_row_is_detected():
    entries = chain()
    del entries[1]
    broken = verify_chain(entries, KEY)
    assert broken is not None and broken.seq == 3


def test_an_inserted_row_is_detected():
    entries = chain()
    forged = seal(replace(entries[1], staff_id="intruder", prev_hash=entries[1].hash), KEY)
    entries.insert(2, forged)
    broken = verify_chain(entries, KEY)
    assert broken is not None and broken.seq == 2 and "sequence" in broken.reason


def test_stored_times_with_or_without_zone_hash_the_same():
    entry = chain(1)[0]
    naive = replace(entry, at=entry.at.replace(tzinfo=None))
    assert verify_chain([naive], KEY) is None


def test_a_chain_recomputed_without_the_key_is_detected():
    """Plain SHA-256, the old chain's rule, is what someone without the key can compute."""
    import hashlib

    from queueing.customers.audit_chain import canonical_json

    entries, prev = [], GENESIS_HASH
    for entry in chain():
        forged = replace(entry, prev_hash=prev)
        forged = replace(forged, hash=hashlib.sha256((prev + canonical_json(forged.content())).encode()).hexdigest())
        entries.append(forged)
        prev = forged.hash
    broken = verify_chain(entries, KEY)
    assert broken is not None and broken.seq == 1 and "keyed hash" in broken.reason
    assert verify_chain(chain(), b"another key, another branch....") is not None
