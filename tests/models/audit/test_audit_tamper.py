"""The ten ways issue 12 rewrote the audit log, each caught by ``audit verify`` and named.

The tampering is done as an intruder with the store file would do it: sqlite3 directly, the
append-only triggers dropped, hashes recomputed with plain SHA-256 (the key is not in the file).
"""

import hashlib
import sqlite3
from contextlib import closing
from datetime import timedelta

import pytest
from customer_fixtures import BRANCH, START, TELLER, TELLER2, make_store

import main
from models.audit.key import audit_secrets
from models.audit.log import append_audit
from models.audit.service import verify_audit
from queueing.customers.audit_chain import AuditEntry, canonical_json, utc_text


@pytest.fixture
def store_path(tmp_path):
    store = make_store(tmp_path / "audit.db")
    for n in range(6):  # six entries by ST1, three by ST2, each in its own transaction (each anchored)
        with store.write_session() as session:
            append_audit(session, BRANCH, TELLER, "profile_view", START + timedelta(minutes=n), 100 + n, {"n": n})
    for n in range(3):
        with store.write_session() as session:
            append_audit(session, BRANCH, TELLER2, "profile_view", START + timedelta(minutes=n), 200 + n, {"n": n})
    store.close()
    return tmp_path / "audit.db"


def _sql(path, *statements):
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def _rows(path, station):
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM audit_log WHERE station_id = ? ORDER BY seq", (station,))]


def _sha256_chain(path, station, rows):
    """Rewrite ``station``'s chain as ``rows``, renumbered 1.. and rehashed the old way (plain SHA-256)."""
    prev = "0" * 64
    _sql(path, f"DELETE FROM audit_log WHERE station_id = '{station}'")
    with closing(sqlite3.connect(path)) as conn:
        for seq, row in enumerate(rows, start=1):
            entry = AuditEntry(row["branch_id"], seq, _at(row["at"]), row["staff_id"], row["role"], station,
                               row["customer_id"], row["action"], _json(row["detail"]), prev)  # fmt: skip
            digest = hashlib.sha256((prev + canonical_json(entry.content())).encode()).hexdigest()
            conn.execute(
                "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row["branch_id"], station, seq, row["at"], row["staff_id"], row["role"], row["customer_id"],
                 row["action"], row["detail"], prev, digest),
            )  # fmt: skip
            prev = digest
        conn.commit()


def _at(text):
    from datetime import datetime

    return datetime.fromisoformat(text)


def _json(text):
    import json

    return json.loads(text)


def _verdicts(path):
    from models.store.database import open_store

    store = open_store(str(path), upgrade=False)
    try:
        return {v.station_id: v.broken for v in verify_audit(store)}
    finally:
        store.close()


def test_an_untouched_log_verifies(store_path):
    assert _verdicts(store_path) == {"ST1": None, "ST2": None}


def _columns():
    return "branch_id, station_id, seq, at, staff_id, role, customer_id, action, detail, prev_hash, hash"


@pytest.mark.parametrize(
    ("case", "tamper", "station", "seq", "says"),
    [
        ("plain update", lambda p: _sql(p, "UPDATE audit_log SET customer_id = 999 WHERE station_id='ST1' AND seq=3"),
         "ST1", 3, "keyed hash"),
        ("middle delete", lambda p: _sql(p, "DELETE FROM audit_log WHERE station_id='ST1' AND seq=3"),
         "ST1", 4, "sequence 4 where 3"),
        ("swap", lambda p: _sql(p, "UPDATE audit_log SET seq = -1 WHERE station_id='ST1' AND seq=2",
                                "UPDATE audit_log SET seq = 2 WHERE station_id='ST1' AND seq=3",
                                "UPDATE audit_log SET seq = 3 WHERE station_id='ST1' AND seq=-1"),
         "ST1", 2, ""),
        ("forged row, wrong hash", lambda p: _sql(
            p, f"INSERT INTO audit_log ({_columns()}) SELECT branch_id, station_id, 7, at, 'X9', role, 42, action, "
               "detail, hash, 'f00d' FROM audit_log WHERE station_id='ST1' AND seq=6"),
         "ST1", 7, "keyed hash"),
        ("changed, chain recomputed", lambda p: _sha256_chain(
            p, "ST1", [{**r, "customer_id": 999} if r["seq"] == 3 else r for r in _rows(p, "ST1")]),
         "ST1", 1, "keyed hash"),
        ("deleted, renumbered and rehashed", lambda p: _sha256_chain(
            p, "ST1", [r for r in _rows(p, "ST1") if r["seq"] != 3]),
         "ST1", 1, "keyed hash"),
        ("last three deleted", lambda p: _sql(p, "DELETE FROM audit_log WHERE station_id='ST1' AND seq > 3"),
         "ST1", 4, "entries 4 to 6 are missing"),
        ("one station's chain deleted", lambda p: _sql(p, "DELETE FROM audit_log WHERE station_id='ST2'"),
         "ST2", 1, "whole chain is missing: 3 entries"),
        ("whole log deleted", lambda p: _sql(p, "DELETE FROM audit_log"),
         "ST1", 1, "whole chain is missing: 6 entries"),
        ("forged row appended, hash recomputed", lambda p: _sha256_chain(
            p, "ST2", [*_rows(p, "ST2"), {**_rows(p, "ST2")[-1], "customer_id": 777, "staff_id": "X9"}]),
         "ST2", 1, "keyed hash"),
    ],
)
def test_each_tampering_is_found_and_named(store_path, case, tamper, station, seq, says):
    tamper(store_path)
    verdicts = _verdicts(store_path)
    broken = verdicts[station]
    assert broken is not None, case
    assert broken.seq == seq and says in broken.reason, (case, broken)
    if case == "whole log deleted":
        assert verdicts["ST2"] is not None and "3 entries" in verdicts["ST2"].reason


