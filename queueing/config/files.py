"""Reading configuration files: one loader for every file, one error naming the file, the key path and the reason.

Each file has a declarative schema in ``queueing.config.schemas`` (msgspec structs: unknown keys refused,
types, ranges and enums checked). The loader adds what no schema can say: the file must be readable
UTF-8 TOML of a sane size, and every number in it finite.
"""

from __future__ import annotations

import math
import os
import tomllib
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from queueing.config.messages import plain_error
from queueing.core.errors import ConfigError

LANGUAGES = ("en", "zh_CN", "ko", "es")
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
# The branch's configuration folder (``main.py --config DIR``, default the user config folder):
# a file there replaces the packaged default of the same name.
CONFIG_DIR_ENV = "COUNTERLINE_CONFIG_DIR"
# Far above any real configuration file; a bigger one is a mistake, not a configuration.
MAX_FILE_BYTES = 4 << 20

T = TypeVar("T")


def branch_config_dir() -> Path | None:
    folder = os.environ.get(CONFIG_DIR_ENV)
    return Path(folder) if folder else None


def user_config_folder() -> str:
    """The configuration folder when none is named: the user's own, where main.py points the loader then."""
    from platformdirs import user_config_dir

    return user_config_dir("Counterline", "Counterline")


def named_config_dir() -> Path | None:
    """The folder ``--config`` or COUNTERLINE_CONFIG_DIR named; None when none was (main.py then sets the user's
    own folder, which is not a folder anyone named)."""
    folder = os.environ.get(CONFIG_DIR_ENV)
    return Path(folder) if folder and folder != user_config_folder() else None


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
        # "utf-8-sig": Windows Notepad starts a file it saves as UTF-8 with a byte-order mark, which TOML refused
        # as "Invalid statement at line 1" although the file reads right in every editor.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise refuse(source, "", f"not UTF-8 text (byte {exc.start})") from None


def parse_toml(text: str, source: str) -> dict[str, Any]:
    if len(text) > MAX_FILE_BYTES:
        raise refuse(source, "", f"larger than {MAX_FILE_BYTES // 1024} KiB; not a configuration file")
    try:
        raw = tomllib.loads(text.removeprefix("\ufeff"))  # a mark the text kept (pasted in the settings editor)
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
        key, reason = plain_error(exc, raw, schema)
        raise refuse(source, key, reason) from None


def load_config(path: Path | str, schema: type[T]) -> T:
    file = Path(path)
    return parse_config(read_text(file), str(file), schema)


def key_path(*parts: str | int) -> str:
    """``key_path("category", 0, "prefix")`` -> ``category[0].prefix``, the form the loader's errors use."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


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
