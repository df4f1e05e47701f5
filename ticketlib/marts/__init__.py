"""What readers query: the derived tables kept in the database, and on-demand replays."""
