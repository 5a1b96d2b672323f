# matgradc — `make demo` and `make test` are all a newcomer needs; both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MATGRADC := $(VENV)/bin/matgradc
STAMP := $(VENV)/.installed

.PHONY: demo test generate lint fuzz bench bench-eigen peer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

## demo: compile the talk's covariance objective and check its gradient on random data
demo: $(STAMP)
	$(MATGRADC) examples/covariance.py --fn covariance -o generated/grad_covariance.py \
		--emit-test generated/test_grad_covariance.py
	$(PY) examples/demo.py

## test: the whole suite (compiler tests, generated tests, golden files, lint of generated code)
test: $(STAMP)
	$(PY) -m pytest

## generate: recompile every example of examples/manifest.txt into generated/
generate: $(STAMP)
	grep -v '^#' examples/manifest.txt | while read -r model fn extra; do \
		$(MATGRADC) examples/$$model --fn $$fn $$extra -o generated/grad_$$fn.py \
			--emit-test generated/test_grad_$$fn.py || exit 1; \
	done

## fuzz: the property and security tests (tests/test_property.py, tests/test_security.py) with
## many more random examples: programs, malformed sources, docstrings, paths, names, constants
## and sizes (minutes)
fuzz: $(STAMP)
	MATGRADC_FUZZ=1 $(PY) -m pytest tests/test_property.py tests/test_security.py \
		--hypothesis-show-statistics

## bench: generated gradients against hand-written experts (and JAX, PyTorch, autograd when
## installed with `pip install -e '.[bench]'`); writes bench/results.md
bench: $(STAMP)
	$(PY) bench/run.py

## bench-eigen: partial-spectrum gradients of a sparse grid Laplacian at n = 10⁴, 10⁵ (issue 14);
## appends a section to bench/results.md
bench-eigen: $(STAMP)
	$(PY) bench/eigen.py

## peer: HIPS/autograd's gradient tests ported as models (tests/peer/), compiled annotated and
## with every annotation stripped; writes tests/peer/results.md, fails on a new WRONG case
peer: $(STAMP)
	$(PY) tests/peer/run.py --both --out tests/peer/results.md

lint: $(STAMP)

	$(VENV)/bin/ruff check compiler tests generated examples
	$(VENV)/bin/black --check generated

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
