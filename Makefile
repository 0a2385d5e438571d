# Two commands (see README): `make serve` builds the site with every PDF and serves it; `make test` runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Lighthouse for the benchmark (npm, exact versions in tools/lighthouse/package-lock.json).
LIGHTHOUSE := tools/lighthouse/node_modules/.installed

.PHONY: serve build test benchmark clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	scripts/system-packages.sh
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP)
	scripts/system-packages.sh
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build

test: $(STAMP)
	scripts/system-packages.sh --browser --node
	cd tools/pdf && npm ci --omit=optional --no-audit --no-fund --silent
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	scripts/system-packages.sh --node
	cd tools/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	touch $(LIGHTHOUSE)

benchmark: $(STAMP) $(LIGHTHOUSE)
	scripts/system-packages.sh --browser
	cd tools && NO_MKDOCS_2_WARNING=1 ../$(BIN)/python -m benchmark

clean:
	rm -rf site site.bouwen site.bouwen.lock site.oud .cache
