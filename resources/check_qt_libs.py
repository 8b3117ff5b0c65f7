"""Before a window opens: are the system libraries Qt's X11 plugin and its sound need on this machine?

``python -m resources.check_qt_libs`` runs ``ldd`` on the libraries PySide6 loads for a window on X11
(``platforms/libqxcb.so``, ``libQt6XcbQpa``) and for the hall's sound (``libQt6Multimedia`` and its FFmpeg
plugin), collects every library the dynamic linker reports "not found", and prints the one
``apt-get install`` line that adds them. Without it Qt stops at start-up with "could not load the Qt
platform plugin xcb" and names one missing library at a time.

Only Linux needs this: the PySide6 wheels for Windows and macOS carry everything Qt loads. The check is
skipped on other systems, under ``QT_QPA_PLATFORM=offscreen`` (tests, screenshots) and where ``ldd`` is
missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# The X11 window plugin and the sound: the libraries whose dependencies a minimal desktop may lack.
QT_FILES = (
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/lib/libQt6XcbQpa.so.6",
    "Qt/lib/libQt6Multimedia.so.6",
    "Qt/plugins/multimedia/libffmpegmediaplugin.so",
)

# soname -> Debian/Ubuntu package. Fedora names are in the README.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libXext.so.6": "libxext6",
    "libXrender.so.1": "libxrender1",
    "libXfixes.so.3": "libxfixes3",
    "libXrandr.so.2": "libxrandr2",
    "libXi.so.6": "libxi6",
    "libXcursor.so.1": "libxcursor1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpulse.so.0": "libpulse0",
    # libpulse's private helper, named by ldd through libpulse; Debian 12 ships it with libpulse0.
    "libpulsecommon-16.1.so": "libpulse0",
}


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames ``ldd`` could not resolve, in the order it names them, each once."""
    found: list[str] = []
    for line in ldd_output.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in found:
            found.append(name)
    return found


def package_for(soname: str) -> str | None:
    """The Debian package of a soname; PulseAudio's private library carries its version in its name."""
    if soname.startswith("libpulsecommon-"):
        return "libpulse0"
    return DEBIAN_PACKAGES.get(soname)


def install_line(sonames: Iterable[str]) -> tuple[str, list[str]]:
    """The apt-get line for the known sonames, and the sonames no package is known for."""
    packages: list[str] = []
    unknown: list[str] = []
    for soname in sonames:
        package = package_for(soname)
        if package is None:
            unknown.append(soname)
        elif package not in packages:
            packages.append(package)
    line = f"sudo apt-get install {' '.join(packages)}" if packages else ""
    return line, unknown


def qt_files(pyside_dir: Path) -> list[Path]:
    return [pyside_dir / name for name in QT_FILES if (pyside_dir / name).exists()]


def ldd_missing(files: Sequence[Path], ldd: str) -> list[str]:
    missing: list[str] = []
    for path in files:
        result = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False)
        for soname in missing_libraries(result.stdout):
            if soname not in missing:
                missing.append(soname)
    return missing


def should_check(platform: str = sys.platform, qpa: str | None = None) -> bool:
    qpa = os.environ.get("QT_QPA_PLATFORM", "") if qpa is None else qpa
    return platform.startswith("linux") and qpa.split(":")[0] in ("", "xcb")


def main() -> int:
    ldd = shutil.which("ldd")
    if not should_check() or ldd is None:
        return 0
    import PySide6  # here: the check must run even when importing Qt's modules would fail

    missing = ldd_missing(qt_files(Path(PySide6.__file__).resolve().parent), ldd)
    if not missing:
        return 0
    line, unknown = install_line(missing)
    print(f"check_qt_libs: Qt cannot open a window here: missing {', '.join(missing)}.", file=sys.stderr)
    if line:
        print(f"Install them with:\n    {line}", file=sys.stderr)
    if unknown:
        print(f"No package is known for {', '.join(unknown)}: `apt-file search` names it.", file=sys.stderr)
    print("(README.md, 'System libraries', lists them for Fedora too.)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
