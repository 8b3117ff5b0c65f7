"""The settings editor checks the folder as a save would leave it: a categories.toml that drops a code another
file still names is refused with that file and key, and the files naming categories are checked against them."""

from __future__ import annotations

import re

import pytest
from staff_sessions import session_of

from models.supervisor.settings_files import SettingsEditor, default_settings_files
from queueing.appointments.rules import load_appointment_rules
from queueing.config.files import RESOURCES
from queueing.core.categories import load_branch_config
from queueing.core.errors import ConfigError
from queueing.core.roles import Role
from queueing.core.transaction_types import load_catalogue
from queueing.supervisor.staffing import load_staffing_settings

GOLD = """
[[category]]
code = "GOLD"
prefix = "G"
target_wait_min = 10
max_wait_min = 30
typical_service_min = 5
names = { en = "Gold", zh_CN = "黄金", ko = "금", es = "Oro" }
"""


def _packaged(name: str) -> str:
    return (RESOURCES / name).read_text(encoding="utf-8")


def _without(text: str, code: str) -> str:
    return re.sub(rf'\[\[category\]\]\ncode = "{code}".*?\n\n', "", text, flags=re.S)


def _editor(folder) -> SettingsEditor:
    return SettingsEditor(default_settings_files(folder), session_of("DEMO", "S2001", Role.SUPERVISOR, "T"))


def _folder_loads(folder) -> None:
    """What the supervisor, the kiosk and a station read at start, from ``folder`` (else the packaged file)."""

    def at(name):
        return folder / name if (folder / name).exists() else RESOURCES / name

    categories = load_branch_config(at("categories.toml")).categories
    load_catalogue(at("transaction_types.toml"), categories)
    load_staffing_settings(at("staffing.toml"), categories)
    load_appointment_rules(at("appointments.toml"), categories)


def test_dropping_a_category_another_file_names_is_refused_naming_that_file(tmp_path):
    editor = _editor(tmp_path)
    with pytest.raises(ConfigError) as refused:
        editor.save("categories", _without(_packaged("categories.toml"), "FX"))
    message = str(refused.value)
    assert message.startswith("categories.toml: not saved: transaction_types.toml would be refused")
    assert ".categories: unknown categories FX" in message
    assert not (tmp_path / "categories.toml").exists()  # nothing written: the packaged file stays in force
    with pytest.raises(ConfigError, match="transaction_types.toml"):
        editor.validate("categories", _without(_packaged("categories.toml"), "FX"))  # the Check button says so too
    _folder_loads(tmp_path)


def test_a_category_only_appointments_open_is_kept(tmp_path):
    editor = _editor(tmp_path)
    editor.save("categories", _packaged("categories.toml").rstrip("\n") + "\n" + GOLD)
    (tmp_path / "appointments.toml").write_text(
        _packaged("appointments.toml").replace('"CORP", "FX"]', '"CORP", "FX", "GOLD"]'), encoding="utf-8"
    )
    _folder_loads(tmp_path)
    with pytest.raises(ConfigError, match=r"appointments.toml would be refused with it \(categories.open: .*GOLD"):
        editor.save("categories", _packaged("categories.toml"))
    assert "GOLD" in load_branch_config(tmp_path / "categories.toml").categories
    _folder_loads(tmp_path)


def test_staffing_is_checked_against_the_categories_in_force(tmp_path):
    staffing = _packaged("staffing.toml").replace("min_open = { CASH = 2 }", "min_open = { GOLD = 1 }")
    with pytest.raises(ConfigError, match=r"cover.min_open.GOLD: is not a category"):
        _editor(tmp_path).save("staffing", staffing)
    assert not (tmp_path / "staffing.toml").exists()


def test_a_file_already_refused_does_not_stop_another_categories_change(tmp_path):
    """Its own problem is not this save's: the supervisor can still change a target wait."""
    types = _packaged("transaction_types.toml").replace("\nstandard_min = 3", "\nstandrad_min = 3", 1)
    (tmp_path / "transaction_types.toml").write_text(types, encoding="utf-8")
    editor = _editor(tmp_path)
    editor.save("categories", _packaged("categories.toml").replace("target_wait_min = 10", "target_wait_min = 8", 1))
    assert load_branch_config(tmp_path / "categories.toml").categories["CASH"].target_wait_s == 480


def test_transaction_types_are_saved_while_the_branch_has_no_categories_file_of_its_own(tmp_path):
    """Checked against the packaged categories then, as the stations read them (it was "cannot read")."""
    _editor(tmp_path).save("transaction_types", _packaged("transaction_types.toml"))
    assert (tmp_path / "transaction_types.toml").exists() and not (tmp_path / "categories.toml").exists()
