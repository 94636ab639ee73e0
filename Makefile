# claimset tasks. `make test` is the one command CI runs.

.PHONY: test lint python-test notebooks sample schema rules syntax-model

PYTHON ?= python3
VENV := .venv
VENV_PYTHON := $(VENV)/bin/python

# Every check: formatting, lints, the Rust tests (unit, integration, snapshots), then the
# Python side: the interop tests and both notebooks executed headless.
test: lint
	cargo test --locked --all-targets
	@$(MAKE) --no-print-directory python-test

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings

# The Python package built into the venv (debug, editable: python/claimset/ plus the
# extension module), then the interop tests (pyarrow, polars, pandas, duckdb,
# frictionless), the package's and the Spark job's, again on the samples written as part
# files, then every notebook in a fresh kernel; fails on any error. Leaves the committed
# notebooks and figures alone.
python-test: $(VENV)/.installed
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(VENV)/bin/maturin develop --quiet
	$(VENV_PYTHON) -m pytest -q -p no:cacheprovider tests/python
	cargo run --quiet -- convert datasets/raw --out target/sample-parts --replace --quiet --part-rows 40
	CLAIMSET_DATASET=target/sample-parts $(VENV_PYTHON) -m pytest -q -p no:cacheprovider tests/python/test_interop.py
	$(VENV_PYTHON) notebooks/run.py

# Re-run the notebooks and store their outputs and figures (after the sample changes).
notebooks: $(VENV)/.installed
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(VENV)/bin/maturin develop --quiet
	$(VENV_PYTHON) notebooks/run.py --write

# The venv, rebuilt only when the pinned requirements change.
$(VENV)/.installed: notebooks/requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV_PYTHON) -m pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt
	touch $@

# Reconvert the bundled sample articles into datasets/sample.
sample:
	cargo run --release -- convert --check --quiet

# Regenerate schema/ from the record types.
schema:
	cargo run -- schema

# Regenerate docs/rules.md from the checker rules' docs.
rules:
	cargo run -q -- rule --all > docs/rules.md

# Retrain the syntax model from a UD English EWT checkout (or release folder):
#   make syntax-model UD=path/to/UD_English-EWT
# Trains on train + dev, then scores the model on test. A few minutes on 2 cores.
syntax-model:
	@test -n "$(UD)" || { echo "usage: make syntax-model UD=path/to/UD_English-EWT"; exit 2; }
	cargo run --release --example train_syntax -- \
		--train $(UD)/en_ewt-ud-train.conllu --train $(UD)/en_ewt-ud-dev.conllu \
		--dev $(UD)/en_ewt-ud-test.conllu --out src/syntax/model/en_ewt.bin
