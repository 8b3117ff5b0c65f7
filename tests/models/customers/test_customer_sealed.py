"""Full names and phone numbers at rest: sealed in the store, opened only by a reveal, with the key outside it."""

import sqlite3
from datetime import date

import pytest
from alembic import command
from clear_customers import clear_names, clear_phones
from customer_fixtures import BRANCH, KEY, SUPERVISOR, TELLER, make_clock
from sqlalchemy import text
from staff_sessions import add_accounts

import main
from bench.bulk_customers import generate_bulk_customers
from models.customers.seal import CustomerSeal, SealBroken
from models.customers.service import CustomerService, RevealField
from models.demo.customers import generate_customers
from models.store.database import alembic_config, open_store
from queueing.customers.identity_keys import LookupKind, lookup_hash
from queueing.customers.masking import normalize_number

TODAY = date(2026, 11, 23)


def _file_bytes(path) -> bytes:
    data = path.read_bytes()
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-journal")):
        if extra.exists():
            data += extra.read_bytes()
    return data


def _assert_nothing_in_clear(path, phones, names):
    raw = _file_bytes(path)
    assert phones and names
    for phone in phones:
        assert phone.encode() not in raw and normalize_number(phone).encode() not in raw, phone
    for name in names:
        assert name.encode("utf-8") not in raw, name


@pytest.mark.parametrize("generate", [generate_customers, generate_bulk_customers])
def test_the_store_file_holds_no_phone_or_full_name_in_clear(tmp_path, generate):
    path = tmp_path / "demo.db"
    store = open_store(str(path))
    generate(store, BRANCH, KEY, 300, today=TODAY, seed=4)
    phones, names = clear_phones(store, KEY).values(), clear_names(store, KEY).values()
    store.close()
    _assert_nothing_in_clear(path, list(phones), list(names))


def _customers(store):
    add_accounts(store, TELLER, SUPERVISOR)
    return CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="Asia/Shanghai")


