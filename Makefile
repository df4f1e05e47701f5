# Two commands on a fresh machine with Python 3.11+ and make: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB := data/tickets.duckdb
PORT ?= 8501

.PHONY: run test test-spark bench lint format demo-db realdata clean

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# The demo export holds a few bad rows on purpose (unreadable timestamps, an unknown status,
# duplicates) to show the quarantine: said before the import prints them (issue 13, item 14).
DEMO_NOTE := "Démo : les doublons, la quarantaine et le statut inconnu ci-dessous sont voulus (la démo montre comment ils sont traités), l'installation est correcte. / Demo: the duplicates, quarantined rows and unknown status below are deliberate (the demo shows how they are handled); the install is fine."

$(DB): | $(VENV)/.runtime
	@echo $(DEMO_NOTE)
	$(PY) -m ticketlib load data/demo/tickets.csv data/demo/events.csv --db $(DB)

demo-db: $(VENV)/.runtime
	rm -f $(DB)
	@echo $(DEMO_NOTE)
	$(PY) -m ticketlib load data/demo/tickets.csv data/demo/events.csv --db $(DB)

run: $(VENV)/.runtime $(DB)
	$(VENV)/bin/streamlit run dashboard.py --server.port $(PORT) --server.headless true

test: $(VENV)/.dev
	$(PY) -m pytest -q

bench: $(VENV)/.dev
	$(PY) -m bench
	$(PY) -m bench.spark

# --engine spark (optional): pyspark from requirements-spark.txt, and Java 17 or 21.
$(VENV)/.spark: $(VENV)/.dev requirements-spark.txt
	$(PY) -m pip install --quiet -r requirements-spark.txt
	touch $@

test-spark: $(VENV)/.spark
	@command -v java >/dev/null || [ -x "$$JAVA_HOME/bin/java" ] \
		|| { echo "test-spark needs Java 17/21: apt-get install openjdk-17-jre-headless"; exit 1; }
	PYSPARK_PYTHON=$(abspath $(PY)) SPARK_LOCAL_IP=127.0.0.1 $(PY) -m pytest -q -m spark

realdata: $(VENV)/.dev
	$(PY) -m pytest -q -m realdata -s

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-output bench-out
