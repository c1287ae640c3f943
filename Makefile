# Two commands on a fresh machine with Python 3.11+ and pip:
#   make run    installs into .venv, loads the bundled dataset into the embedded store, prints its stats
#   make test   installs into .venv (with test tools), validates the bundled dataset, runs every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install run test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/dualchain load
	$(BIN)/dualchain stats

test: install
	$(BIN)/dualchain validate data/chongqing
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .dualchain .pytest_cache
