"""A second process (or a second start) on one station file is refused at start with one clear line."""

import subprocess
import sys
from pathlib import Path

import pytest

from models.station.open import open_station
from models.station.service import StationService
from models.store.errors import StationFileInUse
from queueing.core.categories import load_branch_config

ROOT = Path(__file__).resolve().parents[3]


def test_second_start_on_the_same_station_file_is_refused(tmp_path):
    config = load_branch_config()
    upstream, local = str(tmp_path / "branch.db"), str(tmp_path / "st1.db")
    first = open_station(config, "B1", "ST1", upstream=upstream, local=local)
    assert isinstance(first, StationService)
    with pytest.raises(StationFileInUse, match="st1.db is in use by another Counterline station"):
        open_station(config, "B1", "ST1", upstream=upstream, local=local)
    first.close()
    again = open_station(config, "B1", "ST1", upstream=upstream, local=local)  # free once the first closed
    again.close()


def test_a_second_process_is_refused_while_the_first_runs(tmp_path):
    config = load_branch_config()
    upstream, local = str(tmp_path / "branch.db"), str(tmp_path / "st1.db")
    first = open_station(config, "B1", "ST1", upstream=upstream, local=local)
    code = (
        "from models.station.open import open_station\n"
        "from models.store.errors import StationFileInUse\n"
        "from queueing.core.categories import load_branch_config\n"
        "try:\n"
        f"    open_station(load_branch_config(), 'B1', 'ST1', upstream={upstream!r}, local={local!r})\n"
        "except StationFileInUse as exc:\n"
        "    print('REFUSED', exc)\n"
    )
    try:
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    finally:
        first.close()
    assert out.stdout.startswith("REFUSED"), out.stdout + out.stderr
