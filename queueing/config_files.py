"""Reading configuration files: the errors name the file and what was wrong, the same way everywhere."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from queueing.errors import ConfigError

LANGUAGES = ("en", "zh_CN", "ko", "es")
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def read_text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read: {exc.strerror}") from None


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from None


def localized_names(raw: dict[str, Any], where: str) -> dict[str, str]:
    """The entry's ``names`` table, with a non-empty name in each of the four languages."""
    names = raw.get("names")
    if not isinstance(names, dict):
        raise ConfigError(f"{where}: 'names' table is missing")
    missing = [lang for lang in LANGUAGES if not isinstance(names.get(lang), str) or not names[lang]]
    if missing:
        raise ConfigError(f"{where}: names missing for {', '.join(missing)}")
    return {lang: names[lang] for lang in LANGUAGES}
