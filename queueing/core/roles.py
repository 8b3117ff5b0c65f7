"""Staff roles and what each may do; the application services call ``require`` before acting."""

from __future__ import annotations

from enum import StrEnum

from queueing.core.errors import DomainError


class Role(StrEnum):
    TELLER = "teller"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"
    # The ticket kiosk: looks customers up and checks appointments in, nothing else. No staff account has it.
    KIOSK = "kiosk"


class Action(StrEnum):
    VIEW_PROFILE = "view_profile"
    REVEAL = "reveal"
    ADD_NOTE = "add_note"
    RECORD_OUTCOME = "record_outcome"
    VIEW_FOLLOW_UPS = "view_follow_ups"
    VIEW_REPORTS = "view_reports"
    BROWSE_AUDIT = "browse_audit"
    EXPORT_AUDIT = "export_audit"
    RELOAD_RULES = "reload_rules"
    ADD_COMPLAINT = "add_complaint"
    RESOLVE_COMPLAINT = "resolve_complaint"
    # The supervisor's queue screen: open/close and re-profile counters, move tickets, edit the settings files.
    MANAGE_COUNTERS = "manage_counters"
    # A counter's name and the services it gives (its profile): the branch's set-up, administrators only.
    CONFIGURE_COUNTERS = "configure_counters"
    MOVE_TICKETS = "move_tickets"
    # Sync: mark a ticket that two stations both acted on as dealt with.
    RESOLVE_CONFLICTS = "resolve_conflicts"
    EDIT_SETTINGS = "edit_settings"
    # Appointments: book, cancel and list them; check a customer in (which issues the appointment ticket).
    BOOK_APPOINTMENT = "book_appointment"
    CHECK_IN_APPOINTMENT = "check_in_appointment"
    # Staff accounts: add, deactivate, reactivate, reset a PIN, change a role (administrators); lift a PIN lock.
    MANAGE_STAFF = "manage_staff"
    UNLOCK_STAFF = "unlock_staff"


_TELLER = frozenset(
    {
        Action.VIEW_PROFILE,
        Action.ADD_NOTE,
        Action.RECORD_OUTCOME,
        Action.VIEW_FOLLOW_UPS,
        Action.ADD_COMPLAINT,
        Action.BOOK_APPOINTMENT,
        Action.CHECK_IN_APPOINTMENT,
    }
)
_SUPERVISOR = _TELLER | {
    Action.REVEAL,
    Action.VIEW_REPORTS,
    Action.BROWSE_AUDIT,
    Action.EXPORT_AUDIT,
    Action.RELOAD_RULES,
    Action.RESOLVE_COMPLAINT,
    Action.MANAGE_COUNTERS,
    Action.MOVE_TICKETS,
    Action.RESOLVE_CONFLICTS,
    Action.EDIT_SETTINGS,
    Action.UNLOCK_STAFF,
}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.TELLER: _TELLER,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.ADMINISTRATOR: frozenset(Action),
    Role.KIOSK: frozenset({Action.VIEW_PROFILE, Action.CHECK_IN_APPOINTMENT}),
}


class PermissionDenied(DomainError):
    """The signed-in role may not perform the action (enforced in the services, not only the widgets)."""

    code = "permission_denied"


def allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS.get(role, frozenset())


def require(role: Role, action: Action) -> None:
    """Raise PermissionDenied unless ``role`` may perform ``action``."""
    if not allowed(role, action):
        raise PermissionDenied(f"role {role.value!r} may not {action.value}", role=role.value, action=action.value)


# The staff roles from least to most trusted: a lock is lifted only from below (``require_outranks``).
_RANK = {Role.TELLER: 0, Role.SUPERVISOR: 1, Role.ADMINISTRATOR: 2}


def require_outranks(actor: Role, account: Role | str, action: Action) -> None:
    """Raise PermissionDenied unless ``actor`` stands above ``account``'s role, or is an administrator.

    A supervisor who could lift another supervisor's or an administrator's wrong-PIN lock could guess that PIN
    twenty tries at a time for ever; an administrator is the one who answers for every account.
    """
    if actor is Role.ADMINISTRATOR:
        return
    target = Role(account)
    if _RANK.get(actor, -1) <= _RANK.get(target, 3):
        raise PermissionDenied(
            f"role {actor.value!r} may not {action.value} a {target.value}'s account; an administrator may",
            role=actor.value,
            action=action.value,
        )
