"""The start-up check names the missing system libraries and the one apt-get line that adds them."""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6

from resources.check_qt_libs import (
    install_line,
    ldd_missing,
    missing_libraries,
    package_for,
    qt_files,
    should_check,
)

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f49)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibweird.so.9 => not found
"""


def test_not_found_sonames_are_collected_once_in_order():
    assert missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libweird.so.9"]


def test_one_install_line_and_the_unknown_named():
    line, unknown = install_line(["libxcb-icccm.so.4", "libglib-2.0.so.0", "libgthread-2.0.so.0", "libweird.so.9"])
    assert line == "sudo apt-get install libxcb-icccm4 libglib2.0-0"
    assert unknown == ["libweird.so.9"]
    assert install_line(["libpulsecommon-16.1.so", "libpulse.so.0"])[0] == "sudo apt-get install libpulse0"
    assert install_line([]) == ("", [])


def test_checked_only_for_a_window_on_linux_x11():
    assert should_check("linux", "")
    assert should_check("linux", "xcb:dpi=96")
    assert not should_check("linux", "offscreen")
    assert not should_check("win32", "")


def test_every_library_qt_links_here_is_known(tmp_path):
    """Run ldd on this PySide6 with an empty library path: every dependency it names maps to a package."""
    files = qt_files(Path(PySide6.__file__).resolve().parent)
    if not sys.platform.startswith("linux") or not files:
        return
    from subprocess import run

    names = set()
    for path in files:
        out = run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            name = line.strip().split(" ")[0]
            if "=>" in line and "PySide6" not in line and name.startswith(("libxcb", "libX", "libxkb", "libpulse")):
                names.add(name)
    assert names, "ldd named no X11 library: the plugin paths moved"
    assert sorted(name for name in names if package_for(name) is None) == []
    assert [name for name in ldd_missing(files, "ldd") if package_for(name) is None] == []
