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


def test_a_window_open_for_days_keeps_nothing_of_the_jobs_it_ran(qtbot):
    """A station refreshes every second and a hall display polls twice a second, from Monday to Saturday: each
    job, its work and its callbacks are freed once it has answered, or the window grows by kilobytes a second."""
    import gc
    import weakref

    from PySide6.QtCore import QEventLoop

    class Payload:
        """Stands for what a job's work and callbacks hold (a snapshot, a profile)."""

    runner = Runner()
    loop = QEventLoop()  # QTest.qWait drops a reference to None at each call on PySide6 6.12 (station_harness.py)
    kept: list[weakref.ref] = []
    answers = []
    for index in range(300):
        payload = Payload()
        kept.append(weakref.ref(payload))
        runner.submit(lambda p=payload: p, lambda _r, p=payload: answers.append(1))
        if index % 2:  # a failing job is freed as well
            runner.submit(lambda p=payload: 1 / 0, None, lambda _e, p=payload: answers.append(1))
        del payload
        while runner.busy:  # a window's event loop runs between its jobs
            loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    assert len(answers) == 450
    gc.collect()
    assert sum(ref() is not None for ref in kept) == 0


def test_a_job_keeps_no_memory_once_answered_and_its_callbacks_run_on_the_gui_thread(qtbot):
    """Each job's callbacks were decorated with @Slot, and PySide6 6.12 keeps what it notes of each decorated
    function for good: about a hundred bytes a job, megabytes a day for a hall display polling twice a second."""
    import gc
    import tracemalloc

    from PySide6.QtCore import QEventLoop

    runner = Runner()
    loop = QEventLoop()
    threads = set()

    def answered(_result) -> None:
        threads.add(threading.get_ident())

    def run(jobs: int) -> None:
        for _ in range(jobs):
            runner.submit(lambda: 1, answered)
            while runner.busy:
                loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    run(200)  # warm up: the first jobs of a runner allocate what every later one reuses
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        run(2000)
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert threads == {threading.get_ident()}
    assert grown / 2000 < 30, f"{grown / 2000:.0f} bytes kept a job"
