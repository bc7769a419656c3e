"""The same BackendTests on modelsearch's SQLite backend, for comparison: what fails there too
(tree filters on this older fixture, nested related fields) is not ours to explain."""

from modelsearch.tests.test_sqlite_backend import TestSQLiteSearchBackend  # noqa: F401
