"""The configuration files a supervisor edits from the queue screen, each checked before saving by its own parser
and against the files beside it that name its categories."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from models.appointments.tables import AppointmentRow
from models.staff.session import StaffSession, authorize, check_account
from models.store.atomic_file import replaced_on_success
from models.store.database import Store
from models.store.tables import CounterRow, TicketRow
from queueing.appointments.rules import AppointmentStatus, parse_appointment_rules
from queueing.config.files import RESOURCES, branch_config_dir, read_text
from queueing.core.categories import default_config_path, parse_branch_config
from queueing.core.errors import CategoryInUse, ConfigError
from queueing.core.roles import Action, PermissionDenied
from queueing.core.transaction_types import default_catalogue_path, parse_catalogue
from queueing.crosssell.rules import default_rules_path, parse_rules
from queueing.supervisor.alerts import ALERTS_FILE, parse_alert_settings
from queueing.supervisor.staffing import STAFFING_FILE, parse_staffing_settings

# (text, source, the category codes in force) -> parsed; raises ConfigError.
Check = Callable[[str, str, Collection[str]], object]


BOOKED_OR_ARRIVED = (AppointmentStatus.BOOKED.value, AppointmentStatus.ARRIVED.value)


@dataclass(frozen=True)
class SettingsFile:
    key: str
    path: Path
    check: Check


def in_force(path: Path) -> Path:
    """The branch's copy of a settings file, or the packaged default while the branch has none."""
    return path if path.exists() else RESOURCES / path.name


def _alone(parse: Callable[[str, str], object]) -> Check:
    return lambda text, source, _categories: parse(text, source)


def _appointments(text: str, source: str, categories: Collection[str]) -> object:
    return parse_appointment_rules(text, source, categories)


# A ticket in one of these is in the branch's live state: its category must stay known.
OPEN_STATUSES = ("waiting", "called", "serving", "parked")

# Files besides categories.toml that name categories, by file name: a categories.toml that drops or renames a
# code one of them still uses would be saved, and the supervisor, the kiosk and the stations refuse to start.
NAMING_CATEGORIES: dict[str, Check] = {
    "transaction_types.toml": parse_catalogue,
    STAFFING_FILE.name: parse_staffing_settings,
    "appointments.toml": _appointments,
}


def default_settings_files(folder: Path | None = None) -> dict[str, SettingsFile]:
    """The editable files; ``folder`` puts them all in one folder (tests, a branch's own copy).

    Without ``folder``, the branch's configuration folder when there is one: a save writes the
    branch's own copy there and never the packaged default.
    """
    folder = folder or branch_config_dir()

    def where(default: Path) -> Path:
        return folder / Path(default).name if folder else default

    files = (
        SettingsFile("categories", where(default_config_path()), _alone(parse_branch_config)),
        SettingsFile("transaction_types", where(default_catalogue_path()), parse_catalogue),
        SettingsFile("crosssell_rules", where(default_rules_path()), _alone(parse_rules)),
        SettingsFile("alerts", where(ALERTS_FILE), _alone(parse_alert_settings)),
        SettingsFile("staffing", where(STAFFING_FILE), parse_staffing_settings),
    )
    return {f.key: f for f in files}


def _accepted(check: Check, path: Path, categories: Collection[str]) -> bool:
    try:
        check(read_text(path), path.name, categories)
    except ConfigError:
        return False
    return True


class SettingsChanged(ConfigError):
    """The file was saved by someone else (another screen, another administrator) since this text was read from it:
    saving over it would lose that save without a word."""


