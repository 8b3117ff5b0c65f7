"""staff (PostgreSQL): a final PIN lock is lifted only by a login that may unlock accounts

Revision ID: 0036_keep_final_lock
Revises: 0035_service_shares

A station's login (``db grant-station``) writes an account's wrong-PIN columns, as it must: it counts wrong
PINs, locks, and clears a count or a timed lock on the right PIN. With the same grant a teller holding the
station's password could lift a final lock by hand (``UPDATE staff SET lock_stage = 0``), which only a
supervisor or an administrator may do (models/staff/pin_lockout.py). No station ever lowers a final lock:
a right PIN is not even checked against one. This trigger refuses it to every login that may not write
``lock_resets``, which every unlock counts up (StaffService.unlock) and a station's login may not (its grant
is the wrong-PIN columns), and lets the supervisor's and administrator's screens unlock as before. SQLite
stores have no logins to tell apart: no change.
"""

from __future__ import annotations

from alembic import op

revision = "0036_keep_final_lock"
down_revision = "0035_service_shares"
branch_labels = None
depends_on = None

# Written out as this revision makes it; 4 is pin_lockout.FINAL_STAGE (three timed locks, then for good).
CREATE_GUARD = """
-- Names are looked up in pg_catalog alone, never in the caller's search_path: a login that may create in a schema of
-- its path (public, on a server from before PostgreSQL 15) would otherwise answer has_column_privilege() itself.
CREATE OR REPLACE FUNCTION counterline_keep_final_lock() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    IF OLD.lock_stage >= 4 AND COALESCE(NEW.lock_stage, 0) < OLD.lock_stage
       AND NOT has_column_privilege(current_user, format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'lock_resets',
                                    'UPDATE') THEN
        RAISE EXCEPTION 'account % of branch % is locked until a supervisor or administrator unlocks it',
            OLD.id, OLD.branch_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$fn$;
CREATE TRIGGER staff_keep_final_lock BEFORE UPDATE OF lock_stage ON staff
    FOR EACH ROW EXECUTE FUNCTION counterline_keep_final_lock();
"""

DROP_GUARD = """
DROP TRIGGER IF EXISTS staff_keep_final_lock ON staff;
DROP FUNCTION IF EXISTS counterline_keep_final_lock();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(CREATE_GUARD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DROP_GUARD)
