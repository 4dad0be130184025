# Two commands do all set-up on a fresh machine (Python 3.11+ and make):
#   make run    create .venv, install, open the reader on the sample library
#   make test   create .venv, install with test/dev/bench extras, run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench quality clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The install compiles briefings/derive with mypyc (setup.py), so it is redone when
# a derivation source changes; until then briefings._accel runs the sources.
$(STAMP): pyproject.toml setup.py $(wildcard briefings/derive/*.py) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,dev,bench]"
	@$(BIN)/brief --version
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/brief

# Slow cases (the 50 MB file, 10,000 files) run in CI (CI=true) or with SLOW=1.
test: $(STAMP)
	$(BIN)/python -m pytest -q $(if $(filter true 1,$(CI) $(SLOW)),,-m "not slow")

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

quality: $(STAMP)
	$(BIN)/python -m bench.quality

# make bench                          2k and 10k articles (cached libraries are reused)
# make bench BENCH_ARGS=--full        also 100k; BENCH_ARGS=--fresh re-ingests
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
	rm -f *.so briefings/derive/*.so briefings/derive/_mypyc.json
