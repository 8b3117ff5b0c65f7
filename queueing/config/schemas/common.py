"""Pieces every configuration schema shares: the strict table, codes, names in four languages, minutes."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta

# What each pattern means, in the words an error shows instead of the regular expression.
FORMS: dict[str, str] = {}


def form(pattern: str, words: str, min_length: int | None = None, max_length: int | None = None) -> Meta:
    """A string constraint whose refusal reads "must be <words>"."""
    FORMS[pattern] = words
    return Meta(pattern=pattern, min_length=min_length, max_length=max_length)


class Table(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """A TOML table whose keys are exactly the fields: a misspelt key is refused, never silently ignored."""


Code = Annotated[str, form(r"^[A-Za-z0-9_\-]{1,64}$", "a code of 1 to 64 letters, digits, _ or -")]
Text = Annotated[str, form(r"\S", "text that is not blank", max_length=500)]
Minutes = Annotated[float, Meta(gt=0, le=24 * 60)]
MinutesOrZero = Annotated[float, Meta(ge=0, le=24 * 60)]
WholeMinutes = Annotated[int, Meta(ge=0, le=24 * 60)]
Share = Annotated[float, Meta(ge=0, le=1)]
Count = Annotated[int, Meta(ge=0, le=1_000_000)]
Units = Annotated[float, Meta(ge=0, le=1_000_000)]
Money = Annotated[float, Meta(ge=0, le=1e12)]
ClockTime = Annotated[str, form(r"^([01][0-9]|2[0-3]):[0-5][0-9]$", 'a clock time like "09:30"')]
ClockTimeSeconds = Annotated[str, form(r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", 'a time of day like "09:30"')]
CurrencyCode = Annotated[str, form(r"^[A-Za-z]{3}$", "a three-letter currency code")]
Level = Annotated[int, Meta(ge=1, le=4)]


class Names(Table, frozen=True):
    """A name in each of the four languages of the app, none blank."""

    en: Text
    zh_CN: Text
    ko: Text
    es: Text

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh_CN": self.zh_CN, "ko": self.ko, "es": self.es}


# A name on the kiosk's tiles and printed tickets: as typed names (queueing/core/text_rules.py), no control
# characters (a thermal printer takes them as commands) and no direction marks (they disguise what it says).
ShownName = Annotated[
    str,
    form(
        r"^(?=.*\S)[^\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*$",
        "text that is not blank, without control characters or direction marks",
        max_length=500,
    ),
]


class ShownNames(Names, frozen=True):
    """Names a customer reads on a public screen and a ticket."""

    en: ShownName
    zh_CN: ShownName
    ko: ShownName
    es: ShownName
