"""The configuration files a supervisor edits from the queue screen, each checked by its own parser before saving."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.staff.session import StaffSession, authorize, check_account
from models.store.atomic_file import replaced_on_success
from models.store.database import Store
from queueing.config.files import RESOURCES, branch_config_dir, read_text
from queueing.core.categories import default_config_path, load_branch_config, parse_branch_config
from queueing.core.errors import ConfigError
from queueing.core.roles import Action, PermissionDenied
from queueing.core.transaction_types import default_catalogue_path, parse_catalogue
from queueing.crosssell.rules import default_rules_path, parse_rules
from queueing.supervisor.alerts import ALERTS_FILE, parse_alert_settings
from queueing.supervisor.staffing import STAFFING_FILE, parse_staffing_settings


@dataclass(frozen=True)
class SettingsFile:
    key: str
    path: Path
    check: Callable[[str, str], object]  # (text, source) -> parsed; raises ConfigError


def _transaction_types_checker(categories_file: Path) -> Callable[[str, str], object]:
    def check(text: str, source: str) -> object:
        # Transaction types name the categories they belong to: those must exist in the categories file in force.
        categories = load_branch_config(categories_file).categories
        return parse_catalogue(text, source, categories)

    return check


def default_settings_files(folder: Path | None = None) -> dict[str, SettingsFile]:
    """The editable files; ``folder`` puts them all in one folder (tests, a branch's own copy).

    Without ``folder``, the branch's configuration folder when there is one: a save writes the
    branch's own copy there and never the packaged default.
    """
    folder = folder or branch_config_dir()

    def where(default: Path) -> Path:
        return folder / Path(default).name if folder else default

    categories = where(default_config_path())
    files = (
        SettingsFile("categories", categories, parse_branch_config),
        SettingsFile("transaction_types", where(default_catalogue_path()), _transaction_types_checker(categories)),
        SettingsFile("crosssell_rules", where(default_rules_path()), parse_rules),
        SettingsFile("alerts", where(ALERTS_FILE), parse_alert_settings),
        SettingsFile("staffing", where(STAFFING_FILE), parse_staffing_settings),
    )
    return {f.key: f for f in files}


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
        path = self._file(key).path
        return read_text(path if path.exists() else RESOURCES / path.name)

    def validate(self, key: str, text: str) -> None:
        """Raises ConfigError (with the line or entry at fault) when ``text`` is not a valid file of this kind."""
        file = self._file(key)
        file.check(text, file.path.name)

    def save(self, key: str, text: str) -> None:
        """Validate, then replace the file in one step so that no reader ever sees half of it."""
        if self.actor is None:
            raise PermissionDenied("saving the settings needs a signed-in supervisor or administrator")
        authorize(self.actor, self.actor.branch_id, Action.EDIT_SETTINGS)
        if self.store is not None:
            # A supervisor deactivated or made a teller since signing in may not rewrite the transaction weights
            # that piece-rate pay is counted in.
            with self.store.read_session() as db:
                check_account(db, self.actor)
        self.validate(key, text)
        self._file(key).path.parent.mkdir(parents=True, exist_ok=True)
        with replaced_on_success(self._file(key).path) as part:
            part.write_text(text, encoding="utf-8")

    def _file(self, key: str) -> SettingsFile:
        try:
            return self.files[key]
        except KeyError:
            raise ConfigError(f"no settings file {key!r}; known: {', '.join(self.files)}") from None
