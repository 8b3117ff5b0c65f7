"""A test that needs a system tool: in CI (which installs it) its absence fails the test; on a developer's
machine without it the test is left out, saying what to install."""

from __future__ import annotations

import os

import pytest


def needs(reason: str, required_by: str = "CI") -> None:
    """Fail when the environment variable ``required_by`` is set (CI sets it for what it installs), else skip."""
    if os.environ.get(required_by) or os.environ.get("CI"):
        pytest.fail(f"{reason} (this run requires it: {required_by} is set)")
    pytest.skip(reason)
