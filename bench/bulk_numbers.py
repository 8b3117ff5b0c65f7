"""Unique, well-formed identity numbers for many demo customers, without asking Faker for each one.

Faker fills small pools once (names, Chinese region codes, phone formats); every customer then gets
numbers built from random digits in the locale's own format, check digits included: the Chinese
resident ID (GB 11643), the Korean resident registration number, the Spanish NIF, a Luhn-valid card
of the bank's BIN. A number that was already handed out is drawn again, so each look-up finds one customer.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from operator import mul
from typing import NamedTuple

import numpy as np
from faker import Faker

from models.demo.customers import LOCALES, OWN_BIN
from queueing.customers.identity_keys import LookupKind
from queueing.customers.masking import normalize_number

POOL_DRAWS = 2000  # Faker calls per pool: a few thousand names give plenty of combinations
PHONE_RANDOM_DIGITS = 7  # the tail of a pooled phone format that is drawn per customer
ZH_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ZH_CHECK = "10X98765432"
KR_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CARD_SERIAL_DIGITS = 9  # OWN_BIN (6) + serial (9) + check digit = 16
_LUHN_DOUBLE = tuple(d * 2 - 9 if d > 4 else d * 2 for d in range(10))
_BIN_LUHN_SUM = sum(  # the BIN's share of the Luhn sum: it sits left of the serial
    _LUHN_DOUBLE[int(c)] if (CARD_SERIAL_DIGITS + i) % 2 == 0 else int(c) for i, c in enumerate(reversed(OWN_BIN))
)


class Number(NamedTuple):
    display: str  # as the customer writes it
    normalized: str  # as it is hashed (queueing.customers.masking.normalize_number of ``display``)


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(map(mul, map(int, digits), weights))


def zh_resident_id(region: str, birth: str, serial: int) -> Number:
    """18 characters: region, birth date (YYYYMMDD), a three-digit serial and the ISO 7064 check character."""
    body = f"{region}{birth}{serial:03d}"
    number = body + ZH_CHECK[_weighted(body, ZH_WEIGHTS) % 11]
    return Number(number, number)


def kr_resident_number(birth: str, female: bool, serial: int) -> Number:
    """YYMMDD-GSSSSSC from a YYYYMMDD birth date: G gives century and sex, C is the check digit."""
    century = 1 if birth < "2000" else 3
    body = f"{birth[2:]}{century + int(female)}{serial:05d}"
    check = (11 - _weighted(body, KR_WEIGHTS) % 11) % 10
    return Number(f"{body[:6]}-{body[6:]}{check}", f"{body}{check}")


def es_nif(number: int) -> Number:
    nif = f"{number:08d}{NIF_LETTERS[number % 23]}"
    return Number(nif, nif)


def luhn_complete(partial: str) -> str:
    """``partial`` plus its Luhn check digit."""
    total = sum(_LUHN_DOUBLE[int(c)] if i % 2 == 0 else int(c) for i, c in enumerate(reversed(partial)))
    return partial + str((10 - total % 10) % 10)


def own_cards(serials: np.ndarray) -> list[str]:
    """Cards of the bank's BIN with nine-digit ``serials`` and their Luhn check digit (luhn_complete, vectorized)."""
    double = np.array(_LUHN_DOUBLE)
    total = np.full(len(serials), _BIN_LUHN_SUM, dtype=np.int64)
    for position in range(CARD_SERIAL_DIGITS):  # from the right; even positions are doubled
        digit = (serials // 10**position) % 10
        total += double[digit] if position % 2 == 0 else digit
    checks = ((10 - total % 10) % 10).tolist()
    return [f"{OWN_BIN}{serial:09d}{check}" for serial, check in zip(serials.tolist(), checks, strict=True)]


@dataclass(frozen=True)
class PhoneFormat:
    """A pooled Faker phone number with its last digits turned into slots: '138{}{}{}{}{}{}{}'."""

    pattern: str
    prefix: str  # the digits kept

    @classmethod
    def of(cls, example: str) -> PhoneFormat | None:
        if len(normalize_number(example)) < PHONE_RANDOM_DIGITS + 2:
            return None
        chars, left = list(example.replace("{", "").replace("}", "")), PHONE_RANDOM_DIGITS
        for index in range(len(chars) - 1, -1, -1):
            if left and chars[index].isdigit():
                chars[index], left = "{}", left - 1
        pattern = "".join(chars)
        return cls(pattern, normalize_number(pattern.replace("{}", "")))

    def fill(self, digits: str) -> Number:
        return Number(self.pattern.format(*digits), self.prefix + digits)


@dataclass(frozen=True)
class LocalePool:
    family_names: tuple[str, ...]
    given_names: tuple[str, ...]
    phones: tuple[PhoneFormat, ...]
    regions: tuple[str, ...]  # Chinese administrative codes (zh_CN only)


def _distinct(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


@lru_cache(maxsize=16)  # pools are immutable; a seeded pool is the same every time
def locale_pool(locale: str, seed: int | None) -> LocalePool:
    fake = Faker(locale)
    fake.seed_instance(seed)
    phones = (fake.phone_number().removeprefix("+34").strip() for _ in range(POOL_DRAWS))
    return LocalePool(
        family_names=_distinct(fake.last_name() for _ in range(POOL_DRAWS)),
        given_names=_distinct(fake.first_name() for _ in range(POOL_DRAWS)),
        phones=tuple(f for f in _distinct(PhoneFormat.of(p) for p in phones) if f is not None),
        regions=_distinct(fake.ssn()[:6] for _ in range(POOL_DRAWS // 4)) if locale == "zh_CN" else (),
    )


class NumberSource:
    """Names and numbers for customer after customer; every number handed out is remembered (normalized)."""

    def __init__(self, seed: int | None, stream: int = 0) -> None:
        """``stream`` tells apart the draws of several runs with one seed (the bulk generator passes its first id)."""
        self.rand = random.Random(None if seed is None else f"{seed}/{stream}")
        self.rng = np.random.default_rng(None if seed is None else [seed, stream, 1])  # apart from the caller's
        self.pools = {loc: locale_pool(loc, None if seed is None else seed + n) for n, loc in enumerate(LOCALES)}
        self.seen: dict[LookupKind, set[str]] = {kind: set() for kind in LookupKind}

    def name(self, locale: str) -> tuple[str, str]:
        pool = self.pools[locale]
        return self.rand.choice(pool.family_names), self.rand.choice(pool.given_names)

    def _unique(self, kind: LookupKind, draw: Callable[[], Number], first: Number | None = None) -> Number:
        seen, number = self.seen[kind], first or draw()
        while number.normalized in seen:
            number = draw()
        seen.add(number.normalized)
        return number

    def id_number(self, locale: str, birth: str) -> Number:
        """A new ID number in the locale's format for a customer born on ``birth`` (YYYYMMDD)."""
        rand = self.rand
        if locale == "zh_CN":
            regions = self.pools[locale].regions
            return self._unique(
                LookupKind.ID_NUMBER, lambda: zh_resident_id(rand.choice(regions), birth, rand.randrange(1000))
            )
        if locale == "ko_KR":
            return self._unique(
                LookupKind.ID_NUMBER, lambda: kr_resident_number(birth, rand.random() < 0.5, rand.randrange(100_000))
            )
        return self._unique(LookupKind.ID_NUMBER, lambda: es_nif(rand.randrange(100_000_000)))

    def phone(self, locale: str) -> Number:
        formats, rand = self.pools[locale].phones, self.rand
        return self._unique(
            LookupKind.PHONE,
            lambda: rand.choice(formats).fill(f"{rand.randrange(10**PHONE_RANDOM_DIGITS):0{PHONE_RANDOM_DIGITS}d}"),
        )

    def card_numbers(self, count: int) -> list[str]:
        """``count`` new card numbers: drawn together, a number already handed out drawn again alone."""
        rand = self.rand

        def again() -> Number:
            card = luhn_complete(f"{OWN_BIN}{rand.randrange(10**CARD_SERIAL_DIGITS):09d}")
            return Number(card, card)

        drawn = own_cards(self.rng.integers(0, 10**CARD_SERIAL_DIGITS, count))
        return [self._unique(LookupKind.CARD_NUMBER, again, Number(card, card)).display for card in drawn]
