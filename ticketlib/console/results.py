"""The SQL console's results as frames: Arrow batches cut to a byte budget, plain pandas types,
and exports (nested values as text, Parquet bytes)."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa


def _rows_within(batch: pa.RecordBatch, budget: int) -> pa.RecordBatch:
    """The first rows of `batch` whose size stays within `budget` bytes (at least none)."""
    lo, hi = 0, batch.num_rows
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if batch.slice(0, mid).nbytes <= budget else (lo, mid - 1)
    return batch.slice(0, lo)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """Arrow to pandas with plain types: enums as text, whole-number decimals as integers."""
    columns = []
    for field, column in zip(table.schema, table.columns):
        if pa.types.is_dictionary(field.type):
            column = column.cast(field.type.value_type)
        elif pa.types.is_decimal(field.type) and field.type.scale == 0:
            try:
                column = column.cast(pa.int64())
            except pa.ArrowInvalid:
                column = column.cast(pa.float64())
        columns.append(column)
    names = _unique(table.schema.names)
    return pa.table(columns, names=names).to_pandas()


def exportable(frame: pd.DataFrame) -> pd.DataFrame:
    """A result ready for CSV / Excel / Parquet: nested values (lists, structs, maps, blobs)
    written as text, since spreadsheets have no cell for them."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            values = out[column].dropna()
            if len(values) and not values.map(lambda v: isinstance(v, str | int | float)).all():
                out[column] = out[column].map(
                    lambda v: (
                        None
                        if v is None or (isinstance(v, float) and pd.isna(v))
                        else v
                        if isinstance(v, str | int | float)
                        else _text(v)
                    )
                )
    return out


def _text(value) -> str:
    import json

    if isinstance(value, bytes):
        return value.hex()
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except TypeError:
        return str(value)


def to_parquet(frame: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        n = seen.get(name, 0)
        seen[name] = n + 1
        out.append(name if n == 0 else f"{name}_{n}")
    return out
