# 巡察工作台 — developer entry points. `make run` and `make test` bootstrap .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
DEMO_STORE ?= .demo-store

.PHONY: run test test-fast lint format bench i18n qm screenshots clean-venv installer installer-compat \
  installer-compat-test

# The venv is rebuilt only when pyproject.toml changes (make compares the stamps' times).
# `run` needs only the runtime dependencies; the test, lint and installer tools (pytest, mypy,
# ruff, PyInstaller: the [test] extra) come with the first target that uses them.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(TEST_STAMP)

DEMO_ENV := WORKBENCH_USER=wangjg WORKBENCH_PASSPHRASE=xuncha-demo-2026

# `run` makes the demo store once, then opens the workbench on it (user wangjg; the passphrase
# is in README). Without a display (a bare SSH session) it prints the store's summary instead.
run: $(STAMP) qm
	$(BIN)/workbench --store $(DEMO_STORE) demo --if-missing
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  echo "no display: showing the demo store's summary"; \
	  $(DEMO_ENV) $(BIN)/workbench --store $(DEMO_STORE) info; \
	  $(DEMO_ENV) $(BIN)/workbench --store $(DEMO_STORE) stats; \
	else \
	  QT_QPA_PLATFORM= $(BIN)/workbench-gui --store $(DEMO_STORE) --user wangjg; \
	fi

# The tests run on TEST_WORKERS processes (pytest-xdist), one test file per worker at a time so
# that a module's fixture (the quick bench run, the installer build) is made once; on two cores
# two workers take about half the time of one. TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2
PYTEST := QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

test: $(TEST_STAMP) lint qm
	$(PYTEST)

# Everything but the tests marked `slow` (kills, crashes, large stores), without lint.
test-fast: $(TEST_STAMP) qm
	$(PYTEST) -m "not slow"

# The compiled translations are build output (not in git): the tests and the app load them.
qm: $(STAMP)
	$(BIN)/pyside6-lrelease -silent resources/translations/workbench_en.ts \
	  -qm resources/translations/workbench_en.qm

lint: $(TEST_STAMP)
	$(BIN)/ruff check workbench ui tests bench tools
	$(BIN)/ruff format --check workbench ui tests bench tools
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(TEST_STAMP)
	$(BIN)/ruff format workbench ui tests bench tools
	$(BIN)/ruff check --fix workbench ui tests bench tools

i18n: $(TEST_STAMP)
	$(BIN)/python -m tools.i18n

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/workbench-gui --screenshots docs/screenshots

bench: $(TEST_STAMP)
	$(BIN)/python -m bench.run --out bench/results/latest.json

# The frozen bundle in dist/xuncha-workbench/ and, on Linux, its .deb (docs/installing.md).
installer: $(TEST_STAMP) qm
	$(BIN)/python installer/build.py --dist dist --work build

# Kylin V10 / UOS 20 (glibc 2.28 floor): the same bundle and .deb built inside a cached Debian 11
# root with its own Python 3.11 → dist-compat/; then installed into a bare Debian 11 root and
# self-tested there. Root only (debootstrap, chroot); see docs/installing.md.
installer-compat:
	bash installer/compat/compat.sh build

installer-compat-test:
	bash installer/compat/compat.sh test

clean-venv:
	rm -rf $(VENV)
