# The two quick-start commands (see README): `make demo` and `make test`.
# Each sets up .venv from scratch when needed, so both work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Ground a hand-written summary of seed 001 (with planted mistakes) and show the report.
# `check` exits 1 when it rejected something, which is what this example is for.
demo: $(VENV)/.installed
	$(BIN)/summarizer check seeds/001_1679f06f00c41463.txt examples/001.summary.json --format md \
		|| test $$? -eq 1

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/grounding.py
