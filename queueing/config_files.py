"""Reading configuration files: one loader for every file, one error naming the file, the key path and the reason.

Each file has a declarative schema in ``queueing.schemas`` (msgspec structs: unknown keys refused,
types, ranges and enums checked). The loader adds what no schema can say: the file must be readable
UTF-8 TOML of a sane size, and every number in it finite.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from queueing.errors import ConfigError
from queueing.schemas.common import FORMS

LANGUAGES = ("en", "zh_CN", "ko", "es")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
# The branch's configuration folder (``main.py --config DIR``, default the user config folder):
# a file there replaces the packaged default of the same name.
CONFIG_DIR_ENV = "COUNTERLINE_CONFIG_DIR"
# Far above any real configuration file; a bigger one is a mistake, not a configuration.
MAX_FILE_BYTES = 4 << 20

T = TypeVar("T")

_WHERE = re.compile(r"^(?P<reason>.*?) - at `(?P<inner>[^`]*)`(?: in `(?P<outer>[^`]*)`)?$", re.DOTALL)
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<field>[^`]*)`")
_STEP = re.compile(r"\.(\w+)|\[(\d+)\]")
_MISSING = re.compile(r"^Object missing required field `(?P<field>[^`]*)`")
_KINDS = {
    "int": "a whole number",
    "float": "a number",
    "str": "text",
    "bool": "true or false",
    "array": "a list",
    "object": "a table",
    "null": "nothing",
    "date": "a date",
    "decimal": "an amount",
}
# msgspec's wording, said the way a supervisor editing the file reads it.
_PLAIN = (
    (re.compile(r"^Expected `([\w |]+)`, got `(\w+)`$"), lambda m: f"must be {_kind(m[1])}, got {_kind(m[2])}"),
    (re.compile(r"^Expected `(\w+)` ([<>=]+) (\S+)$"), lambda m: f"must be {_kind(m[1])} {m[2]} {m[3]}"),
    (re.compile(r"^Expected `str` matching regex '(.*)'$"), lambda m: f"must be {_form(m[1])}"),
    (
        re.compile(r"^Expected `(str|array|object)` of length ([<>=]+) (\d+)$"),
        lambda m: f"must have {m[2]} {m[3]} {'characters' if m[1] == 'str' else 'entries'}",
    ),
    (re.compile(r"^Invalid enum value (.*)$"), lambda m: f"{m[1]} is not one of the allowed values"),
)


def branch_config_dir() -> Path | None:
    folder = os.environ.get(CONFIG_DIR_ENV)
    return Path(folder) if folder else None


def config_file(name: str) -> Path:
    """The branch's own ``name`` when its configuration folder has one, else the packaged default."""
    folder = branch_config_dir()
    if folder is not None and (folder / name).is_file():
        return folder / name
    return RESOURCES / name


def refuse(file: str, key: str, reason: str) -> ConfigError:
    """The one error of a configuration file: ``raise refuse(source, "policy.max_recalls", "must be >= 0")``."""
    return ConfigError(file=file, key=key, reason=reason)


