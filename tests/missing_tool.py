"""A test that needs a system tool: in CI (which installs it) its absence fails the test; on a developer's
machine without it the test is left out, saying what to install."""

from __future__ import annotations

import os

import pytest


def needs(reason: str, required_by: str = "COUNTERLINE_CI") -> None:
    """Fail when the environment variable ``required_by`` is set (.ci/run sets it for what it installs), or when
    the run is CI's (.ci/run sets COUNTERLINE_CI; a CI service sets CI), else skip."""
    demanding = [name for name in dict.fromkeys((required_by, "COUNTERLINE_CI", "CI")) if os.environ.get(name)]
    if demanding:
        pytest.fail(f"{reason} (this run requires it: {', '.join(demanding)} set)")
    pytest.skip(reason)
