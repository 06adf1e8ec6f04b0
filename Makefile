# Everything a new machine needs is installed here, into .venv, from pinned versions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
IN     ?= seeds
OUT    ?= outputs
ARGS   ?=

.PHONY: setup extract test golden eval schema bench bench-components bench-scale bench-dates bench-profiles bench-size report profiles test-browser lock clean

setup: $(STAMP)

# Every package is checked against its sha256 in the lock; then the project itself, editable and
# without dependencies, so `.venv/bin/python -m pipeline` runs from any folder.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# The optional Ray engine's pinned versions; `make test` installs them so the Ray tests run.
RAY_STAMP := $(VENV)/.installed-ray
$(RAY_STAMP): $(STAMP) requirements-ray.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-ray.lock
	touch $(RAY_STAMP)

extract: $(STAMP)
	$(PY) -m pipeline extract $(IN) --out $(OUT) $(ARGS)

test: $(STAMP) $(RAY_STAMP)
	$(PY) -m ruff check pipeline tests bench
	$(PY) -m pytest -q $(ARGS)

golden: $(STAMP)
	$(PY) -m tests.golden_update

eval: $(STAMP)
	$(PY) -m pipeline extract ../shared/corpus/dev ../shared/seeds --out outputs/dev
	$(PY) -m pipeline evaluate ../shared/corpus/dev outputs/dev

schema: $(STAMP)
	mkdir -p schema
	$(PY) -m pipeline schema documents > schema/documents.schema.json
	$(PY) -m pipeline schema facts > schema/facts.schema.json
	$(PY) -m pipeline schema people > schema/people.schema.json

# requirements.lock from pyproject.toml, every package pinned by version and sha256, by pip-tools run
# from a throwaway virtual environment (never .venv); pins already in the lock are kept.
PIP_TOOLS ?= pip-tools==7.7.0
lock:
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install --quiet --disable-pip-version-check "$(PIP_TOOLS)"; \
	"$$tmp/venv/bin/pip-compile" --quiet --allow-unsafe --generate-hashes --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml; \
	"$$tmp/venv/bin/pip-compile" --quiet --allow-unsafe --generate-hashes --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements-ray.lock requirements-ray.in

clean:
	rm -rf $(VENV) outputs/*.jsonl

# One profile per person across the documents of an output folder: OUT/people.jsonl.
profiles: $(STAMP)
	$(PY) -m pipeline profiles $(OUT) $(ARGS)

GOLD ?=
report: $(STAMP)
	$(PY) -m pipeline report $(OUT) $(if $(GOLD),--gold $(GOLD)) $(ARGS)

# Chromium comes from the system (installed here when missing and running as root); selenium into .venv.
test-browser: $(STAMP)
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null \
	      || echo "test-browser: could not install chromium; the browser tests will be skipped"; \
	  else \
	    echo "test-browser: chromium/chromedriver missing and not root; the browser tests will be skipped"; \
	  fi; \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-browser.txt \
	  || echo "test-browser: could not install selenium; the browser tests will be skipped"
	$(PY) -m pytest -q -rs tests/browser $(ARGS)

bench-dates: $(STAMP)
	$(PY) bench/bench_dates.py $(ARGS)

# Throughput and memory of the whole pipeline against stock spaCy; figures go in the README.
bench: $(STAMP)
	$(PY) bench/bench_pipeline.py $(ARGS)

# Scaling over 1-16 workers, local processes and Ray actors, beside stock spaCy's nlp.pipe(n_process=N).
bench-scale: $(STAMP) $(RAY_STAMP)
	$(PY) bench/bench_scale.py $(ARGS)

# Seconds per component, stock spaCy and ours, interleaved on the same texts: where to optimise next.
bench-components: $(STAMP)
	$(PY) bench/bench_components.py $(ARGS)

# Linking time for generated (document, person) records; the figure goes in the README.
bench-profiles: $(STAMP)
	$(PY) bench/bench_profiles.py $(ARGS)

# Seconds and peak memory of one document of 0.1 to 4 MB, each size in a fresh process; figures go in the README.
bench-size: $(STAMP)
	$(PY) bench/bench_size.py $(ARGS)
