"""A ticket number as the hall's voice and the kiosk's spoken guide say it."""

from __future__ import annotations


def spoken_number(number: str) -> str:
    """One character at a time: "A 0 2 3". Written as one word, a voice reads "A023" as "A zero twenty-three"
    (A 零 二十三, A cero veintitrés) while the ticket in the customer's hand shows digits, and A023 and A203
    sound alike."""
    return " ".join(number.replace(" ", ""))