class SettingsEditor:
    """Reads and saves the settings files; a file is only written when its parser accepts the new text."""

    def __init__(
        self,
        files: dict[str, SettingsFile] | None = None,
        actor: StaffSession | None = None,
        store: Store | None = None,
    ) -> None:
        """``actor``: who saves; only a session whose role may edit the settings can save. ``store``: where the
        actor's account is read again at every save, as every other service does (the screens pass it)."""
        self.files = files or default_settings_files()
        self.actor = actor
        self.store = store

    def read(self, key: str) -> str:
        """The branch's copy of the file, or the packaged default while the branch has none."""
        return read_text(in_force(self._file(key).path))

    def validate(self, key: str, text: str) -> None:
        """Raises ConfigError (with the line or entry at fault) when ``text`` is not a valid file of this kind,
        or when the files beside it would be refused with it: the folder is checked as the save would leave it."""
        file = self._file(key)
        categories = self._file("categories")
        if key != categories.key:
            file.check(text, file.path.name, self._categories())
            return
        codes = parse_branch_config(text, file.path.name).categories
        self._refuse_dropping_in_use(file.path.name, [code for code in self._categories() if code not in codes])
        for name, check in NAMING_CATEGORIES.items():
            other = in_force(file.path.parent / name)
            try:
                check(read_text(other), name, codes)
            except ConfigError as exc:
                # Refused only for what this text changes: a file refused with today's categories too is its own
                # problem (``config check`` names it), and may be what this save sets right.
                if _accepted(check, other, self._categories()):
                    raise ConfigError(
                        file=file.path.name,
                        reason=f"not saved: {name} would be refused with it ({exc.key}: {exc.reason}); "
                        f"change {name} first, or keep the category",
                    ) from None

    def _refuse_dropping_in_use(self, file: str, dropped: list[str]) -> None:
        """Raises CategoryInUse for the first dropped code an open ticket (any day's: one served across midnight
        too), a counter's profile or a booked (or arrived) appointment still uses in the store: a check-in would
        issue a ticket in a category the branch no longer knows. Without a store (a check with no branch), nothing to
        look at."""
        if not dropped or self.store is None:
            return
        branch = self.actor.branch_id if self.actor is not None else None
        with self.store.read_session() as db:
            tickets = select(TicketRow.category, func.count()).where(
                TicketRow.status.in_(OPEN_STATUSES), TicketRow.category.in_(dropped)
            )
            counters = select(CounterRow.name, CounterRow.profile)
            if branch is not None:
                tickets = tickets.where(TicketRow.branch_id == branch)
                counters = counters.where(CounterRow.branch_id == branch)
            booked = select(AppointmentRow.category, AppointmentRow.id, AppointmentRow.business_date).where(
                AppointmentRow.status.in_(BOOKED_OR_ARRIVED), AppointmentRow.category.in_(dropped)
            )
            if branch is not None:
                booked = booked.where(AppointmentRow.branch_id == branch)
            open_tickets: dict[str, int] = {c: n for c, n in db.execute(tickets.group_by(TicketRow.category))}
            profiles = [(name, profile) for name, profile in db.execute(counters.order_by(CounterRow.name))]
            appointments: dict[str, list[str]] = {}
            for category, number, day in db.execute(booked.order_by(AppointmentRow.start_at, AppointmentRow.id)):
                appointments.setdefault(category, []).append(f"{number} ({day.isoformat()})")
        for code in dropped:
            serving = tuple(name for name, profile in profiles if code in (profile or {}))
            if open_tickets.get(code) or serving or appointments.get(code):
                named = tuple(appointments.get(code, ()))
                raise CategoryInUse(file, code, int(open_tickets.get(code, 0)), serving, named)

    def _categories(self) -> Collection[str]:
        """The category codes of the categories.toml in force beside the edited files."""
        path = in_force(self._file("categories").path)
        return parse_branch_config(read_text(path), path.name).categories

    def save(self, key: str, text: str, read_as: str | None = None) -> None:
        """Validate, then replace the file in one step so that no reader ever sees half of it.

        ``read_as``: the file's text when the editor opened it; SettingsChanged if it is not the text in force now."""
        if self.actor is None:
            raise PermissionDenied("saving the settings needs a signed-in supervisor or administrator")
        authorize(self.actor, self.actor.branch_id, Action.EDIT_SETTINGS)
        if self.store is not None:
            # A supervisor deactivated or made a teller since signing in may not rewrite the transaction weights
            # that piece-rate pay is counted in.
            with self.store.read_session() as db:
                check_account(db, self.actor)
        self.validate(key, text)
        if read_as is not None and self.read(key) != read_as:
            name = self._file(key).path.name
            raise SettingsChanged(file=name, reason="saved by someone else since it was opened: open it again")
        self._file(key).path.parent.mkdir(parents=True, exist_ok=True)
        with replaced_on_success(self._file(key).path) as part:
            part.write_text(text, encoding="utf-8")

    def _file(self, key: str) -> SettingsFile:
        try:
            return self.files[key]
        except KeyError:
            raise ConfigError(f"no settings file {key!r}; known: {', '.join(self.files)}") from None
