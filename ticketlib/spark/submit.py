"""spark-submit's entry point (it needs a .py file, not `-m`): the command line with
`--engine spark`, e.g.

    PYTHONPATH=$PWD PYSPARK_PYTHON=$PWD/.venv/bin/python spark-submit --master 'local[2]' \\
        ticketlib/spark/submit.py sla --raw lake/raw --out lake/sla

The master, memory and cluster options are spark-submit's; executors need the same Python with
duckdb, pyarrow and this project importable (PYTHONPATH or an installed copy).
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    root = str(here.parents[1])
    sys.path[:] = [root] + [p for p in sys.path if Path(p or ".").resolve() != here]
    from ticketlib.cli import main

    argv = sys.argv[1:]
    if argv and argv[0] in ("sla", "durations", "quality") and "--engine" not in argv:
        argv = [argv[0], "--engine", "spark", *argv[1:]]
    sys.exit(main(argv))
