# The two quick-start commands (README): `make demo` and `make test`.
# Both create .venv with the system's python3 (>= 3.11) and install the project into it.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint check bench docs clean

demo: $(VENV)/.installed
	$(BIN)/timeline build events/

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-lint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: $(VENV)/.installed
	$(BIN)/timeline check --strict events/

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py

docs: $(VENV)/.installed
	$(BIN)/python -c "from dissident_timeline.problems import catalog_markdown as m; print(m(), end=\"\")" > docs/problems.md
	$(BIN)/python -c "from dissident_timeline.records import json_schema as s; print(s(), end=\"\")" > docs/timeline.schema.json
	$(BIN)/python tools/docs_examples.py

$(VENV)/.created:
	$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-lint: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[lint]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-bench: $(VENV)/.created pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
