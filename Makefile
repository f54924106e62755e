# The two commands a new user needs: `make demo` and `make test`.
# Both create .venv if missing and install mapgen with its pinned dependencies.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
DEMO   := output/georgia-2008.html

.PHONY: demo test lint assets clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "mapgen needs Python 3.11 or newer (set PYTHON=...)")'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	rm -f $(VENV)/.installed-*
	touch $@

demo: $(STAMP)
	$(BIN)/mapgen build examples/georgia-2008/events.csv -o $(DEMO) \
		--title "Georgia, August 2008" --subtitle "Example events table bundled with mapgen"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check mapgen tests scripts benchmarks

# Re-fetch the vendored Leaflet files with npm and verify them against the lock.
assets:
	$(PYTHON) scripts/fetch_assets.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache output/*.html
