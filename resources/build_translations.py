"""Compile the translations (``python -m resources.build_translations``) and, on request, refresh them.

``make translations`` (run by ``make run`` and ``make test``) only compiles: it never rewrites the tracked
.ts files, so building leaves ``git status`` clean. ``make translations-update`` (``--update``) first
merges the strings of ui/ into the .ts files; tests/test_translations_complete.py fails while a string
of ui/ is missing from them.

1. With ``--update``, ``pyside6-lupdate`` reads every ``self.tr(...)`` and
   ``QCoreApplication.translate(...)`` in ui/**/*.py and merges new strings into
   resources/translations/counterline_{zh_CN,ko,es}.ts. Existing translations are kept; a string
   that left the code stays in the file as "vanished" (pass ``--prune`` to drop those) so that its
   translation comes back if the string does.
2. ``pyside6-lrelease`` compiles each .ts into the .qm that ui/common/i18n.py loads, only when the .ts is
   newer than its .qm.

A .ts file whose content lupdate did not change keeps its old modification time, so a second run
does no compiling at all. The tools come with PySide6-Essentials; they are looked up beside the
running Python (the venv's bin/ or Scripts/ folder) before PATH.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "ko", "es")
# English is the source language; its file only holds plural forms ("1 event" / "3 events"), as Qt advises.
PLURAL_ONLY_LANGUAGES = ("en",)


class BuildError(RuntimeError):
    """A translation tool is missing or failed; the message says which and why."""


def find_tool(name: str) -> str:
    """The path of a PySide6 tool: beside sys.executable first (a venv not on PATH), then PATH."""
    # Not resolved: in a venv, python is a symlink and the tools sit beside the link, not the target.
    beside_python = shutil.which(name, path=str(Path(sys.executable).parent))
    found = beside_python or shutil.which(name)
    if found is None:
        raise BuildError(
            f"{name} was found neither beside {sys.executable} nor on PATH. It ships with "
            f"PySide6-Essentials: run `make` (pip install -e .) in the project's virtualenv first."
        )
    return found


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"counterline_{language}.ts"


def qm_path_for(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def ui_sources(ui_dir: Path = UI_DIR) -> list[Path]:
    """Every Python module under ui/, in a stable order (lupdate's output follows it)."""
    return sorted(path for path in ui_dir.rglob("*.py") if "__pycache__" not in path.parts)


def _run(command: Sequence[str]) -> str:
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def update_sources(
    ts_files: Iterable[Path], sources: Sequence[Path], prune: bool = False, plural_only: bool = False
) -> list[Path]:
    """Merge the strings of ``sources`` into each .ts file; return the files whose content changed.

    An unchanged file gets its modification time back, so lrelease is not run for it again.
    """
    changed = []
    command = [find_tool("pyside6-lupdate"), "-silent", "-locations", "relative", "-source-language", "en"]
    command += ["-no-obsolete"] if prune else []
    command += ["-pluralonly"] if plural_only else []
    for ts in ts_files:
        before = ts.read_bytes() if ts.exists() else None
        stat = ts.stat() if ts.exists() else None
        # lupdate writes each location relative to the .ts file, whatever form the paths take here.
        _run([*command, *map(str, sources), "-ts", str(ts)])
        if before is not None and stat is not None and ts.read_bytes() == before:
            os.utime(ts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        else:
            changed.append(ts)
    return changed


def release(ts: Path, qm: Path) -> None:
    """Compile one .ts into .qm; untranslated messages are left out so they show in English."""
    _run([find_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def release_stale(ts_files: Iterable[Path]) -> list[Path]:
    """Compile every .ts whose .qm is missing or older; return the .qm files written."""
    written = []
    for ts in ts_files:
        qm = qm_path_for(ts)
        if qm.exists() and qm.stat().st_mtime_ns >= ts.stat().st_mtime_ns:
            continue
        release(ts, qm)
        written.append(qm)
    return written


def build(update: bool = False, prune: bool = False) -> None:
    translated = [ts_path(language) for language in LANGUAGES]
    plural_only = [ts_path(language) for language in PLURAL_ONLY_LANGUAGES]
    if update:
        sources = ui_sources()
        TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
        changed = update_sources(translated, sources, prune=prune)
        changed += update_sources(plural_only, sources, prune=prune, plural_only=True)
        for ts in changed:
            print(f"updated {ts.relative_to(ROOT)}")
    for qm in release_stale(translated + plural_only):
        print(f"compiled {qm.relative_to(ROOT)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m resources.build_translations", description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="merge the strings of ui/ into the .ts files first")
    parser.add_argument("--prune", action="store_true", help="with --update: drop strings no longer in ui/")
    args = parser.parse_args(argv)
    try:
        build(update=args.update, prune=args.prune)
    except BuildError as error:
        print(f"build_translations: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
