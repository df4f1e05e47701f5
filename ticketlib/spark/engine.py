"""The replay on Spark: the raw tables read from Parquet, split by a hash of the ticket key,
each bucket replayed by `ticketlib.spark.partition.replay_partition` (the CLI's own code path
in an in-process DuckDB), the rows written as Parquet.

Shape: tickets (with their import flags nested) and events each get
`bucket = pmod(xxhash64(ticket_key), N)`; `groupBy(bucket).cogroup(...).applyInArrow` hands one
function ALL the tickets and ALL the events of a bucket as two Arrow tables. Spark checks the
returned columns by name and exact Arrow type, hence `conform`. Nothing crosses buckets: the
only global values (as-of instant, configuration, imports) are in the plan, computed once on
the driver and shipped with the function.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyarrow as pa

from ticketlib.domain.config import SlaConfig
from ticketlib.spark.partition import (
    ReplayPlan,
    conform,
    output_schema,
    plan_for,
    replay_partition,
    span_of,
)

BUCKET = "_bucket"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
SPARK_TYPES = {
    pa.string(): "string",
    pa.int64(): "bigint",
    pa.int32(): "int",
    pa.bool_(): "boolean",
    pa.float64(): "double",
    pa.timestamp("us", tz="UTC"): "timestamp",
    pa.timestamp("us"): "timestamp_ntz",
}


def spark_ddl(schema: pa.Schema) -> str:
    """Spark's DDL for an Arrow schema of the CLI outputs ("ticket_id string, ...")."""
    return ", ".join(f"`{f.name}` {SPARK_TYPES[f.type]}" for f in schema)


def raw_paths(raw: str, name: str) -> tuple[str, str]:
    """Where raw table `name` may be under `raw`: `<name>.parquet` (what `export-raw` writes) or
    a `<name>/` folder of Parquet files."""
    base = raw.rstrip("/")
    return f"{base}/{name}.parquet", f"{base}/{name}"


def missing_table(raw: str, name: str) -> str:
    return f"{raw}: ni / neither {name}.parquet ni / nor {name}/ (export-raw)"


def local_raw_problem(raw: str) -> str | None:
    """For a local folder (a path or file:// URI), the first required table it lacks, checked
    before a JVM starts; None when all are there or `raw` is another URI (Spark reads it)."""
    if "://" in raw and not raw.startswith("file://"):
        return None
    folder = raw.removeprefix("file://")
    for name in ("tickets", "events", "imports"):
        if not any(Path(p).exists() for p in raw_paths(folder, name)):
            return missing_table(raw, name)
    return None


def read_raw(spark, raw: str) -> dict:
    """The raw tables under `raw` (a folder or any URI Spark reads) as Spark DataFrames
    (`raw_paths`). `import_flags` may be absent (no flags)."""
    from pyspark.errors import AnalysisException

    def read(name: str, optional: bool = False):
        for path in raw_paths(raw, name):
            try:
                return spark.read.parquet(path)
            except AnalysisException:
                continue
        if optional:
            return None
        raise ValueError(missing_table(raw, name))

    return {
        "tickets": read("tickets"),
        "events": read("events"),
        "imports": read("imports"),
        "import_flags": read("import_flags", optional=True),
    }


def plan_on_spark(
    spark, tables: dict, config: SlaConfig, as_of=None, partitions: int = 8
) -> ReplayPlan:
    """The plan from global bounds, computed on the driver. The default as-of is the latest
    event or creation over ALL data: a Spark aggregate when every import read its naive times in
    the calendar's zone (the usual case); else, since those times are read again in this zone,
    the maximum of each bucket's `span_of` (the replay's own rule)."""
    imports = tables["imports"].toArrow()
    if as_of not in (None, ""):
        return plan_for(config, imports, as_of)
    tz = config.calendar.timezone
    if all(z == tz for z in imports.column("timezone").to_pylist()):
        from pyspark.sql import functions as F

        # as microseconds: collect() would give naive datetimes in the driver's local zone
        ev = tables["events"].agg(F.unix_micros(F.max("ts"))).collect()[0][0]
        tk = tables["tickets"].agg(F.unix_micros(F.max("created_at"))).collect()[0][0]
        latest_us = max((t for t in (ev, tk) if t is not None), default=None)
    else:
        latest_us = _latest_by_bucket(tables, imports, tz, partitions)
    latest = None if latest_us is None else EPOCH + timedelta(microseconds=latest_us)
    return plan_for(config, imports, None, latest)


def _latest_by_bucket(tables, imports: pa.Table, tz: str, partitions: int):
    tk, ev = _bucketed(tables["tickets"], partitions), _bucketed(tables["events"], partitions)

    def span(key, t, e):
        _, latest = span_of(t.drop_columns([BUCKET]), e.drop_columns([BUCKET]), imports, tz)
        return pa.table({"latest": pa.array([latest], pa.timestamp("us", tz="UTC"))})

    rows = tk.groupBy(BUCKET).cogroup(ev.groupBy(BUCKET)).applyInArrow(span, "latest timestamp")
    from pyspark.sql import functions as F

    return rows.agg(F.unix_micros(F.max("latest"))).collect()[0][0]


def _bucketed(frame, partitions: int):
    from pyspark.sql import functions as F

    bucket = F.pmod(F.xxhash64("ticket_key"), F.lit(partitions)).alias(BUCKET)
    return frame.select(bucket, *frame.columns)


def with_flags_spark(tickets, import_flags):
    """tickets + `import_flags`: each ticket's flags as list<struct<flag, detail, import_id>>
    (the shape `replay_partition` reads)."""
    from pyspark.sql import functions as F

    if import_flags is None:
        return tickets
    nested = import_flags.groupBy("ticket_key").agg(
        F.collect_list(F.struct("flag", "detail", "import_id")).alias("import_flags")
    )
    return tickets.join(nested, "ticket_key", "left")


def replay_spark(tables: dict, kind: str, plan: ReplayPlan, partitions: int):
    """The `kind` rows ("sla", "durations", "quality") of every ticket, as a Spark DataFrame
    with the CLI's columns and types (DESIGN §5.3), unordered."""
    schema = output_schema(kind, plan.config)
    tickets = with_flags_spark(tables["tickets"], tables["import_flags"])
    tk, ev = _bucketed(tickets, partitions), _bucketed(tables["events"], partitions)

    def per_bucket(key, t, e):
        # no type hints, no default arguments: pyspark 4 refuses both on Arrow UDFs
        rows = replay_partition(t.drop_columns([BUCKET]), e.drop_columns([BUCKET]), plan, (kind,))
        return conform(rows[kind], schema)

    grouped = tk.groupBy(BUCKET).cogroup(ev.groupBy(BUCKET))
    return grouped.applyInArrow(per_bucket, spark_ddl(schema))


def run(
    spark, kind: str, raw: str, out: str, config: SlaConfig, as_of=None, partitions: int = 8
) -> int:
    """Read `raw`, replay `kind` as of `as_of` (default: latest instant of all data), write
    `out` (a folder of Parquet part files, replaced); returns the number of rows written."""
    tables = read_raw(spark, raw)
    plan = plan_on_spark(spark, tables, config, as_of, partitions)
    replay_spark(tables, kind, plan, partitions).write.mode("overwrite").parquet(out)
    return spark.read.parquet(out).count()
