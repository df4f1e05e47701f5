"""The eventlog reader: its files in, staging rows out."""
