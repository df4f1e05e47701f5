"""The generic reader: its files in, staging rows out."""
