"""The DuckDB file: schema, connections, atomic write sessions, and the SQL-file runner."""
