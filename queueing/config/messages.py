"""msgspec's validation errors said as a key path and a reason a supervisor editing the file understands.

``Expected `int` >= 0 - at `$.idle.min_waiting``` becomes ``idle.min_waiting`` and ``must be a whole
number >= 0``; where msgspec says ``[...]`` ("some key of this table") the key is found and named.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from queueing.config.schemas.common import FORMS

# Naming the bad key of a table converts the document once per key: beyond this many, the table is named.
MAX_NAMED_KEYS = 200

_WHERE = re.compile(r"^(?P<reason>.*?) - at `(?P<inner>[^`]*)`(?: in `(?P<outer>[^`]*)`)?$", re.DOTALL)
_UNKNOWN = re.compile(r"^Object contains unknown field `(?P<field>[^`]*)`")
_STEP = re.compile(r"\.([^.\[`]+)|\[(\d+)\]")
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


def plain_error(exc: msgspec.ValidationError, raw: dict[str, Any], schema: type) -> tuple[str, str]:
    """The key path and the plain reason of ``exc``, raised converting ``raw`` to ``schema``."""
    key, reason = _located(_name_dict_keys(str(exc), raw, schema))
    return key, reason + _entry_named(raw, key)


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
        node = _table_at(raw, path[path.rfind("`$") + 2 :])
        if node is None:
            return message
        culprit = _culprit(raw, node, schema, original)
        if culprit is None:
            return message
        message = f"{path}.{culprit}{rest}"
    keyed = re.match(r"^(?P<reason>.*) - at `key` in `\$(?P<path>[^`]*)`$", message, re.DOTALL)
    if keyed:
        node = _table_at(raw, keyed["path"]) or {}
        culprit = _culprit(raw, node, schema, original)
        if culprit is not None:
            message = f"{keyed['reason']} - at `key` in `${keyed['path']}.{culprit}`"
    return message


def _table_at(raw: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The table at a msgspec path such as ``.planned.mon`` or ``.counter[0].profile``; None if it is not one."""
    node: Any = raw
    try:
        for step in _STEP.findall(path):
            node = node[int(step[1])] if step[1] else node[step[0]]
    except (KeyError, IndexError, TypeError):  # a key our pattern cannot spell: the error stays unnamed
        return None
    return node if isinstance(node, dict) else None


def _culprit(raw: dict[str, Any], node: dict[str, Any], schema: type, message: str) -> str | None:
    # Each try converts the whole document: a table of thousands of keys is named by its path alone.
    names = list(node)[:MAX_NAMED_KEYS]
    return next((name for name in names if _fails_alone(raw, node, name, schema, message)), None)


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
