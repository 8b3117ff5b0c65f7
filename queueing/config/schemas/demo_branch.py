"""Schema of demo_branch.toml: the DEMO branch, its counters and its staff."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

from queueing.config.schemas.common import Code, Level, Table, form

Name = Annotated[str, form(r"\S", "text that is not blank", max_length=80)]


class BranchTable(Table, frozen=True):
    id: Code
    name: Name


class CounterEntry(Table, frozen=True):
    id: Code
    name: Annotated[str, form(r"\S", "text that is not blank", max_length=40)]
    profile: Annotated[dict[Code, Level], Meta(min_length=1)]


class StaffEntry(Table, frozen=True):
    id: Code
    name: Name
    pin: Annotated[str, form(r"^[0-9]{4,12}$", "a PIN of 4 to 12 digits")]
    # A kiosk is a role no staff account has.
    role: Literal["teller", "supervisor", "administrator"] = "teller"


class SimulatedTellerEntry(Table, frozen=True):
    """A teller the demo's traffic plays: an account of its own that nobody can sign in with."""

    id: Code
    name: Name


class DemoBranchFile(Table, frozen=True):
    branch: BranchTable
    counter: Annotated[list[CounterEntry], Meta(max_length=100)] = []
    staff: Annotated[list[StaffEntry], Meta(max_length=100)] = []
    simulated_teller: Annotated[list[SimulatedTellerEntry], Meta(max_length=100)] = []
