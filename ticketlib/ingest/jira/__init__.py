"""The jira reader: its files in, staging rows out."""
