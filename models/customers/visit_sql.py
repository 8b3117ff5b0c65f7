"""The visit rule (queueing/customers/visits.py) inside the server's customer functions (PostgreSQL).

A station's login may call the functions without the service and name any account as the one asking, so
the function itself checks that ``p_ticket`` is that account's visit with ``p_customer``: the ticket is
linked to the customer; it is called or served at the counter the account is signed in at (whoever called
it: a teller who took the counter over serves its customer), or (for an answer) the account finished it
(``finished_by``; its caller for rows from before) at most ``ANSWER_AFTER_FINISH`` ago by the server's clock,
not the caller's. Without a
ticket only a supervisor or an administrator acts, and only over a login that reads the customer table
itself (their own screens): over a station's login, naming a supervisor opens nothing.

Each snippet sets ``v_visit`` (boolean); the function declares it, and ``v_role``, set by ACTIVE_ACCOUNT.
"""

from __future__ import annotations

from queueing.customers.visits import ANSWER_AFTER_FINISH, FINISHED_STATUS, LIVE_STATUSES, WITHOUT_VISIT

_LIVE = ", ".join(f"'{s}'" for s in sorted(LIVE_STATUSES))
_WITHOUT = ", ".join(f"'{r.value}'" for r in sorted(WITHOUT_VISIT))
_MINUTES = int(ANSWER_AFTER_FINISH.total_seconds() // 60)


def _visit(after_finish: str) -> str:
    return f"""
    IF p_ticket IS NULL THEN
        v_visit := v_role IN ({_WITHOUT}) AND has_table_privilege(session_user, 'customer', 'SELECT');
    ELSE
        v_visit := EXISTS (
            SELECT 1 FROM ticket t
             WHERE t.id = p_ticket AND t.branch_id = p_branch AND t.customer_id = p_customer::text
               AND ((t.status IN ({_LIVE}) AND EXISTS (
                        SELECT 1 FROM counter_session s
                         WHERE s.branch_id = p_branch AND s.counter_id = t.counter_id
                           AND s.staff_id = p_staff)){after_finish}));
    END IF;
"""


# Opening a profile: during the visit only.
LIVE_VISIT = _visit("")
# Recording an answer: during the visit, or shortly after its teller finished it.
ANSWER_VISIT = _visit(
    f"""
                    OR (t.status = '{FINISHED_STATUS}' AND COALESCE(t.finished_by, t.staff_id) = p_staff
                        AND t.finished_at >= now() - interval '{_MINUTES} minutes')"""
)
