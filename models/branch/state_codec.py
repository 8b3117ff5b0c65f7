"""A BranchState as JSON text and back, for the base a station keeps in its own file (models.branch.held_base).

Not pickle: the text is read back from a file anyone with the station's login can write (or a restored backup
brings), and reading it must never run code. The shape is taken from the state's own type hints, so a field
added to a ticket is written and read without a change here; a value of a type this module does not know
(or not the type its hint says) makes the state unstorable, and the caller keeps its base in memory only.
Reading checks every value against its hint: anything else is ``BadSnapshot``, never a half-built state.

Mutable objects met twice (a waiting ticket is the same object in ``tickets`` and ``waiting``) are written
once and referred to by number after, so the state read back shares them as the one written did.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
import types
import typing
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

from queueing.core.categories import BranchConfig
from queueing.core.state import BranchState

# The layout of the text below; the stamp on a saved base includes it (held_base.written_by).
FORMAT = 1


class Unstorable(Exception):
    """The state holds a value this codec does not write (its hint unknown, or the value not of that hint)."""


class BadSnapshot(Exception):
    """The text is not a state this codec wrote."""


class _Refs:
    """Numbers of the mutable objects written so far (by identity), or the objects read so far (by number)."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}
        self.objects: list[Any] = []


Encode = Callable[[Any, _Refs], Any]
Decode = Callable[[Any, _Refs], Any]


