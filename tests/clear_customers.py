"""What the customer table holds sealed, opened with the branch key: for tests that check nothing shows it."""

from __future__ import annotations

from sqlalchemy import select

from models.customers.seal import CustomerSeal
from models.customers.tables import CustomerRow
from models.store.database import Store


def _seal(key: bytes | CustomerSeal) -> CustomerSeal:
    return key if isinstance(key, CustomerSeal) else CustomerSeal(key)


def clear_phones(store: Store, key: bytes | CustomerSeal) -> dict[int, str]:
    """Customer id -> the full phone number."""
    seal = _seal(key)
    with store.read_session() as session:
        rows = session.execute(select(CustomerRow.id, CustomerRow.branch_id, CustomerRow.customer_no,
                                      CustomerRow.phone_sealed)).all()
    return {r.id: seal.phone(r.branch_id, r.customer_no, r.phone_sealed) for r in rows}


def clear_names(store: Store, key: bytes | CustomerSeal) -> dict[int, str]:
    """Customer id -> the full name."""
    seal = _seal(key)
    with store.read_session() as session:
        rows = session.execute(select(CustomerRow.id, CustomerRow.branch_id, CustomerRow.customer_no,
                                      CustomerRow.name_sealed)).all()
    return {r.id: seal.full_name(r.branch_id, r.customer_no, r.name_sealed) for r in rows}
