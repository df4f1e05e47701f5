"""The zendesk reader: its files in, staging rows out."""
