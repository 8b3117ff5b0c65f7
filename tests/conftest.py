import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from ui.common.refcount_guard import make_singletons_immortal

# PySide6 6.12 on Python 3.11 drops a reference to None on every void call; a long
# test session would otherwise abort (see ui/common/refcount_guard.py).
make_singletons_immortal()


import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _a_widgets_application(qapp):
    """A QApplication before any test runs: the report command, run in-process by a test, would otherwise make a
    plain QGuiApplication, and a window built afterwards in the same process aborts Qt (the order of a parallel run)."""
    yield qapp


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(monkeypatch):
    """Argon2 with a small cost in tests: the suite signs in hundreds of times (hashes still say $argon2id$)."""
    from argon2 import PasswordHasher

    import models.staff.service

    monkeypatch.setattr(models.staff.service, "_hasher", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


AUDIT_TEST_KEY = b"audit-branch-key-for-tests-0123456789"


@pytest.fixture(autouse=True)
def _audit_secrets(tmp_path_factory, monkeypatch):
    """A known branch key for the audit chain and a private folder for its anchored heads, per test."""
    from models.audit.key import HEADS_ENV_VAR, configure_audit, reset_audit
    from queueing.config.files import CONFIG_DIR_ENV

    heads = tmp_path_factory.mktemp("audit-heads")
    monkeypatch.setenv(HEADS_ENV_VAR, str(heads))
    # An empty configuration folder: the packaged defaults, whatever this PC's user config folder holds.
    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path_factory.mktemp("config")))
    # A branch key of the test's own when one is made (branch init, the demo): never this PC user's.
    monkeypatch.setenv("COUNTERLINE_BRANCH_KEY_FILE", str(tmp_path_factory.mktemp("branch-key") / "branch.key"))
    configure_audit(AUDIT_TEST_KEY, heads)
    yield
    reset_audit()
