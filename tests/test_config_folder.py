"""A branch overrides the packaged TOML defaults with files of the same name in its configuration folder."""

import pytest
from staff_sessions import session_of

import main
from models.supervisor.settings_files import SettingsEditor
from queueing.config.files import CONFIG_DIR_ENV, RESOURCES
from queueing.core.categories import load_branch_config
from queueing.core.roles import Role


def test_a_file_in_the_folder_replaces_the_default_and_the_others_stay(tmp_path, monkeypatch):
    packaged = load_branch_config()
    text = (RESOURCES / "categories.toml").read_text(encoding="utf-8")
    (tmp_path / "categories.toml").write_text(text.replace("target_wait_min = 10", "target_wait_min = 7"))
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    mine = load_branch_config()
    assert mine.categories["CASH"].target_wait_s == 420 != packaged.categories["CASH"].target_wait_s
    from queueing.customers.tiers import load_tiers

    assert load_tiers()  # no tiers.toml in the folder: the packaged one


def test_a_broken_override_is_named_by_its_own_file(tmp_path, monkeypatch):
    (tmp_path / "categories.toml").write_text("[[category]]\ncode = 1\n")
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    with pytest.raises(ValueError, match=str(tmp_path / "categories.toml")):
        load_branch_config()


def test_the_settings_screen_saves_the_branchs_copy_not_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    before = (RESOURCES / "alerts.toml").read_bytes()
    editor = SettingsEditor(actor=session_of("B1", "S1", Role.SUPERVISOR, "ST1"))
    text = editor.read("alerts")
    assert text == before.decode("utf-8")
    editor.save("alerts", text + "\n")
    assert (tmp_path / "alerts.toml").read_text(encoding="utf-8") == text + "\n"
    assert (RESOURCES / "alerts.toml").read_bytes() == before


def test_a_missing_config_folder_is_one_line(tmp_path, capsys):
    assert main.main(["--config", str(tmp_path / "nope"), "--db", str(tmp_path / "s.db"), "staff", "list"]) == 2
    err = capsys.readouterr().err
    assert "--config" in err and "no such folder" in err and err.count("\n") == 1


def test_a_missing_config_folder_named_by_the_environment_is_one_line_too(tmp_path, monkeypatch, capsys):
    """It was ignored: the packaged defaults ran where the branch meant its own files."""
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "nope"))
    assert main.main(["simulate", "--hours", "1", "--arrival-rate", "1"]) == 2
    err = capsys.readouterr().err
    assert err == f"counterline: {CONFIG_DIR_ENV}={tmp_path / 'nope'}: no such folder\n"
    # --config names the folder of this run: a stale variable does not stop it.
    assert main.main(["--config", str(tmp_path), "simulate", "--hours", "1", "--arrival-rate", "1", "--json"]) == 0


def test_the_default_folder_need_not_exist_for_a_second_run_either(tmp_path, monkeypatch):
    """The first run puts the default folder in the environment; a second run (or a program the first starts)
    must not take it for a folder the user named and refuse it."""
    monkeypatch.delenv(CONFIG_DIR_ENV)
    monkeypatch.setattr("platformdirs.user_config_dir", lambda *_a, **_k: str(tmp_path / "no-config-yet"))
    for _ in range(2):
        assert main.main(["simulate", "--hours", "1", "--arrival-rate", "1", "--json"]) == 0


def test_the_kiosk_printer_and_the_hall_display_read_the_branchs_own_files(tmp_path, monkeypatch):
    """A branch's printer.toml and display.toml in its folder were ignored (config check passed them, the kiosk
    and the hall read the packaged ones): the kiosk never printed on the branch's thermal printer."""
    from ui.display.announcer import load_call_settings
    from ui.kiosk.ticket_printer import load_printer_settings

    (tmp_path / "printer.toml").write_text('[escpos]\nkind = "network"\nhost = "10.1.2.3"\nencoding = "cp858"\n')
    (tmp_path / "display.toml").write_text('[call]\nlanguages = ["ko"]\n[notices]\nlines = ["Our own notice"]\n')
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))
    printer = load_printer_settings()
    assert (printer.escpos_kind, printer.host, printer.encoding) == ("network", "10.1.2.3", "cp858")
    call = load_call_settings()
    assert call.languages == ("ko",) and call.notices == ("Our own notice",)
