"""A test that needs a system tool: in CI (which installs it) its absence fails the test; on a developer's
machine without it the test is left out, saying what to install."""

from __future__ import annotations

import os

import pytest


def needs(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it)")
    pytest.skip(reason)
