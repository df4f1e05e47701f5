"""The servicenow reader: its files in, staging rows out."""
