"""customer: the masked name and greeting computed again from the sealed name, as the masking is now

Revision ID: 0031_customer_remask
Revises: 0030_history_seeks

name_masked and greeting are written once, when an import stores the row. The masking has changed since (a name
held in the family field alone is masked too, 张*丰 / S***; the greeting skips a leading direction control), and a
store's older rows kept their whole names on every teller screen, call list and follow-up. Each row's name is opened
from name_sealed with the branch key (as 0013_customer_sealed reads it: COUNTERLINE_BRANCH_KEY_FILE or the config
folder, owner-only; a store without customers, a station's journal, needs none) and masked with today's functions
(queueing.customers.masking.mask_name, queueing.customers.profile_view.greeting_name); only the rows that change are
written. Nothing to undo on a downgrade: the older masks showed more, never less.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from models.customers.seal import load_seal
from queueing.customers.masking import mask_name
from queueing.customers.profile_view import greeting_name

revision = "0031_customer_remask"
down_revision = "0030_history_seeks"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM customer LIMIT 1")).first() is None:
        return
    seal = load_seal()
    update = sa.text("UPDATE customer SET name_masked = :name_masked, greeting = :greeting WHERE id = :id")
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT id, branch_id, customer_no, name_sealed, name_masked, greeting FROM customer "
                "WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": BATCH},
        ).all()
        if not rows:
            return
        changed = []
        for r in rows:
            family, given = json.loads(seal.open(r.branch_id, r.customer_no, "name", r.name_sealed))
            masked, greeting = mask_name(family, given), greeting_name(family)
            if (masked, greeting) != (r.name_masked, r.greeting):
                changed.append({"id": r.id, "name_masked": masked, "greeting": greeting})
        if changed:
            bind.execute(update, changed)
        last = rows[-1].id


def downgrade() -> None:
    pass
