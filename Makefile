# Two jobs: `make serve` (the site on http://127.0.0.1:8000) and `make test`.
# Each installs what it needs first and is safe to run again: the stamp files
# below are only rebuilt when the pinned package lists change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The learning record store the cmi5 test starts (Ralph), in a venv of its own.
LRS_VENV := .venv-lrs
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1
# mkdocs.yml names the site's own Markdown extension (sitebuild.extension): any generator must find it.
export PYTHONPATH := $(CURDIR)

.PHONY: serve build test bench setup lrs chromium xmllint clean

serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# The site generator: mkdocs (the default) or zensical (Material's successor, which runs no MkDocs
# hooks: the site's own steps are its Markdown extension and `python -m sitebuild finish`).
GENERATOR ?= mkdocs

build: setup
ifeq ($(GENERATOR),zensical)
	rm -rf site
	$(BIN)/zensical build --strict
	$(BIN)/python -m sitebuild finish site
else ifeq ($(GENERATOR),mkdocs)
	$(BIN)/mkdocs build --strict
else
	@echo "GENERATOR must be mkdocs or zensical, not '$(GENERATOR)'" >&2; exit 1
endif

# The browser code first (seconds): TypeScript checks its types, node --test runs its unit tests.
test: setup lrs chromium xmllint
	npm run --silent check
	$(BIN)/pytest

bench: setup chromium
	$(BIN)/python bench/widget_start.py
	$(BIN)/python bench/search.py

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lrs: $(LRS_VENV)/.installed

$(LRS_VENV)/.installed: requirements-lrs.txt
	test -x $(LRS_VENV)/bin/python || $(PYTHON) -m venv $(LRS_VENV)
	$(LRS_VENV)/bin/pip install --disable-pip-version-check -q -r requirements-lrs.txt
	touch $@

# Debian's Chromium drives the browser tests; Playwright's own browser
# download cannot work on an offline build machine.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Debian's Chromium: run 'sudo apt-get install chromium' and try again." >&2; exit 1; \
	  fi; \
	fi

# xmllint (Debian libxml2-utils) validates the learning-system packages against the
# standards' own schemas (tests/data/schemas/).
xmllint:
	@if ! command -v xmllint >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils; \
	  else \
	    echo "The package tests need xmllint: run 'sudo apt-get install libxml2-utils' and try again." >&2; exit 1; \
	  fi; \
	fi

clean:
	rm -rf site .pytest_cache
