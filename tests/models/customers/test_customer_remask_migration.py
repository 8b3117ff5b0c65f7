"""A store upgraded past the masking change masks the names its customers already have (0031_customer_remask).

mask_name masks a name held in the family field alone (张*丰, S***), and greeting_name skips a leading direction
control; both are computed when an import writes the row (customer.name_masked, .greeting), so the upgrade computes
them again from the sealed name with the branch key.
"""

from datetime import UTC, datetime

from alembic import command
from customer_fixtures import BRANCH, KEY, add_customer
from sqlalchemy import text

from models.branch.service import BranchService
from models.customers.seal import CustomerSeal
from models.store.database import alembic_config, open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock


def test_an_upgraded_store_masks_the_names_its_customers_already_have(tmp_path, monkeypatch):
    key_file = tmp_path / "branch.key"
    key_file.write_text(KEY.hex(), encoding="ascii")
    key_file.chmod(0o600)
    monkeypatch.setenv("COUNTERLINE_BRANCH_KEY_FILE", str(key_file))
    store = open_store(str(tmp_path / "old.db"))
    BranchService(store, load_branch_config(), BRANCH, "ST1", ManualClock(datetime(2026, 11, 23, 1, tzinfo=UTC))) \
        .ensure_branch("Old branch")
    one_field = add_customer(store, family="张三丰", given="", id_number="110105198006151234", phone="13912345678")
    with store.engine.begin() as conn:
        # The row as the import wrote it before this change: mask_name('张三丰', '') was the whole name.
        conn.execute(text("UPDATE customer SET name_masked = '张三丰' WHERE id = :id"), {"id": one_field})
        cfg = alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0030_history_seeks")
    store.upgrade()
    with store.engine.connect() as conn:
        shown = conn.execute(text("SELECT name_masked FROM customer WHERE id = :id"), {"id": one_field}).scalar_one()
    expected = CustomerSeal(KEY).columns(BRANCH, "x", "张三丰", "", "1")["name_masked"]
    assert shown == expected, f"the teller's screen, call list and follow-ups show {shown!r}, not {expected!r}"
    store.close()
