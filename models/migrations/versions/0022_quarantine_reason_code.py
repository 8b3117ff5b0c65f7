"""sync_quarantine.reason_code: why upstream refused a pushed event, as a code the supervisor's screen words

Revision ID: 0022_quarantine_reason_code
Revises: 0021_phone_forms

The reason kept so far is the database driver's English line ("DataError: PostgreSQL text fields cannot
contain NUL (0x00) bytes"), which the Sync tab showed as it was to supervisors in four languages. The code
(models/sync/refusal_codes.py) is what the tab words; the line stays for whoever reads the log. Rows
quarantined before this revision have no code and keep showing their line.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_quarantine_reason_code"
down_revision = "0021_phone_forms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_quarantine", sa.Column("reason_code", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("sync_quarantine", "reason_code")
