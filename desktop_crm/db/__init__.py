"""Storage: the schema, the connection, migrations and the search index."""
