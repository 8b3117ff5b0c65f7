"""Phone numbers as a branch reads them: the one form a phone is stored under, and the forms a look-up tries.

A teller types what the customer says, usually the national form ("138 0013 8000", "010-1234-5678",
"011 15 2345-6789"), sometimes with the country code. phonenumbers (libphonenumber's metadata) reads it in the
branch's region (ISO 3166, "CN"), so every way of writing one number comes to one E.164 number.

Only a keyed hash and a mask are stored, so numbers stored before cannot be brought to that form. Those imports
hashed the number as typed without its separators; a look-up therefore tries, besides the canonical form, the
few ways an older import may have written the same number (``lookup_forms``), and the store matches any of them.

The canonical form keeps its "+" ("+8613800138000"): every older form lost it (masking.normalize_number drops
it), so a new record is never taken for an old national form of another number (the Chinese 131 2246 1234
written nationally is "13122461234", which is also +1 312 246 1234 without its plus).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

from queueing.core.errors import DomainError
from queueing.customers.masking import mask_phone, normalize_number

# E.164 allows 15 digits; room for an international prefix ("00", "001") and a trunk "0" before them. More is
# not a phone number (a card or an account number typed in the wrong field).
MAX_TYPED_DIGITS = 20
# The most forms one look-up hashes (an Argentine mobile, written with and without its 9, has the most: 9).
MAX_FORMS = 10
_ARGENTINA, _MEXICO = 54, 52


class NumberRefused(DomainError):
    """What was typed cannot be a phone number (letters, no digits, far too long)."""

    code = "number_refused"


@dataclass(frozen=True)
class PhoneRecord:
    """What an import stores of one phone: the form hashed, the masked form shown, the form sealed."""

    form: str  # "+8613800138000"; for a number phonenumbers does not know, the digits as typed
    masked: str  # "138****8000" at home, "+82 10****5678" from abroad
    shown: str  # "+86 138 0013 8000": what a reveal gives a supervisor to dial


def typed_digits(value: str) -> str:
    """The digits of a typed phone number (full-width ones too); NumberRefused for what cannot be one."""
    normalized = normalize_number(value)
    if not normalized:
        raise NumberRefused("empty phone number")
    if not (normalized.isascii() and normalized.isdigit()):
        raise NumberRefused("a phone number has digits only", value_length=len(normalized))
    if len(normalized) > MAX_TYPED_DIGITS:
        raise NumberRefused(f"a phone number has at most {MAX_TYPED_DIGITS} digits", digits=len(normalized))
    return normalized


def read_phone(value: str, region: str | None) -> PhoneNumber | None:
    """The number ``value`` names, read in ``region`` when it has no country code; None when it names none.

    None for a number phonenumbers holds invalid (a range nobody was given, a national number and no region):
    the callers then keep the digits as typed, as before. Raises NumberRefused for what cannot be a number.
    """
    digits = typed_digits(value)
    international = unicodedata.normalize("NFKC", value).lstrip().startswith("+")
    try:
        number = phonenumbers.parse(("+" if international else "") + digits, region)
    except NumberParseException:
        return None
    number = _without_old_mobile_one(number)
    return number if phonenumbers.is_valid_number(number) else None


def _without_old_mobile_one(number: PhoneNumber) -> PhoneNumber:
    # Mexico dropped the "1" its mobiles took after +52 in 2019; "+52 1 55 1234 5678" is the same phone.
    nsn = phonenumbers.national_significant_number(number)
    if number.country_code == _MEXICO and len(nsn) == 11 and nsn.startswith("1"):
        newer = PhoneNumber(country_code=_MEXICO, national_number=int(nsn[1:]))
        if phonenumbers.is_valid_number(newer):
            return newer
    return number


def canonical_form(number: PhoneNumber) -> str:
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _same_phone(number: PhoneNumber) -> list[PhoneNumber]:
    """The number and its other spellings: an Argentine mobile is written with or without the 9 after +54."""
    found = [number]
    if number.country_code == _ARGENTINA:
        nsn = phonenumbers.national_significant_number(number)
        other = nsn[1:] if nsn.startswith("9") else "9" + nsn
        twin = PhoneNumber(country_code=_ARGENTINA, national_number=int(other))
        if phonenumbers.is_valid_number(twin):
            found.append(twin)
    return found


def _national_digits(number: PhoneNumber) -> str:
    return normalize_number(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))


def _older_forms(number: PhoneNumber, branch_region: str | None) -> list[str]:
    """How an import before the canonical form may have stored ``number``: as typed, without separators."""
    code = str(number.country_code)
    nsn = phonenumbers.national_significant_number(number)
    national = _national_digits(number)
    country = phonenumbers.region_code_for_number(number)
    trunk = (phonenumbers.ndd_prefix_for_region(country, True) if country else None) or ""
    forms = [code + nsn]  # "+86 138 0013 8000"
    if trunk and national == trunk + nsn:
        forms.append(code + national)  # "+82 010-1234-5678": the trunk kept after the country code
    if number.country_code == _MEXICO:
        forms.append(code + "1" + nsn)  # "+52 1 55 ...", the mobile form before 2019
    if country == branch_region:
        # A number of the branch's own country was usually typed nationally: "010 1234 5678", "011 15 2345-6789"
        # (with its trunk prefix, and Argentina's 15 for a mobile), or without the trunk.
        forms.append(national)
        if trunk and national.startswith(trunk):
            forms.append(national[len(trunk) :])
    return forms


def lookup_forms(value: str, region: str | None) -> tuple[str, ...]:
    """Every form under which a customer with this phone may be stored, the canonical ones first.

    The digits as typed are always among them (what a look-up matched before); a number phonenumbers reads adds
    its canonical form and its older spellings. At most MAX_FORMS. Raises NumberRefused for what is no number.
    """
    typed = typed_digits(value)
    number = read_phone(value, region)
    if number is None:
        return (typed,)
    spellings = _same_phone(number)
    forms = [canonical_form(n) for n in spellings]
    for spelling in spellings:
        forms += _older_forms(spelling, region)
    forms.append(typed)
    unique = tuple(dict.fromkeys(forms))
    return unique[:MAX_FORMS]


def phone_record(value: str, region: str | None, branch_region: str | None = None) -> PhoneRecord:
    """How an import stores ``value``, read in ``region`` (the customer's country, default the branch's).

    ``branch_region``: the branch's country (default ``region``); its own numbers are masked in their national
    form as before ("138****8000"), another country's behind its code ("+82 10****5678").
    """
    branch_region = region if branch_region is None else branch_region
    number = read_phone(value, region)
    if number is None:
        return PhoneRecord(typed_digits(value), mask_phone(value), value.strip())
    if phonenumbers.region_code_for_number(number) == branch_region:
        masked = mask_phone(_national_digits(number))
    else:
        masked = f"+{number.country_code} {mask_phone(phonenumbers.national_significant_number(number))}"
    shown = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    return PhoneRecord(canonical_form(number), masked, shown)
