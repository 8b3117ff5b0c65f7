"""A job that ends after its window is gone updates nothing and raises nothing."""

import threading

import shiboken6
from PySide6.QtCore import QObject, QThreadPool

from ui.common.runner import Runner


def test_a_job_that_ends_after_its_window_closed_is_dropped(qtbot):
    window = QObject()
    runner = Runner(window)
    started, release = threading.Event(), threading.Event()
    called = []

    def work():
        started.set()
        release.wait(10)
        return "result"

    runner.submit(work, called.append, called.append)
    assert started.wait(10)
    shiboken6.delete(window)  # the window closes (and its runner with it) while the job runs
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(100)  # the job's result reaches the GUI thread's queue
    assert called == []


def test_a_job_of_a_live_window_reports_and_the_runner_is_idle_again(qtbot):
    runner = Runner()
    called = []
    with qtbot.waitSignal(runner.sig_busy_changed, check_params_cb=lambda busy: not busy, timeout=10000):
        runner.submit(lambda: 41 + 1, called.append)
    assert called == [42] and not runner.busy