def test_the_cli_says_which_chain_and_entry(store_path, capsys):
    assert main.main(["--db", str(store_path), "audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "OK (2 station chains checked)" in out and "note:" not in out
    _sql(store_path, "DELETE FROM audit_log WHERE station_id='ST1' AND seq > 3")
    assert main.main(["--db", str(store_path), "audit", "verify"]) == 1
    assert "BROKEN branch B1 station ST1 at entry 4: entries 4 to 6 are missing" in capsys.readouterr().out


def test_edited_chain_heads_are_refused(store_path):
    secrets = audit_secrets()
    (heads,) = secrets.heads_dir.glob("*.json")
    heads.write_text(heads.read_text().replace('[6, "', '[3, "'))
    (verdict,) = verify_audit_of(store_path)
    assert verdict.broken is not None and "chain heads were changed" in verdict.broken.reason


def verify_audit_of(path):
    from models.store.database import open_store

    store = open_store(str(path), upgrade=False)
    try:
        return verify_audit(store)
    finally:
        store.close()


def test_times_of_the_rewritten_rows_are_read_back_as_stored(store_path):
    # The rewriting helper must keep what it does not mean to change, or the cases above prove less.
    rows = _rows(store_path, "ST2")
    _sha256_chain(store_path, "ST2", rows)
    assert [utc_text(_at(r["at"])) for r in _rows(store_path, "ST2")] == [utc_text(_at(r["at"])) for r in rows]


def test_a_store_verified_where_nothing_was_anchored_says_so(store_path, capsys):
    for heads in audit_secrets().heads_dir.glob("*.json"):
        heads.unlink()
    assert main.main(["--db", str(store_path), "audit", "verify"]) == 0
    assert "note: no head anchored on this PC for B1/ST1, B1/ST2" in capsys.readouterr().out


def test_a_restored_backup_written_past_its_anchored_head_stays_broken(store_path, tmp_path):
    # The file is copied back from a backup taken after ST1's third entry (entries 4 to 6 lost), then the
    # station writes on: its new entries 4, 5, 6, 7 are a fork of the anchored chain. Once the new chain is
    # longer than the anchored one, the head must not move onto the fork: that would launder the loss.
    from models.store.database import open_store

    _sql(store_path, "DELETE FROM audit_log WHERE station_id='ST1' AND seq > 3")  # the backup's content
    store = open_store(str(store_path), upgrade=False)
    try:
        for n in range(4):
            with store.write_session() as session:
                append_audit(session, BRANCH, TELLER, "profile_view", START + timedelta(hours=1, minutes=n), 300 + n)
    finally:
        store.close()
    broken = _verdicts(store_path)["ST1"]
    assert broken is not None and broken.seq == 6 and "rewritten" in broken.reason


def test_a_forged_chain_cannot_paint_ok_over_the_verdict(store_path, capsys):
    """An intruder's row names its station with terminal escapes that would erase the BROKEN lines and print
    "OK" in their place: verify shows those characters as escapes, never sends them to the terminal."""
    disguise = "\r\x1b[1A\x1b[2KOK (2 station chains checked)\x1b[8m"
    _sql(store_path, "DELETE FROM audit_log WHERE station_id='ST1' AND seq > 3",
         f"INSERT INTO audit_log ({_columns()}) SELECT branch_id, '{disguise}', 1, at, staff_id, role, customer_id, "
         "action, detail, prev_hash, 'f00d' FROM audit_log WHERE station_id='ST2' AND seq=1")
    assert main.main(["--db", str(store_path), "audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out
    assert "BROKEN branch B1 station ST1 at entry 4" in out and "\\x1b[1A" in out


def test_an_entry_whose_commit_fails_is_not_anchored(store_path):
    """The link dies at the COMMIT (it never reached the store): the entry is gone, so its head must not be
    anchored, or verify would call the chain cut short, and once the chain grew again, rewritten."""
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    from models.store.database import open_store
    from models.store.errors import StoreError

    store = open_store(str(store_path), upgrade=False)

    def link_dies(conn):
        raise OperationalError("COMMIT", {}, ConnectionResetError("test: the link died at COMMIT"))

    try:
        event.listen(store.engine, "commit", link_dies)
        with pytest.raises((OperationalError, StoreError)), store.write_session() as session:
            append_audit(session, BRANCH, TELLER, "profile_view", START + timedelta(hours=1), 999)
        event.remove(store.engine, "commit", link_dies)
        with store.write_session() as session:  # the station goes on: the chain grows past the lost entry
            append_audit(session, BRANCH, TELLER, "profile_view", START + timedelta(hours=2), 998)
            append_audit(session, BRANCH, TELLER, "profile_view", START + timedelta(hours=2), 997)
    finally:
        store.close()
    assert _verdicts(store_path) == {"ST1": None, "ST2": None}
