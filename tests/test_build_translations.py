"""The translation build: finds its tools beside the venv's python, keeps translations, skips needless work."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from resources import build_translations as build
from resources.build_translations import BuildError, find_tool, release_stale, ts_path, ui_sources, update_sources


def test_tools_are_found_beside_python_without_path(monkeypatch):
    monkeypatch.setenv("PATH", "")
    for name in ("pyside6-lupdate", "pyside6-lrelease"):
        assert Path(find_tool(name)).parent == Path(sys.executable).parent


def test_missing_tool_fails_with_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    with pytest.raises(BuildError, match=r"pyside6-lupdate was found neither beside .* PySide6-Essentials"):
        find_tool("pyside6-lupdate")
    assert build.main(["--update"]) == 1


def test_unchanged_catalogue_keeps_its_time_and_is_not_recompiled(tmp_path):
    ts = tmp_path / "counterline_es.ts"
    shutil.copy(ts_path("es"), ts)
    update_sources([ts], ui_sources())  # settle the copy's relative locations once
    old = 1_000_000_000_000_000_000
    os.utime(ts, ns=(old, old))
    assert update_sources([ts], ui_sources()) == []
    assert ts.stat().st_mtime_ns == old
    assert release_stale([ts]) == [ts.with_suffix(".qm")]
    assert release_stale([ts]) == []


def test_new_strings_are_merged_and_translations_kept(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        'from PySide6.QtWidgets import QWidget\n\n\nclass Probe(QWidget):\n    title = lambda self: self.tr("Recall")\n'
    )
    ts = tmp_path / "counterline_ko.ts"
    shutil.copy(ts_path("ko"), ts)
    assert update_sources([ts], [*ui_sources(), source]) == [ts]
    text = ts.read_text(encoding="utf-8")
    assert "<source>Recall</source>" in text
    assert "<translation>점심시간</translation>" in text


def test_a_plain_build_never_rewrites_the_catalogues(monkeypatch):
    """`make run` and `make test` compile only: the tracked .ts files stay as they are (git status clean)."""
    calls = []
    monkeypatch.setattr(build, "update_sources", lambda *args, **kwargs: calls.append(args) or [])
    monkeypatch.setattr(build, "release_stale", lambda ts_files: [])
    assert build.main([]) == 0
    assert calls == []
    assert build.main(["--update"]) == 0
    assert len(calls) == 2
