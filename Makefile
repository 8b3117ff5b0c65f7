PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
export PYQTGRAPH_QT_LIB := PySide6

.PHONY: run test bench chaos lint translations translations-update qt-libs clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip setuptools wheel

$(STAMP): setup.cfg $(BIN)/python
	$(BIN)/python -m pip install -qq -e .
	touch $@

$(TEST_STAMP): setup.cfg $(BIN)/python
	$(BIN)/python -m pip install -qq -e '.[test]'
	touch $@ $(STAMP)

run: $(STAMP) qt-libs translations
	$(BIN)/python main.py demo

# Four test processes even on two cores: most tests wait on a database, a link fault or a timer, not the CPU.
TEST_WORKERS ?= 4
# The suite runs in a time zone far from every demo branch's (UTC-11), so a test or a module that reads this
# PC's zone instead of the branch's fails; the rules and the store run again on the other side of the date line.
test: $(TEST_STAMP) translations
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	TZ=Pacific/Pago_Pago QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest -n $(TEST_WORKERS) --ignore=tests/ui/app/test_layouts_fit.py
	# The fit test measures a fresh application's layouts: in a process of its own, as a window starts.
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest tests/ui/app/test_layouts_fit.py
	TZ=Asia/Seoul $(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not postgres and not slow" tests/queueing tests/models

# Long runs of the sync chaos test: three station processes under random link faults (issue 11).
SEEDS ?= 5
SECONDS ?= 60
chaos: $(TEST_STAMP) translations
	CHAOS_SEEDS=$(SEEDS) CHAOS_SECONDS=$(SECONDS) QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} \
		$(BIN)/python -m pytest -q tests/models/sync/test_sync_chaos_processes.py

bench: $(TEST_STAMP) translations
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python bench/run.py

# Compiles the .qm files only; the tracked .ts files are never rewritten by a build.
translations: $(STAMP)
	$(BIN)/python -m resources.build_translations

# After changing strings in ui/: merge them into the .ts files, then translate the new ones.
translations-update: $(STAMP)
	$(BIN)/python -m resources.build_translations --update

# Qt's X11 plugin needs system libraries a minimal Linux desktop may lack: name them and how to install them.
qt-libs: $(STAMP)
	$(BIN)/python -m resources.check_qt_libs

clean:
	rm -rf $(VENV) .pytest_cache