def test_a_reveal_opens_the_sealed_phone_and_a_search_by_phone_still_finds(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    result = generate_customers(store, BRANCH, KEY, 20, today=TODAY, seed=2)
    customers = _customers(store)
    sample = result.samples[0]
    view = customers.lookup(TELLER, LookupKind.PHONE, sample.phone)  # the keyed hash: the blind index
    assert view is not None and view.masked_phone != sample.phone
    assert customers.reveal(SUPERVISOR, view.customer_id, RevealField.PHONE, "Call back about the loan") == sample.phone
    name = customers.reveal(SUPERVISOR, view.customer_id, RevealField.NAME, "Letter to the customer")
    assert name == clear_names(store, KEY)[view.customer_id] and "*" not in name
    other = CustomerService(store, BRANCH, b"another-branch-key-0123456789abcd", clock=make_clock())
    with pytest.raises(SealBroken, match="does not open with this branch key"):
        other.reveal(SUPERVISOR, view.customer_id, RevealField.PHONE, "Call back about the loan")
    store.close()


def test_a_sealed_value_moved_to_another_customer_does_not_open():
    seal = CustomerSeal(KEY)
    sealed = seal.seal(BRANCH, "C1", "phone", "+34 612 345 678")
    assert seal.phone(BRANCH, "C1", sealed) == "+34 612 345 678"
    for branch, number, field in ((BRANCH, "C2", "phone"), ("B2", "C1", "phone"), (BRANCH, "C1", "name")):
        with pytest.raises(SealBroken):
            seal.open(branch, number, field, sealed)
    with pytest.raises(SealBroken):
        seal.phone(BRANCH, "C1", "+34 612 345 678")  # a clear value where a sealed one belongs


# -- a store made before the seal ------------------------------------------------------------------
OLD_CUSTOMERS = (
    (1, "C000000001", "Pérez", "Juan", "+34 612 345 678"),
    (2, "C000000002", "王", "小明", "139 1234 5678"),
    (3, "C000000003", "김", "민준", "010-9876-5432"),
)


def _store_before_the_seal(path):
    """A store at 0011 with customers in clear, as every store held them before 0012."""
    store = open_store(str(path), upgrade=False)
    with store.engine.begin() as conn:
        cfg = alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0012_staff_version")
        conn.execute(text("INSERT INTO branch (id, name, timezone) VALUES (:b, 'Old', 'Asia/Shanghai')"), {"b": BRANCH})
        for cid, number, family, given, phone in OLD_CUSTOMERS:
            conn.execute(
                text(
                    "INSERT INTO customer (id, branch_id, customer_no, family_name, given_name, id_hash, id_masked, "
                    "phone, phone_hash, phone_masked, birth_date, segment, risk_rating, marketing_consent, "
                    "aum_prev_month_cents, fx_transactions_90d) VALUES (:id, :b, :no, :f, :g, :ih, '***', :p, :ph, "
                    "'***', '1980-01-01', 'personal', NULL, 1, 0, 0)"
                ),
                {"id": cid, "b": BRANCH, "no": number, "f": family, "g": given, "p": phone,
                 "ih": f"id-{cid}", "ph": lookup_hash(KEY, LookupKind.PHONE, phone)},
            )
            # What a real branch's customers hold: the seal rebuilds the customer table under these rows.
            conn.execute(
                text(
                    "INSERT INTO holding (customer_id, kind, product_code, balance_cents, opened_on, matures_on) "
                    "VALUES (:id, 'time_deposit', 'TD12M', 50000000, '2026-01-05', '2027-01-05')"
                ),
                {"id": cid},
            )
    store.close()


def _key_file(tmp_path, monkeypatch, mode=0o600, write=True):
    file = tmp_path / "keys" / "branch.key"
    if write:
        file.parent.mkdir(exist_ok=True)
        file.write_text(KEY.hex() + "\n")
        file.chmod(mode)
    monkeypatch.setenv("COUNTERLINE_BRANCH_KEY_FILE", str(file))
    return file


def test_an_old_store_is_sealed_on_upgrade_without_losing_a_name_or_number(tmp_path, monkeypatch, capsys):
    path = tmp_path / "old.db"
    _store_before_the_seal(path)
    _key_file(tmp_path, monkeypatch)
    assert main.main(["--db", str(path), "db", "upgrade"]) == 0
    assert "schema at" in capsys.readouterr().out
    store = open_store(str(path))
    assert store.current_revision() != "0012_staff_version"
    customers = _customers(store)
    for cid, _, _, _, phone in OLD_CUSTOMERS:
        assert customers.reveal(SUPERVISOR, cid, RevealField.PHONE, "Checking the upgrade") == phone
        view = customers.lookup(TELLER, LookupKind.PHONE, phone)
        assert view is not None and view.customer_id == cid
    assert clear_names(store, KEY) == {1: "Juan Pérez", 2: "王小明", 3: "김민준"}
    with store.read_session() as session:
        held = session.execute(text("SELECT customer_id FROM holding ORDER BY customer_id")).scalars().all()
        assert held == [1, 2, 3]
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1  # on again after the upgrade
    store.close()
    _assert_nothing_in_clear(path, [c[4] for c in OLD_CUSTOMERS], ["Juan Pérez", "王小明", "김민준", "小明", "민준"])


@pytest.mark.parametrize(
    ("mode", "write", "says"), [(0o600, False, "no branch key"), (0o644, True, "open to other users")]
)
def test_without_a_usable_key_the_upgrade_says_so_in_one_line_and_changes_nothing(
    tmp_path, monkeypatch, capsys, mode, write, says
):
    path = tmp_path / "old.db"
    _store_before_the_seal(path)
    file = _key_file(tmp_path, monkeypatch, mode, write)
    before = path.read_bytes()
    assert main.main(["--db", str(path), "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert str(file) in err and says in err and err.count("\n") == 1 and "Traceback" not in err
    store = open_store(str(path), upgrade=False)
    assert store.current_revision() == "0012_staff_version"
    with store.read_session() as session:
        assert session.execute(text("SELECT phone FROM customer WHERE id = 1")).scalar_one() == "+34 612 345 678"
    store.close()
    assert len(path.read_bytes()) == len(before)


def test_an_upgrade_that_would_leave_a_row_pointing_nowhere_is_refused_and_changes_nothing(
    tmp_path, monkeypatch, capsys
):
    """A restored file whose holdings name a customer it lacks: said in one line, the store left at its revision."""
    path = tmp_path / "old.db"
    _store_before_the_seal(path)
    _key_file(tmp_path, monkeypatch)
    with sqlite3.connect(path) as raw:  # foreign keys are off on a plain connection, as in a hand-made restore
        raw.execute(
            "INSERT INTO holding (customer_id, kind, product_code, balance_cents, opened_on) "
            "VALUES (99, 'time_deposit', 'TD12M', 100, '2026-01-05')"
        )
    raw.close()
    assert main.main(["--db", str(path), "db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "holding -> customer" in err and "left as it was" in err and "Traceback" not in err
    store = open_store(str(path), upgrade=False)
    assert store.current_revision() == "0012_staff_version"
    with store.read_session() as session:
        assert session.execute(text("SELECT phone FROM customer WHERE id = 1")).scalar_one() == "+34 612 345 678"
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    store.close()


def test_a_branch_key_file_open_to_other_users_is_refused_wherever_it_is_read(tmp_path, monkeypatch):
    from models.customers.branch_key import load_branch_key
    from queueing.core.errors import ConfigError

    file = _key_file(tmp_path, monkeypatch, mode=0o640)
    with pytest.raises(ConfigError, match="open to other users"):
        load_branch_key()
    file.chmod(0o600)
    assert load_branch_key() == KEY


def test_a_branch_key_saved_with_a_byte_order_mark_is_the_same_key(tmp_path, monkeypatch):
    """Notepad writes a byte-order mark before the text: the key was refused as "not hexadecimal"."""
    from models.customers.branch_key import load_branch_key
    from queueing.core.errors import ConfigError

    file = _key_file(tmp_path, monkeypatch, mode=0o600)
    file.write_bytes(b"\xef\xbb\xbf" + KEY.hex().encode("ascii") + b"\r\n")
    assert load_branch_key() == KEY
    file.write_bytes(b"\xef\xbb\xbf" + "ｆｆ".encode() + KEY.hex().encode("ascii"))
    with pytest.raises(ConfigError, match="not hexadecimal"):
        load_branch_key()
