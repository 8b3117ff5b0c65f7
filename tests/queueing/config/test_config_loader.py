"""The one loader: a bad setting is refused with the file, the key path and the reason, in plain words."""

import pytest

from queueing.config.files import MAX_FILE_BYTES, load_config, parse_config
from queueing.config.schemas.supervisor import AlertsFile, StaffingFile
from queueing.core.categories import default_config_path, parse_branch_config
from queueing.core.errors import ConfigError
from queueing.crosssell.check import EMPTY_CUSTOMER, MAX_NESTING, TYPICAL_CUSTOMER
from queueing.crosssell.rules import RuleFileError, parse_rules
from queueing.customers.profile_facts import FACT_TYPES
from queueing.customers.tiers import default_tiers_path, parse_tiers
from queueing.supervisor.alerts import parse_alert_settings

NAMES = '{ en = "x", zh_CN = "x", ko = "x", es = "x" }'


def _rules(condition: str, code: str = "r1") -> str:
    return (
        f'[[rule]]\ncode = "{code}"\nproduct = "pension"\npriority = 1\ncondition = """{condition}"""\n'
        f"reason = {NAMES}\nscript = {NAMES}\n"
    )


def test_the_error_carries_file_key_and_reason():
    with pytest.raises(ConfigError) as caught:
        parse_config("[idle]\nmin_waiting = -1\n", "alerts.toml", AlertsFile)
    error = caught.value
    assert (error.file, error.key, error.reason) == ("alerts.toml", "idle.min_waiting", "must be a whole number >= 0")
    assert str(error) == "alerts.toml: idle.min_waiting: must be a whole number >= 0"


def test_a_misspelt_key_is_refused_not_ignored():
    text = default_config_path().read_text(encoding="utf-8").replace("max_recalls = 3", "max_recall = 7")
    with pytest.raises(ConfigError) as caught:
        parse_branch_config(text, "categories.toml")
    assert caught.value.key == "policy.max_recall" and "unknown key" in caught.value.reason


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_nan_and_inf_are_refused_everywhere(value):
    tiers = default_tiers_path().read_text(encoding="utf-8").replace("min_aum = 50_000", f"min_aum = {value}")
    with pytest.raises(ConfigError, match=r"tier\[1\]\.min_aum: must be a finite number"):
        parse_tiers(tiers, "tiers.toml")
    with pytest.raises(ConfigError, match="understaffed.min_waiting: must be a finite number"):
        parse_alert_settings(f"[understaffed]\nmin_waiting = {value}\n", "alerts.toml")


def test_a_table_key_is_named_by_its_own_name():
    with pytest.raises(ConfigError) as caught:
        parse_config('[planned.mon]\n"9" = 3\n"10" = -1\n', "staffing.toml", StaffingFile)
    assert caught.value.key == "planned.mon.10"


def test_unreadable_bytes_and_huge_files_are_refused(tmp_path):
    binary = tmp_path / "alerts.toml"
    binary.write_bytes(b"[idle]\nmin_waiting = 1 # \xff\xfe\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(binary, AlertsFile)
    binary.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ConfigError, match="larger than"):
        load_config(binary, AlertsFile)
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "missing.toml", AlertsFile)


def test_deeply_nested_conditions_are_refused_with_their_rule():
    with pytest.raises(RuleFileError) as caught:
        parse_rules(_rules("not " * 300 + "birthday_this_week", "deep_rule"), "rules.toml")
    assert caught.value.rule == "deep_rule" and "nests too deeply" in caught.value.reason
    with pytest.raises(RuleFileError, match="nests too deeply"):
        parse_rules(_rules("(" * 500 + "birthday_this_week" + ")" * 500), "rules.toml")
    # Nesting a real rule might use still loads.
    parse_rules(_rules("not (not (age > 30 and (aum > 0 or -aum < 0)))"), "rules.toml")


def test_a_megabyte_condition_is_refused_with_its_rule():
    with pytest.raises(RuleFileError) as caught:
        parse_rules(_rules("age > 1 and " * 85_000 + "true", "long_rule"), "rules.toml")  # a megabyte
    assert caught.value.key == "rule[0].condition" and caught.value.rule == "long_rule"
    assert "must have <= 2000 characters" in caught.value.reason


def test_a_condition_that_fails_on_a_customer_is_refused_at_load():
    with pytest.raises(RuleFileError) as caught:
        parse_rules(_rules("aum / demand_balance > 2", "ratio_rule"), "rules.toml")
    assert caught.value.rule == "ratio_rule" and "fails on a sample customer" in caught.value.reason
    assert caught.value.key == "rule[0].condition" and caught.value.line == 5


def test_the_sample_customers_have_exactly_the_facts_a_rule_may_use():
    assert set(EMPTY_CUSTOMER) == set(FACT_TYPES) == set(TYPICAL_CUSTOMER)
    assert MAX_NESTING < 100  # well below where rule-engine's parser runs out of stack (a few hundred)


@pytest.mark.parametrize("text", ["rule = [1]", 'rule = [{ code = 5 }]', "rule = 5", "[[rule]]\n[[rule]]\ncode = []"])
def test_a_rule_file_of_the_wrong_shape_is_one_rule_file_error(text):
    with pytest.raises(RuleFileError, match="^rules.toml"):
        parse_rules(text, "rules.toml")


@pytest.mark.parametrize("text", ["a = " + "[" * 5000 + "]" * 5000, "a = " + "{b = " * 5000 + "1" + "}" * 5000])
def test_toml_nested_beyond_the_stack_is_refused(text):
    with pytest.raises(ConfigError, match="^alerts.toml: not valid TOML"):
        parse_alert_settings(text, "alerts.toml")


@pytest.mark.parametrize("hidden", ["\\u001dV\\u0000", "\\u202esnoitcasnart", "\\n2. Loans"])
def test_a_service_name_with_control_characters_or_direction_marks_is_refused(hidden):
    """The kiosk shows these names and prints them on the ticket: an escape reached the thermal printer as a
    command, a direction override showed a name other than the one stored, a line break a tile of its own."""
    text = default_config_path().read_text(encoding="utf-8").replace('en = "Cash and deposits"', f'en = "Cash{hidden}"')
    assert hidden in text
    with pytest.raises(ConfigError) as caught:
        parse_branch_config(text, "categories.toml")
    assert caught.value.key == "category[0].names.en"
    assert caught.value.reason.startswith("must be text that is not blank, without control characters or direction")
