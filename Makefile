# Two commands on a fresh machine with Python 3.11+ and pip:
#   make run    installs into .venv, loads the bundled dataset into the embedded store, serves http://127.0.0.1:8000
#   make test   installs into .venv (with test tools), validates the bundled dataset, runs every test
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install browser run test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/dualchain load
	$(BIN)/dualchain serve

# Debian's Chromium for the browser tests (they are skipped, saying why, when it cannot be installed)
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	  || echo "chromium could not be installed: the browser tests will be skipped"; }

test: install browser
	$(BIN)/dualchain validate data/chongqing
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .dualchain .pytest_cache
