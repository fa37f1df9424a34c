# Letopis — a newcomer needs only `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
BENCH_ARGS ?= --repeat 2   # ingest rows alternate 1 and 2 workers twice and keep the faster run of each
DB ?= letopis.db

.PHONY: setup demo test example-check train train-wide word-ids bench serve system-deps clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip "setuptools<81" wheel
	$(BIN)/pip install -q -e ".[web,test]"
	$(BIN)/python -m compileall -q letopis   # bytecode now: an editable install leaves it to imports
	touch $@

demo: setup
	$(BIN)/letopis ingest --db $(DB) letopis/samples
	$(BIN)/letopis incidents --merged --db $(DB)
	@echo "Demo database ready: $(DB). Start the web app with: make serve  (it prints http://127.0.0.1:8000/; API docs at /docs)"

system-deps:
	bash scripts/system-deps.sh

test: setup system-deps
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

example-check: setup
	$(BIN)/letopis check-examples $(SHARED)/examples/seeds

# the fast model (weights.npz) and the accurate ensemble's second member (weights_swap.npz) train
# side by side, one core each (~90 min), then the ensemble's thresholds are picked on dev (its
# third member, weights_wide.npz, is `make train-wide`)
NEREL_DIR ?= letopis/nlp/nerel
TRAIN_ARGS ?=
train: setup
	$(BIN)/pip install -q "torch==2.13.0"
	set -o pipefail; \
	{ $(BIN)/python -m training.train_ner --data $(SHARED)/data/nerel --seed 13 $(TRAIN_ARGS) --out $(NEREL_DIR)/weights.npz | sed -u 's/^/[fast] /'; } & a=$$!; \
	{ $(BIN)/python -m training.train_ner --data $(SHARED)/data/nerel --seed 13 --swap 0.2 $(TRAIN_ARGS) --out $(NEREL_DIR)/weights_swap.npz | sed -u 's/^/[swap] /'; } & b=$$!; \
	wait $$a; ra=$$?; wait $$b; rb=$$?; test $$ra = 0 -a $$rb = 0
	$(BIN)/python -m training.remap_vocab $(NEREL_DIR)/weights_wide.npz $(NEREL_DIR)/weights.npz   # one encoder serves the ensemble
	$(BIN)/python -m training.train_ner --data $(SHARED)/data/nerel --tune-only --out $(NEREL_DIR)/ensemble.json
	$(MAKE) word-ids

# the accurate ensemble's third member, 300 channels wide: trained on a leased GPU in stop 29
# (training/gpu_sweep.sh, 53 epochs); this is the same run on CPU (~70 min on one core)
train-wide: setup
	$(BIN)/pip install -q "torch==2.13.0"
	$(BIN)/python -m training.train_ner --data $(SHARED)/data/nerel --seed 13 --swap 0.2 --channels 300 --epochs 53 $(TRAIN_ARGS) --out $(NEREL_DIR)/weights_wide.npz
	$(BIN)/python -m training.remap_vocab $(NEREL_DIR)/weights_wide.npz $(NEREL_DIR)/weights.npz
	$(BIN)/python -m training.train_ner --data $(SHARED)/data/nerel --tune-only --out $(NEREL_DIR)/ensemble.json

# the trained model's token ids of navec's and NEREL train's words, computed ahead (~40 s); rerun
# after training or editing the word tables, the gazetteer or the feature code (a test says when)
word-ids: setup
	$(BIN)/python scripts/build_word_ids.py --train $(SHARED)/data/nerel/train

bench: setup
	$(BIN)/python -m bench.run --data $(SHARED)/data/nerel/train --data $(SHARED)/data/nerel/dev --out bench/results.md $(BENCH_ARGS)

serve: setup
	$(BIN)/letopis serve --db $(DB)

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
