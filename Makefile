# Two entry points, each with its own virtual environment:
#   make demo   install, find the places of the bundled example and compare their routes
#   make test   install with the development tools and run ruff, mypy and pytest
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck pytest calibrate benchmark network evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/routes places data/examples/kim-vladivostok.txt
	$(BIN)/routes compare Pyongyang Vladivostok
	$(BIN)/routes compare Pyongyang Vladivostok --via Tumen --via Hunchun

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check routes tests benchmarks scripts

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

test: lint typecheck pytest

calibrate: $(VENV)/.installed
	$(BIN)/python scripts/calibrate.py

benchmark: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_routes.py

evaluate: $(VENV)/.installed
	$(BIN)/python scripts/eval_geoparse.py

network: $(VENV)/.installed-dev
	$(BIN)/routes build-network

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
