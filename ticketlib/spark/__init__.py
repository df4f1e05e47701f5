"""`--engine spark`: the replay on Apache Spark (issue 12). pyspark is imported lazily, in
`session` and `engine` only; `ticketlib` itself never needs it."""
