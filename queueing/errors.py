"""Domain errors: an impossible action raises one of these and changes nothing."""

from __future__ import annotations


class DomainError(Exception):
    """A command the branch's rules refuse. ``code`` is stable for translations."""

    code = "domain_error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.details = details


class UnknownCategory(DomainError):
    code = "unknown_category"


class UnknownCounter(DomainError):
    code = "unknown_counter"


class UnknownTicket(DomainError):
    code = "unknown_ticket"


class NothingWaiting(DomainError):
    code = "nothing_waiting"


class InvalidTransition(DomainError):
    """The ticket or counter is not in a state that allows the action."""

    code = "invalid_transition"


class CounterNotAvailable(DomainError):
    """The counter is closed, paused or busy with another ticket."""

    code = "counter_not_available"


class ConfigError(ValueError):
    """A configuration file is malformed; the message names the file and the field."""