def read_text(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise refuse(str(file), "", f"cannot read: {exc.strerror}") from None
    return decode(data, str(file))


def decode(data: bytes, source: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise refuse(source, "", f"larger than {MAX_FILE_BYTES // 1024} KiB; not a configuration file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(source, "", f"not UTF-8 text (byte {exc.start})") from None


def parse_toml(text: str, source: str) -> dict[str, Any]:
    if len(text) > MAX_FILE_BYTES:
        raise refuse(source, "", f"larger than {MAX_FILE_BYTES // 1024} KiB; not a configuration file")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise refuse(source, "", f"not valid TOML: {exc}") from None
    except RecursionError:
        raise refuse(source, "", "not valid TOML: nested too deeply") from None
    _refuse_non_finite(raw, source, "")
    return raw


def parse_config(text: str, source: str, schema: type[T]) -> T:
    """``text`` checked against ``schema``; raises ConfigError naming ``source``, the key path and the reason."""
    raw = parse_toml(text, source)
    try:
        return msgspec.convert(raw, schema, strict=True)
    except msgspec.ValidationError as exc:
        key, reason = _located(_name_dict_keys(str(exc), raw, schema))
        raise refuse(source, key, reason + _entry_named(raw, key)) from None


def load_config(path: Path | str, schema: type[T]) -> T:
    file = Path(path)
    return parse_config(read_text(file), str(file), schema)


def key_path(*parts: str | int) -> str:
    """``key_path("category", 0, "prefix")`` -> ``category[0].prefix``, the form the loader's errors use."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _located(message: str) -> tuple[str, str]:
    found = _WHERE.match(message)
    reason, path = (found["reason"], found["outer"] or found["inner"]) if found else (message, "$")
    key = path.removeprefix("$").lstrip(".")
    named_keys = ((_UNKNOWN, "unknown key (misspelt, or not a setting of this file)"), (_MISSING, "is missing"))
    for pattern, said in named_keys:
        named = pattern.match(reason)
        if named:
            return (f"{key}.{named['field']}" if key else named["field"]), said
    for pattern, plain in _PLAIN:
        matched = pattern.match(reason)
        if matched:
            reason = plain(matched)
            break
    if found and found["outer"]:
        reason = f"this key: {reason}"
    return key, reason


def _name_dict_keys(message: str, raw: dict[str, Any], schema: type) -> str:
    """msgspec says ``[...]`` for "some key of this table"; find which one, so the error names it."""
    original = message
    while "[...]" in message:
        path, _, rest = message.partition("[...]")
        node: Any = raw
        for step in _STEP.findall(path[path.rfind("`$") + 2 :]):
            node = node[int(step[1])] if step[1] else node[step[0]]
        if not isinstance(node, dict):
            return message
        culprit = next((name for name in node if _fails_alone(raw, node, name, schema, original)), None)
        if culprit is None:
            return message
        message = f"{path}.{culprit}{rest}"
    keyed = re.match(r"^(?P<reason>.*) - at `key` in `\$(?P<path>[^`]*)`$", message, re.DOTALL)
    if keyed:
        node = raw
        for step in _STEP.findall(keyed["path"]):
            node = node[int(step[1])] if step[1] else node[step[0]]
        culprit = next((name for name in node if _fails_alone(raw, node, name, schema, original)), None)
        if culprit is not None:
            message = f"{keyed['reason']} - at `key` in `${keyed['path']}.{culprit}`"
    return message


def _fails_alone(raw: dict[str, Any], node: dict[str, Any], name: str, schema: type, message: str) -> bool:
    # The table keeps only ``name`` for a moment: the same error means that entry is the bad one.
    saved = dict(node)
    node.clear()
    node[name] = saved[name]
    try:
        msgspec.convert(raw, schema, strict=True)
        return False
    except msgspec.ValidationError as exc:
        return str(exc) == message
    finally:
        node.clear()
        node.update(saved)


def _entry_named(raw: dict[str, Any], key: str) -> str:
    """The suffix ' (entry CASH)' when ``key`` is inside a list entry with a code or id: easier to find than [3]."""
    found = re.match(r"^(\w+)\[(\d+)\]", key)
    entries = raw.get(found[1]) if found else None
    if not isinstance(entries, list) or int(found[2]) >= len(entries) or not isinstance(entries[int(found[2])], dict):
        return ""
    entry = entries[int(found[2])]
    name = entry.get("code", entry.get("id"))
    return f" (entry {name})" if isinstance(name, str) and name.strip() and len(name) <= 64 else ""


def _form(pattern: str) -> str:
    # msgspec shows the pattern as Python's repr would, backslashes doubled.
    return FORMS.get(pattern.replace("\\\\", "\\"), f"text matching {pattern}")


def _kind(names: str) -> str:
    kinds = [_KINDS.get(name, name) for name in names.split(" | ") if name != "null"]
    return " or ".join(kinds) or "nothing"


def _refuse_non_finite(value: object, source: str, key: str) -> None:
    # TOML allows nan and inf; no setting of ours means either.
    if isinstance(value, float) and not math.isfinite(value):
        raise refuse(source, key, f"must be a finite number, got {value!r}")
    if isinstance(value, dict):
        for name, item in value.items():
            _refuse_non_finite(item, source, f"{key}.{name}" if key else name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_non_finite(item, source, f"{key}[{index}]")
