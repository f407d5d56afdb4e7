# Two commands do all set-up on a fresh machine:
#   make run   - virtualenv, install from requirements.lock, build the warehouse if missing or stale,
#                serve on 127.0.0.1:8501 (PORT=8502 make run for another port)
#   make test  - virtualenv, install from requirements-test.lock (and Debian's chromium, poppler-utils,
#                postgresql),
#                ruff, then the whole suite
# Dependencies come only from the hashed lockfiles; `make lock` regenerates them from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
TEST_LOCK := requirements-test.lock
# uv only resolves the lockfiles (make lock); it is not needed to install them
TOOLS := .venv-tools
UV_VERSION := 0.13.9
WAREHOUSE := data/warehouse.duckdb
ETL_INPUTS := $(shell find data/raw etl -type f \( -name '*.csv' -o -name '*.toml' -o -name '*.sql' -o -name '*.py' \) 2>/dev/null)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8501
# make run: on the first start, fetch the CBS tables and maps in the background (VERVERSEN_BIJ_START=0: not)
VERVERSEN_BIJ_START ?= 1

.PHONY: run test lint bench bench-soak lock warehouse bytecode chromium chromium-optional poppler haproxy postgresql axe clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# --require-hashes: every package, dependencies included, must be in the lockfile with its hash.
# (An older checkout installed the project itself in editable mode; that install is removed.)
$(VENV)/.installed: $(LOCK) | $(BIN)/python
	@$(BIN)/pip uninstall -q -y arbeidsmarkt-dashboard 2>/dev/null || true
	$(BIN)/pip install -q --require-hashes -r $(LOCK)
	touch $@

$(VENV)/.installed-test: $(TEST_LOCK) | $(BIN)/python
	@$(BIN)/pip uninstall -q -y arbeidsmarkt-dashboard 2>/dev/null || true
	$(BIN)/pip install -q --require-hashes -r $(TEST_LOCK)
	touch $@

# The project's own modules compiled to bytecode beforehand (basis/bytecode.py says why; ~0.1 s when up to date)
bytecode: | $(BIN)/python
	@$(BIN)/python -m basis.bytecode

# rebuilt when missing or older than anything in data/raw or the ETL code
$(WAREHOUSE): $(ETL_INPUTS) $(VENV)/.installed
	$(BIN)/python -m etl.refresh --offline

warehouse: $(WAREHOUSE)

# WORKERS=N: N processes behind HAProxy (installed when first needed); raise it to the number of cores
run: $(WAREHOUSE) bytecode chromium-optional
ifeq ($(WORKERS),)
	VERVERSEN_BIJ_START=$(VERVERSEN_BIJ_START) $(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)
else
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq haproxy; }
	VERVERSEN_BIJ_START=$(VERVERSEN_BIJ_START) $(BIN)/python -m beheer.werkers --aantal $(WORKERS) --poort $(PORT)
endif

# chromium: browser tests and the PDF export; poppler-utils: the PDF test renders pages to PNG.
# make test needs both and fails without them.
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

haproxy:
	@command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq haproxy; }

poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq poppler-utils; }

# PostgreSQL's server binaries: the monitor store's tests also run against a throwaway cluster that the
# suite starts itself (tests/postgres.py; with CI set they fail, not skip, when it cannot start).
# The dashboard needs no PostgreSQL unless DATABASE_URL is set.
postgresql:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || command -v pg_ctl >/dev/null 2>&1 \
	|| { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq postgresql; }

# make run only wants chromium for the PDF export: installed when root or password-less sudo can,
# otherwise a note and the dashboard starts anyway.
chromium-optional:
	@[ -n "$$CHROMIUM_PATH" ] && [ -x "$$CHROMIUM_PATH" ] \
	|| command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	|| ( if [ "$$(id -u)" = 0 ]; then s=; elif sudo -n true 2>/dev/null; then s="sudo -n"; else exit 1; fi; \
	     $$s apt-get update -qq && $$s apt-get install -y -qq chromium ) \
	|| echo "Let op: de PDF-export heeft Chromium nodig en dat is niet geïnstalleerd. Installeer het met" \
	        "'sudo apt-get install -y chromium' (of zet CHROMIUM_PATH op een Chromium-programma)." \
	        "Het dashboard start nu zonder PDF-export."

# axe-core for the accessibility audit (tests/test_toegankelijk_browser.py): the version pinned in
# tests/axe/package-lock.json, installed into the git-ignored tests/axe/node_modules; npm from Debian if missing.
AXE := tests/axe/node_modules/axe-core/axe.min.js
$(AXE): tests/axe/package.json tests/axe/package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; }
	cd tests/axe && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

axe: $(AXE)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

# ruff first, then pytest; pytest runs even when ruff finds something, and the target fails
# if either failed. pytest's own exit status is passed on unchanged (5 = no tests collected fails too).
test: $(VENV)/.installed-test bytecode chromium poppler haproxy postgresql $(AXE)
	@status=0; \
	$(BIN)/ruff check . || status=$$?; \
	$(BIN)/python -m pytest || status=$$?; \
	exit $$status

# make bench: render and export timings, then many viewers at once over Streamlit's WebSocket (scenarios k,
# c and a; w: 1 and 2 workers behind HAProxy; r: RSS with 50 sessions on one worker; the 10-minute soak b is
# make bench-soak). CHECK=1 exits non-zero when a load goal is missed.
bench: $(VENV)/.installed-test bytecode haproxy
	$(BIN)/python -m benchmarks
	$(BIN)/python -m benchmarks.belasting --scenario k,c,a,w,r $(if $(CHECK),--check)

bench-soak: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.belasting --scenario b $(if $(CHECK),--check)

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q uv==$(UV_VERSION)

# Resolve pyproject.toml's ranges for Python 3.11 on linux x86_64. Versions already in the lockfiles
# are kept unless pyproject.toml excludes them; `make lock UPGRADE=1` moves everything to the newest.
lock: $(TOOLS)/bin/uv
	$(TOOLS)/bin/uv pip compile pyproject.toml $(if $(UPGRADE),--upgrade) --generate-hashes \
	    --python-version 3.11 --python-platform x86_64-manylinux_2_28 --quiet -o $(LOCK)
	$(TOOLS)/bin/uv pip compile pyproject.toml --extra test $(if $(UPGRADE),--upgrade) --generate-hashes \
	    --python-version 3.11 --python-platform x86_64-manylinux_2_28 --quiet -o $(TEST_LOCK)

clean:
	rm -rf $(VENV) $(TOOLS) $(WAREHOUSE) data/warehouse.status.json
