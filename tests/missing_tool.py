"""A test that needs a system tool fails when the tool is missing, saying what to install: it never skips.

``.ci/run`` installs the tools on a bare CI machine (as root, with apt-get); a developer's PC without them is
told the same by the failing test, rather than passing a suite that left the hall's sound untested.
"""

from __future__ import annotations

from typing import NoReturn

import pytest


def needs(reason: str) -> NoReturn:
    """Fail the test now: ``reason`` names the tool that is missing and how to install it."""
    pytest.fail(f"{reason} (a system tool this test needs; .ci/run installs it on a CI machine)")
