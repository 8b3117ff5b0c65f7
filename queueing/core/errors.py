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


class AlreadyResolved(DomainError):
    """A conflict or clash someone marked dealt with since the screen listed it."""

    code = "already_resolved"


class MovedMeanwhile(DomainError):
    """A supervisor's move of a ticket someone else moved since the screen showed it."""

    code = "moved_meanwhile"


class CounterNotAvailable(DomainError):
    """The counter is closed, paused or busy with another ticket."""

    code = "counter_not_available"


class CounterTaken(DomainError):
    """Another teller is signed in at the counter, or this teller is at another counter.

    ``holder`` and ``since`` name the other teller's session; both are None for "at another counter".
    """

    code = "counter_taken"


class ConfigError(ValueError):
    """A configuration file is refused: ``file``, the ``key`` path inside it ("" for the file as a whole), ``reason``.

    ``ConfigError(file=..., key=..., reason=...)`` builds the message from the three; a message alone is for
    refusals that are not about one file's content (an argument naming no file).
    """

    def __init__(self, message: str | None = None, *, file: str = "", key: str = "", reason: str = "") -> None:
        if message is None:
            message = ": ".join(part for part in (file, key, reason) if part)
        super().__init__(message)
        self.file, self.key, self.reason = file, key, reason or message


class CategoryInUse(ConfigError):
    """A categories.toml that drops a category open tickets, counter profiles or booked appointments still use:
    every snapshot of the branch would name a category it no longer knows, and an appointment's check-in would issue
    a ticket in it. ``category`` is the code, ``tickets`` how many open tickets are in it, ``counters`` the names of
    the counters whose profile serves it, ``appointments`` the booked or arrived appointments in it (each named by
    its id and day, "12 (2026-11-24)")."""

    def __init__(
        self, file: str, category: str, tickets: int, counters: tuple[str, ...], appointments: tuple[str, ...] = ()
    ) -> None:
        uses = [f"{tickets} open ticket(s)"] if tickets else []
        if counters:
            uses.append("counter(s) " + ", ".join(counters))
        if appointments:
            uses.append("appointment(s) " + ", ".join(appointments))
        super().__init__(
            file=file,
            key=f"category.{category}",
            reason=f"still in use by {' and '.join(uses)}; finish or move its tickets, take it off the counters and "
            "cancel its appointments first, or keep the category",
        )
        self.category, self.tickets, self.counters = category, tickets, counters
        self.appointments = appointments