def encode_state(state: BranchState) -> str:
    """The state as JSON text (its config left out: the reader brings its own). Raises Unstorable."""
    refs = _Refs()
    body = [encode(getattr(state, name), refs) for name, encode, _decode, _kind in _state_fields()]
    try:
        return json.dumps({"format": FORMAT, "state": body}, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise Unstorable(str(exc)) from exc


def decode_state(text: str, config: BranchConfig) -> BranchState:
    """The state ``encode_state`` wrote, on ``config``. Raises BadSnapshot for anything else."""
    try:
        doc = json.loads(text)
        if type(doc) is not dict or doc.get("format") != FORMAT or type(doc.get("state")) is not list:
            raise BadSnapshot("not a state of this format")
        fields = _state_fields()
        body = doc["state"]
        if len(body) != len(fields):
            raise BadSnapshot("not the state's fields")
        state = BranchState(config)
        refs = _Refs()
        for (name, _encode, decode, kind), value in zip(fields, body, strict=True):
            decoded = decode(value, refs)
            setattr(state, name, kind(decoded) if kind is not None else decoded)
        return state
    except BadSnapshot:
        raise
    except Exception as exc:  # a hostile text: too deep, wrong types, values an enum refuses ...
        raise BadSnapshot(f"{type(exc).__name__}: {exc}") from exc


_Field = tuple[str, Encode, Decode, Callable[[Any], Any] | None]


@functools.cache
def _state_fields() -> list[_Field]:
    """BranchState's fields but its config: name, codec, and the container class a dict field is made of (its
    default factory: ``waiting`` is a WaitingTickets, which builds the policy's index beside it)."""
    hints = typing.get_type_hints(BranchState)
    made: list[_Field] = []
    for f in dataclasses.fields(BranchState):
        if f.name == "config":
            continue
        kind = f.default_factory if isinstance(f.default_factory, type) else None
        if kind in (dict, list):
            kind = None
        encode, decode = _codec(hints[f.name], kind)
        made.append((f.name, encode, decode, kind))
    return made


def _codec(hint: Any, container: type | None = None) -> tuple[Encode, Decode]:
    """The pair of functions that write and read a value of ``hint``."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1 or len(args) != 2:
            raise Unstorable(f"no codec for {hint}")
        return _optional(*_codec(inner[0]))
    if origin is dict:
        return _dict(_codec(args[0]), _codec(args[1]), container or dict)
    if origin is list:
        return _list(*_codec(args[0]))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple(*_codec(args[0]))
        return _fixed_tuple([_codec(a) for a in args])
    if origin is not None:
        raise Unstorable(f"no codec for {hint}")
    if hint in _PLAIN:
        return _PLAIN[hint]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        return _named_tuple(hint)
    raise Unstorable(f"no codec for {hint}")


def _exact(kind: type) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise Unstorable(f"{value!r} is not a {kind.__name__}")
        return value

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise BadSnapshot(f"{value!r} is not a {kind.__name__}")
        return value

    return encode, decode


def _number() -> tuple[Encode, Decode]:
    # An int in a float field stays an int: JSON keeps 1 and 1.0 apart, and the state read back is the same.
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) not in (float, int):
            raise Unstorable(f"{value!r} is not a number")
        return value

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) not in (float, int):
            raise BadSnapshot(f"{value!r} is not a number")
        return value

    return encode, decode


# Names of UTC itself (PostgreSQL's driver hands back Etc/UTC): no summer time, read back as UTC, the same moment.
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"})


def _moment() -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        # A fixed offset (UTC, or an event's own) reads back the same; another named zone would read back as the
        # offset it had at that moment, and arithmetic across its summer time would change.
        zone = value.tzinfo if type(value) is datetime else None
        fixed = zone is None or type(zone) is timezone or getattr(zone, "key", None) in _UTC_NAMES
        if type(value) is not datetime or not fixed:
            raise Unstorable(f"{value!r} is not a datetime in UTC or at a fixed offset")
        return value.isoformat()

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not str:
            raise BadSnapshot(f"{value!r} is not a moment")
        return datetime.fromisoformat(value)

    return encode, decode


def _day() -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not date:
            raise Unstorable(f"{value!r} is not a date")
        return value.isoformat()

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not str:
            raise BadSnapshot(f"{value!r} is not a day")
        return date.fromisoformat(value)

    return encode, decode


_PLAIN: dict[Any, tuple[Encode, Decode]] = {
    str: _exact(str),
    int: _exact(int),
    bool: _exact(bool),
    float: _number(),
    datetime: _moment(),
    date: _day(),
}


def _optional(encode_inner: Encode, decode_inner: Decode) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        return None if value is None else encode_inner(value, refs)

    def decode(value: Any, refs: _Refs) -> Any:
        return None if value is None else decode_inner(value, refs)

    return encode, decode


def _dict(keys: tuple[Encode, Decode], values: tuple[Encode, Decode], kind: type) -> tuple[Encode, Decode]:
    encode_key, decode_key = keys
    encode_value, decode_value = values

    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise Unstorable(f"a {type(value).__name__} where a {kind.__name__} was expected")
        flat = []
        pairs = typing.cast(dict[Any, Any], value)
        for k, v in pairs.items():
            flat.append(encode_key(k, refs))
            flat.append(encode_value(v, refs))
        return flat

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list or len(value) % 2:
            raise BadSnapshot("not a mapping")
        return {decode_key(value[n], refs): decode_value(value[n + 1], refs) for n in range(0, len(value), 2)}

    return encode, decode


def _list(encode_item: Encode, decode_item: Decode) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list:
            raise Unstorable(f"a {type(value).__name__} where a list was expected")
        return [encode_item(v, refs) for v in value]

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list:
            raise BadSnapshot("not a list")
        return [decode_item(v, refs) for v in value]

    return encode, decode


def _tuple(encode_item: Encode, decode_item: Decode) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not tuple:
            raise Unstorable(f"a {type(value).__name__} where a tuple was expected")
        return [encode_item(v, refs) for v in value]

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list:
            raise BadSnapshot("not a list")
        return tuple(decode_item(v, refs) for v in value)

    return encode, decode


def _fixed_tuple(items: list[tuple[Encode, Decode]]) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not tuple or len(value) != len(items):
            raise Unstorable(f"{value!r} is not a tuple of {len(items)}")
        return [e(v, refs) for (e, _d), v in zip(items, value, strict=True)]

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list or len(value) != len(items):
            raise BadSnapshot(f"not a tuple of {len(items)}")
        return tuple(d(v, refs) for (_e, d), v in zip(items, value, strict=True))

    return encode, decode


def _enum(kind: type[enum.Enum]) -> tuple[Encode, Decode]:
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise Unstorable(f"{value!r} is not a {kind.__name__}")
        return value.value

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) not in (str, int):
            raise BadSnapshot(f"{value!r} is not a {kind.__name__}")
        return kind(value)

    return encode, decode


_CODECS: dict[type, tuple[Encode, Decode]] = {}


def _dataclass(kind: type) -> tuple[Encode, Decode]:
    """A dataclass as the list of its fields' values. A mutable one is numbered at its first sight: the list
    starts with its number, and a later sight of the same object writes the number alone."""
    if kind in _CODECS:
        return _CODECS[kind]
    names: list[str] = []
    parts: list[tuple[Encode, Decode]] = []

    # Filled in below: a class that holds itself (none does yet) finds its own codec here while it is built.
    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise Unstorable(f"a {type(value).__name__} where a {kind.__name__} was expected")
        if not hasattr(kind, "__slots__") and set(vars(value)) != set(names):
            raise Unstorable(f"a {kind.__name__} with attributes beyond its fields")
        head: list[Any] = []
        if mutable:
            seen = refs.numbers.get(id(value))
            if seen is not None:
                return seen
            refs.numbers[id(value)] = len(refs.numbers)
            refs.objects.append(value)  # kept alive while written: its id is not reused by another object
            head = [refs.numbers[id(value)]]
        return head + [e(getattr(value, n), refs) for n, (e, _d) in zip(names, parts, strict=True)]

    def decode(value: Any, refs: _Refs) -> Any:
        if mutable and type(value) is int:
            if not 0 <= value < len(refs.objects) or type(refs.objects[value]) is not kind:
                raise BadSnapshot(f"no {kind.__name__} numbered {value} before")
            return refs.objects[value]
        if type(value) is not list or len(value) != len(names) + (1 if mutable else 0):
            raise BadSnapshot(f"not a {kind.__name__}")
        if mutable:
            slot = len(refs.objects)
            if value[0] != slot:
                raise BadSnapshot(f"a {kind.__name__} numbered out of turn")
            refs.objects.append(None)  # its number, taken before its fields are read
            value = value[1:]
        made: Any = object.__new__(kind)
        for n, (_e, d), v in zip(names, parts, value, strict=True):
            # Set as the fields were, without __init__ or __post_init__: the object read back is the one written.
            object.__setattr__(made, n, d(v, refs))
        if mutable:
            refs.objects[slot] = made
        return made

    _CODECS[kind] = (encode, decode)
    params = getattr(kind, "__dataclass_params__", None)
    mutable = not (params is not None and params.frozen)
    try:
        hints = typing.get_type_hints(kind)
        for f in dataclasses.fields(kind):
            if not f.init:
                raise Unstorable(f"{kind.__name__}.{f.name} is set by its class, not given")
            names.append(f.name)
            parts.append(_codec(hints[f.name]))
    except BaseException:
        del _CODECS[kind]
        raise
    return encode, decode


def _named_tuple(kind: type) -> tuple[Encode, Decode]:
    hints = typing.get_type_hints(kind)
    names: tuple[str, ...] = kind._fields  # type: ignore[attr-defined]
    parts = [_codec(hints[n]) for n in names]

    def encode(value: Any, refs: _Refs) -> Any:
        if type(value) is not kind:
            raise Unstorable(f"a {type(value).__name__} where a {kind.__name__} was expected")
        fields = typing.cast(tuple[Any, ...], value)
        return [e(v, refs) for (e, _d), v in zip(parts, fields, strict=True)]

    def decode(value: Any, refs: _Refs) -> Any:
        if type(value) is not list or len(value) != len(names):
            raise BadSnapshot(f"not a {kind.__name__}")
        return kind(*(d(v, refs) for (_e, d), v in zip(parts, value, strict=True)))

    return encode, decode
