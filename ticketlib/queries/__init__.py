"""Named queries by the question they answer (SQL in sql/queries); no Streamlit."""
