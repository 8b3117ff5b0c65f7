"""Text from a store printed on a terminal: what a terminal would obey (escapes, carriage returns) is shown.

A row the store holds may have been written by an intruder rather than by the services, which refuse
control characters: ``ESC [1A`` and a carriage return would let such a row erase and rewrite the lines
printed before it (a BROKEN verdict repainted as OK). Each non-printable character is written as its
escape (``\\x1b``, ``\\u202e``) so that the line says exactly what the store holds.
"""

from __future__ import annotations


def shown_on_terminal(text: object) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))
