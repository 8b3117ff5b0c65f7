"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6/shiboken6 6.12 hands back ``None`` (from every void method: ``setText``, ``update``,
``processEvents`` ...) and some bools without taking a reference, as if they were immortal, which
they are only from Python 3.12 on. On 3.11 each call takes one reference away; after some tens of
thousands of calls (minutes of a station refreshing every second) the interpreter aborts with
"none_dealloc". Giving these singletons a huge reference count makes them immortal in effect,
which is what Python 3.12 does itself. Nothing happens on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40  # more calls than a station makes in centuries
_done = False


def make_singletons_immortal() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False, Ellipsis, NotImplemented):
        # ob_refcnt is the first field of every CPython object, at its id().
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    _done = True
