# Two commands do everything on a fresh machine:
#   make run   - set up .venv, then serve the app on the bundled map
#   make test  - set up .venv, then run the checks and every test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: setup run test check test-fast bench load-test schema clean

# the pinned set, then argmap itself (editable: .venv/bin/argmap runs this checkout)
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.headless true

# lint, format, types and the import contracts; each must pass
check: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: check
	$(PY) -m pytest

# the default test run minus the browser and Argdown CLI tests
test-fast: setup
	$(PY) -m pytest -m "not slow and not browser and not argdown_cli"

# speed figures (printed, not asserted); see README, "Speed"
bench: setup
	for b in bench/*.py; do [ "$$b" = bench/load_test.py ] && continue; echo "== $$b"; $(PY) $$b || exit 1; done

# 10 concurrent browser sessions against one server for 60 s (needs chromium)
load-test: setup
	$(PY) bench/load_test.py

# regenerate the JSON Schema of the argmap/2 format after changing the models
schema: setup
	$(PY) -m arguments schema -o schema/argmap-2.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/artifacts tests/argdown/node_modules
