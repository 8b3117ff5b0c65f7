"""Filling a translated text's %1, %2 ... with values, as QString.arg would, in one pass.

One pass, because the values are often data: a counter or teller named "%2" stays as typed, where
``replace("%1", ...)`` in turn would fill its "%2" too. A placeholder with no value (a translation that
names more than the source) is left as it is rather than failing the whole sentence.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(text: str, *values: object) -> str:
    """``text`` with each %n (1 to 9) replaced by ``str(values[n - 1])``."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)
