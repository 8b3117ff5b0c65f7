"""Every shipped configuration file, mutated at random: it loads, or the one ConfigError names it. Nothing else.

The mutations are of two kinds: bytes (flipped, inserted, cut: broken UTF-8, broken TOML) and structure
(a value replaced by another type, a hostile string, nan or inf; a key removed or misspelt). Each file
goes through the loader the app itself uses (ui.app.config_check.loaders), the hall's files included.
"""

import json
import math
import os
import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from queueing.config.files import RESOURCES
from queueing.core.errors import ConfigError
from ui.app.config_check import check_folder, loaders

SHIPPED = sorted(RESOURCES.glob("*.toml")) + sorted((RESOURCES / "scenarios").glob("*.toml"))
# A few seconds in the suite; COUNTERLINE_FUZZ_EXAMPLES=2000 for a long hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("COUNTERLINE_FUZZ_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _loader(path: Path):
    if path.parent.name == "scenarios":
        from queueing.simulation.scenario import load_scenario

        return load_scenario
    return loaders(path.parent)[path.name]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    # The categories file beside the others, so that transaction types and appointments are checked against it.
    work = tmp_path_factory.mktemp("config")
    shutil.copy(RESOURCES / "categories.toml", work / "categories.toml")
    (work / "scenarios").mkdir()
    return work


def _load_or_refuse(folder: Path, shipped: Path, data: bytes) -> None:
    target = folder / ("scenarios" if shipped.parent.name == "scenarios" else "") / shipped.name
    target.write_bytes(data)
    try:
        _loader(target)(target)
    except ConfigError as exc:
        assert exc.file == str(target) and str(target) in str(exc), exc
    finally:
        if shipped.name != "categories.toml":
            target.unlink()
        else:
            shutil.copy(shipped, target)


def test_every_file_the_app_reads_is_covered():
    assert {p.name for p in RESOURCES.glob("*.toml")} == set(loaders(RESOURCES))
    for path in SHIPPED:
        _loader(path)(path)  # and the shipped ones load


byte_edits = st.lists(
    st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(["flip", "insert", "cut"]), st.integers(0, 255)),
    min_size=1,
    max_size=4,
)


@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda p: p.name)
@FUZZ
@given(edits=byte_edits)
def test_byte_mutations_load_or_name_the_file(folder, shipped, edits):
    data = bytearray(shipped.read_bytes())
    for where, how, byte in edits:
        at = int(where * len(data))
        if how == "flip":
            data[at] ^= byte or 0x80
        elif how == "insert":
            data.insert(at, byte)
        else:
            del data[at : at + byte % 16 + 1]
    _load_or_refuse(folder, shipped, bytes(data))


hostile_values = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 0.5]),
    st.booleans(),
    st.text(max_size=30),
    st.sampled_from(["", " ", "x" * 5000, "\u202e", "../../etc/passwd", "Asia", "nan", "09:00", "25:99"]),
    st.just(date(2026, 2, 28)),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.sampled_from(["CASH", "code", "x", "9"]), st.integers(-2, 5), max_size=2),
)


@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda p: p.name)
@FUZZ
@given(data=st.data())
def test_structure_mutations_load_or_name_the_file(folder, shipped, data):
    doc = tomllib.loads(shipped.read_text(encoding="utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        _mutate(doc, data)
    _load_or_refuse(folder, shipped, _toml(doc).encode("utf-8", "surrogatepass"))


def _mutate(doc: dict, data) -> None:
    node = doc
    while True:  # walk down to a random table or list, then change one entry of it
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            return
        key = data.draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and data.draw(st.booleans()):
            node = child
            continue
        action = data.draw(st.sampled_from(["replace", "delete", "misspell"]))
        if action == "replace":
            node[key] = data.draw(hostile_values)
        elif action == "delete" and isinstance(node, dict):
            del node[key]
        elif action == "delete":
            node.pop(key)
        elif isinstance(node, dict):
            node[f"{key}x"] = node.pop(key)
        return


def _toml(doc: dict) -> str:
    """A TOML document of inline tables: enough to write back any structure the mutations make."""
    return "".join(f"{json.dumps(str(k))} = {_value(v)}\n" for k, v in doc.items())


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(str(k))} = {_value(v)}" for k, v in value.items()) + "}"


def test_config_check_prints_each_problem_and_exits_2(tmp_path, capsys):
    from main import main

    for path in RESOURCES.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    categories = tmp_path / "categories.toml"
    categories.write_text(categories.read_text(encoding="utf-8").replace("max_recalls", "max_recall"), "utf-8")
    tiers = tmp_path / "tiers.toml"
    tiers.write_text(tiers.read_text(encoding="utf-8").replace("min_aum = 50_000", "min_aum = nan"), "utf-8")
    (tmp_path / "categores.toml").write_text("", encoding="utf-8")
    assert main(["config", "check", str(tmp_path)]) == 2
    out = capsys.readouterr().out.splitlines()
    assert f"{categories}: policy.max_recall: unknown key (misspelt, or not a setting of this file)" in out
    assert f"{tiers}: tier[1].min_aum: must be a finite number, got nan" in out
    assert any(line.startswith(f"{tmp_path / 'categores.toml'}: not a configuration file") for line in out)
    assert len(out) == 3


def test_config_check_of_the_shipped_folder_passes(capsys):
    from main import main

    assert main(["config", "check"]) == 0
    checked, problems = check_folder(RESOURCES)
    assert problems == [] and len(checked) == len(SHIPPED)


def test_config_check_of_a_missing_folder_is_one_line(tmp_path, capsys):
    from main import main

    assert main(["config", "check", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"counterline: {tmp_path / 'nowhere'}: not a folder\n"


@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda p: p.name)
def test_a_file_saved_by_notepad_with_a_byte_order_mark_loads_as_without(folder, shipped):
    """Windows Notepad starts a UTF-8 file with a byte-order mark: it was refused as "Invalid statement at line 1"."""
    target = folder / ("scenarios" if shipped.parent.name == "scenarios" else "") / shipped.name
    try:
        target.write_bytes(shipped.read_bytes())
        plain = _loader(target)(target)
        target.write_bytes(b"\xef\xbb\xbf" + shipped.read_bytes())
        assert _loader(target)(target) == plain
    finally:
        if shipped.name != "categories.toml":
            target.unlink()
        else:
            shutil.copy(shipped, target)


def test_config_check_without_a_folder_checks_the_one_named_by_config(tmp_path, capsys, monkeypatch):
    """`counterline --config DIR config check` checked the shipped resources/ and said "0 refused" over a DIR
    whose categories.toml the app then refused at every start."""
    from main import main
    from queueing.config.files import CONFIG_DIR_ENV

    (tmp_path / "categories.toml").write_text("[policy]\nmax_recall = 3\n", encoding="utf-8")
    assert main(["--config", str(tmp_path), "config", "check"]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith(f"{tmp_path / 'categories.toml'}: policy.max_recall: unknown key")
    assert "1 files checked, 1 refused" in captured.err
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path))  # named by the environment: the same
    assert main(["config", "check"]) == 2
    assert "1 files checked, 1 refused" in capsys.readouterr().err
    monkeypatch.delenv(CONFIG_DIR_ENV)  # nothing named: the shipped defaults, as before
    assert main(["config", "check"]) == 0
    assert f"{len(SHIPPED)} files checked, 0 refused" in capsys.readouterr().err
