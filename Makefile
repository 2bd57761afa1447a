# Two entry points, each with its own virtual environment:
#   make demo   install; check the claims of the bundled story, find its places, compare routes
#   make test   install with the development tools and run ruff, mypy and pytest
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: assets demo test lint typecheck pytest fuzz calibrate benchmark network evaluate evaluate-claims clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# A distribution called "routes" (this project's old name, or the URL router of that name on
# PyPI) would hide this package, which imports as routes: it goes first.
UNINSTALL_CLASH := $(BIN)/python -m pip uninstall --quiet --yes routes 2>/dev/null || true

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(UNINSTALL_CLASH)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(UNINSTALL_CLASH)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# Leaflet and its plugins, inlined in every map so that it works offline (routes map --cdn
# loads them from CDNs instead), from the npm registry (not committed).
ASSETS := .assets/node_modules/leaflet/dist/leaflet.js
$(ASSETS):
	npm install --no-save --no-audit --no-fund --prefix .assets leaflet@1.9.3 jquery@3.7.1 leaflet-measure@3.1.0

assets: $(ASSETS)

demo: $(VENV)/.installed $(ASSETS)
	$(BIN)/routes check data/examples/kim-vladivostok.txt
	$(BIN)/routes places data/examples/kim-vladivostok.txt
	$(BIN)/routes compare Pyongyang Vladivostok
	$(BIN)/routes compare Pyongyang Vladivostok --via Tumen --via Hunchun
	$(BIN)/routes map data/examples/kim-vladivostok.txt --force -o example-map.html

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check routes tests benchmarks scripts notebooks conftest.py

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev $(ASSETS)
	$(BIN)/pytest

test: lint typecheck pytest

# 10,000 generated texts per text property, 500 spoilt files per loader (tests/test_fuzz.py).
fuzz: $(VENV)/.installed-dev
	$(BIN)/pytest tests/test_fuzz.py --hypothesis-profile=fuzz --hypothesis-show-statistics -p no:cacheprovider -q

calibrate: $(VENV)/.installed
	$(BIN)/python scripts/calibrate.py

benchmark: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/bench_routes.py

evaluate: $(VENV)/.installed
	$(BIN)/python scripts/eval_geoparse.py

evaluate-claims: $(VENV)/.installed
	$(BIN)/python scripts/eval_claims.py --errors

network: $(VENV)/.installed-dev
	$(BIN)/routes build-network

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
