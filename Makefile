# Two commands do all set-up on a fresh machine:
#   make run   - virtualenv, install, build the warehouse if missing or stale, serve on 127.0.0.1:8501
#   make test  - virtualenv, install test deps (and Debian's chromium), run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WAREHOUSE := data/warehouse.duckdb
ETL_INPUTS := $(shell find data/raw etl -type f \( -name '*.csv' -o -name '*.toml' -o -name '*.sql' -o -name '*.py' \) 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501

.PHONY: run test bench warehouse chromium poppler clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# rebuilt when missing or older than anything in data/raw or the ETL code
$(WAREHOUSE): $(ETL_INPUTS) $(VENV)/.installed
	$(BIN)/python -m etl.refresh --offline

warehouse: $(WAREHOUSE)

run: $(WAREHOUSE) chromium
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)

# chromium: browser tests and the PDF export; poppler-utils: the PDF test renders pages to PNG
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils; }

test: $(VENV)/.installed-test chromium poppler
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) $(WAREHOUSE) data/warehouse.status.json
